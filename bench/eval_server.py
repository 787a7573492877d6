"""Starts `guidebot serve` and grades question sets against it (bench/grade_sets.py: grade.py's checks
plus our directness checks); exits 1 if a set fails."""

from __future__ import annotations

import argparse
import subprocess
import sys

from bench.server_process import running_server, wait_ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", dest="sets", action="append", required=True, help="a question set (.jsonl)")
    parser.add_argument("--floor", action="append", default=[], metavar="FILE=SHARE")
    args = parser.parse_args()
    with running_server() as (base, proc):
        try:
            wait_ready(base)
        except TimeoutError:
            proc.terminate()
            print(proc.stderr.read().decode()[-4000:] if proc.stderr else "", file=sys.stderr)
            raise
        command = [sys.executable, "-m", "bench.grade_sets", "--url", base, "--by-family"]
        command += [a for s in args.sets for a in ("--set", s)]
        command += [a for f in args.floor for a in ("--floor", f)]
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

"""Starts `guidebot serve` and runs ../shared/eval/grade.py on each set; exits 1 if any case fails."""

from __future__ import annotations

import argparse
import subprocess
import sys

from bench.server_process import ROOT, running_server, wait_ready

GRADER = ROOT.parent / "shared" / "eval" / "grade.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", dest="sets", action="append", required=True, help="a question set (.jsonl)")
    args = parser.parse_args()
    failed = 0
    with running_server() as (base, proc):
        try:
            wait_ready(base)
        except TimeoutError:
            proc.terminate()
            print(proc.stderr.read().decode()[-4000:] if proc.stderr else "", file=sys.stderr)
            raise
        for qset in args.sets:
            print(f"== grade.py --set {qset}", flush=True)
            run = subprocess.run(
                [sys.executable, str(GRADER), "--url", base, "--set", qset, "-v"], check=False
            )
            failed += run.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

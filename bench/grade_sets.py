"""Grades our own question sets against a running server: grade.py's checks plus directness checks.

Extra case fields (see tests/eval/README.md):
- lead: acceptable first words of the answer (yes/no polarity);
- lead_mentions: alternatives, one of which must stand in the answer's first sentence;
- all_of: groups of alternatives that must all appear somewhere in the answer.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.server_process import ROOT

GRADER = ROOT.parent / "shared" / "eval" / "grade.py"
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?:])(\s|$)", re.DOTALL)


def load_grader(path: Path = GRADER) -> ModuleType:
    """The shared grade.py as a module (its grade() is the base of every check here)."""
    spec = importlib.util.spec_from_file_location("shared_grade", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def directness_fails(case: dict[str, Any], reply: dict[str, Any]) -> list[str]:
    """The failures of the extra checks: lead words, first-sentence mentions, every listed group."""
    answer = (reply.get("answer") or "").strip()
    low = answer.lower()
    first = _FIRST_SENTENCE.match(answer)
    first_sentence = (first.group(1) if first else answer).lower()
    fails = []
    if case.get("lead") and not any(low.startswith(w.lower()) for w in case["lead"]):
        fails.append(f"answer does not open with one of {case['lead']}: {answer[:60]!r}")
    if case.get("lead_mentions") and not any(w.lower() in first_sentence for w in case["lead_mentions"]):
        fails.append(f"first sentence names none of {case['lead_mentions']}: {first_sentence[:80]!r}")
    for group in case.get("all_of", []):
        if not any(w.lower() in low for w in group):
            fails.append(f"answer lacks all of {group}")
    return fails


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--set", dest="sets", action="append", required=True)
    parser.add_argument("-v", action="store_true", help="print every case, not only failures")
    parser.add_argument("--by-family", action="store_true", help="also count families fully passed")
    parser.add_argument(
        "--floor",
        action="append",
        default=[],
        metavar="FILE=SHARE",
        help="a set that fails only below this share of cases passed (a regression guard, not a pass)",
    )
    args = parser.parse_args()
    floors = {f.rsplit("=", 1)[0]: float(f.rsplit("=", 1)[1]) for f in args.floor}
    grader = load_grader()
    failed = 0
    for qset in args.sets:
        cases = [
            json.loads(line) for line in Path(qset).read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        passed, families = 0, {}
        for case in cases:
            try:
                reply, _ = grader.ask_http(args.url, case["turns"])
                fails = grader.grade(case, reply)[0] + directness_fails(case, reply)
            except Exception as exc:  # a crash is that case's failure
                reply, fails = {}, [f"error {type(exc).__name__}: {exc}"]
            passed += not fails
            fam = case.get("family", case["id"])
            families[fam] = families.get(fam, True) and not fails
            if fails or args.v:
                status = "PASS" if not fails else "FAIL"
                print(f"{status} {case['id']} | {case['turns'][-1][:70]} | {'; '.join(fails)[:300]}")
                if fails and args.v:
                    print("     " + (reply.get("answer") or "")[:300].replace("\n", " "))
        summary: dict[str, Any] = {"set": qset, "passed": passed, "total": len(cases)}
        if args.by_family:
            summary["families"] = f"{sum(families.values())}/{len(families)}"
        floor = floors.get(qset)
        if floor is not None:
            summary["floor"] = floor
        print(json.dumps(summary), flush=True)
        failed += passed < len(cases) * (floor if floor is not None else 1.0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Validates VDV 463 frames, one JSON frame per line of the file named on the command line,
against the official 2.0.0 schemas (the rules of test_vdv463_schemas.py). Prints each frame's
problems and exits 1 if there are any; used by the Swift end-to-end night (VDVNightTests)."""

import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_vdv463_schemas import problems  # noqa: E402


def main(path):
    failed = 0
    for number, line in enumerate(pathlib.Path(path).read_text().splitlines(), start=1):
        found = problems(json.loads(line), "2.0.0")
        for problem in found:
            print(f"frame {number}: {problem}")
        failed += bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

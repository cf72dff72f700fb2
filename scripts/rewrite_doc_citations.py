#!/usr/bin/env python3
"""Points every citation of a design page at docs/: `(ocpp.md §4)` → `(docs/ocpp.md §4)`,
`design/vdv.md` and `../shared/design/vdv.md` → `docs/vdv.md`. Only the page name changes; section
numbers stay (docs/ keeps the original numbering). Idempotent: `docs/ocpp.md` is left alone, so it
can be re-run after a merge brings in new citations. Skips docs/ itself, where pages cite each
other by bare name. Run from the repository root, then `python3 scripts/check_doc_citations.py`.

    python3 scripts/rewrite_doc_citations.py [--check]   (--check: list what would change, exit 1 if anything)
"""
import pathlib
import re
import subprocess
import sys

PAGES = ["architecture", "conventions", "depot-config", "ocpp", "vdv", "solver", "policy-api", "reliability"]
CITATION = re.compile(r"(?<![\w/.-])(?:(?:\.\./)*(?:shared/)?design/)?(" + "|".join(map(re.escape, PAGES)) + r")\.md\b")
SKIP_PREFIXES = ("docs/",)
SKIP_FILES = {"scripts/rewrite_doc_citations.py", "scripts/check_doc_citations.py"}


def rewritten(text):
    return CITATION.sub(lambda match: f"docs/{match.group(1)}.md", text)


def main(arguments):
    check = "--check" in arguments
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    changed = 0
    for name in files:
        path = pathlib.Path(name)
        if name.startswith(SKIP_PREFIXES) or name in SKIP_FILES or not path.is_file():
            continue
        try:
            text = path.read_text()
        except UnicodeDecodeError:
            continue
        new = rewritten(text)
        if new != text:
            changed += 1
            count = len(CITATION.findall(text))
            print(f"{name}: {count} citation{'s' if count != 1 else ''}")
            if not check:
                path.write_text(new)
    print(f"{changed} files {'would change' if check else 'changed'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

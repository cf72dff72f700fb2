#!/usr/bin/env python3
"""Checks that every citation of a design page names a section the page has.

A citation is a page name (`docs/ocpp.md`, or a bare `ocpp.md` inside docs/) followed, in the same
parenthesis or clause, by section references: `§13.2`, `§7–§8`, VDV parts `A5`, `B6`, `Part A`, or a
quoted or named heading (`"Hot reload"`, `Lua binding`). Sections resolve against the headings of
docs/<page>: `## 13. …`, `### 13.2 …`, `### A5. …`, `## Part A — …`, `### 6. …` (conventions).
Run from the repository root; exits 1 and lists what does not resolve.

    python3 scripts/check_doc_citations.py [FILES…]   (default: every tracked text file)
"""
import pathlib
import re
import subprocess
import sys

DOCS = pathlib.Path("docs")
PAGES = sorted(p.name for p in DOCS.glob("*.md") if p.name != "README.md")
NAME = "|".join(re.escape(p[:-3]) for p in PAGES)
CITATION = re.compile(r"(?<![\w/-])(?:(?:\.\./)*(?:shared/)?(?:docs|design)/)?(" + NAME + r")\.md\b([^()\[\];:\n]{0,60})")
SECTION = re.compile(r"§\s?(\d+(?:\.\d+)?)")
PART_ITEM = re.compile(r"\b([AB]\d)\b")
PART = re.compile(r"\bPart ([AB])\b")
QUOTED = re.compile(r"\"([^\"]{3,40})\"")
NAMED = ("Lua binding", "Testing", "Hot reload", "Decision records", "Tests")


CHECKED = 0


def headings(page):
    return [line.lstrip("#").strip() for line in (DOCS / page).read_text().splitlines() if line.startswith("#")]


def resolves(page, ref, kind):
    for heading in headings(page):
        if kind == "section" and re.match(re.escape(ref) + r"(\.|\s)", heading):
            return True
        if kind == "item" and heading.startswith(ref + "."):
            return True
        if kind == "part" and heading.startswith("Part " + ref):
            return True
        if kind == "name" and ref.lower() in heading.lower():
            return True
    return False


def flatten(text):
    """Joins comment continuation lines so a citation wrapped over two lines reads as one."""
    return re.sub(r"\n[ \t]*(?:///|//|--|#|\*)?[ \t]*", " ", text)


def problems(path):
    global CHECKED
    found = []
    text = flatten(path.read_text(errors="replace"))
    for match in CITATION.finditer(text):
        page, tail = match.group(1) + ".md", match.group(2)
        tail = re.split(r"\.\s|\)", tail)[0]
        refs = [(r, "section") for r in SECTION.findall(tail)]
        refs += [(r, "item") for r in PART_ITEM.findall(tail)] if page == "vdv.md" else []
        refs += [(r, "part") for r in PART.findall(tail)]
        refs += [(r, "name") for r in QUOTED.findall(tail) if not r.startswith(("rate", "profile"))]
        refs += [(n, "name") for n in NAMED if tail.lstrip(" ,").startswith(n)]
        CHECKED += len(refs)
        for ref, kind in refs:
            if not resolves(page, ref, kind):
                found.append(f"{path}: {page} {ref}")
    return found


def main(arguments):
    files = arguments or subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    suffixes = {".swift", ".md", ".py", ".c", ".h", ".lua", ".yaml", ".yml", ".json", ".sh", ""}
    paths = [pathlib.Path(f) for f in files if pathlib.Path(f).suffix in suffixes and pathlib.Path(f).is_file()]
    found = sorted({p for path in paths for p in problems(path)})
    print("\n".join(found) if found else f"all {CHECKED} section references of design citations resolve ({len(paths)} files)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

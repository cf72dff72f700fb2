"""Where the official VDV 463 schemas are read from (the same order as Tests/VDVTests/Support/SchemaFolder.swift):
BUSBAR_VDV463_SCHEMAS when set (even if missing, so a wrong path fails loudly), else
<repo root>/../shared/vdv463-schemas (CI), else <repo root>/.vdv463-schemas (fetched by `make vdv463-schemas`)."""
import os
import pathlib

ENVIRONMENT_VARIABLE = "BUSBAR_VDV463_SCHEMAS"
FETCHED_FOLDER = ".vdv463-schemas"


def candidates(environ, repo):
    explicit = environ.get(ENVIRONMENT_VARIABLE)
    if explicit:
        return [(repo / explicit).resolve()]
    return [repo.parent / "shared" / "vdv463-schemas", repo / FETCHED_FOLDER]


def resolve(environ=os.environ, repo=pathlib.Path(__file__).resolve().parents[2]):
    """The first candidate that is a folder, else the last one tried (its absence is what the tests report)."""
    tried = candidates(environ, repo)
    return next((folder for folder in tried if folder.is_dir()), tried[-1])

"""The depot JSON Schema (config/schema/depot.schema.json) and Busbar's loader must agree.

Editors validate depot files with the schema while operators type; `busbar config check` validates
them for real. Every file here gets the same verdict from both, except the `semantic` fixtures,
which break rules a JSON Schema cannot express (references, sums, overlaps): the schema accepts
them and the loader must still refuse them.
"""
import json
import pathlib

import jsonschema
import pytest
import yaml

from conftest import REPO, run_busbar

SCHEMA = json.loads((REPO / "config" / "schema" / "depot.schema.json").read_text())
FIXTURES = REPO / "Tests" / "DepotConfigTests" / "Fixtures" / "schema"
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


def schema_errors(path: pathlib.Path) -> list:
    return list(VALIDATOR.iter_errors(yaml.safe_load(path.read_text())))


def files(*parts: str) -> list:
    return sorted((REPO.joinpath(*parts)).glob("*.yaml"))


def test_schema_is_a_valid_draft7_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", files("config", "depots") + files("Tests", "DepotConfigTests", "Fixtures", "schema", "valid"), ids=lambda p: p.name)
def test_valid_files_pass_both(busbar_bin, path):
    assert schema_errors(path) == []
    result = run_busbar(busbar_bin, "config", "check", str(path))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", files("Tests", "DepotConfigTests", "Fixtures", "schema", "invalid"), ids=lambda p: p.name)
def test_invalid_files_fail_both(busbar_bin, path):
    assert schema_errors(path), "the schema accepted a file the loader must refuse"
    result = run_busbar(busbar_bin, "config", "check", str(path))
    assert result.returncode == 1
    # Every problem is located: file:line:col key.path: message
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    assert problems, result.stderr
    for line in problems:
        location, _, message = line.partition(": ")
        assert location.count(":") >= 2 and message


@pytest.mark.parametrize("path", files("Tests", "DepotConfigTests", "Fixtures", "schema", "semantic"), ids=lambda p: p.name)
def test_semantic_mistakes_pass_the_schema_but_not_the_loader(busbar_bin, path):
    assert schema_errors(path) == []
    assert run_busbar(busbar_bin, "config", "check", str(path)).returncode == 1

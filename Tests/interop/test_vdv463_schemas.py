"""Validates VDV 463 frames against the official JSON schemas (docs/vdv.md "Tests").

- Fixtures/emitted/: every frame Busbar's Swift encoder emits (golden files written by
  VDVTests); each must be valid against 2.0.0.
- Fixtures/decode/v2/ and v1/: decoder inputs; each must be valid against its version.
- Fixtures/decode/invalid/: invalid twins; each must fail both versions (the Swift decoder
  refuses them too).
- Fixtures/decode/tolerated/: deviations Busbar accepts on purpose (docs/vdv.md A7); each must
  fail both versions, which is what makes them deviations.

The schemas are read from BUSBAR_VDV463_SCHEMAS, else <repo root>/../shared/vdv463-schemas/ (CI keeps
shared/ beside the clone), else the copy `make vdv463-schemas` fetched (vdv463_schema_folder.py).
"""

import json
import pathlib

import jsonschema
import pytest

import vdv463_schema_folder

REPO = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = vdv463_schema_folder.resolve()
FIXTURES = REPO / "Tests" / "VDVTests" / "Fixtures"
SUFFIX = {1: "Request", 2: "Response"}


def load_schemas(version):
    folder = SCHEMAS / version
    if not folder.is_dir():
        pytest.fail(f"VDV 463 schemas not found at {folder}; run `make vdv463-schemas` or set BUSBAR_VDV463_SCHEMAS")
    return {path.stem: json.loads(path.read_text()) for path in folder.glob("*.json")}


def validator(schema, version):
    cls = jsonschema.Draft7Validator if version == "2.0.0" else jsonschema.Draft4Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def problems(frame, version):
    """Every schema violation of a frame (envelope, then payload) under one version."""
    schemas = load_schemas(version)
    found = [e.message for e in validator(schemas["MessageStructure"], version).iter_errors(frame)]
    if found or not isinstance(frame, list) or len(frame) != 7:
        return found or ["not a 7-item array"]
    message_type, action, payload = frame[0], frame[5], frame[6]
    name = "ErrorResponse" if message_type == 3 else f"{action}{SUFFIX[message_type]}"
    if name in schemas:
        found += [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator(schemas[name], version).iter_errors(payload)]
    elif version == "2.0.0":
        found.append(f"no schema {name}")
    return found


def frames(folder):
    paths = sorted((FIXTURES / folder).glob("*.json"))
    return [pytest.param(json.loads(path.read_text()), id=path.name) for path in paths]


def test_fixture_folders_are_populated():
    for folder in ["emitted", "decode/v2", "decode/v1", "decode/invalid", "decode/tolerated"]:
        assert list((FIXTURES / folder).glob("*.json")), f"{folder} holds no fixtures"


@pytest.mark.parametrize("frame", frames("emitted"))
def test_emitted_frames_are_valid_2_0_0(frame):
    assert problems(frame, "2.0.0") == []


@pytest.mark.parametrize("frame", frames("decode/v2"))
def test_2_0_0_inputs_are_valid_2_0_0(frame):
    assert problems(frame, "2.0.0") == []


@pytest.mark.parametrize("frame", frames("decode/v1"))
def test_1_0_0_inputs_are_valid_1_0_0(frame):
    assert problems(frame, "1.0.0") == []


@pytest.mark.parametrize("frame", frames("decode/invalid") + frames("decode/tolerated"))
def test_invalid_and_tolerated_inputs_fail_both_versions(frame):
    assert problems(frame, "2.0.0") != []
    assert problems(frame, "1.0.0") != []

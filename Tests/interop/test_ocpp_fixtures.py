"""Checks the golden OCPP fixtures of Tests/OCPPTests/Fixtures against the official OCA JSON
schemas bundled in the PyPI package `ocpp` (pinned in requirements.txt): every valid fixture
must pass its schema and every invalid twin (`*.invalid.*.json`) must fail it."""

import json
import os
from pathlib import Path

import jsonschema
import ocpp
import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "OCPPTests" / "Fixtures"
SCHEMAS = Path(os.path.dirname(ocpp.__file__))


def schema_for(version: str, message: str) -> dict:
    if version == "v16":
        name = message[: -len("Request")] if message.endswith("Request") else message
    else:
        name = message
    return json.loads((SCHEMAS / version / "schemas" / f"{name}.json").read_text())


def fixtures(valid: bool):
    for version in ("v16", "v201"):
        for path in sorted((FIXTURES / version).glob("*.json")):
            if (".invalid." in path.name) != valid:
                yield pytest.param(version, path, id=f"{version}/{path.name}")


def validator(version: str, path: Path):
    schema = schema_for(version, path.name.split(".")[0])
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("version,path", fixtures(valid=True))
def test_valid_fixture_matches_official_schema(version, path):
    validator(version, path).validate(json.loads(path.read_text()))


@pytest.mark.parametrize("version,path", fixtures(valid=False))
def test_invalid_twin_fails_official_schema(version, path):
    errors = list(validator(version, path).iter_errors(json.loads(path.read_text())))
    assert errors, f"{path.name} unexpectedly satisfies the official schema"


def test_every_family_has_an_invalid_twin():
    for version in ("v16", "v201"):
        names = {p.name.split(".")[0] for p in (FIXTURES / version).glob("*.invalid.*.json")}
        for family in ("BootNotificationRequest", "StatusNotificationRequest", "MeterValuesRequest",
                       "SetChargingProfileRequest", "ReserveNowRequest"):
            assert family in names, f"{version}: no invalid twin for {family}"
        transaction = "StartTransactionRequest" if version == "v16" else "TransactionEventRequest"
        assert transaction in names

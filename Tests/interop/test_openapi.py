"""`/openapi.yaml` is a valid OpenAPI 3.1 document, and what a running `busbar serve` answers
matches it: every response of a walk through the API (successes and problem details) is checked
against the schema the document gives for its path, method, status and media type."""
import json
import os
import re
import subprocess
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import REPO

DOCUMENT_PATH = REPO / "Sources" / "BusbarServer" / "API" / "openapi.yaml"
DOCUMENT = yaml.safe_load(DOCUMENT_PATH.read_text())
TOKENS = {"admin": "openapi-admin", "hochbahn": "openapi-hochbahn", "vhh": "openapi-vhh"}
BASE = "urn:busbar-openapi"
REGISTRY = Registry().with_resource(BASE, Resource.from_contents(DOCUMENT, default_specification=DRAFT202012))


@pytest.fixture(scope="module")
def server(busbar_bin, tmp_path_factory):
    """`busbar serve` with the demo depot and `config/busbar.yaml`'s three API tokens."""
    folder = tmp_path_factory.mktemp("busbar-openapi")
    environment = dict(os.environ, BUSBAR_ADMIN_TOKEN=TOKENS["admin"], BUSBAR_HOCHBAHN_TOKEN=TOKENS["hochbahn"], BUSBAR_VHH_TOKEN=TOKENS["vhh"])
    process = subprocess.Popen(
        [str(busbar_bin), "serve", "--depot", "config/depots/demo.yaml", "--db", str(folder / "busbar.sqlite"),
         "--address", "127.0.0.1", "--port", "0"],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=open(folder / "server.log", "w"), text=True,
    )
    match = re.search(r":(\d+)$", process.stdout.readline().strip())
    if not match:
        process.kill()
        pytest.fail(f"busbar serve did not start:\n{(folder / 'server.log').read_text()}")
    yield int(match.group(1))
    process.terminate()
    process.wait(timeout=10)


def pointer(*parts: str) -> str:
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def template_of(path: str) -> str:
    """The documented path a concrete path matches; literal segments win over parameters."""
    bare = path.split("?")[0]
    candidates = [t for t in DOCUMENT["paths"] if re.fullmatch(re.sub(r"\{[^/]+\}", "[^/]+", t), bare)]
    assert candidates, f"{bare} is not documented"
    return min(candidates, key=lambda t: t.count("{"))


class Client:
    def __init__(self, port: int):
        self.port = port
        self.checked: list[tuple[str, str, int]] = []

    def call(self, method: str, path: str, token: str | None = "admin", body=None, content_type="application/json"):
        """Sends a request and checks the answer against the document; returns (status, parsed body)."""
        headers = {"Authorization": f"Bearer {TOKENS.get(token, token)}"} if token else {}
        data = None
        if body is not None:
            data = (body if isinstance(body, str) else json.dumps(body)).encode()
            headers["Content-Type"] = content_type
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                status, media, raw = response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            status, media, raw = error.code, error.headers.get("Content-Type", ""), error.read()
        template = template_of(path)
        operation = DOCUMENT["paths"][template][method.lower()]
        assert str(status) in operation["responses"], f"{method} {path} answered {status}, not documented: {raw[:300]!r}"
        response = operation["responses"][str(status)]
        location = ["paths", template, method.lower(), "responses", str(status)]
        if "$ref" in response:
            location = response["$ref"].lstrip("#/").split("/")
            response = DOCUMENT["components"]["responses"][location[-1]]
        content = response.get("content", {})
        if not content:
            assert raw == b"", f"{method} {path}: {status} has no documented body"
            self.checked.append((method, template, status))
            return status, None
        media = media.split(";")[0]
        assert media in content, f"{method} {path}: {status} answered {media}, documented {list(content)}"
        value = raw.decode() if media in ("application/yaml", "text/csv") else json.loads(raw)
        schema = {"$ref": f"{BASE}#/{pointer(*location, 'content', media, 'schema')}"}
        validator = jsonschema.Draft202012Validator(schema, registry=REGISTRY, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.path))
        assert not errors, f"{method} {path} ({status}) does not match its schema: {errors[0].message} at {list(errors[0].path)}"
        self.checked.append((method, template, status))
        return status, value


def at(hours: float) -> str:
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


def tomorrow(time: str) -> str:
    """Tomorrow's local `time` at the demo depot, in UTC."""
    zone = ZoneInfo("Europe/Berlin")
    day = datetime.now(zone).date() + timedelta(days=1)
    local = datetime.combine(day, datetime.strptime(time, "%H:%M").time(), tzinfo=zone)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_document_is_valid_openapi_3_1():
    assert DOCUMENT["openapi"].startswith("3.1")
    validate(DOCUMENT)


def test_the_server_serves_the_checked_in_document(server):
    status, text = Client(server).call("GET", "/openapi.yaml", token=None)
    assert status == 200
    assert yaml.safe_load(text) == DOCUMENT


def test_a_walk_through_the_api_matches_the_document(server):
    api = Client(server)
    depot = "/api/v1/depots/demo"
    assert api.call("GET", "/api/v1/depots")[0] == 200
    assert api.call("GET", depot, token="hochbahn")[0] == 200
    assert api.call("GET", f"{depot}/live", token="vhh")[0] == 200
    assert api.call("GET", f"{depot}/status")[0] == 200
    status, chargers = api.call("GET", f"{depot}/chargers", token="hochbahn")
    assert status == 200 and chargers["chargers"]
    assert api.call("GET", f"{depot}/chargers/DEMO-A01")[0] == 200
    assert api.call("GET", f"{depot}/chargers/DEMO-B01", token="hochbahn")[0] == 404
    assert api.call("GET", f"{depot}/chargers/DEMO-A01/messages")[0] == 200
    assert api.call("GET", f"{depot}/sessions?status=finished&limit=5", token="hochbahn")[0] == 200
    assert api.call("GET", f"{depot}/sessions/DEMO-A01:none", token="hochbahn")[0] == 404
    assert api.call("POST", f"{depot}/sessions", token="hochbahn", body={"charger": "DEMO-A01", "connector": 1, "vehicle": "hb-01"})[0] == 502
    assert api.call("PUT", f"{depot}/sessions/DEMO-A01:none/limit", token="hochbahn", body={"max_kw": -1})[0] == 422
    assert api.call("POST", f"{depot}/sessions/DEMO-A01:none/stop", token="hochbahn")[0] == 404

    stay = {"vehicle": "hb-01", "arrival": at(2), "departure": at(9), "target_soc": 90, "min_target_soc": 80, "bay": "A01-1"}
    status, entry = api.call("POST", f"{depot}/timetable", token="hochbahn", body=stay)
    assert status == 201
    assert api.call("GET", f"{depot}/timetable/{entry['id']}", token="hochbahn")[0] == 200
    assert api.call("PUT", f"{depot}/timetable/{entry['id']}", token="hochbahn", body=dict(stay, target_soc=95))[0] == 200
    assert api.call("POST", f"{depot}/timetable", token="hochbahn", body=dict(stay, target_soc=120))[0] == 422
    assert api.call("POST", f"{depot}/timetable", token="hochbahn", body="{not json")[0] == 400
    csv = f"vehicle,arrival,departure,target_soc\nhb-02,{at(3)},{at(9)},90\nhb-03,soon,{at(9)},90\n"
    status, problem = api.call("POST", f"{depot}/timetable/import", token="hochbahn", body=csv, content_type="text/csv")
    assert status == 422 and [error["line"] for error in problem["errors"]] == [3]
    assert api.call("POST", f"{depot}/timetable/import?mode=valid", token="hochbahn", body=csv, content_type="text/csv")[0] == 200
    assert api.call("POST", f"{depot}/timetable/import", token="hochbahn", body=csv, content_type="application/json")[0] == 415
    status, timetable = api.call("GET", f"{depot}/timetable", token="hochbahn")
    assert status == 200
    file_stay = next(e for e in timetable["entries"] if e["source"] == "depot_file")
    assert api.call("DELETE", f"{depot}/timetable/{file_stay['id']}", token="hochbahn")[0] == 409

    # A daytime window: the depot file's night stays hold every bay from the evening to the morning.
    reservation = {"vehicle": "hb-02", "charger": "DEMO-A05", "connector": 2, "from": tomorrow("10:00"), "until": tomorrow("14:00")}
    status, created = api.call("POST", f"{depot}/reservations", token="hochbahn", body=reservation)
    assert status == 201
    assert api.call("POST", f"{depot}/reservations", token="hochbahn", body=reservation)[0] == 409
    assert api.call("POST", f"{depot}/reservations/{created['id']}/override", token="hochbahn")[0] == 200
    assert api.call("GET", f"{depot}/reservations", token="hochbahn")[0] == 200
    assert api.call("DELETE", f"{depot}/reservations/{created['id']}", token="hochbahn")[0] == 204
    assert api.call("DELETE", f"{depot}/reservations/{created['id']}", token="vhh")[0] == 404

    assert api.call("GET", f"{depot}/vehicles", token="vhh")[0] == 200
    assert api.call("GET", f"{depot}/vehicles/hb-01", token="hochbahn")[0] == 200
    assert api.call("GET", f"{depot}/events?status=open")[0] == 200
    assert api.call("POST", f"{depot}/events/999999/ack", token="hochbahn", body={"by": "Leitstelle"})[0] == 404
    assert api.call("GET", f"{depot}/notifications?status=pending", token="vhh")[0] == 200
    status, decisions = api.call("GET", f"{depot}/decisions?limit=5")
    assert status == 200
    if decisions["decisions"]:
        assert api.call("GET", f"{depot}/decisions/{decisions['decisions'][0]['id']}")[0] == 200
    assert api.call("GET", f"{depot}/decisions?from=yesterday")[0] == 400
    assert api.call("GET", f"{depot}/plan", token="hochbahn")[0] == 200
    assert api.call("POST", "/api/v1/stations/DEMO-A01/calls", body={"action": "Reset", "payload": {"type": "Soft"}})[0] == 404
    assert api.call("GET", f"{depot}/events", token=None)[0] == 401
    assert api.call("GET", f"{depot}/events", token="wrong-token")[0] == 401
    assert api.call("GET", "/api/v1/depots/nowhere", token="hochbahn")[0] == 404
    # Last: a reload drops the depot file's stays until the next tick derives them again.
    assert api.call("POST", "/api/v1/reload")[0] == 200
    assert api.call("POST", "/api/v1/reload", token="vhh")[0] == 403
    assert len({(method, template) for method, template, _ in api.checked}) >= 30

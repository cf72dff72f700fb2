"""VDV 463 against a live `busbar serve` (docs/vdv.md "Tests"): a presystem written here with the PyPI
`websockets` client (pinned) connects with the subprotocol and Basic auth of the demo's Hochbahn
presystem, runs a session — a request before boot, boot, a list with one refused request, a list
refused as a whole — and every frame Busbar sent is validated against the official 2.0.0 schemas.
"""
import asyncio
import base64
import json
import os
import re
import subprocess
import uuid
from datetime import datetime, timedelta, timezone

import pytest
import websockets

from conftest import REPO
from test_vdv463_schemas import problems

PRESYSTEM = "urn:hochbahn:bms-1"
USER = "hochbahn-bms"
PASSWORD = "Interop-VDV-secret-7"
SUBPROTOCOL = "v1.463.vdv.de"


@pytest.fixture(scope="module")
def server(busbar_bin, tmp_path_factory):
    """A real `busbar serve` with the demo depot and the Hochbahn presystem's password set."""
    folder = tmp_path_factory.mktemp("busbar-vdv")
    environment = dict(os.environ, DEMO_HOCHBAHN_VDV_PASSWORD=PASSWORD)
    process = subprocess.Popen(
        [str(busbar_bin), "serve", "--depot", "config/depots/demo.yaml", "--db", str(folder / "busbar.sqlite"),
         "--address", "127.0.0.1", "--port", "0"],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=open(folder / "server.log", "w"), text=True,
    )
    line = process.stdout.readline()
    match = re.search(r":(\d+)$", line.strip())
    if not match:
        process.kill()
        pytest.fail(f"busbar serve did not start: {line!r}\n{(folder / 'server.log').read_text()}")
    yield {"port": int(match.group(1)), "log": folder / "server.log"}
    process.terminate()
    process.wait(timeout=10)


def basic(user, password):
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def stamp(hours=0.0):
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def request(action, payload):
    return [1, "BMS", PRESYSTEM, stamp(), str(uuid.uuid4()), action, payload]


def charging_request(request_id, vehicle="WEB62830410000001", point="demo/DEMO-A01/1"):
    return {
        "chargingRequestId": request_id, "vehicleId": vehicle, "chargingPointId": point, "priority": 2,
        "chargingRequestData": {"expectedArrivalTimeAtChargingPoint": stamp(1), "expectedSocAtArrival": 28.0,
                                "minTargetSoc": 75, "maxTargetSoc": 95, "requestedTimeForDeparture": stamp(9),
                                "adHocCharging": False},
        "automaticPreconditioning": {"preconditioningRequest": "HotWaterAndHeating", "ambientTemperature": -6.5,
                                     "requestedFinishTime": stamp(9), "targetSoc": 90},
    }


class Presystem:
    """One connection of the scripted presystem; every frame Busbar sends lands in `received`."""

    def __init__(self, socket, received):
        self.socket = socket
        self.received = received

    async def read(self):
        """Reads one frame; a report is confirmed with `{}` at once."""
        frame = json.loads(await asyncio.wait_for(self.socket.recv(), timeout=30))
        self.received.append(frame)
        if frame[0] == 1 and frame[5] == "ProvideChargingInformation":
            await self.socket.send(json.dumps([2, "BMS", PRESYSTEM, stamp(), frame[4], frame[5], {}]))
        return frame

    async def call(self, frame):
        """Sends a request and returns Busbar's answer to it."""
        await self.socket.send(json.dumps(frame))
        while True:
            reply = await self.read()
            if reply[0] != 1 and reply[4] == frame[4]:
                return reply

    async def next_report(self):
        while True:
            frame = await self.read()
            if frame[0] == 1:
                return frame


def connect(port):
    return websockets.connect(f"ws://127.0.0.1:{port}/vdv463", subprotocols=[SUBPROTOCOL],
                              additional_headers={"Authorization": basic(USER, PASSWORD)})


async def session(port):
    """Runs the scripted presystem over two connections and returns every frame Busbar sent, in order."""
    received = []
    async with connect(port) as socket:
        assert socket.subprotocol == SUBPROTOCOL
        presystem = Presystem(socket, received)
        early = await presystem.call(request("ProvideChargingRequests", {"chargingRequestList": []}))
        assert early[0] == 3 and early[6] == {"errorMessage": "BootNotification required"}
        boot = await presystem.call(request("BootNotification", {"presystem": "BMS"}))
        assert boot[0] == 2 and boot[6] == {"status": "Accepted"}
        requests = [charging_request("CR-1"), charging_request("CR-2", vehicle="NOT-A-BUS")]
        accepted = await presystem.call(request("ProvideChargingRequests", {"chargingRequestList": requests}))
        assert accepted[0] == 2 and accepted[6] == {}
        duplicate = await presystem.call(
            request("ProvideChargingRequests", {"chargingRequestList": [charging_request("CR-1"), charging_request("CR-1")]}))
        assert duplicate[0] == 3 and "duplicate chargingRequestId CR-1" in duplicate[6]["errorMessage"]
    # Reconnecting: the first report after boot carries the committed request and the refusal.
    async with connect(port) as socket:
        presystem = Presystem(socket, received)
        await presystem.call(request("BootNotification", {"presystem": "BMS"}))
        report = await presystem.next_report()
        assert [rejected["chargingRequestId"] for rejected in report[6]["rejectedChargingRequestInfoList"]] == ["CR-2"]
        assert '"chargingRequestId": "CR-1"' in json.dumps(report[6])
    return received


def test_every_frame_busbar_sends_is_valid_vdv463_2_0_0(server):
    frames = asyncio.run(session(server["port"]))
    reports = [frame for frame in frames if frame[0] == 1]
    assert reports, "no ProvideChargingInformation arrived"
    assert {frame[0] for frame in frames} == {1, 2, 3}
    for frame in frames:
        assert problems(frame, "2.0.0") == [], json.dumps(frame)


def test_wrong_password_is_refused_at_the_upgrade(server):
    async def attempt():
        async with websockets.connect(f"ws://127.0.0.1:{server['port']}/vdv463", subprotocols=[SUBPROTOCOL],
                                      additional_headers={"Authorization": basic(USER, "wrong")}):
            pass

    with pytest.raises(websockets.exceptions.InvalidStatus):
        asyncio.run(attempt())

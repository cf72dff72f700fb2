"""Interop with a charge point nobody here wrote: the PyPI `ocpp` package (pinned) drives a real
`busbar serve` on loopback, over OCPP 1.6 and 2.0.1.

The `ocpp` client validates every CALL and CALLRESULT Busbar sends against the official OCA schemas
it bundles, so a reply that breaks a schema fails the test. What Busbar acknowledged is then read
back from its SQLite file: an acknowledged message is on disk.
"""
import asyncio
import base64
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest
import websockets
from ocpp.routing import on
from ocpp.v16 import ChargePoint as ChargePoint16
from ocpp.v16 import call as call16
from ocpp.v16 import call_result as result16
from ocpp.v16.enums import Action as Action16
from ocpp.v201 import ChargePoint as ChargePoint201
from ocpp.v201 import call as call201
from ocpp.v201 import call_result as result201
from ocpp.v201.enums import Action as Action201

from conftest import REPO

ADMIN_TOKEN = "interop-admin-token-0123456789abcdef"


def demo_password(station: str) -> str:
    """The demo depot's documented station passwords (config/depots/demo.yaml)."""
    return hashlib.sha256(("busbar-demo:" + station).encode()).hexdigest()[:40]


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def now(offset_seconds: int = 0) -> str:
    return (datetime.now(timezone.utc) + timedelta(seconds=offset_seconds)).isoformat().replace("+00:00", "Z")


@pytest.fixture(scope="module")
def server(busbar_bin, tmp_path_factory):
    """A real `busbar serve` with the demo depot, a fresh database and a free port."""
    folder = tmp_path_factory.mktemp("busbar")
    database = folder / "busbar.sqlite"
    environment = dict(os.environ, BUSBAR_ADMIN_TOKEN=ADMIN_TOKEN)
    process = subprocess.Popen(
        [str(busbar_bin), "serve", "--depot", "config/depots/demo.yaml", "--db", str(database), "--address", "127.0.0.1", "--port", "0"],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=open(folder / "server.log", "w"), text=True,
    )
    line = process.stdout.readline()
    match = re.search(r":(\d+)$", line.strip())
    if not match:
        process.kill()
        pytest.fail(f"busbar serve did not start: {line!r}\n{(folder / 'server.log').read_text()}")
    yield {"port": int(match.group(1)), "database": database, "log": folder / "server.log"}
    process.terminate()
    process.wait(timeout=10)


def query(server, sql, *arguments):
    with sqlite3.connect(server["database"]) as connection:
        return connection.execute(sql, arguments).fetchall()


def admin_call(server, station: str, action: str, payload: dict, token: str = ADMIN_TOKEN):
    request = urllib.request.Request(
        f"http://127.0.0.1:{server['port']}/api/v1/stations/{station}/calls",
        data=json.dumps({"action": action, "payload": payload}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def connect(server, station: str, subprotocol: str, password: str | None = None):
    return websockets.connect(
        f"ws://127.0.0.1:{server['port']}/ocpp/{station}",
        subprotocols=[subprotocol],
        additional_headers={"Authorization": basic(station, password or demo_password(station))},
    )


class Station16(ChargePoint16):
    """A 1.6 charge point that accepts what Busbar asks of it and remembers it."""

    received: list

    def __init__(self, *args):
        super().__init__(*args)
        self.received = []

    @on(Action16.remote_start_transaction)
    def remote_start(self, id_tag, **kwargs):
        self.received.append(("RemoteStartTransaction", id_tag))
        return result16.RemoteStartTransaction(status="Accepted")

    @on(Action16.remote_stop_transaction)
    def remote_stop(self, transaction_id, **kwargs):
        self.received.append(("RemoteStopTransaction", transaction_id))
        return result16.RemoteStopTransaction(status="Accepted")

    @on(Action16.set_charging_profile)
    def set_profile(self, connector_id, cs_charging_profiles, **kwargs):
        self.received.append(("SetChargingProfile", cs_charging_profiles["charging_profile_purpose"]))
        return result16.SetChargingProfile(status="Accepted")

    @on(Action16.reserve_now)
    def reserve(self, connector_id, expiry_date, id_tag, reservation_id, **kwargs):
        self.received.append(("ReserveNow", reservation_id))
        return result16.ReserveNow(status="Accepted")


class Station201(ChargePoint201):
    received: list

    def __init__(self, *args):
        super().__init__(*args)
        self.received = []

    @on(Action201.request_start_transaction)
    def request_start(self, id_token, remote_start_id, **kwargs):
        self.received.append(("RequestStartTransaction", remote_start_id))
        return result201.RequestStartTransaction(status="Accepted")

    @on(Action201.set_charging_profile)
    def set_profile(self, evse_id, charging_profile, **kwargs):
        self.received.append(("SetChargingProfile", charging_profile["charging_profile_purpose"]))
        return result201.SetChargingProfile(status="Accepted")


async def with_station(server, station_class, station: str, subprotocol: str, scenario):
    async with connect(server, station, subprotocol) as socket:
        client = station_class(station, socket)
        listener = asyncio.create_task(client.start())
        try:
            return await scenario(client)
        finally:
            listener.cancel()


async def installed_defaults(cp, purposes, timeout=10.0):
    """Waits until Busbar's own post-boot profiles (the fail-safe TxDefaultProfile and the station
    maximum, docs/ocpp.md §13.3) have reached the station."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not all(("SetChargingProfile", purpose) in cp.received for purpose in purposes):
        assert asyncio.get_running_loop().time() < deadline, f"Busbar did not install {purposes}: {cp.received}"
        await asyncio.sleep(0.05)


def test_v16_transaction_is_stored_once_and_replays_are_idempotent(server):
    async def scenario(cp):
        boot = await cp.call(call16.BootNotification(charge_point_model="DC150", charge_point_vendor="ACME", firmware_version="1.2.3"))
        assert boot.status == "Accepted" and boot.interval == 300
        await cp.call(call16.Heartbeat())
        await cp.call(call16.StatusNotification(connector_id=1, error_code="NoError", status="Preparing", timestamp=now()))
        assert (await cp.call(call16.Authorize(id_tag="04A2B3C40001"))).id_tag_info["status"] == "Accepted"
        started = now()
        start = call16.StartTransaction(connector_id=1, id_tag="04A2B3C40001", meter_start=120000, timestamp=started)
        first = await cp.call(start)
        replay = await cp.call(call16.StartTransaction(connector_id=1, id_tag="04A2B3C40001", meter_start=120000, timestamp=started))
        assert first.transaction_id == replay.transaction_id > 0
        sample = {"timestamp": now(), "sampledValue": [
            {"value": "150000", "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
            {"value": "118.5", "measurand": "Power.Active.Import", "unit": "kW"},
            {"value": "57", "measurand": "SoC", "unit": "Percent"},
        ]}
        await cp.call(call16.MeterValues(connector_id=1, transaction_id=first.transaction_id, meter_value=[sample]))
        await cp.call(call16.MeterValues(connector_id=1, transaction_id=first.transaction_id, meter_value=[sample]))
        stop = call16.StopTransaction(meter_stop=180000, timestamp=now(60), transaction_id=first.transaction_id, reason="EVDisconnected")
        await cp.call(stop)
        await cp.call(call16.StopTransaction(meter_stop=180000, timestamp=now(60), transaction_id=first.transaction_id, reason="EVDisconnected"))
        # A stop for a transaction Busbar never issued is acknowledged, never refused (docs/ocpp.md §7).
        unknown = await cp.call(call16.StopTransaction(meter_stop=1, timestamp=now(), transaction_id=424242))
        assert unknown.id_tag_info is None
        return first.transaction_id

    transaction_id = asyncio.run(with_station(server, Station16, "DEMO-A01", "ocpp1.6", scenario))
    rows = query(server, "SELECT transaction_key, connector, id_token, meter_start_kwh, meter_stop_kwh, stop_reason FROM charging_transaction WHERE station_id = 'DEMO-A01'")
    assert rows == [(str(transaction_id), 1, "04A2B3C40001", 120.0, 180.0, "EVDisconnected")]
    samples = query(server, "SELECT measurand, value, unit FROM meter_sample WHERE station_id = 'DEMO-A01' ORDER BY measurand")
    assert samples == [("Energy.Active.Import.Register", 150.0, "kWh"), ("Power.Active.Import", 118.5, "kW"), ("SoC", 57.0, "%")]
    assert query(server, "SELECT boot_state, vendor, firmware_version FROM station WHERE id = 'DEMO-A01'") == [("accepted", "ACME", "1.2.3")]
    assert query(server, "SELECT reason FROM quarantined_message WHERE station_id = 'DEMO-A01'") == [("unknown transaction 424242",)]
    assert query(server, "SELECT state FROM connector_status WHERE station_id = 'DEMO-A01'") == [("Preparing",)]


def test_v16_commands_from_busbar_reach_the_station(server):
    async def scenario(cp):
        await cp.call(call16.BootNotification(charge_point_model="DC150", charge_point_vendor="ACME"))
        loop = asyncio.get_running_loop()
        results = []
        await installed_defaults(cp, ["TxDefaultProfile", "ChargePointMaxProfile"])
        cp.received.clear()
        for action, payload in [
            ("RemoteStartTransaction", {"connectorId": 1, "idTag": "04A2B3C40003"}),
            ("RemoteStopTransaction", {"transactionId": 77}),
            ("SetChargingProfile", {"connectorId": 0, "csChargingProfiles": {
                "chargingProfileId": 1000000, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile",
                "chargingProfileKind": "Absolute", "chargingSchedule": {"startSchedule": now(-60), "chargingRateUnit": "W",
                "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 40000.0}]}}}),
            ("ReserveNow", {"connectorId": 2, "expiryDate": now(3600), "idTag": "04A2B3C40004", "reservationId": 9}),
        ]:
            results.append(await loop.run_in_executor(None, admin_call, server, "DEMO-A03", action, payload))
        return cp.received, results

    received, results = asyncio.run(with_station(server, Station16, "DEMO-A03", "ocpp1.6", scenario))
    assert [status for status, _ in results] == [200, 200, 200, 200]
    assert [body["result"]["status"] for _, body in results] == ["Accepted"] * 4
    assert received == [("RemoteStartTransaction", "04A2B3C40003"), ("RemoteStopTransaction", 77),
                        ("SetChargingProfile", "TxDefaultProfile"), ("ReserveNow", 9)]


def test_v201_transaction_events_are_idempotent_by_sequence_number(server):
    async def scenario(cp):
        boot = await cp.call(call201.BootNotification(charging_station={"model": "DC300", "vendor_name": "ACME"}, reason="PowerUp"))
        assert boot.status == "Accepted"
        await cp.call(call201.StatusNotification(timestamp=now(), connector_status="Occupied", evse_id=1, connector_id=1))
        token = {"id_token": "001A2B3C0002", "type": "MacAddress"}
        assert (await cp.call(call201.Authorize(id_token=token))).id_token_info["status"] == "Accepted"
        info = {"transaction_id": "tx-201-a", "charging_state": "Charging"}
        energy = lambda wh: [{"timestamp": now(), "sampled_value": [{"value": wh, "measurand": "Energy.Active.Import.Register", "unit_of_measure": {"unit": "Wh"}}]}]
        started = call201.TransactionEvent(event_type="Started", timestamp=now(), trigger_reason="CablePluggedIn", seq_no=0,
                                           transaction_info=info, id_token=token, evse={"id": 1, "connector_id": 1}, meter_value=energy(5000))
        first = await cp.call(started)
        again = await cp.call(call201.TransactionEvent(event_type="Started", timestamp=now(), trigger_reason="CablePluggedIn", seq_no=0,
                                                       transaction_info=info, id_token=token, evse={"id": 1, "connector_id": 1}, meter_value=energy(5000)))
        assert first.id_token_info == again.id_token_info == {"status": "Accepted"}
        await cp.call(call201.TransactionEvent(event_type="Updated", timestamp=now(), trigger_reason="MeterValuePeriodic", seq_no=1,
                                               transaction_info=info, meter_value=energy(45000)))
        await cp.call(call201.TransactionEvent(event_type="Ended", timestamp=now(30), trigger_reason="EVCommunicationLost", seq_no=2,
                                               transaction_info={"transaction_id": "tx-201-a", "stopped_reason": "EVDisconnected"},
                                               meter_value=energy(80000)))

    asyncio.run(with_station(server, Station201, "DEMO-B01", "ocpp2.0.1", scenario))
    rows = query(server, "SELECT transaction_key, connector, id_token, meter_start_kwh, meter_stop_kwh, stop_reason, last_seq_no, suspicion FROM charging_transaction WHERE station_id = 'DEMO-B01'")
    assert rows == [("tx-201-a", 1, "001A2B3C0002", 5.0, 80.0, "EVDisconnected", 2, 0)]
    assert query(server, "SELECT COUNT(*) FROM transaction_event WHERE station_id = 'DEMO-B01'") == [(3,)]
    assert query(server, "SELECT value FROM meter_sample WHERE station_id = 'DEMO-B01' ORDER BY value") == [(5.0,), (45.0,), (80.0,)]


def test_v201_commands_from_busbar_reach_the_station(server):
    async def scenario(cp):
        await cp.call(call201.BootNotification(charging_station={"model": "DC300", "vendor_name": "ACME"}, reason="PowerUp"))
        await installed_defaults(cp, ["TxDefaultProfile", "ChargingStationMaxProfile"])
        cp.received.clear()
        loop = asyncio.get_running_loop()
        start = await loop.run_in_executor(None, admin_call, server, "DEMO-B02", "RequestStartTransaction",
                                           {"idToken": {"idToken": "E2801160000A", "type": "ISO14443"}, "remoteStartId": 5, "evseId": 1})
        profile = await loop.run_in_executor(None, admin_call, server, "DEMO-B02", "SetChargingProfile", {"evseId": 0, "chargingProfile": {
            "id": 1000001, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute",
            "chargingSchedule": [{"id": 1, "startSchedule": now(-60), "chargingRateUnit": "W", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 30000.0}]}]}})
        return cp.received, start, profile

    received, start, profile = asyncio.run(with_station(server, Station201, "DEMO-B02", "ocpp2.0.1", scenario))
    assert start == (200, {"result": {"status": "Accepted"}})
    assert profile == (200, {"result": {"status": "Accepted"}})
    assert received == [("RequestStartTransaction", 5), ("SetChargingProfile", "TxDefaultProfile")]


def test_admin_route_refuses_bad_tokens_payloads_and_absent_stations(server):
    assert admin_call(server, "DEMO-A01", "Reset", {"type": "Soft"}, token="wrong")[0] == 401
    status, problem = admin_call(server, "DEMO-A09", "Reset", {"type": "Soft"})
    assert status == 404 and problem["title"] == "station DEMO-A09 is not connected"

    async def scenario(cp):
        await cp.call(call16.BootNotification(charge_point_model="DC150", charge_point_vendor="ACME"))
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, admin_call, server, "DEMO-A05", "Reset", {"type": "Sideways"})

    status, problem = asyncio.run(with_station(server, Station16, "DEMO-A05", "ocpp1.6", scenario))
    assert status == 400 and problem["title"] == "invalid Reset payload"


@pytest.mark.parametrize("station,password,subprotocol", [
    ("DEMO-A02", "0" * 40, "ocpp1.6"),            # wrong password
    ("DEMO-A02", demo_password("DEMO-A03"), "ocpp1.6"),  # another station's password
    ("NO-SUCH-STATION", "0" * 40, "ocpp1.6"),     # unknown identity
    ("DEMO-A02", demo_password("DEMO-A02"), "ocpp2.1"),  # no acceptable subprotocol
])
def test_refused_upgrades_never_reach_ocpp(server, station, password, subprotocol):
    async def attempt():
        with pytest.raises(websockets.exceptions.InvalidStatus):
            async with connect(server, station, subprotocol, password):
                pass

    asyncio.run(attempt())
    assert query(server, "SELECT COUNT(*) FROM ocpp_message WHERE station_id = ?", station) == [(0,)]


def test_protocol_errors_get_the_right_callerror_and_the_connection_stays_open(server):
    async def scenario():
        async with connect(server, "DEMO-A07", "ocpp1.6") as socket:
            # Before an accepted boot, anything but BootNotification is a SecurityError.
            await socket.send(json.dumps([2, "m1", "Heartbeat", {}]))
            assert json.loads(await socket.recv())[:3] == [4, "m1", "SecurityError"]
            await socket.send(json.dumps([2, "m2", "BootNotification", {"chargePointVendor": "ACME", "chargePointModel": "DC150"}]))
            assert json.loads(await socket.recv())[0] == 3
            cases = [
                ("not json", [4, "-1", "FormationViolation"]),
                (json.dumps([2, "m3", "NoSuchAction", {}]), [4, "m3", "NotImplemented"]),
                (json.dumps([2, "m4", "Heartbeat", {"extra": 1}]), [4, "m4", "FormationViolation"]),
                (json.dumps([2, "m5", "StatusNotification", {"connectorId": 1, "status": "Available"}]), [4, "m5", "OccurenceConstraintViolation"]),
                (json.dumps([2, "m6", "StatusNotification", {"connectorId": "1", "errorCode": "NoError", "status": "Available"}]), [4, "m6", "TypeConstraintViolation"]),
                (json.dumps([2, "m7", "StartTransaction", {"connectorId": 1, "idTag": "X", "meterStart": 0, "timestamp": "222222017-01-01T00:00:00Z"}]), [4, "m7", "PropertyConstraintViolation"]),
                (json.dumps([2, "m8", "RemoteStartTransaction", {"idTag": "X"}]), [4, "m8", "NotSupported"]),
                (json.dumps([2, "m10", "StatusNotification", {"connectorId": 99, "errorCode": "NoError", "status": "Available"}]), [4, "m10", "PropertyConstraintViolation"]),
            ]
            async def answer():
                # After the boot Busbar installs its default profiles: accept its CALLs, return ours.
                while True:
                    message = json.loads(await socket.recv())
                    if message[0] != 2:
                        return message
                    await socket.send(json.dumps([3, message[1], {"status": "Accepted"}]))

            for frame, expected in cases:
                await socket.send(frame)
                assert (await answer())[:3] == expected, frame
            # Still healthy after all of them.
            await socket.send(json.dumps([2, "m9", "Heartbeat", {}]))
            assert (await answer())[:2] == [3, "m9"]

    asyncio.run(scenario())


def test_a_second_connection_supersedes_the_first(server):
    async def scenario():
        first = await connect(server, "DEMO-A08", "ocpp1.6").__aenter__()
        second = await connect(server, "DEMO-A08", "ocpp1.6").__aenter__()
        with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
            await asyncio.wait_for(first.recv(), timeout=10)
        assert closed.value.rcvd.code == 1008
        await second.send(json.dumps([2, "n1", "BootNotification", {"chargePointVendor": "ACME", "chargePointModel": "DC150"}]))
        reply = json.loads(await second.recv())
        while reply[0] == 2:  # Busbar's own post-boot profiles may come first
            reply = json.loads(await second.recv())
        assert reply[:2] == [3, "n1"]
        await second.close()

    asyncio.run(scenario())


def test_message_log_is_readable_per_station(server):
    asyncio.run(with_station(server, Station16, "DEMO-A06", "ocpp1.6",
                             lambda cp: cp.call(call16.BootNotification(charge_point_model="DC150", charge_point_vendor="ACME"))))
    request = urllib.request.Request(f"http://127.0.0.1:{server['port']}/api/v1/depots/demo/chargers/DEMO-A06/messages?limit=10",
                                     headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        log = json.loads(response.read())
    # Newest first: Busbar's own post-boot profiles (if already sent), then the boot and its answer.
    assert [entry["direction"] for entry in log["messages"][-2:]] == ["out", "in"]
    assert json.loads(log["messages"][-1]["frame"])[2] == "BootNotification"
    assert all(json.loads(entry["frame"])[2] == "SetChargingProfile" for entry in log["messages"][:-2] if json.loads(entry["frame"])[0] == 2)
    unauthorised = urllib.request.Request(f"http://127.0.0.1:{server['port']}/api/v1/depots/demo/chargers/DEMO-A06/messages")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unauthorised, timeout=10)
    assert refused.value.code == 401


def test_an_oversized_frame_closes_the_connection_with_1009(server):
    async def scenario():
        async with websockets.connect(
            f"ws://127.0.0.1:{server['port']}/ocpp/DEMO-A09", subprotocols=["ocpp1.6"], max_size=None,
            additional_headers={"Authorization": basic("DEMO-A09", demo_password("DEMO-A09"))},
        ) as socket:
            padding = "x" * (2 << 20)  # 2 MiB, above Busbar's 1 MiB frame limit (docs/ocpp.md §11)
            await socket.send(json.dumps([2, "big", "DataTransfer", {"vendorId": "ACME", "data": padding}]))
            with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), timeout=10)
            assert closed.value.rcvd.code == 1009

    asyncio.run(scenario())
    assert query(server, "SELECT COUNT(*) FROM ocpp_message WHERE station_id = 'DEMO-A09'") == [(0,)]

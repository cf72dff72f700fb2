"""Shared pieces of the OCPP benchmarks (docs/reliability.md §5 harness): a generated depot with N
chargers and their password hashes, a server process that announces its port, raw OCPP-J frames,
and /proc readings of a process's memory and CPU."""
import base64
import hashlib
import hmac
import json
import math
import os
import pathlib
import re
import resource
import secrets
import subprocess
import time
from datetime import datetime, timedelta, timezone

REPO = pathlib.Path(__file__).resolve().parents[2]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def password_of(station: str) -> str:
    """A station's benchmark password: 40 hex characters, like `busbar charger password` makes."""
    return hashlib.sha256(("busbar-bench:" + station).encode()).hexdigest()[:40]


def password_hash(password: str) -> str:
    """`hmac-sha256$salt$digest` exactly as PasswordDigest stores it: HMAC-SHA256 keyed with a random
    16-byte salt over the UTF-8 password."""
    salt = secrets.token_bytes(16)
    digest = hmac.new(salt, password.encode("utf-8"), hashlib.sha256).digest()
    return f"hmac-sha256${salt.hex()}${digest.hex()}"


def station_ids(count: int) -> list[tuple[str, str]]:
    """(station id, OCPP version) for `count` chargers, alternating 1.6 and 2.0.1."""
    return [(f"BENCH-{index:05d}", "1.6" if index % 2 == 0 else "2.0.1") for index in range(count)]


def write_depot(path: pathlib.Path, stations: list[tuple[str, str]]) -> None:
    """A depot file with one circuit big enough for every charger (two 150 kW connectors each)."""
    lines = [
        "depot:", "  id: bench", "  name: OCPP benchmark depot", "  timezone: Europe/Berlin",
        "grid:", f"  connection_kw: {300 * len(stations) + 100}", "  safety_margin_kw: 0",
        "circuits:", f"  - {{ id: hall, limit_kw: {300 * len(stations)} }}",
        "areas:", "  - { id: hall, name: Halle }",
        "tenants:", "  - { id: fleet, name: Benchmark fleet, class: fleet, priority: 100, areas: [hall] }",
        "chargers:",
    ]
    for station, version in stations:
        lines += [
            f"  - id: {station}", f'    ocpp: "{version}"', "    security_profile: 1",
            f'    password_hash: "{password_hash(password_of(station))}"', "    circuit: hall", "    area: hall",
            "    connectors:",
            "      - { id: 1, max_kw: 150, min_kw: 10 }",
            "      - { id: 2, max_kw: 150, min_kw: 10 }",
        ]
    path.write_text("\n".join(lines) + "\n")


def authorization(station: str) -> str:
    return "Basic " + base64.b64encode(f"{station}:{password_of(station)}".encode()).decode()


def subprotocol(version: str) -> str:
    return "ocpp1.6" if version == "1.6" else "ocpp2.0.1"


def raise_file_limit() -> None:
    """Many sockets per process: lift the soft descriptor limit to the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class ServerProcess:
    """A server started from `command` that prints `...:PORT` on its first stdout line once listening."""

    def __init__(self, command: list[str], log: pathlib.Path, environment: dict | None = None):
        self.command = command
        self.log = log
        self.environment = environment
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self, timeout: float = 120) -> float:
        """Starts the server and returns the seconds until it announced its port."""
        began = time.monotonic()
        self.process = subprocess.Popen(
            self.command, cwd=REPO, env=self.environment, stdout=subprocess.PIPE, stderr=open(self.log, "a"), text=True,
            preexec_fn=raise_file_limit)
        line = self.process.stdout.readline()
        match = re.search(r":(\d+)$", line.strip())
        if not match:
            self.process.kill()
            raise RuntimeError(f"{self.command[0]} did not start: {line!r}; see {self.log}")
        self.port = int(match.group(1))
        if time.monotonic() - began > timeout:
            raise RuntimeError(f"{self.command[0]} took more than {timeout} s to start")
        return time.monotonic() - began

    def kill(self) -> None:
        """SIGKILL, then reap."""
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.kill()

    @property
    def pid(self) -> int:
        return self.process.pid


def rss_kib(pid: int) -> int:
    """Resident set size of a process from /proc/PID/status."""
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process from /proc/PID/stat."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def timestamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def call(message_id: str, action: str, payload: dict) -> str:
    return json.dumps([2, message_id, action, payload], separators=(",", ":"))


def boot_payload(version: str) -> tuple[str, dict]:
    if version == "1.6":
        return "BootNotification", {"chargePointVendor": "ACME", "chargePointModel": "DC150"}
    return "BootNotification", {"chargingStation": {"model": "DC300", "vendorName": "ACME"}, "reason": "PowerUp"}


def energy_sample(version: str, at: datetime, watt_hours: int) -> dict:
    """One meter value with the energy register, in the version's shape."""
    if version == "1.6":
        return {"timestamp": timestamp(at), "sampledValue": [
            {"value": str(watt_hours), "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]}
    return {"timestamp": timestamp(at), "sampledValue": [
        {"value": watt_hours, "measurand": "Energy.Active.Import.Register", "unitOfMeasure": {"unit": "Wh"}}]}


class Transaction:
    """The transaction messages of one charging session, as a station sends them: 1.6
    StartTransaction, MeterValues… and StopTransaction, or 2.0.1 TransactionEvent Started, Updated…,
    Ended. `payload(step, transaction_id)` builds step `step` (0 = start, last = stop); the 1.6
    messages after the start carry the transactionId the start's CALLRESULT returned."""

    def __init__(self, version: str, key: str, connector: int, started: datetime, meter_start: int, samples: int):
        self.version = version
        self.key = key
        self.connector = connector
        self.started = started
        self.meter_start = meter_start
        self.samples = samples
        self.id_tag = "BENCH" + hashlib.sha256(key.encode()).hexdigest()[:12].upper()

    @property
    def steps(self) -> int:
        return self.samples + 2

    def at(self, step: int) -> datetime:
        return self.started + timedelta(seconds=10 * step)

    def meter(self, step: int) -> int:
        return self.meter_start + 1000 * step

    def action(self, step: int) -> str:
        if self.version == "2.0.1":
            return "TransactionEvent"
        return "StartTransaction" if step == 0 else "StopTransaction" if step == self.steps - 1 else "MeterValues"

    def payload(self, step: int, transaction_id: int | None) -> dict:
        last = self.steps - 1
        if self.version == "1.6":
            if step == 0:
                return {"connectorId": self.connector, "idTag": self.id_tag, "meterStart": self.meter(0),
                        "timestamp": timestamp(self.at(0))}
            if step == last:
                return {"meterStop": self.meter(step), "timestamp": timestamp(self.at(step)),
                        "transactionId": transaction_id, "reason": "EVDisconnected"}
            return {"connectorId": self.connector, "transactionId": transaction_id,
                    "meterValue": [energy_sample("1.6", self.at(step), self.meter(step))]}
        event = {"eventType": "Started" if step == 0 else "Ended" if step == last else "Updated",
                 "timestamp": timestamp(self.at(step)),
                 "triggerReason": "CablePluggedIn" if step == 0 else "EVCommunicationLost" if step == last else "MeterValuePeriodic",
                 "seqNo": step, "transactionInfo": {"transactionId": self.key},
                 "meterValue": [energy_sample("2.0.1", self.at(step), self.meter(step))]}
        if step == 0:
            event["idToken"] = {"idToken": self.id_tag, "type": "ISO14443"}
            event["evse"] = {"id": self.connector, "connectorId": 1}
        if step == last:
            event["transactionInfo"]["stoppedReason"] = "EVDisconnected"
        return event


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an unsorted list (nan when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]

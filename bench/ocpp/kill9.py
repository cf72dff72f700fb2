"""kill -9 durability test (docs/reliability.md §5.3 D1, invariants D1–D4): stations send transaction
messages as fast as one CALL in flight allows while `busbar serve` is SIGKILLed at seeded random
moments and restarted on the same database and port.

Stations behave like real ones: a transaction message is resent, as the identical frame, after
every disconnect until a CALLRESULT arrives; only then is it acknowledged, and the next one goes.
At the end every acknowledged message is looked up in the database: present exactly once (lost and
duplicated counts), 1.6 transactionIds stable when every acknowledged StartTransaction is replayed,
`PRAGMA integrity_check` = ok after every kill, and no session both open and closed.

    .venv/bin/python bench/ocpp/kill9.py --stations 10 --kills 20 --busbar .build/release/busbar
"""
import argparse
import asyncio
import json
import pathlib
import random
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import websockets

from harness import (REPO, ServerProcess, Transaction, authorization, boot_payload, call, percentile, station_ids,
                     subprotocol, write_depot)

REPLY_TIMEOUT = 10.0
RECONNECT_PAUSE = 0.05


@dataclass
class Acknowledged:
    """One transaction message that got a CALLRESULT, with what the database must then hold."""
    station: str
    version: str
    action: str
    transaction_key: str
    step: int
    last_step: int
    id_tag: str
    meter_kwh: float


@dataclass
class Report:
    kills: int = 0
    integrity: list = field(default_factory=list)
    restart_seconds: list = field(default_factory=list)
    acknowledged: list = field(default_factory=list)
    resent: int = 0
    call_errors: list = field(default_factory=list)
    unstable_ids: list = field(default_factory=list)
    lost: list = field(default_factory=list)
    duplicated: list = field(default_factory=list)
    open_and_closed: list = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return (not self.lost and not self.duplicated and not self.unstable_ids and not self.open_and_closed
                and not self.call_errors and all(result == "ok" for result in self.integrity))

    def summary(self) -> dict:
        return {
            "kills": self.kills, "acknowledged": len(self.acknowledged), "lost": len(self.lost),
            "duplicated": len(self.duplicated), "resent_after_disconnect": self.resent,
            "integrity_ok": f"{sum(result == 'ok' for result in self.integrity)}/{len(self.integrity)}",
            "unstable_1.6_ids": len(self.unstable_ids), "open_and_closed": len(self.open_and_closed),
            "call_errors": len(self.call_errors),
            "restart_p50_s": round(percentile(self.restart_seconds, 0.5), 3),
            "restart_p95_s": round(percentile(self.restart_seconds, 0.95), 3),
        }


class Station:
    """One charge point with a durable outbound queue of one message: resend until answered."""

    def __init__(self, station: str, version: str, server: ServerProcess, report: Report):
        self.station = station
        self.version = version
        self.server = server
        self.report = report
        self.socket = None
        self.booted = False

    async def connect(self) -> None:
        while self.socket is None:
            try:
                self.socket = await websockets.connect(
                    f"ws://127.0.0.1:{self.server.port}/ocpp/{self.station}", subprotocols=[subprotocol(self.version)],
                    additional_headers={"Authorization": authorization(self.station)}, ping_interval=None, open_timeout=REPLY_TIMEOUT, close_timeout=1)
                while not self.booted:
                    action, payload = boot_payload(self.version)
                    reply = await self.exchange(call(f"{self.station}-boot", action, payload))
                    if reply[0] != 3:
                        raise ConnectionError(f"boot answered {reply}")
                    self.booted = reply[2]["status"] == "Accepted"
                    if not self.booted:
                        await asyncio.sleep(reply[2]["interval"])
            except (OSError, asyncio.TimeoutError, websockets.exceptions.WebSocketException):
                await self.drop()
                await asyncio.sleep(RECONNECT_PAUSE)

    async def exchange(self, frame: str) -> list:
        await self.socket.send(frame)
        while True:
            reply = json.loads(await asyncio.wait_for(self.socket.recv(), REPLY_TIMEOUT))
            if reply[0] != 2:
                return reply
            await self.socket.send(json.dumps([3, reply[1], {}]))

    async def drop(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        self.socket = None

    async def deliver(self, frame: str) -> list:
        """Sends `frame` until a CALLRESULT or CALLERROR answers it, reconnecting as often as needed."""
        attempts = 0
        while True:
            await self.connect()
            try:
                attempts += 1
                reply = await self.exchange(frame)
                self.report.resent += attempts - 1
                return reply
            except (OSError, asyncio.TimeoutError, websockets.exceptions.WebSocketException):
                await self.drop()

    async def run(self, done: asyncio.Event, first_start: datetime, samples: int) -> None:
        """Sessions back to back until `done`, then a replay of every acknowledged 1.6 start."""
        starts = []
        session = 0
        while not done.is_set():
            transaction = Transaction(self.version, f"{self.station}-{session}", 1 + session % 2,
                                      first_start + timedelta(hours=session), 100_000 * session, samples)
            transaction_id = None
            for step in range(transaction.steps):
                action = transaction.action(step)
                frame = call(f"{self.station}-{session}-{step}", action, transaction.payload(step, transaction_id))
                reply = await self.deliver(frame)
                if reply[0] != 3:
                    self.report.call_errors.append((self.station, action, reply))
                    return
                if step == 0 and self.version == "1.6":
                    transaction_id = reply[2]["transactionId"]
                    starts.append((transaction, transaction_id))
                key = str(transaction_id) if self.version == "1.6" else transaction.key
                self.report.acknowledged.append(Acknowledged(
                    self.station, self.version, action, key, step, transaction.steps - 1, transaction.id_tag,
                    transaction.meter(step) / 1000))
            session += 1
        for transaction, transaction_id in starts:
            reply = await self.deliver(call(f"{transaction.key}-replay", "StartTransaction", transaction.payload(0, None)))
            if reply[0] != 3 or reply[2].get("transactionId") != transaction_id:
                self.report.unstable_ids.append((self.station, transaction_id, reply))
        await self.drop()


def integrity(database: pathlib.Path) -> str:
    with sqlite3.connect(database) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


async def kill_loop(server: ServerProcess, database: pathlib.Path, kills: int, gaps: tuple, seed: int, report: Report) -> None:
    """`kills` SIGKILLs at seeded random moments, each followed by an integrity check and a restart."""
    rng = random.Random(seed)
    loop = asyncio.get_running_loop()
    for _ in range(kills):
        await asyncio.sleep(rng.uniform(*gaps))
        server.kill()
        report.kills += 1
        report.integrity.append(await loop.run_in_executor(None, integrity, database))
        report.restart_seconds.append(await loop.run_in_executor(None, server.start))


def verify(database: pathlib.Path, report: Report) -> None:
    """Every acknowledged message exactly once in the database; no session both open and closed."""
    with sqlite3.connect(database) as connection:
        transactions = connection.execute(
            "SELECT station_id, transaction_key, id_token, meter_start_kwh, stopped_at, meter_stop_kwh FROM charging_transaction").fetchall()
        samples = Counter(connection.execute("SELECT station_id, transaction_key, value FROM meter_sample").fetchall())
        events = Counter(connection.execute("SELECT station_id, transaction_key, seq_no FROM transaction_event").fetchall())
    by_key = {(station, key): row for station, key, *row in transactions}
    sessions = Counter((station, token) for station, _, token, *_ in transactions)
    for station, key, token, _, stopped_at, meter_stop in transactions:
        if (stopped_at is None) != (meter_stop is None):
            report.open_and_closed.append((station, key))
    for message in report.acknowledged:
        row = by_key.get((message.station, message.transaction_key))
        sample_count = samples[(message.station, message.transaction_key, message.meter_kwh)]
        present = row is not None and sample_count >= (0 if message.action in ("StartTransaction", "StopTransaction") else 1)
        if message.version == "2.0.1":
            present = present and events[(message.station, message.transaction_key, message.step)] == 1
        if message.step == 0:
            present = present and row[1] == message.meter_kwh
        if message.step == message.last_step:
            present = present and row[2] is not None and row[3] == message.meter_kwh
        if not present:
            report.lost.append(message)
        if sessions[(message.station, message.id_tag)] > 1 or sample_count > 1:
            report.duplicated.append(message)


async def run(busbar: pathlib.Path, folder: pathlib.Path, stations: int, kills: int, samples: int, gaps: tuple, seed: int) -> Report:
    chargers = station_ids(stations)
    write_depot(folder / "depot.yaml", chargers)
    database = folder / "busbar.sqlite"
    server = ServerProcess([str(busbar), "serve", "--depot", str(folder / "depot.yaml"), "--db", str(database),
                            "--address", "127.0.0.1", "--port", "0"], folder / "busbar.log")
    server.start()
    # Restarts keep the port, as a real depot's stations expect.
    server.command[-1] = str(server.port)
    report = Report()
    done = asyncio.Event()
    first_start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=1)
    fleet = [Station(station, version, server, report) for station, version in chargers]
    driving = [asyncio.create_task(station.run(done, first_start, samples)) for station in fleet]
    try:
        await kill_loop(server, database, kills, gaps, seed, report)
        done.set()
        await asyncio.gather(*driving)
    finally:
        server.stop()
    report.integrity.append(integrity(database))
    verify(database, report)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stations", type=int, default=10)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--samples", type=int, default=4, help="MeterValues / Updated events per session")
    parser.add_argument("--gap", type=float, nargs=2, default=(0.3, 1.5), help="seconds between a restart and the next kill")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--busbar", type=pathlib.Path, default=REPO / ".build" / "release" / "busbar")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="busbar-kill9-") as folder:
        report = asyncio.run(run(options.busbar, pathlib.Path(folder), options.stations, options.kills, options.samples,
                                 tuple(options.gap), options.seed))
    print(json.dumps(report.summary(), indent=2))
    for name in ("lost", "duplicated", "unstable_ids", "open_and_closed", "call_errors"):
        for item in getattr(report, name)[:10]:
            print(f"{name}: {item}")
    sys.exit(0 if report.passed else 1)


if __name__ == "__main__":
    main()

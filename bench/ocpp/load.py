"""OCPP load benchmark (docs/reliability.md §5.1): N stations (half 1.6, half 2.0.1) on loopback against
`busbar serve` (release build, production durability settings: WAL, synchronous = FULL) and then,
in the same run, against OCPPEchoBench — the same Hummingbird/NIO WebSocket stack answering every
CALL with an empty CALLRESULT — so Busbar/echo shows the server's own overhead.

Every station boots, then runs charging sessions back to back (1.6 StartTransaction, MeterValues…,
StopTransaction; 2.0.1 TransactionEvent Started, Updated…, Ended), one CALL in flight, one CALL
every `--interval` seconds (a late reply delays the next CALL, it never bursts). Each CALL's send
and reply times are taken on the generator's monotonic clock.

    .venv/bin/python bench/ocpp/load.py --stations 100 1000 --duration 30
"""
import argparse
import asyncio
import json
import multiprocessing
import os
import pathlib
import random
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timezone

import websockets

from harness import (REPO, ServerProcess, Transaction, authorization, boot_payload, call, cpu_seconds, percentile,
                     raise_file_limit, rss_kib, station_ids, subprotocol, write_depot)

REPLY_TIMEOUT = 30.0
CONNECT_CONCURRENCY = 50
SAMPLES_PER_SESSION = 8


async def open_station(port: int, station: str, version: str, gate: asyncio.Semaphore):
    """Connects and boots one station, retrying a `Pending` boot after the interval Busbar names
    (its boot admission spreads a storm at 20 boots/s, docs/ocpp.md §10); returns the socket."""
    async with gate:
        socket = await websockets.connect(
            f"ws://127.0.0.1:{port}/ocpp/{station}", subprotocols=[subprotocol(version)],
            additional_headers={"Authorization": authorization(station)}, compression=None, ping_interval=None,
            max_size=1 << 20, open_timeout=120)
    action, payload = boot_payload(version)
    for attempt in range(100):
        await socket.send(call(f"boot-{attempt}", action, payload))
        reply = json.loads(await asyncio.wait_for(socket.recv(), REPLY_TIMEOUT))
        if reply[0] != 3:
            raise RuntimeError(f"{station}: boot answered {reply}")
        # The echo baseline answers `{}`: accepted.
        if reply[2].get("status", "Accepted") == "Accepted":
            return socket
        await asyncio.sleep(reply[2]["interval"])
    raise RuntimeError(f"{station}: boot never accepted")


async def drive(socket, station: str, version: str, interval: float, start: float, end: float, seed: int, stats: dict) -> None:
    """Charging sessions back to back until `end`, one CALL every `interval` seconds."""
    rng = random.Random(seed)
    next_at = start + rng.random() * interval
    counter = 0
    session = 0
    while True:
        transaction = Transaction(version, f"{station}-{session}", 1 + session % 2, datetime.now(timezone.utc),
                                  100_000 * session, SAMPLES_PER_SESSION)
        transaction_id = None
        for step in range(transaction.steps):
            delay = next_at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if time.monotonic() >= end:
                return
            next_at = max(next_at + interval, time.monotonic())
            counter += 1
            action = transaction.action(step)
            frame = call(str(counter), action, transaction.payload(step, transaction_id))
            sent = time.monotonic()
            await socket.send(frame)
            while True:
                reply = json.loads(await asyncio.wait_for(socket.recv(), REPLY_TIMEOUT))
                if reply[0] == 2:
                    await socket.send(json.dumps([3, reply[1], {}]))
                    continue
                break
            answered = time.monotonic()
            if reply[0] == 3:
                stats["latency"][action].append((answered - sent) * 1000)
                if step == 0 and version == "1.6":
                    transaction_id = reply[2].get("transactionId", counter)
            else:
                stats["errors"][f"{action} {reply[2]}"] += 1
        session += 1


async def generate(shard: list, port: int, interval: float, seed: int, pipe) -> None:
    loop = asyncio.get_running_loop()
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    sockets = await asyncio.gather(*(open_station(port, station, version, gate) for station, version in shard))
    pipe.send("ready")
    start, end = await loop.run_in_executor(None, pipe.recv)
    stats = {"latency": defaultdict(list), "errors": defaultdict(int)}
    cpu_before = time.process_time()
    outcomes = await asyncio.gather(
        *(drive(socket, station, version, interval, start, end, seed + index, stats)
          for index, (socket, (station, version)) in enumerate(zip(sockets, shard))),
        return_exceptions=True)
    cpu = time.process_time() - cpu_before
    failures = [f"{type(outcome).__name__}: {outcome}" for outcome in outcomes if isinstance(outcome, BaseException)]
    pipe.send({"latency": dict(stats["latency"]), "errors": dict(stats["errors"]), "failures": failures,
               "cpu_seconds": cpu, "wall_seconds": end - start})
    await asyncio.gather(*(socket.close() for socket in sockets), return_exceptions=True)


def generator(shard: list, port: int, interval: float, seed: int, pipe) -> None:
    raise_file_limit()
    asyncio.run(generate(shard, port, interval, seed, pipe))


def measure(name: str, server: ServerProcess, stations: list, interval: float, duration: float, processes: int, seed: int) -> dict:
    """One run against a started server: connect and boot, idle RSS, the timed workload, RSS under load."""
    time.sleep(1)
    rss_empty = rss_kib(server.pid)
    shards = [stations[index::processes] for index in range(processes)]
    pipes, workers = [], []
    for index, shard in enumerate(shards):
        parent, child = multiprocessing.Pipe()
        worker = multiprocessing.Process(target=generator, args=(shard, server.port, interval, seed + 100_000 * index, child))
        worker.start()
        pipes.append(parent)
        workers.append(worker)
    connecting = time.monotonic()
    for pipe in pipes:
        if not pipe.poll(600):
            raise RuntimeError(f"{name}: stations did not connect within 600 s")
        if (message := pipe.recv()) != "ready":
            raise RuntimeError(f"{name}: {message}")
    connect_seconds = time.monotonic() - connecting
    time.sleep(1)
    rss_idle = rss_kib(server.pid)
    start = time.monotonic() + 1
    end = start + duration
    for pipe in pipes:
        pipe.send((start, end))
    time.sleep(max(0, start - time.monotonic()))
    server_cpu_before = cpu_seconds(server.pid)
    rss_peak = rss_idle
    while time.monotonic() < end:
        time.sleep(0.5)
        rss_peak = max(rss_peak, rss_kib(server.pid))
    server_cpu = cpu_seconds(server.pid) - server_cpu_before
    results = []
    for pipe in pipes:
        if not pipe.poll(REPLY_TIMEOUT + 60):
            raise RuntimeError(f"{name}: a generator did not report")
        results.append(pipe.recv())
    for worker in workers:
        worker.join()
    latency = defaultdict(list)
    errors = defaultdict(int)
    for result in results:
        for action, values in result["latency"].items():
            latency[action] += values
        for error, count in result["errors"].items():
            errors[error] += count
    every = [value for values in latency.values() for value in values]
    return {
        "name": name, "stations": len(stations), "interval_s": interval, "duration_s": duration,
        "target_msg_s": len(stations) / interval, "acknowledged": len(every), "msg_s": len(every) / duration,
        "latency_ms": {action: summary(values) for action, values in sorted(latency.items())} | {"all": summary(every)},
        "errors": dict(errors), "failures": [failure for result in results for failure in result["failures"]],
        "connect_s": connect_seconds, "rss_empty_kib": rss_empty, "rss_idle_kib": rss_idle, "rss_load_kib": rss_peak,
        "rss_per_connection_kib": (rss_idle - rss_empty) / len(stations),
        "server_cpu_pct": 100 * server_cpu / duration,
        "generator_cpu_pct": [100 * result["cpu_seconds"] / result["wall_seconds"] for result in results],
    }


def summary(values: list) -> dict:
    return {"n": len(values), "p50": percentile(values, 0.5), "p95": percentile(values, 0.95),
            "p99": percentile(values, 0.99), "max": max(values, default=float("nan"))}


def table(runs: list) -> str:
    """Busbar and echo side by side per N, with the Busbar/echo ratios, as markdown."""
    lines = ["| N | server | msg/s (target) | P50 ms | P95 ms | P99 ms | max ms | errors | RSS idle MiB | RSS load MiB | KiB/conn | server CPU | generator CPU |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for busbar, echo in runs:
        for run in (busbar, echo):
            every = run["latency_ms"]["all"]
            bound = " (lower bound)" if max(run["generator_cpu_pct"]) > 80 else ""
            lines.append(
                f"| {run['stations']} | {run['name']} | {run['msg_s']:.0f}{bound} ({run['target_msg_s']:.0f}) | {every['p50']:.2f} | "
                f"{every['p95']:.2f} | {every['p99']:.2f} | {every['max']:.1f} | {sum(run['errors'].values()) + len(run['failures'])} | "
                f"{run['rss_idle_kib'] / 1024:.1f} | {run['rss_load_kib'] / 1024:.1f} | {run['rss_per_connection_kib']:.1f} | "
                f"{run['server_cpu_pct']:.0f} % | {' + '.join(f'{cpu:.0f} %' for cpu in run['generator_cpu_pct'])} |")
        ratio = lambda key: busbar["latency_ms"]["all"][key] / echo["latency_ms"]["all"][key]
        lines.append(
            f"| {busbar['stations']} | **Busbar/echo** | {busbar['msg_s'] / echo['msg_s']:.2f}× | {ratio('p50'):.1f}× | {ratio('p95'):.1f}× | "
            f"{ratio('p99'):.1f}× | {ratio('max'):.1f}× | | {busbar['rss_idle_kib'] / echo['rss_idle_kib']:.1f}× | "
            f"{busbar['rss_load_kib'] / echo['rss_load_kib']:.1f}× | {busbar['rss_per_connection_kib'] / max(echo['rss_per_connection_kib'], 0.1):.1f}× | | |")
    return "\n".join(lines)


def actions_table(runs: list) -> str:
    """Busbar's latency per action."""
    lines = ["| N | action | n | P50 ms | P95 ms | P99 ms | max ms |", "|---|---|---|---|---|---|---|"]
    for busbar, _ in runs:
        for action, figures in busbar["latency_ms"].items():
            lines.append(f"| {busbar['stations']} | {action} | {figures['n']} | {figures['p50']:.2f} | {figures['p95']:.2f} | "
                         f"{figures['p99']:.2f} | {figures['max']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stations", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--duration", type=float, default=30, help="seconds of workload per run")
    parser.add_argument("--interval", type=float, default=2, help="seconds between one station's CALLs")
    parser.add_argument("--processes", type=int, default=0, help="generator processes (0: 1 below 500 stations, else 2)")
    parser.add_argument("--busbar", type=pathlib.Path, default=REPO / ".build" / "release" / "busbar")
    parser.add_argument("--echo", type=pathlib.Path, default=REPO / ".build" / "release" / "OCPPEchoBench")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    raise_file_limit()
    results = REPO / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    runs = []
    for count in options.stations:
        processes = options.processes or (1 if count < 500 else 2)
        stations = station_ids(count)
        with tempfile.TemporaryDirectory(prefix="busbar-load-") as folder:
            folder = pathlib.Path(folder)
            write_depot(folder / "depot.yaml", stations)
            environment = dict(os.environ, BUSBAR_ADMIN_TOKEN="bench-admin-token-0123456789abcdef")
            busbar = ServerProcess(
                [str(options.busbar), "serve", "--depot", str(folder / "depot.yaml"), "--db", str(folder / "busbar.sqlite"),
                 "--address", "127.0.0.1", "--port", "0"], folder / "busbar.log", environment)
            echo = ServerProcess([str(options.echo), "0"], folder / "echo.log")
            measured = []
            for name, server in (("busbar", busbar), ("echo", echo)):
                server.start()
                try:
                    print(f"N = {count}: {name} on port {server.port}", flush=True)
                    measured.append(measure(name, server, stations, options.interval, options.duration, processes, options.seed))
                finally:
                    server.stop()
            runs.append(tuple(measured))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    (results / f"ocpp-load-{stamp}.json").write_text(json.dumps(runs, indent=2))
    print()
    print(table(runs))
    print()
    print(actions_table(runs))
    for busbar, echo in runs:
        for run in (busbar, echo):
            if run["errors"] or run["failures"]:
                print(f"\nN = {run['stations']} {run['name']}: errors {run['errors']}, failures {run['failures'][:5]}")
    print(f"\nraw figures: {results / f'ocpp-load-{stamp}.json'}")


if __name__ == "__main__":
    main()

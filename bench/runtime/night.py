#!/usr/bin/env python3
"""Times simulated nights with `busbar demo` (server, runtime and simulated chargers in one
process, one accelerated clock).

For each depot and clock speed: wall and CPU seconds, peak memory, the runtime's own counters
(plans, ticks, time in the policy engine, the night planner and the allocator, the wait for
decision-record writes), how many buses left at or above their minimum SoC, and the energy that
reached the batteries against the night's hindsight optimum and the accuracy of the predicted
departure SoC (the demo's own lines). The share of the
process CPU the runtime's parts take is printed beside them; the rest is OCPP (codec, WebSockets,
the per-frame SQLite commits of the message log) and the simulated chargers, which run in the
same process."""
import argparse
import pathlib
import re
import shutil
import subprocess
import tempfile

def run_night(binary: str, depot: str, speed: int, hours: float, workdir: pathlib.Path) -> dict:
    database = workdir / f"night-{speed}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(database) + suffix).unlink(missing_ok=True)
    command = [binary, "demo", "--depot", depot, "--speed", str(speed), "--start", "18:55", "--hours", str(hours), "--port", "0",
               "--report-every", str(int(hours * 60)), "--db", str(database)]
    timing = workdir / "time.txt"
    output = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", str(timing)] + command,
                            capture_output=True, text=True, check=False).stdout
    wall, user, system, rss = timing.read_text().split()[-4:]
    result = {"wall": float(wall), "cpu": float(user) + float(system), "rss_mb": int(rss) / 1024}
    runtime = re.search(r"runtime: (\d+) plans \((\d+) ms\), (\d+) ticks \((\d+) ms\), policy (\d+) ms, storage (\d+) ms", output)
    if runtime:
        plans, planning, ticks, allocation, policy, storage = map(int, runtime.groups())
        result.update(plans=plans, planning=planning / 1000, ticks=ticks, allocation=allocation / 1000, policy=policy / 1000,
                      storage=storage / 1000)
    visits = re.search(r"departures: (\d+) of (\d+) visits", output)
    on_target = re.search(r"(\d+) left at or above their minimum target SoC", output)
    result["departures"] = (f"{on_target.group(1) if on_target else '?'}/{visits.group(1) if visits else '?'} "
                            f"({visits.group(2) if visits else '?'} visits)")
    late = re.search(r"unplugged buses up to (\d+) min after their departure", output)
    result["late"] = f"{late.group(1)} min" if late else "< 1 min"
    energy = re.search(r"(\d+) kWh into the batteries up to their targets; hindsight optimum (\d+) kWh \(([\d.]+) %\) with (\d+) at their minimum", output)
    result["energy"] = f"{energy.group(1)} / {energy.group(2)} ({energy.group(3)} %)" if energy else "?"
    result["optimum"] = energy.group(4) if energy else "?"
    predictions = re.search(r"mean absolute error ([\d.]+) points 2 min after plug-in \(bias ([+-][\d.]+)\), ([\d.]+) before leaving; "
                            r"(\d+) below their minimum, (\d+) of them announced", output)
    result["predictions"] = (f"{predictions.group(1)} ({predictions.group(2)}) / {predictions.group(3)} | {predictions.group(5)} of {predictions.group(4)}"
                             if predictions else "? | ?")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--baseline", help="a second busbar binary (e.g. main before a change), run on the same nights for comparison")
    parser.add_argument("--speeds", default="600,1200,2400")
    parser.add_argument("--hours", type=float, default=12)
    parser.add_argument("--chargers", type=int, default=200)
    parser.add_argument("--depots", choices=["both", "demo", "large"], default="both", help="the demo depot, the generated one, or both")
    arguments = parser.parse_args()
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="busbar-night-"))
    large = workdir / f"large-{arguments.chargers}.yaml"
    subprocess.run(["python3", str(pathlib.Path(__file__).with_name("make_depot.py")), "--chargers", str(arguments.chargers), str(large)],
                   check=True)
    depots = [("demo (20 chargers, 30 buses)", "config/depots/demo.yaml"), (f"{arguments.chargers} chargers, {arguments.chargers} buses", str(large))]
    depots = {"both": depots, "demo": depots[:1], "large": depots[1:]}[arguments.depots]
    binaries = [("this", arguments.binary)] + ([("baseline", arguments.baseline)] if arguments.baseline else [])
    print("| depot | speed | build | wall s | CPU s | peak MB | plans | ticks | policy s | planner s | allocator s | runtime share of CPU | "
          "record wait s | on target / departed | kWh into batteries / hindsight optimum | optimum on target | "
          "prediction MAE 2 min after plug-in (bias) / before leaving, points | misses announced | unplugged late by |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, depot in depots:
        for speed in map(int, arguments.speeds.split(",")):
            for build, binary in binaries:
                r = run_night(binary, depot, speed, arguments.hours, workdir)
                print(f"| {name} | {speed}× | {build} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['rss_mb']:.0f} | {r.get('plans', '?')} | {r.get('ticks', '?')} | "
                      f"{r.get('policy', 0):.2f} | {r.get('planning', 0):.2f} | {r.get('allocation', 0):.2f} | "
                      f"{100 * (r.get('policy', 0) + r.get('planning', 0) + r.get('allocation', 0)) / max(r['cpu'], 1e-9):.1f} % | {r.get('storage', 0):.2f} | "
                      f"{r['departures']} | {r['energy']} | {r['optimum']} | {r['predictions']} | {r['late']} |", flush=True)
    shutil.rmtree(workdir)


if __name__ == "__main__":
    main()

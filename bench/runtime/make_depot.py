#!/usr/bin/env python3
"""Writes a large depot for the runtime benchmark: N single-connector 150 kW chargers on feeders of
20, one bus per charger (two fleet tenants), arrivals 19:00–00:30, departures 04:00–07:00.
Station passwords follow `busbar demo`'s scheme (sha256("busbar-demo:" + id), first 40 hex)."""
import argparse
import hashlib
import hmac
import pathlib
import random
import secrets


def password_hash(station: str) -> str:
    password = hashlib.sha256(("busbar-demo:" + station).encode()).hexdigest()[:40]
    salt = secrets.token_bytes(16)
    digest = hmac.new(salt, password.encode(), hashlib.sha256).digest()
    return f"hmac-sha256${salt.hex()}${digest.hex()}"


def depot(count: int, seed: int) -> str:
    rng = random.Random(seed)
    feeders = (count + 19) // 20
    lines = [
        "depot:", f"  id: large-{count}", f"  name: Benchmark depot ({count} chargers)", "  timezone: Europe/Berlin",
        "grid:", f"  connection_kw: {count * 80}", f"  safety_margin_kw: {count}",
        "  blocks:",
        f'    - {{ name: night, from: "22:00", to: "06:00", limit_kw: {count * 80}, price_per_kwh: 0.17 }}',
        f'    - {{ name: day,   from: "06:00", to: "17:00", limit_kw: {count * 60}, price_per_kwh: 0.29 }}',
        f'    - {{ name: peak,  from: "17:00", to: "22:00", limit_kw: {count * 40}, price_per_kwh: 0.41 }}',
        "circuits:",
    ]
    lines += [f"  - {{ id: feeder-{f:02d}, limit_kw: 1800 }}" for f in range(feeders)]
    lines += ["areas:", "  - { id: hall, name: Halle }", "tenants:",
              "  - { id: north, name: Fleet North, class: fleet, priority: 100, areas: [hall] }",
              "  - { id: south, name: Fleet South, class: fleet, priority: 90, areas: [hall] }",
              "chargers:"]
    for index in range(count):
        station = f"BIG-{index + 1:04d}"
        lines += [
            f"  - id: {station}", f'    ocpp: "{"1.6" if index % 2 == 0 else "2.0.1"}"', "    security_profile: 1",
            f'    password_hash: "{password_hash(station)}"', f"    circuit: feeder-{index // 20:02d}", "    area: hall",
            f"    connectors:", f"      - {{ id: 1, bay: B{index + 1:04d}, max_kw: 150, min_kw: 10 }}",
        ]
    lines.append("vehicles:")
    for index in range(count):
        tenant = "north" if index % 2 == 0 else "south"
        lines.append(f"  - {{ id: bus-{index + 1:04d}, tenant: {tenant}, battery_kwh: 400, max_kw: 150, id_tokens: [\"TAG{index + 1:05d}\"] }}")
    lines.append("timetable:")
    for index in range(count):
        arrival = 19 * 60 + rng.randrange(0, 330)
        departure = 4 * 60 + rng.randrange(0, 180)
        lines.append(
            f'  - {{ vehicle: bus-{index + 1:04d}, arrival: "{arrival // 60 % 24:02d}:{arrival % 60:02d}", '
            f'departure: "{departure // 60:02d}:{departure % 60:02d}", arrival_soc: {rng.randrange(20, 45)}, '
            f"target_soc: 90, min_target_soc: 80, bay: B{index + 1:04d} }}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chargers", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("output", type=pathlib.Path)
    arguments = parser.parse_args()
    arguments.output.write_text(depot(arguments.chargers, arguments.seed))

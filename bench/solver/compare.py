#!/usr/bin/env python3
"""Busbar's planner against the exact LP (docs/solver.md §8).

For every instance in <dir>/instances with a plan in <dir>/plans, builds the LP of docs/solver.md §2.2
with highspy (interior point; one stage per class, then peak, then cost with the ε·t tie-break),
re-checks Busbar's plan against every constraint, and prints one table row per instance plus a
summary per (family, N). Writes the rows as JSON to <dir>/compare.json.
"""
import argparse
import glob
import json
import os
import statistics
import time

import highspy
import numpy as np

INF = highspy.kHighsInf
EPSILON = 1e-9
STAGE_REL, STAGE_ABS = 1e-9, 1e-6  # tighter than docs/solver.md §2.3 (1e-6, 1e-3) so the gaps measure Busbar, not the slack


class Model:
    """The LP of docs/solver.md §2.2 on one instance."""

    def __init__(self, lp):
        self.lp = lp
        self.h = highspy.Highs()
        self.h.setOptionValue("output_flag", False)
        self.h.setOptionValue("solver", "ipm")
        self.T, self.dt = lp["slots"], lp["slotHours"]
        self.columns = 0
        self.lower, self.upper = [], []
        self.rows = []  # (lower, upper, indices, values)
        vehicles = lp["vehicles"]
        self.p = []  # per vehicle: list of (slot, column)
        for v in vehicles:
            cols = []
            for k, alpha in enumerate(v["alpha"]):
                if alpha > 0:
                    cols.append((v["first"] + k, self.var(0, alpha * v["maxPower"])))
            self.p.append(cols)
        self.u_must = [self.var(0, INF) for _ in vehicles]
        self.u_want = [self.var(0, INF) for _ in vehicles]
        self.peak = self.var(0, INF)
        reserved = lp["reserved"]
        self.x = [self.var(0, INF) for _ in range(self.T)] if reserved else []
        for i, v in enumerate(vehicles):
            idx = [c for _, c in self.p[i]]
            e = [v["efficiency"] * self.dt] * len(idx)
            self.rows.append((v["mustEnergy"], INF, idx + [self.u_must[i]], e + [1.0]))
            self.rows.append((v["wantedEnergy"], INF, idx + [self.u_must[i], self.u_want[i]], e + [1.0, 1.0]))
            self.rows.append((-INF, v["wantedEnergy"], idx, e))
            if v["curve"]:
                self.add_taper(v, self.p[i])
        below = self.vehicles_below()
        for node in lp["nodes"]:
            by_slot = [[] for _ in range(self.T)]
            for i in below[node["id"]]:
                for t, c in self.p[i]:
                    by_slot[t].append(c)
            for t in range(self.T):
                idx = by_slot[t]
                if node.get("parent") is None:
                    fixed = lp["siteFixed"][t]
                    self.rows.append((-INF, lp["siteLimit"][t] - fixed, idx, [1.0] * len(idx)))
                    self.rows.append((-INF, -fixed, idx + [self.peak], [1.0] * len(idx) + [-1.0]))
                    if reserved:
                        self.rows.append((-INF, reserved[t] - fixed, idx + [self.x[t]], [1.0] * len(idx) + [-1.0]))
                elif idx:
                    self.rows.append((-INF, node["room"][t], idx, [1.0] * len(idx)))
        self.build()

    def var(self, lower, upper):
        self.lower.append(lower)
        self.upper.append(upper)
        self.columns += 1
        return self.columns - 1

    def add_taper(self, v, cols):
        """SoC states s_k; p_k ≤ α_k · (the curve's line through each decreasing piece) at the
        slot's mid SoC (s_k + s_{k+1}) / 2 — the taper rule of docs/solver.md §3.2 that Busbar plans with."""
        scale = 100 * v["efficiency"] * self.dt / v["capacity"]
        states = [self.var(v["soc"], v["soc"])]
        for _, c in cols:
            states.append(self.var(0, INF))
            self.rows.append((0, 0, [states[-1], states[-2], c], [1.0, -1.0, -scale]))
        curve = v["curve"]
        for (s_a, p_a), (s_b, p_b) in zip(curve, curve[1:]):
            if p_b >= p_a or s_b <= s_a:
                continue
            slope = (p_a - p_b) / (s_b - s_a)
            for k, (t, c) in enumerate(cols):  # p + α·slope·(s + s′)/2 ≤ α·(p_a + slope·s_a)
                alpha = v["alpha"][t - v["first"]]
                self.rows.append((-INF, alpha * (p_a + slope * s_a), [c, states[k], states[k + 1]],
                                  [1.0, alpha * slope / 2, alpha * slope / 2]))

    def vehicles_below(self):
        parent = {n["id"]: n.get("parent") for n in self.lp["nodes"]}
        below = {n["id"]: [] for n in self.lp["nodes"]}
        for i, v in enumerate(self.lp["vehicles"]):
            node = v["node"]
            while node is not None:
                below[node].append(i)
                node = parent[node]
        return below

    def build(self):
        h = self.h
        h.addVars(self.columns, np.array(self.lower), np.array(self.upper))
        lower = np.array([r[0] for r in self.rows])
        upper = np.array([r[1] for r in self.rows])
        starts, index, value = [], [], []
        for r in self.rows:
            starts.append(len(index))
            index.extend(r[2])
            value.extend(r[3])
        h.addRows(len(self.rows), lower, upper, len(index), np.array(starts, dtype=np.int32),
                  np.array(index, dtype=np.int32), np.array(value))

    def minimise(self, costs):
        """Solves with objective Σ costs[col]·col and keeps the optimum as a constraint."""
        h = self.h
        h.changeColsCost(self.columns, np.arange(self.columns, dtype=np.int32), np.zeros(self.columns))
        idx = np.array(list(costs.keys()), dtype=np.int32)
        val = np.array(list(costs.values()))
        h.changeColsCost(len(idx), idx, val)
        started = time.perf_counter()
        h.run()
        seconds = time.perf_counter() - started
        value = h.getInfo().objective_function_value
        h.addRow(-INF, value + STAGE_REL * abs(value) + STAGE_ABS, len(idx), idx, val)
        return value, seconds

    def solve(self):
        vehicles = self.lp["vehicles"]
        seconds = 0.0
        unmet = {}
        for kind, us in (("must", self.u_must), ("want", self.u_want)):
            for tier in sorted({v["tier"] for v in vehicles}, reverse=True):
                cols = {us[i]: 1.0 for i, v in enumerate(vehicles) if v["tier"] == tier}
                unmet[(kind, tier)], s = self.minimise(cols)
                seconds += s
        peak, s = self.minimise({self.peak: 1.0})
        seconds += s
        costs = {}
        for i in range(len(vehicles)):
            for t, c in self.p[i]:
                costs[c] = self.lp["prices"][t] * self.dt + EPSILON * t * self.dt
        for t, c in enumerate(self.x):
            costs[c] = self.lp["penalty"][t]
        _, s = self.minimise(costs)
        seconds += s
        solution = self.h.getSolution().col_value
        power = [[0.0] * self.T for _ in vehicles]
        for i in range(len(vehicles)):
            for t, c in self.p[i]:
                power[i][t] = solution[c]
        return unmet, peak, cost_of(self.lp, power), seconds


def cost_of(lp, power):
    total = 0.0
    for t in range(lp["slots"]):
        charging = sum(p[t] for p in power)
        total += lp["prices"][t] * lp["slotHours"] * charging
        if lp["reserved"]:
            total += lp["penalty"][t] * max(0.0, charging + lp["siteFixed"][t] - lp["reserved"][t])
    return total


def unmet_of(lp, power):
    result = {}
    for v, p in zip(lp["vehicles"], power):
        delivered = v["efficiency"] * lp["slotHours"] * sum(p)
        must = max(0.0, v["mustEnergy"] - delivered)
        total = max(0.0, v["wantedEnergy"] - delivered)
        result[("must", v["tier"])] = result.get(("must", v["tier"]), 0.0) + must
        result[("want", v["tier"])] = result.get(("want", v["tier"]), 0.0) + total - must
    return result


def violations(lp, power, tol=1e-6):
    """Every constraint of docs/solver.md §2.2 that Busbar's plan breaks (must be none)."""
    found = []
    T, dt = lp["slots"], lp["slotHours"]
    for v, p in zip(lp["vehicles"], power):
        caps = [0.0] * T
        for k, alpha in enumerate(v["alpha"]):
            caps[v["first"] + k] = alpha * v["maxPower"]
        for t in range(T):
            if p[t] < -tol or p[t] > caps[t] + tol:
                found.append(f"rate {v['id']} slot {t}")
        if v["efficiency"] * dt * sum(p) > v["wantedEnergy"] + tol:
            found.append(f"overfill {v['id']}")
        if v["curve"]:
            soc = v["soc"]
            for t in range(T):
                soc_end = soc + 100 * v["efficiency"] * dt * p[t] / v["capacity"]
                if p[t] > caps[t] / v["maxPower"] * curve_power(v["curve"], (soc + soc_end) / 2) + tol:
                    found.append(f"taper {v['id']} slot {t}")
                soc = soc_end
    parent = {n["id"]: n.get("parent") for n in lp["nodes"]}
    load = {n["id"]: [0.0] * T for n in lp["nodes"]}
    for v, p in zip(lp["vehicles"], power):
        node = v["node"]
        while node is not None:
            for t in range(T):
                load[node][t] += p[t]
            node = parent[node]
    for n in lp["nodes"]:
        room = [lp["siteLimit"][t] - lp["siteFixed"][t] for t in range(T)] if n.get("parent") is None else n["room"]
        for t in range(T):
            if load[n["id"]][t] > room[t] + tol * max(1.0, abs(room[t])):
                found.append(f"node {n['id']} slot {t}")
    return found


def guarantee_violations(lp, power, tol=1e-3):
    """Slots where a tenant with unmet energy gets less than min(budget, what its short vehicles
    could take) — the tenant-guarantee rule of docs/solver.md §3.3 (must be 0)."""
    found = 0
    T, dt = lp["slots"], lp["slotHours"]
    for tenant, budget in lp["tenantBudgets"].items():
        members = [i for i, t in enumerate(lp["tenantOfVehicle"]) if t == tenant]
        short = [i for i in members
                 if lp["vehicles"][i]["wantedEnergy"] - lp["vehicles"][i]["efficiency"] * dt * sum(power[i]) > tol]
        if not short:
            continue
        for t in range(T):
            received = sum(power[i][t] for i in members)
            takeable = 0.0
            for i in short:
                v = lp["vehicles"][i]
                k = t - v["first"]
                if 0 <= k < len(v["alpha"]):
                    takeable += v["alpha"][k] * v["maxPower"]
            if received < min(budget, takeable) - tol:
                found += 1
    return found


def curve_power(curve, soc):
    if soc <= curve[0][0]:
        return curve[0][1]
    for (s_a, p_a), (s_b, p_b) in zip(curve, curve[1:]):
        if soc <= s_b:
            return p_a + (p_b - p_a) * (soc - s_a) / (s_b - s_a) if s_b > s_a else p_b
    return curve[-1][1]


def gap(busbar, lp):
    return (busbar - lp) / max(abs(lp), 1.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dir", help="run directory with instances/ and plans/")
    args = parser.parse_args()
    rows = []
    header = "| family | N | slot | θ | seed | gap unmet | gap peak | gap cost | violations | pass | t_busbar (s) | t_highs (s) | ratio |"
    print(header)
    print("|" + "---|" * 13)
    for path in sorted(glob.glob(os.path.join(args.dir, "instances", "*.json"))):
        name = os.path.basename(path)
        plan_path = os.path.join(args.dir, "plans", name)
        if not os.path.exists(plan_path):
            continue
        with open(path) as f:
            instance = json.load(f)
        with open(plan_path) as f:
            plan = json.load(f)
        lp, spec = instance["lp"], instance["instance"]["spec"]
        unmet_lp, peak_lp, cost_lp, t_highs = Model(lp).solve()
        unmet_busbar = unmet_of(lp, plan["power"])
        gap_unmet = max((gap(unmet_busbar.get(k, 0.0), v) for k, v in unmet_lp.items()), key=abs)
        site = [sum(p[t] for p in plan["power"]) + lp["siteFixed"][t] for t in range(lp["slots"])]
        row = {
            "family": spec["family"], "N": spec["vehicles"], "slot": spec["slotMinutes"], "theta": spec["theta"],
            "seed": spec["seed"], "gap_unmet": gap_unmet, "gap_peak": gap(max(site), peak_lp),
            "gap_cost": gap(cost_of(lp, plan["power"]), cost_lp), "violations": len(violations(lp, plan["power"])),
            "t_busbar": plan["seconds"], "t_highs": t_highs, "ratio": plan["seconds"] / t_highs,
            "unmet_lp": sum(unmet_lp.values()), "peak_lp": peak_lp, "cost_lp": cost_lp,
        }
        # docs/solver.md §8 pass rule: 1e-6 relative plus 1e-3 kWh / 1e-3 kW / 1e-4 €, and no violations.
        within = all(abs(unmet_busbar.get(k, 0.0) - v) <= 1e-6 * abs(v) + 1e-3 for k, v in unmet_lp.items())
        within &= abs(max(site) - peak_lp) <= 1e-6 * peak_lp + 1e-3
        within &= abs(cost_of(lp, plan["power"]) - cost_lp) <= 1e-6 * cost_lp + 1e-4
        row["guarantee_violations"] = guarantee_violations(lp, plan["power"])
        row["pass"] = bool(within and row["violations"] == 0 and row["guarantee_violations"] == 0)
        rows.append(row)
        print(f"| {row['family']} | {row['N']} | {row['slot']} | {row['theta']} | {row['seed']} | {row['gap_unmet']:.1e} | "
              f"{row['gap_peak']:.1e} | {row['gap_cost']:.1e} | {row['violations']} | {'yes' if row['pass'] else 'NO'} | {row['t_busbar']:.4f} | "
              f"{row['t_highs']:.3f} | {row['ratio']:.3f} |", flush=True)
    print()
    print("| family | N | slot | instances | passed | median t_busbar (s) | median t_highs (s) | median ratio | max abs gap | worst seed | violations | guarantee violations |")
    print("|" + "---|" * 12)
    groups = {}
    for row in rows:
        groups.setdefault((row["family"], row["N"], row["slot"]), []).append(row)
    for (family, n, slot), members in sorted(groups.items()):
        def worst(r):
            return max(abs(r["gap_unmet"]), abs(r["gap_peak"]), abs(r["gap_cost"]))
        bad = max(members, key=worst)
        print(f"| {family} | {n} | {slot} | {len(members)} | {sum(r['pass'] for r in members)} | "
              f"{statistics.median(r['t_busbar'] for r in members):.4f} | {statistics.median(r['t_highs'] for r in members):.3f} | "
              f"{statistics.median(r['ratio'] for r in members):.3f} | "
              f"{worst(bad):.1e} | θ={bad['theta']} seed {bad['seed']} | {sum(r['violations'] for r in members)} | "
              f"{sum(r['guarantee_violations'] for r in members)} |")
    with open(os.path.join(args.dir, "compare.json"), "w") as f:
        json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()

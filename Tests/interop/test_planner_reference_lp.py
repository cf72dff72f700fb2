"""The night planner against the exact LP on small seeded instances (docs/solver.md §7–§8).

Each instance in `solver-instances/` was written by the benchmark generator (`bench/solver`:
SolverBench generate, N = 12, 15-min slots, θ = 0.9, seeds 1–2 of the no-taper families). The
shipped `busbar plan --instance` solves it; HiGHS solves the same LP stage by stage (bench/solver/
compare.py's model). The plan must satisfy every constraint and match the LP's three lexicographic
objectives to 1e-6 relative plus 1e-3 kWh / 1e-3 kW / 1e-4 €.
"""
import json
import pathlib
import sys

import pytest

from conftest import REPO, run_busbar

sys.path.insert(0, str(REPO / "bench" / "solver"))
import compare  # noqa: E402  (the benchmark's LP model, reused as the reference)

INSTANCES = sorted((pathlib.Path(__file__).parent / "solver-instances").glob("*.json"))


@pytest.mark.parametrize("path", INSTANCES, ids=lambda p: p.stem)
def test_plan_matches_the_lp_optimum(busbar_bin, path):
    lp = json.loads(path.read_text())["lp"]
    result = run_busbar(busbar_bin, "plan", "--instance", str(path))
    assert result.returncode == 0, result.stderr
    power = json.loads(result.stdout)["power"]

    assert compare.violations(lp, power) == []
    unmet_lp, peak_lp, cost_lp, _ = compare.Model(lp).solve()
    unmet_busbar = compare.unmet_of(lp, power)
    for key, value in unmet_lp.items():
        assert abs(unmet_busbar.get(key, 0.0) - value) <= 1e-6 * abs(value) + 1e-3, key
    site = [sum(p[t] for p in power) + lp["siteFixed"][t] for t in range(lp["slots"])]
    assert abs(max(site) - peak_lp) <= 1e-6 * peak_lp + 1e-3
    cost = compare.cost_of(lp, power)
    assert abs(cost - cost_lp) <= 1e-6 * cost_lp + 1e-4


def test_the_instances_are_there():
    assert len(INSTANCES) >= 10

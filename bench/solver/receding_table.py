"""Median over seeds of `SolverBench receding` rows (TSV on stdin or in files): one markdown row
per (family, N, θ, under-delivery) with the one-shot, receding and LLF unmet energy and the ratios.
Standard library only."""
import csv
import statistics
import sys
from collections import defaultdict


def main(paths):
    rows = []
    for path in paths or ["-"]:
        handle = sys.stdin if path == "-" else open(path)
        rows += [row for row in csv.DictReader(handle, delimiter="\t") if row.get("strategy")]
    groups = defaultdict(lambda: defaultdict(list))
    for row in rows:
        key = (row["family"], int(row["n"]), float(row["theta"]), float(row["under_delivery"]))
        groups[key][row["strategy"]].append(row)

    def median(strategy_rows, column):
        return statistics.median(float(row[column]) for row in strategy_rows)

    print("| family | N | θ | under-delivery | seeds | one-shot unmet kWh (% need) | receding unmet kWh (% need) | LLF unmet kWh (% need) "
          "| receding / one-shot | receding / LLF | one-shot open loop kWh | at min one-shot / receding / LLF | re-plans |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for key in sorted(groups):
        strategies = groups[key]
        family, n, theta, share = key
        seeds = len(strategies["receding"])

        def unmet(strategy):
            return f"{median(strategies[strategy], 'unmet_kWh'):.1f} ({median(strategies[strategy], 'unmet_pct_need'):.2f} %)"

        def ratio(numerator, denominator):
            # Ratios per seed, then their median (a night with nothing unmet gives no ratio).
            values = [float(a["unmet_kWh"]) / float(b["unmet_kWh"])
                      for a, b in zip(strategies[numerator], strategies[denominator]) if float(b["unmet_kWh"]) > 1e-6]
            return f"{statistics.median(values):.2f}×" if values else "—"

        at_min = " / ".join(f"{median(strategies[s], 'at_min'):.0f}" for s in ("oneshot", "receding", "llf"))
        print(f"| {family} | {n} | {theta} | {share:g} | {seeds} | {unmet('oneshot')} | {unmet('receding')} | {unmet('llf')} "
              f"| {ratio('receding', 'oneshot')} | {ratio('receding', 'llf')} | {median(strategies['oneshot_open_loop'], 'unmet_kWh'):.1f} "
              f"| {at_min} | {median(strategies['receding'], 'plans'):.0f} |")


if __name__ == "__main__":
    main(sys.argv[1:])

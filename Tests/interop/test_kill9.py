"""The kill -9 durability test (bench/ocpp/kill9.py, docs/reliability.md §5.3 D1) in a small configuration:
a few stations, a handful of SIGKILLs of `busbar serve` under transaction load, each followed by a
restart on the same database. Every acknowledged transaction message must be stored exactly once."""
import asyncio
import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "bench" / "ocpp"))

import kill9  # noqa: E402


def test_acknowledged_transaction_messages_survive_kill_9_exactly_once(busbar_bin, tmp_path):
    report = asyncio.run(kill9.run(busbar_bin, tmp_path, stations=4, kills=5, samples=3, gaps=(0.2, 0.8), seed=7))
    summary = report.summary()
    assert summary["kills"] == 5
    assert summary["acknowledged"] > 0
    assert report.integrity == ["ok"] * 6
    assert report.lost == []
    assert report.duplicated == []
    assert report.unstable_ids == []
    assert report.open_and_closed == []
    assert report.call_errors == []

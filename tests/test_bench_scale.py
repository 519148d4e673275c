"""The scale benchmark's harness runs end to end at a small size (each figure in its own process) and its
report says what was measured: value, floor, ratio, machine, command. The figures themselves are not
asserted here: speed is measured in bench/, never as a timed test."""

from __future__ import annotations

import json
from pathlib import Path

from bench import report, scale


def test_run_and_report(tmp_path: Path) -> None:
    out = tmp_path / "scale.json"
    results = scale.run([1500], {"neo4j", "service"}, results_json=out)
    fig = json.loads(out.read_text())["sizes"]["1500"]
    assert fig == results["sizes"]["1500"]
    e, m = fig["extraction"], fig["embedded"]
    assert e["texts"] == 1500 and e["one_core_mb_s"] > 0 and e["floor_scan_mb_s"] > 0
    assert m["documents"] == 1500 and m["relations"] > 4000 and m["store_rss_mb"] > 0 and m["open_s"] >= 0
    assert m["replaced_by_p99_ms"] >= m["replaced_by_p50_ms"] > 0
    assert results["machine"]["cores"] >= 1
    rows = report.rows(results)
    assert any("embedded build" in r[1] for r in rows) and all(len(r) == 6 for r in rows)
    assert report.goals(results) == []  # the goals are judged at 1,000,000 documents only


def test_earlier_runs_stand_beside_this_one() -> None:
    """RESULTS.md shows the goals as the runs kept in bench/results/scale-<date>-<machine>.json measured them."""
    kept = sorted(report.RESULTS_JSON.parent.glob("scale-*.json"))
    assert kept, "an earlier run is kept"
    earlier = json.loads(kept[0].read_text())
    lines = report.earlier(earlier)
    assert "## Earlier runs" in lines
    row = next(x for x in lines if x.startswith("| embedded store builds in under 2 minutes |"))
    value = report.goals(earlier)[0][2]
    assert row.count(value) == 2  # this run's column and the kept run's, the same figures here

"""The schedule of concurrent relationship writes: every relation written once, never two jobs on one node."""

from __future__ import annotations

import random
import threading
import time

import pytest

from graph.model import Relation
from graph.stores.neo4j_store import relation_jobs, run_disjoint


def _relations(n: int, seed: int = 7) -> list[Relation]:
    rnd = random.Random(seed)
    out = {}
    for _ in range(n):
        t = rnd.choice(["CITES", "REPLACES", "ISSUED_BY", "BASED_ON"])
        s = f"{rnd.randrange(400)}/2020/ND-CP"
        o = rnd.choice(["CP", "TTG", "BTC"]) if t == "ISSUED_BY" else f"{rnd.randrange(400)}/2019/TT-BTC"
        out[(t, s, o)] = Relation(type=t, source=s, target=o)
    return list(out.values())


def test_relation_jobs_cover_each_relation_once_within_their_partitions() -> None:
    rels = _relations(3000)
    jobs = relation_jobs(rels, 4, 100)
    seen = [(t, row["source"], row["target"]) for _, t, rows in jobs for row in rows]
    assert sorted(seen) == sorted((r.type, r.source, r.target) for r in rels)
    nodes: dict[tuple[str, str], set[frozenset[int]]] = {}
    for parts, t, rows in jobs:
        assert 1 <= len(parts) <= 2 and 0 < len(rows) <= 100
        for row in rows:
            nodes.setdefault(("doc", row["source"]), set()).add(parts)
            nodes.setdefault(("agency" if t == "ISSUED_BY" else "doc", row["target"]), set()).add(parts)
    # a node's every job shares one partition: the node's own
    for node, groups in nodes.items():
        assert frozenset.intersection(*groups), node


def test_run_disjoint_never_runs_two_jobs_on_one_partition() -> None:
    rels = _relations(2000)
    jobs = [(parts, (i, parts)) for i, (parts, _, _) in enumerate(relation_jobs(rels, 4, 50))]
    lock = threading.Lock()
    running: list[frozenset[int]] = []
    done: list[int] = []
    overlap: list[tuple[frozenset[int], frozenset[int]]] = []
    peak = [0]

    def fn(payload: tuple[int, frozenset[int]]) -> None:
        i, parts = payload
        with lock:
            overlap.extend((parts, p) for p in running if p & parts)
            running.append(parts)
            peak[0] = max(peak[0], len(running))
        time.sleep(0.002)
        with lock:
            running.remove(parts)
            done.append(i)

    run_disjoint(jobs, fn, 3)
    assert not overlap
    assert sorted(done) == list(range(len(jobs)))
    assert peak[0] > 1  # it did run jobs concurrently


def test_run_disjoint_stops_at_the_first_error() -> None:
    started: list[int] = []

    def fn(i: int) -> None:
        started.append(i)
        if i == 3:
            raise RuntimeError("boom")
        time.sleep(0.01)

    jobs = [(frozenset({0}), i) for i in range(50)]  # one partition: one at a time, in order
    with pytest.raises(RuntimeError, match="boom"):
        run_disjoint(jobs, fn, 2)
    assert started == [0, 1, 2, 3]

"""The synthetic corpus of the scale benchmarks: deterministic, in the intended proportions, and what its texts
state is exactly the graph it writes directly (so the extraction benchmark reads what the store benchmarks load)."""

from __future__ import annotations

from collections import Counter

from bench.synth import generate, graphs, texts
from graph.model import Graph
from graph.pipeline import extract_text
from graph.resolve import Resolver
from graph.stores.memory import MemoryStore


def test_deterministic_and_proportioned() -> None:
    a, b = generate(5000, seed=3), generate(5000, seed=3)
    assert a.docs == b.docs and a.rels == b.rels
    assert generate(5000, seed=4).rels != a.rels
    assert 2.7 <= a.relation_count / len(a.docs) <= 3.3  # ~3 relations per document with ISSUED_BY
    types = Counter(r for r, _, _ in a.rels)
    assert types["CITES"] > types["BASED_ON"] > types["AMENDS"] > types["REPLACES"] > 0 and types["GUIDES"] > 0
    assert all(a.docs[j].date < a.docs[i].date for _, i, j in a.rels)  # newer acts on older
    keys = [d.key for d in a.docs]
    assert len(set(keys)) == len(keys)
    # numbers without a year repeat across years: one document per year
    no_year = Counter(d.number for d in a.docs if d.number.count("/") == 1)
    assert no_year.most_common(1)[0][1] > 1
    # replacement chains of 1 to 5
    replaced_by = {j: i for r, i, j in a.rels if r == "REPLACES"}
    longest = 0
    for start in replaced_by:
        n, k = 1, start
        while k in replaced_by:
            k, n = replaced_by[k], n + 1
        longest = max(longest, n)
    assert 2 <= longest <= 5


def test_texts_state_exactly_the_graph() -> None:
    c = generate(3000, seed=7)
    n = 500
    extracted = Resolver().build([extract_text(t, name) for name, t in texts(c, n)])
    direct = Graph()
    for g in graphs(c, chunk=1000):
        for k, r in g.relations.items():
            if int(r.evidence[0].source[6:13]) < n:
                direct.relations[k] = r
    want = {(r.type, r.source, r.target) for r in direct.relations.values()}
    got = {(r.type, r.source, r.target) for r in extracted.relations.values()}
    assert got == want
    for i in range(n):
        d, e = c.docs[i], extracted.documents[c.docs[i].key]
        assert (e.number, e.type_id, e.issuer, e.date, e.effective) == (d.number, d.type_id, d.issuer, d.date, d.effective)


def test_chunks_load_into_a_store() -> None:
    c = generate(2000, seed=1)
    s = MemoryStore()
    for g in graphs(c, chunk=500):
        s.upsert(g)
    counts = s.counts()
    assert counts["documents"] == 2000 and counts["relations"] == c.relation_count
    nxg = s.to_networkx()  # for networkx's algorithms: the same nodes and edges
    assert nxg.number_of_edges() == counts["relations"]
    assert nxg.number_of_nodes() == counts["documents"] + counts["agencies"]
    key = c.docs[[j for r, _, j in c.rels if r == "REPLACES"][0]].key
    assert any(t == "REPLACES" for _, _, t in nxg.in_edges(key, keys=True))

"""Loading speed into a real Neo4j: relationships per second with lexgraph's idempotent MERGE writes
(`LEXGRAPH_NEO4J_WRITERS` concurrent transactions, 2 by default), and per phase (documents, then relationships),
beside a floor measured in the same run (plain `UNWIND … CREATE` of the same rows into an empty database); and,
on the local server, the offline bulk import (`lexgraph neo4j import`: CSV, neo4j-admin, restart, indexes).

    python -m bench.neo4j_load [CORPUS_DIR] [--copies 20] [--batch 2000] [--writers 2]

The graph is the Gazette corpus's (../shared/corpus/congbao/texts, else the test fixtures), repeated
`--copies` times under distinct keys so the load runs long enough to be measured in its steady state.
It uses the server at LEXGRAPH_BENCH_NEO4J_URI (with LEXGRAPH_NEO4J_PASSWORD), else starts the test
server (127.0.0.1:17687, .lexgraph/neo4j-test) and stops it afterwards. The database is wiped.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

from graph.model import Graph
from graph.pipeline import extract_paths
from graph.stores import cypher as C
from graph.stores.neo4j_store import WRITERS, Neo4jStore, _doc_row, relation_rows

from .extract_speed import default_corpus

ROOT = Path(__file__).resolve().parent.parent

CREATE_DOCS = f"UNWIND $rows AS row CREATE (d:{C.DOCUMENT}) SET d += row.props, d.evidence = row.evidence"


def create_rels(t: str) -> str:
    target = f"(t:{C.AGENCY} {{id: row.target}})" if t in C.AGENCY_RELATIONS else f"(t:{C.DOCUMENT} {{key: row.target}})"
    return (f"UNWIND $rows AS row MATCH (s:{C.DOCUMENT} {{key: row.source}}) MATCH {target} "
            f"CREATE (s)-[r:{t}]->(t) SET r.evidence = row.evidence")


def replicate(g: Graph, copies: int) -> Graph:
    """`copies` disjoint copies of the graph (keys suffixed #i); agencies shared, as in real data."""
    out = Graph(agencies=dict(g.agencies))
    for i in range(copies):
        sfx = "" if i == 0 else f"#{i}"
        for k, d in g.documents.items():
            out.documents[k + sfx] = d.model_copy(update={"key": k + sfx})
        for k, r in g.relations.items():
            tgt = r.target if r.type in C.AGENCY_RELATIONS else r.target + sfx
            out.relations[k + sfx] = r.model_copy(update={"source": r.source + sfx, "target": tgt})
    return out


def local_server(heap_size: str = "1g", pagecache_size: str = "512m") -> tuple[str, str, Any, Any]:
    """The test server started if needed: URI, password, its config if this call started it (to stop it after),
    and its config."""
    from app import neo4j_server as ns

    pw_file = ROOT / ".lexgraph" / "neo4j-test.password"
    if not pw_file.exists():
        import secrets

        pw_file.parent.mkdir(parents=True, exist_ok=True)
        pw_file.write_text(secrets.token_urlsafe(18), encoding="utf-8")
    cfg = ns.ServerConfig(password=pw_file.read_text(encoding="utf-8").strip(), home=ROOT / ".lexgraph" / "neo4j-test",
                          bolt_port=17687, http_port=17474, heap_size=heap_size, pagecache_size=pagecache_size)
    was_running = ns.status(cfg)["running"]
    ns.install(cfg)
    ns.start(cfg)
    return cfg.bolt_uri, cfg.password, (None if was_running else cfg), cfg


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("corpus", nargs="?", type=Path, default=None)
    p.add_argument("--copies", type=int, default=20)
    p.add_argument("--batch", type=int, default=2000)
    p.add_argument("--writers", type=int, default=int(os.environ.get("LEXGRAPH_NEO4J_WRITERS", WRITERS)),
                   help="concurrent write transactions of the MERGE load (the floor is one)")
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    a = p.parse_args()
    corpus = a.corpus or default_corpus()

    uri = os.environ.get("LEXGRAPH_BENCH_NEO4J_URI")
    started = local = None
    bulk: dict[str, Any] = {}
    if uri:
        password = os.environ.get("LEXGRAPH_NEO4J_PASSWORD", "")
    else:
        uri, password, started, local = local_server()
    try:
        g = replicate(extract_paths([corpus]), a.copies)
        n_docs, n_rels = len(g.documents), len(g.relations)
        store = Neo4jStore(uri, password=password, batch_size=a.batch, writers=a.writers)
        try:
            # floor: CREATE the same rows into an empty database (same key constraint for endpoint lookups)
            store.clear()
            store.ensure_schema()
            rows = [_doc_row(d) for d in g.documents.values()]
            agencies = [{"id": x.id, "name": x.name, "name_en": x.name_en} for x in g.agencies.values()]
            t0 = time.perf_counter()
            store._run_batches(C.MERGE_AGENCIES, agencies)
            store._run_batches(CREATE_DOCS, rows)
            floor_docs_s = time.perf_counter() - t0
            for t, rr in relation_rows(g.relations.values()):  # the same rows the MERGE load sends
                store._run_batches(create_rels(t), rr)
            floor_s = time.perf_counter() - t0
            floor_rels = store.counts()["relations"]

            # lexgraph's load, `store.upsert(g)`, in its two phases: documents (with agencies), then relationships
            store.clear()
            t0 = time.perf_counter()
            store.upsert(Graph(documents=g.documents, agencies=g.agencies))
            docs_s = time.perf_counter() - t0
            store._write_relations(g.relations.values())
            merge_s = time.perf_counter() - t0
            counts = store.counts()
            # the whole load again into the loaded graph: evidence compared, nothing added
            t0 = time.perf_counter()
            store.upsert(g)
            again_s = time.perf_counter() - t0
            assert store.counts() == counts, "a second load changed the counts"
        finally:
            store.clear()
            store.close()
        if local is not None:
            # the offline importer: write the CSV files, stop the server, import, start it, create the indexes
            from app.bulk_import import bulk_load

            rep = bulk_load(local, g)
            check = Neo4jStore(uri, password=password)
            try:
                assert check.counts() == counts, "the import and the MERGE load differ"
                check.clear()
            finally:
                check.close()
            bulk = {"bulk_import_seconds": round(rep.seconds, 2), "bulk_import_rel_per_s": round(rep.relations / rep.seconds),
                    "bulk_steps_seconds": {"csv": round(rep.csv_seconds, 2), "neo4j_admin_import": round(rep.import_seconds, 2),
                                           "restart": round(rep.start_seconds, 2), "indexes": round(rep.schema_seconds, 2)},
                    "ratio_bulk_to_floor": round(rep.seconds / floor_s, 2)}
    finally:
        if started is not None:
            from app import neo4j_server as ns

            ns.stop(started)

    res = {
        "corpus": str(corpus), "copies": a.copies, "documents": n_docs, "relations": n_rels,
        "relations_stored": counts["relations"], "batch_size": a.batch,
        "writers": store.writers,
        "merge_seconds": round(merge_s, 2), "merge_rel_per_s": round(counts["relations"] / merge_s),
        "merge_documents_per_s": round(n_docs / docs_s),
        "merge_relations_phase_rel_per_s": round(counts["relations"] / (merge_s - docs_s)),
        "remerge_seconds": round(again_s, 2), "remerge_rel_per_s": round(counts["relations"] / again_s),
        "floor_create_seconds": round(floor_s, 2), "floor_rel_per_s": round(floor_rels / floor_s),
        "floor_documents_per_s": round(n_docs / floor_docs_s),
        "floor_relations_phase_rel_per_s": round(floor_rels / (floor_s - floor_docs_s)),
        "ratio_merge_to_floor": round(merge_s / floor_s, 2),
        **bulk,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    print(json.dumps(res, indent=1))
    if a.json:
        a.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""A first load of a large graph into the local Neo4j server with `neo4j-admin database import full`.

`lexgraph build --store neo4j://…` writes through transactions (batched, idempotent MERGE): the way to keep a
store up to date, on any server, cluster or Aura. For a first load of a very large graph into the local server
(`lexgraph neo4j start`), the offline importer is faster: it writes the store files directly, without locks,
transaction logs or index updates. It replaces the database: `bulk_load` writes the graph as CSV
(`graph.stores.neo4j_import`: the very properties `upsert` writes, by one process per core), stops the server, imports, starts it again and
creates the constraints and indexes. Afterwards the store is what `upsert` of the same graph into an empty
database would have made, and later builds merge into it as usual.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass

from app import neo4j_server as ns
from graph.model import Graph
from graph.stores.neo4j_import import write_import_files
from graph.stores.neo4j_store import Neo4jStore


@dataclass
class BulkReport:
    """What a bulk load wrote and how long each step took (seconds)."""

    documents: int
    agencies: int
    relations: int
    csv_seconds: float
    import_seconds: float
    start_seconds: float
    schema_seconds: float

    @property
    def seconds(self) -> float:
        return self.csv_seconds + self.import_seconds + self.start_seconds + self.schema_seconds


def undated_twin_bases(graph: Graph) -> set[str]:
    """The numbers the store's reconciliation can act on: an undated document ('749/QD-TTG') beside a dated one
    with the same number (the store asks the database only about these, not about a million numbers)."""
    undated = {k for k in graph.documents if "@" not in k}
    return {b for b in (k.split("@", 1)[0] for k in graph.documents if "@" in k) if b in undated}


def bulk_load(cfg: ns.ServerConfig, graph: Graph, keep_files: bool = False) -> BulkReport:
    """Replace the graph of the local server `cfg` with `graph`; the server runs afterwards."""
    work = cfg.home / "import" / "lexgraph"
    shutil.rmtree(work, ignore_errors=True)
    # the server stops first: its memory is then free for writing the files (one process per core shares the graph)
    was_running = ns.stop(cfg)
    t0 = time.perf_counter()
    try:
        files = write_import_files(graph, work)
    except BaseException:
        if was_running:
            ns.start(cfg)  # nothing imported: the graph it held is untouched
        raise
    t1 = time.perf_counter()
    ns.import_database(cfg, work, files)
    t2 = time.perf_counter()
    ns.start(cfg)
    t3 = time.perf_counter()
    store = Neo4jStore(cfg.bolt_uri, password=cfg.password)
    try:
        store.after_import(undated_twin_bases(graph))
        counts = store.counts()
    finally:
        store.close()
    t4 = time.perf_counter()
    if not keep_files:
        shutil.rmtree(work, ignore_errors=True)
    return BulkReport(documents=counts["documents"], agencies=counts["agencies"], relations=counts["relations"],
                      csv_seconds=t1 - t0, import_seconds=t2 - t1, start_seconds=t3 - t2, schema_seconds=t4 - t3)

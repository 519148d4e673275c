"""The graph as the CSV files `neo4j-admin database import full` reads: the one writer of that layout.

The offline importer writes a new database from CSV far faster than transactions can (no locks, no log, no
index updates until the end). The files hold exactly what a first `Neo4jStore.upsert` would store: the document
rows come from `_new_doc_props` and the relations' evidence is serialised as for the MERGE load (`EvidenceJson`), so the store reads an imported graph
like a built one and a later `upsert` merges into it as into its own writes. `lexgraph neo4j import` loads them
into the local server (app/bulk_import.py); `lexgraph export --format csv` and `GET /export?format=csv` hand the
same files to a user, with the command that loads them and the Cypher of the constraints and indexes.

The rows are pure Python work, so they are written by several processes at once (forked: they share the graph):
each writes a slice of the documents and a slice of the relations to its own files, and the importer reads a
group of files as one (`--nodes=documents.csv,documents.1.csv`: the header is in the first).
"""

from __future__ import annotations

import csv
import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import AGENCY_RELATIONS, Document, Graph, Relation
from . import cypher as C
from .neo4j_store import EvidenceJson, _effects_json, _new_doc_props, affects_rows, part_rows

ARRAY_DELIMITER = "\x1f"  # the unit separator: never in JSON (escaped) nor in cleaned text (a control char)
ARRAY_DELIMITER_ARG = f"U+{ord(ARRAY_DELIMITER):04X}"  # the importer's notation for it
DOC_COLUMNS = (  # property, CSV type ('' for string)
    ("base", ""), ("number", ""), ("name", ""), ("name_base", ""), ("type", ""), ("type_id", ""), ("issuer", ""), ("year", "int"),
    ("title", ""), ("co_issuers", "string[]"), ("evidence", "string[]"), ("mentions", "int"),
    ("search_parts", "string[]"), ("search", ""), ("caption", ""), ("effective_claims", "string[]"),
    ("effective_conflicts", "string[]"), ("date", "date"), ("effective", "date"), ("expires", "date"),
)
DOCUMENTS, AGENCIES = "documents", "agencies"
RELATIONS_DOCUMENTS, RELATIONS_AGENCIES = "relations_documents", "relations_agencies"
# the parts of documents read in full: their nodes, HAS_PART from a document and from a part, AFFECTS (issue 25)
PARTS, HAS_PART_DOCUMENTS, HAS_PART_PARTS, AFFECTS = "parts", "has_part_documents", "has_part_parts", "affects"
PART_COLUMNS = (("part", ""), ("doc", ""), ("kind", ""), ("label", ""), ("number", ""), ("heading", ""), ("parent", ""),
                ("source", ""), ("start", "int"), ("end", "int"), ("order", "int"))


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if ARRAY_DELIMITER not in value else value.replace(ARRAY_DELIMITER, " ")  # type: ignore[no-any-return]


def _array(value: Any) -> str:
    """A list of strings as one field (an empty list or None: no property; the importer writes no empty array)."""
    if not value:
        return ""
    joined = ARRAY_DELIMITER.join(value)
    if joined.count(ARRAY_DELIMITER) == len(value) - 1:
        return joined
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, " ") for v in value)


def _int(value: Any) -> str:
    return "" if value is None else str(value)


def _date(value: Any) -> str:
    return "" if value is None else str(value.isoformat())


_CELL: dict[str, Callable[[Any], str]] = {"": _text, "string[]": _array, "int": _int, "date": _date}


def _multiline(*texts: str | None) -> bool:
    return any(t and ("\n" in t or "\r" in t) for t in texts)


def _name(kind: str, part: int) -> str:
    return f"{kind}.csv" if part == 0 else f"{kind}.{part}.csv"


@dataclass
class ImportFiles:
    """What `write_import_files` wrote: the file groups the importer reads as one file each (the header in the
    first), the counts, and whether a field spans lines (the importer then reads each file in one piece)."""

    nodes: list[list[str]]
    relationships: list[list[str]]
    documents: int
    agencies: int
    relations: int
    multiline: bool
    parts: int = 1

    def importer_args(self, folder: Path | None = None) -> list[str]:
        """The arguments of `neo4j-admin database import full <database>` that load these files (in `folder`, or
        named as they are, for a command run in their folder): the replacement, the array delimiter the files
        use, whether a field spans lines (only then is a file read in one piece), and the groups of files."""
        def group(names: list[str]) -> str:
            return ",".join(str(folder / n) if folder is not None else n for n in names)

        return ["--overwrite-destination=true", f"--array-delimiter={ARRAY_DELIMITER_ARG}",
                f"--multiline-fields={str(self.multiline).lower()}",
                *(f"--nodes={group(g)}" for g in self.nodes),
                *(f"--relationships={group(g)}" for g in self.relationships)]

    def command(self, database: str = "neo4j") -> str:
        """The neo4j-admin command that loads the files (run in their folder, with the server stopped)."""
        return f"neo4j-admin database import full {database} " + " ".join(self.importer_args())


class _Part:
    """One process's share: documents[lo:hi] and relations[lo:hi] of the graph, to its own files."""

    def __init__(self, graph: Graph, docs: Sequence[Document], rels: Sequence[Relation], agencies: set[str]) -> None:
        self.graph, self.docs, self.rels, self.agencies = graph, docs, rels, agencies

    def write(self, out: Path, part: int) -> tuple[bool, int]:
        """The part's files; whether a field spans lines, and the number of relations written."""
        return self._documents(out, part), self._relations(out, part)

    def _documents(self, out: Path, part: int) -> bool:
        columns = [(c, _CELL[t]) for c, t in DOC_COLUMNS]
        labels: dict[str, str] = {}
        multiline = False
        with (out / _name(DOCUMENTS, part)).open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            if part == 0:
                w.writerow(["key:ID(Document)", *(f"{c}:{t}" if t else c for c, t in DOC_COLUMNS), ":LABEL"])
            for d in self.docs:
                props = _new_doc_props(d)
                label = labels.get(d.type_id)
                if label is None:
                    label = labels[d.type_id] = ARRAY_DELIMITER.join((C.DOCUMENT, C.document_label(d.type_id)))
                w.writerow([d.key, *[cell(props.get(c)) for c, cell in columns], label])
                # JSON, keys, numbers and folded search text hold no line break; a title or a name might
                multiline = multiline or _multiline(d.title, d.name, d.number, d.type)
        return multiline

    def _relations(self, out: Path, part: int) -> int:
        n = 0
        docs, agencies = self.graph.documents, self.agencies
        ev = EvidenceJson()  # the evidence as `relation_rows` gives it to the MERGE load
        checked: dict[str, bool] = {}  # relation type: whether its target is an agency
        with (out / _name(RELATIONS_DOCUMENTS, part)).open("w", encoding="utf-8", newline="") as f1, \
                (out / _name(RELATIONS_AGENCIES, part)).open("w", encoding="utf-8", newline="") as f2:
            to_docs, to_agencies = csv.writer(f1, lineterminator="\n"), csv.writer(f2, lineterminator="\n")
            if part == 0:
                to_docs.writerow([":START_ID(Document)", ":END_ID(Document)", ":TYPE", "evidence:string[]",
                                  "effects:string[]"])
                to_agencies.writerow([":START_ID(Document)", ":END_ID(Agency)", ":TYPE", "evidence:string[]"])
            for r in self.rels:
                t, src, dst = r.type, r.source, r.target
                agency = checked.get(t)
                if agency is None:
                    C.relationship_type(t)  # a type outside the ontology is refused here as by `merge_relations`
                    agency = checked[t] = t in AGENCY_RELATIONS
                if src == dst or src not in docs or dst not in (agencies if agency else docs):
                    continue  # as `upsert` leaves them out
                if agency:
                    to_agencies.writerow([src, dst, t, _array(ev(r.evidence))])
                else:
                    to_docs.writerow([src, dst, t, _array(ev(r.evidence)), _array(_effects_json(r.effects))])
                n += 1
        return n


def _in_child(part: _Part, out: Path, index: int, conn: Any) -> None:
    gc.disable()  # a collection would walk (and so copy) the parent's whole heap; this process is short-lived
    try:
        conn.send(part.write(out, index))
    except BaseException as e:  # noqa: BLE001 - reported to the parent, which raises it
        conn.send(e)
    finally:
        conn.close()


def default_workers() -> int:
    """One writer per core (at most 8): each holds only its own rows."""
    return max(1, min(8, os.cpu_count() or 1))


def write_import_files(graph: Graph, out: Path, workers: int | None = None) -> ImportFiles:
    """The graph as the CSV files `neo4j-admin database import full` reads, in `out`. Relations whose ends are not
    documents of the graph (or agencies) are left out, as `upsert` leaves them out. An empty list is written as no
    property (the importer cannot write an empty array), which every read and merge takes as empty.

    `workers` processes (default: one per core; forked, where the platform forks) each write a slice of the
    documents and of the relations; the files depend on the number of workers, the rows they hold do not. A worker
    that dies (its copy-on-write memory, say) has its slice written here instead; an error in one is raised here."""
    import multiprocessing as mp

    out.mkdir(parents=True, exist_ok=True)
    agencies = {a.id: (a.name, a.name_en) for a in graph.named_agencies().values()}
    k = max(1, workers if workers is not None else default_workers())
    if "fork" not in mp.get_all_start_methods():
        k = 1
    docs, rels = list(graph.documents.values()), list(graph.relations.values())
    agency_ids = set(agencies)
    parts = [_Part(graph, docs[i * len(docs) // k:(i + 1) * len(docs) // k],
                   rels[i * len(rels) // k:(i + 1) * len(rels) // k], agency_ids) for i in range(k)]
    children: list[tuple[int, Any, Any]] = []
    collecting = gc.isenabled()
    gc.disable()  # the rows are short-lived; collections over a large graph's heap would cost more than they free
    if k > 1:
        ctx = mp.get_context("fork")
        gc.freeze()  # the graph's objects out of the collector's reach, so that a child's collector copies no page
        try:
            for i in range(1, k):
                mine, theirs = ctx.Pipe(duplex=False)
                proc = ctx.Process(target=_in_child, args=(parts[i], out, i, theirs), daemon=True)
                proc.start()
                theirs.close()
                children.append((i, proc, mine))
        finally:
            gc.unfreeze()
    results: dict[int, tuple[bool, int]] = {}
    error: BaseException | None = None
    try:
        results[0] = parts[0].write(out, 0)
        multiline = _write_agencies(agencies, out)
        multiline = _write_parts(graph, out) or multiline
    finally:
        if collecting:
            gc.enable()
        for i, proc, conn in children:
            try:
                got = conn.recv()
            except EOFError:
                got = None  # the process died: its slice is written below
            proc.join()
            if isinstance(got, BaseException):
                error = error or got
            elif got is not None:
                results[i] = got
    if error is not None:
        raise error
    for i in range(k):
        if i not in results:
            results[i] = parts[i].write(out, i)
    return ImportFiles(
        nodes=[[_name(DOCUMENTS, i) for i in range(k)], [_name(AGENCIES, 0)], [_name(PARTS, 0)]],
        relationships=[[_name(RELATIONS_DOCUMENTS, i) for i in range(k)],
                       [_name(RELATIONS_AGENCIES, i) for i in range(k)],
                       [_name(HAS_PART_DOCUMENTS, 0)], [_name(HAS_PART_PARTS, 0)], [_name(AFFECTS, 0)]],
        documents=len(docs), agencies=len(agencies), relations=sum(n for _, n in results.values()),
        multiline=multiline or any(m for m, _ in results.values()), parts=k)


def _write_parts(graph: Graph, out: Path) -> bool:
    """parts.csv, the HAS_PART files and affects.csv: what `Neo4jStore` writes for `Graph.parts` and the relations'
    effects (`cypher.WRITE_PARTS`, `cypher.MERGE_AFFECTS`); whether a field spans lines."""
    multiline = False
    docs = graph.documents
    with (out / _name(PARTS, 0)).open("w", encoding="utf-8", newline="") as fp, \
            (out / _name(HAS_PART_DOCUMENTS, 0)).open("w", encoding="utf-8", newline="") as fd, \
            (out / _name(HAS_PART_PARTS, 0)).open("w", encoding="utf-8", newline="") as fq:
        wp, wd, wq = (csv.writer(f, lineterminator="\n") for f in (fp, fd, fq))
        wp.writerow(["id:ID(Part)", *(f"{c}:{t}" if t else c for c, t in PART_COLUMNS), ":LABEL"])
        wd.writerow([":START_ID(Document)", ":END_ID(Part)", ":TYPE"])
        wq.writerow([":START_ID(Part)", ":END_ID(Part)", ":TYPE"])
        for key, parts in sorted(graph.parts.items()):
            if key not in docs:
                continue
            for row in part_rows(key, parts):
                row["doc"] = key
                pid = f"{key}#{row['part']}"
                wp.writerow([pid, *(_CELL[t](row.get(c)) for c, t in PART_COLUMNS), C.PART])
                if row["parent"] is None:
                    wd.writerow([key, pid, C.HAS_PART])
                else:
                    wq.writerow([f"{key}#{row['parent']}", pid, C.HAS_PART])
                multiline = multiline or _multiline(row["label"], row["heading"])
    held = {f"{k}#{p.id}" for k, ps in graph.parts.items() if k in docs for p in ps}
    with (out / _name(AFFECTS, 0)).open("w", encoding="utf-8", newline="") as fa:
        wa = csv.writer(fa, lineterminator="\n")
        wa.writerow([":START_ID(Document)", ":END_ID(Part)", ":TYPE", "type", "kind", "written", "date:date", "by_part"])
        acting = [(r.type, r.source, r.target, r.effects) for r in graph.relations.values()
                  if r.effects and r.source in docs and r.source != r.target]
        for a in affects_rows(acting):
            if a["part"] in held:
                wa.writerow([a["source"], a["part"], C.AFFECTS, a["type"], a["kind"], _text(a["written"]),
                             a["date"] or "", _text(a["by_part"])])
                multiline = multiline or _multiline(a["written"])
    return multiline


def _write_agencies(agencies: dict[str, tuple[str, str]], out: Path) -> bool:
    """agencies.csv; whether a field spans lines."""
    multiline = False
    with (out / _name(AGENCIES, 0)).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id:ID(Agency)", "name", "name_en", ":LABEL"])
        for aid, (name, name_en) in sorted(agencies.items()):
            w.writerow([aid, _text(name), _text(name_en), C.AGENCY])
            multiline = multiline or _multiline(aid, name, name_en)
    return multiline

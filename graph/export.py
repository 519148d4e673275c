"""The graph as linked data (RDF aligned with ELI: Turtle, JSON-LD, N-Triples), GraphML, and the CSV layout
`neo4j-admin database import` reads.

IRIs are stable and readable, built from the canonical key under a base IRI:

    42/2022/ND-CP            -> {base}vn/nghi-dinh/2022/42_2022_nd-cp
    749/QD-TTG@2020          -> {base}vn/quyet-dinh/2020/749_qd-ttg
    52-NQ/TW@2019            -> {base}vn/nghi-quyet/2019/52-nq_tw
    LUAT/to-chuc-chinh-phu@2015 -> {base}vn/luat/2015/to-chuc-chinh-phu
    agency CP                -> {base}vn/agency/cp

Each relation is a direct triple (`<42/2022> lex:replaces <43/2011>`, which ELI readers see as eli:repeals
through the ontology) and a reified `lex:Assertion` that carries its evidence sentences.

The parts of a document read in full are resources under its IRI, ELI style (`…/42_2022_nd-cp/dieu_8/khoan_2`):
`lex:Part`, an `eli:LegalResourceSubdivision`, linked by `eli:has_part` / `eli:is_part_of` down the tree. Each effect
of a relation on parts (`Relation.effects`) is a `lex:Effect` (kind, the parts it acts on, as written, the day, the
acting text and the part of it that states it, the sentence), linked from the relation's assertion by `lex:effect`;
and, for ELI readers, a direct triple from the acting document to each part: `eli:repeals` (repealed), `eli:amends`
(amended, inserted, replaced, words substituted or removed), `eli:changes` (suspended). A part an effect names that
no text read in full shows is a resource all the same (its id, part of the document, no span).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib import Literal as Lit

from ontology.build import ELI, LEX, attribute_iri, relation_iri

from .model import AGENCY_RELATIONS, Document, Evidence, PartEffect, Relation
from .model import Graph as LexGraph
from .vocab import slug, vocabulary

Format = Literal["ttl", "jsonld", "nt", "graphml", "csv"]
FORMATS: dict[str, str] = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
                           "graphml": "application/graphml+xml", "csv": "application/zip"}


def document_path(d: Document) -> str:
    """The readable, stable part of a document's IRI (see the module docstring): one per canonical key."""
    v = vocabulary()
    t = v.doc_types.get(d.type_id)
    type_slug = slug(t.name if t else d.type)
    base, _, at_year = d.key.partition("@")
    if d.number is None and "/" in base and not base[0].isdigit():  # a law by name: LUAT/slug@year
        return f"vn/{type_slug}/{at_year or 'undated'}/{base.split('/', 1)[1]}"
    year = d.year or (d.date.year if d.date else None) or at_year or "undated"
    # the number itself, '/' written '_': 42/2022/ND-CP -> 42_2022_nd-cp, 52-NQ/TW -> 52-nq_tw
    local = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in base.lower())
    return f"vn/{type_slug}/{year}/{local}"


def document_iri(base: str, d: Document) -> URIRef:
    return URIRef(base + document_path(d))


def agency_iri(base: str, agency_id: str) -> URIRef:
    return URIRef(f"{base}vn/agency/{slug(agency_id)}")


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def scoped(r: Relation) -> bool:
    """Whether every sentence stating a relation names the parts it acts on: it acts on those, not the whole text."""
    return bool(r.effects) and all(e.parts for e in r.effects)


def statuses(g: LexGraph) -> dict[str, str]:
    """replaced / repealed / amended / in_force_as_far_as_known: what the texts state of each document's force,
    whatever the day — the exports' `lex:status` (ontology/attributes.tsv). The service's status on a day is
    `graph.status.status_on`."""
    inc: dict[str, set[str]] = {}
    for r in g.relations.values():
        if r.type in ("REPLACES", "REPEALS", "AMENDS"):  # a repeal of named parts changes the text: amended
            inc.setdefault(r.target, set()).add("AMENDS" if scoped(r) else r.type)
    out = {}
    for k in g.documents:
        s = inc.get(k, set())
        out[k] = ("replaced" if "REPLACES" in s else "repealed" if "REPEALS" in s else "amended" if "AMENDS" in s
                  else "in_force_as_far_as_known")
    return out


def to_rdf(g: LexGraph, base: str, document_evidence: bool = True, part_details: bool = True) -> Graph:
    """The whole graph as RDF (an rdflib Graph); `document_evidence=False` leaves out the sentences that only
    name a document (validation needs the relations' evidence, not those); `part_details=False`, a part's label,
    heading, number, source and `eli:has_part` (what the shapes do not check: half of a part's triples, 50,000
    parts on the corpus)."""
    rdf = Graph()
    rdf.bind("lex", LEX)
    rdf.bind("eli", ELI)
    rdf.bind("doc", Namespace(base + "vn/"))
    iri: dict[str, URIRef] = {k: document_iri(base, d) for k, d in g.documents.items()}
    status = statuses(g)
    today = dt.date.today()
    # the day a document ceases to be in force (ELI 1.1: symmetric to the first date of entry into force): when
    # the text replacing or repealing it takes effect (if stated)
    ends: dict[str, dt.date] = {}
    for r in g.relations.values():
        src = g.documents.get(r.source)
        if r.type in ("REPLACES", "REPEALS") and src is not None and src.effective and r.target in g.documents \
                and not scoped(r):
            ends[r.target] = min(ends.get(r.target, src.effective), src.effective)
    # or the day after the last day of a term its own text names ('… có hiệu lực … đến hết ngày …')
    for k, d in g.documents.items():
        if d.expires is not None:
            lapse = d.expires + dt.timedelta(days=1)
            ends[k] = min(ends.get(k, lapse), lapse)

    def evidence_node(e: Evidence) -> URIRef:
        # the words too: a relation whose documents stand in two sentences has evidence of the two, with the span
        # from the first to the last; another relation may read the same span through a third sentence between
        node = URIRef(f"{base}evidence/{_hash(e.source, e.start, e.end, e.sentence)}")
        rdf.add((node, RDF.type, LEX.Evidence))
        rdf.add((node, LEX.sentence, Lit(e.sentence)))
        rdf.add((node, LEX.source, Lit(e.source)))
        rdf.add((node, LEX.start, Lit(e.start, datatype=XSD.integer)))
        rdf.add((node, LEX.end, Lit(e.end, datatype=XSD.integer)))
        return node

    for k, d in g.documents.items():
        s = iri[k]
        rdf.add((s, RDF.type, LEX.Document))
        rdf.add((s, RDF.type, LEX[d.type_id]))
        rdf.add((s, RDF.type, ELI.LegalResource))
        rdf.add((s, attribute_iri("key"), Lit(d.key)))
        rdf.add((s, attribute_iri("type"), LEX[d.type_id]))
        if d.number:
            rdf.add((s, attribute_iri("number"), Lit(d.number)))
        if d.name:
            rdf.add((s, attribute_iri("name"), Lit(d.name, lang="vi")))
            if en := vocabulary().english_name(d.name):  # a listed law's English title (ontology/law_names.tsv)
                rdf.add((s, attribute_iri("name"), Lit(en, lang="en")))
        if d.title:
            rdf.add((s, attribute_iri("title"), Lit(d.title, lang="vi")))
        if d.date:
            rdf.add((s, attribute_iri("date"), Lit(d.date, datatype=XSD.date)))
        if d.year:
            rdf.add((s, attribute_iri("year"), Lit(str(d.year), datatype=XSD.gYear)))
        rdf.add((s, attribute_iri("status"), Lit(status[k])))
        if d.effective:
            rdf.add((s, ELI.first_date_entry_in_force, Lit(d.effective, datatype=XSD.date)))
        if d.expires:
            rdf.add((s, attribute_iri("expires"), Lit(d.expires, datatype=XSD.date)))
        end = ends.get(k)
        if end is not None:
            rdf.add((s, ELI.date_no_longer_in_force, Lit(end, datatype=XSD.date)))
        if (status[k] in ("replaced", "repealed") and (end is None or end <= today)) or (
                d.expires is not None and d.expires < today):
            rdf.add((s, ELI.in_force, ELI["InForce-notInForce"]))
        elif d.effective and d.effective <= today and status[k] not in ("replaced", "repealed"):
            rdf.add((s, ELI.in_force, ELI["InForce-inForce"]))
        rdf.add((s, attribute_iri("mentions"), Lit(d.mentions, datatype=XSD.integer)))
        for e in d.evidence if document_evidence else ():
            rdf.add((s, attribute_iri("evidence"), evidence_node(e)))
    agencies = g.named_agencies()
    for a in agencies.values():
        s = agency_iri(base, a.id)
        rdf.add((s, RDF.type, LEX.Agency))
        rdf.add((s, attribute_iri("agency_name"), Lit(a.name, lang="vi")))
        rdf.add((s, attribute_iri("agency_name_en"), Lit(a.name_en, lang="en")))
    _add_parts(rdf, g, iri, part_details)  # before the effects, which name parts
    for r in g.relations.values():
        if r.source not in iri:
            continue
        if r.type in AGENCY_RELATIONS:
            if r.target not in agencies:
                continue
            o = agency_iri(base, r.target)
        elif r.target in iri:
            o = iri[r.target]
        else:
            continue
        p = relation_iri(r.type)
        rdf.add((iri[r.source], p, o))
        node = URIRef(f"{base}assertion/{_hash(r.type, r.source, r.target)}")
        rdf.add((node, RDF.type, LEX.Assertion))
        rdf.add((node, RDF.subject, iri[r.source]))
        rdf.add((node, RDF.predicate, p))
        rdf.add((node, RDF.object, o))
        for e in r.evidence:
            rdf.add((node, attribute_iri("evidence"), evidence_node(e)))
        if r.effects and r.target in iri:
            _add_effects(rdf, base, r, iri, node, evidence_node)
    return rdf


def part_iri(doc: URIRef, part: str) -> URIRef:
    """A part's IRI: its id under its document's, ELI style (`…/42_2022_nd-cp/dieu_8/khoan_2`)."""
    return URIRef(f"{doc}/{part}")


def _add_parts(rdf: Graph, g: LexGraph, iri: dict[str, URIRef], details: bool = True) -> None:
    """The parts of the documents read in full, as a tree of `eli:has_part` / `eli:is_part_of` (`lex:Part`)."""
    for k, parts in g.parts.items():
        doc = iri.get(k)
        if doc is None:
            continue
        for p in parts:
            s = part_iri(doc, p.id)
            up = part_iri(doc, p.parent) if p.parent else doc
            _part_node(rdf, s, p.id, up, details)
            rdf.add((s, LEX.partKind, Lit(p.kind)))
            rdf.add((s, LEX.partStart, Lit(p.start, datatype=XSD.integer)))
            rdf.add((s, LEX.partEnd, Lit(p.end, datatype=XSD.integer)))
            if not details:
                continue
            rdf.add((s, RDFS.label, Lit(p.label, lang="vi")))
            if p.number:
                rdf.add((s, LEX.partNumber, Lit(p.number)))
            if p.heading:
                rdf.add((s, LEX.heading, Lit(p.heading, lang="vi")))
            rdf.add((s, LEX.partSource, Lit(p.source)))


def _part_node(rdf: Graph, s: URIRef, pid: str, up: URIRef, details: bool = True) -> None:
    rdf.add((s, RDF.type, LEX.Part))
    rdf.add((s, LEX.partId, Lit(pid)))
    rdf.add((s, ELI.is_part_of, up))
    if details:
        rdf.add((s, RDF.type, ELI.LegalResourceSubdivision))
        rdf.add((up, ELI.has_part, s))


# the ELI property a kind of effect on a part is (none for guidance: it changes nothing)
_ELI_EFFECT = {"repealed": ELI.repeals, "amended": ELI.amends, "inserted": ELI.amends, "replaced": ELI.amends,
               "words_substituted": ELI.amends, "words_removed": ELI.amends, "suspended": ELI.changes}


def _add_effects(rdf: Graph, base: str, r: Relation, iri: dict[str, URIRef], assertion: URIRef,
                 evidence_node: Callable[[Evidence], URIRef]) -> None:
    """A relation's effects part by part: a `lex:Effect` each, and the ELI triple to each part it acts on."""
    src, tgt = iri[r.source], iri[r.target]
    for e in r.effects:
        node = URIRef(f"{base}effect/{_hash(r.type, r.source, r.target, _effect_key(e))}")
        rdf.add((assertion, LEX.effect, node))
        rdf.add((node, RDF.type, LEX.Effect))
        rdf.add((node, LEX.effectKind, Lit(e.kind)))
        rdf.add((node, LEX.actingDocument, src))
        for pid in e.parts:
            part = part_iri(tgt, pid)
            rdf.add((node, LEX.affects, part))
            if (rdf.value(part, LEX.partId)) is None:  # a part no text read in full shows: its id, in the document
                _part_node(rdf, part, pid, tgt)
            if e.kind in _ELI_EFFECT:
                rdf.add((src, _ELI_EFFECT[e.kind], part))
        if not e.parts:
            rdf.add((node, LEX.affects, tgt))
        if e.written:
            rdf.add((node, LEX.written, Lit(e.written, lang="vi")))
        if e.date:
            rdf.add((node, LEX.effectDate, Lit(e.date, datatype=XSD.date)))
        if e.by_part:
            rdf.add((node, LEX.statedIn, part_iri(src, e.by_part)))
        rdf.add((node, attribute_iri("evidence"), evidence_node(e.evidence)))


def _effect_key(e: PartEffect) -> str:
    return "|".join((e.kind, ",".join(e.parts), e.evidence.source, str(e.evidence.start), str(e.evidence.end)))


def to_graphml(g: LexGraph) -> bytes:
    """GraphML (networkx): documents and bodies as nodes, relations as edges, scalar attributes only."""
    nxg = nx.MultiDiGraph()
    status = statuses(g)
    for k, d in g.documents.items():
        nxg.add_node(k, kind="document", number=d.number or "", name=d.name or "", type=d.type, type_id=d.type_id,
                     issuer=d.issuer or "", date=d.date.isoformat() if d.date else "", year=d.year or 0,
                     title=d.title or "", status=status[k], mentions=d.mentions,
                     effective=d.effective.isoformat() if d.effective else "",
                     expires=d.expires.isoformat() if d.expires else "")
    v = vocabulary()
    for r in g.relations.values():
        tgt = r.target
        if r.type in AGENCY_RELATIONS:
            a = g.agencies.get(tgt) or v.agencies.get(tgt)
            if a is None:
                continue
            tgt = "agency:" + tgt
            nxg.add_node(tgt, kind="agency", name=a.name, name_en=a.name_en)
        elif tgt not in g.documents:
            continue
        nxg.add_edge(r.source, tgt, key=r.type, type=r.type,
                     evidence=r.evidence[0].sentence if r.evidence else "",
                     evidence_source=r.evidence[0].source if r.evidence else "")
    buf = io.BytesIO()
    nx.write_graphml(nxg, buf, encoding="utf-8")
    return buf.getvalue()


def write_csv_dir(g: LexGraph, out: Path) -> list[Path]:
    """The graph as the CSV files `neo4j-admin database import full` reads: the very files `lexgraph neo4j import`
    loads into the local server (`graph.stores.neo4j_import`), so that a user who imports them into a server of
    their own gets what a build gives (the store's properties, labels and relationship types). Beside them
    IMPORT.txt (the command) and schema.cypher (the constraints and indexes the importer does not make)."""
    from .stores import cypher as C
    from .stores.neo4j_import import ARRAY_DELIMITER_ARG, write_import_files

    files = write_import_files(g, out, workers=1)
    names = [n for group in files.nodes + files.relationships for n in group]
    (out / "schema.cypher").write_text("".join(q + ";\n" for q in C.SCHEMA), encoding="utf-8")
    (out / "IMPORT.txt").write_text(
        f"# {files.documents} documents, {files.agencies} agencies, {files.relations} relations. With the server\n"
        f"# stopped, in this folder (it replaces the database; array items are separated by {ARRAY_DELIMITER_ARG}):\n"
        f"{files.command()}\n"
        "# then, with the server started, the constraints and indexes lexgraph's queries use:\n"
        "cypher-shell -f schema.cypher\n", encoding="utf-8")
    return [out / n for n in names] + [out / "schema.cypher", out / "IMPORT.txt"]


def to_csv_files(g: LexGraph) -> dict[str, bytes]:
    """`write_csv_dir`'s files by name."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="lexgraph-csv-") as tmp:
        return {p.name: p.read_bytes() for p in write_csv_dir(g, Path(tmp))}


def export(g: LexGraph, fmt: str, base: str) -> bytes:
    """One export as bytes (CSV: a zip of the files)."""
    if fmt in ("ttl", "jsonld", "nt"):
        rdf = to_rdf(g, base)
        name = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}[fmt]
        if fmt == "jsonld":
            ctx = {"lex": str(LEX), "eli": str(ELI)}
            return rdf.serialize(format=name, context=ctx, indent=1).encode("utf-8")
        return rdf.serialize(format=name).encode("utf-8")
    if fmt == "graphml":
        return to_graphml(g)
    if fmt == "csv":
        import zipfile

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in to_csv_files(g).items():
                z.writestr(name, data)
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def export_to_file(g: LexGraph, fmt: str, base: str, path: Path) -> None:
    """One export written to `path` (CSV: a zip of the files), serialised straight to the file where the writer
    can (RDF, GraphML): the text is never held whole in memory beside the graph."""
    if fmt in ("ttl", "jsonld", "nt"):
        rdf = to_rdf(g, base)
        name = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}[fmt]
        if fmt == "jsonld":
            ctx = {"lex": str(LEX), "eli": str(ELI)}
            rdf.serialize(destination=str(path), format=name, context=ctx, indent=1, encoding="utf-8")
        else:
            rdf.serialize(destination=str(path), format=name, encoding="utf-8")
        return
    if fmt == "graphml":
        path.write_bytes(to_graphml(g))
        return
    if fmt == "csv":
        import tempfile
        import zipfile

        with tempfile.TemporaryDirectory(prefix="lexgraph-csv-", dir=path.parent) as tmp, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for p in write_csv_dir(g, Path(tmp)):
                z.write(p, p.name)
        return
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")

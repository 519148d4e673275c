"""The ontology, SHACL validation, exports with stable IRIs, and the SPARQL endpoint."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import typing
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from app.api.main import create_app
from app.api.routers.documents import relations as relations_endpoint
from app.api.settings import Settings
from app.browser_style import colours
from graph.export import document_path, export, to_csv_files, to_rdf
from graph.model import Document, Evidence, Relation, RelationType
from graph.model import Graph as LexGraph
from graph.pipeline import extract_paths
from graph.stores import cypher
from graph.stores.memory import MemoryStore
from graph.validate import validate
from graph.vocab import vocabulary
from ontology.build import LEX, TTL, build

from .conftest import GAZETTE, ROOT, SEEDS, sparql_ready

BASE = "https://lexgraph.org/eli/"


@pytest.fixture(scope="module")
def corpus_graph() -> LexGraph:
    m = MemoryStore()
    m.upsert(extract_paths([SEEDS, GAZETTE]))
    return m.to_graph()


# the ontology is the one description of the vocabulary ----------------------------------------------------
def test_ontology_file_is_built_from_the_tables() -> None:
    committed = Graph().parse(TTL, format="turtle")
    assert isomorphic(committed, build()), "ontology/lexgraph.ttl is stale: run `python -m ontology.build`"


def test_code_names_match_the_ontology() -> None:
    onto = Graph().parse(TTL, format="turtle")
    onto_rels = {str(o) for o in onto.objects(None, LEX.neo4jType)}
    v = vocabulary()
    assert onto_rels == set(v.relation_types)
    assert set(typing.get_args(RelationType)) == onto_rels  # the pydantic model's enum
    assert set(cypher.relation_types()) == onto_rels  # Neo4j relationship types
    annotated = typing.get_type_hints(relations_endpoint, include_extras=True)["type"]  # Annotated[Literal | None, Query]
    optional = typing.get_args(annotated)[0]
    api_enum = set(typing.get_args(typing.get_args(optional)[0]))
    assert api_enum == onto_rels  # the API's `type` parameter
    onto_classes = {str(c).rsplit("#", 1)[1] for c in onto.subjects(RDFS.subClassOf, LEX.Document)}
    assert onto_classes == set(v.doc_types) == set(cypher.document_labels()) == set(colours())
    for t in v.doc_types:  # every class has both labels and a comment
        c = LEX[t]
        langs = {lbl.language for lbl in onto.objects(c, RDFS.label)}
        assert langs == {"vi", "en"} and onto.value(c, RDFS.comment) is not None, t
    attrs = {str(a).rsplit("#", 1)[1] for a in onto.subjects(RDFS.domain, LEX.Document)} - {
        "issuedBy", "proposedBy", "replaces", "repeals", "amends", "guides", "implements", "basedOn", "consolidates",
        "cites", "status"}
    assert attrs <= set(Document.model_fields), attrs - set(Document.model_fields)


def test_relation_types_declared_once() -> None:
    """ontology/relations.tsv is the one list of relation types: the model's tuples and enum, the embedded store's
    type codes, the API's enum (in the OpenAPI too) and the verbs of questions are derived from it, in its order."""
    from graph.model import AGENCY_RELATIONS, DOCUMENT_RELATIONS, RELATION_TYPES, relation_verbs
    from graph.questions import VERBS, _Intent, _intent
    from graph.stores.memory import TYPES

    table = vocabulary().relation_types
    assert RELATION_TYPES == tuple(table) == typing.get_args(RelationType)
    assert AGENCY_RELATIONS == tuple(t for t, r in table.items() if r.range == "Agency") == ("ISSUED_BY", "PROPOSED_BY")
    assert DOCUMENT_RELATIONS == tuple(t for t, r in table.items() if r.range == "Document")
    assert TYPES == (*AGENCY_RELATIONS, *DOCUMENT_RELATIONS) and set(TYPES) == set(RELATION_TYPES)
    spec = create_app(Settings(), store=MemoryStore()).openapi()
    params = spec["paths"]["/documents/{ref}/relations"]["get"]["parameters"]
    schema = next(p["schema"] for p in params if p["name"] == "type")
    assert next(x["enum"] for x in schema["anyOf"] if "enum" in x) == list(RELATION_TYPES)
    # every relation between documents has the words questions name it by, in both languages; each word asks for it
    assert list(VERBS) == list(relation_verbs()) == list(DOCUMENT_RELATIONS)
    for rel, (vi, en) in relation_verbs().items():
        assert vi and en, rel
        for word in vi + en:
            t = f"van ban nao {word} X"
            assert _intent(t, t.index("X")) == _Intent("related", rel, "in"), (rel, word)
            t = f"X {word} van ban nao"
            assert _intent(t, 0) == _Intent("related", rel, "out"), (rel, word)


def test_eli_alignment() -> None:
    onto = Graph().parse(TTL, format="turtle")
    eli = Namespace("http://data.europa.eu/eli/ontology#")
    sub = {(str(s).rsplit("#", 1)[1], str(o).rsplit("#", 1)[1]) for s, o in onto.subject_objects(RDFS.subPropertyOf)}
    for mine, theirs in [("issuedBy", "passed_by"), ("amends", "amends"), ("repeals", "repeals"), ("basedOn", "based_on"),
                         ("cites", "cites"), ("number", "id_local"), ("date", "date_document"),
                         ("type", "type_document"), ("replaces", "repeals"), ("implements", "ensures_implementation_of")]:
        assert (mine, theirs) in sub, (mine, theirs)
    assert (LEX.Document, RDFS.subClassOf, eli.LegalResource) in onto
    assert "eli:changes" in str(onto.value(LEX.replaces, RDFS.comment))


# SHACL -------------------------------------------------------------------------------------------------
def test_seeds_and_gazette_fixture_conform(corpus_graph: LexGraph) -> None:
    report = validate(corpus_graph)
    assert report.conforms, [f.message for f in report.violations]


def _ev(text: str) -> list[Evidence]:
    return [Evidence(source="broken.txt", sentence=text, start=0, end=len(text))]


def test_a_broken_graph_fails_with_readable_messages() -> None:
    def doc(key: str, number: str, date: str | None, type_id: str = "NghiDinh") -> Document:
        import datetime as dt

        d = dt.date.fromisoformat(date) if date else None
        return Document(key=key, number=number, type="Nghị định", type_id=type_id, date=d, year=d.year if d else None)

    g = LexGraph(documents={
        "1/2010/ND-CP": doc("1/2010/ND-CP", "1/2010/NĐ-CP", "2010-01-05"),
        "2/2020/ND-CP": doc("2/2020/ND-CP", "2/2020/NĐ-CP", "2020-02-05"),
        "3/2021/ND-CP": doc("3/2021/ND-CP", "3/2021/NĐ-CP", "2021-03-05"),
        "4/2022/ND-CP": doc("4/2022/ND-CP", "4/2022/NĐ-CP", None),
    })
    for rel in [Relation(type="REPLACES", source="1/2010/ND-CP", target="2/2020/ND-CP",
                         evidence=_ev("Nghị định 1/2010 thay thế Nghị định 2/2020 (sic).")),
                Relation(type="AMENDS", source="2/2020/ND-CP", target="3/2021/ND-CP", evidence=_ev("sửa đổi (sic)")),
                Relation(type="REPLACES", source="4/2022/ND-CP", target="4/2022/ND-CP", evidence=_ev("tự thay thế")),
                Relation(type="REPLACES", source="3/2021/ND-CP", target="1/2010/ND-CP", evidence=_ev("ok")),
                Relation(type="REPLACES", source="2/2020/ND-CP", target="3/2021/ND-CP", evidence=_ev("vòng")),
                Relation(type="ISSUED_BY", source="3/2021/ND-CP", target="CP"),
                Relation(type="ISSUED_BY", source="3/2021/ND-CP", target="TTg")]:
        g.relations[LexGraph.rel_key(rel.type, rel.source, rel.target)] = rel
    report = validate(g)
    assert not report.conforms
    text = "\n".join(f.message for f in report.violations)
    assert "1_2010_nd-cp (2010-01-05) is said to replace" in text and "thay thế Nghị định 2/2020 (sic)" in text
    assert "is said to amend" in text
    assert "replaces itself" in text
    assert "Replacement cycle" in text  # 1/2010 -> 2/2020 -> 3/2021 -> 1/2010
    assert "one issuer" in text


# exports -------------------------------------------------------------------------------------------------
def test_iris_are_stable_readable_and_unique(corpus_graph: LexGraph) -> None:
    paths = [document_path(d) for d in corpus_graph.documents.values()]
    assert len(paths) == len(set(paths))
    d = corpus_graph.documents["42/2022/ND-CP"]
    assert document_path(d) == "vn/nghi-dinh/2022/42_2022_nd-cp"
    assert document_path(corpus_graph.documents["749/QD-TTG@2020"]) == "vn/quyet-dinh/2020/749_qd-ttg"


def test_turtle_round_trip_is_isomorphic(corpus_graph: LexGraph) -> None:
    source = to_rdf(corpus_graph, BASE)
    for fmt, parser in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        back = Graph().parse(data=export(corpus_graph, fmt, BASE), format=parser)
        assert isomorphic(source, back), fmt
    lex = Namespace("https://lexgraph.org/ontology#")
    new = URIRef(BASE + "vn/nghi-dinh/2022/42_2022_nd-cp")
    assert (new, lex.replaces, URIRef(BASE + "vn/nghi-dinh/2011/43_2011_nd-cp")) in source
    assert (new, lex.number, Literal("42/2022/NĐ-CP")) in source
    # a listed law carries its English title beside its Vietnamese name (ontology/law_names.tsv)
    law = URIRef(BASE + "vn/luat/2025/63_2025_qh15")
    assert set(source.objects(law, lex.name)) == {Literal("Luật Tổ chức Chính phủ", lang="vi"),
                                                  Literal("Law on Government Organization", lang="en")}
    # the evidence of the replacement, through its reified assertion
    a = next(source.subjects(RDF.predicate, lex.replaces))
    ev = source.value(a, lex.evidence)
    assert ev is not None and "thay thế" in str(source.value(ev, lex.sentence))


def test_graphml_and_csv(corpus_graph: LexGraph) -> None:
    g = nx.read_graphml(io.BytesIO(export(corpus_graph, "graphml", BASE)))
    assert g.number_of_nodes() == len(corpus_graph.documents) + len({r.target for r in corpus_graph.relations.values()
                                                                     if r.type in ("ISSUED_BY", "PROPOSED_BY")})
    assert g.nodes["42/2022/ND-CP"]["number"] == "42/2022/NĐ-CP"
    files = {k: v.decode("utf-8") for k, v in to_csv_files(corpus_graph).items()}
    assert files["documents.csv"].startswith("key:ID(Document),")
    assert files["relations_documents.csv"].startswith(":START_ID(Document),:END_ID(Document),:TYPE")
    assert files["relations_agencies.csv"].startswith(":START_ID(Document),:END_ID(Agency),:TYPE")
    n_rel = sum(len(files[f].splitlines()) - 1 for f in ("relations_documents.csv", "relations_agencies.csv"))
    assert n_rel == len(corpus_graph.relations)
    z = zipfile.ZipFile(io.BytesIO(export(corpus_graph, "csv", BASE)))
    assert set(z.namelist()) == set(files)


def test_cli_validate_and_export(tmp_path: Path) -> None:
    store = tmp_path / "g.lexgraph"
    MemoryStore(store).upsert(extract_paths([SEEDS]))
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    r = subprocess.run([sys.executable, "-m", "app.cli", "validate", "--store", str(store)], capture_output=True,
                       text=True, env=env, cwd=tmp_path)
    assert r.returncode == 0 and "conforms" in r.stdout, r.stderr
    r = subprocess.run([sys.executable, "-m", "app.cli", "export", "-f", "ttl", "--store", str(store), "-o",
                        str(tmp_path / "g.ttl"), "--base-iri", "https://example.org/law/"], capture_output=True,
                       text=True, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    g = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert (URIRef("https://example.org/law/vn/nghi-dinh/2022/42_2022_nd-cp"), RDF.type, LEX.NghiDinh) in g
    r = subprocess.run([sys.executable, "-m", "app.cli", "export", "-f", "xml", "--store", str(store)],
                       capture_output=True, text=True, env=env, cwd=tmp_path)
    assert r.returncode == 2 and "unknown format" in r.stderr


# the service ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client() -> typing.Iterator[TestClient]:
    store = MemoryStore()
    store.upsert(extract_paths([SEEDS]))
    with TestClient(create_app(Settings(sparql_row_limit=5, sparql_time_limit=3), store=store)) as c:
        assert sparql_ready(c.get).status_code == 200  # the graph loaded for SPARQL (503 + Retry-After until then)
        yield c


def test_export_endpoint(client: TestClient) -> None:
    r = client.get("/export", params={"format": "ttl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=r.text, format="turtle")) > 100
    r = client.get("/export", params={"format": "jsonld"})
    assert r.status_code == 200 and isinstance(json.loads(r.text), (dict, list))
    assert client.get("/export", params={"format": "pdf"}).status_code == 422


REPLACED = """PREFIX lex: <https://lexgraph.org/ontology#>
SELECT ?number WHERE { ?new lex:replaces ?old . ?old lex:number "43/2011/NĐ-CP" . ?new lex:number ?number }"""


def test_sparql_select_ask_construct(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": REPLACED})
    assert r.status_code == 200, r.text
    rows = r.json()["results"]["bindings"]
    assert [x["number"]["value"] for x in rows] == ["42/2022/NĐ-CP"]
    r = client.post("/sparql", content=REPLACED.encode(), headers={"content-type": "application/sparql-query"})
    assert r.json()["results"]["bindings"][0]["number"]["value"] == "42/2022/NĐ-CP"
    r = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
    assert r.json()["boolean"] is True
    r = client.get("/sparql", params={"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"})
    assert r.headers["content-type"].startswith("text/turtle") and r.headers["x-lexgraph-truncated"] == "true"
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(r.json()["results"]["bindings"]) == 5 and r.headers["x-lexgraph-truncated"] == "true"


@pytest.mark.parametrize("bad", ["DELETE WHERE { ?s ?p ?o }", "DROP ALL", "LOAD <http://example.org/x>",
                                 "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                                 "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "SELECT {", ""])
def test_sparql_refuses_writes_and_remote_graphs(client: TestClient, bad: str) -> None:
    r = client.get("/sparql", params={"query": bad})
    assert r.status_code in (400, 422) and r.headers["content-type"] == "application/problem+json", r.text


def test_sparql_time_limit(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})
    assert r.status_code == 408 and "limit" in r.json()["detail"]
    assert sparql_ready(client.get).status_code == 200  # a fresh worker, started in the background


def test_sparql_sees_ingested_documents(tmp_path: Path) -> None:
    store = MemoryStore(tmp_path / "g.lexgraph")
    store.upsert(extract_paths([SEEDS]))
    with TestClient(create_app(Settings(api_key="k"), store=store)) as c:
        q = 'PREFIX lex: <https://lexgraph.org/ontology#> ASK { ?d lex:number "88/2026/NĐ-CP" }'
        assert sparql_ready(c.get, q).json()["boolean"] is False
        c.post("/ingest", json={"text": "Nghị định số 88/2026/NĐ-CP ngày 1/3/2026 của Chính phủ thay thế Nghị định "
                                        "số 42/2022/NĐ-CP."}, headers={"X-API-Key": "k"})
        assert sparql_ready(c.get, q).json()["boolean"] is True


def test_parts_and_effects_as_linked_data() -> None:
    """Parts are ELI subdivisions under their document's IRI, in a tree of eli:has_part / eli:is_part_of; an effect
    on parts is a lex:Effect and an ELI change property from the acting document to each part; they conform to the
    shapes, and a part without its id does not."""
    from graph.validate import validate_rdf

    from .test_store_contract import _amending_graph

    g = extract_paths([GAZETTE / "nghi-dinh-so-111-2022-nd-cp-38434.txt", GAZETTE / "nghi-dinh-so-139-2026-nd-cp-469377.txt"])
    for k, r in _amending_graph().relations.items():
        g.relations[k] = r
    base = "https://lexgraph.org/eli/"
    rdf = to_rdf(g, base)
    eli = Namespace("http://data.europa.eu/eli/ontology#")
    doc = URIRef(base + "vn/nghi-dinh/2022/111_2022_nd-cp")
    art, khoan = URIRef(f"{doc}/dieu_3"), URIRef(f"{doc}/dieu_3/khoan_2")
    assert (khoan, eli.is_part_of, art) in rdf and (art, eli.has_part, khoan) in rdf
    assert (khoan, RDF.type, eli.LegalResourceSubdivision) in rdf and (khoan, LEX.partId, Literal("dieu_3/khoan_2")) in rdf
    acting = URIRef(base + "vn/nghi-dinh/2026/139_2026_nd-cp")
    assert (acting, eli.repeals, khoan) in rdf and (acting, eli.amends, URIRef(f"{doc}/dieu_4")) in rdf
    assert (acting, eli.changes, URIRef(f"{doc}/dieu_4/khoan_1/diem_a")) in rdf
    effects = set(rdf.subjects(RDF.type, LEX.Effect))
    # the three made by hand, and those extraction reads in the two texts (branch effects)
    assert len(effects) >= 3 and {str(rdf.value(e, LEX.effectKind)) for e in effects} >= {"repealed", "amended", "suspended"}
    missing = URIRef(f"{doc}/dieu_99")  # named by an effect, not in the structure read: a resource all the same
    assert (missing, eli.is_part_of, doc) in rdf and rdf.value(missing, LEX.partStart) is None
    statuses = {str(o) for o in rdf.objects(doc, LEX.status)}
    assert statuses == {"amended"}  # a repeal of named parts is no repeal of the whole
    back = Graph().parse(data=rdf.serialize(format="turtle"), format="turtle")
    assert isomorphic(rdf, back)
    assert validate(g).conforms
    rdf.remove((khoan, LEX.partId, None))
    report = validate_rdf(rdf)
    assert not report.conforms and any("exactly one id" in f.message for f in report.violations)

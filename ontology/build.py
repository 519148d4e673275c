"""Build `ontology/lexgraph.ttl` (OWL in Turtle) from the vocabulary tables beside it.

The tables (`document_types.tsv`, `relations.tsv`, `attributes.tsv`, `agencies.tsv`) are the one source;
this writes their OWL form, aligned with the European Legislation Identifier ontology. A test rebuilds it
and fails when the committed file is out of step.

    python -m ontology.build            # rewrite ontology/lexgraph.ttl
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

LEX = Namespace("https://lexgraph.org/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
DCT = Namespace("http://purl.org/dc/terms/")
HERE = Path(__file__).resolve().parent
TTL = HERE / "lexgraph.ttl"


def rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ontology").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: unicodedata.normalize("NFC", v or "") for k, v in r.items()} for r in csv.DictReader(lines, delimiter="\t")]


def camel(name: str) -> str:
    """ISSUED_BY -> issuedBy; date_document stays as ELI spells it."""
    parts = name.lower().split("_")
    return parts[0] + "".join(p.title() for p in parts[1:])


def relation_iri(rel_id: str) -> URIRef:
    return LEX[camel(rel_id)]


def attribute_iri(attr_id: str) -> URIRef:
    return LEX[camel(attr_id)]


def build() -> Graph:
    g = Graph()
    for p, ns in (("lex", LEX), ("eli", ELI), ("owl", OWL), ("rdfs", RDFS), ("skos", SKOS), ("xsd", XSD),
                  ("foaf", FOAF), ("dct", DCT)):
        g.bind(p, ns)
    onto = URIRef("https://lexgraph.org/ontology")
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, RDFS.label, Literal("lexgraph: đồ thị văn bản pháp luật Việt Nam", lang="vi")))
    g.add((onto, RDFS.label, Literal("lexgraph: a graph of Vietnamese legal documents", lang="en")))
    g.add((onto, RDFS.comment, Literal(
        "Vietnamese legal and administrative documents, the bodies that issue them, and the relations the texts "
        "state between them, each with its evidence; aligned with the European Legislation Identifier (ELI).", lang="en")))
    g.add((onto, RDFS.seeAlso, URIRef("http://data.europa.eu/eli/ontology")))

    def labelled(s: URIRef, vi: str, en: str, comment: str) -> None:
        g.add((s, RDFS.label, Literal(vi, lang="vi")))
        g.add((s, RDFS.label, Literal(en, lang="en")))
        g.add((s, RDFS.comment, Literal(comment, lang="en")))
        g.add((s, RDFS.isDefinedBy, onto))

    # classes
    g.add((LEX.Document, RDF.type, OWL.Class))
    g.add((LEX.Document, RDFS.subClassOf, ELI.LegalResource))
    labelled(LEX.Document, "Văn bản", "Document",
             "A legal or administrative document, identified by its number (or a law by its name and year).")
    g.add((LEX.Agency, RDF.type, OWL.Class))
    g.add((LEX.Agency, RDFS.subClassOf, FOAF.Organization))
    labelled(LEX.Agency, "Cơ quan", "Body", "A body that issues or drafts documents (Chính phủ, Bộ Tài chính …).")
    g.add((LEX.Evidence, RDF.type, OWL.Class))
    labelled(LEX.Evidence, "Bằng chứng", "Evidence",
             "A sentence of a source text, with the character offsets where it stands in the source as read.")
    g.add((LEX.Assertion, RDF.type, OWL.Class))
    g.add((LEX.Assertion, RDFS.subClassOf, RDF.Statement))
    labelled(LEX.Assertion, "Khẳng định", "Assertion",
             "A relation between two nodes, reified (rdf:subject, rdf:predicate, rdf:object) to carry its evidence.")
    g.add((LEX.DocumentTypes, RDF.type, SKOS.ConceptScheme))
    labelled(LEX.DocumentTypes, "Loại văn bản", "Document types", "The kinds of Vietnamese documents, as ELI document types.")
    for t in rows("document_types.tsv"):
        c = LEX[t["id"]]
        g.add((c, RDF.type, OWL.Class))
        g.add((c, RDF.type, SKOS.Concept))  # punned: the class, and the value of eli:type_document
        g.add((c, SKOS.inScheme, LEX.DocumentTypes))
        g.add((c, RDFS.subClassOf, LEX.Document))
        codes = [x.strip() for x in t["codes"].split(",") if x.strip()]
        for code in codes:
            g.add((c, SKOS.notation, Literal(code)))
        g.add((c, SKOS.prefLabel, Literal(t["name"], lang="vi")))
        g.add((c, SKOS.prefLabel, Literal(t["name_en"], lang="en")))
        code_note = f"; its number carries the code {'/'.join(codes)}" if codes else ""
        labelled(c, t["name"], t["name_en"], f"A {t['name_en'].lower()} ({t['name']}){code_note}.")

    # relations
    for r in rows("relations.tsv"):
        p = relation_iri(r["id"])
        g.add((p, RDF.type, OWL.ObjectProperty))
        g.add((p, RDFS.domain, LEX[r["domain"]]))
        g.add((p, RDFS.range, LEX[r["range"]]))
        if r.get("eli"):
            g.add((p, RDFS.subPropertyOf, ELI[r["eli"]]))
        g.add((p, LEX.neo4jType, Literal(r["id"])))
        comment = r["comment"]
        if r["id"] == "REPLACES":
            comment += (" ELI has no 'replaces': a replacement repeals the older text as a whole (so this is a "
                        "sub-property of eli:repeals, itself under eli:changes) and puts this one in its place.")
        labelled(p, r["label_vi"], r["label_en"], comment)
        inv = LEX[camel(r["id"]) + "Inverse"]
        g.add((inv, RDF.type, OWL.ObjectProperty))
        g.add((inv, OWL.inverseOf, p))
        labelled(inv, r["label_vi"] + " (chiều ngược)", r["inverse_en"], f"The inverse of {r['label_en']}.")

    # attributes
    xsd = {"string": XSD.string, "date": XSD.date, "gYear": XSD.gYear, "integer": XSD.integer}
    for a in rows("attributes.tsv"):
        p = attribute_iri(a["id"])
        if a["datatype"] == "concept":
            g.add((p, RDF.type, OWL.ObjectProperty))
            g.add((p, RDFS.range, SKOS.Concept))
        elif a["id"] == "evidence":
            g.add((p, RDF.type, OWL.ObjectProperty))
            g.add((p, RDFS.range, LEX.Evidence))
        else:
            g.add((p, RDF.type, OWL.DatatypeProperty))
            g.add((p, RDFS.range, xsd[a["datatype"]]))
        g.add((p, RDFS.domain, LEX[a["domain"]]))
        if a["eli"]:
            g.add((p, RDFS.subPropertyOf, ELI[a["eli"]]))
        labelled(p, a["label_vi"], a["label_en"], a["comment"])
    for name, rng, comment in (("sentence", XSD.string, "The sentence, as it stands in the source."),
                               ("source", XSD.string, "The source the sentence comes from (a path or a name)."),
                               ("start", XSD.integer, "Offset of the sentence's first character in the source as read."),
                               ("end", XSD.integer, "Offset just past the sentence's last character.")):
        p = LEX[name]
        g.add((p, RDF.type, OWL.DatatypeProperty))
        g.add((p, RDFS.domain, LEX.Evidence))
        g.add((p, RDFS.range, rng))
        labelled(p, name, name, comment)
    _parts_and_effects(g, labelled)
    g.add((LEX.neo4jType, RDF.type, OWL.AnnotationProperty))
    labelled(LEX.neo4jType, "kiểu quan hệ Neo4j", "Neo4j relationship type",
             "The name of the relation in Neo4j, the API and the code.")
    return g


def _parts_and_effects(g: Graph, labelled: Any) -> None:
    """The parts of a document read in full (ELI subdivisions) and the effects of a relation on them (issue 25)."""
    g.add((LEX.Part, RDF.type, OWL.Class))
    g.add((LEX.Part, RDFS.subClassOf, ELI.LegalResourceSubdivision))
    labelled(LEX.Part, "Phần của văn bản", "Part",
             "A part of a document read in full: Phần, Chương, Mục, Điều, khoản, điểm, Phụ lục; its IRI is its id under "
             "the document's (…/dieu_8/khoan_2), linked by eli:is_part_of to the part or document holding it.")
    g.add((LEX.Effect, RDF.type, OWL.Class))
    labelled(LEX.Effect, "Tác động", "Effect",
             "What one sentence of the acting text does to parts of another (repealed, amended, inserted, replaced, "
             "words substituted or removed, suspended, detailed, guided), with the day it takes hold when stated.")
    def declare(kind: URIRef, name: str, domain: URIRef, rng: URIRef, vi: str, en: str, comment: str) -> None:
        g.add((LEX[name], RDF.type, kind))
        g.add((LEX[name], RDFS.domain, domain))
        g.add((LEX[name], RDFS.range, rng))
        labelled(LEX[name], vi, en, comment)

    for name, domain, rng, vi, en, comment in (
            ("partId", LEX.Part, XSD.string, "mã phần", "part id", "The part's id in its document: dieu_8/khoan_2."),
            ("partKind", LEX.Part, XSD.string, "loại phần", "part kind",
             "phan, chuong, muc, dieu, khoan, diem, phu_luc, kem_theo (a text issued with it) or mau (a form)."),
            ("partNumber", LEX.Part, XSD.string, "số phần", "part number", "Its number, normalised: 8, 5a, II, a."),
            ("heading", LEX.Part, XSD.string, "tiêu đề", "heading", "The heading of an article, chapter or annex."),
            ("partSource", LEX.Part, XSD.string, "nguồn", "source", "The source the part was read in."),
            ("partStart", LEX.Part, XSD.integer, "vị trí đầu", "start", "Offset of its first character in the source."),
            ("partEnd", LEX.Part, XSD.integer, "vị trí cuối", "end", "Offset just past its last character."),
            ("effectKind", LEX.Effect, XSD.string, "loại tác động", "kind of effect",
             "repealed, amended, inserted, replaced, words_substituted, words_removed, suspended, detailed, guided."),
            ("written", LEX.Effect, XSD.string, "như văn bản viết", "as written",
             "The parts as the acting text writes them: 'khoản 2 Điều 8'."),
            ("effectDate", LEX.Effect, XSD.date, "ngày có hiệu lực", "date of effect",
             "The day the effect takes hold, when a text states one for it.")):
        declare(OWL.DatatypeProperty, name, domain, rng, vi, en, comment)
    for name, domain, rng, vi, en, comment in (
            ("effect", LEX.Assertion, LEX.Effect, "tác động", "effect", "An effect part by part of the relation."),
            ("actingDocument", LEX.Effect, LEX.Document, "văn bản tác động", "acting document",
             "The document whose sentence states the effect."),
            ("affects", LEX.Effect, ELI.LegalResource, "tác động đến", "affects",
             "A part the effect acts on (the document itself when the sentence names no part)."),
            ("statedIn", LEX.Effect, LEX.Part, "quy định tại", "stated in",
             "The part of the acting document that states it (Điều 1 khoản 3), when that text was read in full.")):
        declare(OWL.ObjectProperty, name, domain, rng, vi, en, comment)


def main() -> int:
    text = build().serialize(format="turtle")
    header = "# Generated by `python -m ontology.build` from the .tsv tables beside it; edit those, not this file.\n"
    if "--check" in sys.argv:
        return 0 if TTL.read_text(encoding="utf-8") == header + text else 1
    TTL.write_text(header + text, encoding="utf-8")
    print(f"wrote {TTL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

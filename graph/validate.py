"""Check a built graph against the ontology's SHACL shapes (`ontology/shapes.ttl`) with pyshacl.

Each document has one key, one type, at most one number, date and issuer, and a number or a name; nothing
replaces itself; no replacement cycles; replacement and amendment go forward in time where both dates are
known (each wrong-way edge is reported with the sentence that states it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from pyshacl import validate as shacl_validate
from rdflib import RDF, Graph, Namespace

from .export import to_rdf
from .model import Graph as LexGraph

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class Finding:
    severity: str  # Violation or Warning
    focus: str
    message: str
    path: str | None = None


@dataclass
class Report:
    conforms: bool
    violations: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    def summary(self) -> str:
        head = "conforms" if self.conforms else f"{len(self.violations)} violations"
        return f"{head}; {len(self.warnings)} warnings"


def shapes() -> Graph:
    g = Graph()
    g.parse(data=resources.files("ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def validate_rdf(data: Graph) -> Report:
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes(), allow_warnings=True, advanced=True,
                                          inference="none")
    report = Report(conforms=bool(conforms))
    for r in results.subjects(RDF.type, SH.ValidationResult):
        sev = str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = results.value(r, SH.resultPath)
        f = Finding(sev, str(results.value(r, SH.focusNode)), str(results.value(r, SH.resultMessage) or ""),
                    str(path) if path is not None else None)
        (report.violations if sev == "Violation" else report.warnings).append(f)
    report.violations.sort(key=lambda f: (f.focus, f.message))
    report.warnings.sort(key=lambda f: (f.focus, f.message))
    return report


def validate(g: LexGraph, base: str = "https://lexgraph.org/eli/") -> Report:
    return validate_rdf(to_rdf(g, base, document_evidence=False, part_details=False))

"""The store interface every backend implements, and the query logic built on it.

Both the embedded store (in memory, persisted to a file) and the Neo4j store implement `Store`; one
contract test-suite runs every method against both and demands the same answers.
"""

from __future__ import annotations

import abc
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..errors import AmbiguousReference, NotFound, NumberError, UnknownAgency
from ..model import AGENCY_RELATIONS, Agency, Document, Evidence, Graph, PartEffect, PartNode
from ..numbers import parse
from ..vocab import fold_lower, is_name_base, name_base, vocabulary

Direction = Literal["out", "in", "both"]


@dataclass
class RelationView:
    """A relation seen from one document: its type, direction, the other end and the evidence."""

    type: str
    direction: Literal["out", "in"]
    other: str  # key of the other document (or agency id)
    evidence: list[Evidence] = field(default_factory=list)
    effects: list[PartEffect] = field(default_factory=list)  # what it does, part by part (`Relation.effects`)


@dataclass
class ChainStep:
    """One link of a replacement chain: `document` (its brief: `Document.brief`) replaced the previous one (or
    was replaced by it); `evidence` the sentences that say so."""

    document: Document
    evidence: list[Evidence]
    alternatives: list[str] = field(default_factory=list)  # other documents stated to replace the same one


@dataclass
class DocumentRelations:
    """A document with its relations (with evidence) and the briefs (`Document.brief`) of the documents at their
    other ends: what a document's page, its relations, its status and its timeline are made of, read at once."""

    document: Document
    relations: list[RelationView]
    others: dict[str, Document]  # key -> brief, for every document the relations name


@dataclass
class Neighbourhood:
    nodes: list[dict[str, object]]
    edges: list[dict[str, object]]
    start: str | None = None  # the key of the document the reference named


@dataclass(frozen=True)
class Lookup:
    """What a written reference asks the store for: the documents whose number (or law name) has `base` — of
    `year` when given —; or, for a number written without its code ('Nghị định 43/2011'), those whose key starts
    with `prefix` ('43/2011/'), of `type_ids` when the reference names a type. `lookup(ref)` makes one."""

    ref: str
    base: str | None = None
    year: int | None = None
    prefix: str | None = None
    type_ids: tuple[str, ...] | None = None

    @property
    def named(self) -> bool:
        """A law asked for by its name: the laws keyed by their number that bear the name are candidates too."""
        return self.base is not None and is_name_base(self.base)


@dataclass
class UpsertStats:
    documents: int
    relations: int
    agencies: int
    # `Store.replace_graph` only: documents and relations changed (other attributes or evidence) and removed
    changed_documents: int = 0
    removed_documents: int = 0
    changed_relations: int = 0
    removed_relations: int = 0


def follow_chain(key: str, direction: Literal["in", "out"], replaces_of: Callable[[str], list[RelationView]],
                 get: Callable[[str], Document | None]) -> list[ChainStep]:
    """Walk REPLACES from a document ('in': what replaced it, to the one in force; 'out': what it replaced).
    Where several documents act on one, the latest acts last: follow it and name the others."""
    steps: list[ChainStep] = []
    seen = {key}
    cur = key
    while True:
        rels = replaces_of(cur)
        if not rels:
            return steps
        docs: list[tuple[Document, RelationView]] = []
        for r in rels:
            d = get(r.other)
            if d is not None:
                docs.append((d, r))
        if not docs:
            return steps
        docs.sort(key=lambda x: (x[0].date or dt.date(x[0].year or 1, 1, 1), x[0].key), reverse=direction == "in")
        nxt, rel = docs[0]
        if nxt.key in seen:
            return steps
        seen.add(nxt.key)
        steps.append(ChainStep(nxt, rel.evidence, [d.key for d, _ in docs[1:]]))
        cur = nxt.key


_NAME_KEY = re.compile(r"(?i)((?:LUAT|BO-LUAT|PHAP-LENH|HIEN-PHAP)/[a-z0-9]+(?:-[a-z0-9]+)*)(?:@((?:19|20)\d\d))?")


def parse_ref(ref: str) -> tuple[str | None, int | None, str | None]:
    """A reference typed by a person -> (number base, year hint, law-name base).

    '749/QĐ-TTg 2020' and '749/QĐ-TTg@2020' pick the 2020 decision; 'Luật Tổ chức Chính phủ 2015'
    names a law by name and year.
    """
    ref = ref.strip()
    year = None
    m = re.search(r"(?:@|\s|\(|năm\s|nam\s)((?:19|20)\d\d)\)?\s*$", ref)  # '… 2020', '@2020', '(năm) 2023)'
    try:
        n = parse(ref)
    except NumberError:
        n = None
    if n is not None:
        if m and n.year is None:
            year = int(m.group(1))
        return n.base, year, None
    km = _NAME_KEY.fullmatch(ref)
    if km:  # a key as the graph writes it: 'LUAT/giao-dich-dien-tu@2005'
        prefix, _, rest = km.group(1).partition("/")
        return None, int(km.group(2)) if km.group(2) else None, f"{prefix.upper()}/{rest.lower()}"
    lm = re.match(r"(?i)\s*(bộ luật|bo luat|luật|luat|pháp lệnh|phap lenh|hiến pháp|hien phap)(?:\s+(.+?))?\s*$", ref)
    if lm:
        name = lm.group(2) or ""
        if m:
            year = int(m.group(1))
            name = name[: name.rfind(m.group(1))].strip().rstrip("@(").strip()
            name = re.sub(r"(?i)(?:^|\s+)\(?(năm|nam)$", "", name).rstrip(" (")
        t = fold_lower(lm.group(1))
        type_id = {"bo luat": "BoLuat", "phap lenh": "PhapLenh", "hien phap": "HienPhap"}.get(t, "Luat")
        written = f"{lm.group(1)} {name}".strip()
        low = fold_lower(unicodedata.normalize("NFC", written))
        at = vocabulary().law_name_at(low, 0)
        if at is not None and not low[at[0] :].strip():  # a listed name or one of its short forms: 'Luật NSNN'
            return None, year, name_base(at[1].type_id, at[1].name)
        return None, year, name_base(type_id, written)
    return None, None, None


def lookup(ref: str) -> Lookup | None:
    """What a reference typed by a person asks for (`Lookup`); None when it names no document the graph could hold
    ('Quyết định 43/2011' of an unknown type word); NotFound for what cannot be a reference (empty, not text, over
    300 characters)."""
    if not isinstance(ref, str) or not ref.strip() or len(ref) > 300:
        raise NotFound(str(ref)[:80])
    base, year, name_base = parse_ref(ref)
    if base or name_base:
        return Lookup(ref, base=base or name_base, year=year)
    m = _PARTIAL.match(fold_lower(ref).strip())
    if not m:
        return None
    type_ids: tuple[str, ...] | None = None
    if m.group("type"):  # 'Nghị định 43/2011', 'decree 43/2011': that type
        v = vocabulary()
        word = m.group("type").strip()
        t = v.type_for_word(word)
        ids = {t.id} if t else {x.id for x in v.doc_types.values() if fold_lower(x.name_en) == word}
        if not ids:
            return None
        type_ids = tuple(sorted(ids))
    return Lookup(ref, prefix=f"{int(m.group('n'))}/{m.group('y')}/", type_ids=type_ids)


class Store(abc.ABC):
    """What every store offers. Keys are canonical document keys (see `graph.numbers`)."""

    #: answers lookups from memory in microseconds (the service then calls it on its event loop rather than
    #: hopping to a worker thread); False for stores that wait on a network
    in_memory: bool = False

    # writing -----------------------------------------------------------------------------------------
    @abc.abstractmethod
    def upsert(self, graph: Graph) -> UpsertStats:
        """Merge a graph in, idempotently: the same graph twice leaves the same counts."""

    def upsert_many(self, graphs: Iterable[Graph]) -> UpsertStats:
        """Merge several graphs in turn (the chunks of a large build); stores may write them more cheaply."""
        total = UpsertStats(0, 0, 0)
        for g in graphs:
            s = self.upsert(g)
            total = UpsertStats(total.documents + s.documents, total.relations + s.relations, total.agencies + s.agencies)
        return total

    def kept_sources(self) -> dict[str, bytes] | None:
        """The sources this store's graph was built from, by the name each is kept under (`graph.incremental`), or
        None when it holds documents but keeps no source (built before sources were kept, or by `upsert` alone):
        a build into it can only merge."""
        return None

    def replace_graph(self, graph: Graph, sources: dict[str, bytes]) -> UpsertStats:
        """Keep `sources` (beside, or instead of those kept under the same names) and make the stored graph equal to
        `graph`, the graph of every kept source (`graph.incremental.build_into`); returns what changed."""
        raise NotImplementedError(f"{type(self).__name__} does not keep sources")

    @abc.abstractmethod
    def keys_with_base(self, base: str) -> list[str]:
        """Keys of the documents whose key has this base (a number or, for a law known only by its name, the
        name), any year: what the resolver joins undated mentions to."""

    @abc.abstractmethod
    def keys_named(self, name_base: str) -> list[str]:
        """Keys of the documents whose law name has this base, whatever their key: 'LUAT/giao-dich-dien-tu' ->
        LUAT/giao-dich-dien-tu@2005 and 20/2023/QH15 (a law asked for by its name)."""

    # reading -----------------------------------------------------------------------------------------
    def parts(self, key: str) -> list[PartNode]:
        """The parts of the document with this key, in text order (`Graph.parts`): [] when no text of it was read
        in full. One store read."""
        raise NotImplementedError(f"{type(self).__name__} keeps no parts")

    @abc.abstractmethod
    def get(self, key: str) -> Document | None:
        """The document with this canonical key, or None."""

    @abc.abstractmethod
    def relations(self, key: str, type: str | None = None, direction: Direction = "both") -> list[RelationView]:
        """Relations of a document, both ways by default, with evidence."""

    @abc.abstractmethod
    def documents(self, type: str | None = None, issuer: str | None = None, year: int | None = None,
                  q: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Document], int]:
        """Documents filtered by type (name or id), issuer id, year; `q` matches number, name and title
        with or without diacritics. Returns one page (of briefs: `Document.brief`) and the total count."""

    @abc.abstractmethod
    def agencies(self) -> list[tuple[Agency, int]]:
        """Every body with the number of documents it issued."""

    @abc.abstractmethod
    def counts(self) -> dict[str, int]:
        """Node and relation counts by kind."""

    @abc.abstractmethod
    def all_keys(self) -> list[str]:
        """Every document key (for suggestions)."""

    @abc.abstractmethod
    def to_graph(self) -> Graph:
        """Everything the store holds, as one Graph (for export and validation)."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Remove everything the store holds."""

    def revision(self) -> object:
        """Changes whenever the graph does (caches built from the graph compare it)."""
        return tuple(sorted(self.counts().items()))

    def ping(self) -> bool:
        """True when the store answers."""
        self.counts()
        return True

    def close(self) -> None:  # noqa: B027 - optional
        """Release resources."""

    # queries built on the primitives -------------------------------------------------------------------
    # On Neo4j each of these is one round trip (one Cypher query; a miss adds two for the suggestions): what the
    # service and the questions call, once a request, reading a list of documents in one call whatever its length
    def brief(self, key: str) -> Document | None:
        """A document's brief (`Document.brief`: no evidence, no statements of effect), or None."""
        d = self.get(key)
        return d.brief() if d is not None else None

    def briefs(self, keys: list[str]) -> dict[str, Document]:
        """The briefs of the documents with these keys that exist: what labels and dates need, without reading
        every sentence that mentions them (one round trip where that matters)."""
        return {k: d for k, d in ((k, self.brief(k)) for k in keys) if d is not None}

    def relations_of(self, keys: Iterable[str], types: Collection[str] | None = None,
                     direction: Direction = "both") -> dict[str, list[RelationView]]:
        """The relations of several documents (of `types`, None: all), in one call whatever their number: every key
        asked for, with [] for one the store does not hold."""
        wanted = None if types is None else set(types)
        one = next(iter(wanted)) if wanted is not None and len(wanted) == 1 else None
        out: dict[str, list[RelationView]] = {}
        for k in dict.fromkeys(keys):
            rels = self.relations(k, one, direction)
            out[k] = rels if wanted is None or one is not None else [r for r in rels if r.type in wanted]
        return out

    def documents_with_base(self, base: str, year: int | None = None) -> list[Document]:
        """The documents whose number (or law name) has this base — of `year` when given (by its key's '@year'
        or its year of issue) — in key order; one round trip where that matters."""
        keys = self.keys_with_base(base)
        if is_name_base(base):  # a law by its name: also the laws keyed by their number that bear it
            keys = sorted(set(keys) | set(self.keys_named(base)))
        docs = [d for d in (self.get(k) for k in keys) if d is not None]
        return docs if year is None else [d for d in docs if d.key.endswith(f"@{year}") or d.year == year]

    def candidates(self, lk: Lookup) -> list[Document]:
        """The documents a lookup names (`Lookup`), in key order: those with its base (`documents_with_base`), or
        those whose key starts with its prefix, of its types. One round trip where that matters."""
        if lk.base is not None:
            return self.documents_with_base(lk.base, lk.year)
        assert lk.prefix is not None
        docs, _ = self.documents(q=lk.prefix, limit=1000)
        keys = [d.key for d in docs if d.key.startswith(lk.prefix) and (lk.type_ids is None or d.type_id in lk.type_ids)]
        return [d for d in (self.get(k) for k in keys) if d is not None]

    def resolve(self, ref: str) -> str:
        """The key of the one document a written reference means; NotFound or AmbiguousReference."""
        return self.document(ref).key

    def document(self, ref: str) -> Document:
        """The one document a written reference means; NotFound or AmbiguousReference."""
        lk = self._lookup(ref)
        return self._choose(lk, self.candidates(lk))

    def _lookup(self, ref: str) -> Lookup:
        lk = lookup(ref)
        if lk is None:
            raise NotFound(ref, self.suggest(ref))
        return lk

    def _choose(self, lk: Lookup, docs: list[Document]) -> Document:
        """The one document a lookup means among its candidates: by its number's rule (`_pick`); for a number
        without its code, the only one of that number and year; else NotFound or AmbiguousReference."""
        if lk.base is not None:
            return self._pick(lk.ref, lk.base, docs)
        if len(docs) == 1:
            return docs[0]
        if docs:
            raise self._ambiguous(lk.ref, docs)
        raise NotFound(lk.ref, self.suggest(lk.ref))

    def _pick(self, ref: str, target: str, docs: list[Document]) -> Document:
        """The one document a reference means among those with its number base: the only one; or the dated one
        when the other is the same number still undated; else NotFound or AmbiguousReference."""
        if len(docs) == 1:
            return docs[0]
        if not docs:
            raise NotFound(ref, self.suggest(ref))
        # the same number (or name) still undated beside the one dated or numbered: that one
        others = [d for d in docs if d.key != target]
        if len(others) == 1 and len(docs) == 2:
            return others[0]
        raise self._ambiguous(ref, docs)

    def _ambiguous(self, ref: str, docs: list[Document]) -> AmbiguousReference:
        """The error for a reference that names these documents: each listed, the first one's year as the example."""
        docs = sorted(docs, key=lambda d: d.key)
        first = docs[0]
        years = {d.date.year if d.date else d.year for d in docs}
        return AmbiguousReference(ref, [self._label_of(d) for d in docs],
                                  example_year=first.date.year if first.date else first.year,
                                  example_number=first.number if len(years) == 1 and first.number
                                  and len({d.number for d in docs}) == len(docs) else None)

    @staticmethod
    def _label_of(d: Document) -> str:
        label = f"{d.name} {d.number}" if d.name and d.number else d.label
        return f"{label} ({d.date.isoformat() if d.date else d.year or 'date unknown'})"

    def suggest(self, ref: str, n: int = 5) -> list[str]:
        # compared as letters and digits only, folded: 'Luật Giao dịch điện tử' is close to the key
        # LUAT/giao-dich-dien-tu-sua-doi as '43/2011/ND-CP' is to 43/2011/NĐ-CP
        def squash(text: str) -> str:
            return re.sub(r"[^a-z0-9]+", "", fold_lower(text))

        by_form: dict[str, str] = {}
        for k in self.all_keys():
            by_form.setdefault(squash(k), k)
        keys = [by_form[c] for c in difflib.get_close_matches(squash(ref), list(by_form), n=n, cutoff=0.6)]
        docs = self.briefs(keys) if keys else {}
        return [self._label_of(docs[k]) if k in docs else k for k in keys]

    def replaced_by(self, ref: str) -> list[ChainStep]:
        """The chain of replacements from a document to the one now in force: 43/2011 -> 42/2022."""
        return self.document_chain(ref, "in")[1]

    def replaces(self, ref: str) -> list[ChainStep]:
        """The reverse chain: what the document replaced, and what that replaced."""
        return self.document_chain(ref, "out")[1]

    def document_chain(self, ref: str, direction: Literal["in", "out"]) -> tuple[Document, list[ChainStep]]:
        """The document a reference means and its chain ('in': what replaced it; 'out': what it replaced) —
        what `/replaced-by` answers; one round trip where that matters. Documents as briefs (`Document.brief`)."""
        doc = self.document(ref)
        return doc.brief(), self._chain(doc.key, direction)

    def chain(self, key: str, direction: Literal["in", "out"]) -> list[ChainStep]:
        """`replaced_by` ('in') or `replaces` ('out') from a canonical key already resolved."""
        return self._chain(key, direction)

    def _chain(self, key: str, direction: Literal["in", "out"]) -> list[ChainStep]:
        return follow_chain(key, direction, lambda k: self.relations(k, "REPLACES", direction), self.brief)

    def document_relations(self, ref: str, types: Collection[str] | None = None,
                           direction: Direction = "both") -> DocumentRelations:
        """The document a reference means (whole), its relations (of `types`, None: all; one way or both) and the
        briefs of the documents they name: what `GET /documents/{ref}`, its relations, status and timeline show,
        in one round trip where that matters."""
        doc = self.document(ref)
        rels = self.relations_of([doc.key], types, direction)[doc.key]
        return DocumentRelations(doc, rels, self.briefs(sorted({r.other for r in rels if r.type not in AGENCY_RELATIONS})))

    def issuer_documents(self, agency: str, limit: int = 100, offset: int = 0) -> tuple[list[Document], int]:
        return self.documents(issuer=self.agency_id(agency), limit=limit, offset=offset)

    def agency_id(self, ref: str) -> str:
        """An agency id from an id, code, name or alias: 'BTTTT', 'Bộ TT&TT', 'bo thong tin va truyen thong'."""
        v = vocabulary()
        if ref in v.agencies:
            return ref
        a = v.agency_for_code(ref) or v.agency_for_name(ref)
        if a is None:
            raise UnknownAgency(ref, [x.name for x in v.agencies.values()
                                      if fold_lower(ref) in fold_lower(x.name)][:5])
        return a.id

    def neighbourhood(self, ref: str, depth: int = 1, limit: int = 300) -> Neighbourhood:
        """Documents and bodies within `depth` relations of a document, for drawing (at most `limit` nodes, nearest
        first). Read a level at a time: the first with the document itself, then each level's documents and
        their relations in one call each."""
        depth = max(0, min(depth, 3))
        walk = _Walk(limit)
        if depth == 0:
            start = self.document(ref)
        else:
            view = self.document_relations(ref)
            start = view.document
            walk.briefs.update(view.others)
            walk.rels[start.key] = view.relations
        walk.briefs[start.key] = start
        frontier = [start.key]
        for level in range(depth + 1):
            last = level == depth
            if level:
                walk.fetch(self, frontier, relations=not last)
            frontier = walk.level(self, frontier, last)
        ids = set(walk.nodes)
        return Neighbourhood(list(walk.nodes.values()),
                             [e for e in walk.edges.values() if e["source"] in ids and e["target"] in ids], start.key)


class _Walk:
    """The state of `Store.neighbourhood`'s walk: the nodes and edges so far, and what was read for them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.nodes: dict[str, dict[str, object]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, object]] = {}
        self.briefs: dict[str, Document] = {}
        self.rels: dict[str, list[RelationView]] = {}

    def fetch(self, store: Store, frontier: list[str], relations: bool) -> None:
        """A level's documents in one call and, when the walk goes on past them, their relations in one more (of
        as many as can still be nodes: each takes a place)."""
        new = [k for k in dict.fromkeys(frontier) if k not in self.nodes]
        unread = [k for k in new if k not in self.briefs]
        if unread:
            self.briefs.update(store.briefs(unread))
        if relations:
            todo = [k for k in new if k not in self.rels][: max(0, self.limit - len(self.nodes))]
            if todo:
                self.rels.update(store.relations_of(todo))

    def level(self, store: Store, frontier: list[str], last: bool) -> list[str]:
        """Add a level's documents (and, unless it is the last, their relations and the bodies they name); the
        next level's keys."""
        v = vocabulary()
        nxt: list[str] = []
        for k in frontier:
            if k in self.nodes or len(self.nodes) >= self.limit:
                continue
            d = self.briefs.get(k)
            if d is None:
                continue
            self.nodes[k] = {"id": k, "kind": "document", "label": d.label, "type": d.type, "type_id": d.type_id,
                             "date": d.date.isoformat() if d.date else None, "title": d.title}
            if last:
                continue
            rels = self.rels.get(k)
            if rels is None:  # past what `fetch` read (a level with keys of no document)
                rels = self.rels[k] = store.relations(k)
            for r in rels:
                s, t = (k, r.other) if r.direction == "out" else (r.other, k)
                if r.type in AGENCY_RELATIONS:
                    a = v.agencies.get(r.other)
                    self.nodes.setdefault(r.other, {"id": r.other, "kind": "agency", "label": a.name if a else r.other})
                else:
                    nxt.append(r.other)
                self.edges[(r.type, s, t)] = {"source": s, "target": t, "type": r.type,
                                              "evidence": r.evidence[0].sentence if r.evidence else None}
        return nxt


_PARTIAL = re.compile(r"^(?:(?P<type>[a-z][a-z ]*?)\s+)?(?:so\s+|number\s+|no\.?\s*)?0*(?P<n>\d{1,6})/(?P<y>(?:19|20)\d\d)$")

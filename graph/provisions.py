"""Parts and effects as people ask for them (issue 25 §4): a part named as written, a document's tree of parts with
each part's status on a day, the effects on a part (and on the parts holding it, and within it), and the table of a
document's effects, like legislation.gov.uk's.

    part_id(parts, "khoản 2 Điều 8")        # 'dieu_8/khoan_2'; also "Điều 8 khoản 2", "d8k2", "dieu_8/khoan_2"
    split_reference("khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP")   # ('khoản 2 Điều 8', 'Nghị định 145/2020/NĐ-CP')

The written forms are read by `graph.structure.parse_reference` (the one parser of part references); this module
maps what it reads onto the ids of `PartNode`s. Nothing here reads the store: each function takes what the service
read (`Store.parts`, `Store.document_relations`), so an endpoint's reads are its router's calls.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from .model import Document, PartEffect, PartNode
from .status import PartStatusAt, StatusAt, changes, part_status_on, status_on
from .stores.base import DocumentRelations, RelationView, Store
from .structure import LABEL_WORD, parse_reference, reference_id
from .vocab import fold_lower

# the kinds of effect that change what a part says or whether it is in force; 'detailed' and 'guided' do neither
CHANGING = ("repealed", "amended", "inserted", "replaced", "words_substituted", "words_removed", "suspended")
Scope = Literal["self", "holder", "within", "whole"]


# a part as written in a sentence: 'khoản 2 Điều 8', 'điểm a khoản 2 Điều 8', 'Điều 8 khoản 2', 'Phụ lục II', 'd8k2'
_NUM = r"(?:\d{1,3}[a-z]?|[ivxlc]{1,7}[a-z]?)"
_TOKEN = (rf"(?:(?:diem|điểm)[ \t]+(?:dd|[a-zđ])|(?:khoan|dieu|chuong|muc|phan)[ \t]+(?:so[ \t]+)?{_NUM}|"
          rf"phu[ \t]+luc(?:[ \t]+(?:so[ \t]+)?{_NUM})?)")
_PART_PHRASE = rf"{_TOKEN}(?:[ \t]*,?[ \t]*(?:cua[ \t]+|thuoc[ \t]+|tai[ \t]+)?{_TOKEN})*"
_LEADING = re.compile(rf"^[ \t]*(?P<part>{_PART_PHRASE}|d\d{{1,3}}[a-z]?(?:k\d{{1,3}}(?:p?(?:dd|[a-z]))?)?)"
                      r"(?:[ \t]*,)?[ \t]+(?:cua[ \t]+|thuoc[ \t]+|tai[ \t]+)?(?P<rest>\S.*)$")
_TRAILING = re.compile(rf"^(?P<rest>.*?\S)[ \t]*,?[ \t]+(?P<part>{_PART_PHRASE})[ \t]*$")
_PART_ANYWHERE = re.compile(rf"(?<![a-z0-9]){_PART_PHRASE}(?![a-z0-9])")
# the same in English: 'article 8', 'clause 2 of article 8', 'point a, clause 2, article 8', 'annex II'
_EN_WORDS = {"article": "dieu", "art.": "dieu", "art": "dieu", "clause": "khoan", "paragraph": "khoan",
             "point": "diem", "chapter": "chuong", "section": "muc", "annex": "phu luc", "appendix": "phu luc"}
_EN_TOKEN = rf"(?:article|art\.?|clause|paragraph|chapter|section|annex|appendix)[ \t]+{_NUM}|point[ \t]+[a-z]"
_EN_PHRASE = re.compile(rf"(?<![a-z0-9])(?:{_EN_TOKEN})(?:[ \t]*,?[ \t]*(?:of[ \t]+(?:the[ \t]+)?|in[ \t]+)?"
                        rf"(?:{_EN_TOKEN}))*(?![a-z0-9])", re.IGNORECASE)


def english_to_vi(ref: str) -> str:
    """'clause 2 of article 8' -> 'khoan 2 dieu 8': what `parse_reference` reads."""
    return re.sub(r"(?i)\b(?:article|art\.?|clause|paragraph|point|chapter|section|annex|appendix)(?=[ \t])",
                  lambda m: _EN_WORDS[m.group(0).lower()], re.sub(r"(?i)\b(?:of|in)(?:[ \t]+the)?\b", " ", ref))


def split_reference(text: str) -> tuple[str, str] | None:
    """A part written before or after the document it belongs to -> (the part, the document) as written:
    'khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP', 'Điều 8 khoản 2 của Nghị định …', 'Nghị định … Điều 8 khoản 2',
    'd8k2 145/2020/NĐ-CP'. None when the text names no part."""
    t = unicodedata.normalize("NFC", text).strip()
    f = fold_lower(t)
    for rx in (_LEADING, _TRAILING):
        m = rx.match(f)
        if m is not None and parse_reference(t[m.start("part") : m.end("part")]):
            return t[m.start("part") : m.end("part")].strip(" ,"), t[m.start("rest") : m.end("rest")].strip(" ,")
    return None


def find_part_phrase(text: str) -> tuple[int, int] | None:
    """Where a question names a part ('… khoản 2 Điều 8 Nghị định …'): the span of the first part phrase that
    holds an article, an annex, a chapter or a part; None when there is none."""
    f = fold_lower(unicodedata.normalize("NFC", text))
    for m in [*_PART_ANYWHERE.finditer(f), *_EN_PHRASE.finditer(f)]:
        want = parse_reference(english_to_vi(text[m.start() : m.end()]))
        if want.keys() & {"dieu", "phu_luc", "chuong", "phan"}:
            return m.start(), m.end()
    return None


_ID = re.compile(r"(?:(?:phan|chuong|muc|dieu|khoan|diem|phu_luc|kem_theo|mau)(?:_[0-9a-z.]+)?/?)+")


def part_id(parts: list[PartNode], ref: str) -> str | None:
    """The id of the part a reference names, as people write it ('khoản 2 Điều 8', 'Điều 8 khoản 2', 'd8k2', 'điểm a
    khoản 2 Điều 8', 'Phụ lục II', or the id 'dieu_8/khoan_2'), among a document's parts; with no parts (a text not
    read in full), the id the reference names. None: the text has no such part, or the reference names none."""
    ids = {p.id for p in parts}
    raw = ref.strip().strip("/")
    if raw in ids or (not parts and _ID.fullmatch(raw)):
        return raw
    if re.fullmatch(r"phu[ \t]*luc|pl", fold_lower(raw)):  # 'Phụ lục': the text's one annex
        annexes = [p.id for p in parts if p.kind == "phu_luc" and p.parent is None]
        return annexes[0] if len(annexes) == 1 else None
    want = parse_reference(english_to_vi(raw))
    pid = reference_id(want)
    if pid is None or not parts or pid in ids:
        return pid
    if "diem" in want and "khoan" in want and want["diem"] != "đ":  # 'd8k1a': khoản 1 điểm a, or khoản 1a
        alt = reference_id({k: v for k, v in want.items() if k != "diem"} | {"khoan": want["khoan"] + want["diem"]})
        if alt in ids:
            return alt
    return None


_SEG = re.compile(r"(phu_luc|kem_theo|phan|chuong|muc|dieu|khoan|diem|mau)(?:_([0-9a-z.]+))?")


def _seg(seg: str) -> tuple[str, str]:
    """'khoan_2' -> ('khoan', '2'), 'phu_luc' -> ('phu_luc', '')."""
    m = _SEG.fullmatch(seg)
    return (m.group(1), m.group(2) or "") if m else (seg, "")


def label_of(pid: str) -> str:
    """How an id is written in a sentence: 'dieu_8/khoan_2/diem_a' -> 'điểm a khoản 2 Điều 8', 'phu_luc_2' ->
    'Phụ lục 2'."""
    words = []
    for seg in pid.split("/"):
        kind, num = _seg(seg)
        num = "đ" if kind == "diem" and num == "dd" else num
        words.append(f"{LABEL_WORD[kind]} {num}".strip() if kind in LABEL_WORD else seg)
    return " ".join(reversed(words))


def holders(pid: str) -> list[str]:
    """The ids of the parts holding a part, nearest first: 'dieu_8/khoan_2/diem_a' -> ['dieu_8/khoan_2', 'dieu_8']."""
    segs = pid.split("/")
    return ["/".join(segs[:i]) for i in range(len(segs) - 1, 0, -1)]


def article_range(parts: list[PartNode]) -> str:
    """'Điều 1 to Điều 12' (the document's own articles, annexes' left out), for a part the document lacks."""
    arts = [p for p in parts if p.kind == "dieu" and "/" not in p.id and p.source]  # not those only named
    if not arts:
        return "no articles"
    return arts[0].label if len(arts) == 1 else f"{arts[0].label} to {arts[-1].label}"


# effects ---------------------------------------------------------------------------------------------------------
@dataclass
class EffectRow:
    """One effect of one text on (parts of) another, with the day it takes hold: stated with the effect, else the
    acting text's date of effect ('effective') or of issue ('issued'), else unknown."""

    relation: str  # the relation type that carries it (AMENDS, REPEALS, GUIDES …)
    source: str  # the acting text's key
    target: str  # the text acted on
    effect: PartEffect
    since: dt.date | None
    basis: Literal["stated", "effective", "issued", "unknown"]

    @property
    def parts(self) -> list[str]:
        return self.effect.parts


def _start(d: Document | None) -> tuple[dt.date | None, Literal["effective", "issued", "unknown"]]:
    if d is not None and d.effective:
        return d.effective, "effective"
    if d is not None and d.date:
        return d.date, "issued"
    return None, "unknown"


def effect_rows(doc: Document, relations: list[RelationView], others: dict[str, Document]) -> list[EffectRow]:
    """Every effect the relations carry (`RelationView.effects`), seen from `doc`: for a relation 'in', another text
    acts on `doc`; 'out', `doc` acts on another. In order of the day each takes hold, then of the part."""
    out: list[EffectRow] = []
    for r in relations:
        source, target = (r.other, doc.key) if r.direction == "in" else (doc.key, r.other)
        acting = others.get(r.other) if r.direction == "in" else doc
        for e in r.effects:
            since, basis = _start(acting)
            out.append(EffectRow(r.type, source, target, e, e.date or since, "stated" if e.date else basis))
    out.sort(key=lambda x: (x.since or dt.date.max, x.target, [_id_order(p) for p in x.parts], x.source,
                            x.effect.evidence.start))
    return out


def scope_of(row: EffectRow, pid: str, parents: dict[str, str | None] | None = None) -> Scope | None:
    """How an effect touches a part: it names the part ('self'), a part holding it ('holder': by the id, or by the
    tree read, `parents`: 'chuong_3/muc_1' holds 'dieu_13'), a part within it ('within'), or the whole text ('whole',
    no parts named); None: another part."""
    if not row.parts:
        return "whole"
    if pid in row.parts:
        return "self"
    up = set(holders(pid))
    for h in [pid, *holders(pid)]:
        up.update(_chain(h, parents))
    if any(p in up for p in row.parts):
        return "holder"
    if any(p.startswith(pid + "/") or pid in _chain(p, parents) for p in row.parts):
        return "within"
    return None


def _chain(pid: str, parents: dict[str, str | None] | None) -> list[str]:
    out: list[str] = []
    cur = (parents or {}).get(pid)
    while cur is not None and cur not in out:
        out.append(cur)
        cur = (parents or {}).get(cur)
    return out


def effects_on(rows: list[EffectRow], pid: str, parents: dict[str, str | None] | None = None
               ) -> list[tuple[EffectRow, Scope]]:
    """The effects on a part, on the parts holding it and within it (not those on the whole text), in date order;
    `parents`: the tree's links (`PartNode.parent`), for the holders an id does not name."""
    out: list[tuple[EffectRow, Scope]] = []
    for r in rows:
        s = scope_of(r, pid, parents)
        if s is not None and s != "whole":
            out.append((r, s))
    return out


# status, part by part: graph.status.part_status_on, the one status model; shown as a tree here ----------------------
@dataclass
class PartTree:
    """A part with its status and its parts: what `GET /documents/{ref}/parts` and `lexgraph show --parts` show."""

    node: PartNode
    status: PartStatusAt
    children: list[PartTree] = field(default_factory=list)


def known_parts(rows: list[EffectRow], have: list[PartNode] | None = None) -> list[PartNode]:
    """The parts other texts' effects name that a text's parts lack (their holders first), as nodes without a span
    (source '', offsets 0): for a text not read in full (`have` empty), every part named; for one read in full, the
    parts inserted into it ('Bổ sung Điều 8a …'), after its own."""
    held = {p.id for p in have or []}
    ids: dict[str, None] = {}
    for r in rows:
        if held and r.effect.kind != "inserted":
            continue
        for p in r.parts:
            for h in [*reversed(holders(p)), p]:
                ids.setdefault(h)
    out = list(have or [])
    for pid in sorted(ids.keys() - held, key=_id_order):
        kind, num = _seg(pid.rsplit("/", 1)[-1])
        out.append(PartNode(id=pid, kind=kind, label=label_of(pid.rsplit("/", 1)[-1]), number=num or None,
                            parent=pid.rpartition("/")[0] or None, source="", start=0, end=0))
    return out


def _id_order(pid: str) -> tuple[tuple[str, int, str], ...]:
    def seg(s: str) -> tuple[str, int, str]:
        m = re.fullmatch(r"([a-z_]+?)_?(\d*)([a-z.]*)", s)
        return (m.group(1), int(m.group(2) or 0), m.group(3)) if m else (s, 0, "")
    return tuple(seg(s) for s in pid.split("/"))


def part_trees(parts: list[PartNode], statuses: dict[str, PartStatusAt]) -> list[PartTree]:
    """The tree of parts (in text order), each with its status (`graph.status.part_status_on`); a part in force whose
    parts changed is shown amended (`_roll_up`)."""
    nodes = {p.id: PartTree(p, statuses[p.id]) for p in parts}
    roots: list[PartTree] = []
    for p in parts:
        holder = nodes.get(p.parent) if p.parent else None
        (holder.children if holder is not None else roots).append(nodes[p.id])
    for t in roots:
        _roll_up(t)
    return roots


def _roll_up(t: PartTree) -> None:
    """A part in force whose parts changed is amended: what the ids do not say for a chapter, a section or an annex
    ('chuong_2' holds 'dieu_9', whose id does not start with it)."""
    for c in t.children:
        _roll_up(c)
    s = t.status
    changed = [c.status for c in t.children if c.status.state in ("amended", "repealed", "suspended", "replaced")]
    if s.state != "in_force" or not changed:
        return
    since = max((c.since for c in changed if c.since), default=None)
    t.status = PartStatusAt(s.part, "amended", s.at, since, list(dict.fromkeys(k for c in changed for k in c.by)),
                            [f"Parts of {label_of(s.part)} changed: " + ", ".join(label_of(c.part) for c in changed)
                             + "."], [e for c in changed for e in c.evidence[:1]])


@dataclass
class PartsView:
    """What a document's parts show, from two reads (the document with what acts on it, and its parts): the document's
    status on the day (`partly_in_force` with the parts that make it so), each part's status (`part_status_on`), the
    effects on it (`effect_rows`), the labels and briefs of the texts acting, its parts — or, for a text not read in
    full, the parts other texts' effects name (`known_parts`)."""

    document: Document
    status: StatusAt
    statuses: dict[str, PartStatusAt]
    rows: list[EffectRow]
    parts: list[PartNode]
    read_in_full: bool
    relations: list[RelationView]
    others: dict[str, Document] = field(default_factory=dict)

    @classmethod
    def of(cls, view: DocumentRelations, parts: list[PartNode], at: dt.date | None) -> PartsView:
        d = view.document
        st = status_on(d, changes(view.relations, view.others), at)
        rows = effect_rows(d, view.relations, view.others)
        nodes = known_parts(rows, parts)
        statuses = part_status_on(d, nodes, view.relations, view.others, st.at)
        return cls(d, st, statuses, rows, nodes, bool(parts), view.relations, view.others)

    @classmethod
    def read(cls, store: Store, ref: str, at: dt.date | None = None) -> PartsView:
        """Two reads: the document a reference means with every relation to it, then its parts."""
        view = store.document_relations(ref, None, "in")
        return cls.of(view, store.parts(view.document.key), at)

    @property
    def labels(self) -> dict[str, str]:
        return {k: o.label for k, o in self.others.items()}

    def effects_on(self, pid: str) -> list[tuple[EffectRow, Scope]]:
        """The effects on a part, on the parts holding it (by its id and by the tree) and within it."""
        return effects_on(self.rows, pid, {p.id: p.parent for p in self.parts})

    def trees(self) -> list[PartTree]:
        return part_trees(self.parts, self.statuses)

    def ended(self) -> list[PartStatusAt]:
        """The parts repealed or suspended on the day: what makes the document partly in force."""
        return [self.part(p) for p in self.status.parts]

    def part(self, pid: str) -> PartStatusAt:
        """A part's status on the day: as the tree shows it, also for a part no text names (the document's)."""
        if pid not in self.statuses:
            node = PartNode(id=pid, kind=pid.rsplit("/", 1)[-1].split("_")[0], label=label_of(pid), source="",
                            start=0, end=0)
            self.statuses.update(part_status_on(self.document, [node], self.relations, self.others, self.status.at))
        tree = {t.node.id: t.status for t in _walk(self.trees())}
        return tree.get(pid, self.statuses[pid])


def _walk(trees: list[PartTree]) -> list[PartTree]:
    out: list[PartTree] = []
    for t in trees:
        out.append(t)
        out.extend(_walk(t.children))
    return out

"""Effects on parts (issue 25 §2): what each acting relation does to its target, part by part.

Two readers, both after the relation grammar (`relations.relate`):
- `relation_effects`: the sentence that states a relation names the kind of effect (its formula, `EFFECT_FORMULAS`) and
  the parts of the target written right before it ('Bãi bỏ khoản 2 Điều 8 Nghị định số …': repealed, dieu_8/khoan_2);
- `item_effects`: a text's own list of the parts it changes, item by item ('Điều 1. Sửa đổi, bổ sung một số điều của
  Nghị định số … như sau: 1. Sửa đổi khoản 2 Điều 8 như sau: “…” 2. Bổ sung Điều 8a …'), each item an effect on the
  document its lead (or, failing one, the text's title) amends, with the item's sentence as evidence. Quoted words are
  the new wording, not items. It reads the text's sentences, quotes and article headings, which extraction already
  holds (through the relation reader); it does not parse the whole structure (`graph.structure.parse_structure`).
- `suspensions`: 'Tạm ngưng hiệu lực Nghị định số …' opening the title or a sentence: a `suspended` effect on the
  citation of each document it names (there is no relation type for a suspension).

Parts are ids relative to the target, as `graph.structure` makes them (`dieu_8/khoan_2/diem_a`, `phu_luc_1`,
`phu_luc_1/dieu_3`, `chuong_2/muc_1`, `mau_01`), read from a list of parts by `read_parts`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..structure import RANK, normalise_number
from ..vocab import matches_at, occurrences
from .context import DATE_RE, _date
from .formulas import (
    _EFFECT_FORMULA,
    _EXPIRES,
    _FROM_DATE_OPENS,
    _PARTIAL,
    EFFECT_FORMULAS,
    EFFECT_OF_TYPE,
    PART_ANCHORS,
    PART_JOINERS,
    PART_KIND_WORDS,
    WHOLE_TEXT_KINDS,
    find_triggers,
)
from .types import RawEffect, RawRelation

if TYPE_CHECKING:
    from .relations import _Relator
    from .types import Mention

ACTING = ("REPLACES", "REPEALS", "AMENDS", "GUIDES")  # IMPLEMENTS: no kind of effect on parts (a policy carried out)

# a token of a list of parts: a word, a number ('8', '8a', '02c'), an ellipsis, a mark
_TOKEN = re.compile(r"[a-z]\d{1,2}(?![a-z0-9])|[a-z]{1,12}|\d{1,4}[a-z]?(?![a-z0-9])|\.\.\.|…|[^\s\w]")  # 'b1': a điểm
_ROMAN_ID = re.compile(r"[ivxlc]{1,6}[a-z]?")
_DIEM_ID = re.compile(r"[a-z]\d{0,2}|dd")  # 'điểm a', 'điểm đ', 'điểm b1'
_QUOTED = re.compile(r"[“\"][^“”\"\n]{0,300}(?:\n[^“”\"\n]{0,300}){0,3}[”\"]")  # words in quotes, up to 4 lines


# ---------------------------------------------------------------------------------------------------------------
# a list of parts: 'điểm b, điểm c khoản 2 Điều 10', 'các điều 104, 105 và 106', 'Mẫu số 02 Phụ lục I'


@dataclass
class _Level:
    kind: str
    ids: list[str] = field(default_factory=list)


@dataclass
class _Chain:
    """One reference: its levels from the smallest part up ('điểm b, điểm c' / 'khoản 2' / 'Điều 10'), and whether it
    names where a new part goes ('vào sau Điều 8'), not a part changed."""

    levels: list[_Level] = field(default_factory=list)
    anchor: bool = False

    @property
    def top(self) -> str:
        return self.levels[-1].kind

    def complete(self) -> bool:
        return self.top in ("dieu", "phu_luc", "chuong", "phan", "mau")

    def ids(self) -> list[str]:
        paths = [""]
        for lv in reversed(self.levels):
            paths = [f"{p}/{lv.kind}_{i}".lstrip("/") if i else f"{p}/{lv.kind}".lstrip("/") for p in paths for i in lv.ids]
        return paths


def _tokens(low: str, text: str, a: int, b: int) -> list[tuple[str, int, int]]:
    """The tokens of low[a:b] outside quoted words ('cụm từ “Điều 5”' names no part): (token, start, end); a điểm's
    letter 'đ' is kept apart from 'd' (the folded text has both as 'd')."""
    blank = [(m.start(), m.end()) for m in _QUOTED.finditer(low, a, b)]
    out: list[tuple[str, int, int]] = []
    qi = 0
    for m in _TOKEN.finditer(low, a, b):
        while qi < len(blank) and blank[qi][1] <= m.start():
            qi += 1
        if qi < len(blank) and blank[qi][0] <= m.start() < blank[qi][1]:
            continue
        tok = m.group()
        if tok == "d" and text[m.start()] in "đĐ":
            tok = "dd"
        out.append((tok, m.start(), m.end()))
    return out


def _is_id(tok: str, kind: str | None) -> bool:
    if tok[:1].isdigit():
        return True
    if kind in ("diem",):
        return bool(_DIEM_ID.fullmatch(tok))
    if kind in ("phu_luc", "chuong", "muc", "phan"):
        return bool(_ROMAN_ID.fullmatch(tok))
    return False


def _chains(toks: list[tuple[str, int, int]]) -> tuple[list[_Chain], tuple[int, int] | None]:
    """The references a run of tokens names, and the span they are written in."""
    chains: list[_Chain] = []
    cur: _Chain | None = None
    kind: str | None = None  # the kind word just read, waiting for its number
    last_kind: str | None = None  # the kind of the last number read (for 'các điều 104, 105')
    anchor = ranging = joined = False  # joined: a ',' or 'và' since the last number (no holding part follows it)
    span: list[int] = []
    i = 0
    while i < len(toks):
        tok, s, e = toks[i]
        two = f"{tok} {toks[i + 1][0]}" if i + 1 < len(toks) else ""
        if two in PART_KIND_WORDS:
            kind, i = PART_KIND_WORDS[two], i + 2
            span.append(s)
            if kind == "phu_luc" and (i >= len(toks) or not _is_id(toks[i][0], kind)):
                cur = _add_level(chains, cur, "phu_luc", "", anchor, joined=joined)  # 'Phụ lục': the text's one annex
                anchor, kind = False, None
                span.append(toks[i - 1][2])
            continue
        if tok in PART_KIND_WORDS:
            kind = PART_KIND_WORDS[tok]
            span.append(s)
        elif kind is not None and _is_id(tok, kind):
            if (kind == "mau" and i + 2 < len(toks) and toks[i + 1][0] in (".", "-") and toks[i + 1][1] == e
                    and toks[i + 2][1] == toks[i + 1][2] and len(toks[i + 2][0]) <= 3 and toks[i + 2][0][:1].isalnum()):
                # a form numbered with a dot or a dash ('Mẫu số 07.DT'), as `graph.structure` numbers it ('mau_07.dt')
                tok, e, i = f"{tok}.{toks[i + 2][0]}", toks[i + 2][2], i + 2
            number = "dd" if tok == "dd" else (normalise_number(kind, tok) if kind not in ("diem", "mau") else tok)
            if number:
                cur = _add_level(chains, cur, kind, number, anchor, ranging, joined)
                anchor, ranging, joined, last_kind, kind = False, False, False, kind, None
                span.append(e)
        elif kind is None and last_kind is not None and cur is not None and _is_id(tok, last_kind) and _joined(toks, i):
            number = "dd" if tok == "dd" else (normalise_number(last_kind, tok) if last_kind not in ("diem", "mau") else tok)
            if number and cur.levels[-1].kind == last_kind:
                _extend(cur.levels[-1], number, ranging)
                ranging = joined = False
                span.append(e)
        elif tok == "bang" and i + 1 < len(toks) and toks[i + 1][0] in ("so", *"0123456789"):
            cur = None  # 'khoản 2.c Bảng số 01 Chương II Phụ lục 4': a table's rows are no part; its holders are
            kind, last_kind, joined = None, None, True
        elif tok in PART_ANCHORS:
            anchor = i + 1 < len(toks) and (toks[i + 1][0] in PART_KIND_WORDS or toks[i + 1][0] in PART_ANCHORS)
            kind = None
        elif tok == "den":
            ranging, kind = True, None
        elif tok in (",", "va", "hoac", "-"):
            joined = True
        elif tok not in PART_JOINERS:
            kind, last_kind = None, None
        i += 1
    if cur is not None:
        chains.append(cur)
    return chains, ((min(span), max(span)) if span else None)


def _joined(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the bare number at i is joined to the one before ('các điều 104, 105 và 106')."""
    return i > 0 and toks[i - 1][0] in (",", "va", "-", "den", "…", "...")


def _extend(level: _Level, number: str, ranging: bool) -> None:
    """One more number in a level; after 'đến', the numbers between ('từ Điều 5 đến Điều 10', at most 60)."""
    last = level.ids[-1] if level.ids else ""
    if ranging and last.isdigit() and number.isdigit() and 0 < int(number) - int(last) <= 60:
        level.ids.extend(str(n) for n in range(int(last) + 1, int(number) + 1))
    elif number not in level.ids:
        level.ids.append(number)


def _add_level(chains: list[_Chain], cur: _Chain | None, kind: str, number: str, anchor: bool,
               ranging: bool = False, joined: bool = False) -> _Chain:
    """A number of a kind: one more of the same level ('điểm b, điểm c', 'khoản 2 và khoản 3'), the part that holds
    the level before, written right after it ('khoản 2' after 'điểm b'), or a new reference ('khoản 3' after 'Điều
    10'; 'khoản 3' after 'điểm a khoản 1,' and 'Phụ lục V' after 'Điều 7 và tại' name other parts)."""
    if cur is not None and cur.levels[-1].kind == kind and len(cur.levels) == 1 and not anchor:
        _extend(cur.levels[-1], number, ranging)
        return cur
    if cur is not None and not joined and not anchor and RANK[kind] < RANK[cur.top] and not (kind == "chuong" and cur.top == "dieu"):
        cur.levels.append(_Level(kind, [number]))
        return cur
    if cur is not None:
        chains.append(cur)
    return _Chain([_Level(kind, [number])], anchor)


def _part_ids(chains: list[_Chain], context: list[_Level] | None = None) -> list[str]:
    """The ids the references name: a reference without its article ('khoản 3a' in 'Bổ sung khoản 3a vào sau khoản 3
    Điều 5', 'điểm a khoản 1' in 'điểm a khoản 1 và điểm b khoản 2 Điều 5') takes the holding parts of the next
    reference that names them, else of the one right before ('khoản 2 Điều 7 và khoản 3'), else of the context (the parts the item's lead names); a reference that names where
    a new part goes is not itself changed."""
    out: list[str] = []
    for i, c in enumerate(chains):
        if c.anchor:
            continue
        if not c.complete():
            # the next references, then the one right before ('điểm a, điểm c khoản 2 Điều 7 và khoản 3': khoản 3
            # of Điều 7), then the context
            donors = ([d.levels for d in chains[i + 1 :]] + [d.levels for d in chains[i - 1 : i]
                      if i and not d.anchor and d.complete()] + ([context] if context else []))
            for levels in donors:
                above = [lv for lv in levels if RANK[lv.kind] < RANK[c.top]]
                if above and all(len(lv.ids) == 1 for lv in above):
                    c = _Chain(c.levels + [_Level(lv.kind, list(lv.ids)) for lv in above])
                    break
            if not c.complete():
                continue
        out.extend(p for p in c.ids() if p not in out)
    return out


def read_parts(low: str, text: str, a: int, b: int, tail: bool = False,
               context: list[_Level] | None = None) -> tuple[list[str], str | None]:
    """The parts low[a:b] names (ids) and how they are written; with `tail`, only the list that ends the span (the
    parts written right before a document: '… tại khoản 2 Điều 8 của ')."""
    toks = _tokens(low, text, a, b)
    if tail:
        k = len(toks)
        while k > 0 and (_part_token(toks[k - 1][0]) or _form_suffix(toks, k - 1)):
            k -= 1
        if any(x[0] == "mot" for x in toks[max(0, k - 4) : k]):
            return [], None  # 'một số điểm, khoản của Điều 9': some parts of it, which the items list
        toks = toks[k:]
    elif any(x[0] == "mot" and y[0] == "so" for x, y in zip(toks, toks[1:], strict=False)):
        return [], None
    chains, span = _chains(toks)
    ids = _part_ids(chains, context)
    if ids and span and (head := _heading(toks, span[0])) is not None:
        # 'tên Điều và khoản 7 Điều 39', 'tên điều, khoản 1' (under Điều 39): the heading of the one article named
        arts = {p.split("/")[0] for p in ids} | {lv.kind + "_" + lv.ids[0] for lv in context or [] if lv.kind == "dieu"}
        if head[1] and len(arts) == 1 and (art := arts.pop()).startswith("dieu_") and art not in ids:
            ids.insert(0, art)
        span = (head[0], span[1])
    written = " ".join(text[span[0] : span[1]].split()) if ids and span else None
    return ids, written


def _heading(toks: list[tuple[str, int, int]], start: int) -> tuple[int, bool] | None:
    """Whether the list of parts that starts at `start` names their headings ('tên Mục 1, Mục 2', 'tên của Mục 3',
    'tên Điều 9'): where 'tên' stands, and whether its article has no number ('tên Điều và khoản 7 Điều 39')."""
    k = next((i for i, t in enumerate(toks) if t[1] == start), None)
    if k is None or k == 0:
        return None
    j = k - 1 - (toks[k - 1][0] == "cua")
    if j < 0 or toks[j][0] != "ten":
        return None
    bare = toks[k][0] == "dieu" and (k + 1 >= len(toks) or not toks[k + 1][0][:1].isdigit())
    return toks[j][1], bare


def heading_only(written: str | None) -> bool:
    """Whether the parts as written are headings ('tên Mục 1, Mục 2, Mục 3 trong Chương III'): a change to a heading
    is an amendment of the part, not a repeal or replacement of what it holds."""
    return written is not None and written.split(" ", 1)[0].lower() == "tên"


def _form_suffix(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the token at i ends a form's number written with a dot or a dash ('DT' in 'Mẫu số 07.DT')."""
    return (i >= 2 and len(toks[i][0]) <= 3 and toks[i - 1][0] in (".", "-") and toks[i - 1][2] == toks[i][1]
            and toks[i - 2][2] == toks[i - 1][1] and toks[i - 2][0][:1].isdigit())


def _part_token(tok: str) -> bool:
    """A token a list of parts is made of."""
    return (tok in PART_JOINERS or tok in PART_ANCHORS or tok in ("dieu", "khoan", "diem", "muc", "chuong", "phan",
            "phu", "luc", "mau", "dd", "bang") or tok[:1].isdigit() or len(tok) == 1 or bool(_ROMAN_ID.fullmatch(tok)))


def _top_levels(low: str, text: str, a: int, b: int, context: list[_Level] | None) -> list[_Level] | None:
    """The one part a lead names, as levels ('Sửa đổi, bổ sung Điều 9 như sau:' -> Điều 9; '2. Sửa đổi, bổ sung khoản
    2 như sau:' under it -> khoản 2 Điều 9), for the items under it that name a part of it only ('a) Sửa đổi điểm b');
    None unless it names exactly one."""
    chains, _ = _chains(_tokens(low, text, a, b))
    if len(chains) != 1 or not all(len(lv.ids) == 1 for lv in chains[0].levels):
        return None
    levels = chains[0].levels
    if not chains[0].complete() and context:
        levels = levels + [lv for lv in context if RANK[lv.kind] < RANK[levels[-1].kind]]
    return levels if _Chain(levels).complete() else None


# ---------------------------------------------------------------------------------------------------------------
# the kind of effect and its date

_FROM_DAY = re.compile(r"(?<![a-z])tu\s{1,4}ngay\s{1,4}" + DATE_RE.pattern)


def effect_kind(low: str, pos: int) -> str | None:
    """The kind of effect the formula at pos states (`EFFECT_FORMULAS`), or None."""
    m = _EFFECT_FORMULA.match(low, pos)
    return EFFECT_FORMULAS[int(m.lastgroup[1:])].kind if m is not None and m.lastgroup else None


def _effect_date(low: str, sent: tuple[int, int], formula: int) -> dt.date | None:
    """The date the sentence says the effect takes hold from: opening it ('Kể từ ngày 01 tháng 7 năm 2026, bãi bỏ …')
    or after the formula ('Bãi bỏ các điều, khoản … sau đây từ ngày 01 tháng 7 năm 2025:'); a date before the formula is
    another's ('Phụ lục I …, có hiệu lực từ ngày 14/10/2016 được sửa đổi …': when the annex took effect)."""
    m = _FROM_DATE_OPENS.match(low, sent[0], sent[1]) or _FROM_DAY.search(low, max(formula, sent[0]), sent[1])
    return _date(m) if m is not None else None


# ---------------------------------------------------------------------------------------------------------------
# the effect each relation's sentence states


def relation_effects(rel: _Relator) -> None:
    """Each acting relation's effect, from the sentence that states it: the kind its formula names and the parts of
    the target written right before the target ('Bãi bỏ khoản 2 Điều 8 Nghị định số …', 'Khoản 2 Điều 8 Nghị định số
    … được bãi bỏ bởi …', a list item 'b) Điều 3 Nghị định số …' after 'Bãi bỏ quy định tại:'). A sentence that names
    no part gives an effect on the whole text when its kind acts on a whole text (`WHOLE_TEXT_KINDS`); one that names
    parts it does not list ('một số điều của', 'nội dung … tại') gives none."""
    for rr in rel.ex.relations:
        if rr.type in ACTING and not rr.effects:
            eff = _relation_effect(rel, rr)
            if eff is not None:
                rr.effects.append(eff)


# the formulas that state each type of relation: a repeal or replacement of parts is an AMENDS
_STATED_BY = {"REPLACES": ("REPLACES",), "REPEALS": ("REPEALS",), "AMENDS": ("AMENDS", "REPLACES", "REPEALS"),
              "GUIDES": ("GUIDES",)}


def _relation_effect(rel: _Relator, rr: RawRelation) -> RawEffect | None:
    low = rel.ctx.low
    s0, s1 = rr.sentence
    t = rr.target
    trigs = [tr for tr in find_triggers(low, max(0, s0 - 80), s1) if tr.start >= s0 and tr.type in _STATED_BY[rr.type]]
    if s0 <= t.start < s1:
        passive = next((tr for tr in trigs if tr.passive and tr.start >= t.end), None)
        if passive is not None and rr.source.start >= passive.start:
            return _passive_effect(rel, rr, passive.start)
        active = [tr for tr in trigs if not tr.passive and tr.start < t.start]
        if active:
            tr = active[-1]
            between = [m for m in rel.mentions_in(tr.end, t.start) if m.end <= t.start and not m.nested]
            start = max([tr.end, *(max(m.end, m.ext_end, m.title_end) for m in between)])
            return _effect(rel, rr, tr.start, (min(start, t.start), t.start))
        expiry = _EXPIRES.search(low, t.end, s1)
        if expiry is not None:
            return _passive_effect(rel, rr, expiry.start())
        return None
    item = rel.item_start.get(id(t))
    active = [tr for tr in trigs if not tr.passive]
    if item is None or t.start < s1:
        return None  # named outside the sentence, not as an item of its list ('Khoản này được bổ sung theo …')
    if not active:
        # a lead that says the items expire ('Các quy định sau đây hết hiệu lực từ ngày Thông tư này có hiệu lực thi
        # hành:' / 'b) Điều 2 Thông tư số 35/2020/TT-BGTVT …'): the item's parts, or the whole text, end
        expiry = _EXPIRES.search(low, s0, s1) if rr.type in ("REPLACES", "AMENDS") else None
        if expiry is None or rel.quote_at(expiry.start()) is not None:
            return None
        return _effect(rel, rr, expiry.start(), (item, t.start), tail=False)
    # the item's own formula, else the lead's ('Sửa đổi, bãi bỏ các quy định sau đây:' / 'b) Bãi bỏ Điều 101 …')
    own = [tr for tr in find_triggers(low, item, t.start) if not tr.passive and tr.type in _STATED_BY[rr.type]]
    return _effect(rel, rr, (own or active)[-1].start, (item, t.start), tail=False)


# what places a rule in parts, before them: the parts are where it stands, not what the passive formula changed
_PLACED = re.compile(r"(?<![a-z])(?:tai|theo|thuoc|trong|cua)(?![a-z])")


def _passive_effect(rel: _Relator, rr: RawRelation, formula: int) -> RawEffect | None:
    """'Khoản 2 Điều 8 Nghị định số … được bãi bỏ bởi …': the parts open the clause; written after 'tại', 'theo'
    ('… quy định tại khoản 3 Điều 5 Nghị định số X (được sửa đổi, bổ sung bởi Nghị định số Y)') they are where a
    rule stands, not what Y changed."""
    low = rel.ctx.low
    t = rr.target
    before = [m for m in rel.mentions_in(rr.sentence[0], t.start) if m.end <= t.start and not m.nested]
    start = max([rr.sentence[0], *(max(m.end, m.ext_end) for m in before)])
    eff = _effect(rel, rr, formula, (min(start, t.start), t.start))
    if eff is not None and eff.parts:
        first = _tail_start(low, start, t.start)
        # the active formula may stand before a ';' that the list of its objects goes on after ('Bãi bỏ Điều 8 Nghị
        # định số A; khoản 4 Điều 9, Điều 38 của Nghị định số X … được sửa đổi, bổ sung tại Nghị định số Y'): from
        # the first sentence that states an act on this very mention
        opened = min([rr.sentence[0]] + [r.sentence[0] for r in rel.ex.relations
                                         if r.target is t and r.type in ACTING and r.sentence[0] <= t.start])
        if _PLACED.search(low, max(start, first - 24), first) or any(
                not tr.passive for tr in find_triggers(low, opened, first)):
            return None  # where a rule stands ('… quy định tại khoản 3 Điều 5 Nghị định số X (được sửa đổi bởi Y)'),
            # or what an active formula before acts on ('Sửa đổi khoản 3 Điều 4 Thông tư X đã được sửa đổi tại Y';
            # the history of the parts a text repeals: '… Điều 38 của Nghị định số X được sửa đổi, bổ sung tại Y')
    return eff


def _tail_start(low: str, a: int, b: int) -> int:
    """Where the list of parts that ends low[a:b] begins."""
    toks = _tokens(low, low, a, b)
    k = len(toks)
    while k > 0 and _part_token(toks[k - 1][0]):
        k -= 1
    run = toks[k:]
    first = next((t for i, t in enumerate(run) if t[0] in _KIND_STARTS and i + 1 < len(run)
                  and (run[i + 1][0][:1].isdigit() or run[i + 1][0] in ("luc", "so")
                       or (t[0] == "diem" and _is_id(run[i + 1][0], "diem")))), None)
    return first[1] if first is not None else b


_KIND_STARTS = frozenset(("dieu", "khoan", "diem", "muc", "chuong", "phan", "phu", "mau"))


def _effect(rel: _Relator, rr: RawRelation, formula: int, span: tuple[int, int], tail: bool = True) -> RawEffect | None:
    """The effect stated by the formula at `formula` on the parts listed at the end of `span` (with `tail`; else on
    all those the span names: a list item's head, 'a) Các điều từ Điều 1 đến Điều 12, … của')."""
    low, text = rel.ctx.low, rel.ctx.text
    kind = effect_kind(low, formula)
    parts, written = read_parts(low, text, span[0], span[1], tail=tail)
    if kind is None or (kind == "repealed" and rr.type == "REPLACES" and not parts and _EXPIRES.match(low, formula)):
        kind = EFFECT_OF_TYPE[rr.type]  # 'A hết hiệu lực kể từ ngày B có hiệu lực': B replaces A
    if kind in ("amended", "inserted", "replaced", "repealed") and rr.type == "GUIDES":
        kind = EFFECT_OF_TYPE["GUIDES"]  # 'hướng dẫn … sửa đổi …': another formula inside the subject
    if not parts:  # an AMENDS is of parts, whatever the formula: one that names none has no effect of its own
        # what stands between the formula and the target: for a list item under its lead's formula, the lead's rest
        # and the item's head, not the items before it ('Các Nghị định sau hết hiệu lực …:' / 'a) … quy định chi tiết
        # …;' / 'b) Nghị định số …': b) is named whole)
        gap = low[formula : span[1]] if tail or formula >= span[0] else \
            low[formula : rr.sentence[1]] + " " + low[span[0] : span[1]]
        if kind not in WHOLE_TEXT_KINDS or rr.type == "AMENDS" or _PARTIAL.search(gap):
            return None
    if kind in ("repealed", "replaced") and heading_only(written):
        kind = "amended"  # 'Bãi bỏ tên Mục 1 …': the heading goes, the section's articles stay
    if kind == "amended" and parts and (then := _then_words(low, rr.target.end, rr.sentence[1] + 1)) is not None:
        kind = then
    return RawEffect(kind, parts, written, rr.sentence, _effect_date(low, rr.sentence, formula))


# 'như sau: Thay thế cụm từ …', 'như sau: Bỏ cụm từ …': what the amendment is, after its clause
_THEN = re.compile(r"(?<![a-z])nhu[ \t\n]{1,4}sau[ \t]{0,4}:[ \t\n]{0,12}")


def _then_words(low: str, a: int, b: int) -> str | None:
    """The kind of a change of words that the clause after 'như sau:' in low[a:b] states ('Sửa đổi khoản 3 Điều 31 …
    như sau: Thay thế cụm từ “nhà đầu tư” bằng cụm từ “đối tác”'), else None."""
    m = _THEN.search(low, a, min(b + 200, len(low)))
    if m is None or m.start() >= b:
        return None
    kind = effect_kind(low, m.end())
    return kind if kind in ("words_substituted", "words_removed") else None


# ---------------------------------------------------------------------------------------------------------------
# a suspension: no relation type of its own (the text cites what it suspends), an effect on it

# 'Tạm ngưng hiệu lực', 'Đình chỉ thi hành', opening the title or a sentence of the text's own
_SUSPENDS = re.compile(r"[ \t\n]{0,12}(?:dieu[ \t]{1,4}\d{1,3}[a-z]?[ \t]{0,4}[.:][ \t]{0,12})?(?:(?:\d{1,3}\.|[a-z]\))[ \t]{0,12})?"
                       r"(?:tam\s{1,4}ngung|tam\s{1,4}dinh\s{1,4}chi|dinh\s{1,4}chi|ngung)\s{1,4}(?:viec\s{1,4})?"
                       r"(?:hieu\s{1,4}luc(?:\s{1,4}thi\s{1,4}hanh)?|thi\s{1,4}hanh)\s{1,4}")

# the words every match of _SUSPENDS ends with: texts without them are not read sentence by sentence
_SUSPENDS_ANY = re.compile(r"(?:ngung|dinh\s{1,4}chi)\s{1,4}(?:viec\s{1,4})?(?:hieu\s{1,4}luc|thi\s{1,4}hanh)")
_DINH_CHI = re.compile(r"dinh\s{1,4}chi")


def _suspension_starts(low: str) -> list[int]:
    """Where a match of _SUSPENDS_ANY or _SUSPENDS_IN may start, in order: at each 'ngung' and each 'dinh chi' (every
    match of either opens with one, or with 'tam' before a 'ngung' that opens a match too). Found by str.find and a
    pattern that opens with a literal; the engine's own scan for either pattern tries every 'n', 'd' (and 't')."""
    out = [m.start() for m in _DINH_CHI.finditer(low)]  # (two never overlap, nor one a 'ngung')
    out.extend(occurrences(low, "ngung"))
    return sorted(out)


def _suspension_words(low: str, starts: list[int]) -> list[re.Match[str]]:
    """`list(_SUSPENDS_ANY.finditer(low))`, tried only at `starts` (`_suspension_starts`)."""
    return list(matches_at(_SUSPENDS_ANY, low, starts))


def suspensions(rel: _Relator, title: tuple[int, int] | None) -> None:
    """'Tạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP … và Nghị quyết số 66.13/2026/NQ-CP …' opening the text's title
    or one of its own sentences: the documents named right after it are suspended by the text. The relation stays a
    citation (the graph has no type for a suspension); it carries the effect."""
    ex = rel.ex
    if ex.self_doc is None or ex.base_doc is not None:
        return
    low = rel.ctx.low
    # each match of _SUSPENDS holds one of _SUSPENDS_ANY, which overlap no other: only the sentences where one
    # starts are read (and the title)
    where = _suspension_starts(low)
    starts = [a for a, _ in ex.sentences]
    held = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in _suspension_words(low, where)} - {-1})
    if not held:
        return
    for a, b in ([title] if title else []) + [ex.sentences[k] for k in held]:
        m = _SUSPENDS.match(low, a, b)
        if m is None or rel.quote_at(m.end()) is not None:
            continue
        ms = rel.mentions_in(a, b)
        for o in rel.after(ms, m.end(), 12):
            rel.add("CITES", ex.self_doc, o, (a, b))
            last = ex.relations[-1]
            if last.target is o and not last.effects:
                last.effects.append(RawEffect("suspended", [], None, (a, b), _effect_date(low, (a, b), m.start())))
    for o, sent, start, until in _periods(rel, where):
        rel.add("CITES", ex.self_doc, o, sent)
        last = ex.relations[-1]
        if last.target is o and not any(e.sentence == sent for e in last.effects):
            last.effects.append(RawEffect("suspended", [], None, sent, start, until))


# the period of a suspension in a sentence of the text's own: '2. Đối với Thông tư số 10/2022/TT-BKHĐT …, ngưng hiệu
# lực thi hành từ ngày 01 tháng 8 năm 2022 đến ngày 15 tháng 9 năm 2022.' (its start right after the formula)
_SUSPENDS_IN = re.compile(r"(?<![a-z])(?:tam\s{1,4}ngung|dinh\s{1,4}chi|ngung)\s{1,4}(?:hieu\s{1,4}luc|thi\s{1,4}hanh)")
_UNTIL_DAY = re.compile(r"[ \t\n,]{0,6}den\s{1,4}(?:het\s{1,4})?ngay\s{1,4}" + DATE_RE.pattern)


def _periods(rel: _Relator, where: list[int]) -> list[tuple[Mention, tuple[int, int], dt.date, dt.date | None]]:
    """Each document a sentence of the text's own suspends for a period: the one named before the formula in that
    sentence, else those of the lead it follows ('1. Đối với Thông tư số 08/2022/TT-BKHĐT …:' then 'a) Ngưng hiệu lực
    thi hành từ ngày 01 tháng 8 năm 2022 đến ngày 15 tháng 9 năm 2022, trừ …'); with its first and last day.
    `where`: where a match of _SUSPENDS_IN may start (`_suspension_starts`)."""
    ex, low = rel.ex, rel.ctx.low
    out: list[tuple[Mention, tuple[int, int], dt.date, dt.date | None]] = []
    if not any(_SUSPENDS_IN.match(low, p) for p in where):  # a match within a sentence is one in the whole text
        return out
    lead: list[Mention] = []
    for a, b in ex.sentences:
        ms = [x for x in rel.mentions_in(a, b) if x is not ex.self_doc]
        m = _SUSPENDS_IN.search(low, a, b)
        f = _FROM_DAY.search(low, m.end(), b) if m and rel.quote_at(m.start()) is None else None
        start = _date(f) if f is not None and m is not None and f.start() - m.end() <= 40 else None
        if m is not None and f is not None and start is not None:
            u = _UNTIL_DAY.match(low, f.end(), b)
            for o in [x for x in ms if x.start < m.start()] or lead:
                out.append((o, (a, b), start, _date(u) if u is not None else None))
        if ms:
            lead = ms if low[a:b].rstrip().endswith(":") else []
    return out


# ---------------------------------------------------------------------------------------------------------------
# a text's own list of the parts it changes, item by item

# an item that changes parts, opening a line: 'Điều 2. Bổ sung Điều 8a …', '1. Sửa đổi khoản 2 Điều 8 như sau:',
# 'a) Bãi bỏ khoản 3 Điều 22.', 'Bỏ cụm từ “…” tại …'
_ITEM = re.compile(
    r"\n[ \t]{0,12}(?P<art>dieu[ \t]{1,4}\d{1,3}[a-z]?[ \t]{0,4}[.:][ \t]{0,12})?"
    r"(?P<mark>(?:\d{1,3}[a-z]?\.|[a-z]\))[ \t]{0,12})?"
    r"(?P<f>sua\s{1,4}doi|bo\s{1,4}sung|bai\s{1,4}bo|thay\s{1,4}the|bo(?=\s{1,4}(?:cum|tu|mot|cac)\b)|loai\s{1,4}bo"
    r"|tam\s{1,4}ngung|dinh\s{1,4}chi)(?![a-z])")

# where an item's clause ends: 'như sau', ':', and for a part replaced, 'bằng' (what replaces it is the text's own:
# 'Thay thế Mẫu số 02 Phụ lục I bằng Phụ lục I ban hành kèm theo Nghị định này')
_ITEM_END = re.compile(r"(?<![a-z])nhu\s{1,4}sau|:")
_BY_WHAT = re.compile(r"(?<![a-z])bang(?![a-z])")
_OPENS_QUOTE = re.compile(r"[“\"]")  # the quoted new wording after the item's clause: “Điều 41a. …


def item_effects(rel: _Relator) -> None:
    """The parts a text changes, item by item, each an effect on the document its lead names (the article's or the
    list's lead: 'Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số …:'), else on the one document its title
    amends. Items that name their own document are read by `relation_effects`; quoted items are the new wording."""
    ex = rel.ex
    if ex.self_doc is None or ex.base_doc is not None:
        return
    low, text = rel.ctx.low, rel.ctx.text
    own = [r for r in ex.relations if r.source is ex.self_doc and r.type in ("AMENDS", "REPLACES", "REPEALS")]
    if not own:
        return
    starts = [a for a, _ in ex.sentences]
    articles = [a for a, _ in rel.articles if rel.quote_at(a + 1) is None]
    first = articles[0] if articles else len(low)
    title = {r.target.base: r for r in own if r.type == "AMENDS" and r.sentence[0] < first}
    named = sorted(m.start for m in rel.all_mentions if not m.nested and not m.self_ref)
    inner = [m for m in rel.all_mentions if m.nested and not m.self_ref]  # in another's subject phrase
    inner_at = [m.start for m in inner]
    context: dict[int, list[_Level] | None] = {}  # the part each level's last item names (0: article, 1: 1., 2: a))
    for m in _ITEM.finditer(low):
        pos = m.start("f")
        if rel.quote_at(pos) is not None:
            continue
        level = 0 if m.group("art") and not m.group("mark") else (2 if m.group("mark") and m.group("mark")[0].isalpha() else 1)
        for k in [k for k in context if k >= level]:
            del context[k]
        i = bisect.bisect_right(starts, pos) - 1
        sent = ex.sentences[i] if i >= 0 else (pos, len(low))
        end_m = _ITEM_END.search(low, pos, sent[1])
        one = sent[1]  # the item's first sentence: a document named after it, after a ';', is its list's end
        if end_m is None:
            sent = _goes_on(low, ex.sentences, i, sent)
            end_m = _ITEM_END.search(low, pos, sent[1])
        end = end_m.start() if end_m else sent[1]
        j = bisect.bisect_left(named, pos)
        doer: RawRelation | None = None
        if j < len(named) and named[j] < end:
            if named[j] < one:
                continue  # names its document: read with the relation
            # '2. Bãi bỏ khoản 1 Điều 15; các khoản 1, 2 Điều 18 của Thông tư số …': the relation its last sentence
            # states, which has no formula of its own
            doer = next((r for r in own if r.target.start == named[j] and not r.effects), None)
            if doer is None:  # else the first sentence's list alone
                sent = (sent[0], one)
            end = named[j] if doer is not None else one
        if doer is None and (whose := _whose(rel, inner, inner_at, m.end("f"), min(end, one))) is not None:
            # 'Bãi bỏ khoản 2 Điều 32 của Luật … số 30/2023/QH15.' under a heading that names the law with no stop
            # (its subject phrase then holds the item): the parts are that document's, not the lead's
            doer = next((r for r in reversed(own) if r.target.base == whose.base), None)
            if doer is None:
                continue
            end = whose.start
        kind = effect_kind(low, pos)
        if kind is None:
            continue
        if kind not in ("words_substituted", "words_removed"):  # the new wording and what replaces the part: not read
            if (q := _OPENS_QUOTE.search(low, pos, end)) is not None:
                end = q.start()
            if (b := _BY_WHAT.search(low, pos, end)) is not None:
                end = b.start()
        ctx_levels = next((context[k] for k in sorted(context, reverse=True) if context[k]), None)
        parts, written = read_parts(low, text, m.end("f"), end, context=ctx_levels)
        context[level] = _top_levels(low, text, m.end("f"), end, ctx_levels)
        lead = doer or _lead(low, own, articles, sent[0], title)
        if not parts or lead is None:
            continue
        if kind in ("repealed", "replaced") and heading_only(written):
            kind = "amended"  # 'a) Bãi bỏ tên Mục 1, Mục 2, Mục 3 trong Chương III.': the headings, not the sections
        a = m.start("mark") if m.group("mark") else (m.start("art") if m.group("art") else pos)
        lead.effects.append(RawEffect(kind, parts, written, (a, sent[1]), _effect_date(low, sent, pos)))


def _whose(rel: _Relator, inner: list[Mention], inner_at: list[int], a: int, b: int) -> Mention | None:
    """The document a list of parts in low[a:b] is tied to by 'của' ('khoản 2 Điều 32 của Luật … số 30/2023/QH15'),
    when its mention is nested in another's subject phrase (so the item seems to name no document): the first such
    mention in the span, right after 'của' and the parts; else None."""
    k = bisect.bisect_left(inner_at, a)
    if k >= len(inner) or inner[k].start >= b:
        return None
    x = inner[k]
    low = rel.ctx.low
    head = low[a : x.start].rstrip()
    if not head.endswith(" cua") or rel.quote_at(x.start) is not None:
        return None
    parts, _ = read_parts(low, rel.ctx.text, a, a + len(head) - 4, tail=True)  # the parts, right before 'của'
    return x if parts else None


# what a sentence after a ';' opens with when it goes on with the item's list: a part, or more quoted words
_GOES_ON = re.compile(r"[ \t\n]{0,12}(?:[“\"]|(?:(?:cac|tu)[ \t\n]{1,4}){0,2}(?:khoan|diem|dieu|muc|chuong|phan|phu[ \t]{1,4}luc|mau)"
                      r"[ \t\n]{1,4}(?:so[ \t]{1,4})?[0-9a-z])")


def _goes_on(low: str, sentences: list[tuple[int, int]], i: int, sent: tuple[int, int]) -> tuple[int, int]:
    """An item's sentence with those after it that go on with its list after a ';' ('5. Bãi bỏ khoản 3 Điều 9; điểm c
    khoản 1, điểm c khoản 2 và điểm c khoản 3 Điều 10; điểm b khoản 1 Điều 20.', 'Bãi bỏ cụm từ “…”; “…” tại Điều 20,
    Điều 27.'), or that a ';' inside quoted words cut ('Bãi bỏ cụm từ “Điều 5; Điều 6; …” tại khoản 3 Điều 34'): they
    open with a part or quoted words, not with a mark or a formula of their own (at most 24)."""
    end = sent[1]
    k = i
    while (k + 1 < len(sentences) and k - i < 24 and low[end - 1 : end] == ";" and sentences[k + 1][0] - end <= 12
           and (_GOES_ON.match(low, end, sentences[k + 1][1]) or _open_quote(low, sent[0], end))):
        k += 1
        end = sentences[k][1]
    return (sent[0], end)


def _open_quote(low: str, a: int, b: int) -> bool:
    """Whether quoted words opened in low[a:b] are not closed there."""
    return low.count("“", a, b) > low.count("”", a, b)


def _lead(low: str, own: list[RawRelation], articles: list[int], pos: int,
          title: dict[str, RawRelation]) -> RawRelation | None:
    """The relation whose target an item at pos changes: the last of the text's own acting relations stated in the
    item's article, before it, by a lead (a sentence ending in ':' or opening the article), else the title's when the
    title amends one document."""
    k = bisect.bisect_right(articles, pos) - 1
    art = articles[k] if k >= 0 else 0
    leads = [r for r in own if art <= r.sentence[0] < pos
             and (r.sentence[0] - art < 40 or low[r.sentence[1] - 1 : r.sentence[1]] == ":")]
    if leads:
        targets = {r.target.base for r in leads if r.sentence[0] == leads[-1].sentence[0]}
        return leads[-1] if len(targets) == 1 else None
    return next(iter(title.values())) if len(title) == 1 else None



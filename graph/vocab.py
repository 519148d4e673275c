"""The graph's vocabulary, read from the data files in `ontology/`.

Document types, issuing bodies and relation types are data, not code: a new agency is a line in
`ontology/agencies.tsv`. This module turns those lines into the lookup tables the extractor uses.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

# --- folding ---------------------------------------------------------------------------------------------


def _build_fold_tables() -> tuple[dict[int, str], dict[int, str]]:
    """Per-character tables that strip Vietnamese diacritics (and lower-case) without changing length.

    Every Vietnamese letter in NFC is one code point whose NFD base is one ASCII letter, so folding a
    text char by char keeps every offset: a match in the folded text is a match in the original.
    """
    keep: dict[int, str] = {}
    low: dict[int, str] = {}
    ranges = list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))
    for cp in ranges:
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isascii() and base.isalpha():
            keep[cp] = base
            low[cp] = base.lower()
    for ch, base in (("Đ", "D"), ("đ", "d"), ("Ð", "D")):
        keep[ord(ch)] = base
        low[ord(ch)] = base.lower()
    for cp in range(ord("A"), ord("Z") + 1):
        low[cp] = chr(cp).lower()
    # dashes and non-breaking spaces, kept one-for-one
    for ch in "‐‑‒–—−":
        keep[ord(ch)] = "-"
        low[ord(ch)] = "-"
    for ch in "\u00a0\u2007\u202f":
        keep[ord(ch)] = " "
        low[ord(ch)] = " "
    return keep, low


def _string_table(table: dict[int, str]) -> str:
    """A table as a string indexed by code point over the Basic Multilingual Plane: str.translate looks each
    character up by indexing, twice as fast as in a dict; a character past it (an emoji) is left as it is."""
    chars = [chr(cp) for cp in range(0x10000)]
    for cp, ch in table.items():
        assert len(ch) == 1, "folding keeps every offset"
        chars[cp] = ch
    return "".join(chars)


FOLD_KEEP_CASE, FOLD_LOWER = (_string_table(t) for t in _build_fold_tables())


# --- the fold of a long text, in two passes of C code ----------------------------------------------------------------
# str.translate looks each character past ASCII up one at a time (about 65 ns each; a fifth of a Vietnamese text's
# characters). A long text is folded instead by (1) encoding it with a charmap that gives each ASCII character its own
# byte and each of 128 frequent characters past ASCII a byte of its own (128-255), any other character '?'; (2)
# decoding those bytes with a table of what each folds to ('ệ' -> 'e', '…' stays). The places holding '?' where the
# text does not are then filled in from the string table. The same string as str.translate, five to six times faster
# on the Gazette corpus (tests/test_scans.py compares them on any string).
_TONES = ("", "\u0301", "\u0300", "\u0323", "\u0309", "\u0303")  # none, sắc, huyền, nặng, hỏi, ngã: the last the rarest
_VN_LOWER = [c for t in _TONES for v in "aăâeêioôơuưy" if not (c := unicodedata.normalize("NFC", v + t)).isascii()] + ["đ"]
# the Vietnamese small letters (67), the marks of Vietnamese typing, then the capitals, tone by tone, as many as fit
_CHARMAP_CHARS = (_VN_LOWER + list("…“”‘’–—\u00a0") + ["Đ"] + [c.upper() for c in _VN_LOWER[:-1]])[:128]
_CHARMAP_TABLE = "".join(map(chr, range(128))) + "".join(_CHARMAP_CHARS)  # byte -> character; NUL at 0 (C code's map)
_CHARMAP = codecs.charmap_build(_CHARMAP_TABLE)
_LONG = 200  # shorter strings: str.translate (the two passes and their calls cost more than they save)
_DECODE_KEEP_CASE, _DECODE_LOWER = ("".join(t[ord(c)] for c in _CHARMAP_TABLE) for t in (FOLD_KEEP_CASE, FOLD_LOWER))


def _fold_long(text: str, table: str, decode: str) -> str:
    b = codecs.charmap_encode(text, "replace", _CHARMAP)[0]
    s = codecs.charmap_decode(b, "strict", decode)[0]
    others = b.count(63) - text.count("?")  # characters the charmap lacks
    if not others:
        return s
    if others > len(text) // 8:
        return text.translate(table)  # a text mostly in another script: filled in one by one, slower than the table
    parts: list[str] = []
    done = 0
    i = b.find(63)
    while i >= 0:
        if text[i] != "?":
            parts.append(s[done:i])
            parts.append(text[i].translate(table))
            done = i + 1
        i = b.find(63, i + 1)
    parts.append(s[done:])
    return "".join(parts)


def fold(text: str) -> str:
    """ASCII-fold Vietnamese text, keeping case and length: 'Nghị định NĐ-CP' -> 'Nghi dinh ND-CP'."""
    if len(text) < _LONG:
        return text.translate(FOLD_KEEP_CASE)
    return _fold_long(text, FOLD_KEEP_CASE, _DECODE_KEEP_CASE)


def fold_lower(text: str) -> str:
    """ASCII-fold and lower-case, keeping length: 'Bộ TT&TT' -> 'bo tt&tt'."""
    if len(text) < _LONG:
        return text.translate(FOLD_LOWER)
    return _fold_long(text, FOLD_LOWER, _DECODE_LOWER)


def occurrences(text: str, sub: str) -> Iterator[int]:
    """Where `sub` stands in `text`, each start in order (by str.find, which skips to it much faster than the regex
    engine tests a class or a look-behind at every character)."""
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + 1)


def matches_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`rx.finditer(text)` when every match of rx starts at one of `starts` (in order): rx tried at each of them that
    no match before it covers."""
    end = 0
    for p in starts:
        if p >= end and (m := rx.match(text, p)) is not None:
            end = m.end()
            yield m


_SPACES = re.compile(r"\s+")
_LETTERS_DIGITS = re.compile(r"([A-Z]+)(\d+)")  # 'QH15'


@lru_cache(maxsize=1 << 14)  # a pure function of a string; the same few type words and bodies are looked up all along
def name_key(name: str) -> str:
    """How a type word or a body's name is looked up: folded, lower case, its spaces one each: 'Bộ  Tài\nchính' ->
    'bo tai chinh'."""
    return _SPACES.sub(" ", fold_lower(name)).strip()


def slug(text: str) -> str:
    """A readable ASCII identifier: 'Luật Tổ chức Chính phủ' -> 'luat-to-chuc-chinh-phu'."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"[^a-z0-9]+", "-", fold_lower(text)).strip("-")


NAME_PREFIXES = {"BoLuat": "BO-LUAT", "PhapLenh": "PHAP-LENH", "HienPhap": "HIEN-PHAP"}  # other named types: LUAT


def name_prefix(type_id: str | None) -> str:
    """The first part of the key a law's name gives: 'LUAT', 'BO-LUAT', 'PHAP-LENH', 'HIEN-PHAP'."""
    return NAME_PREFIXES.get(type_id or "", "LUAT")


def strip_type_word(name: str) -> str:
    """A name without its type word: 'Luật Đầu tư công' -> 'Đầu tư công'."""
    return re.sub(r"(?i)^\s*(bộ luật|luật|pháp lệnh|hiến pháp)\s+", "", name)


@lru_cache(maxsize=1 << 16)  # a pure function of two strings, asked for every mention of a law many times over
def name_base(type_id: str | None, name: str) -> str:
    """The key a law's name gives, without a year, whether or not the law also has a number:
    ('Luat', 'Luật Giao dịch điện tử') -> 'LUAT/giao-dich-dien-tu'."""
    return f"{name_prefix(type_id)}/{slug(strip_type_word(name))}"


def is_name_base(base: str) -> bool:
    """Whether a key's base is a law's name ('LUAT/dat-dai'), not a number ('45/2013/QH13')."""
    return base.split("/", 1)[0] in ("LUAT", *NAME_PREFIXES.values())


# --- data classes ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocType:
    id: str
    name: str
    name_en: str
    codes: tuple[str, ...]
    words: tuple[str, ...]
    default_for: tuple[str, ...]
    kind: str = ""  # normative | individual (when numbered without a year) | '' (`ontology/document_types.tsv`)
    legislative: bool = False  # a text of the legislature: a law, a code, an ordinance, the Constitution
    policy: str = ""  # statement | programme | '': what IMPLEMENTS may reach
    issuer: str = ""  # the body a text of this type cited by name alone is issued by
    role: str = ""  # the situation in which the extractor gives a text this type (law, letter, unknown, …)
    joint_of: str = ""  # the type a joint text is one of (a joint circular is a circular)


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    name_en: str
    codes: tuple[str, ...]
    aliases: tuple[str, ...]
    parent: str | None


@dataclass(frozen=True)
class RelationType:
    id: str
    label_vi: str
    label_en: str
    inverse_en: str
    domain: str
    range: str
    comment: str
    eli: str = ""


@dataclass(frozen=True)
class LawName:
    """A code, law or ordinance known by name (`ontology/law_names.tsv`)."""

    type_id: str
    name: str  # the title with its type word: 'Luật Đầu tư công'
    aliases: tuple[str, ...] = ()
    names_en: tuple[str, ...] = ()  # its English title first, then other English wordings: 'Law on Public Investment'

    @property
    def name_en(self) -> str:
        return self.names_en[0] if self.names_en else ""


_NAME_WORD = re.compile(r"[a-z]+|\d+")
# one word of a name in the folded text, after what may stand between words: spaces and line breaks, a comma
# ('Luật Phòng, chống ma túy'), a slash ('HIV/AIDS'), a dash, quotes; bounded, so a match cannot backtrack
_NAME_STEP = re.compile(r"[\s,/\-\"“”]{0,6}([a-z]+|\d+)")
_NAME_STEP_EN = re.compile(r"[\s,/\-\"“”'’]{0,6}([a-z]+|\d+)")  # English: an apostrophe may stand before a word


def name_words(name: str) -> tuple[str, ...]:
    """A name as the words it is matched by: folded, lower case, no punctuation."""
    return tuple(_NAME_WORD.findall(fold_lower(unicodedata.normalize("NFC", name))))


def name_words_en(name: str) -> tuple[str, ...]:
    """An English name as the words it is matched by: as `name_words`, without the article ('Law on the Capital'
    and 'Law on Capital' are one) and a possessive's 's' ("People's Courts" -> 'people', 'courts')."""
    low = re.sub(r"['’]s\b", "", fold_lower(unicodedata.normalize("NFC", name)))
    return tuple(w for w in _NAME_WORD.findall(low) if w != "the")


def _longest_name(tree: dict[str | None, object], step: re.Pattern[str], low: str, start: int,
                  english: bool = False) -> tuple[int, LawName] | None:
    """Walk a tree of name words from `start` of the folded text: the longest name found and where it ends. In
    English, 'the' and a possessive's 's' are passed over ("the people's courts")."""
    node, pos, best = tree, start, None
    while (m := step.match(low, pos)) is not None:
        word = m.group(1)
        if english and (word == "the" or (word == "s" and low[m.start(1) - 1 : m.start(1)] in ("'", "’"))):
            pos = m.end()
            continue
        nxt = node.get(word)
        if not isinstance(nxt, dict):
            break
        node, pos = nxt, m.end()
        found = node.get(None)
        if isinstance(found, LawName):
            best = (pos, found)
    return best


@dataclass
class Vocabulary:
    """All lookup tables, built once from `ontology/*.tsv`."""

    doc_types: dict[str, DocType]
    agencies: dict[str, Agency]
    relation_types: dict[str, RelationType]
    type_by_name: dict[str, DocType] = field(default_factory=dict)  # folded lower name -> type
    type_by_code: dict[str, DocType] = field(default_factory=dict)  # folded upper code -> type
    code_display: dict[str, str] = field(default_factory=dict)  # folded upper code -> display form
    agency_by_code: dict[str, Agency] = field(default_factory=dict)  # folded upper code -> agency
    agency_by_name: dict[str, Agency] = field(default_factory=dict)  # folded lower name/alias -> agency
    legislature_codes: dict[str, Agency] = field(default_factory=dict)  # 'QH' -> QH, 'UBTVQH' -> ...
    default_type_for_code: dict[str, DocType] = field(default_factory=dict)
    law_names: tuple[LawName, ...] = ()
    # the Constitutions by year, with the day each began to apply (`ontology/constitutions.tsv`), oldest first
    constitutions: tuple[tuple[int, dt.date], ...] = ()
    # (type id or '*', agency id or '*', rank: int, or 'party', types of a higher rank it may change), `ontology/ranks.tsv`
    ranks: tuple[tuple[str, str, int | str, tuple[str, ...]], ...] = ()
    # the names as a tree of words: each node maps a word to the next node; the key None holds the name ending there
    law_name_tree: dict[str | None, object] = field(default_factory=dict)
    law_name_en_tree: dict[str | None, object] = field(default_factory=dict)  # the same for the English names

    def __post_init__(self) -> None:
        self._named: dict[str, LawName | None] = {}  # `law_named`, once per name
        self.roles: dict[str, str] = {}  # role -> type id
        for t in self.doc_types.values():
            if t.role:
                assert t.role not in self.roles, f"two document types play the role {t.role!r}"
                self.roles[t.role] = t.id
        self.normative_types = frozenset(t.id for t in self.doc_types.values() if t.kind == "normative")
        self.individual_types = frozenset(t.id for t in self.doc_types.values() if t.kind == "individual")
        self.legislative_types = frozenset(t.id for t in self.doc_types.values() if t.legislative)
        self.policy_types = frozenset(t.id for t in self.doc_types.values() if t.policy)
        self.policy_statement_types = frozenset(t.id for t in self.doc_types.values() if t.policy == "statement")
        for ln in self.law_names:
            for tree, words in [(self.law_name_tree, name_words(w)) for w in (ln.name, *ln.aliases)] + \
                               [(self.law_name_en_tree, name_words_en(w)) for w in ln.names_en]:
                node = tree
                for w in words:
                    node = node.setdefault(w, {})  # type: ignore[assignment]
                node[None] = ln
        for t in self.doc_types.values():
            self.type_by_name[fold_lower(t.name)] = t
            for w in t.words:
                self.type_by_name.setdefault(fold_lower(w), t)
            for c in t.codes:
                self.type_by_code[fold(c).upper()] = t
                self.code_display[fold(c).upper()] = c
            for c in t.default_for:
                self.default_type_for_code[c.upper()] = t
        for a in self.agencies.values():
            self.agency_by_name[fold_lower(a.name)] = a
            for al in a.aliases:
                self.agency_by_name[fold_lower(al)] = a
            for c in a.codes:
                if c.endswith("#"):
                    self.legislature_codes[fold(c[:-1]).upper()] = a
                    self.code_display.setdefault(fold(c[:-1]).upper(), c[:-1])
                else:
                    self.agency_by_code[fold(c).upper()] = a
                    self.code_display.setdefault(fold(c).upper(), c)
        # longest names first, so 'thủ tướng chính phủ' wins over 'chính phủ'
        names = sorted(self.agency_by_name, key=len, reverse=True)
        self.agency_name_re = re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(r"\s+".join(re.escape(p) for p in n.split()) for n in names)
            + r")(?![a-z0-9])"
        )
        tnames = sorted(self.type_by_name, key=len, reverse=True)
        # type words as texts write them (folded, lower), allowing a line break between syllables
        self.type_word_re = re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(r"\s+".join(re.escape(p) for p in n.split()) for n in tnames)
            + r")(?![a-z0-9])"
        )

    # lookups --------------------------------------------------------------------------------------------
    def role(self, role: str) -> str:
        """The id of the document type that plays a role (`ontology/document_types.tsv`): 'law' -> 'Luat'."""
        return self.roles[role]

    def kind_of(self, type_id: str | None) -> str | None:
        """A type as 'Thông tư này' names it: a joint circular is a circular."""
        t = self.doc_types.get(type_id or "")
        return (t.joint_of or t.id) if t is not None else type_id

    def agency_for_code(self, code: str) -> Agency | None:
        """The body a number's code part names: 'TTg' -> Thủ tướng Chính phủ; 'QH15' -> Quốc hội."""
        c = fold(code).upper()
        if c in self.agency_by_code:
            return self.agency_by_code[c]
        m = _LETTERS_DIGITS.fullmatch(c)
        if m and m.group(1) in self.legislature_codes:
            return self.legislature_codes[m.group(1)]
        return None

    def type_for_word(self, word: str) -> DocType | None:
        return self.type_by_name.get(name_key(word))

    def agency_for_name(self, name: str) -> Agency | None:
        return self.agency_by_name.get(name_key(name))

    def rank_of(self, type_id: str | None, issuer: str | None) -> tuple[int | str | None, tuple[str, ...]]:
        """A text's rank in the hierarchy of legal texts (`ontology/ranks.tsv`): 1 is the highest, 'party' a Party
        text, None when no row ranks it; and the types of a higher rank it may change all the same. A body within a
        ranked one counts as it (Bộ Chính trị within TW)."""
        rows = [row for row in self.ranks if row[0] in (type_id, "*")
                and (row[1] == "*" or (issuer is not None and self.is_within(issuer, row[1])))]
        # type and issuer (the body itself before one it belongs to: UBTVQH before QH), then type, then issuer
        rows.sort(key=lambda x: (x[0] == "*", x[1] == "*", x[1] != issuer))
        return (rows[0][2], rows[0][3]) if rows else (None, ())

    def constitution_on(self, day: dt.date) -> int | None:
        """The year of the Constitution that applied on a day (2013 from 1 January 2014; 1992 before)."""
        years = [y for y, start in self.constitutions if start <= day]
        return years[-1] if years else None

    def law_name_at(self, low: str, start: int) -> tuple[int, LawName] | None:
        """The longest known law name written at `start` of the folded text `low` (its type word first), and
        where it ends: 'luat dau tu cong va …' -> (the end of 'cong', Luật Đầu tư công). None when none is."""
        best = _longest_name(self.law_name_tree, _NAME_STEP, low, start)
        if best is not None and best[1].name.endswith('"') and low[best[0] : best[0] + 1] in ('"', "”"):
            return best[0] + 1, best[1]  # the closing quote of 'Pháp lệnh … "Bà mẹ Việt Nam anh hùng"'
        return best

    def law_named(self, name: str) -> LawName | None:
        """The listed law `name` is all of the name or an alias of ('Luật BHXH' -> Luật Bảo hiểm xã hội)."""
        if name in self._named:  # the resolver asks for each law a text names, once per mention
            return self._named[name]
        low = fold_lower(unicodedata.normalize("NFC", name))
        at = self.law_name_at(low, 0)
        found = at[1] if at is not None and not low[at[0] :].strip() else None
        if len(self._named) < 100_000:
            self._named[name] = found
        return found

    def english_name(self, name: str) -> str:
        """The English title of a listed law ('' for a name not listed)."""
        law = self.law_named(name)
        return law.name_en if law is not None else ""

    def law_name_en_at(self, low: str, start: int) -> tuple[int, LawName] | None:
        """The longest English law name written at `start` of the folded lower text and where it ends: 'law on
        (the) electronic transactions 2023' -> (the end of 'transactions', Luật Giao dịch điện tử)."""
        return _longest_name(self.law_name_en_tree, _NAME_STEP_EN, low, start, english=True)

    def is_within(self, child: str, ancestor: str) -> bool:
        """True when body `child` is `ancestor` or belongs to it (Bộ Chính trị within Trung ương Đảng)."""
        seen = set()
        cur: str | None = child
        while cur and cur not in seen:
            if cur == ancestor:
                return True
            seen.add(cur)
            cur = self.agencies[cur].parent if cur in self.agencies else None
        return False

    def agency(self, agency_id: str) -> Agency:
        return self.agencies[agency_id]


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(",") if p.strip())


def _split_bar(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ontology").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [
        {k: unicodedata.normalize("NFC", v or "") for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t")
    ]


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, loaded once per process."""
    types = {
        r["id"]: DocType(r["id"], r["name"], r["name_en"], _split(r["codes"]), _split(r["words"]),
                         _split(r["default_for"]), r["kind"], r["legislative"] == "yes", r["policy"], r["issuer"],
                         r["role"], r["joint_of"])
        for r in _rows("document_types.tsv")
    }
    agencies = {
        r["id"]: Agency(r["id"], r["name"], r["name_en"], _split(r["codes"]), _split(r["aliases"]),
                        r["parent"] or None)
        for r in _rows("agencies.tsv")
    }
    rels = {
        r["id"]: RelationType(r["id"], r["label_vi"], r["label_en"], r["inverse_en"], r["domain"],
                              r["range"], r["comment"], r.get("eli", ""))
        for r in _rows("relations.tsv")
    }
    laws = tuple(LawName(r["type"], r["name"], _split_bar(r["aliases"]), _split_bar(r["names_en"]))
                 for r in _rows("law_names.tsv"))
    constitutions = tuple(sorted((int(r["year"]), dt.date.fromisoformat(r["from"])) for r in _rows("constitutions.tsv")))
    ranks = tuple((r["type"], r["issuer"], int(r["rank"]) if r["rank"].isdigit() else r["rank"], _split(r["also"]))
                  for r in _rows("ranks.tsv"))
    return Vocabulary(types, agencies, rels, law_names=laws, constitutions=constitutions, ranks=ranks)

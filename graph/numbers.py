"""Document numbers (số hiệu): find them in text, read them from user input, key them canonically.

Forms (all of them are in real texts):
  with a year      42/2022/NĐ-CP, 20/2023/QH15, 01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH, 66.16/2026/NQ-CP
  without a year   749/QĐ-TTg, 28/CĐ-TTg, 793/BTTTT-THH (a letter: no type code), 5/VBHN-BTC
  Party documents  52-NQ/TW

A number without a year names one document per year (749/QĐ-TTg of 2020 and of 2021 are two
documents), so its key carries the year of issue when it is known: `749/QD-TTG@2020`.

Scanning runs on the ASCII-folded text (`vocab.fold`), which has the same offsets as the clean text,
so one pattern serves Vietnamese, NFD-decomposed-then-NFC and ASCII-folded writing alike. The pattern
is linear: bounded repetitions and no nested quantifiers over the same characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import NumberError
from .vocab import Vocabulary, fold, vocabulary

_PART = r"[A-Za-z]{1,12}\d{0,3}"
_DASH = r"[ \t]{0,2}-[ \t]{0,3}(?:\r?\n[ \t]{0,3})?"
_SLASH = r"[ \t]{0,2}/[ \t]{0,2}"
_SLASH_BREAK = r"[ \t]{0,2}/[ \t]{0,3}(?:\r?\n[ \t]{0,3})?"  # after the year the line may break: '01/2024/\nTT-BNV'
_CODE = rf"{_PART}(?:{_DASH}{_PART}){{0,7}}"

NUMBER_RE = re.compile(
    rf"""
    (?<![\w./\-])
    (?P<ord>0{{0,3}}\d{{1,5}}(?:\.\d{{1,3}})?)
    (?:
        {_SLASH}(?P<year>(?:19|20)\d\d){_SLASH_BREAK}(?P<ycode>{_CODE})
      | -(?P<ptype>[A-Z]{{1,4}}[a-z]?){_SLASH}(?P<party>TW|TU|Tw)
      | {_SLASH}(?P<ncode>{_PART}(?:{_DASH}{_PART}){{1,7}})
    )
    (?![\w/])
    """,
    re.VERBOSE,
)

_PROPER_PART = re.compile(r"[A-Z]+[a-z]?[A-Z]*\d{0,3}")


@dataclass(frozen=True)
class Number:
    """A parsed document number."""

    ordinal: str  # as written, leading zeros kept: '01', '66.16'
    year: int | None  # the year inside the number, if any
    code: tuple[str, ...]  # code parts, folded upper: ('ND', 'CP')
    party: bool = False  # 52-NQ/TW

    @property
    def base(self) -> str:
        """Canonical key without the issue year: '42/2022/ND-CP', '749/QD-TTG', '52-NQ/TW'."""
        o = _strip_zeros(self.ordinal)
        if self.party:
            return f"{o}-{self.code[0]}/{self.code[1]}"
        if self.year is not None:
            return f"{o}/{self.year}/{'-'.join(self.code)}"
        return f"{o}/{'-'.join(self.code)}"

    @property
    def needs_year(self) -> bool:
        """A number without a year is one document per year: its key needs the date's year."""
        return self.year is None

    def key(self, issue_year: int | None) -> str:
        """The document key: the base, plus '@year' for numbers without a year when the year is known."""
        if self.year is None and issue_year is not None:
            return f"{self.base}@{issue_year}"
        return self.base

    def display(self, vocab: Vocabulary | None = None, written: str | None = None) -> str:
        """The number as the issuer writes it: '42/2022/NĐ-CP', '749/QĐ-TTg', '52-NQ/TW'."""
        v = vocab or vocabulary()
        parts = [_display_part(p, v, written) for p in self.code]
        if self.party:
            return f"{self.ordinal}-{parts[0]}/{parts[1]}"
        if self.year is not None:
            return f"{self.ordinal}/{self.year}/{'-'.join(parts)}"
        return f"{self.ordinal}/{'-'.join(parts)}"

    @property
    def type_code(self) -> str | None:
        return self.code[0] if self.code else None


def _strip_zeros(ordinal: str) -> str:
    head, dot, tail = ordinal.partition(".")
    head = head.lstrip("0") or "0"
    return head + dot + tail


def _display_part(part: str, v: Vocabulary, written: str | None) -> str:
    if part in v.code_display:
        return v.code_display[part]
    m = re.fullmatch(r"([A-Z]+)(\d+)", part)
    if m and m.group(1) in v.code_display:
        return v.code_display[m.group(1)] + m.group(2)
    if written:
        # keep the issuer's own letters (with Đ) for codes the vocabulary does not know
        for w in re.split(r"[-/\s]+", written):
            if fold(w).upper() == part:
                return w.upper() if w.islower() else w
    return part


def _code_parts(code: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"\s*-\s*", re.sub(r"\s+", " ", code.strip())) if p)


def plausible(parts: tuple[str, ...], raw_parts: tuple[str, ...], v: Vocabulary) -> bool:
    """Is a code real? Either written like a code (capitals, 'TTg'), or made of known codes (any case)."""
    if all(_PROPER_PART.fullmatch(p) for p in raw_parts):
        return True
    return all(p in v.code_display or v.agency_for_code(p) is not None for p in parts)


@dataclass(frozen=True)
class NumberMatch:
    number: Number
    start: int
    end: int


def scan(folded: str, vocab: Vocabulary | None = None) -> list[NumberMatch]:
    """Every document number in an ASCII-folded text, with its span."""
    v = vocab or vocabulary()
    out: list[NumberMatch] = []
    for m in NUMBER_RE.finditer(folded):
        n = _from_match(m, v, strict=True)
        if n is not None:
            out.append(NumberMatch(n, m.start(), m.end()))
    return out


def _split_glued(parts: tuple[str, ...], v: Vocabulary) -> tuple[str, ...]:
    """A type code written against the issuer's code, the hyphen left out: '27/2016/TTBLĐTBXH' is
    27/2016/TT-BLĐTBXH (one document, one key). Only a known type code followed by a known issuer code."""
    first = parts[0]
    if first in v.code_display or v.agency_for_code(first) is not None:
        return parts
    for n in range(len(first) - 1, 1, -1):
        head, rest = first[:n], first[n:]
        if head in v.type_by_code and v.agency_for_code(rest) is not None:
            return (head, rest, *parts[1:])
    return parts


def _from_match(m: re.Match[str], v: Vocabulary, strict: bool) -> Number | None:
    ordinal = m.group("ord")
    if m.group("party"):
        ptype = m.group("ptype").upper()
        return Number(ordinal, None, (ptype, "TW"), party=True)
    year = int(m.group("year")) if m.group("year") else None
    raw = m.group("ycode") or m.group("ncode")
    raw_parts = _code_parts(raw)
    parts = tuple(p.upper() for p in raw_parts)
    if year is not None and parts:
        parts = _split_glued(parts, v)
        raw_parts = raw_parts if len(raw_parts) == len(parts) else parts
    if strict and not plausible(parts, raw_parts, v):
        return None
    if year is None:
        # a number without a year needs a type code or an issuer code in front: 749/QĐ-TTg, 793/BTTTT-THH
        if parts[0] not in v.type_by_code and v.agency_for_code(parts[0]) is None and not strict:
            return None
    return Number(ordinal, year, parts)


_REF_PREFIX = re.compile(r"^\s*(?:so|s[oố])\s*[:.]?\s*", re.IGNORECASE)


def parse(text: str, vocab: Vocabulary | None = None) -> Number:
    """Read one number from user input, in any written form; raise NumberError if there is none.

    Accepts 'Nghị định số 42/2022/NĐ-CP', '42/2022/nd-cp', 'số 01/2011/TT-BNV', '64/2025/TT-\\nBTC',
    '52-NQ/TW', and the slash written as '_' for clients that cannot encode it ('42_2022_ND-CP').
    """
    v = vocab or vocabulary()
    if not isinstance(text, str) or not text.strip():
        raise NumberError("empty document number")
    if len(text) > 500:
        raise NumberError("a document number is at most a few dozen characters")
    s = fold(unicodedata.normalize("NFC", text))
    s = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in s)
    s = s.replace("_", "/")
    s = re.sub(r"(?i)^.*?\b(?:so|s)\b\s*[:.]?\s*(?=\d)", "", s.strip()) or s
    s = s.upper()  # user input: any case (codes are keyed upper-case anyway)
    m = NUMBER_RE.search(s)
    if m is None and "/" not in s:
        # slashes written as '-': 42-2022-ND-CP, 749-QD-TTG
        s2 = re.sub(r"^(0{0,3}\d{1,5}(?:\.\d{1,3})?)-((?:19|20)\d\d)-", r"\1/\2/", s.strip())
        if s2 == s.strip():
            s2 = re.sub(r"^(0{0,3}\d{1,5}(?:\.\d{1,3})?)-(?=[A-Za-z])", r"\1/", s.strip())
        m = NUMBER_RE.search(s2)
    if m is None:
        raise NumberError(f"{text[:80]!r} is not a document number (expected e.g. 42/2022/NĐ-CP or 749/QĐ-TTg)")
    # what extraction accepts (strict: every code part known) is always accepted back, and more
    n = _from_match(m, v, strict=True) or _from_match(m, v, strict=False)
    if n is None:
        raise NumberError(f"{text[:80]!r} is not a document number (expected e.g. 42/2022/NĐ-CP or 749/QĐ-TTg)")
    return n


def canonical_key(text: str, issue_year: int | None = None) -> str:
    """The canonical key of a written number: '42/2022/nđ-cp' -> '42/2022/ND-CP'."""
    return parse(text).key(issue_year)

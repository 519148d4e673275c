"""The per-text context every stage reads: the text, its folded twin (web links blanked), the vocabulary; and the
token and date patterns shared by the stages.

Every pattern runs on the ASCII-folded, lower-cased twin of the clean text (`vocab.fold_lower`), which has the same
length, so spans found there are spans in the clean text and, through the offset map, in the raw file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..clean import CleanText
from ..vocab import Vocabulary, fold, fold_lower

_DATE_NUM = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)"


_DATE_WORDS = r"(\d{1,2})\s+thang\s+(\d{1,2})\s*[,.]?\s*nam\s+((?:19|20)\d\d)"


DATE_RE = re.compile(rf"(?:{_DATE_NUM}|{_DATE_WORDS})")


def _date(m: re.Match[str], offset: int = 1) -> dt.date | None:
    g = m.groups()[offset - 1 :]
    vals = [x for x in g if x is not None][:3]
    if len(vals) < 3:
        return None
    d, mo, y = (int(x) for x in vals)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _squash(s: str) -> str:
    """White space runs made one space, and spaces, commas and semicolons taken off both ends (`str.split` splits at
    what `\\s` matches in a str pattern: `str.isspace`)."""
    return " ".join(s.split()).strip(" ,;")


def at_word_start(*words: str) -> str:
    """'(?<![a-z])(?:w1|w2|…)' written as 'w(?<![a-z]w)1|…', each word's first letter before the look-behind: the same
    matches, the same groups, but every alternative begins with a literal, so the regex engine tries a position only
    where one of those letters stands (a pass of '(?<![a-z])(nghi\\s+dinh|…)' over the Gazette corpus: 1.8 s; this
    way, 1.3 s). Each word begins with a letter written as itself."""
    assert all(w[:1].isalpha() for w in words), words
    return "|".join(f"{w[0]}(?<![a-z]{w[0]}){w[1:]}" for w in words)


_SELF_WORDS = ("nghi dinh", "thong tu lien tich", "thong tu", "quyet dinh", "nghi quyet", "bo luat", "luat", "phap lenh",
               "chi thi", "van ban hop nhat", "ke hoach")


# 'Nghị định này', 'Thông tư liên tịch này', 'Văn bản hợp nhất này'
_SELF_RE = re.compile("(" + at_word_start(*(w.replace(" ", r"\s+") for w in _SELF_WORDS)) + r")\s+nay(?![a-z])")


# _SELF_WORDS by their last word: 'luat' -> (('bo', 'luat'), ('luat',))
_SELF_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _w in _SELF_WORDS:
    _SELF_BY_LAST.setdefault(_w.split()[-1], []).append(tuple(_w.split()))


_NAY = re.compile(r"nay(?![a-z])")


def self_references(low: str) -> Iterator[tuple[int, int, int]]:
    """(start, end of the type words, end) of each match of _SELF_RE in `low`, in order, found from the 'nay' that
    ends it: the regex engine looks for the literal 'nay', and the type words are read backwards from it (a pass of
    _SELF_RE tries every position where a type word's first letter stands: twice the time). The same matches: each
    ends at the first 'nay' after its type words (they hold none), so each 'nay' ends at most one, the one that
    begins leftmost, which finditer finds first; and no two overlap (none holds a 'nay' but at its end)."""
    for m in _NAY.finditer(low):
        p = m.start()
        j = p
        while j > 0 and low[j - 1].isspace():
            j -= 1
        i = j
        while i > 0 and "a" <= low[i - 1] <= "z":
            i -= 1
        if j == p or i == j:
            continue  # 'nay' not after white space after a word
        starts = [s for words in _SELF_BY_LAST.get(low[i:j], ()) if (s := _words_before(low, j, words)) >= 0]
        if starts:
            yield min(starts), j, m.end()


def _words_before(low: str, j: int, words: tuple[str, ...]) -> int:
    """Where `words`, separated by white space, begin when they end at j, the first at a word's start; -1 if not."""
    for k in range(len(words) - 1, -1, -1):
        a = j - len(words[k])
        if a < 0 or not low.startswith(words[k], a, j):
            return -1
        j = a
        if k:
            while a > 0 and low[a - 1].isspace():
                a -= 1
            if a == j:
                return -1
            j = a
    return -1 if j > 0 and "a" <= low[j - 1] <= "z" else j


_TOKEN_RE = re.compile(r"[^\s<>\"]+")


_URLISH = re.compile(r"https?://|www\.|%[0-9A-Fa-f]{2}")


_PERCENT_CODE = re.compile(r"%[0-9A-Fa-f]{2}")  # 'S%E1%BB%91': percent-encoded text


def _blank_urls(text: str) -> str:
    """Web addresses and percent-encoded tokens replaced by spaces of the same length. Only the lines that hold
    a web-address mark are split into tokens (each line once: linear; most texts have none)."""
    if "://" not in text and "www." not in text and _PERCENT_CODE.search(text) is None:
        return text  # (what _URLISH needs, looked for with no 'h' tried as the start of 'http')
    m = _URLISH.search(text)
    if m is None:
        return text
    parts: list[str] = []
    done = 0
    while m is not None:
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        parts.append(text[done:a])
        parts.append(_TOKEN_RE.sub(lambda t: " " * len(t.group(0)) if _URLISH.search(t.group(0)) else t.group(0),
                                   text[a:b]))
        done = b
        m = _URLISH.search(text, b)
    parts.append(text[done:])
    return "".join(parts)


class _Ctx:
    """The text in its three views and the vocabulary, shared by the helpers below."""

    def __init__(self, ct: CleanText, vocab: Vocabulary) -> None:
        self.ct = ct
        self.text = ct.text
        # web addresses and percent-encoded text are blanked out (same length): 'S%E1%BB%91%2031/2015/N%C4%90-CP'
        # in a link is not a document 2031/2015/N
        folded = fold(ct.text)
        self.folded = _blank_urls(folded)
        low = self.folded.lower()  # ASCII after folding, so lower() keeps the length (checked)
        self.low = low if len(low) == len(self.folded) else _blank_urls(fold_lower(ct.text))
        # the folded twin with its web addresses, lower-cased as `low` is (`graph.structure` reads it; it differs from
        # `fold_lower(text)` only in letters the fold keeps, 'Ø', 'Φ': 6 of the 401 corpus texts, no part changed)
        whole = low if self.folded is folded else folded.lower()
        self.low_whole: str | None = whole if len(whole) == len(folded) else None
        self.v = vocab
        self.quote_spans: list[tuple[int, int]] | None = None  # the text's quotes (`quotes.quote_spans`), once read

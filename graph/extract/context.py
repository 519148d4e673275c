"""The per-text context every stage reads: the text, its folded twin (web links blanked), the vocabulary; and the
token and date patterns shared by the stages.

Every pattern runs on the ASCII-folded, lower-cased twin of the clean text (`vocab.fold_lower`), which has the same
length, so spans found there are spans in the clean text and, through the offset map, in the raw file.
"""

from __future__ import annotations

import datetime as dt
import re

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
    return re.sub(r"\s+", " ", s).strip(" ,;")


def at_word_start(*words: str) -> str:
    """'(?<![a-z])(?:w1|w2|…)' written as 'w(?<![a-z]w)1|…', each word's first letter before the look-behind: the same
    matches, the same groups, but every alternative begins with a literal, so the regex engine tries a position only
    where one of those letters stands (a pass of '(?<![a-z])(nghi\\s+dinh|…)' over the Gazette corpus: 1.8 s; this
    way, 1.3 s). Each word begins with a letter written as itself."""
    assert all(w[:1].isalpha() for w in words), words
    return "|".join(f"{w[0]}(?<![a-z]{w[0]}){w[1:]}" for w in words)


# 'Nghị định này', 'Thông tư liên tịch này', 'Văn bản hợp nhất này'
_SELF_RE = re.compile(
    "(" + at_word_start(r"nghi\s+dinh", r"thong\s+tu\s+lien\s+tich", r"thong\s+tu", r"quyet\s+dinh", r"nghi\s+quyet",
                        r"bo\s+luat", r"luat", r"phap\s+lenh", r"chi\s+thi", r"van\s+ban\s+hop\s+nhat", r"ke\s+hoach")
    + r")\s+nay(?![a-z])"
)


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
        # the folded twin with its web addresses, when none was blanked (`fold_lower(text)`; `graph.structure` reads it)
        self.low_whole: str | None = self.low if self.folded is folded and len(low) == len(folded) else None
        self.v = vocab

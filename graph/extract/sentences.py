"""Sentence boundaries: punctuation, blank lines and list marks; a Gazette text wraps every line, a news text does not."""

from __future__ import annotations

import re

# a line that opens a new sentence after a single newline in a Gazette text: a list mark, an article, a chapter, a
# section, a legal basis
_LINE_OPENS = (r"[ \t]*(?:[a-z]\)\s|\d{1,3}(?:\.\d{1,3})*\.\s|[-+•]\s|dieu\s+\d+[a-z]?\.|chuong\s+[ivxlc\d]+\b|muc\s+\d+"
               r"|can\s+cu\s)")


def _boundary(after_newline: str) -> re.Pattern[str]:
    """A sentence boundary: a stop mark and the white space after it; or a newline and what must follow it
    (after_newline: '' is any newline) and the white space after. The spaces before such a newline belong to the
    boundary too: `split_sentences` takes them in (walking back from the newline), so that the pattern begins with
    a stop mark or a newline and the regex engine skips from one to the next (begun at every space as well, as the
    pattern once was, a pass cost as much as the number scan)."""
    tail = f"(?:{after_newline})" if after_newline else ""
    return re.compile(rf"[.;!?:\n](?:(?<=[.;!?:])\s+|(?<=\n){tail}\s*)")


_BOUND_WRAPPED = _boundary(rf"[ \t]*\n|(?={_LINE_OPENS})")  # Gazette texts: a single newline is a wrap


_BOUND_NEWS = _boundary("")  # news: a newline ends a paragraph


def split_sentences(low: str, wrapped: bool, cased: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans. In Gazette texts a single newline is a wrap; in news it ends a paragraph. With `cased` (the
    text before lowering, same offsets), a wrapped line that begins 'căn cứ' in small letters goes on the sentence
    before ('… có\ncăn cứ ban hành như sau:'); a legal basis opens with a capital."""
    out: list[tuple[int, int]] = []
    start = len(low) - len(low.lstrip())
    for m in (_BOUND_WRAPPED if wrapped else _BOUND_NEWS).finditer(low, start):
        a = m.start()
        if low[a] == "\n":  # the spaces before the newline are the boundary's (never the last one's: it ends in \s*)
            while a > start and low[a - 1] in " \t\r":
                a -= 1
        end = a + 1 if low[a] in ".;!?:" else a
        if (wrapped and cased is not None and end == a and low.startswith("can", m.end())
                and cased[m.end()] == "c" and low[a : m.end()].count("\n") == 1):
            continue  # not a boundary: the sentence goes on where it started
        if end > start:
            out.append((start, end))
        start = m.end()
    end = len(low.rstrip())
    if end > start:
        out.append((start, end))
    return out


def _is_wrapped(text: str) -> bool:
    """Gazette texts break every line (~80 characters); news paragraphs are one long line each."""
    n = text.count("\n")
    return n >= 3 and len(text) / (n + 1) < 90


_LIST_MARKER = re.compile(r"^\s*(?:[a-z]\)|\d{1,3}(?:\.\d{1,3})*\.(?=\s)|[-+•]\s|dieu\s+\d+[a-z]?\.)\s*")


_MARKER_ALONE = re.compile(r"(?:\d{1,3}|[a-zđ])[.)]")  # fullmatch on the stripped sentence


_MARKER_KIND = re.compile(r"^\s*(?:(\d{1,3}\.)(?=\s|$)|([a-zđ]\))|([-+•])\s)")


def _marker_kind(sentence: str) -> str | None:
    """The kind of list mark a sentence opens with: '2.' (number), 'a)' (letter), '-' (dash), or none."""
    m = _MARKER_KIND.match(sentence)
    if m is None:
        return None
    return "number" if m.group(1) else "letter" if m.group(2) else "dash"

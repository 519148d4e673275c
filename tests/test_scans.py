"""The scans that find where a pattern may match by a cheaper route give the pattern's own matches.

`context.self_references` reads the type words back from each 'này' instead of running `_SELF_RE`; `mentions._short_refs`
tries `_SHORT_REF` only where `_SHORT_START` finds a capital type word before a number. Each is checked against the
pattern run the plain way, on texts made of the words they look for, in every case, with and without diacritics,
between white space of every kind (tabs, no-break spaces, line separators), digits of other scripts, marks and the
characters whose case or fold is special (the Kelvin sign, 'İ', 'Đ', 'ſ').
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.clean import clean
from graph.extract.context import _SELF_RE, _Ctx, self_references
from graph.extract.mentions import _SHORT_REF, _short_refs
from graph.vocab import vocabulary

# a type word, in any case, with or without its diacritics
_TYPE_WORDS = ["nghị định", "thông tư", "thông tư liên tịch", "quyết định", "nghị quyết", "chỉ thị", "luật", "bộ luật",
               "pháp lệnh", "kế hoạch", "văn bản hợp nhất", "nghi dinh", "thong tu", "quyet dinh", "chi thi"]
_SPACES = [" ", "  ", "\t", " \t", "\n", "\u00a0", "\u2028", "\x85", "\x1c", "\u3000", ""]
_AFTER = ["59", "108", "2020", "05", "12a", "٣", "59/2011/NĐ-CP", "này", "NÀY", "nay", "tháng 5", "năm", "%", "x",
          "Nghị"]
_NOISE = ["", " ", "Điều 21 ", "K", "\u212a", "İ", "Đ", "ſ", "x", "(", "“", "\n", "Cnghị ", "NG", "các "]


@st.composite
def _case(draw: st.DrawFn, word: str) -> str:
    """The word in small letters, capitals, a capital first, or each letter in either case."""
    how = draw(st.sampled_from(["lower", "upper", "title", "mixed"]))
    if how == "mixed":
        return "".join(c.upper() if draw(st.booleans()) else c for c in word)
    return {"lower": word, "upper": word.upper(), "title": word[:1].upper() + word[1:]}[how]


@st.composite
def _reference(draw: st.DrawFn) -> str:
    """A type word, white space, 'số' perhaps (in any case, with ':' or white space after), then what follows: the
    shapes both scans look for, and their near misses."""
    word = draw(_case(draw(st.sampled_from(_TYPE_WORDS))))
    so = draw(st.sampled_from(["", "", "số", "Số", "SỐ", "so", "số:", "sô"]))
    return (draw(st.sampled_from(_NOISE)) + word + draw(st.sampled_from(_SPACES)) + so
            + (draw(st.sampled_from(_SPACES)) if so else "") + draw(st.sampled_from(_AFTER)))


_texts = st.lists(st.one_of(_reference(), st.sampled_from(_NOISE + _SPACES + _AFTER)), min_size=1, max_size=6).map("".join)


def _ctx(text: str) -> _Ctx:
    return _Ctx(clean(text), vocabulary())


@settings(max_examples=1500, deadline=None)
@given(_texts)
def test_self_references_are_the_patterns_matches(text: str) -> None:
    low = _ctx(text).low
    plain = [(m.start(), m.end(1), m.end()) for m in _SELF_RE.finditer(low)]
    assert list(self_references(low)) == plain


@settings(max_examples=1500, deadline=None)
@given(_texts)
def test_short_references_are_the_patterns_matches_at_each_capital(text: str) -> None:
    ctx = _ctx(text)
    # tried at every capital N, T, Q and C (not finditer's matches: '59NGHỊ ĐỊNH 59' after 'nghị định ' is one match
    # of finditer, 'nghi dinh 59n', that hides the capital one after it)
    plain = [(m.span(), m.groups()) for i, c in enumerate(ctx.folded) if c in "NTQC"
             and (m := _SHORT_REF.match(ctx.low, i)) is not None]
    assert [(m.span(), m.groups()) for m in _short_refs(ctx)] == plain


def test_the_scans_find_what_they_are_for() -> None:
    """Not vacuous: the texts above hold matches, and these do."""
    ctx = _ctx("Điều 21 Nghị định số 59 và Thông tư 108; NGHỊ QUYẾT 18 tháng 5; Quyết định này; nghị định 7")
    assert [m.group(2) for m in _short_refs(ctx)] == ["59", "108"]
    assert [ctx.low[a:b] for a, b, _ in self_references(ctx.low)] == ["quyet dinh"]

"""The scans that find where a pattern may match by a cheaper route give the pattern's own matches.

`context.self_references` reads the type words back from each 'này' instead of running `_SELF_RE`; `mentions._short_refs`
tries `_SHORT_REF` only where `_SHORT_START` finds a capital type word before a number. Each is checked against the
pattern run the plain way, on texts made of the words they look for, in every case, with and without diacritics,
between white space, digits, marks and the characters whose case or fold is special (the Kelvin sign, 'İ', 'Đ').
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graph.clean import clean
from graph.extract.context import _SELF_RE, _Ctx, self_references
from graph.extract.mentions import _SHORT_REF, _short_refs
from graph.vocab import vocabulary

_PIECES = [
    "Nghị định", "NGHỊ ĐỊNH", "nghị định", "Nghi dinh", "NghỊ Định", "Thông tư", "THÔNG TƯ", "thông tư", "Thông Tư",
    "Thông tư liên tịch", "Quyết định", "QUYẾT ĐỊNH", "quyết định", "Nghị quyết", "NGHỊ QUYẾT", "Chỉ thị", "CHỈ THỊ",
    "chỉ thị", "Luật", "Bộ luật", "Pháp lệnh", "Kế hoạch", "Văn bản hợp nhất", "này", "NÀY", "nay", "số", "Số", "SỐ",
    "số:", "59", "108", "2020", "05", "12a", "/", "-", ".", ",", "%", "tháng", "năm", "ngày", "lần", " ", "  ", "\t",
    "\n", "\u00a0", "K", "İ", "Đ", "x", "Cnghị", "N", "T", "Q", "C", "(", "“",
]

_texts = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join)


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
def test_short_references_are_the_patterns_matches_written_with_a_capital(text: str) -> None:
    ctx = _ctx(text)
    plain = [(m.span(), m.groups()) for m in _SHORT_REF.finditer(ctx.low) if ctx.folded[m.start()].isupper()]
    assert [(m.span(), m.groups()) for m in _short_refs(ctx)] == plain


def test_the_scans_find_what_they_are_for() -> None:
    """Not vacuous: the texts above hold matches, and these do."""
    ctx = _ctx("Điều 21 Nghị định số 59 và Thông tư 108; NGHỊ QUYẾT 18 tháng 5; Quyết định này; nghị định 7")
    assert [m.group(2) for m in _short_refs(ctx)] == ["59", "108"]
    assert [ctx.low[a:b] for a, b, _ in self_references(ctx.low)] == ["quyet dinh"]

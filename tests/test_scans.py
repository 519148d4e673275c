"""The scans that find where a pattern may match by a cheaper route give the pattern's own matches.

`context.self_references` reads the type words back from each 'này' instead of running `_SELF_RE`; `mentions._short_refs`
tries `_SHORT_REF` only where `_SHORT_START` finds a capital type word before a number; `laws._named_law_matches` tries
`_NAMED_LAW` only at each 'luat' and 'phap' and the word before; `clean._stamps` finds the stamp lines from their first
words; `structure._numbered_consolidated` tries `_CONSOLIDATED_NO` on the lines of '/vbhn-'; `effects._suspension_starts` gives
where `_SUSPENDS_ANY` and `_SUSPENDS_IN` may match; `mentions._type_before` begins the search for the type word
before a number at the last runs of letters of its window; `structure._ITEM_LINE` lists only the lines where a khoản
or an điểm may open; `quotes._marks` finds the quote marks by str.find; the
sentence walk
(`relations._to_read`) passes over sentences it proves have nothing for it; `numbers.number_matches` and
`formulas._trigger_matches` try their patterns only where a Hyperscan gate (`prefilter.Gate`) points. Each is checked against the pattern run the
plain way (or the walk's own test of each sentence), on texts made of the words they look for, in every case, with and
without diacritics, between white space of every kind (tabs, no-break spaces, line separators), digits of other
scripts, marks and the characters whose case or fold is special (the Kelvin sign, 'İ', 'Đ', 'ſ').
"""

from __future__ import annotations

import codecs
import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from graph import numbers, prefilter, vocab
from graph.clean import _STAMP, _line_edits, _stamps, clean
from graph.extract import formulas
from graph.extract.context import _SELF_RE, _Ctx, self_references
from graph.extract.effects import _SUSPENDS_ANY, _SUSPENDS_IN, _suspension_starts, _suspension_words
from graph.extract.formulas import _CAN_CU
from graph.extract.laws import _NAMED_LAW, _named_law_matches
from graph.extract.mentions import _SHORT_REF, _short_refs, _type_before, _type_before_re
from graph.extract.quotes import _marks
from graph.extract.relations import _heads_a_list, _to_read
from graph.extract.sentences import _LIST_MARKER, split_sentences
from graph.numbers import NUMBER_RE, number_matches
from graph.structure import _CONSOLIDATED_NO, _DIEM, _ITEM_LINE, _KHOAN, _at, _numbered_consolidated
from graph.vocab import fold, fold_lower, vocabulary

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


# the words of laws by name, of stamp lines, of consolidated numbers and of the sentence walk, with their near misses
_LAW_WORDS = ["bộ luật", "luật", "pháp lệnh", "hiến pháp", "bo luat", "luat", "phap lenh", "hien phap", "bộ", "hiến",
              "pháp", "lệnh", "pháp luật", "luật sư", "Bộ Luật", "Luật Đất đai", "HIẾN PHÁP", "bo", "hien", "phap"]
_STAMP_WORDS = ["Người ký", "Ký bởi", "Email", "Cơ quan", "Thời gian ký", "Ngày ký", "Ngày", "Cơ", ":", " : ", "x"]
_VBHN = ["Số", "số", "SỐ", "so", ":", " ", "\t", "05", "12345", "123456", "/VBHN-", "/vbhn-BTC", "/VBHN", "VBHN-", "x"]
_SUSPEND_WORDS = ["tạm ngưng", "tạm", "ngừng", "ngưng", "đình chỉ", "đình", "chỉ", "việc", "hiệu lực", "hiệu", "lực",
                  "thi hành", "thi", "xngưng", "tam ngung", "dinh chi", "ngung hieu luc", "đình chỉ thi hành"]
_WALK = ["Điều 1.", "Điều 2. Bãi bỏ các văn bản sau", "Điều 3.", "Bãi bỏ 15 văn bản", "\n1. ", "\n2. ", "\n", "Căn cứ",
         "căn\ncứ", "Căn  cứ", "căn cước", "can cu", "Theo đề nghị", ":", ";", ".", "1.", "a)", "- ", "Bãi bỏ", "hết hiệu lực",
         "Thông tư số 05/2020/TT-BTC", "Quyết định 12/QĐ-TTg", "điều",
         " " * 36 + "Điều 4.", "\t" * 40 + "Điều 5. Bãi bỏ 3 văn bản", " " * 41 + "Điều 6."]  # the walk's 40 spaces, and one over


def _words(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(words).flatmap(_case), st.sampled_from(_SPACES + _NOISE)),
                    min_size=1, max_size=10).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_words(_LAW_WORDS))
def test_named_laws_are_the_patterns_matches(text: str) -> None:
    low = _ctx(text).low
    assert [(m.span(), m.groups()) for m in _named_law_matches(low)] == \
        [(m.span(), m.groups()) for m in _NAMED_LAW.finditer(low)]


@settings(max_examples=1500, deadline=None)
@given(_words(_STAMP_WORDS))
def test_stamp_lines_are_the_patterns_matches_opening_a_line(text: str) -> None:
    assert _line_edits(_stamps(text), text) == _line_edits(_STAMP.finditer(text), text)


@settings(max_examples=1500, deadline=None)
@given(_words(_SUSPEND_WORDS))
def test_suspensions_are_found_where_the_patterns_find_them(text: str) -> None:
    low = _ctx(text).low
    where = _suspension_starts(low)
    assert [m.span() for m in _suspension_words(low, where)] == [m.span() for m in _SUSPENDS_ANY.finditer(low)]
    assert any(_SUSPENDS_IN.match(low, p) for p in where) == (_SUSPENDS_IN.search(low) is not None)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(_reference(), st.sampled_from(_NOISE + _SPACES + ["số", "so:", "(", " số ", "Số:"])),
                min_size=1, max_size=8).map("".join))
def test_the_type_word_before_a_number_is_the_searchs(text: str) -> None:
    """Every window a number's type word is looked for in (the text before each position), as the plain search."""
    low = _ctx(text).low
    v = vocabulary()
    for end in range(len(low) + 1):
        window = low[max(0, end - 160) : end]
        m, plain = _type_before(v, window), _type_before_re(v).search(window)
        assert (m and (m.span(), m.groups())) == (plain and (plain.span(), plain.groups()))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="“”\"'„«» \nab", max_size=40))
def test_quote_marks_are_the_character_class_matches(text: str) -> None:
    assert _marks(text) == [(m.start(), m.group()) for m in re.finditer(r"[“”\"]", text)]


_ITEM_PIECES = ["\n", "\n  ", "\n\t", "1.", "12.", "123.", "1234.", "1a.", "2.3", "2.345", "a)", "đ)", "b)1", "A)", " ", "\t",
                "2024", "x", ".", ")", "Điều 1."]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ITEM_PIECES), min_size=1, max_size=12).map("".join))
def test_item_lines_are_the_lines_a_khoan_or_a_diem_may_open(text: str) -> None:
    low = fold_lower(text)
    every = [m.end() for m in re.finditer(r"\n(?=[ \t]*(?:\d|[a-z]\)))", low)]  # what was read before, one by one
    assert [m.end() for m in _ITEM_LINE.finditer(low)] == \
        [p for p in every if _KHOAN.match(low, _at(low, p)) or _DIEM.match(low, _at(low, p))]


@st.composite
def _vbhn_number(draw: st.DrawFn) -> str:
    """'Số: 05/VBHN-BTC' and its near misses: 'số' or not, white space of every kind around ':', one to six digits."""
    so = draw(st.sampled_from(["Số", "số", "SỐ", "so", "sô", "Xso", ""]))
    gap = st.sampled_from(["", " ", "\t", "  ", "\n", "\u00a0"])
    digits = draw(st.sampled_from(["05", "1", "12345", "123456", "", "٣"]))
    return so + draw(gap) + draw(st.sampled_from([":", ".", ""])) + draw(gap) + digits + draw(_case("/vbhn-btc"))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(_vbhn_number(), _words(_VBHN)), min_size=1, max_size=4).map("".join))
def test_a_consolidated_number_is_found_as_the_pattern_finds_it(text: str) -> None:
    low = fold_lower(text)
    assert _numbered_consolidated(low) == (_CONSOLIDATED_NO.search(low) is not None)


@settings(max_examples=1500, deadline=None)
@given(_words(_WALK), st.booleans())
def test_the_walk_passes_over_only_sentences_with_nothing_for_it(text: str, wrapped: bool) -> None:
    """A sentence `_to_read` leaves out names nothing (here, none does), ends in no ':', heads no list, holds no
    'can cu' and opens with no `_CAN_CU`: all the walk reads of it is that it is none of these."""
    low = _ctx(text).low
    sentences = split_sentences(low, wrapped)
    read = set(_to_read(low, sentences, []))
    for i, (a, b) in enumerate(sentences):
        if i not in read:
            assert low[b - 1] != ":" and not _heads_a_list(low, sentences, i)
            assert low.find("can cu", a, b) < 0 and not _CAN_CU.match(_LIST_MARKER.sub("", low[a:b], count=1))


def test_the_new_scans_find_what_they_are_for() -> None:
    """Not vacuous: each finds something in a text made for it."""
    low = _ctx("Căn cứ Bộ luật Dân sự; Luật Đất đai và Hiến pháp năm 2013; Pháp lệnh Dân số").low
    assert [m.group(1) for m in _named_law_matches(low)] == ["bo luat", "luat", "hien phap", "phap lenh"]
    assert len(_stamps("Văn bản\n  Người ký: Cổng Thông tin\nCơ quan: Văn phòng Chính phủ\nx Email: a")) == 2
    assert _numbered_consolidated(fold_lower("BỘ TÀI CHÍNH\nSố:  05/VBHN-BTC"))
    window = _ctx("Căn cứ Thông tư liên tịch số").low
    assert _type_before(vocabulary(), window).group(1) == "thong tu lien tich"
    low = _ctx("Tạm ngưng hiệu lực thi hành Thông tư; đình  chỉ việc thi hành Quyết định").low
    assert len(_suspension_words(low, _suspension_starts(low))) == 2
    walk = "Căn cứ Luật A;\nĐiều 1. Bãi bỏ 15 văn bản sau:\n1. Thông tư 1.\nNội dung. Câu khác."
    low = _ctx(walk).low
    sentences = split_sentences(low, True)
    assert len(_to_read(low, sentences, [])) < len(sentences)


# every character the long fold treats apart: ASCII, the charmap's own (with those folding past ASCII: '…', '“'), the
# capitals left out of it ('Ỹ'), Latin letters it does not hold ('ø', 'ḁ'), '?' (what it puts for them) and NUL (its byte 0), the
# letters whose case is special, characters past the Basic Multilingual Plane and a lone surrogate
_FOLD_CHARS = (string.printable + "".join(vocab._CHARMAP_CHARS) + "ỸỹỮỠØøḁĐđÐİıſKΣς\x00\x85\u00a0\u2007\u2028…“”"
               "😀\U00010348\ud800")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_FOLD_CHARS, min_size=vocab._LONG - 5, max_size=vocab._LONG * 3) | st.text(max_size=600))
def test_the_long_fold_is_the_string_table(text: str) -> None:
    """`fold` and `fold_lower` of a long text (two passes of C code and the places filled in) give exactly what
    str.translate with the string table gives, for any string."""
    assert fold(text) == text.translate(vocab.FOLD_KEEP_CASE)
    assert fold_lower(text) == text.translate(vocab.FOLD_LOWER)


def test_the_long_fold_is_taken_and_fills_in() -> None:
    """Not vacuous: a long text takes the charmap's way and has places filled in; a text mostly in another script is
    long too and goes back to the table."""
    assert type(vocab._CHARMAP).__name__ == "EncodingMap"  # C code's table, not a dict looked up per character
    text = "Nghị định ĐỸ “x” … ? \x00 ø 😀 " * 20
    assert len(text) >= vocab._LONG
    b = codecs.charmap_encode(text, "replace", vocab._CHARMAP)[0]
    assert 0 < b.count(63) - text.count("?") <= len(text) // 8  # 'Ỹ', 'ø', '😀' filled in, one in eight at most
    assert fold(text) == text.translate(vocab.FOLD_KEEP_CASE) and fold(text).startswith("Nghi dinh DY “x” … ? \x00 ø 😀 ")
    other = "Постановление № 5 " * 20
    assert codecs.charmap_encode(other, "replace", vocab._CHARMAP)[0].count(63) > len(other) // 8
    assert fold(other) == other.translate(vocab.FOLD_KEEP_CASE) and fold_lower(other) == other.translate(vocab.FOLD_LOWER)


# the pieces of numbers and their near misses: ordinals of every shape (with a dot, a letter, zeros, digits of other
# scripts), years, codes in either case, the separators with their white space and line breaks, and what may stand
# before an ordinal (a word, a dot, a slash, a dash, '?', a character past ASCII)
# (what stands between two numbers: separators, codes and the rest)
_BETWEEN_NUMBERS = [" - ", "- \n ", "\t", " ", "", "NĐ-CP", "ND-CP", "QH15", "TW", "Tw", "nq", "TTLT/BTC-BNV", "VBHN",
                    "Cpngay", "x", "Q", ".", ":", "?", "…", "ư", "\u00a0", "\n", "(", "QCVN 06:", "Luat"]
_NUMBER_PIECES = ["59", "0012", "20", "19", "20٣٣", "123456789", "66.16", "1.2.3", "30a", "12a", "٣", "١٢", "５", "2020",
                  "1999", "2026", "/", " / ", "/\n", "-", *_BETWEEN_NUMBERS]


_ORDINALS = ["59", "0012", "123456789", "66.16", "1.2.3", "30a", "٣", "５", "7 ", "x9", "/9", ".9", "?"]
_SEPARATORS = ["/", " / ", "/\n", "-", " - ", "- \n ", "\t/", "", " ", "?"]
_AFTER_SEP = ["2020", "1999", "20٣٣", "2O20", "NĐ-CP", "ND-CP", "QH15", "TW", "Tw", "nq", "TTLT/BTC-BNV", "Cpngay", "?",
              "Luat", "5"]


@st.composite
def _number_like(draw: st.DrawFn) -> str:
    """Numbers and their near misses, part by part: an ordinal, a separator, a year or a code, a separator, a code."""
    parts = [draw(st.sampled_from(_ORDINALS)), draw(st.sampled_from(_SEPARATORS)), draw(st.sampled_from(_AFTER_SEP)),
             draw(st.sampled_from(_SEPARATORS)), draw(st.sampled_from(_AFTER_SEP))]
    return "".join(parts[: draw(st.integers(2, 5))])


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=40).map("".join)
       | st.lists(st.tuples(st.sampled_from(_BETWEEN_NUMBERS), _number_like()).map("".join), max_size=6).map("".join)
       | st.text(alphabet="0123456789/-. aQN?٣\n", max_size=80))
def test_number_matches_are_the_patterns_matches(text: str) -> None:
    """`numbers.number_matches` (NUMBER_RE tried only where the Hyperscan gate points) gives exactly the matches, spans
    and groups of `NUMBER_RE.finditer`, on the folded text as the scan reads it and on the text as written."""
    for t in (text, fold(text)):
        assert [(m.span(), m.groups()) for m in number_matches(t)] == \
               [(m.span(), m.groups()) for m in NUMBER_RE.finditer(t)]


def test_number_matches_are_gated_and_fall_back() -> None:
    """Not vacuous: Hyperscan runs here (a wheel), the gate finds fewer places than there are digits, and the
    matches found through it are the pattern's; without Hyperscan the gate says so and the plain scan is used."""
    text = fold("Nghị định số 59/2011/NĐ-CP ngày 12/3/2011, Chỉ thị 16/CT-TTg, 52-NQ/TW, Nghị quyết 66.16/2026/NQ-CP, "
                "Nghị quyết 30a/2008/NQ-CP, mục 1.2.3/ và ٣/QĐ-TTg") * 3
    gate = numbers._NUMBER_GATE
    assert gate.available
    starts = gate.starts(text)
    assert starts is not None and 0 < len(starts) < sum(c.isdecimal() for c in text)
    found = [m.group(0) for m in number_matches(text)]
    assert found == [m.group(0) for m in NUMBER_RE.finditer(text)]
    assert found[:5] == ["59/2011/ND-CP", "16/CT-TTg", "52-NQ/TW", "66.16/2026/NQ-CP", "30a/2008/NQ-CP"]
    assert "٣/QD-TTg" in found
    off = prefilter.Gate(rb"x")
    off._failed = True  # as on a machine without Hyperscan
    assert off.starts(text) is None and not off.available
    saved = numbers._NUMBER_GATE
    numbers._NUMBER_GATE = off
    try:
        assert [m.group(0) for m in number_matches(text)] == found
    finally:
        numbers._NUMBER_GATE = saved


# the words the relation formulas are made of, and their near misses ('thaythe', 'bo truong', 'to chuc' without
# 'thuc'), between white space of every kind
_FORMULA_WORDS = ["được", "bị", "thay", "thế", "bởi", "bằng", "cho", "bãi", "bỏ", "tại", "theo", "sửa", "đổi", ",", "bổ",
                  "sung", "(", "( ", "đã", "hướng", "dẫn", "thi", "hành", "tổ", "chức", "thực", "hiện", "quy", "định",
                  "chi", "tiết", "và", "triển", "khai", "cụ", "thể", "hóa", "một", "số", "điều", "năm", "2019",
                  "Nghị định", "số", "của", "Luật", "xthay", "thaythe", "bo", "truong", "?", "“"]


# … and the formulas whole, each with its own white space between its words
_FORMULA_PHRASES = ["được thay thế bởi", "bị thay thế bằng", "thay thế bởi", "thay thế cho", "được bãi bỏ tại",
                    "bị bãi bỏ theo", "bãi bỏ bởi", "bãi bỏ", "được sửa đổi, bổ sung một số điều bởi",
                    "bị sửa đổi năm 2019 bởi", "bị bổ sung bởi", "sửa đổi, bổ sung, bãi bỏ bởi", "bổ sung và bãi bỏ bởi",
                    "(được sửa đổi, bổ sung Nghị định số", "( đã được bổ sung Luật số", "sửa đổi , bổ sung",
                    "được quy định chi tiết bởi", "được hướng dẫn thi hành bằng", "được hướng dẫn tại",
                    "hướng dẫn tổ chức thực hiện", "hướng dẫn thực hiện", "hướng dẫn", "quy định chi tiết và hướng dẫn "
                    "thi hành", "quy định và hướng dẫn thi hành", "triển khai thực hiện", "triển khai",
                    "tổ chức thực hiện", "thực hiện", "cụ thể hóa", "của Luật sửa đổi, bổ sung"]


@st.composite
def _formula_text(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):
            space = draw(st.sampled_from(_SPACES[:-1] + ["\x1c", "?", "  \n "]))
            out.append(draw(_case(draw(st.sampled_from(_FORMULA_PHRASES)))).replace(" ", space))
        else:
            out.append(draw(st.sampled_from(_FORMULA_WORDS)))
        out.append(draw(st.sampled_from(_SPACES[:-1] + ["\x1c", "?", ""])))
    return "".join(out)


@settings(max_examples=2000, deadline=None)
@given(_formula_text(), st.integers(0, 300), st.integers(0, 300))
def test_formulas_are_the_patterns_matches(text: str, a: int, n: int) -> None:
    """`formulas._trigger_matches` (the formulas tried only where the Hyperscan gate finds their first words) gives the
    matches of `_ALL_TRIGGERS.finditer(low, a, b)`, the same spans and formulas, in any window of the text."""
    low = fold_lower(text)
    b = min(len(low), a + n)
    for x, y in ((0, len(low)), (a, b)):
        assert [(m.span(), m.lastgroup) for m in formulas._trigger_matches(low, x, y)] == \
               [(m.span(), m.lastgroup) for m in formulas._ALL_TRIGGERS.finditer(low, x, y)]


def test_formulas_are_gated() -> None:
    """Not vacuous: the gate runs, finds fewer places than there are letters, and every formula through it."""
    low = _ctx("Nghị định số 1 được thay thế bởi Nghị định 2; bãi bỏ Thông tư 3; sửa đổi, bổ sung Điều 4; hướng dẫn thi "
               "hành Luật 5; quy định chi tiết Luật 6; triển khai thực hiện Nghị quyết 7; cụ thể hóa Nghị quyết 8; "
               "Nghị định 9 (được sửa đổi, bổ sung Nghị định số 10); tổ chức thực hiện").low
    assert formulas._TRIGGER_GATE.available
    starts = formulas._TRIGGER_GATE.starts(low)
    assert starts is not None and 0 < len(starts) < len(low) // 10
    kinds = [formulas._TRIGGERS[int(m.lastgroup[1:])][0] for m in formulas._trigger_matches(low, 0, len(low))
             if m.lastgroup]
    assert kinds == ["REPLACES", "REPEALS", "AMENDS", "GUIDES", "GUIDES", "IMPLEMENTS", "IMPLEMENTS", "AMENDS",
                     "IMPLEMENTS"]


def test_gates_scan_from_many_threads_at_once() -> None:
    """Hyperscan scans without the GIL, each thread with its own scratch space and its own last text: texts read at
    once in several threads (as the service's ingests are) get the matches each would get alone."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [fold_lower(f"Nghị định số {i}/2020/NĐ-CP được thay thế bởi Nghị định số {i + 1}/2021/NĐ-CP; bãi bỏ "
                        f"Thông tư {i}/TT-BTC. " * (1 + i % 7)) for i in range(200)]

    def read(low: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        return ([m.span() for m in number_matches(low)],
                [m.span() for m in formulas._trigger_matches(low, 0, len(low))])

    alone = [read(t) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        for _ in range(3):
            assert list(pool.map(read, texts)) == alone
    assert all(len(n) >= 3 and len(f) >= 2 for n, f in alone)

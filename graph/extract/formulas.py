"""The drafting formulas of Vietnamese legal texts, as named data, by family: the triggers that state each relation,
and the words the relation grammar reads around them (parts of a document; replace, repeal, expire; amend; guide and
implement; who acts; legal bases and lists; quoted provisions). Each is written on the folded, lower-cased text
(`vocab.fold_lower`), with the Vietnamese it reads in a comment."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from ..prefilter import Gate
from .context import DATE_RE

# ----------------------------------------------------------------------------------------------------
# the formulas that state a relation (triggers)


@dataclass
class _Trigger:
    type: str
    passive: bool
    start: int
    end: int


# 'sửa đổi', 'sửa đổi, bổ sung', 'bổ sung', and changes of parts that also repeal or replace some: 'sửa đổi, bổ sung,
# bãi bỏ' (a text that amends some articles and repeals others amends it; each word once at most)
_AMENDED_S = r"sua\s+doi(?:\s*,?\s*bo\s+sung)?"

_AMENDED_B = r"bo\s+sung"

_AMENDED_TAIL = r"(?:\s*,\s*(?:thay\s+the\s*,\s*)?bai\s+bo|\s*,\s*thay\s+the(?:\s*,\s*bai\s+bo)?|\s+va\s+bai\s+bo)?"

_AMENDED = f"(?:{_AMENDED_S}|{_AMENDED_B}){_AMENDED_TAIL}"

_BY = r"\s+(?:boi|bang|tai|theo)"


def _word_start(letter: str) -> str:
    """'(?<![a-z])x', written with the letter first ('x(?<![a-z]x)'): the same matches. When every formula of the
    combined pattern below begins with a literal character, the regex engine tries at each character only the
    formulas that begin with it, instead of all of them (8× faster on the Gazette corpus)."""
    return letter + r"(?<![a-z]" + letter + ")"


class _Formula(NamedTuple):
    """A drafting formula that states a relation: its type, whether the object comes first ('X được thay thế bằng Y',
    passive), the pattern, and where the formula begins in the match."""

    type: str
    passive: bool
    pattern: str
    skip: int = 0


# The relation formulas, in order: where two match at the same place, the one listed first wins ('được thay thế bằng'
# over 'thay thế', 'hướng dẫn thực hiện' over 'thực hiện'); each pattern begins with a literal character (checked by a
# test). A passive formula without 'được' when 'bởi' follows: 'khoản 2 Điều 8 Nghị định số 83/2014/NĐ-CP sửa đổi, bổ
# sung bởi Nghị định số 08/2018/NĐ-CP' (the decree of 2014 did not amend the one of 2018).
_TRIGGERS: list[_Formula] = [
    # replace
    _Formula("REPLACES", True, r"duoc\s+thay\s+the\s+(?:boi|bang)"),  # 'được thay thế bởi / bằng'
    _Formula("REPLACES", True, r"bi\s+thay\s+the\s+(?:boi|bang)"),  # 'bị thay thế bởi / bằng'
    _Formula("REPLACES", True, _word_start("t") + r"hay\s+the\s+boi(?![a-z])"),  # 'thay thế bởi'
    _Formula("REPLACES", False, _word_start("t") + r"hay\s+the(?:\s+cho)?(?!\s+(?:bang|boi)\b)"),  # 'thay thế (cho)'
    # repeal
    _Formula("REPEALS", True, r"duoc\s+bai\s+bo" + _BY),  # 'được bãi bỏ bởi / bằng / tại / theo'
    _Formula("REPEALS", True, r"bi\s+bai\s+bo" + _BY),  # 'bị bãi bỏ bởi …'
    _Formula("REPEALS", True, _word_start("b") + r"ai\s+bo\s+boi(?![a-z])"),  # 'bãi bỏ bởi'
    _Formula("REPEALS", False, _word_start("b") + r"ai\s+bo(?![a-z])"),  # 'bãi bỏ'
    # amend
    _Formula("AMENDS", True,  # 'được sửa đổi, bổ sung (một số điều / năm 2019) bởi …'
             r"duoc\s+" + _AMENDED + r"(?:\s+(?:mot\s+so\s+dieu|nam\s+(?:19|20)\d\d))?" + _BY),
    _Formula("AMENDS", True,  # 'bị sửa đổi … bởi'
             r"bi\s+" + _AMENDED + r"(?:\s+(?:mot\s+so\s+dieu|nam\s+(?:19|20)\d\d))?" + _BY),
    _Formula("AMENDS", True, _word_start("s") + _AMENDED_S[1:] + _AMENDED_TAIL + r"\s+boi(?![a-z])"),  # 'sửa đổi … bởi'
    _Formula("AMENDS", True, _word_start("b") + _AMENDED_B[1:] + _AMENDED_TAIL + r"\s+boi(?![a-z])"),  # 'bổ sung bởi'
    # in brackets, the amending texts right after it, without 'bởi': 'Nghị định số 37/2017/NĐ-CP (được sửa đổi, bổ
    # sung Nghị định số 147/2018/NĐ-CP, …)'; the formula begins after the bracket
    _Formula("AMENDS", True, r"\([ \t]{0,2}(?:da\s+)?duoc\s+" + _AMENDED
             + r"(?=\s+(?:nghi\s+dinh|thong\s+tu|quyet\s+dinh|luat|nghi\s+quyet)\s+so)", 1),
    _Formula("AMENDS", False, _word_start("s") + r"ua\s+doi(?:\s*,?\s*bo\s+sung)?(?![a-z])"),  # 'sửa đổi (, bổ sung)'
    # guide
    _Formula("GUIDES", True,  # 'được quy định chi tiết / hướng dẫn (thi hành) bởi …'
             r"duoc\s+(?:quy\s+dinh\s+chi\s+tiet|huong\s+dan(?:\s+thi\s+hanh)?)" + _BY),
    _Formula("GUIDES", False,  # 'hướng dẫn (tổ chức thực hiện / thi hành / thực hiện)'
             _word_start("h") + r"(?:uong\s+dan\s+to\s+chuc\s+thuc\s+hien|uong\s+dan\s+thi\s+hanh"
             r"|uong\s+dan\s+thuc\s+hien|uong\s+dan)(?![a-z])"),
    _Formula("GUIDES", False,  # 'quy định chi tiết (và hướng dẫn) thi hành', 'quy định và hướng dẫn thi hành'
             _word_start("q") + r"uy\s+dinh\s+(?:chi\s+tiet(?:\s+(?:va\s+huong\s+dan\s+)?thi\s+hanh)?"
             r"|va\s+huong\s+dan\s+thi\s+hanh)(?![a-z])"),
    # implement
    _Formula("IMPLEMENTS", False,  # 'triển khai (thực hiện)', 'tổ chức thực hiện', 'thực hiện'
             _word_start("t") + r"(?:rien\s+khai\s+thuc\s+hien|rien\s+khai|o\s+chuc\s+thuc\s+hien|huc\s+hien)(?![a-z])"),
    _Formula("IMPLEMENTS", False, _word_start("c") + r"u\s+the\s+hoa(?![a-z])"),  # 'cụ thể hóa'
]

_ALL_TRIGGERS = re.compile("|".join(f"{p}(?P<t{i}>)" for i, (_, _, p, _) in enumerate(_TRIGGERS)))

_AMENDING_LAW_TITLE = re.compile(r"(?<![a-z])cua\s+luat\s+$")


# Where a formula may begin, for a whole text in one pass of Hyperscan (`prefilter`): every formula of _TRIGGERS opens
# with one of these (its first words, the look-behinds left out; white space as Python's \s reads it in ASCII, and '?'
# for any character past ASCII). The formulas are then tried only there (tests/test_scans.py).
_WS = rb"[\t\n\x0b\x0c\r\x1c-\x1f ?]"
_TRIGGER_GATE = Gate(*(w.replace(b"_", _WS) for w in (
    rb"duoc_+(?:thay|bai|sua|bo|quy|huong)", rb"bi_+(?:thay|bai|sua|bo)", rb"thay_+the", rb"bai_+bo", rb"sua_+doi",
    rb"bo_+sung", rb"\([ \t]{0,2}(?:da_+)?duoc_", rb"huong_+dan", rb"quy_+dinh_+(?:chi|va)", rb"trien_+khai",
    rb"to_+chuc_+thuc", rb"thuc_+hien", rb"cu_+the_+hoa")))


def _trigger_matches(low: str, a: int, b: int) -> Iterator[re.Match[str]]:
    """`_ALL_TRIGGERS.finditer(low, a, b)`, the same matches, the pattern tried only where the gate found a formula's
    first words (found once for the whole text)."""
    starts = _TRIGGER_GATE.starts_of(low)
    if starts is None:
        yield from _ALL_TRIGGERS.finditer(low, a, b)
        return
    done = a
    match = _ALL_TRIGGERS.match
    for i in range(bisect_left(starts, a), len(starts)):
        s = starts[i]
        if s >= b:
            break
        if s >= done and (m := match(low, s, b)) is not None:
            done = m.end()
            yield m


def find_triggers(low: str, a: int, b: int) -> list[_Trigger]:
    """The relation formulas in low[a:b]; where two overlap the one listed first in _TRIGGERS wins
    ('được thay thế bằng' over 'thay thế', 'hướng dẫn thực hiện' over 'thực hiện')."""
    out: list[_Trigger] = []
    for m in _trigger_matches(low, a, b):
        type_, passive, _, skip = _TRIGGERS[int(m.lastgroup[1:]) if m.lastgroup else 0]
        if type_ == "AMENDS" and not passive and _AMENDING_LAW_TITLE.search(low, max(0, m.start() - 12), m.start()):
            continue  # '… thi hành một số điều của Luật sửa đổi, bổ sung …': an amending law's title, not an act
        out.append(_Trigger(type_, passive, m.start() + skip, m.end()))
    return out


# another formula between a trigger and what it acts on: the object is that formula's ('Bãi bỏ quy định … Nghị định
# số A được sửa đổi bởi …'); 'được' and 'bị' begin every passive one
_OTHER_FORMULA = re.compile(
    r"(?<![a-z])(?:duoc|bi|sua\s+doi|thay\s+the|bai\s+bo|het\s+hieu\s+luc|huong\s+dan|quy\s+dinh\s+chi\s+tiet)(?![a-z])"
)

_AND_BEFORE = re.compile(r"(?<![a-z])va\s*$")  # the folded 'và' right before a formula


# ----------------------------------------------------------------------------------------------------
# parts of a document: a repeal or replacement of parts amends

# a word that names a part of a document, not the whole: 'Điều', 'khoản', 'điểm', 'cụm từ', 'Phụ lục', 'mẫu số', 'một số
# điều', 'một phần', 'nội dung', 'quy định tại', 'danh mục', 'bảng', 'số thứ tự': a repeal or replacement of it amends
_PARTIAL = re.compile(
    r"(?<![a-z])(?:dieu|khoan|diem|cum\s+tu|phu\s+luc|mau\s+so|mau|muc|chuong|tiet|bieu|so\s+thu\s+tu|"
    r"noi\s+dung|quy\s+dinh\s+tai|quy\s+dinh\s+sau\s+(?:day\s+)?(?:trong|cua|tai)|mot\s+so\s+dieu|mot\s+phan|danh\s+muc|"
    r"bang)(?![a-z])"
)

# a reference to parts of a document written right before it: 'khoản 2 Điều 9', 'khoản 2 và 4 Điều 11', 'điểm a'
_PART_ID = r"(?:\d{1,3}[a-zđ]?|[a-zđ])"

_PART_REF = re.compile(
    r"(?:(?:dieu|khoan|diem|muc|chuong|tiet|phu\s+luc|mau(?:\s+so)?)\s+" + _PART_ID
    + r"(?:\s*(?:,|va)\s*" + _PART_ID + r")*[\s,]*)+"
)

# parts named right before a document: 'khoản 2 Điều 8 Nghị định số …', 'Phụ lục 1 ban hành kèm theo Thông tư số …'
_PARTS_ENDING = re.compile(r"(?<![a-z])(?<!danh\s)(?:" + _PART_REF.pattern + r")\s*$")  # 'Danh mục 14' is not 'Mục 14'

_PARTS_BEFORE = re.compile(
    _PARTS_ENDING.pattern + "|" + _PARTIAL.pattern + r"[^.;:\n]{0,40}(?:kem\s+theo|cua|tai|thuoc)\s*$"
)

# a thing placed in a document, right before the document: '… quy định tại Điều 26 ', '… tại khoản 2 Điều 11 của '
# 'Điều 4, Điều 5, …, Điều 8 và Điều 9': one level of repetition (a repetition of _PART_REF would nest two and
# backtrack exponentially on a long list that does not end as asked); each identifier ends at a word's end
_PART_LIST = (r"(?:(?:dieu|khoan|diem|muc|chuong|tiet|phu\s+luc|mau(?:\s+so)?)\s+" + _PART_ID
              + r"(?![a-z0-9])(?:\s*(?:,|va)\s*" + _PART_ID + r"(?![a-z0-9])){0,20}[\s,]*(?:va\s+)?){1,40}")

_PLACED_IN = re.compile(r"(?<![a-z])(?:quy\s+dinh\s+tai\s+(?:" + _PART_LIST + r")?|tai\s+" + _PART_LIST + r")(?:cua\s+)?\s*$")

# a list of parts right after a formula, up to whose they are: 'hướng dẫn thi hành khoản 4 Điều 24, …, khoản 6 Điều 84
# của Luật …', 'các điều 104, 105 của …'
_PARTS_OF = re.compile(r"\s{0,4}(?:cac\s+)?" + _PART_LIST + r"(?:cua|tai)\s+")

# the words of a list of parts ('khoản 2, khoản 3 Điều 25 - Mẫu số 01 … Phụ lục'), for _parts_only
_PART_WORDS = frozenset(("dieu", "khoan", "diem", "mau", "so", "phu", "luc", "chuong", "muc", "va", "cac", "-", "–"))


def _parts_only(text: str) -> bool:
    """Whether folded text names parts of a document and nothing else: 'khoản 2, khoản 3 điều 25 - mẫu số 01 …
    phụ lục' (words, numbers, single letters: no regular expression to backtrack). Wider than `_PART_REF`, which
    other clauses rely on: a dash between items, 'Phụ lục' with no number."""
    words = text.replace(",", " ").split()
    return bool(words) and all(w in _PART_WORDS or w.isdigit() or (len(w) == 1 and w.isalpha())
                               or (w[:-1].isdigit() and w[-1].isalpha()) for w in words)


# ----------------------------------------------------------------------------------------------------
# replace, repeal, expire

# 'hết hiệu lực (thi hành)', 'chấm dứt hiệu lực': what is named before it expires
# (each word begins with its letter, `_word_start`: the engine tries only where an 'h' or a 'c' stands)
_EXPIRES = re.compile(f"(?:{_word_start('h')}et|{_word_start('c')}ham\\s+dut)"
                      r"\s+hieu\s+luc(?:\s+thi\s+hanh)?(?![a-z])")

# '… hết hiệu lực (thi hành) kể từ ngày / kể từ thời điểm / kể từ khi Thông tư này có hiệu lực'
_FROM_DAY_DOC_EFFECTIVE = re.compile(r"^\s*(?:thi\s+hanh\s+)?(?:ke\s+)?tu\s+(?:ngay|thoi\s+diem|khi)\s+")

# 'Kể từ ngày Thông tư này có hiệu lực thi hành, Thông tư số X … hết hiệu lực': the text that takes effect opens
# the clause (matched at the sentence start, after a list marker; the mention is checked where it ends)
_FROM_DAY_OPENS = re.compile(r"[\s\-–]{0,4}(?:[a-zđ]\)|\d{1,3}\.)?\s{0,3}(?:ke\s+)?tu\s+ngay\s+")

# '… (chính thức) có hiệu lực (thi hành),' after the text that opens the clause
_OPENS_EFFECT = re.compile(r"\s{0,3}(?:chinh\s+thuc\s+)?co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s{0,3},")

# 'Kể từ ngày 01 tháng 01 năm 2024,' opening the sentence, before what expires
_FROM_DATE_OPENS = re.compile(r"[\s\-–]{0,4}(?:[a-zđ]\)|\d{1,3}\.)?\s{0,3}(?:ke\s+)?tu\s+ngay\s+" + DATE_RE.pattern + r"\s*,")

# '… đến ngày / cho đến khi … hết hiệu lực': a term, not an act
_UNTIL = re.compile(r"(?<![a-z])(?:den|truoc|sau|khi)\s+(?:ngay|khi|thoi\s+diem)(?![a-z])|(?<![a-z])khi(?![a-z])")

# 'đã', 'cũng đã', 'vẫn' right before 'hết hiệu lực': a report ('đã hết hiệu lực'), not an act
_ALREADY = re.compile(r"(?<![a-z])(?:da|cung\s+da|van)\s*$")

# an article's heading, which the group captures: 'Điều 10. Hiệu lực thi hành'; at the start of the text, or after a
# newline (the match holds the newline). Written as two patterns, as '(?:^|\n)…' gives the regex engine no first
# character to skip to (a pass over the Gazette corpus: 0.48 s; the newline's: 0.06 s)
_ARTICLE_HEADING_TEXT = r"[ \t\"“]*dieu\s+\d{1,3}[a-z]?\s*[.:]([^\n]{0,80})"

_ARTICLE_HEADING_FIRST = re.compile(r"\A" + _ARTICLE_HEADING_TEXT)  # at the start of the text only

_ARTICLE_HEADING = re.compile("\n" + _ARTICLE_HEADING_TEXT)


def article_headings(low: str) -> list[re.Match[str]]:
    """What '(?:^|\\n)' + the heading finds, in order: the heading that opens the text, then those after a newline."""
    first = _ARTICLE_HEADING_FIRST.match(low)
    rest = list(_ARTICLE_HEADING.finditer(low, first.end() if first else 0))
    return [first, *rest] if first else rest


# the first article, at the start of the text or of a line: 'Điều 1.', 'Điều 1:' (the legal bases stand before it)
_FIRST_ARTICLE_FIRST = re.compile(r"\A[ \t]*dieu\s+1\s*[.:]")  # at the start of the text only

_FIRST_ARTICLE = re.compile(r"\n[ \t]*dieu\s+1\s*[.:]")


def first_article(low: str) -> int | None:
    """Where what '(?:^|\\n)[ \\t]*dieu\\s+1\\s*[.:]' first finds begins."""
    if _FIRST_ARTICLE_FIRST.match(low):
        return 0
    m = _FIRST_ARTICLE.search(low)
    return m.start() if m else None


# … the heading of the text's own article on its effect: 'Hiệu lực thi hành', 'Điều khoản thi hành', 'Tổ chức thực
# hiện và hiệu lực thi hành'
_EFFECT_HEADING = re.compile(
    r"[\s.:]{0,6}(?:hieu\s+luc\b|dieu\s+khoan\s+thi\s+hanh|(?:to\s+chuc\s+thuc\s+hien|trach\s+nhiem\s+thi\s+hanh)\s+va\s+hieu\s+luc)")

# what ends an article before the next one: the signature block, an appendix
_ARTICLE_END = re.compile(r"\n[ \t]*(?:noi\s+nhan|phu\s+luc\b|danh\s+muc\b|mau\s+so\b|bieu\s+mau\b)")


# ----------------------------------------------------------------------------------------------------
# amend

# '… (đã) được sửa đổi, bổ sung (một số điều) bởi / tại / theo:' right before the documents listed: they amended the
# document before it, which is what expires
_PASSIVE_AMEND_TAIL = re.compile(
    r"(?:da\s+)?duoc\s+" + _AMENDED + r"(?:\s+mot\s+so\s+dieu)?\s+(?:boi|bang|tai|theo)\s*:?\s*$"
)

# what may stand between "sửa đổi" / "hướng dẫn" and the document when it is not right after:
# "một số điều của", "khoản 9 Điều 3 và mẫu số 01 kèm theo", "thi hành một số nội dung tại"
_OBJECT_LEAD = re.compile(r"(?<![a-z])(?:cua|tai|theo|thuoc|kem\s+theo|doi\s+voi)\s*$")

# the object's own name before its number: 'Sửa đổi, bổ sung Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở
# số 30/2023/QH15' (the mention is the number)
_NAMED_BEFORE_NUMBER = re.compile(r"\s{0,4}(?:bo\s+luat|luat|phap\s+lenh)\s[^.;:]{0,120}?(?<![a-z])so\s*")

# a formula of its own right after a document of a list: '…, Luật Điện ảnh số 62/2006/QH11 đã được sửa đổi …' (the next
# thing amended, not one more amending text)
_PASSIVE_NEXT = re.compile(r"[\s,]{0,3}(?:da\s+|cung\s+)?(?:duoc|bi)\s+(?:sua\s+doi|bo\s+sung|thay\s+the|bai\s+bo)")


# ----------------------------------------------------------------------------------------------------
# guide and implement

# … and, after 'quy định chi tiết', the measures to apply a text: 'quy định chi tiết một số điều và biện pháp thi hành
# Luật Viễn thông', 'quy định chi tiết và biện pháp thi hành Pháp lệnh …'
_GUIDE_LEAD = re.compile(r"(?<![a-z])(?:bien\s+phap|viec)\s+(?:de\s+)?(?:to\s+chuc\s+)?thi\s+hanh\s*$")

# what leads from a text's scope to the document it details: 'của', 'tại', '(theo) quy định tại', 'ban hành kèm theo',
# 'thuộc', with the parts named before the document ('tại khoản 6 Điều 13 Luật Quản lý thuế')
_SCOPE_LEAD = re.compile(
    r"(?<![a-z])(?:cua|tai|thuoc|kem\s+theo|theo\s+quy\s+dinh\s+(?:tai|cua))\s+(?:" + _PART_LIST + r")?(?:cua\s+)?$")


# a task the text gives, not an act of its own: 'Giao Bộ Lao động - Thương binh và Xã hội … hướng dẫn …'
_TASK_GIVEN = re.compile(r"(?:^|\n)[ \t]*(?:[a-zđ]\)\s*|\d{1,3}\.\s*|[-+]\s*)?giao\s+(?:cho\s+)?(?:bo|uy\s+ban|ngan\s+hang|co\s+quan|thu\s+truong|bo\s+truong|cac\s+bo)\b")


# ----------------------------------------------------------------------------------------------------
# who acts: the text itself, documents listed together

# what may open a clause whose doer is the text itself: an item mark, 'Điều 3.', and 'Kể từ ngày Thông tư này
# có hiệu lực (thi hành),' ('… bãi bỏ Thông tư số 02/2019/TT-BLĐTBXH')
_SELF_CLAUSE_HEAD = re.compile(
    r"\s*(?:[a-z]\)\s*)?(?:dieu\s+\d+[a-z]?\.\s*)?"
    r"(?:(?:ke\s+)?tu\s+ngay\s+(?:[a-z]+\s+){1,3}nay\s+co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s*,\s*)?"
    r"(?:(?:sua\s+doi|bo\s+sung|thay\s+the|bai\s+bo)\s*,\s*)*"  # 'Thay thế, bãi bỏ một số cụm từ … của Nghị định …'
)

# what may stand between the text's own name and its formula: 'Thông tư này có hiệu lực từ ngày 01/01/2026, thay thế …'
_EFFECT_BEFORE_FORMULA = re.compile(
    r"[ \t\r\n]{0,6}co\s+hieu\s+luc(?:\s+thi\s+hanh)?(?:\s+ke)?\s+tu\s+(?:(?:ngay\s+)?" + DATE_RE.pattern
    + r"|ngay\s+(?:ky(?:\s+ban\s+hanh)?|ban\s+hanh|thong\s+qua|cong\s+bo))\s*[,;]?\s*(?:va\s+)?"
)
# … and in news, without a date: '… số 170/2026/NĐ-CP chính thức có hiệu lực, thay thế …'
_IN_EFFECT_BEFORE_FORMULA = re.compile(
    _EFFECT_BEFORE_FORMULA.pattern + r"|[ \t]{0,3}(?:(?:da|se|chinh\s+thuc)\s+)?co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s*,\s*(?:va\s+)?")

# what joins documents listed side by side: ',', ';', 'và', 'hoặc', and 'các', 'tại', 'ở' before the next
# a participle clause between a document and its formula, in news: '… số 31/2024/QH15 được Quốc hội thông qua ngày
# 18/01/2024, thay thế …', '… được Quốc hội khóa XV thông qua tại Kỳ họp thứ 6 và thay thế …', '… do Chính phủ ban hành'
_ADOPTED = re.compile(
    r"[\s,]{0,3}(?:da\s+|vua\s+)?(?:duoc|do)\s+(?:[a-z]+\s+){1,8}?(?:thong\s+qua|ban\s+hanh|ky(?:\s+ban\s+hanh)?)"
    r"(?:\s+(?:tai|vao)\s+(?:[a-z0-9]+\s+){1,8}?(?=ngay|[,.]|va\s)|\s+)?(?:ngay\s+" + DATE_RE.pattern + r")?[\s,]{0,3}(?:va\s+)?")

_COORD = re.compile(r"^[\s,;]*(?:va|hoac)?[\s,;]*(?:cac\s+|tai\s+|o\s+)?$")


# ----------------------------------------------------------------------------------------------------
# legal bases and lists

# 'Căn cứ' opening a sentence: a legal basis
_CAN_CU = re.compile(r"can\s+cu\b")

# … and anywhere: where a title ends ('Hướng dẫn kế toán … Căn cứ Luật Kế toán …')
_LEGAL_BASIS = re.compile(r"(?<![a-z])can\s+cu(?![a-z])")

# a line of the preamble: 'Căn cứ …', 'Theo đề nghị của …', 'Xét đề nghị …', 'Theo Tờ trình …'
_BASIS_LINE = re.compile(r"(?:can\s+cu|theo\s+de\s+nghi|xet\s+de\s+nghi|theo\s+to\s+trinh)\b")

# the enacting formula that closes the preamble: 'Chính phủ ban hành Nghị định …', 'Bộ trưởng … ban hành Thông tư …'
_ENACTING_LINE = re.compile(r"[^.;:]{0,120}?(?<![a-z])ban\s+hanh\b")

# what closes the legal bases: 'Theo đề nghị của …', 'Xét …', 'Thực hiện …', 'Chính phủ ban hành …'
_BASES_CLOSED = re.compile(r"(?:theo|xet|thuc\s+hien|chinh\s+phu|bo\s+truong|[a-z ]{0,30}ban\s+hanh)\b")

# '… có căn cứ ban hành như sau:': the bases that follow are those of the text just named (a footnote of a
# consolidated text quoting an amending text's preamble)
_OWN_BASES_FOLLOW = re.compile(r"co\s+can\s+cu\s+ban\s+hanh\s+nhu\s+sau\s*:?$")

# '… như sau:': what follows goes on with the same text
_AS_FOLLOWS = re.compile(r"nhu\s+sau\s*:?$")

# 'Điều 2 …' opening a sentence: an article, not an item of a list
_ARTICLE_AT = re.compile(r"^\s*dieu\s+\d")

# what ends the items of a list: the legal bases, a chapter, an article ('Căn cứ …', 'Chương II', 'Điều 3.')
_LIST_ENDS = re.compile(r"^\s*(?:can\s+cu|chuong|dieu\s+\d+[a-z]?\s*\.)")


# ----------------------------------------------------------------------------------------------------
# quoted provisions and who owns them

# the lead of a quoted provision: '[footnote number] [Điều 3 / Các điều 10, 11 / Điều 3 và Điều 4 (của)] <document> …'
_QUOTE_LEAD = re.compile(
    r"\s*(?:\d{1,3}\s+)?(?:(?:cac\s+)?(?:dieu|khoan|diem|chuong|muc)\s+[\da-z]{1,4}"
    r"(?:\s*(?:,|va)\s*(?:(?:dieu|khoan|diem|chuong|muc)\s+)?[\da-z]{1,4}|\s+(?:dieu|khoan|diem|chuong|muc)\s+[\da-z]{1,4})*"
    r"\s+(?:cua\s+|tai\s+)?)?")

# … and its end: 'quy định như sau:', 'có căn cứ ban hành như sau:'
_QUOTE_LEAD_TAIL = re.compile(r"(?:(?:co\s+)?can\s+cu\s+ban\s+hanh|quy\s+dinh|co\s+noi\s+dung)\s+nhu\s+sau\s*:?\s*$")

# ', có hiệu lực (thi hành) (kể) từ ngày …' between the document and the lead's end
_EFFECT_CLAUSE = re.compile(r"co\s+hieu\s+luc(?:\s+thi\s+hanh)?")

# a text's statement of when it takes effect, opening a sentence: '1. Nghị định này có hiệu lực …'
_EFFECT_SENTENCE = re.compile(r"[\s“\"]{0,6}(?:\d{1,3}\.\s*)?(?:[a-z]+\s+){1,3}nay\s+co\s+hieu\s+luc\b")

# blank lines right before a position: where the cleaner took a Gazette page header out
_PAGE_BREAK_BEFORE = re.compile(r"\n[ \t]*\n[ \t\n]*(?:\d{1,3}\.[ \t]*)?$")  # blank lines: where the cleaner took a Gazette page header out


# ----------------------------------------------------------------------------------------------------
# effects on parts (issue 25 §2): the kind of effect each formula states, and the words of a list of parts

class EffectFormula(NamedTuple):
    """A formula that states what a text does to (parts of) another: the kind of effect, the pattern (matched where
    the relation's formula begins, on the folded text), and the Vietnamese it reads."""

    kind: str
    pattern: str
    example: str


# In order: the first that matches where the relation's formula begins gives the kind. Words changed ('cụm từ', 'từ',
# 'nội dung “…”') come before the act on a part; 'bổ sung' alone inserts, 'sửa đổi (, bổ sung)' amends. Inserted words
# are a change of the words of a part ('Bổ sung cụm từ “, cung ứng” sau cụm từ …'), read as words_substituted.
_WORDS = r"(?:(?:mot\s{1,4}so|cac)\s{1,4})?(?:cum\s{1,4}tu|tu\s{0,4}[“\"]|tu\s{1,4}ngu|noi\s{1,4}dung\s{0,4}[“\"])"
EFFECT_FORMULAS: tuple[EffectFormula, ...] = (
    EffectFormula("words_substituted", r"(?:thay\s{1,4}the|thay\s{1,4}doi|sua\s{1,4}doi)\s{1,4}" + _WORDS,
                  "Thay thế cụm từ “Ủy ban nhân dân cấp huyện” tại điểm a khoản 2 Điều 6 bằng cụm từ “…”"),
    EffectFormula("words_substituted", r"bo\s{1,4}sung\s{1,4}" + _WORDS,
                  "Bổ sung cụm từ “tổ chức thực hiện hoặc” trước cụm từ “…” tại điểm a khoản 3 Điều 10"),
    EffectFormula("words_removed", r"(?:bai\s{1,4}bo|bo|loai\s{1,4}bo)\s{1,4}" + _WORDS,
                  "Bãi bỏ cụm từ “, Bộ Kế hoạch và Đầu tư” tại khoản 2 Điều 22"),
    EffectFormula("suspended", r"(?:tam\s{1,4}(?:ngung|dung|dinh\s{1,4}chi)|ngung|dinh\s{1,4}chi)\s{1,4}"
                  r"(?:viec\s{1,4})?(?:hieu\s{1,4}luc|thi\s{1,4}hanh|ap\s{1,4}dung)",
                  "Tạm ngưng hiệu lực Nghị định số 46/2026/NĐ-CP …"),
    EffectFormula("repealed", r"(?:bai\s{1,4}bo|huy\s{1,4}bo|(?:het|cham\s{1,4}dut)\s{1,4}hieu\s{1,4}luc)(?![a-z])",
                  "Bãi bỏ khoản 2 Điều 8 Nghị định số …; … hết hiệu lực kể từ ngày …"),
    EffectFormula("replaced", r"thay\s{1,4}the(?![a-z])", "Thay thế Phụ lục I ban hành kèm theo Thông tư số …"),
    EffectFormula("amended", r"sua\s{1,4}doi(?![a-z])", "Sửa đổi, bổ sung Điều 3 của Thông tư số …"),
    EffectFormula("inserted", r"bo\s{1,4}sung(?![a-z])", "Bổ sung Điều 8a vào sau Điều 8 như sau:"),
    EffectFormula("detailed", r"quy\s{1,4}dinh\s{1,4}chi\s{1,4}tiet(?![a-z])",
                  "quy định chi tiết khoản 4 Điều 24, … của Luật …"),
    EffectFormula("guided", r"huong\s{1,4}dan(?![a-z])", "hướng dẫn thi hành Điều 5 Nghị định số …"),
)

# … read where the formula begins, after 'được', 'bị', 'đã' of a passive one ('Khoản 2 Điều 8 … được bãi bỏ bởi …')
_EFFECT_FORMULA = re.compile(
    r"(?:(?:da|cung)\s{1,4})?(?:(?:duoc|bi)\s{1,4})?(?:" + "|".join(f"(?P<k{i}>{f.pattern})" for i, f in enumerate(EFFECT_FORMULAS))
    + ")")

# the kind of effect a relation type states when its formula names none of the above (a text that takes effect ends
# another: '… hết hiệu lực kể từ ngày Thông tư này có hiệu lực' replaces it)
EFFECT_OF_TYPE: dict[str, str] = {"REPLACES": "replaced", "REPEALS": "repealed", "AMENDS": "amended", "GUIDES": "guided"}

# the kinds of effect that act on a whole text, when the formula names no part: 'Thông tư này thay thế Thông tư số …',
# 'Bãi bỏ Quyết định số …', 'Nghị định này quy định chi tiết Luật …'; an amendment is always of parts (the items say
# which), so an AMENDS that names none carries no effect
WHOLE_TEXT_KINDS = frozenset(("replaced", "repealed", "suspended", "detailed", "guided"))

# the words of a list of parts: the kind words ('Điều', 'khoản', 'điểm', 'Phụ lục', 'Mẫu số', 'Mục', 'Chương', 'Phần'),
# and what joins the items ('các điều 104, 105 và 106', 'từ Điều 5 đến Điều 10', 'ban hành kèm theo', 'của', 'tại')
PART_KIND_WORDS: dict[str, str] = {"dieu": "dieu", "khoan": "khoan", "diem": "diem", "muc": "muc", "chuong": "chuong",
                                   "phan": "phan", "phu luc": "phu_luc", "mau": "mau", "mau so": "mau"}
PART_JOINERS = frozenset((",", "va", "cac", "tu", "den", "-", "–", "…", "...", "cua", "tai", "thuoc", "quy", "dinh",
                          "ban", "hanh", "kem", "theo", "so"))
# after one of these, the part named is where the new one goes, not what is changed: 'Bổ sung Điều 8a vào sau Điều 8'
PART_ANCHORS = frozenset(("sau", "truoc", "vao"))

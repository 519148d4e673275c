"""Forms of writing read as rules of Vietnamese legal drafting and news writing (issue 23), each a row of a table with
a verbatim excerpt of real text: the Gazette corpus, the development set's older legal texts, or news paragraphs that
state facts of the corpus. A row says what must be read and what must not."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from graph.model import Graph
from graph.pipeline import extract_text
from graph.resolve import Resolver


class MentionCase(NamedTuple):
    """The mentions a sentence holds: (the span as written, the law's name or None, the number's key or None)."""

    id: str
    text: str
    mentions: list[tuple[str, str | None, str | None]]


class RelationCase(NamedTuple):
    """The relations a text states ((type, source key, target key)), and those it must not be read as stating."""

    id: str
    text: str
    expected: set[tuple[str, str, str]]
    forbidden: set[tuple[str, str, str]] = set()


def _mentions(text: str) -> list[tuple[str, str | None, str | None]]:
    ex = extract_text(text, "t.txt").extraction
    assert ex is not None
    return [(" ".join(ex.text.text[m.start : m.end].split()), m.name, m.number.base if m.number else None)
            for m in ex.mentions]


def _graph(*texts: str) -> Graph:
    return Resolver().build([extract_text(t, f"t{i}.txt") for i, t in enumerate(texts)])


def _rels(*texts: str) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in _graph(*texts).relations.values() if r.type != "ISSUED_BY"}


# §4: the name in front of the number stays with it (development set; Gazette corpus)
NAMED_NUMBERS = [
    MentionCase("small letters", "Căn cứ Luật ngân sách nhà nước số 01/2002/QH11 ngày 16 tháng 12 năm 2002 .",
                [("Luật ngân sách nhà nước số 01/2002/QH11", "Luật Ngân sách nhà nước", "1/2002/QH11")]),
    MentionCase("vệ is not về", "Căn cứ Pháp lệnh Bảo vệ và Kiểm dịch thực vật số 36/2001/PL-UBTVQH10 ngày 25/7/2001 .",
                [("Pháp lệnh Bảo vệ và Kiểm dịch thực vật số 36/2001/PL-UBTVQH10",
                  "Pháp lệnh Bảo vệ và kiểm dịch thực vật", "36/2001/PL-UBTVQH10")]),  # the listed title
    MentionCase("a name ending in pháp luật",
                "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 17/2008/QH12 ngày 03/6/2008 .",
                [("Luật Ban hành văn bản quy phạm pháp luật số 17/2008/QH12",
                  "Luật Ban hành văn bản quy phạm pháp luật", "17/2008/QH12")]),
    MentionCase("(sửa đổi) before the number", "theo Luật Giao dịch điện tử (sửa đổi) số 20/2023/QH15",
                [("Luật Giao dịch điện tử (sửa đổi) số 20/2023/QH15", "Luật Giao dịch điện tử", "20/2023/QH15")]),
    MentionCase("A, B số N: the number is B's",
                "Căn cứ Luật Thuế tiêu thụ đặc biệt, Luật Thuế giá trị gia tăng số 57/2005/QH11 ngày 29 tháng 11 năm 2005",
                [("Luật Thuế tiêu thụ đặc biệt", "Luật Thuế tiêu thụ đặc biệt", None),
                 ("Luật Thuế giá trị gia tăng số 57/2005/QH11", "Luật Thuế giá trị gia tăng", "57/2005/QH11")]),
    MentionCase("no 'số'", "Căn cứ Luật Thống kê 04/2003/QH11 ngày 17 tháng 6 năm 2003;",
                [("Luật Thống kê 04/2003/QH11", "Luật Thống kê", "4/2003/QH11")]),
    MentionCase("in a provision", "quy định tại điểm a khoản 1 Điều 22 Luật đấu thầu số 43/2013/QH13 , đồng thời",
                [("Luật đấu thầu số 43/2013/QH13", "Luật Đấu thầu", "43/2013/QH13")]),
    MentionCase("Luật Luật sư", "Căn cứ Luật Luật sư số 65/2006/QH11 ngày 29 tháng 6 năm 2006 .",
                [("Luật Luật sư số 65/2006/QH11", "Luật Luật sư", "65/2006/QH11")]),
    MentionCase("a bare 'Luật số' after another law", "Căn cứ Luật Đất đai, Luật số 46/2014/QH13",
                [("Luật Đất đai", "Luật Đất đai", None), ("Luật số 46/2014/QH13", None, "46/2014/QH13")]),
    MentionCase("an amending law with one law listed: the number may be either's",
                "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 46/2014/QH13",
                [("số 46/2014/QH13", None, "46/2014/QH13")]),
    MentionCase("a law office is not a law", "Văn phòng Luật sư số 5 Hà Nội", []),
    # the issuers between the type word and the number (development set)
    MentionCase("'của <issuer>' before 'số'", "và Nghị định của Chính phủ số 132/2008/NĐ-CP ngày 31/12/2008 quy định",
                [("Nghị định của Chính phủ số 132/2008/NĐ-CP", None, "132/2008/ND-CP")]),
    MentionCase("a joint circular's issuers before 'số'", "tại Điều 10 Thông tư Liên tịch Bộ Y tế-Bộ Nông nghiệp và Phát "
                "triển nông thôn-Bộ Công Thương số 13/2014/TTLT-BYT-BNNPTNT-BCT ngày 9/4/2014 hướng dẫn",
                [("Thông tư Liên tịch Bộ Y tế-Bộ Nông nghiệp và Phát triển nông thôn-Bộ Công Thương số "
                  "13/2014/TTLT-BYT-BNNPTNT-BCT", None, "13/2014/TTLT-BYT-BNNPTNT-BCT")]),
]


@pytest.mark.parametrize("case", NAMED_NUMBERS, ids=[c.id for c in NAMED_NUMBERS])
def test_name_before_number(case: MentionCase) -> None:
    assert _mentions(case.text) == case.mentions


# quoted provisions of consolidated texts (Gazette corpus)
_VBHN_QH = ("VĂN PHÒNG QUỐC HỘI\nSố: 22/VBHN-VPQH\nHà Nội, ngày 20 tháng 02 năm 2025\nLUẬT\nBẢO HIỂM Y TẾ\n"
            "Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 của Quốc hội, có hiệu lực kể từ ngày 01 "
            "tháng 7 năm 2009, được sửa đổi, bổ sung bởi:\n")
QUOTES = [
    RelationCase(
        "a short quote inside a quoted article does not close it",
        _VBHN_QH + "Các điều 23, 24 và 25 của Luật Phí và lệ phí số 97/2015/QH13, có hiệu lực kể từ ngày 01 \ntháng 01 "
        "năm 2017 quy định như sau: \n“Điều 23. Hiệu lực thi hành \n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 "
        "năm 2017.  \n2. Sửa đổi, bãi bỏ các quy định sau đây: \nc) Bỏ cụm từ “lệ phí tuyển sinh” tại Điều 101 và Điều "
        "105 của Luật Giáo dục số \n38/2005/QH11; \n3. Pháp lệnh Phí và lệ phí số 38/2001/PL-UBTVQH10 và Pháp lệnh Án "
        "phí, lệ phí toà án số \n10/2009/PL-UBTVQH12 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.”\n",
        expected={("REPLACES", "97/2015/QH13", "38/2001/PL-UBTVQH10"), ("REPLACES", "97/2015/QH13", "10/2009/PL-UBTVQH12")},
        forbidden={("REPLACES", "25/2008/QH12", "38/2001/PL-UBTVQH10")}),
]


@pytest.mark.parametrize("case", QUOTES, ids=[c.id for c in QUOTES])
def test_quotes(case: RelationCase) -> None:
    rels = _rels(case.text)
    assert case.expected <= rels
    assert not (case.forbidden & rels)


# §1, §5: laws, codes and ordinances named in small letters anywhere, when the list of laws holds the name; a longer
# name closed by 'ngày' beats a shorter listed one it begins with; stop words as written (development set; corpus)
LAWS_BY_NAME = [
    MentionCase("small letters, listed", "Người có liên quan được xác định theo quy định tại Điều 4 Luật doanh nghiệp .",
                [("Luật doanh nghiệp", "Luật Doanh nghiệp", None)]),
    MentionCase("a code in small letters", "Người lao động làm việc theo hợp đồng lao động theo quy định tại Bộ luật lao động.",
                [("Bộ luật lao động", "Bộ luật Lao động", None)]),
    MentionCase("a code named by its short form",
                "Các quy định của Bộ luật hàng hải Việt Nam về trục vớt , bảo quản và xử lý tài sản chìm đắm",
                [("Bộ luật hàng hải Việt Nam", "Bộ luật Hàng hải Việt Nam", None)]),
    MentionCase("'dự án luật được …' is not 'Luật Dược'", "Dự án luật được Quốc hội thông qua tại kỳ họp thứ 9.", []),
    MentionCase("'Luật được …' is not 'Luật Dược'", "Luật được Quốc hội thông qua ngày 1/1/2020.", []),
    MentionCase("a longer name closed by 'ngày'", "Căn cứ Luật Phá sản doanh nghiệp ngày 30 tháng 12 năm 1993;",
                [("Luật Phá sản doanh nghiệp", "Luật Phá sản doanh nghiệp", None)]),
    MentionCase("… not a phrase that runs on", "theo Luật Bảo vệ môi trường hoạt động trước ngày 01/01/2022",
                [("Luật Bảo vệ môi trường", "Luật Bảo vệ môi trường", None)]),
    MentionCase("a year column of a table is not more of the name", "22 \nBộ luật Hàng hải \n2026 \nBộ Xây dựng \n",
                [("Bộ luật Hàng hải", "Bộ luật Hàng hải Việt Nam", None)]),
    MentionCase("the law in general", "Doanh nghiệp tuân thủ pháp luật và luật sư tư vấn.", []),
    # development set: 'sử' (use) folds as 'sư' (lawyer) does; only 'sư' as written is no name
    MentionCase("'Luật Sử dụng …' is not 'luật sư'",
                "… được quy định trong Luật Sử dụng năng lượng tiết kiệm và hiệu quả .",
                [("Luật Sử dụng năng lượng tiết kiệm và hiệu quả", "Luật Sử dụng năng lượng tiết kiệm và hiệu quả", None)]),
    MentionCase("… before its number", "Căn cứ Luật Sử dụng năng lượng tiết kiệm và hiệu quả số 50/2010/QH12 ;",
                [("Luật Sử dụng năng lượng tiết kiệm và hiệu quả số 50/2010/QH12",
                  "Luật Sử dụng năng lượng tiết kiệm và hiệu quả", "50/2010/QH12")]),
    MentionCase("'Luật Luật sư' is the law on lawyers, named before its number", "Căn cứ Luật Luật sư số 65/2006/QH11 ;",
                [("Luật Luật sư số 65/2006/QH11", "Luật Luật sư", "65/2006/QH11")]),
]


# §2: older texts write the ordinal and the issuer's code apart (development set); not a code no body owns
SPACED_NUMBERS = [
    MentionCase("an ordinal with a letter", "… quy định tại Quyết định số 210a TC/VP ngày 1 tháng 4 năm 1990 …",
                [("Quyết định số 210a TC/VP", None, "210a/TC-VP")]),
    MentionCase("the issuer alone", "Quyết định số 150 CP ngày 10/6/1977", [("Quyết định số 150 CP", None, "150/CP")]),
    MentionCase("the body in the last part", "Căn cứ Quyết định số 167 HĐ/CTN ngày 24 tháng 8 năm 1998 ;",
                [("Quyết định số 167 HĐ/CTN", None, "167-HD/CTN")]),
    MentionCase("three parts, no 'số'", "Quyết định 1141 TC/QĐ/CĐKT , ngày 01-11-1995",
                [("Quyết định 1141 TC/QĐ/CĐKT", None, "1141/TC-QD-CDKT")]),
    MentionCase("a code no body owns is no number", "Nghị định 15 ABC/XYZ", []),
]


@pytest.mark.parametrize("case", SPACED_NUMBERS, ids=[c.id for c in SPACED_NUMBERS])
def test_spaced_numbers(case: MentionCase) -> None:
    assert _mentions(case.text) == case.mentions


@pytest.mark.parametrize("case", LAWS_BY_NAME, ids=[c.id for c in LAWS_BY_NAME])
def test_laws_by_name(case: MentionCase) -> None:
    assert _mentions(case.text) == case.mentions


# §11: a basis is the document the 'Căn cứ' line names, not one its title names or acts on (Gazette corpus)
_BASES_HEAD = ("BỘ TÀI CHÍNH\nSố: 58/2026/TT-BTC\nHà Nội, ngày 30 tháng 5 năm 2026\nTHÔNG TƯ\nHướng dẫn\n")
BASES = [
    RelationCase(
        "the laws an amending law's title lists are not bases",
        _BASES_HEAD + "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Kiểm toán độc "
        "lập, Luật Ngân sách nhà nước số 56/2024/QH15 ngày 29 tháng 11 năm 2024;\nĐiều 1. Phạm vi.\n",
        expected={("BASED_ON", "58/2026/TT-BTC", "56/2024/QH15")},
        forbidden={("BASED_ON", "58/2026/TT-BTC", "LUAT/ke-toan"), ("BASED_ON", "58/2026/TT-BTC", "LUAT/chung-khoan")}),
    RelationCase(
        "two amending laws with one law each, joined by 'và': both bases, the number is not the amended law's",
        _BASES_HEAD + "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 46/2014/QH13 ngày 13 tháng 6 "
        "năm 2014 và Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 51/2024/QH15 ngày 27 tháng 11 năm "
        "2024;\nĐiều 1. Phạm vi.\n",
        expected={("BASED_ON", "58/2026/TT-BTC", "46/2014/QH13"), ("BASED_ON", "58/2026/TT-BTC", "51/2024/QH15")}),
    RelationCase(
        "'Luật sửa đổi Luật X số N' without 'một số điều của'",
        _BASES_HEAD + "Căn cứ Luật Doanh nghiệp số 59/2020/QH14 và Luật sửa đổi Luật Doanh nghiệp số 76/2025/QH15;\n"
        "Điều 1. Phạm vi.\n",
        expected={("BASED_ON", "58/2026/TT-BTC", "59/2020/QH14"), ("BASED_ON", "58/2026/TT-BTC", "76/2025/QH15")}),
    RelationCase(
        "the amenders of a basis are bases with it",
        _BASES_HEAD + "Căn cứ Nghị định số 126/2020/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Quản lý "
        "thuế được sửa đổi, bổ sung bởi Nghị định số 91/2022/NĐ-CP và Nghị định số 373/2025/NĐ-CP;\nĐiều 1. Phạm vi.\n",
        expected={("BASED_ON", "58/2026/TT-BTC", "126/2020/ND-CP"), ("BASED_ON", "58/2026/TT-BTC", "91/2022/ND-CP"),
                  ("BASED_ON", "58/2026/TT-BTC", "373/2025/ND-CP"), ("AMENDS", "91/2022/ND-CP", "126/2020/ND-CP")}),
    RelationCase(
        "an amending law's title with another number in it is that number's",
        "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Quản lý nợ công số 20/2017/QH14 đã được sửa "
        "đổi, bổ sung một số điều theo Luật số 90/2025/QH15.",
        expected={("AMENDS", "90/2025/QH15", "20/2017/QH14")}),
]


# the title and preamble of a text name a law without its year: the version its legal bases name (nghi-dinh-so-158-
# 2025-nd-cp: 'Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;', the law of 2014 named in the same text and
# numbered in another); a law in another document's title keeps that document's time (25/2020/NĐ-CP's 'Luật Đấu thầu')
_OWN_VERSION = (
    "CHÍNH PHỦ\nSố: 158/2025/NĐ-CP\nHà Nội, ngày 25 tháng 6 năm 2025\nNGHỊ ĐỊNH\nQuy định chi tiết và hướng dẫn thi hành "
    "một số điều\ncủa Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc\nCăn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm "
    "2024;\nTheo đề nghị của Bộ trưởng Bộ Nội vụ;\nChính phủ ban hành Nghị định quy định chi tiết và hướng dẫn thi hành "
    "một số\nđiều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc.\nĐiều 1. Phạm vi điều chỉnh\nĐiều 23 của Nghị "
    "định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều của Luật Bảo hiểm xã "
    "hội về bảo hiểm xã hội bắt buộc được áp dụng.\n\x00"
    "Tin tức\nLuật Bảo hiểm xã hội số 58/2014/QH13 được thay thế bởi Luật Bảo hiểm xã hội số 41/2024/QH15. Trước đó, "
    "Nghị định số 152/2006/NĐ-CP hướng dẫn Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2006.\n\x00"
    "CHÍNH PHỦ\nSố: 115/2015/NĐ-CP\nHà Nội, ngày 11 tháng 11 năm 2015\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều của Luật "
    "Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc\nCăn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014;\nĐiều 1. Phạm "
    "vi\n")
OWN_VERSIONS = [
    RelationCase("the title's law is the version the bases name", _OWN_VERSION,
                 expected={("GUIDES", "158/2025/ND-CP", "41/2024/QH15"), ("BASED_ON", "158/2025/ND-CP", "41/2024/QH15")},
                 forbidden={("GUIDES", "158/2025/ND-CP", "58/2014/QH13"), ("GUIDES", "115/2015/ND-CP", "41/2024/QH15")}),
]


@pytest.mark.parametrize("case", OWN_VERSIONS, ids=[c.id for c in OWN_VERSIONS])
def test_own_versions(case: RelationCase) -> None:
    rels = _rels(*case.text.split("\x00"))
    assert case.expected <= rels, rels
    assert not (case.forbidden & rels), rels


@pytest.mark.parametrize("case", BASES, ids=[c.id for c in BASES])
def test_bases(case: RelationCase) -> None:
    rels = _rels(case.text)
    assert case.expected <= rels
    assert not (case.forbidden & rels)


# §3: a type word with a bare ordinal is the document of that type and ordinal the text names in full, else reported
SHORT = [
    MentionCase("named in full before", "Căn cứ Nghị định số 59/2011/NĐ-CP ngày 18/7/2011 của Chính phủ. Theo quy định "
                "tại khoản 1 Điều 24 Nghị định số 59 , Hội đồng quản trị có thể họp.",
                [("Nghị định số 59/2011/NĐ-CP", None, "59/2011/ND-CP"), ("Nghị định số 59", None, "59/2011/ND-CP")]),
    MentionCase("named in full after, as 'Thông tư 108'", "thủ tục chi tiết quy định tại Thông tư 108/2008/TT-BTC ngày 18 "
                "tháng 11 năm 2008 của Bộ Tài chính ( sau đây gọi tắt là Thông tư 108 ) .",
                [("Thông tư 108/2008/TT-BTC", None, "108/2008/TT-BTC"), ("Thông tư 108", None, "108/2008/TT-BTC")]),
    MentionCase("not a reference: a year, a date", "Nghị quyết 2024 của Quốc hội; Nghị quyết 18 tháng 5", []),
]


@pytest.mark.parametrize("case", SHORT, ids=[c.id for c in SHORT])
def test_short_references(case: MentionCase) -> None:
    assert _mentions(case.text) == case.mentions


def test_a_short_reference_named_in_full_nowhere_is_reported_not_guessed() -> None:
    g = _graph("Thực hiện các nhiệm vụ quy định tại Khoản 5 Điều 14 Nghị định số 24 .")
    assert [(a.mention, a.candidates) for a in g.ambiguities] == [("Nghị định số 24", [])]
    assert not any(k.startswith("24") for k in g.documents)


# §12: a text acts only on texts it has the power to change (ontology/ranks.tsv); what rank turns away is reported
RANKS = [
    RelationCase(
        "a circular does not amend the decree its object's title names (21/2026/TT-BTC)",
        "BỘ TÀI CHÍNH\nSố: 21/2026/TT-BTC\nHà Nội, ngày 17 tháng 3 năm 2026\nTHÔNG TƯ\n Sửa đổi, bổ sung một số điều "
        "của Thông tư số 80/2021/TT-BTC ngày 29 \ntháng 9 năm 2021 của Bộ trưởng Bộ Tài chính hướng dẫn thi hành một số "
        "\nđiều của Luật Quản lý thuế và Nghị định số 126/2020/NĐ-CP ngày 19 \ntháng 10 năm 2020 của Chính phủ quy định "
        "chi tiết một số điều của Luật \nQuản lý thuế \n \nCăn cứ Luật Quản lý thuế số 38/2019/QH14;\n",
        expected={("AMENDS", "21/2026/TT-BTC", "80/2021/TT-BTC")},
        forbidden={("AMENDS", "21/2026/TT-BTC", "126/2020/ND-CP")}),
    RelationCase(
        "a text of the state does not amend a text of the Party (97/NQ-CP)",
        "CHÍNH PHỦ\nSố: 97/NQ-CP\nHà Nội, ngày 06 tháng 4 năm 2026\nNGHỊ QUYẾT\nSửa đổi, bổ sung nhiệm vụ trong Chương "
        "trình hành động của Chính phủ thực hiện Nghị quyết số 66-NQ/TW ngày 30 tháng 4 năm 2025 của Bộ Chính trị về "
        "đổi mới công tác xây dựng và thi hành pháp luật\nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n",
        expected=set(), forbidden={("AMENDS", "97/NQ-CP@2026", "66-NQ/TW@2025")}),
    RelationCase(
        "the National Assembly amends the Constitution by a resolution",
        "QUỐC HỘI\nNghị quyết số: 203/2025/QH15\nHà Nội, ngày 16 tháng 6 năm 2025\nNGHỊ QUYẾT\nSửa đổi, bổ sung một số "
        "điều của Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ "
        "nghĩa Việt Nam;\n",
        expected={("AMENDS", "203/2025/QH15", "HIEN-PHAP/nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam@2013")}),
]


@pytest.mark.parametrize("case", RANKS, ids=[c.id for c in RANKS])
def test_ranks(case: RelationCase) -> None:
    g = _graph(case.text)
    rels = {(r.type, r.source, r.target) for r in g.relations.values()}
    assert case.expected <= rels
    assert not (case.forbidden & rels)
    rejected = {(x.type, x.source, x.target) for x in g.rejected}
    assert case.forbidden <= rejected  # turned away, and said so


# §14–16: news paragraphs that state real facts of the Gazette corpus in the forms of news writing: the document just
# named taken up by its type word, a participle clause before the formula, dates of effect. Each row: the paragraph, the
# relations it states, and the dates of effect it gives ({key: date}).
class NewsCase(NamedTuple):
    id: str
    text: str
    expected: set[tuple[str, str, str]]
    effective: dict[str, str]


NEWS = [
    NewsCase("type word taken up, effect and replacement",
             "Ngày 30/12/2019, Chính phủ ban hành Nghị định số 100/2019/NĐ-CP quy định xử phạt vi phạm hành chính trong "
             "lĩnh vực giao thông đường bộ và đường sắt. Nghị định có hiệu lực từ ngày 01/01/2020 và thay thế Nghị định "
             "số 46/2016/NĐ-CP.",
             {("REPLACES", "100/2019/ND-CP", "46/2016/ND-CP")}, {"100/2019/ND-CP": "2020-01-01"}),
    NewsCase("a participle clause: được Quốc hội thông qua ngày …",
             "Luật Đất đai số 31/2024/QH15 được Quốc hội thông qua ngày 18/01/2024, thay thế Luật Đất đai số "
             "45/2013/QH13.", {("REPLACES", "31/2024/QH15", "45/2013/QH13")}, {}),
    NewsCase("a participle clause: … thông qua tại Kỳ họp … và thay thế",
             "Luật Kinh doanh bất động sản số 29/2023/QH15 được Quốc hội khóa XV thông qua tại Kỳ họp thứ 6 và thay thế "
             "Luật Kinh doanh bất động sản số 66/2014/QH13.", {("REPLACES", "29/2023/QH15", "66/2014/QH13")}, {}),
    NewsCase("a law by name and year takes effect", "Luật Đất đai năm 2024 có hiệu lực từ ngày 01/8/2024.",
             set(), {"LUAT/dat-dai@2024": "2024-08-01"}),
    NewsCase("đã có hiệu lực", "Luật Đất đai số 31/2024/QH15 đã có hiệu lực từ ngày 01/8/2024.",
             set(), {"31/2024/QH15": "2024-08-01"}),
    NewsCase("a circular: có hiệu lực thi hành kể từ …, thay thế …",
             "Bộ Tài chính vừa ban hành Thông tư số 01/2026/TT-BTC quy định việc quản lý và sử dụng kinh phí bảo đảm trật "
             "tự an toàn giao thông. Thông tư có hiệu lực thi hành kể từ ngày 20/02/2026, thay thế Thông tư số "
             "01/2018/TT-BTC.", {("REPLACES", "1/2026/TT-BTC", "1/2018/TT-BTC")}, {"1/2026/TT-BTC": "2026-02-20"}),
    NewsCase("a decree replacing a decree, taken up as 'Nghị định mới'",
             "Chính phủ ban hành Nghị định số 137/2026/NĐ-CP về quản lý hoạt động kinh doanh theo phương thức đa cấp. "
             "Nghị định mới thay thế Nghị định số 40/2018/NĐ-CP và có hiệu lực từ ngày 01/7/2026.",
             {("REPLACES", "137/2026/ND-CP", "40/2018/ND-CP")}, {"137/2026/ND-CP": "2026-07-01"}),
    NewsCase("'Nghị định này' in news is the decree just named",
             "Chính phủ vừa ban hành Nghị định số 121/2026/NĐ-CP quy định về thành lập, tổ chức lại, giải thể tổ chức "
             "hành chính. Nghị định này thay thế Nghị định số 158/2018/NĐ-CP.",
             {("REPLACES", "121/2026/ND-CP", "158/2018/ND-CP")}, {}),
    NewsCase("a law replacing a law, effect given",
             "Quốc hội đã thông qua Luật Thuế thu nhập doanh nghiệp số 67/2025/QH15. Luật có hiệu lực thi hành từ ngày "
             "01/10/2025 và thay thế Luật Thuế thu nhập doanh nghiệp số 14/2008/QH12.",
             {("REPLACES", "67/2025/QH15", "14/2008/QH12")}, {"67/2025/QH15": "2025-10-01"}),
    NewsCase("a circular of the Ministry of Labour", "Bộ Lao động - Thương binh và Xã hội ban hành Thông tư số "
             "01/2024/TT-BLĐTBXH quy định quy trình xây dựng, thẩm định và ban hành chương trình đào tạo. Thông tư có hiệu "
             "lực từ ngày 05/4/2024, thay thế Thông tư số 03/2017/TT-BLĐTBXH.",
             {("REPLACES", "1/2024/TT-BLDTBXH", "3/2017/TT-BLDTBXH")}, {"1/2024/TT-BLDTBXH": "2024-04-05"}),
    NewsCase("chính thức có hiệu lực", "Từ ngày 01/7/2026, Nghị định số 170/2026/NĐ-CP chính thức có hiệu lực, thay thế "
             "Nghị định số 118/2024/NĐ-CP.", {("REPLACES", "170/2026/ND-CP", "118/2024/ND-CP")},
             {"170/2026/ND-CP": "2026-07-01"}),
    NewsCase("the anaphor does not cross a paragraph",
             "Chính phủ ban hành Nghị định số 112/2021/NĐ-CP.\nNghị định có hiệu lực từ ngày 01/01/2022.", set(), {}),
    NewsCase("a law of 2025 replacing one of 2014, in two sentences",
             "Ngày 11/12/2025, Quốc hội thông qua Luật số 142/2025/QH15 về thi hành quyết định tuyên bố doanh nghiệp, hợp "
             "tác xã phá sản. Luật này thay thế Luật Phá sản số 51/2014/QH13 và có hiệu lực từ ngày 01/3/2026.",
             {("REPLACES", "142/2025/QH15", "51/2014/QH13")}, {"142/2025/QH15": "2026-03-01"}),
    NewsCase("a circular replacing a decision of the ministry",
             "Thông tư số 27/2018/TT-BLĐTBXH quy định về quy chế đánh giá cấp thẻ kiểm định viên chất lượng giáo dục nghề "
             "nghiệp. Thông tư có hiệu lực từ ngày 15/02/2019 và thay thế Quyết định số 07/2008/QĐ-BLĐTBXH.",
             {("REPLACES", "27/2018/TT-BLDTBXH", "7/2008/QD-BLDTBXH")}, {"27/2018/TT-BLDTBXH": "2019-02-15"}),
    NewsCase("a decision taken up", "Thủ tướng Chính phủ ký Quyết định số 798/QĐ-TTg ngày 05/5/2026 kiện toàn Ban Chỉ đạo "
             "Trung ương về cải cách chính sách tiền lương. Quyết định thay thế Quyết định số 1480/QĐ-TTg.",
             {("REPLACES", "798/QD-TTG@2026", "1480/QD-TTG")}, {}),
    NewsCase("a fee circular", "Bộ Tài chính ban hành Thông tư số 11/2026/TT-BTC quy định mức thu, chế độ thu, nộp phí "
             "thuộc lĩnh vực đường sắt. Thông tư có hiệu lực từ ngày 27/3/2026 và thay thế Thông tư số 295/2016/TT-BTC.",
             {("REPLACES", "11/2026/TT-BTC", "295/2016/TT-BTC")}, {"11/2026/TT-BTC": "2026-03-27"}),
    NewsCase("a decree on microfinance", "Nghị định số 175/2026/NĐ-CP quy định về tổ chức, hoạt động của chương trình, dự "
             "án tài chính vi mô có hiệu lực từ ngày 01/7/2026, thay thế Quyết định số 20/2017/QĐ-TTg.",
             {("REPLACES", "175/2026/ND-CP", "20/2017/QD-TTG")}, {"175/2026/ND-CP": "2026-07-01"}),
    NewsCase("a ministry's circular taken up as 'văn bản này'",
             "Bộ Kế hoạch và Đầu tư ban hành Thông tư số 09/2024/TT-BKHĐT ban hành biểu mẫu đăng ký hợp tác xã. Văn bản "
             "này có hiệu lực từ ngày 01/7/2024.", set(), {"9/2024/TT-BKHDT": "2024-07-01"}),
    NewsCase("kể từ ngày", "Thông tư số 20/2026/TT-BXD có hiệu lực thi hành kể từ ngày 01/7/2026, thay thế Thông tư số "
             "50/2014/TT-BGTVT quy định về quản lý cảng, bến thủy nội địa.",
             {("REPLACES", "20/2026/TT-BXD", "50/2014/TT-BGTVT")}, {"20/2026/TT-BXD": "2026-07-01"}),
    NewsCase("a law on the courts' procedure, no year given in the effect sentence",
             "Luật Phòng, chống ma túy số 73/2021/QH14 được Quốc hội thông qua ngày 30/3/2021. Luật có hiệu lực từ ngày "
             "01/01/2022.", set(), {"73/2021/QH14": "2022-01-01"}),
    NewsCase("not the decree named in between: the type word takes the last one of its type",
             "Bộ Tài chính ban hành Thông tư số 36/2026/TT-BTC hướng dẫn Nghị định số 90/2025/NĐ-CP. Thông tư có hiệu lực "
             "từ ngày 31/3/2026 và thay thế Thông tư số 32/2023/TT-BTC.",
             {("REPLACES", "36/2026/TT-BTC", "32/2023/TT-BTC"), ("GUIDES", "36/2026/TT-BTC", "90/2025/ND-CP")},
             {"36/2026/TT-BTC": "2026-03-31"}),
    NewsCase("a news sentence that states no act: no relation",
             "Nghị định số 100/2019/NĐ-CP và Nghị định số 46/2016/NĐ-CP đều quy định về xử phạt giao thông.", set(), {}),
]


@pytest.mark.parametrize("case", NEWS, ids=[c.id for c in NEWS])
def test_news(case: NewsCase) -> None:
    g = _graph(case.text)
    rels = {(r.type, r.source, r.target) for r in g.relations.values() if r.type not in ("ISSUED_BY", "CITES")}
    assert rels == case.expected
    assert {k: d.effective.isoformat() for k, d in g.documents.items() if d.effective} == case.effective


# §8: the act stated in an article's heading, its objects in the numbered list below it (Gazette corpus)
_BNN_HEAD = "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nSố: 18/2021/TT-BNNPTNT\nHà Nội, ngày 22 tháng 12 năm 2021\nTHÔNG TƯ\n"
HEADED_LISTS = [
    RelationCase(
        "each item of the list under 'Điều 1. Bãi bỏ toàn bộ 15 văn bản' is repealed",
        _BNN_HEAD + "Bãi bỏ toàn bộ một số văn bản\nĐiều 1. Bãi bỏ toàn bộ 15 văn bản quy phạm pháp luật \n1. Chỉ thị số "
        "03/2005/CT-BTS ngày 07/3/2005 của Bộ trưởng Bộ Thủy sản về \nviệc tăng cường kiểm soát dư lượng hóa chất. \n2. "
        "Chỉ thị số 77/2007/CT-BNN ngày 06/9/2007 của Bộ trưởng Bộ Nông \nnghiệp và Phát triển nông thôn về việc tăng "
        "cường quản lý. \n3. Quyết định số 54/2003/QĐ-BNN ngày 07/4/2003 của Bộ trưởng Bộ Nông \nnghiệp và Phát triển "
        "nông thôn ban hành Quy chế. \nĐiều 2. Hiệu lực thi hành\n",
        expected={("REPEALS", "18/2021/TT-BNNPTNT", "3/2005/CT-BTS"), ("REPEALS", "18/2021/TT-BNNPTNT", "77/2007/CT-BNN"),
                  ("REPEALS", "18/2021/TT-BNNPTNT", "54/2003/QD-BNN")}),
    RelationCase(
        "a heading over items that state their own act: each item's own (not 'một phần' of the heading)",
        _BNN_HEAD + "Sửa đổi một số thông tư\nĐiều 2. Bãi bỏ một phần, bãi bỏ toàn bộ Thông tư của Bộ trưởng Bộ Lao \n"
        "động - Thương binh và Xã hội \n1. Bãi bỏ toàn bộ Thông tư số 55/2015/TT-BLĐTBXH ngày 16 tháng 12 năm \n2015 "
        "của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn việc tiếp nhận. \n2. Bãi bỏ Mẫu số 01, Mẫu số 02 "
        "ban hành kèm theo Thông tư số 24/2009/TT-BLĐTBXH ngày 10 tháng 7 \nnăm 2009 của Bộ trưởng. \n",
        expected={("REPEALS", "18/2021/TT-BNNPTNT", "55/2015/TT-BLDTBXH"),
                  ("AMENDS", "18/2021/TT-BNNPTNT", "24/2009/TT-BLDTBXH")},
        forbidden={("AMENDS", "18/2021/TT-BNNPTNT", "55/2015/TT-BLDTBXH")}),
]


@pytest.mark.parametrize("case", HEADED_LISTS, ids=[c.id for c in HEADED_LISTS])
def test_headed_lists(case: RelationCase) -> None:
    rels = _rels(case.text)
    assert case.expected <= rels
    assert not (case.forbidden & rels)


# §9: a clause that runs over ';' or ':' before its formula (Gazette corpus; the example of a joint circular)
_LD_HEAD = ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 04/2022/TT-BLĐTBXH\nHà Nội, ngày 30 tháng 3 năm 2022\nTHÔNG TƯ\n"
            "Quy định\nĐiều 39. Hiệu lực thi hành\n1. Thông tư này có hiệu lực kể từ ngày 15 tháng 5 năm 2022. ")
RUN_OVER = [
    RelationCase(
        "a title with ';' before 'hết hiệu lực'",
        _LD_HEAD + "Thông tư \nsố 09/2017/TT-BLĐTBXH ngày 13 tháng 3 năm 2017 của Bộ trưởng Bộ Lao \nđộng - Thương binh và "
        "Xã hội Quy định việc tổ chức thực hiện chương trình đào \ntạo theo phương thức tích\nlũy mô-đun hoặc tín chỉ; "
        "quy chế kiểm tra, thi, xét công nhận tốt nghiệp hết hiệu \nlực kể từ ngày Thông tư này có hiệu lực thi hành.\n",
        expected={("REPLACES", "4/2022/TT-BLDTBXH", "9/2017/TT-BLDTBXH")}),
    RelationCase(
        "the issuers of a joint text after a colon",
        _LD_HEAD + "\n2. Thông tư liên tịch số 10/2007/TTLT-BLĐTBXH-BTC ngày 25 tháng 7 năm 2007 của liên Bộ: Bộ Lao động - "
        "Thương binh và Xã hội, Bộ Tài chính hướng dẫn thực hiện chế độ phụ cấp hết hiệu lực kể từ ngày Thông tư này có "
        "hiệu lực thi hành.\n",
        expected={("REPLACES", "4/2022/TT-BLDTBXH", "10/2007/TTLT-BLDTBXH-BTC")}),
]


@pytest.mark.parametrize("case", RUN_OVER, ids=[c.id for c in RUN_OVER])
def test_run_over(case: RelationCase) -> None:
    rels = _rels(case.text)
    assert case.expected <= rels
    assert not (case.forbidden & rels)


# §10: a Gazette page header inside a sentence; the sentence goes on across it, in every stage
HEADERS = [
    MentionCase("inside a line, with its page number", "Bãi bỏ Nghị định số 64/2007/NĐ-CP ngày 10 tháng 4 năm 2007 của "
                "CÔNG BÁO/Số 699 + 700/Ngày 25-12-2007 57 Chính phủ về ứng dụng công nghệ thông tin.",
                [("Nghị định số 64/2007/NĐ-CP", None, "64/2007/ND-CP")]),
    MentionCase("the page number on the header's line (a Gazette text: lines wrapped)",
                "Hướng dẫn thi hành\nCăn cứ Nghị định số 12/2015/NĐ-CP ngày 12 tháng 2 năm 2015 của\n"
                "38                             CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025 \nChính phủ quy định chi tiết;\n"
                "Theo đề nghị của Vụ trưởng;\n",
                [("Nghị định số 12/2015/NĐ-CP", None, "12/2015/ND-CP")]),
]


@pytest.mark.parametrize("case", HEADERS, ids=[c.id for c in HEADERS])
def test_page_headers(case: MentionCase) -> None:
    ex = extract_text(case.text, "t.txt").extraction
    assert ex is not None
    assert _mentions(case.text) == case.mentions
    assert "CÔNG BÁO" not in ex.text.text
    assert all(m.issuer == "CP" for m in ex.mentions)  # 'của … Chính phủ' read across the header


# §6: an amending law named by its title is its own document, even where a line breaks 'sửa / đổi' (Gazette corpus)
AMENDING_TITLES = [
    MentionCase("a line break inside 'sửa đổi'",
                "Quy định\nCăn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật sửa \nđổi, bổ sung một số "
                "điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 \nnăm 2020; \nCăn cứ Bộ luật Lao động ngày 20 "
                "tháng 11 năm 2019; \n",
                [("Luật Xử lý vi phạm hành chính", "Luật Xử lý vi phạm hành chính", None),
                 ("Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",
                  "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính", None),
                 ("Bộ luật Lao động", "Bộ luật Lao động", None)]),
    MentionCase("a name in small letters closed by a date, outside a basis: an older law",
                "Luật này thay thế Luật tổ chức Hội đồng Chính phủ ngày 14 tháng 7 năm 1960 .",
                [("Luật tổ chức Hội đồng Chính phủ", "Luật tổ chức Hội đồng Chính phủ", None)]),
    MentionCase("'Luật này …' before a date is the text itself, no name",
                "Luật này thực hiện bảo hiểm y tế từ ngày 01 tháng 01 năm 2010.", []),
]


@pytest.mark.parametrize("case", AMENDING_TITLES, ids=[c.id for c in AMENDING_TITLES])
def test_amending_titles(case: MentionCase) -> None:
    assert _mentions(case.text) == case.mentions


# §6: the date after an amending law's title is that law's, not the last law its title names (a decree of 2021 numbers
# it, another names it by title and date: one document, 67/2020/QH14, amending the law of 2012; no law of 2012 dated
# 2020); the laws its title lists run over a line padded with spaces (thong-tu-so-06-2025-tt-bkhdt)
_DECREE_2021 = "CHÍNH PHỦ\nSố: {n}/2021/NĐ-CP\nHà Nội, ngày 2{d} tháng 12 năm 2021\nNGHỊ ĐỊNH\nQuy định\n"
AMENDING_LAWS = [
    RelationCase(
        "numbered in one text, named by title and date in another",
        _DECREE_2021.format(n=118, d=3) + "Căn cứ Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật số "
        "67/2020/QH14 sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020;\n"
        "Điều 1. Phạm vi\n\x00" + _DECREE_2021.format(n=120, d=4) + "Căn cứ Luật Xử lý vi phạm hành chính ngày 20 "
        "tháng 6 năm 2012; Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm "
        "2020;\nĐiều 1. Phạm vi\n",
        expected={("AMENDS", "67/2020/QH14", "LUAT/xu-ly-vi-pham-hanh-chinh@2012"),
                  ("BASED_ON", "118/2021/ND-CP", "67/2020/QH14"), ("BASED_ON", "120/2021/ND-CP", "67/2020/QH14")},
        forbidden={("AMENDS", "67/2020/QH14", "LUAT/xu-ly-vi-pham-hanh-chinh@2020"),
                   ("BASED_ON", "118/2021/ND-CP", "LUAT/xu-ly-vi-pham-hanh-chinh@2020")}),
    RelationCase(
        "the laws of an amending title over a padded line are its, not the doers of the formula before",
        "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 06/2025/TT-BKHĐT\nHà Nội, ngày 12 tháng 02 năm 2025\nTHÔNG TƯ\nQuy định\n"
        "Mẫu D.4\n(Điều 36a của Luật Đầu tư, được sửa đổi, bổ sung tại khoản 8 Điều 2 của                 \nLuật số "
        "57/2024/QH15 sửa đổi, bổ sung một số điều của Luật Quy hoạch,            \nLuật Đầu tư, Luật Đầu tư theo "
        "phương thức đối tác công tư và Luật Đấu thầu;           \n",
        expected={("AMENDS", "57/2024/QH15", "LUAT/dau-tu"), ("AMENDS", "57/2024/QH15", "LUAT/dau-thau")},
        forbidden={("AMENDS", "LUAT/dau-thau", "LUAT/dau-tu"),
                   ("AMENDS", "LUAT/dau-tu-theo-phuong-thuc-doi-tac-cong-tu", "LUAT/dau-tu")}),
]


@pytest.mark.parametrize("case", AMENDING_LAWS, ids=[c.id for c in AMENDING_LAWS])
def test_amending_laws(case: RelationCase) -> None:
    rels = _rels(*case.text.split("\x00"))
    assert case.expected <= rels, rels
    assert not (case.forbidden & rels), rels


# §13: a code in a table is not a document: no type word, no 'số', no issuer the vocabulary knows (Gazette corpus)
NOT_DOCUMENTS = [
    MentionCase("a form's code in a table", "Năm \n51 \n805/TTr-Sở \nThanh tra chuyên ngành \n", []),
    MentionCase("a licence's number given as an example", "ghi cụ thể cả phần số và chữ của giấy phép (ví dụ: "
                "11/LĐTBXH-GP hoặc 01/2019/SAG).", []),
    MentionCase("… but a letter cited bare with a known issuer is one", "theo Công văn 793/BTTTT-THH",
                [("Công văn 793/BTTTT-THH", None, "793/BTTTT-THH")]),
]


@pytest.mark.parametrize("case", NOT_DOCUMENTS, ids=[c.id for c in NOT_DOCUMENTS])
def test_not_documents(case: MentionCase) -> None:
    assert _mentions(case.text) == case.mentions


# §7: the same document under two dates; a text's own number written without its year (Gazette corpus)
def test_one_document_under_two_years_is_one_and_the_contradiction_is_reported() -> None:
    a = "Căn cứ Nghị quyết số 59-NQ/TW ngày 24 tháng 01 năm 2025 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới;"
    b = "Thực hiện Nghị quyết số 59-NQ/TW ngày 24 tháng 01 năm 2024 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới."
    g = _graph(a, a, b)
    assert [k for k in g.documents if k.startswith("59-NQ/TW")] == ["59-NQ/TW@2025"]
    assert [(c.document, c.field, c.values) for c in g.conflicts] == [("59-NQ/TW@2025", "date", ["2025-01-24", "2024-01-24"])]
    assert {e.source for e in g.conflicts[0].evidence} == {"t0.txt", "t2.txt"}


def test_two_documents_numbered_alike_in_two_years_stay_two() -> None:
    g = _graph("Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình "
               "Chuyển đổi số quốc gia.", "Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2021 của Thủ tướng Chính phủ về "
               "việc giao chỉ tiêu kế hoạch vốn.")
    assert sorted(k for k in g.documents if k.startswith("749/")) == ["749/QD-TTG@2020", "749/QD-TTG@2021"]
    assert not g.conflicts


def test_a_texts_own_number_without_its_year_is_the_text() -> None:
    t = ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 29/2022/TT-BLĐTBXH\nHà Nội, ngày 28 tháng 12 năm 2022\nTHÔNG TƯ\n"
         "Hướng dẫn\nĐiều 1. Phạm vi\nPhụ lục I (Ban hành kèm theo Thông tư số 29/TT-BLĐTBXH ngày 28 tháng 12 năm 2022 "
         "của Bộ trưởng Bộ Lao động - Thương binh và Xã hội)\n")
    assert [k for k in _graph(t).documents if k.startswith("29/")] == ["29/2022/TT-BLDTBXH"]


# §17: what `lexgraph extract --format json` prints carries each document's dates of effect, as the store keeps them
def test_extract_json_carries_dates_of_effect() -> None:
    from app.cli import graph_json

    g = _graph(NEWS[0].text)
    doc = next(d for d in graph_json(g)["documents"] if d["key"] == "100/2019/ND-CP")
    assert doc["effective"] == "2020-01-01" and doc["expires"] is None
    assert [(s["date"], s["rule"]) for s in doc["effective_statements"]] == [("2020-01-01", "as_reported")]
    assert "01/01/2020" in doc["effective_statements"][0]["evidence"]["sentence"]

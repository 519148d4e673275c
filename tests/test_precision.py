"""Precision fixes found by reading the synthetic corpus's extraction against the graph that generated it, and
the Gazette corpus's before and after (each a case the extractor once got wrong).

The cases are tables, one per family, run by one test each: a row is a verbatim excerpt, a short `why`, and what the
graph built from it must and must not hold. A new case is a row. What a row may say (every field optional but one):

    has         relations that must be there: (type, source, target), each matched by at least one relation
    lacks       relations that must not: no relation matches any of them
    only        with `only_of` (default: every relation): the relations `only_of` matches are exactly these —
                each matches one of the rows, each row matches one of them (set equality for exact rows)
    docs, no_docs, only_docs (with only_docs_of): the same for document keys
    fields      (document key, attribute, value): the document exists and its attribute (title, name, issuer …)
                matches the value; None: the attribute is None
    evidence    (type, source, target, sentence): the first relation so matched states it in a sentence that matches
    rejected    the relations the graph held back (`Graph.rejected`), all of them, in order: (type, source, target)
    rejected_has (type, source, target, reason): one held back relation matches
    issued_by   ISSUED_BY relations are in the pool (they are left out by default, as by the old `_rels`)
    path        the source's file name (default t.txt)

Every value is a pattern: exact text, or fnmatch wildcards (`*`, `?`, `[…]`), `a|b` for either, `!p` for not p, and
`p&q` for both (`"HIEN-PHAP/*&!*@*"`: a Constitution key without a year). Relations are as `Resolver().build` gives
them for the one text, with keys as the graph writes them (`15/2024/TT-BLDTBXH`, `LUAT/doanh-nghiep@2014`).

Four cases stay functions, each says why: the law-names table's consistency and the trigger formulas' plain forms
(not texts), and two that check the documents a text rests on by their titles and years rather than their keys.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import NamedTuple

import pytest

from graph.model import Graph
from graph.pipeline import extract_text
from graph.resolve import Resolver

HEAD = "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 15/2024/TT-BLĐTBXH\nHà Nội, ngày 30 tháng 12 năm 2024\nTHÔNG TƯ\n"


def _head(year: int) -> str:
    """HEAD, the circular 15/… issued on 30 December of another year (so that later laws may be its bases)."""
    return HEAD.replace("30 tháng 12 năm 2024", f"30 tháng 12 năm {year}").replace("15/2024/", f"15/{year}/")


# the heads of texts of a decree's and a law's rank, for the formulas that act on decrees and laws (ontology/ranks.tsv:
# a circular does not)
DECREE_HEAD = "CHÍNH PHỦ\nSố: 123/2026/NĐ-CP\nHà Nội, ngày 10 tháng 4 năm 2026\nNGHỊ ĐỊNH\n"
RESOLUTION_HEAD = "CHÍNH PHỦ\nSố: 26/2026/NQ-CP\nHà Nội, ngày 06 tháng 5 năm 2026\nNGHỊ QUYẾT\n"
LAW_HEAD = "QUỐC HỘI\nLuật số: 15/2025/QH15\nHà Nội, ngày 30 tháng 12 năm 2025\nLUẬT\n"

def _graph(text: str, path: str = "t.txt") -> Graph:
    return Resolver().build([extract_text(text, path)])


# the table's language -------------------------------------------------------------------------------------------
Rel = tuple[str, str, str]
ANY: Rel = ("*", "*", "*")


class Case(NamedTuple):
    id: str
    why: str
    text: str
    has: tuple[Rel, ...] = ()
    lacks: tuple[Rel, ...] = ()
    only: tuple[Rel, ...] | None = None
    only_of: Rel = ANY
    docs: tuple[str, ...] = ()
    no_docs: tuple[str, ...] = ()
    only_docs: tuple[str, ...] | None = None
    only_docs_of: str = "*"
    fields: tuple[tuple[str, str, str | None], ...] = ()
    evidence: tuple[tuple[str, str, str, str], ...] = ()
    rejected: tuple[Rel, ...] | None = None
    rejected_has: tuple[tuple[str, str, str, str], ...] = ()
    issued_by: bool = False
    path: str = "t.txt"


def match(pattern: str | None, value: str | None) -> bool:
    if pattern is None or value is None:
        return pattern is None and value is None
    for part in pattern.split("&"):
        negated = part.startswith("!")
        hit = any(fnmatchcase(value, alt) for alt in (part[1:] if negated else part).split("|"))
        if hit == negated:
            return False
    return True


def match_rel(pattern: tuple[str, ...], rel: tuple[str, ...]) -> bool:
    return all(match(p, v) for p, v in zip(pattern, rel, strict=True))


def check(case: Case) -> int:
    """Every check the row states, on the graph of its text; returns how many were made."""
    g = _graph(case.text, case.path)
    rels = {(r.type, r.source, r.target) for r in g.relations.values() if case.issued_by or r.type != "ISSUED_BY"}
    docs = set(g.documents)
    n = 0
    for p in case.has:
        assert any(match_rel(p, r) for r in rels), f"no relation {p}; the relations: {sorted(rels)}"
        n += 1
    for p in case.lacks:
        assert not [r for r in rels if match_rel(p, r)], f"relations {p}: {[r for r in rels if match_rel(p, r)]}"
        n += 1
    if case.only is not None:
        pool = {r for r in rels if match_rel(case.only_of, r)}
        extra = sorted(r for r in pool if not any(match_rel(p, r) for p in case.only))
        missing = [p for p in case.only if not any(match_rel(p, r) for r in pool)]
        assert not extra and not missing, f"{case.only_of}: more {extra}, missing {missing}; got {sorted(pool)}"
        n += 1
    for k in case.docs:
        assert any(match(k, d) for d in docs), f"no document {k}; the documents: {sorted(docs)}"
        n += 1
    for k in case.no_docs:
        assert not [d for d in docs if match(k, d)], f"documents {k}: {[d for d in docs if match(k, d)]}"
        n += 1
    if case.only_docs is not None:
        pool_docs = {d for d in docs if match(case.only_docs_of, d)}
        extra_docs = sorted(d for d in pool_docs if not any(match(k, d) for k in case.only_docs))
        missing_docs = [k for k in case.only_docs if not any(match(k, d) for d in pool_docs)]
        assert not extra_docs and not missing_docs, (f"{case.only_docs_of}: more {extra_docs}, missing {missing_docs}; "
                                                     f"got {sorted(pool_docs)}")
        n += 1
    for key, attr, want in case.fields:
        assert key in g.documents, f"no document {key}; the documents: {sorted(docs)}"
        got = getattr(g.documents[key], attr)
        assert match(want, None if got is None else str(got)), f"{key}.{attr} = {got!r}, not {want!r}"
        n += 1
    for *p, sentence in case.evidence:
        rel = next((r for r in g.relations.values() if match_rel(tuple(p), (r.type, r.source, r.target))), None)
        assert rel is not None, f"no relation {p}; the relations: {sorted(rels)}"
        assert match(sentence, rel.evidence[0].sentence), f"{p} is stated in {rel.evidence[0].sentence!r}"
        n += 1
    if case.rejected is not None:
        held = [(r.type, r.source, r.target) for r in g.rejected]
        assert len(held) == len(case.rejected) and all(map(match_rel, case.rejected, held)), held
        n += 1
    for *p, reason in case.rejected_has:
        assert any(match_rel(tuple(p), (r.type, r.source, r.target)) and match(reason, r.reason) for r in g.rejected), \
            g.rejected
        n += 1
    return n


def ids(cases: list[Case]) -> list[str]:
    return [c.id for c in cases]


# shared excerpts ------------------------------------------------------------------------------------------------
VBHN = ("VĂN BẢN HỢP NHẤT - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nHướng dẫn thi hành một số điều của Nghị định số 09/2013/NĐ-CP ngày 11 \n"
        "tháng 01 năm 2013 của Chính phủ quy định chi tiết thi hành một số điều của \nLuật Phòng, chống mua bán người\n"
        "Thông tư số 35/2013/TT-BLĐTBXH ngày 30 tháng 12 năm 2013 của Bộ \ntrưởng Bộ Lao động - Thương binh và Xã hội "
        "hướng dẫn thi hành, có hiệu lực kể \ntừ ngày 15 tháng 02 năm 2014, được sửa đổi, bổ sung bởi:\n"
        "Thông tư số 08/2023/TT-BLĐTBXH ngày 29 tháng 8 năm 2023 của Bộ trưởng, có hiệu lực kể từ ngày 12 tháng 10 "
        "năm 2023.\nĐiều 1. Phạm vi\nThông tư này hướng dẫn thi hành.\n")
VBHN_TAIL = ("XÁC THỰC VĂN BẢN HỢP NHẤT\nBỘ TRƯỞNG\nSố: 1345/VBHN-BLĐTBXH\nHà Nội, ngày 05 tháng 3 năm 2024\n")

# a consolidated text as the Gazette prints it: the consolidated document's citation opens the authentication
# block; the consolidated text's own number is in the signature block at the end
VBHN_BYT = ("VĂN BẢN HỢP NHẤT - BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\n"
            "Ban hành Danh mục thuốc đông y\n"
            "Thông tư số 05/2015/TT-BYT ngày 17 tháng 3 năm 2015 của Bộ trưởng Bộ Y tế ban hành Danh mục thuốc đông "
            "y, có hiệu lực kể từ ngày 01 tháng 5 năm 2015 được sửa đổi, bổ sung bởi:\nThông tư số 50/2017/TT-BYT ngày "
            "29 tháng 12 năm 2017 của Bộ trưởng Bộ Y tế sửa đổi, bổ sung các quy định liên quan đến thanh toán chi phí "
            "khám bệnh, chữa bệnh, có hiệu lực kể từ ngày 01 tháng 3 năm 2018.\n")
VBHN_BYT_TAIL = "XÁC THỰC VĂN BẢN HỢP NHẤT\nBỘ TRƯỞNG\nSố: 04/VBHN-BYT\nHà Nội, ngày 20 tháng 4 năm 2018\n"

CONSTITUTION = "HIEN-PHAP/nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam"
LAW_69_2020 = ("QUỐC HỘI\nLuật số: 69/2020/QH14\nHà Nội, ngày 13 tháng 11 năm 2020\nLUẬT\nNGƯỜI LAO ĐỘNG VIỆT NAM ĐI LÀM "
               "VIỆC Ở NƯỚC NGOÀI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật Người "
               "lao động Việt Nam đi làm việc ở nước ngoài.\nĐiều 1. Người lao động tuân thủ Hiến pháp và pháp luật.\n")

# qd135's Gazette case without the table around it: a row of a table of partly expired texts
TABLE_ROW_49 = ("1 \nNghị định số 49/2018/NĐ-CP ngày \n30/3/2018 của Chính phủ quy định \nvề kiểm định chất lượng \n"
                "Điều 7; Điều 8; \nkhoản 2 Điều 18; khoản 3 \nĐiều 19; khoản 2, khoản 3 \nĐiều 25 \n- Mẫu số 01, Mẫu \n"
                "số 03 Phụ lục \nĐược sửa đổi, bổ sung, bãi bỏ bởi \nNghị định số 04/2023/NĐ-CP ngày \n13/02/2023 của "
                "Chính phủ.\n")

FOREIGN_CODES = HEAD + ("Hướng dẫn\nĐiều 1. Tham khảo mục 15.7 Phần B của Bộ luật An ninh tàu và bến cảng (Bộ luật ISPS). "
                        "Các ngành phù hợp với Luật Lao động cơ bản của Đài Loan (Trung Quốc). Theo Luật Nhập cảnh, xuất "
                        "cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam và Luật sửa đổi, bổ sung một số điều của "
                        "Luật Tần số vô tuyến điện ngày 09 tháng 11 năm 2022.\n")

HEAD_BKHDT_2024 = "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 01/2024/TT-BKHĐT\nHà Nội, ngày 08 tháng 02 năm 2024\nTHÔNG TƯ\nQuy định đấu thầu\n"


# replaced, repealed, expired ------------------------------------------------------------------------------------
REPLACE_REPEAL_EXPIRE = [
    Case("list_items_after_a_bare_marker_and_bases_closed_by_theo_de_nghi",
         "items after a bare '1.' marker are repealed; 'Theo đề nghị' closes the bases (the items' decrees are none)",
         HEAD + ("Bãi bỏ một số văn bản\nCăn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n"
                 "Theo đề nghị của Vụ trưởng Vụ Pháp chế;\nBộ trưởng ban hành Thông tư bãi bỏ một số văn bản.\n"
                 "Điều 1. Bãi bỏ toàn bộ văn bản quy phạm pháp luật\nBãi bỏ toàn bộ 2 văn bản quy phạm pháp luật sau đây:\n"
                 "1. Thông tư số 08/2013/TT-BLĐTBXH ngày 10/6/2013 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội "
                 "hướng dẫn Nghị định số 46/2013/NĐ-CP ngày 10/5/2013 của Chính phủ.\n"
                 "2. Thông tư số 30/2013/TT-BLĐTBXH ngày 25/10/2013 của Bộ trưởng.\n"),
         has=(("REPEALS", "15/2024/TT-BLDTBXH", "8/2013/TT-BLDTBXH"),
              ("REPEALS", "15/2024/TT-BLDTBXH", "30/2013/TT-BLDTBXH"),
              ("BASED_ON", "15/2024/TT-BLDTBXH", "62/2022/ND-CP")),
         lacks=(("BASED_ON", "*", "*2013*"),)),
    Case("repeal_opened_by_from_the_day_this_text_takes_effect",
         "'Kể từ ngày Thông tư này có hiệu lực, bãi bỏ Thông tư số …': the text itself repeals (was a citation)",
         HEAD + ("Điều 2. Điều khoản thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 2 năm 2025.\n"
                 "2. Kể từ ngày Thông tư này có hiệu lực, bãi bỏ Thông tư số 02/2019/TT-BLĐTBXH ngày 08 tháng 01 năm "
                 "2019 của Bộ Lao động - Thương binh và Xã hội.\n"),
         has=(("REPEALS", "15/2024/TT-BLDTBXH", "2/2019/TT-BLDTBXH"),)),
    Case("and_repeals_shares_the_doer_of_the_formula_before",
         "'Thông tư này thay thế Thông tư số A … và bãi bỏ các Quyết định số B …': the text replaces A and repeals B "
         "(B is not part of A's title, and the repeal is not A's)",
         HEAD + ("Điều 24. Hiệu lực thi hành\n2. Thông tư này thay thế Thông tư số 07/2018/TT-BLĐTBXH ngày 27 tháng 12 "
                 "năm 2018 hướng dẫn công tác thi đua, khen thưởng và bãi bỏ các Quyết định số 1731/QĐ-BLĐTBXH ngày 29 "
                 "tháng 12 năm 2021 ban hành Quy chế xét sáng kiến.\n"),
         has=(("REPLACES", "15/2024/TT-BLDTBXH", "7/2018/TT-BLDTBXH"),
              ("REPEALS", "15/2024/TT-BLDTBXH", "1731/QD-BLDTBXH@2021")),
         lacks=(("*", "7/2018/TT-BLDTBXH", "*"),)),
    Case("text_taking_effect_then_replacing",
         "thong-tu-so-86-2024-tt-btc: the formula follows the effect clause of the text itself",
         HEAD + ("Hướng dẫn về đăng ký thuế\nĐiều 40. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ "
                 "ngày 06 tháng 02 năm 2025, thay thế Thông tư số 105/2020/TT-BTC ngày 03/12/2020 của Bộ Tài chính "
                 "hướng dẫn về đăng ký thuế.\n"),
         has=(("REPLACES", "15/2024/TT-BLDTBXH", "105/2020/TT-BTC"),)),
    Case("next_numbered_point_is_not_an_item_of_the_list_before",
         "nghi-dinh-so-123-2026-nd-cp and 143/2016 in van-ban-hop-nhat-so-2021: '3. Bãi bỏ …' opens its own list; an "
         "item may start with the article it repeals ('b) Điều 3 Nghị định số …')",
         DECREE_HEAD + ("Quản lý đường thủy\n2. Các Nghị định sau hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành:\n"
                 "a) Nghị định số 24/2015/NĐ-CP ngày 27 tháng 02 năm 2015 của Chính phủ quy định chi tiết;\n"
                 "b) Điều 3 Nghị định số 128/2018/NĐ-CP ngày 24 tháng 9 năm 2018 của Chính phủ sửa đổi, bổ sung.\n"
                 "3. Bãi bỏ Điều 7, Điều 8 Điều lệ trường cao đẳng ban hành kèm theo Thông tư số 01/2015/TT-BGDĐT ngày "
                 "15 tháng 01 năm 2015.\n4. Bãi bỏ các quy định về điều kiện thành lập trường cao đẳng quy định tại "
                 "Thông tư số 14/2009/TT-BGDĐT ngày 28 tháng 5 năm 2009.\n"),
         has=(("REPLACES", "123/2026/ND-CP", "24/2015/ND-CP"), ("AMENDS", "123/2026/ND-CP", "128/2018/ND-CP"),
              ("AMENDS", "123/2026/ND-CP", "1/2015/TT-BGDDT"), ("AMENDS", "123/2026/ND-CP", "14/2009/TT-BGDDT")),
         lacks=(("REPLACES", "123/2026/ND-CP", "1/2015/TT-BGDDT"),)),
    Case("list_goes_on_after_a_cut_item_only_with_the_same_marks[decree]",
         "nghi-dinh-so-188-2025-nd-cp: item b) is cut by a page break and c) follows; 'Nghị định này' is a decree's",
         "CHÍNH PHỦ\nSố: 188/2025/NĐ-CP\nHà Nội, ngày 01 tháng 7 năm 2025\nNGHỊ ĐỊNH\n"
         + ("Bảo hiểm y tế\n5. Bãi bỏ các văn bản sau đây:\na) Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10 năm 2018 "
            "của Chính phủ;\nb) Nghị định số 75/2023/NĐ-CP ngày 19 tháng 10 năm 2023 của Chính phủ sửa đổi, bổ sung "
            "một số điều của Nghị định số 146/2018/NĐ-CP ngày 17 tháng 10\n\n\nnăm 2018 của Chính phủ;\n"
            "c) Nghị định số 02/2024/NĐ-CP ngày 01 tháng 01 năm 2024 của Chính phủ.\n"
            "6. Nghị định này thay thế quy định về thuế tại các Nghị định sau:\na) Nghị định số 218/2013/NĐ-CP ngày "
            "26 tháng 12 năm 2013 của Chính phủ;\nb) Nghị định số 91/2014/NĐ-CP ngày 01 tháng 10 năm 2014.\n"),
         has=(("REPEALS", "188/2025/ND-CP", "146/2018/ND-CP"), ("REPEALS", "188/2025/ND-CP", "75/2023/ND-CP"),
              ("REPEALS", "188/2025/ND-CP", "2/2024/ND-CP"),
              ("AMENDS", "188/2025/ND-CP", "218/2013/ND-CP"), ("AMENDS", "188/2025/ND-CP", "91/2014/ND-CP")),
         lacks=(("REPLACES", "*", "*"),)),
    Case("object_after_a_semicolon_shares_the_formula",
         "thong-tu-so-18-2026-tt-btc and thong-tu-so-38-2026-tt-btc: '…; Thông tư số B …' is one more object, partial "
         "when the formula names parts ('thay thế nội dung … quy định tại A; B')",
         HEAD + ("Thuế\nThông tư này thay thế Thông tư số 40/2021/TT-BTC ngày 01 tháng 6 năm 2021 của Bộ trưởng Bộ Tài "
                 "chính hướng dẫn thuế giá trị gia tăng; Thông tư số 100/2021/TT-BTC ngày 15 tháng 11 năm 2021 của Bộ "
                 "trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư số 40/2021/TT-BTC.\n"
                 "Thông tư này thay thế nội dung về đầu tư quy định tại Thông tư số 03/2021/TT-BKHĐT ngày 09 tháng 4 năm "
                 "2021 của Bộ trưởng Bộ Kế hoạch và Đầu tư; Thông tư số 25/2023/TT-BKHĐT ngày 31 tháng 12 năm 2023 của Bộ "
                 "trưởng Bộ Kế hoạch và Đầu tư.\n"),
         has=(("REPLACES", "15/2024/TT-BLDTBXH", "40/2021/TT-BTC"), ("REPLACES", "15/2024/TT-BLDTBXH", "100/2021/TT-BTC"),
              ("AMENDS", "100/2021/TT-BTC", "40/2021/TT-BTC"), ("AMENDS", "15/2024/TT-BLDTBXH", "3/2021/TT-BKHDT"),
              ("AMENDS", "15/2024/TT-BLDTBXH", "25/2023/TT-BKHDT")),
         lacks=(("REPLACES", "15/2024/TT-BLDTBXH", "25/2023/TT-BKHDT"),)),
    Case("a_passive_formula_in_a_table_row_has_one_doer",
         "a table with no row breaks read as one sentence: the next row's document was taken as a second doer",
         HEAD + ("Danh mục\nĐiều 1. Văn bản hết hiệu lực\n16 Quyết định số 20/2000/QĐ-TTg ngày 03/02/2000 của Thủ tướng "
                 "Chính phủ về việc hỗ trợ người hoạt động cách mạng cải thiện nhà ở Được bãi bỏ bởi Quyết định số "
                 "32/2023/QĐ-TTg ngày 21/12/2023 của Thủ tướng Chính phủ bãi bỏ toàn bộ hoặc một phần một số văn bản quy "
                 "phạm pháp luật 21/12/2023 17 Quyết định số 117/2007/QĐ-TTg ngày 25/7/2007 của Thủ tướng Chính phủ về "
                 "việc hỗ trợ\n"),
         has=(("REPEALS", "32/2023/QD-TTG", "20/2000/QD-TTG"),),
         lacks=(("*", "117/2007/QD-TTG", "*"),)),
    Case("this_text_of_another_type_is_not_the_text",
         "a decision listing expired texts quotes one: '… hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực'; "
         "'Thông tư này' is not the decision, which was said to replace the document of the row before",
         "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 135/QĐ-BLĐTBXH\nHà Nội, ngày 06 tháng 02 năm 2024\nQUYẾT ĐỊNH\n"
         "Công bố danh mục văn bản hết hiệu lực\nĐiều 1. Danh mục\n14 Nghị định số 108/2021/NĐ-CP ngày 07/12/2021 của "
         "Chính phủ về việc điều chỉnh lương hưu Được thay thế bởi Nghị định số 42/2023/NĐ-CP ngày 29/6/2023 quy định "
         "điều chỉnh lương hưu 14/8/2023 15 Thông tư số 36/2021/TT-BLĐTBXH ngày 31/12/2021 của Bộ trưởng quy định mức "
         "điều chỉnh tiền lương hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.\n",
         has=(("REPLACES", "42/2023/ND-CP", "108/2021/ND-CP"),),
         lacks=(("!CITES", "135/*", "*"),)),
    Case("expiry_opened_by_the_day_this_text_takes_effect",
         "'Kể từ ngày Nghị quyết này có hiệu lực thi hành, Thông tư số X … hết hiệu lực' (the doer first) and 'chấm dứt "
         "hiệu lực' were only citations (25 on the corpus); parts expiring amend, and a short name given in brackets "
         "right after a document ('(Nghị định số 55/2023/NĐ-CP)') is that document, parts and all (nghi-quyet-so-26-2026-nq-cp: "
         "a resolution of the Government, of a decree's rank)",
         RESOLUTION_HEAD + ("Quy định\nĐiều 5. Hiệu lực\n1. Kể từ ngày Nghị quyết này có hiệu lực thi hành, Thông tư số 11/2015/TT-BKHĐT "
                 "ngày 27 tháng 10 năm 2015 của Bộ trưởng quy định chi tiết lập hồ sơ hết hiệu lực.\n2. Kể từ ngày Thông tư "
                 "này có hiệu lực thi hành, các Điều 7, 8 của Thông tư số 06/2020/TT-BKHĐT ngày 18 tháng 9 năm 2020 của Bộ "
                 "trưởng hết hiệu lực thi hành.\n3. Điểm d khoản 4 Điều 1 Nghị định số 55/2023/NĐ-CP ngày 21 tháng 7 năm 2023 "
                 "của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 75/2021/NĐ-CP (Nghị định số 55/2023/NĐ-CP) "
                 "chấm dứt hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.\n"),
         has=(("REPLACES", "26/2026/NQ-CP", "11/2015/TT-BKHDT"), ("AMENDS", "26/2026/NQ-CP", "6/2020/TT-BKHDT"),
              ("AMENDS", "26/2026/NQ-CP", "55/2023/ND-CP")),
         lacks=(("REPLACES", "26/2026/NQ-CP", "55/2023/ND-CP"),)),
    Case("expiry_from_the_moment_this_text_takes_effect",
         "'hết hiệu lực kể từ thời điểm / kể từ khi Thông tư này có hiệu lực': the whole text expires (replaced), "
         "what one of its provisions holds expires (amended)",
         "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 19/2024/TT-BKHĐT\nHà Nội, ngày 06 tháng 9 năm 2024\nTHÔNG TƯ\nQuy định chế độ báo cáo\n"
         "Điều 10. Hiệu lực thi hành\nThông tư số 03/2017/TT-BKHĐT ngày 25 tháng 4 năm 2017 của Bộ Kế hoạch và Đầu tư\n"
         "ban hành quy định chế độ báo cáo hết hiệu lực kể từ thời điểm Thông tư này có hiệu lực thi hành.\n"
         "Những chỉ tiêu quy định tại Thông tư số 05/2017/TT-BKHĐT ngày 30/11/2017 của Bộ trưởng Bộ Kế hoạch và Đầu tư\n"
         "hết hiệu lực kể từ khi Thông tư này có hiệu lực.\n",
         has=(("REPLACES", "19/2024/TT-BKHDT", "3/2017/TT-BKHDT"), ("AMENDS", "19/2024/TT-BKHDT", "5/2017/TT-BKHDT"))),
    Case("the_effect_article_ends_what_it_names_on_a_date_it_gives[effect_article]",
         "'Kể từ ngày 01 tháng 01 năm 2024, Thông tư A và Thông tư B hết hiệu lực' in the effect article: replaced; a "
         "resolution applied until it expires, or one that had already expired, is not",
         HEAD_BKHDT_2024 + (
             "Điều 3. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2024.\n"
             "2. Kể từ ngày 01 tháng 01 năm 2024, Thông tư 08/2022/TT-BKHĐT ngày 31 tháng 5 năm 2022 của Bộ trưởng "
             "Bộ Kế hoạch và Đầu tư\nvà Thông tư số 10/2015/TT-BKHĐT ngày 26 tháng 10 năm 2015 hết hiệu lực thi hành.\n"
             "3. Quy định tại Nghị quyết số 29/2026/QH16 được áp dụng cho đến khi Nghị quyết số 29/2026/QH16 hết hiệu lực.\n"
             "4. Quyết định số 20/2017/QĐ-TTg ngày 12 tháng 6 năm 2017 đã hết hiệu lực thi hành.\n"),
         has=(("REPLACES", "1/2024/TT-BKHDT", "8/2022/TT-BKHDT"), ("REPLACES", "1/2024/TT-BKHDT", "10/2015/TT-BKHDT")),
         lacks=(("!CITES", "*", "29/2026/QH16|20/2017/QD-TTG"),)),
    Case("the_effect_article_ends_what_it_names_on_a_date_it_gives[outside_it]",
         "outside the effect article a date alone does not say what ended a text",
         HEAD_BKHDT_2024 + ("Điều 2. Đối tượng\nKể từ ngày 01 tháng 01 năm 2024, Thông tư số 10/2015/TT-BKHĐT ngày 26 tháng "
                            "10 năm 2015 hết hiệu lực thi hành.\n"),
         lacks=(("REPLACES", "*", "*"),)),
    Case("taking_effect_on_signing_and_replacing",
         "'có hiệu lực thi hành từ ngày ký ban hành, thay thế Nghị định số …'",
         "CHÍNH PHỦ\nSố: 191/2026/NĐ-CP\nHà Nội, ngày 01 tháng 6 năm 2026\nNGHỊ ĐỊNH\nBan hành Quy chế làm việc của Chính "
         "phủ\nĐiều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành từ ngày ký ban hành, thay thế Nghị định số "
         "39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ.\n",
         has=(("REPLACES", "191/2026/ND-CP", "39/2022/ND-CP"),)),
    Case("parts_listed_far_before_an_expiring_law_and_a_title_before_the_next",
         "'Các quy định … tại Mục 3 Chương III, …, các điều 104, … 117 của Luật Bảo hiểm xã hội số 58/2014/QH13 hết hiệu "
         "lực': parts expire (the part words stand more than 40 characters before the number); '… quy định chi tiết một "
         "số điều của Luật Thi hành án hình sự và Nghị định số 09/2023/NĐ-CP … hết hiệu lực': the title of the first "
         "document names parts, the second expires whole (the first as Luật An toàn, vệ sinh lao động 84/2015/QH13 writes it: "
         "a law, for only a text of its rank ends a law's parts)",
         LAW_HEAD + ("Điều 9. Hiệu lực thi hành\n1. Luật này có hiệu lực kể từ ngày 01 tháng 7 năm 2026.\n"
                        "2. Các quy định về bảo hiểm tai nạn lao động tại Mục 3 Chương III, khoản 4 Điều 84, điểm b khoản 1 "
                        "và điểm a khoản 2 Điều 86, các điều 104, 105, 106, 107, 116 và 117 của Luật Bảo hiểm xã hội số "
                        "58/2014/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.\n"
                        "3. Thông tư số 18/2024/TT-BLĐTBXH ngày 30 tháng 9 năm 2024 quy định chi tiết thi hành một số điều "
                        "của Luật Việc làm và Thông tư số 09/2023/TT-BLĐTBXH ngày 13 tháng 3 năm 2023 quy định về đào tạo "
                        "hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.\n"),
         has=(("AMENDS", "15/2025/QH15", "58/2014/QH13"), ("REPLACES", "15/2025/QH15", "18/2024/TT-BLDTBXH"),
              ("REPLACES", "15/2025/QH15", "9/2023/TT-BLDTBXH"))),
    Case("news_forms_of_replacement[adverb]",
         "news: an adverb before the verb ('chính thức thay thế'), two objects",
         "Tin tức\n" + "Nghị định 168/2024/NĐ-CP chính thức thay thế Nghị định 100/2019/NĐ-CP và Nghị định 123/2021/NĐ-CP "
         "từ ngày 1/1/2025." + "\n", path="news.txt",
         only=(("REPLACES", "168/2024/ND-CP", "100/2019/ND-CP"), ("REPLACES", "168/2024/ND-CP", "123/2021/ND-CP")),
         only_of=("!CITES", "*", "*")),
    Case("news_forms_of_replacement[brackets]",
         "news: the replacement in brackets after the document",
         "Tin tức\n" + "Nghị định 100/2019/NĐ-CP (thay thế Nghị định 46/2016/NĐ-CP) có hiệu lực từ 1/1/2020." + "\n",
         path="news.txt",
         only=(("REPLACES", "100/2019/ND-CP", "46/2016/ND-CP"),), only_of=("!CITES", "*", "*")),
    Case("news_forms_of_replacement[law_by_name]",
         "news: a law by name and bare year, the older one's year in brackets",
         "Tin tức\n" + "Luật Giao dịch điện tử 2023 thay thế Luật Giao dịch điện tử (2005)." + "\n", path="news.txt",
         only=(("REPLACES", "LUAT/giao-dich-dien-tu@2023", "LUAT/giao-dich-dien-tu@2005"),), only_of=("!CITES", "*", "*")),
]


# amended --------------------------------------------------------------------------------------------------------
AMEND = [
    Case("same_number_of_another_year_is_another_document",
         "7/QĐ-TTg of 2005 amends the 7/QĐ-TTg of 2004: the year keeps them apart",
         "THỦ TƯỚNG CHÍNH PHỦ\nSố: 7/QĐ-TTg\nHà Nội, ngày 05 tháng 3 năm 2005\nQUYẾT ĐỊNH\nVề đất đai\n"
         "Điều 1. Quyết định này sửa đổi, bổ sung một số điều của Quyết định số 7/QĐ-TTg ngày 10 tháng 01 năm 2004 "
         "của Thủ tướng Chính phủ.\n",
         has=(("AMENDS", "7/QD-TTG@2005", "7/QD-TTG@2004"),)),
    Case("parts_named_far_before_the_document_are_an_amendment",
         "thong-tu-so-17-2026-tt-nhnn and thong-tu-so-08-2023-tt-bldtbxh: annexes, forms and quoted words of a text "
         "replaced or repealed amend it",
         HEAD + ("Sửa đổi một số thông tư\nĐiều 3. Thay thế Phụ lục 1A, Phụ lục 1B, Phụ lục 2A, Phụ lục 2B ban hành kèm "
                 "theo Thông tư số 22/2013/TT-NHNN bằng Phụ lục 1A, Phụ lục 1B, Phụ lục 2A, Phụ lục 2B thuộc Phụ lục I "
                 "ban hành kèm theo Thông tư này.\n"
                 "Điều 4. Bãi bỏ nội dung “Bản sao sổ hộ khẩu hoặc giấy tạm trú trong trường hợp người sử dụng lao động "
                 "là hộ gia đình” tại khoản 2 Điều 6 của Thông tư số 09/2020/TT-BLĐTBXH ngày 12 tháng 11 năm 2020.\n"),
         has=(("AMENDS", "15/2024/TT-BLDTBXH", "22/2013/TT-NHNN"), ("AMENDS", "15/2024/TT-BLDTBXH", "9/2020/TT-BLDTBXH")),
         lacks=(("REPLACES|REPEALS", "*", "*"),)),
    Case("list_goes_on_after_a_cut_item_only_with_the_same_marks[footnote]",
         "van-ban-hop-nhat-so-13-vbhn-btc: the footnote's '- Thông tư số …' lines after a cut item are not items of "
         "'được sửa đổi, bổ sung bởi:'",
         HEAD + ("Giám sát\nThông tư số 95/2020/TT-BTC ngày 16 tháng 11 năm 2020 của Bộ trưởng Bộ Tài chính được sửa đổi, "
                 "bổ sung bởi:\nThông tư số 138/2025/TT-BTC ngày 30 tháng 12 năm 2025 của Bộ trưởng Bộ Tài chính và Thông "
                 "tư số\n\n\n1 Văn bản này được hợp nhất từ 02 Thông tư sau:\n- Thông tư số 06/2022/TT-BTC ngày 08 "
                 "tháng 02 năm 2022 của Bộ trưởng Bộ Tài chính.\n"),
         has=(("AMENDS", "138/2025/TT-BTC", "95/2020/TT-BTC"),),
         lacks=(("AMENDS", "6/2022/TT-BTC", "95/2020/TT-BTC"),)),
    Case("formula_inside_a_title_belongs_to_the_document_named_there",
         "a joint circular's co-issuers end its citation; inside its title, the decision named right before 'sửa đổi' "
         "is what amends (van-ban-hop-nhat of 33/2013/TTLT-BYT-BTC)",
         HEAD + ("Hướng dẫn\nĐiều 1. Thực hiện theo quy định tại Thông tư liên tịch số 33/2013/TTLT-BYT-BTC ngày 18 tháng "
                 "10 năm 2013 của Bộ Y tế, Bộ Tài chính hướng dẫn tổ chức thực hiện Quyết định số 14/2012/QĐ-TTg ngày 01 "
                 "tháng 3 năm 2012 của Thủ tướng Chính phủ sửa đổi, bổ sung một số điều của Quyết định số 139/2002/QĐ-TTg "
                 "ngày 15 tháng 10 năm 2002.\n"),
         has=(("GUIDES", "33/2013/TTLT-BYT-BTC", "14/2012/QD-TTG"), ("AMENDS", "14/2012/QD-TTG", "139/2002/QD-TTG")),
         lacks=(("AMENDS", "33/2013/TTLT-BYT-BTC", "139/2002/QD-TTG"),)),
    Case("passive_formula_after_a_semicolon_in_a_title",
         "van-ban-hop-nhat-so-156: the consolidated circular's title holds a ';' before 'được sửa đổi, bổ sung bởi:'; "
         "a footnote 'Khoản 4 Điều này được sửa đổi … theo … Bộ luật Lao động số 45/2019/QH14' is about this text",
         HEAD + ("Quy định\nĐiều 1. Thông tư số 07/2023/TT-BLĐTBXH ngày 28 tháng 8 năm 2023 của Bộ trưởng quy định mã số; "
                 "xếp lương viên chức được sửa đổi, bổ sung bởi Thông tư số 10/2024/TT-BLĐTBXH ngày 25 tháng 10 năm 2024.\n"
                 "Điều 2. Người lao động theo Luật Quân nhân chuyên nghiệp ngày 03 tháng 6 năm 2015; khoản 4 Điều này được "
                 "sửa đổi, bổ sung theo quy định tại Điều 129 của Bộ luật Lao động số 45/2019/QH14.\n"),
         has=(("AMENDS", "10/2024/TT-BLDTBXH", "7/2023/TT-BLDTBXH"),),
         lacks=(("AMENDS", "45/2019/QH14", "*"),)),
    Case("and_amends_after_a_title_is_the_titles",
         "thong-tu-so-20-2026-tt-btc: the listed circular's title ends '… và sửa đổi, bổ sung một số điều của Thông tư "
         "số 119/2014/…', after the title of the decree it names",
         HEAD + ("Thuế\nThông tư này thay thế:\na) Thông tư số 96/2015/TT-BTC ngày 22 tháng 6 năm 2015 của Bộ trưởng Bộ Tài "
                 "chính hướng dẫn về thuế tại Nghị định số 12/2015/NĐ-CP ngày 12 tháng 02 năm 2015 của Chính phủ quy định "
                 "chi tiết thi hành Luật sửa đổi, bổ sung một số điều của các Luật về thuế và sửa đổi, bổ sung một số "
                 "điều của Thông tư số 119/2014/TT-BTC ngày 25 tháng 8 năm 2014 của Bộ Tài chính.\n"),
         has=(("AMENDS", "96/2015/TT-BTC", "119/2014/TT-BTC"), ("REPLACES", "15/2024/TT-BLDTBXH", "96/2015/TT-BTC")),
         lacks=(("AMENDS", "12/2015/ND-CP", "119/2014/TT-BTC"), ("REPLACES", "15/2024/TT-BLDTBXH", "119/2014/TT-BTC"))),
    *(Case(f"passive_amendment_that_also_repeals_parts_is_an_amendment[{formula}]",
           "'được sửa đổi, bổ sung, bãi bỏ bởi': some articles amended, others repealed — the text amends it, it does "
           "not repeal it; 'được bổ sung bởi' amends too",
           f"Nghị định số 49/2018/NĐ-CP {formula} Nghị định số 04/2023/NĐ-CP.",
           only=(("AMENDS", "4/2023/ND-CP", "49/2018/ND-CP"),))
      for formula in ("được sửa đổi, bổ sung, bãi bỏ bởi", "được sửa đổi, bãi bỏ bởi", "được bổ sung bởi",
                      "được sửa đổi, bổ sung và bãi bỏ bởi")),
    Case("passive_amendment_that_also_repeals_parts_is_an_amendment[được bãi bỏ bởi]",
         "'được bãi bỏ bởi' alone is still a repeal",
         "Nghị định số 49/2018/NĐ-CP được bãi bỏ bởi Nghị định số 04/2023/NĐ-CP.",
         only=(("REPEALS", "4/2023/ND-CP", "49/2018/ND-CP"),)),
    Case("passive_formula_after_parts_listed_in_a_table_cell[row]",
         "a row of a table of partly expired texts: the document, its articles separated by ';' (each a sentence), "
         "then 'Được sửa đổi, … bởi' the amending decree",
         HEAD + TABLE_ROW_49,
         has=(("AMENDS", "4/2023/ND-CP", "49/2018/ND-CP"),)),
    Case("passive_formula_after_parts_listed_in_a_table_cell[not_parts]",
         "words that are not parts of a document between them: not the same row",
         HEAD + TABLE_ROW_49.replace("khoản 2 Điều 18;", "các cơ sở giáo dục;"),
         lacks=(("AMENDS", "4/2023/ND-CP", "49/2018/ND-CP"),)),
    Case("amended_by_without_duoc_is_passive_and_a_law_amends_a_law",
         "'khoản 2 Điều 8 Nghị định số 83/2014/NĐ-CP sửa đổi, bổ sung bởi Nghị định số 08/2018/NĐ-CP' read as the "
         "decree of 2014 amending the one of 2018 (9 on the corpus); '… Nghị định số 85/2024/NĐ-CP … quy định chi tiết … "
         "Luật Giá số 16/2023/QH15 được sửa đổi, bổ sung bởi Luật số 44/2024/QH15': the amending law amends the law, "
         "not the decree",
         HEAD + ("Hướng dẫn\nĐiều 1. Hồ sơ được quy định tại khoản 2 Điều 8 Nghị định số 83/2014/NĐ-CP sửa đổi, bổ sung bởi "
                 "Nghị định số 08/2018/NĐ-CP và Nghị định số 80/2023/NĐ-CP.\nĐiều 2. Theo Nghị định số 85/2024/NĐ-CP ngày 10 "
                 "tháng 7 năm 2024 của Chính phủ quy định chi tiết một số điều của Luật Giá số 16/2023/QH15 được sửa đổi, bổ "
                 "sung bởi Luật số 44/2024/QH15.\n"),
         has=(("AMENDS", "8/2018/ND-CP", "83/2014/ND-CP"), ("AMENDS", "80/2023/ND-CP", "83/2014/ND-CP"),
              ("AMENDS", "44/2024/QH15", "16/2023/QH15")),
         lacks=(("AMENDS", "83/2014/ND-CP", "*"), ("AMENDS", "*", "85/2024/ND-CP"))),
    Case("a_relation_back_in_time_by_the_years_is_held_back",
         "no date of either, but numbers that carry the year: a text of 2011 does not amend one of 2012 (7 on the "
         "corpus, e.g. a consolidated law's list quoting another law's repeal as if the law of 2008 made it)",
         "CHÍNH PHỦ\nSố: 1/VBHN-BTC\nHà Nội, ngày 10 tháng 3 năm 2026\nNGHỊ ĐỊNH\nVề lương\nĐiều 1. Nghị định số "
         "11/2011/NĐ-CP sửa đổi, bổ sung Nghị định số 23/2012/NĐ-CP.\n",
         lacks=(("AMENDS", "*", "*"),),
         rejected=(("*", "11/2011/ND-CP", "23/2012/ND-CP"),)),
    Case("passive_repeal_of_parts_amends_and_a_table_cell_is_about_the_rows_document",
         "'Phụ lục 1 … Thông tư số 15/2026/… được bãi bỏ theo … Thông tư số 26/2026/…' repeals an annex: an amendment; "
         "in a table row '… sửa đổi, bổ sung Điều 1 của Thông tư số 09/2022/… | Được bãi bỏ bởi Thông tư số 03/2024/…' "
         "the cell is about the row's document, while in running text '… của Nghị định số 209/2013/… đã được sửa đổi, "
         "bổ sung bởi Nghị định số 12/2015/…' is about the one named last",
         HEAD + ("Danh mục\nĐiều 1. Phụ lục 1 ban hành kèm theo Thông tư số 15/2026/TT-BCT được bãi bỏ theo quy định tại "
                 "Điều 9 của Thông tư số 26/2026/TT-BCT.\nĐiều 2. Văn bản hết hiệu lực\n10 Thông tư số 02/2023/TT-BLĐTBXH "
                 "ngày 12/4/2023 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội sửa đổi, bổ sung Điều 1 của Thông tư số "
                 "09/2022/TT-BLĐTBXH ngày 25 tháng 5 năm 2022 của Bộ trưởng hướng dẫn đa dạng hóa sinh kế Được bãi bỏ bởi "
                 "Thông tư số 03/2024/TT-BLĐTBXH ngày 18/4/2024 của Bộ trưởng\n"
                 "Điều 3. Nghị định số 49/2022/NĐ-CP ngày 29 tháng 7 năm 2022 của Chính phủ sửa đổi, bổ sung một số điều "
                 "của Nghị định số 209/2013/NĐ-CP ngày 18 tháng 12 năm 2013 của Chính phủ đã được sửa đổi, bổ sung bởi "
                 "Nghị định số 12/2015/NĐ-CP.\n"),
         has=(("AMENDS", "26/2026/TT-BCT", "15/2026/TT-BCT"), ("REPEALS", "3/2024/TT-BLDTBXH", "2/2023/TT-BLDTBXH"),
              ("AMENDS", "12/2015/ND-CP", "209/2013/ND-CP")),
         lacks=(("!CITES", "3/2024/TT-BLDTBXH", "9/2022/TT-BLDTBXH"), ("REPEALS", "26/2026/TT-BCT", "15/2026/TT-BCT"))),
    Case("the_amending_texts_list_ends_after_va_and_names_whole_texts",
         "'Luật A số … đã được sửa đổi, bổ sung một số điều theo Luật số B, Luật C …': the list of amending laws ends "
         "after 'và', at the next law of the list, and names whole texts",
         HEAD + ("Quy định mức thu\nĐiều 1. Sửa đổi các quy định sau đây:\n"
                 "c) Bỏ cụm từ “lệ phí tuyển sinh” tại Điều 101 của Luật Giáo dục số 38/2005/QH11 đã được sửa đổi, bổ\n"
                 "sung một số điều theo Luật số 44/2009/QH12, Điều 64 và Điều 65 của Luật Giáo dục đại học số\n"
                 "08/2012/QH13;\n"
                 "d) Luật Thi hành án hình sự số 41/2019/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số\n"
                 "59/2024/QH15 và Luật số 86/2025/QH15, Nghị quyết số 54/2022/QH15 ngày 16 tháng 6 năm 2022 của Quốc hội\n"
                 "thí điểm mô hình tổ chức hoạt động lao động cho phạm nhân hết hiệu lực.\n")
         + ("đ) Luật Tài nguyên nước số 17/2012/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 08/2017/QH14,\n"
            "Luật Đất đai số 45/2013/QH13, Luật Chứng khoán số 70/2006/QH11 đã được sửa đổi, bổ sung một số điều theo Luật\n"
            "số 62/2010/QH12, Luật Điện ảnh số 62/2006/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 31/2009/QH12;\n"
            "e) Luật Chứng khoán số 54/2019/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15 và Nghị định số\n"
            "155/2020/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 245/2025/NĐ-CP có dẫn chiếu đến các quy định.\n"),
         has=(("AMENDS", "8/2017/QH14", "17/2012/QH13"), ("AMENDS", "62/2010/QH12", "70/2006/QH11"),
              ("AMENDS", "31/2009/QH12", "62/2006/QH11"), ("AMENDS", "56/2024/QH15", "54/2019/QH14"),
              ("AMENDS", "245/2025/ND-CP", "155/2020/ND-CP"), ("AMENDS", "44/2009/QH12", "38/2005/QH11"),
              ("AMENDS", "59/2024/QH15", "41/2019/QH14"), ("AMENDS", "86/2025/QH15", "41/2019/QH14")),
         lacks=(("AMENDS", "45/2013/QH13", "17/2012/QH13"), ("AMENDS", "62/2006/QH11", "70/2006/QH11"),
                ("AMENDS", "155/2020/ND-CP", "54/2019/QH14"), ("AMENDS", "8/2012/QH13|54/2022/QH15", "*"))),
    Case("a_second_passive_formula_joined_by_va_has_the_first_ones_subject",
         "'Điểm này được sửa đổi theo … Nghị định A … và được sửa đổi theo … Nghị định B': B amends the point, not A",
         HEAD + ("Hướng dẫn chế độ\nĐiều 1. Đối tượng được quy định tại khoản 2.\n"
                 "7 Điểm này được sửa đổi theo quy định tại khoản 2 Điều 7 Nghị định số 140/2018/NĐ-CP ngày 08 tháng 10 "
                 "năm 2018 của Chính phủ, có hiệu lực kể từ ngày 08 tháng 10 năm 2018 và được sửa đổi theo quy định tại "
                 "điểm a khoản 2 Điều 1 Nghị định số 04/2023/NĐ-CP ngày 13 tháng 02 năm 2023 của Chính phủ.\n"),
         lacks=(("*", "4/2023/ND-CP", "140/2018/ND-CP"),)),
    Case("repealing_what_a_part_of_a_document_holds_amends_it",
         "'Bãi bỏ điều kiện … quy định tại Điều 27 Nghị định số …': what one article holds is repealed, the decree amended",
         "CHÍNH PHỦ\nSố: 19/2026/NQ-CP\nHà Nội, ngày 29 tháng 4 năm 2026\nNGHỊ QUYẾT\nCắt giảm điều kiện kinh doanh\n"
         "Điều 1. Phạm vi điều chỉnh\nNghị quyết này quy định việc cắt giảm điều kiện kinh doanh.\n"
         "VI. Bãi bỏ điều kiện kinh doanh dịch vụ cho thuê cảng, kho tiếp nhận xăng dầu quy định tại Điều 27 Nghị\n"
         "định số 83/2014/NĐ-CP;\n"
         "XI. Bãi bỏ điều kiện cấp Giấy phép bán lẻ sản phẩm thuốc lá quy định tại Điều 26 Nghị định số\n"
         "67/2013/NĐ-CP.\n",
         has=(("AMENDS", "19/2026/NQ-CP", "83/2014/ND-CP"), ("AMENDS", "19/2026/NQ-CP", "67/2013/ND-CP")),
         lacks=(("REPEALS|REPLACES", "*", "*"),)),
    Case("a_repeal_of_what_a_list_of_articles_holds_amends",
         "'Bãi bỏ quy định về phụ cấp … quy định tại Điều 4, Điều 5, … và Điều 9 Nghị định số …': an amendment",
         "CHÍNH PHỦ\nSố: 182/2026/NĐ-CP\nHà Nội, ngày 20 tháng 5 năm 2026\nNGHỊ ĐỊNH\nQuy định phụ cấp nhà giáo\n"
         "Điều 20. Hiệu lực thi hành\n2. Bãi bỏ quy định về phụ cấp đặc thù đối với nhà giáo dạy tích hợp, nhà giáo là "
         "nghệ nhân, người có trình độ kỹ năng nghề cao dạy thực hành và phụ cấp ưu đãi đối với nhà giáo dạy người khuyết "
         "tật quy định tại Điều 4, Điều 5, Điều 6, Điều 7, Điều 8 và Điều 9 Nghị định số 113/2015/NĐ-CP ngày 09 tháng 11 "
         "năm 2015 của Chính phủ.\n",
         has=(("AMENDS", "182/2026/ND-CP", "113/2015/ND-CP"),)),
    Case("the_new_wording_after_a_colon_is_not_a_list_of_what_is_amended",
         "'Sửa đổi, bổ sung Điều 1 như sau: “Thông tư này hướng dẫn … Luật … Nghị định …”': the quoted new wording "
         "names no amended text",
         "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 15/2023/TT-BLĐTBXH\nHà Nội, ngày 29 tháng 12 năm 2023\nTHÔNG TƯ\n"
         "Sửa đổi, bổ sung một số điều của Thông tư số 28/2015/TT-BLĐTBXH ngày 31 tháng 7 năm 2015\n"
         "Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 28/2015/TT-BLĐTBXH như sau:\n"
         "1. Sửa đổi, bổ sung Điều 1 như sau:\n"
         "“Thông tư này hướng dẫn thực hiện Điều 52 của Luật Việc làm số 38/2013/QH13 và một số điều\n"
         "của Nghị định số 28/2015/NĐ-CP, Nghị định số 61/2020/NĐ-CP.”\n",
         has=(("AMENDS", "15/2023/TT-BLDTBXH", "28/2015/TT-BLDTBXH"),),
         lacks=(("AMENDS", "*", "38/2013/QH13|28/2015/ND-CP"),)),
    Case("a_repeal_of_listed_articles_and_an_amended_law_named_before_its_number[law]",
         "'Bãi bỏ khoản 2 Điều 32 của Luật … số 30/2023/QH15': the law named before its number is amended",
         "QUỐC HỘI\nLuật số: 51/2024/QH15\nHà Nội, ngày 27 tháng 11 năm 2024\nLUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT "
         "BẢO HIỂM Y TẾ\nĐiều 2.\nSửa đổi, bổ sung Luật Lực lượng tham gia bảo vệ an ninh, trật tự\nở cơ sở số 30/2023/QH15\n"
         "Bãi bỏ khoản 2 Điều 32 của Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở\ncơ sở số 30/2023/QH15.\n",
         has=(("AMENDS", "51/2024/QH15", "30/2023/QH15"),)),
    Case("a_repeal_of_listed_articles_and_an_amended_law_named_before_its_number[articles]",
         "'Bãi bỏ Điều 2, khoản 3 Điều 4, …, Điều 16 và Điều 19 Thông tư số …': a list of articles repealed amends",
         "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\nSố: 17/2026/TT-NHNN\nHà Nội, ngày 15 tháng 5 năm 2026\nTHÔNG TƯ\nSửa đổi quy định\n"
         "Điều 5. Bãi bỏ Điều 2, khoản 3 Điều 4, Điều 11, Điều 13, Điều 14, Điều 16 và Điều 19 Thông tư số 78/2025/TT-NHNN "
         "sửa đổi, bổ sung, bãi bỏ một số quy định.\n",
         has=(("AMENDS", "17/2026/TT-NHNN", "78/2025/TT-NHNN"),),
         lacks=(("REPEALS|REPLACES", "*", "*"),)),
    Case("an_individual_resolution_does_not_amend_a_decree",
         "nghi-quyet-so-175-nq-cp: a task it gives ('b) Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP …') is kept as a "
         "citation and held back as an amendment; one individual text replacing another stands",
         "CHÍNH PHỦ\nSố: 175/NQ-CP\nHà Nội, ngày 30 tháng 10 năm 2023\nNGHỊ QUYẾT\nPhê duyệt Đề án Trung tâm dữ liệu quốc "
         "gia\nĐiều 2. Tổ chức thực hiện\n1. Bộ Công an:\na) Xây dựng Trung tâm dữ liệu quốc gia;\nb) Sửa đổi, bổ sung "
         "Nghị định số 01/2018/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ của Bộ Công an.\n"
         "Điều 3. Nghị quyết này có hiệu lực từ ngày ký và thay thế Nghị quyết số 41/NQ-CP ngày 11 tháng 3 năm 2023.\n",
         has=(("CITES", "175/NQ-CP@2023", "1/2018/ND-CP"), ("REPLACES", "175/NQ-CP@2023", "41/NQ-CP@2023")),
         lacks=(("AMENDS", "175/NQ-CP@2023", "1/2018/ND-CP"),),
         rejected_has=(("AMENDS", "*", "1/2018/ND-CP", "*individual*"),)),
    Case("a_decree_amends_the_decree_that_details_a_law_not_the_law",
         "'… Nghị định số 63/2023/NĐ-CP quy định chi tiết … Luật Tần số vô tuyến điện …, được sửa đổi, bổ sung một số "
         "điều theo Luật số 09/2022/QH15, được sửa đổi, bổ sung bởi Nghị định số 163/2024/NĐ-CP …': the decrees amend "
         "63/2023, not the law of 2022 (only a text of the legislature amends a law; 7 such amendments on the corpus)",
         HEAD + ("Quy định\nĐiều 1. Các tài liệu kèm theo tại khoản 3 Điều 6 Nghị định số 63/2023/NĐ-CP quy định chi tiết "
                 "một số điều của Luật Tần số vô tuyến điện số 42/2009/QH12, được sửa đổi, bổ sung một số điều theo Luật số "
                 "09/2022/QH15, được sửa đổi, bổ sung bởi Nghị định số 163/2024/NĐ-CP và Nghị định số 229/2025/NĐ-CP.\n"
                 "Điều 2. Nghị định số 100/2024/NĐ-CP ngày 26 tháng 7 năm 2024 của Chính phủ quy định chi tiết một số điều "
                 "của Luật Nhà ở về phát triển và quản lý nhà ở xã hội, đã được sửa đổi, bổ sung tại Nghị định số "
                 "261/2025/NĐ-CP.\n"),
         has=(("AMENDS", "9/2022/QH15", "42/2009/QH12"), ("AMENDS", "163/2024/ND-CP", "63/2023/ND-CP"),
              ("AMENDS", "229/2025/ND-CP", "63/2023/ND-CP"), ("AMENDS", "261/2025/ND-CP", "100/2024/ND-CP")),
         lacks=(("AMENDS", "!*/QH*", "*/QH*"), ("AMENDS", "*", "LUAT/*"))),
    Case("amending_texts_in_brackets_without_boi",
         "'Nghị định số 37/2017/NĐ-CP (được sửa đổi, bổ sung Nghị định số 147/2018/NĐ-CP, …)': the bracket names its "
         "amenders",
         _head(2026) + "Quy định về lao động\nĐiều 1. Nghị định số 37/2017/NĐ-CP (được sửa đổi, bổ sung Nghị định số "
                       "147/2018/NĐ-CP và Nghị định số 69/2022/NĐ-CP) Điều 5, Điều 7.\n",
         only=(("AMENDS", "147/2018/ND-CP", "37/2017/ND-CP"), ("AMENDS", "69/2022/ND-CP", "37/2017/ND-CP")),
         only_of=("AMENDS", "*", "*")),
    Case("an_amending_law_named_by_its_title_is_not_an_act_of_the_text_before",
         "'Nghị định số 100/2016/NĐ-CP … quy định chi tiết … của Luật sửa đổi, bổ sung một số điều của Luật Thuế giá trị "
         "gia tăng, …': the decree details the amending law; it amends nothing (van-ban-hop-nhat-so-03-vbhn-btc)",
         "Căn cứ Luật Thuế giá trị gia tăng số 13/2008/QH12 ngày 03 tháng 6 năm 2008;\n"
         "b) Điều 3 Nghị định số 12/2015/NĐ-CP ngày 12 tháng 02 năm 2015 của \n"
         "Chính phủ quy định chi tiết thi hành Luật sửa đổi, bổ sung một số điều của \n"
         "các Luật về thuế và sửa đổi, bổ sung một số điều của các Nghị định về thuế. \n"
         "c) Điều 1 Nghị định số 100/2016/NĐ-CP ngày 01 tháng 7 năm 2016 của \n"
         "Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật sửa \n"
         "đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng, Luật Thuế tiêu thụ \n"
         "đặc biệt và Luật Quản lý thuế. \n",
         lacks=(("AMENDS", "*", "*"),)),
    Case("pharmacy_is_not_a_passive_formula",
         "'dược' (pharmacy) and 'được' (the passive) both fold to 'duoc': 'Bãi bỏ tên các thuốc … thuộc Danh mục thuốc "
         "tân dược … ban hành kèm theo Thông tư số 40/2014/TT-BYT' is a partial repeal",
         "BỘ Y TẾ\nSố: 50/2017/TT-BYT\nHà Nội, ngày 29 tháng 12 năm 2017\nTHÔNG TƯ\nSửa đổi các quy định\n"
         "Điều 10. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2018.\n"
         "4. Bãi bỏ tên các thuốc quy định tại số thứ tự 636, 1039 của cột số 2 thuộc Danh mục thuốc tân \n"
         "dược thuộc phạm vi thanh toán của Quỹ Bảo hiểm y tế ban hành kèm theo Thông tư số 40/2014/TT-BYT \n"
         "ngày 17 tháng 11 năm 2014 của Bộ trưởng Bộ Y tế.\n",
         has=(("AMENDS", "50/2017/TT-BYT", "40/2014/TT-BYT"),)),
]


# guided, detailed, implemented ----------------------------------------------------------------------------------
GUIDE_IMPLEMENT = [
    Case("what_a_title_guides_is_not_what_its_object_details",
         "'Thông tư X hướng dẫn thi hành … Nghị định Y … quy định chi tiết … của Luật Z': X guides Y and Y details Z; Z, "
         "inside Y's title, was taken as listed with Y (X GUIDES Z: 11 such on the corpus); a list after a title ('… "
         "hướng dẫn … Luật A, Nghị định B … quy định về hóa đơn, chứng từ, Nghị định C …') is still a list",
         HEAD + ("Sửa đổi\nĐiều 1. Bãi bỏ một phần của Thông tư số 35/2013/TT-BLĐTBXH ngày 30 tháng 12 năm 2013 của Bộ "
                 "trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn thi hành một số điều của Nghị định số 09/2013/NĐ-CP "
                 "ngày 11 tháng 01 năm 2013 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống mua "
                 "bán người như sau:\nĐiều 2. Căn cứ Thông tư số 32/2025/TT-BTC ngày 31 tháng 5 năm 2025 của Bộ trưởng Bộ "
                 "Tài chính hướng dẫn thực hiện một số điều của Luật Quản lý thuế ngày 13 tháng 6 năm 2019, Nghị định số "
                 "123/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định về hóa đơn, chứng từ, Nghị định số "
                 "70/2025/NĐ-CP ngày 20 tháng 3 năm 2025 của Chính phủ.\n"),
         has=(("GUIDES", "35/2013/TT-BLDTBXH", "9/2013/ND-CP"), ("GUIDES", "9/2013/ND-CP", "LUAT/phong-chong-mua-ban-nguoi"),
              ("GUIDES", "32/2025/TT-BTC", "123/2020/ND-CP"), ("GUIDES", "32/2025/TT-BTC", "70/2025/ND-CP")),
         lacks=(("GUIDES", "35/2013/TT-BLDTBXH", "LUAT/phong-chong-mua-ban-nguoi"),)),
    Case("the_second_half_of_a_detailing_formula_is_the_decrees",
         "'… về việc đính chính Nghị định số 320/2025/… quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn "
         "thi hành Luật …': the decree details the law, not the decision that corrects the decree",
         HEAD + ("Hướng dẫn\nĐiều 1. Quyết định số 517/QĐ-BTC ngày 20 tháng 3 năm 2026 về việc đính chính Nghị định số "
                 "320/2025/NĐ-CP ngày 15 tháng 12 năm 2025 của Chính phủ quy định chi tiết một số điều và biện pháp để tổ "
                 "chức, hướng dẫn thi hành Luật Thuế thu nhập doanh nghiệp.\n"),
         only=(("GUIDES", "320/2025/ND-CP", "LUAT/thue-thu-nhap-doanh-nghiep"),), only_of=("GUIDES", "*", "*")),
    Case("details_and_guides_a_long_list_of_a_laws_parts",
         "'quy định chi tiết, hướng dẫn thi hành khoản 4 Điều 24, … khoản 6 Điều 84 của Luật Thi đua, khen thưởng'",
         "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 16/2023/TT-BLĐTBXH\nHà Nội, ngày 30 tháng 12 năm 2023\nTHÔNG TƯ\n"
         "Quy định khen thưởng\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết, hướng dẫn thi hành khoản 4 Điều "
         "24, khoản 3\nĐiều 26, khoản 3 Điều 27, khoản 3 Điều 28, khoản 2 Điều 71, khoản 6 Điều 74,\nkhoản 2 Điều 75, khoản 6 "
         "Điều 84 của Luật Thi đua, khen thưởng.\n",
         has=(("GUIDES", "16/2023/TT-BLDTBXH", "LUAT/thi-dua*"),)),
    Case("a_title_may_open_with_ban_hanh_and_break_anywhere",
         "a title 'Ban hành Kế hoạch hành động thực hiện  \\nChỉ thị số 52-CT/TW …' broken over lines is read whole, "
         "and the plan implements the directive",
         "THỦ TƯỚNG CHÍNH PHỦ\n_______________\nSố: 844/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Hà Nội, ngày 13 tháng 5 năm 2026\nQUYẾT ĐỊNH\nBan hành Kế hoạch hành động thực hiện  \n"
         "Chỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư  \nvề thực hiện bảo hiểm y tế toàn dân\n––––––\n"
         "THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n"
         "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động.\n",
         fields=(("844/QD-TTG@2026", "title", "Ban hành Kế hoạch hành động thực hiện Chỉ thị số 52-CT/TW*"),),
         has=(("IMPLEMENTS", "844/QD-TTG@2026", "52-CT/TW@2025"),)),
    Case("the_scope_names_what_the_text_details_far_into_the_sentence",
         "the scope 'quy định chi tiết một số nội dung … tại khoản 4 Điều 22, … của Luật Việc làm số 74/2025/QH15' guides "
         "the law; a task ('hướng dẫn, giám sát … theo quy định tại … Nghị định số 27/2022/NĐ-CP') guides nothing",
         "CHÍNH PHỦ\nSố: 138/2026/NĐ-CP\nHà Nội, ngày 20 tháng 4 năm 2026\nNGHỊ ĐỊNH\nQuy định về phát triển kỹ năng nghề\n"
         "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết một số nội dung về phát triển kỹ năng nghề\ntại khoản "
         "4 Điều 22, khoản 3 Điều 23, khoản 6 Điều 24, khoản 4 Điều 25 và\nkhoản 2 Điều 26 của Luật Việc làm số 74/2025/QH15.\n"
         "Điều 5. Trách nhiệm\n1. Bộ Nội vụ:\nhướng dẫn, giám sát, thanh toán và giải ngân vốn theo quy định tại điểm d "
         "khoản 4 Điều 23 Nghị định số 27/2022/NĐ-CP.\n",
         has=(("GUIDES", "138/2026/ND-CP", "74/2025/QH15"),),
         lacks=(("GUIDES", "*", "27/2022/ND-CP"),)),
    Case("a_decree_on_the_measures_to_apply_a_law_guides_it",
         "'quy định chi tiết một số điều và biện pháp thi hành Luật Viễn thông' (30 such in the corpus gave no relation)",
         _head(2026) + "Quy định về lao động\nCăn cứ Nghị định số 163/2024/NĐ-CP ngày 24 tháng 12 năm 2024 của Chính phủ "
                       "quy định chi tiết một số điều và biện pháp thi hành Luật Viễn thông số 24/2023/QH15;\nCăn cứ Nghị "
                       "định số 131/2021/NĐ-CP của Chính phủ quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi "
                       "người có công với cách mạng;\nĐiều 1. Phạm vi.\n",
         only=(("GUIDES", "163/2024/ND-CP", "24/2023/QH15"),
               ("GUIDES", "131/2021/ND-CP", "PHAP-LENH/uu-dai-nguoi-co-cong-voi-cach-mang")),
         only_of=("GUIDES", "*", "*")),
    Case("brackets_and_lists_after_a_guiding_formula",
         "'(đã được sửa đổi, bổ sung thành …)' is a passive, not the bracketed document acting; after '… biện pháp thi "
         "hành Luật X và Nghị định số …' the list goes on with the next basis, which X's decree does not guide",
         _head(2026) + "Quy định về lao động\nCăn cứ Nghị định số 59/2019/NĐ-CP ngày 01 tháng 7 năm 2019 của Chính phủ quy "
                       "định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tham nhũng và Nghị định số "
                       "12/2018/NĐ-CP ngày 01 tháng 2 năm 2018 của Chính phủ quy định về kiểm soát tài sản;"
                       "\nĐiều 1. Mẫu số 05 ban hành kèm theo Thông tư số 21/2021/TT-BLĐTBXH (đã được sửa đổi, bổ sung thành "
                       "Mẫu số 39 ban hành kèm theo Thông tư số 08/2019/TT-BLĐTBXH).\n",
         only=(("GUIDES", "59/2019/ND-CP", "LUAT/phong-chong-tham-nhung"),), only_of=("GUIDES|AMENDS", "*", "*")),
    Case("the_title_of_a_text_described_is_its_own",
         "'… theo Nghị định số 49/2013/NĐ-CP ngày14/5/2013 của Chính phủ quy định chi tiết … Bộ luật Lao động' (the "
         "space after 'ngày' left out) and '… Nghị định số 218/2013/NĐ-CP … quy định và hướng dẫn thi hành Luật …': the "
         "decree details the law, not the circular that guides the decree (thong-tu-so-18-2022, thong-tu-so-20-2026)",
         "Thông tư số 17/2015/TT-BLĐTBXH ngày 22/4/2015 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn xây "
         "dựng thang lương theo Nghị định số 49/2013/NĐ-CP ngày14/5/2013 của Chính phủ quy định chi tiết thi hành một "
         "số điều của Bộ luật Lao động năm 2012 về tiền lương.\n"
         "Thông tư số 78/2014/TT-BTC ngày 18 tháng 6 năm 2014 của Bộ trưởng Bộ Tài chính hướng dẫn thi hành Nghị định "
         "số 218/2013/NĐ-CP ngày 26 tháng 12 năm 2013 của Chính phủ quy định và hướng dẫn thi hành Luật Thuế thu nhập "
         "doanh nghiệp năm 2008.",
         only=(("GUIDES", "17/2015/TT-BLDTBXH", "49/2013/ND-CP"), ("GUIDES", "49/2013/ND-CP", "BO-LUAT/lao-dong@2012"),
               ("GUIDES", "78/2014/TT-BTC", "218/2013/ND-CP"),
               ("GUIDES", "218/2013/ND-CP", "LUAT/thue-thu-nhap-doanh-nghiep@2008")),
         only_of=("GUIDES", "*", "*")),
    Case("a_task_given_to_a_ministry_is_no_relation",
         "'Giao Bộ … căn cứ quy định tại … Nghị định số 60/2022/NĐ-CP … quy định pháp luật có liên quan, hướng dẫn quản "
         "lý tiền lương … theo … Nghị định số 51/2016/NĐ-CP': the ministry is to guide; the decree named before does "
         "not guide the other",
         _head(2024) + ("Điều 4. Trách nhiệm thi hành\nGiao Bộ Lao động - Thương binh và Xã hội căn cứ quy định tại "
                        "khoản 9 Điều 2 Nghị định số 60/2022/NĐ-CP ngày 08 tháng 9 năm 2022 của Chính phủ quy định chức "
                        "năng của Đài Truyền hình Việt Nam và quy định pháp luật có liên quan, hướng dẫn quản lý tiền lương "
                        "theo cơ chế tiền lương quy định tại Nghị định số 51/2016/NĐ-CP.\n"),
         lacks=(("GUIDES", "*", "*"),)),
]


# legal bases (Căn cứ …), the Constitution ---------------------------------------------------------------------
LEGAL_BASES = [
    Case("title_ends_where_the_legal_bases_begin",
         "the title ends at 'Căn cứ': the law after it is a basis, not what the circular guides",
         HEAD + ("Hướng dẫn kế toán quỹ bảo hiểm xã hội\nCăn cứ Luật Kế toán số 88/2015/QH13 ngày 20 tháng 11 năm 2015;\n"
                 "Điều 1. Phạm vi\nThông tư này hướng dẫn kế toán.\n"),
         has=(("BASED_ON", "15/2024/TT-BLDTBXH", "88/2015/QH13"),),
         lacks=(("GUIDES", "*", "*"),)),
    Case("a_basis_in_the_body_applies_a_text_it_is_not_the_texts_basis",
         "'Căn cứ theo quy định tại … Nghị định X …, Bộ Tài chính thẩm định …' after Điều 1 made X a legal basis of the "
         "text (121 on the corpus, most in annexes); the bases open a text, before its first article",
         HEAD + ("Hướng dẫn\nCăn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\nBộ trưởng ban hành "
                 "Thông tư.\nĐiều 1. Phạm vi\nCăn cứ theo quy định tại Nghị định số 03/2017/NĐ-CP và các quy định khác, "
                 "Bộ Tài chính thẩm định hồ sơ.\n"),
         has=(("BASED_ON", "15/2024/TT-BLDTBXH", "62/2022/ND-CP"), ("CITES", "15/2024/TT-BLDTBXH", "3/2017/ND-CP")),
         lacks=(("BASED_ON", "15/2024/TT-BLDTBXH", "3/2017/ND-CP"),)),
    Case("quoted_bases_in_a_footnote_are_the_amending_texts",
         "a consolidated text's footnote quotes an amending text's bases: '2 Thông tư số 24/2020/TT-BTC có căn cứ ban "
         "hành như sau: “Căn cứ Luật …;' — the opening quote hid 'Căn cứ', and the bases went to the consolidated text",
         "BỘ TÀI CHÍNH\nSố: 22/VBHN-BTC\nHà Nội, ngày 08 tháng 6 năm 2020\nTHÔNG TƯ\nHướng dẫn cơ chế tài chính\n"
         "Thông tư số 20/2016/TT-BTC ngày 03 tháng 02 năm 2016 của Bộ trưởng Bộ Tài chính hướng dẫn cơ chế, có hiệu "
         "lực kể từ ngày 20 tháng 3 năm 2016, được sửa đổi, bổ sung bởi:\nThông tư số 24/2020/TT-BTC ngày 13 tháng 4 "
         "năm 2020 của Bộ trưởng Bộ Tài chính.\nCăn cứ Quyết định số 60/2015/QĐ-TTg ngày 27 tháng 11 năm 2015 của Thủ "
         "tướng Chính phủ;\nĐiều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn.\n2 Thông tư số 24/2020/TT-BTC có căn "
         "cứ ban hành như sau:\n“Căn cứ Luật An toàn, vệ sinh lao động ngày 25 tháng 6 năm 2015;\nCăn cứ Luật Việc làm "
         "ngày 16 tháng 11 năm 2013;\n",
         has=(("BASED_ON", "24/2020/TT-BTC", "LUAT/an-toan-ve-sinh-lao-dong@2015"),
              ("BASED_ON", "24/2020/TT-BTC", "LUAT/viec-lam@2013")),
         lacks=(("BASED_ON", "20/2016/TT-BTC", "LUAT/*"),)),
    Case("a_basis_whose_title_has_several_semicolons",
         "'Căn cứ Nghị định số 63/2019/NĐ-CP … quản lý tài sản công; thực hành tiết kiệm, chống lãng phí; dự trữ quốc "
         "gia; kho bạc nhà nước được sửa đổi, bổ sung bởi Nghị định số 102/2021/NĐ-CP, Nghị định số 55/2026/NĐ-CP;': the "
         "title's ';' end sentences, and the passive formula is still about 63/2019",
         "BỘ TÀI CHÍNH\nSố: 45/2026/TT-BTC\nHà Nội, ngày 15 tháng 5 năm 2026\nTHÔNG TƯ\nSửa đổi các quy định\n"
         "Căn cứ Nghị định số 63/2019/NĐ-CP ngày 11 tháng 7 năm 2019 của Chính \nphủ quy định xử phạt vi phạm hành chính "
         "trong lĩnh vực quản lý tài sản công; \nthực hành tiết kiệm, chống lãng phí; dự trữ quốc gia; kho bạc nhà nước "
         "được sửa \nđổi, bổ sung bởi Nghị định số 102/2021/NĐ-CP, Nghị định số 55/2026/NĐ-CP; \n"
         "Theo đề nghị của Cục trưởng;\nBộ trưởng ban hành Thông tư.\nĐiều 1. Phạm vi\n",
         has=(("AMENDS", "102/2021/ND-CP", "63/2019/ND-CP"), ("AMENDS", "55/2026/ND-CP", "63/2019/ND-CP"),
              ("BASED_ON", "45/2026/TT-BTC", "63/2019/ND-CP"))),
    # 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;' names no year: a law of 2020 rests on the
    # Constitution of 2013 (in force from 1 January 2014), one of 2008 on that of 1992 (ontology/constitutions.tsv)
    Case("the_constitution_a_text_rests_on_is_the_one_that_applied_when_it_was_written[2020]",
         "a law of 2020 rests on the Constitution of 2013; 'Hiến pháp và pháp luật' is the law in general",
         LAW_69_2020,
         only=(("BASED_ON", "69/2020/QH14", f"{CONSTITUTION}@2013"),)),
    Case("the_constitution_a_text_rests_on_is_the_one_that_applied_when_it_was_written[2008]",
         "a law of 2008 rests on the Constitution of 1992",
         LAW_69_2020.replace("69/2020/QH14", "25/2008/QH12").replace("13 tháng 11 năm 2020", "14 tháng 11 năm 2008"),
         only=(("BASED_ON", "25/2008/QH12", f"{CONSTITUTION}@1992"),)),
    Case("the_constitution_a_text_rests_on_is_the_one_that_applied_when_it_was_written[amended]",
         "the Constitution was amended by the resolution the basis names",
         LAW_69_2020.replace("Việt Nam;\n", "Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số "
                             "203/2025/QH15;\n").replace("69/2020/QH14", "114/2025/QH15").replace("năm 2020", "năm 2025"),
         has=(("BASED_ON", "114/2025/QH15", f"{CONSTITUTION}@2013"), ("AMENDS", "203/2025/QH15", f"{CONSTITUTION}@2013"))),
    Case("the_constitution_a_text_rests_on_is_the_one_that_applied_when_it_was_written[dated]",
         "'Căn cứ Hiến pháp năm 1992;': that one, and no Constitution without a year",
         HEAD + "Quy định\nCăn cứ Hiến pháp năm 1992;\nĐiều 1. Tuân thủ Hiến pháp và pháp luật.\n",
         docs=(f"{CONSTITUTION}@1992",), no_docs=("HIEN-PHAP/*&!*@*",)),
    Case("the_constitution_a_text_rests_on_is_the_one_that_applied_when_it_was_written[news]",
         "no date: no year",
         "Mọi công dân phải tuân theo Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
         docs=(CONSTITUTION,)),
    Case("a_basis_quoted_from_an_amending_law_takes_that_laws_constitution",
         "a consolidated law reproduces the bases of the law it consolidates (1992's) and, in a footnote, quotes those "
         "of the law that amended it (“Căn cứ Hiến pháp …;” of 2023): each is its writer's Constitution",
         "VĂN PHÒNG QUỐC HỘI\nSố: 22/VBHN-VPQH\nHà Nội, ngày 10 tháng 3 năm 2025\nLUẬT\nBẢO HIỂM Y TẾ\n"
         "Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 "
         "năm 2009, được sửa đổi, bổ sung bởi:\n1. Luật số 51/2024/QH15 ngày 27 tháng 11 năm 2024 của Quốc hội.\n"
         "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992 đã được sửa đổi, bổ sung theo Nghị quyết số "
         "51/2001/QH10;\nQuốc hội ban hành Luật bảo hiểm y tế.1\n"
         "1 Luật số 51/2024/QH15 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế có căn cứ ban hành như sau:\n"
         "“Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật sửa đổi, bổ sung một số "
         "điều của Luật Bảo hiểm y tế.”\n",
         has=(("BASED_ON", "51/2024/QH15", f"{CONSTITUTION}@2013"), ("AMENDS", "51/2001/QH10", f"{CONSTITUTION}@1992")),
         lacks=(("*", "51/2024/QH15", f"{CONSTITUTION}@1992"),)),
]


# consolidated texts, footnotes and quotes ---------------------------------------------------------------------
CONSOLIDATED_AND_QUOTED = [
    Case("quoted_citation_is_words_not_an_object",
         "thong-tu-so-45-2026-tt-btc: a citation inside the replaced words is not acted on",
         HEAD + ("Sửa đổi\nĐiều 2. Thay thế cụm từ “khoản 3 Điều 6 Nghị định số 63/2019/NĐ-CP” bằng cụm từ “khoản 1 "
                 "Điều 6 Nghị định số 63/2019/NĐ-CP” tại khoản 3 Điều 4.\n"),
         lacks=(("!CITES", "*", "*63/2019*"),)),
    Case("consolidated_document_is_the_one_opening_the_authentication_block",
         "van-ban-hop-nhat-so-1345-vbhn-bldtbxh: the decree named in the title is not what is consolidated",
         VBHN + "Điều 23. Hiệu lực thi hành\n2. Bãi bỏ Thông tư số 05/2009/TT-BLĐTBXH ngày 17 tháng 02 năm 2009.\n" + VBHN_TAIL,
         has=(("CONSOLIDATES", "1345/VBHN-BLDTBXH@2024", "35/2013/TT-BLDTBXH"),
              ("REPEALS", "35/2013/TT-BLDTBXH", "5/2009/TT-BLDTBXH")),
         lacks=(("!GUIDES", "9/2013/ND-CP", "*"), ("CONSOLIDATES", "*", "9/2013/ND-CP"))),
    Case("consolidated_circular_quoting_its_amending_decree",
         "van-ban-hop-nhat-so-1548-vbhn-bldtbxh: a footnote quotes the decree; 'Nghị định này' is not the circular",
         VBHN + ("Điều 25. Hiệu lực thi hành\n1. Nghị định này có hiệu lực thi hành kể từ ngày 14 tháng 10 năm 2016.\n"
                 "2. Các văn bản sau đây hết hiệu lực thi hành kể từ ngày Nghị định này có hiệu lực thi hành:\n"
                 "a) Thông tư số 29/2011/TT-BLĐTBXH ngày 24 tháng 10 năm 2011 của Bộ trưởng;\n"
                 "4. Bãi bỏ Chương II và Điều 30 Điều lệ ban hành kèm theo Thông tư số 54/2011/TT-BGDĐT "
                 "ngày 15 tháng 11 năm 2011.\n") + VBHN_TAIL,
         has=(("CONSOLIDATES", "1345/VBHN-BLDTBXH@2024", "35/2013/TT-BLDTBXH"),),
         lacks=(("*", "35/2013/TT-BLDTBXH", "29/2011/TT-BLDTBXH|54/2011/TT-BGDDT"),)),
    Case("a_quoted_provision_is_read_as_the_text_its_lead_names",
         "the footnote quotes, in straight quotes with curly ones inside, the final article of the amending circular: "
         "what it repeals is that circular's doing, not the consolidated one's",
         VBHN_BYT + ("Điều 1. Danh mục thuốc được quy định tại Phụ lục.\n"
                     "Điều 8. Hiệu lực thi hành2\n"
                     "2 Các điều 10, 11, 12, 13 của Thông tư số 50/2017/TT-BYT có hiệu lực kể từ ngày 01 tháng 3 năm 2018\n"
                     "quy định như sau:\n"
                     "\"Điều 10. Hiệu lực thi hành.\n"
                     "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2018.\n"
                     "2. Bãi bỏ các quy định sau trong Quy chế bệnh viện ban hành kèm theo Quyết định số 1895/1997/QĐ-BYT\n"
                     "ngày 19 tháng 9 năm 1997 của Bộ trưởng Bộ Y tế:\n"
                     "a) Điểm i mục 2 của Quy chế công tác Khoa chẩn đoán hình ảnh;\n"
                     "b) “Đã hội chẩn toàn bệnh viện, đối với bệnh viện hạng III; hội chẩn toàn khoa hoặc liên khoa” trong\n"
                     "điểm a mục 3 Phần II của Quy chế chuyển viện.\n"
                     "3. Bãi bỏ phần khái niệm, định nghĩa của chỉ tiêu số 20 về số ngày điều trị trung bình quy định tại\n"
                     "Thông tư số 28/2014/TT-BYT ngày 14 tháng 8 năm 2014 của Bộ trưởng Bộ Y tế quy định nội dung hệ thống\n"
                     "chỉ tiêu thống kê ngành Y tế.\n"
                     "Điều 13. Trách nhiệm thi hành\nCục Quản lý Khám, chữa bệnh chịu trách nhiệm thi hành./.\"\n")
         + VBHN_BYT_TAIL,
         has=(("AMENDS", "50/2017/TT-BYT", "28/2014/TT-BYT"), ("*", "50/2017/TT-BYT", "1895/1997/QD-BYT")),
         lacks=(("*", "5/2015/TT-BYT", "28/2014/TT-BYT|1895/1997/QD-BYT"),)),
    Case("a_quote_of_legal_bases_ends_with_them",
         "the closing mark of the quoted bases was lost at a page break: the consolidated text after them is read as "
         "the consolidated decree's own, not skipped as quoted and not taken for the amending decree's",
         "VĂN BẢN HỢP NHẤT - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ ĐỊNH\n"
         "Quy định chính sách hỗ trợ tạo việc làm\n"
         "Nghị định số 61/2015/NĐ-CP ngày 09 tháng 7 năm 2015 của Chính phủ quy định về chính sách hỗ trợ tạo việc\n"
         "làm, có hiệu lực kể từ ngày 01 tháng 9 năm 2015, được sửa đổi, bổ sung bởi:\n"
         "Nghị định số 74/2019/NĐ-CP ngày 23 tháng 9 năm 2019 của Chính phủ sửa đổi, bổ sung một số điều của Nghị\n"
         "định số 61/2015/NĐ-CP, có hiệu lực kể từ ngày 07 tháng 11 năm 2019.\n"
         "Căn cứ Luật Việc làm ngày 16 tháng 11 năm 2013;\n"
         "Chính phủ ban hành Nghị định quy định chính sách hỗ trợ tạo việc làm.1\n"
         "1 Nghị định số 74/2019/NĐ-CP có căn cứ ban hành như sau:\n"
         "“Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
         "Căn cứ Luật Việc làm ngày 16 tháng 11 năm 2013;\n"
         "Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 61/2015/NĐ-CP.\n"
         "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
         "Nghị định này quy định chi tiết thi hành một số điều của Luật Việc làm về chính sách việc làm công.\n"
         "Điều 2. Đối tượng áp dụng\nNgười lao động (sau đây viết tắt là Nghị định số 61/2015/NĐ-CP).”\n"
         "XÁC THỰC VĂN BẢN HỢP NHẤT\nBỘ TRƯỞNG\nSố: 1607/VBHN-BLĐTBXH\nHà Nội, ngày 30 tháng 5 năm 2023\n",
         has=(("GUIDES", "61/2015/ND-CP", "LUAT/viec-lam|LUAT/viec-lam@*"),),  # the law, of whichever year
         lacks=(("GUIDES", "74/2019/ND-CP", "*"),)),
    Case("a_footnote_quote_cut_by_a_page_break_gives_back_the_body",
         "van-ban-hop-nhat-so-6660: a footnote quotes the final articles of the amending text ('50 Điều 3 và Điều 4 của "
         "Thông tư số 08/2023/… quy định như sau: “Điều 3. …') and its close is lost at the page break; what follows the "
         "page break is the consolidated text's own final article, which replaces its predecessor",
         VBHN.replace("Điều 1. Phạm vi\nThông tư này hướng dẫn thi hành.\n", "") + (
             "Điều 22. Hiệu lực thi hành50\n"
             "50 Điều 3 và Điều 4 của Thông tư số 08/2023/TT-BLĐTBXH, có hiệu lực từ ngày 12 tháng 10 năm 2023 quy \n"
             "định như sau: \n“Điều 3. Hiệu lực thi hành \n1. Thông tư này có hiệu lực thi hành từ ngày 12 tháng 10 năm "
             "2023. \n"
             "Điều 4. Trách nhiệm thi hành \n1. Các Bộ có trách nhiệm hướng dẫn thực hiện các quy định tại Thông tư này. \n"
             "\n \n\n \n1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2014. \n"
             "2. Thông tư này thay thế Thông tư số 18/2009/TT-BLĐTBXH ngày 09 tháng 6 năm 2009 của Bộ Lao động - Thương "
             "binh và Xã hội hướng dẫn thi hành.\n"
             "Các Bộ có trách nhiệm thi hành Thông tư này./.\n51 Điều 5 của Thông tư số 08/2023/TT-BLĐTBXH quy định như "
             "sau: “Điều 5. Các Bộ, cơ quan ngang Bộ chịu trách nhiệm thi hành Thông tư này.”\n") + VBHN_TAIL,
         has=(("REPLACES", "35/2013/TT-BLDTBXH", "18/2009/TT-BLDTBXH"),),
         lacks=(("!CITES", "!35/2013/TT-BLDTBXH", "18/2009/TT-BLDTBXH"),)),
]


# laws cited by name ---------------------------------------------------------------------------------------------
LAW_NAMES = [
    Case("a_law_does_not_cite_its_own_title",
         "a law's own title in capitals (and 'Quốc hội ban hành Luật …') is not a law it cites",
         "QUỐC HỘI\nLuật số: 69/2020/QH14\nHà Nội, ngày 13 tháng 11 năm 2020\nLUẬT\nNGƯỜI LAO ĐỘNG VIỆT NAM ĐI LÀM VIỆC"
         " Ở NƯỚC NGOÀI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật Người lao "
         "động Việt Nam đi làm việc ở nước ngoài.\nĐiều 1. Chi nhánh hoạt động theo quy định của Luật Doanh nghiệp.\n",
         docs=("LUAT/doanh-nghiep",), no_docs=("*nguoi-lao-dong*",)),
    Case("law_names_are_read_with_their_marks",
         "'vệ', 'đô', 'số' fold to the stop words 'về', 'do', 'số …': only the written stop word ends a name",
         HEAD + ("Hướng dẫn\nCăn cứ Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020; Luật Thủ đô ngày 28 tháng 6 năm "
                 "2024; Luật Dân số ngày 10 tháng 12 năm 2025;\nĐiều 1. Thông tư này hướng dẫn Luật Dẫn độ về hợp tác.\n"),
         docs=("LUAT/bao-ve-moi-truong@2020", "LUAT/thu-do@2024", "LUAT/dan-so@2025", "LUAT/dan-do")),
    Case("older_laws_and_ordinances_are_read_by_their_names",
         "titles since replaced (ontology/law_names.tsv): in small letters a listed name is read whole, not cut at its "
         "first words ('Luật phá sản doanh nghiệp' is not Luật Phá sản) nor left unread; the longest listed name wins",
         _head(2005) + ("Hướng dẫn\nCăn cứ Luật phá sản doanh nghiệp;\nCăn cứ Pháp lệnh thuế nhà, đất;\n"
                        "Căn cứ Luật Hoạt động giám sát của Quốc hội ngày 17 tháng 6 năm 2003;\n"
                        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu HĐND;\n"),
         docs=("LUAT/pha-san-doanh-nghiep", "PHAP-LENH/thue-nha-dat", "LUAT/hoat-dong-giam-sat-cua-quoc-hoi@2003",
               "LUAT/bau-cu-dai-bieu-quoc-hoi-va-dai-bieu-hoi-dong-nhan-dan"),
         no_docs=("LUAT/pha-san", "LUAT/hoat-dong-giam-sat@2003", "LUAT/bau-cu-dai-bieu-quoc-hoi")),
    Case("amending_laws_keep_the_name_of_what_they_amend",
         "'Luật sửa đổi, bổ sung một số điều của …' was cut at 'một số' and made one document of every amending law",
         HEAD + ("Hướng dẫn\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014;\n"
                 "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Giáo dục ngày 25 tháng 11 năm 2009;\n"),
         docs=("LUAT/sua-doi-bo-sung-mot-so-dieu-cua-luat-bao-hiem-y-te@2014",
               "LUAT/sua-doi-bo-sung-mot-so-dieu-cua-luat-giao-duc@2009"),
         no_docs=("LUAT/sua-doi-bo-sung-mot@*|LUAT/sua-doi-bo-sung-mot",)),
    Case("open_law_name_takes_the_closed_name_it_starts_with",
         "'theo Luật Bảo hiểm xã hội nộp hồ sơ …': no 'ngày', 'số' or mark ends the name; the text names the law closed "
         "elsewhere, and a conjunction or a footnote mark ('Luật Doanh nghiệp và', 'Luật Nhà ở11') is not in a name",
         HEAD + ("Hướng dẫn\nCăn cứ Luật Bảo hiểm xã hội ngày 20 tháng 11 năm 2014;\nĐiều 1. Người lao động theo Luật Bảo "
                 "hiểm xã hội nộp hồ sơ cho cơ quan bảo hiểm xã hội.\nĐiều 2. Doanh nghiệp theo Luật Doanh nghiệp và "
                 "quy định khác. Nhà theo Luật Nhà ở11 được xây dựng.\n"),
         docs=("LUAT/bao-hiem-xa-hoi@2014", "LUAT/doanh-nghiep", "LUAT/nha-o"),
         no_docs=("*nop-ho*|*-va|*11",)),
    Case("a_known_law_name_ends_where_the_name_does",
         "the words after a law's name ran on into it ('Luật Giám định tư pháp thủ trưởng cơ quan …', 'Luật Trồng trọt, "
         "Cơ quan …', 'Luật Bảo vệ môi trường hoạt động trước ngày …'); a stop word inside a name cut it short ('Luật Đầu "
         "tư theo phương thức đối tác công tư' was 'Luật Đầu tư'); 'Luật PPP' is the 2020 law, named short",
         HEAD + ("Hướng dẫn\nCăn cứ Luật Đầu tư theo phương thức đối tác công tư ngày 18 tháng 6 năm 2020;\n"
                 "Điều 1. Căn cứ quy định tại Điều 20 Luật Giám định tư pháp thủ trưởng cơ quan, đơn vị thuộc Bộ được "
                 "giao chủ trì xử lý văn bản. Thông tin vi phạm quy định tại khoản 7 Điều 15 Luật Trồng trọt, Cơ quan "
                 "được giao giải quyết thẩm định thông tin. Chủ cơ sở quy định tại Điều 67 Luật Bảo vệ môi trường hoạt "
                 "động trước ngày Thông tư này có hiệu lực. Dự án theo khoản 1 Điều 38 Luật PPP thì đăng tải.\n"),
         only_docs=("LUAT/dau-tu-theo-phuong-thuc-doi-tac-cong-tu@2020", "LUAT/giam-dinh-tu-phap", "LUAT/trong-trot",
                    "LUAT/bao-ve-moi-truong"), only_docs_of="LUAT/*"),
    Case("a_law_name_nothing_ends_is_not_a_document",
         "a name the vocabulary does not know is taken when what always ends a name follows it ('ngày', a mark), and "
         "not when only the rest of the sentence does: where it ends cannot be told",
         HEAD + ("Hướng dẫn\nCăn cứ Luật Khuyến nông ngày 10 tháng 12 năm 2030;\nĐiều 1. Việc hỗ trợ theo Luật Chăm sóc "
                 "cây giống thủ trưởng đơn vị được giao thực hiện. Tổ chức theo Luật Khuyến nông nộp hồ sơ.\n"),
         only_docs=("LUAT/khuyen-nong@2030",), only_docs_of="LUAT/*"),
    Case("an_amending_law_ends_after_the_laws_it_lists",
         "'… của Luật Tần số vô tuyến điện hồ sơ đề nghị cấp giấy phép theo …' made the rest of the sentence its name; "
         "a revision ('Luật Nhà ở sửa đổi năm 2023', 'Luật Thủ đô (sửa đổi)') is not the law it revises",
         HEAD + ("Hướng dẫn\nĐiều 1. Doanh nghiệp theo Luật sửa đổi, bổ sung một số điều của Luật Tần số vô tuyến điện hồ "
                 "sơ đề nghị cấp giấy phép theo mẫu. Dự án theo Luật Nhà ở sửa đổi năm 2023, Luật Thủ đô (sửa đổi) và "
                 "Luật Thủ đô ngày 21 tháng 11 năm 2012.\n"),
         only_docs=("LUAT/sua-doi-bo-sung-mot-so-dieu-cua-luat-tan-so-vo-tuyen-dien", "LUAT/nha-o-sua-doi@2023",
                    "LUAT/thu-do-sua-doi", "LUAT/thu-do@2012"), only_docs_of="LUAT/*"),
    Case("an_amending_law_cited_by_its_number_then_its_title_bears_that_name",
         "'Luật số 46/2014/QH13 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có hiệu lực …' names the law, so "
         "'Luật sửa đổi, bổ sung … Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014' elsewhere is 46/2014/QH13 (it was a "
         "second document: 8 such on the corpus); a title run on into a table's next cells gives no name beyond the "
         "cell; the year keeps the amending laws of 2014 and 2024 apart",
         HEAD + ("Quy định\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 13 tháng 6 năm 2014;\n"
                 "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế ngày 27 tháng 11 năm 2024;\n"
                 "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch ngày 20 tháng 11 năm 2018;\n"
                 "Điều 1. Luật số 46/2014/QH13 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có hiệu lực kể từ "
                 "ngày 01 tháng 01 năm 2015, Luật số 51/2024/QH15 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có "
                 "hiệu lực kể từ ngày 01 tháng 7 năm 2025.\n"
                 "Bảng\n3 \nLuật \n35/2018/QH14 ngày \n20/11/2018 \nSửa đổi, bổ sung một số điều của 37 luật có liên quan "
                 "đến quy hoạch \n01/01/2019 \nNội dung: Đường dẫn\n"),
         has=(("BASED_ON", "15/2024/TT-BLDTBXH", "46/2014/QH13"), ("BASED_ON", "15/2024/TT-BLDTBXH", "51/2024/QH15"),
              ("BASED_ON", "15/2024/TT-BLDTBXH", "35/2018/QH14")),
         no_docs=("LUAT/sua-doi*",),
         fields=(("46/2014/QH13", "name", "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế"),
                 ("35/2018/QH14", "name", "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch"))),
    Case("an_amending_law_that_names_its_articles_keeps_its_date",
         "'Luật sửa đổi, bổ sung Điều 6 và Phụ lục 4 về … của Luật Đầu tư ngày 22 tháng 11 năm 2016': the date is the "
         "amending law's; it made a second 'Luật Đầu tư' of 2016 that no text states",
         HEAD + ("Hướng dẫn\nCăn cứ Luật Đầu tư ngày 26 tháng 11 năm 2014 và Luật sửa đổi, bổ sung Điều 6 và Phụ lục 4 về "
                 "Danh mục ngành, nghề đầu tư kinh doanh có điều kiện của Luật Đầu tư ngày 22 tháng 11 năm 2016;\n"
                 "Điều 1. Phạm vi.\n"),
         only_docs=("LUAT/dau-tu@2014", "LUAT/sua-doi-bo-sung-dieu-6-va-phu-luc-4-ve-danh-muc-nganh-nghe-dau-tu-kinh-"
                                        "doanh-co-dieu-kien-cua-luat-dau-tu@2016"), only_docs_of="LUAT/*",
         only=(("BASED_ON", "*", "LUAT/dau-tu@2014"),
               ("BASED_ON", "*", "LUAT/sua-doi-bo-sung-dieu-6-va-phu-luc-4-ve-danh-muc-nganh-nghe-dau-tu-kinh-doanh-co-"
                                 "dieu-kien-cua-luat-dau-tu@2016")),
         only_of=("BASED_ON", "*", "*")),  # what the text rests on: exactly those two laws
    Case("an_amending_law_named_before_its_number",
         "'Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật khiếu nại, Luật Tố cáo số "
         "136/2025/QH15': the number is the amending law's, named by its title; the laws its title lists are in its "
         "title, as after 'Luật số N sửa đổi, bổ sung … của Luật A': the basis is the amending law alone (issue 23 §11)",
         _head(2025) + "Hướng dẫn\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật khiếu nại, "
                       "Luật Tố cáo số 136/2025/QH15;\nĐiều 1. Phạm vi.\n",
         fields=(("136/2025/QH15", "name", "Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật khiếu nại, "
                                           "Luật Tố cáo"),),
         only=(("BASED_ON", "*", "136/2025/QH15"),)),
    *(Case(f"a_law_whose_name_ends_in_so_before_its_number[{written}]",
           "'Căn cứ Luật Chuyển đổi số 148/2025/QH15': 'số' is the last word of the name, not only the number's word",
           _head(2026) + f"Hướng dẫn\nCăn cứ {written};\nĐiều 1. Phạm vi.\n",
           fields=(("148/2025/QH15", "name", "Luật Chuyển đổi số"),), no_docs=("LUAT/*",))
      for written in ("Luật Chuyển đổi số 148/2025/QH15", "Luật Chuyển đổi số số 148/2025/QH15")),
    Case("a_type_word_written_twice_before_a_number_is_no_name",
         "'Căn cứ … bởi Luật số Luật số 32/2013/QH13' (a word written twice in the Gazette's 212/2025/NĐ-CP): 'số' after "
         "the type word opens a number, never a name ('Luật số Luật' was its name); 'Luật Sở hữu trí tuệ', which folds "
         "to the same letters, keeps its own",
         _head(2026) + "Hướng dẫn\nCăn cứ Luật Bảo hiểm y tế số 25/2008/QH12 được sửa đổi, bổ sung bởi Luật số Luật số "
         "32/2013/QH13, Luật số 46/2014/QH13;\nCăn cứ Luật Sở hữu trí tuệ số 50/2005/QH11;\nĐiều 1. Phạm vi.\n",
         fields=(("32/2013/QH13", "name", None), ("25/2008/QH12", "name", "Luật Bảo hiểm y tế"),
                 ("50/2005/QH11", "name", "Luật Sở hữu trí tuệ"))),
    Case("news_forms_of_replacement[range_of_years]",
         "a range of years after a name is not its year",
         HEAD + "Hướng dẫn\nĐiều 1. Thi hành Luật Đất đai 2021 - 2025.\n",
         no_docs=("LUAT/*@*",)),
]


# what is not a document -----------------------------------------------------------------------------------------
NOT_DOCUMENTS = [
    Case("the_law_in_general_is_not_a_law",
         "'pháp luật', 'luật sư': the law in general and lawyers are no law",
         HEAD + "Quy định về lao động\nĐiều 1. Doanh nghiệp tuân thủ quy định của pháp luật Việt Nam và luật sư.\n",
         no_docs=("LUAT/*",)),
    Case("the_law_in_general_in_headings_is_not_a_law",
         "'PHÁP LUẬT', 'KỶ LUẬT', 'LUẬT SƯ' in upper-case headings made laws named 'CỦA DOANH NGHIỆP', 'KHÁC', 'LAO ĐỘNG'",
         HEAD + ("Hướng dẫn\nĐiều 1. Mẫu\nNGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT CỦA DOANH NGHIỆP\n(Ký tên)\nVĂN BẢN PHÁP LUẬT KHÁC\n"
                 "Mục 1\nKỶ LUẬT LAO ĐỘNG, TRÁCH NHIỆM VẬT CHẤT\nLĨNH VỰC LUẬT SƯ\nI. Thủ tục\n"),
         no_docs=("LUAT/*|BO-LUAT/*",)),
    Case("a_convention_on_the_law_of_the_sea_is_not_a_law",
         "'Công ước Liên hợp quốc về Luật Biển (UNCLOS) 1982' made a Vietnamese law 'Luật Biển' issued by the National "
         "Assembly",
         HEAD + ("Hướng dẫn\nĐiều 1. Phù hợp với luật pháp quốc tế, trong đó có Công ước Liên hợp quốc về Luật Biển "
                 "(UNCLOS) 1982 và Luật Biển Việt Nam ngày 21 tháng 6 năm 2012.\n"),
         only_docs=("LUAT/bien-viet-nam@2012",), only_docs_of="LUAT/*"),
    Case("a_form_is_not_a_document_even_with_a_type_code",
         "'Thông báo … mẫu số 27/TB-ĐKT ban hành kèm theo Thông tư này': a form of the text (TB is the code of a Thông "
         "báo), not a document it cites; a Thông báo named with its number is one",
         HEAD + ("Điều 3. Xử lý hồ sơ\nCơ quan thuế ban hành Thông báo chấp thuận tạm ngừng hoạt động mẫu số 27/TB-ĐKT "
                 "ban hành kèm theo Thông tư này và Thông báo theo Mẫu số 02/TB- ĐĐKD. Thực hiện Thông báo số "
                 "213/TB-VPCP ngày 12 tháng 5 năm 2024 của Văn phòng Chính phủ.\n"),
         no_docs=("*/TB-DKT*|*/TB-DDKD*",), docs=("213/TB-VPCP@2024",)),
]


# who issued or proposed a text ----------------------------------------------------------------------------------
ISSUERS_AND_PROPOSERS = [
    *(Case(f"the_preamble_names_who_proposed_the_text[{key}]",
           "'Theo đề nghị của Bộ trưởng Bộ Nội vụ;' before the enacting formula: the text PROPOSED_BY that body "
           "(nghi-dinh-so-161-2026-nd-cp, nghi-quyet-so-97-nq-cp, nghi-dinh-so-175-2026-nd-cp, thong-tu-so-23-2022-"
           "tt-bldtbxh); not a unit of the issuing ministry (a circular's 'Vụ trưởng Vụ Pháp chế'), not the issuer named "
           "after it ('…, Bộ trưởng Bộ X ban hành Thông tư', thong-tu-so-04-2023-tt-bldtbxh), not a proposal in the body",
           head + "Quy định\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n" + proposal
           + "\nĐiều 1. Phạm vi\nTheo đề nghị của Bộ trưởng Bộ Y tế, Chính phủ quyết định.\n",
           only=tuple(("PROPOSED_BY", "*", ag) for ag in agencies), only_of=("PROPOSED_BY", "*", "*"))
      for key, head, proposal, agencies in (
          ("decree", "CHÍNH PHỦ\nSố: 161/2026/NĐ-CP\nHà Nội, ngày 20 tháng 5 năm 2026\nNGHỊ ĐỊNH\n",
           "Theo đề nghị của Bộ trưởng Bộ Nội vụ;\nChính phủ ban hành Nghị định quy định.", ("BNV",)),
          ("at_a_submission", "CHÍNH PHỦ\nSố: 97/NQ-CP\nHà Nội, ngày 20 tháng 3 năm 2026\nNGHỊ QUYẾT\n",
           "Theo đề nghị của Bộ trưởng Bộ Tư pháp tại Tờ trình số 34/TTr-BTP ngày 17 tháng 03 năm 2026,\nQUYẾT NGHỊ:",
           ("BTP",)),
          ("governor", "CHÍNH PHỦ\nSố: 175/2026/NĐ-CP\nHà Nội, ngày 30 tháng 5 năm 2026\nNGHỊ ĐỊNH\n",
           "Theo đề nghị của Thống đốc Ngân hàng Nhà nước Việt Nam;\nChính phủ ban hành Nghị định.", ("NHNN",)),
          ("another_body_to_a_ministry", HEAD.replace("15/2024/", "23/2022/"),
           "Theo đề nghị của Tổng Giám đốc Bảo hiểm xã hội Việt Nam;\nBộ trưởng ban hành Thông tư.", ("BHXH",)),
          ("a_unit_of_the_issuer", HEAD, "Theo đề nghị của Vụ trưởng Vụ Pháp chế;\nBộ trưởng ban hành Thông tư.", ()),
          ("the_issuer_after_a_comma", HEAD.replace("15/2024/", "4/2023/"),
           "Theo đề nghị của Tổng cục trưởng Tổng cục Giáo dục nghề nghiệp, Bộ trưởng Bộ Lao động - Thương binh và Xã "
           "hội ban hành Thông tư sửa đổi.", ()),
      )),
    Case("the_noun_trinh_is_not_a_proposal",
         "'[2] Chính phủ, Khung trình độ quốc gia Việt Nam, ban hành kèm theo Quyết định số 1982/QĐ-TTg': a footnote's "
         "reference, where 'trình' of 'trình độ' was read as 'submitted' and the Government as the decision's proposer",
         HEAD + ("Hướng dẫn\nĐiều 1. Chuẩn đầu ra theo bậc trình độ.\n[2] Chính phủ, Khung trình độ quốc gia Việt Nam, ban "
                 "hành kèm theo Quyết định số 1982/QĐ-TTg, ngày 18/10/2016.\nĐiều 2. Bộ Tài chính chủ trì, trình Thủ tướng "
                 "Chính phủ ban hành Quyết định số 20/2025/QĐ-TTg.\n"),
         lacks=(("PROPOSED_BY", "1982/*", "*"),),
         has=(("PROPOSED_BY", "20/2025/QD-TTG", "BTC"),)),
    Case("a_foreign_code_or_law_is_not_the_national_assembly_s",
         "'Bộ luật An ninh tàu và bến cảng (Bộ luật ISPS)', 'Luật Lao động cơ bản của Đài Loan': cited, but no text says "
         "who issued them, and it is not the National Assembly; a listed law and an amending law still are its",
         FOREIGN_CODES,
         only_docs=("BO-LUAT/an-ninh-tau-va-ben-cang", "BO-LUAT/isps", "LUAT/lao-dong-co-ban-cua-dai-loan",
                    "LUAT/nhap-canh-xuat-canh-qua-canh-cu-tru-cua-nguoi-nuoc-ngoai-tai-viet-nam",
                    "LUAT/sua-doi-bo-sung-mot-so-dieu-cua-luat-tan-so-vo-tuyen-dien@2022"), only_docs_of="BO-LUAT/*|LUAT/*",
         issued_by=True,
         only=(("ISSUED_BY", "LUAT/nhap-canh-xuat-canh-qua-canh-cu-tru-cua-nguoi-nuoc-ngoai-tai-viet-nam", "QH"),
               ("ISSUED_BY", "LUAT/sua-doi-bo-sung-mot-so-dieu-cua-luat-tan-so-vo-tuyen-dien@2022", "QH")),
         only_of=("ISSUED_BY", "*", "QH"),  # what the National Assembly issued: exactly those two
         fields=(("LUAT/lao-dong-co-ban-cua-dai-loan", "issuer", None),)),
    Case("a_foreign_code_or_law_is_not_the_national_assembly_s[no_other_issuer]",
         "and the two laws the National Assembly issued have no other issuer",
         FOREIGN_CODES,
         issued_by=True,
         only=(("ISSUED_BY", "LUAT/nhap-canh-xuat-canh-qua-canh-cu-tru-cua-nguoi-nuoc-ngoai-tai-viet-nam", "QH"),
               ("ISSUED_BY", "LUAT/sua-doi-bo-sung-mot-so-dieu-cua-luat-tan-so-vo-tuyen-dien@2022", "QH")),
         only_of=("ISSUED_BY", "LUAT/nhap-canh-xuat-canh-qua-canh-cu-tru-cua-nguoi-nuoc-ngoai-tai-viet-nam|"
                               "LUAT/sua-doi-bo-sung-mot-so-dieu-cua-luat-tan-so-vo-tuyen-dien@2022", "*")),
]


# the sentence that states a relation, the title it is read from -----------------------------------------------
EVIDENCE_AND_TITLES = [
    Case("a_title_of_more_than_four_lines_is_read_whole",
         "titles were read to their fourth line: 19/2026/TT-BTC's ended at '… và Thông tư', and so did the sentence its "
         "title's relations were given with (25 titles of the corpus were cut)",
         "BỘ TÀI CHÍNH\n\nSố: 19/2026/TT-BTC\nHà Nội, ngày 10 tháng 3 năm 2026\n\nTHÔNG TƯ \n"
         "Bãi bỏ Thông tư số 338/2016/TT-BTC ngày 28 tháng 12 năm 2016 của Bộ \n"
         "trưởng Bộ Tài chính quy định lập dự toán, quản lý, sử dụng và quyết \n"
         "toán kinh phí ngân sách nhà nước bảo đảm cho công tác xây dựng văn \n"
         "bản quy phạm pháp luật và hoàn thiện hệ thống pháp luật và Thông tư \n"
         "số 42/2022/TT-BTC ngày 06 tháng 7 năm 2022 của Bộ trưởng Bộ Tài \n"
         "chính sửa đổi, bổ sung một số Điều của Thông tư số 338/2016/TT-BTC \n\n"
         "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 2 năm 2025;\n",
         fields=(("19/2026/TT-BTC", "title", "*sửa đổi, bổ sung một số Điều của Thông tư số 338/2016/TT-BTC"),),
         evidence=(("REPEALS", "*", "42/2022/TT-BTC", "*số 42/2022/TT-BTC*"),)),
    Case("evidence_holds_the_list_item_that_names_the_document",
         "'Bãi bỏ quy định tại:' / 'b) Điều 3 Nghị định số …': the evidence is the lead and the item that names the "
         "document (the lead alone does not say which), the items between left out",
         _head(2025) + ("Điều 5. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 2 năm 2026.\n"
                        "2. Bãi bỏ quy định tại:\na) Điều 2 Thông tư số 91/2014/TT-BTC ngày 01 tháng 10 năm 2014 của Bộ "
                        "Tài chính sửa đổi một số điều về thuế.\nb) Điều 3 Thông tư số 12/2015/TT-BTC ngày 12 tháng 02 năm "
                        "2015 của Bộ Tài chính hướng dẫn về thuế.\n"),
         evidence=(("AMENDS", "15/2025/TT-BLDTBXH", "91/2014/TT-BTC",
                    "Bãi bỏ quy định tại: a) Điều 2 Thông tư số 91/2014/TT-BTC*"),
                   ("AMENDS", "15/2025/TT-BLDTBXH", "12/2015/TT-BTC",
                    "Bãi bỏ quy định tại: … b) Điều 3 Thông tư số 12/2015/TT-BTC*"),
                   ("AMENDS", "15/2025/TT-BLDTBXH", "12/2015/TT-BTC", "!*91/2014*"))),
    Case("evidence_holds_the_subject_written_before_a_semicolon",
         "'Thông tư số A …; Thông tư số B … hết hiệu lực kể từ ngày Thông tư này có hiệu lực': A's evidence names A (the "
         "sentence that states the expiry begins after the ';')",
         _head(2023) + ("Điều 22. Hiệu lực thi hành\n1. Thông tư này có hiệu lực kể từ ngày 15 tháng 10 năm 2023.\n"
                        "2. Thông tư số 03/2018/TT-BLĐTBXH ngày 15 tháng 6 năm 2018 của Bộ trưởng Bộ Lao động - Thương "
                        "binh và Xã hội quy định tiêu chuẩn chức danh nghề nghiệp; Thông tư số 31/2019/TT-BLĐTBXH ngày 30 "
                        "tháng 12 năm 2019 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định thi thăng hạng hết "
                        "hiệu lực kể từ ngày Thông tư này có hiệu lực.\n"),
         evidence=(("REPLACES", "15/2023/TT-BLDTBXH", "3/2018/TT-BLDTBXH", "*03/2018/TT-BLĐTBXH*"),
                   ("REPLACES", "15/2023/TT-BLDTBXH", "3/2018/TT-BLDTBXH",
                    "*hết hiệu lực kể từ ngày Thông tư này có hiệu lực."),
                   ("REPLACES", "15/2023/TT-BLDTBXH", "31/2019/TT-BLDTBXH", "*31/2019/TT-BLĐTBXH*"))),
]

FAMILIES = {"replace_repeal_expire": REPLACE_REPEAL_EXPIRE, "amend": AMEND, "guide_implement": GUIDE_IMPLEMENT,
            "legal_bases": LEGAL_BASES, "consolidated_and_quoted": CONSOLIDATED_AND_QUOTED, "law_names": LAW_NAMES,
            "not_documents": NOT_DOCUMENTS, "issuers_and_proposers": ISSUERS_AND_PROPOSERS,
            "evidence_and_titles": EVIDENCE_AND_TITLES}


@pytest.mark.parametrize("case", REPLACE_REPEAL_EXPIRE, ids=ids(REPLACE_REPEAL_EXPIRE))
def test_replace_repeal_expire(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", AMEND, ids=ids(AMEND))
def test_amend(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", GUIDE_IMPLEMENT, ids=ids(GUIDE_IMPLEMENT))
def test_guide_implement(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", LEGAL_BASES, ids=ids(LEGAL_BASES))
def test_legal_bases(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", CONSOLIDATED_AND_QUOTED, ids=ids(CONSOLIDATED_AND_QUOTED))
def test_consolidated_and_quoted(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", LAW_NAMES, ids=ids(LAW_NAMES))
def test_laws_by_name(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", NOT_DOCUMENTS, ids=ids(NOT_DOCUMENTS))
def test_not_documents(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", ISSUERS_AND_PROPOSERS, ids=ids(ISSUERS_AND_PROPOSERS))
def test_issuers_and_proposers(case: Case) -> None:
    assert check(case) > 0


@pytest.mark.parametrize("case", EVIDENCE_AND_TITLES, ids=ids(EVIDENCE_AND_TITLES))
def test_evidence_and_titles(case: Case) -> None:
    assert check(case) > 0


def test_the_tables_are_well_formed() -> None:
    """Each row's id is unique, each row has a `why`, and each says something to check (a row that asserts nothing
    would pass on any graph); the pattern language does what the tables rely on."""
    rows = [c for family in FAMILIES.values() for c in family]
    assert len({c.id for c in rows}) == len(rows), "a case id is used twice"
    for c in rows:
        assert c.why.strip() and c.text.strip(), c.id
        assert any((c.has, c.lacks, c.only is not None, c.docs, c.no_docs, c.only_docs is not None, c.fields,
                    c.evidence, c.rejected is not None, c.rejected_has)), f"{c.id} checks nothing"
    assert match("LUAT/*", "LUAT/x") and not match("LUAT/*", "BO-LUAT/x") and match("a|b", "b")
    assert match("!CITES", "AMENDS") and not match("!CITES", "CITES") and not match("x", "x1")
    assert match("HIEN-PHAP/*&!*@*", "HIEN-PHAP/y") and not match("HIEN-PHAP/*&!*@*", "HIEN-PHAP/y@2013")
    assert match(None, None) and not match(None, "x") and not match("*", None)


# the cases that are not one text's graph ------------------------------------------------------------------------
def test_law_names_table_is_consistent() -> None:
    # not a text: the ontology's table of law names. Each row's type is a document type whose word opens the name,
    # and no name or alias means two laws
    from graph.vocab import name_words, vocabulary

    v = vocabulary()
    seen: dict[tuple[str, ...], str] = {}
    assert len(v.law_names) > 200
    for ln in v.law_names:
        assert ln.type_id in v.doc_types, ln
        word = name_words(v.doc_types[ln.type_id].name)
        for written in (ln.name, *ln.aliases):
            w = name_words(written)
            assert w[: len(word)] == word, (ln.type_id, written)
            assert seen.setdefault(w, ln.name) == ln.name, (written, seen[w])
    # every law has an English title, and no English wording means two laws
    from graph.vocab import name_words_en

    seen_en: dict[tuple[str, ...], str] = {}
    for ln in v.law_names:
        assert ln.name_en, ln.name
        for written in ln.names_en:
            w = name_words_en(written)
            assert {"law", "code", "ordinance", "constitution"} & {w[0], w[-1]}, written  # its type word
            assert seen_en.setdefault(w, ln.name) == ln.name, (written, seen_en[w])


def test_relation_formulas_begin_with_a_literal_and_read_as_their_plain_forms() -> None:
    """The formulas are written letter first ('t(?<![a-z]t)hay' for '(?<![a-z])thay') so that the regex engine
    skips to where one may begin; each must still find what its plain form finds, at the same place. (Not a text:
    3,000 random strings of formula words, against a reference built from the formulas themselves.)"""
    import random
    import re

    from graph.extract.formulas import _TRIGGERS, find_triggers

    plain_parts = []
    for i, (_, _, p, skip) in enumerate(_TRIGGERS):
        assert re.match(r"[a-z]|\\\(", p), p  # a literal first: the engine's first-character skip stays on
        plain = re.sub(r"^([a-z])\(\?<!\[a-z\]\1\)", r"(?<![a-z])\1", p)
        plain = "(?<=\\()" + plain[2:] if skip else plain
        plain_parts.append(f"(?P<t{i}>{plain})")
    reference = re.compile("|".join(plain_parts))
    words = ["duoc", "bi", "thay the", "boi", "bang", "cho", "bai bo", "sua doi", "bo sung", "va", "tai", "theo",
             "mot so dieu", "nam 2019", "huong dan", "thi hanh", "thuc hien", "quy dinh chi tiet", "to chuc", "trien khai",
             "cu the hoa", "da", "nghi dinh so", "luat so", "(", ",", "x", "athay", "sua doi, bo sung", "\n"]
    rnd = random.Random(5)
    found = 0
    for _ in range(3000):
        text = "".join(rnd.choice(words) + rnd.choice(["", " ", "  ", "\n"]) for _ in range(rnd.randint(1, 14)))
        a = rnd.randint(0, 3)
        got = [(t.type, t.passive, t.start, t.end) for t in find_triggers(text, a, len(text))]
        want = []
        for m in reference.finditer(text, a, len(text)):
            type_, passive, _, _ = _TRIGGERS[int(m.lastgroup[1:]) if m.lastgroup else 0]
            want.append((type_, passive, m.start(), m.end()))
        assert got == want, text
        found += len(got)
    assert found > 1000  # the strings did hold formulas


def test_a_law_named_in_small_letters_in_a_legal_basis() -> None:
    """Older texts write 'Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;': a law, dated by the basis; in
    small letters elsewhere, with no date to end it, only a name the list of laws holds is taken (issue 23 §1): where
    another one ends cannot be told.
    (A function: it checks the bases by their documents' titles or labels, lower-cased, and counts them with their
    dates — what the name was read as, whatever key it was given — which the table's key patterns do not say.)"""
    t = _head(2016) + ("Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nCăn cứ Bộ luật lao động ngày 18 tháng 6 năm "
                       "2012;\nCăn cứ Luật phòng, chống ma túy năm 2000; Luật việc làm ngày 16 tháng 11 năm 2013;\n"
                       "Theo đề nghị của Vụ trưởng Vụ Pháp chế;\nBộ trưởng ban hành Thông tư.\nĐiều 1. Phạm vi\n"
                       "Việc tuyển dụng thực hiện theo Luật doanh nghiệp và các văn bản hướng dẫn.\n"
                       "Việc thu phí thực hiện theo Luật quản lý khu rừng ngập mặn ven biển và các văn bản khác.\n")
    g = _graph(t)
    based = {(r.target, g.documents[r.target].date) for r in g.relations.values() if r.type == "BASED_ON"}
    names = {(g.documents[k].title or g.documents[k].label).lower() for k, _ in based}
    assert len(based) == 4, based
    assert {"luật tổ chức chính phủ", "bộ luật lao động", "luật phòng, chống ma túy", "luật việc làm"} <= names, names
    assert "LUAT/doanh-nghiep" in g.documents  # listed: 'Luật Doanh nghiệp'
    assert not any("rừng" in (d.title or d.label).lower() for d in g.documents.values())  # not listed: no name


def test_own_bases_of_an_amending_text_after_a_wrapped_line() -> None:
    """A consolidated text lists the bases of each amending text: 'Nghị định số 24/2022/NĐ-CP … có\\ncăn cứ ban hành
    như sau:' (the line wraps before 'căn cứ') and its bases, one line going on after ';', are that decree's.
    (A function: it groups the bases by the text that rests on them and checks the years of their documents.)"""
    t = ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 2021/VBHN-BLĐTBXH\nHà Nội, ngày 15 tháng 6 năm 2022\n"
         "NGHỊ ĐỊNH\nQuy định điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục nghề nghiệp\n"
         "Nghị định số 143/2016/NĐ-CP ngày 14 tháng 10 năm 2016 của Chính phủ quy định điều kiện đầu tư, có hiệu lực "
         "kể từ ngày 01 tháng 12 năm 2016, được sửa đổi, bổ sung bởi:\nNghị định số 24/2022/NĐ-CP ngày 06 tháng 4 "
         "năm 2022 của Chính phủ sửa đổi, bổ sung các Nghị định quy định về điều kiện đầu tư, có hiệu lực kể từ ngày "
         "06 tháng 4 năm 2022.\nCăn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
         "Chính phủ ban hành Nghị định quy định điều kiện đầu tư.\nNghị định số 24/2022/NĐ-CP ngày 06 tháng 4 năm "
         "2022 của Chính phủ sửa đổi, bổ sung các Nghị định quy định về điều kiện đầu tư có\ncăn cứ ban hành như sau:\n"
         "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức "
         "Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;\nCăn cứ Luật Giáo dục ngày 14 "
         "tháng 6 năm 2019;\nTheo đề nghị của Bộ trưởng Bộ Lao động - Thương binh và Xã hội;\n"
         "Chính phủ ban hành Nghị định sửa đổi.\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định điều kiện.\n")
    g = _graph(t)
    by: dict[str, set[int | None]] = {}
    for r in g.relations.values():
        if r.type == "BASED_ON":
            by.setdefault(r.source, set()).add(g.documents[r.target].year)
    assert by.get("24/2022/ND-CP") == {2015, 2019}, by
    assert not any(2019 in years for src, years in by.items() if src != "24/2022/ND-CP"), by

"""Identity: one key per document; a number without a year is one document per year; never guess."""

from __future__ import annotations

from graph.pipeline import extract_text
from graph.resolve import Resolver


def build(*texts: str):
    return Resolver().build([extract_text(t, f"s{i}.txt") for i, t in enumerate(texts)])


def test_same_number_two_years_two_documents() -> None:
    g = build("Quyết định số 749/QĐ-TTg ngày 3/6/2020 của Thủ tướng Chính phủ.",
              "Quyết định số 749/QĐ-TTg ngày 5 tháng 7 năm 2021 của Thủ tướng Chính phủ.")
    assert {"749/QD-TTG@2020", "749/QD-TTG@2021"} <= set(g.documents)


def test_undated_mention_means_the_one_known_document() -> None:
    g = build("Quyết định số 749/QĐ-TTg ngày 3/6/2020 phê duyệt Chương trình chuyển đổi số quốc gia.",
              "Thực hiện Quyết định số 749/QĐ-TTg, các bộ đã ban hành kế hoạch.")
    assert [k for k in g.documents if k.startswith("749/")] == ["749/QD-TTG@2020"]
    assert g.documents["749/QD-TTG@2020"].mentions == 2
    assert not g.ambiguities


def test_undated_mention_with_several_candidates_is_reported_not_guessed() -> None:
    g = build("Quyết định số 749/QĐ-TTg ngày 3/6/2020 của Thủ tướng Chính phủ.",
              "Quyết định số 749/QĐ-TTg ngày 5/7/2021 của Thủ tướng Chính phủ.",
              "Quyết định số 123/QĐ-TTg ngày 1/1/2022 thay thế Quyết định số 749/QĐ-TTg.")
    assert len(g.ambiguities) == 1
    amb = g.ambiguities[0]
    assert amb.candidates == ["749/QD-TTG@2020", "749/QD-TTG@2021"]
    assert "749/QĐ-TTg" in amb.evidence.sentence
    assert not [r for r in g.relations.values() if r.type == "REPLACES"]


def test_codes_and_legislatures_tell_documents_apart() -> None:
    g = build("Thông tư số 42/2022/TT-BTC và Nghị định số 42/2022/NĐ-CP; Luật số 24/2018/QH14 và Luật số 24/2023/QH15.")
    assert {"42/2022/TT-BTC", "42/2022/ND-CP", "24/2018/QH14", "24/2023/QH15"} <= set(g.documents)
    assert g.documents["42/2022/TT-BTC"].issuer == "BTC"
    assert g.documents["24/2018/QH14"].type == "Luật"


def test_the_same_document_in_many_sources_is_one_node_with_all_evidence() -> None:
    g = build("Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ.", "Theo Nghị định 42/2022/nd-cp, ...",
              "Nghi dinh so 42/2022/ND-CP quy dinh ...")
    d = g.documents["42/2022/ND-CP"]
    assert d.number == "42/2022/NĐ-CP"
    assert d.mentions == 3 and {e.source for e in d.evidence} == {"s0.txt", "s1.txt", "s2.txt"}


def test_laws_by_name_and_year() -> None:
    g = build("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
              "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
              "Bộ luật Lao động quy định ...")
    assert "LUAT/to-chuc-chinh-phu@2015" in g.documents
    assert "LUAT/to-chuc-chinh-phu@2025" in g.documents
    assert g.documents["LUAT/to-chuc-chinh-phu@2015"].issuer == "QH"
    assert "BO-LUAT/lao-dong" in g.documents


def test_issuer_is_the_body_that_issues_not_the_one_that_drafts() -> None:
    g = build("Bộ Công an đã tham mưu Thủ tướng Chính phủ ban hành Quyết định số 10/QĐ-TTg ngày 1/2/2023 về đề án.",
              "Thừa ủy quyền của Chính phủ, Bộ trưởng Bộ TT&TT đã ký Tờ trình số 363/TTr-CP ngày 3/10/2022 trình Quốc hội.")
    assert g.documents["10/QD-TTG@2023"].issuer == "TTg"
    assert g.documents["363/TTR-CP@2022"].issuer == "CP"
    assert "PROPOSED_BY|10/QD-TTG@2023|BCA" in g.relations


def test_relations_go_from_the_newer_text_to_the_older() -> None:
    g = build(
        "Nghị định số 43/2011/NĐ-CP đã được thay thế bằng Nghị định số 42/2022/NĐ-CP.",
        "Luật Bảo hiểm y tế số 25/2008/QH12 được sửa đổi, bổ sung bởi Luật số 46/2014/QH13.",
        "Nghị định số 10/2024/NĐ-CP quy định chi tiết Luật số 20/2023/QH15 về giao dịch điện tử.",
    )
    assert "REPLACES|42/2022/ND-CP|43/2011/ND-CP" in g.relations
    assert "AMENDS|46/2014/QH13|25/2008/QH12" in g.relations
    assert "GUIDES|10/2024/ND-CP|20/2023/QH15" in g.relations


def test_documents_listed_side_by_side_are_not_related() -> None:
    g = build("Hỗ trợ theo Nghị định 178/2024/NĐ-CP và Nghị định 67/2025/NĐ-CP đối với cán bộ.",
              "Các Nghị định số 73/2019/NĐ-CP, Nghị định số 45/2020/NĐ-CP và Nghị định số 42/2022/NĐ-CP.")
    typed = [r for r in g.relations.values() if r.type not in ("ISSUED_BY", "CITES")]
    assert typed == []


def test_full_text_knows_itself_and_its_clauses() -> None:
    text = (
        "CHÍNH PHỦ\n\nSố: 139/2026/NĐ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 15 tháng 5 năm 2026\n"
        "NGHỊ ĐỊNH\nQuy định chi tiết nội dung chế độ báo cáo thống kê\n"
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\nCăn cứ Luật Thống kê số 89/2015/QH13;\n"
        "Chính phủ ban hành Nghị định.\nĐiều 1. Phạm vi\nNghị định này quy định chi tiết Luật Thống kê số 89/2015/QH13.\n"
        "Điều 9. Hiệu lực thi hành\n1. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2026.\n"
        "2. Nghị định này thay thế Nghị định số 60/2018/NĐ-CP ngày 20 tháng 4 năm 2018 của Chính phủ.\n"
        "3. Bãi bỏ khoản 2 Điều 8 Thông tư số 01/2020/TT-BKHĐT.\n4. Bãi bỏ Quyết định số 15/2014/QĐ-TTg.\n"
    )
    g = build(text)
    assert g.sources[0].document == "139/2026/ND-CP"
    d = g.documents["139/2026/ND-CP"]
    assert d.date.isoformat() == "2026-05-15" and d.issuer == "CP" and d.type == "Nghị định"
    rels = set(g.relations)
    assert "BASED_ON|139/2026/ND-CP|63/2025/QH15" in rels
    assert "GUIDES|139/2026/ND-CP|89/2015/QH13" in rels
    assert "REPLACES|139/2026/ND-CP|60/2018/ND-CP" in rels
    assert "AMENDS|139/2026/ND-CP|1/2020/TT-BKHDT" in rels  # a partial repeal amends
    assert "REPEALS|139/2026/ND-CP|1/2020/TT-BKHDT" not in rels
    assert "REPEALS|139/2026/ND-CP|15/2014/QD-TTG" in rels


def test_links_forms_and_standards_are_not_documents() -> None:
    """Never invent a document: numbers inside web links, form codes and technical standards are not cited texts."""
    text = ("Xem tại https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=57544&Keyword=S%E1%BB%91%2031/2015/N%C4%90-CP. "
            "Văn bản ủy quyền mẫu số 41/UQ-ĐKT ban hành kèm theo Thông tư số 86/2024/TT-BTC; "
            "hồ sơ đạt yêu cầu theo QCVN:01/2008/BLĐTBXH; máy xúc đá TCCS 02/2016/CĐUB; biểu 105/LĐVL-Sở.")
    g = Resolver().build([extract_text(text, "x.txt")])
    assert set(g.documents) == {"86/2024/TT-BTC"}


def test_a_law_named_without_a_year_that_a_dated_text_acts_on_is_a_version_issued_by_then() -> None:
    """'Nghị định số 38/2020/NĐ-CP ngày 03 tháng 4 năm 2020 … quy định chi tiết … Luật Người lao động Việt Nam đi
    làm việc ở nước ngoài theo hợp đồng' (nghi-dinh-so-112-2021): of the two versions the texts name, only the 2006
    one existed in April 2020. The version the citing text names itself (2020) would point back in time."""
    name = "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng"
    g = build(f"Căn cứ {name} số 72/2006/QH11 ngày 29 tháng 11 năm 2006;",
              f"Căn cứ {name} số 69/2020/QH14 ngày 13 tháng 11 năm 2020;\n"
              f"Nghị định số 38/2020/NĐ-CP ngày 03 tháng 4 năm 2020 của Chính phủ quy định chi tiết thi hành một số "
              f"điều của {name} hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
              f"Theo {name}, người lao động được bảo vệ.")
    assert ("GUIDES", "38/2020/ND-CP", "72/2006/QH11") in {(r.type, r.source, r.target) for r in g.relations.values()}
    assert not g.rejected
    # nothing dated acts on the bare name of the third text: both versions remain possible, reported
    assert [a.candidates for a in g.ambiguities] == [["69/2020/QH14", "72/2006/QH11"]]


def test_a_version_is_chosen_only_when_one_is_left() -> None:
    """Two versions issued before the text that acts on the law: not guessed (the latest is likely, not said)."""
    g = build("Căn cứ Luật Bảo hiểm xã hội số 71/2006/QH11; Luật Bảo hiểm xã hội số 58/2014/QH13.",
              "Nghị định số 115/2015/NĐ-CP ngày 11 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều "
              "của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc.")
    assert not [r for r in g.relations.values() if r.type == "GUIDES"]
    assert [a.candidates for a in g.ambiguities] == [["58/2014/QH13", "71/2006/QH11"]]


def test_a_law_named_without_a_year_is_a_version_issued_before_the_text_that_names_it() -> None:
    """A circular of 2021 that cites 'Luật Giáo dục đại học' cannot mean the law of 2025 (thong-tu-so-14-2021-tt-
    bldtbxh): the one version issued by then is taken, and cited. A text with no date of its own stays ambiguous."""
    laws = "Căn cứ Luật Giáo dục đại học số 08/2012/QH13; Luật Giáo dục đại học số 125/2025/QH15."
    circular = ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 14/2021/TT-BLĐTBXH\nHà Nội, ngày 21 tháng 10 năm 2021\n"
                "THÔNG TƯ\nQuy định về đào tạo\nĐiều 1. Sinh viên theo quy định của Luật Giáo dục đại học được miễn học phí.")
    g = build(laws, circular)
    assert ("CITES", "14/2021/TT-BLDTBXH", "8/2012/QH13") in {(r.type, r.source, r.target) for r in g.relations.values()}
    assert not g.ambiguities
    news = build(laws, "Theo quy định của Luật Giáo dục đại học, sinh viên được miễn học phí.")
    assert [a.candidates for a in news.ambiguities] == [["125/2025/QH15", "8/2012/QH13"]]


def test_a_law_named_without_a_year_is_not_a_version_replaced_before_the_text_was_written() -> None:
    """Of the versions issued by then, one that a text states was replaced by another in effect before that day is
    not the one meant: a 2022 circular's 'Bộ luật Lao động' is the code of 2019 (in effect from 1 January 2021,
    replacing the code of 2012); a circular of June 2020 may mean either, and stays ambiguous."""
    code = ("QUỐC HỘI\nSố: 45/2019/QH14\nHà Nội, ngày 20 tháng 11 năm 2019\nBỘ LUẬT\nLAO ĐỘNG\n"
            "Điều 220. Hiệu lực thi hành\n1. Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021. Bộ luật "
            "Lao động số 10/2012/QH13 hết hiệu lực kể từ ngày Bộ luật này có hiệu lực thi hành.")

    def circular(day: str) -> str:
        return (f"BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 15/{day[-4:]}/TT-BLĐTBXH\nHà Nội, ngày {day}\nTHÔNG TƯ\n"
                "Quy định về tiền lương\nĐiều 1. Người lao động theo quy định của Bộ luật Lao động được trả lương.")

    named = "Bộ luật Lao động số 45/2019/QH14 được Quốc hội thông qua ngày 20 tháng 11 năm 2019."
    g = build(code, named, circular("10 tháng 5 năm 2022"))
    assert ("CITES", "15/2022/TT-BLDTBXH", "45/2019/QH14") in {(r.type, r.source, r.target) for r in g.relations.values()}
    assert not g.ambiguities
    early = build(code, named, circular("10 tháng 6 năm 2020"))
    assert [a.candidates for a in early.ambiguities] == [["10/2012/QH13", "45/2019/QH14"]]

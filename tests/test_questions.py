"""The questions people ask (issue 26 §2), on the seeds, the Gazette sample and two sentences naming the two directives
16/CT-TTg: a year or a day given with a number written without its year; a type word with a bare number; who proposed
a text; which texts are in force; texts found by their subject; the end of force dated by a date of issue, said so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.questions import check, read_rows
from graph.questions import ask, find_reference
from graph.stores.base import Store
from graph.stores.memory import MemoryStore

from .conftest import FIXTURES, GAZETTE, SEEDS

QUESTIONS = FIXTURES / "questions"


@pytest.fixture(scope="module", params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """Both stores: the questions read them through the same calls, and must get the same answers."""
    from graph.pipeline import extract_paths

    s: Store
    if request.param == "memory":
        s = MemoryStore()
    else:
        s = request.getfixturevalue("neo4j_target").store()
        s.clear()
    s.upsert(extract_paths([SEEDS, GAZETTE, QUESTIONS / "texts"]))
    yield s
    s.close()


@pytest.mark.parametrize("row", read_rows(QUESTIONS / "questions.tsv"), ids=lambda r: r.question[:50])
def test_table(store: Store, row: object) -> None:
    """Each row of tests/fixtures/questions/questions.tsv answered as its texts say (checks as bench.questions)."""
    q, expected = row.question, row.expected  # type: ignore[attr-defined]
    a = ask(store, q)
    assert check(a, expected) == [], (q, a.text)


def test_the_bench_table_reads() -> None:
    """bench/questions.tsv: every row well formed, over 100 of them, in the three forms."""
    rows = read_rows(Path(__file__).resolve().parent.parent / "bench" / "questions.tsv")
    assert len(rows) >= 100 and {r.form for r in rows} == {"vi", "ascii", "en"}
    assert all(r.source for r in rows)
    from graph.questions import Answer

    blank = Answer("", True, "vi", "")
    for r in rows:
        assert not [p for p in check(blank, r.expected) if p.startswith("bad check")], r


# a year or a day given with a number the graph holds in two years --------------------------------------------------

@pytest.mark.parametrize(("q", "key"), [
    ("Chỉ thị 16/CT-TTg năm 2026 do ai ban hành?", "16/CT-TTG@2026"),
    ("Chỉ thị 16/CT-TTg 2020 do ai ban hành?", "16/CT-TTG@2020"),
    ("Chỉ thị 16/CT-TTg (2026) do ai ban hành?", "16/CT-TTG@2026"),
    ("Chỉ thị 16/CT-TTg ngày 31/3/2020 do ai ban hành?", "16/CT-TTG@2020"),
    ("Chỉ thị 16/CT-TTg ban hành ngày 23 tháng 4 năm 2026 do ai ban hành?", "16/CT-TTG@2026"),
    ("chi thi 16/CT-TTg nam 2020 do ai ban hanh", "16/CT-TTG@2020"),
    ("Chỉ thị 16/CT-TTg do ai ban hành năm 2026?", "16/CT-TTG@2026"),  # the year further on
    ("who issued directive 16/CT-TTg of 2026?", "16/CT-TTG@2026"),
    ("who issued the 2020 directive 16/CT-TTg?", "16/CT-TTG@2020"),
    ("who issued directive 16/CT-TTg dated 23 April 2026?", "16/CT-TTG@2026"),
])
def test_a_year_given_picks_the_document(store: Store, q: str, key: str) -> None:
    a = ask(store, q)
    assert a.intent == "issuer" and a.subject is not None and a.subject.key == key, a.text
    assert [i.key for i in a.items] == ["TTg"]


def test_without_the_year_it_asks_for_it_and_then_reads_it(store: Store) -> None:
    a = ask(store, "Chỉ thị 16/CT-TTg còn hiệu lực không?")
    assert a.intent == "ambiguous" and len(a.candidates) == 2 and "Hãy nêu năm" in a.text
    again = ask(store, "Chỉ thị 16/CT-TTg năm 2020 còn hiệu lực vào ngày 1/1/2021 không?")
    assert again.intent == "status" and again.subject is not None and again.subject.key == "16/CT-TTG@2020"
    assert "Ngày 01/01/2021" in again.text  # the day asked about, not the year of issue
    wrong_year = ask(store, "Chỉ thị 16/CT-TTg năm 2019 do ai ban hành?")
    assert wrong_year.intent == "not_found" and "2019" in wrong_year.text


def test_a_day_after_a_full_number_is_its_day_of_issue_not_a_day_asked_about(store: Store) -> None:
    a = ask(store, "Nghị định 139/2026/NĐ-CP ngày 07/4/2026 còn hiệu lực vào ngày 1/5/2026 không?")
    assert a.intent == "status" and "Ngày 01/05/2026" in a.text and "chưa có hiệu lực" in a.text, a.text


def test_the_reference_keeps_its_year() -> None:
    ref = find_reference("Chỉ thị 16/CT-TTg ngày 23 tháng 4 năm 2026 là gì?")
    assert ref is not None and ref.text == "Chỉ thị 16/CT-TTg" and ref.year == 2026 and ref.day == dt.date(2026, 4, 23)
    assert find_reference("Nghị định 43/2011/NĐ-CP còn hiệu lực vào ngày 1/1/2020 không?").year is None  # type: ignore[union-attr]


# a type word with a bare number -------------------------------------------------------------------------------------

def test_a_type_word_with_a_bare_number(store: Store) -> None:
    a = ask(store, "Quyết định 505 do ai ban hành?")
    assert a.intent == "issuer" and a.subject is not None and a.subject.key == "505/QD-TTG@2022", a.text
    assert "Quyết định 505/QĐ-TTg do Thủ tướng Chính phủ ban hành" in a.text
    b = ask(store, "Chỉ thị 21 của Thủ tướng Chính phủ về vấn đề gì?")
    assert b.intent == "overview" and b.subject is not None and b.subject.key == "21/CT-TTG@2026"
    assert "sắp xếp thôn, tổ dân phố" in b.text  # what it is about: its title
    c = ask(store, "when did decree no. 139 of 2026 take effect?")
    assert c.intent == "effective" and c.subject is not None and c.subject.key == "139/2026/ND-CP" and "2026-07-01" in c.text
    assert ask(store, "Chỉ thị 21 của Bộ Tài chính về vấn đề gì?").intent == "not_found"  # not that body's


def test_a_bare_number_of_several_lists_them(store: Store) -> None:
    a = ask(store, "Thông tư 1 do ai ban hành?")  # 01/2026/TT-BTC, the joint circular 01/2022/TTLT-…, …
    assert a.intent == "ambiguous" and len(a.candidates) >= 2, a.text
    assert any("01/2026/TT-BTC" in c for c in a.candidates) and any("TTLT" in c for c in a.candidates)
    two = ask(store, "Thông tư 1 năm 2026 do ai ban hành?")  # 01/2026/TT-BTC and 01/2026/TT-BNNMT (cited)
    assert two.intent == "ambiguous" and len(two.candidates) == 2 and "Hãy nêu số hiệu đầy đủ" in two.text, two.text
    one = ask(store, "Thông tư 1 năm 2026 của Bộ Tài chính do ai ban hành?")
    assert one.intent == "issuer" and one.subject is not None and one.subject.key == "1/2026/TT-BTC", one.text


# who proposed or drafted it -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("q", ["Ai trình Quyết định 749/QĐ-TTg?", "Cơ quan nào tham mưu ban hành Quyết định 749/QĐ-TTg?",
                               "co quan nao chu tri soan thao quyet dinh 749/QD-TTg", "Bộ nào soạn thảo Quyết định 749/QĐ-TTg?",
                               "who drafted decision 749/QĐ-TTg?", "Which ministry proposed decision 749/QĐ-TTg?"])
def test_who_proposed_it(store: Store, q: str) -> None:
    a = ask(store, q)
    assert a.intent == "proposer" and [i.key for i in a.items] == ["BTTTT"], a.text
    assert a.items[0].evidence and "tham mưu" in a.items[0].evidence[0].sentence
    assert ("Bộ Thông tin và Truyền thông" if a.language == "vi" else "Ministry of Information") in a.text
    assert "Thủ tướng Chính phủ" in a.text or "Prime Minister" in a.text  # and who issued it


def test_who_proposed_it_when_no_text_says(store: Store) -> None:
    # its preamble's 'Theo đề nghị của Vụ trưởng Vụ Tài chính - Kinh tế ngành' names a unit of the issuer, no body
    a = ask(store, "Ai soạn thảo Thông tư 01/2026/TT-BTC?")
    assert a.intent == "proposer" and not a.items and "không nêu cơ quan trình" in a.text and "Bộ Tài chính ban hành" in a.text
    # 'Theo đề nghị của Bộ trưởng Bộ Tài chính;' in a decree's preamble: the Ministry of Finance
    a = ask(store, "Ai soạn thảo Nghị định 139/2026/NĐ-CP?")
    assert a.intent == "proposer" and [i.key for i in a.items] == ["BTC"] and "Bộ Tài chính" in a.text
    # 'chương trình', 'quy trình' are not 'trình'
    assert ask(store, "Quyết định 749/QĐ-TTg phê duyệt chương trình gì?").intent == "overview"


# which texts are in force --------------------------------------------------------------------------------------------

def test_which_are_in_force_of_a_body_a_type_a_year_on_a_day(store: Store) -> None:
    before = ask(store, "Những nghị định nào của Chính phủ năm 2026 còn hiệu lực vào ngày 1/5/2026?")
    keys = {i.key for i in before.items}
    assert before.intent == "in_force" and before.agency == "CP" and not {"123/2026/ND-CP", "139/2026/ND-CP"} & keys
    assert "chưa có hiệu lực" in before.text  # both from 01/7/2026
    after = ask(store, "Những nghị định nào của Chính phủ năm 2026 còn hiệu lực vào ngày 2/7/2026?")
    assert {"123/2026/ND-CP", "139/2026/ND-CP"} <= {i.key for i in after.items}
    assert all(i.document is not None and i.document.type_id == "NghiDinh" and i.document.year == 2026
               for i in after.items)
    ended = ask(store, "Những văn bản nào của Chính phủ đã hết hiệu lực vào ngày 2/7/2026?")
    assert ended.intent == "no_longer_in_force" and {"60/2018/ND-CP", "24/2015/ND-CP"} <= {i.key for i in ended.items}
    rep = next(i for i in ended.items if i.key == "60/2018/ND-CP")
    assert rep.relation == "REPLACES" and rep.evidence  # the sentence that ends it
    en = ask(store, "Which circulars are in force on 1 March 2026?")
    assert en.intent == "in_force" and "1/2026/TT-BTC" in {i.key for i in en.items}  # from 20/02/2026
    assert "1/2018/TT-BTC" not in {i.key for i in en.items}


def test_which_take_effect_on_a_day(store: Store) -> None:
    a = ask(store, "Những nghị định nào có hiệu lực từ ngày 1/7/2026?")
    assert a.intent == "taking_effect" and {"123/2026/ND-CP", "139/2026/ND-CP"} <= {i.key for i in a.items}
    assert all(i.document is not None and i.document.effective == dt.date(2026, 7, 1) for i in a.items)


# questions by subject: a search of titles ----------------------------------------------------------------------------

@pytest.mark.parametrize(("q", "key"), [
    ("Nghị định nào quy định chi tiết nội dung chế độ báo cáo thống kê cấp quốc gia?", "139/2026/ND-CP"),
    ("nghi dinh nao quy dinh che do bao cao thong ke cap quoc gia", "139/2026/ND-CP"),
    ("Chế độ báo cáo thống kê cấp quốc gia được quy định tại văn bản nào?", "139/2026/ND-CP"),
    ("Chỉ thị về sắp xếp thôn, tổ dân phố là chỉ thị nào?", "21/CT-TTG@2026"),
    ("Văn bản nào quy định về kinh phí bảo đảm trật tự an toàn giao thông năm 2026?", "1/2026/TT-BTC"),
    ("Which decree is about “chế độ báo cáo thống kê”?", "139/2026/ND-CP"),
])
def test_questions_by_subject_search_the_titles(store: Store, q: str, key: str) -> None:
    a = ask(store, q)
    assert a.intent == "search" and a.items and a.items[0].key == key, a.text
    assert ("tiêu đề" in a.text) if a.language == "vi" else ("titles" in a.text)  # says it searched titles


def test_a_search_of_titles_reads_words_not_letters(store: Store) -> None:
    a = ask(store, "Nghị định nào quy định về giao thông đường thủy?")
    assert a.intent == "search" and "123/2026/ND-CP" in {i.key for i in a.items}
    assert "«giao thông đường thủy»" in a.text  # the words as the question writes them
    none = ask(store, "Nghị định nào quy định về nuôi ong mật?")
    assert none.intent == "search" and not none.items and "không có nghị định nào" in none.text
    assert not ask(store, "thời tiết hôm nay thế nào?").understood  # no type word, no 'văn bản': not a search


def test_a_body_inside_the_subject_is_not_the_issuer(store: Store) -> None:
    a = ask(store, "Văn bản nào quy định chế độ báo cáo thống kê của Chính phủ?")
    assert a.intent in ("issued_by", "search")
    b = ask(store, "Thông tư nào về cơ sở dữ liệu về người lao động Việt Nam đi làm việc ở nước ngoài?")
    assert b.intent == "search" and b.items and b.items[0].key == "20/2021/TT-BLDTBXH", b.text


# the end of force dated by a date of issue ----------------------------------------------------------------------------

def test_the_end_of_force_says_when_it_is_only_a_date_of_issue(store: Store) -> None:
    """42/2022/NĐ-CP replaced 43/2011/NĐ-CP; no text read gives its date of effect, only its date of issue."""
    vi = ask(store, "Nghị định 43/2011/NĐ-CP còn hiệu lực không?")
    assert vi.intent == "status" and "hết hiệu lực" in vi.text and "từ 24/06/2022" in vi.text
    assert "ngày ban hành 42/2022/NĐ-CP" in vi.text and "không nêu ngày 42/2022/NĐ-CP có hiệu lực" in vi.text, vi.text
    en = ask(store, "Is decree 43/2011/NĐ-CP still in force?")
    assert "from 2022-06-24 (the day 42/2022/NĐ-CP was issued; no text read gives its date of effect)" in en.text, en.text
    dated = ask(store, "Nghị định 60/2018/NĐ-CP còn hiệu lực vào ngày 2/7/2026 không?")  # 139/2026: its date of effect
    assert "từ 01/07/2026." in dated.text and "ngày ban hành" not in dated.text, dated.text


def test_what_ended_it(store: Store) -> None:
    a = ask(store, "Nghị định 123/2026/NĐ-CP làm hết hiệu lực những nghị định nào?")
    assert a.intent == "ends_out" and "24/2015/ND-CP" in {i.key for i in a.items}, a.text
    b = ask(store, "Văn bản nào bãi bỏ Nghị định 60/2018/NĐ-CP?")  # replaced, not repealed: said so
    assert b.intent == "repeals_in" and [i.key for i in b.items] == ["139/2026/ND-CP"]
    assert "không nêu văn bản nào bãi bỏ" in b.text and "thay thế bởi Nghị định 139/2026/NĐ-CP" in b.text, b.text


# a type word with 'nào', a relation verb and a law by its name ------------------------------------------------------

@pytest.mark.parametrize(("q", "intent"), [
    ("Luật nào sửa đổi Luật Bảo hiểm y tế?", "amends_in"),
    ("Luật nào thay thế Luật Du lịch?", "replaced_by"),
    ("Bộ luật nào thay thế Bộ luật Lao động 2019?", "replaced_by"),
    ("Luật nào căn cứ Luật Tổ chức Chính phủ năm 2025?", "based_on_in"),
    ("Pháp lệnh nào thay thế Luật Du lịch?", "replaced_by"),
])
def test_a_type_asked_for_before_a_law_named_is_a_relation_question(store: Store, q: str, intent: str) -> None:
    """'Luật nào' is the type asked for, not the law named: the relation, restricted to that type."""
    a = ask(store, q)
    assert a.intent == intent, a.text
    asked = q.split(" nào")[0]
    type_id = {"Luật": "Luat", "Bộ luật": "BoLuat", "Pháp lệnh": "PhapLenh"}[asked]
    assert all(i.document is not None and i.document.type_id == type_id for i in a.items), a.text
    if not a.items:
        assert f"không nêu {asked.lower()} nào" in a.text, a.text


def test_the_relation_is_filtered_to_the_type_asked_for(store: Store) -> None:
    laws = ask(store, "Luật nào sửa đổi Luật Bảo hiểm y tế?")
    any_type = ask(store, "Văn bản nào sửa đổi Luật Bảo hiểm y tế?")
    assert laws.items and {i.key for i in laws.items} == {i.key for i in any_type.items
                                                           if i.document is not None and i.document.type_id == "Luat"}
    based = ask(store, "Luật nào căn cứ Luật Tổ chức Chính phủ năm 2025?")  # decrees and a circular do, no law
    assert not based.items and ask(store, "Văn bản nào căn cứ Luật Tổ chức Chính phủ năm 2025?").items
    # 'về luật sư': a subject, not a law named
    assert ask(store, "Nghị định nào quy định về luật sư?").intent == "search"


# a date that is no real day -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("q", "says"), [
    ("Nghị định 60/2018/NĐ-CP còn hiệu lực vào ngày 31/2/2026 không?", "«31/2/2026» không phải là một ngày có thật"),
    ("Những nghị định nào có hiệu lực từ ngày 31 tháng 4 năm 2026?", "tháng 4 năm 2026 chỉ có 30 ngày"),
    ("Chỉ thị 16/CT-TTg ngày 30/2/2020 do ai ban hành?", "tháng 2 năm 2020 chỉ có 29 ngày"),  # a day of issue
    ("Is decree 60/2018/NĐ-CP in force on 30 February 2026?", "«30 February 2026» is not a real date"),
    ("Which circulars are in force on 2026-13-01?", "there is no month 13"),
])
def test_a_date_that_is_no_real_day_is_said_so_not_replaced_by_today(store: Store, q: str, says: str) -> None:
    a = ask(store, q)
    assert a.intent == "invalid_date" and not a.understood and not a.items and says in a.text, a.text
    assert dt.date.today().strftime("%d/%m/%Y") not in a.text and dt.date.today().isoformat() not in a.text
    leap = ask(store, "Nghị định 60/2018/NĐ-CP còn hiệu lực vào ngày 29/2/2024 không?")  # a real day
    assert leap.intent == "status" and "Ngày 29/02/2024" in leap.text, leap.text


# every list answer cut in one place, with how many in all -------------------------------------------------------------

@pytest.mark.parametrize(("q", "intent"), [
    ("Văn bản nào sửa đổi Luật Bảo hiểm y tế?", "amends_in"),  # a relation: 7 laws
    ("What amends the Law on Health Insurance?", "amends_in"),
    ("Bộ TT&TT ban hành những văn bản nào?", "issued_by"),
    ("Những văn bản nào của Chính phủ đã hết hiệu lực vào ngày 2/7/2026?", "no_longer_in_force"),
    ("Thông tư 1 do ai ban hành?", "ambiguous"),
])
def test_every_list_answer_is_cut_the_same_way_and_says_how_many(store: Store, q: str, intent: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.questions

    monkeypatch.setattr(graph.questions, "LIST_SHOWN", 3)  # the one limit, lowered: each list goes past it
    a = ask(store, q)
    n = len(a.candidates or a.items)
    assert a.intent == intent and n > 3, a.text
    said = f"… (và {n - 3} văn bản khác, tổng cộng {n})" if a.language == "vi" else f"… (and {n - 3} more, {n} in all)"
    assert said in a.text, a.text
    shown = a.candidates[3:] if a.candidates else [i.label for i in a.items][3:]
    assert not any(f"{s}," in a.text or f"{s};" in a.text for s in shown), a.text  # the rest are not named


# an English law name with its year ------------------------------------------------------------------------------------

@pytest.mark.parametrize("q", ["What guides the Labor Code 2019?", "What guides the Labour Code of 2019?",
                               "what guides the labor code (2019)?", "Bộ luật Lao động 2019 được hướng dẫn bởi văn bản nào?"])
def test_the_year_after_a_law_name_is_its_year_not_a_number(store: Store, q: str) -> None:
    """'Code 2019' is not a code numbered 2019: the year of the Labour Code, as 'Bộ luật Lao động 2019'."""
    ref = find_reference(q)
    assert ref is not None and ref.ordinal is None and (ref.query or ref.text).endswith("2019"), ref
    a = ask(store, q)
    assert a.intent == "guides_in" and a.subject is not None, a.text
    assert a.subject.name == "Bộ luật Lao động" and a.subject.year == 2019, a.text
    assert "145/2020/ND-CP" in {i.key for i in a.items}
    assert ask(store, "who issued decree 139 of 2026?").subject.key == "139/2026/ND-CP"  # type: ignore[union-attr]


# two facts of one document asked together -----------------------------------------------------------------------------

@pytest.mark.parametrize(("q", "intent", "says"), [
    ("Who issued decree 139/2026/NĐ-CP and when did it take effect?", "issuer+effective",
     ["was issued by the Government", "took effect on 2026-07-01"]),
    ("Nghị định 139/2026/NĐ-CP do ai ban hành và có hiệu lực từ khi nào?", "issuer+effective",
     ["do Chính phủ ban hành", "có hiệu lực từ ngày 01/07/2026"]),
    ("Nghị định 139/2026/NĐ-CP có hiệu lực từ khi nào và ai ban hành?", "effective+issuer",  # in the question's order
     ["có hiệu lực từ ngày 01/07/2026", "do Chính phủ ban hành"]),
    ("Nghị định 60/2018/NĐ-CP do ai ban hành và còn hiệu lực vào ngày 2/7/2026 không?", "issuer+status",
     ["do Chính phủ ban hành", "hết hiệu lực: đã được thay thế bởi 139/2026/NĐ-CP"]),
])
def test_a_question_asking_two_facts_answers_both(store: Store, q: str, intent: str, says: list[str]) -> None:
    a = ask(store, q)
    assert a.intent == intent and a.subject is not None, a.text
    assert all(x in a.text for x in says) and a.text.index(says[0]) < a.text.index(says[1]), a.text
    assert "CP" in {i.key for i in a.items}  # the issuer, with its sentence
    # one fact asked, or the issuer asked with a fact whose answer names it: as before
    assert ask(store, "Ai ban hành Nghị định 139/2026/NĐ-CP?").intent == "issuer"
    assert ask(store, "Ai ban hành Nghị định 139/2026/NĐ-CP và ban hành ngày nào?").intent == "issued_on"

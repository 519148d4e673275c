"""Issue 25 §4: /ask about parts — 'Điều 8 … đã được sửa đổi chưa?', 'khoản 2 Điều 8 … còn hiệu lực không?', 'văn bản
nào quy định chi tiết Điều 9 …?', 'what changed article 8 of decree …?' — answered from parts and effects with their
sentences, on the hand-made graph (tests/parts_graph.py)."""

from __future__ import annotations

import pytest

from graph.questions import ask
from graph.stores.memory import MemoryStore
from graph.vocab import fold_lower

from .parts_graph import S_AMEND_1, S_DETAIL, S_INSERT, S_REPEAL_2, parts_graph


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    s = MemoryStore()
    s.upsert(parts_graph())
    return s


@pytest.mark.parametrize(("q", "intent", "says", "sentences"), [
    ("Điều 8 Nghị định 145/2020/NĐ-CP đã được sửa đổi chưa?", "part_effects",
     "sửa đổi khoản 1 Điều 8 bởi 999/2023/NĐ-CP (khoản 1 Điều 1), từ 15/04/2023", [S_AMEND_1]),
    ("dieu 8 nghi dinh 145/2020/ND-CP da duoc sua doi chua", "part_effects", "sua doi khoan 1 dieu 8", [S_AMEND_1]),
    ("khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP còn hiệu lực không?", "part_status",
     "khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP đã bị bãi bỏ bởi 999/2023/NĐ-CP từ 01/07/2023", [S_REPEAL_2]),
    ("khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP còn hiệu lực vào ngày 1/5/2023 không?", "part_status",
     "Ngày 01/05/2023, khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP còn hiệu lực", []),
    ("Điều 8 khoản 2 của Nghị định 145/2020/NĐ-CP bị bãi bỏ bởi văn bản nào?", "part_effects",
     "bãi bỏ khoản 2 Điều 8 bởi 999/2023/NĐ-CP (Điều 2), từ 01/07/2023", [S_REPEAL_2]),
    ("Văn bản nào quy định chi tiết Điều 9 Nghị định 145/2020/NĐ-CP?", "part_effects",
     "quy định chi tiết Điều 9 bởi 998/2024/TT-BNV", [S_DETAIL]),
    ("what changed article 8 of decree 145/2020?", "part_effects",
     "khoản 1 Điều 8 amended by 999/2023/NĐ-CP (khoản 1 Điều 1), from 2023-04-15; khoản 2 Điều 8 repealed",
     [S_AMEND_1, S_REPEAL_2]),
    ("is clause 2 of article 8 of decree 145/2020 in force on 2023-08-01?", "part_status",
     "is repealed by 999/2023/NĐ-CP since 2023-07-01", [S_REPEAL_2]),
    ("Điều 5 Nghị định 996/2018/NĐ-CP đã được sửa đổi chưa?", "part_effects", "chưa được đọc toàn văn", []),
    ("Điều 8a Nghị định 145/2020/NĐ-CP còn hiệu lực vào ngày 1/5/2023 không?", "part_status",
     "Ngày 01/05/2023, Điều 8a Nghị định 145/2020/NĐ-CP còn hiệu lực theo các văn bản đã đọc (được bổ sung bởi "
     "999/2023/NĐ-CP từ 15/04/2023).", [S_INSERT]),
    ("Điều 8a Nghị định 145/2020/NĐ-CP còn hiệu lực vào ngày 1/1/2023 không?", "part_status",
     "Ngày 01/01/2023, Điều 8a Nghị định 145/2020/NĐ-CP chưa có hiệu lực.", [S_INSERT]),
    ("is article 8a of decree 145/2020 in force on 2023-05-01?", "part_status",
     "is in force (inserted by 999/2023/NĐ-CP from 2023-04-15)", [S_INSERT]),
])
def test_questions_about_parts(store: MemoryStore, q: str, intent: str, says: str, sentences: list[str]) -> None:
    a = ask(store, q)
    assert a.intent == intent, a
    assert fold_lower(says) in fold_lower(a.text), a.text
    assert [e.sentence for e in a.evidence][: len(sentences)] == sentences


def test_a_part_the_document_lacks_and_no_effect(store: MemoryStore) -> None:
    a = ask(store, "Điều 30 Nghị định 145/2020/NĐ-CP đã được sửa đổi chưa?")
    assert a.intent == "part_not_found" and "Điều 1 đến Điều 12" in a.text
    a = ask(store, "Văn bản nào sửa đổi Điều 1 Nghị định 145/2020/NĐ-CP?")
    assert a.intent == "part_effects" and not a.items and "không nêu văn bản nào sửa đổi" in a.text


def test_a_text_partly_in_force(store: MemoryStore) -> None:
    a = ask(store, "Nghị định 145/2020/NĐ-CP còn hiệu lực vào ngày 1/8/2023 không?")
    assert a.intent == "status" and "hết hiệu lực một phần: khoản 2 Điều 8 đã bị bãi bỏ" in a.text
    assert "amended" in ask(store, "is decree 145/2020 in force on 2023-05-01?").text


def test_questions_about_the_whole_text_are_unchanged(store: MemoryStore) -> None:
    """Without a part, or asking what a part cannot answer (who issued it), the document is answered, as before."""
    assert ask(store, "Văn bản nào sửa đổi Nghị định 145/2020/NĐ-CP?").intent == "amends_in"
    assert ask(store, "Ai ban hành Nghị định 145/2020/NĐ-CP?").intent == "issuer"

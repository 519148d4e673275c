"""graph/provisions.py: a part as people write it, mapped onto a document's part ids; a part written before or after
its document; how an effect touches a part (issue 25 §4)."""

from __future__ import annotations

import pytest

from graph.model import Evidence, PartEffect
from graph.provisions import EffectRow, find_part_phrase, label_of, part_id, scope_of, split_reference

from .parts_graph import A_PARTS


@pytest.mark.parametrize(("ref", "pid"), [
    ("khoản 2 Điều 8", "dieu_8/khoan_2"), ("Điều 8 khoản 2", "dieu_8/khoan_2"), ("Điều 8, khoản 2", "dieu_8/khoan_2"),
    ("d8k2", "dieu_8/khoan_2"), ("D8K2", "dieu_8/khoan_2"), ("dieu_8/khoan_2", "dieu_8/khoan_2"),
    ("khoan 2 dieu 8", "dieu_8/khoan_2"), ("điểm a khoản 2 Điều 8", "dieu_8/khoan_2/diem_a"), ("d8k2a", "dieu_8/khoan_2/diem_a"),
    ("d8", "dieu_8"), ("Điều 8", "dieu_8"), ("article 8", "dieu_8"), ("clause 2 of article 8", "dieu_8/khoan_2"),
    ("point b, clause 2, article 8", "dieu_8/khoan_2/diem_b"), ("Chương II", "chuong_2"), ("chapter 2", "chuong_2"),
    ("Điều 30", None), ("khoản 5 Điều 8", None), ("hello", None),
])
def test_part_id(ref: str, pid: str | None) -> None:
    assert part_id(A_PARTS, ref) == pid


def test_part_id_without_parts_is_the_id_named() -> None:
    """A text not read in full: the id the reference names, whatever it is."""
    assert part_id([], "khoản 3 Điều 30") == "dieu_30/khoan_3" and part_id([], "Phụ lục II") == "phu_luc_2"
    assert part_id([], "điểm đ khoản 1 Điều 4") == "dieu_4/khoan_1/diem_dd" and part_id([], "xyz") is None


@pytest.mark.parametrize(("text", "want"), [
    ("khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP", ("khoản 2 Điều 8", "Nghị định 145/2020/NĐ-CP")),
    ("Điều 8 khoản 2 của Nghị định 145/2020/NĐ-CP", ("Điều 8 khoản 2", "Nghị định 145/2020/NĐ-CP")),
    ("Nghị định 145/2020/NĐ-CP Điều 8 khoản 2", ("Điều 8 khoản 2", "Nghị định 145/2020/NĐ-CP")),
    ("Nghị định 145/2020/NĐ-CP, Điều 8", ("Điều 8", "Nghị định 145/2020/NĐ-CP")),
    ("d8k2 145/2020/NĐ-CP", ("d8k2", "145/2020/NĐ-CP")),
    ("Điều 24 Luật Việc làm 2025", ("Điều 24", "Luật Việc làm 2025")),
    ("Phụ lục II Thông tư 10/2020/TT-BTC", ("Phụ lục II", "Thông tư 10/2020/TT-BTC")),
    ("Nghị định 145/2020/NĐ-CP", None),
])
def test_split_reference(text: str, want: tuple[str, str] | None) -> None:
    assert split_reference(text) == want


@pytest.mark.parametrize(("q", "part"), [
    ("Điều 8 Nghị định 145/2020/NĐ-CP đã được sửa đổi chưa?", "Điều 8"),
    ("văn bản nào quy định chi tiết Điều 24 Luật Việc làm 2025?", "Điều 24"),
    ("what changed article 8 of decree 145/2020?", "article 8"),
    ("is clause 2 of article 8 of decree 145/2020 in force?", "clause 2 of article 8"),
    ("Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?", None),
    ("khoản 2 thì sao?", None),  # no article, chapter, part or annex: not a part asked about
])
def test_find_part_phrase(q: str, part: str | None) -> None:
    span = find_part_phrase(q)
    assert (q[span[0] : span[1]] if span else None) == part


def test_labels() -> None:
    assert label_of("dieu_8/khoan_2/diem_dd") == "điểm đ khoản 2 Điều 8"
    assert label_of("phu_luc_2/dieu_3") == "Điều 3 Phụ lục 2" and label_of("chuong_3/muc_1") == "Mục 1 Chương 3"


def test_scope_by_id_and_by_tree() -> None:
    ev = Evidence(source="x", sentence="…", start=0, end=1)

    def row(*parts: str) -> EffectRow:
        return EffectRow("AMENDS", "B", "A", PartEffect(kind="amended", parts=list(parts), evidence=ev), None, "unknown")

    parents = {p.id: p.parent for p in A_PARTS}
    assert scope_of(row("dieu_8/khoan_2"), "dieu_8/khoan_2") == "self"
    assert scope_of(row("dieu_8"), "dieu_8/khoan_2/diem_a") == "holder"
    assert scope_of(row("dieu_8/khoan_2"), "dieu_8") == "within"
    assert scope_of(row("dieu_9"), "dieu_8") is None and scope_of(row(), "dieu_8") == "whole"
    # a chapter holds its articles by the tree read, not by their ids
    assert scope_of(row("chuong_2"), "dieu_8/khoan_1") is None
    assert scope_of(row("chuong_2"), "dieu_8/khoan_1", parents) == "holder"
    assert scope_of(row("dieu_9"), "chuong_2", parents) == "within"

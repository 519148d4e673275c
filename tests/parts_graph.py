"""A small graph with parts and effects, made by hand in the shape issue 25's readers give (`PartNode`s in
`Graph.parts`, `PartEffect`s on `Relation.effects`): what the API, the CLI, /ask and the page are tested on.

Nghị định 145/2020/NĐ-CP (read in full) is amended by Nghị định 999/2023/NĐ-CP (from 15/04/2023): khoản 1 Điều 8
amended, khoản 2 Điều 8 repealed from 01/07/2023 (a day the effect states), Điều 8a inserted; Thông tư 998/2024/TT-BNV
details Điều 9. Nghị định 996/2018/NĐ-CP is not read in full: 999/2023 amends khoản 1 Điều 5 of it.
"""

from __future__ import annotations

import datetime as dt

from graph.model import Document, EffectiveClaim, Evidence, Graph, PartEffect, PartNode, Relation

SRC = "999-2023-nd-cp.txt"


def ev(sentence: str, source: str = SRC, start: int = 0) -> Evidence:
    return Evidence(source=source, sentence=sentence, start=start, end=start + len(sentence))


def doc(key: str, number: str, type_: str, type_id: str, date: str, effective: str | None = None,
        title: str | None = None) -> Document:
    d = dt.date.fromisoformat(date)
    claims = [EffectiveClaim(date=dt.date.fromisoformat(effective), evidence=ev(
        f"{type_} này có hiệu lực thi hành từ ngày {effective}.", f"{key.replace('/', '-')}.txt", 100))] if effective else []
    return Document(key=key, number=number, type=type_, type_id=type_id, issuer="CP" if type_id == "NghiDinh" else None,
                    date=d, year=d.year, title=title, effective_claims=claims, mentions=1)


A, B, C, D = "145/2020/ND-CP", "999/2023/ND-CP", "998/2024/TT-BNV", "996/2018/ND-CP"
A_SRC = "nghi-dinh-145-2020.txt"


def _part(pid: str, kind: str, label: str, start: int, end: int, heading: str | None = None,
          parent: str | None = None) -> PartNode:
    return PartNode(id=pid, kind=kind, label=label, number=pid.rsplit("_", 1)[-1], heading=heading,
                    parent=parent or pid.rpartition("/")[0] or None, source=A_SRC, start=start, end=end)


A_PARTS = [  # Chương II holds Điều 8 and Điều 9 (an article's id does not name its chapter)
    _part("dieu_1", "dieu", "Điều 1", 100, 300, "Phạm vi điều chỉnh"),
    _part("chuong_2", "chuong", "Chương II", 290, 1200, "HỢP ĐỒNG LAO ĐỘNG"),
    _part("dieu_8", "dieu", "Điều 8", 300, 900, "Hợp đồng lao động", "chuong_2"),
    _part("dieu_8/khoan_1", "khoan", "khoản 1", 330, 500),
    _part("dieu_8/khoan_2", "khoan", "khoản 2", 500, 900),
    _part("dieu_8/khoan_2/diem_a", "diem", "điểm a", 520, 700),
    _part("dieu_8/khoan_2/diem_b", "diem", "điểm b", 700, 900),
    _part("dieu_9", "dieu", "Điều 9", 900, 1200, "Hồ sơ", "chuong_2"),
    _part("dieu_12", "dieu", "Điều 12", 1200, 1500, "Hiệu lực thi hành"),
]

S_AMEND_1 = "1. Sửa đổi khoản 1 Điều 8 như sau: “1. Người lao động …”"
S_REPEAL_2 = "Bãi bỏ khoản 2 Điều 8 Nghị định số 145/2020/NĐ-CP kể từ ngày 01 tháng 7 năm 2023."
S_INSERT = "2. Bổ sung Điều 8a vào sau Điều 8 như sau: …"
S_DETAIL = "Thông tư này quy định chi tiết Điều 9 Nghị định số 145/2020/NĐ-CP."
S_D = "Sửa đổi khoản 1 Điều 5 Nghị định số 996/2018/NĐ-CP như sau: …"


def parts_graph() -> Graph:
    g = Graph()
    for d in (doc(A, "145/2020/NĐ-CP", "Nghị định", "NghiDinh", "2020-12-14", "2021-02-01",
                  "Quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động"),
              doc(B, "999/2023/NĐ-CP", "Nghị định", "NghiDinh", "2023-03-01", "2023-04-15",
                  "Sửa đổi, bổ sung một số điều của Nghị định số 145/2020/NĐ-CP"),
              doc(C, "998/2024/TT-BNV", "Thông tư", "ThongTu", "2024-05-02", "2024-06-20"),
              doc(D, "996/2018/NĐ-CP", "Nghị định", "NghiDinh", "2018-01-10", "2018-03-01")):
        g.documents[d.key] = d
    g.parts[A] = list(A_PARTS)
    g.add_relation(Relation(type="AMENDS", source=B, target=A, evidence=[ev(S_AMEND_1, start=1000)], effects=[
        PartEffect(kind="amended", parts=["dieu_8/khoan_1"], written="khoản 1 Điều 8", by_part="dieu_1/khoan_1",
                   evidence=ev(S_AMEND_1, start=1000)),
        PartEffect(kind="inserted", parts=["dieu_8a"], written="Điều 8a", by_part="dieu_1/khoan_2",
                   evidence=ev(S_INSERT, start=1100))]))
    g.add_relation(Relation(type="REPEALS", source=B, target=A, evidence=[ev(S_REPEAL_2, start=2000)], effects=[
        PartEffect(kind="repealed", parts=["dieu_8/khoan_2"], written="khoản 2 Điều 8", by_part="dieu_2",
                   date=dt.date(2023, 7, 1), evidence=ev(S_REPEAL_2, start=2000))]))
    g.add_relation(Relation(type="GUIDES", source=C, target=A, evidence=[ev(S_DETAIL, "998-2024-tt-bnv.txt")], effects=[
        PartEffect(kind="detailed", parts=["dieu_9"], written="Điều 9", evidence=ev(S_DETAIL, "998-2024-tt-bnv.txt"))]))
    g.add_relation(Relation(type="AMENDS", source=B, target=D, evidence=[ev(S_D, start=3000)], effects=[
        PartEffect(kind="amended", parts=["dieu_5/khoan_1"], written="khoản 1 Điều 5", by_part="dieu_3",
                   evidence=ev(S_D, start=3000))]))
    return g

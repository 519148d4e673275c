"""Issue 25 §4: `lexgraph show REF --parts`, `lexgraph status 'khoản 2 Điều 8 …' --at`, `lexgraph effects REF`, on the
hand-made graph with parts and effects (tests/parts_graph.py), run as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.stores.memory import MemoryStore

from .parts_graph import parts_graph
from .test_cli import run as run_cli


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parts") / "g.lexgraph"
    MemoryStore(path).upsert(parts_graph())
    return path


def run(store: Path, *args: str) -> tuple[int, str]:
    r = run_cli(*args, "--store", str(store), cwd=store.parent)
    return r.returncode, r.stdout + r.stderr


def test_show_parts_at_two_dates(store: Path) -> None:
    code, text = run(store, "show", "145/2020/NĐ-CP", "--parts", "--at", "2023-05-01")
    assert code == 0, text
    lines = text.splitlines()
    assert "Nghị định 145/2020/NĐ-CP  amended" in lines[0]
    assert any("khoản 1  amended since 2023-04-15 by 999/2023/NĐ-CP" in x for x in lines)
    assert any("khoản 2  in force" in x for x in lines) and any("Điều 8. Hợp đồng lao động  amended" in x for x in lines)
    code, text = run(store, "show", "145/2020/NĐ-CP", "--parts", "--at", "2023-08-01")
    assert "partly in force" in text.splitlines()[0]
    assert any("khoản 2  repealed since 2023-07-01 by 999/2023/NĐ-CP" in x for x in text.splitlines())
    assert "partly in force: khoản 2 Điều 8 repealed or suspended" in text


def test_show_only_what_changed(store: Path) -> None:
    code, text = run(store, "show", "145/2020/NĐ-CP", "--parts", "--changed", "--depth", "2", "--at", "2023-08-01")
    assert code == 0, text
    assert "Chương II. HỢP ĐỒNG LAO ĐỘNG  amended" in text and "Điều 8. Hợp đồng lao động  amended" in text
    tree = [x for x in text.splitlines() if x[:1] in "├└│ " and "──" in x]
    assert not [x for x in tree if "Điều 1." in x or "Điều 9" in x or "khoản" in x]  # unchanged, or below depth 2


def test_status_of_a_part_written_before_or_after(store: Path) -> None:
    code, text = run(store, "status", "khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP", "--at", "2023-08-01")
    assert code == 0, text
    assert "khoản 2 Điều 8 Nghị định 145/2020/NĐ-CP on 2023-08-01: repealed since 2023-07-01" in text
    assert "“Bãi bỏ khoản 2 Điều 8 Nghị định số 145/2020/NĐ-CP kể từ ngày 01 tháng 7 năm 2023.”" in text
    assert "by 999/2023/NĐ-CP (Điều 2)" in text
    code, text = run(store, "status", "Nghị định 145/2020/NĐ-CP Điều 8 khoản 2", "--at", "2023-05-01")
    assert code == 0 and "on 2023-05-01: in force" in text
    code, text = run(store, "status", "Điều 30 Nghị định 145/2020/NĐ-CP")
    assert code == 2 and "Điều 1 to Điều 12" in text
    code, text = run(store, "status", "145/2020/NĐ-CP", "--at", "2023-05-01")  # the whole text, as before
    assert code == 0 and "145/2020/NĐ-CP on 2023-05-01:" in text


def test_effects_table(store: Path) -> None:
    code, text = run(store, "effects", "145/2020/NĐ-CP")
    assert code == 0, text
    assert "2023-07-01" in text and "khoản 2 Điều 8" in text and "repealed" in text and "998/2024/TT-BNV" in text
    code, text = run(store, "effects", "999/2023/NĐ-CP", "--direction", "out")
    assert code == 0 and "996/2018/NĐ-CP" in text and "khoản 1 Điều 5" in text

"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .conftest import GAZETTE, ROOT, SEEDS


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=cwd, capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)})


def test_build_then_replaced_by(tmp_path: Path) -> None:
    store = tmp_path / "g.lexgraph"
    r = run("build", str(SEEDS), "--store", str(store), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "5 of 5 sources" in r.stdout
    r = run("replaced-by", "43/2011/nd-cp", "--store", str(store), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "42/2022/NĐ-CP" in r.stdout and "thay thế" in r.stdout
    r = run("show", "Quyết định 749/QĐ-TTg", "--store", str(store), cwd=tmp_path)
    assert "IMPLEMENTS 52-NQ/TW" in r.stdout
    r = run("show", "99/2099/NĐ-CP", "--store", str(store), cwd=tmp_path)
    assert r.returncode == 2 and "No document" in r.stderr
    # a law is headed by its name and number; every relation names its other end
    r = run("build", str(GAZETTE), "--store", str(store), "-j", "1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run("show", "Luật Thống kê 2015", "--store", str(store), cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.startswith("Luật Thống kê 89/2015/QH13  (89/2015/QH13)"), r.stdout
    assert "<- AMENDS " in r.stdout or "<- GUIDES " in r.stdout or "<- BASED_ON " in r.stdout, r.stdout
    # a question, as /ask answers it, with the sentence that says so
    r = run("ask", "Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?", "--store", str(store), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "42/2022/NĐ-CP" in r.stdout and "đã được thay thế bằng" in r.stdout  # the evidence sentence
    r = run("ask", "what implements resolution 52-NQ/TW?", "--store", str(store), cwd=tmp_path)
    assert r.returncode == 0 and "749/QĐ-TTg" in r.stdout and "implements" in r.stdout
    r = run("ask", "what replaced decree 43/2011?", "--json", "--store", str(store), cwd=tmp_path)
    a = json.loads(r.stdout)
    assert a["intent"] == "replaced_by" and a["items"][0]["key"] == "42/2022/ND-CP" and a["items"][0]["evidence"]
    r = run("ask", "' OR 1=1 --", "--store", str(store), cwd=tmp_path)
    assert r.returncode == 2 and "Try:" in r.stdout and "Traceback" not in r.stderr


def test_extract_json(tmp_path: Path) -> None:
    r = run("extract", str(SEEDS), "--format", "json", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert {"sources", "documents", "relations"} <= set(data)
    assert len(data["sources"]) == 5


def test_bad_store_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.lexgraph"
    bad.write_bytes(b"not a store")
    r = run("show", "42/2022/NĐ-CP", "--store", str(bad), cwd=tmp_path)
    assert r.returncode != 0 and "rebuild it" in r.stderr
    assert "Traceback" not in r.stderr


def test_build_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    """A path that does not exist, an empty folder, a folder of files that are not texts: exit 1, say why, and
    write no store."""
    store = tmp_path / "g.lexgraph"
    r = run("build", str(tmp_path / "no-such-folder"), "--store", str(store), cwd=tmp_path)
    assert r.returncode == 1 and "no-such-folder: no such file or folder" in r.stderr and not store.exists()
    (tmp_path / "empty").mkdir()
    r = run("build", str(tmp_path / "empty"), "--store", str(store), cwd=tmp_path)
    assert r.returncode == 1 and "no text (.txt, .md) or PDF file" in r.stderr and not store.exists()
    binary = tmp_path / "binary"
    binary.mkdir()
    (binary / "image.png").write_bytes(bytes(range(256)) * 40)
    r = run("build", str(binary), "--store", str(store), cwd=tmp_path)
    assert r.returncode == 1 and not store.exists(), r.stderr
    (binary / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)  # a PDF with no text in it
    (binary / "data.txt").write_bytes(bytes(range(256)) * 40)
    r = run("build", str(binary), "--store", str(store), "-j", "1", cwd=tmp_path)
    assert r.returncode == 1 and "none of the 2 files could be read" in r.stderr and not store.exists(), r.stderr
    assert "Traceback" not in r.stderr


def test_reading_an_unbuilt_store_says_to_build_first(tmp_path: Path) -> None:
    missing = tmp_path / "g.lexgraph"
    for args in (["show", "42/2022/NĐ-CP"], ["ask", "Văn bản nào thay thế Nghị định 43/2011/NĐ-CP?"],
                 ["replaced-by", "43/2011/NĐ-CP"], ["status", "43/2011/NĐ-CP"]):
        r = run(*args, "--store", str(missing), cwd=tmp_path)
        assert r.returncode == 1 and "run `lexgraph build` first" in r.stderr, (args, r.stderr)
        assert "No document" not in r.stderr and not missing.exists()
    from graph.stores.memory import MemoryStore

    MemoryStore(missing).save()  # a store that exists and holds nothing
    r = run("show", "42/2022/NĐ-CP", "--store", str(missing), cwd=tmp_path)
    assert r.returncode == 1 and "holds no documents yet: run `lexgraph build` first" in r.stderr


def test_evidence_previews_end_at_a_word(tmp_path: Path) -> None:
    store = tmp_path / "g.lexgraph"
    assert run("build", str(SEEDS), "--store", str(store), cwd=tmp_path).returncode == 0
    r = run("replaced-by", "43/2011/nd-cp", "--store", str(store), cwd=tmp_path)
    # the sentence (267 characters) is cut before 240, after a whole word, with '…'
    text = " ".join(x.strip() for x in r.stdout.splitlines())  # as one line: the terminal may wrap it
    start = text.index("“Sau 11 năm") + 1
    preview = text[start:text.index("”", start)]
    full = ("Sau 11 năm thi hành, Nghị định số 43/2011/NĐ-CP đã được thay thế bằng Nghị định số 42/2022/NĐ-CP với các "
            "nội hàm quản lý mới")
    assert preview.endswith("…") and len(preview) <= 240 and preview.startswith(full)
    sentence = ("Sau 11 năm thi hành, Nghị định số 43/2011/NĐ-CP đã được thay thế bằng Nghị định số 42/2022/NĐ-CP với "
                "các nội hàm quản lý mới để tạo môi trường pháp lý cho việc cung cấp thông tin và DVCTT của CQNN phù "
                "hợp với thực tiễn của Việt Nam và xu thế phát triển trên thế giới;")
    kept = preview[:-1]
    assert sentence.startswith(kept) and sentence[len(kept)] in " ,;"  # its last word is whole


def test_build_freezes_what_it_holds_only_in_a_process_of_its_own(tmp_path: Path, monkeypatch: Any) -> None:
    """`lexgraph build` run as a program (`main`) leaves what it built out of the garbage collector's scans
    (`gc.freeze`; also what it read, where workers read it), which a process that only ends can afford; called inside
    another program (here, the test's) it freezes nothing of that program's. The store is the same either way."""
    import gc

    from typer.testing import CliRunner

    from app import cli

    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    stores = []
    for own in (False, True):
        monkeypatch.setattr(cli, "_OWN_PROCESS", own)
        store = tmp_path / f"own-{own}.lexgraph"
        r = CliRunner().invoke(cli.app, ["build", str(SEEDS), "--store", str(store), "--jobs", "1"])
        assert r.exit_code == 0, r.output
        assert len(frozen) == (1 if own else 0)  # read in this process (one job): its garbage not frozen
        stores.append(store)
    from graph.incremental import checksum
    from graph.stores import open_store

    sums = []
    for store in stores:
        st = open_store(str(store))
        sums.append(checksum(st))
        st.close()
    assert sums[0] == sums[1]


def test_main_marks_a_process_of_its_own(monkeypatch: Any) -> None:
    """`main` (the `lexgraph` program) is what marks the process as the command's own."""
    import pytest

    from app import cli

    monkeypatch.setattr(cli, "_OWN_PROCESS", False)
    monkeypatch.setattr(sys, "argv", ["lexgraph", "--help"])
    with pytest.raises(SystemExit) as e:
        cli.main()
    assert e.value.code == 0 and cli._OWN_PROCESS

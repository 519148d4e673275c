"""The cleaner keeps offsets to the raw text; bad input gets a clear error and loses nothing."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import unicodedata
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import clean as clean_mod
from graph.clean import MAX_BYTES, clean, decode, read_pdf
from graph.errors import InputError
from graph.pipeline import extract_bytes, extract_paths, extract_text
from graph.resolve import Resolver

HEADER_TEXT = (
    "Điều 2. Hiệu lực\n1. Nghị định này thay thế Nghị\n"
    "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025\n7\n"
    "định số 158/2018/NĐ-CP ngày 22 tháng 11 năm 2018.\n"
)


def test_page_header_inside_a_sentence_is_dropped() -> None:
    ct = clean(HEADER_TEXT)
    assert "CÔNG BÁO" not in ct.text
    assert "Nghị\n\nđịnh số 158/2018" in ct.text or "Nghị\nđịnh số 158/2018" in ct.text


def test_a_page_break_joins_a_cut_sentence_only() -> None:
    # the blank lines around a page header inside a sentence become one line break, so the sentence is one; after
    # a full stop the paragraph break stays
    raw = ("2. Thông tư này bãi bỏ các Quyết định số 1731/QĐ-BKHĐT ngày 29 tháng 12 năm 2021 ban hành Quy chế\n\n \n"
           "56 \nCÔNG BÁO/Số 73 + 74/Ngày 16-01-2024 \n  \nBộ Kế hoạch và Đầu tư, Quyết định số 768/QĐ-BKHĐT.\n\n \n"
           "CÔNG BÁO/Số 73 + 74/Ngày 16-01-2024 \n57\n\nĐiều 25. Trách nhiệm\n")
    ct = clean(raw)
    assert "Quy chế\nBộ Kế hoạch" in ct.text
    assert "768/QĐ-BKHĐT.\n\n" in ct.text and "CÔNG BÁO" not in ct.text
    i = ct.text.index("Bộ Kế hoạch")
    assert raw[ct.to_raw(i) : ct.to_raw(i) + 11] == "Bộ Kế hoạch"


def test_offsets_point_into_the_raw_text() -> None:
    raw = unicodedata.normalize("NFD", "Ghi chú. ") + HEADER_TEXT
    ct = clean(raw)
    i = ct.text.index("158/2018")
    j = ct.to_raw(i)
    assert raw[j : j + 8] == "158/2018"
    k = ct.text.index("thay thế")
    assert unicodedata.normalize("NFC", raw[ct.to_raw(k) : ct.to_raw(k + len("thay thế"))]) == "thay thế"


def test_cyrillic_lookalikes_in_numbers_read_as_latin() -> None:
    # 7 Gazette files type '40/2026/NĐ-СР' with a Cyrillic С and Р: the number was cut to '40/2026/ND' (another
    # document); inside a token with Latin letters or digits they are the Latin letters, one for one (offsets hold)
    raw = "Theo Nghị định số 40/2026/NĐ-СР ngày 01/02/2026 và Thông tư số 06/2022/TT-BТС; tiếng Nga: Россия."
    t = clean(raw)
    assert len(t.text) == len(raw) and "NĐ-CP" in t.text and "TT-BTC" in t.text and "Россия" in t.text
    g = Resolver().build([extract_text(raw, "a.txt")])
    assert {"40/2026/ND-CP", "6/2022/TT-BTC"} <= set(g.documents), sorted(g.documents)


def test_nfd_text_extracts_like_nfc() -> None:
    text = "Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về dịch vụ công."
    a = Resolver().build([extract_text(text, "a")])
    b = Resolver().build([extract_text(unicodedata.normalize("NFD", text), "b")])
    assert set(a.documents) == set(b.documents) == {"42/2022/ND-CP"}
    assert b.documents["42/2022/ND-CP"].date.isoformat() == "2022-06-24"


@settings(max_examples=1000)
@given(st.text(max_size=500))
def test_clean_and_extract_never_raise(s: str) -> None:
    ct = clean(s)
    for i in range(0, len(ct.text), max(1, len(ct.text) // 7)):
        assert 0 <= ct.to_raw(i) <= len(s)
    extract_text(s, "fuzz")


@settings(max_examples=300)
@given(st.lists(st.sampled_from([
    "Nghị định số ", "42/2022/NĐ-CP", " thay thế ", "được sửa đổi, bổ sung bởi ", "Thông tư này ", "Bãi bỏ ",
    "hết hiệu lực kể từ ngày ", "Luật Đầu tư ", "ngày 1 tháng 7 năm 2024", "; ", ". ", "\n", ":", "a) ",
    "Căn cứ ", "Số: 12/2024/TT-BTC", "“", "”", "749/QĐ-TTg", "CÔNG BÁO/Số 1/Ngày 1-1-2024\n",
]), max_size=60))
def test_extractor_never_raises_on_legal_shaped_noise(parts: list[str]) -> None:
    Resolver().build([extract_text("".join(parts), "noise")])


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
    (b"Ngh\xe1\xbb\x8b \xff\xfe \xc3", "UTF-8"),
    (b"%PDF-1.7\n...", "PDF"),
])
def test_bad_bytes_get_a_clear_error(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as e:
        decode(data, "x.txt")
    assert reason in str(e.value)


def test_a_build_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Nghị định số 42/2022/NĐ-CP thay thế Nghị định số 43/2011/NĐ-CP.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("Nghị định".encode("utf-16-le")[:-1] + b"\xff")
    (tmp_path / "empty.txt").write_bytes(b"")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    g = extract_paths([tmp_path, tmp_path / "missing.txt"])
    errors = {Path(s.path).name: s.error for s in g.sources if s.error}
    assert set(errors) == {"binary.txt", "latin1.txt", "empty.txt", "huge.txt", "missing.txt"}
    assert "MB" in errors["huge.txt"]
    assert "REPLACES|42/2022/ND-CP|43/2011/ND-CP" in g.relations


def test_a_large_text_is_read(tmp_path: Path) -> None:
    line = "Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về dịch vụ công trực tuyến.\n"
    f = tmp_path / "big.txt"
    f.write_text(line * 60_000, encoding="utf-8")  # ~6 MB
    g = extract_paths([f])
    assert g.documents["42/2022/ND-CP"].mentions == 60_000


def test_a_folder_of_thousands(tmp_path: Path) -> None:
    for i in range(2000):
        (tmp_path / f"{i:04}.txt").write_text(f"Quyết định số {i + 1}/QĐ-TTg ngày 1/2/2021 của Thủ tướng Chính phủ.",
                                              encoding="utf-8")
    g = extract_paths([tmp_path])
    assert len(g.sources) == 2000 and len(g.documents) == 2000


# PDFs: the text layer, read by pdfminer.six -------------------------------------------------------------------
# nd42.pdf is tests/fixtures/pdf/nd42.html printed by Chromium (`chromium --headless --print-to-pdf`): Decree
# 42/2022/NĐ-CP's opening and its article on effect, on two pages; no_text.pdf a page with a drawing and no text;
# encrypted.pdf nd42.pdf with a user password (RC4-128).
PDF = Path(__file__).parent / "fixtures" / "pdf"


def test_a_pdf_is_read_by_its_text_layer() -> None:
    data = (PDF / "nd42.pdf").read_bytes()
    text = decode(data, "nd42.pdf")
    assert "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2022" in text  # letters whole, not 'Ngh ị'
    g = Resolver().build([extract_bytes(data, "nd42.pdf")])
    d = g.documents["42/2022/ND-CP"]
    assert d.issuer == "CP" and d.date == dt.date(2022, 6, 24) and d.effective == dt.date(2022, 8, 1)
    rel = g.relations["REPLACES|42/2022/ND-CP|43/2011/ND-CP"]  # stated on the second page
    assert "hết hiệu lực kể từ ngày" in rel.evidence[0].sentence and rel.evidence[0].source == "nd42.pdf"
    bases = {r.target for r in g.relations.values() if r.type == "BASED_ON"}
    assert {"LUAT/to-chuc-chinh-phu@2015", "LUAT/giao-dich-dien-tu@2005"} <= bases, bases


def test_a_build_reads_the_pdfs_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "nd42.pdf").write_bytes((PDF / "nd42.pdf").read_bytes())
    (tmp_path / "scan.pdf").write_bytes((PDF / "no_text.pdf").read_bytes())
    g = extract_paths([tmp_path])
    assert "REPLACES|42/2022/ND-CP|43/2011/ND-CP" in g.relations
    assert {Path(s.path).name: s.error for s in g.sources if s.error} == {
        "scan.pdf": "this PDF has no text layer (a scanned image?); run OCR on it first"}


@pytest.mark.parametrize("slug", ["thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844",
                                  "nghi-quyet-so-78-2025-ubtvqh15-45003"])
def test_a_gazette_pdf_gives_the_graph_of_its_text(slug: str) -> None:
    """Two of the Gazette's own PDFs (from the corpus, with the text the corpus extracted from each): read directly,
    the same documents, relations, own number and dates of effect. With pdfminer's default line margin the joint
    circular's justified paragraphs fell apart ('Luật sửa đổi, bổ' / 'sung …': 5 of its 50 relations lost)."""
    folder = PDF / "gazette"
    gp = Resolver().build([extract_bytes((folder / f"{slug}.pdf").read_bytes(), f"{slug}.pdf")])
    gt = Resolver().build([extract_text((folder / f"{slug}.txt").read_text(encoding="utf-8"), f"{slug}.txt")])
    assert gp.sources[0].document == gt.sources[0].document is not None
    assert set(gp.documents) == set(gt.documents)
    assert set(gp.relations) == set(gt.relations) and len(gt.relations) >= 18
    assert {k: d.effective for k, d in gp.documents.items()} == {k: d.effective for k, d in gt.documents.items()}


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("no_text.pdf", None, "no text layer"),
    ("encrypted.pdf", None, "encrypted"),
    ("cut.pdf", (PDF / "nd42.pdf").read_bytes()[:6000], "not a readable PDF"),
    ("junk.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>", "PDF"),
])
def test_pdfs_that_cannot_be_read_get_a_clear_error(name: str, data: bytes | None, reason: str) -> None:
    with pytest.raises(InputError) as e:
        decode(data if data is not None else (PDF / name).read_bytes(), name)
    assert reason in str(e.value)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=3000))
def test_fuzz_pdf_shaped_bytes_read_or_clear_error(data: bytes) -> None:
    try:  # the reader itself, in this process (decode runs it in a child process: a test of its own below)
        assert isinstance(read_pdf(b"%PDF-1.4\n" + data, "f.pdf"), str)
    except InputError as e:
        assert "PDF" in e.reason


_ND42 = (PDF / "nd42.pdf").read_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, len(_ND42) - 1), st.integers(0, 255)), min_size=1, max_size=30))
def test_fuzz_damaged_pdfs_read_or_clear_error(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_ND42)
    for at, byte in flips:
        data[at] = byte
    try:
        extract_text(read_pdf(bytes(data), "d.pdf"), "d.pdf")
    except InputError as e:
        assert "PDF" in e.reason


def _inflating_pdf(megabytes: int) -> bytes:
    """A valid one-page PDF whose content stream is `megabytes` MB of spaces, deflated (about 1,000 to 1)."""
    z = zlib.compressobj(9)
    stream = b"".join(z.compress(b" " * 2**20) for _ in range(megabytes)) + z.flush()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def test_a_pdf_that_inflates_without_end_is_an_error_not_an_exhausted_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 0.6 MB PDF whose stream inflates to 600 MB, read with the reader's memory bounded to 300 MB: an error for
    that file; this process is untouched and no child is left."""
    monkeypatch.setattr(clean_mod, "PDF_MEMORY", 300 * 2**20)
    bomb = _inflating_pdf(600)
    assert len(bomb) < 2 * 2**20
    with pytest.raises(InputError) as e:
        decode(bomb, "bomb.pdf")
    assert "memory" in e.value.reason, e.value.reason
    assert not multiprocessing.active_children()


def test_a_pdf_read_too_long_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader is given PDF_SECONDS; past it the child is killed and the file is an error. (Not timed: the error
    names the deadline it met, and no child is left.)"""
    monkeypatch.setattr(clean_mod, "PDF_SECONDS", 0.01)
    with pytest.raises(InputError) as e:
        decode((PDF / "nd42.pdf").read_bytes(), "slow.pdf")
    assert "took longer than 0.01 s" in e.value.reason
    assert not multiprocessing.active_children()

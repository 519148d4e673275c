"""Read a source file and clean its text, keeping a map back to the characters as they were read.

Cleaning: Unicode NFC (23 Gazette files are decomposed), control characters to spaces, Cyrillic and Greek
letters that look like Latin ones inside numbers to Latin ('NĐ-СР' in 7 files), Gazette page
headers (`CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025` and the page number beside it) and digital-signature
stamps (`Người ký: …`, `Ký bởi: …`) removed. Numbers broken across lines are left in place: the number
scanner reads through the break (`64/2025/TT-\\nBTC`).

Offsets: the clean text differs in length from the raw text only where a decomposed letter was
composed or a header was dropped, so `OffsetMap` keeps one anchor per such edit and maps any clean
offset back with a binary search.
"""

from __future__ import annotations

import bisect
import io
import logging
import multiprocessing
import re
import resource
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .errors import InputError
from .vocab import occurrences

MAX_BYTES = 50 * 1024 * 1024  # a 50 MB text is read; larger files are refused with a clear message
TEXT_SUFFIXES = {".txt", ".text", ".md", ".pdf", ""}
MAX_PDF_PAGES = 2000  # a PDF's first 2,000 pages are read (the longest Gazette issue has a few hundred)
PDF_SECONDS = 600  # at about 8 pages a second on one core, 2,000 pages take about 4 minutes
PDF_MEMORY = 2 * 2**30  # the address space of the process that reads one PDF


@dataclass
class OffsetMap:
    """Maps offsets in a cleaned text back to the text it was made from."""

    clean_starts: list[int] = field(default_factory=list)
    raw_starts: list[int] = field(default_factory=list)

    def to_raw(self, pos: int) -> int:
        i = bisect.bisect_right(self.clean_starts, pos) - 1
        if i < 0:
            return pos
        return self.raw_starts[i] + (pos - self.clean_starts[i])


class _Builder:
    """Collects the kept pieces of a text and the anchors of every edit."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.clean_len = 0
        self.raw_pos = 0

    def keep_until(self, raw_end: int) -> None:
        if raw_end > self.raw_pos:
            piece = self.raw[self.raw_pos : raw_end]
            self.parts.append(piece)
            self.clean_len += len(piece)
            self.raw_pos = raw_end

    def replace(self, raw_start: int, raw_end: int, new: str) -> None:
        self.keep_until(raw_start)
        self.parts.append(new)
        self.clean_len += len(new)
        self.raw_pos = raw_end
        # after the replacement, clean offsets continue at raw_end
        self.map.clean_starts.append(self.clean_len)
        self.map.raw_starts.append(raw_end)
        if new:
            # inside the replacement, point at its raw start
            self.map.clean_starts.insert(len(self.map.clean_starts) - 1, self.clean_len - len(new))
            self.map.raw_starts.insert(len(self.map.raw_starts) - 1, raw_start)

    def finish(self) -> tuple[str, OffsetMap]:
        self.keep_until(len(self.raw))
        return "".join(self.parts), self.map


_COMBINING_RUN = re.compile(r".[\u0300-\u036f\u0323\u031b]+", re.DOTALL)
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0x7F, 0x200B, 0xFEFF]))
_CONTROL = re.compile(f"[{re.escape(_CONTROL_CHARS)}]")  # CR too: CRLF files read like LF
# Cyrillic and Greek letters that look like Latin ones, typed into numbers ('40/2026/NĐ-СР' with a Cyrillic С and Р,
# 7 Gazette files): read as the Latin letters inside a token that also holds Latin letters or digits (one for one)
_LOOKALIKE_CHARS = "АВСЕНКМОРТХУаеорсухіјѕԁԛԝΑΒΕΗΙΚΜΝΟΡΤΧΥΖο"
_LOOKALIKE = str.maketrans(_LOOKALIKE_CHARS, "ABCEHKMOPTXYaeopcyxijsdqwABEHIKMNOPTXYZo")
_LOOKALIKE_RUN = re.compile(f"[{_LOOKALIKE_CHARS}]+")
# either kind, looked for in one pass first: most texts hold neither (one pass, 0.29 s over the corpus, where one
# str.find per character of the two sets took 0.42 s)
_ODD = re.compile(f"[{re.escape(_CONTROL_CHARS + _LOOKALIKE_CHARS)}]")


def _holds_any(text: str, chars: str) -> bool:
    """Whether any of the characters is in the text: one fast search per character (str.find), 5× quicker than one
    pass of the regex engine over a text with non-ASCII letters, where most texts hold none of them."""
    return any(c in text for c in chars)


def _latin_lookalikes(text: str) -> str:
    if not _holds_any(text, _LOOKALIKE_CHARS):
        return text
    out: list[str] = []
    last = 0
    for m in _LOOKALIKE_RUN.finditer(text):
        a, b = m.start(), m.end()
        # the token around the run, at most 30 characters each side: does it hold a Latin letter or a digit?
        left = re.search(r"[\w/.\-]{0,30}$", text[max(0, a - 30) : a])
        right = re.match(r"[\w/.\-]{0,30}", text[b : b + 30])
        around = (left.group() if left else "") + (right.group() if right else "")
        if re.search(r"[A-Za-z0-9]", around):
            out.append(text[last:a])
            out.append(m.group().translate(_LOOKALIKE))
            last = b
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
# A Gazette page header, with the page number on the line before or after it; and a digital-signature stamp line.
# Each is searched from its first word (a literal the regex engine finds fast) and kept only where spaces alone
# stand before it on its line (_line_edits), which is what '^[ \t]*' before it would say.
_PAGE_HEADER = re.compile(
    r"C[ÔO]NG B[ÁA]O[ \t]*/[ \t]*S[ốo][^\n]{0,40}/[ \t]*Ng[àa]y[ \t]*[\d\-./ ]{6,12}[ \t]*(?:\r?\n[ \t]*\d{1,4}[ \t]*(?=\r?\n))?"
)
_PAGE_NUMBER_LINE = re.compile(r"(?<![ \t])[ \t]*\d{1,4}[ \t]*\r?")  # a run of spaces tried where it starts
_STAMP_WORDS = ("Người ký", "Ký bởi", "Email", "Cơ quan", "Thời gian ký", "Ngày ký")
_STAMP = re.compile(f"(?:{'|'.join(_STAMP_WORDS)})" r"[ \t]*:[^\n]*$", re.MULTILINE)


def _stamps(text: str) -> list[re.Match[str]]:
    """The matches of _STAMP that open their line (after spaces), in order: those `_line_edits` keeps of
    `_STAMP.finditer(text)`. Each opens with one of its words, found by str.find (the engine would try every capital
    letter of the text); a match runs to the end of its line, so none before hides one that opens a line."""
    found = []
    for w in _STAMP_WORDS:
        for p in occurrences(text, w):
            if not text[text.rfind("\n", 0, p) + 1 : p].strip(" \t") and (m := _STAMP.match(text, p)) is not None:
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def _line_edits(matches: Iterable[re.Match[str]], text: str, number_before: bool = False) -> list[tuple[int, int]]:
    """The spans of the matches (in order) that open their line (after spaces), each from the line's start; with
    number_before, from the line before when that line holds only a page number."""
    out: list[tuple[int, int]] = []
    last = 0
    for m in matches:
        start = text.rfind("\n", 0, m.start()) + 1
        before = text[start : m.start()].strip(" \t")
        if number_before and before.isdigit() and len(before) <= 4:
            before = ""  # the page number on the header's line: '38        CÔNG BÁO/Số 347 + 348/Ngày …'
        if before or start < last:
            continue
        if number_before and start > 0:
            prev = text.rfind("\n", 0, start - 1) + 1
            if prev >= last and _PAGE_NUMBER_LINE.fullmatch(text, prev, start - 1):
                start = prev
        out.append((start, m.end()))
        last = m.end()
    return out


_HEADER_DATE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{4}")
_NUMBER_AFTER = re.compile(r"[ \t]{1,40}\d{1,4}(?=[ \t])")  # the page number printed beside an inline header


def _inline_headers(text: str, line_edits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Page headers inside a line, with the page number beside them: 'Nghị định số 64/2007/NĐ-CP ngày 10 tháng 4 năm
    2007 của CÔNG BÁO/Số 699 + 700/Ngày … 57 Chính phủ …' (a PDF's reading order puts it there)."""
    starts = {s for s, _ in line_edits}
    out = []
    for m in _PAGE_HEADER.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if line in starts or any(s <= m.start() < e for s, e in line_edits):
            continue
        date = _HEADER_DATE.search(text, m.start(), m.end())  # (the header's date pattern may take the page number)
        end = date.end() if date is not None else m.end()
        if (n := _NUMBER_AFTER.match(text, end)) is not None:
            end = n.end()
        out.append((m.start(), end))
    return out


@dataclass
class CleanText:
    """A cleaned text with its ASCII-folded twins (same length) and the way back to the raw text."""

    text: str
    raw: str
    maps: list[OffsetMap]

    def to_raw(self, pos: int) -> int:
        for m in reversed(self.maps):
            pos = m.to_raw(pos)
        return pos


_WHITE = re.compile(r"\s*")  # what str.strip() takes: \s is str.isspace() in a str pattern


def clean(raw: str) -> CleanText:
    """Clean one decoded text. Never raises on any string."""
    maps: list[OffsetMap] = []
    text = raw
    if not unicodedata.is_normalized("NFC", text):
        b = _Builder(text)
        for m in _COMBINING_RUN.finditer(text):
            composed = unicodedata.normalize("NFC", m.group())
            if composed != m.group():
                b.replace(m.start(), m.end(), composed)
        text, mp = b.finish()
        if not unicodedata.is_normalized("NFC", text):  # exotic sequences: normalise the rest in place
            text2 = unicodedata.normalize("NFC", text)
            if len(text2) == len(text):
                text = text2
        maps.append(mp)
    if _ODD.search(text) is not None:
        if _holds_any(text, _CONTROL_CHARS):
            text = _CONTROL.sub(" ", text)  # same length: no map needed
        text = _latin_lookalikes(text)  # same length too
    b = _Builder(text)
    edits = _line_edits(_PAGE_HEADER.finditer(text), text, number_before=True) + _line_edits(_stamps(text), text)
    edits.sort()
    inline = _inline_headers(text, edits)
    last = -1
    for s, e in sorted(edits + inline):
        if s < last:
            continue
        if (s, e) in inline:  # a header inside a line: the sentence goes on across it, one space for it
            b.replace(s, e, " ")
            last = e
            continue
        # a sentence a page break cut goes on after it: the blank lines around the header become one line break,
        # so '… Hội đồng sáng kiến' / (page header) / 'Bộ Kế hoạch và Đầu tư, Quyết định số 768/…' is one sentence
        before = s  # where the white space before the header begins (text[:s].rstrip(), without copying the text)
        while before > 0 and text[before - 1].isspace():
            before -= 1
        white = _WHITE.match(text, e)  # … and where the white space after it ends (`\s*` always matches)
        after = white.end() if white is not None else e
        if s - before <= 200 and after - e <= 200 and before > last and text[before - 1 : before] not in (".", ";", ":", "!", "?", ""):
            b.replace(before, after, "\n")
            last = after
            continue
        b.replace(s, e, "")
        last = e
    text, mp = b.finish()
    maps.append(mp)
    return CleanText(text, raw, maps)


def decode(data: bytes, path: str = "<input>") -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a message that says what is wrong."""
    if not data.strip():
        raise InputError(path, "the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(path, f"the file is {len(data) / 1e6:.0f} MB; lexgraph reads texts up to {MAX_BYTES // 2**20} MB")
    head = data[:8192]
    if head.startswith(b"%PDF"):
        return pdf_text(data, path)
    if b"\x00" in head:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError:
                pass
        raise InputError(path, "this is a binary file, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            path, f"not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); save the file as UTF-8"
        ) from None
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > 0.1 * min(len(text), 4096):
        raise InputError(path, "this looks like a binary file, not text (too many control characters)")
    return text


_FORK_SERVER_STARTED = False  # whether this process (or one it was forked from) started the PDF readers' fork server


def fork_server_started() -> bool:
    """Whether this process, or one it was forked from, started the PDF readers' fork server. A process forked from it
    cannot use that server (it is not the server's parent: waiting on it fails), so reading workers are then started
    afresh, not forked (`graph.pipeline.start_method`)."""
    return _FORK_SERVER_STARTED


def pdf_text(data: bytes, path: str = "<input>") -> str:
    """The text layer of a PDF (as the Gazette and the ministries publish them), page after page, by pdfminer.six:
    its layout analysis joins the glyphs of a Vietnamese letter and its marks into words, where a plain
    content-stream reading breaks them ('Ngh ị  đ ị nh'). Lines up to two line-heights apart are one block
    (line_margin 2; at pdfminer's 0.5 a justified Gazette paragraph falls apart into blocks with blank lines between,
    which end sentences mid-way: 'Luật sửa đổi, bổ' / 'sung một số điều …'); with it the 8 Gazette PDFs of the corpus
    give the same documents and relations as their text versions. Each page ends with a line break. A scanned PDF
    (no text layer), an encrypted or a damaged one is a clear error; evidence offsets count characters of this text.

    The parser runs in a child process bounded in time (PDF_SECONDS) and memory (PDF_MEMORY): a hostile or damaged
    PDF (a stream that inflates to gigabytes, a parser that loops) is an error for that file, never a hung build
    or an exhausted service."""
    # a fork server (not a fork of this process, which may run threads: the service's pool, a progress bar) that
    # has the reader imported: a child starts in milliseconds, where a spawned one takes 0.3 s
    global _FORK_SERVER_STARTED
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["graph.clean", "pdfminer.high_level", "pdfminer.layout", "pdfminer.pdfdocument"])
    _FORK_SERVER_STARTED = True
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_pdf_child, args=(data, path, send, PDF_MEMORY), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(PDF_SECONDS):
            raise InputError(path, f"reading this PDF took longer than {PDF_SECONDS} s; is it damaged?")
        ok, value = receive.recv()
    except EOFError:
        raise InputError(path, "the PDF reader stopped on this file (out of memory or crashed); is it damaged?") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if not ok:
        raise InputError(path, value)
    return str(value)


def _pdf_child(data: bytes, path: str, send: Connection, memory: int) -> None:
    """In the child: memory bounded, read, send (True, text) or (False, the reason)."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # a lower hard limit already: keep it
        pass
    try:
        send.send((True, read_pdf(data, path)))
    except InputError as e:
        send.send((False, e.reason))
    except MemoryError:
        send.send((False, f"this PDF needs more than {memory // 2**20} MB of memory to read (a stream that inflates "
                          "without end?)"))
    finally:
        send.close()


def read_pdf(data: bytes, path: str = "<input>") -> str:
    """The text layer, read in this process (pdf_text reads it in a bounded child process)."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # its warnings on fonts it reads anyway ('Could not get FontBBox …', one per font) are not the user's business
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(data), maxpages=MAX_PDF_PAGES, laparams=LAParams(line_margin=2.0))
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise InputError(path, "this PDF is encrypted; save an unprotected copy first") from None
    except MemoryError:
        raise
    except Exception as e:  # a damaged file: pdfminer raises many kinds (syntax, EOF, types, recursion)
        raise InputError(path, f"not a readable PDF ({type(e).__name__}); is the file complete?") from None
    text = text.replace("\f", "\n")  # the page break: a line break, as in the Gazette's text files
    if not text.strip():
        raise InputError(path, "this PDF has no text layer (a scanned image?); run OCR on it first")
    return text


def read(path: Path) -> str:
    """Read and decode one file."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from None
    if size > MAX_BYTES:
        raise InputError(str(path), f"the file is {size / 1e6:.0f} MB; lexgraph reads texts up to {MAX_BYTES // 2**20} MB")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror}") from None
    return decode(data, str(path))


def iter_sources(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand folders into their text files (sorted, recursive); report paths that do not exist."""
    files: list[Path] = []
    errors: list[InputError] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES and not f.name.startswith("."):
                    files.append(f)
        elif p.is_file():
            files.append(p)
        else:
            errors.append(InputError(str(p), "no such file or folder"))
    return files, errors

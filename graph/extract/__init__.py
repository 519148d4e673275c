"""From one cleaned text to mentions, the document the text itself is, and the relations it states.

Stages inside a text, one module each:
  sentences   split on punctuation, blank lines and list markers (Gazette texts wrap every line)
  mentions    spans citing a document: type word, number, date, issuer phrase, subject (trích yếu);
              laws cited by name (`laws`: "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"); self references
              ("Nghị định này") that mean the text itself
  header      the text's own number, type, date, issuer and title (Số: …, place and date, type line)
  relations   a clause grammar of Vietnamese drafting formulas (`formulas`) decides type and direction
  effective   when documents take effect, and until when

Every pattern runs on the ASCII-folded, lower-cased twin of the clean text (`vocab.fold_lower`), which
has the same length, so spans found there are spans in the clean text and, through the offset map,
in the raw file. Nothing here guesses: a relation needs a trigger formula *and* both documents in the
roles the formula gives them.
"""

from __future__ import annotations

from ..clean import CleanText
from ..structure import parse_structure
from ..vocab import Vocabulary, vocabulary
from .context import _Ctx
from .effective import find_effective
from .header import _header, _without_enacting, own_number_without_year
from .mentions import find_mentions, resolve_anaphors, resolve_short
from .quotes import quote_spans
from .relations import relate
from .sentences import _is_wrapped, split_sentences
from .types import Extraction, Mention, RawEffective, RawPart, RawRelation

__all__ = ["Extraction", "Mention", "RawEffective", "RawPart", "RawRelation", "extract", "parts_of", "split_sentences"]


def extract(ct: CleanText, vocab: Vocabulary | None = None) -> Extraction:
    """Everything a cleaned text states: sentences → mentions → header → relations → dates of effect."""
    ctx = _Ctx(ct, vocab or vocabulary())
    ex = Extraction(text=ct)
    ex.sentences = split_sentences(ctx.low, _is_wrapped(ct.text), ctx.folded)
    mentions = find_mentions(ctx, ex.sentences)
    ex.self_doc, ex.base_doc = _header(ctx, mentions)
    mentions = _without_enacting(ctx, ex.base_doc or ex.self_doc, mentions)
    own_number_without_year(ex.self_doc, mentions)  # 'Thông tư số 29/TT-BLĐTBXH' inside 29/2022/TT-BLĐTBXH
    if ex.self_doc is None:  # news: 'Nghị định có hiệu lực từ …' is the decree just named
        mentions = resolve_anaphors(ctx, mentions)
    ex.unresolved = resolve_short(mentions)  # 'Nghị định số 59' is the text's 59/2011/NĐ-CP
    mentions = [m for m in mentions if m.short is None or m.number is not None]
    ex.mentions = [m for m in mentions if not m.self_ref]
    relate(ctx, ex, mentions)
    ex.effective = find_effective(ctx, ex, mentions, ex.sentences)
    if ex.self_doc is not None:  # a legal text read in full: its structure, read once, here in the worker
        ex.parts = parts_of(ct.text, ctx.low_whole, quote_spans(ctx))
    return ex


def parts_of(text: str, low: str | None = None, quotes: list[tuple[int, int]] | None = None) -> list[RawPart]:
    """The parts of a clean text, flat in text order, each with the id of the part that holds it (`low`: the text
    folded, `fold_lower(text)`, and `quotes`, its quotes, when known)."""
    out: list[RawPart] = []

    def walk(parts: list, parent: str | None) -> None:  # type: ignore[type-arg]
        for p in parts:
            out.append(RawPart(p.id, p.kind, p.label, p.number, p.heading, parent, p.start, p.end))
            walk(p.children, p.id)

    walk(parse_structure(text, low, quotes).parts, None)
    return out

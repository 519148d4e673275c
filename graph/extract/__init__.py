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

import bisect
import re

from ..clean import CleanText
from ..vocab import Vocabulary, vocabulary
from .context import _Ctx
from .effective import find_effective
from .formulas import (
    _ARTICLE_AT,
    _AS_FOLLOWS,
    _BASES_CLOSED,
    _CAN_CU,
    _ENACTED,
    _ENACTING,
    _LIST_ENDS,
    _OWN_BASES_FOLLOW,
)
from .header import _header
from .laws import _constitution_year
from .mentions import find_mentions
from .relations import _proposers, _quotes, _Relator, _title_relations
from .sentences import _LIST_MARKER, _MARKER_ALONE, _is_wrapped, _marker_kind, split_sentences
from .types import Extraction, Mention, RawEffective, RawRelation

__all__ = ["Extraction", "Mention", "RawEffective", "RawRelation", "extract", "split_sentences"]


def extract(ct: CleanText, vocab: Vocabulary | None = None) -> Extraction:
    """Everything a cleaned text states."""
    v = vocab or vocabulary()
    ctx = _Ctx(ct, v)
    ex = Extraction(text=ct)
    sentences = split_sentences(ctx.low, _is_wrapped(ct.text), ctx.folded)
    ex.sentences = sentences
    mentions = find_mentions(ctx, sentences)
    ex.mentions = [m for m in mentions if not m.self_ref]
    ex.self_doc, ex.base_doc = _header(ctx, mentions)
    if ex.self_doc is not None and ex.self_doc.type_id in _ENACTED:
        # 'Quốc hội ban hành Luật Người lao động Việt Nam …': the enacting formula names the text itself
        enacting = [m for m in mentions if m.name and m.number is None and _ENACTING.search(ctx.low, max(0, m.start - 40), m.start)]
        mentions = [m for m in mentions if m not in enacting]
        ex.mentions = [m for m in ex.mentions if m not in enacting]
    rel = _Relator(ctx, ex, _quotes(ct.text), mentions)
    for m in mentions:  # 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;': the one that applied that day
        if m.type_id == "HienPhap" and m.year is None and m.date is None and not m.self_ref:
            m.year = _constitution_year(v, rel.writer_at(m.start))
    # group mentions by sentence
    starts = [s for s, _ in sentences]
    per: list[list[Mention]] = [[] for _ in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0:
            per[i].append(m)
    based_subject: Mention | None = None
    basis_open = False  # a "Căn cứ …;" line continues after ';' with more bases
    header_end = ex.self_doc.end if ex.self_doc else 0
    # the legal bases open a text, before its first article: a 'Căn cứ …' in the body ('Căn cứ theo quy định tại
    # … Luật X thì …', 'Căn cứ tiêu chuẩn quy định tại Điều 18 …') applies a text, it is not this text's basis
    first_article = re.search(r"(?:^|\n)[ \t]*dieu\s+1\s*[.:]", ctx.low)
    body_start = first_article.start() if first_article else len(ctx.low)
    for i, sent in enumerate(sentences):
        ms = per[i]
        low = ctx.low[sent[0] : sent[1]]
        if not ms and not low.endswith(":"):
            if "can cu" not in low:
                based_subject = None
            if basis_open and not _CAN_CU.match(_LIST_MARKER.sub("", low, count=1)):
                basis_open = False  # 'Theo đề nghị của …;' closes the legal bases
            continue
        body = _LIST_MARKER.sub("", low, count=1).lstrip("“\"' ")  # a quoted basis: “Căn cứ …
        opens_basis = bool(_CAN_CU.match(body))
        # list items that follow a sentence ending in ':' ("Các Nghị định sau hết hiệu lực …:")
        items: list[list[Mention]] = []
        item_start: dict[int, int] = rel.item_start
        if low.endswith(":"):
            marker_alone = False  # '1.' split off as a sentence of its own: the item is the next one
            line_head = ctx.low[ctx.low.rfind("\n", 0, sent[0]) + 1 : sent[0]]  # '2. ' when split off the sentence
            lead_kind = _marker_kind(line_head + low)
            first_kind: str | None = None  # how the first item is marked
            cut = False  # an item was cut by a page break and its rest skipped
            for j in range(i + 1, min(i + 40, len(sentences))):
                nxt = ctx.low[sentences[j][0] : sentences[j][1]]
                if lead_kind is not None and _marker_kind(nxt) == lead_kind:
                    break  # '3. Bãi bỏ …' after the items of '2. … hết hiệu lực …:' is the next point, not an item
                nb = _LIST_MARKER.sub("", nxt, count=1)
                alone = bool(_MARKER_ALONE.fullmatch(nxt.strip()))
                is_item = (bool(_LIST_MARKER.match(nxt)) or alone or marker_alone) and not _ARTICLE_AT.match(nxt)
                marker_alone = alone and not per[j]
                if marker_alone:
                    continue
                starts_with_doc = bool(per[j]) and per[j][0].start - sentences[j][0] <= 3 + (len(nxt) - len(nb))
                if _LIST_ENDS.match(nb):
                    break
                if not (is_item or starts_with_doc):
                    prev = ctx.low[sentences[j - 1][0] : sentences[j - 1][1]].rstrip()
                    if items and first_kind is not None and prev and prev[-1] not in ".;:!?":
                        cut = True
                        continue  # the rest of an item a page break cut ('… ngày 17 tháng 10' / 'năm 2018 …;')
                    break
                kind = _marker_kind(nxt)
                if not items:
                    first_kind = kind
                elif cut and kind != first_kind:
                    break  # after a cut item only an item marked like the first ones ('c)') goes on with the list
                # not a document named in quoted words ('Sửa đổi, bổ sung Điều 1 như sau: “Điều 1. … Luật Việc làm …”'
                # is the new wording, not a list of what is amended), unless the lead is quoted with it
                firsts = [m for m in per[j] if not m.nested and not m.self_ref
                          and rel.quote_at(m.start) in (None, rel.quote_at(sent[0]))][:1]
                for m in firsts:
                    item_start[id(m)] = sentences[j][0]
                items.append(firsts)
        in_basis = False
        if ms or items:
            in_basis = opens_basis or (basis_open and not _BASES_CLOSED.match(body))
            if in_basis and ex.self_doc is not None and (sent[0] < body_start or based_subject is not None):
                rel.based_on(sent, ms, based_subject or rel.self_doc)
                rel.sentence(sent, ms, [])  # "Luật X được sửa đổi, bổ sung bởi Luật Y" inside a basis line
                basis_open = low.endswith(";") or low.endswith(",")
            else:
                basis_open = False
                based_subject = None
                rel.sentence(sent, ms, items)
            _proposers(ctx, ex, sent, ms)
        # "Nghị định số 359/2025/NĐ-CP … có căn cứ ban hành như sau:" — the next Căn cứ lines are its own
        if _OWN_BASES_FOLLOW.search(low):
            firsts = [m for m in ms if not m.nested and not m.self_ref]
            based_subject = firsts[0] if firsts else None
        elif not in_basis:  # a basis goes on after ';' ('Căn cứ Luật A …; Luật B …;'): still the same text's
            based_subject = None if not _AS_FOLLOWS.search(low) else based_subject
    # the title of the text itself states relations too: "Sửa đổi, bổ sung một số điều của Nghị định số 38/…"
    if ex.self_doc is not None and ex.self_doc.title and ex.base_doc is None:
        _title_relations(ctx, ex, rel, mentions, header_end)
    if ex.self_doc is not None and ex.base_doc is not None:
        rel.add("CONSOLIDATES", ex.self_doc, ex.base_doc, (ex.base_doc.start, ex.base_doc.ext_end))
        for r in list(ex.relations):
            if r.type == "AMENDS" and r.target is ex.base_doc and r.source.start < 4000:
                rel.add("CONSOLIDATES", ex.self_doc, r.source, r.sentence)
    ex.effective = find_effective(ctx, ex, mentions, sentences)
    return ex

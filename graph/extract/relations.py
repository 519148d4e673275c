"""The relation grammar: who acts on what in each sentence, from the drafting formulas (`formulas.py`) and the
mentions around them; list items, legal bases, the text's own title, quoted provisions and who wrote them, and the
bodies that proposed a text."""

from __future__ import annotations

import bisect
import re

from ..vocab import fold_lower
from .context import _Ctx
from .formulas import (
    _ALREADY,
    _AND_BEFORE,
    _ARTICLE_END,
    _ARTICLE_HEADING,
    _BASIS_LINE,
    _CAN_CU,
    _COORD,
    _EFFECT_BEFORE_FORMULA,
    _EFFECT_CLAUSE,
    _EFFECT_HEADING,
    _EFFECT_SENTENCE,
    _ENACTING_LINE,
    _EXPIRES,
    _FROM_DATE_OPENS,
    _FROM_DAY_DOC_EFFECTIVE,
    _FROM_DAY_OPENS,
    _GUIDE_LEAD,
    _LEGAL_BASIS,
    _NAMED_BEFORE_NUMBER,
    _OBJECT_LEAD,
    _OPENS_EFFECT,
    _OTHER_FORMULA,
    _PAGE_BREAK_BEFORE,
    _PART_LIST,
    _PART_REF,
    _PARTIAL,
    _PARTS_BEFORE,
    _PARTS_ENDING,
    _PARTS_OF,
    _PASSIVE_AMEND_TAIL,
    _PASSIVE_NEXT,
    _PLACED_IN,
    _POLICY_TYPES,
    _QUOTE_LEAD,
    _QUOTE_LEAD_TAIL,
    _SCOPE_LEAD,
    _SELF_CLAUSE_HEAD,
    _TASK_GIVEN,
    _UNTIL,
    _parts_only,
    _Trigger,
    find_triggers,
)
from .laws import _legislative
from .sentences import _LIST_MARKER
from .types import Extraction, Mention, RawRelation

_NOBODY = Mention(start=-1, end=-1, ext_end=-1)  # the doer of a quoted passage whose writer is not known


class _Relator:
    def __init__(self, ctx: _Ctx, ex: Extraction, quotes: list[tuple[int, int]], mentions: list[Mention]) -> None:
        self.ctx = ctx
        self.ex = ex
        self.quotes = [self._basis_block(q) for q in quotes]
        self.self_doc = ex.base_doc or ex.self_doc  # what "Nghị định này" means
        self.seen: set[tuple[str, int, int]] = set()
        self.item_start: dict[int, int] = {}  # id(mention) -> start of the list item it opens
        self.all_mentions = mentions  # every mention, in text order
        self.self_refs = [m for m in mentions if m.self_ref]  # the 'X này' mentions
        # a repeal or replacement whose sentence ended in ';': the next sentence may name one more object
        # ('Bãi bỏ Thông tư số 17/2016/… ;' / 'Thông tư số 10/2024/… sửa đổi …')
        self.carry: tuple[str, Mention, int, int] | None = None  # type, doer, sentence start and end
        # a quoted provision whose lead names the text that wrote it ('Điều 3 của Thông tư số 06/2024/…, có hiệu lực
        # từ … quy định như sau: “Điều 3. … Kể từ ngày Thông tư này có hiệu lực thi hành, bãi bỏ …”'): read with
        # that text as the doer; other quotes are words, not read
        self.owners: dict[tuple[int, int], Mention] = {}
        self.inner: dict[tuple[int, int], list[tuple[int, int]]] = {}  # the quotes inside an owned quote
        split: list[tuple[int, int]] = []
        for q in self.quotes:
            owner = self._quote_owner(q[0])
            if owner is not None:
                # a quoted final article states once when its text takes effect: a second statement is another
                # text's ('“Điều 5. … 1. Nghị định này có hiệu lực kể từ ngày ký ban hành.', a page break and no closing
                # mark, '1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2016.'); whose, the layout
                # does not say (the consolidated text's, or the footnote going on after the next page's text), so
                # from there on the quote is not read
                cut = self._second_effect(q)
                if cut is not None:
                    rest = (cut, q[1])
                    if not _PAGE_BREAK_BEFORE.search(ctx.text, max(q[0], cut - 12), cut):
                        split.append(rest)
                        self.owners[rest] = _NOBODY  # read for what it states of named texts, no doer of its own
                        self.inner[rest] = []
                    q = (q[0], cut)
                self.owners[q] = owner
                self.inner[q] = [(a + q[0] + 1, b + q[0] + 1) for a, b in _quotes(ctx.text[q[0] + 1 : q[1]])]
            split.append(q)
        self.quotes = sorted(split)
        # the articles on when the text takes effect ('Điều 10. Hiệu lực thi hành', 'Điều 27. Điều khoản thi hành')
        self.articles = [(m.start(), bool(_EFFECT_HEADING.match(m.group(1))))
                         for m in _ARTICLE_HEADING.finditer(ctx.low)]
        self.speaker: Mention | None = None  # the owner of the quote being read
        self.speaking: tuple[int, int] | None = None

    def _basis_block(self, q: tuple[int, int]) -> tuple[int, int]:
        """A quote of legal bases ('… có căn cứ ban hành như sau: “Căn cứ …; Căn cứ …; Chính phủ ban hành …') ends
        with them: a closing mark a page break lost must not swallow the consolidated text that follows."""
        low = self.ctx.low
        if not re.match(r"[“\"\s]*can\s+cu\b", low[q[0] : q[0] + 30]):
            return q
        sents = self.ex.sentences
        i = bisect.bisect_right(sents, (q[0], 10**12)) - 1
        end = None
        while 0 <= i < len(sents) and sents[i][0] < q[1]:
            body = _LIST_MARKER.sub("", low[max(sents[i][0], q[0]) : sents[i][1]].lstrip("“\" \n"), count=1)
            if _BASIS_LINE.match(body):
                end = sents[i][1]
            elif _ENACTING_LINE.match(body):
                end = sents[i][1]
                break
            else:
                break
            i += 1
        if end is None or end + 3 >= q[1]:
            return q
        return (q[0], end)

    def in_effect_article(self, pos: int) -> bool:
        """Whether pos is in the text's article on when it takes effect (up to the signature or an appendix)."""
        i = bisect.bisect_right(self.articles, (pos, True)) - 1
        if i < 0 or not self.articles[i][1] or pos - self.articles[i][0] > 4000:
            return False
        return _ARTICLE_END.search(self.ctx.low, self.articles[i][0], pos) is None

    def _second_effect(self, q: tuple[int, int]) -> int | None:
        """Where a second 'X này có hiệu lực …' sentence starts inside q."""
        sents, low = self.ex.sentences, self.ctx.low
        seen = False
        for k in range(bisect.bisect_left(sents, (q[0], -1)), len(sents)):
            a, b = sents[k]
            if a >= q[1]:
                break
            if _EFFECT_SENTENCE.match(low, a, b):
                if seen:
                    return a
                seen = True
        return None

    def _quote_owner(self, qa: int) -> Mention | None:
        """The document a quote's lead says wrote it: '[footnote] [Điều 3 (của)] Thông tư số X …, có hiệu lực …
        quy định như sau:' or '… X … có căn cứ ban hành như sau:'."""
        low = self.ctx.low
        i = bisect.bisect_left(self.ex.sentences, (qa, -1)) - 1
        if i < 0:
            return None
        ls = self.ex.sentences[i][0]
        if qa - ls > 700:
            return None
        # the lead opens the sentence, or a line of it (a footnote under the heading its mark follows)
        for start in [ls] + [k + 1 for k in range(ls, qa) if low[k] == "\n"]:
            lead = _QUOTE_LEAD.match(low, start, qa)
            if lead is None:
                continue
            j = bisect.bisect_left(self.all_mentions, lead.end(), key=lambda m: m.start)
            m = self.all_mentions[j] if j < len(self.all_mentions) else None
            if m is None or m.start - lead.end() > 3 or m.self_ref or m.nested or (m.number is None and m.name is None):
                continue
            rest = low[max(m.end, m.ext_end, m.title_end) : qa]
            tail = _QUOTE_LEAD_TAIL.search(rest)
            if tail is None or _OTHER_FORMULA.search(_EFFECT_CLAUSE.sub(" ", rest[: tail.start()])):
                return None
            return m
        return None

    def triggers_in(self, a: int, b: int) -> list[_Trigger]:
        """The formulas in one sentence; scanned only for the sentences that hold a citation (most do not), as
        one pass of the combined pattern over the whole text cost a third of the extraction."""
        # from a little before the sentence, as a formula that begins in the previous line ('quy định chi tiết và
        # hướng dẫn thi hành …') must still hide the shorter one inside it
        return [t for t in find_triggers(self.ctx.low, max(0, a - 80), b) if t.start >= a]

    def writer_at(self, pos: int) -> Mention | None:
        """Who wrote the words at pos: the writer of the quoted provision they are in, else the text itself (for a
        consolidated text, the document it consolidates, whose words it reproduces); None when not known."""
        q = self.quote_at(pos)
        if q is not None:
            owner = self.owners.get(q)
            return None if owner is None or owner is _NOBODY else owner
        return self.ex.base_doc or self.ex.self_doc

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.quotes, (pos, 10**12)) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1] else None

    def in_quote(self, pos: int) -> bool:
        """Whether pos is in quoted words: in a quote, or, while a quoted provision is read, in a quote inside it."""
        q = self.quote_at(pos)
        if q is None:
            return False
        if q != self.speaking:
            return True
        return any(a <= pos < b for a, b in self.inner[q])

    def resolve(self, m: Mention) -> Mention | None:
        if m.self_ref:
            if self.speaker is _NOBODY:
                return None
            return (self.speaker or self.self_doc) if self._is_own(m) else None
        return m

    def _is_own(self, m: Mention) -> bool:
        """Whether 'Nghị định này' means the text's own document: not when it names another type. A consolidated
        text of a circular quotes, in its footnotes, the decree that amended it: there 'Nghị định này' is that
        decree, whose number the clause does not give; a decision listing expired texts quotes 'Thông tư này'."""
        own = self.speaker or self.ex.base_doc or self.self_doc  # the consolidated document, or the text's own
        if own is None or m.type_id is None or own.type_id is None:
            return True
        # a table of a decision quoting '… hết hiệu lực kể từ ngày Thông tư này có hiệu lực': another text's words
        kinds = {"ThongTuLienTich": "ThongTu"}
        return kinds.get(m.type_id, m.type_id) == kinds.get(own.type_id, own.type_id)

    def own_at(self, pos: int) -> Mention | None:
        """The doer of a clause that opens with its formula ('Bãi bỏ …'): the text itself, unless it is a
        consolidated text and the nearest 'X này' before names another type (the clause is quoted from the
        amending text)."""
        if self.speaker is not None:
            return None if self.speaker is _NOBODY else self.speaker
        if self.ex.base_doc is None or not self.self_refs:
            return self.self_doc  # (outside a consolidated text, a clause quoted from another text names it)
        i = bisect.bisect_left(self.self_refs, pos, key=lambda x: x.start) - 1
        if i >= 0 and pos - self.self_refs[i].start < 3000 and not self._is_own(self.self_refs[i]):
            return None
        return self.self_doc

    def add(self, type_: str, src: Mention | None, dst: Mention | None, sent: tuple[int, int]) -> None:
        if src is None or dst is None or src is dst:
            return
        if src.number is not None and dst.number is not None and src.number.base == dst.number.base:
            # the same number: the same document, unless both are dated to different years (749/QĐ-TTg of
            # 2020 amending 749/QĐ-TTg of 2019: a number without a year is one document per year)
            ys, yd = (src.date.year if src.date else None), (dst.date.year if dst.date else None)
            if src.number.year is not None or ys is None or yd is None or ys == yd:
                return
        k = (type_, id(src), id(dst))
        if k in self.seen:
            return
        self.seen.add(k)
        self.ex.relations.append(RawRelation(type_, src, dst, sent))

    def other_formula(self, gap: str, at: int) -> bool:
        """Whether another formula stands in `gap` (the low text from `at`): 'được' and 'dược' both fold to 'duoc',
        and 'thuốc tân dược' (pharmacy) is none."""
        text = self.ctx.text
        return any(m.group() != "duoc" or text[at + m.start()] not in "dD" for m in _OTHER_FORMULA.finditer(gap))

    # roles -------------------------------------------------------------------------------------------
    def after(self, ms: list[Mention], pos: int, max_gap: int, whole: bool = False) -> list[Mention]:
        """The mention right after a trigger, and those coordinated with it ('X, Y và Z'); with whole, only
        documents named whole (those that amend, not parts of one: '… theo Luật số 44/2009/QH12, Điều 64 và Điều 65
        của Luật … số 08/2012/QH13' lists another object)."""
        low = self.ctx.low
        out: list[Mention] = []
        cands = [
            m for m in ms
            if m.start >= pos and (not m.nested or (m.parent_title and m.parent_title[0] <= pos < m.parent_title[1]))
            and not self.in_quote(m.start)  # 'Bãi bỏ cụm từ “Nghị định số 68/2010/NĐ-CP …”': words, not an object
        ]
        if not cands:
            return out
        first = cands[0]
        gap = low[pos : first.start]
        if len(gap) > max_gap or re.search(r"[.;:]\s", gap) or self.other_formula(gap, pos):
            return out
        out.append(first)
        prev = first
        joined = False  # an item was joined by 'và' / 'hoặc'
        for m in cands[1:]:
            if prev.title_end > m.start and not re.search(r"(?:,|(?<![a-z])va|(?<![a-z])hoac)\s{0,3}$", low[m.start - 8 : m.start]):
                # in the title of the one before, not listed after it: 'hướng dẫn Nghị định Y quy định chi tiết … của
                # Luật Z' (Z is Y's), a table's next row ('… Được bãi bỏ bởi Quyết định X … 17 Quyết định số Z')
                continue
            between = low[max(prev.ext_end, prev.title_end) : m.start]
            if joined and not re.search(r"(?<![a-z])(?:va|hoac)(?![a-z])", between):
                break  # 'A và B, C': the list ended at its last item, after 'và'
            if whole and ((m.name is not None and first.name is None) or _PASSIVE_NEXT.match(low, max(m.end, m.ext_end))):
                # '… theo Luật số 08/2017/QH14, Luật Đất đai số 45/2013/QH13, …, Luật Điện ảnh số 62/2006/QH11 đã được
                # sửa đổi …': the laws that amend are named by their numbers; a law named by its name, or one a
                # formula of its own follows, is the next thing amended
                break
            if _COORD.match(between) or (not whole and len(between) <= 40
                                         and _COORD.match(re.sub(_PARTIAL.pattern + r"[^,;]*", "", between))):
                out.append(m)
                prev = m
                joined = joined or bool(re.search(r"(?<![a-z])(?:va|hoac)(?![a-z])", between))
            else:
                break
        if re.search(r"(?<![a-z])cac\s*$", gap) and first.type_id is not None:
            # 'bãi bỏ các Quyết định số A … ban hành Quy chế …, Quyết định số B …': after a plural the next ones of
            # that type, each right after a comma or 'và', are the list's even where A's title seems to run on
            for m in ms:
                if (m.start > prev.start and m.type_id == first.type_id and m.number is not None and not m.self_ref
                        and not self.in_quote(m.start) and re.search(r"(?:,|(?<![a-z])va)\s*$", low[max(0, m.start - 8) : m.start])):
                    out.append(m)
                    prev = m
        return out

    def before_semicolon(self, s0: int, pos: int) -> Mention | None:
        """The document a passive formula opening a sentence is about when a ';' inside that document's title ended
        the sentence before: a table row 'Thông tư số 03/2017/… quy định … chương trình; tổ chức … Được thay thế
        bởi Thông tư số 01/2024/…'."""
        cut_by_semicolon = self.ctx.low[:s0].rstrip()[-1:] == ";"
        if not cut_by_semicolon and not self.ctx.low[s0:pos].lstrip().startswith("-"):
            return None
        i = bisect.bisect_left(self.all_mentions, s0, key=lambda m: m.start)
        prior = [m for m in self.all_mentions[max(0, i - 6) : i] if not m.nested and not m.self_ref]
        if not prior:
            return None
        m = prior[-1]
        gap = self.ctx.low[max(m.ext_end, m.end) : pos]
        if len(gap) > 600 or self.other_formula(gap, max(m.ext_end, m.end)) or re.search(r"\.\s", gap):
            return None
        # one ';' (in the title), or the parts of the document listed in a cell: 'Điều 7; Điều 8; khoản 2 Điều 18;
        # khoản 2, khoản 3 Điều 25 - Mẫu số 01 … Phụ lục Được sửa đổi, bổ sung, bãi bỏ bởi Nghị định số 04/2023/…'
        # (the sentence then starts at a ';' or at the '-' of a line)
        segments = gap.split(";")
        if len(segments) < 2:
            return None
        if (len(segments) > 2 or not cut_by_semicolon) and not all(_parts_only(seg) for seg in segments[1:]):
            # … or a legal basis whose title has several ';' ('Căn cứ Nghị định số 63/2019/… quy định xử phạt … tài sản
            # công; thực hành tiết kiệm, chống lãng phí; dự trữ quốc gia; kho bạc nhà nước được sửa đổi, bổ sung bởi …')
            opens = _LIST_MARKER.sub("", self.ctx.low[self.sentence_start(m.start) : m.start], count=1).lstrip()
            if not (cut_by_semicolon and _CAN_CU.match(opens) and all(
                    len(seg) < 150 and not _BASIS_LINE.match(seg.lstrip()) for seg in segments[1:])):
                return None
        return m

    def sentence_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.ex.sentences, (pos, 10**12)) - 1
        return self.ex.sentences[i][0] if i >= 0 else 0

    def leading(self, a: int, b: int) -> Mention | None:
        """The document a sentence opens with, after an item mark ('b) Thông tư số …')."""
        head = _LIST_MARKER.match(self.ctx.low, a, b)
        start = head.end() if head else a
        i = bisect.bisect_left(self.all_mentions, start, key=lambda m: m.start)
        for m in self.all_mentions[i : i + 3]:
            if m.start - start > 4 or m.start >= b:
                break
            if not m.nested and not m.self_ref:
                return m
        return None

    def joined_before(self, s0: int) -> list[Mention]:
        """The documents of the sentences before s0 that one list joins to it with ';', including items a page
        break cut ('2. Thông tư liên tịch số 29/2014/… hướng' / 'dẫn … bảo trợ xã hội;' / 'Thông tư liên tịch số
        06/2015/… hết hiệu lực kể từ ngày …'), nearest last."""
        sents = self.ex.sentences
        low = self.ctx.low
        out: list[Mention] = []
        j = bisect.bisect_left(sents, (s0, -1)) - 1
        while j >= 0 and len(out) < 12:
            a, b = sents[j]
            end = low[a:b].rstrip()[-1:]
            if end in ("", ".", ":", "!", "?"):
                break  # a sentence that ends the list, or a bare mark ('2.')
            lead = self.leading(a, b)
            if lead is not None:
                out.insert(0, lead)
            elif j == 0 or low[sents[j - 1][0] : sents[j - 1][1]].rstrip()[-1:] in ("", ".", ";", ":", "!", "?"):
                break  # neither an item nor the rest of one a page break cut
            j -= 1
        return out

    def parts_of(self, ms: list[Mention], pos: int) -> list[Mention]:
        """The documents whose parts a formula names before naming the document, further than after() looks:
        'Bãi bỏ Mẫu số 01, Mẫu số 02, …, Mẫu số 05 ban hành kèm theo Thông tư số 24/2009/…', 'Bãi bỏ nội dung
        “…” tại điểm b khoản 2 Điều 10 của Thông tư số 57/2015/…'. Quoted words are skipped, not read."""
        low = self.ctx.low
        first = next((m for m in ms if m.start >= pos and not m.nested and not self.in_quote(m.start)), None)
        if first is None or first.start - pos > 400:
            return []
        gap = "".join(" " if self.in_quote(pos + i) else c for i, c in enumerate(low[pos : first.start]))
        if re.search(r"[.;:]\s", gap) or self.other_formula(gap, pos):
            return []
        if re.fullmatch(r"\s*" + _PART_LIST + r"(?:cua\s+|tai\s+)?", gap):  # 'Bãi bỏ Điều 2, …, Điều 16 và Điều 19 <doc>'
            return self.after(ms, first.start, 0)
        # what is repealed is a part: it opens with a part's word and leads to the document ('… của', '… tại'), or,
        # whatever it is, it is placed in the document ('Bãi bỏ điều kiện cấp Giấy phép … quy định tại Điều 26 Nghị
        # định số 67/2013/…', 'Bãi bỏ thủ tục … quy định tại khoản 2 Điều 11 Nghị định số …')
        # (or names one on the way: 'Bãi bỏ tên các thuốc quy định tại số thứ tự 636, 1039 … thuộc Danh mục thuốc …
        # ban hành kèm theo Thông tư số 40/2014/…')
        opens_with_part = re.match(r"\s*(?:toan\s+bo\s+|mot\s+so\s+|cac\s+)?(?:quy\s+dinh\s|" + _PARTIAL.pattern + ")", gap)
        if not (((opens_with_part or _PARTIAL.search(gap)) and _OBJECT_LEAD.search(gap)) or _PLACED_IN.search(gap)):
            return []
        return self.after(ms, first.start, 0)

    def scope_objects(self, ms: list[Mention], pos: int, s1: int) -> list[Mention]:
        """What the text's own scope says it details or guides, further than after() looks: 'Nghị định này quy định
        chi tiết một số nội dung về phát triển kỹ năng nghề tại khoản 4 Điều 22, …, khoản 2 Điều 26 của Luật Việc
        làm số 74/2025/QH15', 'Thông tư này hướng dẫn … theo quy định tại Nghị định số 45/2021/…'."""
        low = self.ctx.low
        first = next((m for m in ms if m.start >= pos and not m.nested and not m.self_ref and not self.in_quote(m.start)), None)
        if first is None or first.start - pos > 400 or first.start >= s1:
            return []
        gap = low[pos : first.start]
        if re.search(r"[.;:]\s", gap) or self.other_formula(gap, pos) or not _SCOPE_LEAD.search(gap):
            return []
        return self.after(ms, first.start, 0)

    def before(self, ms: list[Mention], pos: int, max_gap: int) -> Mention | None:
        """The mention the trigger's clause is about: the last non-nested one before it, near enough."""
        low = self.ctx.low
        cands = [m for m in ms if m.end <= pos and not m.nested]
        if not cands:
            return None
        m = cands[-1]
        if m.title_end > pos:  # the trigger is inside this mention's subject phrase
            return m
        gap = low[max(m.ext_end, m.end) : pos]
        if len(gap) > max_gap or re.search(r"[;]\s|\.\s", gap):
            return None
        return m

    def doer_before(self, ms: list[Mention], trig: _Trigger, sent: tuple[int, int],
                    title_and: bool = False) -> Mention | None:
        """Who acts in an active clause: a mention right before the trigger, or the text itself."""
        low = self.ctx.low
        if _TASK_GIVEN.search(low[sent[0] : trig.start]):
            return None  # 'Giao Bộ Lao động - Thương binh và Xã hội căn cứ … Nghị định số 60/2022/… hướng dẫn …': a task
        # inside a title, the document named there right before the formula: 'Thông tư liên tịch số 33/2013/… hướng
        # dẫn tổ chức thực hiện Quyết định số 14/2012/QĐ-TTg … sửa đổi, bổ sung … Quyết định số 139/2002/QĐ-TTg'
        inner = [m for m in ms if m.end <= trig.start and m.nested and m.parent_title and m.number is not None
                 and m.parent_title[0] <= trig.start < m.parent_title[1]]
        gap = low[max(inner[-1].ext_end, inner[-1].end) : trig.start] if inner else ""
        if inner and (re.fullmatch(r"[\s,]*(?:(?:da|duoc|cung|ve\s+viec|ve)\s*[,]?\s*)*", gap) or (
                # the second half of one formula: '… Nghị định số 320/2025/… quy định chi tiết một số điều và biện pháp
                # để tổ chức, hướng dẫn thi hành Luật …' (the decree's, not the title's owner's)
                trig.type == "GUIDES" and re.match(r"[\s,]{0,3}quy\s+dinh\s+chi\s+tiet\b[^.;:]{0,80}$", gap))):
            return inner[-1]
        cands = [m for m in ms if m.end <= trig.start and (not m.nested or m.self_ref)]
        if title_and and cands and _AND_BEFORE.search(low, max(0, trig.start - 8), trig.start):
            # '… Thông tư số 96/2015/… hướng dẫn … tại Nghị định số 12/2015/… quy định chi tiết thi hành Luật …, và sửa
            # đổi, bổ sung một số điều của Thông tư số 119/2014/…': a formula joined by 'và' right after the title (with
            # the titles of what it names) is the title's document's
            owner = cands[-1]
            reach = max([owner.title_end] + [m.title_end for m in ms if m.nested and m.parent_title
                                             and owner.end <= m.parent_title[0] and m.parent_title[1] <= owner.title_end])
            if owner.title_end > 0 and reach >= trig.start - 8 and not re.search(r"[.;:]\s", low[owner.end : trig.start]):
                return self.resolve(owner)
        if cands:
            m = cands[-1]
            if m.title_end >= trig.start and m.title_end != -1 and m.ext_end <= trig.start:
                return self.resolve(m)
            gap = low[max(m.ext_end, m.end) : trig.start]
            # (news: 'Nghị định 168/2024/NĐ-CP chính thức thay thế …', 'Nghị định 100/2019/NĐ-CP (thay thế …)'; not
            # '(được sửa đổi, bổ sung Nghị định số …)', a passive without its 'bởi')
            if re.fullmatch(r"[\s,]*\(\s*", gap) or re.fullmatch(
                    r"[\s,]*(?:(?:da|se|duoc|vua|con|cung|chinh\s+thuc|nhu\s+sau|ban\s+hanh|de|nham|ve\s+viec|ve)"
                    r"\s*[,]?\s*)*", gap) or (
                    # 'Thông tư này quy định chi tiết, hướng dẫn thi hành …': one doer for the two formulas
                    trig.type == "GUIDES" and re.fullmatch(r"\s*quy\s+dinh\s+chi\s+tiet\s*(?:,|va)\s*", gap)):
                return self.resolve(m)
            if m.self_ref and _EFFECT_BEFORE_FORMULA.fullmatch(gap):
                return self.resolve(m)
        # the text itself, when the clause opens with the formula ("Điều 1. Sửa đổi, bổ sung …")
        if (self.speaker or self.self_doc) is not None:
            head = low[sent[0] : trig.start]
            head = _LIST_MARKER.sub("", head)
            if _SELF_CLAUSE_HEAD.fullmatch(head):
                return self.own_at(trig.start)
        return None

    # sentence ------------------------------------------------------------------------------------------
    def sentence(self, sent: tuple[int, int], ms: list[Mention], list_items: list[list[Mention]]) -> None:
        """The relations one sentence states; inside a quote, only when the quote's writer is known."""
        q = self.quote_at(sent[0])
        if q is not None:
            if q not in self.owners:
                return
            self.speaker, self.speaking = self.owners[q], q
            try:
                self._sentence(sent, ms, list_items)
            finally:
                self.speaker = self.speaking = None
            return
        self._sentence(sent, ms, list_items)

    def _sentence(self, sent: tuple[int, int], ms: list[Mention], list_items: list[list[Mention]]) -> None:
        low, v = self.ctx.low, self.ctx.v
        s0, s1 = sent
        text = low[s0:s1]
        triggers = self.triggers_in(s0, s1)
        items_first = [it[0] for it in list_items if it]
        carry, self.carry = self.carry, None
        if carry is not None and not low[carry[3] : s0].strip():
            firsts = [m for m in ms if not m.nested and not m.self_ref]
            if (firsts and (firsts[0].start - s0 <= 4 or _PART_REF.fullmatch(low[s0 : firsts[0].start].strip()))
                    and not _LIST_MARKER.match(text)
                    and not any(t.start < firsts[0].start for t in triggers)):
                c_type, c_doer, c0, _ = carry
                o = firsts[0]
                self.add("AMENDS" if _PARTIAL.search(low, s0, o.start) else c_type, c_doer, o, (c0, s1))
                if low[s1 - 1 : s1] == ";":
                    self.carry = (c_type, c_doer, c0, s1)
        shared_doer: Mention | None = None  # the doer of the last active formula with objects in this sentence
        passive_before: tuple[int, Mention | None] | None = None  # the last passive formula here, and its subject
        for trig in triggers:
            if self.in_quote(trig.start):
                continue
            if trig.passive:
                patient = self.before(ms, trig.start, 260)
                head = low[s0 : trig.start]
                if (patient is None and not any(m.start < trig.start for m in ms)
                        and (not _PARTIAL.search(head) or _parts_only(head))  # parts listed: of the one before
                        and not re.search(r"(?<![a-z])nay(?![a-z])", head)):
                    patient = self.before_semicolon(s0, trig.start)  # not 'Khoản 4 Điều này được sửa đổi …'
                if (passive_before is not None and (patient is None or passive_before[0] < patient.start)
                        and _AND_BEFORE.search(low, max(s0, trig.start - 8), trig.start)):
                    # '[Điểm này] được sửa đổi theo … Nghị định số 140/2018/… và được sửa đổi theo … Nghị định số
                    # 04/2023/…': the second formula has the first one's subject, not the document named in between
                    patient = passive_before[1]
                passive_before = (trig.start, patient)

                doers = self.after(ms, trig.end, 60, whole=True)
                if not doers and low[s1 - 1 : s1] == ":":
                    doers = items_first
                if patient is not None and self.ctx.text[trig.start : trig.start + 1].isupper():
                    # a table's cell ('Được …', capitalised) after the object of the title of the row's document: 'Thông
                    # tư số 02/2023/… sửa đổi, bổ sung Điều 1 của Thông tư số 09/2022/… | Được bãi bỏ bởi …' is about
                    # 02/2023 (in running text, '… của Nghị định số 209/2013/… đã được sửa đổi … bởi' is about 209/2013)
                    owner = next((r.source for r in reversed(self.ex.relations) if r.target is patient
                                  and r.type == "AMENDS" and not r.source.self_ref and s0 <= r.source.start < patient.start
                                  and patient.start - max(r.source.end, r.source.ext_end) < 150), None)
                    patient = owner or patient
                type_ = trig.type
                if patient is not None and type_ in ("REPLACES", "REPEALS") and (
                        _PARTS_BEFORE.search(low, max(s0, patient.start - 60), patient.start)
                        or _PARTS_ENDING.search(low, max(patient.end, trig.start - 60), trig.start)):
                    # parts of it: 'Phụ lục 1 ban hành kèm theo Thông tư số 15/2026/… được bãi bỏ …', or a table's
                    # column of the parts right before the formula ('… | Khoản 1 Điều 3 | Được bãi bỏ bởi …')
                    type_ = "AMENDS"
                for d in doers:
                    target = patient
                    if patient is not None and _legislative(d, v) and not _legislative(patient, v):
                        # a law amends a law: '… Nghị định số 85/2024/… quy định chi tiết … Luật Giá số 16/2023/QH15
                        # được sửa đổi, bổ sung bởi Luật số 44/2024/QH15': the law named in the decree's title
                        laws = [m for m in ms if patient.start < m.start and m.end <= trig.start and _legislative(m, v)]
                        target = laws[-1] if laws else None
                    elif patient is not None and not _legislative(d, v) and _legislative(patient, v) and type_ == "AMENDS":
                        # and only a law amends a law: '… Nghị định số 100/2024/… quy định chi tiết … của Luật Nhà ở …,
                        # đã được sửa đổi, bổ sung tại Nghị định số 261/2025/…': the decree whose title names the law
                        # (or that the law follows: '… Nghị định số 63/2023/… quy định chi tiết … Luật Tần số vô tuyến
                        # điện …, được sửa đổi … theo Luật số 09/2022/QH15, được sửa đổi, bổ sung bởi Nghị định số …')
                        texts = [m for m in ms if s0 <= m.start and m.end <= patient.start and not m.self_ref
                                 and not _legislative(m, v) and ";" not in low[m.end : patient.start]]
                        target = texts[-1] if texts else None
                    self.add(type_, self.resolve(d), self.resolve(target) if target else None, sent)
                continue
            # active voice
            if trig.type == "IMPLEMENTS":
                doer = self.doer_before(ms, trig, sent)
                objs = [m for m in self.after(ms, trig.end, 12) if m.type_id in _POLICY_TYPES]
                gap_ok = not re.match(r"\s*theo\b", low[trig.end : trig.end + 8])
                if gap_ok:
                    for o in objs:
                        self.add("IMPLEMENTS", doer, self.resolve(o), sent)
                continue
            # 'và sửa đổi …' after a title is the title's, unless a formula before it in this sentence took objects
            # ('Nghị định này thay thế A … và sửa đổi B': B is this text's)
            title_and = shared_doer is None and trig.type in ("AMENDS", "GUIDES")
            doer = self.doer_before(ms, trig, sent, title_and)
            if doer is None and shared_doer is not None and _AND_BEFORE.search(low, max(s0, trig.start - 12), trig.start):
                doer = shared_doer  # "Thông tư này thay thế Thông tư số A … và bãi bỏ Quyết định số B": one doer
            if doer is None:
                continue
            max_gap = 120 if trig.type in ("AMENDS", "GUIDES") else 60
            objs = self.after(ms, trig.end, max_gap)
            if objs and trig.type in ("AMENDS", "GUIDES"):
                gap = low[trig.end : objs[0].start]
                if trig.type == "GUIDES" and len(gap.strip()) > 12 and _GUIDE_LEAD.search(gap):
                    # the measures to apply laws and ordinances: not what a list goes on with ('… thi hành Luật Phòng,
                    # chống tham nhũng và Nghị định số 134/2021/NĐ-CP …' lists the next basis)
                    objs = [o for o in objs if _legislative(o, v)]
                elif (len(gap.strip()) > 12 and not _OBJECT_LEAD.search(gap) and not _PART_REF.fullmatch(gap.strip())
                        and not _NAMED_BEFORE_NUMBER.fullmatch(gap)):
                    objs = []
            if not objs and trig.type in ("AMENDS", "GUIDES") and (pl := _PARTS_OF.match(low, trig.end)) is not None:
                # a long list of the parts before the document: 'hướng dẫn thi hành khoản 4 Điều 24, khoản 3 Điều 26,
                # …, khoản 6 Điều 84 của Luật Thi đua, khen thưởng'
                objs = self.after(ms, pl.end(), 2)
            if (not objs and trig.type == "GUIDES" and doer is self.self_doc and self.speaker is None
                    and any(m.self_ref and m.end <= trig.start and not low[m.end : trig.start].strip() for m in ms)):
                objs = self.scope_objects(ms, trig.end, s1)  # 'Thông tư này hướng dẫn …', not a task 'hướng dẫn, …
            partial = False
            if not objs and trig.type in ("REPLACES", "REPEALS"):
                objs = self.parts_of(ms, trig.end)
                partial = bool(objs)
            if not objs and low[s1 - 1 : s1] == ":" and trig.type in ("REPLACES", "REPEALS", "AMENDS"):
                objs = items_first
            for oi, o in enumerate(objs):
                type_ = trig.type
                if type_ in ("REPLACES", "REPEALS"):
                    # what stands right before this object: the formula for the first, the conjunction after
                    # the previous object for the others ("Bãi bỏ Nghị định A …; Nghị định B")
                    lead_from = trig.end if oi == 0 else max(objs[oi - 1].ext_end, objs[oi - 1].title_end, objs[oi - 1].end)
                    gap = low[lead_from : o.start]
                    if o in items_first:  # a list item: the lead ('Bãi bỏ một số điều của …:', 'thay thế quy định
                        # về … tại các Nghị định sau:') and what opens the item ('b) Điều 3 Nghị định số …')
                        lead = low[trig.end : s1]
                        gap = lead + " " + low[self.item_start.get(id(o), o.start) : o.start]
                        partial = partial or bool(re.search(r"(?<![a-z])quy\s+dinh(?![a-z])", lead))
                    if partial or _PARTIAL.search(gap):
                        type_ = "AMENDS"  # a partial repeal or replacement amends the parts
                    elif type_ == "REPLACES" and re.search(r"\bbang\b", low[o.ext_end : o.ext_end + 20]):
                        continue  # "thay thế X bằng Y": a wording change, not a replacement of X
                self.add(type_, doer, self.resolve(o), sent)
            if objs and trig.type in ("REPLACES", "REPEALS", "AMENDS"):
                shared_doer = doer
            if objs:
                # what follows ';' continues the last formula that took objects: a repeal or replacement ('the last
                # object's type: 'thay thế nội dung … tại A; B' is partial); after another formula, say in a title
                # ('bãi bỏ Điều 2 Thông tư A sửa đổi Thông tư B …; Thông tư C'), it is not the repeal's
                self.carry = (type_, doer, s0, s1) if trig.type in ("REPLACES", "REPEALS") and low[s1 - 1 : s1] == ";" else None
        # "A hết hiệu lực kể từ ngày B có hiệu lực"
        for m in _EXPIRES.finditer(text):
            pos = s0 + m.start()
            if self.in_quote(pos):
                continue
            after = low[s0 + m.end() : s1]
            doer = None
            fm = _FROM_DAY_DOC_EFFECTIVE.match(after)
            if fm:
                later = [x for x in ms if x.start >= s0 + m.end() + fm.end() and x.start <= s0 + m.end() + fm.end() + 4]
                if later:
                    doer = self.resolve(later[0])
            opened = 0  # where the clause names what expires, after 'Kể từ ngày B có hiệu lực,'
            if doer is None and fm is None and (op := _FROM_DAY_OPENS.match(low, s0)) is not None:
                opener = next((x for x in ms if x.start >= op.end()), None)
                if opener is not None and opener.start - op.end() <= 4 and (
                        eff := _OPENS_EFFECT.match(low, max(opener.end, opener.ext_end))) is not None and eff.end() <= pos:
                    doer, opened = self.resolve(opener), eff.end()
            if (doer is None and fm is None and self.in_effect_article(s0) and not _ALREADY.search(low, max(s0, pos - 12), pos)
                    and not _UNTIL.search(low, s0, pos)):
                # the text's own article on when it takes effect ends what it names: 'Kể từ ngày 01 tháng 01 năm 2024,
                # Thông tư 08/2022/… và Thông tư số 10/2015/… hết hiệu lực thi hành.' (elsewhere a date alone does not
                # say what ended it; 'đã hết hiệu lực' tells, not decides)
                doer = self.own_at(pos)
                if (op := _FROM_DATE_OPENS.match(low, s0)) is not None:
                    opened = op.end()
            if doer is None:
                continue
            patients = [x for x in ms if opened <= x.start and x.end <= pos and not x.nested and not x.self_ref
                        and not self.alias_of_before(ms, x)]
            if not patients and low[s1 - 1 : s1] == ":":
                patients = items_first
            elif patients:
                # the documents listed before the formula, coordinated
                def listed_up_to(last: int, patients: list[Mention] = patients) -> list[Mention]:
                    chosen = [patients[last]]
                    for x in reversed(patients[:last]):
                        if _COORD.match(low[max(x.ext_end, x.title_end) : chosen[0].start]):
                            chosen.insert(0, x)
                        else:
                            break
                    return chosen

                chosen = listed_up_to(len(patients) - 1)
                first_idx = patients.index(chosen[0])
                if first_idx > 0:
                    x = patients[first_idx - 1]
                    if _PASSIVE_AMEND_TAIL.search(low[max(x.ext_end, x.end) : chosen[0].start]):
                        chosen = [x]  # the listed documents amended X; X is what expires
                    elif any(r.source is x and r.target is chosen[0] for r in self.ex.relations):
                        # 'A … và B sửa đổi, bổ sung … A hết hiệu lực': the second A is in B's title; A and B expire
                        chosen = listed_up_to(first_idx - 1)
                patients = chosen
                if patients[0] is next((x for x in ms if not x.nested and not x.self_ref), None):
                    patients = self.joined_before(s0) + patients
            for p in patients:
                # the parts named before it ('… tại Mục 3 Chương III, …, các điều 104, 105, 106, 107, 116 và 117 của
                # Luật …'), back to the document before it in the sentence
                k = bisect.bisect_left(self.all_mentions, p.start, key=lambda x: x.start)
                before = [x for x in self.all_mentions[max(0, k - 4) : k] if x is not p and x.end <= p.start]
                from_ = max(self.sentence_start(p.start), p.start - 150,
                            max((max(x.end, x.ext_end, x.title_end) for x in before), default=0))
                type_ = "AMENDS" if _PARTIAL.search(low, from_, p.start) else "REPLACES"
                self.add(type_, doer, self.resolve(p), sent)

        # "Sau khi Bộ Chính trị ban hành Nghị quyết A …, … ban hành Quyết định B": B implements A
        sk = re.search(r"(?<![a-z])sau\s+khi\b", text)
        if sk:
            first = [x for x in ms if x.start > s0 + sk.end() and not x.nested and not x.self_ref]
            if first and first[0].type_id in ("NghiQuyet", "ChiThi", "KetLuan") and re.search(
                r"ban\s+hanh\s*$", low[s0 + sk.end() : first[0].start]
            ):
                a = first[0]
                rest = [x for x in first[1:] if re.search(r"ban\s+hanh\s*$", low[a.ext_end : x.start])]
                if rest:
                    self.add("IMPLEMENTS", rest[0], a, sent)

    def alias_of_before(self, ms: list[Mention], x: Mention) -> bool:
        """'Nghị định số 55/2023/NĐ-CP … (Nghị định số 55/2023/NĐ-CP)', '(sau đây gọi là Thông tư số 115/2017/…)':
        the short name a text gives a document it has just named, not another mention of it."""
        if x.number is None or not re.search(r"\(\s{0,3}(?:sau\s+day\s+(?:goi|viet)\s+(?:tat\s+)?(?:la\s+)?)?$",
                                             self.ctx.low[max(0, x.start - 30) : x.start]):
            return False
        return any(m.number is not None and m.number.base == x.number.base and m.end <= x.start for m in ms)

    def based_on(self, sent: tuple[int, int], ms: list[Mention], subject: Mention | None) -> None:
        for m in ms:
            if not m.nested and not m.self_ref:
                self.add("BASED_ON", subject, m, sent)


# straight quotes open after a space, '(' or ':' and close after a word ('quy định như sau: "Điều 10. … ./."')
_QUOTE_MARKS = re.compile(r"[“”\"]")  # a straight one counts where _is_quote_mark says


def _is_quote_mark(text: str, i: int) -> bool:
    """A straight quote that opens (at the start, or after a space, '(' or ':', before a non-space) or closes
    (after a non-space); one between two spaces is neither."""
    if i > 0 and not text[i - 1].isspace():
        return True  # closes, or opens after '(' or ':'
    return i + 1 < len(text) and not text[i + 1].isspace()


def _quotes(text: str) -> list[tuple[int, int]]:
    """The spans of quoted text longer than a few words: a provision another text wrote, or wording it changes.
    Inside straight quotes, curly ones are the quoted text's own ('"Điều 10. … b) “Đã hội chẩn …” trong điểm a …"')
    and the other way round."""
    out = []
    start: int | None = None
    kind = ""  # the mark that opened the span: '“' or '"'
    for m in _QUOTE_MARKS.finditer(text):
        g = m.group()
        straight = g == '"'
        if straight and not _is_quote_mark(text, m.start()):
            continue
        opening = g == "“" or (straight and (m.start() == 0 or text[m.start() - 1] in " \t\n(:"))
        if start is None:
            if opening:
                start, kind = m.start(), ('"' if straight else "“")
        elif not opening and (kind == '"') == straight:
            if m.start() - start > 40:
                out.append((start, m.start()))
            start = None
    return out


def _proposers(ctx: _Ctx, ex: Extraction, sent: tuple[int, int], ms: list[Mention]) -> None:
    """'Bộ TT&TT đã xây dựng, tham mưu Thủ tướng ban hành Quyết định X': X PROPOSED_BY Bộ TT&TT."""
    low = ctx.low
    text = low[sent[0] : sent[1]]
    if "tham" not in text and "tri" not in text and "xuat" not in text:
        return  # none of the verbs below can be there (a substring test is cheaper than the pattern)
    # 'trình' the verb ('trình Thủ tướng'), not the noun in 'Khung trình độ', 'chương trình', 'quy trình', 'trình tự'
    for tm in re.finditer(r"(?:tham\s+muu|chu\s+tri\s+xay\s+dung|de\s+xuat|(?<!chuong\s)(?<!quy\s)(?<!cong\s)"
                          r"(?<!lo\s)(?<!tien\s)(?<!khung\s)(?<!to\s)trinh(?!\s+(?:do|tu|bay|dien)\b))\b", text):
        pos = sent[0] + tm.start()
        head = low[max(sent[0], pos - 80) : pos]
        ag = None
        for am in ctx.v.agency_name_re.finditer(head):
            ag = am
        if ag is None:
            continue
        agency = ctx.v.agency_for_name(ag.group())
        tail_docs = [m for m in ms if m.start > pos and not m.nested and not m.self_ref]
        if not tail_docs or agency is None:
            continue
        d = tail_docs[0]
        if re.search(r"ban\s+hanh\b[^.;]{0,30}$", low[pos : d.start]) and d.start - pos < 120 and d.issuer != agency.id:
            ex.proposers.append((d, agency.id, sent))


def _words_at(low: str, pos: int, words: list[str]) -> int | None:
    """Where the words, in order and apart by any white space, end if they are written at pos (what matching
    'w1\\s+w2\\s+…' does, without compiling a pattern per title)."""
    i = pos
    for k, w in enumerate(words):
        if k:
            j = i
            while j < len(low) and low[j].isspace():
                j += 1
            if j == i:
                return None
            i = j
        if not low.startswith(w, i):
            return None
        i += len(w)
    return i


def _find_words(low: str, words: list[str], start: int, end: int) -> int | None:
    """Where the words first stand in low[start:end], in order and apart by any white space."""
    if not words:
        return start
    i = low.find(words[0], start, end)
    while i >= 0:
        e = _words_at(low, i, words)
        if e is not None and e <= end:
            return i
        i = low.find(words[0], i + 1, end)
    return None


def _title_relations(ctx: _Ctx, ex: Extraction, rel: _Relator, mentions: list[Mention], header_end: int) -> None:
    """Relations a full text's title states, with the text itself as the actor."""
    assert ex.self_doc is not None
    title_low = fold_lower(ex.self_doc.title or "")
    if not title_low:
        return
    # the title's first words as printed, whatever the line breaks between them ('… thực hiện \nChỉ thị số …')
    words = title_low.split()
    found = _find_words(ctx.low, words[:7], header_end, len(ctx.low))
    if found is None:
        found = _find_words(ctx.low, words[:7], 0, header_end)  # 'Số: …' under the title
    if found is None:
        return
    pos = found
    whole = _words_at(ctx.low, pos, words)
    end = whole + 1 if whole is not None else pos + len(title_low) + 20
    cc = _LEGAL_BASIS.search(ctx.low, pos + len(title_low) // 2, end)
    if cc is not None:  # the title ends where the legal bases begin: 'Căn cứ Nghị định …' is not in it
        end = cc.start()
    ms = [m for m in mentions if pos <= m.start < end and not m.self_ref]
    for trig in find_triggers(ctx.low, pos, min(end, pos + 200)):
        if trig.passive or trig.start - pos > 60:
            continue
        doer: Mention = ex.self_doc
        named = [m for m in ms if m.end <= trig.start]
        if named:  # 'Về việc đính chính Thông tư số 138/2025/TT-BTC sửa đổi … Thông tư 95/2020 …': the one named acts
            last = named[-1]
            if not re.fullmatch(r"[\s,]{0,3}", ctx.low[max(last.end, last.ext_end) : trig.start]):
                break
            doer = last
        for o in rel.after(ms, trig.end, 120):
            if trig.type == "IMPLEMENTS" and o.type_id not in _POLICY_TYPES:
                continue
            t = trig.type
            if t in ("REPLACES", "REPEALS") and _PARTIAL.search(ctx.low[trig.end : o.start]):
                t = "AMENDS"
            rel.add(t, doer, o, (pos, min(len(ctx.low), end)))
        break

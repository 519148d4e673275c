"""Roles in a clause: who acts and on what, read around a formula — the document right after it and those listed
with it, the one it is about before it, the text itself when the clause opens with the formula, the parts a formula
names on the way to its document, and what 'X này' means where it is written."""

from __future__ import annotations

import bisect
import re

from .context import _Ctx
from .formulas import (
    _ADOPTED,
    _AND_BEFORE,
    _BASIS_LINE,
    _CAN_CU,
    _COORD,
    _EFFECT_BEFORE_FORMULA,
    _IN_EFFECT_BEFORE_FORMULA,
    _OBJECT_LEAD,
    _OTHER_FORMULA,
    _PART_LIST,
    _PARTIAL,
    _PASSIVE_NEXT,
    _PLACED_IN,
    _SCOPE_LEAD,
    _SELF_CLAUSE_HEAD,
    _TASK_GIVEN,
    _parts_only,
    _Trigger,
)
from .quotes import _NOBODY, _Quotes
from .sentences import _LIST_MARKER
from .types import Extraction, Mention

_ISSUERS_FOLLOW = re.compile(r"(?<![a-z])(?:lien\s+bo|lien\s+tich|cac\s+bo)\s*:\s*$")  # '… của liên Bộ:'
_PASSIVE_IN = re.compile(r"(?<![a-z])(?:duoc|bi)\s")


class _Roles:
    """What a clause's roles are filled with: the mentions of the text, its quotes and who wrote them, and the
    document 'X này' means (the text's own, or the writer of the quoted provision being read)."""

    def __init__(self, ctx: _Ctx, ex: Extraction, mentions: list[Mention]) -> None:
        self.ctx = ctx
        self.ex = ex
        self.quotes = _Quotes(ctx, ex.sentences, mentions)
        self.self_doc = ex.base_doc or ex.self_doc  # what "Nghị định này" means
        self.all_mentions = mentions  # every mention, in text order
        self._starts = [m.start for m in mentions]
        self.self_refs = [m for m in mentions if m.self_ref]  # the 'X này' mentions
        self.speaker: Mention | None = None  # the owner of the quote being read
        self.speaking: tuple[int, int] | None = None

    def mentions_in(self, a: int, b: int) -> list[Mention]:
        """The mentions that begin in [a, b), in text order."""
        return self.all_mentions[bisect.bisect_left(self._starts, a) : bisect.bisect_left(self._starts, b)]

    def writer_at(self, pos: int) -> Mention | None:
        """Who wrote the words at pos: the writer of the quoted provision they are in, else the text itself (for a
        consolidated text, the document it consolidates, whose words it reproduces); None when not known."""
        q = self.quote_at(pos)
        if q is not None:
            owner = self.quotes.owners.get(q)
            return None if owner is None or owner is _NOBODY else owner
        return self.ex.base_doc or self.ex.self_doc

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        return self.quotes.at(pos)

    def in_quote(self, pos: int) -> bool:
        """Whether pos is in quoted words: in a quote, or, while a quoted provision is read, in a quote inside it."""
        return self.quotes.holds(pos, self.speaking)

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
        return self.ctx.v.kind_of(m.type_id) == self.ctx.v.kind_of(own.type_id)

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

    def other_formula(self, gap: str, at: int) -> bool:
        """Whether another formula stands in `gap` (the low text from `at`): 'được' and 'dược' both fold to 'duoc',
        and 'thuốc tân dược' (pharmacy) is none."""
        text = self.ctx.text
        return any(m.group() != "duoc" or text[at + m.start()] not in "dD" for m in _OTHER_FORMULA.finditer(gap))

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
        if not cut_by_semicolon and _ISSUERS_FOLLOW.search(self.ctx.low, max(0, s0 - 30), s0):
            # the issuers of a joint text after a colon: 'Thông tư liên tịch số 10/2007/… của liên Bộ: Bộ Lao động …, Bộ
            # Tài chính … hết hiệu lực …'
            i = bisect.bisect_left(self._starts, s0)
            prior = [m for m in self.all_mentions[max(0, i - 3) : i] if not m.nested and not m.self_ref]
            gap = self.ctx.low[max(prior[-1].ext_end, prior[-1].end) : pos] if prior else ""
            named = [m for m in self.all_mentions[i : i + 6] if s0 <= m.start < pos]  # (its title may say 'hướng dẫn')
            return prior[-1] if prior and not named and len(gap) < 400 and not _PASSIVE_IN.search(gap) else None
        if not cut_by_semicolon and not self.ctx.low[s0:pos].lstrip().startswith("-"):
            return None
        i = bisect.bisect_left(self._starts, s0)
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
        i = bisect.bisect_left(self._starts, start)
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
            if (m.self_ref or m.anaphor) and _EFFECT_BEFORE_FORMULA.fullmatch(gap):
                return self.resolve(m)
            # news, where the subject is named: '… số 170/2026/NĐ-CP chính thức có hiệu lực, thay thế …', '… số
            # 175/2026/NĐ-CP quy định về … có hiệu lực từ ngày 01/7/2026, thay thế …', '… số 31/2024/QH15 được Quốc hội
            # thông qua ngày 18/01/2024, thay thế …'
            told = low[max(m.ext_end, m.end, m.title_end) : trig.start]
            if self.ex.self_doc is None and (_IN_EFFECT_BEFORE_FORMULA.fullmatch(told) or _ADOPTED.fullmatch(told)):
                return self.resolve(m)
        # the text itself, when the clause opens with the formula ("Điều 1. Sửa đổi, bổ sung …")
        if (self.speaker or self.self_doc) is not None:
            head = low[sent[0] : trig.start]
            head = _LIST_MARKER.sub("", head)
            if _SELF_CLAUSE_HEAD.fullmatch(head):
                return self.own_at(trig.start)
        return None

    def alias_of_before(self, ms: list[Mention], x: Mention) -> bool:
        """'Nghị định số 55/2023/NĐ-CP … (Nghị định số 55/2023/NĐ-CP)', '(sau đây gọi là Thông tư số 115/2017/…)':
        the short name a text gives a document it has just named, not another mention of it."""
        if x.number is None or not re.search(r"\(\s{0,3}(?:sau\s+day\s+(?:goi|viet)\s+(?:tat\s+)?(?:la\s+)?)?$",
                                             self.ctx.low[max(0, x.start - 30) : x.start]):
            return False
        return any(m.number is not None and m.number.base == x.number.base and m.end <= x.start for m in ms)

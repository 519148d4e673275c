"""The relation grammar: who acts on what in each sentence, from the drafting formulas (`formulas.py`) and the roles
around them (`roles.py`), by family of formula — replace, repeal and expire; amend; guide and implement; legal bases
— with list items, the text's own title, quoted provisions read as their writer's (`quotes.py`), and the bodies that
proposed a text."""

from __future__ import annotations

import bisect
import re

from ..vocab import fold_lower, occurrences
from .context import _Ctx
from .effects import item_effects, relation_effects, suspensions
from .formulas import (
    _ALREADY,
    _AND_BEFORE,
    _ARTICLE_AT,
    _ARTICLE_END,
    _AS_FOLLOWS,
    _BASES_CLOSED,
    _CAN_CU,
    _COORD,
    _EFFECT_HEADING,
    _EXPIRES,
    _FROM_DATE_OPENS,
    _FROM_DAY_DOC_EFFECTIVE,
    _FROM_DAY_OPENS,
    _GUIDE_LEAD,
    _LEGAL_BASIS,
    _LIST_ENDS,
    _NAMED_BEFORE_NUMBER,
    _OBJECT_LEAD,
    _OPENS_EFFECT,
    _OWN_BASES_FOLLOW,
    _PART_REF,
    _PARTIAL,
    _PARTS_BEFORE,
    _PARTS_ENDING,
    _PARTS_OF,
    _PASSIVE_AMEND_TAIL,
    _UNTIL,
    _parts_only,
    _Trigger,
    article_headings,
    find_triggers,
    first_article,
)
from .laws import _constitution_year, _legislative
from .roles import _Roles
from .sentences import _LIST_MARKER, _MARKER_ALONE, _marker_kind
from .types import Extraction, Mention, RawRelation


class _Clauses(_Roles):
    """What every family of formula shares: the relations found so far, the list items, the repeal a ';' carries
    on, and where the text's own article on its effect stands."""

    def __init__(self, ctx: _Ctx, ex: Extraction, mentions: list[Mention]) -> None:
        super().__init__(ctx, ex, mentions)
        self.seen: set[tuple[str, int, int]] = set()
        self.item_start: dict[int, int] = {}  # id(mention) -> start of the list item it opens
        # a repeal or replacement whose sentence ended in ';': the next sentence may name one more object
        # ('Bãi bỏ Thông tư số 17/2016/… ;' / 'Thông tư số 10/2024/… sửa đổi …')
        self.carry: tuple[str, Mention, int, int] | None = None  # type, doer, sentence start and end
        # the articles on when the text takes effect ('Điều 10. Hiệu lực thi hành', 'Điều 27. Điều khoản thi hành')
        self.articles = [(m.start(), bool(_EFFECT_HEADING.match(m.group(1))))
                         for m in article_headings(ctx.low)]

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

    def triggers_in(self, a: int, b: int) -> list[_Trigger]:
        """The formulas in one sentence; scanned only for the sentences that hold a citation (most do not), as
        one pass of the combined pattern over the whole text cost a third of the extraction."""
        # from a little before the sentence, as a formula that begins in the previous line ('quy định chi tiết và
        # hướng dẫn thi hành …') must still hide the shorter one inside it
        return [t for t in find_triggers(self.ctx.low, max(0, a - 80), b) if t.start >= a]

    def in_effect_article(self, pos: int) -> bool:
        """Whether pos is in the text's article on when it takes effect (up to the signature or an appendix)."""
        i = bisect.bisect_right(self.articles, (pos, True)) - 1
        if i < 0 or not self.articles[i][1] or pos - self.articles[i][0] > 4000:
            return False
        return _ARTICLE_END.search(self.ctx.low, self.articles[i][0], pos) is None


class _Passive(_Clauses):
    """The passive formulas, by family: replaced, repealed, amended, guided by."""

    # passive: 'X được thay thế bằng / bãi bỏ bởi / sửa đổi, bổ sung bởi / hướng dẫn bởi Y' ----------------------
    def _passive(self, trig: _Trigger, sent: tuple[int, int], ms: list[Mention], items_first: list[Mention],
                 passive_before: tuple[int, Mention | None] | None) -> tuple[int, Mention | None]:
        """The relations of a passive formula: its subject before it, its doers after it. Returns the formula's place
        and subject, for a second passive joined to it by 'và'."""
        low = self.ctx.low
        s0, s1 = sent
        patient = self._passive_patient(trig, sent, ms, passive_before)
        passive_here = (trig.start, patient)
        doers = self.after(ms, trig.end, 60, whole=True)
        if not doers:  # the items of the list the sentence leads
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
            target = self._passive_target(d, patient, type_, trig, sent, ms) if patient is not None else None
            self.add(type_, self.resolve(d), self.resolve(target) if target else None, sent)
        return passive_here

    def _passive_patient(self, trig: _Trigger, sent: tuple[int, int], ms: list[Mention],
                         passive_before: tuple[int, Mention | None] | None) -> Mention | None:
        """What a passive formula is about: the document before it, or, in a table row a ';' cut, the row's."""
        low = self.ctx.low
        s0 = sent[0]
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
        return patient

    def _passive_target(self, d: Mention, patient: Mention, type_: str, trig: _Trigger, sent: tuple[int, int],
                        ms: list[Mention]) -> Mention | None:
        """What doer d acts on: the subject, unless only a text of another rank can be acted on by d."""
        low, v = self.ctx.low, self.ctx.v
        if _legislative(d, v) and not _legislative(patient, v):
            # a law amends a law: '… Nghị định số 85/2024/… quy định chi tiết … Luật Giá số 16/2023/QH15
            # được sửa đổi, bổ sung bởi Luật số 44/2024/QH15': the law named in the decree's title
            laws = [m for m in ms if patient.start < m.start and m.end <= trig.start and _legislative(m, v)]
            return laws[-1] if laws else None
        if not _legislative(d, v) and _legislative(patient, v) and type_ == "AMENDS":
            # and only a law amends a law: '… Nghị định số 100/2024/… quy định chi tiết … của Luật Nhà ở …,
            # đã được sửa đổi, bổ sung tại Nghị định số 261/2025/…': the decree whose title names the law
            # (or that the law follows: '… Nghị định số 63/2023/… quy định chi tiết … Luật Tần số vô tuyến
            # điện …, được sửa đổi … theo Luật số 09/2022/QH15, được sửa đổi, bổ sung bởi Nghị định số …')
            texts = [m for m in ms if sent[0] <= m.start and m.end <= patient.start and not m.self_ref
                     and not _legislative(m, v) and ";" not in low[m.end : patient.start]]
            return texts[-1] if texts else None
        return patient


def _parts_whose(gap: str) -> str:
    """A list of parts written before a document, without the 'của' that ties it to the document ('khoản 4 Điều 9,
    Điều 38 của Nghị định số …': the parts are that document's)."""
    gap = gap.strip()
    return gap[:-4].rstrip() if gap.endswith(" cua") else gap


class _Active(_Clauses):
    """The active formulas, by family: replace, repeal and amend (and the object a ';' carries on), guide and
    implement."""

    def _carried(self, sent: tuple[int, int], ms: list[Mention], triggers: list[_Trigger]) -> None:
        """One more object of a repeal or replacement whose sentence ended in ';' ('Bãi bỏ Thông tư số 17/2016/… ;' /
        'Thông tư số 10/2024/… sửa đổi …'), when this sentence opens with it, or with a list of its parts ('…; khoản 4
        Điều 9, Điều 38 của Nghị định số 11/2013/NĐ-CP …')."""
        low = self.ctx.low
        s0, s1 = sent
        carry, self.carry = self.carry, None
        if carry is None or low[carry[3] : s0].strip():
            return
        firsts = [m for m in ms if not m.nested and not m.self_ref]
        if (firsts and (firsts[0].start - s0 <= 4 or _PART_REF.fullmatch(_parts_whose(low[s0 : firsts[0].start])))
                and not _LIST_MARKER.match(low[s0:s1])
                and not any(t.start < firsts[0].start for t in triggers)):
            c_type, c_doer, c0, _ = carry
            o = firsts[0]
            self.add("AMENDS" if _PARTIAL.search(low, s0, o.start) else c_type, c_doer, o, (c0, s1))
            if low[s1 - 1 : s1] == ";":
                self.carry = (c_type, c_doer, c0, s1)

    # guide and implement: 'triển khai thực hiện Nghị quyết số 52-NQ/TW' ------------------------------------------
    def _implements(self, trig: _Trigger, sent: tuple[int, int], ms: list[Mention]) -> None:
        """A text carrying out a policy: what it implements must be a policy text (a resolution, a directive …)."""
        doer = self.doer_before(ms, trig, sent)
        objs = [m for m in self.after(ms, trig.end, 12) if m.type_id in self.ctx.v.policy_types]
        if not re.match(r"\s*theo\b", self.ctx.low[trig.end : trig.end + 8]):
            for o in objs:
                self.add("IMPLEMENTS", doer, self.resolve(o), sent)

    # active: 'Nghị định này thay thế / bãi bỏ / sửa đổi, bổ sung / quy định chi tiết …' ---------------------------
    def _active(self, trig: _Trigger, sent: tuple[int, int], ms: list[Mention], items_first: list[Mention],
                shared_doer: Mention | None) -> Mention | None:
        """The relations of an active formula; returns the doer later formulas of the sentence joined by 'và' share."""
        low = self.ctx.low
        s0, s1 = sent
        # 'và sửa đổi …' after a title is the title's, unless a formula before it in this sentence took objects
        # ('Nghị định này thay thế A … và sửa đổi B': B is this text's)
        title_and = shared_doer is None and trig.type in ("AMENDS", "GUIDES")
        doer = self.doer_before(ms, trig, sent, title_and)
        if doer is None and shared_doer is not None and _AND_BEFORE.search(low, max(s0, trig.start - 12), trig.start):
            doer = shared_doer  # "Thông tư này thay thế Thông tư số A … và bãi bỏ Quyết định số B": one doer
        if doer is None:
            return shared_doer
        objs, partial = self._objects(trig, doer, sent, ms, items_first)
        if not objs:
            return shared_doer
        type_ = self._act_on(trig, doer, objs, partial, sent, items_first)
        # what follows ';' continues the last formula that took objects: a repeal or replacement ('the last
        # object's type: 'thay thế nội dung … tại A; B' is partial); after another formula, say in a title
        # ('bãi bỏ Điều 2 Thông tư A sửa đổi Thông tư B …; Thông tư C'), it is not the repeal's
        self.carry = (type_, doer, s0, s1) if trig.type in ("REPLACES", "REPEALS") and low[s1 - 1 : s1] == ";" else None
        return doer if trig.type in ("REPLACES", "REPEALS", "AMENDS") else shared_doer

    def _objects(self, trig: _Trigger, doer: Mention, sent: tuple[int, int], ms: list[Mention],
                 items_first: list[Mention]) -> tuple[list[Mention], bool]:
        """What an active formula acts on, and whether it names parts of it (a repeal of parts amends)."""
        low = self.ctx.low
        s1 = sent[1]
        max_gap = 120 if trig.type in ("AMENDS", "GUIDES") else 60
        objs = self.after(ms, trig.end, max_gap)
        if objs and trig.type in ("AMENDS", "GUIDES"):
            gap = low[trig.end : objs[0].start]
            if trig.type == "GUIDES" and len(gap.strip()) > 12 and _GUIDE_LEAD.search(gap):
                # the measures to apply laws and ordinances: not what a list goes on with ('… thi hành Luật Phòng,
                # chống tham nhũng và Nghị định số 134/2021/NĐ-CP …' lists the next basis)
                objs = [o for o in objs if _legislative(o, self.ctx.v)]
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
        if not objs and trig.type in ("REPLACES", "REPEALS", "AMENDS"):  # the items of the list it leads
            objs = items_first
        return objs, partial

    def _act_on(self, trig: _Trigger, doer: Mention, objs: list[Mention], partial: bool, sent: tuple[int, int],
                items_first: list[Mention]) -> str:
        """The relations of an active formula to its objects; returns the type given to the last one."""
        low = self.ctx.low
        s1 = sent[1]
        type_ = trig.type
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
        return type_


class _Expiry(_Clauses):
    """'A hết hiệu lực kể từ ngày B có hiệu lực': what expires, and which text's taking effect ends it."""

    # expire: 'A hết hiệu lực kể từ ngày B có hiệu lực' ---------------------------------------------------------------
    def _expiries(self, sent: tuple[int, int], ms: list[Mention], items_first: list[Mention]) -> None:
        """'A hết hiệu lực kể từ ngày B có hiệu lực': B replaces A (or amends it, when parts of A expire)."""
        low = self.ctx.low
        s0, s1 = sent
        if low.find("hieu", s0, s1) < 0:
            return  # every match holds 'hieu': most sentences, none
        for m in _EXPIRES.finditer(low[s0:s1]):
            pos = s0 + m.start()
            if self.in_quote(pos):
                continue
            doer, opened = self._expiry_doer(sent, ms, pos, s0 + m.end())
            if doer is None:
                continue
            for p in self._expired(sent, ms, pos, opened, items_first):
                # the parts named before it ('… tại Mục 3 Chương III, …, các điều 104, 105, 106, 107, 116 và 117 của
                # Luật …'), back to the document before it in the sentence
                k = bisect.bisect_left(self._starts, p.start)
                before = [x for x in self.all_mentions[max(0, k - 4) : k] if x is not p and x.end <= p.start]
                from_ = max(self.sentence_start(p.start), p.start - 150,
                            max((max(x.end, x.ext_end, x.title_end) for x in before), default=0))
                type_ = "AMENDS" if _PARTIAL.search(low, from_, p.start) else "REPLACES"
                self.add(type_, doer, self.resolve(p), sent)

    def _expiry_doer(self, sent: tuple[int, int], ms: list[Mention], pos: int, end: int) -> tuple[Mention | None, int]:
        """The text whose taking effect ends what expires at pos, and where the clause names what expires."""
        low = self.ctx.low
        s0, s1 = sent
        doer = None
        fm = _FROM_DAY_DOC_EFFECTIVE.match(low[end:s1])
        if fm:
            later = [x for x in ms if x.start >= end + fm.end() and x.start <= end + fm.end() + 4]
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
        return doer, opened

    def _expired(self, sent: tuple[int, int], ms: list[Mention], pos: int, opened: int,
                 items_first: list[Mention]) -> list[Mention]:
        """What expires at pos: the documents listed before the formula, or the items of the list it leads."""
        low = self.ctx.low
        s0, s1 = sent
        patients = [x for x in ms if opened <= x.start and x.end <= pos and not x.nested and not x.self_ref
                    and not self.alias_of_before(ms, x)]
        if not patients:
            # the document whose title a ';' cut before the formula: 'Thông tư số 09/2017/… Quy định việc tổ chức … tín
            # chỉ;' / 'quy chế kiểm tra, thi, xét công nhận tốt nghiệp hết hiệu lực kể từ ngày Thông tư này có hiệu lực'
            subject = self.before_semicolon(s0, pos) if not any(x.start < pos for x in ms) else None
            return [subject] if subject is not None else items_first

        def listed_up_to(last: int) -> list[Mention]:  # the documents listed before the formula, coordinated
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
        if chosen[0] is next((x for x in ms if not x.nested and not x.self_ref), None):
            return self.joined_before(s0) + chosen
        return chosen


_AFTER_WHEN = re.compile(r"(?<![a-z])sau\s+khi\b")  # 'Sau khi Bộ Chính trị ban hành …'


class _Relator(_Passive, _Active, _Expiry):
    """The relations of one text, read sentence by sentence: each formula by its family, then what expires, then
    what was issued after a policy; legal bases."""

    def sentence(self, sent: tuple[int, int], ms: list[Mention], list_items: list[list[Mention]]) -> None:
        """The relations one sentence states; inside a quote, only when the quote's writer is known."""
        q = self.quote_at(sent[0])
        if q is not None:
            if q not in self.quotes.owners:
                return
            self.speaker, self.speaking = self.quotes.owners[q], q
            try:
                self._sentence(sent, ms, list_items)
            finally:
                self.speaker = self.speaking = None
            return
        self._sentence(sent, ms, list_items)

    def _sentence(self, sent: tuple[int, int], ms: list[Mention], list_items: list[list[Mention]]) -> None:
        """Each formula of the sentence by its family, then what expires, then what was issued after a policy."""
        triggers = self.triggers_in(*sent)
        items_first = [it[0] for it in list_items if it]
        self._carried(sent, ms, triggers)
        shared_doer: Mention | None = None  # the doer of the last active formula with objects in this sentence
        passive_before: tuple[int, Mention | None] | None = None  # the last passive formula here, and its subject
        for trig in triggers:
            if self.in_quote(trig.start):
                continue
            if trig.passive:
                passive_before = self._passive(trig, sent, ms, items_first, passive_before)
            elif trig.type == "IMPLEMENTS":
                self._implements(trig, sent, ms)
            else:
                shared_doer = self._active(trig, sent, ms, items_first, shared_doer)
        self._expiries(sent, ms, items_first)
        self._issued_after(sent, ms)

    def _issued_after(self, sent: tuple[int, int], ms: list[Mention]) -> None:
        """'Sau khi Bộ Chính trị ban hành Nghị quyết A …, … ban hành Quyết định B': B implements A."""
        low = self.ctx.low
        s0, s1 = sent
        sk = _AFTER_WHEN.search(low[s0:s1]) if low.find("sau", s0, s1) >= 0 else None
        if not sk:
            return
        first = [x for x in ms if x.start > s0 + sk.end() and not x.nested and not x.self_ref]
        if first and first[0].type_id in self.ctx.v.policy_statement_types and re.search(
            r"ban\s+hanh\s*$", low[s0 + sk.end() : first[0].start]
        ):
            a = first[0]
            rest = [x for x in first[1:] if re.search(r"ban\s+hanh\s*$", low[a.ext_end : x.start])]
            if rest:
                self.add("IMPLEMENTS", rest[0], a, sent)

    # legal bases: 'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;' ------------------------------------------
    def based_on(self, sent: tuple[int, int], ms: list[Mention], subject: Mention | None) -> None:
        """The documents a legal basis names, and those that amended them ('Căn cứ Luật A số … được sửa đổi, bổ sung bởi
        Luật số …'); not one that the title of another acts on ('Căn cứ Nghị định số 157/2016/NĐ-CP … sửa đổi, bổ sung
        Nghị định số 150/2006/NĐ-CP' is not based on 150/2006)."""
        prev: Mention | None = None
        for m in ms:
            if m.nested or m.self_ref:
                continue
            gap = (max(prev.end, prev.ext_end, prev.title_end), m.title_before if m.title_before >= 0 else m.start) \
                if prev is not None else (0, 0)
            if prev is not None and any(not t.passive for t in find_triggers(self.ctx.low, *gap)):
                continue
            self.add("BASED_ON", subject, m, sent)
            prev = m


def relate(ctx: _Ctx, ex: Extraction, mentions: list[Mention]) -> None:
    """The relations a text states (into `ex.relations` and `ex.proposers`): sentence by sentence, then its title's,
    then, for a consolidated text, what it consolidates."""
    rel = _Relator(ctx, ex, mentions)
    for m in mentions:  # 'Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;': the one that applied that day
        if m.type_id == ctx.v.role("constitution") and m.year is None and m.date is None and not m.self_ref:
            m.year = _constitution_year(ctx.v, rel.writer_at(m.start))
    _read_sentences(ctx, ex, rel, _by_sentence(ex.sentences, mentions))
    # the title of the text itself states relations too: "Sửa đổi, bổ sung một số điều của Nghị định số 38/…"
    title = None
    if ex.self_doc is not None and ex.self_doc.title and ex.base_doc is None:
        title = _title_relations(ctx, ex, rel, mentions, ex.self_doc.end)
    _preamble_proposers(ctx, ex)
    if ex.self_doc is not None and ex.base_doc is not None:
        rel.add("CONSOLIDATES", ex.self_doc, ex.base_doc, (ex.base_doc.start, ex.base_doc.ext_end))
        for r in list(ex.relations):
            if r.type == "AMENDS" and r.target is ex.base_doc and r.source.start < 4000:
                rel.add("CONSOLIDATES", ex.self_doc, r.source, r.sentence)
    relation_effects(rel)  # what each relation does to its target, part by part
    item_effects(rel)
    suspensions(rel, title)


_NONE: list[Mention] = []  # the mentions of a sentence that names none: one list for all, never written to


def _by_sentence(sentences: list[tuple[int, int]], mentions: list[Mention]) -> list[list[Mention]]:
    """The mentions of each sentence (most name none: they share `_NONE`, which nobody changes)."""
    starts = [s for s, _ in sentences]
    per: list[list[Mention]] = [_NONE] * len(sentences)
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0:
            if per[i] is _NONE:
                per[i] = []
            per[i].append(m)
    return per


_CAN_CU_ANYWHERE = re.compile(r"can\s+cu")  # every 'can cu' and every match of _CAN_CU starts one of these


def _to_read(low: str, sentences: list[tuple[int, int]], named: list[int]) -> list[int]:
    """The sentences the walk below must read one by one, in order: those that name a document, end in ':', may
    head a list (an article's heading: 'dieu' within 44 characters of its start or of the one before's, as
    `_heads_a_list` looks) or hold 'can cu'. Every other sentence names nothing, leads nothing and holds no 'can cu'
    (so no `_CAN_CU` either): it ends the legal bases and any text's own bases, which is all it does to the walk.
    `named`: the sentences that name a document, in order."""
    n = len(sentences)
    starts = [a for a, _ in sentences]
    read = set(named)
    read.update(i for i, (_, b) in enumerate(sentences) if low[b - 1] == ":")
    for m in _CAN_CU_ANYWHERE.finditer(low):
        read.add(bisect.bisect_right(starts, m.start()) - 1)
    for p in occurrences(low, "dieu"):  # the sentences starting at most 40 characters before one, and each one after
        for k in range(bisect.bisect_left(starts, p - 40), bisect.bisect_right(starts, p)):
            read.add(k)
            read.add(k + 1)
    read.discard(-1)
    read.discard(n)
    return sorted(read)


def _read_sentences(ctx: _Ctx, ex: Extraction, rel: _Relator, per: list[list[Mention]]) -> None:
    """Each sentence that names a document or leads a list: a legal basis ('Căn cứ …;', going on after ';' until
    'Theo đề nghị của …' closes the bases), or a clause of the body with the items of the list it leads."""
    sentences = ex.sentences
    based_subject: Mention | None = None
    basis_open = False  # a "Căn cứ …;" line continues after ';' with more bases
    # the legal bases open a text, before its first article: a 'Căn cứ' in the body ('Căn cứ theo quy định tại
    # … Luật X thì …', 'Căn cứ tiêu chuẩn quy định tại Điều 18 …') applies a text, it is not this text's basis
    first = first_article(ctx.low)
    body_start = first if first is not None else len(ctx.low)
    full = ctx.low
    last = -1
    named = [i for i, x in enumerate(per) if x is not _NONE]
    for i in _to_read(full, sentences, named):
        if i > last + 1:  # sentences that name nothing, lead nothing and hold no 'can cu' (`_to_read`) came between
            based_subject = None
            basis_open = False
        last = i
        sent = sentences[i]
        ms = per[i] if per[i] is not _NONE else []
        # most sentences name no document and lead no list: read without cutting them out of the text
        leads = full[sent[1] - 1] == ":" or (not ms and _heads_a_list(full, sentences, i))
        if not ms and not leads:
            if full.find("can cu", sent[0], sent[1]) < 0:
                based_subject = None
            if basis_open and not _CAN_CU.match(_LIST_MARKER.sub("", full[sent[0] : sent[1]], count=1)):
                basis_open = False  # 'Theo đề nghị của …;' closes the legal bases
            continue
        low = full[sent[0] : sent[1]]
        body = _LIST_MARKER.sub("", low, count=1).lstrip("“\"' ")  # a quoted basis: “Căn cứ …
        # list items that follow a sentence ending in ':' ("Các Nghị định sau hết hiệu lực …:")
        items = _list_items(ctx, rel, sentences, per, i, named) if leads else []
        in_basis = False
        if ms or items:
            in_basis = bool(_CAN_CU.match(body)) or (basis_open and not _BASES_CLOSED.match(body))
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


# an act on documents it does not name, in an article's heading: 'Điều 1. Bãi bỏ toàn bộ 15 văn bản quy phạm pháp luật'
_ACT_ON_A_LIST = re.compile(r"(?:bai\s+bo|thay\s+the|het\s+hieu\s+luc|cham\s+dut\s+hieu\s+luc)(?![a-z])[^:;]{0,160}$")
_ARTICLE_ALONE = re.compile(r"\s{0,40}dieu\s{1,8}\d{1,3}[a-z]?\s{0,8}\.\s{0,40}$")  # (bounded: searched, a run of spaces is no square)
_ARTICLE_OPENS = re.compile(r"\s{0,40}dieu\s{1,8}\d{1,3}[a-z]?\s{0,8}\.\s*")  # 'Điều 1. ' opening a sentence


def _heads_a_list(low: str, sentences: list[tuple[int, int]], i: int) -> bool:
    """Whether sentence i, an article's heading that names no document, states an act on the numbered list under it
    ('Điều 1. Bãi bỏ toàn bộ 15 văn bản quy phạm pháp luật' / '1. Chỉ thị số 03/2005/CT-BTS …' / '2. …')."""
    a, b = sentences[i]
    if low.find("dieu", a, a + 44) < 0 and (i == 0 or low.find("dieu", sentences[i - 1][0], sentences[i - 1][0] + 44) < 0):
        return False  # both patterns below begin with at most 40 spaces and 'dieu': most sentences hold neither
    head = _ARTICLE_ALONE.fullmatch(low, sentences[i - 1][0], sentences[i - 1][1]) if i > 0 else None
    opening = _ARTICLE_OPENS.match(low, a, b)
    if head is None and opening is None:
        return False
    body = opening.end() if opening else a
    if not _ACT_ON_A_LIST.match(low, body, b):
        return False
    if i + 1 >= len(sentences) or _marker_kind(low[sentences[i + 1][0] : sentences[i + 1][1]]) != "number":
        return False
    # … and the items are the documents, not clauses of their own ('1. Bãi bỏ toàn bộ Thông tư số 55/2015/…')
    j = i + 2 if _MARKER_ALONE.fullmatch(low[sentences[i + 1][0] : sentences[i + 1][1]].strip()) else i + 1
    item = _LIST_MARKER.sub("", low[sentences[j][0] : sentences[j][1]], count=1) if j < len(sentences) else ""
    return not re.match(r"\s*(?:bai\s+bo|thay\s+the|sua\s+doi|bo\s+sung|het\s+hieu\s+luc|dinh\s+chi)(?![a-z])", item)


def _list_items(ctx: _Ctx, rel: _Relator, sentences: list[tuple[int, int]], per: list[list[Mention]],
                i: int, named: list[int]) -> list[list[Mention]]:
    """The items of the list that sentence i leads (it ends in ':'): each item's first document, marked where its
    item starts (`rel.item_start`). Once an item is read and no sentence further on in the list's reach names a
    document, the rest of the list is not read: its items would add no document, and what the caller asks of the list
    is whether it has items and their first documents. `named`: the sentences that name a document, in order."""
    reach = min(i + 40, len(sentences))
    k = bisect.bisect_left(named, reach) - 1
    last_named = named[k] if k >= 0 and named[k] > i else i  # the last sentence within reach naming one
    low = ctx.low[sentences[i][0] : sentences[i][1]]
    sent = sentences[i]
    items: list[list[Mention]] = []
    marker_alone = False  # '1.' split off as a sentence of its own: the item is the next one
    line_head = ctx.low[ctx.low.rfind("\n", 0, sent[0]) + 1 : sent[0]]  # '2. ' when split off the sentence
    lead_kind = _marker_kind(line_head + low)
    first_kind: str | None = None  # how the first item is marked
    cut = False  # an item was cut by a page break and its rest skipped
    for j in range(i + 1, reach):
        if j > last_named and items:
            break  # nothing further on names a document: the items left are empty
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
            rel.item_start[id(m)] = sentences[j][0]
        items.append(firsts)
    return items


# 'trình' the verb ('trình Thủ tướng'), not the noun in 'Khung trình độ', 'chương trình', 'quy trình', 'trình tự'
_PROPOSES = re.compile(r"(?:tham\s+muu|chu\s+tri\s+xay\s+dung|de\s+xuat|(?<!chuong\s)(?<!quy\s)(?<!cong\s)"
                       r"(?<!lo\s)(?<!tien\s)(?<!khung\s)(?<!to\s)trinh(?!\s+(?:do|tu|bay|dien)\b))\b")
_ISSUE_BEFORE_END = re.compile(r"ban\s+hanh\b[^.;]{0,30}$")


def _proposers(ctx: _Ctx, ex: Extraction, sent: tuple[int, int], ms: list[Mention]) -> None:
    """'Bộ TT&TT đã xây dựng, tham mưu Thủ tướng ban hành Quyết định X': X PROPOSED_BY Bộ TT&TT."""
    low = ctx.low
    text = low[sent[0] : sent[1]]
    if "tham" not in text and "tri" not in text and "xuat" not in text:
        return  # none of the verbs below can be there (a substring test is cheaper than the pattern)
    named = [m.start for m in ms if not m.nested and not m.self_ref]
    if not named:
        return  # no document after a verb (below): nothing proposed
    # a verb more than 119 characters before every document named, or after the last, proposes none (below); the
    # verbs cannot overlap one another, so the scan may begin there (in the same slice: what it looks back at is kept)
    for tm in _PROPOSES.finditer(text, max(0, min(named) - 119 - sent[0])):
        pos = sent[0] + tm.start()
        if pos >= max(named):
            break
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
        if _ISSUE_BEFORE_END.search(low[pos : d.start]) and d.start - pos < 120 and d.issuer != agency.id:
            ex.proposers.append((d, agency.id, sent))


# the preamble's 'Theo đề nghị của Bộ trưởng Bộ Tài chính;', before 'Chính phủ ban hành Nghị định …': the body whose
# minister proposed the text; the preamble ends at the first article ('Điều 1.')
_AT_PROPOSAL = re.compile(r"(?<![a-z])theo\s+de\s+nghi\s+cua\s+")
_PROPOSAL_END = re.compile(r"[;.]|\n[ \t]*can\s+cu|(?<![a-z])ban\s+hanh(?![a-z])")


def _preamble_proposers(ctx: _Ctx, ex: Extraction) -> None:
    """'Theo đề nghị của Bộ trưởng Bộ Tài chính;' in the preamble of a text read in full: the text PROPOSED_BY that
    body (each body named, when several propose it together), unless it is the issuer itself ('Theo đề nghị của Vụ
    trưởng Vụ Pháp chế' in a circular names a unit of the ministry that issues it, or no body the vocabulary knows).
    Not in a consolidated text, whose preamble holds the amending texts' own preambles."""
    me = ex.self_doc
    if me is None or ex.base_doc is not None:
        return
    low = ctx.low
    first = first_article(low)
    end = first if first is not None else min(len(low), 6000)
    for m in _AT_PROPOSAL.finditer(low, 0, end):
        stop = _PROPOSAL_END.search(low, m.end(), min(end, m.end() + 300))
        e = stop.start() if stop else min(end, m.end() + 300)
        if stop is not None and stop.group().startswith("ban"):  # '…, Bộ trưởng Bộ X ban hành': the issuer, after ','
            e = max(m.end(), low.rfind(",", m.end(), e))
        seen: list[str] = []
        for am in ctx.v.agency_name_re.finditer(low, m.end(), e):
            ag = ctx.v.agency_for_name(am.group())
            if ag is not None and ag.id != me.issuer and ag.id not in seen:
                seen.append(ag.id)
                ex.proposers.append((me, ag.id, (m.start(), e)))


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


def _title_relations(ctx: _Ctx, ex: Extraction, rel: _Relator, mentions: list[Mention],
                     header_end: int) -> tuple[int, int] | None:
    """Relations a full text's title states, with the text itself as the actor; returns the title's span."""
    assert ex.self_doc is not None
    title_low = fold_lower(ex.self_doc.title or "")
    if not title_low:
        return None
    # the title's first words as printed, whatever the line breaks between them ('… thực hiện \nChỉ thị số …')
    words = title_low.split()
    found = _find_words(ctx.low, words[:7], header_end, len(ctx.low))
    if found is None:
        found = _find_words(ctx.low, words[:7], 0, header_end)  # 'Số: …' under the title
    if found is None:
        return None
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
            if trig.type == "IMPLEMENTS" and o.type_id not in ctx.v.policy_types:
                continue
            t = trig.type
            if t in ("REPLACES", "REPEALS") and _PARTIAL.search(ctx.low[trig.end : o.start]):
                t = "AMENDS"
            rel.add(t, doer, o, (pos, min(len(ctx.low), end)))
        break
    return (pos, min(len(ctx.low), end))

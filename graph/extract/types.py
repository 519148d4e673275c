"""What extraction returns: mentions of documents, the relations and dates of effect a text states."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..clean import CleanText
from ..numbers import Number
from ..vocab import name_base


@dataclass
class Mention:
    """A span of text that cites one document."""

    start: int
    end: int  # end of the type word + number (or name)
    ext_end: int  # end including the date and issuer phrase that follow
    number: Number | None = None
    name: str | None = None  # a law cited by name
    type_id: str | None = None
    type_from_code: bool = False
    date: dt.date | None = None
    year: int | None = None  # issue year when only the year is known (laws by name)
    issuer: str | None = None  # agency id the text states
    title: str | None = None
    title_end: int = -1  # where the subject phrase ends: mentions inside it are nested
    self_ref: bool = False  # "Nghị định này"
    written: str = ""
    nested: bool = False
    parent_title: tuple[int, int] | None = None  # the subject phrase this mention sits in
    # where an amending law's title written before its number begins ('Luật sửa đổi, bổ sung … của Luật A, Luật B số
    # N', the mention begins at 'số'); -1 when none
    title_before: int = -1
    title_dated: bool = False  # its date is the one after its title ('Luật số N sửa đổi, bổ sung … ngày …')
    # a type word with a bare ordinal ('Điều 21 Nghị định số 59'): the ordinal, until the text's document of that type
    # and ordinal named in full is found (then `number` is its)
    short: str | None = None
    # in news, the document just named taken up again by its type word ('… ban hành Nghị định số 100/2019/NĐ-CP … Nghị
    # định có hiệu lực từ …'): a copy of that mention, written as the type word
    anaphor: bool = False
    # a law's name ended by what always follows a name ('ngày', 'số …', a mark), not by a word that may belong to
    # a longer phrase; the resolver shortens an open name to the longest closed name it starts with
    name_closed: bool = True
    # the vocabulary knows the name, or what always follows a name ended it ('ngày', 'số …'), not only a mark (a name
    # ended by a mark may be a phrase that ran on: 'theo Luật X nộp hồ sơ.'; the resolver shortens it to a sure name)
    name_sure: bool = True

    @property
    def base(self) -> str:
        """The key without the issue year, for resolving mentions that lack it."""
        if self.number is not None:
            return self.number.base
        return self.name_base

    @property
    def name_base(self) -> str:
        """The key a law's name gives, whether or not it also has a number."""
        return name_base(self.type_id, self.name or "")

    def key(self) -> str | None:
        """The canonical key when the mention alone determines it; None when it needs resolving."""
        if self.number is not None:
            if self.number.year is None:
                y = self.date.year if self.date else None
                return self.number.key(y) if y else None
            return self.number.base
        if self.year is not None:
            return f"{self.base}@{self.year}"
        return None


@dataclass
class RawEffect:
    """What one sentence does to the target of a relation (issue 25 §2): the kind of effect (`model.EFFECT_KINDS`),
    the parts of the target as ids ('dieu_8/khoan_2'; none: the whole text), as written, the sentence that states it,
    and the date it takes hold where that sentence gives one."""

    kind: str
    parts: list[str]
    written: str | None
    sentence: tuple[int, int]
    date: dt.date | None = None
    until: dt.date | None = None  # the last day the effect holds ('… đến ngày 15 tháng 9 năm 2022')


@dataclass
class RawRelation:
    type: str
    source: Mention
    target: Mention
    sentence: tuple[int, int]
    effects: list[RawEffect] = field(default_factory=list)


@dataclass
class RawEffective:
    """'… có hiệu lực (thi hành) từ ngày …': when a document, or a part of it, takes effect."""

    mention: Mention
    date: dt.date | None
    part: str | None
    rule: str  # date | on_signing | after_days:N | as_reported | until (the last day in force)
    sentence: tuple[int, int]


@dataclass(slots=True)
class RawPart:
    """A part of the text itself (`graph.structure.Part`, flat): its id, kind, label, number, heading, the id of the
    part that holds it, and its span in the clean text."""

    id: str
    kind: str
    label: str
    number: str | None
    heading: str | None
    parent: str | None
    start: int
    end: int


@dataclass
class Extraction:
    """Everything one text states."""

    text: CleanText
    mentions: list[Mention] = field(default_factory=list)
    self_doc: Mention | None = None  # the document the text is
    base_doc: Mention | None = None  # for a consolidated text: the document it consolidates
    relations: list[RawRelation] = field(default_factory=list)
    proposers: list[tuple[Mention, str, tuple[int, int]]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    effective: list[RawEffective] = field(default_factory=list)
    # short references ('Nghị định số 59') the text names in full nowhere, or under several documents: reported
    unresolved: list[tuple[Mention, list[Mention]]] = field(default_factory=list)
    # the parts of a text read in full (one with its own identity: `self_doc`), in text order (`graph.structure`)
    parts: list[RawPart] = field(default_factory=list)

"""Synthetic corpora of N documents, realistic and deterministic for a seed: the graph directly (for the store
benchmarks) and the Vietnamese texts that state it (for the extraction benchmarks).

What is realistic about it, and where the figures come from:

- numbers in the formats issuers write and in proportions close to a national database: decrees
  (42/2022/NĐ-CP), decisions with a year (15/2024/QĐ-TTg) and, most of all, without one (749/QĐ-TTg, a new
  series every year, so one number names a document per year), circulars of many ministries (weighted by how
  often each issues in the Gazette corpus), joint circulars, resolutions of the Government without a year
  (52/NQ-CP), directives, and laws numbered by legislature (59/2020/QH14);
- dates from 1996 to 2025, more in later years; each document takes effect 15 to 60 days after its issue;
- relations in the proportions the Gazette corpus shows (`python -m bench.corpus_eval`: per document, CITES
  1.36, BASED_ON 0.69, AMENDS 0.23, GUIDES 0.075, REPLACES 0.038, REPEALS 0.014, IMPLEMENTS 0.008), scaled so a
  graph of N documents has about 3N relations with ISSUED_BY; replacements form chains of 1 to 5 texts,
  amendments fan out to the texts that are amended often (preferential attachment), guides and based-on edges
  point at laws and decrees; every relation points back in time, from the newer text to the older, and
  carries the sentence that states it.

    python -m bench.synth --size 1000 --texts out_dir/     # writes N .txt files
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Agency, Document, EffectiveClaim, Evidence, Graph, Relation
from graph.numbers import parse
from graph.vocab import vocabulary

# ministries by how often they issue circulars in the Gazette corpus
MINISTRIES = [("BLĐTBXH", 387), ("BTC", 238), ("BKHĐT", 118), ("BNNPTNT", 38), ("BCT", 34), ("BKHCN", 28),
              ("BYT", 22), ("BNV", 18), ("BCA", 18), ("BNNMT", 17), ("NHNN", 15), ("BTNMT", 10), ("BGDĐT", 10),
              ("BTTTT", 9), ("BQP", 7), ("BVHTTDL", 6), ("BGTVT", 5), ("BXD", 4), ("BNG", 3), ("BTP", 3)]
# (kind, weight): the number format of each kind is in `_number`
KINDS = [("nd", 16), ("tt", 22), ("ttlt", 2), ("qd_year", 5), ("qd_ttg", 24), ("qd_bo", 10), ("nq_cp", 8),
         ("ct_ttg", 4), ("luat", 3)]
# relations per document besides ISSUED_BY (the Gazette corpus's proportions, scaled to 2 per document)
REL_RATES = {"CITES": 1.108, "BASED_ON": 0.562, "AMENDS": 0.188 + 0.032, "GUIDES": 0.061, "REPLACES": 0.031,
             "REPEALS": 0.012, "IMPLEMENTS": 0.007}
LEGISLATURES = [(1997, "QH10"), (2002, "QH11"), (2007, "QH12"), (2011, "QH13"), (2016, "QH14"), (2021, "QH15")]
TOPICS = ["quản lý thuế", "bảo hiểm xã hội", "đầu tư công", "giáo dục nghề nghiệp", "an toàn thực phẩm",
          "giao dịch điện tử", "dịch vụ công trực tuyến", "đất đai", "xây dựng", "phòng cháy và chữa cháy",
          "khoa học và công nghệ", "quản lý giá", "đấu thầu", "hải quan", "chuyển đổi số", "y tế cơ sở",
          "bảo vệ môi trường", "giao thông đường bộ", "văn hóa cơ sở", "kiểm toán nội bộ"]


@dataclass(slots=True)
class Doc:
    key: str
    number: str
    type_id: str
    issuer: str
    date: dt.date
    effective: dt.date
    title: str
    topic: str
    co_issuers: tuple[str, ...] = ()


@dataclass
class Corpus:
    """Documents in date order and relations (type, source index, target index), targets always older."""

    docs: list[Doc] = field(default_factory=list)
    rels: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def relation_count(self) -> int:
        return len(self.rels) + sum(1 + len(d.co_issuers) for d in self.docs)  # and ISSUED_BY each issuer


def _legislature(year: int) -> str:
    i = bisect.bisect_right([y for y, _ in LEGISLATURES], year) - 1
    return LEGISLATURES[max(i, 0)][1]


def _below_rank(d: Doc, other: Doc) -> bool:
    """An individual decision (numbered without a year: its key carries the issue year, '749/QD-TTG@2020') does not
    change a normative text (numbered with one)."""
    return "@" in d.key and "@" not in other.key


def _number(kind: str, n: int, year: int, m1: str, m2: str) -> tuple[str, str, str, tuple[str, ...]]:
    """(number, type id, issuer, co-issuers) as the issuer writes them; m1, m2: ministries drawn for it."""
    if kind == "nd":
        return f"{n}/{year}/NĐ-CP", "NghiDinh", "CP", ()
    if kind == "tt":
        return f"{n}/{year}/TT-{m1}", "ThongTu", m1, ()
    if kind == "ttlt":
        return f"{n}/{year}/TTLT-{m1}-{m2}", "ThongTuLienTich", m1, (m2,)
    if kind == "qd_year":
        return f"{n}/{year}/QĐ-TTg", "QuyetDinh", "TTg", ()
    if kind == "qd_ttg":
        return f"{n}/QĐ-TTg", "QuyetDinh", "TTg", ()
    if kind == "qd_bo":
        return f"{n}/QĐ-{m1}", "QuyetDinh", m1, ()
    if kind == "nq_cp":
        return f"{n}/NQ-CP", "NghiQuyet", "CP", ()
    if kind == "ct_ttg":
        return f"{n}/CT-TTg", "ChiThi", "TTg", ()
    return f"{n}/{year}/{_legislature(year)}", "Luat", "QH", ()


_M_NAMES = [m for m, _ in MINISTRIES]
_M_CUM = [sum(w for _, w in MINISTRIES[: i + 1]) for i in range(len(MINISTRIES))]


def _ministry(rnd: random.Random) -> str:
    return _M_NAMES[bisect.bisect_left(_M_CUM, rnd.random() * _M_CUM[-1])]


def _title(type_id: str, topic: str, rnd: random.Random) -> str:
    if type_id == "Luat":
        return topic.upper()  # under the type line "LUẬT", as the Gazette prints it
    return rnd.choice(["Quy định chi tiết một số điều về ", "Hướng dẫn thực hiện chính sách về ",
                       "Ban hành quy chế ", "Phê duyệt đề án ", "Về tăng cường "]) + topic


def generate(n: int, seed: int = 7) -> Corpus:
    """N documents and about 2N relations between them (plus one ISSUED_BY each), deterministic for `seed`."""
    rnd = random.Random(seed)
    years = list(range(1996, 2026))
    year_w = [1 + (y - 1996) for y in years]  # more documents in later years
    kinds = [k for k, _ in KINDS]
    kind_w = [w for _, w in KINDS]
    per_year = rnd.choices(years, year_w, k=n)
    per_kind = rnd.choices(kinds, kind_w, k=n)
    days = [rnd.randrange(365) for _ in range(n)]
    raw = sorted(zip(per_year, days, per_kind, strict=True))
    counters: dict[tuple[str, int, str], int] = {}
    c = Corpus()
    for year, day, kind in raw:
        date = dt.date(year, 1, 1) + dt.timedelta(days=day)
        m1 = _ministry(rnd)
        m2 = _ministry(rnd)
        while m2 == m1:
            m2 = _ministry(rnd)
        _, _, issuer, _ = _number(kind, 0, year, m1, m2)
        series = (kind, year, issuer)  # a series per kind, year and issuer: numbers without a year restart
        counters[series] = counters.get(series, 0) + 1
        number, type_id, issuer, co = _number(kind, counters[series], year, m1, m2)
        key = parse(number).key(year)
        topic = rnd.choice(TOPICS)
        c.docs.append(Doc(key, number, type_id, issuer, date, date + dt.timedelta(days=rnd.randint(15, 60)),
                          _title(type_id, topic, rnd), topic, co))
    _relations(c, rnd)
    return c


def _relations(c: Corpus, rnd: random.Random) -> None:
    by_type: dict[str, list[int]] = {}
    popular: list[int] = []  # targets already acted on: fans of amendments, much-cited laws
    heads: dict[tuple[str, str], list[int]] = {}  # documents not (yet) replaced, by (type, issuer)
    chain_len: dict[int, int] = {}
    seen: set[tuple[str, int, int]] = set()

    def pick(pool: list[int] | None, before: int) -> int | None:
        if not pool:
            return None
        hi = bisect.bisect_left(pool, before)
        if hi == 0:
            return None
        if popular and rnd.random() < 0.4:
            j = popular[rnd.randrange(len(popular))]
            if j < before and (pool is by_type.get(c.docs[j].type_id) or pool is None):
                return j
        return pool[rnd.randrange(hi)]

    laws_decrees: list[int] = []
    for i, d in enumerate(c.docs):
        older_same = by_type.get(d.type_id)
        for rel, rate in REL_RATES.items():
            k = int(rate) + (1 if rnd.random() < rate - int(rate) else 0)
            for _ in range(k):
                j: int | None
                if rel == "REPLACES":
                    hs = heads.get((d.type_id, d.issuer))
                    if not hs:
                        continue
                    j = hs[rnd.randrange(len(hs))]
                    if chain_len.get(j, 1) >= 5 or _below_rank(d, c.docs[j]):
                        continue
                    hs.remove(j)
                    chain_len[i] = chain_len.get(j, 1) + 1
                elif rel in ("AMENDS", "REPEALS"):
                    j = pick(older_same, i)
                    if j is not None and _below_rank(d, c.docs[j]):
                        continue
                elif rel in ("BASED_ON", "GUIDES"):
                    if d.type_id == "Luat" or (rel == "GUIDES" and d.type_id not in ("ThongTu", "NghiDinh", "ThongTuLienTich")):
                        continue
                    j = laws_decrees[rnd.randrange(len(laws_decrees))] if laws_decrees else None
                elif rel == "IMPLEMENTS":
                    if d.type_id not in ("QuyetDinh", "ChiThi"):
                        continue
                    j = pick(by_type.get("NghiQuyet"), i)
                else:
                    j = rnd.randrange(i) if i and rnd.random() < 0.6 else (popular[rnd.randrange(len(popular))]
                                                                        if popular else None)
                if j is None or j >= i or c.docs[j].date >= d.date or (rel, i, j) in seen:
                    continue
                seen.add((rel, i, j))
                c.rels.append((rel, i, j))
                if rel in ("AMENDS", "CITES", "BASED_ON") and rnd.random() < 0.3:
                    popular.append(j)
        by_type.setdefault(d.type_id, []).append(i)
        heads.setdefault((d.type_id, d.issuer), []).append(i)
        if d.type_id in ("Luat", "NghiDinh"):
            laws_decrees.append(i)
    # a text that names another in a typed relation does not also merely cite it
    typed = {(i, j) for rel, i, j in c.rels if rel != "CITES"}
    c.rels = [r for r in c.rels if r[0] != "CITES" or (r[1], r[2]) not in typed]


# ---------------------------------------------------------------------------------------------------------
# sentences and texts

_REL_SENTENCE = {
    "REPLACES": "{self} này thay thế {other}.",
    "REPEALS": "{self} này bãi bỏ {other}.",
    "AMENDS": "{self} này sửa đổi, bổ sung một số điều của {other}.",
    "GUIDES": "{self} này hướng dẫn thi hành {other}.",
    "IMPLEMENTS": "{self} này triển khai thực hiện {other}.",
    "BASED_ON": "Căn cứ {other};",
    "CITES": "Các nội dung khác thực hiện theo quy định tại {other}.",
}


def _vi_date(d: dt.date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def _type_name(type_id: str) -> str:
    return vocabulary().doc_types[type_id].name


def _cite(d: Doc) -> str:
    """How a text names another: 'Nghị định số 43/2011/NĐ-CP ngày 13 tháng 06 năm 2011 của Chính phủ'."""
    return f"{_type_name(d.type_id)} số {d.number} {_vi_date(d.date)} của {vocabulary().agencies[d.issuer].name}"


def sentence(c: Corpus, rel: str, i: int, j: int) -> str:
    return _REL_SENTENCE[rel].format(self=_type_name(c.docs[i].type_id), other=_cite(c.docs[j]))


def text(c: Corpus, i: int, out_rels: list[tuple[str, int]]) -> str:
    """The document as the Gazette prints it: issuer, number, place and date, type, title, the legal bases,
    articles stating its relations, and the article on its effect."""
    d = c.docs[i]
    v = vocabulary()
    issuer = v.agencies[d.issuer].name.upper()
    type_name = _type_name(d.type_id)
    lines = [issuer, f"Số: {d.number}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             f"Hà Nội, {_vi_date(d.date)}", type_name.upper(), d.title, ""]
    lines += [sentence(c, "BASED_ON", i, j) for rel, j in out_rels if rel == "BASED_ON"]
    lines.append(f"{v.agencies[d.issuer].name} ban hành {type_name}.")
    art = 1
    lines.append(f"Điều {art}. Phạm vi điều chỉnh")
    lines.append(f"{type_name} này quy định về {d.topic}.")
    for rel, j in out_rels:
        if rel == "BASED_ON":
            continue
        art += 1
        lines.append(f"Điều {art}. Quy định liên quan")
        lines.append(sentence(c, rel, i, j))
    art += 1
    lines.append(f"Điều {art}. Hiệu lực thi hành")
    lines.append(f"{type_name} này có hiệu lực thi hành kể từ {_vi_date(d.effective)}.")
    return "\n".join(lines) + "\n"


def texts(c: Corpus, limit: int | None = None) -> Iterator[tuple[str, str]]:
    """(file name, text) for the first `limit` documents (all by default)."""
    out: dict[int, list[tuple[str, int]]] = {}
    for rel, i, j in c.rels:
        out.setdefault(i, []).append((rel, j))
    for i in range(len(c.docs) if limit is None else min(limit, len(c.docs))):
        yield f"synth-{i:07d}.txt", text(c, i, out.get(i, []))


# ---------------------------------------------------------------------------------------------------------
# the graph directly

def graphs(c: Corpus, chunk: int = 50_000) -> Iterator[Graph]:
    """The graph in chunks of `chunk` documents with their outgoing relations (a chunk's targets are in it or
    in an earlier chunk), built without validation (the values are made here, to the model's types)."""
    v = vocabulary()
    out: dict[int, list[tuple[str, int]]] = {}
    for rel, i, j in c.rels:
        out.setdefault(i, []).append((rel, j))
    agencies = {a: Agency(id=a, name=v.agencies[a].name, name_en=v.agencies[a].name_en)
                for a in {d.issuer for d in c.docs} | {x for d in c.docs for x in d.co_issuers}}
    for lo in range(0, len(c.docs), chunk):
        g = Graph()
        g.agencies = dict(agencies)
        for i in range(lo, min(lo + chunk, len(c.docs))):
            d = c.docs[i]
            src = f"synth-{i:07d}.txt"
            head = f"Số: {d.number}"
            eff_sentence = f"{_type_name(d.type_id)} này có hiệu lực thi hành kể từ {_vi_date(d.effective)}."
            claim = EffectiveClaim.model_construct(date=d.effective, part=None, rule="date",
                                                   evidence=Evidence.model_construct(source=src, sentence=eff_sentence,
                                                                                     start=400, end=400 + len(eff_sentence)))
            g.documents[d.key] = Document.model_construct(
                key=d.key, number=d.number, name=None, type=_type_name(d.type_id), type_id=d.type_id, issuer=d.issuer,
                co_issuers=list(d.co_issuers), date=d.date, year=d.date.year, title=d.title,
                evidence=[Evidence.model_construct(source=src, sentence=head, start=0, end=len(head))], mentions=1,
                effective=d.effective, expires=None, effective_claims=[claim], effective_conflicts=[])
            ev = Evidence.model_construct(source=src, sentence=head, start=0, end=len(head))
            for a in (d.issuer, *d.co_issuers):
                g.relations[Graph.rel_key("ISSUED_BY", d.key, a)] = Relation.model_construct(
                    type="ISSUED_BY", source=d.key, target=a, evidence=[ev])
            pos = 200
            for rel, j in out.get(i, []):
                s = sentence(c, rel, i, j)
                tgt = c.docs[j].key
                g.relations[Graph.rel_key(rel, d.key, tgt)] = Relation.model_construct(
                    type=rel, source=d.key, target=tgt,
                    evidence=[Evidence.model_construct(source=src, sentence=s, start=pos, end=pos + len(s))])
                pos += len(s) + 1
        yield g


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--texts", type=Path, default=None, help="write the texts into this folder")
    a = ap.parse_args()
    c = generate(a.size, a.seed)
    print(f"{len(c.docs)} documents, {c.relation_count} relations")
    if a.texts:
        a.texts.mkdir(parents=True, exist_ok=True)
        for name, t in texts(c):
            (a.texts / name).write_text(t, encoding="utf-8")


if __name__ == "__main__":
    main()

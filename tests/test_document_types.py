"""The classes of document type are data (`ontology/document_types.tsv`), read through the vocabulary; the extractor
and the resolver name no type id of their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.vocab import vocabulary

from .conftest import ROOT

# type id -> (kind, legislative, policy, issuer of a text cited by name, role, joint_of)
TYPES = [
    ("HienPhap", "normative", True, "", "QH", "constitution", ""),
    ("BoLuat", "normative", True, "", "QH", "code", ""),
    ("Luat", "normative", True, "", "QH", "law", ""),
    ("PhapLenh", "normative", True, "", "UBTVQH", "", ""),
    ("NghiDinh", "normative", False, "", "", "", ""),
    ("ThongTu", "normative", False, "", "", "", ""),
    ("ThongTuLienTich", "normative", False, "", "", "", "ThongTu"),
    ("NghiQuyet", "individual", False, "statement", "", "", ""),
    ("ChiThi", "individual", False, "statement", "", "", ""),
    ("KetLuan", "individual", False, "statement", "", "", ""),
    ("QuyetDinh", "individual", False, "programme", "", "", ""),
    ("KeHoach", "individual", False, "programme", "", "", ""),
    ("CongDien", "individual", False, "", "", "", ""),
    ("CongVan", "individual", False, "", "", "letter", ""),
    ("VanBanHopNhat", "", False, "", "", "consolidated", ""),
    ("VanBan", "", False, "", "", "unknown", ""),
    ("ThongBao", "", False, "", "", "", ""),
]


@pytest.mark.parametrize(("type_id", "kind", "legislative", "policy", "issuer", "role", "joint_of"), TYPES)
def test_type_classes(type_id: str, kind: str, legislative: bool, policy: str, issuer: str, role: str,
                      joint_of: str) -> None:
    v = vocabulary()
    t = v.doc_types[type_id]
    assert (t.kind, t.legislative, t.policy, t.issuer, t.role, t.joint_of) == (
        kind, legislative, policy, issuer, role, joint_of)
    assert (type_id in v.normative_types) == (kind == "normative")
    assert (type_id in v.individual_types) == (kind == "individual")
    assert (type_id in v.legislative_types) == legislative
    assert (type_id in v.policy_types) == bool(policy)
    if role:
        assert v.role(role) == type_id
    assert v.kind_of(type_id) == (joint_of or type_id)
    if issuer:
        assert issuer in v.agencies


def test_every_role_is_played_once() -> None:
    v = vocabulary()
    assert set(v.roles) == {"law", "code", "constitution", "consolidated", "letter", "unknown"}
    assert len(set(v.roles.values())) == len(v.roles)


def test_no_type_id_literal_in_extraction_or_resolution() -> None:
    """A new type, or a type that changes class, is a line of data: no code tests a type by its id."""
    ids = set(vocabulary().doc_types)
    files = sorted((ROOT / "graph" / "extract").glob("*.py")) + [ROOT / "graph" / "resolve.py"]
    assert len(files) >= 10
    found = []
    for f in files:
        for n, line in enumerate(Path(f).read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            for lit in re.findall(r"""["']([A-Za-z]+)["']""", code):
                if lit in ids:
                    found.append(f"{f.name}:{n}: {lit}")
    assert not found, found


# (type, issuer) -> (rank, types of a higher rank it may change): ontology/ranks.tsv
RANKS = [
    ("HienPhap", "QH", 1, ()), ("Luat", "QH", 2, ()), ("Luat", None, 2, ()), ("NghiQuyet", "QH", 2, ("HienPhap",)),
    ("PhapLenh", "UBTVQH", 3, ()), ("NghiQuyet", "UBTVQH", 3, ()), ("NghiDinh", "CP", 5, ()), ("NghiQuyet", "CP", 5, ()),
    ("QuyetDinh", "TTg", 6, ()), ("ThongTu", "BTC", 8, ()), ("ThongTuLienTich", "BTC", 8, ()),
    ("NghiQuyet", "BoChinhTri", "party", ()), ("ChiThi", "TW", "party", ()),
    ("QuyetDinh", "BTC", None, ()), ("NghiQuyet", None, None, ()), ("KeHoach", "CP", None, ()),
]


@pytest.mark.parametrize(("type_id", "issuer", "rank", "also"), RANKS)
def test_ranks(type_id: str, issuer: str | None, rank: int | str | None, also: tuple[str, ...]) -> None:
    assert vocabulary().rank_of(type_id, issuer) == (rank, also)


def test_typed_label_names_the_type_once() -> None:
    """A document as the command line heads it: its type and number; a name that opens with its type word alone
    ('Bộ luật ISPS', not 'Bộ luật Bộ luật ISPS')."""
    from graph.model import Document

    def doc(**kw: str) -> Document:
        return Document(key=kw.pop("key"), type=kw.pop("type"), type_id="x", **kw)  # type: ignore[arg-type]

    assert doc(key="42/2022/ND-CP", number="42/2022/NĐ-CP", type="Nghị định").typed_label == "Nghị định 42/2022/NĐ-CP"
    assert doc(key="BO-LUAT/isps", name="Bộ luật ISPS", type="Bộ luật").typed_label == "Bộ luật ISPS"
    assert doc(key="LUAT/du-lich", name="Luật Du lịch", type="Luật").typed_label == "Luật Du lịch"
    assert doc(key="BO-LUAT/x", name="Luật mẫu", type="Bộ luật").typed_label == "Bộ luật Luật mẫu"

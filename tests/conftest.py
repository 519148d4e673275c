"""Shared fixtures: paths to the in-repo fixtures (tests never read ../shared)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"
GAZETTE = FIXTURES / "congbao"


def gazette_rows() -> list[dict[str, str]]:
    with (GAZETTE / "numbers.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", fieldnames=["slug", "type", "number", "number_in_text"]))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gazette_dir() -> Path:
    return GAZETTE

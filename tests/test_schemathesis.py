"""schemathesis over the service's own OpenAPI: no 5xx, no response outside the documented schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app.api.main import create_app
from app.api.settings import Settings
from graph.pipeline import extract_paths
from graph.stores.memory import MemoryStore

from .conftest import SEEDS

_store = MemoryStore()
_store.upsert(extract_paths([SEEDS]))
app = create_app(Settings(api_key="schemathesis-key", store=str(Path("unused"))), store=_store)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi(case: schemathesis.Case) -> None:
    # a SPARQL query is a string to OpenAPI: a random string is schema-valid yet not SPARQL, and is rightly a 400
    excluded = [schemathesis.checks.positive_data_acceptance] if case.path == "/sparql" else []
    case.call_and_validate(excluded_checks=excluded)


def test_schema_has_every_endpoint() -> None:
    ops = {op.path for op in (r.ok() for r in schema.get_all_operations())}
    assert {"/documents", "/documents/{ref}", "/documents/{ref}/replaced-by", "/agencies", "/graph", "/ask",
            "/ingest", "/health", "/ready"} <= ops
    assert pytest is not None

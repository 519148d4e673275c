"""Service settings, from the environment (prefix LEXGRAPH_) or a `.env` file; secrets also from files."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import StoreError
from graph.stores import is_neo4j_uri


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEXGRAPH_", env_file=".env", extra="ignore")

    store: str = Field(default=".lexgraph/graph.lexgraph",
                       description="Embedded store file, or a Neo4j URI (bolt://, neo4j://, neo4j+s://).")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_password_file: Path | None = None
    neo4j_database: str | None = None
    api_key: SecretStr | None = Field(default=None, description="Key for POST /ingest; without one, ingest is off.")
    api_key_file: Path | None = None
    base_iri: str = Field(default="https://lexgraph.org/eli/", description="Base of document IRIs in linked data.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed by CORS (none by default).")
    host: str = "127.0.0.1"
    port: int = 8000
    max_body_bytes: int = 20 * 1024 * 1024
    max_query_bytes: int = 32 * 1024
    max_header_bytes: int = Field(default=64 * 1024, ge=1024,
                                  description="The request line and headers, together; beyond: 431 (or 414).")
    sparql_row_limit: int = 1000
    sparql_time_limit: float = Field(default=10.0, gt=0, description="Seconds a query may take, its wait included.")
    sparql_concurrency: int = Field(default=1, ge=1, description="Query workers (each holds the graph).")
    sparql_queue: int = Field(default=8, ge=0, description="Queries waiting for a worker; beyond: 429.")
    sparql_memory_mb: int = Field(default=2048, ge=256, description="Address space of a query worker, MiB.")
    export_concurrency: int = Field(default=1, ge=1, description="Exports made at once; beyond: 503.")
    export_memory_mb: int = Field(default=2048, ge=256, description="Address space of the process making one, MiB.")
    export_time_limit: float = Field(default=600.0, gt=0, description="Seconds an export may take to make.")
    ingest_queue: int = Field(default=256, ge=0, description="Ingests waiting to write while one writes; beyond: "
                                                         "503 with Retry-After.")
    export_dir: Path | None = Field(default=None, description="Where exports are kept (default: beside the store "
                                                              "file; a temporary folder for Neo4j).")

    @field_validator("base_iri")
    @classmethod
    def _slash(cls, v: str) -> str:
        return v if v.endswith(("/", "#")) else v + "/"

    @staticmethod
    def _secret(value: SecretStr | None, file: Path | None, name: str) -> str | None:
        if value is not None and value.get_secret_value():
            return value.get_secret_value()
        if file is not None:
            try:
                return file.expanduser().read_text(encoding="utf-8").rstrip("\r\n") or None
            except OSError as e:
                raise StoreError(f"cannot read LEXGRAPH_{name}_FILE: {e.strerror}") from None
        return None

    def neo4j_password_value(self) -> str | None:
        return self._secret(self.neo4j_password, self.neo4j_password_file, "NEO4J_PASSWORD")

    def api_key_value(self) -> str | None:
        return self._secret(self.api_key, self.api_key_file, "API_KEY")

    @property
    def uses_neo4j(self) -> bool:
        return is_neo4j_uri(self.store)

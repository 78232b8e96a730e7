"""The one settings object. Every field can be set as KZWATCH_<FIELD> in the environment."""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KZWATCH_", extra="ignore")

    documents: Path = Field(PROJECT_ROOT / "seeds" / "documents",
                            description="folder of source documents (searched recursively)")
    warehouse: Path = Field(PROJECT_ROOT / "warehouse" / "kzwatch.duckdb",
                            description="published DuckDB file")
    keep: int = Field(3, ge=0, description="previous snapshots kept in warehouse/history/")
    batch_size: int = Field(25, ge=1, description="documents per Prefect task")
    max_document_bytes: int = Field(20_000_000, ge=1,
                                    description="larger files are recorded as errors, not read")
    patterns: tuple[str, ...] = ("*.txt", "*.md", "*.text")


def get_settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})

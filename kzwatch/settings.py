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
    document_timeout_seconds: float = Field(
        300, ge=0, description="time budget to read, clean and extract one document; a document "
        "over it becomes an error row (reason 'timeout: ...') and the run goes on (0: no budget)")
    max_removed_share: float = Field(
        0.5, ge=0, le=1, description="a run that would remove more than this share of the "
        "documents in the published snapshot stops (an empty or unmounted folder?)")
    allow_mass_removal: bool = Field(False, description="remove documents past max_removed_share")
    patterns: tuple[str, ...] = ("*.txt", "*.md", "*.text", "*.html", "*.htm", "*.pdf")
    # Prefect task options (flows/etl.py)
    task_timeout_seconds: float = Field(
        1800, ge=0, description="time limit of every Prefect task (discover, fingerprint, "
        "validate, load, publish); an extraction batch gets this plus its documents' budgets "
        "(document_timeout_seconds each). A task over it fails the run (0: no limit)")
    task_retries: int = Field(2, ge=0, description="retries of a reading, loading or publishing "
                              "task that failed on an I/O error (OSError)")
    task_retry_delay_seconds: float = Field(
        10, ge=0, description="wait before the first retry; doubled before each next one")
    timezone: str = Field("Asia/Almaty", description="time zone of flow run names "
                          "(the deployment's schedule is in Asia/Almaty)")


def get_settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})

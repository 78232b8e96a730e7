"""The one settings object. Every field can be set as KZWATCH_<FIELD> in the environment."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KZWATCH_", extra="ignore")

    documents: Path = Field(PROJECT_ROOT / "seeds" / "documents",
                            description="folder of source documents (searched recursively)")
    warehouse: Path = Field(PROJECT_ROOT / "warehouse" / "kzwatch.duckdb",
                            description="published DuckDB file")
    keep: int = Field(3, ge=0, description="previous snapshots kept in warehouse/history/")
    batch_size: int = Field(100, ge=1, description="most documents per extraction task (a "
                            "run makes about 4 batches per core, each no larger)")
    max_document_bytes: int = Field(20_000_000, ge=1,
                                    description="larger files are recorded as errors, not read")
    document_timeout_seconds: float = Field(
        300, ge=0, description="time budget to read, clean and extract one document; a document "
        "over it becomes an error row (reason 'timeout: ...') and the run goes on (0: no budget)")
    max_removed_share: float = Field(
        0.5, ge=0, le=1, description="a run that would remove more than this share of the "
        "documents in the published snapshot stops (an empty or unmounted folder?)")
    allow_mass_removal: bool = Field(False, description="remove documents past max_removed_share")
    patterns: tuple[str, ...] = ("*.txt", "*.md", "*.text", "*.html", "*.htm", "*.pdf",
                                 "*.docx")
    duckdb_memory_limit: str = Field(
        "512MB", description="most memory DuckDB may use in a run's connections (loading, the run "
        "summary, the report); a larger join spills to the temporary folder instead")
    report: Literal["background", "inline", "off"] = Field(
        "background", description="the static HTML report beside the warehouse "
        "(report/index.html), rebuilt after a run that changed the snapshot: by a detached "
        "process after the run (background: drawing the charts takes seconds), in the run "
        "(inline), or not (off). true and false, its earlier values, mean background and off")
    report_max_charts: int = Field(
        100, ge=0, description="survey questions the report draws as charts; the others "
        "show their table only (drawing costs 20-50 ms a chart)")
    data_docs: Literal["background", "inline", "off"] = Field(
        "background", description="GX Data Docs of each run's validation (data_docs/ beside "
        "the warehouse): rendered by a detached process after the run (background), in the "
        "run (inline: Great Expectations' 3 s of imports and drawing on the run's time), or not")
    engine: Literal["threads", "dask"] = Field(
        "threads", description="where extraction batches run: the flow's thread pool over "
        "budgeted extraction processes (threads), or a Dask cluster through prefect-dask")
    dask_address: str | None = Field(
        None, description="scheduler address of an existing Dask cluster (implies engine dask)")
    dask_workers: int = Field(0, ge=0, description="workers of a local Dask cluster (0: cores)")
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
    # alerts on a failed or crashed kzwatch-etl run (flows/alerts.py, created by `make serve`)
    alert_webhook_url: str | None = Field(
        None, description="POST a JSON alert ({subject, body, text}) to this URL")
    alert_email: str | None = Field(
        None, description="e-mail an alert to this address, through SendGrid (needs "
        "alert_sendgrid_api_key; SMTP would need the prefect-email package)")
    alert_email_sender: str | None = Field(
        None, description="sender of the alert e-mail (default: alert_email)")
    alert_sendgrid_api_key: SecretStr | None = Field(None, description="SendGrid API key")

    @field_validator("report", mode="before")
    @classmethod
    def _report_was_a_switch(cls, value):
        """KZWATCH_REPORT=true/false, from when the report was on or off, keeps working."""
        if isinstance(value, bool):
            return "background" if value else "off"
        if isinstance(value, str) and value.strip().lower() in _SWITCH:
            return _SWITCH[value.strip().lower()]
        return value


_SWITCH = {"true": "background", "1": "background", "yes": "background", "on": "background",
           "false": "off", "0": "off", "no": "off"}


def get_settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})

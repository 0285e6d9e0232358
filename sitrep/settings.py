"""Where a run reads and writes. Defaults live under ./data; flags and environment override them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import ConfigError

ENV_DATA_DIR = "SITREP_DATA_DIR"
ENV_INBOX = "SITREP_INBOX"
ENV_MAX_BYTES = "SITREP_MAX_FILE_BYTES"
ENV_SETTLE = "SITREP_SETTLE_SECONDS"
ENV_LAKE = "SITREP_LAKE"

DEFAULT_DATA_DIR = Path("data")
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024  # a news article is a few kB; 5 MB is far past any real one
# A file modified more recently than this may still be being written: it waits for the next run.
DEFAULT_SETTLE_SECONDS = 2.0
# Documents per NLP batch (one lake file per table per batch; memory grows with it).
DEFAULT_BATCH_SIZE = 200


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    inbox: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    settle_seconds: float = DEFAULT_SETTLE_SECONDS
    batch_size: int = DEFAULT_BATCH_SIZE
    lake_uri: str | None = None  # a filesystem URI (s3://bucket/prefix); default DATA_DIR/lake

    @property
    def lake(self) -> str:
        """Where the Parquet lake lives: a local folder or a pyarrow filesystem URI."""
        return self.lake_uri or str(self.data_dir / "lake")

    @property
    def warehouse_path(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def reports_dir(self) -> Path:
        return self.data_dir / "reports"

    @classmethod
    def resolve(
        cls,
        data_dir: str | os.PathLike | None = None,
        inbox: str | os.PathLike | None = None,
        max_file_bytes: int | None = None,
        settle_seconds: float | None = None,
        lake: str | None = None,
    ) -> "Settings":
        """Flag, else environment variable, else default (inbox defaults to DATA_DIR/inbox)."""
        data = Path(data_dir or os.environ.get(ENV_DATA_DIR) or DEFAULT_DATA_DIR)
        box = Path(inbox or os.environ.get(ENV_INBOX) or data / "inbox")
        try:
            limit = max_file_bytes or int(os.environ.get(ENV_MAX_BYTES) or DEFAULT_MAX_FILE_BYTES)
            settle = settle_seconds if settle_seconds is not None else float(
                os.environ.get(ENV_SETTLE) or DEFAULT_SETTLE_SECONDS)
        except ValueError as exc:
            raise ConfigError(f"{ENV_MAX_BYTES} / {ENV_SETTLE} must be numbers: {exc}") from None
        if limit <= 0 or settle < 0:
            raise ConfigError("the file size limit must be positive and the settle time not negative")
        return cls(data_dir=data.absolute(), inbox=box.absolute(), max_file_bytes=limit, settle_seconds=settle,
                   lake_uri=lake or os.environ.get(ENV_LAKE) or None)

"""Where a run reads and writes. Defaults live under ./data; flags and environment override them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "SITREP_DATA_DIR"
ENV_INBOX = "SITREP_INBOX"
ENV_MAX_BYTES = "SITREP_MAX_FILE_BYTES"

DEFAULT_DATA_DIR = Path("data")
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024  # a news article is a few kB; 5 MB is far past any real one


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    inbox: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @property
    def lake_dir(self) -> Path:
        return self.data_dir / "lake"

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
    ) -> "Settings":
        """Flag, else environment variable, else default (inbox defaults to DATA_DIR/inbox)."""
        data = Path(data_dir or os.environ.get(ENV_DATA_DIR) or DEFAULT_DATA_DIR)
        box = Path(inbox or os.environ.get(ENV_INBOX) or data / "inbox")
        limit = max_file_bytes or int(os.environ.get(ENV_MAX_BYTES) or DEFAULT_MAX_FILE_BYTES)
        return cls(data_dir=data.absolute(), inbox=box.absolute(), max_file_bytes=limit)

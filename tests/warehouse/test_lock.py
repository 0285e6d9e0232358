"""The data directory's run lock (warehouse/lock.py): nesting within one process, and a data
directory the system will not let a run write."""

from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from warehouse.exceptions import WarehouseBusy, WarehouseError
from warehouse.lock import LOCK_NAME, run_lock


def test_a_lock_held_for_the_process_lets_its_own_nested_run_through_and_refuses_others(tmp_path):
    data = tmp_path / "data"
    with run_lock(data, for_process=True):
        with run_lock(data):  # the flow inside `sitrep run`
            with run_lock(data / ".." / "data"):  # the same folder spelt another way
                pass
        with run_lock(data):  # still held after the nested ones ended
            pass
    with run_lock(data):  # released: a plain holder refuses a nested plain run, as another process's
        with pytest.raises(WarehouseBusy, match="another sitrep run"):
            with run_lock(data):
                pass


@contextmanager
def unwritable(path: Path):
    """`path` (a folder or a file) made unwritable: by its mode, or (as root, whom modes do not
    stop) immutable; given back afterwards."""
    mode = path.stat().st_mode & 0o777
    path.chmod(0o555 if path.is_dir() else 0o444)
    immutable = False
    try:
        try:
            if path.is_dir():
                (path / "probe").write_text("x")
                (path / "probe").unlink()
            else:
                os.close(os.open(path, os.O_RDWR))
        except OSError:
            pass
        else:  # root: the mode is no barrier
            if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)],
                                                               capture_output=True).returncode:
                pytest.skip("cannot make a path unwritable here (root without chattr +i)")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


def test_a_read_only_data_directory_is_named_with_what_to_do(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    with unwritable(data):
        with pytest.raises(WarehouseError) as caught:
            with run_lock(data):
                pass
    message = str(caught.value)
    assert f"data directory {data} is not writable" in message
    assert "pass another --data-dir" in message and str(data / LOCK_NAME) in message
    assert not isinstance(caught.value, WarehouseBusy)
    assert "Errno" not in message  # the cause in words, not Python's repr
    assert not (data / LOCK_NAME).exists()
    assert os.access(data, os.W_OK)  # the folder was given back


def test_a_read_only_warehouse_file_fails_the_lock_at_once_and_its_lock_is_released(tmp_path):
    """A writable data directory with a read-only warehouse file (or write-ahead log): the run
    is refused when it takes the lock, before any work, with the file named and what to do."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("warehouse.duckdb", "warehouse.duckdb.wal"):
        (data / name).write_bytes(b"x")
        with unwritable(data / name):
            with pytest.raises(WarehouseError) as caught:
                with run_lock(data, writes=(data / "warehouse.duckdb",)):
                    pytest.fail("the run went on with a read-only warehouse")
            message = str(caught.value)
            assert f"{data / name} is not writable" in message and "pass another --data-dir" in message
            assert "Errno" not in message
        with run_lock(data, writes=(data / "warehouse.duckdb",)):  # released, and writable again: it passes
            pass
        assert (data / name).read_bytes() == b"x"  # opening for writing changed nothing
        (data / name).unlink()
    with run_lock(data, writes=(data / "warehouse.duckdb",)):  # not made yet: its folder decides
        pass

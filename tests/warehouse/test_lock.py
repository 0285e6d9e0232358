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
def _unwritable(folder: Path):
    """`folder` made unwritable: by its mode, or (as root, whom modes do not stop) immutable."""
    folder.chmod(0o555)
    immutable = False
    try:
        probe = folder / "probe"
        try:
            probe.write_text("x")
        except OSError:
            pass
        else:  # root: the mode is no barrier
            probe.unlink()
            if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)],
                                                               capture_output=True).returncode:
                pytest.skip("cannot make a folder unwritable here (root without chattr +i)")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_a_read_only_data_directory_is_named_with_what_to_do(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    with _unwritable(data):
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

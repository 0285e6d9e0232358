"""Exit status end to end: the installed `sitrep` in a subprocess, as cron or CI runs it.

run/demo: 0 all loaded, 1 some quarantined, 2 failed (one line, no traceback); eval --min short: 1;
Ctrl-C (SIGINT to the process group) or SIGTERM: stops promptly (the run gets
INTERRUPT_GRACE_SECONDS to unwind; the bound below only tells that from a full unwind), exits 130, the run recorded
as `interrupted`, nothing of it in the warehouse or the lake.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from benchmarks.corpus import generate
from tests.conftest import REPO, SAMPLES_INBOX
from tests.helpers import warehouse_rows

pytestmark = pytest.mark.slow
SITREP = Path(sys.executable).with_name("sitrep")
ENV = {**os.environ, "SITREP_SETTLE_SECONDS": "0", "PYTHONUNBUFFERED": "1"}


def sitrep(*args, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([str(SITREP), *map(str, args)], capture_output=True, text=True, timeout=timeout, env=ENV)


query = warehouse_rows


def test_run_exits_0_when_all_load_then_1_with_a_quarantined_file(tmp_path):
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes((SAMPLES_INBOX / "01_wire_dateline_oct18.txt").read_bytes())
    first = sitrep("run", "--inbox", inbox, "--data-dir", data)
    assert first.returncode == 0, first.stderr[-2000:]
    (inbox / "empty.txt").write_bytes(b"")
    second = sitrep("run", "--inbox", inbox, "--data-dir", data, "--json")
    assert second.returncode == 1, second.stderr[-2000:]
    assert "empty.txt: empty file (0 bytes)" in second.stderr
    assert query(data, "select status from runs order by started_at") == [("succeeded",), ("succeeded_with_quarantine",)]


@pytest.mark.parametrize("setup", ["inbox is a file", "no such inbox", "data dir is a file", "newer warehouse"])
def test_a_failed_run_exits_2_with_one_line_and_no_traceback(tmp_path, setup):
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes((SAMPLES_INBOX / "01_wire_dateline_oct18.txt").read_bytes())
    if setup == "inbox is a file":
        inbox = tmp_path / "not-a-folder.txt"
        inbox.write_text("x")
    elif setup == "no such inbox":
        inbox = tmp_path / "inbx"
    elif setup == "data dir is a file":
        data.write_text("x")
    else:
        data.mkdir()
        con = duckdb.connect(str(data / "warehouse.duckdb"))
        con.execute("create table sitrep_meta (key varchar primary key, value varchar)")
        con.execute("insert into sitrep_meta values ('contract_version', '99')")
        con.close()
    out = sitrep("run", "--inbox", inbox, "--data-dir", data)
    assert out.returncode == 2, out.stdout[-1000:] + out.stderr[-2000:]
    assert "Traceback" not in out.stderr
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, out.stderr[-2000:]
    assert "leaked" not in out.stderr  # DuckDB's bindings complain of a connection alive at exit
    if setup.startswith(("inbox", "no such")):  # a usage error: no warehouse created, no run recorded
        assert not (data / "warehouse.duckdb").exists()


def test_a_run_on_a_busy_data_directory_is_refused_before_prefect_is_contacted(tmp_path):
    """The run lock is checked before Prefect's API server boots (up to a minute on a loaded
    machine): with the API pointed at a closed port, the refusal is still the lock's message."""
    from warehouse.lock import run_lock

    inbox, data = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    (inbox / "a.txt").write_bytes((SAMPLES_INBOX / "01_wire_dateline_oct18.txt").read_bytes())
    env = {**ENV, "PREFECT_API_URL": "http://127.0.0.1:9/api"}  # port 9 (discard): nothing answers
    with run_lock(data):
        out = subprocess.run([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data)],
                             capture_output=True, text=True, timeout=600, env=env)
    assert out.returncode == 2, out.stdout[-1000:] + out.stderr[-2000:]
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "another sitrep run" in errors[0], out.stderr[-2000:]
    assert not (data / "warehouse.duckdb").exists()


def test_a_run_on_a_read_only_warehouse_is_refused_at_once_before_prefect_and_the_nlp(tmp_path):
    """Only the warehouse file read-only (the data directory writable): the run fails when it
    takes the lock, with the file named, before Prefect's API (pointed at a closed port) or the
    NLP; nothing is written."""
    from tests.warehouse.test_lock import unwritable

    inbox, data = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    data.mkdir()
    (inbox / "a.txt").write_bytes((SAMPLES_INBOX / "01_wire_dateline_oct18.txt").read_bytes())
    duckdb.connect(str(data / "warehouse.duckdb")).close()
    before = (data / "warehouse.duckdb").read_bytes()
    env = {**ENV, "PREFECT_API_URL": "http://127.0.0.1:9/api"}  # port 9 (discard): nothing answers
    with unwritable(data / "warehouse.duckdb"):
        began = time.monotonic()
        out = subprocess.run([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data)],
                             capture_output=True, text=True, timeout=600, env=env)
        took = time.monotonic() - began
    assert out.returncode == 2, out.stdout[-1000:] + out.stderr[-2000:]
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"{data / 'warehouse.duckdb'} is not writable" in errors[0], out.stderr[-2000:]
    assert took < 30, took  # the process's start-up only (a run reaches the NLP after a minute under load)
    assert (data / "warehouse.duckdb").read_bytes() == before
    assert not (data / "lake").exists()


def test_a_second_run_started_while_the_first_boots_is_refused_at_once_by_the_lock(tmp_path):
    """The first run holds the lock from its start, before Prefect's server and the NLP workers
    (up to a minute under load): a second run started meanwhile gets the lock's message, not a
    Prefect error or a wait for the first's start-up. The second's API points at a closed port,
    so anything it did past the lock would fail otherwise."""
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    generate(40, 11, inbox)  # enough work that the first run is still going when the second asks
    first = subprocess.Popen([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, start_new_session=True)
    try:
        lock = data / ".sitrep.lock"
        deadline = time.monotonic() + 120
        while not (lock.exists() and lock.read_text() == f"pid {first.pid}"):
            assert time.monotonic() < deadline and first.poll() is None, "the first run never took the lock"
            time.sleep(0.05)
        env = {**ENV, "PREFECT_API_URL": "http://127.0.0.1:9/api"}  # port 9 (discard): nothing answers
        second = subprocess.run([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data)],
                                capture_output=True, text=True, timeout=600, env=env)
        still_running = first.poll() is None
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGTERM)
        try:
            first.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(first.pid, signal.SIGKILL)
    assert second.returncode == 2, second.stdout[-1000:] + second.stderr[-2000:]
    errors = [line for line in second.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"another sitrep run (pid {first.pid})" in errors[0], second.stderr[-2000:]
    assert still_running, "the first run had ended: the refusal proved nothing"


def test_a_missing_package_fails_the_run_instead_of_quarantining_every_file(tmp_path):
    """An installation fault is not the documents' fault: exit 2, nothing quarantined, the files
    stay in the inbox for the run after `make install`. The NER model package is shadowed by one
    whose import fails, as on a virtualenv that missed a dependency."""
    from transforms.ner import MODEL

    inbox, data, shadow = tmp_path / "inbox", tmp_path / "data", tmp_path / "shadow" / MODEL
    inbox.mkdir()
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text(f"raise ModuleNotFoundError({f'No module named {MODEL!r}'!r}, name={MODEL!r})\n")
    for name in ("01_wire_dateline_oct18.txt", "04_updated_stamp_nov01.txt"):
        (inbox / name).write_bytes((SAMPLES_INBOX / name).read_bytes())
    env = {**ENV, "PYTHONPATH": str(shadow.parent)}
    out = subprocess.run([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data)], capture_output=True,
                         text=True, timeout=600, env=env)
    assert out.returncode == 2, out.stdout[-1000:] + out.stderr[-2000:]
    assert MODEL in out.stderr and "make install" in out.stderr and "Traceback" not in out.stderr
    assert sorted(p.name for p in inbox.iterdir()) == ["01_wire_dateline_oct18.txt", "04_updated_stamp_nov01.txt"]
    if (data / "warehouse.duckdb").exists():
        assert query(data, "select count(*) from quarantine") == [(0,)]
        assert query(data, "select count(*) from documents") == [(0,)]


def test_eval_below_a_minimum_prints_short_and_exits_1(tmp_path):
    dev = REPO / "tests" / "gold" / "dev"
    gold_line = next(line for line in (dev / "dev_gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
    name = json.loads(gold_line)["doc_id"]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_bytes((dev / "inbox" / name).read_bytes())
    (tmp_path / "gold.jsonl").write_text(gold_line + "\n", encoding="utf-8")
    args = ["eval", "--gold", tmp_path / "gold.jsonl", "--inbox", inbox, "--data-dir", tmp_path / "data"]
    short = sitrep(*args, "--min", "event_f1=1.01")
    assert short.returncode == 1, short.stderr[-2000:]
    assert "SHORT: event_f1=" in short.stderr
    assert sitrep(*args, "--min", "event_f1=0").returncode == 0
    unknown = sitrep(*args, "--min", "no_such_metric=1")
    assert unknown.returncode == 2 and "unknown metric" in unknown.stderr and "Traceback" not in unknown.stderr


def _rest_of(stream, seconds: float) -> str:
    """What is left on a pipe, read until its end or for `seconds` (a process the run left behind
    could hold the pipe open: the assertion on leftover processes then names it)."""
    out, deadline = [], time.monotonic() + seconds
    with selectors.DefaultSelector() as sel:
        sel.register(stream, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if sel.select(timeout=0.5):
                line = stream.readline()
                if not line:
                    break
                out.append(line)
    return "".join(out)


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_run_stops_promptly_exits_130_and_leaves_nothing_half_written(tmp_path, how):
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    generate(160, 11, inbox)
    proc = subprocess.Popen([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, start_new_session=True)
    lines = []
    try:
        # the NLP has started once the progress line shows; a run that fails before it may leave
        # its Prefect server holding the pipe, so read with a deadline instead of to the end
        deadline = time.monotonic() + 300
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stderr, selectors.EVENT_READ)
            while not any("/160 files" in line for line in lines):
                assert time.monotonic() < deadline and proc.poll() is None, "no progress line:\n" + "".join(lines)
                if sel.select(timeout=1):
                    lines.append(proc.stderr.readline())
        time.sleep(2)
        sent = time.monotonic()
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole group
        else:
            proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        took = time.monotonic() - sent
        rest = _rest_of(proc.stderr, seconds=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, "".join(lines) + rest
    # a hang detector, not a speed target: a run that unwinds its batches takes over a minute,
    # the grace is 1.5 s, and a loaded CI machine needs the rest
    assert took < 20, took
    assert len(rest.splitlines()) <= 5, rest
    assert "Traceback" not in rest
    runs = query(data, "select run_id, status, rows_written from runs")
    assert [(status, rows) for _, status, rows in runs] == [("interrupted", 0)]
    assert query(data, "select count(*) from documents") == [(0,)]
    lake = data / "lake"
    assert not list(lake.glob(f"*/run_id={runs[0][0]}")) if lake.exists() else True
    time.sleep(1)
    ps = subprocess.run(["ps", "-eo", "pgid=,stat=,args="], capture_output=True, text=True).stdout.splitlines()
    alive = [line for line in ps if line.split()[0] == str(proc.pid) and not line.split()[1].startswith("Z")]
    assert alive == [], "processes of the run are still alive"

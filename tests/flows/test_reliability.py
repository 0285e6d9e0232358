"""Hostile inboxes, crashes and faults: nothing lost, nothing doubled, clear errors."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SAMPLES_INBOX, SAMPLES_RUN_DAY
from warehouse.exceptions import WarehouseBusy, WarehouseError

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]
ARTICLE = (SAMPLES_INBOX / "01_wire_dateline_oct18.txt").read_text(encoding="utf-8")
TABLES = {"documents": "doc_id", "entities": "entity_id", "mentions": "doc_id, start_char",
          "attack_events": "event_id", "tallies": "tally_id", "quarantine": "source_sha256"}
RUN_COLUMNS = {"run_id", "ingested_at", "pipeline_version"}


def ingest(inbox, data_dir, **kw):
    from flows.ingest import ingest_inbox

    kw.setdefault("today", SAMPLES_RUN_DAY)

    return ingest_inbox(inbox=str(inbox), data_dir=str(data_dir), **kw)


def snapshot(data_dir: Path) -> dict[str, list]:
    """Every contract table's rows, minus the columns that name the run that wrote them."""
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        out = {}
        for table, key in TABLES.items():
            cols = [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] not in RUN_COLUMNS]
            out[table] = con.execute(f"select {', '.join(cols)} from {table} order by {key}").fetchall()
        return out
    finally:
        con.close()


def hostile_inbox(inbox: Path, outside: Path) -> None:
    rng = random.Random(5)
    (inbox / "good.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(SAMPLES_INBOX / "05_cp1252_dayname_nov06.txt", inbox / "cp1252.txt")
    (inbox / "utf16.txt").write_bytes(ARTICLE.replace("Oct. 18", "Oct. 19").encode("utf-16"))
    (inbox / "bom.txt").write_bytes(ARTICLE.replace("Oct. 18", "Oct. 20").encode("utf-8-sig"))
    (inbox / "latin1.txt").write_bytes(ARTICLE.replace("Oct. 18", "Oct. 21").replace("’", "'").encode("latin-1") + b"\xe9t\xe9\n")
    curly = ARTICLE.replace("Oct. 18", "Oct. 22").replace("officials said", "officials said “today”")
    (inbox / "broken_utf8.txt").write_bytes(curly.encode() + b"\xff end\n")
    (inbox / "zero_width.txt").write_text(ARTICLE.replace("Oct. 18", "Oct. 23").replace("Iraq", "Ir\u200baq"), encoding="utf-8")
    (inbox / "page.txt").write_text("<!DOCTYPE html><html><body><h1>Drones hit base</h1><script>x()</script><p>"
                                    + ARTICLE.replace("Oct. 18", "Oct. 24").replace("\n\n", "</p><p>") + "</p></body></html>")
    (inbox / "bad_date.txt").write_text("Rockets hit base\nPublished: February 30, 2023\n\n" + ARTICLE.split("\n\n", 1)[1])
    (inbox / "one_line.txt").write_text(" ".join(ARTICLE.split()) * 150)
    (inbox / "duplicate.txt").write_text(ARTICLE, encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blank.txt").write_bytes(b" \n\t\n")
    (inbox / "random.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(5000)))
    (inbox / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (inbox / "doc.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (inbox / "archive.txt").write_bytes(b"PK\x03\x04" + bytes(100))
    (inbox / "huge.txt").write_bytes(b"word " * 60_000)
    secret = outside / "secret.txt"
    secret.write_text("outside the inbox")
    (inbox / "link.txt").symlink_to(secret)
    (inbox / "folder.txt").mkdir()
    (inbox / "upload.txt.part").write_text(ARTICLE)


def test_a_hostile_inbox_loads_the_good_files_and_quarantines_the_rest_with_reasons(tmp_path, inbox):
    outside = tmp_path / "outside"
    outside.mkdir()
    hostile_inbox(inbox, outside)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(inbox / "socket.txt"))
    try:
        summary = ingest(inbox, tmp_path / "data", max_file_bytes=200_000)
    finally:
        sock.close()
    assert summary.exit_code == 1 and summary.files_ignored == 2  # folder.txt, socket.txt
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    loaded = {Path(p).name: notes for p, notes in con.execute("select source_path, decode_notes from documents").fetchall()}
    quarantined = dict((Path(p).name, r) for p, r in con.execute("select source_path, reason from quarantine").fetchall())
    con.close()
    # the same bytes under two names load once, under the first name in order
    assert set(loaded) == {"duplicate.txt", "cp1252.txt", "utf16.txt", "bom.txt", "latin1.txt", "broken_utf8.txt",
                           "zero_width.txt", "page.txt", "bad_date.txt", "one_line.txt"}
    assert "converted from HTML" in loaded["page.txt"] and "broken utf-8" in loaded["broken_utf8.txt"]
    assert quarantined == {
        "empty.txt": "empty file (0 bytes)", "blank.txt": "blank file (whitespace only)",
        "image.txt": "binary file: PNG image", "doc.txt": "binary file: PDF document",
        "archive.txt": "binary file: ZIP archive (or DOCX/XLSX)", "huge.txt": "oversized: 300000 bytes > limit 200000",
        "random.txt": quarantined["random.txt"],
        "link.txt": f"symbolic link to outside the inbox ({outside / 'secret.txt'}): not followed"}
    assert quarantined["random.txt"].startswith(("binary content", "not text"))
    before = snapshot(tmp_path / "data")
    again = ingest(inbox, tmp_path / "data", max_file_bytes=200_000)
    assert again.files_new == 0 and snapshot(tmp_path / "data") == before


def test_a_second_run_on_the_same_data_directory_is_refused_with_a_clear_message(tmp_path, inbox):
    from warehouse.lock import run_lock

    (inbox / "good.txt").write_text(ARTICLE)
    with run_lock(tmp_path / "data"):
        with pytest.raises(WarehouseBusy, match="another sitrep run"):
            ingest(inbox, tmp_path / "data")
    assert ingest(inbox, tmp_path / "data").files_new == 1


def test_a_full_disk_while_writing_the_lake_fails_clearly_and_loads_nothing(tmp_path, inbox, monkeypatch):
    import warehouse.lake

    (inbox / "good.txt").write_text(ARTICLE)

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(warehouse.lake.pq, "write_table", no_space)
        with pytest.raises(WarehouseError, match="No space left on device"):
            ingest(inbox, tmp_path / "data")
    assert not (tmp_path / "data" / "warehouse.duckdb").exists() or snapshot(tmp_path / "data")["documents"] == []
    assert ingest(inbox, tmp_path / "data").files_new == 1


def test_a_corrupted_file_in_the_lake_of_a_finished_run_does_not_stop_new_runs(tmp_path, inbox):
    (inbox / "a.txt").write_text(ARTICLE)
    first = ingest(inbox, tmp_path / "data")
    part = tmp_path / "data" / "lake" / "documents" / f"run_id={first.run_id}" / "part-0.parquet"
    part.write_bytes(b"PAR1garbage")
    (inbox / "b.txt").write_text(ARTICLE.replace("Oct. 18", "Oct. 25"))
    assert ingest(inbox, tmp_path / "data").files_new == 1


def _sitrep(*args, env=None, **kw):
    return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def test_a_run_killed_at_any_moment_then_finished_equals_a_clean_run(tmp_path):
    """SIGKILL at 30, 60 and 90 % of a clean run's duration, then a normal run: same warehouse."""
    from benchmarks.corpus import generate

    inbox = tmp_path / "inbox"
    generate(120, seed=3, out=inbox)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "SITREP_SETTLE_SECONDS": "0"}
    env.pop("PREFECT_API_URL", None)
    (tmp_path / "empty").mkdir()
    warm = _sitrep("run", "--inbox", str(tmp_path / "empty"), "--data-dir", str(tmp_path / "warm"), env=env)
    assert warm.wait(timeout=600) == 0  # Prefect migrates its fresh database once, outside the timing
    started = time.monotonic()
    clean = _sitrep("run", "--inbox", str(inbox), "--data-dir", str(tmp_path / "clean"), env=env)
    assert clean.wait(timeout=600) == 0, clean.stderr.read().decode()[-2000:]
    duration = time.monotonic() - started
    expected = snapshot(tmp_path / "clean")
    for fraction in (0.3, 0.6, 0.9):
        data = tmp_path / f"killed-{int(fraction * 100)}"
        victim = _sitrep("run", "--inbox", str(inbox), "--data-dir", str(data), env=env)
        time.sleep(duration * fraction)
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
        finish = _sitrep("run", "--inbox", str(inbox), "--data-dir", str(data), env=env)
        assert finish.wait(timeout=600) == 0, finish.stderr.read().decode()[-2000:]
        assert snapshot(data) == expected, f"killed at {fraction:.0%}"
        runs = {p.name for p in (data / "lake" / "documents").iterdir()}
        con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
        recorded = {f"run_id={r[0]}" for r in con.execute("select run_id from runs").fetchall()}
        con.close()
        assert runs <= recorded, "lake partitions of the killed run were left behind"

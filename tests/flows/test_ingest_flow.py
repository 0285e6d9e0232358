"""End to end: the real Prefect flow on real files into a real DuckDB file, then SQL on it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES_INBOX, SAMPLES_RUN_DAY, SHARED, SHARED_GOLD, SHARED_INBOX, needs_shared
from tests.helpers import warehouse_rows

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def ingest(inbox, data_dir, **kw):
    from flows.ingest import ingest_inbox

    kw.setdefault("today", SAMPLES_RUN_DAY)

    return ingest_inbox(inbox=str(inbox), data_dir=str(data_dir), **kw)


query = warehouse_rows


def counts(data_dir):
    tables = ["documents", "entities", "mentions", "attack_events", "tallies", "quarantine"]
    return {t: query(data_dir, f"select count(*) from {t}")[0][0] for t in tables}


@pytest.fixture(scope="module")
def customer_run(tmp_path_factory):
    if not SHARED_INBOX.is_dir():
        pytest.skip("../shared/samples/inbox is absent")
    root = tmp_path_factory.mktemp("customer")
    inbox = root / "inbox"
    shutil.copytree(SHARED_INBOX, inbox)
    summary = ingest(inbox, root / "data")
    return inbox, root / "data", summary


@needs_shared
def test_customer_inbox_fills_every_contract_table(customer_run):
    _, data, summary = customer_run
    assert summary.status == "succeeded" and summary.exit_code == 0
    n = counts(data)
    assert n["documents"] == 5
    assert all(n[t] > 0 for t in ("entities", "mentions", "attack_events", "tallies"))
    assert query(data, "select count(*) from weekly_attack_counts")[0][0] > 0
    assert query(data, "select count(*) from reported_tallies")[0][0] == n["tallies"]


@needs_shared
def test_every_offset_points_at_its_surface_or_evidence(customer_run):
    _, data, _ = customer_run
    for table, text in [("mentions", "surface"), ("attack_events", "evidence"), ("tallies", "evidence")]:
        bad = query(data, f"""select count(*) from {table} t join documents d using (doc_id)
                              where substr(d.body, t.start_char + 1, t.end_char - t.start_char) != t.{text}""")
        assert bad == [(0,)], table


@needs_shared
def test_every_row_carries_run_id_and_pipeline_version(customer_run):
    _, data, summary = customer_run
    for table in ("documents", "entities", "mentions", "attack_events", "tallies"):
        assert query(data, f"select distinct run_id, pipeline_version is not null from {table}") == [(summary.run_id, True)]


@needs_shared
def test_rerunning_the_same_inbox_adds_nothing_and_records_the_run(customer_run):
    inbox, data, _ = customer_run
    before = counts(data)
    again = ingest(inbox, data)
    assert again.status == "nothing_new" and again.files_new == 0 and again.exit_code == 0
    assert counts(data) == before
    assert query(data, f"select files_new, rows_written from runs where run_id = '{again.run_id}'") == [(0, 0)]


@needs_shared
def test_publication_dates_of_the_customer_headers(customer_run):
    _, data, _ = customer_run
    got = dict(query(data, "select source_path, cast(published_date as varchar) from documents"))
    got = {p.rsplit("/", 1)[-1][:3]: d for p, d in got.items()}
    assert got == {"000": "2023-11-05", "001": None, "002": "2023-11-08", "003": "2023-10-25", "004": "2023-11-14"}


@needs_shared
def test_reference_scorer_agrees_the_warehouse_is_scorable(customer_run):
    _, data, _ = customer_run
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_warehouse.py"),
                          str(data / "warehouse.duckdb"), str(SHARED_GOLD), "--min", "pub_date_acc=1.0"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout.splitlines()[0])
    assert report["docs_missing"] == 0


def test_same_bytes_under_another_name_are_not_loaded_twice(tmp_path, inbox):
    shutil.copy(SAMPLES_INBOX / "01_wire_dateline_oct18.txt", inbox / "a.txt")
    shutil.copy(SAMPLES_INBOX / "01_wire_dateline_oct18.txt", inbox / "b.txt")
    first = ingest(inbox, tmp_path / "data")
    assert (first.files_seen, first.files_new) == (2, 1)
    shutil.copy(SAMPLES_INBOX / "01_wire_dateline_oct18.txt", inbox / "c.txt")
    assert ingest(inbox, tmp_path / "data").files_new == 0
    assert counts(tmp_path / "data")["documents"] == 1


def test_a_changed_file_under_an_old_name_is_a_new_document(tmp_path, inbox):
    target = inbox / "story.txt"
    shutil.copy(SAMPLES_INBOX / "01_wire_dateline_oct18.txt", target)
    ingest(inbox, tmp_path / "data")
    target.write_bytes(target.read_bytes() + b"\nCorrection: the second drone was shot down near Erbil.\n")
    assert ingest(inbox, tmp_path / "data").files_new == 1
    assert counts(tmp_path / "data")["documents"] == 2


def test_bad_files_are_quarantined_with_reasons_and_good_ones_load(tmp_path, inbox):
    shutil.copy(SAMPLES_INBOX / "04_updated_stamp_nov01.txt", inbox / "good.txt")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (inbox / "huge.txt").write_bytes(b"word " * 3000)
    summary = ingest(inbox, tmp_path / "data", max_file_bytes=10_000)
    assert summary.exit_code == 1 and summary.status == "succeeded_with_quarantine"
    reasons = dict(query(tmp_path / "data", "select source_path, reason from quarantine"))
    reasons = {k.rsplit("/", 1)[-1]: v for k, v in reasons.items()}
    assert reasons == {"empty.txt": "empty file (0 bytes)", "image.txt": "binary file: PNG image",
                       "huge.txt": "oversized: 15000 bytes > limit 10000"}
    assert counts(tmp_path / "data")["documents"] == 1
    again = ingest(inbox, tmp_path / "data", max_file_bytes=10_000)
    assert again.files_new == 0 and counts(tmp_path / "data")["quarantine"] == 3


def test_a_document_whose_rows_fail_validation_is_quarantined_not_loaded(tmp_path, inbox, monkeypatch):
    import pyarrow as pa

    from flows import tasks

    real = tasks.build_tables

    def shifted_offsets(*args, **kwargs):
        tables = real(*args, **kwargs)
        rows = tables["mentions"].to_pylist()
        if rows:
            rows[0]["start_char"] += 1  # a span that no longer points at its surface
        tables["mentions"] = pa.Table.from_pylist(rows, schema=tables["mentions"].schema)
        return tables

    monkeypatch.setattr(tasks, "build_tables", shifted_offsets)
    shutil.copy(SAMPLES_INBOX / "01_wire_dateline_oct18.txt", inbox / "a.txt")
    summary = ingest(inbox, tmp_path / "data")
    assert summary.exit_code == 1 and summary.validation_passed
    assert counts(tmp_path / "data")["documents"] == 0
    [(stage, reason)] = query(tmp_path / "data", "select stage, reason from quarantine")
    assert stage == "validate" and "mentions.check_span_matches_body" in reason
    assert query(tmp_path / "data", "select status, validation_passed from runs") == [("succeeded_with_quarantine", True)]
    assert (tmp_path / "data" / "reports" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()


def test_bundled_samples_give_weekly_counts_over_several_weeks(tmp_path):
    data = tmp_path / "data"
    summary = ingest(SAMPLES_INBOX, data)
    assert summary.exit_code == 0 and summary.files_new == 10
    weeks = query(data, "select count(distinct week_start) from weekly_attack_counts")[0][0]
    assert weeks >= 4
    [(dup_of, original)] = query(data, """select d.duplicate_of, o.doc_id from documents d
        join documents o on o.source_path like '%06_iso_stamp_nov10.txt' where d.source_path like '%08_syndicated%'""")
    assert dup_of == original
    sources = dict(query(data, "select regexp_extract(source_path, '[^/]+$'), published_source from documents"))
    assert sources["01_wire_dateline_oct18.txt"] == "inferred"  # a year-less dateline: its year is inferred
    assert sources["07_undated_blog_comments.txt"] == "none"


def test_a_run_with_nothing_new_reads_and_hashes_no_file(tmp_path, inbox, monkeypatch):
    from warehouse import inbox as inbox_module

    shutil.copy(SAMPLES_INBOX / "01_wire_dateline_oct18.txt", inbox)
    assert ingest(inbox, tmp_path / "data").files_new == 1

    def refuse(*args):
        raise AssertionError("an unchanged file was read again")

    monkeypatch.setattr(inbox_module, "_stream_hash", refuse)
    monkeypatch.setattr(inbox_module, "read_bytes", refuse)
    again = ingest(inbox, tmp_path / "data")
    assert again.status == "nothing_new" and again.files_new == 0


def test_a_touched_file_is_hashed_again_and_recognised_by_content(tmp_path, inbox):
    import os

    path = inbox / "a.txt"
    shutil.copy(SAMPLES_INBOX / "01_wire_dateline_oct18.txt", path)
    ingest(inbox, tmp_path / "data")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    again = ingest(inbox, tmp_path / "data")
    assert again.status == "nothing_new"
    assert query(tmp_path / "data", "select mtime_ns from sitrep_file_stamps where name = 'a.txt'") == \
        [(path.stat().st_mtime_ns,)]

"""One bad document costs only itself: a crash in any stage, or rows that break an expectation,
quarantine that document with the stage and the reason; the rest loads. Quarantine is a queue
(requeue, retry after a pipeline version change), and the lake shows exactly the warehouse."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SAMPLES_INBOX, SAMPLES_RUN_DAY
from tests.helpers import warehouse_rows
from warehouse.lake import table_dataset

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]
GOOD = ["01_wire_dateline_oct18.txt", "04_updated_stamp_nov01.txt", "06_iso_stamp_nov10.txt"]


def ingest(inbox, data_dir, **kw):
    from flows.ingest import ingest_inbox

    kw.setdefault("today", SAMPLES_RUN_DAY)

    return ingest_inbox(inbox=str(inbox), data_dir=str(data_dir), **kw)


def fill(inbox: Path, names=GOOD) -> None:
    for name in names:
        shutil.copy(SAMPLES_INBOX / name, inbox / name)


rows = warehouse_rows


def assert_lake_is_the_warehouse(data: Path) -> None:
    """The README's lake reader sees exactly the warehouse's rows."""
    con = duckdb.connect()
    for table, key in {"documents": "doc_id", "mentions": "doc_id, start_char", "attack_events": "event_id",
                       "tallies": "tally_id", "quarantine": "source_sha256"}.items():
        con.register(f"lake_{table}", table_dataset(data / "lake", table))
        lake = con.execute(f"select {key} from lake_{table} order by {key}").fetchall()
        assert lake == rows(data, f"select {key} from {table} order by {key}"), table
    con.register("lake_entities", table_dataset(data / "lake", "entities"))
    assert {r[0] for r in con.execute("select entity_id from lake_entities").fetchall()} <= \
        {r[0] for r in rows(data, "select entity_id from entities")}


@pytest.mark.parametrize("stage, target", [("entities", "transforms.batch.find_names"),
                                           ("events", "transforms.batch.extract_tallies"),
                                           ("dates", "transforms.dates.weekday_pairs"),
                                           ("parse", "transforms.batch.split_sentences")])
def test_a_crash_in_any_stage_quarantines_that_document_alone(tmp_path, inbox, monkeypatch, stage, target):
    """Fault injection: the stage's library call raises for one document (marked by a word no
    other holds); that document is quarantined naming the stage, the error class and message."""
    fill(inbox)
    (inbox / "odd.txt").write_text("Rockets hit Erbil\n\nERBIL, Nov. 3 (Reuters) - Zyxwvut said rockets struck Erbil "
                                   "air base on Monday, causing damage.\n", encoding="utf-8")
    module, name = target.rsplit(".", 1)
    import importlib

    owner = importlib.import_module(module)
    real = getattr(owner, name)

    def breaks_on_the_odd_one(*args, **kwargs):
        if "Zyxwvut" in repr(args)[:100_000]:
            raise ValueError("second must be in 0..59")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, breaks_on_the_odd_one)
    summary = ingest(inbox, tmp_path / "data")
    assert summary.exit_code == 1 and summary.status == "succeeded_with_quarantine"
    assert rows(tmp_path / "data", "select source_path, stage, reason from quarantine") == \
        [(str(inbox / "odd.txt"), stage, f"{stage} failed: ValueError: second must be in 0..59")]
    assert rows(tmp_path / "data", "select count(*) from documents") == [(len(GOOD),)]
    assert_lake_is_the_warehouse(tmp_path / "data")


def test_rows_that_break_an_expectation_quarantine_their_document_and_the_rest_loads(tmp_path, inbox, monkeypatch):
    import datetime as dt

    from expectations import validate

    fill(inbox)
    # a lower date bound after the first article's events: its event rows fail, the others pass
    monkeypatch.setattr(validate, "MIN_DATE", dt.date(2023, 10, 25))
    summary = ingest(inbox, tmp_path / "data")
    assert summary.exit_code == 1 and summary.validation_passed
    [(path, stage, reason)] = rows(tmp_path / "data", "select source_path, stage, reason from quarantine")
    assert path.endswith("01_wire_dateline_oct18.txt") and stage == "validate"
    assert "attack_events.event_date expect_column_values_to_be_between" in reason and "2023-10-1" in reason
    assert rows(tmp_path / "data", "select count(*) from documents") == [(len(GOOD) - 1,)]
    assert rows(tmp_path / "data", "select count(*) from attack_events a join documents d using (doc_id) "
                                   "where d.source_path like '%01_wire%'") == [(0,)]
    assert_lake_is_the_warehouse(tmp_path / "data")
    again = ingest(inbox, tmp_path / "data")  # a re-run changes nothing
    assert again.status == "nothing_new" and again.exit_code == 0


def test_a_whole_table_failure_fails_the_run_and_leaves_nothing_in_the_lake(tmp_path, inbox, monkeypatch):
    import datetime as dt

    from expectations import validate
    from expectations.exceptions import ValidationFailed

    fill(inbox)
    monkeypatch.setattr(validate, "MIN_DATE", dt.date(2023, 10, 25))
    monkeypatch.setattr(validate, "ROW_OWNER", {})  # no row can be laid at a document's door
    with pytest.raises(ValidationFailed):
        ingest(inbox, tmp_path / "data")
    assert rows(tmp_path / "data", "select status from runs") == [("validation_failed",)]
    assert not any((tmp_path / "data" / "lake").glob("*/run_id=*"))
    monkeypatch.undo()
    assert ingest(inbox, tmp_path / "data").exit_code == 0  # the retry loads each article once
    assert rows(tmp_path / "data", "select count(*) from documents") == [(len(GOOD),)]
    assert_lake_is_the_warehouse(tmp_path / "data")


def test_requeue_releases_a_file_that_then_loads_after_the_fix(tmp_path, inbox):
    from warehouse.requeue import requeue

    fill(inbox)
    data = tmp_path / "data"
    first = ingest(inbox, data, max_file_bytes=700)
    big = sorted(p for p, reason in first.quarantined if reason.startswith("oversized"))
    assert big and first.exit_code == 1
    assert ingest(inbox, data, max_file_bytes=700).status == "nothing_new"  # the queue holds them
    name = Path(big[0]).name
    released = requeue(data, data / "warehouse.duckdb", str(data / "lake"), [name])
    assert [r.source_path for r in released] == [big[0]]
    assert_lake_is_the_warehouse(data)
    fixed = ingest(inbox, data, max_file_bytes=10**6)  # the fix: a larger limit
    assert fixed.files_new == 1 and fixed.exit_code == 0
    assert rows(data, "select count(*) from documents where source_path = ?".replace("?", f"'{big[0]}'")) == [(1,)]
    assert len(rows(data, "select * from quarantine")) == len(big) - 1
    assert_lake_is_the_warehouse(data)
    assert requeue(data, data / "warehouse.duckdb", str(data / "lake"), reason="oversized") == []  # none left


def test_quarantined_files_are_tried_again_after_a_pipeline_version_change(tmp_path, inbox):
    fill(inbox, GOOD[:1])
    (inbox / "empty.txt").write_bytes(b"")
    data = tmp_path / "data"
    assert ingest(inbox, data).exit_code == 1
    con = duckdb.connect(str(data / "warehouse.duckdb"))
    con.execute("update quarantine set pipeline_version = 'sitrep-0.0.1'")  # as an older sitrep left it
    con.close()
    retry = ingest(inbox, data)
    assert retry.files_new == 1 and retry.quarantined == [(str(inbox / "empty.txt"), "empty file (0 bytes)")]
    from sitrep import PIPELINE_VERSION

    assert rows(data, "select pipeline_version, run_id from quarantine") == [(PIPELINE_VERSION, retry.run_id)]
    assert_lake_is_the_warehouse(data)


def test_requeue_finds_a_file_whose_name_is_not_utf8_as_the_shell_passes_it(tmp_path, inbox):
    from warehouse.requeue import requeue

    name = os.fsdecode(b"vid\xe9o.txt")  # as argv hands it over: a surrogate escape
    (inbox / name).write_bytes(b"")
    data = tmp_path / "data"
    assert ingest(inbox, data).exit_code == 1
    for given in (name, str(inbox / name)):
        released = requeue(data, data / "warehouse.duckdb", str(data / "lake"), [given])
        assert [r.source_path for r in released] == [str(inbox / "vid\\xe9o.txt")], given
        assert ingest(inbox, data).exit_code == 1  # still empty: quarantined again


def test_a_byte_name_and_the_literal_text_of_its_escape_are_two_files_and_requeue_picks_one(tmp_path, inbox):
    from warehouse.requeue import requeue

    byte_name = os.fsdecode(b"memo_d\xe9p\xf4t.txt")  # Latin-1 bytes, not UTF-8: surrogates in Python
    literal = "memo_d\\xe9p\\xf4t.txt"  # the escape's characters, typed into a name
    for i, name in enumerate((byte_name, literal)):
        (inbox / name).write_bytes(b"\x00\x00\x00" + bytes([i]) * 40)  # binary: quarantined, each its own content
    data = tmp_path / "data"
    assert ingest(inbox, data).exit_code == 1
    paths = sorted(r[0] for r in rows(data, "select source_path from quarantine"))
    assert paths == [str(inbox / "memo_d\\\\xe9p\\\\xf4t.txt"), str(inbox / literal)]  # literal first: '\\' < 'x'
    escaped_literal = "memo_d\\\\xe9p\\\\xf4t.txt"
    # the byte file as the shell passes it, the text `sitrep quarantine` lists for each: one row
    # every time (a listed text wins over the file whose name it also is)
    for given, listed in ((byte_name, literal), (str(inbox / byte_name), literal), (literal, literal),
                          (escaped_literal, escaped_literal)):
        released = requeue(data, data / "warehouse.duckdb", str(data / "lake"), [given])
        assert [r.source_path for r in released] == [str(inbox / listed)], given
        assert ingest(inbox, data).files_new == 1  # the released one is read (and quarantined) again

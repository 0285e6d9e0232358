"""The CLI is a thin face: it parses, calls the library, prints, and exits with the right code."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from flows.cli import app
from sitrep.errors import SitrepError
from tests.conftest import SAMPLES_INBOX, SAMPLES_RUN_DAY

runner = CliRunner()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, prefect_harness):
    root = tmp_path_factory.mktemp("cli")
    inbox = root / "inbox"
    inbox.mkdir()
    for name in ("01_wire_dateline_oct18.txt", "04_updated_stamp_nov01.txt"):
        shutil.copy(SAMPLES_INBOX / name, inbox)
    result = runner.invoke(app, ["run", "--inbox", str(inbox), "--data-dir", str(root / "data"), "--json",
                                 "--today", SAMPLES_RUN_DAY.isoformat()])
    assert result.exit_code == 0, result.output
    return root / "data"


@pytest.mark.slow
def test_run_prints_a_summary_and_exits_1_when_files_are_quarantined(tmp_path, prefect_harness):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["run", "--inbox", str(inbox), "--data-dir", str(tmp_path / "data"), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["quarantined"] == [[str(inbox / "empty.txt"), "empty file (0 bytes)"]]


@pytest.mark.slow
def test_run_names_each_file_it_defers(tmp_path, prefect_harness):
    # a file modified within --settle-seconds may still be written: left for the next run, and named
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "still_writing.txt").write_text("Gunmen attacked a police post in Gao on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "--inbox", str(inbox), "--data-dir", str(tmp_path / "data"),
                                 "--settle-seconds", "3600", "--json"])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["files_deferred"] == 1 and summary["deferred"] == [str(inbox / "still_writing.txt")]
    shown = runner.invoke(app, ["run", "--inbox", str(inbox), "--data-dir", str(tmp_path / "data"),
                                "--settle-seconds", "3600"])
    assert "deferred " in shown.output and "still_writing.txt" in shown.output


@pytest.mark.slow
def test_sql_csv_output(data_dir):
    result = runner.invoke(app, ["sql", "--data-dir", str(data_dir), "-f", "csv",
                                 "select count(*) as n from documents"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ['"n"', "2"]


@pytest.mark.slow
def test_sql_json_output(data_dir):
    result = runner.invoke(app, ["sql", "--data-dir", str(data_dir), "-f", "json",
                                 "select published_source from documents order by 1"])
    # a year-less dateline's year is the run's inference
    assert json.loads(result.stdout) == [{"published_source": "header"}, {"published_source": "inferred"}]


@pytest.mark.slow
def test_weekly_table_lists_weeks(data_dir):
    result = runner.invoke(app, ["weekly", "--data-dir", str(data_dir)])
    assert result.exit_code == 0 and "2023-10-16" in result.stdout and "2023-10-30" in result.stdout


@pytest.mark.slow
def test_data_dir_comes_from_the_environment(data_dir):
    result = runner.invoke(app, ["sql", "-f", "csv", "select 1 as one"], env={"SITREP_DATA_DIR": str(data_dir)})
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "1"


def test_sql_on_a_missing_warehouse_is_one_clear_line(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "flows.cli", "sql", "--data-dir", str(tmp_path), "select 1"],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "no warehouse at" in out.stderr and "Traceback" not in out.stderr


def test_every_command_has_help_with_an_example():
    for command in app.registered_commands:
        doc = command.callback.__doc__ or ""
        assert "Example:" in doc, command.callback.__name__


def test_run_refuses_two_places_for_the_nlp(tmp_path):
    result = runner.invoke(app, ["run", "--inbox", str(tmp_path), "--dask-address", "tcp://127.0.0.1:8786",
                                 "--dask-workers", "2"])
    assert result.exit_code == 2 and "not both" in result.output


@pytest.mark.slow
def test_runs_lists_the_kind_of_each_run(data_dir):
    result = runner.invoke(app, ["runs", "--data-dir", str(data_dir), "-f", "json"])
    assert result.exit_code == 0
    assert [row["kind"] for row in json.loads(result.stdout)] == ["ingest"]


@pytest.mark.slow
def test_a_table_too_wide_for_the_terminal_prints_one_block_per_record(data_dir):
    result = runner.invoke(app, ["sql", "--data-dir", str(data_dir), "select * from documents order by doc_id"],
                           env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert "shown)" not in result.stdout  # no column hidden
    assert result.stdout.count(" source_path = ") == 2 and " body = " in result.stdout
    narrow = runner.invoke(app, ["sql", "--data-dir", str(data_dir), "select 1 as one"], env={"COLUMNS": "80"})
    assert "│" in narrow.stdout  # a table that fits stays a table


@pytest.mark.slow
def test_requeue_that_matches_nothing_exits_1(data_dir):
    result = runner.invoke(app, ["requeue", "--data-dir", str(data_dir), "no-such-file.txt"])
    assert result.exit_code == 1 and "no quarantined file matched" in result.output
    assert runner.invoke(app, ["requeue", "--data-dir", str(data_dir), "--all"]).exit_code == 0


@pytest.mark.slow
def test_eval_refuses_a_warehouse_that_holds_another_text_under_a_gold_files_name(data_dir, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "01_wire_dateline_oct18.txt", "attack_events": []}) + "\n")
    other = tmp_path / "other"
    other.mkdir()
    (other / "01_wire_dateline_oct18.txt").write_text("Another text under the same name, dated 2024-01-02.\n")
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--inbox", str(other), "--data-dir", str(data_dir)])
    assert isinstance(result.exception, SitrepError), result.output
    assert "another text under the name" in str(result.exception)
    # a copy of the same files is the same inbox
    same = runner.invoke(app, ["eval", "--gold", str(gold), "--inbox", str(SAMPLES_INBOX), "--data-dir", str(data_dir)])
    assert same.exception is None or not isinstance(same.exception, SitrepError), same.output


@pytest.mark.parametrize("content", ["", "\n\n", "[1, 2]\n"])
def test_eval_refuses_a_gold_file_without_records(tmp_path, content):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content)
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--inbox", str(tmp_path), "--data-dir", str(tmp_path / "d")])
    assert isinstance(result.exception, SitrepError)  # the CLI's main prints it as one line, exit 2
    assert "gold file" in str(result.exception) and not (tmp_path / "d").exists()


@pytest.mark.slow
def test_demo_reads_the_samples_as_of_their_own_day(tmp_path, prefect_harness):
    """`sitrep demo` runs on samples/run_day.txt, not the clock's day: the year-less dateline of
    01_wire_dateline_oct18.txt ("BAGHDAD, Oct. 18") stays in the samples' year."""
    import duckdb

    result = runner.invoke(app, ["demo", "--data-dir", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    assert f"run day {SAMPLES_RUN_DAY}" in " ".join(result.output.split())
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    try:
        published = dict(con.execute("select source_path, published_date from documents").fetchall())
        weeks = {w for (w,) in con.execute("select week_start from weekly_attack_counts").fetchall()}
    finally:
        con.close()
    dateline = next(d for path, d in published.items() if path.endswith("01_wire_dateline_oct18.txt"))
    assert dateline.isoformat() == f"{SAMPLES_RUN_DAY.year}-10-18"
    assert weeks and all(w <= SAMPLES_RUN_DAY for w in weeks)
    # the data docs path is whole (on a line of its own, not cut by the table), the samples' sea
    # attack's NULL country is explained, and the hint runs as typed
    assert any(line.startswith("data docs: file://") and line.endswith("index.html") for line in result.output.splitlines())
    assert "country_code NULL: attacks at sea" in result.output
    assert 'Query it: sitrep sql --data-dir' in " ".join(result.output.split())
    again = runner.invoke(app, ["run", "--inbox", str(tmp_path / "data" / "inbox"), "--data-dir", str(tmp_path / "data"),
                                "--settle-seconds", "0"])
    assert again.exit_code == 0 and "not run (no new rows)" in again.output and "None" not in again.output

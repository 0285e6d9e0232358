"""CLI conventions and the analyst's interface, on a small warehouse written through the store
(no Prefect): help, version, errors, output formats, export, runs, quarantine, README recipes."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from sitrep.schema import contract
from tests.conftest import REPO
from warehouse import store

runner = CliRunner()
README = (REPO / "README.md").read_text(encoding="utf-8")
LONG = "Two drones struck the base before dawn, " * 6


def _sitrep(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, input=stdin,
                          cwd=REPO, timeout=120)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    """A warehouse with two documents, two events (one undated), three entities, a split tally,
    a run and a quarantined file: every column type the contract uses (lists included)."""
    root = tmp_path_factory.mktemp("conv") / "data"
    con = store.connect(root / "warehouse.duckdb")
    store.ensure_schema(con)
    now = dt.datetime(2026, 1, 5, 10, 0)
    common = "'r1' as run_id, 'sitrep-test' as pipeline_version"
    con.execute(f"""insert into documents by name select * from (values
        ('d1', '/in/a.txt', 'h1', 'utf-8', 'Drones hit base', 'Reuters', 'header', ?, 120, [1, 2]::bigint[],
         date '2026-01-05'),
        ('d2', '/in/b.txt', 'h2', 'utf-8', null, null, 'none', 'Rockets fell, officials said.', 5, [3]::bigint[], null))
        t(doc_id, source_path, source_sha256, encoding, title, publisher, published_source, body, word_count, minhash,
          published_date), (select ? as ingested_at, {common})""", [LONG, now])
    con.execute(f"""insert into entities by name select * from (values
        ('org:militia', 'Militia, "the group"', 'ORG', ['Militia', 'the group']),
        ('gpe:iq', 'Iraq', 'GPE', ['Iraq']), ('fac:base', 'Base [West]', 'FAC', ['Base']))
        t(entity_id, name, entity_type, aliases), (select 'gazetteer' as source, {common})""")
    con.execute(f"""insert into attack_events by name select * from (values
        ('e1', 'd1', 'i1', date '2026-01-05', date '2026-01-05', date '2026-01-05', 'day',
         ['drone', 'one-way attack drone'], 'org:militia', 'fac:base', 'IQ', ?),
        ('e2', 'd2', 'i2', null, date '2026-01-01', date '2026-01-20', 'range', ['rocket'], null, null, null,
         'Rockets fell.'))
        t(event_id, doc_id, incident_id, event_date, date_min, date_max, date_precision, weapons, attacker_id,
          target_id, country_code, evidence),
        (select 'damage' as outcome, 0 as start_char, 10 as end_char, 0.8 as confidence, {common})""", [LONG])
    con.execute(f"""insert into tallies by name select * from (values
        ('t1', 46, 'Iraq and Syria'), ('t2', 24, 'Iraq'), ('t3', 22, 'Syria'))
        t(tally_id, count, scope),
        (select 'd1' as doc_id, 'at least' as qualifier, 'attacks' as unit, date '2026-01-05' as period_end,
                'Figures.' as evidence, 5 as start_char, 20 as end_char, {common})""")
    con.execute(f"""insert into tallies by name select 't4' as tally_id, 'd2' as doc_id, 60 as count,
        'at least' as qualifier, 'attacks' as unit, date '2026-01-12' as period_end, null as scope,
        'More.' as evidence, 0 as start_char, 5 as end_char, {common}""")
    con.execute("""insert into quarantine by name select '/in/[draft] empty.txt' as source_path, 'h3' as source_sha256,
        'empty file (0 bytes)' as reason, 'r1' as run_id, 'sitrep-test' as pipeline_version,
            timestamp '2026-01-05 10:00:00' as quarantined_at, 'decode' as stage""")
    store.record_run(con, {"run_id": "r1", "started_at": now, "finished_at": now + dt.timedelta(seconds=12.5),
                           "status": "succeeded_with_quarantine", "files_seen": 3, "files_new": 3,
                           "files_quarantined": 1, "validation_passed": True})
    con.close()
    return root


def _sql(data_dir: Path, *args: str, stdin: str | None = None):
    return runner.invoke(app, ["sql", "--data-dir", str(data_dir), *args], input=stdin)


# -- sql output ------------------------------------------------------------------------------

def test_csv_of_list_columns_is_json_encoded_per_cell(data_dir):
    result = _sql(data_dir, "-f", "csv", "select event_id, weapons from attack_events order by 1")
    assert result.exit_code == 0, result.output
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert json.loads(rows[0]["weapons"]) == ["drone", "one-way attack drone"]
    result = _sql(data_dir, "-f", "csv", "select * from entities order by entity_id")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert json.loads(rows[2]["aliases"]) == ["Militia", "the group"] and rows[2]["name"] == 'Militia, "the group"'


@pytest.mark.parametrize("table", ["documents", "entities", "attack_events", "tallies", "runs", "quarantine",
                                   "weekly_attack_counts", "reported_tallies"])
@pytest.mark.parametrize("fmt", ["csv", "json", "table", "line"])
def test_every_table_prints_in_every_format(data_dir, table, fmt):
    result = _sql(data_dir, "-f", fmt, f"select * from {table}")
    assert result.exit_code == 0, result.output


def test_json_keeps_lists_and_dates(data_dir):
    rows = json.loads(_sql(data_dir, "-f", "json", "select weapons, event_date from attack_events order by event_id").stdout)
    assert rows[0] == {"weapons": ["drone", "one-way attack drone"], "event_date": "2026-01-05"}


def test_parquet_goes_to_a_file_with_its_types(data_dir, tmp_path):
    import polars as pl

    target = tmp_path / "events.parquet"
    result = _sql(data_dir, "-f", "parquet", "-o", str(target), "select * from attack_events")
    assert result.exit_code == 0, result.output
    frame = pl.read_parquet(target)
    assert frame.schema["weapons"] == pl.List(pl.String) and frame.height == 2


def test_table_fits_the_terminal_and_cuts_long_text_with_an_ellipsis(data_dir):
    out = _sql(data_dir, "select * from attack_events")  # CliRunner: no terminal, 120 columns assumed
    assert out.exit_code == 0
    assert max(len(line) for line in out.stdout.splitlines()) <= 120
    narrow = _sql(data_dir, "--max-width", "12", "select evidence from attack_events where event_id = 'e1'").stdout
    assert "Two drones …" in narrow and LONG.strip() not in narrow


def test_max_width_wider_than_the_terminal_hides_no_column(data_dir, monkeypatch):
    # DuckDB squeezes a column that cannot fit to a lone "…"; the CLI then prints records instead
    monkeypatch.setenv("COLUMNS", "60")
    out = _sql(data_dir, "--max-width", "200", "select event_id, evidence from attack_events where event_id = 'e1'").stdout
    assert "evidence = " in out and LONG.strip()[:50] in out


def test_line_format_shows_every_column_of_a_wide_row(data_dir):
    out = _sql(data_dir, "-f", "line", "select * from attack_events where event_id = 'e1'").stdout
    names = [line.split(" = ")[0].strip() for line in out.splitlines() if " = " in line]
    assert names == contract().tables["attack_events"].column_names
    assert 'weapons = ["drone", "one-way attack drone"]' in out


def test_query_from_stdin_from_a_file_and_into_a_file(data_dir, tmp_path):
    assert _sql(data_dir, "-f", "csv", "-", stdin="select count(*) as n from documents").stdout.splitlines() == ['"n"', "2"]
    query = tmp_path / "q.sql"
    query.write_text("select count(*) as n from attack_events\n")
    target = tmp_path / "out.json"
    result = _sql(data_dir, "--file", str(query), "-f", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == "" and json.loads(target.read_text()) == [{"n": 2}]


# -- export, runs, quarantine --------------------------------------------------------------

def test_export_all_tables_is_read_by_polars_pandas_and_duckdb(data_dir, tmp_path):
    import duckdb
    import pandas as pd
    import polars as pl

    from warehouse.export import default_names

    result = runner.invoke(app, ["export", "--data-dir", str(data_dir), "--output", str(tmp_path / "p")])
    assert result.exit_code == 0, result.output
    for name in default_names():
        path = tmp_path / "p" / f"{name}.parquet"
        rows = duckdb.sql(f"select count(*) from '{path}'").fetchall()[0][0]
        assert pl.read_parquet(path).height == pd.read_parquet(path).shape[0] == rows, name
    assert pl.read_parquet(tmp_path / "p" / "attack_events.parquet").schema["weapons"] == pl.List(pl.String)
    if shutil.which("duckdb"):  # the duckdb CLI, where installed
        out = subprocess.run(["duckdb", "-csv", "-c", f"select count(*) from '{tmp_path}/p/attack_events.parquet'"],
                             capture_output=True, text=True)
        assert out.stdout.splitlines()[-1] == "2"


def test_export_csv_of_named_tables_round_trips_lists(data_dir, tmp_path):
    import polars as pl

    result = runner.invoke(app, ["export", "entities", "attack_events", "-f", "csv", "--data-dir", str(data_dir),
                                 "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["attack_events.csv", "entities.csv"]
    weapons = pl.read_csv(tmp_path / "attack_events.csv").sort("event_id")["weapons"].str.json_decode(pl.List(pl.String))
    assert weapons.to_list() == [["drone", "one-way attack drone"], ["rocket"]]


def test_export_of_an_unknown_table_names_the_ones_that_exist(data_dir, tmp_path):
    out = _sitrep("export", "nosuch", "--data-dir", str(data_dir), "-o", str(tmp_path / "x"))
    assert out.returncode == 2 and "nosuch" in out.stderr and "attack_events" in out.stderr
    assert not (tmp_path / "x").exists()


def test_runs_lists_status_counts_validation_duration_and_version(data_dir):
    rows = json.loads(runner.invoke(app, ["runs", "--data-dir", str(data_dir), "-f", "json"]).stdout)
    assert rows[0]["status"] == "succeeded_with_quarantine" and rows[0]["files_quarantined"] == 1
    assert rows[0]["seconds"] == 12.5 and rows[0]["validation_passed"] is True and rows[0]["pipeline_version"]


def test_quarantine_lists_files_with_reason_and_time(data_dir):
    rows = json.loads(runner.invoke(app, ["quarantine", "--data-dir", str(data_dir), "-f", "json"]).stdout)
    assert rows == [{"source_path": "/in/[draft] empty.txt", "stage": "decode", "reason": "empty file (0 bytes)",
                     "quarantined_at": "2026-01-05T10:00:00", "run_id": "r1", "source_sha256": "h3"}]


def test_quarantine_of_a_warehouse_from_before_stage_and_time_shows_the_run_start(data_dir, tmp_path):
    from warehouse.query import quarantined_files

    copy = tmp_path / "w.duckdb"
    shutil.copy(data_dir / "warehouse.duckdb", copy)
    con = store.connect(copy)
    con.execute("alter table quarantine drop column stage")
    con.execute("alter table quarantine drop column quarantined_at")
    con.close()
    row = quarantined_files(copy).to_pylist()[0]
    assert "stage" not in row and row["quarantined_at"] == dt.datetime(2026, 1, 5, 10, 0)


# -- conventions ------------------------------------------------------------------------------

def _command_names() -> list[str]:
    return [c.name or c.callback.__name__.rstrip("_").replace("_", "-") for c in app.registered_commands]


def test_version_and_short_help():
    from sitrep import __version__

    assert runner.invoke(app, ["--version"]).stdout.strip() == f"sitrep {__version__}"
    assert "Commands" in runner.invoke(app, ["-h"]).stdout


def _help(command: str) -> str:
    import typer.main

    cmd = typer.main.get_command(app).commands[command]
    return cmd.get_help(cmd.context_class(cmd, info_name=command, terminal_width=400, max_content_width=400))


@pytest.mark.parametrize("command", _command_names())
def test_help_shows_defaults_an_example_and_conventional_metavars(command):
    text = _help(command)
    assert "Example:" in text
    assert not re.search(r"<[a-z][\w\[\], ]*>", text), text  # no <bool>, <path>, <list[str]>
    import typer.main

    flat = " ".join(text[text.index("Options:"):].split())
    for param in typer.main.get_command(app).commands[command].params:
        if getattr(param, "is_flag", False) or param.default in (None, [], ()) or "--help" in param.opts:
            continue
        # the text after the option's name, up to the next option, names its default
        after = flat[flat.index(max(param.opts, key=len) + " "):]
        assert "[default:" in after[:after.find(" --", 3) if " --" in after[3:] else None], (command, param.opts)


def test_run_help_keeps_the_bracketed_defaults():
    assert "[default: 5 MB]" in _help("run")


def test_bare_sitrep_prints_help_without_a_traceback():
    out = _sitrep()
    assert "Usage:" in out.stderr and "Commands:" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("args", [["nosuch"], ["sql", "--nosuch"], ["runs", "--limit", "x"]])
def test_usage_errors_exit_2_with_one_line(args):
    out = _sitrep(*args)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("error: ") and "-h` for help" in out.stderr, out.stderr


def test_an_error_is_one_line_that_keeps_its_bracketed_values(data_dir):
    out = _sitrep("sql", "--data-dir", str(data_dir), "select error('e.g. [default: 5 MB] (x)')")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "e.g. [default: 5 MB] (x)" in out.stderr


def test_weekly_chart_into_a_missing_folder_is_one_line(data_dir):
    out = _sitrep("weekly", "--data-dir", str(data_dir), "--chart", "/missing/dir/x.png")
    assert out.returncode == 2 and out.stderr.strip().splitlines() == [
        "error: cannot write --chart /missing/dir/x.png: No such file or directory"]


_BUGGY = '''
import sys
from flows import cli

@cli.app.command()
def buggy() -> None:
    """Example: none"""
    raise RuntimeError("a bug [with brackets]")

sys.argv = ["sitrep", *sys.argv[1:]]
cli.main()
'''


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback():
    # a command with a bug stands for any exception sitrep did not raise on purpose
    out = subprocess.run([sys.executable, "-c", _BUGGY, "buggy"], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == [
        "error: RuntimeError: a bug [with brackets] (run with --debug for the traceback)"]
    debug = subprocess.run([sys.executable, "-c", _BUGGY, "--debug", "buggy"], capture_output=True, text=True, cwd=REPO)
    assert "Traceback" in debug.stderr and "a bug [with brackets]" in debug.stderr


# -- README ------------------------------------------------------------------------------

def _readme_commands() -> dict[str, str]:
    table = README[README.index("## Command line"):README.index("### Output formats")]
    return {m.group(1): m.group(0) for m in re.finditer(r"^\| `sitrep ([\w-]+)[^|]*(?:\\\|[^|]*)*\|", table, re.M)}


def test_the_readme_command_table_matches_the_cli():
    """sqlite-utils style: every command is in the README table, every option the table names exists."""
    import typer.main

    documented = _readme_commands()
    assert sorted(documented) == sorted(_command_names())
    group = typer.main.get_command(app)
    for name, row in documented.items():
        options = {o for p in group.commands[name].params for o in p.opts}
        for option in re.findall(r"(?<![\w-])(--[\w-]+)", row):
            assert option in options, f"README names {option} for sitrep {name}"


def _recipes() -> list[str]:
    section = README[README.index("### SQL recipes"):README.index("## Scheduled runs")]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_the_readme_has_the_four_analyst_recipes():
    text = " ".join(_recipes())
    assert len(_recipes()) >= 4
    for needle in ("weekly_attack_counts", "attacker_id", "event_date is null", "reported_tallies"):
        assert needle in text


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("recipe", range(5))
def test_each_readme_recipe_runs_in_table_csv_and_json(data_dir, recipe, fmt):
    recipes = _recipes()
    if recipe >= len(recipes):
        pytest.skip("fewer recipes")
    result = _sql(data_dir, "-f", fmt, recipes[recipe])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.stdout), recipes[recipe]  # every recipe finds rows in this warehouse


def test_the_tally_series_recipe_puts_a_headline_count_on_one_line(data_dir):
    rows = json.loads(_sql(data_dir, "-f", "json", _recipes()[3]).stdout)
    series = {(r["series"], r["count"]) for r in rows}
    assert series == {("attacks", 46), ("attacks", 60), ("attacks in Iraq", 24), ("attacks in Syria", 22)}

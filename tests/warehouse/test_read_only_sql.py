"""`sitrep sql` writes nothing: not the warehouse, not a file, not an extension, not a setting."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from warehouse import store
from warehouse.exceptions import QueryError
from warehouse.query import run_query


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    con = store.connect(tmp_path / "warehouse.duckdb")
    store.ensure_schema(con)
    con.execute("create table notes as select 1 as a")
    (tmp_path / "lake").mkdir()
    con.execute(f"copy notes to '{tmp_path / 'lake' / 'notes.parquet'}' (format parquet)")
    con.close()
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("kind, sql", [
    ("copy into the warehouse file", "copy (select 1) to '{w}' (format csv)"),
    ("copy to a new file", "copy (select 1) to '{d}/out.csv' (format csv)"),
    ("copy into the readable lake", "copy (select 1) to '{d}/lake/x.parquet' (format parquet)"),
    ("export database", "export database '{d}/export'"),
    ("attach a new database", "attach '{d}/other.duckdb' as other"),
    ("attach the warehouse writable", "attach '{w}' as again"),
    ("install an extension", "install httpfs"),
    ("load an extension", "load httpfs"),
    ("switch file access back on", "set enable_external_access = true"),
    ("unlock the configuration", "reset lock_configuration"),
    ("insert", "insert into runs (run_id) values ('x')"),
    ("drop", "drop table runs"),
    ("create", "create table t2 as select 1"),
    ("update", "update sitrep_meta set value = 'x'"),
    ("two statements, the second a copy", "select 1; copy (select 1) to '{d}/two.csv'"),
    ("read a file outside the lake", "select * from read_csv('/etc/passwd')"),
])
def test_a_statement_that_would_write_or_reach_outside_fails_and_changes_nothing(data, kind, sql):
    before = snapshot(data)
    with pytest.raises(QueryError):
        run_query(data / "warehouse.duckdb", sql.format(w=data / "warehouse.duckdb", d=data))
    assert snapshot(data) == before, kind


def test_the_lake_stays_readable(data):
    table = run_query(data / "warehouse.duckdb", f"select a from read_parquet('{data / 'lake' / 'notes.parquet'}')")
    assert table.to_pylist() == [{"a": 1}]


@pytest.mark.parametrize("sql", ["select count(*) from runs", "explain select 1", "pragma version",
                                 "describe runs", "show tables", "from sitrep_meta select key"])
def test_reading_statements_run(data, sql):
    assert run_query(data / "warehouse.duckdb", sql).num_rows >= 1


def test_the_installed_cli_refuses_to_overwrite_the_warehouse(data):
    sitrep = Path(sys.executable).with_name("sitrep")
    before = snapshot(data)
    out = subprocess.run([str(sitrep), "sql", "--data-dir", str(data),
                          f"copy (select 1) to '{data / 'warehouse.duckdb'}' (format csv)"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2, out.stderr
    assert "read-only" in out.stderr and "Traceback" not in out.stderr
    assert snapshot(data) == before
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from notes").fetchone() == (1,)

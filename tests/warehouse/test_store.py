import datetime as dt

import pyarrow as pa
import pytest

from sitrep.schema import contract
from warehouse import store
from warehouse.exceptions import QueryError, WarehouseError
from warehouse.query import run_query

CONTRACT_COLUMNS = {
    "documents": ["doc_id", "source_path", "source_sha256", "encoding", "title", "publisher", "published_at",
                  "published_date", "published_source", "body", "word_count", "duplicate_of", "run_id",
                  "ingested_at", "pipeline_version"],
    "entities": ["entity_id", "name", "entity_type", "country_code", "latitude", "longitude", "aliases"],
    "mentions": ["doc_id", "entity_id", "surface", "start_char", "end_char"],
    "attack_events": ["event_id", "doc_id", "incident_id", "event_date", "date_min", "date_max", "date_text",
                      "weapons", "attacker_id", "target_id", "location_id", "country_code", "outcome",
                      "attack_count", "evidence", "start_char", "end_char", "confidence"],
    "tallies": ["tally_id", "doc_id", "count", "qualifier", "unit", "period_start", "period_end", "scope",
                "stated_by_id", "evidence"],
    "runs": ["run_id", "started_at", "finished_at", "status", "files_seen", "files_new", "files_quarantined",
             "rows_written", "validation_passed"],
    "quarantine": ["source_path", "source_sha256", "reason", "run_id"],
    "weekly_attack_counts": ["week_start", "country_code", "incidents", "event_mentions", "documents"],
    "weekly_attacks_by_target": ["week_start", "country_code", "target_country", "target_kind", "incidents",
                                 "event_mentions", "documents"],
}


def run_row(run_id="r1"):
    now = dt.datetime(2026, 1, 1)
    return {"run_id": run_id, "started_at": now, "finished_at": now, "status": "succeeded", "files_seen": 1,
            "files_new": 1, "files_quarantined": 0, "validation_passed": True}


def test_every_contract_table_and_view_has_its_columns(con):
    for name, columns in CONTRACT_COLUMNS.items():
        have = [r[0] for r in con.execute(f"describe {name}").fetchall()]
        assert set(columns) <= set(have), name
    assert con.execute("select count(*) from reported_tallies").fetchone() == (0,)


def test_schema_creation_is_idempotent(con):
    store.ensure_schema(con)
    assert con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone() == (str(contract().version),)


def test_a_failing_load_rolls_back_everything(con):
    from tests.warehouse.test_lake import quarantine_table

    store.load_run(con, {"quarantine": quarantine_table()}, run_row("r1"))
    with pytest.raises(WarehouseError, match="rolled back"):
        duplicated = pa.concat_tables([quarantine_table(2), quarantine_table(1)])  # row 0 twice: a duplicate key
        store.load_run(con, {"quarantine": duplicated}, run_row("r2"))
    assert con.execute("select count(*) from quarantine").fetchone() == (1,)
    assert con.execute("select run_id from runs").fetchall() == [("r1",)]


def test_known_hashes_include_quarantined_content(con):
    from tests.warehouse.test_lake import quarantine_table

    store.load_run(con, {"quarantine": quarantine_table()}, run_row())
    assert store.known_hashes(con, [f"{0:064x}", f"{1:064x}"], pipeline_version="v") == {f"{0:064x}"}


def test_content_quarantined_by_another_pipeline_version_is_tried_again(con):
    from tests.warehouse.test_lake import quarantine_table

    store.load_run(con, {"quarantine": quarantine_table()}, run_row())  # quarantined under version "v"
    assert store.known_hashes(con, [f"{0:064x}"], pipeline_version="v2") == set()


def test_a_load_replaces_the_quarantine_rows_of_files_it_loads_or_quarantines_again(con):
    from tests.warehouse.test_lake import quarantine_table

    store.load_run(con, {"quarantine": quarantine_table(2)}, run_row("r1"))
    again = quarantine_table(1).to_pylist()
    again[0].update(run_id="r2", reason="binary file: PNG image")
    incoming = {"quarantine": pa.Table.from_pylist(again, schema=quarantine_table().schema)}
    assert store.superseded_quarantine(con, incoming) == [("r1", f"{0:064x}")]
    store.load_run(con, incoming, run_row("r2"))
    assert con.execute("select run_id, reason from quarantine order by source_sha256").fetchall() == \
        [("r2", "binary file: PNG image"), ("r1", "empty file (0 bytes)")]


def test_sql_is_read_only(tmp_path, con):
    con.close()
    with pytest.raises(QueryError, match="read-only"):
        run_query(tmp_path / "w.duckdb", "drop table runs")
    with pytest.raises(QueryError):
        run_query(tmp_path / "w.duckdb", "insert into runs (run_id) values ('x')")


def test_querying_a_missing_warehouse_says_what_to_do(tmp_path):
    with pytest.raises(WarehouseError, match="run `sitrep run`"):
        run_query(tmp_path / "absent.duckdb", "select 1")


def test_a_warehouse_from_a_newer_sitrep_is_refused_unchanged(con):
    from warehouse.exceptions import SchemaMismatch

    con.execute("update sitrep_meta set value = '99' where key = 'contract_version'")
    with pytest.raises(SchemaMismatch, match="newer than this sitrep"):
        store.ensure_schema(con)
    assert con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone() == ("99",)


def test_a_warehouse_from_an_older_contract_without_migration_is_refused(con):
    from warehouse.exceptions import SchemaMismatch

    con.execute("update sitrep_meta set value = '0' where key = 'contract_version'")
    with pytest.raises(SchemaMismatch, match="no migration from version 0"):
        store.ensure_schema(con)


def test_a_table_changed_outside_sitrep_is_reported_by_column(con):
    from warehouse.exceptions import SchemaMismatch

    con.execute("drop view reported_tallies")
    con.execute("alter table tallies drop column scope")
    with pytest.raises(SchemaMismatch, match="tallies lacks column"):
        store.ensure_schema(con)


def test_a_migration_upgrades_an_old_warehouse_in_the_schema_transaction(con, monkeypatch):
    from warehouse import migrations

    con.execute("update sitrep_meta set value = '0' where key = 'contract_version'")
    calls = []
    monkeypatch.setitem(migrations.MIGRATIONS, 0, lambda c: calls.append(c.execute("select 1").fetchone()))
    store.ensure_schema(con)
    assert calls == [(1,)]
    assert con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone() == (str(contract().version),)


def test_a_version_1_warehouse_gains_the_quarantine_queue_columns(con):
    con.execute("alter table quarantine drop column stage")
    con.execute("alter table quarantine drop column quarantined_at")
    con.execute("update sitrep_meta set value = '1' where key = 'contract_version'")
    con.execute("insert into runs (run_id, started_at, status, files_seen, files_new, files_quarantined, rows_written, "
                "pipeline_version) values ('r1', timestamp '2026-11-01 10:00:00', 'succeeded_with_quarantine', 1, 1, 1, 0, "
                "'sitrep-0.4.1')")
    con.execute("insert into quarantine (source_path, source_sha256, reason, run_id, pipeline_version) "
                "values ('a.txt', 'x', 'empty file (0 bytes)', 'r1', 'sitrep-0.4.1')")
    store.ensure_schema(con)
    assert con.execute("select quarantined_at::varchar, stage from quarantine").fetchall() == \
        [("2026-11-01 10:00:00", "unknown")]



def test_issue12_a_version_1_warehouse_gains_the_attack_typing_columns(con):
    # a version-1 warehouse climbs every step; the attack typing arrives with contract 3
    new = ["event_type", "sub_event_type", "target_kind", "fatalities", "injured"]
    con.execute("drop view if exists weekly_attack_counts")
    con.execute("drop view if exists stg_attack_events")
    for column in new:
        con.execute(f"alter table attack_events drop column {column}")
    con.execute("update sitrep_meta set value = '1' where key = 'contract_version'")
    store.ensure_schema(con)
    have = [r[0] for r in con.execute("describe attack_events").fetchall()]
    assert set(new) <= set(have)
    assert con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone() == (str(contract().version),)


def test_issue16_a_version_4_warehouse_gains_the_run_kind_and_components(con):
    con.execute("alter table runs drop column components")
    con.execute("alter table runs drop column kind")
    con.execute("update sitrep_meta set value = '4' where key = 'contract_version'")
    con.execute("insert into runs (run_id, started_at, status, files_seen, files_new, files_quarantined, rows_written, "
                "pipeline_version) values ('r1', timestamp '2026-11-01 10:00:00', 'succeeded', 1, 1, 0, 3, "
                "'sitrep-0.5.0')")
    store.ensure_schema(con)
    assert con.execute("select run_id, kind, components from runs").fetchall() == [("r1", None, None)]
    assert con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone() == (str(contract().version),)
    store.record_run(con, {**run_row("r2"), "kind": "reprocess", "components": ["attacks.v2"]})
    assert con.execute("select kind, components from runs where run_id = 'r2'").fetchone() == ("reprocess", ["attacks.v2"])


def test_a_query_during_a_load_waits_for_it_then_answers(tmp_path, con):
    import subprocess
    import sys

    con.close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(3)", str(tmp_path / "w.duckdb")],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    messages = []
    with pytest.raises(WarehouseError, match="stayed busy"):
        run_query(tmp_path / "w.duckdb", "select 1", wait_seconds=0.5, on_wait=messages.append)
    assert messages and "being loaded" in messages[0]
    assert run_query(tmp_path / "w.duckdb", "select 42 as x", wait_seconds=30).to_pylist() == [{"x": 42}]
    holder.wait()


def test_similar_documents_are_found_by_lsh_band_in_sql(con):
    import pyarrow as pa

    from sitrep.schema import contract
    from transforms.dedup import lsh_bands, minhash_signature

    text = " ".join(f"Report {i}: a drone attack hit base number {i} near the airport, officials said." for i in range(40))
    other = " ".join(f"Note {i}: the central bank left rate {i} unchanged, citing slowing inflation." for i in range(40))
    now = dt.datetime(2026, 1, 1)
    rows = [{"doc_id": f"d{i}", "source_path": f"{i}.txt", "source_sha256": f"{i:064x}", "encoding": "utf-8",
             "published_source": "none", "body": body, "word_count": 1, "run_id": "r1", "ingested_at": now,
             "pipeline_version": "v", "minhash": minhash_signature(body)} for i, body in enumerate([text, other])]
    schema = contract()["documents"].arrow_schema()
    store.load_run(con, {"documents": pa.Table.from_pylist(rows, schema=schema)}, run_row())
    near = minhash_signature(text + " Officials said more.")
    assert [d for d, _, _ in store.similar_documents(con, [near], *lsh_bands())] == ["d0"]
    assert store.similar_documents(con, [minhash_signature("Nothing like either of them at all. " * 5)], *lsh_bands()) == []


def test_a_local_lake_run_loads_through_duckdbs_own_parquet_reader(tmp_path, con):
    import duckdb

    from tests.warehouse.test_lake import quarantine_table
    from warehouse import lake

    rows = quarantine_table(5)
    lake.write_run(tmp_path / "lake", "r1", {"quarantine": rows.slice(0, 2)}, part=0)
    lake.write_run(tmp_path / "lake", "r1", {"quarantine": rows.slice(2)}, part=1)
    tables = store.run_tables(con, str(tmp_path / "lake"), "r1")
    assert set(tables) == {"quarantine"} and isinstance(tables["quarantine"], duckdb.DuckDBPyRelation)
    assert store.load_run(con, tables, run_row("r1")) == 5
    assert con.execute("select count(distinct source_sha256) from quarantine").fetchone()[0] == 5


def test_a_version_1_warehouse_gains_the_event_place_columns(con):
    # issue 14: contract 2 added where each attack event is on the map
    con.execute("drop view if exists weekly_attacks_by_target")
    con.execute("drop view if exists weekly_attack_counts")
    con.execute("drop view if exists stg_attack_events")
    for column in ("admin1", "latitude", "longitude", "geo_precision"):
        con.execute(f"alter table attack_events drop column {column}")
    con.execute("alter table documents drop column story_id")
    con.execute("update sitrep_meta set value = '1' where key = 'contract_version'")
    store.ensure_schema(con)
    have = {r[0] for r in con.execute("describe attack_events").fetchall()}
    assert {"admin1", "latitude", "longitude", "geo_precision"} <= have
    assert "story_id" in {r[0] for r in con.execute("describe documents").fetchall()}
    assert con.execute("select count(*) from weekly_attacks_by_target").fetchone() == (0,)


def test_issue12_a_version_5_warehouse_gains_the_event_anchor_and_disputed_columns(con):
    con.execute("drop view if exists weekly_attacks_by_target")
    con.execute("drop view if exists weekly_attack_counts")
    con.execute("drop view if exists stg_attack_events")
    for column in ("anchor_char", "disputed"):
        con.execute(f"alter table attack_events drop column {column}")
    con.execute("update sitrep_meta set value = '5' where key = 'contract_version'")
    store.ensure_schema(con)
    have = {r[0] for r in con.execute("describe attack_events").fetchall()}
    assert {"anchor_char", "disputed"} <= have
    assert con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone() == (str(contract().version),)

"""`sitrep reprocess` end to end: the real flow fills a real DuckDB file, a rule changes, the
stored documents are rebuilt from `documents.body` (no inbox), then the rule comes back."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys

import duckdb
import pytest

from tests.conftest import SAMPLES_INBOX

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]

TODAY = dt.date(2026, 11, 22)
# Columns that name the run, not the facts: a rebuild rewrites them.
RUN_COLUMNS = {"run_id", "pipeline_version", "ingested_at"}
TABLES = ("documents", "entities", "mentions", "attack_events", "tallies")


def snapshot(data_dir) -> dict[str, list[tuple]]:
    """Every row of the derived tables (and documents), without the columns that name the run."""
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [r[0] for r in con.execute("select column_name from information_schema.columns where table_name = ? "
                                              "order by ordinal_position", [table]).fetchall() if r[0] not in RUN_COLUMNS]
            out[table] = sorted(map(repr, con.execute(f"select {', '.join(cols)} from {table}").fetchall()))
        return out
    finally:
        con.close()


def clear_rule_caches() -> None:
    """Rule files are read once per process: forget every cached reading of them."""
    for name, module in list(sys.modules.items()):
        if name.startswith("transforms.") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def test_issue16_reprocess_after_a_rule_change_changes_rows_and_equals_a_fresh_run(tmp_path, monkeypatch):
    from flows.ingest import ingest_inbox
    from flows.reprocess import reprocess
    from transforms import resources

    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES_INBOX, inbox)
    data = tmp_path / "data"
    assert ingest_inbox(inbox=str(inbox), data_dir=str(data), today=TODAY).exit_code == 0
    fresh = snapshot(data)
    shutil.rmtree(inbox)  # reprocessing needs no file

    dry = reprocess(data, since_version="999.0", dry_run=True, today=TODAY)
    assert dry.documents == 10 and dry.rebuilt == 0 and snapshot(data) == fresh
    assert reprocess(data, since_version="0.0.1", dry_run=True).documents == 0  # none older than that
    from typer.testing import CliRunner

    from flows.cli import app
    said = CliRunner().invoke(app, ["reprocess", "--data-dir", str(data), "--since-version", "0.0.1", "--dry-run"])
    assert said.exit_code == 0 and "nothing to rebuild" in said.stdout and "none" not in said.stdout

    # a changed rule: "attack" and "strike" are no longer attack triggers
    real = resources.data_text

    def fewer_triggers(name: str) -> str:
        text = real(name)
        if name.endswith("attack_triggers.jsonl"):
            text = "\n".join(line for line in text.splitlines() if not line.strip() or line.startswith("#")
                             or json.loads(line).get("lemma") not in ("attack", "strike"))
        return text

    monkeypatch.setattr(resources, "data_text", fewer_triggers)
    clear_rule_caches()
    changed = reprocess(data, everything=True, today=TODAY)
    assert changed.status == "succeeded" and changed.rebuilt == 10 and not changed.kept
    assert changed.rows_after["attack_events"] < changed.rows_before["attack_events"]
    after = snapshot(data)
    assert after["documents"] == fresh["documents"]  # the stored texts and their header facts stay
    assert after["attack_events"] != fresh["attack_events"]

    # the rule back, rebuilt again: the warehouse equals the fresh run's on the same files
    monkeypatch.setattr(resources, "data_text", real)
    clear_rule_caches()
    restored = reprocess(data, everything=True, today=TODAY)
    assert restored.rebuilt == 10 and restored.rows_after == changed.rows_before
    assert snapshot(data) == fresh

    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        runs = con.execute("select kind, status, components from runs order by started_at").fetchall()
        stale = con.execute("select count(*) from mentions where run_id <> ?", [restored.run_id]).fetchone()[0]
    finally:
        con.close()
    assert [(k, s) for k, s, _ in runs] == [("ingest", "succeeded"), ("reprocess", "succeeded"), ("reprocess", "succeeded")]
    assert all("attacks.v" in " ".join(c) for _, _, c in runs)
    assert stale == 0  # every derived row names the run (and so the components) that made it

    from warehouse.lake import table_dataset  # the lake follows the warehouse

    lake = {t: table_dataset(data / "lake", t).to_table() for t in TABLES}
    assert {t: lake[t].num_rows for t in TABLES if t != "entities"} == \
        {t: len(rows) for t, rows in fresh.items() if t != "entities"}
    assert len(set(lake["entities"].column("entity_id").to_pylist())) == len(fresh["entities"])


def test_issue16_partial_reprocess_leaves_one_lake_row_per_entity(tmp_path):
    """`--since-version` on some documents: the entity rows the rebuild writes replace the earlier
    runs' rows of the same entities (the lake had each entity once, so it still has), and the
    lake holds the warehouse's entities, no more."""
    from flows.ingest import ingest_inbox
    from flows.reprocess import reprocess
    from sitrep import PIPELINE_VERSION
    from warehouse.lake import table_dataset

    data = tmp_path / "data"
    assert ingest_inbox(inbox=str(SAMPLES_INBOX), data_dir=str(data), today=TODAY).exit_code == 0
    ids = table_dataset(data / "lake", "entities").to_table().column("entity_id").to_pylist()
    assert len(ids) == len(set(ids))  # one run of one batch: each entity once
    con = duckdb.connect(str(data / "warehouse.duckdb"))
    try:  # three documents as an older sitrep would have left them
        con.execute("update documents set pipeline_version = 'sitrep-0.0.1' where doc_id in "
                    "(select doc_id from documents order by doc_id limit 3)")
    finally:
        con.close()
    done = reprocess(data, since_version=PIPELINE_VERSION, today=TODAY)
    assert done.status == "succeeded" and done.rebuilt == 3
    lake = table_dataset(data / "lake", "entities").to_table().column("entity_id").to_pylist()
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        warehouse = {r[0] for r in con.execute("select entity_id from entities").fetchall()}
    finally:
        con.close()
    assert len(lake) == len(set(lake)), "an entity has two rows in the lake"
    assert set(lake) == warehouse

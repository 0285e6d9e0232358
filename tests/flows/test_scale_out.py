"""The same flow on Dask (prefect-dask) and with the lake on an object store (moto's S3)."""

from __future__ import annotations

import duckdb
import pytest

from benchmarks.corpus import generate
from tests.conftest import SAMPLES_INBOX

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]

# Columns that differ between two runs of the same files by design.
RUN_COLUMNS = {"run_id", "ingested_at", "pipeline_version"}


def tables(data_dir) -> dict[str, list]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        out = {}
        for table in ("documents", "entities", "mentions", "attack_events", "tallies"):
            cols = [c for (c,) in con.execute("select column_name from information_schema.columns "
                                              "where table_name = ? order by ordinal_position", [table]).fetchall()
                    if c not in RUN_COLUMNS]
            out[table] = con.execute(f"select {', '.join(cols)} from {table} order by all").fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """60 generated articles: enough for several NLP batches."""
    inbox = tmp_path_factory.mktemp("corpus") / "inbox"
    generate(60, 11, inbox)
    return inbox


def test_dask_workers_load_the_same_warehouse_as_one_local_process(corpus, tmp_path):
    from flows.ingest import run_ingest

    on_dask = run_ingest(dask_workers=2, inbox=str(corpus), data_dir=str(tmp_path / "dask"))
    local = run_ingest(workers=1, inbox=str(corpus), data_dir=str(tmp_path / "local"))
    assert on_dask.status == local.status == "succeeded"
    assert on_dask.rows_per_table["documents"] == local.rows_per_table["documents"] == 60
    assert tables(tmp_path / "dask") == tables(tmp_path / "local")


def test_local_worker_processes_load_the_same_warehouse_as_one_process(corpus, tmp_path):
    from flows.ingest import run_ingest

    pooled = run_ingest(workers=2, inbox=str(corpus), data_dir=str(tmp_path / "pool"))
    assert pooled.status == "succeeded"
    run_ingest(workers=1, inbox=str(corpus), data_dir=str(tmp_path / "one"))
    assert tables(tmp_path / "pool") == tables(tmp_path / "one")


def test_the_lake_on_s3_loads_the_warehouse_and_reruns_add_nothing(s3_endpoint, tmp_path):
    from flows.ingest import run_ingest
    from warehouse import lake

    uri = s3_endpoint()
    first = run_ingest(inbox=str(SAMPLES_INBOX), data_dir=str(tmp_path / "s3"), lake=uri)
    assert first.status in ("succeeded", "succeeded_with_quarantine")
    assert lake.part_numbers(uri, first.run_id, "documents") == [0]
    assert not (tmp_path / "s3" / "lake").exists()
    run_ingest(inbox=str(SAMPLES_INBOX), data_dir=str(tmp_path / "disk"))
    assert tables(tmp_path / "s3") == tables(tmp_path / "disk")
    con = duckdb.connect()
    con.register("lake_documents", lake.table_dataset(uri, "documents"))
    assert con.execute("select count(*) from lake_documents").fetchone()[0] == first.rows_per_table["documents"]
    again = run_ingest(inbox=str(SAMPLES_INBOX), data_dir=str(tmp_path / "s3"), lake=uri)
    assert again.status == "nothing_new"

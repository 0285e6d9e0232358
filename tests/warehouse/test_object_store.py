"""The lake on an object store: the same module against a local S3 server (moto)."""

import duckdb
import pyarrow as pa

from tests.warehouse.test_lake import quarantine_table
from warehouse import lake


def test_a_run_writes_lists_reads_and_streams_from_s3(s3_endpoint):
    uri = s3_endpoint()
    written = lake.write_run(uri, "r1", {"quarantine": quarantine_table(2)}, part=0)
    lake.write_run(uri, "r1", {"quarantine": quarantine_table(3)}, part=1)
    assert written["quarantine"].endswith("/lake/quarantine/run_id=r1/part-0.parquet")
    assert lake.part_numbers(uri, "r1", "quarantine") == [0, 1]
    assert lake.read_run(uri, "r1")["quarantine"].num_rows == 5
    con = duckdb.connect()
    con.register("incoming", lake.run_dataset(uri, "quarantine", "r1"))
    assert con.execute("select count(*) from incoming").fetchone()[0] == 5


def test_duckdb_queries_every_run_of_a_table_on_s3(s3_endpoint):
    uri = s3_endpoint()
    lake.write_run(uri, "r1", {"quarantine": quarantine_table(2)})
    lake.write_run(uri, "r2", {"quarantine": quarantine_table(1)})
    lake.write_run(uri, "loading", {"quarantine": quarantine_table(4)})  # no manifest: not committed
    lake.commit_run(uri, "r1")
    lake.commit_run(uri, "r2")
    con = duckdb.connect()
    con.register("quarantine", lake.table_dataset(uri, "quarantine"))
    assert con.execute("select count(*), count(distinct source_path) from quarantine").fetchone() == (3, 2)


def test_unfinished_runs_are_removed_from_s3(s3_endpoint):
    uri = s3_endpoint()
    lake.write_run(uri, "done", {"quarantine": quarantine_table()})
    lake.write_run(uri, "killed", {"quarantine": quarantine_table()})
    assert lake.remove_unfinished(uri, {"done"}) == 1
    assert lake.part_numbers(uri, "killed", "quarantine") == []
    assert isinstance(lake.read_run(uri, "done")["quarantine"], pa.Table)

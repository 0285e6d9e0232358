import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warehouse import lake
from warehouse.exceptions import WarehouseError


def quarantine_table(n=1):
    from sitrep.schema import contract

    rows = [{"source_path": f"f{i}.txt", "source_sha256": f"{i:064x}", "reason": "empty file (0 bytes)",
             "run_id": "r1", "pipeline_version": "v", "quarantined_at": dt.datetime(2026, 11, 1),
             "stage": "decode"} for i in range(n)]
    return pa.Table.from_pylist(rows, schema=contract()["quarantine"].arrow_schema())


def test_a_run_is_written_under_its_own_partition_and_reads_back(tmp_path):
    written = lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table(2)})
    assert written["quarantine"] == str(tmp_path / "quarantine" / "run_id=r1" / "part-0.parquet")
    assert lake.read_run(tmp_path, "r1")["quarantine"].num_rows == 2


def test_no_temporary_file_is_left_behind(tmp_path):
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table()})
    assert [p.name for p in (tmp_path / "quarantine" / "run_id=r1").iterdir()] == ["part-0.parquet"]


def test_a_second_run_adds_a_partition_and_rewrites_nothing(tmp_path):
    first = Path(lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table()})["quarantine"])
    before = first.stat().st_mtime_ns
    lake.write_run(tmp_path, "r2", {"quarantine": quarantine_table()})
    assert first.stat().st_mtime_ns == before
    assert sorted(p.name for p in (tmp_path / "quarantine").iterdir()) == ["run_id=r1", "run_id=r2"]


def test_a_corrupted_lake_file_is_a_clear_error(tmp_path):
    path = Path(lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table()})["quarantine"])
    path.write_bytes(b"PAR1 not really parquet")
    with pytest.raises(WarehouseError, match="unreadable"):
        lake.read_run(tmp_path, "r1")


def test_rows_carry_run_id_and_pipeline_version(tmp_path):
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table()})
    table = pq.read_table(tmp_path / "quarantine" / "run_id=r1" / "part-0.parquet")
    assert {"run_id", "pipeline_version"} <= set(table.column_names)


@pytest.mark.parametrize("table, run_id", [("documents", "../../etc"), ("documents", "a/b"), ("../x", "r1")])
def test_lake_paths_never_leave_the_lake(tmp_path, table, run_id):
    with pytest.raises(WarehouseError, match="refusing lake path"):
        lake.partition_dir(tmp_path, table, run_id)


def test_a_run_reads_back_batch_by_batch_and_as_a_dataset(tmp_path):
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table(2)}, part=0)
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table(3)}, part=1)
    assert lake.part_numbers(tmp_path, "r1", "quarantine") == [0, 1]
    assert lake.read_run(tmp_path, "r1", parts=[1])["quarantine"].num_rows == 3
    assert lake.run_dataset(tmp_path, "quarantine", "r1").count_rows() == 5
    assert lake.run_dataset(tmp_path, "documents", "r1") is None
    assert [p.rsplit("/", 1)[-1] for p in lake.run_files(tmp_path, "quarantine", "r1")] == ["part-0.parquet",
                                                                                           "part-1.parquet"]


def test_unfinished_runs_are_removed(tmp_path):
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table()})
    lake.write_run(tmp_path, "r2", {"quarantine": quarantine_table()})
    assert lake.remove_unfinished(tmp_path, {"r1"}) == 1
    assert sorted(p.name for p in (tmp_path / "quarantine").iterdir()) == ["run_id=r1"]


def test_the_lake_reader_sees_only_committed_runs(tmp_path):
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table(2)})
    lake.write_run(tmp_path, "r2", {"quarantine": quarantine_table(3)})
    assert lake.table_dataset(tmp_path, "quarantine").count_rows() == 0
    lake.commit_run(tmp_path, "r1")
    assert lake.table_dataset(tmp_path, "quarantine").count_rows() == 2
    assert lake.committed_runs(tmp_path) == {"r1"}


def test_cleaning_removes_runs_that_did_not_load_and_writes_missing_manifests(tmp_path):
    lake.write_run(tmp_path, "loaded", {"quarantine": quarantine_table(2)})
    lake.write_run(tmp_path, "failed", {"quarantine": quarantine_table(3)})
    lake.commit_run(tmp_path, "failed")  # a manifest for a run the warehouse does not hold
    assert lake.remove_unfinished(tmp_path, {"loaded"}) == 1
    assert lake.committed_runs(tmp_path) == {"loaded"}
    assert lake.table_dataset(tmp_path, "quarantine").count_rows() == 2


def test_rows_are_dropped_from_a_run_by_rewriting_its_files(tmp_path):
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table(3)}, part=0)
    lake.write_run(tmp_path, "r1", {"quarantine": quarantine_table(1)}, part=1)
    assert lake.drop_rows(tmp_path, "r1", "quarantine", "source_sha256", [f"{0:064x}", f"{2:064x}"]) == 3
    assert lake.read_run(tmp_path, "r1")["quarantine"]["source_path"].to_pylist() == ["f1.txt"]
    assert lake.row_counts(tmp_path, "r1") == {"quarantine": 1}


def test_files_written_before_a_column_was_added_read_it_as_null(tmp_path):
    old = quarantine_table(1).drop_columns(["stage", "quarantined_at"])
    folder = tmp_path / "quarantine" / "run_id=r0"
    folder.mkdir(parents=True)
    pq.write_table(old, folder / "part-0.parquet")
    assert lake.read_run(tmp_path, "r0")["quarantine"]["stage"].to_pylist() == [None]
    lake.commit_run(tmp_path, "r0")
    assert lake.table_dataset(tmp_path, "quarantine").to_table()["stage"].to_pylist() == [None]

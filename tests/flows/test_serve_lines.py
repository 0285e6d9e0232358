"""`sitrep serve` prints one line per finished run, from the run's final Prefect state."""

from __future__ import annotations

import datetime as dt

from prefect.states import Completed, Failed

from flows.ingest import RunSummary
from flows.serve import run_line


def test_a_completed_run_gives_its_counts_and_duration():
    summary = RunSummary(run_id="20260105T100000Z-abc123", status="succeeded_with_quarantine", files_new=5,
                         files_quarantined=1, rows_written=89, validation_passed=True)
    state = Completed(data=summary)
    line = run_line("purple-sturgeon", state.timestamp - dt.timedelta(seconds=50), state)
    assert line == ("sitrep serve: run 20260105T100000Z-abc123 succeeded_with_quarantine: 5 new, 1 quarantined, "
                    "89 rows, validation passed, 50.0 s (flow run purple-sturgeon)")
    assert "\n" not in line


def test_a_failed_run_gives_the_first_line_of_its_message():
    state = Failed(message="Flow run encountered an exception: ValidationFailed: tallies.count: ...\nmore")
    line = run_line("ninja-frigatebird", None, state)
    assert line == ("sitrep serve: flow run ninja-frigatebird failed: "
                    "Flow run encountered an exception: ValidationFailed: tallies.count: ...")

"""Operations: the report in a real browser, charts, artifacts, progress, and serve on a schedule."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import SAMPLES_INBOX, SAMPLES_RUN_DAY

pytestmark = [pytest.mark.slow]
runner = CliRunner()
PNG = b"\x89PNG\r\n\x1a\n"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium() -> str:
    """Debian's chromium; installed here when missing and we may (the test machine is ours)."""
    found = shutil.which("chromium")
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, capture_output=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("chromium")
    if not found:
        pytest.skip("chromium is not installed and cannot be installed here")
    return found


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, prefect_harness) -> Path:
    data = tmp_path_factory.mktemp("ops") / "data"
    result = runner.invoke(app, ["run", "--inbox", str(SAMPLES_INBOX), "--data-dir", str(data),
                                 "--today", SAMPLES_RUN_DAY.isoformat()])
    assert result.exit_code == 0, result.output
    return data


def test_run_reports_progress_as_plain_lines_off_a_terminal(loaded):
    # CliRunner's stderr is not a terminal: one line per batch, with counts
    result = runner.invoke(app, ["run", "--inbox", str(SAMPLES_INBOX), "--data-dir", str(loaded.parent / "again"),
                                 "--today", SAMPLES_RUN_DAY.isoformat()])
    assert result.exit_code == 0
    assert "10/10 files" in result.stderr


def test_weekly_chart_is_a_png(loaded, tmp_path):
    chart = tmp_path / "weekly.png"
    result = runner.invoke(app, ["weekly", "--data-dir", str(loaded), "--chart", str(chart)])
    assert result.exit_code == 0 and chart.read_bytes().startswith(PNG)


def test_each_run_publishes_a_summary_and_the_weekly_counts_as_artifacts(loaded):
    from prefect.artifacts import Artifact

    summary = Artifact.get("sitrep-run-summary")
    weekly = Artifact.get("sitrep-weekly-attack-counts")
    assert summary is not None and "sitrep run" in summary.data
    assert weekly is not None and "2023-10-16" in str(weekly.data)


def test_an_idle_run_keeps_the_last_useful_summary(loaded):
    from prefect.artifacts import Artifact

    result = runner.invoke(app, ["run", "--inbox", str(SAMPLES_INBOX), "--data-dir", str(loaded),
                                 "--today", SAMPLES_RUN_DAY.isoformat()])
    assert result.exit_code == 0
    idle, summary = Artifact.get("sitrep-idle-run"), Artifact.get("sitrep-run-summary")
    assert idle is not None and "nothing_new" in idle.data
    assert summary is not None and "nothing_new" not in summary.data and "| table | rows |" in summary.data


def test_the_runs_log_lines_reach_the_prefect_api(loaded):
    """What the run page of the Prefect UI shows: each stage's files, rows and timings."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName, LogFilter, LogFilterFlowRunId
    from prefect.client.schemas.sorting import FlowRunSort

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_filter=FlowFilter(name=FlowFilterName(any_=["ingest-inbox"])),
                                     sort=FlowRunSort.START_TIME_DESC, limit=20)
        messages = []
        for _ in range(20):
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[r.id for r in runs])))
            messages = [log.message for log in logs]
            if any(m.startswith("load:") for m in messages):
                break
            time.sleep(0.5)
    for stage in ("discover:", "survey:", "analyze:", "lake:", "validate:", "load:"):
        assert any(m.startswith(stage) for m in messages), (stage, messages[:20])
    assert any(" in " in m and m.rstrip().endswith(" s") or " s;" in m for m in messages)  # timings


def test_data_docs_fetch_no_logo_with_the_context_id(loaded):
    site = loaded / "reports" / "gx" / "uncommitted" / "data_docs" / "local_site"
    pages = list(site.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "dataContextId" not in text and "great-expectations-web-assets" not in text, page


def test_report_renders_in_headless_chromium_with_its_charts(loaded, chromium, tmp_path):
    result = runner.invoke(app, ["report", "--data-dir", str(loaded), "--output", str(tmp_path / "report.html")])
    assert result.exit_code == 0
    page = (tmp_path / "report.html").read_text()
    for section in ("Attack incidents per ISO week", "Officially reported tallies", "Validation (Great Expectations)",
                    "Runs", "Quarantined files", "data:image/png;base64,"):
        assert section in page
    # links to the Data Docs are relative to the page: the folder can move or be served
    links = re.findall(r'href="([^"]+\.html)"', page)
    assert links and "file://" not in page
    assert all((tmp_path / urllib.parse.unquote(link)).resolve().is_file() for link in links), links
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    dom = subprocess.run([chromium, *CHROMIUM_FLAGS, *profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                          (tmp_path / "report.html").as_uri()], capture_output=True, text=True, timeout=120)
    assert 'id="weekly-chart"' in dom.stdout and 'id="tallies-chart"' in dom.stdout
    assert "CONSOLE" not in dom.stderr and "Uncaught" not in dom.stderr
    shot = tmp_path / "report.png"
    subprocess.run([chromium, *CHROMIUM_FLAGS, *profile, "--window-size=1200,1600", f"--screenshot={shot}",
                    (tmp_path / "report.html").as_uri()], capture_output=True, timeout=120)
    assert shot.read_bytes().startswith(PNG) and shot.stat().st_size > 50_000  # charts drawn, not a blank page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_the_schedule_and_sql_answers_meanwhile(tmp_path):
    """A one-minute cron on a real local Prefect server: files dropped in the inbox reach the
    warehouse while `sitrep sql` keeps answering; SIGTERM stops it cleanly."""
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update({"SITREP_SETTLE_SECONDS": "0", "PREFECT_HOME": str(tmp_path / "client-home")})
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    # output to a file, not a pipe: a pipe nobody reads while the test waits fills up and blocks
    # the server's logging, which would then look like a server that does not stop
    output = tmp_path / "serve.out"
    with output.open("w") as sink:
        server = subprocess.Popen([sitrep, "serve", "--cron", "* * * * *", "--inbox", str(inbox), "--data-dir", str(data),
                                   "--port", str(_free_port())], env=env, stdout=sink,
                                  stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 150
        while "Prefect UI at http://127.0.0.1:" not in output.read_text() and time.monotonic() < deadline:
            assert server.poll() is None, output.read_text()
            time.sleep(1)
        assert "Prefect UI at http://127.0.0.1:" in output.read_text(), output.read_text()
        for name in ("01_wire_dateline_oct18.txt", "04_updated_stamp_nov01.txt"):
            shutil.copy(SAMPLES_INBOX / name, inbox)
        deadline, answered, documents = time.monotonic() + 240, 0, 0
        while time.monotonic() < deadline and documents < 2:
            time.sleep(5)
            if not (data / "warehouse.duckdb").exists():
                continue
            out = subprocess.run([sitrep, "sql", "--data-dir", str(data), "-f", "csv",
                                  "select count(*) from documents"], capture_output=True, text=True, env=env)
            if out.returncode == 0:
                answered += 1
                documents = int(out.stdout.splitlines()[-1])
        assert documents == 2 and answered >= 1
        # the next minute's run may be in progress when the signal comes: serve stops it too
        time.sleep(max(0.0, 61 - time.time() % 60))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            raise
    assert code == 0, output.read_text()
    # one line per finished run, with its counts
    assert re.search(r"^sitrep serve: run \S+ succeeded: \d+ new, 0 quarantined, \d+ rows, validation passed, [\d.]+ s "
                     r"\(flow run [\w-]+\)$", output.read_text(), re.M)
    assert subprocess.run(["pgrep", "-f", f"prefect server start.*{data}"], capture_output=True).returncode != 0


def test_report_shows_what_the_rows_lack_counted_as_sql_counts_it(loaded, tmp_path):
    import duckdb

    from warehouse.query import report_rows

    gaps = {g["gap"]: g for g in report_rows(loaded / "warehouse.duckdb")["gaps"]}
    con = duckdb.connect(str(loaded / "warehouse.duckdb"), read_only=True)
    try:
        no_country, unmapped, events = con.execute(
            "select count(*) filter (where country_code is null), count(*) filter (where latitude is null), count(*) "
            "from attack_events where doc_id in (select doc_id from documents where superseded_by is null)").fetchone()
    finally:
        con.close()
    assert (gaps["attack events with no country"]["rows"], gaps["attack events with no country"]["of_rows"]) == \
        (no_country, events)
    assert no_country >= 1  # the samples' attack at sea has no country (the demo says so)
    assert 1 <= len(gaps["attack events with no country"]["examples"]) <= min(no_country, 5)  # files, not rows
    # a country alone is no point on a map: counted with the events that name no place
    assert gaps["attack events with no place on the map (none, or only a country)"]["rows"] == unmapped >= no_country
    result = runner.invoke(app, ["report", "--data-dir", str(loaded), "--output", str(tmp_path / "report.html")])
    assert result.exit_code == 0 and "What the rows lack" in (tmp_path / "report.html").read_text()

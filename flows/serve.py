"""`sitrep serve`: the ingest flow as a Prefect deployment on a cron schedule.

Scheduling needs a real Prefect API: the one PREFECT_API_URL names, else a local
`prefect server start` that this command launches (its database under DATA_DIR/prefect, the
UI bundled and working offline) and stops again on exit. SIGINT and SIGTERM stop the runner
cleanly: a flow run still in progress (Prefect runs each in a child process) is stopped too, while
the API it reports to is still up, so `serve` exits within RUN_STOP_GRACE_SECONDS plus the server's
own shutdown. A run interrupted mid-way leaves the warehouse as it was (one transaction per load),
and the next run does its work again.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from contextlib import contextmanager
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.settings import Settings

DEPLOYMENT = "sitrep-inbox"
SERVER_START_TIMEOUT = 120
# How long a flow run in progress gets to unwind after SIGTERM before it is killed. Its load is one
# transaction, so a kill loses nothing; the bound keeps `serve` inside a service manager's stop
# timeout (systemd's default is 90 s).
RUN_STOP_GRACE_SECONDS = 20


@contextmanager
def prefect_api(settings: Settings, host: str, port: int):
    """Yield the API URL to use: PREFECT_API_URL if set, else a local server started for the call."""
    existing = os.environ.get("PREFECT_API_URL")
    if existing:
        yield existing
        return
    if _port_taken(host, port):
        raise SitrepError(f"port {port} on {host} is in use: pass --port, or set PREFECT_API_URL to that server's /api")
    home = settings.data_dir / "prefect"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_API_URL": f"http://{host}:{port}/api"}
    prefect_cli = Path(sys.executable).with_name("prefect")
    log = open(home / "server.log", "ab")
    server = subprocess.Popen([str(prefect_cli), "server", "start", "--host", host, "--port", str(port)],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://{host}:{port}/api"
    try:
        _wait_healthy(url, server, home / "server.log")
        yield url
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def serve(cron: str, settings: Settings, host: str = "127.0.0.1", port: int = 4200, announce=print) -> None:
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError:
        raise SitrepError(f"--cron {cron!r} is not a cron expression (e.g. '*/15 * * * *')") from None
    settings.inbox.mkdir(parents=True, exist_ok=True)
    with prefect_api(settings, host, port) as url:
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from flows.ingest import ingest_inbox

        announce(f"sitrep serve: Prefect UI at {url.removesuffix('/api')}  (API {url})")
        announce(f"sitrep serve: deployment '{DEPLOYMENT}' runs on '{cron}' over {settings.inbox} -> {settings.data_dir}")
        previous = signal.signal(signal.SIGTERM, _raise_interrupt)
        # Prefect's runner stops with an un-awaited coroutine on interrupt: noise, not a fault
        warnings.filterwarnings("ignore", message="coroutine 'Runner.astop' was never awaited")
        try:
            with temporary_settings({PREFECT_API_URL: url}):
                ingest_inbox.with_options(on_completion=[announce_run], on_failure=[announce_run],
                                          on_crashed=[announce_run]).serve(name=DEPLOYMENT, cron=cron, print_starting_message=False,
                                   parameters={"inbox": str(settings.inbox), "data_dir": str(settings.data_dir),
                                               "wait_seconds": 120.0})
        except (KeyboardInterrupt, SystemExit):  # Prefect's runner turns SIGTERM into SystemExit(0)
            announce("sitrep serve: stopping")
        finally:
            signal.signal(signal.SIGTERM, previous)
            stopped = stop_flow_runs(RUN_STOP_GRACE_SECONDS)
            if stopped:
                announce(f"sitrep serve: stopped {stopped} flow run(s) in progress; their files stay in the inbox for the next run")


def announce_run(flow, flow_run, state) -> None:
    """A Prefect state hook: one line on standard output per finished run (it runs in the run's
    process, whose output the runner passes through to `serve`'s). Written directly, not printed:
    the flow's log_prints would turn a print() into a log record."""
    sys.stdout.write(run_line(flow_run.name, getattr(flow_run, "start_time", None), state) + "\n")
    sys.stdout.flush()


def run_line(name: str, started, state) -> str:
    """`sitrep serve: run RUN_ID STATUS: N new, N quarantined, N rows, validation X, S s (flow run NAME)`;
    a run that raised says so with its message instead of the counts. `started` is the flow
    run's start time (None when unknown: no duration then)."""
    seconds = f", {(state.timestamp - started).total_seconds():.1f} s" if started and state.timestamp else ""
    try:
        summary = state.result(raise_on_failure=False) if state.is_completed() else None
    except Exception:  # a result that cannot be read back still gets its line
        summary = None
    if summary is None or not hasattr(summary, "run_id"):
        message = (state.message or "").splitlines()[0] if state.message else ""
        return f"sitrep serve: flow run {name} {state.name.lower()}{seconds}: {message}".rstrip(": ")
    return (f"sitrep serve: run {summary.run_id} {summary.status}: {summary.files_new} new, "
            f"{summary.files_quarantined} quarantined, {summary.rows_written} rows, validation "
            f"{'-' if summary.validation_passed is None else 'passed' if summary.validation_passed else 'failed'}"
            f"{seconds} (flow run {name})")


def stop_flow_runs(grace_seconds: float) -> int:
    """Stop the flow runs still running in child processes of this one, with their NLP workers.

    Prefect's runner starts each flow run in a `multiprocessing` child, which would otherwise keep
    this process alive after the runner stopped, retrying an API that is about to go away. The
    child and its whole process tree get SIGTERM (the workers' batches are abandoned, so the run
    stops at once instead of finishing them), then SIGKILL after `grace_seconds` for what is left:
    no worker outlives `serve`. Returns how many flow runs were running."""
    import multiprocessing

    import psutil

    runs = [child for child in multiprocessing.active_children() if child.is_alive()]
    tree = []
    for run in runs:
        try:
            parent = psutil.Process(run.pid)
            tree += [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            continue
    for process in tree:
        try:
            process.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(tree, timeout=grace_seconds)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=5)
    for run in runs:
        run.join(1)  # reap it: multiprocessing's exit handler would join it again otherwise
    return len(runs)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _port_taken(host: str, port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex((host, port)) == 0


def _wait_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SitrepError(f"the Prefect server exited ({server.returncode}); see {log}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if json.loads(response.read() or b"false") is True:
                    return
        except (urllib.error.URLError, OSError, ValueError):
            pass
        time.sleep(1)
    raise SitrepError(f"the Prefect server did not become healthy within {SERVER_START_TIMEOUT} s; see {log}")

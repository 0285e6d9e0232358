"""Where a run's NLP batches execute, and the Prefect API they report to.

- default: NLP worker processes on this machine, one per core (`--workers N`). The flow's
  tasks run on threads (Prefect's ThreadPoolTaskRunner) and hand each batch to a process
  pool whose workers import only `transforms` and load the NER model once, at start-up:
  started by the CLI, they warm up while the Prefect server boots.
- `--dask-workers N`: a local Dask cluster of N single-threaded worker processes;
- `--dask-address tcp://HOST:PORT`: an existing Dask cluster. prefect-dask's DaskTaskRunner
  runs the `analyze` task itself on the Dask workers.

Every process that runs a task reports it to the Prefect API. Without PREFECT_API_URL, Prefect
starts a temporary server per process, so each Dask worker would start its own (seconds per
worker, and their runs invisible to the flow's): `PrefectApi` starts the one temporary server
up front and exports its URL, which the workers inherit.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from flows.memory import release_memory

# A run with fewer new files than this does its NLP in the flow's own process: starting
# workers (a few seconds each) would cost more than they save.
MIN_PARALLEL_FILES = 50

_pool: ProcessPoolExecutor | None = None
_apis: list["PrefectApi"] = []  # the APIs this process set up (stopped on an interrupt)


def cpu_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def task_runner(workers: int | None = None, dask_address: str | None = None, dask_workers: int | None = None):
    """The Prefect task runner for the NLP batches."""
    if dask_address or dask_workers:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=2 * (workers or cpu_workers()))


def _warm_up() -> None:
    import gc
    import signal

    from transforms.batch import warm_up

    # Ctrl-C reaches the whole process group: the run's own process decides what stops (it
    # kills its workers), a worker printing its own KeyboardInterrupt traceback helps nobody
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()
    # What the warm-up loaded (models, gazetteer, GeoNames tables: ~millions of objects) lives as
    # long as the worker: frozen out of the cyclic collector, the collections the batches trigger
    # walk only the batch's own objects (half the collector's time), and the worker's exit skips
    # full collections over them (seconds the run's end waits for in `analysis_pool`).
    gc.collect()
    gc.freeze()


@contextmanager
def local_pool(workers: int):
    """NLP worker processes for the duration of a run (`in_local_pool` sends work to them);
    the one already running, if any."""
    global _pool
    if workers < 2 or _pool is not None:
        yield _pool
        return
    # spawn, not fork: the parent runs threads (Prefect's), which a fork would copy mid-state
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm_up)
    for _ in range(workers):
        pool.submit(int)  # start every worker now, so they all warm up while the run starts
    _pool = pool
    try:
        yield pool
    finally:
        if _pool is pool:
            _pool = None
            pool.shutdown(cancel_futures=True)
        # else: killed by an interrupt (`kill_local_pool`), which already shut it down


@contextmanager
def analysis_pool(workers: int):
    """The owner of a run's NLP worker processes for its analysis: the pool `local_pool` started
    early (so that the workers warm up while the run starts), or a new one. On leaving, the
    workers are stopped, since they hold the model and the gazetteer (~350 MB each) that
    validation and the load do not need, and this process hands its freed memory back."""
    global _pool
    try:
        with local_pool(workers) as pool:
            yield pool
    finally:
        if _pool is not None:  # started by an enclosing `local_pool`: the analysis is its last use
            # not waited for: the workers exit (a second, on a loaded machine) while the run goes on
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        # the NLP's drafts came back from the workers as many mid-sized strings: hand their pages back
        release_memory()


def kill_local_pool() -> None:
    """On an interrupt: kill the NLP workers at once (their batches are abandoned; nothing of
    them was written), so that nobody waits for a batch to finish. Every `multiprocessing` child
    of this process goes, not only the current pool's: the workers of a pool still starting are
    not yet `_pool`'s and would otherwise outlive the run, re-parented to init (~340 MB each)."""
    global _pool
    pool, _pool = _pool, None
    for process in multiprocessing.active_children():
        try:
            process.kill()
        except (OSError, AttributeError):  # already gone
            pass
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def stop_temporary_api(now: bool = False) -> None:
    """Stop the temporary Prefect server this process started, if any (an exit that skips the
    atexit handlers would leave it behind). `now`: kill it without waiting (on an interrupt: a
    Ctrl-C reaches it too, and its graceful shutdown prints pages of asyncio tracebacks)."""
    for api in list(_apis):
        server = api._server
        process = getattr(server, "server_process", None) if server is not None else None
        try:
            if now and process is not None:
                process.kill()
            elif server is not None:
                server.stop()
        except Exception:  # already gone: nothing to stop
            pass


def in_local_pool(fn, *args):
    """fn(*args) on a local NLP worker when a pool is running, else right here."""
    return _pool.submit(fn, *args).result() if _pool is not None else fn(*args)


def map_local(fn, items: list, ahead: int = 4):
    """fn(item) for each item, in order, on the local NLP workers when a pool is running
    (at most `ahead` items handed over at a time, so their inputs stay bounded)."""
    if _pool is None:
        yield from map(fn, items)
        return
    pending = []
    for item in items:
        pending.append(_pool.submit(fn, item))
        if len(pending) >= ahead:
            yield pending.pop(0).result()
    for future in pending:
        yield future.result()


def local_workers(workers: int | None, dask: bool, settings) -> int:
    """How many local NLP worker processes a run starts (`local_pool`): `workers` (default one
    per core), or 1 (none: the NLP runs in the run's process) on Dask or for a few new files."""
    if dask or not worth_a_pool(settings.inbox, settings.warehouse_path):
        return 1
    return workers or cpu_workers()


def worth_a_pool(inbox: Path, warehouse: Path) -> bool:
    """Whether the inbox likely holds enough new files to pay for starting workers: files not
    stamped by an earlier run. A guess made before the run (wrong, it only costs time)."""
    from warehouse import store
    from warehouse.exceptions import WarehouseError
    from warehouse.inbox import stored_name

    try:
        names = {stored_name(e.name) for e in os.scandir(inbox) if e.name.lower().endswith(".txt")}
    except OSError:
        return False
    if len(names) < MIN_PARALLEL_FILES:
        return False
    try:
        seen = store.stamped_names(warehouse, str(inbox))
    except WarehouseError:  # no warehouse yet, or a run holds it: assume the files are new
        return True
    return len(names - seen) >= MIN_PARALLEL_FILES


class PrefectApi:
    """Make sure PREFECT_API_URL names a server every process of the run can reach: the
    configured one, else one temporary local server, started in the background as soon as
    this is created so that it boots while the run's modules import."""

    def __init__(self):
        from prefect.settings import PREFECT_API_URL

        self.url = PREFECT_API_URL.value()
        self._server = None
        _apis.append(self)
        self._error: BaseException | None = None
        if not self.url:
            from prefect.server.api.server import SubprocessASGIServer

            self._server = SubprocessASGIServer()  # the instance Prefect itself would start, and stops at exit
            self._starting = threading.Thread(target=self._start, daemon=True)
            self._starting.start()

    def _start(self) -> None:
        try:
            self._server.start()
        except BaseException as exc:  # re-raised in the caller's thread
            self._error = exc

    @contextmanager
    def session(self):
        from prefect.settings import PREFECT_API_URL, temporary_settings

        if self._server is None:
            os.environ.setdefault("PREFECT_API_URL", self.url)
            yield self.url
            return
        self._starting.join()
        if self._error:
            raise self._error
        os.environ["PREFECT_API_URL"] = self._server.api_url
        try:
            with temporary_settings({PREFECT_API_URL: self._server.api_url}):
                yield self._server.api_url
        finally:
            os.environ.pop("PREFECT_API_URL", None)


def preload_validation() -> threading.Thread:
    """Import Great Expectations (3-5 s) in the background while the NLP runs elsewhere."""
    def load():
        import great_expectations  # noqa: F401

    return in_background(load)


def in_background(load) -> threading.Thread:
    """load() on a daemon thread: a warm-up while this process waits for its workers. An error
    is left to the stage that needs what it loads, which loads it again and reports it."""
    def run():
        try:
            load()
        except Exception:
            pass

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread

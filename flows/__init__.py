"""Orchestration only: the Prefect flow of one ingest run, its tasks, and the `sitrep` CLI.

Prefect reads its settings at import, so the offline defaults are set here, before any
module of this package imports it. Values already in the environment win.
"""

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# A first ephemeral server start migrates its database: 16-25 s on these machines.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# ... but the run's own log lines (files, rows, timings, quarantines per stage) reach the Prefect
# UI: the run loggers take INFO, which the API handler sends, while the console shows warnings only.
os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "INFO")
os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "INFO")
os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
# Polars' allocator (jemalloc) keeps freed pages of each worker thread for seconds: a worker then holds
# the peak of its GeoNames table build and of each batch's look-ups (~50-200 MiB more per process).
# Handing them back at once costs no measurable time on these batches. Set before Polars loads;
# the NLP worker processes inherit it.
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")

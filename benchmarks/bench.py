"""Speed and memory of sitrep on a generated corpus (not a test: numbers to compare, not assert).

    make bench DOCS=2000          # or: python -m benchmarks.bench --docs 2000

Reports, on the same texts: each pure stage timed in-process (decode .. dedup, then table
building), and the whole `sitrep run` end to end in a fresh process (Prefect start-up,
validation and the DuckDB load included), with documents/s, words/s and peak RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate


def stage_times(inbox: Path) -> tuple[dict[str, float], int, int]:
    from transforms import batch
    from transforms.tables import build_tables
    from warehouse.inbox import scan_inbox

    today = dt.date(2026, 11, 22)
    times: dict[str, float] = {}

    def timed(name, fn, *args):
        start = time.perf_counter()
        out = fn(*args)
        times[name] = time.perf_counter() - start
        return out

    files = timed("discover", lambda: [batch.SourceFile(str(c.path), c.sha256, c.data) for c in
                                       scan_inbox(inbox, 5_000_000, 0, time.time() + 60).candidates if c.data is not None])
    drafts, rejected = timed("decode", batch.decode_stage, files, 5_000_000)
    drafts, _ = timed("parse", batch.parse_stage, drafts)
    drafts = timed("dates", batch.dates_stage, drafts, today)
    drafts = timed("entities", batch.entities_stage, drafts)
    drafts = timed("events", batch.events_stage, drafts, batch.undated_window(drafts, today))
    drafts = timed("dedup", batch.dedup_stage, drafts, [])
    timed("tables", build_tables, drafts, rejected, "bench", "bench", dt.datetime(2026, 11, 22))
    words = sum(len(d.body.split()) for d in drafts)
    return times, len(drafts), words


def end_to_end(inbox: Path, data_dir: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--inbox", str(inbox), "--data-dir", str(data_dir),
                          "--json"], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode not in (0, 1):
        raise SystemExit(f"sitrep run failed ({out.returncode}):\n{out.stderr[-2000:]}")
    summary = json.loads(out.stdout[out.stdout.index("{"):])
    return elapsed, summary


def main() -> None:
    ap = argparse.ArgumentParser(description="sitrep benchmark")
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        generate(a.docs, a.seed, inbox)
        times, docs, words = stage_times(inbox)
        stage_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        elapsed, summary = end_to_end(inbox, Path(tmp) / "data")
        child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = sum(times.values())
    print(f"corpus: {docs} documents, {words} words (seed {a.seed})\n")
    print(f"{'stage':<10} {'seconds':>9} {'docs/s':>10} {'words/s':>11}")
    for name, sec in [*times.items(), ("all stages", total)]:
        print(f"{name:<10} {sec:9.3f} {docs / sec if sec else 0:10.0f} {words / sec if sec else 0:11.0f}")
    print(f"\nin-process peak RSS: {stage_rss:.0f} MiB")
    print(f"end to end `sitrep run`: {elapsed:.1f} s, {docs / elapsed:.0f} docs/s, {words / elapsed:.0f} words/s, "
          f"peak RSS {child_rss:.0f} MiB, rows {summary['rows_per_table']}")


if __name__ == "__main__":
    main()

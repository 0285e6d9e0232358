"""The reliability target of issue #11, measured: an inbox of 1,000 files of which 20 fail in
10 different ways. The 980 good ones must load in one run, the 20 be quarantined with a
specific reason each, a re-run change nothing, and `sitrep requeue` of one file after a fix
(a larger size limit) load it.

    python -m benchmarks.faulty_inbox --out /tmp/faulty [--good 980] [--json result.json]

Runs the installed `sitrep` in subprocesses, as cron would; prints one line per step and the
figures (seconds, documents, quarantine reasons by kind).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from benchmarks.corpus import generate

LIMIT = 200_000  # --max-file-bytes of the runs: the oversized files are above it


def faulty_files(inbox: Path, outside: Path, rng: random.Random) -> dict[str, str]:
    """20 files, two of each of 10 kinds of fault; returns file name -> kind."""
    kinds: dict[str, str] = {}

    def put(name: str, kind: str, data: bytes) -> None:
        (inbox / name).write_bytes(data)
        kinds[name] = kind

    for i in range(2):
        # (no empty files: two of them are the same bytes, which load or quarantine once)
        put(f"fault_bad_utf16_{i}.txt", "invalid after BOM", b"\xff\xfe" + "Rockets hit".encode("utf-16-le") + b"\x00\xdc" * (i + 1))
        put(f"fault_blank_{i}.txt", "blank", b" \n\t\n" * (i + 1))
        put(f"fault_png_{i}.txt", "binary: PNG", b"\x89PNG\r\n\x1a\n" + rng.randbytes(300 + i))
        put(f"fault_pdf_{i}.txt", "binary: PDF", b"%PDF-1.7\n" + rng.randbytes(200 + i))
        put(f"fault_gzip_{i}.txt", "binary: gzip", gzip.compress(rng.randbytes(500 + i)))
        put(f"fault_random_{i}.txt", "not text", bytes(rng.randrange(1, 256) for _ in range(3000 + i)))
        put(f"fault_nul_{i}.txt", "NUL bytes", bytes(rng.choice([0, *range(32, 127)]) for _ in range(2001 + 2 * i)))
        put(f"fault_oversized_{i}.txt", "oversized", (f"Rockets hit base {i}. " * 20_000).encode())
        put(f"fault_zip_{i}.txt", "binary: ZIP", b"PK\x03\x04" + rng.randbytes(400 + i))
        target = outside / f"secret_{i}.txt"
        target.write_text("not an article")
        (inbox / f"fault_symlink_{i}.txt").symlink_to(target)
        kinds[f"fault_symlink_{i}.txt"] = "symbolic link"
    return kinds


def sitrep(*args: str) -> tuple[int, float, dict]:
    start = time.monotonic()
    env = {**os.environ, "SITREP_SETTLE_SECONDS": "0"}
    out = subprocess.run([str(Path(sys.executable).with_name("sitrep")), *args], capture_output=True, text=True, env=env)
    took = time.monotonic() - start
    try:
        summary = json.loads(out.stdout) if "--json" in args else {}
    except json.JSONDecodeError:
        summary = {"stdout": out.stdout[-2000:], "stderr": out.stderr[-2000:]}
    return out.returncode, took, summary


def state(data: Path) -> dict:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return {"documents": con.execute("select count(*) from documents").fetchone()[0],
                "events": con.execute("select count(*) from attack_events").fetchone()[0],
                "quarantine": dict(con.execute("select stage || ': ' || regexp_replace(reason, '[0-9]+', 'N', 'g'), "
                                               "count(*) from quarantine group by all order by 1").fetchall())}
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--good", type=int, default=980)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    inbox, data, outside = args.out / "inbox", args.out / "data", args.out / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    generate(args.good, args.seed, inbox)
    kinds = faulty_files(inbox, outside, random.Random(args.seed))
    common = ["--inbox", str(inbox), "--data-dir", str(data), "--max-file-bytes", str(LIMIT), "--json"]
    result: dict = {"files": len(list(inbox.iterdir())), "faulty": len(kinds), "kinds": len(set(kinds.values()))}

    code, took, summary = sitrep("run", *common)
    result["first_run"] = {"exit": code, "seconds": round(took, 1), "quarantined": summary.get("files_quarantined"),
                           **state(data)}
    print("first run:", result["first_run"], flush=True)
    code, took, summary = sitrep("run", *common)
    result["re_run"] = {"exit": code, "seconds": round(took, 1), "status": summary.get("status"), **state(data)}
    print("re-run:", result["re_run"], flush=True)
    fixed = "fault_oversized_0.txt"
    code, took, _ = sitrep("requeue", "--data-dir", str(data), fixed)
    result["requeue"] = {"exit": code, "seconds": round(took, 1)}
    code, took, summary = sitrep("run", *common[:-3], "--max-file-bytes", str(5 * LIMIT), "--json")
    result["after_fix"] = {"exit": code, "seconds": round(took, 1), "files_new": summary.get("files_new"), **state(data)}
    print("requeue + run with the fix:", result["after_fix"], flush=True)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

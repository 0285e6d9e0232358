"""A large document (#s9 kind K): the run, and a reprocess, report its NLP below file level, a line
at each tenth of a model pass with the document's own size (the one size the user knows, whatever
part of it a pass reads), and the run's summary names it once. Invented text."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flows.progress import DocumentLines, Lines
from tests.helpers import warehouse_rows
from transforms.batch import LARGE_DOCUMENT_CHARS

SITREP = Path(sys.executable).with_name("sitrep")


def test_document_lines_write_one_line_per_tenth_of_a_pass_with_the_documents_size(capsys):
    lines = DocumentLines("run r1")
    for percent in range(0, 101, 5):
        lines("/inbox/big.txt", 182_883, "parse", percent)
    lines("/inbox/big.txt", 182_883, "names", 100)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 12  # 0%, 10% .. 100% of the parse, then the names' 100%
    assert err[5] == "sitrep: run r1: big.txt (182,883 characters): parse 50%"
    assert err[-1] == "sitrep: run r1: big.txt (182,883 characters): names 100%"


def test_a_reprocess_counts_documents_not_files(capsys):
    lines = Lines()
    lines.start(3, "reprocess r2", "documents")
    lines.advance(2)
    assert capsys.readouterr().err == "sitrep: reprocess r2: 2/3 documents\n"
    assert lines.documents().label == "reprocess r2"


def _digest(inbox: Path) -> Path:
    """Market notes without an attack word (no parse), and a few attacks: over the threshold in all."""
    notes = [f"Traders in the market of district {k} said the price of maize rose by {k % 9 + 1} percent this month."
             for k in range(LARGE_DOCUMENT_CHARS // 60)]
    notes[::200] = [f"Gunmen attacked a convoy near Bunia on Monday, killing {k % 5 + 2} drivers."
                    for k in range(len(notes[::200]))]
    path = inbox / "market_digest.txt"
    path.write_text("Market digest for eastern Congo\n\n" + " ".join(notes), encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_run_and_a_reprocess_report_a_large_documents_progress_in_one_measure_and_name_it_once(tmp_path):
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    inbox.mkdir()
    _digest(inbox)
    (inbox / "short.txt").write_text("Bus attacked near Garissa\n\nGunmen attacked a bus near Garissa on Monday.",
                                     encoding="utf-8")
    env = {**os.environ, "SITREP_SETTLE_SECONDS": "0", "PYTHONUNBUFFERED": "1"}
    run = subprocess.run([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data), "--today", "2024-03-21"],
                         capture_output=True, text=True, timeout=900, env=env)
    assert run.returncode == 0, run.stderr
    again = subprocess.run([str(SITREP), "reprocess", "--all", "--data-dir", str(data)],
                           capture_output=True, text=True, timeout=900, env=env)
    assert again.returncode == 0, again.stderr
    for kind, err in (("run", run.stderr), ("reprocess", again.stderr)):
        lines = [ln for ln in err.splitlines() if re.match(rf"sitrep: {kind} \S+: market_digest\.txt ", ln)]
        # every line of both passes gives the document's size, and the passes say how far they are
        assert {re.search(r"\(([\d,]+) characters\)", ln).group(1) for ln in lines} == {f"{len(_body(data)):,}"}, lines
        for step in ("names", "parse"):
            assert [ln for ln in lines if f": {step} " in ln][-1].endswith(f": {step} 100%"), (kind, lines)
        assert "short.txt" not in "\n".join(ln for ln in err.splitlines() if ln.startswith("sitrep: "))
    # the notice once, with its advice, in the run's summary (the flow's record of it stays off the console)
    assert run.stderr.count("large document") == 1 and "market_digest.txt" in run.stderr.split("large document")[1]


def _body(data: Path) -> str:
    return warehouse_rows(data, "select body from documents where source_path like '%market_digest.txt'")[0][0]

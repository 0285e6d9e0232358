"""A large document (#s9 kind K): the run reports its NLP below file level, a line at each tenth of
a model pass, and the run's summary names it. Invented text."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.progress import DocumentLines
from transforms.batch import LARGE_DOCUMENT_CHARS

runner = CliRunner()


def test_document_lines_write_one_line_per_tenth_of_a_pass(capsys):
    lines = DocumentLines("run r1")
    for done in range(0, 1_001, 50):
        lines("/inbox/big.txt", "parse", done, 1_000)
    lines("/inbox/big.txt", "names", 1_000, 1_000)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 12  # 0%, 10% .. 100% of the parse, then the names' 100%
    assert err[5] == "sitrep: run r1: big.txt: parse 500/1,000 characters (50%)"
    assert err[-1].endswith("big.txt: names 1,000/1,000 characters (100%)")


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_a_run_reports_a_large_documents_progress_and_names_it_in_its_summary(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    # market notes without an attack word (no parse), and a few attacks: over the threshold in all
    notes = [f"Traders in the market of district {k} said the price of maize rose by {k % 9 + 1} percent this month."
             for k in range(LARGE_DOCUMENT_CHARS // 60)]
    notes[::200] = [f"Gunmen attacked a convoy near Bunia on Monday, killing {k % 5 + 2} drivers."
                    for k in range(len(notes[::200]))]
    (inbox / "market_digest.txt").write_text("Market digest for eastern Congo\n\n" + " ".join(notes), encoding="utf-8")
    (inbox / "short.txt").write_text("Bus attacked near Garissa\n\nGunmen attacked a bus near Garissa on Monday.",
                                     encoding="utf-8")
    result = runner.invoke(app, ["run", "--inbox", str(inbox), "--data-dir", str(tmp_path / "data"),
                                 "--settle-seconds", "0", "--today", "2024-03-21"])
    assert result.exit_code == 0, result.output
    parse_lines = [ln for ln in result.stderr.splitlines() if ": market_digest.txt: parse " in ln]
    assert parse_lines and parse_lines[-1].endswith("(100%)")
    assert "short.txt:" not in result.stderr
    assert "large document" in result.stderr and "market_digest.txt" in result.stderr.split("large document")[1]

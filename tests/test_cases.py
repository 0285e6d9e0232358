"""Every folder of ../shared/cases (failing inputs found by trying sitrep as its users would) as
a test: the installed `sitrep run` on a copy of its inbox, in a subprocess, then the warehouse.

These tests own the reliability part of each case (exit status, documents loaded, quarantine
with a reason, no crash, odd file names, UTF-16 without BOM, a historic tally bound). Values
other issues fix are marked where they belong:
- HOOK #13 (dates): two-digit header years, "last <weekday>", year-less dates in undated
  articles, leap-second stamps;
- HOOK #15 (CLI): `sitrep sql --format csv` on list columns.
Skipped with the reason when ../shared is absent (a public clone).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SHARED

CASES = SHARED / "cases"
BREAKS_RUN = SHARED / "dev" / "events" / "breaks-run"
SITREP = Path(sys.executable).with_name("sitrep")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is absent (customer data lives beside the repo)")]
KNOWN = ["yearless-date-undated-article", "historic-tally-period-start", "leap-second-header", "non-utf8-file-name",
         "two-digit-year-header", "last-weekday-on-same-weekday", "utf16le-without-bom", "exit-status-and-csv-lists"]


class Run:
    """One `sitrep run` of a case's inbox: exit status, output, and the warehouse to query."""

    def __init__(self, inbox: Path, data: Path):
        self.inbox, self.data = inbox, data
        env = {**os.environ, "SITREP_SETTLE_SECONDS": "0"}
        self.out = subprocess.run([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data), "--json"],
                                  capture_output=True, text=True, timeout=900, env=env)
        self.code = self.out.returncode

    def rows(self, sql: str, params=()) -> list[tuple]:
        con = duckdb.connect(str(self.data / "warehouse.duckdb"), read_only=True)
        try:
            return con.execute(sql, list(params)).fetchall()
        finally:
            con.close()

    def loaded(self) -> set[str]:
        return {Path(p).name for (p,) in self.rows("select source_path from documents")}

    def quarantined(self) -> dict[str, tuple[str, str]]:
        return {Path(p).name: (stage, reason) for p, stage, reason in self.rows(
            "select source_path, stage, reason from quarantine")}

    def did_not_crash(self) -> None:
        assert self.code in (0, 1), self.out.stderr[-3000:]
        assert "Traceback" not in self.out.stderr
        assert self.rows("select count(*) from runs") == [(1,)]

    def explain(self) -> str:
        return f"exit {self.code}; quarantine {self.quarantined()}; stderr {self.out.stderr[-1500:]}"


def run_case(name: str, tmp_path: Path) -> Run:
    inbox = tmp_path / "inbox"
    shutil.copytree(CASES / name / "inbox", inbox)
    if (CASES / name / "make_inbox.py").exists():
        subprocess.run([sys.executable, str(CASES / name / "make_inbox.py"), str(inbox)], check=True,
                       capture_output=True)
    return Run(inbox, tmp_path / "data")


def test_every_case_folder_has_a_test():
    assert sorted(p.name for p in CASES.iterdir() if (p / "inbox").is_dir()) == sorted(KNOWN)


def test_yearless_date_in_an_undated_article(tmp_path):
    run = run_case("yearless-date-undated-article", tmp_path)
    run.did_not_crash()
    assert "erbil_rockets_nov27.txt" in run.loaded(), run.explain()
    # the undated post loads, or (until #13 dates it in the past) is quarantined alone, naming the bound
    for name, (stage, reason) in run.quarantined().items():
        assert name == "undated_kirkuk_depot_blog.txt" and stage == "validate" and "event_date" in reason
    # HOOK #13: expected exit 0 with both loaded and the event not after the run date


def test_historic_tally_period_start(tmp_path):
    run = run_case("historic-tally-period-start", tmp_path)
    assert run.code == 0, run.explain()
    assert run.loaded() == {"qandil_strikes_nov06.txt", "tanf_drone_nov06.txt"}
    assert run.rows("select count(*) from quarantine") == [(0,)]
    starts = run.rows("select period_start::varchar from tallies where count = 40000")
    assert starts and all(s in ("1984-08-01", None) for (s,) in starts), starts


def test_leap_second_header(tmp_path):
    run = run_case("leap-second-header", tmp_path)
    run.did_not_crash()
    assert "tanf_drone_nov06.txt" in run.loaded(), run.explain()
    quarantined = run.quarantined()
    if "baghdad_market_2016-12-31.txt" in quarantined:  # until #13 parses second 60: that file alone
        stage, reason = quarantined["baghdad_market_2016-12-31.txt"]
        assert stage in ("parse", "dates") and "failed: ValueError" in reason
        assert run.code == 1
    else:  # HOOK #13: loaded, published 2016-12-31
        assert run.code == 0
        assert run.rows("select published_date::varchar from documents where source_path like '%baghdad%'") \
            in ([("2016-12-31",)], [(None,)])


def test_non_utf8_file_name(tmp_path):
    run = run_case("non-utf8-file-name", tmp_path)
    assert run.code == 0, run.explain()
    paths = [p for (p,) in run.rows("select source_path from documents order by 1")]
    assert [Path(p).name for p in paths] == ["rapport_d\\xe9fense_aleppo.txt", "tanf_drone_nov06.txt"]
    # the escaped name is lossless: it gives back the file's bytes
    escaped = Path(paths[0]).name
    assert escaped.encode("utf-8").decode("unicode_escape").encode("latin-1") == b"rapport_d\xe9fense_aleppo.txt"
    assert run.rows("select count(*) from attack_events a join documents d using (doc_id) "
                    "where d.source_path like '%rapport%'") == [(1,)]
    again = Run(run.inbox, run.data)  # every later run too: nothing new, no crash
    assert again.code == 0 and json.loads(again.out.stdout)["status"] == "nothing_new", again.explain()


def test_two_digit_year_header(tmp_path):
    run = run_case("two-digit-year-header", tmp_path)
    run.did_not_crash()
    assert run.loaded() == {"two_digit_year_header.txt"}, run.explain()
    # HOOK #13: published_date 2023-11-25 (header), event 2023-11-24


def test_last_weekday_on_the_same_weekday(tmp_path):
    run = run_case("last-weekday-on-same-weekday", tmp_path)
    assert run.code == 0, run.explain()
    assert run.rows("select published_date::varchar from documents") == [("2023-11-09",)]
    # HOOK #13: "last Thursday" = 2023-11-02, "on Tuesday" = 2023-11-07


def test_utf16le_without_bom(tmp_path):
    run = run_case("utf16le-without-bom", tmp_path)
    assert run.code == 0, run.explain()
    data = (CASES / "utf16le-without-bom" / "inbox" / "export_utf16le_nobom.txt").read_bytes()
    title = data.decode("utf-16-le").strip().splitlines()[0].strip()
    assert run.rows("select encoding, title, published_date::varchar from documents") == \
        [("utf-16", title, "2023-11-08")]
    assert run.rows("select count(*) from attack_events") == [(1,)]


def test_exit_status_and_csv_lists(tmp_path):
    run = run_case("exit-status-and-csv-lists", tmp_path)
    assert run.code == 1, run.explain()
    assert run.loaded() == {"tanf_drone_nov06.txt"}
    assert run.quarantined() == {"empty_upload.txt": ("decode", "empty file (0 bytes)")}
    assert "empty_upload.txt: empty file (0 bytes)" in run.out.stderr
    # HOOK #15: `sitrep sql --format csv "select event_id, weapons from attack_events"` exits 0


@pytest.mark.skipif(not BREAKS_RUN.is_dir(), reason="../shared/dev/events/breaks-run is absent")
def test_two_names_at_one_offset_no_longer_break_the_run(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for f in BREAKS_RUN.glob("*.txt"):
        shutil.copy(f, inbox)
    run = Run(inbox, tmp_path / "data")
    assert run.code == 0, run.explain()
    assert run.rows("select count(*) from documents") == [(1,)]
    assert run.rows("select count(*) from mentions a join mentions b on a.doc_id = b.doc_id "
                    "and a.start_char < b.end_char and b.start_char < a.end_char and a.start_char <> b.start_char") \
        == [(0,)]  # no two mentions overlap, and (doc_id, start_char) is the table's key

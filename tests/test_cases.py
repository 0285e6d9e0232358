"""Every folder of ../shared/cases (failing inputs found by trying sitrep as its users would) as
a test at the inbox level: the installed `sitrep run` on a copy of its inbox, in a subprocess,
then the warehouse and the CLI, checked against the values its expected.md states (exit status,
documents loaded, quarantine, publication dates, each attack's day, country, weapon and outcome,
tallies, CSV/JSON output of list columns). The pure-stage date checks of the same cases are
tests/transforms/test_date_cases.py; the historic-tally variant, whose inbox ../shared lacks, is
tests/flows/test_case_variants.py on an invented article.
Skipped with the reason when ../shared is absent (a public clone).
"""

from __future__ import annotations

import csv
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

    def __init__(self, inbox: Path, data: Path, today: str | None = None):
        self.inbox, self.data = inbox, data
        env = {**os.environ, "SITREP_SETTLE_SECONDS": "0"}
        day = ["--today", today] if today else []
        self.out = subprocess.run([str(SITREP), "run", "--inbox", str(inbox), "--data-dir", str(data), "--json", *day],
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

    def events(self, name: str) -> list[tuple]:
        """(event_date, country_code, weapons, outcome) of the file's attacks, in text order."""
        return [(d, c, set(w), o) for d, c, w, o in self.rows(
            "select e.event_date::varchar, e.country_code, e.weapons, e.outcome from attack_events e "
            "join documents d using (doc_id) where d.source_path like ? order by e.start_char, e.anchor_char",
            [f"%{name}"])]

    def published(self, name: str) -> tuple:
        return self.rows("select published_date::varchar, published_source from documents where source_path like ?",
                         [f"%{name}"])[0]

    def explain(self) -> str:
        return f"exit {self.code}; quarantine {self.quarantined()}; stderr {self.out.stderr[-1500:]}"


def run_case(name: str, tmp_path: Path, today: str | None = None) -> Run:
    inbox = tmp_path / "inbox"
    shutil.copytree(CASES / name / "inbox", inbox)
    if (CASES / name / "make_inbox.py").exists():
        subprocess.run([sys.executable, str(CASES / name / "make_inbox.py"), str(inbox)], check=True,
                       capture_output=True)
    return Run(inbox, tmp_path / "data", today)


def test_every_case_folder_has_a_test():
    assert sorted(p.name for p in CASES.iterdir() if (p / "inbox").is_dir()) == sorted(KNOWN)


def test_yearless_date_in_an_undated_article(tmp_path):
    run = run_case("yearless-date-undated-article", tmp_path, today="2026-11-29")  # the case's run day
    assert run.code == 0, run.explain()
    assert run.loaded() == {"erbil_rockets_nov27.txt", "undated_kirkuk_depot_blog.txt"}
    assert run.quarantined() == {}
    assert run.published("erbil_rockets_nov27.txt") == ("2026-11-27", "header")
    assert [e[0] for e in run.events("erbil_rockets_nov27.txt")] == ["2026-11-26"]
    assert run.published("undated_kirkuk_depot_blog.txt") == (None, "none")
    undated = run.rows("select e.event_date::varchar, e.date_max::varchar, e.country_code, e.weapons "
                       "from attack_events e join documents d using (doc_id) where d.source_path like '%kirkuk%'")
    assert len(undated) == 1, undated
    day, latest, country, weapons = undated[0]
    assert day in ("2025-12-03", None) and latest <= "2026-11-29", "never after the run day"
    assert country == "IQ" and "drone" in weapons


def test_historic_tally_period_start(tmp_path):
    run = run_case("historic-tally-period-start", tmp_path)
    assert run.code == 0, run.explain()
    assert run.loaded() == {"qandil_strikes_nov06.txt", "tanf_drone_nov06.txt"}
    assert run.rows("select count(*) from quarantine") == [(0,)]
    assert run.published("qandil_strikes_nov06.txt") == ("2023-11-06", "header")
    assert run.published("tanf_drone_nov06.txt") == ("2023-11-06", "header")
    [(day, country, weapons, outcome)] = run.events("qandil_strikes_nov06.txt")
    assert (day, country, outcome) == ("2023-11-05", "IQ", "damage") and "airstrike" in weapons
    tallies = run.rows("select qualifier, unit, period_start::varchar, period_end::varchar from tallies t "
                       "join documents d using (doc_id) where t.count = 40000 and d.source_path like '%qandil%'")
    assert len(tallies) == 1, tallies
    qualifier, unit, start, end = tallies[0]
    assert (qualifier, unit, end) == ("more than", "deaths", "2023-11-06") and start in ("1984-08-01", None)
    [(day, country, weapons, outcome)] = run.events("tanf_drone_nov06.txt")
    assert (day, country, outcome) == ("2023-11-04", "SY", "no damage") and "drone" in weapons


def test_leap_second_header(tmp_path):
    run = run_case("leap-second-header", tmp_path)
    assert run.code == 0, run.explain()
    assert run.loaded() == {"tanf_drone_nov06.txt", "baghdad_market_2016-12-31.txt"}
    assert run.published("baghdad_market_2016-12-31.txt") == ("2016-12-31", "header")
    assert run.rows("select published_at::varchar from documents where source_path like '%baghdad%'") in \
        ([("2016-12-31 23:59:59",)], [("2017-01-01 00:00:00",)])
    [(day, country, weapons, outcome)] = run.events("baghdad_market_2016-12-31.txt")
    assert (day, country, outcome) == ("2016-12-31", "IQ", "deaths") and weapons & {"bomb", "ied"}
    assert len(run.events("tanf_drone_nov06.txt")) == 1


def test_non_utf8_file_name(tmp_path):
    run = run_case("non-utf8-file-name", tmp_path)
    assert run.code == 0, run.explain()
    paths = [p for (p,) in run.rows("select source_path from documents order by 1")]
    assert [Path(p).name for p in paths] == ["rapport_d\\xe9fense_aleppo.txt", "tanf_drone_nov06.txt"]
    # the escaped name is lossless: it gives back the file's bytes
    escaped = Path(paths[0]).name
    assert escaped.encode("utf-8").decode("unicode_escape").encode("latin-1") == b"rapport_d\xe9fense_aleppo.txt"
    [(day, country, weapons, outcome)] = run.events("rapport_d\\xe9fense_aleppo.txt")
    assert (day, country, outcome) == ("2023-11-05", "SY", "injuries") and "mortar" in weapons
    again = Run(run.inbox, run.data)  # every later run too: nothing new, no crash
    assert again.code == 0 and json.loads(again.out.stdout)["status"] == "nothing_new", again.explain()


def test_two_digit_year_header(tmp_path):
    run = run_case("two-digit-year-header", tmp_path)
    assert run.code == 0, run.explain()
    assert run.loaded() == {"two_digit_year_header.txt"}
    assert run.published("two_digit_year_header.txt") == ("2023-11-25", "header")
    assert run.rows("select published_at::varchar from documents") == [("2023-11-25 10:43:00",)]
    [(day, country, weapons, outcome)] = run.events("two_digit_year_header.txt")
    assert (day, country, outcome) == ("2023-11-24", "LB", "deaths") and "drone" in weapons


def test_last_weekday_on_the_same_weekday(tmp_path):
    run = run_case("last-weekday-on-same-weekday", tmp_path)
    assert run.code == 0, run.explain()
    assert run.published("asad_last_thursday.txt") == ("2023-11-09", "header")
    events = sorted(run.events("asad_last_thursday.txt"))
    assert [(d, c, o) for d, c, _, o in events] == [("2023-11-02", "IQ", "damage"), ("2023-11-07", "IQ", "no damage")]
    assert "rocket" in events[0][2] and "drone" in events[1][2]


def test_utf16le_without_bom(tmp_path):
    run = run_case("utf16le-without-bom", tmp_path)
    assert run.code == 0, run.explain()
    data = (CASES / "utf16le-without-bom" / "inbox" / "export_utf16le_nobom.txt").read_bytes()
    title = data.decode("utf-16-le").strip().splitlines()[0].strip()
    assert run.rows("select encoding, title, published_date::varchar from documents") == \
        [("utf-16", title, "2023-11-08")]
    [(day, country, weapons, outcome)] = run.events("export_utf16le_nobom.txt")
    assert (day, country, outcome) == ("2023-11-07", "IQ", "no damage") and "rocket" in weapons


def test_exit_status_and_csv_lists(tmp_path):
    run = run_case("exit-status-and-csv-lists", tmp_path)
    assert run.code == 1, run.explain()
    assert run.loaded() == {"tanf_drone_nov06.txt"}
    assert run.quarantined() == {"empty_upload.txt": ("decode", "empty file (0 bytes)")}
    assert "empty_upload.txt: empty file (0 bytes)" in run.out.stderr
    # the list columns as CSV (each list one JSON-encoded cell) and as JSON (real arrays)
    weapons = {k: list(v) for k, v in run.rows("select event_id, weapons from attack_events")}
    for sql, column in (("select event_id, weapons from attack_events", "weapons"),
                        ("select entity_id as event_id, aliases from entities", "aliases")):
        csv_out = sql_cli(run, "csv", sql)
        assert csv_out.returncode == 0, csv_out.stderr
        rows = list(csv.DictReader(csv_out.stdout.splitlines()))
        assert rows and all(isinstance(json.loads(r[column]), list) for r in rows)
        if column == "weapons":
            assert {r["event_id"]: json.loads(r["weapons"]) for r in rows} == weapons
        json_out = sql_cli(run, "json", sql)
        assert json_out.returncode == 0 and all(isinstance(r[column], list) for r in json.loads(json_out.stdout))


def sql_cli(run: Run, fmt: str, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(SITREP), "sql", "--data-dir", str(run.data), "--format", fmt, sql],
                          capture_output=True, text=True, timeout=300)


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

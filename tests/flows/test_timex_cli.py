"""`sitrep timex --jsonl`: a document it cannot read is reported on its own line; the rest are tagged."""

from __future__ import annotations

import io
import json

from typer.testing import CliRunner

from flows.cli import app
from flows.timex_cli import tag_jsonl

LINES = [
    json.dumps({"doc_id": "a", "dct": "2023-11-14", "text": "Rockets hit on Thursday."}),
    json.dumps({"doc_id": "b", "dct": "the day after", "text": "Drones struck yesterday."}),
    "{not json",
    json.dumps({"doc_id": "d", "text": "no dct"}),
    json.dumps({"doc_id": "e", "dct": "2023-11-14", "text": "Talks resume next week."}),
]


def test_a_bad_line_is_reported_and_the_next_ones_are_tagged():
    out, err = io.StringIO(), io.StringIO()
    done = tag_jsonl(LINES, out, source="in.jsonl", err=err)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert (done.tagged, done.failed) == (2, 3)
    assert [r["doc_id"] for r in rows] == ["a", "b", None, "d", "e"]
    assert [r["timexes"][0]["value"] for r in rows if "error" not in r] == ["2023-11-09", "2023-W47"]
    assert [r["line"] for r in rows if "error" in r] == [2, 3, 4]
    assert "in.jsonl:2: doc 'b'" in err.getvalue() and "'the day after'" in err.getvalue()
    assert "in.jsonl:4: doc 'd'" in err.getvalue() and "dct" in err.getvalue()


def test_the_command_tags_every_readable_line_and_exits_1(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["timex", "--jsonl", str(path)])
    assert result.exit_code == 1
    tagged = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["doc_id"] for r in tagged if "error" not in r] == ["a", "e"]


def test_a_plain_article_given_by_mistake_is_one_message(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("KABUL, Nov 3 (Reuters) - A bomb exploded on Thursday.\n\nPolice said three died.\n", encoding="utf-8")
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "flows.cli", "timex", "--jsonl", str(path)], capture_output=True, text=True)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("not JSON Lines") == 1 and "Traceback" not in out.stderr


def test_an_ambiguous_numeric_dct_is_tagged_and_the_reading_said():
    # 03/04/2024 is 3 April day-first and 4 March month-first: read day-first (the corpora's
    # convention), and the user is told which day it was taken for
    out, err = io.StringIO(), io.StringIO()
    line = json.dumps({"doc_id": "x", "dct": "03/04/2024", "text": "Drones struck yesterday."})
    done = tag_jsonl([line], out, source="in.jsonl", err=err)
    assert (done.tagged, done.failed) == (1, 0)
    assert json.loads(out.getvalue())["timexes"][0]["value"] == "2024-04-02"
    assert "read day-first as 2024-04-03" in err.getvalue() and "YYYY-MM-DD" in err.getvalue()

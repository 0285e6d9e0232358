"""Event dates of short invented articles in styles the dev notes lack (issue 13): wire datelines
with and without a year, local press ("on Tuesday night"), day-first and month-first headers and
bodies, RFC 2822 stamps, "earlier this week", "last month", ranges, a bare "on the 1st", an article
published just after New Year that speaks of "Dec. 30", an undated blog post; French, German and
Spanish headers, a numeric header date whose order a zone, a URL domain or a publisher tells,
two attacks of one sentence on two days, "the day before yesterday", "the previous night".

The table is tests/transforms/data/unseen_article_dates.jsonl (one article a line: its text, the
day it is run on, and the date of each event the pipeline should find, in order: "YYYY-MM-DD", or
[min, max] for a range; optionally "published": [date, published_source]). Each article runs
alone through the pure batch stages, as a run of one file would. The sentences are written for this test; none comes from ../shared.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from transforms import batch
from transforms.event_dates import Window

TABLE = Path(__file__).parent / "data" / "unseen_article_dates.jsonl"
ARTICLES = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _event_dates(name: str, text: str, run_day: dt.date) -> tuple[batch.Draft, list]:
    data = text.encode("utf-8")
    drafts, _ = batch.decode_stage([batch.SourceFile(f"{name}.txt", hashlib.sha256(data).hexdigest(), data)], 10_000_000)
    drafts, _ = batch.parse_stage(drafts)
    drafts = batch.dates_stage(drafts, run_day)
    window = Window.of_run_day(run_day)
    (draft,) = batch.events_stage(batch.entities_stage(drafts), window)
    return draft, [e.event_date.isoformat() if e.event_date else [e.date_min.isoformat(), e.date_max.isoformat()]
                                  for e in draft.events]


@pytest.mark.parametrize("article", ARTICLES, ids=[a["name"] for a in ARTICLES])
def test_unseen_article_events_are_dated_as_written(article):
    run_day = dt.date.fromisoformat(article["run_day"])
    draft, got = _event_dates(article["name"], article["text"], run_day)
    published = draft.published_date
    assert got == article["expect"], f"published {published}"
    assert published is None or published <= run_day
    if "published" in article:  # optional: the publication date and where it comes from
        assert [published and published.isoformat(), draft.published_source] == article["published"]


def test_an_inferred_dateline_year_is_noted_with_its_evidence():
    by_name = {a["name"]: a for a in ARTICLES}
    for name, why in (("wire_yearless_weekday_day_pair", "a weekday written with a day fixes it"),
                      ("wire_yearless_bare_weekday_may_verb", "the latest such day not after the run day")):
        article = by_name[name]
        draft, _ = _event_dates(name, article["text"], dt.date.fromisoformat(article["run_day"]))
        assert any(why in note for note in draft.notes), draft.notes


def test_the_table_covers_at_least_ten_styles():
    assert len(ARTICLES) >= 10 and len({a["name"] for a in ARTICLES}) == len(ARTICLES)


def _run(articles: dict[str, str], run_day: dt.date) -> dict[str, batch.Draft]:
    files = [batch.SourceFile(f"{name}.txt", hashlib.sha256(text.encode()).hexdigest(), text.encode())
             for name, text in articles.items()]
    drafts, _ = batch.decode_stage(files, 10_000_000)
    drafts = batch.dates_stage(batch.parse_stage(drafts)[0], run_day)
    window = Window.of_run_day(run_day)
    return {d.source_path[:-4]: d for d in batch.events_stage(batch.entities_stage(drafts), window)}


UNDATED = ("Blast at a depot\nPublished: sometime last season\n\nA drone struck an ammunition depot near Kirkuk on "
           "Thursday, wounding two guards, a local official said.\n")
OLD_NEWS = "Rockets hit base\nMarch 3, 2021\n\nRockets struck Ain al-Asad air base on Tuesday, causing minor damage.\n"


def test_an_undated_article_is_dated_the_same_alone_and_in_any_batch():
    run_day = dt.date(2024, 6, 14)
    alone = _run({"undated": UNDATED}, run_day)["undated"]
    batched = _run({"undated": UNDATED, "old": OLD_NEWS}, run_day)["undated"]
    assert alone.published_date is None and alone.events
    window = [(e.event_date, e.date_min, e.date_max, e.date_precision) for e in alone.events]
    assert window == [(e.event_date, e.date_min, e.date_max, e.date_precision) for e in batched.events]
    assert window == [(None, dt.date(2024, 6, 7), run_day, "unknown")]
    assert any("no publication date" in n for n in alone.notes)


def test_two_attacks_of_one_sentence_keep_their_own_days():
    text = ("Attacks on two bases\nMarch 7, 2024\n\nA drone attacked the Tanf garrison on Monday, and a rocket "
            "struck the Conoco base in Syria on Wednesday, officials said.\n")
    doc = _run({"two_days": text}, dt.date(2024, 3, 8))["two_days"]
    assert [(e.weapons, e.event_date) for e in doc.events] == [
        (("drone",), dt.date(2024, 3, 4)), (("rocket",), dt.date(2024, 3, 6))]

import datetime as dt

import pytest

from transforms.event_dates import find_time_expressions, resolve

PUB = dt.date(2023, 11, 14)  # a Tuesday
D = dt.date.fromisoformat


def resolved(sentence, published=PUB, anchor=None):
    exprs = find_time_expressions(sentence)
    return resolve(exprs[0] if exprs else None, published, anchor)


@pytest.mark.parametrize("sentence, lo, hi", [
    ("On Thursday, drones were launched.", "2023-11-09", "2023-11-09"),
    ("late Wednesday night rockets hit", "2023-11-08", "2023-11-08"),
    ("It was struck on Tuesday.", "2023-11-14", "2023-11-14"),
    ("over the weekend, rockets", "2023-11-11", "2023-11-12"),
    ("Earlier this week, drones", "2023-11-13", "2023-11-13"),
    ("last week the base was hit", "2023-11-06", "2023-11-12"),
    ("attacks in the past 24 hours", "2023-11-13", "2023-11-14"),
    ("13 attacks in the past week", "2023-11-07", "2023-11-14"),
    ("since Oct. 17 there were", "2023-10-17", "2023-11-14"),
    ("since Wednesday, there have been", "2023-11-08", "2023-11-14"),
    ("a strike on Nov. 9 killed", "2023-11-09", "2023-11-09"),
    ("yesterday a drone", "2023-11-13", "2023-11-13"),
    ("in October militias", "2023-10-01", "2023-10-31"),
])
def test_relative_expressions_resolve_against_publication(sentence, lo, hi):
    r = resolved(sentence)
    assert (r.date_min, r.date_max) == (D(lo), D(hi))
    assert r.date_max <= PUB


def test_the_day_before_is_relative_to_the_previous_event_day():
    assert resolved("similar incidents the day before", anchor=D("2023-11-09")).date == D("2023-11-08")


def test_no_expression_gives_a_range_ending_at_publication():
    r = resolved("Rockets hit the base.")
    assert r.date is None and r.date_max == PUB and r.precision == "range" and r.text is None


def test_date_text_keeps_the_words_used():
    assert resolved("late Wednesday, rockets").text == "late Wednesday"


def test_a_month_day_after_publication_belongs_to_the_previous_year():
    assert resolved("on Dec. 2 a drone").date == D("2022-12-02")


def test_undated_article_keeps_a_day_only_for_explicit_dates():
    exprs = find_time_expressions("on Nov. 19 a drone")
    assert resolve(exprs[0], None, reference=D("2023-11-25")).date == D("2023-11-19")
    vague = resolve(find_time_expressions("on Thursday")[0], None, reference=D("2023-11-25"))
    assert vague.date is None and vague.precision == "unknown"

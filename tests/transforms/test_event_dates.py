import datetime as dt

import pytest

from transforms.event_dates import Window, clause_dates, day_told_later, default_range, resolve, tag_article

PUB = dt.date(2023, 11, 14)  # a Tuesday
D = dt.date.fromisoformat


def resolved(sentence, published=PUB, window=Window(PUB - dt.timedelta(days=7), PUB)):
    timexes = tag_article(sentence, published, window)
    return next((r for t in timexes if (r := resolve(t, sentence, published, window))), None)


@pytest.mark.parametrize("sentence, lo, hi", [
    ("On Thursday, drones were launched.", "2023-11-09", "2023-11-09"),
    ("late Wednesday night rockets hit", "2023-11-08", "2023-11-08"),
    ("It was struck on Tuesday.", "2023-11-14", "2023-11-14"),
    ("over the weekend, rockets", "2023-11-11", "2023-11-12"),
    ("Earlier this week, drones", "2023-11-13", "2023-11-13"),
    ("Earlier this month, drones", "2023-11-01", "2023-11-13"),
    ("last week the base was hit", "2023-11-06", "2023-11-12"),
    ("attacks in the past 24 hours", "2023-11-13", "2023-11-14"),
    ("13 attacks in the past week", "2023-11-07", "2023-11-14"),
    ("attacks over the past two weeks", "2023-10-31", "2023-11-14"),
    ("since Oct. 17 there were", "2023-10-17", "2023-11-14"),
    ("since Wednesday, there have been", "2023-11-08", "2023-11-14"),
    ("a strike on Nov. 9 killed", "2023-11-09", "2023-11-09"),
    ("yesterday a drone", "2023-11-13", "2023-11-13"),
    ("in October militias", "2023-10-01", "2023-10-31"),
    ("recently, drones", "2023-11-07", "2023-11-14"),
])
def test_relative_expressions_resolve_against_publication(sentence, lo, hi):
    r = resolved(sentence)
    assert (r.date_min, r.date_max) == (D(lo), D(hi))
    assert r.date_max <= PUB


def test_the_day_before_is_relative_to_the_previous_day_mentioned():
    text = "On Thursday, drones were launched. Similar incidents happened the day before."
    window = Window(PUB, PUB)
    dates = [r.date for t in tag_article(text, PUB, window) if (r := resolve(t, text, PUB, window))]
    assert dates == [D("2023-11-09"), D("2023-11-08")]


def test_no_expression_gives_no_day_but_the_lookback_window_ending_at_publication():
    r = default_range(PUB)
    assert r.date is None and r.precision == "inferred" and r.text is None
    assert r.date_min == PUB - dt.timedelta(days=7) and r.date_max == PUB


def test_an_undated_event_of_a_header_dated_after_the_run_day_ends_by_the_run_day():
    run_day = PUB - dt.timedelta(days=3)
    r = resolve(None, "Drones struck a base.", PUB, Window(run_day - dt.timedelta(days=7), run_day))
    assert r.date is None and r.date_max == run_day and r.precision == "inferred"


@pytest.mark.parametrize("sentence, lo, hi", [
    ("Talks were held Nov. 2-4 in Doha.", "2023-11-02", "2023-11-04"),
    ("Fighting raged between Oct. 30 and Nov. 1, officials said.", "2023-10-30", "2023-11-01"),
    ("Shelling continued from Nov. 10 to Nov. 20.", "2023-11-10", "2023-11-14"),
])
def test_a_stated_range_is_the_events_range_not_its_first_day(sentence, lo, hi):
    r = resolved(sentence)
    assert (r.date, r.date_min, r.date_max, r.precision) == (None, D(lo), D(hi), "range")


def test_undated_article_events_never_lie_after_the_run_day():
    today = dt.date(2026, 11, 29)
    window = Window.of_run_day(today)
    timexes = tag_article("A drone struck the depot on Dec. 3.", None, window)
    r = resolve(timexes[0], "", None, window)
    assert r.date == dt.date(2025, 12, 3) and r.date_max <= today


def test_date_text_keeps_the_words_used():
    assert resolved("late Wednesday, rockets").text == "late Wednesday"
    assert resolved("since Oct. 17 there were").text == "since Oct. 17"


def test_future_expressions_date_no_event():
    assert resolved("Talks will resume next week.") is None


def test_undated_article_keeps_a_day_only_for_explicit_dates():
    window = Window(D("2023-10-18"), D("2023-11-25"))
    assert resolved("on Nov. 19 a drone", published=None, window=window).date == D("2023-11-19")
    vague = resolved("on Thursday a drone", published=None, window=window)
    assert vague.date is None and (vague.date_min, vague.date_max) == (window.start, window.end)
    assert vague.precision == "unknown"


def test_the_undated_window_is_the_lookback_ending_on_the_run_day():
    alone = Window.of_run_day(D("2026-01-01"))
    assert (alone.start, alone.end) == (D("2025-12-25"), D("2026-01-01"))


def test_each_attack_of_a_sentence_takes_the_date_of_its_own_clause():
    monday, wednesday = resolved("on Monday"), resolved("on Wednesday")
    # "Rockets hit the airport on Monday, and a drone struck the base on Wednesday."
    #  0                       24           37                          65
    dated = [(24, monday), (65, wednesday)]
    assert clause_dates([(0, 35), (41, 64)], dated, 0) == [monday, wednesday]
    # "On Monday, rockets hit the airport and a drone struck the base.": both Monday (the sentence's)
    assert clause_dates([(11, 34), (39, 63)], [(0, monday)], 0) == [monday, None]


def test_a_month_named_in_the_past_tense_is_the_past_one():
    r = resolved("Rockets were fired in December.")
    assert (r.date_min, r.date_max) == (D("2022-12-01"), D("2022-12-31"))


def test_a_month_ahead_of_publication_dates_no_event():
    assert resolved("The appeal is heard in December.") is None


def test_a_part_of_day_without_a_day_is_that_day_or_the_one_before():
    r = resolved("Gunmen opened fire on a car during the evening hours.")
    assert (r.date, r.date_min, r.date_max, r.precision) == (None, PUB - dt.timedelta(days=1), PUB, "range")
    r = resolved("A bomb was in the early morning hurled at a school.")
    assert (r.date, r.date_min, r.date_max, r.precision) == (None, PUB - dt.timedelta(days=1), PUB, "range")


def test_a_day_named_later_in_the_paragraph_dates_an_undated_event_inside_the_lookback():
    text = "An IED exploded near a checkpoint. The attack took place early on 12 November.\nOn 1 May, talks began."
    timexes = tag_article(text, PUB, Window(PUB, PUB))
    r = day_told_later(timexes, text, text.index("The attack"), PUB, Window(PUB, PUB))
    assert (r.date, r.precision) == (D("2023-11-12"), "day")
    # a day outside the lookback window, or in another paragraph, is no evidence
    assert day_told_later(timexes, text, text.index("\n"), PUB, Window(PUB, PUB)) is None


def test_an_undated_articles_window_comes_from_its_own_evidence():
    from transforms.event_dates import Window

    run_day = dt.date(2025, 3, 10)
    # a weekday written with a day fixes the year (Dec. 31 was a Tuesday in 2024): the week after it
    assert Window.of_document("On Tuesday, Dec. 31, a drone hit the depot.", run_day) == \
        Window(dt.date(2024, 12, 31), dt.date(2025, 1, 7))
    # a day written with its year only bounds it below: news writes the year of older days too
    assert Window.of_document("The group, founded on 3 March 2014, claimed the attack.", run_day) == \
        Window(dt.date(2014, 3, 3), run_day)
    # nothing fixed: the run day's lookback; an impossible day is no evidence
    assert Window.of_document("A drone hit the depot on Tuesday.", run_day) == Window.of_run_day(run_day)
    assert Window.of_document("On Tuesday, Feb. 30, a drone hit the depot.", run_day) == Window.of_run_day(run_day)


def test_a_part_of_day_followed_by_its_day_is_dated_by_the_day():
    r = resolved("In the early morning hours of Sunday, gunmen attacked the post.")
    assert (r.date, r.precision) == (D("2023-11-12"), "day")
    r = resolved("The raid came in the morning on Sunday.")
    assert (r.date, r.precision) == (D("2023-11-12"), "day")


def test_issue12_a_duration_or_a_whole_month_or_year_is_a_period_but_a_day_is_not():
    from transforms.event_dates import is_period
    window = Window(PUB - dt.timedelta(days=7), PUB)
    periods = {t.text: is_period(t) for t in tag_article(
        "In the first half of 2023 and in October, over two years, and on Monday.", PUB, window)}
    assert periods["Monday"] is False
    assert sum(periods.values()) >= 3, periods


def test_issue12_that_day_points_back_to_the_narrative_time_or_dates_nothing():
    from transforms.event_dates import antecedent, is_anaphoric
    window = Window(PUB - dt.timedelta(days=7), PUB)
    text = "The 2015 bombing followed an ambush earlier that day."
    timexes = tag_article(text, PUB, window)
    [that_day] = [t for t in timexes if is_anaphoric(t)]
    assert antecedent(that_day, timexes).value == "2015"
    alone = tag_article("A guard was shot dead earlier that day.", PUB, window)
    assert [antecedent(t, alone) for t in alone if is_anaphoric(t)] == [None]


@pytest.mark.parametrize("sentence, lo, hi", [
    # the night that ends on the named day (the "Saturday night" = [Sat, Sun] convention)
    ("Shelling hit the district overnight into Saturday, medics said.", "2023-11-10", "2023-11-11"),
    ("Drones struck the port overnight to Monday, the navy said.", "2023-11-12", "2023-11-13"),
    ("Gunmen raided the village overnight into Nov. 4, killing six.", "2023-11-03", "2023-11-04"),
    # no day named after it: the night before publication
    ("Drones struck the port overnight, the navy said.", "2023-11-13", "2023-11-14"),
    ("Missiles hit the city overnight to avoid air defences.", "2023-11-13", "2023-11-14"),
])
def test_overnight_into_a_day_is_the_night_before_it(sentence, lo, hi):
    r = resolved(sentence)
    assert (r.date, r.date_min, r.date_max) == (None, D(lo), D(hi))

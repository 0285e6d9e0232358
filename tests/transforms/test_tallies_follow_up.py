"""A figure told in the sentence after a count of attacks, naming those attacks back, and a period
that runs from a dated deal (kind I2 of the session-9 break report). Invented sentences."""

import datetime as dt

from tests.helpers import tallies_in
from transforms.event_dates import Window

PUB = dt.date(2024, 6, 14)


def tallies(text, published=PUB):
    return tallies_in(text, published, Window(PUB, PUB))


def test_a_figure_that_names_the_counted_attacks_back_takes_their_period_and_source():
    count, hurt = tallies("Militias have attacked peacekeepers in Mali at least 40 times since March 2023, the UN said. "
                          "These attacks have wounded more than 60 soldiers.")
    assert (count.count, count.unit) == (40, "attacks")
    assert (hurt.count, hurt.qualifier, hurt.unit) == (60, "more than", "injured personnel")
    assert (hurt.period_start, hurt.period_end, hurt.stated_by_id) == (count.period_start, count.period_end, count.stated_by_id)
    assert hurt.period_start == dt.date(2023, 3, 1)
    [_, dead] = tallies("Pirates carried out 25 attacks on ships off Somalia in 2023, according to the IMB. "
                        "They have killed 12 crew members.")
    assert (dead.count, dead.unit, dead.period_start) == (12, "deaths", dt.date(2023, 1, 1))


def test_without_a_count_just_before_a_follow_up_figure_is_none():
    assert tallies("The attacks have wounded more than 60 soldiers.") == []
    assert len(tallies("Militias have attacked peacekeepers at least 40 times since March 2023, the UN said.\n\n"
                       "These attacks have wounded more than 60 soldiers.")) == 1


def test_since_the_deal_runs_from_the_day_the_text_dates_the_deal():
    [t] = tallies("The peace agreement was signed in Juba in August 2020. Since the deal, more than 200 civilians "
                  "have been killed in clashes, according to the UN.")
    assert t.period_start == dt.date(2020, 8, 1)
    [t] = tallies("The accord was signed in March 2019. Since the accord, at least 90 people have been killed.")
    assert t.period_start == dt.date(2019, 3, 1)

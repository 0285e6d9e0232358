"""What bounds a tally besides its number (#s9 kinds): dates are no counts, comparisons sum nothing,
the figure ends on the day it was stated, and "in the country" names back a place.

Invented sentences of other regions and wordings than any gold article.
"""

import datetime as dt

import pytest

from tests.helpers import tallies_in
from transforms.event_dates import Window
from transforms.tallies import is_tally_sentence

PUB = dt.date(2023, 10, 25)  # a Wednesday
RUN_DAY = dt.date(2023, 11, 30)


def tallies(text, published=PUB):
    anchor = published or RUN_DAY
    return tallies_in(text, published, Window(anchor, anchor))


@pytest.mark.parametrize("sentence, count, start", [
    ("Since 3 March, more than 200 civilians have been killed in Darfur, aid agencies said.", 200, dt.date(2023, 3, 3)),
    ("Since September 12, 75 people have been killed in the fighting around the capital, medics said.",
     75, dt.date(2023, 9, 12)),
    ("Since the 5th of June, 40 attacks on schools have been recorded in Burkina Faso.", 40, None),
])
def test_a_day_of_a_month_is_no_count(sentence, count, start):
    found = tallies(sentence)
    assert [t.count for t in found] == [count]
    if start is not None:
        assert found[0].period_start == start


@pytest.mark.parametrize("sentence", [
    "A truck bomb in Mogadishu killed more than 500 people in 2017, one of the deadliest attacks since the civil war.",
    "The shelling of the market killed 40 people, the worst attack on the town since the ceasefire, officials said.",
    "In March 2022, gunmen killed 70 worshippers in a church, in one of the bloodiest raids since independence.",
])
def test_one_attacks_toll_compared_with_a_period_is_no_tally(sentence):
    assert not is_tally_sentence(sentence)
    assert tallies(sentence) == []


def test_a_running_total_after_a_comparison_is_still_a_tally():
    [t] = tallies("It was the worst bombing in the city since the insurgency began in 2009, during which more than "
                  "30,000 people have been killed, the army said.")
    assert (t.count, t.qualifier, t.unit, t.period_start) == (30000, "more than", "deaths", dt.date(2009, 1, 1))


@pytest.mark.parametrize("sentence, count, start", [
    ("Gunmen have torched more than 40 villages in Mali since January, a local official said.", 40, dt.date(2023, 1, 1)),
    ("The rebels have shelled 12 border towns this year, according to the governor.", 12, dt.date(2023, 1, 1)),
    ("Pirates have hijacked at least 15 fishing boats off Somalia since March 2023.", 15, dt.date(2023, 3, 1)),
])
def test_what_a_group_attacked_over_a_period_counts_attacks(sentence, count, start):
    [t] = tallies(sentence)
    assert (t.count, t.unit, t.period_start) == (count, "attacks", start)


@pytest.mark.parametrize("sentence", [
    "Gunmen stormed two villages on Monday, killing four people.",      # one day: a report, not a tally
    "The militia attacked three checkpoints near the border, police said.",  # no period
    "Police have seized 40 rifles in the province since January.",          # a seizure of goods, no attack
    "Floods have hit 12 districts since June, the disaster agency said.",    # another sense
])
def test_one_occasion_or_another_sense_is_no_attack_tally(sentence):
    assert [t for t in tallies(sentence) if t.unit == "attacks"] == []


@pytest.mark.parametrize("sentence, count, start", [
    ("Prosecutors recorded 1,250 violent deaths in Haiti between January and June.", 1250, dt.date(2023, 1, 1)),
    ("More than 2,000 homicides have been registered in the state so far this year, officials said.",
     2000, dt.date(2023, 1, 1)),
])
def test_a_noun_of_dead_over_a_period_is_a_death_tally(sentence, count, start):
    [t] = tallies(sentence)
    assert (t.count, t.unit, t.period_start) == (count, "deaths", start)


def test_deaths_of_one_day_are_no_tally():
    assert tallies("Two deaths were reported after the blast on Monday, the hospital said.") == []


@pytest.mark.parametrize("sentence, end", [
    ("At least 500 civilians have been killed in Mali since July, the United Nations said on Monday.",
     dt.date(2023, 10, 23)),
    ("The Pentagon said on Tuesday that there had been 61 attacks on U.S. forces since Oct. 17.", dt.date(2023, 10, 24)),
    ("As of Sunday, 1,300 attacks had been recorded in Nigeria since the start of the year.", dt.date(2023, 10, 22)),
    # no day of saying: as of publication
    ("At least 500 civilians have been killed in Mali since July, the United Nations said.", PUB),
])
def test_period_ends_on_the_day_the_figure_was_stated(sentence, end):
    [t] = tallies(sentence)
    assert t.period_end == end


def test_a_stated_day_is_not_the_start_of_the_period():
    [t] = tallies("The Pentagon said on Tuesday that there had been 61 attacks on U.S. forces.")
    assert t.period_start is None


def test_an_undated_article_starts_its_period_only_where_the_year_is_written():
    text = ("It was the deadliest ambush on soldiers in the region since the conflict broke out in March 2019, "
            "in which more than 2,000 people have been killed.")
    [t] = tallies(text, published=None)
    assert (t.count, t.period_start, t.period_end) == (2000, dt.date(2019, 3, 1), None)
    [t] = tallies("More than 400 people have been killed in the conflict since January.", published=None)
    assert (t.count, t.period_start, t.period_end) == (400, None, None)  # the year would be a guess


@pytest.mark.parametrize("sentence", [
    "Clashes between al-Shabaab and Somali forces have killed more than 300 people since January.",
    "The fighting between Hezbollah and Israel has killed more than 300 people since October.",
    "Raids on Boko Haram camps have killed more than 300 fighters this year.",
])
def test_a_party_to_what_is_counted_is_not_its_source(sentence):
    [t] = tallies(sentence)
    assert (t.count, t.stated_by_id) == (300, None)


def test_the_country_named_back_scopes_the_figure():
    text = ("Gangs attacked a police station in Haiti on Monday, killing three officers.\n\n"
            "More than 3,000 people have been killed in the country this year, officials said.")
    [t] = tallies(text)
    assert (t.count, t.scope) == (3000, "Haiti")


def test_the_province_named_back_is_the_first_level_area_not_the_country():
    text = ("Militants attacked a checkpoint in Anbar on Friday, killing two soldiers, Iraq's army said.\n\n"
            "At least 90 soldiers have been killed in the province since January, officials said.")
    [t] = tallies(text)
    assert (t.count, t.scope) == (90, "Anbar")
    [t] = tallies(text.replace("in the province", "in the country"))
    assert t.scope == "Iraq"


def test_no_place_named_back_leaves_no_scope():
    [t] = tallies("At least 90 soldiers have been killed in the province since January, officials said.")
    assert t.scope is None


def test_a_tally_in_a_clause_of_its_own_before_a_comparison_stays():
    [t] = tallies("More than 300 people have been killed in Mali since January, and Monday's blast was the worst "
                  "attack since 2019.")
    assert (t.count, t.period_start) == (300, dt.date(2023, 1, 1))


@pytest.mark.parametrize("text, start", [
    ("The army, which took power in a coup in July 2021, denies the figures.\n\n"
     "Monitors say soldiers have torched more than 300 villages since the coup.", dt.date(2021, 7, 1)),
    ("Russia invaded on 24 February 2022. The deadliest attack since the invasion was in Kramatorsk.\n\n"
     "More than 10,000 civilians have been killed since the invasion, the United Nations said.", dt.date(2022, 2, 24)),
])
def test_since_an_event_the_article_dated_starts_on_that_date(text, start):
    [t] = tallies(text)
    assert t.period_start == start


def test_since_an_event_the_article_never_dates_has_no_start():
    [t] = tallies("Monitors say soldiers have torched more than 300 villages since the coup.")
    assert t.period_start is None

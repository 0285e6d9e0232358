import datetime as dt

import pytest

from tests.helpers import tallies_in
from transforms.event_dates import Window

PUB = dt.date(2023, 10, 25)


def tallies(text, published=PUB):
    return tallies_in(text, published, Window(PUB, PUB))


def test_official_tally_with_qualifier_period_and_source():
    [t] = tallies("The Pentagon reported at least 13 attacks in the past week, prompting concerns.")
    assert (t.count, t.qualifier, t.unit) == (13, "at least", "attacks")
    assert (t.period_start, t.period_end, t.stated_by_id) == (dt.date(2023, 10, 18), PUB, "org:pentagon")


def test_number_words_and_times_count_as_attacks():
    [t] = tallies("Militias in Iraq and Syria have launched rockets almost a dozen times over the past two weeks.")
    assert (t.count, t.qualifier, t.scope) == (12, "almost", "Iraq and Syria")


def test_country_split_adds_one_row_per_part():
    got = tallies("Defense officials said there had been at least 46 attacks since Oct. 17, 24 in Iraq and 22 in Syria.")
    assert [(t.count, t.scope) for t in got] == [(46, "Iraq and Syria"), (24, "Iraq"), (22, "Syria")]
    assert got[0].stated_by_id == "org:pentagon"  # unnamed officials -> Pentagon


@pytest.mark.parametrize("sentence, count, scope", [
    ("Militants have staged 52 attacks in Burkina Faso since January, the interior ministry said.", 52, "Burkina Faso"),
    ("There have been at least 15 attacks in Somalia over the past month, the UN mission said.", 15, "Somalia"),
    ("Insurgents carried out 27 attacks in the Philippines in 2023, according to the army.", 27, "Philippines"),
    ("Officials recorded 64 bombings in Pakistan so far this year.", 64, "Pakistan"),
])
def test_a_first_count_followed_by_its_place_is_a_tally_of_that_place(sentence, count, scope):
    # the place right after the count scopes it; it is no part of a total, for none is told before it
    [t] = tallies(sentence)
    assert (t.count, t.unit, t.scope) == (count, "attacks", scope)


def test_a_count_after_a_total_followed_by_its_place_is_a_part_of_the_total():
    got = tallies("Officials counted 46 attacks since October, 30 attacks in Mali and 16 in Niger.")
    assert [(t.count, t.scope) for t in got] == [(46, "Mali and Niger"), (30, "Mali"), (16, "Niger")]


def test_a_count_with_its_place_and_no_period_reports_those_attacks():
    assert tallies("Two attacks in Borno state killed five people and wounded eleven, police said.") == []


def test_injury_tallies_are_their_own_unit():
    [t] = tallies("Approximately 20 service members have sustained minor injuries.")
    assert (t.count, t.qualifier, t.unit) == (20, "about", "injured personnel")


def test_undated_article_leaves_period_end_null():
    [t] = tallies("The Pentagon reported at least 13 attacks.", published=None)
    assert t.period_end is None


def test_single_attacks_are_not_tallies():
    assert tallies("One attack hit the base.") == []


def test_each_unnamed_official_convention_matches_its_example():
    import re

    from transforms.resources import jsonl

    for rule in jsonl("en/tally_sources.jsonl"):
        assert re.search(rule["pattern"], rule["example"], re.I), rule


def test_issue12_a_toll_of_any_conflict_counts_from_decades_back():
    [t] = tallies("Some 200,000 people were killed in the civil war between 1975 and 1990, officials say.")
    assert (t.count, t.qualifier, t.unit, t.period_start) == (200000, "about", "deaths", dt.date(1975, 1, 1))


def test_issue12_an_active_toll_and_a_risen_toll_are_deaths():
    [t] = tallies("The governor said bandits had killed 1,200 villagers since 2011.")
    assert (t.count, t.unit, t.period_start) == (1200, "deaths", dt.date(2011, 1, 1))
    [t] = tallies("The death toll from the insurgency since 1969 has risen to 3,600, the commission said.")
    assert (t.count, t.unit, t.period_start) == (3600, "deaths", dt.date(1969, 1, 1))


def test_issue12_counts_of_attacks_of_any_weapon_and_kind():
    [t] = tallies("Police recorded 35 grenade attacks in the county since January.")
    assert (t.count, t.unit, t.period_start) == (35, "attacks", dt.date(2023, 1, 1))
    [t] = tallies("The rebels have staged 14 ambushes since March, the police chief said.")
    assert (t.count, t.unit) == (14, "attacks")
    assert tallies("At least two people were killed in attacks on Monday.") == []
    assert tallies("The death toll from Monday's bombing in the market rose to 25.") == []  # one attack's dead


def test_issue12_a_year_before_a_comma_is_no_count_of_attacks():
    assert tallies("On 9 January 2021, troops conducted airstrikes on rebel positions since dawn.") == []


def test_a_year_before_an_attack_noun_is_no_count():
    for sentence in ("Hundreds gathered to mark 22 years since the 2002 Bali bombings, officials said.",
                     "Survivors of the 1998 embassy bombings have received compensation since 2011."):
        assert tallies(sentence) == [], sentence
    [t] = tallies("Police have recorded 2,002 attacks since the insurgency began, the minister said.")
    assert t.count == 2002


def test_issue12_a_count_of_attacks_on_one_day_is_their_report_not_a_tally():
    from transforms.tallies import is_tally_sentence

    for sentence in ("Militants killed three people in two attacks on Monday.",
                     "Gunmen carried out two raids on farms overnight, wounding four herders.",
                     "Rebels launched three attacks on army positions on Sunday night."):
        assert not is_tally_sentence(sentence), sentence
    for sentence in ("The army said on Tuesday there had been 13 attacks in the past week.",
                     "The governor said on Friday that bandits had carried out 40 attacks this year.",
                     "Officials reported 12 attacks on Monday, bringing the total since March to 90."):
        assert is_tally_sentence(sentence), sentence


# #12, sixth session: a figure's scope is where it applies, by kind (wire, NGO, local press)
@pytest.mark.parametrize("text, rows", [
    # the actor before its verb and the capital that speaks are no scope; the target after "on" is
    ("Russia has carried out more than 3,000 air strikes on Ukraine since the invasion began, Kyiv said.",
     [(3000, "attacks", "Ukraine")]),
    # a figure that sums two places applies to both
    ("Over 10,000 civilians have been killed in Ukraine and Russia since the war began, the UN said.",
     [(10000, "deaths", "Ukraine and Russia")]),
    # a total split by place: a row per part, the total over the parts' places
    ("At least 120 people have been killed since May, 80 in Ukraine and 40 in Russia, officials said.",
     [(120, "deaths", "Ukraine and Russia"), (80, "deaths", "Ukraine"), (40, "deaths", "Russia")]),
    # two figures, each with its own place: no sum, no shared scope
    ("Since 2015, at least 2,500 people have been killed in Mali and 3,000 in Burkina Faso in jihadist violence.",
     [(2500, "deaths", "Mali"), (3000, "deaths", "Burkina Faso")]),
    # two sides counted apart are two figures
    ("The fighting has killed 1,200 soldiers and more than 3,000 civilians since October, officials say.",
     [(1200, "deaths", None), (3000, "deaths", None)]),
    ("Officials said 300 militants and 90 soldiers had been killed in clashes in Nigeria since January.",
     [(90, "deaths", "Nigeria"), (300, "deaths", "Nigeria")]),
    # the place a statement was made in is not where the figure applies
    ("The UN said in Geneva that 25 attacks on health facilities had been recorded in Sudan since April.",
     [(25, "attacks", "Sudan")]),
    ("Since 2009, attacks by the group have killed more than 35,000 people in Nigeria, Niger, Chad and Cameroon.",
     [(35000, "deaths", "Nigeria and Niger and Chad and Cameroon")]),
])
def test_a_figures_scope_is_where_it_applies(text, rows):
    assert [(t.count, t.unit, t.scope) for t in tallies(text)] == rows

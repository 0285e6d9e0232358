import datetime as dt
import json

import pytest

from tests.conftest import SHARED
from transforms.timex import dct_order_ambiguous, parse_dct, tag_timexes

DCT = dt.date(2023, 11, 14)  # a Tuesday


def values(text, dct=DCT):
    return [(t.text, t.type, t.value) for t in tag_timexes(text, dct)]


@pytest.mark.parametrize("text, expected", [
    ("on November 3, 2023", ("November 3, 2023", "DATE", "2023-11-03")),
    ("on Nov. 9", ("Nov. 9", "DATE", "2023-11-09")),
    ("on Thursday", ("Thursday", "DATE", "2023-11-09")),
    ("yesterday", ("yesterday", "DATE", "2023-11-13")),
    ("in 2021", ("2021", "DATE", "2021")),
    ("last week", ("last week", "DATE", "2023-W45")),
    ("last month", ("last month", "DATE", "2023-10")),
    ("this year", ("this year", "DATE", "2023")),
    ("the fourth quarter", ("the fourth quarter", "DATE", "2023-Q4")),
    ("two years", ("two years", "DURATION", "P2Y")),
    ("the past five days", ("the past five days", "DURATION", "P5D")),
    ("a 12-hour shift", ("12-hour", "DURATION", "PT12H")),
    ("weekly", ("weekly", "SET", "P1W")),
    ("recently", ("recently", "DATE", "PAST_REF")),
    ("now", ("now", "DATE", "PRESENT_REF")),
    ("Thursday night", ("Thursday night", "TIME", "2023-11-09TNI")),
    ("at 16:08 UTC", ("16:08 UTC", "TIME", "2023-11-14T16:08Z")),
    ("overnight, drones", ("overnight", "TIME", "2023-11-13TNI")),
    ("The truce held for half an hour.", ("half an hour", "DURATION", "PT30M")),
    ("The siege lasted a year and a half.", ("a year and a half", "DURATION", "P1Y6M")),
    ("A month-long siege ended.", ("month-long", "DURATION", "P1M")),
    ("He spent a year in prison.", ("a year", "DURATION", "P1Y")),
])
def test_expressions_are_typed_and_normalized(text, expected):
    assert values(text) == [expected]


def test_a_weekday_after_will_lies_ahead():
    assert values("Talks will resume on Friday.")[0][2] == "2023-11-17"


def test_the_same_day_refers_to_the_day_last_mentioned():
    assert values("It began on Nov. 2. Rockets fell the same day.")[-1][2] == "2023-11-02"


def test_a_count_later_counts_from_the_point_the_narrative_last_named():
    # forward from the year the text named, not from the dct or the last full day
    assert values("He was arrested in 2019. A year later he was released.")[-1][1:] == ("DATE", "2020")
    assert values("The raid on March 3, 2021 killed ten. A week later, the group claimed it.")[-1][2] == "2021-03-10"
    # a comparison "a year earlier" counts back from the last day named, here the dct
    assert values("Net rose to $5 million from $4 million a year earlier.")[-1][2] == "2022"


def test_the_entire_year_after_a_quarter_is_that_quarters_year():
    # a January results report: the year it sums up is the one its quarter ended
    got = values("GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
                 dt.date(2006, 1, 27))
    assert ("the entire year", "DATE", "2005") in got


@pytest.mark.parametrize("text, value", [
    ("The vote is this Sunday.", "2023-11-12"),  # the day of the dct's week (a Wednesday)
    ("Clashes erupted this Sunday.", "2023-11-05"),  # a past tense: the one just gone
    ("Talks will be held this Monday.", "2023-11-13"),  # a future: the coming one
    ("Jets struck overnight Saturday.", "2023-11-04TNI"),
])
def test_this_weekday_is_in_the_dcts_week_unless_the_tense_says_otherwise(text, value):
    assert values(text, dt.date(2023, 11, 8))[0][2] == value


def test_a_second_attempt_is_no_duration():
    assert values("It will take a second attempt.") == []


def test_numbers_that_are_not_years_are_not_dates():
    assert values("The Russell 2000 fell; 2000 people marched; it cost $2019.") == []


def test_month_names_that_are_words_are_not_dates():
    assert values("This may help us march on.") == []


def test_dct_formats():
    assert parse_dct("2009-02-03") == dt.date(2009, 2, 3) == parse_dct("2009-02-03T10:00Z")
    # a part over 12 decides the order; equal parts read the same both ways
    assert parse_dct("13-02-2009") == dt.date(2009, 2, 13) == parse_dct("02/13/2009")
    assert parse_dct("04.04.2009") == dt.date(2009, 4, 4) and not dct_order_ambiguous("04.04.2009")
    with pytest.raises(ValueError):
        parse_dct("soon")


@pytest.mark.parametrize("value", ["03/04/2024", "03-02-2009", "1.12.2024"])
def test_a_dct_either_order_reads_is_read_day_first_and_flagged(value):
    day, month, year = map(int, value.replace("/", "-").replace(".", "-").split("-"))
    assert parse_dct(value) == dt.date(year, month, day) and dct_order_ambiguous(value)


def _value_f1(path, tagger=tag_timexes, keep=lambda doc: True):
    """TempEval-3 value F1 (relaxed span match, creation-time line left out), as score_timex.py."""
    gold_n = pred_n = correct = 0
    for doc in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        if not keep(doc):
            continue
        region = doc.get("annotated_region") or {"start": 0, "end": len(doc["text"])}
        lo, hi = region["start"], region["end"]
        creation = [t for t in doc["timexes"] if "CREATION_TIME" in (t.get("function"), t.get("functionInDocument"))]
        gold = [t for t in doc["timexes"] if t not in creation and lo <= t["start"] < hi]
        pred = [t for t in tagger(doc["text"], parse_dct(doc["dct"])) if lo <= t.start < hi
                and not any(t.start < c["end"] and c["start"] < t.end for c in creation)]
        gold_n, pred_n, used = gold_n + len(gold), pred_n + len(pred), set()
        for p in pred:
            hit = next((i for i, g in enumerate(gold) if i not in used and p.start < g["end"] and g["start"] < p.end), None)
            if hit is not None:
                used.add(hit)
                correct += p.value == gold[hit]["value"]
    precision, recall = correct / pred_n, correct / gold_n
    return 2 * precision * recall / (precision + recall)


def test_value_f1_on_meantime_is_at_least_083():
    """Quality gate on MEANTIME (financial Wikinews). Its conventions differ from TimeBank's in
    places ("two years ago" P2Y there, 2021 in TempEval-3; "annual" a set there, untagged in
    TBAQ); the tagger follows TempEval-3, the target of issue 13."""
    path = SHARED / "gold" / "meantime" / "meantime_en_intradoc.jsonl"
    if not path.exists():
        pytest.skip("../shared/gold/meantime is absent")
    assert _value_f1(path) >= 0.83


def test_value_f1_on_tbaq_is_at_least_078():
    """Quality gate on TBAQ (TimeBank + AQUAINT, general and political news, TempEval-3 training)."""
    path = SHARED / "gold" / "tbaq" / "tbaq_timex.jsonl"
    if not path.exists():
        pytest.skip("../shared/gold/tbaq is absent")
    assert _value_f1(path) >= 0.78


TUESDAY = dt.date(2023, 11, 14)
THURSDAY = dt.date(2023, 11, 9)


@pytest.mark.parametrize("text, dct, expected", [
    # "last <weekday>" never means the publication day itself, bare weekdays look back
    ("Rockets hit the base last Thursday.", THURSDAY, ("last Thursday", "DATE", "2023-11-02")),
    ("The minister said Thursday that talks failed.", THURSDAY, ("Thursday", "DATE", "2023-11-09")),
    ("The envoy will arrive on Thursday.", TUESDAY, ("Thursday", "DATE", "2023-11-16")),
    ("Talks are set to resume Monday in Doha.", TUESDAY, ("Monday", "DATE", "2023-11-20")),
    # year-less days never after the dct unless the text points ahead
    ("A convoy was hit on Dec. 3 near the border.", dt.date(2026, 11, 29), ("Dec. 3", "DATE", "2025-12-03")),
    ("The summit will be held on Dec. 3.", dt.date(2026, 11, 29), ("Dec. 3", "DATE", "2026-12-03")),
    ("The vote is on Saturday, April 25.", dt.date(1998, 4, 24), ("Saturday, April 25", "DATE", "1998-04-25")),
    # a bare month a month or two ahead is the coming one; further ahead, the past one
    ("The appeal is heard in December.", TUESDAY, ("December", "DATE", "2023-12")),
    ("Militias took the town in August.", dt.date(2023, 3, 1), ("August", "DATE", "2022-08")),
    # the tense of the governing verb decides a bare month or a year-less day ahead of the dct
    ("Gunmen seized the depot in December.", TUESDAY, ("December", "DATE", "2022-12")),
    ("The record date is Dec. 9.", TUESDAY, ("Dec. 9", "DATE", "2023-12-09")),
    ("Gunmen stormed the village on Dec. 9.", TUESDAY, ("Dec. 9", "DATE", "2022-12-09")),
    ("The council decided to hold the vote in March.", dt.date(2023, 2, 10), ("March", "DATE", "2023-03")),
    ("He was shot to death on Oct. 23 at his home.", dt.date(1999, 4, 19), ("Oct. 23", "DATE", "1998-10-23")),
    # TimeBank's references: the past year, recent months, the near future, these days, until now
    ("Attacks doubled over the past year.", TUESDAY, ("the past year", "DATE", "2022")),
    ("Police voiced concern in recent months.", TUESDAY, ("recent months", "DURATION", "PXM")),
    ("The army will withdraw in the near future.", TUESDAY, ("the near future", "DATE", "FUTURE_REF")),
    ("Few towns are quiet these days.", TUESDAY, ("these days", "DATE", "PRESENT_REF")),
    ("They lived in camps for 2 1/2 years.", TUESDAY, ("2 1/2 years", "DURATION", "P2Y6M")),
    ("She spent half a day in Nairobi.", TUESDAY, ("half a day", "DURATION", "PT12H")),
    ("It ended their decades-long feud.", TUESDAY, ("decades-long", "DURATION", "PXY")),
    ("Prices fell 4% from the previous Friday.", TUESDAY, ("the previous Friday", "DATE", "2023-11-10")),
    ("A rally planned for Saturday was canceled.", TUESDAY, ("Saturday", "DATE", "2023-11-11")),
    ("He fled in June 2019 and returned later that year.", TUESDAY, ("later that year", "DATE", "2019")),
    ("The plant closed in March 2021. The following month, it was sold.", TUESDAY, ("The following month", "DATE", "2021-04")),
    ("The bank agreed to acquire the lender in January.", TUESDAY, ("January", "DATE", "2024-01")),
    ("A few days later, the firm announced cuts.", TUESDAY, ("A few days", "DURATION", "PXD")),
    ("The blast came at 10:30 a.m. local time (0730 GMT) on Monday.", TUESDAY, ("0730 GMT", "TIME", "2023-11-13T07:30Z")),
    ("The blast came at 10:30 a.m. local time (0730 GMT) on Monday.", TUESDAY, ("10:30 a.m.", "TIME", "2023-11-13T10:30")),
    ("The strike hit at 05:45 on 12 November.", TUESDAY, ("05:45", "TIME", "2023-11-12T05:45")),
    ("Sirens sounded at 21:40 local time.", TUESDAY, ("21:40 local time", "TIME", "2023-11-14T21:40")),
    ("Cuba won independence from Spain in 1898.", TUESDAY, ("1898", "DATE", "1898")),
    ("Protests spread this past weekend.", TUESDAY, ("this past weekend", "DATE", "2023-W45-WE")),
    ("In the quarter ended July 31, net income rose.", TUESDAY, ("the quarter", "DATE", "2023-Q2")),
    ("Sales fell to $300 million last year, from $450 million the year before.", TUESDAY, ("the year before", "DATE", "2021")),
    ("On Thursday, the league plans to hold a news conference.", TUESDAY, ("Thursday", "DATE", "2023-11-16")),
    ("On Thursday, the league planned to hold a news conference.", TUESDAY, ("Thursday", "DATE", "2023-11-09")),
    ("Allies hope he will help. So the envoy on Friday tried to calm them.", TUESDAY, ("Friday", "DATE", "2023-11-10")),
    # a simple past verb right before a bare weekday governs it; a participle or a past perfect does not look ahead
    ("Officials would appeal, the mayor predicted Friday.", TUESDAY, ("Friday", "DATE", "2023-11-10")),
    ("A ruling is expected Friday.", TUESDAY, ("Friday", "DATE", "2023-11-17")),
    ("He would sell as soon as trading opened Monday.", TUESDAY, ("Monday", "DATE", "2023-11-20")),
    ("The truce had been due to expire Saturday evening.", TUESDAY, ("Saturday evening", "TIME", "2023-11-11TEV")),
    # the month May is no modal "may": it moves no weekday ahead
    ("KABUL, May 16 - A bomber struck a post on Tuesday.", dt.date(2026, 5, 16), ("Tuesday", "DATE", "2026-05-12")),
    ("No woman has led a mission until now.", TUESDAY, ("now", "DATE", "PRESENT_REF")),
    ("The quake hit the city two weeks ago.", TUESDAY, ("two weeks ago", "DATE", "2023-10-31")),
    ("It was the third walkout in the past decade.", TUESDAY, ("the past decade", "DATE", "201")),
    ("Talks opened at 16:15 UTC, June 1st, in Doha.", TUESDAY, ("16:15 UTC", "TIME", "2023-06-01T16:15Z")),
    # seasons, quarters, decades, weekends, periods
    ("Clashes flared again last summer.", TUESDAY, ("last summer", "DATE", "2022-SU")),  # TimeBank: the year before
    ("Output fell in the second quarter of 2022.", TUESDAY, ("the second quarter of 2022", "DATE", "2022-Q2")),
    ("The group was founded in the 1980s.", TUESDAY, ("the 1980s", "DATE", "198")),
    ("Protests spread over the weekend.", TUESDAY, ("the weekend", "DATE", "2023-W45-WE")),
    ("Raids rose earlier this month.", TUESDAY, ("earlier this month", "DATE", "2023-11")),
    ("The base was shelled three years ago.", TUESDAY, ("three years ago", "DATE", "2020")),
    ("The base was shelled six months ago.", TUESDAY, ("six months ago", "DATE", "2023-05")),
    ("Patrols run twice a week.", TUESDAY, ("a week", "SET", "P1W")),
    ("The siege lasted 18 months.", TUESDAY, ("18 months", "DURATION", "P18M")),
    ("Keating was convicted in nineteen ninety-one.", TUESDAY, ("nineteen ninety-one", "DATE", "1991")),
    ("The boy was found on Thanksgiving Day.", dt.date(2000, 1, 7), ("Thanksgiving Day", "DATE", "1999-11-25")),
    # a weekday placed by its week is one expression, that week's day (TimeML), not this week's plus the week
    ("Gunmen attacked the village on Monday last week.", THURSDAY, ("Monday last week", "DATE", "2023-10-30")),
    ("A drone hit the depot on Sunday of last week.", TUESDAY, ("Sunday of last week", "DATE", "2023-11-12")),
    ("The envoy arrives on Wednesday next week.", TUESDAY, ("Wednesday next week", "DATE", "2023-11-22")),
    ("Shells fell on Friday night this week.", dt.date(2023, 11, 11), ("Friday night this week", "TIME", "2023-11-10TNI")),
    # a week of a month is the ISO week holding the middle of its seven days; "the first week of the war" is a duration
    ("Clashes erupted in the last week of October.", TUESDAY, ("the last week of October", "DATE", "2023-W43")),
    ("Raids rose during the second week of March 2022.", TUESDAY, ("the second week of March 2022", "DATE", "2022-W10")),
    ("The first week of the siege was the worst.", TUESDAY, ("The first week", "DURATION", "P1W")),
    ("The army retook the town on 2 March 2021. On Friday of that week, rebels struck back.", TUESDAY,
     ("Friday of that week", "DATE", "2021-03-05")),
])
def test_timeml_semantics_that_generalize(text, dct, expected):
    assert expected in values(text, dct)


@pytest.mark.parametrize("text, first, end", [
    ("Talks were held Nov. 2-4 in Doha.", "2023-11-02", "2023-11-04"),
    ("Fighting raged between Oct. 30 and Nov. 1.", "2023-10-30", "2023-11-01"),
    ("Kopp crossed the border from 1994 to 1997.", "1994", "1997"),
    ("Violence spiked in 2015-2016.", "2015", "2016"),
    # alone, Nov. 24 (past tense, after the dct) would be last year's: a range runs forward
    ("The offensive lasted from Oct. 7 to Nov. 24.", "2023-10-07", "2023-11-24"),
    ("Shelling went on from Tuesday to Monday.", "2023-11-14", None),  # no year apart: never moved
])
def test_ranges_are_linked_not_collapsed(text, first, end):
    opening = tag_timexes(text, TUESDAY)[0]
    assert (opening.value, opening.range_end) == (first, end)


def test_two_dates_joined_by_and_without_between_are_no_range():
    assert all(t.range_end is None for t in tag_timexes("Rockets fell on Nov. 2 and Nov. 5.", TUESDAY))


def test_numeric_dates_follow_the_order_the_header_was_read_in():
    assert values("on 05/11/2023", TUESDAY)[0][2] == "2023-05-11"
    assert [t.value for t in tag_timexes("on 05/11/2023", TUESDAY, numeric_order="day-first")] == ["2023-11-05"]
    assert values("on 25/10/2023", TUESDAY)[0][2] == "2023-10-25"


def test_soon_is_not_tagged():
    """TimeBank and MEANTIME leave most "soon" untagged (13 of 18 in TBAQ, 8 of 9 in MEANTIME);
    tagging it cost more precision than it gained."""
    assert values("The army will soon withdraw.", TUESDAY) == []


def test_a_time_word_inside_a_quoted_title_is_no_time():
    assert values("Baker, speaking on ABC's ``This Week,'' said the request was clear.", TUESDAY) == []
    assert values('Gonzalez said on "60 Minutes" that he would stay.', TUESDAY) == []
    assert ("Monday", "DATE", "2023-11-13") in values('He said: "We struck on Monday."', TUESDAY)


def test_the_early_hours_are_no_duration():
    assert values("He was arrested in the early hours of Thursday morning.", TUESDAY) == [
        ("Thursday morning", "TIME", "2023-11-09TMO")]


def test_a_name_ending_in_today_is_no_day():
    """TIDES/TimeML: a time word inside a proper name is not a TIMEX3 ("USA Today", "VOA Today")."""
    assert values("USA Today reported the raid. This is VOA Today.") == []
    assert values("Today, the convoy left.") == [("Today", "DATE", "2023-11-14")]


def test_uncounted_quarters_are_lodging_not_time():
    assert values("Inspectors were barred from the living quarters of the guards.") == []
    assert values("Sales fell over the past several quarters.")[0][1] == "DURATION"
    assert values("Taxes will fall in future quarters.") == [("future quarters", "DATE", "FUTURE_REF")]


def test_a_day_weeks_ahead_with_no_past_verb_is_the_coming_one():
    jan6 = dt.date(2000, 1, 6)
    assert values("Moreover, by setting a Jan. 14 return date, the immigration service also spoke.", jan6)[0][2] == "2000-01-14"
    # a past verb keeps it in the past: an event is not reported before it happens
    assert values("Gunmen stormed the village on Jan. 14.", jan6)[0][2] == "1999-01-14"


def test_the_day_before_in_apposition_is_that_day():
    assert ("the day before", "DATE", "1989-10-12") in values(
        "Eight days after Oct. 12, the day before the plunge, shares rose.", dt.date(1989, 10, 30))
    assert ("the day after", "DATE", "1999-03-04") in values(
        "He left on March 3, 1999, and returned the day after.", dt.date(1999, 10, 30))


def test_a_weekday_before_a_possessive_or_a_clause_is_no_weekday_of_that_week():
    # "Monday last week's attack": the possessive belongs to "last week", no weekday of it is meant
    assert [t.text for t in tag_timexes("He said Monday last week's attack was planned.", TUESDAY)] == ["Monday", "last week"]
    # "that" alone opens a clause after a weekday: no week of it
    assert [t.text for t in tag_timexes("Officials said Thursday that week after week the raids went on.", TUESDAY)][0] == "Thursday"
    assert [t.text for t in tag_timexes("He said Friday this week-long truce would hold.", TUESDAY)][0] == "Friday"


@pytest.mark.parametrize("text, extent", [
    # TimeML extents: a quantity or approximation word is inside the TIMEX3 (its MOD), a preposition is not
    ("The siege of the camp lasted at least 30 days.", "at least 30 days"),
    ("Talks dragged on for nearly two months.", "nearly two months"),
    ("The convoy came under fire around 7:15 p.m.", "around 7:15 p.m."),
    ("Repairs will take up to 18 months.", "up to 18 months"),
    ("Profit fell from the year-ago quarter.", "the year-ago quarter"),  # the article of an all-time phrase
    ("He was given the eight-year term.", "eight-year"),  # not that of a noun the modifier qualifies
    ("Net income for fiscal 1989 rose.", "fiscal 1989"),
])
def test_extents_follow_timeml(text, extent):
    assert extent in [t.text for t in tag_timexes(text, TUESDAY)]


def test_a_named_day_of_history_is_not_this_weeks_weekday():
    assert values("Marchers recalled Bloody Sunday. Black Monday crashed markets.") == []
    assert values("On Sunday, troops fired.") == [("Sunday", "DATE", "2023-11-12")]


def test_a_military_clock_time_is_a_time_not_hundreds_of_hours():
    """"0600 hours" is six o'clock: a count is never written with a leading zero."""
    assert values("Rebels shelled Kadugli at 0600 hours on Monday.") == [
        ("0600 hours", "TIME", "2023-11-13T06:00"), ("Monday", "DATE", "2023-11-13")]
    assert values("Between 0200 and 0400 hrs, drones struck.") == [("0400 hrs", "TIME", "2023-11-14T04:00")]
    assert values("Pilots logged 1200 hours of flight time.") == [("1200 hours", "DURATION", "PT1200H")]


def test_a_clock_time_written_with_a_period():
    assert values("At about 10.30am, gunmen opened fire in Quetta.") == [("about 10.30am", "TIME", "2023-11-14T10:30")]
    assert values("The curfew starts at 9.15 p.m. on Friday.") == [("9.15 p.m. on Friday", "TIME", "2023-11-10T21:15")]


def test_dawn_and_dusk_are_parts_of_the_day_named():
    assert values("Gunmen raided Zurmi on Sunday. They struck again shortly before dawn.") == [
        ("Sunday", "DATE", "2023-11-12"), ("dawn", "TIME", "2023-11-12TMO")]
    assert values("Jets bombed the ridge at first light on Saturday.") == [
        ("first light on Saturday", "TIME", "2023-11-11TMO")]
    # "dawn" as a word of a name or a modifier is no time
    assert values("The Dawn newspaper said a dawn raid killed five.") == []


def test_that_same_day_is_the_day_last_named():
    assert values("Troops entered Beni on Nov. 6 and left that same day.")[-1] == ("that same day", "DATE", "2023-11-06")


def test_a_sum_of_money_per_year_is_no_set():
    """TimeBank leaves prices and budgets per period untagged ("$1.76 a year"); a count of things stays a SET."""
    assert values("The plan would save $500 million a year and pay 20 pence a share a year.") == []
    assert values("The army recruits 15,000 soldiers a year.") == [("a year", "SET", "P1Y")]

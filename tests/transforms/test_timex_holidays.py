"""Holidays whose day moves (transforms/timex_holidays.py): each resolved for the article's year
by the calendar libraries, read as its days where the text says so, never a person's name. The
sentences are invented, of several regions and wordings; the expected days are the Umm al-Qura
calendar's (Eid al-Fitr 1445 = 10 April 2024), Iran's and India's published holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.event_dates import Window, resolve
from transforms.timex import tag_timexes
from transforms.timex_holidays import occurrences


def tagged(text: str, dct: str) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.range_end) for t in tag_timexes(text, dt.date.fromisoformat(dct))]


@pytest.mark.parametrize("text, dct, expected", [
    ("Shelling eased on Eid ul-Fitr in Khyber district, officials said.", "2024-04-12", ("Eid ul-Fitr", "2024-04-10")),
    ("Worshippers leaving Eid el-Fitr prayers in Minya were stoned.", "2023-04-23", ("Eid el-Fitr", "2023-04-21")),
    ("A mortar hit a crowd on Eid-al-Adha in Idlib.", "2025-06-08", ("Eid-al-Adha", "2025-06-06")),
    ("Ashura processions in Karbala passed without incident.", "2024-07-18", ("Ashura", "2024-07-16")),
    ("Police in Diyarbakir detained 40 people at Newroz rallies.", "2024-03-25", ("Newroz", "2024-03-20")),
    ("Shops in Kabul were shut for Nowruz.", "2025-03-23", ("Nowruz", "2025-03-21")),
    ("A grenade was thrown at a temple in Jammu on Diwali.", "2024-11-02", ("Diwali", "2024-10-31")),
    ("Drones struck Kharkiv on Orthodox Easter, the mayor said.", "2024-05-07", ("Orthodox Easter", "2024-05-05")),
    ("Russia and Ukraine traded blame for shelling on Orthodox Christmas.", "2025-01-08", ("Orthodox Christmas", "2025-01-07")),
    ("Sirens sounded across Tel Aviv on Yom Kippur.", "2023-09-27", ("Yom Kippur", "2023-09-25")),
    ("Two rockets fell near Sderot on Rosh Hashanah.", "2024-10-05", ("Rosh Hashanah", "2024-10-03")),
    ("A bomb went off in a market in Sichuan before Chinese New Year.", "2024-02-15", ("Chinese New Year", "2024-02-10")),
])
def test_a_moving_holiday_is_the_day_of_the_articles_year(text, dct, expected):
    got = [(t, v) for t, kind, v, _ in tagged(text, dct) if kind == "DATE"]
    assert expected in got


def test_a_holiday_of_several_days_is_all_of_them_when_the_text_says_so():
    # "during Eid al-Adha": its four days; "the Eid holiday": the same; "on Eid al-Adha": the first
    assert ("Eid al-Adha", "DATE", "2024-06-16", "2024-06-19") in tagged(
        "Fighting around Khartoum paused during Eid al-Adha.", "2024-06-25")
    assert ("Eid", "DATE", "2024-06-16", "2024-06-19") in tagged(
        "Traffic deaths rose over the Eid holiday in Lahore.", "2024-06-25")
    assert ("Eid al-Adha", "DATE", "2024-06-16", None) in tagged(
        "A suicide bomber struck a mosque on Eid al-Adha.", "2024-06-25")


def test_ramadan_is_always_its_month():
    # Ramadan 1446 began on 1 March 2025 and had 29 days (Eid al-Fitr on 30 March)
    assert ("Ramadan", "DATE", "2025-03-01", "2025-03-29") in tagged(
        "Raids in the West Bank continued through the holy month of Ramadan.", "2025-04-02")


def test_the_eve_and_the_nth_day_of_a_holiday():
    assert ("the eve of Eid al-Fitr", "DATE", "2024-04-09", None) in tagged(
        "On the eve of Eid al-Fitr, a car bomb went off near a market in Mogadishu.", "2024-04-11")
    assert ("the second day of Eid", "DATE", "2024-06-17", None) in tagged(
        "Clashes resumed on the second day of Eid in Tripoli.", "2024-06-20")


def test_the_coming_holiday_when_the_text_looks_ahead_else_the_last():
    # 2 April 2024: Eid al-Fitr 2024 (10 April) is ahead; in July the same words report it
    assert ("Eid al-Fitr", "DATE", "2024-04-10", None) in tagged(
        "Ahead of Eid al-Fitr, markets in Aden were crowded.", "2024-04-02")
    assert ("Eid al-Fitr", "DATE", "2024-04-10", None) in tagged(
        "The ceasefire collapsed after Eid al-Fitr, residents said.", "2024-07-02")
    assert ("last Ramadan", "DATE", "2023-03-23", "2023-04-20") in tagged(
        "Attacks fell compared with last Ramadan.", "2024-03-20")


def test_a_holiday_in_the_name_of_a_war_is_no_day():
    assert not [t for t in tagged("Veterans of the Yom Kippur War met in Haifa.", "2023-10-01") if "Yom" in t[0]]


def test_a_holiday_of_several_days_in_a_country_calendar_is_one_occurrence():
    # Israel keeps Rosh Hashanah two days: one holiday, begun on the first
    assert [first for first, _ in occurrences("country:IL:Rosh Hashanah", 2024)] == [dt.date(2024, 10, 3)]
    assert ("Passover", "DATE", "2024-04-23", "2024-04-29") in tagged(
        "Checkpoints were closed throughout Passover.", "2024-05-02")


def test_a_persons_name_is_no_holiday():
    for text in ("Tariq Ramadan spoke in Geneva.", "Taha Yassin Ramadan was executed in 2007.",
                 "Ramadan Shallah led Islamic Jihad."):
        assert not [t for t in tagged(text, "2024-05-01") if t[0].endswith("Ramadan") or t[0] == "Ramadan"], text


def test_a_year_outside_the_calendar_gives_no_day_and_no_error():
    assert occurrences("hijri:10-01", 1850) == ()
    assert not [t for t in tagged("Fighting paused on Eid al-Fitr 1850.", "1850-06-01") if "Eid" in t[0]]


def test_a_lunar_holiday_may_begin_twice_in_one_gregorian_year():
    # 1 Muharram moves about 11 days a year: 2008 had two Islamic new years (10 Jan, 29 Dec)
    firsts = [first for first, _ in occurrences("hijri:01-01", 2008)]
    assert len(firsts) == 2 and firsts[0].month == 1 and firsts[1].month == 12


def test_an_event_during_a_holiday_is_dated_within_its_days():
    body = "Two soldiers were killed in an ambush near Gao during Eid al-Adha."
    published = dt.date(2024, 6, 24)
    eid = next(t for t in tag_timexes(body, published) if t.text == "Eid al-Adha")
    got = resolve(eid, body, published, Window.of_run_day(published))
    assert (got.date_min, got.date_max) == (dt.date(2024, 6, 16), dt.date(2024, 6, 19))


@pytest.mark.parametrize("text, expected", [
    ("Militants stormed the checkpoint at dawn on the 14th, police said.", ("dawn", "TIME", "2024-06-14TMO")),
    ("The convoy was hit at first light on 12 June near Mopti.", ("first light", "TIME", "2024-06-12TMO")),
    ("Gunmen entered the camp in the early hours of the 9th, a witness said.", ("the 9th", "DATE", "2024-06-09")),
    ("Gunmen attacked the village in the early hours of Sunday.", ("Sunday", "DATE", "2024-06-16")),
])
def test_a_part_of_the_day_takes_the_day_written_after_it(text, expected):
    # dct Thursday 20 June 2024; the text names an earlier day first so the anchor differs
    got = [(t, k, v) for t, k, v, _ in tagged("On Tuesday, talks failed. " + text, "2024-06-20")]
    assert expected in got


def test_the_night_of_one_day_to_the_next_spans_both_days():
    body = "Drones struck the port of Odesa on the night of Friday to Saturday."
    published = dt.date(2024, 6, 20)
    timexes = tag_timexes(body, published)
    friday = timexes[0]
    assert (friday.text, friday.value, friday.range_end) == ("Friday", "2024-06-14", "2024-06-15")
    got = resolve(friday, body, published, Window.of_run_day(published))
    assert (got.date_min, got.date_max) == (dt.date(2024, 6, 14), dt.date(2024, 6, 15))

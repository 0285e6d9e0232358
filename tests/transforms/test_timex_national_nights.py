"""National days by the article's country (transforms/timex_national.py) and nights between two
named weekdays (`night_between_weekdays`). The sentences are invented, of several regions and
wordings; the expected days are the countries' published national days."""

from __future__ import annotations

import datetime as dt

import pytest

from transforms.event_dates import Window, resolve
from transforms.timex import tag_timexes
from transforms.timex_national import national_day


def tagged(text: str, dct: str, country: str | None = None) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.range_end)
            for t in tag_timexes(text, dt.date.fromisoformat(dct), country=country)]


@pytest.mark.parametrize("text, dct, country, expected", [
    ("Two soldiers died when a bomb went off near an Independence Day parade in Turbat.", "2025-08-16", "PK", "2025-08-14"),
    ("Security was tight in Srinagar on Independence Day after a grenade attack.", "2024-08-18", "IN", "2024-08-15"),
    ("Missiles hit Odesa's port on Independence Day, the regional governor said.", "2025-08-27", "UA", "2025-08-24"),
    ("Fireworks were cancelled in Chicago on Independence Day after a shooting.", "2025-07-07", "US", "2025-07-04"),
    ("Gunmen fired on a flag-raising ceremony in Bauchi on Independence Day.", "2024-10-03", "NG", "2024-10-01"),
    ("A bomb was defused near the Independence Day parade route in Mogadishu.", "2024-06-28", "SO", "2024-06-26"),
    ("Rebels attacked a checkpoint in Manipur on Republic Day.", "2025-01-28", "IN", "2025-01-26"),
])
def test_a_national_day_is_the_articles_countrys(text, dct, country, expected):
    values = [(t[0], t[2]) for t in tagged(text, dct, country)]
    name = "Republic Day" if "Republic" in text else "Independence Day"
    assert (name, expected) in values


def test_a_national_day_of_a_country_unknown_is_no_day():
    """No country: no guess (the U.S. 4 July would put an Asian attack six weeks off)."""
    assert not [t for t in tagged("A rally marking Independence Day was bombed.", "2025-08-20") if "Independence" in t[0]]
    assert national_day("national:Independence Day", None, 2025) is None
    assert national_day("national:Independence Day", "AQ", 2025) is None  # neither source knows Antarctica's


def test_last_years_national_day_when_this_years_is_ahead():
    assert ("Independence Day", "2024-08-24") in [(t[0], t[2]) for t in tagged(
        "The strike on Independence Day killed four.", "2025-03-10", "UA")]


@pytest.mark.parametrize("text, dct, night", [
    # published Wednesday 4 March 2026
    ("Insurgents raided a village near Gwoza overnight from Monday to Tuesday.", "2026-03-04", "2026-03-02"),
    ("Drones attacked Belgorod during the night from Saturday to Sunday, the governor said.", "2026-03-04", "2026-02-28"),
    ("The camp was shelled on the night between Thursday and Friday.", "2026-03-04", "2026-02-26"),
    ("Clashes erupted in Tripoli overnight Tuesday into Wednesday.", "2026-03-04", "2026-03-03"),
    ("Gunmen attacked a bus overnight between Sunday and Monday near Djibo.", "2026-03-04", "2026-03-01"),
    ("Soldiers repelled an assault on Kidal overnight Wednesday to Thursday.", "2026-03-05", "2026-03-04"),
    ("Residents of Kherson sheltered through the Friday-Saturday night.", "2026-03-04", "2026-02-27"),
])
def test_a_night_between_two_weekdays_is_the_latest_such_pair(text, dct, night):
    found = [t for t in tagged(text, dct) if t[2].endswith("TNI")]
    assert len(found) == 1
    _, kind, value, end = found[0]
    assert (kind, value) == ("TIME", f"{night}TNI")
    assert end == (dt.date.fromisoformat(night) + dt.timedelta(days=1)).isoformat()


def test_the_night_between_two_weekdays_is_the_events_range():
    pub = dt.date(2026, 11, 26)  # a Thursday: Saturday to Sunday is the 21st to the 22nd, not the 25th
    body = "Militants stormed a police post overnight from Saturday to Sunday, killing two."
    timex = next(t for t in tag_timexes(body, pub) if t.value.endswith("TNI"))
    found = resolve(timex, body, pub, Window(pub - dt.timedelta(days=7), pub))
    assert (found.date_min, found.date_max) == (dt.date(2026, 11, 21), dt.date(2026, 11, 22))


def test_a_night_ahead_only_with_a_future_cue():
    assert ("TIME", "2026-03-08TNI") in [t[1:3] for t in tagged(
        "The bridge will be closed overnight from Sunday to Monday for repairs.", "2026-03-04")]


def test_two_weekdays_that_do_not_follow_each_other_are_no_night():
    found = tagged("Fighting raged overnight from Monday to Thursday.", "2026-03-06")
    assert not [t for t in found if t[0].startswith("overnight from")]

"""National days whose date depends on the country: "Independence Day" is 4 July in the United
States, 14 August in Pakistan, 15 August in India, 24 August in Ukraine, a day of the Hebrew
calendar in Israel. vocabulary.json `holiday` gives such a name the value `national:NAME`.

The day is the one the `holidays` library's calendar of the article's country names NAME (it
follows moving national days such as Israel's); else data/national_days.csv (name, ISO2 country,
MM-DD, the source of the day). With no country, or one neither knows, the name is no day at all:
guessing one country's (the U.S. 4 July) puts an event weeks off.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from transforms.resources import csv_rows
from transforms.timex_holidays import _country_days

PREFIX = "national:"


def national_day(rule: str, country: str | None, year: int) -> dt.date | None:
    """The day `country` (ISO2) keeps the national day of `rule` ("national:Independence Day") in
    Gregorian `year`; None when the country is unknown or neither source has that day."""
    if not country:
        return None
    name = rule.removeprefix(PREFIX)
    try:
        days = _country_days(country, name, year)
    except (NotImplementedError, KeyError, AttributeError):  # a country the library lacks
        days = []
    if days:
        return days[0]
    month_day = _table().get((name.lower(), country.upper()))
    if month_day is None:
        return None
    month, day = (int(p) for p in month_day.split("-"))
    return dt.date(year, month, day)


@cache
def _table() -> dict[tuple[str, str], str]:
    return {(r["name"].lower(), r["country_code"]): r["month_day"] for r in csv_rows("national_days.csv")}

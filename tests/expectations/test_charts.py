"""The report's weekly chart draws years of weeks, many countries and no data without failing."""

import datetime as dt

import pytest

from expectations.charts import weekly_incidents_png

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("weeks, countries", [(0, 0), (3, 1), (160, 12)])
def test_weekly_chart_is_a_png_for_any_span_and_number_of_countries(weeks, countries):
    codes = [f"C{i}" for i in range(countries)] + [None]
    rows = [{"week_start": dt.date(2021, 1, 4) + dt.timedelta(weeks=w), "country_code": c, "incidents": 1 + w % 3}
            for w in range(0, weeks, 2) for c in codes if countries]
    assert weekly_incidents_png(rows).startswith(PNG)

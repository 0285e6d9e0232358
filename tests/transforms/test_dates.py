import datetime as dt
import json
from importlib import resources

import pytest

from transforms.dates import (LANGUAGES, HeaderDate, choose_year, fixed_by_pair, pair_day, parse_dateline, parse_header_date,
                             weekday_pairs)
from transforms.parse import parse_article
from transforms.timex_vocab import vocabulary


@pytest.mark.parametrize("line, day, stamp", [
    ("2023-11-03T14:12:00Z", "2023-11-03", "2023-11-03T14:12:00"),
    ("date 2023-11-05", "2023-11-05", None),
    ("25/10/2023 22h43", "2023-10-25", "2023-10-25T22:43:00"),
    ("Published: November 3, 2023 at 4:12 PM EST", "2023-11-03", "2023-11-03T21:12:00"),
    ("Updated 9:14 AM EST, Tue November 21, 2023", "2023-11-21", "2023-11-21T14:14:00"),
    ("Monday, 30 October 2023", "2023-10-30", None),
    ("Posted on Nov. 2, 2023", "2023-11-02", None),
    ("12/31/2023", "2023-12-31", None),
])
def test_header_styles_parse_to_the_stated_day_and_utc_time(line, day, stamp):
    h = parse_header_date(line)
    assert h.date.isoformat() == day
    assert (h.timestamp().isoformat() if h.timestamp() else None) == stamp


@pytest.mark.parametrize("line", ["Politics", "31/02/2023", "2023-13-45", "ICARO Media Group"])
def test_lines_without_a_valid_date_give_none(line):
    assert parse_header_date(line) is None


def test_dateline_without_year_leaves_the_year_open():
    label, h = parse_dateline("WASHINGTON, Oct. 20 (Reuters) - Text")
    assert label == "WASHINGTON, Oct. 20 (Reuters)" and h.year is None and (h.month, h.day) == (10, 20)


def test_year_of_a_yearless_date_is_the_latest_not_after_the_run_day():
    h = HeaderDate("x", 12, 30, None)
    assert choose_year(h, dt.date(2026, 1, 1)) == 2025
    assert choose_year(h, dt.date(2026, 12, 30)) == 2026


def test_year_of_a_yearless_date_is_never_in_the_future():
    h = HeaderDate("x", 11, 30, None)
    assert choose_year(h, dt.date(2026, 11, 22)) == 2025
    assert choose_year(HeaderDate("x", 2, 29, None), dt.date(2026, 6, 1)) == 2024  # the last leap day


def test_a_weekday_written_with_a_day_fixes_the_year_of_a_dateline():
    # "on Tuesday, Dec. 2": Dec. 2 was a Tuesday in 2025 and in 2014, 2008, ...; run on 2031-01-10, a
    # dateline "Dec. 3" without that evidence would be 2030's
    pairs = weekday_pairs("The talks opened on Tuesday, Dec. 2, in the capital; on Friday 5 December they ended.")
    assert pairs == [(12, 2, 2), (12, 5, 5)]
    assert pair_day(pairs[0], dt.date(2031, 1, 10)) == dt.date(2025, 12, 2)
    assert choose_year(HeaderDate("x", 12, 3, None), dt.date(2031, 1, 10), pairs) == 2025
    assert choose_year(HeaderDate("x", 12, 3, None), dt.date(2031, 1, 10)) == 2030
    assert weekday_pairs("On Monday, March 3, 2025 the court sat.") == []  # a year is written: no inference


def test_a_bare_weekday_before_a_number_and_a_verb_is_no_pair_and_fixes_no_year():
    # "may" and "march" after a number are verbs; "Mars" is another language's month (or a planet)
    for text in ("Officials said on Wednesday 15 may have died in the blast.",
                 "On Monday 12 march through the city, organisers said.",
                 "On Tuesday 3 Mars rovers were shown."):
        assert weekday_pairs(text) == [], text
    dateline = HeaderDate("x", 5, 16, None)
    today = dt.date(2026, 11, 30)
    assert choose_year(dateline, today, weekday_pairs("Officials said on Wednesday 15 may have died.")) == 2026
    # a weekday written with its day does fix it: Tuesday, May 14 was last a Tuesday in 2024
    assert choose_year(dateline, today, weekday_pairs("The bomber struck on Tuesday, May 14.")) == 2024
    assert weekday_pairs("TUESDAY, MAY 14") == [(5, 14, 2)]
    # the note says which evidence the year came from
    assert fixed_by_pair(dt.date(2024, 5, 16), [(5, 14, 2)])
    assert not fixed_by_pair(dt.date(2026, 5, 16), [(5, 14, 2)])  # May 14, 2026 is a Thursday


@pytest.mark.parametrize("line, day, stamp", [
    ("Sun 3 Mar 2024 14.02 GMT", "2024-03-03", "2024-03-03T14:02:00"),   # British dotted clock
    ("05-Mar-2024", "2024-03-05", None),
    ("2024/03/05", "2024-03-05", None),                                    # year first: never ambiguous
])
def test_more_header_styles(line, day, stamp):
    h = parse_header_date(line)
    assert h.date.isoformat() == day
    assert (h.timestamp().isoformat() if h.timestamp() else None) == stamp


@pytest.mark.parametrize("line, day, order, ambiguous", [
    ("11/05/2023 04:12 PM EST", "2023-11-05", "month-first", False),   # a US zone: month first
    ("05/11/2023 22h43", "2023-11-05", "day-first", False),            # a French-style clock: day first
    ("25/11/2023", "2023-11-25", "day-first", False),                  # a part over 12 decides
    ("11/25/2023", "2023-11-25", "month-first", False),
    ("05/11/2023", "2023-05-11", "month-first", True),                 # nothing decides: recorded
    ("07.06.2024 10:21", "2024-06-07", "day-first", False),            # a dotted date: day first
])
def test_numeric_header_order_is_decided_by_evidence_and_ambiguity_recorded(line, day, order, ambiguous):
    h = parse_header_date(line)
    assert (h.date.isoformat(), h.numeric_order, h.order_ambiguous) == (day, order, ambiguous)


def test_header_and_body_read_a_dotted_date_day_first():
    from transforms.timex import tag_timexes

    h = parse_header_date("05.06.2024")
    body = tag_timexes("An IED exploded on 05.06.2024.", dt.date(2024, 6, 8))
    assert body[0].value == h.date.isoformat() == "2024-06-05"


def test_header_and_body_read_an_ambiguous_numeric_date_the_same_way():
    from transforms.timex import tag_timexes

    h = parse_header_date("05/11/2023")
    body = tag_timexes("The strike on 05/11/2023 killed two.", dt.date(2023, 11, 20), numeric_order=h.numeric_order)
    assert body[0].value == h.date.isoformat()


@pytest.mark.parametrize("line, day, stamp", [
    ("Published 25/11/23 10:43", "2023-11-25", "2023-11-25T10:43:00"),
    ("2016-12-31T23:59:60Z", "2016-12-31", "2016-12-31T23:59:59"),      # a leap second
    ("2023-11-05T25:61:00Z", "2023-11-05", None),                        # an impossible time: no time, no crash
])
def test_two_digit_years_and_odd_stamps(line, day, stamp):
    h = parse_header_date(line)
    assert h.date.isoformat() == day
    assert (h.timestamp().isoformat() if h.timestamp() else None) == stamp


def test_two_digit_year_pivot():
    from transforms.dates import two_digit_year

    assert two_digit_year(23, 2026) == 2023 and two_digit_year(98, 2026) == 1998 and two_digit_year(27, 2026) == 2027


HEADER_EXAMPLES = json.loads(resources.files("transforms").joinpath("data", "header_dates.json").read_text("utf-8"))["examples"]


@pytest.mark.parametrize("example", HEADER_EXAMPLES, ids=lambda e: " | ".join(e["header"]))
def test_every_header_dates_example_reads_as_stated(example):
    """header_dates.json: a numeric date follows the locale its header shows (zone, language,
    URL domain, publisher); French, German and Spanish month names are read."""
    text = "Blast near the port\n" + "\n".join(example["header"]) + "\n\nA car bomb exploded near the port, police said.\n"
    article = parse_article(text)
    assert article.published is not None, article
    assert article.published.date.isoformat() == example["date"]
    assert article.published.order_ambiguous == example.get("ambiguous", False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_spells_all_twelve_months_and_a_numeric_order(lang):
    v = vocabulary(lang)
    assert set(v["month"].values()) == set(range(1, 13)) and set(v["month_abbr"].values()) <= set(range(1, 13))
    assert v["numeric_order"] in ("day-first", "month-first") and v["header_words"]


def test_a_french_header_and_its_body_read_05_11_day_first():
    from transforms.timex import tag_timexes

    h = parse_article("Frappe près de Kirkouk\nPublié le 05/11/2023\n\nRockets hit the base on 04/11/2023.\n").published
    body = tag_timexes("Rockets hit the base on 04/11/2023.", h.date, numeric_order=h.numeric_order)
    assert (h.date, body[0].value) == (dt.date(2023, 11, 5), "2023-11-04")


def test_an_english_header_word_tells_no_order():
    assert parse_header_date("Published 05/11/2023").order_ambiguous
def test_a_bare_wire_dateline_is_read_without_an_agency():
    from transforms.dates import parse_dateline

    assert parse_dateline("WASHINGTON - The Pentagon said on Tuesday")[0] == "WASHINGTON"
    assert parse_dateline("KYIV, Ukraine (AP) — Russian drones struck")[0] == "KYIV, Ukraine (AP)"
    assert parse_dateline("GAROWE, March 3 - Gunmen attacked")[1].day == 3
    # capitals that open a sentence, without a dash after them, are no dateline
    assert parse_dateline("US forces struck a depot - officials said") is None
    assert parse_dateline("NATO said the strike - a rare one - hit") is None


@pytest.mark.parametrize("paragraph, label, date", [
    ("BAMAKO, 5 May 2025 - Gunmen attacked a market", "BAMAKO, 5 May 2025", (2025, 5, 5)),
    ("NIAMEY, 14 Nov. (AFP) — Soldiers were killed", "NIAMEY, 14 Nov. (AFP)", (None, 11, 14)),
    ("Maiduguri, 3rd March 2024 (Reuters) - A bomb exploded", "Maiduguri, 3rd March 2024 (Reuters)", (2024, 3, 3)),
    ("GOMA, Congo, 21 June - Shells fell on a camp", "GOMA, Congo, 21 June", (None, 6, 21)),
])
def test_a_day_first_dateline_is_read(paragraph, label, date):
    """British, African and Asian wires write the day first; the place is the dateline's all the same."""
    found = parse_dateline(paragraph)
    assert found is not None and found[0] == label
    assert (found[1].year, found[1].month, found[1].day) == date


@pytest.mark.parametrize("paragraph, label, date", [
    # South Asian and some African papers end the dateline with a colon (invented examples)
    ("PESHAWAR: Militants attacked a police post on Wednesday", "PESHAWAR", None),
    ("DERA ISMAIL KHAN: Gunmen shot dead two policemen", "DERA ISMAIL KHAN", None),
    ("NEW DELHI, Nov 14 (PTI): Two soldiers were killed", "NEW DELHI, Nov 14 (PTI)", (None, 11, 14)),
    ("KARACHI (APP): A blast hit a bus near the port", "KARACHI (APP)", None),
    ("COX'S BAZAR: ‘We fled at night,’ a survivor said", "COX'S BAZAR", None),
    ("MOGADISHU, Somalia: A car bomb exploded outside a hotel", "MOGADISHU, Somalia", None),
])
def test_a_colon_dateline_is_read(paragraph, label, date):
    found = parse_dateline(paragraph)
    assert found is not None and found[0] == label
    assert date is None and found[1] is None or (found[1].year, found[1].month, found[1].day) == date


@pytest.mark.parametrize("paragraph", [
    "PRESS RELEASE: The division condemns the ambush",  # a label of wire_labels.txt
    "EDITOR'S NOTE: This story contains graphic details",
    "WARNING: Graphic content",
    "NATO: allies meet in Brussels",  # no capital opens a story after it
    "Peshawar: Militants attacked a post",  # a place in Title Case with a colon is a heading, not a dateline
])
def test_a_label_or_heading_with_a_colon_is_no_dateline(paragraph):
    assert parse_dateline(paragraph) is None


def test_a_day_first_date_opening_a_sentence_is_no_dateline():
    assert parse_dateline("On 5 May 2025, gunmen attacked a market - officials said") is None


def test_a_wire_label_in_capitals_is_no_dateline():
    from transforms.dates import parse_dateline

    assert parse_dateline("BREAKING - Gunmen stormed a hotel") is None
    assert parse_dateline("SPECIAL REPORT - How the war came") is None


def _body_examples():
    from transforms.dates import HEADER_RULES

    return HEADER_RULES["body_examples"]


@pytest.mark.parametrize("example", _body_examples(), ids=lambda e: e["text"][:40])
def test_the_order_an_article_states_or_shows_for_its_numeric_dates(example):
    from transforms.dates import numeric_order_in_text

    assert numeric_order_in_text(example["text"]) == example["order"]


def test_a_body_date_is_read_by_the_documents_evidence_not_the_default():
    from transforms.dates import document_numeric_order
    from transforms.timex import tag_timexes

    body = "Shelling on 25/11/2023 killed three. The market was hit again on 05/12/2023."
    order = document_numeric_order(None, body)
    assert order == "day-first"
    assert [t.value for t in tag_timexes(body, dt.date(2023, 12, 8), numeric_order=order)] == ["2023-11-25", "2023-12-05"]
    # a header decided by its own line wins; a US publisher decides when the text does not
    assert document_numeric_order(parse_header_date("05/11/2023 14:02 GMT"), "On 04/03/2024 ...") == "day-first"
    assert document_numeric_order(None, "On 04/03/2024 ...", "CNN") == "month-first"
    assert document_numeric_order(None, "On 04/03/2024 ...") is None


def test_an_ambiguous_header_follows_the_convention_its_article_states():
    article = parse_article("Clashes in the south\n05/11/2023\n\nNote: dates in this report are day/month/year. "
                            "Clashes broke out on 03/11/2023 near the border.\n")
    assert article.published.date == dt.date(2023, 11, 5) and not article.published.order_ambiguous


# Wire datelines in the languages of header_dates.json, day first, with accented capitals (invented)
@pytest.mark.parametrize("paragraph, label, day, publisher", [
    ("ASUNCIÓN, 3 août 2024 (AFP) - Two guards were hurt when a bomb went off outside a bank, police said.",
     "ASUNCIÓN, 3 août 2024 (AFP)", "2024-08-03", "Agence France-Presse"),
    ("TEGUCIGALPA, 7 de marzo de 2024 (EFE) - Gunmen killed a bus driver on a ring road on Tuesday.",
     "TEGUCIGALPA, 7 de marzo de 2024 (EFE)", "2024-03-07", "Agencia EFE"),
    ("SÃO GABRIEL, Brasil, 21 de outubro de 2023 (EFE) - A police post was set on fire overnight.",
     "SÃO GABRIEL, Brasil, 21 de outubro de 2023 (EFE)", "2023-10-21", "Agencia EFE"),
    ("IQUITOS, Peru, 1 de mayo del 2024 (Reuters) - A patrol boat came under fire on the river.",
     "IQUITOS, Peru, 1 de mayo del 2024 (Reuters)", "2024-05-01", "Reuters"),
    ("MÜNSTER, 4. März 2024 (dpa) - Unknown attackers set fire to a depot.",
     "MÜNSTER, 4. März 2024 (dpa)", "2024-03-04", "Deutsche Presse-Agentur"),
])
def test_a_wire_dateline_in_another_language_dates_and_credits_the_article(paragraph, label, day, publisher):
    a = parse_article(f"A headline for the wire story\n\n{paragraph} Officials gave no further details.")
    assert a.dateline == label
    assert a.published is not None and a.published.date.isoformat() == day
    assert a.published_source == "dateline"
    assert a.publisher == publisher


def test_a_yearless_dateline_in_spanish_leaves_the_year_open():
    label, h = parse_dateline("LIMA, 14 de noviembre (EFE) - Text")
    assert label == "LIMA, 14 de noviembre (EFE)" and h.year is None and (h.month, h.day) == (11, 14)


# A dateline on a line of its own, its date after the place, credit or dash (invented)
@pytest.mark.parametrize("line, day, publisher", [
    ("MOSUL, Iraq (AP) — Feb. 11, 2024", "2024-02-11", "Associated Press"),
    ("Kismayo (AFP) 8 January 2024", "2024-01-08", "Agence France-Presse"),
    ("KHARKIV, Ukraine -- 04.10.2023", "2023-10-04", None),
    ("ZAMBOANGA CITY — Dec 9, 2023", "2023-12-09", None),
    ("GOMA, 9 de Outubro de 2023", "2023-10-09", None),
])
def test_a_dateline_on_its_own_line_is_the_dateline_and_names_its_agency(line, day, publisher):
    a = parse_article(f"Shelling hits a market town\n\n{line}\n\n"
                      "Artillery shells landed on a market on Tuesday, killing four traders, officials said.")
    assert a.dateline == line
    assert a.published.date.isoformat() == day
    assert a.publisher == publisher
    assert a.body.startswith("Shelling hits a market town\n\nArtillery")


@pytest.mark.parametrize("line, day", [
    ("Nampula, 9 de Outubro de 2023", "2023-10-09"),      # a Title Case place and no agency: a date line
    ("MONDAY, 30 OCTOBER 2023", "2023-10-30"),             # a weekday, not a place
    ("Publicado em 2 de janeiro de 2024", "2024-01-02"),  # Portuguese header words
    ("Daily Courier, 5 May 2024", "2024-05-05"),
    ("By Ana Ruiz (AFP) 14 March 2024", "2024-03-14"),     # a byline with its date
])
def test_a_date_line_that_is_no_dateline_dates_the_article_but_is_no_publisher(line, day):
    a = parse_article(f"Shelling hits a market town\n\n{line}\n\n"
                      "Artillery shells landed on a market on Tuesday, killing four traders, officials said.")
    assert a.published.date.isoformat() == day
    assert a.dateline is None
    assert a.publisher is None

"""Credit lines ("Daily Trust, November 20th, 2026" at an article's foot), editor's notes between a
headline and its date line, the numeric order an outlet's name or an article's countries tell, and
Title Case year-less datelines. Every sentence is invented for these tests."""

import json

import pytest

from transforms import credit_lines, dates
from transforms.parse import FOOTER_NOTE, parse_article
from transforms.resources import data_text

_EXAMPLES = json.loads(data_text("header_dates.json"))["credit_examples"]


@pytest.mark.parametrize("example", _EXAMPLES, ids=[e["line"] for e in _EXAMPLES])
def test_credit_examples_of_the_data_file(example):
    found = credit_lines.credit_date(example["line"])
    if example["name"] is None:
        assert found is None
    else:
        assert found is not None and found[0] == example["name"]
        assert found[2].date.isoformat() == example["date"]


@pytest.mark.parametrize("foot, date, publisher", [
    ("The Citizen, November 14th, 2026", "2026-11-14", "The Citizen"),
    ("— Kaieteur News, 2 Oct 2026", "2026-10-02", "Kaieteur News"),
    ("Published On 19 Oct 2026", "2026-10-19", None),
    ("Publicado el 4 de octubre de 2026", "2026-10-04", None),
    ("Goma, 21 Oct 2026 (AFP)", "2026-10-21", "Agence France-Presse"),
    ("Somali Guardian, 09/10/2026", "2026-10-09", "Somali Guardian"),
])
def test_a_credit_or_date_line_at_the_foot_is_the_publication_date(foot, date, publisher):
    text = ("Gunmen attack a checkpoint near the border\n\n"
            "Gunmen attacked a police checkpoint near the border on Thursday, killing two officers, the regional "
            "police commander said.\n\n" + foot + "\n")
    a = parse_article(text)
    assert a.published is not None and a.published.date.isoformat() == date
    assert a.published_source == "header" and f"{FOOTER_NOTE}: {foot}" in a.removed
    assert foot not in a.body
    if publisher is not None and dates.wire_services().get("AFP") != publisher:
        assert a.publisher == publisher


def test_a_sentence_ending_on_a_date_at_the_foot_is_kept_in_the_body():
    text = ("Court jails bomb maker\n\nA court sentenced a bomb maker to 20 years on Monday, prosecutors said.\n\n"
            "The trial opened, 3 March 2025\n")
    a = parse_article(text)
    assert a.published is None and "The trial opened" in a.body


@pytest.mark.parametrize("note, date_line, date", [
    ("(Translated from the Amharic-language service)", "Dated 2026-10-02", "2026-10-02"),
    ("(Machine translation, lightly edited)", "Published: 2026-09-30 07:40", "2026-09-30"),
])
def test_an_editors_note_above_the_date_line_does_not_end_the_header(note, date_line, date):
    text = (f"Militia raids a village in the north\n\n{note}\n{date_line}\n\n"
            "Militiamen raided a village in the north on the 28th of this month, killing four farmers, "
            "local officials said in a statement.\n")
    a = parse_article(text)
    assert a.published is not None and a.published.date.isoformat() == date
    assert f"note: {note}" in a.removed and note not in a.body


def test_an_outlet_line_with_a_bracketed_note_is_the_publisher():
    text = ("Colombia: gunmen kill a councillor in Cauca\n\nEl Espectador (translated)\nPublished: 2026-08-12 10:05\n"
            "A municipal councillor was shot dead by hitmen the night of yesterday as he left his house, the police "
            "reported.\n")
    a = parse_article(text)
    assert a.publisher == "El Espectador" and a.title.startswith("Colombia:")
    assert a.published.date.isoformat() == "2026-08-12"


@pytest.mark.parametrize("name, order", [
    ("Sudan Tribune", "day-first"),
    ("Times of India", "day-first"),
    ("Kenya Daily Nation", "day-first"),
    ("Manila Bulletin", "month-first"),
    ("Coastal Gazette", None),
])
def test_the_order_an_outlets_name_tells(name, order):
    assert credit_lines.order_from_name(name) == order


def test_a_header_credit_line_names_the_country_that_reads_day_first():
    text = ("Cartel attack in Sinaloa\n\nMexico Daily Post, 03/10/2026\n"
            "Gunmen attacked a police convoy in Culiacán on Thursday, wounding three officers.\n")
    a = parse_article(text)
    assert a.published.date.isoformat() == "2026-10-03"
    assert not a.published.order_ambiguous and a.published.order_evidence == "the outlet's name"


def test_the_countries_the_story_names_decide_an_open_numeric_header_date():
    text = ("Patrol ambushed in the south\n\nLa Voz del Sur, 05/10/2026\n"
            "Gunmen ambushed a police patrol in Culiacán, Sinaloa, on Saturday, killing two officers.\n")
    a = parse_article(text)
    assert a.published.date.isoformat() == "2026-10-05"
    assert a.published.order_evidence == "the countries the article names"


def test_countries_of_both_orders_leave_the_date_ambiguous():
    text = ("Patrol ambushed in the south\n\nLa Voz del Sur, 05/10/2026\n"
            "Gunmen ambushed a police patrol in Culiacán on Saturday, officials in Washington said.\n")
    a = parse_article(text)
    assert a.published.order_ambiguous and a.published.order_evidence is None


@pytest.mark.parametrize("para, label", [
    ("Nairobi, Oct 7 — Gunmen attacked a bus near the coast on Monday.", "Nairobi, Oct 7"),
    ("Baghdad, 12 March — A rocket hit a base west of the capital on Sunday.", "Baghdad, 12 March"),
    ("Kabul, 5 May — Gunmen attacked a checkpoint.", "Kabul, 5 May"),
])
def test_a_title_case_known_town_with_a_year_less_date_is_a_dateline(para, label):
    found = dates.parse_dateline(para)
    assert found is not None and found[0] == label and found[1].year is None


@pytest.mark.parametrize("para", [
    "Officials, Oct 7 — the day of the raid — said nothing.",
    "Later, March 5: the convoy left the town.",
])
def test_a_title_case_word_that_is_no_town_gives_no_year_less_dateline(para):
    assert dates.parse_dateline(para) is None


def test_a_known_town_a_dash_and_a_full_date_on_a_line_of_its_own_dates_a_press_release():
    text = ("DIRECTORATE OF PUBLIC AFFAIRS\nPRESS RELEASE\nNo 41/2026-DPA\n\nPeshawar - 3 May 2026\n\n"
            "On 2 May 2026, militants attacked a police post in Bannu district. Two policemen were martyred.\n")
    a = parse_article(text)
    assert a.dateline == "Peshawar - 3 May 2026"
    assert a.published.date.isoformat() == "2026-05-03" and a.published_source == "dateline"


@pytest.mark.parametrize("line", ["Kindly note - 3 May 2026", "Peshawar, 3 May 2026"])
def test_a_label_or_a_comma_line_is_no_dash_dateline_line(line):
    # (a Title Case place and a comma is a statement's "New York, 7 April 2026", kept in the body)
    assert dates.parse_dateline_line(line) is None

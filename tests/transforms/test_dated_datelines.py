"""Datelines whose date runs inline with the story, date lines at an article's foot, and what they
date (break report kinds A-E; #13 item 3). Every example is invented, of several regions and outlets."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.transforms.test_dateline_names import TODAY, _run
from transforms import batch
from transforms.dates import HeaderDate, choose_year, is_date_line, order_from_place, parse_dateline
from transforms.parse import parse_article


@pytest.mark.parametrize("paragraph, label, date", [
    # the date after the credit, with the story on the same line
    ("TRIPOLI, Libya (Reuters) — Aug. 30, 2023 — Clashes broke out", "TRIPOLI, Libya (Reuters) — Aug. 30, 2023", (2023, 8, 30)),
    ("GOMA, Congo (AP) -- March 4, 2025 -- Shells fell on a camp", "GOMA, Congo (AP) -- March 4, 2025", (2025, 3, 4)),
    # numeric, day first by a part over 12 or the dotted form
    ("Kandahar, 14/02/2024 - Gunmen attacked a checkpoint", "Kandahar, 14/02/2024", (2024, 2, 14)),
    ("KHERSON, Ukraine -- 18.02.2024 -- Russian shells hit", "KHERSON, Ukraine -- 18.02.2024", (2024, 2, 18)),
    ("MOSUL, Iraq — 03.11.2023 — A roadside bomb", "MOSUL, Iraq — 03.11.2023", (2023, 11, 3)),
    # a weekday before the date, with or without its comma, in English or French
    ("Nairobi, Tuesday, 7 May 2024 — Police said", "Nairobi, Tuesday, 7 May 2024", (2024, 5, 7)),
    ("ABUJA, Nigeria — Wednesday 12 June 2024 – Bandits stormed", "ABUJA, Nigeria — Wednesday 12 June 2024", (2024, 6, 12)),
    ("Dakar, lundi 3 juin 2024 - Des hommes armés", "Dakar, lundi 3 juin 2024", (2024, 6, 3)),
    # no comma before the year, and an outlet's credit after a day-first date
    ("JUBA, March 9 2025 (Radio Tamazuj) — Fighting erupted", "JUBA, March 9 2025 (Radio Tamazuj)", (2025, 3, 9)),
    ("Maiduguri, 21 August 2024 (HumAngle) - Insurgents raided", "Maiduguri, 21 August 2024 (HumAngle)", (2024, 8, 21)),
    ("SIDON, 12/09/2024 (L'Orient-Le Jour) — A drone hit", "SIDON, 12/09/2024 (L'Orient-Le Jour)", None),
    # the Spanish-language wires end the dateline with ".-"
    ("Culiacán, Sinaloa, 3 de mayo de 2024.- Un ataque armado", "Culiacán, Sinaloa, 3 de mayo de 2024", (2024, 5, 3)),
    ("Uruapan, Michoacán, 21 July 2024.- Gunmen opened fire", "Uruapan, Michoacán, 21 July 2024", (2024, 7, 21)),
])
def test_an_inline_dated_dateline_is_read_with_its_date(paragraph, label, date):
    found = parse_dateline(paragraph)
    assert found is not None and found[0] == label
    if date:
        assert (found[1].year, found[1].month, found[1].day) == date and not found[1].order_ambiguous
    else:  # 12/09: nothing in the line tells the order
        assert found[1].order_ambiguous


@pytest.mark.parametrize("paragraph", [
    "On Monday, 5 May 2025 — the day of the vote — gunmen opened fire",  # a sentence, its "place" a weekday
    "Residents, 5 May — Gunmen attacked",  # a Title Case word that is no known town, with a year-less date
    # ("Kabul, 5 May — Gunmen attacked": a known town, is a dateline: tests/transforms/test_credit_lines.py)
    "BREAKING — 5 May 2025 — Gunmen stormed a hotel",  # a wire label
    "Tuesday, 7 May 2024 — Police said",  # a weekday is no place
])
def test_a_sentence_or_label_with_a_date_and_a_dash_is_no_dateline(paragraph):
    found = parse_dateline(paragraph)
    assert found is None or found[1] is None


@pytest.mark.parametrize("paragraph, date", [
    # 10 August 2024 was a Saturday, 8 October a Tuesday: the weekday written with the date decides
    ("AMMAN, Saturday 10/08/2024 — Protesters gathered", (2024, 8, 10)),
    ("Islamabad, Tuesday, 08/10/2024 - Police said", (2024, 10, 8)),
])
def test_a_weekday_written_with_a_numeric_dateline_date_decides_its_order(paragraph, date):
    found = parse_dateline(paragraph)[1]
    assert (found.year, found.month, found.day) == date and not found.order_ambiguous


def test_a_weekday_that_fits_neither_reading_leaves_the_order_open():
    assert parse_dateline("AMMAN, Sunday 10/08/2024 — Protesters gathered")[1].order_ambiguous


@pytest.mark.parametrize("text, date, ambiguous", [
    # the country the dateline files from tells its convention (header_dates.json domain_order)
    ("Attack in Senegal\n\nDAKAR, 05/09/2023 — Gunmen attacked a police post on Sunday, killing two.", (2023, 9, 5), False),
    ("Ambush in Ethiopia\n\nGondar, Ethiopia, 04/03/2024 — Militiamen ambushed a convoy on Saturday.", (2024, 3, 4), False),
    ("Clash in Mindanao\n\nCOTABATO, Philippines, 05/09/2023 — Soldiers clashed with rebels on Sunday.", (2023, 5, 9), False),
    # the article's other numeric date with a part over 12
    ("Raid\n\nQALANDIA, 05/09/2023 — Troops raided the camp; a first raid on 28/08/2023 left one dead.", (2023, 9, 5), False),
    # nothing tells: the language's default, recorded as ambiguous
    ("Raid\n\nZXQ PLACETON, 05/09/2023 — Troops raided the camp, residents said.", (2023, 5, 9), True),
])
def test_an_ambiguous_numeric_dateline_date_is_decided_by_the_article(text, date, ambiguous):
    a = parse_article(text)
    assert a.published_source == "dateline"
    assert (a.published.year, a.published.month, a.published.day) == date
    assert a.published.order_ambiguous == ambiguous


def test_order_from_place_reads_the_country_named_or_the_city():
    assert order_from_place("KHARTOUM, Sudan") == "day-first"
    assert order_from_place("MANILA") == "month-first"
    assert order_from_place("ZXQ PLACETON") is None


@pytest.mark.parametrize("line, is_one", [
    ("Published 3 July 2023", True),
    ("October 14, 2024", True),
    ("Sept. 3, 2024", True),
    ("Last updated: 2024-02-11 08:30 GMT", True),
    ("Friday, 12 January 2024", True),
    ("Publié le 5 novembre 2023 à 14h32", True),
    ("The attack came on June 6, 2024.", False),
    ("Fighting resumed 6 June 2024", False),
    ("Copyright 2024 Example Media", False),
])
def test_a_date_line_holds_a_date_and_nothing_else(line, is_one):
    assert is_date_line(line) is is_one


def test_a_date_line_at_the_foot_dates_the_article_and_leaves_the_body():
    a = parse_article("Car bomb in Mogadishu\n\nMOGADISHU, Somalia (AP) — A car bomb exploded near a hotel on "
                      "Sunday, killing five people, police said.\n\nOctober 14, 2024\n")
    # the contract's `header` is "a date line or field of the article"; where it stood is in `removed`
    assert a.published_source == "header" and a.published.date == dt.date(2024, 10, 14)
    assert "footer date: October 14, 2024" in a.removed
    assert "October 14, 2024" not in a.body and a.dateline == "MOGADISHU, Somalia (AP)"


def test_a_header_date_beats_a_date_line_at_the_foot():
    a = parse_article("Blast in Kano\nPublished 2 May 2024\n\nA bomb exploded in a market in Kano on Thursday, "
                      "killing three people, police said.\n\nUpdated 4 May 2024\n")
    assert a.published_source == "header" and a.published.date == dt.date(2024, 5, 2)


def test_a_sentence_at_the_foot_that_states_a_date_is_no_date_line():
    a = parse_article("Ambush near Gao\n\nGunmen ambushed a convoy near Gao on Sunday, killing four soldiers.\n\n"
                      "A similar ambush took place on March 2, 2024.\n")
    assert a.published is None and "March 2, 2024" in a.body


def test_a_yearless_dateline_takes_its_year_from_a_full_date_the_article_states():
    partial = HeaderDate("KANO, Nov 9 (Reuters)", 11, 9, None)
    assert choose_year(partial, dt.date(2026, 12, 1), stated=[dt.date(2024, 11, 9)]) == 2024
    # a full date up to a month before the dateline's day (the attack it reports) tells the year too
    assert choose_year(partial, dt.date(2026, 12, 1), stated=[dt.date(2023, 10, 28)]) == 2023
    # a date long before it is background and tells nothing: the latest such day not after today
    assert choose_year(partial, dt.date(2026, 12, 1), stated=[dt.date(2016, 3, 1)]) == 2026


def test_a_yearless_dateline_with_a_date_line_at_the_foot_is_dated_in_that_year():
    d = batch.dates_stage(batch.parse_stage(batch.decode_stage([_file(
        "Attack on a convoy in Kano\n\nKANO, Nigeria, Oct 4 (Reuters) - Gunmen attacked a convoy near Kano on "
        "Thursday, killing three police officers, a spokesman said.\n\nOct. 4, 2024\n")], 10 ** 6)[0])[0], TODAY)[0]
    assert d.published_date == dt.date(2024, 10, 4) and d.published_source == "inferred"
    assert any("a full date the article states" in n for n in d.notes)


def test_the_dateline_of_a_page_saved_as_text_is_read_after_its_repeated_headline():
    d = batch.parse_stage(batch.decode_stage([_file(
        "<html><head><title>Blast kills five</title></head><body><h1>Bomb blast kills five people in crowded Kano market</h1>"
        "<p>KANO, Nigeria, May 2, 2024 (AFP) - A bomb exploded in a crowded market on Thursday, killing five "
        "people, police said.</p></body></html>")], 10 ** 6)[0])[0][0]
    assert d.article.dateline == "KANO, Nigeria, May 2, 2024 (AFP)"
    assert d.article.published.date == dt.date(2024, 5, 2) and d.article.publisher == "Agence France-Presse"


def _file(text: str) -> batch.SourceFile:
    import hashlib

    return batch.SourceFile("doc.txt", hashlib.sha256(text.encode()).hexdigest(), text.encode())


# D/E: once the dateline is read, its city is where the reporter files from, and its credit the outlet
@pytest.mark.parametrize("text, place_word, agency_word, date, filed_from", [
    ("Drones downed over Syrian base\n\nBrussels, Tuesday, 14 Nov 2023 — U.S. forces at the al-Tanf garrison in "
     "southern Syria shot down two drones that targeted the base on Tuesday, officials said.\n",
     "brussels", None, dt.date(2023, 11, 14), "BE"),
    ("Gunmen kill three in Manipur\n\nIMPHAL, March 8 2024 (PTI) — Suspected militants opened fire on a village in "
     "Kangpokpi district on Thursday night, killing three villagers, police said.\n",
     "imphal", "pti", dt.date(2024, 3, 7), None),
    ("Shelling kills 12 in Sudan\n\nNAIROBI, Kenya (AP) — June 9, 2024 — Shelling by the Rapid Support Forces "
     "killed at least 12 people in the city of El Obeid on Saturday, a medical group said.\n",
     "nairobi", "ap", dt.date(2024, 6, 8), "KE"),
])
def test_the_dateline_city_and_credit_are_no_event_place_or_attacker(text, place_word, agency_word, date, filed_from):
    d = _run(text)
    assert d.events
    for e in d.events:
        assert place_word not in (e.location_id or "").lower() and (filed_from is None or e.country_code != filed_from)
        assert agency_word is None or agency_word not in (e.attacker_id or "").lower()
        assert place_word not in e.evidence.lower()[:20]  # the evidence starts after the dateline
    first = d.events[0]
    assert first.event_date == date or (first.date_min, first.date_max) == (date, date)


def test_the_dateline_country_tells_the_order_of_a_header_and_body_numeric_date():
    from transforms.dates import document_numeric_order

    a = parse_article("Shelling in Bakhmut\n04/03/2024\n\nKRAMATORSK, Ukraine - Shells hit a school on 03/03/2024, "
                      "killing two teachers, officials said.\n")
    assert a.published.date == dt.date(2024, 3, 4) and not a.published.order_ambiguous
    assert document_numeric_order(None, "Shells hit a school on 03/04/2024.", dateline="KRAMATORSK, Ukraine") == "day-first"
    assert document_numeric_order(None, "Shells hit a school on 03/04/2024.", dateline="ZXQ PLACETON") is None

import datetime as dt

import pytest

from transforms.parse import parse_article
from tests.conftest import needs_shared, read_shared


def test_date_prefix_line_becomes_the_publication_date_and_the_rest_the_body():
    a = parse_article(" date 2023-11-05 Amid tensions, rockets hit a base.\n\nSecond paragraph.")
    assert a.published_text == "date 2023-11-05"
    assert a.published.date.isoformat() == "2023-11-05"
    assert a.title is None
    assert a.body == "Amid tensions, rockets hit a base.\n\nSecond paragraph."


def test_title_url_publisher_section_and_date_lines_are_header_not_body():
    text = ("Drones hit base\n\nhttps://example.com/img/1.jpg\nDaily Wire Review\nWorld\n25/10/2023 22h43\n\n"
            "A drone struck the base on Tuesday, officials said, and nobody was hurt in the attack.\n")
    a = parse_article(text)
    assert (a.title, a.publisher, a.section) == ("Drones hit base", "Daily Wire Review", "World")
    assert a.published.date.isoformat() == "2023-10-25"
    assert a.body.startswith("Drones hit base\n\nA drone struck")
    assert "https://" not in a.body


def test_labelled_header_fields_are_read_as_header():
    text = ("Headline: Car bomb hits market\nSource: Example Gazette\nSection: World\nAuthor: Jo Roe\n"
            "Date: 2024-03-05\n\nA car bomb exploded at a market on Monday, police said, and two people died.\n")
    a = parse_article(text)
    assert (a.title, a.publisher, a.section) == ("Car bomb hits market", "Example Gazette", "World")
    assert a.published.date.isoformat() == "2024-03-05" and a.published_source == "header"
    assert a.body.startswith("Car bomb hits market\n\nA car bomb exploded") and "Author" not in a.body
    assert "byline: Jo Roe" in a.removed


@pytest.mark.parametrize("header", [
    "Blast hits market in the port\nCoastal Gazette\nNovember 3, 2023\n",
    "Blast hits market in the port\nCoastal Gazette\nRegion\nBy Jo Roe\nNov. 3, 2023 10:42 AM\n",
    "Blast hits market in the port\nPublished: 3 November 2023\n",
])
def test_a_header_without_blank_lines_is_still_a_header(header):
    a = parse_article(header + "A bomb exploded at a market in the port on Thursday, killing four people, police said.\n")
    assert a.title == "Blast hits market in the port" and a.published.date.isoformat() == "2023-11-03"
    assert a.body == "Blast hits market in the port\n\nA bomb exploded at a market in the port on Thursday, killing four people, police said."
    assert a.publisher in (None, "Coastal Gazette")


def test_a_headline_under_the_date_line_is_the_title():
    a = parse_article("Published: 2024-01-02\n\nGunmen attack church in the north of the country\n\n"
                      "Gunmen attacked a church in the north on Saturday, killing 14 worshippers, officials said.\n")
    assert a.title == "Gunmen attack church in the north of the country" and a.published.date.isoformat() == "2024-01-02"
    assert a.body.startswith(a.title + "\n\nGunmen attacked")


def test_a_headline_wrapped_over_two_lines_is_not_a_title_and_publisher():
    a = parse_article("Blast hits market\nin the port on Thursday\nNovember 3, 2023\n")
    assert a.publisher is None and "in the port on Thursday" in a.body


def test_a_header_only_file_keeps_its_title_and_date():
    a = parse_article("Title: Car bomb hits market\nPublisher: Example Gazette\nDate: 2024-03-05\n")
    assert a.body == "Car bomb hits market" and a.published.date.isoformat() == "2024-03-05"


def test_a_short_line_of_symbols_under_the_title_stays_in_the_body():
    a = parse_article("Blast in the port\n\n§¤ ¶¶ ±± ÷ 1999\n\nA bomb killed two people in the port on Monday, police said.")
    assert a.publisher is None and "§¤ ¶¶ ±± ÷ 1999" in a.body


def test_an_unknown_label_in_the_first_line_is_not_a_header_field():
    a = parse_article("Warning: graphic content\n\nA bomb killed two people in the town on Monday, police said.")
    assert a.publisher is None and a.title == "Warning: graphic content"


def test_byline_and_published_line_are_removed():
    a = parse_article("Headline here\nBy Jane Roe\nPublished: November 3, 2023 at 4:12 PM EST\n\n"
                      "Body sentence that is long enough to be a paragraph of the article text.\n")
    assert a.published.date.isoformat() == "2023-11-03"
    assert "Jane Roe" not in a.body


def test_trailing_comment_form_and_related_list_are_cut():
    text = ("Title line\n\nThe article body sentence is here and it is long enough to count.\n\n"
            "Leave a Reply\n\nYour email address will not be published.\n\nOther story headline\n")
    a = parse_article(text)
    assert a.body == "Title line\n\nThe article body sentence is here and it is long enough to count."


def test_reuters_dateline_stays_in_the_body_and_dates_the_article_without_a_year():
    a = parse_article("BAGHDAD, Nov. 14 (Reuters) - Rockets struck a base on Tuesday, police said.")
    assert a.dateline == "BAGHDAD, Nov. 14 (Reuters)"
    assert a.published_source == "dateline"
    assert (a.published.month, a.published.day, a.published.year) == (11, 14, None)
    assert a.body.startswith("BAGHDAD, Nov. 14 (Reuters) - Rockets")


def test_text_without_any_date_has_no_publication_date():
    a = parse_article("Analysis: why drones matter\n\nAnalysts have argued for years that drones changed the war.")
    assert a.published is None and a.published_source == "none"


def test_hard_wrapped_paragraph_lines_are_joined():
    a = parse_article("Rockets struck the base on\nTuesday, officials said.\n\nNext paragraph.")
    assert a.body == "Rockets struck the base on Tuesday, officials said.\n\nNext paragraph."


@needs_shared
def test_customer_disclaimer_and_related_are_removed_from_the_icaro_article():
    from transforms.decode import decode_bytes

    a = parse_article(decode_bytes(read_shared("003_223500e304d675b6.txt"), 10**6).text)
    assert a.publisher == "ICARO Media Group" and a.section == "Politics"
    assert "views expressed" not in a.body and not a.body.rstrip().endswith("Related")


def test_an_impossible_header_date_is_dropped_and_the_article_kept():
    a = parse_article("Rockets hit base\nPublished: February 30, 2023\n\n"
                      "Rockets hit the base on Tuesday, officials said, and nobody was hurt in the attack.")
    assert a.published is None and a.title == "Rockets hit base"
    assert a.removed == ("impossible date: Published: February 30, 2023",)
    assert "February 30" not in a.body


def test_a_single_enormous_line_is_one_paragraph():
    line = "Rockets hit the base on Tuesday, officials said. " * 20000
    a = parse_article(line)
    assert a.body == line.strip() and a.title is None


@pytest.mark.parametrize("text, publisher", [
    ("Drones hit base\n\nBASRA, Iraq, March 3 (Reuters) - Two drones hit a base near the port on Monday, officials said.\n",
     "Reuters"),
    ("Drones hit base\n\nKYIV, Ukraine (AP) — Two drones hit a depot overnight, regional officials said on Tuesday.\n",
     "Associated Press"),
    ("Drones hit base\n\nBy Jane Roe, Associated Press\n\nTwo drones hit a base in the east on Monday, officials said.\n",
     "Associated Press"),
    ("Drones hit base\n\nBy Jane Roe (AFP)\n\nTwo drones hit a base in the east on Monday, officials said in a note.\n",
     "Agence France-Presse"),
    # the header's own publisher line wins over a wire credit
    ("Drones hit base\n\nDaily Wire Review\n\nBASRA, March 3 (Reuters) - Two drones hit a base on Monday, officials said.\n",
     "Daily Wire Review"),
    # an unknown credit, or none, names no publisher
    ("Drones hit base\n\nBy Jane Roe and John Doe\n\nTwo drones hit a base in the east on Monday, officials said.\n", None),
    ("Drones hit base\n\nBASRA (Local Desk) - Two drones hit a base near the port on Monday, officials said.\n", None),
])
def test_publisher_comes_from_the_agency_a_dateline_or_byline_credits(text, publisher):
    assert parse_article(text).publisher == publisher


def test_every_wire_service_alias_names_one_publisher():
    from transforms.resources import csv_rows

    seen: dict[str, str] = {}
    for row in csv_rows("wire_services.csv"):
        for alias in row["aliases"].split("|"):
            assert alias and seen.setdefault(alias, row["publisher"]) == row["publisher"], alias


def test_a_short_first_paragraph_that_states_a_date_stays_in_the_body():
    a = parse_article("Explosion near checkpoint\n07.06.2024 10:21\n\n"
                      "An IED exploded near a checkpoint on 05.06.2024, killing two soldiers, the army said.\n")
    assert a.published.date == dt.date(2024, 6, 7)
    assert "An IED exploded" in a.body


def test_a_related_stories_box_mid_article_drops_its_teasers_and_keeps_the_rest():
    text = ("Gunmen kill four at checkpoint\n\nGunmen opened fire on a police checkpoint on Monday, killing four "
            "officers, police said.\n\nRelated stories:\nBandits kidnap 30 students in raid on boarding school\n"
            "Airstrike kills dozens at village market\n\nThe attackers fled into the forest before reinforcements "
            "arrived, a police spokesman said on Tuesday.\n")
    a = parse_article(text)
    assert "kidnap" not in a.body and "Airstrike" not in a.body
    assert a.body.endswith("The attackers fled into the forest before reinforcements arrived, a police spokesman "
                           "said on Tuesday.")


def test_a_teaser_headline_with_its_label_on_one_line_is_dropped_and_the_article_goes_on():
    text = ("Roadside bomb wounds soldiers\n\nA roadside bomb wounded four soldiers near the town on Monday.\n\n"
            "READ MORE: Airstrike kills 20 at monastery\n\nAlso read: Rebels shell market in the east\n\n"
            "The army blamed rebels for the attack, a spokesman said on Tuesday.\n")
    a = parse_article(text)
    assert "monastery" not in a.body and "shell market" not in a.body
    assert a.body.endswith("The army blamed rebels for the attack, a spokesman said on Tuesday.")


@pytest.mark.parametrize(("line", "publisher"), [
    ("Kyiv Independent — Published Sep 1, 2024 8:10 am", "Kyiv Independent"),
    ("The Sahel Observer | Updated 3 March 2026, 14:05", "The Sahel Observer"),
    ("Radio Okapi - Posted on 12 May 2026", "Radio Okapi"),
    ("First published 12 May 2026", None),  # no name before the date line
    ("GOMA — Published May 12, 2026", None),  # a dateline's city in capitals is no outlet
])
def test_an_outlet_named_before_its_published_line_is_the_publisher(line, publisher):
    a = parse_article(f"Drones hit the airport\n{line}\n\nDrones struck the airport on Monday, officials said.")
    assert a.publisher == publisher
    assert publisher is None or a.published is not None and a.published.year in (2024, 2026)


@pytest.mark.parametrize("headline", ["Mali: 9 soldiers killed in ambush near Boni (May 3)",
                                      "Drone strike on Kherson market kills four (updated)"])
def test_a_headline_closing_on_a_bracket_is_the_title(headline):
    # after the date line, a long line that closes on "(May 3)" is the headline, not the first paragraph
    a = parse_article(f"2026-05-04\n\n{headline}\n\nGunmen attacked an army post on Sunday, officials said.")
    assert a.title == headline and a.body.startswith(headline + "\n\nGunmen")

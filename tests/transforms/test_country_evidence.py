"""Evidence of a country that names no place (#14): data/country_evidence.csv, the armed groups'
`countries` of data/en/armed_groups.jsonl, and their matcher."""

from __future__ import annotations

from collections import Counter

import pycountry
import pytest

from transforms.country_evidence import country_evidence, evidence_weights
from transforms.resources import csv_rows, jsonl


def test_every_row_names_one_valid_country_and_a_known_kind_and_no_alias_twice():
    rows = csv_rows("country_evidence.csv")
    assert len({r["country_code"] for r in rows}) >= 25  # many countries, not the dev set's few
    for r in rows:
        assert all(pycountry.countries.get(alpha_2=cc) is not None for cc in r["country_code"].split("|")), r
        assert r["kind"] in {"forces", "police", "institution", "currency", "people", "office", "local"}, r
        shares = [float(x) for x in r["shares"].split("|")] if r.get("shares") else None
        assert shares is None or len(shares) == len(r["country_code"].split("|")) and sum(shares) == pytest.approx(1.0), r
    aliases = Counter(a for r in rows for a in r["aliases"].split("|") if a)
    assert [a for a, n in aliases.items() if n > 1] == []


def test_forces_are_found_whole_and_case_sensitive():
    text = "FARDC soldiers near the KDF’s camp and KDF-held hills; the fardc and XKDF are not"
    assert [(text[s:e], cc, kind) for s, e, cc, kind in country_evidence(text)] == [
        ("FARDC", ("CD",), "forces"), ("KDF", ("KE",), "forces"), ("KDF", ("KE",), "forces")]


def test_a_group_is_found_as_armed_groups_matches_it():
    """Aliases regardless of case, hyphens and spaces; `exact` aliases only as written; a group of
    no listed countries ("Islamic State") says none; a hyphenated compound still names the group."""
    text = ("AL-SHABAAB fighters, M23-held hills, the m23 road, Islamic State cells, "
            "anti-Boko Haram patrols and People’s Defense Forces units")
    assert [(text[s:e], cc, kind) for s, e, cc, kind in country_evidence(text)] == [
        ("AL-SHABAAB", ("SO", "KE"), "group"), ("M23", ("CD",), "group"),
        ("Boko Haram", ("NG", "NE", "CM", "TD"), "group"), ("People’s Defense Forces", ("MM",), "group")]


def test_the_longest_name_wins_where_names_overlap():
    text = "Uganda People's Defence Forces and Islamic State West Africa Province fighters"
    assert [(text[s:e], cc) for s, e, cc, _ in country_evidence(text)] == [
        ("Uganda People's Defence Forces", ("UG",)), ("Islamic State West Africa Province", ("NG", "NE", "CM", "TD"))]


GROUPS_WITH_COUNTRIES = [r for r in jsonl("en/armed_groups.jsonl") if r.get("countries")]


@pytest.mark.parametrize("line", GROUPS_WITH_COUNTRIES, ids=lambda r: r["id"])
def test_every_name_of_a_group_with_countries_is_evidence_of_them(line):
    from transforms.armed_groups import shared_acronyms

    # an acronym two groups share ("ADF") is evidence of its usual sense, the first line's (armed_groups.jsonl)
    shared = {a for a, ids in shared_acronyms().items() if ids[0] != line["id"]}
    for surface in [*line.get("aliases", []), *[a for a in line.get("exact", []) if a not in shared]]:
        text = f"Witnesses said {surface} fighters were seen."
        found = [(text[s:e], set(cc)) for s, e, cc, _ in country_evidence(text)]
        assert found == [(surface, set(line["countries"]))]


def test_a_currency_counts_only_after_an_amount():
    assert [(cc, kind) for _, _, cc, kind in country_evidence("a ransom of two million naira")] == [(("NG",), "currency")]
    assert country_evidence("the naira fell against the dollar") == []
    assert [x[2] for x in country_evidence("500,000 kyats were seized")] == [("MM",)]


def test_a_span_of_the_text_is_read_alone():
    text = "KDF troops. Later, FARDC soldiers."
    assert [x[2] for x in country_evidence(text, text.index("Later"))] == [("CD",)]


def test_a_group_of_several_countries_divides_its_weight_by_its_shares_and_each_name_counts_once():
    weights = evidence_weights("JNIM fighters and more JNIM fighters clashed with FAMa soldiers.")
    assert weights == {"ML": 1.0, "BF": pytest.approx(1 / 3), "NE": pytest.approx(1 / 3)}  # equally possible
    weights = evidence_weights("JNIM fighters and more JNIM fighters clashed with FAMa soldiers.", which="several")
    assert weights == {"ML": pytest.approx(0.42), "BF": pytest.approx(0.5), "NE": pytest.approx(0.08)}  # by activity
    # a national force and a group of one country are the stronger evidence, groups of several the fallback
    assert evidence_weights("JNIM fighters clashed with FAMa soldiers and Koglweogo.", which="one") == {"ML": 1.0, "BF": 1.0}
    # al Shabaab fights above all in Somalia (armed_groups.jsonl `country_shares`, from ACLED's counts)
    weights = evidence_weights("Al Shabaab militants threw a grenade at a bus.", which="several")
    assert max(weights, key=weights.get) == "SO" and weights["KE"] < 0.1


@pytest.mark.parametrize("line", GROUPS_WITH_COUNTRIES, ids=lambda r: r["id"])
def test_the_shares_of_a_group_cover_its_countries_sum_to_one_and_cite_a_source(line):
    if len(line["countries"]) > 1:
        assert set(line.get("country_shares", {})) == set(line["countries"]), "a group of several countries needs shares"
        assert sum(line["country_shares"].values()) == pytest.approx(1.0)
        assert len(line.get("shares_source", "")) > 20

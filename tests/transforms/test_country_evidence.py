"""Evidence of a country that names no place (#14): data/country_evidence.csv and its matcher."""

from __future__ import annotations

from collections import Counter

import pycountry
import pytest

from transforms.country_evidence import country_evidence, evidence_weights
from transforms.resources import csv_rows


def test_every_row_names_one_valid_country_and_a_known_kind_and_no_alias_twice():
    rows = csv_rows("country_evidence.csv")
    assert len({r["country_code"] for r in rows}) >= 25  # many countries, not the dev set's few
    for r in rows:
        assert all(pycountry.countries.get(alpha_2=cc) is not None for cc in r["country_code"].split("|")), r
        assert r["kind"] in {"forces", "police", "institution", "group", "currency"}, r
    aliases = Counter(a for r in rows for a in r["aliases"].split("|") if a)
    assert [a for a, n in aliases.items() if n > 1] == []


def test_forces_and_groups_are_found_whole_and_case_sensitive():
    text = "FARDC soldiers and M23-held hills; People’s Defence Force fighters; the fardc and XKDF are not"
    assert [(text[s:e], cc) for s, e, cc, _ in country_evidence(text)] == [
        ("FARDC", ("CD",)), ("M23", ("CD",)), ("People’s Defence Force", ("MM",))]


def test_a_currency_counts_only_after_an_amount():
    assert [(cc, kind) for _, _, cc, kind in country_evidence("a ransom of two million naira")] == [(("NG",), "currency")]
    assert country_evidence("the naira fell against the dollar") == []
    assert [x[2] for x in country_evidence("500,000 kyats were seized")] == [("MM",)]


def test_a_span_of_the_text_is_read_alone():
    text = "KDF troops. Later, FARDC soldiers."
    assert [x[2] for x in country_evidence(text, text.index("Later"))] == [("CD",)]


def test_a_group_of_several_countries_shares_its_weight_and_each_name_counts_once():
    weights = evidence_weights("JNIM fighters and more JNIM fighters clashed with FAMa soldiers.")
    assert weights == {"ML": 1.0, "BF": pytest.approx(1 / 3), "NE": pytest.approx(1 / 3)}

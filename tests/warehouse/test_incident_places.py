"""Incidents across articles by place (warehouse/sql/incidents/link_incidents.sql): a report that names a
village and one that names the local government area around it tell one attack; the same area a week
later, and a town across a border the same day, are other attacks. Invented articles (cases/places)."""

from __future__ import annotations

import pytest

from tests.warehouse.test_incidents import _tables
from tests.warehouse.test_store import run_row
from warehouse import store


def _incidents(con, names: list[str]) -> dict[str, set[str]]:
    for i, name in enumerate(names):
        store.load_run(con, _tables([f"../places/{name}"], f"r{i}"), run_row(f"r{i}"))
    rows = con.execute("""select d.source_path, list(distinct e.incident_id) from attack_events e
                          join documents d using (doc_id) group by 1""").fetchall()
    return {path.rsplit("/", 1)[-1]: set(ids) for path, ids in rows}


def test_a_village_and_the_area_around_it_on_overlapping_days_are_one_incident(con):
    # "at Aliade ... on Saturday" and "in the Gwer East local government area between April 11 and 12":
    # Aliade lies in Gwer East, about 20 km from the area's seat
    ids = _incidents(con, ["p1_benue_village.txt", "p2_benue_lga.txt"])
    assert set(ids) == {"p1_benue_village.txt", "p2_benue_lga.txt"}, "each article reports the attack"
    assert ids["p2_benue_lga.txt"] <= ids["p1_benue_village.txt"]


@pytest.mark.parametrize("first, second", [
    # the same area, a week later: another attack
    ("p2_benue_lga.txt", "p3_benue_lga_next_week.txt"),
    # towns 4 km apart on either side of a border, the same day: an attack in each country
    ("p4_goma_shelling.txt", "p5_gisenyi_shelling.txt"),
])
def test_the_same_area_another_week_or_a_town_across_a_border_are_other_incidents(con, first, second):
    ids = _incidents(con, [first, second])
    assert set(ids) == {first, second}, "each article reports an attack"
    assert not ids[first] & ids[second]


def test_two_reports_of_a_ship_attacked_at_sea_are_one_incident(con):
    # at sea the event has no country: its sea stands for one ("off the port of Mukalla" and "in the Gulf of
    # Aden off Mukalla"; the ship's flag, "Panama-flagged", is no place)
    ids = _incidents(con, ["p6_tanker_first.txt", "p7_tanker_rewrite.txt"])
    assert set(ids) == {"p6_tanker_first.txt", "p7_tanker_rewrite.txt"}
    assert ids["p7_tanker_rewrite.txt"] == ids["p6_tanker_first.txt"]
    assert con.execute("select list(distinct country_code) from attack_events").fetchone()[0] == [None]

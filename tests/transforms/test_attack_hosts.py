"""An attack at an installation that hosts a foreign state's forces targets those forces when the
text names no target (`attack_hosts`, transforms/data/base_hosts.csv; the s11 tester found the
README's "attacks on U.S. forces per week" undercounting the demo). Invented sentences."""

import datetime as dt

from transforms.attack_hosts import host_of, hosts
from transforms.gazetteer import load_gazetteer
from tests.transforms.test_attack_followup_marks import events  # published 2024-05-09


def test_an_attack_on_a_hosting_base_targets_the_hosted_forces():
    [e] = events("Two rockets hit the Conoco gas field base in eastern Syria on Monday, causing no damage.")
    assert e.target_id == "gpe:us" and e.target_kind == "military"
    [e] = events("A drone struck Erbil air base late on Tuesday, officials said.")
    assert e.target_id == "gpe:us"


def test_the_host_is_never_its_own_target_nor_a_named_target_replaced():
    [e] = events("U.S. aircraft carried out strikes near the Al-Tanf garrison on Monday against Islamic State fighters.")
    assert e.target_id != "gpe:us"
    # a place that hosts no foreign force: no target is invented
    [e] = events("Gunmen attacked an army checkpoint in Kirkuk on Monday, killing two soldiers.")
    assert e.target_id != "gpe:us"


def test_the_presence_holds_only_in_its_months():
    assert host_of("fac:ain-al-asad", dt.date(2023, 10, 18)) == "gpe:us"
    assert host_of("fac:ain-al-asad", dt.date(2010, 1, 1)) is None  # before the coalition's return
    assert host_of("gpe:baghdad", dt.date(2023, 10, 18)) is None


def test_every_installation_and_host_is_in_the_gazetteer():
    gazetteer = load_gazetteer()
    for installation, presences in hosts().items():
        assert gazetteer[installation].entity_type == "FAC", installation
        for host, first, after in presences:
            assert gazetteer[host].entity_type == "GPE" and first is not None and (after is None or first < after)

"""An air-defence summary told right after an attack is that attack's (session 11 break report,
kind 5): "intercepted 9 of 12 missiles" after a strike is no second incident, while an
interception of another place, day or attacker, or one told as another scene, stays an event.
Invented sentences of other regions and wordings."""

import pytest

from tests.transforms.test_attacks import events


@pytest.mark.parametrize("text", [
    "A ballistic missile hit a grain warehouse in Kharkiv on Sunday, wounding three people, the governor said. "
    "The air force said it shot down 20 of 28 drones that night.",
    "Ukrainian drones set a fuel depot in Belgorod ablaze on Saturday night, officials said. Russia's defence "
    "ministry said air defences intercepted 31 drones over the region.",
    "Houthi missiles struck a tanker in the Red Sea on Monday, causing a fire on board. A U.S. destroyer "
    "intercepted four of the six missiles, the Pentagon said.",
])
def test_the_air_defence_count_after_an_attack_is_that_attack(text):
    assert len(events(text)) == 1


@pytest.mark.parametrize("text", [
    # another place
    "A ballistic missile hit a grain warehouse in Kharkiv on Sunday, wounding three people. "
    "Air defences shot down 12 drones over Kyiv, the air force said.",
    # another day
    "A ballistic missile hit a grain warehouse in Kharkiv on Sunday, wounding three people. "
    "On Friday, air defences intercepted five missiles, the air force said.",
    # told as another attack
    "A ballistic missile hit a grain warehouse in Kharkiv on Sunday, wounding three people. "
    "Elsewhere, air defences shot down 12 drones, the air force said.",
])
def test_an_interception_of_another_scene_stays_an_event(text):
    assert len(events(text)) == 2

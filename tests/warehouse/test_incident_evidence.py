"""Vague reports and the incidents they join (#14, part 2; warehouse/sql/incidents/link_incidents.sql).

A vague event (placed at a province or a country, or not at all) joins another article's attack
only when other evidence agrees: the same attacker or target, or the same weapon with no other
attack of that weapon elsewhere that day; never when its sentence tells of "a separate attack",
and never as a bridge between two specific attacks that do not link on their own. Invented
articles of several regions (cases/distinct), loaded run after run into a DuckDB file."""

from __future__ import annotations

import pytest

from tests.warehouse.test_incidents import _tables
from tests.warehouse.test_store import run_row
from warehouse import store


def _load(con, runs: list[list[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """Load each list of case files as one run; the incident of each file's single event, and
    each file's story. Earlier runs' ids must not change as later runs load."""
    before: dict[str, str] = {}
    for i, names in enumerate(runs):
        store.load_run(con, _tables([f"../distinct/{n}" for n in names], f"r{i}"), run_row(f"r{i}"))
        now = dict(con.execute("select event_id, incident_id from attack_events").fetchall())
        assert all(now[e] == incident for e, incident in before.items()), "an earlier run's incident ids never change"
        before = now
    rows = con.execute("""select split_part(d.source_path, '/', -1), list(distinct e.incident_id), any_value(d.story_id)
                          from attack_events e join documents d using (doc_id) group by 1""").fetchall()
    assert all(len(ids) == 1 for _, ids, _ in rows), "each case article reports one attack"
    return {name: ids[0] for name, ids, _ in rows}, {name: story for name, _, story in rows}


@pytest.mark.parametrize("runs", [
    [["s1_baidoa_checkpoint.txt"], ["s2_somalia_separate.txt"], ["s3_somalia_rewrite.txt"]],
    [["s1_baidoa_checkpoint.txt", "s2_somalia_separate.txt", "s3_somalia_rewrite.txt"]],
])
def test_a_placeless_report_of_a_separate_attack_stays_apart_and_a_plain_one_joins(con, runs):
    # Baidoa's checkpoint bombing; "Somalia: in a separate attack on Tuesday, a car bomb exploded at a
    # checkpoint" (no place) is another; "Somalia: a car bomb exploded at a checkpoint on Tuesday" is the
    # same weapon, the only such attack that day: Baidoa's
    incident, story = _load(con, runs)
    assert incident["s2_somalia_separate.txt"] != incident["s1_baidoa_checkpoint.txt"]
    assert incident["s3_somalia_rewrite.txt"] == incident["s1_baidoa_checkpoint.txt"]
    assert story["s2_somalia_separate.txt"] != story["s1_baidoa_checkpoint.txt"]
    assert story["s3_somalia_rewrite.txt"] == story["s1_baidoa_checkpoint.txt"]
    week = con.execute("select incidents from weekly_attack_counts where country_code = 'SO'").fetchall()
    assert week == [(2,)]


@pytest.mark.parametrize("runs", [
    [["k1_spin_boldak_teachers.txt"], ["k2_kandahar_province_raid.txt"]],
    [["k2_kandahar_province_raid.txt"], ["k1_spin_boldak_teachers.txt"]],
    [["k1_spin_boldak_teachers.txt", "k2_kandahar_province_raid.txt"]],
])
def test_a_province_level_report_does_not_absorb_another_attack_in_the_province(con, runs):
    # teachers shot dead in Spin Boldak (unknown gunmen, civilians) and a raid by Afghan forces on a
    # militant hideout "in Kandahar province" the same day: Spin Boldak lies in Kandahar, nothing else agrees
    incident, story = _load(con, runs)
    assert incident["k1_spin_boldak_teachers.txt"] != incident["k2_kandahar_province_raid.txt"]
    assert story["k1_spin_boldak_teachers.txt"] != story["k2_kandahar_province_raid.txt"]


@pytest.mark.parametrize("runs", [
    [["b1_gwoza.txt"], ["b2_borno_state.txt"], ["b3_monguno.txt"]],
    [["b2_borno_state.txt"], ["b1_gwoza.txt"], ["b3_monguno.txt"]],
    [["b1_gwoza.txt", "b2_borno_state.txt", "b3_monguno.txt"]],
    [["b2_borno_state.txt"], ["b1_gwoza.txt", "b3_monguno.txt"]],
])
def test_a_vague_report_never_bridges_two_attacks_that_do_not_link_on_their_own(con, runs):
    # Boko Haram attacked Gwoza, and Monguno (about 170 km away), on Saturday; "attacked villages in Borno
    # State on Saturday" agrees with both (the same group, the province of both): it joins the first
    # attack it meets, and the other stays an incident of its own
    incident, story = _load(con, runs)
    gwoza, borno, monguno = (incident[n] for n in ("b1_gwoza.txt", "b2_borno_state.txt", "b3_monguno.txt"))
    assert gwoza != monguno
    assert borno in (gwoza, monguno)
    assert story["b1_gwoza.txt"] != story["b3_monguno.txt"]
    week = con.execute("select incidents, event_mentions from weekly_attack_counts where country_code = 'NG'").fetchall()
    assert week == [(2, 3)]


def test_a_placeless_claim_by_the_same_group_joins_the_attack_it_claims(con):
    # "Al-Shabaab militants attacked a military base in Bulo Marer on Monday" and, from another outlet,
    # "Al-Shabaab said its fighters stormed an army base on Monday" (no place): one attack, one story
    incident, story = _load(con, [["r1_bulo_marer_base.txt"], ["r2_shabaab_claim.txt"]])
    assert incident["r2_shabaab_claim.txt"] == incident["r1_bulo_marer_base.txt"]
    assert story["r2_shabaab_claim.txt"] == story["r1_bulo_marer_base.txt"]


@pytest.mark.parametrize("runs", [
    [["c1_somalia_teacher.txt", "c2_somalia_truck.txt"]],
    [["c1_somalia_teacher.txt"], ["c2_somalia_truck.txt"]],
])
def test_two_attacks_placed_only_in_one_country_on_one_day_are_two_incidents(con, runs):
    # "Somalia: gunmen shot dead a teacher on Wednesday" and "Somalia: a roadside bomb hit an army truck on
    # Wednesday": the same country and day, nothing else in common (the provisional key once joined them)
    incident, story = _load(con, runs)
    assert incident["c1_somalia_teacher.txt"] != incident["c2_somalia_truck.txt"]
    assert story["c1_somalia_teacher.txt"] != story["c2_somalia_truck.txt"]

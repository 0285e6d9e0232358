"""A roundup item's places lie in the country its lead or heading names (component `geo`).

"Mali: A bomb wounded two people in Gao" under or after a Burkina Faso item: the article-wide
reading of `geo.resolve_article` weighs every country the roundup names, so a town whose name
several countries share ("Gao") may be read in the country of the item before. The country the
item's own label or heading names bounds it: where GeoNames has the name in that country, that
feature is the place. Layout rule of roundups and monitors' summaries; MIT, written for sitrep 2026-12.
"""

from __future__ import annotations

from dataclasses import replace

from transforms import geo, roundup
from transforms.gazetteer import Entity
from transforms.geo import Resolved
from transforms.geonames import COUNTRY, Feature, name_key


def bounded(body: str, resolved: Resolved, found: dict[str, list[Feature]], country_of) -> Resolved:
    """`resolved` (the article's `geo.resolve_article` result) with each place mention of a roundup
    item re-read in the country its lead or heading names (`country_of(entity_id)`: the ISO code of
    a country entity, else None), when its own reading lies elsewhere and GeoNames (`found`: name
    key -> features, most populous first) knows the name there. Unchanged when `body` is no roundup."""
    found_items = roundup.items(body)
    if not found_items:
        return resolved
    by_start = {m.start: m for m in resolved.mentions}
    mentions, entities, features = list(resolved.mentions), {e.entity_id: e for e in resolved.entities}, dict(resolved.features)
    for item in found_items:
        label = [m for span in (item.lead, item.heading) if span is not None
                 for m in [by_start.get(span[0])] if m is not None and m.end == span[1]]
        codes = {cc for m in label if (cc := country_of(m.entity_id))}
        if len(codes) != 1:
            continue
        (cc,) = codes
        for k, m in enumerate(mentions):
            f = features.get(m.entity_id)
            if not item.start <= m.start < item.end or f is None or f.level == COUNTRY or f.country_code == cc:
                continue
            there = [g for g in found.get(name_key(m.surface), ()) if g.country_code == cc]
            if there:
                g = there[0]
                features[g.entity_id] = g
                entities.setdefault(g.entity_id, _entity(g, m.surface))
                mentions[k] = replace(m, entity_id=g.entity_id)
    used = {m.entity_id for m in mentions}
    return Resolved(tuple(mentions), tuple(e for k, e in entities.items() if k in used),
                    {k: f for k, f in features.items() if k in used})


def _entity(f: Feature, surface: str) -> Entity:
    """The place entity of `f` as `geo` names it (the article's spelling, else GeoNames')."""
    made: dict[str, Entity] = {}
    geo._entity(f, surface, made)  # noqa: SLF001 (geo's one way to name a place entity)
    return made[f.entity_id]

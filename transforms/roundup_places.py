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
from transforms.entities import Mention
from transforms.geonames import COUNTRY, Feature, name_key


def bounded(body: str, resolved: Resolved, found: dict[str, list[Feature]], country_of,
            before: list[Mention] = ()) -> Resolved:
    """`resolved` (the article's `geo.resolve_article` result) with each place mention of a roundup
    item re-read in the country its lead or heading names (`country_of(entity_id)`: the ISO code of
    a country entity, else None), when its own reading lies elsewhere and GeoNames (`found`: name
    key -> features, most populous first) knows the name there. An item's lead that names a place
    (a mention of `before`, the mentions geo read) but geo dropped as lying abroad ("2) Goma - ..."
    in a digest of Nigeria) is that place again: its own label, not the article's country, says where
    the item is (the most populous feature of its name, in its heading's country if it has one).
    Unchanged when `body` is no roundup."""
    found_items = roundup.items(body)
    if not found_items:
        return resolved
    by_start = {m.start: m for m in resolved.mentions}
    said = {(m.start, m.end): m for m in before}
    mentions, entities, features = list(resolved.mentions), {e.entity_id: e for e in resolved.entities}, dict(resolved.features)

    def take(m: Mention, g: Feature) -> Mention:
        features[g.entity_id] = g
        entities.setdefault(g.entity_id, _entity(g, m.surface))
        return replace(m, entity_id=g.entity_id)

    for item in found_items:
        label = [m for span in (item.lead, item.heading) if span is not None
                 for m in [by_start.get(span[0])] if m is not None and m.end == span[1]]
        codes = {cc for m in label if (cc := country_of(m.entity_id))}
        cc = next(iter(codes)) if len(codes) == 1 else None
        if item.lead is not None and item.lead[0] not in by_start and item.lead in said:
            there = [g for g in found.get(name_key(said[item.lead].surface), ())
                     if g.level != COUNTRY and (cc is None or g.country_code == cc)]
            if there:
                mentions.append(take(said[item.lead], there[0]))
        if cc is None:
            continue
        for k, m in enumerate(mentions):
            f = features.get(m.entity_id)
            if not item.start <= m.start < item.end or f is None or f.level == COUNTRY or f.country_code == cc:
                continue
            there = [g for g in found.get(name_key(m.surface), ()) if g.country_code == cc]
            if there:
                mentions[k] = take(m, there[0])
    used = {m.entity_id for m in mentions}
    return Resolved(tuple(sorted(mentions, key=lambda m: m.start)), tuple(e for k, e in entities.items() if k in used),
                    {k: f for k, f in features.items() if k in used})


def _entity(f: Feature, surface: str) -> Entity:
    """The place entity of `f` as `geo` names it (the article's spelling, else GeoNames')."""
    made: dict[str, Entity] = {}
    geo._entity(f, surface, made)  # noqa: SLF001 (geo's one way to name a place entity)
    return made[f.entity_id]

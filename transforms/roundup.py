"""Roundups and monitoring summaries: an article that lists several attacks, one per paragraph,
bullet or number, each led by its place ("Borno: ISWAP fighters ...", "2. Quetta: Gunmen ...",
"Beni territory. Fighters ...") or under a heading that names a country ("NIGERIA" alone on a
line, "## Mali", "Mali:"). What opens a line is read by `line_heads`, as the entity layout reads it.

Each item is a report of its own: its place is the one it names, or its lead's, inside the country
of its label or heading above it, never the place of the item before it (`place_by_item`,
`roundup_places`). The words of the layout are data (data/en/roundup.json). A text is a roundup
only when at least `min_items` paragraphs open with a distinct lead in title case, or as many
headings stand above text: one lead is a dateline ("QUETTA: ..."), leads in capitals or repeated
are a transcript's speakers ("ANCHOR:", "Omar:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms import entity_layout, line_heads
from transforms.ner import NerSpan
from transforms.ner_gate import explained_words


@dataclass(frozen=True)
class Item:
    """One item of a roundup: its text runs from `start` to `end` (to the next item or heading);
    `lead` is the (start, end) of its leading name ("Borno"), or None for an item with none (a
    bullet under a heading: "- Gunmen killed ..."); `heading` that of the heading it stands under
    ("NIGERIA", "## Mali", "Mali:" alone on its line), or None."""
    start: int
    end: int
    lead: tuple[int, int] | None
    heading: tuple[int, int] | None


def _layout() -> dict:
    """The data of data/en/roundup.json."""
    return line_heads.layout()


def _is_lead(name: str) -> bool:
    """A lead names a place or a section in title case: "Borno", "Beni territory", "Norte de
    Santander", "Trend"; not a sentence ("He said"), not capitals ("ANCHOR", "QUETTA")."""
    lower = set(_layout()["lead_lower_words"])
    words = name.split()
    return not name.isupper() and all(w[0].isupper() or w in lower for w in words) \
        and not all(w in lower for w in words) and words[0].rstrip(".") not in explained_words()


def headings(text: str) -> list[tuple[int, int]]:
    """(start, end) of each heading on a line of its own (`line_heads.heads`): in capitals
    ("BURKINA FASO"), after markdown's hashes ("## Mali") or a title-case label before a colon ("Mali:")."""
    return [(h.start, h.end) for h in line_heads.heads(text) if h.kind == "heading"
            and (not h.end_mark or _is_lead(text[h.start:h.end]))]


def _line(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def items(text: str) -> list[Item]:
    """The items of a roundup in text order; [] when the text is not one. It is one when at least
    `min_items` paragraphs open with a distinct lead in title case, or at least `min_items`
    headings stand above text. Under a heading, each list-marked paragraph ("- Gunmen ...", "2.
    ...") and the text right after the heading open an item too."""
    raw = _layout()
    found = line_heads.heads(text)
    # (not on the first line: a headline "Monitoring Summary: Nigeria and Colombia")
    leads = [(h.start, h.end) for h in found if h.kind == "lead" and _line(text, h.start) > 0
             and _is_lead(text[h.start:h.end])]
    names = [text[s:e] for s, e in leads]
    if len(set(names)) < len(names):
        return []  # the same leads again: a transcript's speakers
    heads = [(s, e) for s, e in headings(text) if _line(text, s) > 0 and text[e:].strip()]
    if len(leads) < raw["min_items"] and len(heads) < raw["min_items"]:
        return []
    starts: dict[int, tuple[int, int] | None] = {_line(text, s): (s, e) for s, e in leads}
    heading_lines = {_line(text, s) for s, _ in heads}
    first_heading = min(heading_lines, default=len(text))
    for m in re.finditer(r"(?m)^[ \t]*\S.*$", text):
        line = m.start()
        if line > first_heading and line not in starts and line not in heading_lines \
                and (line_heads.list_mark(m.group(0)) or _after_heading(text, line, heads)):
            starts[line] = None
    marks = sorted([(line, "item") for line in starts] + [(_line(text, s), "heading") for s, _ in heads])
    by_line = {_line(text, s): (s, e) for s, e in heads}
    out: list[Item] = []
    heading = None
    for k, (line, kind) in enumerate(marks):
        if kind == "heading":
            heading = by_line[line]
            continue
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        lead = starts[line]
        out.append(Item(line, max(stop, lead[1] if lead else stop), lead, heading))
    return out


def _after_heading(text: str, line: int, heads: list[tuple[int, int]]) -> bool:
    """Whether the line at `line` is the first text after one of the `heads` ("Mali:" and its colon)."""
    return any(text[e:line].strip() in ("", ":") for _, e in heads)


def is_headline(text: str, offset: int) -> bool:
    """Whether `offset` lies on the first line of a roundup (`items`): its headline, where a count
    ("Pakistan: three attacks this week") is the newsroom's tally of the items below, no official one."""
    if "\n" not in text[offset:] or "\n" in text[:offset]:
        return False
    # items under place labels or headings, not an article's sections ("BACKGROUND", "ANALYSIS")
    marks = {m for i in items(text) for m in (i.lead, i.heading) if m is not None}
    return sum(entity_layout.names_place(text[s:e], lead_of_items=True) for s, e in marks) >= _layout()["min_items"]


def item_at(found: list[Item], offset: int) -> Item | None:
    """The item whose text holds `offset`, or None."""
    return next((i for i in found if i.start <= offset < i.end), None)


def lead_places(text: str, spans: list[NerSpan], found: list) -> list[NerSpan]:
    """The NER spans of `text` with a roundup's place leads read as places, a lead being a place by
    `entity_layout.names_place` (the judgement of every name heading a line). Such a lead no
    mention (`found`, of the gazetteer) or span covers is a GPE span; a span that is exactly such a
    lead ("Zamfara" read as a person; not a full name of two words or more) is relabelled GPE.
    Unchanged when the text is no roundup."""
    leads = [i.lead for i in items(text) if i.lead is not None]
    leads = [(s, e) for s, e in leads if entity_layout.names_place(text[s:e], lead_of_items=True)]
    if not leads:
        return spans
    out = []
    ends = dict(leads)
    for s in spans:
        if s.end > ends.get(s.start, s.end):
            # "Goma - An" read as one name: the lead ends at its mark, the item's sentence begins after it
            s = NerSpan(s.start, ends[s.start], text[s.start:ends[s.start]], "GPE")
        # (a full name read as a person stays one: "Amina Yusuf: the commander ..." in a list of profiles)
        at_lead = (s.start, s.end) in leads and (s.label in ("ORG", "NORP") or s.label == "PERSON" and " " not in s.text)
        out.append(NerSpan(s.start, s.end, s.text, "GPE") if at_lead else s)
    for start, end in leads:
        if not any(x.start < end and start < x.end for x in [*spans, *found]):
            out.append(NerSpan(start, end, text[start:end], "GPE"))
    return sorted(out, key=lambda s: s.start)


def place_by_item(body: str, events: list, mentions: list, is_place, place) -> list:
    """Each event placed within its item: `place(events, mentions)` (`event_places.place_events`
    bound to the article) is called once per item with the item's events and the mentions of the
    item and of its heading, so that an item with no place of its own takes its lead's or its
    heading's country, not the place of the item before it; once more with the events outside any
    item and every mention. The results come back in the order of `events`. A text is read by item
    only when at least two of its leads hold a place (`is_place(mention)`); else `place` is called
    once, as for any article."""
    found = items(body)
    marks = {i.lead for i in found if i.lead is not None} | {i.heading for i in found if i.heading is not None}
    if sum(any(s <= m.start < e and is_place(m) for m in mentions) for s, e in marks) < _layout()["min_items"]:
        return place(events, mentions)
    groups: dict[Item | None, list[int]] = {}
    for k, e in enumerate(events):
        groups.setdefault(item_at(found, e.start_char), []).append(k)
    out: list = [None] * len(events)
    for item, ks in groups.items():
        scope = mentions if item is None else [
            m for m in mentions if item.start <= m.start < item.end
            or item.heading is not None and item.heading[0] <= m.start < item.heading[1]]
        for k, placed in zip(ks, place([events[k] for k in ks], scope)):
            out[k] = placed
    return out

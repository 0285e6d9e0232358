"""What opens a line: the one reader of list marks, headings and leads that the paragraph splitter
(`parse`), the roundup reader (`roundup`) and the entity layout (`entity_layout`) share.

- a list mark: a bullet ("- ", "• "), a number ("1. ", "2) ") or a markdown heading's hashes ("## ");
- a heading: a line of its own of one to `heading_max_words` words, in capitals ("BURKINA FASO"),
  after hashes ("## Mali") or as a label ending in a colon ("Mali:");
- a lead: one to five words that open a line, after any list mark, and end before a colon ("Borno:
  ISWAP ..."), a full stop or a dash and a capital ("Kidal – Gunmen ...", "QUETTA. A bomb ...").

The marks are data (data/en/roundup.json `bullets`, `heading_marks`); what a head names is judged
by its callers (`roundup`: a lead of a roundup; `entity_layout`: a place GeoNames knows).
Layouts of weekly security roundups, monitors' summaries and wire copy; MIT, written for sitrep 2026-12.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from transforms.resources import data_text

_WORD = r"[^\W\d_][\w'’-]*"
_SMALL_WORDS = frozenset({"de", "del", "da", "do", "of", "the", "al"})  # "NORTE DE SANTANDER" -> "Norte de Santander"


@dataclass(frozen=True)
class Head:
    """A name that heads a line: text[start:end]; `kind` "heading" (the line is the name alone) or
    "lead" (the line goes on after it); `end_mark` what closes it (":", ".", "-", or "" for a heading
    with no colon); `marked` whether a list mark stands before it on the line."""
    start: int
    end: int
    kind: str
    end_mark: str
    marked: bool


@cache
def _layout() -> dict:
    return json.loads(data_text("en/roundup.json"))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The list mark at a line's start, a heading line and a lead."""
    raw = _layout()
    marks = "|".join(map(re.escape, sorted(raw["bullets"] + raw["heading_marks"], key=len, reverse=True)))
    mark = rf"(?:(?:{marks})|\(?\d{{1,3}}[.)])[ \t]+"
    ends = "|".join(map(re.escape, sorted(raw["lead_ends"], key=len, reverse=True)))
    most = raw["heading_max_words"] - 1
    list_mark = re.compile(rf"[ \t]*{mark}")
    heading = re.compile(rf"(?m)^[ \t]*(?P<mark>{mark})?(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,{most}}})"
                         rf"[ \t]*(?P<colon>:?)[ \t]*$")
    # after a colon the item may go on in lower case ("Zamfara: no new abductions"); after a full
    # stop or a dash a sentence begins
    lead = re.compile(rf"(?m)^[ \t]*(?P<mark>{mark})?(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,4}})"
                      rf"(?:(?P<colon>:)[ \t]+(?=\S)|(?P<end>{ends})[ \t]+(?=[\"“'‘(]?[A-Z0-9]))")
    return list_mark, heading, lead


def list_mark(line: str) -> int:
    """The length of the list mark that opens `line` ("- ", "• ", "12. ", "## "), 0 when none."""
    m = _patterns()[0].match(line)
    return m.end() if m else 0


def heads(text: str) -> list[Head]:
    """Every heading and lead of `text`, in text order. A heading is in capitals, after hashes, or a
    label before a colon; a line of a name alone in other case ("Regional digest") is none."""
    _, heading, lead = _patterns()
    hashes = tuple(_layout()["heading_marks"])
    out = []
    for m in heading.finditer(text):
        name, mark = m.group("name"), (m.group("mark") or "").strip()
        if (len(name) >= 3 and name.isupper()) or mark.startswith(hashes) or m.group("colon"):
            out.append(Head(*m.span("name"), "heading", m.group("colon"), bool(mark)))
    for m in lead.finditer(text):
        end = m.group("colon") or m.group("end").strip()
        out.append(Head(*m.span("name"), "lead", end, bool(m.group("mark"))))
    return sorted(out, key=lambda h: h.start)


def opens_line(text: str, start: int) -> bool:
    """Whether text[start] is the first character of its line but blanks and a list mark."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return not before.strip() or list_mark(before) == len(before)


def titled(name: str) -> str:
    """A name in capitals as a gazetteer spells it: "NORTE DE SANTANDER" -> "Norte de Santander";
    words not in capitals stay as written."""
    return " ".join(w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() if w.isupper() else w
                    for w in name.split())


def is_heading(line: str) -> bool:
    """Whether `line` is a heading alone (`heads`): "MALI", "## Mali", "Mali:"."""
    return any(h.kind == "heading" for h in heads(line.strip()))


def layout() -> dict:
    """The data of data/en/roundup.json (the marks and words of a roundup's layout)."""
    return _layout()


# What may close a name that opens a line, read at a given name ("CÚCUTA.", "Borno:", "GAO -", "KABUL,")
_END_AT = re.compile(r"[ \t]*(?:([.,:])|([–—-])(?=\s))")


def head_at(text: str, start: int, end: int) -> Head | None:
    """The head text[start:end] makes when it opens its line (but a list mark) and a full stop, comma,
    colon or spaced dash follows it: a dateline's or an item's name, or a speaker label; else None.
    For a name another reader found (the NER model's span), where `heads` finds names by itself."""
    if not opens_line(text, start):
        return None
    m = _END_AT.match(text, end)
    if not m:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    return Head(start, end, "lead", m.group(1) or "-", bool(text[line_start:start].strip()))

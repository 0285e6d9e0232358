"""text -> article: title, publisher, section, dateline, publication date line, clean body.

The body is what every offset in the warehouse points into: the title as its first line
(when there is one), a blank line, then the article's paragraphs, each separated by a blank
line; header metadata and web boilerplate are removed, sentences are kept verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from transforms import credit_lines, dates, line_heads
from transforms.resources import csv_rows, jsonl

_URL = re.compile(r"^(https?://|www\.)\S+$", re.I)
# "By Jane Roe", optionally crediting an agency: "By Jane Roe, Associated Press", "By Jane Roe (AFP)"
_BYLINE_START = re.compile(r"^(by|written by|words by)\s", re.I)
_BYLINE = re.compile(_BYLINE_START.pattern + r"+[A-Z][\w.'’-]+(\s+[\w.'’-]+){0,6}"
                     r"(\s*[,|–—-]\s*[A-Z][\w .'’-]{0,38}|\s*\([^()]{1,40}\))?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:\"”’)]$")
# A headline may close on a bracketed date or place ("... in Zamfara attack (Nov 24)"): the bracket
# is no sentence end, what stands before it decides
_TRAILING_BRACKET = re.compile(r"\s*\([^()]{1,30}\)$")
# publisher and section lines an export may put between headline and date with no blank line
_MAX_NAME_LINES_BEFORE_DATE = 2
_HEADER_ZONE_LINES = 14
_MAX_TITLE_WORDS = 30
_MAX_META_WORDS = 6
# Share of a publisher/section line's visible characters that are letters ("AP" and
# "Al-Monitor" pass, "ÿþ§¤ ¶ 1999" does not).
_MIN_NAME_LETTER_SHARE = 0.6


@dataclass(frozen=True)
class Article:
    title: str | None
    publisher: str | None
    section: str | None
    dateline: str | None
    published_text: str | None
    published: dates.HeaderDate | None
    published_source: str  # header | dateline | none
    body: str
    removed: tuple[str, ...] = field(default=())  # what was stripped, for the run log


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    action: str
    note: str


# The credit at the end of a byline or dateline: "(Reuters)", ", Associated Press", "| AFP".
_CREDIT = re.compile(r"(?:\(\s*(?P<paren>[^()]{1,40}?)\s*\)|[,|–—-]\s*(?P<tail>[A-Z][\w .'’-]{0,38}?))\s*[-–—]*\s*$")


# "Kyiv Independent — Published Sep 1, 2024 8:10 am": a site's name, a separator, then its date line
_NAME_THEN_DATE_LINE = re.compile(r"(?P<name>[^\W\d][^,()|–—]{1,60}?)\s+[|–—-]\s+"
                                  r"(?=(?:first\s+|last\s+)?(?:published|updated|posted)\b)", re.I)


def publisher_before_date(line: str) -> str | None:
    """The outlet a header date line names before its "Published"/"Updated"/"Posted" ("Kyiv
    Independent — Published Sep 1, 2024" -> "Kyiv Independent"); None when the line does not open
    that way or the part before is no name (a dateline in capitals, a place with its country)."""
    m = _NAME_THEN_DATE_LINE.match(line.strip())
    if not m:
        return None
    name = m.group("name").strip()
    if name.isupper() or len(name.split()) > _MAX_META_WORDS or not _looks_like_a_name(name):
        return None
    return name


def wire_publisher(line: str) -> str | None:
    """The agency a wire dateline or byline credits ("BAGHDAD, Oct. 18 (Reuters)" -> "Reuters",
    "By Jane Roe, Associated Press" -> "Associated Press"); None when it credits none we know."""
    m = _CREDIT.search(line.strip())
    if not m:
        return None
    return dates.wire_services().get((m.group("paren") or m.group("tail") or "").strip())


@cache
def _header_labels() -> dict[str, str]:
    """Lower-case label ("headline") -> Article field ("title"), from data/en/header_labels.csv."""
    return {row["label"]: row["field"] for row in csv_rows("en/header_labels.csv")}


# "Label: value" in the header zone; the label is looked up in data/en/header_labels.csv.
_LABELLED = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{0,20}?)\s*:\s*(?P<value>\S.*)$")


def labelled_field(line: str) -> tuple[str, str] | None:
    """("title" | "publisher" | "section" | "byline" | "url", value) of a labelled header line
    such as "Headline: Blast hits market", else None (unknown labels are not header fields)."""
    m = _LABELLED.match(line.strip())
    if not m:
        return None
    field_name = _header_labels().get(m.group("label").strip().lower())
    return (field_name, m.group("value").strip()) if field_name else None


@cache
def _boilerplate_rules() -> tuple[_Rule, ...]:
    return tuple(_Rule(re.compile(r["pattern"], re.I), r["action"], r.get("note", "")) for r in jsonl("boilerplate.jsonl"))


def parse_article(text: str) -> Article:
    lines = text.split("\n")
    title = publisher = section = published_text = None
    published = None
    line_dateline = line_agency = None
    issued_at = None  # "New York, 7 April 2026": a statement's place and date line, kept in the body
    removed: list[str] = []
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))

    prefixed = dates.split_date_prefix(lines[first]) if first < len(lines) else None
    if prefixed:
        published_text, rest = prefixed
        published = dates.parse_header_date(published_text)
        body_lines = [rest] + lines[first + 1:]
    else:
        body_start = first
        seen_meta = False
        for i in range(first, min(len(lines), first + _HEADER_ZONE_LINES)):
            line = lines[i].strip()
            if not line:
                continue
            header_date = dates.parse_header_date(line) if len(line.split()) <= 16 else None
            labelled = None if header_date else labelled_field(line)
            # a sentence that states a date after the header's own ("A bomb exploded on
            # 05.06.2024, killing two.") is the first paragraph, not a second header line
            if _is_paragraph(line) and not labelled and (not header_date or published is not None):
                break
            if header_date and _opens_the_story(line):
                break  # "DAKAR, 05/09/2023 — Gunmen attacked a post.": a dated dateline, then the story
            if labelled:
                # an exported article names its fields: trust the label over the line's shape
                name, value = labelled
                if name in ("byline", "url"):
                    removed.append(f"{name}: {value}")
                elif name == "title" and title is None:
                    title = value
                elif name == "publisher" and publisher is None:
                    publisher = value
                elif name == "section" and section is None:
                    section = value
                seen_meta = True
            elif header_date:
                # a dateline on a line of its own ("KHARTOUM, Sudan (AP) — June 2, 2024") names the
                # agency and where the reporter files from; its date is the header's
                wire = None if _BYLINE_START.match(line) else dates.parse_dateline_line(line)
                if wire and line_dateline is None:
                    line_dateline, line_agency = wire[0], wire[1]
                # the first stated date wins, except that "Published" beats an earlier "Updated"
                if published is None or re.match(r"\s*(first\s+)?published", line, re.I):
                    published, published_text = header_date, line
                    issued_at = line if wire is None and _issued_at(line) else None
                publisher = publisher or publisher_before_date(line)
                seen_meta = True
            elif _NOTE_LINE.match(line) and (title or seen_meta):
                # "(Translated from the Burmese-language press)": an editor's note between the
                # headline and the date line, not the story's first paragraph
                removed.append(f"note: {line}")
            elif dates.looks_like_date_line(line):
                removed.append(f"impossible date: {line}")  # the article loads, the date does not
                seen_meta = True
            elif _URL.match(line):
                removed.append(f"url: {line}")
                seen_meta = True
            elif _BYLINE.match(line):
                removed.append(f"byline: {line}")
                seen_meta = True
            elif title is None and len(line.split()) <= _MAX_TITLE_WORDS and _stands_alone(lines, i) and (
                    # after a date or byline, a line longer than a name and not a sentence is the
                    # headline ("Published: ..." first is a common export order)
                    not seen_meta or len(line.split()) > _MAX_META_WORDS
                    and not _SENTENCE_END.search(_TRAILING_BRACKET.sub("", line))):
                title = line
            elif (title or seen_meta) and len(line.split()) <= _MAX_META_WORDS \
                    and not _SENTENCE_END.search(_TRAILING_BRACKET.sub("", line)) and _looks_like_a_name(line) \
                    and not _heads_a_list(lines, i):
                # "Primicias (translated)": the outlet, and an editor's note in brackets
                if publisher is None:
                    publisher = _TRAILING_BRACKET.sub("", line) or line
                elif section is None:
                    section = line
                else:
                    break
                seen_meta = True
            else:
                break
            body_start = i + 1
        body_lines = lines[body_start:]

    paragraphs, cut = _clean_paragraphs(body_lines)
    removed.extend(cut)
    paragraphs, footer_text, footer, footer_name = _footer_date(paragraphs)
    if footer_text:
        removed.append(f"{FOOTER_NOTE}: {footer_text}")
    if published is not None and published.order_ambiguous:
        # 05/11/2023 that its own line leaves open: the header's URL or publisher may tell the
        # order, else the article's own text (a stated convention, another date with a part over 12)
        hint = dates.order_from_header(publisher, [r.removeprefix("url: ") for r in removed if r.startswith("url: ")]) \
            or dates.numeric_order_in_text("\n".join(paragraphs))
        published = dates.parse_header_date(published_text, hint) if hint else published
    dateline = line_dateline
    source = "header" if published else "none"
    if paragraphs:
        # a page saved as text repeats its headline (<title>, then <h1>) before the dateline, and a
        # press release's letterhead lines ("MINISTRY OF DEFENCE", "PRESS RELEASE", "Ref 77/2025")
        # stand as paragraphs of their own above it: the dateline is the first paragraph after headings
        for paragraph in paragraphs[:_HEAD_PARAGRAPHS]:
            found = dates.parse_dateline(paragraph)
            if found is not None or not _is_heading(paragraph):
                break
        if found:
            dateline, wire_date = found
            if published is None and wire_date is not None:
                published, published_text, source = wire_date, dateline, "dateline"
                if published.order_ambiguous:  # "BEIRUT, 10/08/2024": as a header's numeric date is read
                    hint = dates.order_from_header(publisher, [r.removeprefix("url: ") for r in removed
                                                               if r.startswith("url: ")]) \
                        or dates.numeric_order_in_text("\n".join(paragraphs)) or dates.order_from_place(dateline)
                    published = dates.reread_numeric(published, hint) if hint else published
    if published is not None and published.order_ambiguous and dateline and source == "header":
        # "05/11/2023" in the header and nothing else told: the country the dateline files from
        place_order = dates.order_from_place(dateline)
        published = dates.reread_numeric(published, place_order) if place_order else published
    if published is None and footer is not None:
        # a date line at the foot ("Published 8 March 2024", "June 6, 2024" alone): the article's date
        # when its head states none (a year-less dateline takes its year from it: dates.choose_year).
        # The contract's `header` is "a date line or field of the article" (../shared/DESIGN.md): a date
        # line at the foot is one; `removed` keeps the "footer date: ..." note that says where it stood
        published, published_text, source = footer, footer_text, "header"
        publisher = publisher or footer_name
    if published is not None and published.order_ambiguous:
        # nothing in the header or the dateline told: the outlet's name on the date line ("Mexico News Daily, 09/11/2026"),
        # else the countries the story names, all of one order (weaker: the note says which decided)
        credit = credit_lines.credit_date(published_text or "")
        by_name = credit_lines.order_from_name(credit[0]) if credit else None
        order = by_name or credit_lines.order_from_places("\n".join(([title] if title else []) + paragraphs))
        if order:
            why = "the outlet's name" if by_name else "the countries the article names"
            published = replace(dates.reread_numeric(published, order), order_evidence=why)
    if published is None:
        published_text = None
    if publisher is None:  # a wire article names its agency in the dateline or a byline only
        credits = [f"({line_agency})"] if line_agency and dateline == line_dateline else []
        credits += [dateline] if dateline else []
        credits += [r.removeprefix("byline: ") for r in removed if r.startswith("byline: ")]
        publisher = next((p for p in map(wire_publisher, credits) if p), None)
    # the place a statement was issued at is a name of the article (../shared/gold/ANNOTATION.md: entities
    # come from the body incl. the dateline): its date line stays in the body, no wire dateline for all that
    issued = [issued_at] if issued_at and published_text == issued_at else []
    body = "\n\n".join(([title] if title else []) + issued + paragraphs)
    return Article(title, publisher, section, dateline, published_text, published, source, body, tuple(removed))


# How parse_article records a date line it took from the foot of the article (Article.removed).
FOOTER_NOTE = "footer date"
# The last paragraphs where a publication date line may stand (a date, then a copyright line)
_FOOTER_PARAGRAPHS = 2


def _footer_date(paragraphs: list[str]) -> tuple[list[str], str | None, dates.HeaderDate | None, str | None]:
    """(paragraphs without it, the line, its date, the outlet it names) of a date line among the last
    paragraphs ("Published 8 March 2024", "Sept. 3, 2024", "Published: 2024-05-13") or a credit line
    ("Dawn, November 8th, 2026", "— Daily Trust, 20 Nov 2026": `credit_lines.credit_date`; its name is
    the outlet unless it is a place before an agency's credit, "Pemba, 23 Nov 2026 (Lusa)"); the
    paragraphs as they were and None when none is one. The first paragraph is never a footer."""
    for k in range(len(paragraphs) - 1, max(0, len(paragraphs) - _FOOTER_PARAGRAPHS) - 1, -1):
        if k > 0 and dates.is_date_line(paragraphs[k]):
            found = dates.parse_header_date(paragraphs[k])
            if found is not None:
                return paragraphs[:k] + paragraphs[k + 1:], paragraphs[k], found, None
        # a credit line follows the story's last sentence ("Peshawar - 3 May 2026" under a press release's
        # heading is its dateline, not its foot)
        credit = credit_lines.credit_date(paragraphs[k]) if k > 0 and _SENTENCE_END.search(paragraphs[k - 1]) else None
        if credit is not None:
            name, agency, found = credit
            outlet = dates.wire_services().get(agency.strip()) if agency else name
            return paragraphs[:k] + paragraphs[k + 1:], paragraphs[k], found, outlet
    return paragraphs, None, None, None


def _heads_a_list(lines: list[str], i: int) -> bool:
    """Whether the next line with text after lines[i] is a list item ("SOMALIA" above "- Gunmen
    ..."): lines[i] is a roundup's heading, not a publisher or section name of the header."""
    nxt = next((line.strip() for line in lines[i + 1:] if line.strip()), "")
    return bool(line_heads.list_mark(nxt))


def _stands_alone(lines: list[str], i: int) -> bool:
    """A headline is followed by a blank or a header line, never by the rest of its sentence.
    An export without blank lines puts the publisher or section under the headline: short
    name-like lines are passed over when a header line (date, byline, URL) comes next."""
    end = min(len(lines), i + 2 + _MAX_NAME_LINES_BEFORE_DATE)
    for j in range(i + 1, end):
        nxt = lines[j].strip()
        if not nxt or _is_header_line(nxt):
            return True
        # a name starts with a capital; "in Marib on Thursday" is the headline's second line
        if len(nxt.split()) > _MAX_META_WORDS or _SENTENCE_END.search(_TRAILING_BRACKET.sub("", nxt)) \
                or not _looks_like_a_name(nxt) \
                or not nxt[:1].isupper():
            return False
    return end == len(lines)  # the text ends among name lines


def _is_header_line(line: str) -> bool:
    return bool(_URL.match(line) or _BYLINE.match(line) or dates.looks_like_date_line(line)
                or labelled_field(line) or dates.parse_header_date(line) and len(line.split()) <= 16)


def _looks_like_a_name(line: str) -> bool:
    """A publisher or section line is mostly letters ("Daily Wire Review", "World"); a short
    line of symbols or stray bytes is body text the header must not swallow."""
    visible = [ch for ch in line if not ch.isspace()]
    return sum(ch.isalpha() for ch in visible) >= _MIN_NAME_LETTER_SHARE * len(visible)


# An editor's note on a line of its own, wholly in brackets: "(Translated from the Burmese-language press)"
_NOTE_LINE = re.compile(r"^\((?:[^()]{1,120})\)$")

# Words after a dateline that make its line the story's first paragraph, not a header line
_MIN_STORY_WORDS = 4


_CAPS_HEADING_WORDS = 6
# the headings a dateline may follow: a headline repeated, or a letterhead's lines and reference
_HEAD_PARAGRAPHS = 5


def _is_caps_heading(line: str) -> bool:
    """A line of at most `_CAPS_HEADING_WORDS` words whose letters are all capitals ("PRESS RELEASE")."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(line.split()) <= _CAPS_HEADING_WORDS


def _opens_the_story(line: str) -> bool:
    """A wire dateline and the story's first words on one line ("MOSUL, 03.11.2023 — A bomb hit a
    patrol."), not a dateline standing alone ("KHARTOUM, Sudan (AP) — June 2, 2024")."""
    found = dates.parse_dateline(line)
    return bool(found) and dates.parse_dateline_line(line) is None and \
        len(line[len(found[0]):].split()) >= _MIN_STORY_WORDS


_ISSUED_AT = re.compile(r"^([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,3}),[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+\.?,?[ \t]+\d{4}$")


def _issued_at(line: str) -> bool:
    """Whether a header date line is a place and a day-first date ("Niamey, 4 October 2026", "New
    York, 7 April 2026"), as statements and communiques head their text; a weekday or a label and a
    date ("Saturday, 16 March 2024", "Updated Monday, 3 March 2026", "Posted, 3 March 2026") name no place."""
    from transforms.ner_gate import explained_words, is_common

    m = _ISSUED_AT.match(line.strip())
    if not m:
        return False
    words = re.split(r"[ -]", m.group(1))
    first = words[0].lower()
    # "Posted", "Updated", "Date": a label of the line ("Published 14:05 GMT, ..." has no name before its comma)
    label = first in _header_labels() or first in ("date", "dated") or first.endswith("ed") and is_common(first)
    return not label and not any(w.rstrip(".") in explained_words() for w in words)


def _is_heading(line: str) -> bool:
    """A short line that ends no sentence: a headline or a subheading, not the story's first paragraph."""
    return len(line.split()) <= _MAX_TITLE_WORDS and not _SENTENCE_END.search(line)


def _is_paragraph(line: str) -> bool:
    words = len(line.split())
    return words > _MAX_TITLE_WORDS or (words >= 12 and bool(re.search(r"[.!?][\"”’]?$", line)))


def _clean_paragraphs(lines: list[str]) -> tuple[list[str], list[str]]:
    """Blocks separated by blank lines; hard-wrapped lines joined; boilerplate dropped or cut. A
    related-content box ("Related stories:", "READ MORE") drops its heading and the teaser
    headlines under it, not the paragraphs after them."""
    rules = _boilerplate_rules()
    paragraphs: list[str] = []
    removed: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    in_box = False
    for raw in lines:
        line = raw.strip()
        if not line:
            flush()
            continue
        if in_box and not _is_paragraph(line):
            removed.append(f"related-content item: '{line[:60]}'")
            continue  # a teaser headline of the box, not the article's text
        in_box = False
        rule = next((r for r in rules if r.pattern.fullmatch(line)), None)
        if rule and (rule.action == "drop" or paragraphs or current):
            if rule.action == "cut":
                removed.append(f"{rule.note}: cut from '{line[:60]}'")
                break
            removed.append(f"{rule.note}: '{line[:60]}'")
            if rule.action == "box":  # "Related stories:" and its teasers; the article goes on after them
                flush()
                in_box = True
            continue
        if current and (_SENTENCE_END.search(current[-1]) or line_heads.list_mark(line)
                        or line_heads.is_heading(current[-1]) or _is_caps_heading(current[-1])):
            # a line that ends a sentence ends its paragraph: one paragraph per line files; a list item
            # ("- Gunmen ...", "2. Quetta: ...") or the line after a heading ("MALI", "## Mali") is never
            # a wrapped line of the heading or item above it; nor is the line after a short line in
            # capitals, a letterhead's ("MINISTRY OF DEFENCE")
            flush()
        current.append(line)
    flush()
    return paragraphs, removed

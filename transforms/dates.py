"""Publication dates from article headers, and event dates resolved against them.

Pure functions over strings and `datetime.date`; no clock is read here: "today" and the
run's reference dates are always passed in, so results are reproducible.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from functools import cache

from transforms.resources import data_text
from transforms.timex_vocab import vocabulary


def _header_rules() -> dict:
    """transforms/data/header_dates.json: the languages read and the evidence for numeric order."""
    return json.loads(data_text("header_dates.json"))


HEADER_RULES = _header_rules()
# The languages whose month names and header words a header line may use; the first is the
# default whose numeric order applies when nothing else tells.
LANGUAGES = tuple(HEADER_RULES["languages"])
# Month names and abbreviations of every language read (lowercase, as written: "déc", "märz").
MONTHS = {word: n for lang in LANGUAGES for table in ("month", "month_abbr") for word, n in vocabulary(lang)[table].items()}
WEEKDAYS = {word: iso - 1 for word, iso in vocabulary()["weekday"].items()}  # Monday 0, as datetime
# every weekday name and abbreviation of every language read -> its ISO number (Monday 1)
_WEEKDAY_ISO = {w: iso for lang in LANGUAGES for table in ("weekday", "weekday_abbr") for w, iso in vocabulary(lang)[table].items()}
_MONTH_WORDS = "|".join(re.escape(w) for w in sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_WORDS})(?![^\W\d_])\.?"
_TIME = (r"(?P<hour>\d{1,2})(?:[:h](?P<minute>\d{2}))(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
         r"(?:\s*(?P<tz>[A-Z]{2,4}\b))?")
# UTC offsets of the zone abbreviations news sites print; unknown ones leave the time as written.
TZ_OFFSETS = vocabulary()["time_zone"]
# Zones whose publishers write numeric dates month first (11/05/2023 = November 5) or day first.
ZONE_ORDER = HEADER_RULES["zone_order"]
MONTH_FIRST_ZONES = {zone for zone, order in ZONE_ORDER.items() if order == "month-first"}
# The separator of numeric dates that only day-first conventions use (07.06.2024).
DAY_FIRST_SEPARATOR = "."
# How a numeric date is read when nothing in it decides: the first language's convention (English:
# month first, the TimeML/US convention the body tagger uses too: header and body must agree);
# the header records that it was a default.
DEFAULT_NUMERIC_ORDER = vocabulary(LANGUAGES[0])["numeric_order"]

# year first is never ambiguous: 2024-03-05, and the 2024/03/05 of East Asian and some US sites
_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
                  r"(?:\.\d+)?\s*(?P<z>Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<year>\d{{4}})\b", re.I)
# "5 November 2023", "05-Mar-2024", "1er décembre 2023", "5. März 2024", "5 de noviembre de 2023"
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?(?:\s+|-)(?:de\s+)?{_MONTH}(?:,?\s+|-)(?:del?\s+)?(?P<year>\d{{4}})\b", re.I)
_DAY_MONTH = re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:del?\s+)?{_MONTH}", re.I)  # a day-first dateline's "14 Nov."
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})", re.I)
_TIME_RE = re.compile(_TIME, re.I)
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
# The words a header line opens with, of every language read, and the language of each.
_WORD_LANGUAGE = {w: lang for lang in reversed(LANGUAGES) for w in vocabulary(lang)["header_words"]}
_HEADER_WORDS = re.compile(r"^\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORD_LANGUAGE, key=len, reverse=True))
                           + r")(?![^\W\d_])[:\s]*", re.I)
# a dateline's date, month first ("Nov. 14", "March 3, 2025") or day first ("5 May 2025", "14 Nov.": the
# British, African and Asian wires' order; "12 août 2024", "18 de enero de 2025", "15 de Setembro de 2023":
# the French, Spanish and Portuguese wires', in any language of header_dates.json)
_DATELINE_MONTH = rf"(?i:(?:{_MONTH_WORDS})(?![^\W\d_])\.?)"
_OF = r"(?i:de(?:l)?\s+)?"  # "18 de enero de 2025", "1 de mayo del 2024"
_DATELINE_DATE = (rf"{_DATELINE_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:(?:,\s*|\s+)\d{{4}})?|"
                  rf"\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s+{_OF}{_DATELINE_MONTH}(?:,?\s*{_OF}\d{{4}})?")
# a numeric date, allowed where a dateline stands on a line of its own ("ODESA, Ukraine -- 25.09.2023")
_DATELINE_NUMERIC = r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
# Letters and capitals of the Latin alphabets datelines are written in ("BOGOTÁ", "MEDELLÍN", "ŁÓDŹ"):
# Basic Latin, Latin-1 and Latin Extended-A (whose cases alternate, so all of it counts as a capital).
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u017f"


@cache
def wire_services() -> dict[str, str]:
    """Agency surface ("AP", "Associated Press", "EFE") -> publisher name, from data/wire_services.csv."""
    from transforms.resources import csv_rows

    return {alias: row["publisher"] for row in csv_rows("wire_services.csv") for alias in row["aliases"].split("|")}


_AGENCIES = "|".join(re.escape(a) for a in sorted(wire_services(), key=len, reverse=True))
# a place in Title Case or capitals, up to four words, and its country or region after a comma
_PLACE = (rf"[{_UPPER}][{_LETTER}.'’-]+(?:\s[{_UPPER}][{_LETTER}.'’-]+){{0,3}}"
          rf"(?:,\s+[{_UPPER}][{_LETTER}.'’ -]{{1,30}}?)?")
# a place in capitals ("WASHINGTON", "TACLOBAN CITY"), and its country or region after a comma
_CAPS_PLACE = (rf"[{_UPPER}][{_UPPER}'’.-]{{2,}}(?:\s[{_UPPER}][{_UPPER}'’.-]+){{0,2}}"
               rf"(?:,\s+[{_UPPER}][{_LETTER}.'’ -]{{1,30}}?)?")
DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})(?:,\s+(?P<date>{_DATELINE_DATE}))?\s+"
    rf"\((?P<agency>{_AGENCIES})\)\s*[-–—]+\s*")

# "WASHINGTON - ", "DISHU – ", "KYIV, Ukraine (AP) — ": a place in capitals opening the first paragraph,
# then a dash, with no agency or with any; the dash sets it apart from a sentence that opens in capitals
BARE_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE})(?:,\s+(?P<date>{_DATELINE_DATE}))?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\)\s*)?[-–—]+\s+(?=\S)")

# "PESHAWAR: Militants attacked ...", "NEW DELHI, Nov 14 (PTI): ...": the dateline of South Asian
# and some African papers ends in a colon; a capital (or a quote) must open the story after it, and
# the labels a story may open with ("PRESS RELEASE:", "NOTE:") are in wire_labels.txt. Speakers of a
# transcript are written so too ("KHAN: "): a colon dateline with neither date nor credit must name a known city
COLON_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE})(?:,\s+(?P<date>{_DATELINE_DATE}))?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\)\s*)?:\s+(?=[\"“'‘A-Z])")

# A dateline standing on a line of its own, its date after the place and the credit: "KHARTOUM, Sudan
# (AP) — June 2, 2024", "Bogotá (AFP) 14 March 2024", "ODESA, Ukraine -- 25.09.2023", "TACLOBAN CITY —
# Nov 3, 2023". A place in Title Case needs a known agency ("Pemba, 15 de Setembro de 2023" may be a
# publisher's line); one in capitals needs a comma, a credit or a dash before the date.
_LINE_DATE = rf"(?P<date>{_DATELINE_DATE}|{_DATELINE_NUMERIC})"
DATELINE_LINE = re.compile(
    rf"^(?:(?P<caps>{_CAPS_PLACE})(?:\s*\((?P<caps_agency>[A-Za-z][\w .&-]{{0,30}})\))?\s*(?:[-–—]+|,)\s*"
    rf"|(?P<caps2>{_CAPS_PLACE})\s*\((?P<caps2_agency>[A-Za-z][\w .&-]{{0,30}})\)\s*"
    rf"|(?P<place>{_PLACE})\s*\((?P<agency>{_AGENCIES})\)\s*(?:[-–—]+|,)?\s*"
    # a known town in Title Case and a dash, no credit: "Rawalpindi - 16 June 2026" (a comma after a
    # Title Case place is a statement's "New York, 7 April 2026", which stays in the body: parse._issued_at)
    rf"|(?P<town>[{_UPPER}][{_LETTER}.'’-]+(?:\s[{_UPPER}][{_LETTER}.'’-]+){{0,2}})\s+[-–—]+\s*)"
    rf"{_LINE_DATE}\s*[-–—]*\s*$")


# A weekday written before a dateline's date ("Washington, Thursday, 19 Oct 2023 —", "ERBIL, Iraq —
# Monday 3 June 2024 —", "PARIS, lundi 3 juin 2024 -"), in any language read
_DATELINE_WEEKDAY_WORDS = "|".join(sorted({re.escape(w) for w in _WEEKDAY_ISO}, key=len, reverse=True))
_DATELINE_WEEKDAY = rf"(?i:(?P<weekday>{_DATELINE_WEEKDAY_WORDS})(?![^\W\d_])\.?),?\s+"
# an outlet's credit in brackets: any name ("(Myanmar Now)", "(L'Orient Today)"), since a date vouches for the line
_ANY_CREDIT = r"\((?P<{}>[A-Za-z][\w .&'’-]{{0,30}})\)"
# a place in Title Case whose region part is no weekday ("Washington, Thursday, 19 Oct 2023")
_TITLE_PLACE = (rf"[{_UPPER}][{_LETTER}.'’-]+(?:\s[{_UPPER}][{_LETTER}.'’-]+){{0,3}}"
                rf"(?:,\s+(?!(?i:{_DATELINE_WEEKDAY_WORDS})\b)[{_UPPER}][{_LETTER}.'’ -]{{1,30}}?)?")
# A dateline whose full date runs inline with the story: after the credit ("KHARTOUM, Sudan (AP) — June 2,
# 2024 — Shelling ..."), numeric ("Maroua, 15/01/2024 - ...", "SRINAGAR, India — 22.04.2024 — ..."), after a
# weekday ("London, Friday 12 January 2024 — ..."), before an outlet's credit ("Yangon, 2 February 2024
# (Myanmar Now) - ...", and the Spanish-language wires' "MORELIA, Michoacán, 16 June 2025.- ..."). A date
# (with its year, or numeric) and a dash after it set it apart from a sentence,
# so a place in Title Case is allowed; one in capitals may give a year-less date ("KYIV (AP) — March 3 — ").
DATED_DATELINE = re.compile(
    rf"^(?:(?P<caps>{_CAPS_PLACE})|(?P<place>{_TITLE_PLACE}))(?:\s*{_ANY_CREDIT.format('agency')})?\s*(?:,|[-–—]+)\s*"
    rf"(?:{_DATELINE_WEEKDAY})?(?P<date>{_DATELINE_DATE}|{_DATELINE_NUMERIC})"
    rf"(?:\s*{_ANY_CREDIT.format('agency2')})?\.?\s*(?:[-–—]+|:)\s+(?=\S)")
_HAS_YEAR = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}")

@cache
def _wire_labels() -> frozenset[str]:
    from transforms.resources import word_list

    return frozenset(word_list("en/wire_labels.txt"))


@dataclass(frozen=True)
class HeaderDate:
    """A publication date as the header states it. `year` is None for year-less datelines."""

    text: str
    month: int
    day: int
    year: int | None
    time: dt.time | None = None
    utc_offset_hours: float | None = None
    # numeric dates only: "day-first" / "month-first", and whether nothing in the line decided it
    numeric_order: str | None = None
    order_ambiguous: bool = False
    # what decided a numeric order the header itself left open, when weaker than the header's own
    # evidence ("the outlet's name", "the countries the article names": transforms/credit_lines.py)
    order_evidence: str | None = None

    def on_year(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def date(self) -> dt.date | None:
        return self.on_year(self.year) if self.year else None

    def timestamp(self, year: int | None = None) -> dt.datetime | None:
        """UTC when the zone is known, else the wall time as written; None without a time."""
        day = self.on_year(year or self.year) if (year or self.year) else None
        if day is None or self.time is None:
            return None
        stamp = dt.datetime.combine(day, self.time)
        if self.utc_offset_hours is not None:
            stamp -= dt.timedelta(hours=self.utc_offset_hours)
        return stamp


def split_date_prefix(line: str) -> tuple[str, str] | None:
    """` date 2023-11-05 Amid ...` -> ("date 2023-11-05", "Amid ..."), else None."""
    m = _DATE_PREFIX.match(line)
    if not m:
        return None
    return m.group(0).strip(), line[m.end():]


def parse_header_date(line: str, hint: str | None = None) -> HeaderDate | None:
    """The first full date in a header line (ISO, 25/10/2023 22h43, November 3, 2023 at 4:12 PM EST,
    Monday, 30 October 2023, Publié le 5 novembre 2023, ...). None when the line states no complete,
    valid date. A numeric date is read by the line's own evidence (`numeric_evidence`), else by
    `hint` ("day-first" / "month-first": the rest of the header, `order_from_header`), else by the
    default language's order, marked `order_ambiguous`."""
    text = line.strip()
    words = _HEADER_WORDS.match(text)
    body = text[words.end():] if words else text
    language = _WORD_LANGUAGE.get(re.sub(r"\s+", " ", words.group(0).strip(" :\t").lower())) if words else None
    # English is written with both orders: only another language's header words tell one
    said = vocabulary(language)["numeric_order"] if language and language != LANGUAGES[0] else None
    found = _find_iso(body) or _find_numeric(body, said or hint) or _find_named(body)
    if found is None:
        return None
    year, month, day, time, offset, order, ambiguous = (*found, None, False)[:7] if len(found) == 5 else found
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return HeaderDate(text=text, month=month, day=day, year=year, time=time, utc_offset_hours=offset,
                      numeric_order=order, order_ambiguous=ambiguous)


_URL_HOST = re.compile(r"(?:https?://|www\.)(?P<host>[^/\s:?#]+)", re.I)


def order_from_header(publisher: str | None, urls: list[str]) -> str | None:
    """The numeric order the rest of a header tells: the country domain of its URL ("bbc.co.uk"
    -> day-first) or its publisher ("Le Monde"), from header_dates.json; None when neither does."""
    for url in urls:
        host = _URL_HOST.search(url)
        if host:
            order = HEADER_RULES["domain_order"].get(host.group("host").lower().rstrip(".").rsplit(".", 1)[-1])
            if order:
                return order
    if publisher:
        for name, order in HEADER_RULES["publisher_order"].items():
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", publisher, re.I):
                return order
    return None


@cache
def _stated_order() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(pattern, re.I), order) for order, patterns in HEADER_RULES["stated_order"].items()
            for pattern in patterns]


# a numeric date in running text: 25/11/2023, 25.11.23, and a year-less 25/11 only after a preposition
# that dates ("on 25/11"; "24/7" alone is no date)
_BODY_NUMERIC = re.compile(r"(?:(?<![\d/.-])|(?P<prep>\b(?:on|of|since|until|from|by|dated)\s+(?:the\s+)?))"
                           r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P<year>(?P=sep)(?:\d{4}|\d{2}))?(?![\d/]|[.-]\d)", re.I)


def numeric_order_in_text(text: str) -> str | None:
    """The order an article's own text tells for its numeric dates: a stated convention
    ("dates are day/month/year", "(DD/MM/YYYY)": header_dates.json stated_order), else its
    numeric dates with a part over 12 when they all agree (25/11/2023 makes 05/12/2023 the 5th
    of December). None when nothing tells, or the text contradicts itself."""
    for pattern, order in _stated_order():
        if pattern.search(text):
            return order
    found = set()
    for m in _BODY_NUMERIC.finditer(text):
        if not m.group("year") and (m.group("sep") != "/" or not m.group("prep")):
            continue  # "10-12" is a range or a score, "24/7" no date
        a, b = int(m.group("a")), int(m.group("b"))
        order, ambiguous = numeric_order(a, b)
        if not ambiguous and a != b and max(a, b) <= 31 and min(a, b) >= 1:
            found.add(order)
    return found.pop() if len(found) == 1 else None


def document_numeric_order(header: HeaderDate | None, body: str, publisher: str | None = None,
                           urls: list[str] = (), dateline: str | None = None) -> str | None:
    """How to read an ambiguous numeric date (05/11/2023) in an article's body, by the
    document's evidence, as a header is read: the header's own numeric date when something
    decided it, else what the text states or shows (`numeric_order_in_text`), else the
    publisher or URL (`order_from_header`), else the country the dateline files from
    (`order_from_place`), else the header's default reading; None when the document holds no
    numeric header and nothing tells (the body tagger's default)."""
    if header is not None and header.numeric_order and not header.order_ambiguous:
        return header.numeric_order
    return numeric_order_in_text(body) or order_from_header(publisher, list(urls)) or \
        (order_from_place(dateline) if dateline else None) or (header.numeric_order if header is not None else None)


def two_digit_year(yy: int, reference_year: int) -> int:
    """"23" -> 2023 when that is not after the year after `reference_year`, else 1923.
    (dateparser and Python's %y pivot at 69; news dates lie close to their reference.)"""
    year = 2000 + yy
    return year if year <= reference_year + 1 else 1900 + yy


def numeric_order(a: int, b: int, hint: str | None = None) -> tuple[str, bool]:
    """How to read A/B/Y: ("day-first" | "month-first", ambiguous). A part over 12 decides;
    else the publisher's evidence (`hint`: a time zone, the site's other dates), else the
    language default, marked ambiguous."""
    if a > 12 and b <= 12:
        return "day-first", False
    if b > 12 and a <= 12:
        return "month-first", False
    if a == b:
        return hint or DEFAULT_NUMERIC_ORDER, False
    return (hint, False) if hint else (DEFAULT_NUMERIC_ORDER, True)


def read_numeric(a: int, b: int, year: str | int, order: str | None, reference_year: int) -> dt.date | None:
    """The day of a numeric date A/B/YEAR read in `order` (None: by `numeric_order`'s default);
    a two-digit year is expanded against `reference_year`. None when no such day exists."""
    chosen, _ = numeric_order(a, b, order)
    y = int(year)
    y = two_digit_year(y, reference_year) if len(str(year)) <= 2 else y
    day, month = (a, b) if chosen == "day-first" else (b, a)
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


# A header's two-digit year has no reference date to read it against: POSIX's %y pivot
# (00-68 -> 2000s, 69-99 -> 1900s), without reading the clock.
_PIVOT_REFERENCE_YEAR = 2067

_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
_DATE_SHAPED = re.compile(rf"\b{_ANY_MONTH}\s+\d{{1,2}}\b.*\d{{4}}|\b\d{{1,2}}\s+{_ANY_MONTH}\s+\d{{4}}|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b", re.I)


def looks_like_date_line(line: str) -> bool:
    """A short line shaped like a date ("Published: February 30, 2023"), valid or not."""
    return len(line.split()) <= 12 and bool(_DATE_SHAPED.search(line))


# the words a publication date line may hold besides its date ("Published: 8 March 2024, 14:02 GMT",
# "Published On 23 Nov 2026", "November 8th, 2026"): header_dates.json date_line_words
_DATE_LINE_WORDS = frozenset(HEADER_RULES["date_line_words"])


def is_date_line(line: str) -> bool:
    """A line that is a publication date and nothing else: header words ("Published", "Updated"),
    a date, a weekday, a time and its zone ("Published 8 March 2024", "Sept. 3, 2024",
    "Last updated: Friday, 2024-05-13 09:12 EST"); a sentence that states a date is not one."""
    text = line.strip()
    if len(text.split()) > 12 or parse_header_date(text) is None:
        return False
    words = _HEADER_WORDS.match(text)
    rest = text[words.end():] if words else text
    return all(w.lower() in MONTHS or w.lower() in _CALENDAR_WORDS or w.lower() in _DATE_LINE_WORDS or w.upper() in TZ_OFFSETS
               for w in re.findall(rf"[{_LETTER}]+", rest))


def reread_numeric(found: HeaderDate, order: str) -> HeaderDate:
    """A numeric date that nothing in its line decided (`order_ambiguous`), read in `order`
    ("day-first" / "month-first") that the rest of the article tells; other dates as they are."""
    if not found.order_ambiguous or found.numeric_order == order:
        return replace(found, order_ambiguous=False) if found.order_ambiguous else found
    try:
        dt.date(found.year or 2000, found.day, found.month)
    except ValueError:
        return found
    return replace(found, month=found.day, day=found.month, numeric_order=order, order_ambiguous=False)


def order_from_place(dateline: str) -> str | None:
    """The numeric order of the country a dateline files from ("BEIRUT, 10/08/2024" -> Lebanon ->
    day-first), by header_dates.json domain_order of its country code: the country named after the
    place, else the place in the curated gazetteer or GeoNames. None when neither is known."""
    from transforms.gazetteer import geonames_city_by_name

    parts = [p.strip() for p in re.split(r",|\s[-–—]+\s|\s*\(", dateline) if p.strip()]
    by_alias = _places_by_alias()
    for part in parts[:2]:
        if not re.fullmatch(rf"[{_LETTER}.'’ -]+", part):
            continue
        name = part.title() if part.isupper() else part  # "BEIRUT": typography, not a spelling
        cc = by_alias.get(name) or (geonames_city_by_name(name) or {}).get("countrycode")
        order = HEADER_RULES["domain_order"].get((cc or "").lower())
        if order:
            return order
    return None


@cache
def _places_by_alias() -> dict[str, str]:
    from transforms.gazetteer import load_gazetteer

    return {a: e.country_code for e in load_gazetteer().values() if e.entity_type == "GPE" and e.country_code
            for a in e.aliases}


def stated_dates(text: str) -> list[dt.date]:
    """Every full date an article states ("November 9, 2024", "3 Sept. 2024", "2024-11-09"):
    the evidence `choose_year` takes a year-less dateline's year from. Impossible days are left out."""
    out = []
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for m in pattern.finditer(text):
            try:
                out.append(dt.date(int(m.group("year")), MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day"))))
            except ValueError:
                continue
    for m in _ISO.finditer(text):
        try:
            out.append(dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))))
        except ValueError:
            continue
    return out


def parse_dateline(paragraph: str) -> tuple[str, HeaderDate | None] | None:
    """A wire dateline at the start of a paragraph: ("BAGHDAD, Nov. 14 (Reuters)", date or None).
    Its date may be written in any language of header_dates.json ("BOGOTÁ, 12 août 2024 (AFP) -")."""
    dated = _dated_dateline(paragraph)
    if dated:
        return dated
    m = DATELINE.match(paragraph) or BARE_DATELINE.match(paragraph) or COLON_DATELINE.match(paragraph)
    if not m:
        alone = parse_dateline_line(paragraph) if "\n" not in paragraph else None
        return (alone[0], alone[2]) if alone else None  # "Rawalpindi - 16 June 2026" above the story
    if m.re is not DATELINE and not _names_a_place(m.group("place")):
        return None  # "BREAKING - ", "PRESS RELEASE:": a label, not a place
    if m.re is COLON_DATELINE and not (m.group("date") or m.group("agency")) and not _known_place(m.group("place").split(",")[0]):
        return None  # "KHAN: We never ...": a speaker of a transcript
    label = paragraph[: m.end()].rstrip(" -–—:")
    return label, _dateline_date(m.group("date"), label)


# A colon dateline names a town big enough to have a bureau or a stringer ("LAKKI MARWAT", 36 k people);
# the floor keeps out speakers that GeoNames also lists as a village ("KHAN", "ALI"). Judgement, not a count.
_COLON_DATELINE_MIN_PEOPLE = 30_000


def _known_place(caps: str) -> bool:
    """Whether a name in capitals ("PESHAWAR", "DERA ISMAIL KHAN") is a GeoNames city of at least
    `_COLON_DATELINE_MIN_PEOPLE` people."""
    from transforms.gazetteer import geonames_city_by_name

    if _wire_labels().intersection(caps.split()):
        return False
    city = geonames_city_by_name(" ".join(w.capitalize() for w in caps.split()))
    return city is not None and city["population"] >= _COLON_DATELINE_MIN_PEOPLE


def _dated_dateline(paragraph: str) -> tuple[str, HeaderDate] | None:
    """A dateline with its date inline (`DATED_DATELINE`): (label, date), the label running to the
    dash after the date or the credit. None when the place is a label or a calendar word, when a
    place in Title Case gives no year, or when the date is impossible."""
    m = DATED_DATELINE.match(paragraph)
    if not m:
        return None
    place = m.group("caps") or m.group("place")
    words = re.findall(rf"[{_LETTER}]+", place.split(",")[0])
    if not _names_a_place(place) or any(w.lower() in _CALENDAR_WORDS for w in words):
        return None  # "On Monday, 5 May 2025 — ...": a sentence, not a place
    if m.group("place") and not _HAS_YEAR.search(m.group("date")) and not (
            m.group(0).rstrip()[-1] in "-–—" and _known_place(place.split(",")[0].strip().upper())):
        # "Washington, Nov 3 — A drone ...": a Title Case place gives a year-less date only when it is
        # a known town and a dash follows ("Officials, Nov 3 —" and "Later, March 5:" are no datelines)
        return None
    label = paragraph[: m.end()].rstrip().rstrip(" -–—:")
    label = label[:-1] if label.endswith(".") and label[-2:-1].isdigit() else label  # "16 June 2025.-"
    found = _dateline_date(m.group("date"), label)
    if found is None:
        return None
    if found.order_ambiguous and m.group("weekday"):
        found = _numeric_by_weekday(found, m.group("weekday")) or found
    return label, found


def _numeric_by_weekday(found: "HeaderDate", weekday: str) -> "HeaderDate | None":
    """A numeric date both orders could read, decided by the weekday written with it ("Saturday
    10/08/2024" is 10 August, a Saturday; 8 October 2024 was a Tuesday); None when both or neither fit."""
    iso = _WEEKDAY_ISO.get(weekday.lower().rstrip("."))
    if iso is None or found.year is None:
        return None
    fits = []
    other = "month-first" if found.numeric_order == "day-first" else "day-first"
    for order, day, month in ((found.numeric_order, found.day, found.month), (other, found.month, found.day)):
        try:
            if dt.date(found.year, month, day).isoweekday() == iso:
                fits.append((order, day, month))
        except ValueError:
            continue
    if len(fits) != 1:
        return None
    order, day, month = fits[0]
    return replace(found, month=month, day=day, numeric_order=order, order_ambiguous=False)


def parse_dateline_line(line: str) -> tuple[str, str | None, HeaderDate] | None:
    """A dateline standing on a line of its own with its date after the place or the credit
    ("KHARTOUM, Sudan (AP) — June 2, 2024", "Bogotá (AFP) 14 March 2024", "ODESA, Ukraine --
    25.09.2023"): (the line, the agency as written or None, its date); None for any other line,
    for a line whose "place" is a weekday, a month or a header word ("MONDAY, 30 OCTOBER 2023"),
    and for an impossible date."""
    text = line.strip()
    m = DATELINE_LINE.match(text)
    if not m:
        return None
    place = m.group("caps") or m.group("caps2") or m.group("place") or m.group("town")
    if not _names_a_place(place) or m.group("town") and not _known_place(place.upper()):
        return None
    found = _dateline_date(m.group("date"), text.rstrip(" -–—"))
    if found is None:
        return None
    return text.rstrip(" -–—"), m.group("caps_agency") or m.group("caps2_agency") or m.group("agency"), found


def _names_a_place(place: str) -> bool:
    """Whether a dateline's first word may be a place: not a wire label ("BREAKING"), a weekday,
    a month or a header word of a language read ("UPDATED", "LUNDI")."""
    first = re.split(r",|\s*\(", place)[0].strip()
    word = first.lower()
    return first not in _wire_labels() and word not in _CALENDAR_WORDS and not _HEADER_WORDS.fullmatch(first)


# ISO weekday of every weekday word and abbreviation of the languages read ("sat", "samedi")
# the weekdays and months of every language read: never a dateline's place
_CALENDAR_WORDS = frozenset(_WEEKDAY_ISO) | frozenset(MONTHS)


def _dateline_date(text: str | None, label: str) -> HeaderDate | None:
    """The date of a dateline's date part: a full date as a header line is read (named in any
    language, or numeric), else a year-less named day ("Nov. 14", "14 de noviembre")."""
    if not text:
        return None
    full = parse_header_date(text)
    if full is not None:
        return replace(full, text=label)
    named = _MONTH_DAY.search(text) or _DAY_MONTH.match(text)
    if not named:
        return None
    month = MONTHS[named.group("month").lower().rstrip(".")]
    day = int(named.group("day"))
    try:
        dt.date(2000, month, day)  # a leap year: Feb. 29 is possible
    except ValueError:
        return None
    return HeaderDate(text=label, month=month, day=day, year=None)


def choose_year(partial: HeaderDate, today: dt.date, pairs: list[tuple[int, int, int]] = (),
                stated: list[dt.date] = ()) -> int:
    """The year of a year-less date (a wire dateline "KHARTOUM, Dec. 3 (Reuters) -"): from the
    document and the run day alone, never from the other files of a run. A full date the article
    states (`stated_dates`: "November 9, 2024" at its foot) on that day or up to PAIR_REACH_DAYS
    before it, in one of the candidate years, picks that year first. Then a weekday written with
    a day in the same text ("on Tuesday, Dec. 2": `weekday_pairs`) that fixes a day within
    PAIR_REACH_DAYS of the date in one of the candidate years picks that year; else the latest
    year in which the date is not after `today` (news is read after it is written). The caller
    marks the result inferred."""
    years = [y for y in range(today.year, today.year - CALENDAR_CYCLE_YEARS - 1, -1)
             if partial.on_year(y) and partial.on_year(y) <= today]
    if not years:
        return today.year
    for y in years:
        if any(0 <= (partial.on_year(y) - d).days <= PAIR_REACH_DAYS for d in stated):
            return y
    fixed = [d for d in (pair_day(p, today) for p in pairs) if d]
    for y in years:
        if any(abs((partial.on_year(y) - d).days) <= PAIR_REACH_DAYS for d in fixed):
            return y
    return years[0]


def fixed_by_pair(day: dt.date, pairs: list[tuple[int, int, int]]) -> bool:
    """Whether a weekday written with a day (`weekday_pairs`) falls on its weekday within
    PAIR_REACH_DAYS of `day`: the evidence `choose_year` took the year of `day` from."""
    for month, d, weekday in pairs:
        for y in (day.year - 1, day.year, day.year + 1):
            try:
                paired = dt.date(y, month, d)
            except ValueError:
                continue
            if paired.isoweekday() == weekday and abs((paired - day).days) <= PAIR_REACH_DAYS:
                return True
    return False


# The Gregorian weekdays repeat every 28 years (between century years): a weekday and a day
# fix the year within that span. A pair fixes a dateline's year only near it.
CALENDAR_CYCLE_YEARS = 28
PAIR_REACH_DAYS = 31

_WEEKDAY_WORDS = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
# The months of the weekdays' language as written in running text: capitalized ("Dec.", "December")
# or in capitals. A lower-case "may" or "march" after a number is a verb ("on Tuesday 15 may have
# died", "on Monday 12 march through the city"), and another language's month is no English date
# ("on Tuesday 3 Mars rovers"): a bare weekday followed by them is no pair and fixes no year.
_PAIR_MONTH_WORDS = "|".join(
    f"{re.escape(w.capitalize())}|{re.escape(w.upper())}"
    for w in sorted([*vocabulary()["month"], *vocabulary()["month_abbr"]], key=len, reverse=True))
_PAIR_MONTH = rf"(?-i:(?P<month>{_PAIR_MONTH_WORDS}))(?![^\W\d_])\.?"
# "Tuesday, Nov. 4", "Tuesday 4 November", "Tuesday the 4th of November": a weekday and a
# year-less day of the month, in either order of day and month (no year after them)
_WEEKDAY_PAIR = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_WORDS}),?\s+(?:the\s+)?(?:{_PAIR_MONTH}\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_PAIR_MONTH.replace('?P<month>', '?P<month2>')})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})", re.I)


def weekday_pairs(text: str) -> list[tuple[int, int, int]]:
    """(month, day, ISO weekday) of every weekday written with a year-less day ("Tuesday,
    Nov. 4"): the evidence of its period an undated text holds. Impossible days are left out."""
    out = []
    for m in _WEEKDAY_PAIR.finditer(text):
        month = MONTHS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
        day = int(m.group("day") or m.group("day2"))
        if 1 <= day <= 31:
            out.append((month, day, WEEKDAYS[m.group("wd").lower()] + 1))
    return out


def pair_day(pair: tuple[int, int, int], today: dt.date) -> dt.date | None:
    """The latest day not after `today` on which (month, day) falls on the ISO weekday;
    None when none does within CALENDAR_CYCLE_YEARS (a wrong weekday)."""
    month, day, weekday = pair
    for y in range(today.year, today.year - CALENDAR_CYCLE_YEARS - 1, -1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d <= today and d.isoweekday() == weekday:
            return d
    return None


def _find_iso(s: str):
    m = _ISO.search(s)
    if not m:
        return None
    time = None
    offset = None
    if m.group("H"):
        time = _clock(int(m.group("H")), int(m.group("M")), int(m.group("S") or 0))
        z = m.group("z")
        if z:
            offset = 0.0 if z == "Z" else _offset_hours(z)
    return int(m.group("y")), int(m.group("m")), int(m.group("d")), time, offset


def _find_numeric(s: str, hint: str | None = None):
    m = _NUMERIC.search(s)
    if not m:
        return None
    a, b = int(m.group("a")), int(m.group("b"))
    time, offset = _find_time(s[m.end():])
    order, ambiguous = numeric_order(a, b, numeric_evidence(s, m) or hint)
    day, month = (a, b) if order == "day-first" else (b, a)
    year = int(m.group("y"))
    if len(m.group("y")) == 2:
        year = two_digit_year(year, _PIVOT_REFERENCE_YEAR)
    return year, month, day, time, offset, order, ambiguous


_ZONE = re.compile(r"\b(" + "|".join(sorted(ZONE_ORDER, key=len, reverse=True)) + r")\b")


def numeric_evidence(line: str, m: re.Match) -> str | None:
    """What the line of numeric date `m` says of its order: a zone of header_dates.json's
    zone_order after it ("EST" month first, "GMT", "CET" day first), a French-style "22h43"
    clock or a dotted date (07.06.2024: German, Russian, Scandinavian, ... never US): day first."""
    rest = line[m.end():]
    zone = _ZONE.search(rest)
    if zone:
        return ZONE_ORDER[zone.group(1)]
    if re.search(r"\d{1,2}h\d{2}", rest) or m.group("sep") == DAY_FIRST_SEPARATOR:
        return "day-first"
    return None


def _find_named(s: str):
    m = _MONTH_DAY_YEAR.search(s) or _DAY_MONTH_YEAR.search(s)
    if not m:
        return None
    month = MONTHS[m.group("month").lower().rstrip(".")]
    # the time may stand before the date ("Updated 9:14 AM EST, Tue November 21, 2023") or after it
    time, offset = _find_time(s[m.end():])
    if time is None:
        time, offset = _find_time(s[: m.start()])
    return int(m.group("year")), month, int(m.group("day")), time, offset


# British sites write "14.02 GMT": a dotted clock, read as one only before a zone abbreviation.
_DOTTED_CLOCK = re.compile(r"\b(\d{1,2})\.(\d{2})(?=\s*(?:" + "|".join(TZ_OFFSETS) + r")\b)")


def _find_time(s: str) -> tuple[dt.time | None, float | None]:
    m = _TIME_RE.search(_DOTTED_CLOCK.sub(r"\1:\2", s))
    if not m:
        return None, None
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    ampm = (m.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None, None
    tz = (m.group("tz") or "").upper()
    return _clock(hour, minute, int(m.group("second") or 0)), TZ_OFFSETS.get(tz)


def _clock(hour: int, minute: int, second: int) -> dt.time | None:
    """A wall time; a leap second (23:59:60, RFC 3339) is kept as :59 of the same day, and an
    impossible stamp (25:00) gives no time rather than an error."""
    if hour > 23 or minute > 59 or second > 60:
        return None
    return dt.time(hour, minute, min(second, 59))


def _offset_hours(z: str) -> float:
    sign = -1 if z[0] == "-" else 1
    digits = z[1:].replace(":", "")
    return sign * (int(digits[:2]) + int(digits[2:4]) / 60)

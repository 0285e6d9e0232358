"""Officially reported tallies: "at least 13 attacks in the past week", "almost a dozen times".

Component `tallies` (its version: `COMPONENT`). One row per number; a split by place ("61 attacks, 29 in Iraq and 32
in Syria", any place the sentence names) adds one row per part with the same evidence.
period_end is the day the figure was stated: the day after a verb of saying ("the ministry
said on Thursday", `tally_reading.stated_day`), else the publication date; period_start comes
from the period the sentence names, however long ago it began ("since 1975", "in the first three
months of 2024"). A number next to a month is a day, never a count ("Since 10 April, 480 ...").
A superlative comparison ("in one of the deadliest attacks since the coup") sums nothing. A count
of what a group attacked over a period is a count of attacks ("has attacked 100 ships since
2023"); a noun of dead counts dead ("6,900 violent deaths"). "In the country", "in the province"
scope the figure to the country or first-level area named before. A count of dead or injured is a tally when it sums over something: a period, a
conflict or a kind of violence ("in gang violence"), several attacks, a running total ("so far",
"have been injured"); one attack's dead or wounded ("died in the fighting" just after it, "have
been killed in the attack") are that attack's outcome. `stated_by` is who says the figure, never
who did what it counts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from transforms import context, event_dates, roundup, tally_reading
from transforms.entities import Mention
from transforms.gazetteer import Entity
from transforms.resources import jsonl
from transforms.sentences import normalised
from transforms.timex import Timex
from transforms.timex_vocab import month_words

COMPONENT = "tallies.v8"
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozen": 12, "two dozen": 24,
                 "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "a hundred": 100}
_QUALIFIERS = {"at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
               "nearly": "almost", "almost": "almost", "close to": "almost", "about": "about", "approximately": "about",
               "around": "about", "roughly": "about", "some": "about", "an estimated": "about", "up to": "up to"}
# A four-digit number from 1900 to 2099 written without a thousands separator is a year ("the
# 2002 Bali bombings", "the 1998 embassy attacks"), never a count: news writes counts that large
# with a separator ("2,002 attacks"). Digits after a colon or a point are the minutes of a clock
# time or decimals ("10:02 Drone strikes ...": a live blog's time stamp), never a count.
_NUM = r"(?P<n>(?<![\d,:.])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\d,:.])(?!(?:19|20)\d\d(?!\d))\d+|a dozen|two dozen|a hundred|" + "|".join(k for k in _NUMBER_WORDS if " " not in k) + ")"
_QUAL = r"(?:(?P<q>" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
_ATTACKS = re.compile(_QUAL + _NUM + r"\s+(?:(?:separate|different|drone|rocket|missile|and|or|,)\s+){0,4}"
                      r"(?P<unit>attacks|strikes|incidents|times)\b", re.I)
# With a period or a conflict named ("since 2011", "in the war"), any kind of attack counts: "35 grenade attacks",
# "14 ambushes", "120 air raids"; up to four modifiers that are no function words (not "two people in attacks").
_MODIFIER = r"(?!(?:of|in|on|at|by|from|the|people|persons|civilians|were|was|have|has|had|been|who|that)\b)[A-Za-z-]+"
_ATTACKS_OVER_TIME = re.compile(_QUAL + _NUM + r"\s+(?:" + _MODIFIER + r"\s+){0,4}"
                                r"(?P<unit>attacks|strikes|airstrikes|incidents|times|ambushes|bombings|raids|assaults)\b", re.I)
# Whoever is counted: "20 service members", "500 civilians", "40 police officers", "300" alone; no
# function word between ("killed 12 and wounded 30" counts no 12 injured).
_INJURED = re.compile(_QUAL + _NUM + r"\s+(?:(?!(?:and|or|of|in|on|at|by|were|was|have|has|had|been|the|who|that|"
                      r"killed|dead|died)\b)[A-Za-z.-]+\s+){0,3}?(?:have\s+|had\s+|were\s+)?"
                      r"(?:been\s+)?(?:sustained|suffered|injured|wounded|hurt)\b", re.I)
# A simple past "killed 600" counts ("bandit attacks killed 600 people in 2022"), but not in a relative
# clause: "the bombings ... last year that killed 224", "the crash, which killed 102" tell of named events.
# "Two weeks of fighting have killed 200": a count before "killed" that has an object is no count of dead.
_OBJECT_COUNT = (r"(?!\s+(?:(?:" + "|".join(sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+)?(?:\d|(?:"
                 + "|".join(_NUMBER_WORDS) + r")\b))")
# ("287 police and security personnel have been killed": two kinds of dead joined by "and" or "or")
_KILLED = re.compile(_QUAL + _NUM + r"\s+(?:[A-Za-z-]+\s+){1,3}?(?:(?:and|or)\s+(?:[A-Za-z-]+\s+){1,2}?)?(?:have\s+|had\s+)?(?:been\s+|were\s+)?(?:killed|dead|died)\b"
                     + _OBJECT_COUNT + r"|"
                     r"\b(?:(?:have|has|had)\s+|(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwho\s))killed\s+" + _QUAL.replace("<q>", "<q2>") + _NUM.replace("<n>", "<n2>") + r"\b|"
                     r"\b(?:toll|(?:number|total)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:killed|dead|deaths|fatalities))\b"
                     r"(?=[^.;]*\b(?:since|war|conflict|insurgency|uprising|violence|years?|months?)\b)[^.;]{0,80}?\b(?:rose|risen|climbed|reached|stands|stood|is|was|of|at|to)\s+"
                     + _QUAL.replace("<q>", "<q3>") + _NUM.replace("<n>", "<n3>") + r"\b|"
                     # a noun that counts dead itself: "6,900 violent deaths had been recorded", "300 killings"
                     + _QUAL.replace("<q>", "<q4>") + _NUM.replace("<n>", "<n4>") + r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:"
                     + "|".join(tally_reading.words()["death_nouns"]) + r")\b", re.I)
# A count of what a group attacked over a period is a count of attacks: "has attacked more than 100
# merchant ships since November 2023", "struck 40 villages this year" (read only with a period named).
_ATTACKED = re.compile(r"\b(?:(?:has|have|had)\s+(?:[a-z]+ly\s+|also\s+)?)?(?:" + "|".join(tally_reading.words()["attack_verbs"])
                       + r")\s+" + _QUAL + _NUM + r"\s+(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+s\b", re.I)
# Words the patterns above cannot match without: a cheap test before the expensive search.
_ATTACK_WORDS = re.compile(r"attacks|strikes|incidents|times|ambushes|bombings|raids|assaults|"
                           + "|".join(tally_reading.words()["attack_verbs"]), re.I)
_INJURY_WORDS = re.compile(r"sustained|suffered|injured|wounded|hurt", re.I)
_DEATH_WORDS = re.compile(r"killed|dead|died|toll|" + "|".join(tally_reading.words()["death_nouns"]), re.I)
# A figure is an aggregate when the sentence names what it sums over: a conflict or a kind of violence
# ("in the war", "in gang violence"; not "in the fighting" or "the violence" bare, which point back to
# one clash just told), a period ("since", "this year", "in the first three months of 2024", "in
# March", "between 2015 and 2020"), or a running total ("so far", "to date", "have been").
_MONTH = "(?:{}|(?:{})\\.)".format(*("|".join(words) for words in month_words()))  # "March", "Mar." (any case)
_PERIOD = (r"(?:in|during|over|throughout)\s+the\s+(?:first|last|past|previous|final|opening)\s+(?:(?:\w+|\d+)\s+)?"
           r"(?:days|weeks|months|years|half|quarter)|"
           r"(?:in|during|throughout)\s+(?:the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+)?"
           r"(?:" + _MONTH + r"\s+)?(?:19|20)\d\d(?!\d|,\d)|"
           r"(?:in|during|throughout)\s+" + _MONTH + r"(?!\s*\d)|"
           r"(?:from|between)\s+(?:" + _MONTH + r"|(?:19|20)\d\d)\s+(?:(?:19|20)\d\d\s+)?(?:and|to|until|through)\s+(?:"
           + _MONTH + r"|(?:19|20)\d\d)|(?:this|last|past)\s+(?:month|year)|"
           r"[\w-]+\s+(?:days|weeks|months|years)\s+of\s+(?:[\w-]+\s+)?(?:fighting|violence|clashes|attacks|conflict|war|"
           r"unrest|shelling|bombardment|raids)")
_CONFLICT = (r"(?:in|during)\s+(?:the\s+)?(?:\w+\s+)?(?:conflict|war|insurgency|uprising)|"
             r"(?:in|during)\s+(?:the\s+)?(?!the\b)[\w-]+\s+(?:violence|fighting)")
_CUMULATIVE = re.compile(r"\b(?:" + _CONFLICT + r"|since|" + _PERIOD + r"|"
                         r"so\s+far|in\s+(?:total|all)|a\s+total\s+of|toll|altogether|"
                         r"to\s+date|(?<!\bto\s)(?:have|has)\s+(?:been|sustained|suffered|received)|in\s+the\s+past)\b", re.I)
# One attack named in the singular with a determiner ("the attack", "Monday's bombing", "a suicide
# bomber"): casualties of it are its outcome, whatever tense or year the sentence uses.
# "..., bringing the toll this year to 60", "bringing to 60 the number killed this month": the running
# total a sentence ends on is the tally; the counts before it are the attack it adds.
_BRINGING = re.compile(r"\b(?:bringing|brings|brought|raising|raises|raised|pushing|pushes|taking|takes)\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+){0,6}?to\s+" + _QUAL.replace("<q>", "<bq>") + _NUM.replace("<n>", "<bn>"), re.I)
_ONE_ATTACK = re.compile(r"\b(?:the|a|an|this|that|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?(?:attack|bombing|blast|explosion|"
                         r"ambush|raid|assault|massacre|shooting|(?:air\s?)?strike|bomber|gunman|attacker|"
                         # a single weapon is a single attack too ("A car bomb killed three soldiers last month")
                         r"bomb|grenade|rocket|missile|shell|drone|landmine|IED)\b(?![-’'])", re.I)
# What a count of casualties can sum over besides one attack: several attacks, a conflict, a running total.
# A running total: "so far", "in all", "the number killed", "since" unless since one attack ("since the
# attack", "since a bomb ripped through ...").
_RUNNING = (r"so\s+far|to\s+date|in\s+(?:total|all)|a\s+total\s+of|altogether|"
            r"(?:number|total)\s+of\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|deaths)|"
            r"since\s+(?!(?:the|that|this|a|an)\s+(?:[\w-]+\s+){0,2}?(?:attack|bombing|blast|explosion|ambush|raid|bomb|"
            r"bomber|gunman|gunmen|attackers?|assailants?|strike)\b)")
_AGGREGATE = re.compile(r"\b(?:" + _CONFLICT + r"|(?:attacks|bombings|blasts|explosions|ambushes|raids|assaults|massacres|"
                        r"shootings|strikes|airstrikes|clashes)\b|" + _RUNNING + ")", re.I)
# What a count of casualties dated to one day ("on Friday") still sums over: a running total or a period.
_OVER_TIME = re.compile(r"\b(?:" + _RUNNING + "|" + _PERIOD + r")\b", re.I)
_SPLIT_BEFORE = re.compile(r"(?P<n>(?<![\d,])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\d,])\d+|" + "|".join(k for k in _NUMBER_WORDS if " " not in k) +
                           r")\s+(?:\w+\s+){0,2}?in\s+(?:the\s+)?$", re.I)
# Where a figure applies: a place after a preposition of place or of target ("in Mali", "strikes on
# Ukraine", "across Nigeria, Niger and Chad"), not the actor before its verb ("Russia has carried out
# ...") nor the place a statement was made in ("the UN said in Geneva", "Kyiv said").
_DIRECTION = r"(?:(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|central|eastern|western)\s+)?"
_LOCATED_BEFORE = re.compile(r"\b(?:in|on|at|across|against|into|inside|within|throughout|of)\s+(?:the\s+)?" + _DIRECTION +
                             r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,\s*(?:and\s+)?|\band\s+|\bor\s+))*$")
_STATED_IN = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|stated|added|briefing|conference)\s+(?:\w+\s+){0,2}?"
                        r"(?:in|at|from)\s+(?:the\s+)?$", re.I)
# "300 militants and 90 soldiers had been killed", "killed 1,200 Israelis and more than 30,000
# Palestinians": counts of two sides coordinated, each a figure of its own (the text states no sum)
_SIDE = r"(?:(?!(?:and|or|of|in|on|at|by|since|during|the|have|has|had|were|was|been|attacks|strikes|incidents|times|" \
        r"wounded|injured|hurt|missing|displaced)\b)[A-Za-z-]+)"
_SIDES = re.compile(_QUAL + _NUM + r"\s+" + _SIDE + r"(?:\s+" + _SIDE + r")?\s*(?:,\s*and|,|and)\s+" +
                    _QUAL.replace("<q>", "<q2>") + _NUM.replace("<n>", "<n2>") + r"\s+" + _SIDE, re.I)
# One named day: a count of attacks on it is the report of those attacks ("killed three people in two
# attacks on Monday"), not a tally; the day a figure was said on ("said on Tuesday") does not count.
_ONE_DAY = re.compile(r"\b(?:(?:on|late|early|last)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|overnight|"
                      r"(?:this|that|on\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:morning|afternoon|evening|night)|earlier\s+today|"
                      r"on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?)\b(?!\s*,?\s*(?:and|to)\b))", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|stated|added|confirmed)\s+$", re.I)
_DEMONYM_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|inside|within)\s+the\s+" + _DIRECTION + r"$", re.I)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
_REPORTERS = ("PERSON", "ORG")
# Who gives a figure: a name right before a verb of saying or counting ("the UN said", "Human Rights
# Watch, which monitors the war, reported", "police have recorded"), after "according to", or after
# a verb of saying at the end of its clause ("..., said Dr. Joseph."). A name before what is counted
# ("Islamic State attacks", "the rebels' raids", "X fighters killed") is its doer instead.
_SAYS_AFTER = re.compile(r"(?:\s*,[^,.;]{0,80},)?\s+(?:(?:has|have|had|also|later|separately)\s+){0,2}(?:said|says|say|"
                         r"reported|reports|report|told|tells|announced|announces|stated|states|estimated|estimates|"
                         r"counted|counts|recorded|records|documented|confirmed|added|noted|tallied|put|puts|"
                         r"registered|verified|listed)\b", re.I)
_ACCORDING_TO = re.compile(r"\b(?:according\s+to|figures\s+(?:from|by|of)|data\s+(?:from|by|of)|reported\s+by|"
                           r"counted\s+by|recorded\s+by|compiled\s+by|tally\s+by|count\s+by)\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}$", re.I)
_SAID_BEFORE_NAME = re.compile(r"\b(?:said|says|reported|stated|added|announced)\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}$", re.I)
_NAME_ENDS_CLAUSE = re.compile(r"\s*(?:[,.;:\"”)]|$)")
_DOER_AFTER = re.compile(r"(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}?(?:attacks|raids|strikes|bombings|ambushes|fighters|militants|"
                         r"gunmen|insurgents|rebels|jihadists|forces|troops|(?:has|have|had)\s+killed|killed|launched|"
                         r"carried|staged|conducted|claimed)\b", re.I)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)  # "killed by Boko Haram", "attacks by the group"
# A name after a preposition of who took part, or joined to one, is a party to what is counted, not
# its source: "the violence between Meitei and Kuki-Zo groups", "clashes with the army", "attacks on X".
_PARTICIPANT_BEFORE = re.compile(r"\b(?:between|among|against|with|on|upon|targeting|involving)\s+(?:the\s+)?"
                                 r"(?:[\w'’-]+\s+){0,3}?(?:and\s+|or\s+)?(?:the\s+)?$", re.I)


def _is_acronym_of_name_before(body: str, m: Mention, mentions: list[Mention]) -> bool:
    """Whether `m` is written in brackets right after another name ("the Tehreek-e-Taliban
    Pakistan (TTP)"): the same body named again, which takes the role of the name before it."""
    return any(n.end <= m.start and re.fullmatch(r"\s*\(\s*", body[n.end:m.start]) for n in mentions if n is not m)


def _state_speaker(body: str, mentions: list[Mention], gazetteer: dict[str, Entity]) -> str | None:
    """The country whose body, named by its demonym, says the figure ("The Pakistani military
    says that ...", "the Nigerian army said": data/en/tally_words.json `state_speakers`); its entity id."""
    for m in mentions:
        entity = gazetteer[m.entity_id]
        country = f"gpe:{(entity.country_code or '').lower()}"
        if entity.entity_type == "NORP" and country in gazetteer:
            body_noun = tally_reading.state_speaker_after(body, m.end)
            if body_noun is not None and _SAYS_AFTER.match(body, body_noun):
                return country
    return None


@dataclass(frozen=True)
class Tally:
    count: int
    qualifier: str
    unit: str
    period_start: dt.date | None
    period_end: dt.date | None
    scope: str | None
    stated_by_id: str | None
    evidence: str
    start_char: int
    end_char: int


def is_tally_sentence(sentence: str) -> bool:
    """An official count of attacks, of injured (cumulative) or of dead (a toll), not one attack.
    A sentence that reports one attack of one day and brings a toll up to date ("14 were killed
    on Friday, bringing the toll this month to 60") is an attack report as well: False (not so
    for a count of attacks: "12 attacks on Monday, bringing the total since March to 90"). A
    superlative comparison ("in one of the deadliest attacks since the coup") sums nothing."""
    sentence = tally_reading.without_comparisons(sentence)
    if tally_reading.counts_own_items(sentence):
        return False  # "This week's roundup covers five attacks": the piece counting its own items
    if _BRINGING.search(sentence) and _on_one_day(sentence) and not _ATTACKS.search(sentence):
        return False
    return bool(any(_number(m.group("n")) >= 2 and not _is_calendar_day(sentence, m) for m in _attack_counts(sentence))
                or _is_injured_tally(sentence) or _is_toll(sentence))


def _attack_counts(sentence: str) -> list[re.Match]:
    """ "13 attacks", and over a period or a conflict "35 grenade attacks", "14 ambushes"; one match per number."""
    if not _ATTACK_WORDS.search(sentence):
        return []
    cumulative = _CUMULATIVE.search(sentence)
    if not cumulative and _on_one_day(sentence):
        return []  # "killed three people in two attacks on Monday": a report of two attacks
    found = {m.start("n"): m for m in _ATTACKS.finditer(sentence)}
    if cumulative:
        for m in [*_ATTACKS_OVER_TIME.finditer(sentence), *_ATTACKED.finditer(sentence)]:
            found.setdefault(m.start("n"), m)
    return [found[k] for k in sorted(found)]


def _on_one_day(sentence: str) -> bool:
    """Whether the sentence dates what it tells to one day ("on Monday", "overnight", "on 3 May"),
    other than the day a figure was stated on ("officials said on Tuesday")."""
    return any(not _SAID_BEFORE.search(sentence, 0, m.start()) for m in _ONE_DAY.finditer(sentence))


def _is_injured_tally(sentence: str) -> bool:
    return bool(_INJURY_WORDS.search(sentence) and _INJURED.search(sentence) and _CUMULATIVE.search(sentence)
                and not _one_attacks_casualties(sentence))


def _is_toll(sentence: str) -> bool:
    """A cumulative death toll ("9,000 people have been killed in the conflict"), not one attack's dead."""
    return bool(_DEATH_WORDS.search(sentence) and _KILLED.search(sentence) and _CUMULATIVE.search(sentence)
                and not _one_attacks_casualties(sentence))


def _one_attacks_casualties(sentence: str) -> bool:
    """Whether the dead or wounded a sentence counts are one attack's ("have been killed in the
    attack", "the 2016 bombing, which killed 70 people in 2016"): it names a single attack and no
    aggregate (several attacks, a conflict, a running total) that the count could sum over; or it
    dates them to one day ("100 people have been killed in the blasts on Friday") with no running
    total or period besides."""
    return (bool(_ONE_ATTACK.search(sentence)) and not _AGGREGATE.search(sentence)) or \
        (_on_one_day(sentence) and not _OVER_TIME.search(sentence))


def extract_tallies(body: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                    gazetteer: dict[str, Entity], published: dt.date | None, timexes: list[Timex]) -> list[Tally]:
    """The official figures (attack counts, injured, deaths) the article's sentences state; a
    sentence repeated verbatim in the article (`sentences.normalised`) is read once."""
    out: list[Tally] = []
    told_before: set[str] = set()
    counted: Tally | None = None  # the count of attacks of the sentence just read, in its paragraph
    for start, end in sentences:
        sentence = evidence = body[start:end]
        key = normalised(sentence)
        if key in told_before:
            continue  # the same sentence again in one document: one statement, not another figure
        told_before.add(key)
        if tally_reading.counts_own_items(sentence):
            continue  # "This week's roundup covers five attacks": the piece counting its own items
        if counted is not None and "\n" in body[counted.end_char:start]:
            counted = None
        if (follow := _followed_up(body, start, end, counted)) is not None:
            out.append(follow)  # "The attacks have injured more than 140 personnel": the count just told's
            continue
        before = len(out)
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        sentence = tally_reading.without_comparisons(sentence)  # offsets kept: blanked, not cut
        period_end = tally_reading.stated_day(body, start, end, timexes, published) or published
        counts = _attack_counts(sentence)
        for m, unit in [(m, "attacks") for m in counts] + \
                       [(m, "injured personnel") for m in (_INJURED.finditer(sentence) if _is_injured_tally(sentence) else ())] + \
                       [(m, "deaths") for m in (_KILLED.finditer(sentence) if _is_toll(sentence) else ())]:
            n, q = _number_and_qualifier(m)
            count = _number(n)
            if count < 2 or _is_calendar_day(sentence, m) or \
                    (unit == "attacks" and m.re is not _ATTACKED and _is_split_part(sentence, m, m is counts[0])) or \
                    (unit != "attacks" and not _is_running_total(sentence, m)):
                continue
            qualifier = _QUALIFIERS.get((q or "").lower(), "exact")
            period_start = _period_start(body, start, end, timexes, published)
            parts = _split_parts(body, start + m.end(), inside, gazetteer)
            scope = _scope(body, inside, gazetteer, start + m.end(), parts) or \
                tally_reading.place_named_back(body, start, end, mentions, gazetteer) or \
                tally_reading.areas_named_back(body, start, end, mentions, gazetteer)
            stated_by = _stated_by(body, start, end, inside, gazetteer)
            if stated_by is None and roundup.is_headline(body, start):
                continue  # "Pakistan: three attacks this week" over the items: the newsroom counting its own
            out.append(Tally(count, qualifier, unit, period_start, period_end, scope, stated_by, evidence, start, end))
            if unit == "deaths":
                for n, q in _other_sides(sentence, m):  # "300 militants and 90 soldiers had been killed"
                    out.append(Tally(n, _QUALIFIERS.get((q or "").lower(), "exact"), unit, period_start, period_end, scope,
                                     stated_by, evidence, start, end))
            for count, place, _ in parts:
                out.append(Tally(count, "exact", unit, period_start, period_end, place, stated_by, evidence, start, end))
        counted = next((t for t in out[before:] if t.unit == "attacks"), None)
    return out


def _follow_up() -> re.Pattern:
    """ "The attacks have injured more than 140 personnel", "They have killed 12": a figure whose
    subject names back the attacks counted just before (tally_words.json `follow_up`)."""
    w, nouns = tally_reading.words()["follow_up"], tally_reading.words()["attack_nouns"]
    alt = lambda items: "|".join(r"\s+".join(map(re.escape, i.split())) for i in sorted(items, key=len, reverse=True))
    return re.compile(r"^\s*(?:(?:" + alt(w["determiners"]) + r")\s+(?:[\w-]+\s+){0,2}?(?:" + alt(nouns) + r")|"
                      + alt(w["pronouns"]) + r")\s+(?:have|has|had)\s+(?:also\s+)?(?:(?P<inj>" + alt(w["injured"])
                      + r")|" + alt(w["killed"]) + r")\s+" + _QUAL + _NUM + r"\b", re.I)


_FOLLOW_UP = _follow_up()


def _followed_up(body: str, start: int, end: int, count: Tally | None) -> Tally | None:
    """The figure of a sentence that names back the attacks `count` (the previous sentence's count
    of attacks) counted: their injured or dead, with its period, scope and source."""
    m = _FOLLOW_UP.match(body[start:end]) if count is not None else None
    if m is None or _number(m.group("n")) < 2:
        return None
    unit = "injured personnel" if m.group("inj") else "deaths"
    return Tally(_number(m.group("n")), _QUALIFIERS.get((m.group("q") or "").lower(), "exact"), unit,
                 count.period_start, count.period_end, count.scope, count.stated_by_id, body[start:end], start, end)


def _is_running_total(sentence: str, m: re.Match) -> bool:
    """False for a count of dead or injured before the running total the sentence brings it to
    ("14 were killed on Friday, bringing to 60 the number killed this month": 14 is the attack's)."""
    totals = [b for b in _BRINGING.finditer(sentence) if _number(b.group("bn")) >= 2]
    n_at = next(m.start(k) for k in ("n", "n2", "n3", "n4") if m.groupdict().get(k))
    return not totals or any(b.start("bn") == n_at for b in totals)


def _number_and_qualifier(m: re.Match) -> tuple[str, str | None]:
    """The number and its qualifier of whichever form of a pattern matched ("12 were killed",
    "had killed 12", "the toll rose to 12")."""
    for suffix in ("", "2", "3", "4"):
        if m.groupdict().get("n" + suffix):
            return m.group("n" + suffix), m.group("q" + suffix)
    raise ValueError(f"no number in {m.group(0)!r}")


def _split_parts(body: str, after: int, mentions: list[Mention],
                 gazetteer: dict[str, Entity]) -> list[tuple[int, str, int]]:
    """ "61 attacks, 29 in Iraq and 32 in Syria", "150 killed, 60 of them in Cauca": (29, Iraq,
    offset of "29"), (32, Syria, ...), for any place named after `after` (a body offset)."""
    parts = []
    for m in mentions:
        if m.start >= after and gazetteer[m.entity_id].entity_type in ("GPE", "LOC"):
            lo = max(after, m.start - 30)
            hit = _SPLIT_BEFORE.search(body, lo, m.start)
            if hit and _number(hit.group("n")) > 0:
                parts.append((_number(hit.group("n")), gazetteer[m.entity_id].name, hit.start()))
    return parts


def _other_sides(sentence: str, m: re.Match) -> list[tuple[int, str | None]]:
    """The counts coordinated with the matched death count ("300 militants and 90 soldiers had
    been killed"): (count, qualifier) of each other one, in the sentence's order."""
    n_at = next(m.start(k) for k in ("n", "n2", "n3", "n4") if m.groupdict().get(k))
    out = []
    for pair in _SIDES.finditer(sentence):
        if pair.start("n") == n_at and not _is_day_of_month(sentence, pair.start("n2"), pair.end("n2")):
            out.append((_number(pair.group("n2")), pair.group("q2")))
        elif pair.start("n2") == n_at and not _is_day_of_month(sentence, pair.start("n"), pair.end("n")):
            out.append((_number(pair.group("n")), pair.group("q")))
    return [(n, q) for n, q in out if n >= 2]


# A number written next to a month is a day of it ("Since 10 April", "on May 3rd"), never a count.
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?![\w])", re.I)
_MONTH_BEFORE = re.compile(_MONTH + r"\s+$", re.I)


def _is_day_of_month(sentence: str, start: int, end: int) -> bool:
    """Whether the number at `sentence[start:end]` is a day of a month ("10 April", "April 10")."""
    return bool(_MONTH_AFTER.match(sentence, end) or _MONTH_BEFORE.search(sentence, max(0, start - 12), start))


def _is_calendar_day(sentence: str, m: re.Match) -> bool:
    key = next(k for k in ("n", "n2", "n3", "n4") if m.groupdict().get(k))
    return _is_day_of_month(sentence, m.start(key), m.end(key))


def _is_split_part(sentence: str, m: re.Match, first: bool) -> bool:
    """Whether a count of attacks followed by a place ("24 attacks in Iraq") is a part of a total
    told before it in the sentence ("46 attacks since Oct. 17, 24 attacks in Iraq and 22 in Syria",
    the total's `_split_parts`). The `first` count of a sentence splits nothing: followed by a
    place it is a tally of that place where the sentence names a period or an aggregate ("52
    attacks in Burkina Faso since January", `_CUMULATIVE`); without one ("Two attacks in Borno
    killed five people") it reports those attacks."""
    if not re.match(r"\s+in\s+(?:the\s+)?[A-Z]", sentence[m.end():]):
        return False
    return not first or not _CUMULATIVE.search(sentence)


def _number(word: str) -> int:
    word = word.lower().replace(",", "")
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)


def _period_start(body: str, start: int, end: int, timexes: list[Timex], published: dt.date | None) -> dt.date | None:
    """The start of the period a figure covers: "since Oct. 17", "in the past week"; not the day
    the figure was stated on ("said on Thursday"). An undated article's figure starts only where
    the text writes the year ("since the violence broke out in May 2023": 2023-05-01): any other
    expression got its year by guess."""
    if published is None:
        return next((first for t in timexes if start <= t.start < end and _YEAR_WRITTEN.search(t.text)
                     and (first := _calendar_start(t.value)) is not None), None) or \
            tally_reading.since_event_start(body, start, end, timexes, published)
    stated = tally_reading.stated_day(body, start, end, timexes, published)
    for t in timexes:
        if start <= t.start < end and not (stated is not None and t.value.startswith(stated.isoformat())):
            since = _since_start(t, body, published)
            if since is not None:
                return since
            r = event_dates.resolve(t, body, published, event_dates.Window(published, published))
            if r is not None and r.date is None:
                return r.date_min
            first = _calendar_start(t.value)
            if first is not None and first <= published:
                return first
    # "since the coup": the date the article told the coup with ("which seized power in February 2021")
    return tally_reading.since_event_start(body, start, end, timexes, published)


_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def _calendar_start(value: str | None) -> dt.date | None:
    """The first day of a calendar period a TIMEX3 value names: a year "2023", a half "2023-H2", a
    quarter "2023-Q3", a month "2023-05" ("in the first three months of 2024": 2024-01-01); None
    for a day, a duration or anything else (those are resolved against the publication date)."""
    m = re.fullmatch(r"(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})))?", value or "")
    if not m:
        return None
    month = (int(m.group(2)) - 1) * 6 + 1 if m.group(2) else (int(m.group(3)) - 1) * 3 + 1 if m.group(3) else int(m.group(4) or 1)
    return dt.date(int(m.group(1)), month, 1) if 1 <= month <= 12 else None


def _since_start(t: Timex, body: str, published: dt.date) -> dt.date | None:
    """ "since 1975", "since January", "since Oct. 17": the first day of the named period, the
    latest one not after publication, however long ago (a toll may count from decades back)."""
    if not _SINCE.search(body, max(0, t.start - 20), t.start):
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", t.value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    first = dt.date(year, month, day)
    if first > published and m.group(2):  # "since January" said in November: this year's
        first = dt.date(published.year if dt.date(published.year, month, day) <= published else published.year - 1,
                        month, day)
    return first if first <= published else None


def _scope(body: str, mentions: list[Mention], gazetteer: dict[str, Entity], after: int = 0,
           parts: list[tuple[int, str, int]] = ()) -> str | None:
    """Where a figure applies, its places joined with "and" ("Ukraine and Russia"): those after a
    preposition of place or target ("in Mali", "strikes on Ukraine"), else any the sentence names,
    never the place a statement was made in ("said in Geneva"). A place of a split part ("60 of
    them in Cauca") is that part's, not the whole's, unless only parts name places ("46 attacks,
    24 in Iraq and 22 in Syria": Iraq and Syria); places between the figure (`after`, a body
    offset) and its first part are the figure's own ("2,500 killed in Mali and 3,000 in Burkina Faso": Mali)."""
    places = [m for m in mentions if gazetteer[m.entity_id].entity_type in ("GPE", "LOC")
              and not context.is_affiliation(body, m) and not context.is_modifier(body, m)
              and not _STATED_IN.search(body, max(0, m.start - 40), m.start)]
    first_part = min((at for _, _, at in parts), default=None)
    part_names = {name for _, name, _ in parts}
    own = [m for m in places if first_part is not None and after <= m.start < first_part]
    whole = [m for m in places if gazetteer[m.entity_id].name not in part_names]
    located = [m for m in whole if _LOCATED_BEFORE.search(body, max(0, m.start - 80), m.start)]
    names = [gazetteer[m.entity_id].name for m in own or located or whole] or [name for _, name, _ in parts] or \
        _demonym_places(body, mentions, gazetteer)
    names = list(dict.fromkeys(names))
    return " and ".join(names) if names else None


def _demonym_places(body: str, mentions: list[Mention], gazetteer: dict[str, Entity]) -> list[str]:
    """ "in the Syrian desert", "across the Nigerian northeast": a demonym after a preposition of
    place stands for its country (when the sentence names no place itself); the country's name."""
    out = []
    for m in mentions:
        entity = gazetteer[m.entity_id]
        country = gazetteer.get(f"gpe:{(entity.country_code or '').lower()}")
        if entity.entity_type == "NORP" and country is not None and _DEMONYM_PLACE_BEFORE.search(body, max(0, m.start - 40), m.start):
            out.append(country.name)
    return out


def _stated_by(body: str, start: int, end: int, mentions: list[Mention], gazetteer: dict[str, Entity]) -> str | None:
    """Who gave the figure of the sentence `body[start:end]`: the person or organisation it has say
    or report it ("press secretary Pat Ryder told reporters", "according to the UN", "..., said Dr.
    Joseph"), a person before an organisation; else one named that is not the doer of what is
    counted ("Islamic State attacks had killed 50": the group did it, it did not say it); else the
    convention for unnamed officials (data/en/tally_sources.jsonl); else None. An entity id."""
    # "the Tehreek-e-Taliban Pakistan (TTP)": the acronym after a name is that name again, in its role
    reporters = [m for m in mentions if gazetteer[m.entity_id].entity_type in _REPORTERS and not _is_acronym_of_name_before(body, m, mentions)]
    sayers = [m for m in reporters if _SAYS_AFTER.match(body, m.end) or
              _ACCORDING_TO.search(body, max(start, m.start - 40), m.start) or
              (_SAID_BEFORE_NAME.search(body, max(start, m.start - 40), m.start) and _NAME_ENDS_CLAUSE.match(body, m.end))]
    others = [m for m in reporters if not _DOER_AFTER.match(body, m.end)
              and not _BY_BEFORE.search(body, max(start, m.start - 10), m.start)
              and not _PARTICIPANT_BEFORE.search(body, max(start, m.start - 40), m.start)]
    for candidates in (sayers, others):
        for kind in _REPORTERS:
            for m in candidates:
                if gazetteer[m.entity_id].entity_type == kind:
                    return m.entity_id
        if candidates is sayers and (state := _state_speaker(body, mentions, gazetteer)) is not None:
            # "The Pakistani military says": the state, before a name that is not said to speak; the
            # customer's convention for U.S. officials holds ("the American military said": the Pentagon)
            return (_convention(body[start:end]) if state == "gpe:us" else None) or state
    return _convention(body[start:end])


def _convention(sentence: str) -> str | None:
    """The entity id the conventions for figures from unnamed officials give (data/en/tally_sources.jsonl)."""
    return next((r["entity_id"] for r in jsonl("en/tally_sources.jsonl") if re.search(r["pattern"], sentence, re.I)), None)

"""The attack rules of one language, read from transforms/data/<lang>/ (component `attacks`).

Python holds the engine only: which words trigger an attack, which dependency cues cancel it,
the non-violent senses, the weapons, the target kinds and the ACLED typing are data files,
each rule with an example sentence that tests/transforms/test_attack_rules.py runs. Adding an
event type means adding trigger lines with a new `kind` and a typing rule for it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from transforms.resources import data_text, jsonl
from transforms.wordtrie import trie_pattern

LANGUAGE = "en"


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    pos: frozenset[str]
    strength: str  # "strong": reports violence alone; "weak": needs a weapon or harm in its clause
    kind: str  # attack | clash | intercept
    particle: str | None
    child_dep: str | None
    child_lemmas: frozenset[str]
    armed_subject: bool  # a weak trigger with soldiers or militants as subject is an attack
    example: str
    harm_after: bool = False  # a weak trigger whose harm may be told in the sentences after it ("set fire to")


@dataclass(frozen=True)
class CueRule:
    reason: str
    scope: str  # self | clause | ancestors | noun_ancestors
    test: str  # child | token | inverted
    deps: frozenset[str]
    lemmas: frozenset[str]
    tags: frozenset[str]
    then_deps: frozenset[str]
    then_lemmas: frozenset[str]
    unless_head: frozenset[str]
    through_coordination: bool  # "planning and executing": the first conjunct's cue covers the second
    unless_over: frozenset[str]  # a cue on a word above the trigger that is, or governs, one of these speaks of the outcome
    example: str
    kept_example: str | None  # a sentence whose attack the cue must not cancel (`unless_over`)
    on: frozenset[str] = frozenset()  # test "child": the scope token itself has one of these lemmas
    if_head: frozenset[str] = frozenset()  # test "token": the token governing the cue token has one of these lemmas
    unless_stated: bool = False  # the cue does not hold over an attack told as an event (a toll, a day, a place of its own)
    also_deps: frozenset[str] = frozenset()  # test "child": the scope token also has a child of these deps ...
    also_lemmas: frozenset[str] = frozenset()  # ... with one of these lemmas ("A year after ... killed": mark + npadvmod)
    # a denial of who did it ("denied carrying out Saturday's bombing", "denied responsibility for the blast"):
    # a word between the trigger and the cue naming the agent's part, over an attack told as an event
    unless_agent: frozenset[str] = frozenset()
    # "a similar blast had wounded a farmer": an attack noun that harms victims of its own is another attack
    unless_harms: bool = False
    generic_only: bool = False  # the cue holds only over a bare plural trigger noun, a kind of act ("displaced by attacks")


@dataclass(frozen=True)
class SenseRule:
    sense: str
    test: str  # modifier | argument | sentence | cause | caused_by | under | child_prep | head | coordinated | place | own_device | scoreline | quality | particle | purpose
    lemmas: frozenset[str]  # the triggers it applies to (empty: all)
    words: frozenset[str]
    roles: frozenset[str]
    unless_weapon: bool
    example: str
    unless_harm: bool = False  # the sense does not hold when the sentence says someone was hurt
    modifiers: frozenset[str] = frozenset()  # place: the place noun needs one of these modifiers
    verbs: frozenset[str] = frozenset()  # caused_by: the verb the trigger is the subject of ("was caused by")


@dataclass(frozen=True)
class TypeRule:
    event_type: str
    sub_event_type: str
    weapons: frozenset[str]
    pattern: re.Pattern | None
    triggers: frozenset[str]
    kinds: frozenset[str]
    targets: frozenset[str]
    example: str
    target_words: frozenset[str] = frozenset()  # or a target noun is one of these lemmas
    unharmed: bool = False  # the text says nobody was hurt (attack_lexicon.json `no_harm`)
    attack: bool = True  # false: the event is of another kind (property destruction) and is no attack event
    stand_off: bool = False  # struck from afar (air, drone, artillery, missile): its attacker may be abroad


@dataclass(frozen=True)
class TargetRule:
    kind: str
    test: str  # head | modifier | partitive
    lemmas: frozenset[str]
    example: str
    heads: frozenset[str] = frozenset()  # modifier: only on a head noun of these lemmas ("service members")


@dataclass(frozen=True)
class Candidate:
    """The cheap test before parsing: a strong trigger's form, or a weak trigger's form with
    something that could support it (a weapon, a harm word, an armed actor, a strong form)."""

    strong: re.Pattern
    weak: re.Pattern
    support: re.Pattern
    weapons: tuple[re.Pattern, ...]
    harm_after: re.Pattern | None = None  # a `harm_after` trigger ("set fire"): its support may come after it

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        piece = text[start:end]
        if self.strong.search(piece) or self.harm_after is not None and self.harm_after.search(piece):
            return True
        return bool(self.weak.search(piece) and (self.support.search(piece) or any(p.search(piece) for p in self.weapons)))


@dataclass(frozen=True)
class Rules:
    triggers: dict[str, tuple[TriggerRule, ...]]  # lemma -> rules
    candidate: Candidate
    cues: tuple[CueRule, ...]
    senses: tuple[SenseRule, ...]
    weapons: dict[str, re.Pattern]
    types: tuple[TypeRule, ...]
    targets: tuple[TargetRule, ...]
    harm: frozenset[str]  # lemmas that say someone was hurt: they make a weak trigger an attack
    armed_actors: frozenset[str]  # nouns of the military and armed-group target kinds: their "hit" is an attack
    conduct_verbs: frozenset[str]  # "carried out strikes": a strike or raid carried out is an attack
    number_words: dict[str, int]
    definite: frozenset[str]  # determiners of a trigger noun that points back ("the blast")
    new_event: frozenset[str]  # its modifiers that make it another attack ("another blast", "a second strike")
    same_event_marks: frozenset[str]  # "killed when a mine exploded": the clause says how the harm came about
    event_nouns: frozenset[str]  # nouns that point back at an event just told ("the incident")
    vague: frozenset[str]  # modifiers that say nothing of whose side an actor is on ("suspected", "armed")
    past: dict[str, str] = field(default_factory=dict)  # present form of a trigger verb -> its past tense (headlines)
    claim_verbs: frozenset[str] = frozenset()  # "claimed the ambush on Wednesday": the day is the claim's, not the attack's
    sequence_marks: dict[str, int] = field(default_factory=dict)  # "a day after X attacked": X's attack is earlier (-1)
    sequence_units: dict[str, int] = field(default_factory=dict)  # "two days after": days per unit of the measure
    reporting_verbs: frozenset[str] = frozenset()  # "..., the army said": who says it is a source, not an actor
    source_marks: frozenset[str] = frozenset()  # "according to X": X is a source


def _set(raw: dict, key: str) -> frozenset[str]:
    value = raw.get(key) or []
    return frozenset([value] if isinstance(value, str) else value)


def _path(name: str) -> str:
    return f"{LANGUAGE}/{name}"


@cache
def rules() -> Rules:
    """Every rule file of `LANGUAGE`, parsed and compiled once per process."""
    triggers: dict[str, list[TriggerRule]] = {}
    past: dict[str, str] = {}
    strong_forms: set[str] = set()
    weak_forms: set[str] = set()
    after_forms: set[str] = set()
    for r in jsonl(_path("attack_triggers.jsonl")):
        child = r.get("child") or {}
        rule = TriggerRule(r["lemma"], _set(r, "pos"), r["strength"], r["kind"], r.get("particle"),
                           child.get("dep"), _set(child, "lemma"), bool(r.get("armed_subject")), r["example"],
                           bool(r.get("harm_after")))
        if "VERB" in rule.pos and not rule.particle and not rule.child_dep and not rule.lemma.endswith("ing"):
            past.update(dict.fromkeys(_present(rule.lemma), r.get("past") or _regular_past(rule.lemma)))
        for key in {rule.lemma, *r.get("forms", [])}:  # a listed form finds its rule when the lemmatizer errs
            triggers.setdefault(key.lower(), []).append(rule)
        if rule.harm_after:  # "set fire", "torched": the trigger with its dependent, alone a candidate
            after_forms.update(f"{f} {c}" if c else f for f in _inflections(rule.lemma) | set(r.get("forms", []))
                               for c in sorted(rule.child_lemmas) or [""])
        (strong_forms if rule.strength == "strong" and not rule.particle and not rule.child_dep
         else weak_forms).update(_inflections(rule.lemma) | set(r.get("forms", [])))
    cues = tuple(CueRule(r["reason"], r["scope"], r["test"], _set(r, "dep"), _set(r, "lemma"), _set(r, "tag"),
                         _set(r.get("then") or {}, "dep"), _set(r.get("then") or {}, "lemma"),
                         _set(r, "unless_head"), bool(r.get("through_coordination")), _set(r, "unless_over"),
                         r["example"], r.get("kept_example"), _set(r, "on"), _set(r, "if_head"), bool(r.get("unless_stated")),
                         _set(r.get("also") or {}, "dep"), _set(r.get("also") or {}, "lemma"), _set(r, "unless_agent"),
                         bool(r.get("unless_harms")), bool(r.get("generic_only")))
                 for r in jsonl(_path("attack_cues.jsonl")))
    senses = tuple(SenseRule(r["sense"], r["test"], _set(r, "lemma"), _set(r, "words"), _set(r, "roles"),
                             bool(r.get("unless_weapon")), r["example"], bool(r.get("unless_harm")), _set(r, "modifiers"),
                             _set(r, "verbs"))
                   for r in jsonl(_path("nonviolent_senses.jsonl")))
    weapons = {r["weapon"]: re.compile(rf"\b(?:{r['pattern']})\b", re.I) for r in jsonl(_path("attack_weapons.jsonl"))}
    types = tuple(TypeRule(r["event_type"], r["sub_event_type"], _set(r, "weapons"),
                           re.compile(r["pattern"], re.I) if r.get("pattern") else None,
                           _set(r, "triggers"), _set(r, "kind"), _set(r, "targets"), r["example"],
                           _set(r, "target_words"), bool(r.get("unharmed")), r.get("attack", True),
                           bool(r.get("stand_off")))
                  for r in jsonl(_path("acled_subtypes.jsonl")))
    targets = tuple(TargetRule(r["kind"], r.get("test", "head"), _set(r, "lemma"), r["example"], _set(r, "heads"))
                    for r in jsonl(_path("attack_targets.jsonl")))
    extra = json.loads(data_text(_path("attack_words.json")))
    armed = frozenset(w for t in targets if t.test == "head" and t.kind in ("military", "armed group") for w in t.lemmas)
    # what a weak trigger needs beside it: a weapon, someone hurt, an armed actor, a "carried out"
    support = set(extra["harm"]) | set(extra["conduct_verbs"]) | set(armed) | strong_forms
    support_forms = {f for w in support for f in _inflections(w)} | {"carried", "dead", "died"}
    candidate = Candidate(_words(strong_forms), _words(weak_forms), _words(support_forms), tuple(weapons.values()),
                          _words(after_forms) if after_forms else None)
    return Rules({k: tuple(v) for k, v in triggers.items()}, candidate, cues, senses, weapons, types, targets,
                 frozenset(extra["harm"]), armed, frozenset(extra["conduct_verbs"]), dict(extra["number_words"]),
                 frozenset(extra["anaphora"]["definite"]), frozenset(extra["anaphora"]["new_event"]),
                 frozenset(extra["same_event_marks"]), frozenset(extra["anaphora"]["event_nouns"]), frozenset(extra["vague_modifiers"]),
                 past, frozenset(extra["claim_verbs"]), dict(extra["sequence_marks"]), dict(extra["sequence_units"]),
                 frozenset(extra["reporting_verbs"]) - frozenset(extra["claim_verbs"]), frozenset(extra["source_marks"]))


@cache
def lemma_table() -> dict[str, str]:
    """Surface form -> lemma for every word the rules name (regular inflections and the forms
    listed in the data): the parser's own lemmatizer is not run, the rules only compare lemmas
    with their own word lists. A form absent here is its own lemma."""
    table: dict[str, str] = {}
    words: set[str] = set()
    for name in ("attack_triggers.jsonl", "attack_cues.jsonl", "nonviolent_senses.jsonl", "attack_targets.jsonl"):
        for r in jsonl(_path(name)):
            for key in ("lemma", "words", "unless_head", "unless_over", "modifiers", "verbs", "on", "if_head", "heads"):
                value = r.get(key) or []
                words.update([value] if isinstance(value, str) else value)
            for form in r.get("forms", []):
                table.setdefault(form.lower(), r["lemma"])
            for key in ("child", "then", "also"):
                words.update((r.get(key) or {}).get("lemma") or [])
    extra = json.loads(data_text(_path("attack_words.json")))
    for key in ("harm", "killed", "injured", "conduct_verbs", "claim_verbs"):
        words.update(extra[key])
    table.update(extra["irregular_forms"])
    words |= {part for w in words if " " in w for part in w.split()}  # "step up": step, stepped, stepping
    for word in sorted(words, key=len):  # the shorter word is the lemma: "killed" -> kill, not killed
        for form in _inflections(word) - {word}:
            table.setdefault(form, word)
    for word in words:
        table.setdefault(word, word)
    return table


def _present(lemma: str) -> set[str]:
    """The present-tense forms of a verb: "attack", "attacks"; "lob", "lobs"; "massacre", "massacres"."""
    third = lemma[:-1] + "ies" if re.search(r"[^aeiou]y$", lemma) else \
        lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    return {lemma, third}


def _regular_past(lemma: str) -> str:
    """The regular past tense: "fire" -> "fired", "stab" -> "stabbed", "target" -> "targeted"
    (irregular ones are the data's `past`)."""
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lemma):  # one syllable: stab, lob, ram
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def _words(forms: set[str]) -> re.Pattern:
    # a trie, not an alternation: the pre-filter runs on every sentence (~10x faster)
    return re.compile(rf"\b{trie_pattern(forms)}\b", re.I)


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma: enough for the pre-filter, which only has to
    let every real trigger through (the parser decides); irregular forms are listed in the data."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "ed", lemma + "ing"}
    if re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma):  # stab -> stabbed, bombard stays
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return out

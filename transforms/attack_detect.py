"""Which words of a parsed sentence report an attack that happened (component `attacks`).

A trigger (a lemma with its part of speech, transforms/data/en/attack_triggers.jsonl) reports
an attack unless a non-violent sense holds (nonviolent_senses.jsonl: "heart attack", "struck a
deal", "hit by a car") or a dependency cue cancels it (attack_cues.jsonl: negation, a modal or
a condition on its verb, a threat, plan, denial, prevention, commemoration, reaction or earlier
attack above it in the tree, a habitual adverb). A weak trigger ("hit", "raided", "threw")
also needs a weapon, a harm word or another trigger in its own clause.

Each surviving trigger is a `Clause`: its subtree, cut at coordinated verbs that are triggers of
their own ("shelled the town and bombed the market" is two clauses). Clauses are what the event
builder turns into rows; weapons and roles are read inside them, not in the whole sentence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from transforms import timex_vocab
from transforms.attack_day_names import names_its_day
from transforms.attack_rules import CueRule, Rules, SenseRule, TriggerRule, _path
from transforms.resources import data_text

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "advmod"})
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})
_VERB_DEPENDENTS = frozenset({"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg"})
_SENSE = "non-violent sense"
_ROLE_PREPOSITIONS = {"agent": ("by",), "pobj_on": ("on", "against", "at", "upon"), "pobj_into": ("in", "into"),
                      "pobj_from": ("from",)}
_PLACE_PREPOSITIONS = frozenset({"at", "in", "inside", "on", "within", "near"})
_TARGET_PREPOSITIONS = frozenset({"on", "at", "against"})
# a match result: two small scores ("2-0", "3 - 1"), not a year, a range of years or a date
_SCORE = re.compile(r"(?<![\d/.-])\d{1,2}\s?[-–]\s?\d{1,2}(?![\d/]|\.\d|\s?[-–]\s?\d)")
_COMPLEMENTS = frozenset({"oprd", "xcomp", "acomp", "attr"})
_HEAD_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "oprd", "acomp", "xcomp", "ccomp", "attr"})


@dataclass(frozen=True)
class Clause:
    """One attack of a sentence: the trigger token, the rule it matched, and the token indices
    (sorted) of the words that belong to it."""

    trigger: int
    lemma: str
    kind: str
    tokens: tuple[int, ...]

    def text(self, doc) -> str:
        return "".join(doc[i].text_with_ws for i in self.tokens)

    def span(self, doc) -> tuple[int, int]:
        """(start, end) characters of the clause within the parsed text."""
        return doc[self.tokens[0]].idx, doc[self.tokens[-1]].idx + len(doc[self.tokens[-1]])


@dataclass(frozen=True)
class Dropped:
    """A trigger that does not report an attack, and why (for tests and explanations)."""

    trigger: int
    lemma: str
    reason: str
    cut: int  # the token whose subtree is not part of any attack: the trigger, or the cue above it

    @property
    def non_violent(self) -> bool:
        """Whether the trigger has a non-violent sense ("a bomb went off prematurely", "a car crash")."""
        return self.reason.startswith(_SENSE)

def read_sentence(doc, rules: Rules) -> tuple[list[Clause], list[Dropped]]:
    """The attack clauses of one parsed sentence and the triggers dropped, in text order."""
    found: list[tuple[object, TriggerRule]] = []
    for i, lemma in enumerate(sentence_lemmas(doc)):
        token = doc[i]
        if lemma in rules.triggers or token.lower_ in rules.triggers:
            rule = _trigger_rule(token, rules)
            if rule is not None:
                found.append((token, rule))
    trigger_ids = {t.i for t, _ in found}
    cuts: dict[int, int] = {}
    reasons = {t.i: _sense(t, doc, rules) or _cue(t, rules, cuts) for t, _ in found}
    clause_of = {t.i: _clause_tokens(t, trigger_ids, rules.harm) for t, _ in found}
    senseless = {t.i for t, _ in found if (reasons[t.i] or "").startswith(_SENSE)}
    for token, rule in found:
        if reasons[token.i] is not None:
            continue
        # under a non-violent trigger ("a bomb detonated prematurely, killing two"), or over one
        # with no weapon of its own ("killed in a shark attack")
        if senseless & {a.i for a in _governors(token, True)} or \
                senseless & _subtree_ids(token) and not _names_weapon(clause_of[token.i], doc, rules):
            reasons[token.i] = f"{_SENSE}: what it reports is not violence"
    weak = [(t, r) for t, r in found if r.strength == "weak" and reasons[t.i] is None]
    standing = {t.i for t, r in found if r.strength == "strong" and reasons[t.i] is None}
    for _ in range(2):  # a weak trigger under one that stands stands too: "threw a grenade, injuring two"
        standing |= {t.i for t, r in weak if _supported(t, r, clause_of[t.i], doc, rules, standing)}
    clauses, dropped = [], []
    for token, rule in found:
        tokens, reason = clause_of[token.i], reasons[token.i]
        if reason is None and token.i not in standing:
            reason = "weak trigger without weapon or harm"
        if reason:
            dropped.append(Dropped(token.i, rule.lemma, reason, cuts.get(token.i, token.i)))
        else:
            clauses.append(Clause(token.i, rule.lemma, rule.kind, tokens))
    # a dropped trigger's words are not the attack's ("a strike in retaliation for earlier drone attacks")
    gone: set[int] = set()
    for d in dropped:
        cut = _subtree_ids(doc[d.cut])
        gone |= cut - {i for c in clauses if c.trigger in cut for i in _subtree_ids(doc[c.trigger])}
    clauses = [Clause(c.trigger, c.lemma, c.kind, tuple(i for i in c.tokens if i not in gone
                                                         or i in {a.i for a in doc[c.trigger].ancestors}))
               for c in clauses]
    return clauses, dropped


def refers_back(doc, clauses: list[Clause], rules: Rules) -> bool:
    """Whether every attack clause of the sentence is a definite trigger noun ("the blast", "the
    strike", `attack_words.json` anaphora) without a word that makes it another attack ("another",
    "a second"), or a trigger verb whose subject is one ("the strike hit the depot"): the sentence
    speaks of an attack already reported, not of a new one. Whether it adds a contradicting time,
    place or weapon is the event builder's to judge."""
    def definite(token) -> bool:
        kids = list(token.children)
        return (token.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ in ("det", "poss") and lemma_of(c) in rules.definite or names_its_day(c)  # "Saturday's ambush"
                        for c in kids)
                and not any(lemma_of(c) in rules.new_event for c in kids if c.dep_ in ("det", "amod", "nummod", "advmod")))

    back = {c.trigger for c in clauses if definite(doc[c.trigger])}
    return bool(clauses) and all(c.trigger in back or any(
        k.dep_ in ("nsubj", "nsubjpass") and k.i in back for k in doc[c.trigger].children) for c in clauses)


def _subtree_ids(token) -> set[int]:
    return {t.i for t in token.subtree}


def _quantity(token) -> bool:
    """Whether a noun counts what follows it ("scores of villagers", "a score of people"), not the
    thing it names otherwise: an "of" after it and no definite article before it."""
    return token.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) \
        and not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def lemma_of(token) -> str:
    return token.lemma_.lower()


def sentence_lemmas(doc) -> list[str]:
    """The lower-case lemmas of a parsed sentence, computed once per Doc (rules read them often)."""
    cached = doc.user_data.get("sitrep_lemmas")
    if cached is None:
        cached = doc.user_data["sitrep_lemmas"] = [t.lemma_.lower() for t in doc]
    return cached


def _names_weapon_anywhere(doc, rules: Rules) -> bool:
    cached = doc.user_data.get("sitrep_weapon")
    if cached is None:
        cached = doc.user_data["sitrep_weapon"] = any(p.search(doc.text) for p in rules.weapons.values())
    return cached


def _trigger_rule(token, rules: Rules) -> TriggerRule | None:
    candidates = rules.triggers.get(lemma_of(token), ()) + rules.triggers.get(token.lower_, ())
    # the most specific rule first: "shoot down" before "shoot", "fire on" before "fire", the
    # noun "shelling" before the noun "shell"
    for rule in sorted(candidates, key=lambda r: (r.particle is None, r.child_dep is None, r.lemma != token.lower_)):
        if token.pos_ not in rule.pos and not ("VERB" in rule.pos and _acts_as_verb(token)):
            continue
        if rule.particle and not any(c.dep_ == "prt" and c.lower_ == rule.particle for c in token.children):
            continue
        if rule.child_dep and not any(c.dep_ == rule.child_dep and lemma_of(c) in rule.child_lemmas for c in token.children):
            continue
        return rule
    return None


def _acts_as_verb(token) -> bool:
    """Whether a word the tagger took for a noun or adjective is a verb: a participle form of a
    verb ("the beheaded bodies"), or a word with a verb's dependents: a subject, an object, an
    auxiliary or a negation ("an unidentified gunman shot and wounded two men",
    where "shot" is tagged a noun with "gunman" as its subject). The parse is right more often
    than the tag on such words."""
    if token.tag_ == "JJ" and token.lower_.endswith(("ed", "en")) and token.lemma_ != token.lower_:
        return True  # "the beheaded bodies": a participle the tagger took for an adjective
    return token.pos_ in _NOMINAL and any(c.dep_ in _VERB_DEPENDENTS for c in token.children)


def _governing(token) -> list:
    """The trigger and the tokens above it up to its verb ("did not launch an attack": attack,
    launch), and the verbs it complements, is coordinated with or is the subject of ("if they
    continue to attack", "shelling is a daily occurrence")."""
    chain = [token]
    x = token
    while x.pos_ not in _VERBAL and x.head.i != x.i and x.dep_ not in ("ROOT",):
        x = x.head
        chain.append(x)
    # "continue to attack", "did not shell or bomb", "shelling is a daily occurrence" (a gerund subject)
    while x.dep_ in ("xcomp", "conj", "csubj", "csubjpass") and x.head.i != x.i:
        x = x.head
        chain.append(x)
    return chain


def _cue(token, rules: Rules, cuts: dict[int, int]) -> str | None:
    """Why the trigger does not report an attack that happened, or None. A cue word above the
    trigger ("retaliation for earlier attacks") is noted in `cuts`: its phrase is background."""
    scopes = {"self": [token], "clause": _governing(token), True: _governors(token, True), False: _governors(token)}
    for cue in rules.cues:
        if cue.scope == "noun_ancestors" and token.pos_ in _VERBAL:
            continue
        scope = scopes.get(cue.scope) or scopes[cue.through_coordination]
        hit = next((x for x in scope if _cue_holds(cue, x, token)), None)
        if hit is not None and cue.unless_stated and told_as_event(token, hit, rules):
            continue  # "X condemned Sunday's strike on a market that killed 12": the attack is reported
        if hit is not None and cue.unless_agent and denies_agent(token, hit, cue.unless_agent) \
                and told_as_event(token, hit, rules):
            continue  # "X denied carrying out Saturday's bombing, which killed four": who did it is denied, not the bombing
        if hit is not None and cue.unless_harms and harms_own_victims(token, rules):
            continue  # "a similar blast had wounded a farmer in Helmand": another attack, with its own toll
        if hit is not None and cue.generic_only and _specific(token):
            continue  # "fled the airstrike on the market": one attack told, not the kind of act that drove them out
        if hit is not None:
            if cue.test == "token" and cue.scope.endswith("ancestors") and hit.pos_ not in _VERBAL:
                cuts[token.i] = hit.i
            return cue.reason
    return None


def denies_agent(trigger, cue, words: frozenset[str]) -> bool:
    """Whether a word between the trigger and the denial above it names the denier's part in the
    attack, not the attack ("denied carrying out the bombing", "denied responsibility for the
    blast", "denied it was behind the raid"): attack_cues.jsonl `unless_agent`, with the verb's
    particle ("carry out"). Source: s10 testers, denials of responsibility that dropped the attack."""
    x = trigger.head
    while x.i != cue.i and x.head.i != x.i:
        if lemma_of(x) in words or _phrasal(x) in words:
            return True
        x = x.head
    return x.i == cue.i and any(c.dep_ in ("dobj", "prep") and lemma_of(c) in words for c in cue.children
                                if c.i < trigger.i)  # "denied any role in the ambush"


def harms_own_victims(noun, rules: Rules) -> bool:
    """Whether a singular attack noun (or one with a determiner or number) is the subject of a harm
    verb with an object ("a similar blast had wounded a farmer") or what people were hurt in ("two
    soldiers were killed in a similar attack"): an attack told with its own victims. Source: the s10
    testers' "a similar blast", another day's attack absorbed as a reference to the one told."""
    if noun.pos_ not in ("NOUN", "PROPN") or not _specific(noun):
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "by") and head.head.i != head.i:
        return _harm_word(head.head, rules) and any(c.dep_ in ("nsubjpass", "nsubj") for c in head.head.children)
    return noun.dep_ == "nsubj" and _harm_word(head, rules) and any(c.dep_ == "dobj" for c in head.children)


def _harm_word(token, rules: Rules) -> bool:
    return lemma_of(token) in rules.harm or token.lower_ in rules.harm


def told_as_event(trigger, cue, rules: Rules) -> bool:
    """Whether the words from the trigger up to the cue word above it (its noun, that noun's
    object) tell the attack as an event that happened, not as a topic: a relative clause with
    a toll ("the strike that killed 12", "which left four dead", "in which 40 were killed"), a
    day of its own ("Sunday's bombing", "the shelling on Monday") or a target with a named place
    ("the attack on a market in Kidal"). Source: #12, attacks reported inside a condemnation or a protest."""
    path, x = [], trigger
    while x.i != cue.i and x.head.i != x.i:
        path.append(x)
        x = x.head
    return any(_states_event(n, rules) for n in path if n.pos_ in _NOMINAL or n.tag_ == "VBG")


def _states_event(noun, rules: Rules) -> bool:
    for c in noun.children:
        if c.dep_ in ("relcl", "acl") and any(lemma_of(t) in rules.harm for t in c.subtree) and not _negated(c):
            return True  # "that killed 12", "which left four people dead"
        if c.dep_ in ("poss", "npadvmod") and is_time(c) and not c.like_num:
            return True  # "Sunday's drone strike"
        if c.dep_ == "prep" and lemma_of(c) in _PLACE_PREPOSITIONS | {"on"}:
            for g in (g for g in c.children if g.dep_ == "pobj"):
                if is_time(g) and not g.like_num or lemma_of(c) in _TARGET_PREPOSITIONS and _placed(g) and _specific(noun):
                    return True  # "the shelling on Monday", "the strike on a market in Kidal"
        if c.dep_ == "dobj" and noun.tag_ == "VBG" and c.tag_ in ("NN", "NNS") and (_placed(c) or _placed_act(noun)):
            return True  # "accused the army of bombing a village near Bara": a target and where it is
        if c.dep_ == "prep" and lemma_of(c) in ("of", "on", "against"):
            for g in (g for g in c.children if g.dep_ == "pobj"):
                if any(r.dep_ == "relcl" and any(lemma_of(t) in rules.harm for t in r.subtree) and not _negated(r)
                       for r in g.children):
                    return True  # "the shelling of Beni, which left four dead": the toll hangs on its object
    return False


def _specific(noun) -> bool:
    """A singular noun, or a plural one with a determiner, number or possessor ("the strikes",
    "two strikes"): a bare plural ("condemned air strikes on civilian areas in X") names a kind
    of act, not one that happened."""
    return noun.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)


def _placed(noun) -> bool:
    """A common noun with a named place after "in"/"at"/"near" ("a market in Kidal"): a target
    and where it is. A place alone ("the attack in Nairobi") may be where the reaction is."""
    return noun.tag_ in ("NN", "NNS") and any(
        c.dep_ == "prep" and lemma_of(c) in _PLACE_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.tag_ in ("NNP", "NNPS") and not is_time(g) for g in c.children)
        for c in noun.subtree if c.i != noun.i)  # "a camp for displaced people near Dori"


def _placed_act(gerund) -> bool:
    """A gerund with a named place after "in"/"at"/"near" of its own ("shelling a village near
    Jowhar", where the parser hangs the place on the act rather than on its object)."""
    return any(c.dep_ == "prep" and lemma_of(c) in _PLACE_PREPOSITIONS
               and any(g.dep_ == "pobj" and g.tag_ in ("NNP", "NNPS") and not is_time(g) for g in c.children)
               for c in gerund.children)


def is_time(noun) -> bool:
    """ "Monday", "3 May", "dawn", "the night of 3 May": a temporal noun (the timex vocabulary and
    attack_words.json `temporal_nouns`) or a number standing alone."""
    return noun.like_num or lemma_of(noun) in _temporal_words() or noun.lower_ in _temporal_words()


@cache
def _temporal_words() -> frozenset[str]:
    vocabulary = timex_vocab.vocabulary()
    words = {w for key in ("month", "month_abbr", "weekday", "weekday_abbr", "unit", "part_of_day", "season")
             for w in vocabulary[key]}
    words |= {w + "s" for w in vocabulary["weekday"]}  # "on Mondays"
    return frozenset(words | set(json.loads(data_text(_path("attack_words.json")))["temporal_nouns"]))


def _governors(token, through_coordination: bool = False) -> list:
    """The tokens above the trigger, without the first conjunct of a coordination unless asked:
    in "arrested and executed", "arrested" does not govern "executed" (what governs both does),
    while "planning and executing" an attack plans both."""
    out, x = [], token
    while x.head.i != x.i:
        if x.dep_ != "conj" or through_coordination:
            out.append(x.head)
        x = x.head
    return out


def _cue_holds(cue: CueRule, x, trigger) -> bool:
    if cue.unless_over and x.i != trigger.i and lemma_of(x) in cue.unless_over:
        return False  # "the attack did not hurt anyone": the negation is of the outcome, not the attack
    if cue.test == "token":
        return ((not cue.lemmas or lemma_of(x) in cue.lemmas or _phrasal(x) in cue.lemmas) and (not cue.deps or x.dep_ in cue.deps)
                and (not cue.tags or x.tag_ in cue.tags)
                and not (cue.unless_head and lemma_of(x.head) in cue.unless_head)
                and (not cue.if_head or x.head.i != x.i and lemma_of(x.head) in cue.if_head)
                # "dozens feared dead": the cue word's complement is the outcome, not a future attack
                and not (cue.unless_over and any(c.dep_ in _COMPLEMENTS and lemma_of(c) in cue.unless_over
                                                 for c in x.children)))
    if cue.on and lemma_of(x) not in cue.on:
        return False
    if cue.test == "inverted":  # "Had the bomb exploded, ...": an auxiliary before the subject, no "if"
        subjects = [c.i for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(subjects) and x.dep_ in ("advcl", "ccomp", "conj") and any(
            c.dep_ in ("aux", "auxpass") and (lemma_of(c) in cue.lemmas or c.lower_ in cue.lemmas)
            and c.i < min(subjects) for c in x.children)
    if cue.also_deps and not any(c.dep_ in cue.also_deps and lemma_of(c) in cue.also_lemmas for c in x.children):
        return False
    for c in x.children:
        if cue.deps and c.dep_ not in cue.deps:
            continue
        if cue.lemmas and lemma_of(c) not in cue.lemmas:
            continue
        if cue.tags and c.tag_ not in cue.tags:
            continue
        if cue.then_deps and not any(g.dep_ in cue.then_deps and lemma_of(g) in cue.then_lemmas for g in _modifiers(c)):
            continue
        if cue.unless_over and x.i != trigger.i and lemma_of(c) in cue.unless_over:
            continue  # "the attack caused no casualties": what is negated is the outcome
        return True
    return False


def _modifiers(token) -> list:
    """The children of a token and those of its compound and adjective children: the parser may
    hang the determiner of "No mortar rounds" on "mortar", not on "rounds"."""
    kids = list(token.children)
    return kids + [g for c in kids if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i for g in c.children]


def _phrasal(token) -> str:
    """A verb with its particle ("step up", "ramp up"), or its lemma alone."""
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    return f"{lemma_of(token)} {particle}" if particle else lemma_of(token)


def _sense(token, doc, rules: Rules) -> str | None:
    lemma = lemma_of(token)
    for sense in rules.senses:
        if sense.lemmas and lemma not in sense.lemmas:
            continue
        if sense.unless_weapon and _names_weapon(tuple(sorted(_subtree_ids(token))), doc, rules):
            continue  # "a bus struck a landmine" is no traffic accident
        if sense.unless_harm and harm_stated(doc, rules):
            continue  # "stormed and looted the shop, killing its owner" is an attack
        if _sense_holds(sense, token, doc, rules):
            return f"{_SENSE}: {sense.sense}"
    return None


def _sense_holds(sense: SenseRule, token, doc, rules: Rules) -> bool:
    words = sense.words
    if sense.test == "modifier":
        return any(c.dep_ in _MODIFIER_DEPS and (lemma_of(c) in words or c.lower_ in words) for c in token.children)
    if sense.test == "argument":
        return any(lemma_of(a) in words or a.lower_ in words
                   for a in arguments(token, sense.roles) + _shared_subject(token, sense))
    if sense.test == "sentence":  # not a quantity: "killed scores of villagers" is no sports score
        return not words.isdisjoint(lemma_of(t) for t in doc if not _quantity(t)) and not _names_weapon_anywhere(doc, rules)
    if sense.test == "cause":
        return any((lemma_of(t) in words or t.lower_ in words) and not _describes_another_noun(t, doc, rules)
                   for t in token.subtree)
    if sense.test == "caused_by":  # "the explosion was caused by a gas leak"
        verb = token.head if token.dep_ in ("nsubj", "nsubjpass") else None
        return verb is not None and lemma_of(verb) in sense.verbs and any(
            lemma_of(t) in words or t.lower_ in words for c in verb.children if c.dep_ in ("agent", "prep")
            for t in c.subtree)
    if sense.test == "child_prep":
        return any(c.dep_ == "prep" and lemma_of(c) in words for c in token.children)
    if sense.test == "head":
        verb = next((a for a in token.ancestors if a.pos_ in _VERBAL), None)
        return token.dep_ in ("pobj", "dobj") and verb is not None and lemma_of(verb) in words
    if sense.test == "under":  # "dispersed the protest, beating several women"
        return any(lemma_of(a) in words for a in _governors(token, True))
    if sense.test == "coordinated":  # "stormed and looted the palace"
        return any(lemma_of(t) in words for t in _conjuncts(token))
    if sense.test == "place":  # "a blast at an ammunition depot", "detonated at the launch site"
        heads = [token] + ([token.head] if token.dep_ in ("nsubj", "nsubjpass") else [])  # "the blast occurred in ..."
        return any(_is_place(g, sense) for h in heads for c in h.children
                   if c.dep_ == "prep" and lemma_of(c) in _PLACE_PREPOSITIONS for g in c.children if g.dep_ == "pobj")
    if sense.test == "particle":  # "prices shot up"
        return any(c.dep_ == "prt" and c.lower_ in words for c in token.children)
    if sense.test == "purpose":  # "fired tear gas to disperse the crowd"
        return any(c.dep_ in ("xcomp", "advcl") and lemma_of(c) in words for c in token.children)
    if sense.test == "scoreline":  # "beat Chile 2-0", "a 3-1 win": a result, not a fight
        return bool(_SCORE.search(doc.text)) and not words.isdisjoint(sentence_lemmas(doc))
    if sense.test == "quality":  # "Argentina's attack was toothless": a side's play, described, not a strike on anyone
        head = token.head
        return (token.pos_ == "NOUN" and token.dep_ == "nsubj" and any(c.dep_ == "poss" for c in token.children)
                and lemma_of(head) in words and any(c.dep_ in ("acomp", "oprd") for c in head.children)
                and not any(c.dep_ == "prep" and lemma_of(c) in _TARGET_PREPOSITIONS for c in token.children))
    if sense.test == "own_device":
        return any(_own_device(t, doc, words, rules) for t in token.subtree)
    raise ValueError(f"unknown non-violent sense test {sense.test!r}")


def _shared_subject(token, sense: SenseRule) -> list:
    """The subject a participle or coordinated trigger without one of its own shares with the verb
    it hangs on ("Wildfires ravaged the hills, killing two firefighters"), when the rule reads subjects."""
    if "nsubj" not in sense.roles or token.dep_ not in ("advcl", "conj", "xcomp") \
            or token.tag_ not in ("VBG", "VBD", "VBN") or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return []
    return [c for c in token.head.children if c.dep_ == "nsubj"]


def _describes_another_noun(t, doc, rules: Rules) -> bool:
    """Whether a mishap word modifies a noun that names no weapon: "a minibus carrying traders"
    says nothing of who handled the mine, "a bomb they were carrying" does."""
    head = t.head
    return t.dep_ in ("amod", "acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and not _names_weapon(
        tuple(i for i in sorted(_subtree_ids(head)) if i <= head.i), doc, rules)


def _conjuncts(token) -> list:
    """The verbs coordinated with the trigger ("stormed and looted": looted; for looted: stormed)."""
    out = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj" and token.head.i != token.i:
        out += [token.head] + [c for c in token.head.children if c.dep_ == "conj" and c.i != token.i]
    return out


def _is_place(noun, sense: SenseRule) -> bool:
    modifiers = {lemma_of(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")} | {lemma_of(noun)}
    return lemma_of(noun) in sense.words and not modifiers.isdisjoint(sense.modifiers)


def _own_device(t, doc, verbs: frozenset[str], rules: Rules) -> bool:
    """Whether `t` says that the victims' own side handled the weapon: "a landmine they had
    planted", "the bomb he was carrying", "their own explosives", "a mine planted by
    pro-government forces" killing pro-government fighters (the planter and the victims share
    a name or an affiliation)."""
    head = t.head
    if t.dep_ == "amod" and lemma_of(t) == "own":
        return any(c.dep_ == "poss" for c in head.children) and _names_weapon((head.i,), doc, rules)
    if lemma_of(t) not in verbs or t.dep_ not in ("relcl", "acl") or not _names_weapon(
            tuple(i for i in sorted(_subtree_ids(head)) if i <= head.i), doc, rules):
        return False
    if any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in t.children):
        return True
    planters = [g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return bool(planters) and not _identity(planters, rules).isdisjoint(_identity(victims(doc, rules), rules))


def _identity(nouns: list, rules: Rules) -> set[str]:
    """The words that name whose side the nouns are on: a proper noun head and the modifiers
    ("pro-government forces", "Al Shabaab fighters"), without vague ones ("suspected", "armed")."""
    out = set()
    for noun in nouns:
        words = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
        words += [noun] if noun.tag_ in ("NNP", "NNPS") else []
        out |= {lemma_of(w) for w in words if not w.like_num and lemma_of(w) not in rules.vague}
    return out


def victims(doc, rules: Rules) -> list:
    """The nouns the sentence says were hurt: subjects of "were killed", objects of "killing",
    nouns a participle describes ("a commander killed in a strike")."""
    out = []
    for t in doc:
        if lemma_of(t) not in rules.harm:
            continue
        out += [c for c in t.children if c.dep_ in ("nsubjpass", "dobj") or c.dep_ == "nsubj" and t.pos_ != "VERB"]
        if t.dep_ in ("xcomp", "oprd", "acomp", "ccomp"):  # "was reported killed"
            out += [c for c in t.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if t.dep_ == "acl" and t.tag_ == "VBN":  # "a Hamas commander killed in an Israeli strike": the one hurt
            out.append(t.head)
    return out


def harm_stated(doc, rules: Rules) -> bool:
    """Whether the sentence says that someone was hurt or killed (not "no casualties", "without
    injuries", "with no report of fatalities")."""
    return any(lemma_of(t) in rules.harm and not _negated(t) for t in doc)


def _negated(token) -> bool:
    """Whether a harm word is negated: "not", "no", "without" on it or on one of the three words
    above it, or a subject that is nobody ("no one was injured", "nobody was hurt")."""
    for x in [token, *list(token.ancestors)[:3]]:
        if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in x.children) or lemma_of(x) == "without":
            return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "noone") or any(
        g.dep_ == "det" and g.lower_ == "no" for g in c.children)) for c in token.children)


def arguments(token, roles) -> list:
    """The head words of the trigger's arguments in `roles`: nsubj, nsubjpass, dobj, agent
    ("by ..."), pobj_on ("attack on ...", "fired at ..."), pobj_into ("fired into the air"),
    pobj_from ("came under attack from ...")."""
    out = []
    for c in token.children:
        if c.dep_ in roles and c.dep_ in ("nsubj", "nsubjpass", "dobj"):
            out.append(c)
        elif c.dep_ in ("agent", "prep") and any(role in roles and lemma_of(c) in _ROLE_PREPOSITIONS[role]
                                                  for role in _ROLE_PREPOSITIONS):
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _clause_tokens(token, trigger_ids: set[int], harm: frozenset[str] = frozenset()) -> tuple[int, ...]:
    """The trigger's subtree without coordinated verbs that are triggers of their own, nor
    adverbial clauses with their own subject that are (a second attack), nor a finite adverbial
    clause with no conjunction of its own whose verb is an attack trigger that is no harm word
    (`harm`): a coordinated attack the parser hung under the first ("a bomber rammed a car into a
    post in A and militants attacked a post in B", where "militants" went to "post"); a noun
    trigger also takes the verb it hangs on with that verb's subject and object; a trigger in a
    relative clause takes the noun it describes ("a grenade, which was thrown ...")."""
    keep: set[int] = set()

    def walk(t):
        keep.add(t.i)
        for c in t.children:
            if c.i in trigger_ids and c.pos_ in _VERBAL and (c.dep_ == "conj" or c.dep_ == "advcl" and (any(
                    g.dep_ in ("nsubj", "nsubjpass") for g in c.children) or _unmarked_finite(c, harm))):
                continue  # "shelled the town and bombed ...", "... while drones struck a market"
            walk(c)

    walk(token)
    head = token.head
    if token.pos_ not in _VERBAL and head.i != token.i and head.pos_ in _VERBAL:
        keep.add(head.i)
        for c in head.children:
            if c.dep_ in _HEAD_ARGUMENTS and c.i not in keep:
                keep.update(x.i for x in c.subtree)
    elif token.dep_ in ("relcl", "acl") and head.i != token.i:
        keep.update(x.i for x in head.subtree if x.i not in trigger_ids or x.i == head.i)
    return tuple(sorted(keep))


def _unmarked_finite(verb, harm: frozenset[str]) -> bool:
    """A past or present finite verb with no subordinating word ("after", "as") that is no harm
    word: not how or when the attack above it happened, but another one."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and lemma_of(verb) not in harm and not any(
        c.dep_ == "mark" for c in verb.children)


def _supported(token, rule: TriggerRule, tokens: tuple[int, ...], doc, rules: Rules, standing: set[int]) -> bool:
    """A weak trigger is an attack when its clause names a weapon, someone hurt (a word other
    than the trigger itself), an armed actor as its subject (rules marked `armed_subject`), is
    carried out ("conducted raids"), holds or hangs on an attack trigger that stands, or hangs on
    a verb whose subject is armed ("gunmen torched a clinic, wounding a nurse")."""
    words = [doc[i] for i in tokens if i != token.i]
    if any(lemma_of(w) in rules.harm or w.lower_ in rules.harm for w in words):
        return True
    if rule.harm_after:  # "police invaded the ward and torched houses": arson by armed men is still property destruction
        return _names_weapon(tokens, doc, rules)
    if any(w.i in standing for w in words) or any(a.i in standing for a in _governors(token, True)):
        return True
    if rule.armed_subject and any(lemma_of(c) in rules.armed_actors for c in token.children if c.dep_ == "nsubj"):
        return True  # "militants pounded a base": an armed actor's strike is an attack
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and lemma_of(token.head) in rules.conduct_verbs:
        return True  # "carried out strikes on two facilities"
    if token.dep_ in ("advcl", "conj") and token.head.pos_ in _VERBAL and any(
            lemma_of(s) in rules.armed_actors or _names_weapon(tuple(sorted(_subtree_ids(s))), doc, rules)
            for s in token.head.children if s.dep_ == "nsubj"):
        return True  # "gunmen torched a clinic, wounding a nurse": the act it hangs on is an armed one's
    return _names_weapon(tokens, doc, rules)


def _names_weapon(tokens: tuple[int, ...], doc, rules: Rules) -> bool:
    text = "".join(doc[i].text_with_ws for i in tokens)
    return any(p.search(text) for p in rules.weapons.values())

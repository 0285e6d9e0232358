"""Headline grammar: read "Militants attack village" as a report (component `attacks`).

Headlines and terse notes drop auxiliaries and articles and put the verb in the present tense
("Gunmen target police with an IED", "Grenade attack at market wounds one"). The statistical
tagger reads such a present-tense trigger after a noun as a noun of a compound ("Shabaab target
police"), and the parse then holds no verb at all. A sentence with no finite verb whose trigger
form follows a noun is parsed once more with that word in the past tense, which no tagger reads
as a noun; the parse of that text is then laid on the sentence's own words, so that offsets,
text and lemmas stay those of the original. Only such sentences are parsed twice.
"""

from __future__ import annotations

import json
from functools import cache

from transforms.attack_rules import Rules, _path
from transforms.resources import data_text

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_AUXILIARIES = frozenset({"be", "is", "are", "was", "were", "have", "has", "had", "do", "does", "did"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MISREAD_TAGS = _NOUN_TAGS | {"JJ", "VB"}  # what the tagger makes of a headline's present-tense verb


def headline_verb(doc, rules: Rules) -> int | None:
    """The index of the word that is the verb of a headline-style sentence, or None: the last
    present-tense form of a trigger verb (`Rules.past`) that the tagger read as a noun, an
    adjective or a bare infinitive, right after a noun (its subject's head) and before another
    word, with no auxiliary in the sentence, no finite verb before it (the tagger may take a
    noun after it for the verb: "Armed group fire mortar rounds") and no past tense after it
    ("Two car bombs exploded": the noun of a compound before the sentence's own verb)."""
    if any(t.tag_ == "MD" or t.tag_ in _FINITE and t.lemma_ in _AUXILIARIES for t in doc):
        return None
    found = None
    for t in doc[1:-1]:
        if t.tag_ in _FINITE and not _reduced_relative(t):
            break
        if (t.tag_ in _MISREAD_TAGS and t.lower_ in rules.past and doc[t.i - 1].tag_ in _NOUN_TAGS
                and not doc[t.i + 1].is_punct):
            found = t.i
    if found is not None and any(t.tag_ == "VBD" and not _reduced_relative(t) for t in doc[found + 1:]):
        return None  # "Two car bombs exploded ...": a past-tense verb after it is the sentence's own; no headline
    return found


def _reduced_relative(t) -> bool:
    """ "Armed group believed to be ... attacks": a participle before "to"/"of" that describes the
    subject (attack_words.json `reduced_relatives`), not the headline's verb."""
    return t.lower_ in _reduced_relatives() and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("to", "of")


@cache
def _reduced_relatives() -> frozenset[str]:
    return frozenset(json.loads(data_text(_path("attack_words.json")))["reduced_relatives"])


def as_report(text: str, doc, i: int, rules: Rules) -> str:
    """`text` with word `i` in the past tense ("Shabaab target police" -> "Shabaab targeted police")."""
    word = doc[i]
    return text[:word.idx] + rules.past[word.lower_] + text[word.idx + len(word):]


def reparse_headlines(texts: list[str], docs: list, parse, rules: Rules) -> list:
    """`docs` (one per text), with each headline-style sentence's parse taken from the same
    sentence with its verb in the past tense (`parse`: texts -> Docs). A re-parse whose words do
    not line up with the original's is not used."""
    jobs = [(k, i) for k, doc in enumerate(docs) if (i := headline_verb(doc, rules)) is not None]
    if not jobs:
        return docs
    out = list(docs)
    for (k, i), again in zip(jobs, parse([as_report(texts[k], docs[k], i, rules) for k, i in jobs])):
        out[k] = laid_on(docs[k], again)
    return out


def laid_on(old, again):
    """The Doc of `old`'s words, offsets and lemmas with the tags and tree of `again`, the parse
    of the same sentence with one word changed; `old` when their words do not line up."""
    from spacy.tokens import Doc

    if len(again) != len(old):
        return old
    return Doc(old.vocab, words=[t.text for t in old], spaces=[bool(t.whitespace_) for t in old],
               tags=[t.tag_ for t in again], pos=[t.pos_ for t in again], deps=[t.dep_ for t in again],
               heads=[t.head.i for t in again], lemmas=[t.lemma_ for t in old])

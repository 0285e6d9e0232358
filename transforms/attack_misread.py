"""A report the tagger reads as one noun phrase: "Al-Shabaab fired mortar rounds at the base" (component `attacks`).

Terse notes and bulleted situation-report lines put a named actor right before the past tense of
a trigger verb and a noun after it ("- Banadir: Al-Shabaab fired mortar rounds at the compound on
5 March"). The small statistical model may read the past tense as a participle that modifies the
noun after it ("fired mortar rounds" like "fired workers"), so the sentence holds no finite verb
and its trigger is dropped as describing an actor. Such a sentence is parsed once more with that
word replaced by an irregular past tense that no tagger reads as an adjective
(attack_words.json `misread_participle_stand_in`); the tree of that parse is laid on the
sentence's own words and lemmas (`attack_headline.laid_on`), so the trigger keeps its lemma.
Only such sentences are parsed twice; headline grammar ("Shabaab target police") is
`attack_headline`'s.
"""

from __future__ import annotations

import json
from functools import cache

from transforms.attack_headline import laid_on
from transforms.attack_rules import Rules, _path
from transforms.resources import data_text

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


@cache
def _stand_in() -> str:
    return json.loads(data_text(_path("attack_words.json")))["misread_participle_stand_in"]


def misread_participle(doc, rules: Rules) -> int | None:
    """The index of the trigger verb's past tense (`Rules.past` values) that the tagger read as a
    participle or adjective modifying the noun after it, right after a proper name (its subject),
    in a sentence with no finite verb; else None."""
    if any(t.tag_ in _FINITE for t in doc):
        return None
    past = set(rules.past.values())
    for t in doc[1:-1]:
        if t.lower_ in past and t.tag_ in ("VBN", "JJ") and t.dep_ == "amod" and doc[t.i - 1].tag_ in _NAME_TAGS \
                and doc[t.i + 1].tag_ in _NOUN_TAGS and t.head.i > t.i:
            return t.i
    return None


def reparse_participles(texts: list[str], docs: list, parse, rules: Rules) -> list:
    """`docs` (one per text) with each misread report (`misread_participle`) given the parse of the
    same sentence with the stand-in verb (`parse`: texts -> Docs)."""
    jobs = [(k, i) for k, doc in enumerate(docs) if (i := misread_participle(doc, rules)) is not None]
    if not jobs:
        return docs
    out = list(docs)
    word = _stand_in()
    again = parse([texts[k][:docs[k][i].idx] + word + texts[k][docs[k][i].idx + len(docs[k][i]):] for k, i in jobs])
    for (k, i), doc in zip(jobs, again):
        out[k] = laid_on(docs[k], doc)
    return out

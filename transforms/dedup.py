"""Near-duplicate articles (MinHash + LSH over word shingles) and cross-article incident ids.

Component `dedup.v1`. A document whose estimated Jaccard similarity to an earlier one is at
least THRESHOLD is linked to it with `duplicate_of` (the earliest of its cluster). Incident
ids are content keys, so the same attack reported by two articles, in one run or in two,
gets the same id without looking at the other article.
"""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash, MinHashLSH

COMPONENT = "dedup.v1"
NUM_PERM = 64
SHINGLE_WORDS = 5
THRESHOLD = 0.7
# Stored signatures must be read back with the scheme that made them: pinned, not defaulted.
SCHEME = "affine32"
_TOKEN = re.compile(r"\w+")


def minhash_signature(body: str) -> list[int]:
    words = _TOKEN.findall(body.lower())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in mh.hashvalues]


def link_duplicates(new: list[tuple[str, list[int]]], prior: list[tuple[str, list[int]]]) -> dict[str, str]:
    """doc_id -> the doc_id it duplicates, for the new documents (in order) against prior ones and
    the new ones before them. Prior documents are never relinked: loads only add."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    canonical: dict[str, str] = {}
    for doc_id, sig in prior:
        hashes[doc_id] = _minhash(sig)
        lsh.insert(doc_id, hashes[doc_id])
    links: dict[str, str] = {}
    order = {doc_id: i for i, (doc_id, _) in enumerate(prior + new)}
    for doc_id, sig in new:
        mh = _minhash(sig)
        if doc_id in hashes:
            continue
        candidates = [c for c in lsh.query(mh) if hashes[c].jaccard(mh) >= THRESHOLD]
        if candidates:
            first = min(candidates, key=order.__getitem__)
            links[doc_id] = canonical.get(first, first)
            canonical[doc_id] = links[doc_id]
        hashes[doc_id] = mh
        lsh.insert(doc_id, mh)
    return links


def incident_key(event_date, country_code: str | None, location_id: str | None, fallback: str) -> str:
    """Same day, same country, same place: one incident. Anything vaguer stays its own incident."""
    if event_date is None or country_code is None:
        return f"inc-{hashlib.sha1(fallback.encode()).hexdigest()[:16]}"
    key = f"{event_date.isoformat()}|{country_code}|{location_id or '-'}"
    return f"inc-{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def _minhash(sig: list[int]) -> MinHash:
    import numpy as np

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.asarray(sig, dtype=np.uint32))

"""Near-duplicate articles (MinHash + LSH over word shingles) and cross-article incident ids.

Component `dedup.v1`. A document whose estimated Jaccard similarity to an earlier one is at
least THRESHOLD is linked to it with `duplicate_of` (the earliest of its cluster). An event's first incident id
is a content key (same day, country and place); the load then links it to the earliest
compatible event of the whole warehouse (warehouse/incidents.py), whose id it takes.
"""

from __future__ import annotations

import hashlib
import re

from functools import cache

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


class DuplicateIndex:
    """The LSH index of the signatures seen so far, to link each new document to the earliest
    one it nearly duplicates. Candidates share one LSH band (BANDS bands of ROWS values: the
    index datasketch's MinHashLSH builds for THRESHOLD) and are confirmed by the estimated
    Jaccard. Documents already loaded rank before the run's own, oldest first.

    Compact, because a run keeps one entry per document: signatures in one growing uint32
    array, bands as integer keys (a hash collision only adds a candidate the Jaccard rejects),
    about 1 kB a document."""

    def __init__(self):
        import numpy as np

        self.bands, self.rows = lsh_bands()
        self._index: dict[int, int | list[int]] = {}  # band key -> row(s)
        self._matrix = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._rank: list[tuple] = []
        self._canonical: dict[str, str] = {}

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._rows

    def add_prior(self, doc_id: str, signature: list[int], loaded_at) -> None:
        """A document already in the warehouse (never relinked: loads only add)."""
        if doc_id not in self._rows:
            self._insert(doc_id, signature, (0, loaded_at, doc_id))

    def link(self, doc_id: str, signature: list[int]) -> str | None:
        """The document `doc_id` duplicates, if any; then `doc_id` joins the index."""
        import numpy as np

        if doc_id in self._rows:
            return None
        sig = np.asarray(signature, dtype=np.uint32)
        found: set[int] = set()
        for key in self._keys(sig):
            rows = self._index.get(key)
            if rows is not None:
                found.update(rows if isinstance(rows, list) else (rows,))
        candidates = [r for r in found if float(np.mean(self._matrix[r] == sig)) >= THRESHOLD]
        link = None
        if candidates:
            first = self._ids[min(candidates, key=self._rank.__getitem__)]
            link = self._canonical[doc_id] = self._canonical.get(first, first)
        self._insert(doc_id, sig, (1, len(self._ids)))
        return link

    def _insert(self, doc_id: str, signature, rank: tuple) -> None:
        import numpy as np

        row = len(self._ids)
        if row == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
        self._matrix[row] = signature
        self._ids.append(doc_id)
        self._rows[doc_id] = row
        self._rank.append(rank)
        for key in self._keys(self._matrix[row]):
            rows = self._index.get(key)
            if rows is None:
                self._index[key] = row
            elif isinstance(rows, list):
                rows.append(row)
            else:
                self._index[key] = [rows, row]

    def _keys(self, sig) -> list[int]:
        return [hash((b, sig[b * self.rows:(b + 1) * self.rows].tobytes())) for b in range(self.bands)]


def link_duplicates(new: list[tuple[str, list[int]]], prior: list[tuple[str, list[int]]]) -> dict[str, str]:
    """doc_id -> the doc_id it duplicates, for the new documents (in order) against prior ones
    (oldest first) and the new ones before them."""
    index = DuplicateIndex()
    for rank, (doc_id, sig) in enumerate(prior):
        index.add_prior(doc_id, sig, rank)
    return {doc_id: link for doc_id, sig in new if (link := index.link(doc_id, sig))}


@cache
def lsh_bands() -> tuple[int, int]:
    """(bands, rows per band) of the LSH index at THRESHOLD: two signatures are candidates when
    one band is equal, which the warehouse can test in SQL (`store.similar_documents`)."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def incident_key(event_date, country_code: str | None, location_id: str | None, fallback: str) -> str:
    """The provisional incident id: same day, same country, same place give the same key; anything
    vaguer is its own. The load may replace it with an earlier compatible event's id."""
    if event_date is None or country_code is None:
        return f"inc-{hashlib.sha1(fallback.encode()).hexdigest()[:16]}"
    key = f"{event_date.isoformat()}|{country_code}|{location_id or '-'}"
    return f"inc-{hashlib.sha1(key.encode()).hexdigest()[:16]}"

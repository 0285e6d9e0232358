"""`sitrep timex`: the TIMEX3 tagger over JSONL ({"doc_id","dct","text"} per line)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO, Iterable

from transforms.timex import dct_order_ambiguous, parse_dct, tag_timexes


class NotJsonLines(ValueError):
    """The input's first line is no JSON at all: a plain article given by mistake, not one bad line."""


@dataclass(frozen=True)
class TimexRun:
    """What `tag_jsonl` did: documents tagged, and lines it could not read (each reported)."""

    tagged: int
    failed: int


def tag_jsonl(lines: Iterable[str], out: IO[str], source: str = "-", err: IO[str] | None = None) -> TimexRun:
    """Tag every {"doc_id","dct","text"} line of `lines`, one {"doc_id","timexes"} line to `out`
    each, in input order. A line that cannot be read (not JSON, a field missing, a dct that is no
    date) stops nothing: it gets {"doc_id", "line", "error", "timexes": []} on `out` and a
    "SOURCE:LINE: ..." message on `err`, and the next line is read. NotJsonLines, with nothing
    written, when the first non-blank line is no JSON (one message, not one per line of an article)."""
    tagged = failed = 0
    first = True
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if first and not line.lstrip().startswith("{"):
            raise NotJsonLines(f"{source} is not JSON Lines (line {number} is not a JSON object): sitrep timex "
                               'reads one {"doc_id", "dct", "text"} object per line')
        first = False
        doc_id = None
        try:
            doc = json.loads(line)
            doc_id = doc.get("doc_id") if isinstance(doc, dict) else None
            dct = parse_dct(str(doc["dct"]))
            text = doc["text"]
            if not isinstance(text, str):
                raise TypeError(f"text is {type(text).__name__}, not a string")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            why = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
            message = f"{source}:{number}: doc {doc_id!r}: expected {{\"doc_id\", \"dct\", \"text\"}}: {why}"
            out.write(json.dumps({"doc_id": doc_id, "line": number, "error": message, "timexes": []}, ensure_ascii=False) + "\n")
            if err is not None:
                err.write(message + "\n")
            failed += 1
            continue
        if err is not None and dct_order_ambiguous(str(doc["dct"])):
            # tagged all the same (the corpora write day-first), but a month-first source would be
            # off by months: said once per line, so the user can write YYYY-MM-DD
            err.write(f"{source}:{number}: doc {doc_id!r}: dct {doc['dct']!r} read day-first as {dct.isoformat()}; "
                      "write YYYY-MM-DD if that is wrong\n")
        timexes = [t.to_dict() for t in tag_timexes(text, dct)]
        out.write(json.dumps({"doc_id": doc_id, "timexes": timexes}, ensure_ascii=False) + "\n")
        tagged += 1
    return TimexRun(tagged, failed)

"""`sitrep timex`: the TIMEX3 tagger over JSONL ({"doc_id","dct","text"} per line)."""

from __future__ import annotations

import json
from typing import IO, Iterable

from sitrep.errors import SitrepError
from transforms.timex import parse_dct, tag_timexes


def tag_jsonl(lines: Iterable[str], out: IO[str], source: str = "-") -> int:
    count = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            dct = parse_dct(str(doc["dct"]))
            text = doc["text"]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise SitrepError(f"{source}:{number}: expected {{\"doc_id\", \"dct\", \"text\"}}: {exc}") from exc
        timexes = [t.to_dict() for t in tag_timexes(text, dct)]
        out.write(json.dumps({"doc_id": doc.get("doc_id"), "timexes": timexes}, ensure_ascii=False) + "\n")
        count += 1
    return count

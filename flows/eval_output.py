"""`sitrep eval` on a terminal: the report dict as tables a person reads, not a dict's repr.

Shapes read (flows.evaluate): scalar figures (int, float 0..1 or None); per-sub-type tallies
{sub_type: [hits, total, rate]}; other dicts of lists ({week: [predicted, gold]} of the article
gold); and, for the dev-events gold, `by_split` {part: figures} whose parts are shown as columns
beside "all"; `examples` ({kind: {"count", "items"}}, expectations.examples) as one table per
kind: the document, what the gold expects, what the warehouse produced. Other lists of rows are
left to --json.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

DIGITS = 3  # rates and scores: three decimals tell 0.987 from 0.990, more is noise on ~900 notes


def eval_tables(report: dict, title: str) -> list[Table]:
    """One table of the scalar figures (a column per split when the report has splits), then one
    per tally dict, rows in the report's order."""
    parts = {"all": report, **report.get("by_split", {})}
    scalars = [k for k, v in report.items() if _is_scalar(v)]
    figures = Table(title=title)
    figures.add_column("figure")
    for part in parts:
        figures.add_column(part, justify="right")
    for key in scalars:
        figures.add_row(key, *(_cell(p.get(key)) for p in parts.values()))
    tables = [figures]
    for key, value in report.items():
        if isinstance(value, dict) and key not in ("by_split", "examples"):
            tables.append(_tally_table(key, parts))
    for kind, found in report.get("examples", {}).items():
        tables.append(_examples_table(kind, found))
    return tables


def _examples_table(kind: str, found: dict) -> Table:
    items = found["items"]
    t = Table(title=f"{kind.replace('_', ' ')}: {found['count']} (showing {len(items)})")
    t.add_column("document")
    t.add_column("expected")
    t.add_column("produced")
    for item in items:
        events = "\n\n".join(_values(e) for e in item["produced"]) or "no event"
        # Text, not markup: evidence and file names may hold "[...]"
        t.add_row(Text(item["document"]), Text(_values(item["expected"])), Text(events))
    return t


def _values(values: dict) -> str:
    """`key: value` pairs on one line each; lists joined with '/'."""
    return "\n".join(f"{k}: {'/'.join(map(str, v)) if isinstance(v, list) else v}" for k, v in values.items()
                     if v not in (None, [], ""))


def _tally_table(key: str, parts: dict[str, dict]) -> Table:
    t = Table(title=key.replace("_", " "))
    t.add_column("sub_event_type" if "sub_type" in key else "week" if key == "weekly" else "kind")
    for part in parts:  # the article gold's weekly counts: one pair per week
        t.add_column("predicted / gold" if key == "weekly" and len(parts) == 1 else part, justify="right")
    names = list(dict.fromkeys(n for p in parts.values() for n in p.get(key, {})))
    for name in names:
        t.add_row(name, *(_tally_cell(p.get(key, {}).get(name)) for p in parts.values()))
    return t


def _tally_cell(tally) -> str:
    """[hits, total, rate] as "hits/total  rate"; other lists (weekly: [predicted, gold]) joined."""
    if not tally:
        return "–"
    if isinstance(tally, list) and len(tally) == 3:
        hits, total, rate = tally
        return f"{hits}/{total}  {_cell(rate)}"
    return " / ".join(map(_cell, tally)) if isinstance(tally, list) else _cell(tally)


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{DIGITS}f}"
    return str(value)


def _is_scalar(value) -> bool:
    return value is None or isinstance(value, (int, float, str))

"""The data-quality report: one self-contained HTML page (charts inlined, no network needed).

It shows what the current rows lack (no publication date, no country, no place, no day), the
latest Great Expectations results per table (linking to the Data Docs), the run history, the
quarantined files with their reasons, incidents per ISO week by country and the official
tallies over time.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import os
import urllib.parse
from pathlib import Path

from expectations.charts import tallies_png, weekly_incidents_png
from expectations.docs_offline import validation_page

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#1d2433;padding:0 1rem}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #dde3ea;padding-bottom:.3rem}
.muted{color:#667085}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid #eef1f5;vertical-align:top}
th{background:#f5f7fa}.ok{color:#0a7d32;font-weight:600}.bad{color:#b42318;font-weight:600}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#f5f7fa;border-radius:8px;padding:.8rem 1.1rem;min-width:9rem}
.card b{display:block;font-size:1.6rem}img{max-width:100%;border:1px solid #eef1f5;border-radius:6px}
"""


def latest_validations(reports_dir: Path) -> list[dict]:
    """The newest Great Expectations result of each suite, from the file context's stores, with
    its Data Docs page when built (`page`, a path; None otherwise)."""
    root = reports_dir / "gx" / "uncommitted" / "validations"
    site = reports_dir / "gx" / "uncommitted" / "data_docs" / "local_site"
    latest: dict[str, dict] = {}
    for path in root.glob("*/*/*/*.json") if root.is_dir() else []:
        try:
            result = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        suite = result.get("suite_name", path.parent.parent.parent.name)
        when = result.get("meta", {}).get("run_id", {}).get("run_time", "")
        if suite not in latest or when > latest[suite]["run_time"]:
            failed = [f"{r['expectation_config']['type']} ({r['expectation_config']['kwargs'].get('column', '')})"
                      for r in result.get("results", []) if not r.get("success")]
            latest[suite] = {"suite": suite, "run_time": when, "success": result.get("success"),
                             "run": result.get("meta", {}).get("run_id", {}).get("run_name", ""),
                             "evaluated": result.get("statistics", {}).get("evaluated_expectations"),
                             "failed": failed, "page": validation_page(site, path, root)}
    return sorted(latest.values(), key=lambda r: r["suite"])


def render_report(data: dict, validations: list[dict], data_docs: Path | None, now: dt.datetime,
                  page_dir: Path | None = None) -> str:
    """`data` holds the warehouse rows: runs, quarantine, weekly, tallies, counts, gaps (dicts of
    gap, rows, of_rows, examples: up to five source paths; `warehouse.query.report_rows`). Links to the
    Data Docs are relative to `page_dir`, the folder the page is written to, so the data
    directory can be moved, copied or served as a whole; absolute file:// URIs without it."""
    weekly_png = base64.b64encode(weekly_incidents_png(data["weekly"])).decode()
    tally_png = base64.b64encode(tallies_png(data["tallies"])).decode()
    counts = data["counts"]
    cards = "".join(f'<div class="card"><b>{counts[k]:,}</b>{html.escape(k.replace("_", " "))}</div>' for k in counts)
    docs_link = (f'<p><a href="{_href(data_docs, page_dir)}">Open the Great Expectations Data Docs</a></p>'
                 if data_docs and data_docs.exists() else '<p class="muted">No Data Docs yet.</p>')
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>sitrep data-quality report</title><style>{_STYLE}</style></head><body>",
        "<h1>sitrep data-quality report</h1>",
        f"<p class='muted'>Generated {now:%Y-%m-%d %H:%M} UTC from {html.escape(str(data['warehouse']))}</p>",
        f"<div class='cards'>{cards}</div>",
        "<h2>What the rows lack</h2>",
        "<p class='muted'>Current rows without the field a weekly count or a map needs: an undated article's "
        "events are placed by the run day's window; an event with no country counts as unknown.</p>",
        _table(["gap", "rows", "of", "share", "examples"],
               [[g["gap"], g["rows"], g["of_rows"], f"{g['rows'] / g['of_rows']:.0%}" if g["of_rows"] else "-",
                 ", ".join(Path(p).name for p in g["examples"] or []) or "-"] for g in data.get("gaps", [])]),
        "<h2>Attack incidents per ISO week</h2>",
        f"<img id='weekly-chart' alt='Attack incidents per ISO week by country' src='data:image/png;base64,{weekly_png}'>",
        "<h2>Officially reported tallies</h2>",
        f"<img id='tallies-chart' alt='Official tallies over time' src='data:image/png;base64,{tally_png}'>",
        _table(["date stated", "count", "qualifier", "series", "scope", "stated by"],
               [[t["period_end"], t["count"], t["qualifier"], t.get("series") or t["unit"], t["scope"], t["stated_by"]] for t in data["tallies"]]),
        "<h2>Validation (Great Expectations)</h2>", docs_link,
        "<p class='muted'>This page is the offline view: it needs no network. GX's own pages load "
        "their styles from public CDNs; offline, each suite's page below is plain but complete, and the "
        "Data Docs index stays empty.</p>",
        _table(["suite", "result", "expectations", "failed", "run"],
               [[_link(v["suite"], v.get("page"), page_dir), _status(v["success"]), v["evaluated"],
                 html.escape(", ".join(v["failed"]) or "-"), html.escape(str(v["run"]))]
                for v in validations], raw={0, 1, 3, 4}),
        "<h2>Runs</h2>",
        _table(["run", "started", "status", "seen", "new", "quarantined", "rows", "validation"],
               [[r["run_id"], r["started_at"], r["status"], r["files_seen"], r["files_new"], r["files_quarantined"],
                 r["rows_written"], _status(r["validation_passed"])] for r in data["runs"]], raw={7}),
        "<h2>Quarantined files</h2>",
        _table(["file", "reason", "run"], [[q["source_path"], q["reason"], q["run_id"]] for q in data["quarantine"]])
        if data["quarantine"] else "<p class='muted'>No file has been quarantined.</p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _link(text: str, page: Path | None, page_dir: Path | None) -> str:
    escaped = html.escape(text)
    return f'<a href="{_href(page, page_dir)}">{escaped}</a>' if page else escaped


def _href(target: Path, page_dir: Path | None) -> str:
    """An escaped href to `target`: relative to `page_dir` when given and on the same drive."""
    if page_dir is not None:
        try:
            return html.escape(urllib.parse.quote(Path(os.path.relpath(target.absolute(), page_dir.absolute())).as_posix()))
        except ValueError:  # another drive (Windows): no relative path exists
            pass
    return html.escape(target.absolute().as_uri())


def _status(ok) -> str:
    if ok is None:
        return "<span class='muted'>-</span>"
    return "<span class='ok'>passed</span>" if ok else "<span class='bad'>failed</span>"


def _table(headers: list[str], rows: list[list], raw: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{v if i in raw else html.escape('' if v is None else str(v))}</td>"
                                    for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

"""Charts of the warehouse, as PNG bytes (matplotlib, no display needed)."""

from __future__ import annotations

import io
from collections import defaultdict


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def weekly_incidents_png(rows: list[dict]) -> bytes:
    """Stacked bars: distinct incidents per ISO week (Monday), one colour per country."""
    plt = _pyplot()
    weeks = sorted({r["week_start"] for r in rows})
    countries = sorted({r["country_code"] or "unknown" for r in rows}, key=lambda c: (c == "unknown", c))
    counts = defaultdict(int)
    for r in rows:
        counts[(r["week_start"], r["country_code"] or "unknown")] += r["incidents"]
    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=110)
    bottom = [0] * len(weeks)
    for country in countries:
        values = [counts[(w, country)] for w in weeks]
        ax.bar([str(w) for w in weeks], values, bottom=bottom, label=country, width=0.7)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_title("Attack incidents per ISO week, by country")
    ax.set_xlabel("week starting (Monday)")
    ax.set_ylabel("distinct incidents")
    ax.yaxis.get_major_locator().set_params(integer=True)
    if weeks:
        ax.legend(title="country", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    else:
        ax.text(0.5, 0.5, "no dated attacks yet", ha="center", va="center", transform=ax.transAxes)
    ax.grid(axis="y", alpha=0.3)
    fig.autofmt_xdate(rotation=45)
    fig.tight_layout()
    return _png(plt, fig)


def tallies_png(rows: list[dict]) -> bytes:
    """Official cumulative tallies over time: one line per series (reported_tallies.series: the
    unit, or unit and place for the parts of a split)."""
    plt = _pyplot()
    series = defaultdict(list)
    for r in rows:
        if r["period_end"] is not None:
            series[r.get("series") or r["unit"]].append((r["period_end"], r["count"]))
    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=110)
    for label, points in sorted(series.items()):
        points.sort()
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=label)
    ax.set_title("Officially reported tallies over time")
    ax.set_xlabel("date stated")
    ax.set_ylabel("count")
    if series:
        ax.legend(fontsize=8)
    else:
        ax.text(0.5, 0.5, "no dated tallies yet", ha="center", va="center", transform=ax.transAxes)
    ax.grid(alpha=0.3)
    fig.autofmt_xdate(rotation=45)
    fig.tight_layout()
    return _png(plt, fig)


def _png(plt, fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()

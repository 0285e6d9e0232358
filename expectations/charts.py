"""Charts of the warehouse, as PNG bytes (matplotlib, no display needed)."""

from __future__ import annotations

import io
from collections import defaultdict

TOP_COUNTRIES = 9  # tab10's nine colours that are not grey; "other" and "unknown" are greys
OTHER, UNKNOWN = "other", "unknown"


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def weekly_incidents_png(rows: list[dict]) -> bytes:
    """Stacked bars of distinct incidents per ISO week (Monday) on a time axis, so a week without
    attacks shows as a gap and years of weeks stay legible. One colour per country for the
    `TOP_COUNTRIES` with most incidents (a qualitative palette, no colour reused), the rest
    summed as "other", grey for incidents without a country."""
    plt = _pyplot()
    import matplotlib.dates as mdates

    totals: dict[str, int] = defaultdict(int)
    for r in rows:
        totals[r["country_code"] or UNKNOWN] += r["incidents"]
    named = sorted((c for c in totals if c != UNKNOWN), key=lambda c: (-totals[c], c))
    shown = named[:TOP_COUNTRIES]
    series = shown + ([OTHER] if len(named) > len(shown) else []) + ([UNKNOWN] if UNKNOWN in totals else [])
    counts: dict[tuple, int] = defaultdict(int)
    for r in rows:
        country = r["country_code"] or UNKNOWN
        counts[(r["week_start"], country if country in shown or country == UNKNOWN else OTHER)] += r["incidents"]
    weeks = sorted({r["week_start"] for r in rows})
    # tab10 without its grey (index 7): greys mean "other" and "unknown" here
    palette = [c for i, c in enumerate(plt.get_cmap("tab10").colors) if i != 7]
    colours = {c: palette[i] for i, c in enumerate(shown)} | {OTHER: "#8c8c8c", UNKNOWN: "#d0d0d0"}
    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=110)
    bottom = [0] * len(weeks)
    for country in series:
        values = [counts[(w, country)] for w in weeks]
        # bars start on the Monday and span six days: a one-day gap between adjacent weeks
        ax.bar(weeks, values, bottom=bottom, width=6, align="edge", label=f"{country} ({_total_of(country, totals, shown)})",
               color=colours[country])
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_title("Attack incidents per ISO week, by country")
    ax.set_ylabel("distinct incidents")
    ax.yaxis.get_major_locator().set_params(integer=True)
    if weeks:
        locator = mdates.AutoDateLocator(maxticks=12)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.legend(title="country (incidents)", fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    else:
        ax.set_xticks([])
        ax.text(0.5, 0.5, "no dated attacks yet", ha="center", va="center", transform=ax.transAxes)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return _png(plt, fig)


def _total_of(series: str, totals: dict[str, int], shown: list[str]) -> int:
    """Incidents of one legend entry: a country, or the sum of the countries folded into "other"."""
    if series == OTHER:
        return sum(n for c, n in totals.items() if c not in shown and c != UNKNOWN)
    return totals[series]


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

"""Derived check columns: rules that span tables (a span points into its document's body,
a mention's entity and an attack's attacker and target exist) become boolean columns that a single-table suite can expect."""

from __future__ import annotations

import polars as pl
import pyarrow as pa

from sitrep.schema import contract


def with_checks(tables: dict[str, pa.Table]) -> dict[str, pl.DataFrame]:
    frames = {name: pl.from_arrow(t) for name, t in tables.items()}
    docs = frames["documents"]
    bodies = docs.select("doc_id", "body", "published_date")
    weapons = contract().vocabularies["weapon"]
    out = dict(frames)
    out["documents"] = docs.with_columns(
        check_date_has_source=pl.col("published_date").is_null() | (pl.col("published_source") != "none"))
    out["mentions"] = _span_checks(frames["mentions"], bodies, "surface").with_columns(
        check_entity_exists=pl.col("entity_id").is_in(frames["entities"]["entity_id"].implode()))
    entity_ids = frames["entities"]["entity_id"].implode()
    out["attack_events"] = _span_checks(frames["attack_events"], bodies, "evidence").with_columns(
        # an actor id that names no entity row leaves a SQL join of attacks to entities empty
        check_actors_exist=pl.all_horizontal(
            pl.col(c).is_null() | pl.col(c).is_in(entity_ids) for c in ("attacker_id", "target_id")),
        check_weapons_known=pl.col("weapons").list.eval(pl.element().is_in(list(weapons))).list.all(),
        check_date_range_ordered=pl.col("date_min") <= pl.col("date_max"),
        check_not_after_publication=pl.col("published_date").is_null() | (pl.col("date_max") <= pl.col("published_date")),
    ).drop("published_date")
    out["tallies"] = _span_checks(frames["tallies"], bodies, "evidence").with_columns(
        check_period_ordered=pl.col("period_start").is_null() | pl.col("period_end").is_null()
        | (pl.col("period_start") <= pl.col("period_end")),
    ).drop("published_date")
    return out


def _span_checks(frame: pl.DataFrame, bodies: pl.DataFrame, text_column: str) -> pl.DataFrame:
    """check_doc_exists and check_span_matches_body (body[start_char:end_char] == text)."""
    span = pl.col("body").str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char"))
    # streamed: a join copies its document's body into every span row, a whole run of them
    # at once would hold each body dozens of times
    return frame.lazy().join(bodies.lazy(), on="doc_id", how="left", maintain_order="left").with_columns(
        check_doc_exists=pl.col("body").is_not_null(),
        check_span_matches_body=pl.col("body").is_not_null() & (span == pl.col(text_column)).fill_null(False),
    ).drop("body").collect(engine="streaming")

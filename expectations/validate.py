"""Great Expectations: one suite per table (expectations/suites/*.yaml), run on the run's frames.

GX has no Polars engine and its DuckDB datasource is broken (GX #10738, #11579), so the
frames go to GX as pandas. The file context lives under the reports folder; its Data Docs
site there keeps every run's results.

A failing expectation costs only the documents whose rows fail it: GX returns the failing
rows' ids (`unexpected_index_column_names`), and those documents are quarantined with the
expectation and the failing values while the rest of the run loads. Only a failure that
cannot be laid at a document's door (a missing column, a wrong type, a row without an id, the
quarantine table itself) fails the run.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import yaml

from expectations.checks import with_checks
from expectations.docs_offline import untrack_pages
from sitrep.schema import contract

MIN_DATE = dt.date(1990, 1, 1)


# The column that names a table's rows' document (or entity): what a failing row is laid on.
ROW_OWNER = {"documents": "doc_id", "mentions": "doc_id", "attack_events": "doc_id", "tallies": "doc_id",
             "entities": "entity_id"}
# Failing values quoted per document and expectation.
QUOTED_VALUES = 3


@dataclass(frozen=True)
class ValidationReport:
    """`success`: no whole-table failure (those are `failures`, and fail the run).
    `rejected_docs`: doc_id -> why (the expectations its rows failed, with the failing values);
    `rejected_entities`: entity ids whose rows failed (their documents are in `rejected_docs`)."""
    success: bool
    failures: list[str]
    expectations_run: int
    docs_url: str | None
    rejected_docs: dict[str, str] = field(default_factory=dict)
    rejected_entities: frozenset[str] = frozenset()


@cache
def suite_specs() -> dict[str, list[tuple[str, dict]]]:
    """table -> [(expectation type, kwargs)], read from the YAML files."""
    specs = {}
    for f in sorted(resources.files("expectations").joinpath("suites").iterdir()):
        if f.name.endswith(".yaml"):
            raw = yaml.safe_load(f.read_text(encoding="utf-8"))
            specs[raw["table"]] = [next(iter(e.items())) for e in raw["expectations"]]
    return specs


def suite_columns(table: str) -> list[str]:
    """The columns a table's expectations read: GX is given those alone (its memory grows
    with every column of the frame it holds)."""
    names: dict[str, None] = {}
    for _, kwargs in suite_specs()[table]:
        for name in [kwargs["column"]] if "column" in kwargs else kwargs.get("column_list", []):
            names[name] = None
    return list(names)


def resolve_kwargs(kwargs: dict, today: dt.date) -> dict:
    """Fill the placeholders of the YAML: $tomorrow, $min_date, $vocabulary.<name>."""
    vocab = contract().vocabularies
    values = {"$tomorrow": today + dt.timedelta(days=1), "$min_date": MIN_DATE}
    out = {}
    for k, v in kwargs.items():
        if isinstance(v, str) and v.startswith("$vocabulary."):
            v = list(vocab[v.removeprefix("$vocabulary.")])
        elif isinstance(v, str) and v in values:
            v = values[v]
        out[k] = v
    return out


def validate_tables(tables: dict[str, pa.Table], reports_dir: Path, run_id: str, today: dt.date) -> ValidationReport:
    """Validate every table of a run; write Data Docs; report which expectations failed."""
    return validate_chunks([(run_id, tables)], reports_dir, today)


def run_identifier(name: str):
    """GX's RunIdentifier for a run or chunk name, stamped now (UTC).

    Without an explicit run_time GX parses the name with dateutil, which reads a run id such as
    "20261130T054516Z-9219ad" as a time zone offset of -92:19; storing the result then fails
    with "offset must be a timedelta strictly between ..." (about 1 run id in 1,250)."""
    from great_expectations.core.run_identifier import RunIdentifier

    return RunIdentifier(run_name=name, run_time=dt.datetime.now(dt.timezone.utc))


def validate_chunks(chunks: Iterable[tuple[str, dict[str, pa.Table]]], reports_dir: Path,
                    today: dt.date) -> ValidationReport:
    """Validate a run given as (name, tables) chunks, read one at a time: one GX context and
    one Data Docs build for all of them (a build per chunk re-renders the whole site each time)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    reports_dir.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(reports_dir))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    checkpoints = _checkpoints(context, today)
    failures: list[str] = []
    docs: dict[str, list[str]] = {}
    entities: dict[str, list[str]] = {}
    rendered: list = [ExpectationSuiteIdentifier(name=table) for table in checkpoints]
    count = 0
    for name, tables in chunks:
        frames = with_checks(tables)
        for table, checkpoint in checkpoints.items():
            owner = ROW_OWNER.get(table)
            columns = list(dict.fromkeys(([owner] if owner else []) + suite_columns(table)))
            frame = frames[table].select(columns).to_pandas(use_pyarrow_extension_array=True)
            result = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_identifier(name))
            rendered += result.run_results
            count += len(suite_specs()[table])
            for r in (r for v in result.run_results.values() for r in v.results if not r.success):
                rows = _failing_rows(owner, r)
                if rows is None:
                    failures.append(_failure(table, r))
                    continue
                for owner_id, values in rows.items():
                    (entities if owner == "entity_id" else docs).setdefault(owner_id, []).append(
                        _row_failure(table, r, values))
        for doc_id, why in _documents_of(entities, frames["mentions"]).items():
            docs.setdefault(doc_id, []).extend(why)
        del frames
    built = time.time()
    context.build_data_docs(resource_identifiers=rendered)
    untrack_pages(reports_dir / "gx" / "uncommitted" / "data_docs" / "local_site", since=built - 1)
    urls = context.get_docs_sites_urls()
    return ValidationReport(not failures, failures, count, urls[0]["site_url"] if urls else None,
                            {doc_id: "validation: " + "; ".join(why) for doc_id, why in docs.items()},
                            frozenset(entities))


def _failing_rows(owner: str | None, r) -> dict[str, list] | None:
    """owner id -> the failing values of one failed expectation, from GX's failing-row index;
    None when the failure concerns the whole table (an exception, no owner column, a row
    without an id)."""
    result = r.result or {}
    if owner is None or (r.exception_info or {}).get("raised_exception") or "unexpected_index_list" not in result:
        return None
    kw = r.expectation_config.kwargs
    columns = kw.get("column_list") or [kw.get("column")]
    rows: dict[str, list] = {}
    for item in result["unexpected_index_list"] or []:
        owner_id = item.get(owner) if isinstance(item, dict) else None
        if not isinstance(owner_id, str):  # None, NaN or pandas NA: a row no document owns
            return None
        value = tuple(item.get(c) for c in columns) if len(columns) > 1 else item.get(columns[0])
        rows.setdefault(str(owner_id), []).append(value)
    return rows or None


def _row_failure(table: str, r, values: list) -> str:
    kw = r.expectation_config.kwargs
    column = kw.get("column") or ",".join(kw.get("column_list") or [])
    shown = ", ".join(str(_plain(v)) for v in values[:QUOTED_VALUES]) + (", ..." if len(values) > QUOTED_VALUES else "")
    return f"{table}.{column} {r.expectation_config.type} failed for {len(values)} row(s): {shown}"


def _plain(value):
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _documents_of(entities: dict[str, list[str]], mentions) -> dict[str, list[str]]:
    """The documents that mention a failing entity: an entity row has no document of its own."""
    if not entities:
        return {}
    import polars as pl

    found = mentions.filter(pl.col("entity_id").is_in(list(entities))).select("doc_id", "entity_id").unique()
    out: dict[str, list[str]] = {}
    for doc_id, entity_id in found.iter_rows():
        out.setdefault(doc_id, []).extend(f"{why} (entity {entity_id})" for why in entities[entity_id])
    return out


def _checkpoints(context, today: dt.date) -> dict:
    """table -> the GX checkpoint running its suite (from the YAML) on a pandas frame."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    source = context.data_sources.add_or_update_pandas("sitrep_lake")
    checkpoints = {}
    for table, specs in suite_specs().items():
        suite = gx.ExpectationSuite(name=table)
        for kind, kwargs in specs:
            cls = getattr(gxe, "".join(part.capitalize() for part in kind.split("_")))
            suite.add_expectation(cls(**resolve_kwargs(kwargs, today)))
        suite = context.suites.add_or_update(suite)
        asset = next((a for a in source.assets if a.name == table), None) or source.add_dataframe_asset(table)
        batch_def = next((b for b in asset.batch_definitions if b.name == "run"), None) or \
            asset.add_batch_definition_whole_dataframe("run")
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=table, data=batch_def, suite=suite))
        owner = ROW_OWNER.get(table)
        result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": [owner],
                         "partial_unexpected_count": 20, "return_unexpected_index_query": False} if owner else "SUMMARY"
        checkpoints[table] = context.checkpoints.add_or_update(gx.Checkpoint(
            name=f"sitrep_{table}", validation_definitions=[definition], result_format=result_format))
    return checkpoints


def _failure(table: str, r) -> str:
    kw = r.expectation_config.kwargs
    unexpected = (r.result or {}).get("partial_unexpected_list") or []
    return (f"{table}.{kw.get('column') or kw.get('column_list')}: {r.expectation_config.type}"
            f" ({(r.result or {}).get('unexpected_count', '?')} rows, e.g. {unexpected[:3]})")

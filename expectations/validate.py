"""Great Expectations: one suite per table (expectations/suites/*.yaml), run on the run's frames.

GX has no Polars engine and its DuckDB datasource is broken (GX #10738, #11579), so the
frames go to GX as pandas. The file context lives under the reports folder; its Data Docs
site there keeps every run's results.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pyarrow as pa
import yaml

from expectations.checks import with_checks
from sitrep.schema import contract

MIN_DATE = dt.date(1990, 1, 1)


@dataclass(frozen=True)
class ValidationReport:
    success: bool
    failures: list[str]
    expectations_run: int
    docs_url: str | None

    @classmethod
    def combine(cls, reports: list["ValidationReport"]) -> "ValidationReport":
        """One report for a run validated in several chunks."""
        return cls(all(r.success for r in reports), [f for r in reports for f in r.failures],
                   sum(r.expectations_run for r in reports), reports[-1].docs_url if reports else None)


@cache
def suite_specs() -> dict[str, list[tuple[str, dict]]]:
    """table -> [(expectation type, kwargs)], read from the YAML files."""
    specs = {}
    for f in sorted(resources.files("expectations").joinpath("suites").iterdir()):
        if f.name.endswith(".yaml"):
            raw = yaml.safe_load(f.read_text(encoding="utf-8"))
            specs[raw["table"]] = [next(iter(e.items())) for e in raw["expectations"]]
    return specs


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
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    frames = with_checks(tables)
    reports_dir.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(reports_dir))
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_or_update_pandas("sitrep_lake")
    from great_expectations.core.run_identifier import RunIdentifier

    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    failures: list[str] = []
    rendered: list = []
    count = 0
    for table, specs in suite_specs().items():
        suite = gx.ExpectationSuite(name=table)
        for kind, kwargs in specs:
            cls = getattr(gxe, "".join(part.capitalize() for part in kind.split("_")))
            suite.add_expectation(cls(**resolve_kwargs(kwargs, today)))
            count += 1
        suite = context.suites.add_or_update(suite)
        asset = next((a for a in source.assets if a.name == table), None) or source.add_dataframe_asset(table)
        batch_def = next((b for b in asset.batch_definitions if b.name == "run"), None) or \
            asset.add_batch_definition_whole_dataframe("run")
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=table, data=batch_def, suite=suite))
        checkpoint = context.checkpoints.add_or_update(gx.Checkpoint(
            name=f"sitrep_{table}", validation_definitions=[definition], result_format="SUMMARY"))
        frame = frames[table].to_pandas(use_pyarrow_extension_array=True)
        result = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=RunIdentifier(run_name=run_id))
        rendered += [*result.run_results, ExpectationSuiteIdentifier(name=table)]
        for validation in result.run_results.values():
            for r in validation.results:
                if r.success:
                    continue
                kw = r.expectation_config.kwargs
                unexpected = (r.result or {}).get("partial_unexpected_list") or []
                failures.append(f"{table}.{kw.get('column') or kw.get('column_list')}: {r.expectation_config.type}"
                                f" ({(r.result or {}).get('unexpected_count', '?')} rows, e.g. {unexpected[:3]})")
    # one Data Docs build for the run's results (an action per checkpoint would rebuild it per table)
    context.build_data_docs(resource_identifiers=rendered)
    urls = context.get_docs_sites_urls()
    return ValidationReport(not failures, failures, count, urls[0]["site_url"] if urls else None)

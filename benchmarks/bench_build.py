"""Measure kg build: wall time per stage, documents per second, peak memory, graph size.

Usage:  python benchmarks/bench_build.py [--copies 40]

Runs the seeds once, then a synthetic corpus of the seeds copied N times (each copy made
unique so it is not deduplicated), and prints one JSON line per run. Numbers, not tests:
nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def measure(paths: list[Path], label: str) -> dict[str, object]:
    import kg
    from kg.export import serialize

    started = time.perf_counter()
    result = kg.build_result(paths)
    built = time.perf_counter()
    report = kg.validate(result.dataset)
    validated = time.perf_counter()
    turtle = serialize(result.dataset, "turtle")
    serialize(result.dataset, "json-ld")
    exported = time.perf_counter()
    documents = len(result.corpus.documents)
    return {
        "run": label, "documents": documents, "facts": len(result.corpus.facts),
        "entities": len(result.corpus.entities), "quads": len(result.dataset),
        "turtle_bytes": len(turtle.encode()), "conforms": report.conforms,
        "build_s": round(built - started, 2), "validate_s": round(validated - built, 2),
        "export_s": round(exported - validated, 2),
        "docs_per_s": round(documents / (built - started), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def synthetic_corpus(folder: Path, copies: int) -> None:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    for copy in range(copies):
        for seed in seeds:
            text = seed.read_text("utf-8")
            (folder / f"{copy:04d}_{seed.name}").write_text(f"{text}\n\nCopy {copy}.\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="seed copies in the synthetic run")
    args = parser.parse_args()
    from kg.nlp import choose_model, load_pipeline

    started = time.perf_counter()
    load_pipeline(choose_model())
    print(json.dumps({"run": "load-model", "load_s": round(time.perf_counter() - started, 2)}))
    print(json.dumps(measure([REPO / "seeds"], "seeds")))
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        synthetic_corpus(folder, args.copies)
        print(json.dumps(measure([folder], f"seeds x{args.copies}")))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

"""kg's stages against spaCy's own nlp.pipe on the same articles, in CPU seconds (issue 14).

Usage:  python benchmarks/cpu_ratio.py FOLDER COUNT

``bench_scale.py`` compares wall seconds, which say little on a machine other builds share;
this runs everything in one process (no workers) and reads ``time.process_time``: spaCy's
``nlp.pipe`` over the first COUNT files' texts, then kg's parse and extract, resolution and
the streamed, checked write of the graph (``kg.graphstream``). The ratio is spaCy's seconds
over kg's (1.0: kg keeps up with the bare parser); the one for parse and extract alone says
how far the rest could take it. Numbers, not tests: nothing here asserts a time.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.graphstream import write_streamed
from kg.nlp import choose_model, load_pipeline
from kg.pipeline import extract_paths, finish_build


def main() -> None:
    folder, count = Path(sys.argv[1]), int(sys.argv[2])
    files = sorted(folder.iterdir())[:count]
    work = Path(tempfile.mkdtemp(prefix="kg-cpu-ratio-"))
    try:
        for file in files:
            shutil.copy(file, work / file.name)
        texts = [file.read_text("utf-8") for file in files]
        nlp = load_pipeline(choose_model())
        began = time.process_time()
        tokens = sum(len(doc) for doc in nlp.pipe(texts))
        spacy = time.process_time() - began
        began = time.process_time()
        extraction = extract_paths([work], workers=1)
        extract = time.process_time() - began
        began = time.process_time()
        built = finish_build(extraction.results, extraction.model, graph=False)
        resolve = time.process_time() - began
        began = time.process_time()
        done = write_streamed(built.corpus, built.model, {work / "graph.nq": "nquads"},
                              workers=1, records=built.records)
        write = time.process_time() - began
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = extract + resolve + write
    print(f"{len(files)} articles, {tokens} tokens: spaCy nlp.pipe {spacy:.1f} s CPU; kg "
          f"parse+extract {extract:.1f}, resolve {resolve:.1f}, graph+check+write {write:.1f} "
          f"(total {total:.1f}); ratio {spacy / total:.2f} (parse+extract alone "
          f"{spacy / extract:.2f}); {done.quads} quads")


if __name__ == "__main__":
    main()

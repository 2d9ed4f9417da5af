"""Build tiny corpora from sentences written for a test; articles and process helpers that
several test modules share."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from kg.extract import extract_document
from kg.ingest import make_document
from kg.model import Document, Fact, ResolvedCorpus
from kg.nlp import choose_model, parse_documents
from kg.resolve import resolve_corpus


def corpus_of(*texts: str, date: str | None = "2023-09-15") -> ResolvedCorpus:
    documents = [make_document(text, source=f"t{i}.txt", date=date) for i, text in enumerate(texts)]
    return corpus_of_documents(*documents)


def fact_rows(text: str) -> list[tuple[str, str, str | None, str]]:
    """(subject, lemma, object, factuality) of every fact of a text, by entity labels: the
    rows the verb tests compare."""
    corpus = corpus_of(text)
    labels = {e.entity_id: e.label for e in corpus.entities}
    return [(labels[f.subject.entity_id], f.lemma,
             labels[f.object.entity_id] if f.object else None, f.evidence.factuality.value)
            for f in corpus.facts]


def corpus_of_documents(*documents: Document) -> ResolvedCorpus:
    extracted = [extract_document(d, doc) for d, doc in parse_documents(documents, choose_model())]
    return resolve_corpus(extracted)


def object_id(fact: Fact) -> str | None:
    """The object's entity, None for an occurrence ('X resigned' has no object)."""
    return fact.object.entity_id if fact.object is not None else None


def find(corpus: ResolvedCorpus, subject: str, predicate: str, obj: str) -> list[Fact]:
    return [f for f in corpus.facts if f.subject.entity_id == subject
            and f.predicate == predicate and object_id(f) == obj]


def role(fact: Fact, name: str) -> list[str]:
    return [r.entity_id or r.normalized or r.mention.text for r in fact.roles
            if r.name.value == name]


def labelled_triples(corpus: ResolvedCorpus) -> set[tuple[str, str, str]]:
    """Every fact as (subject label, predicate, object label): what a reader checks; an
    occurrence ('X resigned') has the object label ''."""
    labels = {e.entity_id: e.label for e in corpus.entities}
    return {(labels[f.subject.entity_id or ""], f.predicate, labels.get(object_id(f) or "", ""))
            for f in corpus.facts}


ARTICLES = {
    "a.txt": "Russian President Vladimir Putin gave North Korean leader Kim Jong Un a rifle.",
    "b.txt": "Kim Jong Un met Vladimir Putin in Moscow on 13 September 2023.",
    "c.txt": "Angela Merkel visited Paris on Monday and met Emmanuel Macron.",
    "d.txt": "Apple hired Tim Cook in 1998. Tim Cook later visited Beijing.",
    "e.txt": "The United Nations sent aid to Gaza on Friday, officials said.",
}
"""Four (five) one-line articles with facts of several kinds, for builds that must be small."""


def write_articles(folder: Path, names: Iterable[str] = ARTICLES) -> Path:
    """``folder`` with the named ``ARTICLES`` written in it, one line each."""
    for name in names:
        (folder / name).write_text(ARTICLES[name] + "\n", encoding="utf-8")
    return folder


def start_with_workers(script: str, cwd: Path) -> tuple[subprocess.Popen, list[int]]:
    """Run ``script`` (Python that starts worker processes and leaves them running) in a
    child process with this checkout on its path; return it and the pids of its own children
    once it has printed them, for ``kill_and_reap``."""
    reporting = script + (
        "import os, time\n"
        "pid = os.getpid()\n"
        "print(open(f'/proc/{pid}/task/{pid}/children').read().strip(), flush=True)\n"
        "time.sleep(600)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    parent = subprocess.Popen([sys.executable, "-c", reporting], env=env, cwd=cwd,
                              stdout=subprocess.PIPE, text=True)
    children = [int(pid) for pid in parent.stdout.readline().split()]  # type: ignore[union-attr]
    return parent, children


def kill_and_reap(process: subprocess.Popen, children: Iterable[int] = ()) -> list[int]:
    """SIGKILL ``process``, reap it, and give its ``children`` up to 20 s to die with it;
    return those still alive (not zombies), for the test to assert on."""
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    alive = list(children)
    for _ in range(200):
        alive = [pid for pid in alive if _running(pid)]
        if not alive:
            break
        time.sleep(0.1)
    return alive


def _running(pid: int) -> bool:
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return False

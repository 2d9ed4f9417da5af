"""Why kg misses the event facts of a real-news set: each missed gold event sorted by cause.

Usage:
  python benchmarks/realnews_eval.py [--articles DIR --gold DIR] --json > misses.json
  python benchmarks/event_misses.py misses.json [--articles DIR] [--show CAUSE] [--json]

``realnews_eval.py --json`` lists the missed gold facts with their quotes. This parses the
articles once more and, for each missed event, looks inside its quote at what kg read before
the confidence floor and before resolution, and at the parse of the gold verb:

  below floor          kg read the verb's fact, every reading under ``kg.confidence.FLOOR``
  participant differs  kg read the verb's fact above the floor, and emits none with the
                       gold's participants: another subject or object (a wrong doer, a
                       longer phrase), or the fact dropped at resolution (a lone
                       description left unlinked)
  no fact: <why>       the verb is in the quote as a verb and kg read no fact with it; <why>
                       from the verb's parse: a skipped or speech verb, a passive or
                       participle, no subject of its own (its dependency), a bare number
                       as object, a clause complement only, a subject and an object (a
                       filtered subject: bare generic noun, lone description, unresolved
                       pronoun), a subject alone
  verb mis-tagged      the gold verb's word is there, tagged a noun or an auxiliary
  noun or paraphrase   no word of the gold verb in the quote: an event noun, an inference

It is a diagnosis, not a score: the quote is the gold writer's, and a cause is read from the
first token of the gold verb in it. Read it on the dev and the fresh sets, never on the
third set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from kg.confidence import FLOOR
from kg.extract import extract_document
from kg.ingest import read_file
from kg.model import Document, Fact
from kg.nlp import choose_model, parse_documents
from kg.relations import load_vocabulary

HERE = Path(__file__).resolve().parent / "realnews"
GOLD_EVENT = re.compile(r"^\[event\] (?P<subject>.*?) --(?P<relation>.+?)--> (?P<object>.*)$")
QUOTE_WORDS = 6  # words of the quote that find it in the article
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})
SUBJECT_DEPS = frozenset({"nsubj", "expl", "csubj"})


@dataclass(frozen=True)
class Miss:
    article: str
    gold: str
    quote: str
    cause: str
    read: tuple[str, ...]  # kg's readings of the gold verb in the quote, before the floor


def gold_verb(gold: str) -> str | None:
    """The first word of a missed event's relation ('call' of 'call on'); None for a role or
    place."""
    match = GOLD_EVENT.match(gold)
    return match.group("relation").split()[0].lower() if match else None


def quote_span(body: str, quote: str) -> tuple[int, int] | None:
    """Where the quote is in the article, whitespace aside (its first words, then its
    length): the gold writers copied quotes across line breaks."""
    words = quote.split()[:QUOTE_WORDS]
    if not words:
        return None
    found = re.search(r"\s+".join(map(re.escape, words)), body)
    return None if found is None else (found.start(), found.start() + len(quote) + 20)


def verb_cause(token: Token) -> str:
    """Why a verb kg parsed as a verb stated no fact, read from its dependents."""
    children = list(token.children)
    deps = {c.dep_ for c in children}
    if token.lemma_.lower() in load_vocabulary().skip_verbs:
        return "no fact: skipped or speech verb"
    if deps & PASSIVE_DEPS or (token.dep_ in {"acl", "amod"} and token.tag_ == "VBN"):
        return "no fact: passive or participle"
    if not deps & SUBJECT_DEPS:
        return f"no fact: no subject of its own ({token.dep_})"
    if any(c.dep_ == "dobj" and c.tag_ == "CD" for c in children):
        return "no fact: bare number as object"
    if deps & {"ccomp", "xcomp"} and "dobj" not in deps:
        return "no fact: clause complement only"
    if "dobj" in deps:
        return "no fact: subject and object"
    return "no fact: subject alone"


def cause_of(doc: Doc, facts: Iterable[Fact], span: tuple[int, int] | None, verb: str
             ) -> tuple[str, tuple[str, ...]]:
    """The cause of one miss and kg's readings of its verb inside the quote."""
    if span is None:
        return "quote not found", ()
    start, end = span
    read = [f for f in facts if start <= f.evidence.trigger_start < end
            and f.lemma.split()[0] == verb]
    shown = tuple(f"{f.subject.mention.text} --{f.lemma}--> "
                  f"{f.object.mention.text if f.object else '-'} "
                  f"<{f.evidence.rule}> {f.evidence.confidence:.2f}" for f in read)
    if read:
        below = all(f.evidence.confidence < FLOOR for f in read)
        return ("below floor" if below else "participant differs"), shown
    tokens = [t for t in doc if start <= t.idx < end and t.lemma_.lower() == verb]
    if not tokens:
        return "noun or paraphrase", shown
    if tokens[0].pos_ != "VERB":
        return "verb mis-tagged", shown
    return verb_cause(tokens[0]), shown


def classify(misses: list[dict[str, str]], articles: Path) -> list[Miss]:
    """Every missed event of ``realnews_eval --json``'s misses, with its cause."""
    events = [m for m in misses if gold_verb(m["gold"]) is not None]
    names = sorted({m["article"] for m in events})
    documents: list[Document] = [d for name in names for d in read_file(articles / name)]
    read: dict[str, tuple[Document, Doc, tuple[Fact, ...]]] = {}
    for document, doc in parse_documents(documents, choose_model()):
        read[document.source] = (document, doc, extract_document(document, doc).facts)
    found: list[Miss] = []
    for miss in events:
        document, doc, facts = read[miss["article"]]
        span = quote_span(document.body, miss["quote"])
        cause, shown = cause_of(doc, facts, span, gold_verb(miss["gold"]) or "")
        found.append(Miss(miss["article"], miss["gold"], miss["quote"], cause, shown))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("misses", type=Path, help="realnews_eval.py --json output")
    parser.add_argument("--articles", type=Path, default=HERE / "articles")
    parser.add_argument("--show", help="print the misses of this cause (a prefix)")
    parser.add_argument("--json", action="store_true", help="every miss with its cause")
    args = parser.parse_args()
    report = json.loads(args.misses.read_text("utf-8"))
    found = classify(report["misses"], args.articles)
    if args.json:
        print(json.dumps([asdict(m) for m in found], ensure_ascii=False, indent=1))
        return
    counts = Counter(m.cause for m in found)
    print(f"{len(found)} missed events")
    for cause, count in counts.most_common():
        print(f"{count:5d}  {count / len(found):.0%}  {cause}")
    for miss in (m for m in found if args.show and m.cause.startswith(args.show)):
        print(f"- {miss.gold}\n    \"{miss.quote[:160]}\"", file=sys.stdout)
        for line in miss.read:
            print(f"    kg read: {line}")


if __name__ == "__main__":
    main()

"""Recall of kg on real news nobody on the team wrote, against gold written blind.

Usage:
  python benchmarks/realnews_eval.py [--articles DIR] [--gold DIR] [--json] [--misses N]
  python benchmarks/realnews_eval.py --sample FILE [--size N] [--seed S]   # facts to judge
  python benchmarks/realnews_eval.py --judged FILE                         # precision, calibration

The articles (``benchmarks/realnews/articles``, English Wikinews, CC BY 2.5; see
``realnews/SOURCES.md``) were chosen by a fixed random seed; the gold facts
(``realnews/gold/*.json``, format in ``realnews/GOLD_FORMAT.md``) were written by helpers that
read only the article, never kg's output. Do not edit the gold to fit kg.

A gold fact is found when one extracted fact has a matching subject and object (the names
rule of ``eval_extract.names_match``: equal after folding, or same last word) and a
compatible relation:
  event     the fact's verb lemma is the gold relation, or the relation vocabulary maps the
            gold relation to the fact's predicate (symmetric predicates match either way);
  role      an ``affiliatedWith`` fact whose role name is the gold role (its canonical form);
  location  ``located in``/``based in`` -> locatedIn or basedIn; ``born in`` -> bornIn;
            ``live in`` -> livedIn; ``from`` -> cameFrom, bornIn or livedIn.
An idiom kg reads as one verb holds the gold object in its lemma ('X --catch fire-->' finds
'X --catch--> fire'; ``lemma_holds_object``): then only the subject must match.
A gold doer-only event is also found by a fact of its doer whose only further participant is
a prepositional one ('X --return from--> Italy' states 'X returned'; ``adjunct_only``).
Gold facts with one participant ('X resigned'; 'X was arrested', written with an empty subject
or object) are found only by a fact with no object whose one participant matches.
``any relation`` recall ignores the relation: how often kg links the right two things at all.
``heads`` recall is a second, looser reading of the names rule, reported beside the headline
score and never instead of it: a participant also matches when the two phrases' syntactic heads
agree, the head being the word before the first post-modifier ('correlation between A and B'
-> correlation; 'pictures of herself with X' -> pictures). The gold writers wrote whole noun
phrases where kg's labels often stop at the head; the last-word rule then compares 'B' with
'correlation'. The gap between the two recalls is phrase length, not extraction.
Articles are read with no per-document time limit (``kg build --time-limit``): a benchmark
measures extraction, and under a loaded machine the limit would skip articles and lower the score.

Precision is judged by hand, not against the gold (a gold list is never complete):
``--sample`` writes a seeded random sample of every fact kg emits to a JSON Lines file, one fact
per line with its sentence; a judge who has not seen the gold adds ``"verdict"``:
``correct`` (the sentence states it, roles included), ``vague`` (true but the subject or object
is a bare description like 'counterpart'), or ``wrong``. ``--judged`` then prints precision
(correct / judged, and correct+vague / judged), precision at confidence >= 0.8, the ROC AUC of
confidence for correct vs not, and a reliability table.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from eval_extract import FactNames, fold_words, names_match

import kg
from kg.model import ResolvedCorpus
from kg.relations import load_vocabulary

NameRule = Callable[[str, Sequence[str]], bool]
HERE = Path(__file__).resolve().parent / "realnews"
LOCATION_PREDICATES = {
    "located in": {"locatedIn", "basedIn"}, "based in": {"basedIn", "locatedIn"},
    "born in": {"bornIn"}, "live in": {"livedIn"}, "lived in": {"livedIn"},
    "from": {"cameFrom", "bornIn", "livedIn"},
}
CONFIDENT = 0.8
POST_MODIFIERS = frozenset({
    "of", "in", "on", "at", "for", "from", "with", "between", "to", "by", "that", "who", "which",
    "about", "against", "during", "after", "before", "over", "under", "near", "into", "across",
    "including", "as"})


@dataclass(frozen=True)
class GoldFact:
    article: str
    subject: str
    relation: str
    object: str
    kind: str
    headline: bool
    quote: str

    def show(self) -> str:
        return f"[{self.kind}] {self.subject} --{self.relation}--> {self.object or '-'}"


@dataclass(frozen=True)
class Emitted:
    """One emitted fact as names; each names tuple is (label, *aliases)."""

    article: str
    subject: tuple[str, ...]
    predicate: str
    lemma: str
    object: tuple[str, ...]
    role_name: str
    roles: tuple[tuple[str, str], ...]
    confidence: float
    factuality: str
    rule: str
    sentence: str
    position: int
    subject_role: str = "agent"
    ended: bool = False  # a position the text says is over ('former minister X')

    def show(self) -> str:
        former = "former " if self.ended else ""
        role = f" as {former}{self.role_name}" if self.role_name else ""
        extra = "".join(f" [{name}: {value}]" for name, value in self.roles)
        if not self.object[0]:  # one participant: who did it, or who it was done to
            if self.subject_role == "theme":
                return f"(someone) --{self.predicate}{role}--> {self.subject[0]}{extra}"
            return f"{self.subject[0]} --{self.predicate}{role}--> (nothing){extra}"
        return f"{self.subject[0]} --{self.predicate}{role}--> {self.object[0]}{extra}"


def load_gold(folder: Path) -> dict[str, list[GoldFact]]:
    gold: dict[str, list[GoldFact]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        article = data.get("article") or path.stem + ".txt"
        gold[article] = [GoldFact(article, f.get("subject", ""), f.get("relation", "").lower(),
                                  f.get("object", "") or "", f.get("kind", "event"),
                                  bool(f.get("headline")), f.get("quote", ""))
                         for f in data["facts"]]
    return gold


def emitted_facts(corpus: ResolvedCorpus) -> list[Emitted]:
    names = FactNames(corpus)
    facts = [Emitted(
        article=names.article(f), subject=names(f.subject), predicate=f.predicate,
        lemma=f.lemma, object=names(f.object), role_name=getattr(f, "role_name", None) or "",
        roles=tuple((r.name.value, r.normalized or names(r)[0]) for r in f.roles),
        confidence=f.evidence.confidence, factuality=f.evidence.factuality.value,
        rule=f.evidence.rule, sentence=" ".join(f.evidence.sentence_text.split()),
        position=f.evidence.trigger_start, subject_role=f.subject.name.value,
        ended=f.position_ended)
        for f in corpus.facts]
    return sorted(facts, key=lambda f: (f.article, f.position, f.predicate))


def _role_word(word: str) -> str:
    """A role word in canonical form, through kg's role lexicon when it has one."""
    word = " ".join(word.lower().replace(".", "").split())
    try:
        from kg.lexicon import canonical_role  # type: ignore[import-not-found]
    except ImportError:
        return word
    return canonical_role(word) or word


def relation_fits(gold: GoldFact, fact: Emitted) -> bool:
    if gold.kind == "role":
        return fact.predicate == "affiliatedWith" and (
            _role_word(gold.relation) == _role_word(fact.role_name)
            or _role_word(gold.relation).split()[-1] == _role_word(fact.role_name).split()[-1])
    if gold.kind == "location":
        return fact.predicate in LOCATION_PREDICATES.get(gold.relation, set())
    spec = load_vocabulary().spec(gold.relation)
    return fact.lemma == gold.relation or fact.lemma.split()[0] == gold.relation.split()[0] \
        or (spec is not None and spec.predicate == fact.predicate)


def phrase_head(words: Sequence[str]) -> str | None:
    """The syntactic head of an English noun phrase: the word before its first post-modifier."""
    for index, word in enumerate(words):
        if index and word in POST_MODIFIERS:
            return words[index - 1]
    return words[-1] if words else None


def heads_match(gold: str, names: Sequence[str]) -> bool:
    """The names rule, or the same syntactic head (the module docstring's ``heads`` recall)."""
    if names_match(gold, names):
        return True
    wanted, label = fold_words(gold), fold_words(names[0]) if names else []
    return bool(wanted and label) and phrase_head(wanted) == phrase_head(label)


def lemma_holds_object(gold: GoldFact, fact: Emitted, match: NameRule = names_match) -> bool:
    """Whether the fact's verb lemma carries the gold object: kg reads 'catch fire', 'claim
    responsibility', 'make landfall' as one verb (``relations.json`` idioms), the gold writers
    as a verb and its object ('truck --catch--> fire'). Both say the same thing of the same
    subject; the fact's own object, if any, is a further participant ('for the attacks')."""
    relation, lemma = gold.relation.split(), fact.lemma.lower().split()
    rest = lemma[len(relation):]
    return gold.kind == "event" and bool(rest and gold.object) \
        and lemma[:len(relation)] == relation and match(gold.object, (" ".join(rest),))


def adjunct_only(gold: GoldFact, fact: Emitted) -> bool:
    """Whether the fact adds only a prepositional participant to a gold doer-only event: kg's
    'X --return from--> Italy' states the gold 'X returned' (object ""), and more."""
    relation, lemma = gold.relation.split(), fact.lemma.lower().split()
    rest = lemma[len(relation):]
    return gold.kind == "event" and bool(gold.subject) and not gold.object \
        and fact.subject_role == "agent" and lemma[:len(relation)] == relation \
        and len(rest) == 1 and rest[0] in POST_MODIFIERS


def arguments_fit(gold: GoldFact, fact: Emitted, match: NameRule = names_match) -> bool:
    if gold.subject and (lemma_holds_object(gold, fact, match) or adjunct_only(gold, fact)):
        return match(gold.subject, fact.subject)
    if not fact.object[0] or not (gold.subject and gold.object):
        # One participant on either side ('X died', 'X was arrested'): the writers put it as
        # subject or object, so the one named participant must match and both must be unary.
        return not fact.object[0] and not (gold.subject and gold.object) and \
            match(gold.subject or gold.object, fact.subject)
    if not match(gold.subject, fact.subject):
        symmetric = fact.predicate in load_vocabulary().symmetric_predicates
        return symmetric and match(gold.subject, fact.object) and \
            match(gold.object, fact.subject)
    return match(gold.object, fact.object)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def evaluate(articles: Path, gold_dir: Path) -> dict[str, object]:
    gold = load_gold(gold_dir)
    started = time.perf_counter()
    result = kg.build_result([articles / name for name in gold], document_seconds=None)
    seconds = time.perf_counter() - started
    facts = emitted_facts(result.corpus)
    by_kind: Counter[str] = Counter()
    found_kind: Counter[str] = Counter()
    found_any = found_heads = 0
    headline = headline_found = 0
    misses: list[dict[str, str]] = []
    for article, gold_facts in gold.items():
        mine = [f for f in facts if f.article == article]
        for g in gold_facts:
            by_kind[g.kind] += 1
            headline += g.headline
            hits = [f for f in mine if arguments_fit(g, f)]
            exact = [f for f in hits if relation_fits(g, f)]
            found_any += bool(hits)
            found_heads += any(arguments_fit(g, f, heads_match) and relation_fits(g, f)
                               for f in mine)
            if exact:
                found_kind[g.kind] += 1
                headline_found += g.headline
            else:
                near = hits[0].show() if hits else "-"
                misses.append({"article": article, "gold": g.show(), "quote": g.quote,
                               "same arguments": near})
    total = sum(by_kind.values())
    found = sum(found_kind.values())
    return {
        "model": result.model, "articles": len(gold), "seconds": round(seconds, 1),
        "gold": total, "found": found, "recall": _ratio(found, total),
        "recall_headline": _ratio(headline_found, headline),
        "recall_any_relation": _ratio(found_any, total),
        "recall_heads": _ratio(found_heads, total),
        "recall_by_kind": {k: {"gold": n, "found": found_kind[k],
                               "recall": _ratio(found_kind[k], n)}
                           for k, n in sorted(by_kind.items())},
        "emitted": len(facts), "emitted_typed": sum(
            f.predicate in load_vocabulary().predicates or f.predicate == "affiliatedWith"
            for f in facts),
        "misses": misses,
    }


def write_sample(articles: Path, gold_dir: Path, out: Path, size: int, seed: int) -> int:
    names = sorted(load_gold(gold_dir)) or sorted(p.name for p in articles.glob("*.txt"))
    facts = emitted_facts(kg.build_result([articles / n for n in names],
                                          document_seconds=None).corpus)
    chosen = random.Random(seed).sample(facts, min(size, len(facts)))
    with out.open("w", encoding="utf-8") as stream:
        for index, fact in enumerate(sorted(chosen, key=lambda f: (f.article, f.position))):
            stream.write(json.dumps({"id": index, "fact": fact.show(), **asdict(fact)},
                                    ensure_ascii=False) + "\n")
    return len(chosen)


def roc_auc(scores: Sequence[float], labels: Sequence[bool]) -> float | None:
    """Probability that a random correct fact outranks a random wrong one (ties count half)."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return round(wins / (len(pos) * len(neg)), 3)


def judged_report(path: Path) -> dict[str, object]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("verdict") in {"correct", "vague", "wrong"}]
    correct = [r["verdict"] == "correct" for r in rows]
    confidence = [float(r["confidence"]) for r in rows]
    confident = [c for c, s in zip(correct, confidence, strict=True) if s >= CONFIDENT]
    bins = []
    for low, high in ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)):
        inside = [c for c, s in zip(correct, confidence, strict=True) if low <= s < high]
        if inside:
            bins.append({"confidence": f"{low:.1f}-{min(high, 1.0):.1f}", "facts": len(inside),
                         "precision": _ratio(sum(inside), len(inside))})
    return {"judged": len(rows), "precision": _ratio(sum(correct), len(rows)),
            "precision_true_or_vague": _ratio(sum(r["verdict"] != "wrong" for r in rows),
                                              len(rows)),
            "precision_confident": _ratio(sum(confident), len(confident)),
            "confident": len(confident), "auc": roc_auc(confidence, correct),
            "reliability": bins}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=HERE / "articles")
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    parser.add_argument("--sample", type=Path, help="write facts to judge to this JSONL file")
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--judged", type=Path, help="score a judged JSONL sample")
    args = parser.parse_args()
    if args.judged:
        print(json.dumps(judged_report(args.judged), indent=1))
        return
    if args.sample:
        count = write_sample(args.articles, args.gold, args.sample, args.size, args.seed)
        print(f"{count} facts -> {args.sample}", file=sys.stderr)
        return
    report = evaluate(args.articles, args.gold)
    misses = report.pop("misses")
    if args.json:
        print(json.dumps({**report, "misses": misses}, ensure_ascii=False))
        return
    print(json.dumps(report, indent=1))
    for miss in misses[:args.misses]:  # type: ignore[index]
        print(f"- {miss['article']}: {miss['gold']}\n    \"{miss['quote']}\"\n"
              f"    same arguments: {miss['same arguments']}")


if __name__ == "__main__":
    main()

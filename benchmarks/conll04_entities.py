"""Score kg's entity mentions and types against CoNLL04's gold entities (Roth and Yih, 2004).

Usage:  python benchmarks/conll04_entities.py PATH [--json] [--limit N] [--errors K]
                                              [--relations] [--model NAME]

PATH is a CoNLL04 split in the SpERT or TablERT JSON form (see benchmarks/conll04.py, whose
reading, detokenising and building this script reuses: one kg build, one document a sentence).

Why: most wrong facts on articles nobody has read are entity-level (a company or a place typed
Person, a work named after a person standing for the person, names cut short or run together).
CoNLL04 marks every sentence's entities with a type (Peop, Org, Loc, Other) and a span, written
by others, so kg's mention finding and typing can be measured apart from its facts.

For each gold entity:
  exact      some kg mention has the same character span (final periods aside, as in
             conll04.py's strict mode);
  head-word  some kg mention ends in the same gold token (conll04.py's head-word mode);
  type       for entities found at head-word, the type of the kg entity the mention resolved to
             (an exact-span mention preferred), read Person~Peop, Organization~Org,
             Place~Loc and any other kg type~Other; printed as a confusion matrix with accuracy.
And kg's named mentions (spaCy entities, not noun phrases or pronouns) that end in no gold
entity's last token, by kg type: names kg found that CoNLL04 does not mark (often a span error:
'Sen. Bob Dole' against 'Bob Dole' ends in the same token and so is not counted here).
With --relations the same build is also scored as conll04.py scores relations (micro F1).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from conll04 import (
    GoldEntity,
    Sentence,
    detokenise,
    evaluate,
    kg_arguments,
    load_conll04,
    option_parser,
    run_kg,
)

from kg.model import EntityType, Mention, ResolvedCorpus

GOLD_TYPES = ("Peop", "Org", "Loc", "Other")
KG_AS_GOLD = {EntityType.PERSON.value: "Peop", EntityType.ORGANIZATION.value: "Org",
              EntityType.PLACE.value: "Loc"}
MISSED = "missed"


@dataclass(frozen=True)
class KgMention:
    """One kg mention placed in a gold sentence: its trimmed span, last gold token, kg type."""

    text: str
    span: tuple[int, int]
    last_token: int | None
    kg_type: str
    named: bool


def as_gold_type(kg_type: str) -> str:
    """kg's entity type in CoNLL04's terms (Thing, Event, Date: Other)."""
    return KG_AS_GOLD.get(kg_type, "Other")


def gold_last_token(sentence: Sentence, entity: GoldEntity) -> int:
    """The entity's last word token ('N.Y' '.': the split-off final period is no word)."""
    last = entity.end - 1
    if last > entity.start and sentence.gold.tokens[last] == ".":
        last -= 1
    return last


def _placed(sentence: Sentence, mention: Mention, kg_type: str) -> KgMention:
    text = sentence.text[mention.start:mention.end]
    last = sentence.token_at(mention.start + len(text.rstrip()) - 1)
    return KgMention(mention.text, sentence.trimmed((mention.start, mention.end)), last,
                     kg_type, mention.ner_label is not None)


def kg_mentions(corpus: ResolvedCorpus, sentences: Sequence[Sentence]
                ) -> dict[int, list[KgMention]]:
    """Every non-pronoun kg mention, per gold sentence, typed by the entity it resolved to
    (kg reads identical sentences once; their mentions count for each copy)."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for index, sentence in enumerate(sentences):
        by_text[sentence.text].append(index)
    doc_sentences = {d.doc_id: by_text[d.text] for d in corpus.documents}
    found: dict[int, list[KgMention]] = defaultdict(list)
    for entity in corpus.entities:
        for mention in entity.mentions:
            if mention.is_pronoun:
                continue
            for index in doc_sentences.get(mention.doc_id, []):
                found[index].append(_placed(sentences[index], mention, entity.type.value))
    return found


def _best(sentence: Sentence, entity: GoldEntity, mentions: Sequence[KgMention]
          ) -> tuple[KgMention | None, bool]:
    """The kg mention that stands for the gold entity, and whether its span is exact."""
    span = sentence.trimmed(sentence.entity_span(entity))
    last = gold_last_token(sentence, entity)
    exact = [m for m in mentions if m.span == span]
    if exact:
        return exact[0], True
    at_head = sorted((m for m in mentions if m.last_token == last),
                     key=lambda m: (not m.named, -(m.span[1] - m.span[0])))
    return (at_head[0], False) if at_head else (None, False)


def score_entities(sentences: Sequence[Sentence], mentions: dict[int, list[KgMention]]
                   ) -> dict[str, object]:
    """Span match, the type confusion matrix and kg's unmatched named mentions, with errors."""
    matrix: dict[str, Counter[str]] = {g: Counter() for g in GOLD_TYPES}
    spans: Counter[str] = Counter()
    errors: list[dict[str, object]] = []
    unmatched: Counter[str] = Counter()
    unmatched_items: list[dict[str, object]] = []
    for index, sentence in enumerate(sentences):
        here = mentions.get(index, [])
        for entity in sentence.gold.entities:
            spans["gold"] += 1
            best, exact = _best(sentence, entity, here)
            gold_type = entity.type if entity.type in matrix else "Other"
            quote = sentence.quote(entity).rstrip(".") or sentence.quote(entity)
            if best is None:
                matrix[gold_type][MISSED] += 1
                errors.append({"sentence": index, "gold": quote, "gold_type": gold_type,
                               "kind": "missed", "text": sentence.text})
                continue
            spans["head_word"] += 1
            spans["exact"] += exact
            kg_type = as_gold_type(best.kg_type)
            matrix[gold_type][kg_type] += 1
            if not exact or kg_type != gold_type:
                errors.append({"sentence": index, "gold": quote, "gold_type": gold_type,
                               "kg": best.text, "kg_type": best.kg_type,
                               "kind": "type" if kg_type != gold_type else "span",
                               "text": sentence.text})
        ends = {gold_last_token(sentence, e) for e in sentence.gold.entities}
        for m in here:
            if m.named and m.last_token not in ends:
                unmatched[m.kg_type] += 1
                unmatched_items.append({"sentence": index, "kg": m.text, "kg_type": m.kg_type,
                                        "text": sentence.text})
    typed = sum(sum(c[t] for t in GOLD_TYPES) for c in matrix.values())
    right = sum(matrix[t][t] for t in GOLD_TYPES)
    cells = Counter({f"{g} as {k}": n for g, c in matrix.items() for k, n in c.items()
                     if k != g and k != MISSED})
    return {"gold_entities": spans["gold"], "found_head_word": spans["head_word"],
            "found_exact": spans["exact"],
            "type_accuracy": round(right / typed, 4) if typed else 0.0,
            "typed": typed, "typed_right": right,
            "matrix": {g: dict(c) for g, c in matrix.items()},
            "confusions": dict(cells.most_common()),
            "unmatched_named": dict(unmatched.most_common()),
            "errors": errors, "unmatched_items": unmatched_items}


def _rate(part: object, whole: object) -> str:
    p, w = int(str(part)), int(str(whole))
    return f"{p}/{w} = {p / w:.3f}" if w else "0/0"


def format_report(report: dict[str, object], errors: int) -> str:
    """The scores as a table; with errors, a fixed-seed sample of each error kind."""
    gold = report["gold_entities"]
    lines = [f"CoNLL04 entities {report['data']}: {report['sentences']} sentences, "
             f"{gold} gold entities",
             f"found at head-word {_rate(report['found_head_word'], gold)}; "
             f"exact span {_rate(report['found_exact'], gold)}",
             f"type accuracy (found at head-word) {_rate(report['typed_right'], report['typed'])}",
             "", f"{'gold/kg':<10}" + "".join(f"{k:>8}" for k in (*GOLD_TYPES, MISSED))]
    matrix: dict[str, dict[str, int]] = report["matrix"]  # type: ignore[assignment]
    for g in GOLD_TYPES:
        lines.append(f"{g:<10}" + "".join(f"{matrix[g].get(k, 0):>8}"
                                          for k in (*GOLD_TYPES, MISSED)))
    lines += ["", "kg named mentions ending in no gold entity: " + "; ".join(
        f"{t} {n}" for t, n in report["unmatched_named"].items())]  # type: ignore[attr-defined]
    if "relations" in report:
        lines.append(f"relations (micro F1): {report['relations']}")
    if errors:
        items: list[dict[str, object]] = report["errors"]  # type: ignore[assignment]
        for kind in ("type", "span", "missed"):
            some = [e for e in items if e["kind"] == kind]
            picked = sorted(random.Random(0).sample(range(len(some)), min(errors, len(some))))
            lines += ["", f"{kind.upper()} ERRORS ({len(picked)} of {len(some)})"]
            lines += [f"  - [{some[i]['sentence']}] gold {some[i]['gold']!r} {some[i]['gold_type']}"
                      + (f"; kg {some[i].get('kg')!r} {some[i].get('kg_type')}"
                         if kind != "missed" else "") + f"\n      {some[i]['text']}"
                      for i in picked]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the options, build, score and print (a table, or JSON with --json)."""
    parser = option_parser(__doc__, "a CoNLL04 split (SpERT or TablERT form)",
                           "show K sample errors of each kind")
    parser.add_argument("--relations", action="store_true",
                        help="also score relations as conll04.py does, from the same build")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        parser.error(f"{args.path}: no such file (where to get it: see benchmarks/conll04.py)")
    gold = load_conll04(args.path)[:args.limit]
    sentences = [Sentence(g, *detokenise(g.tokens)) for g in gold]
    corpus, model, _ = run_kg(sentences, args.model)
    report: dict[str, object] = {"data": str(args.path), "sentences": len(sentences),
                                 "model": model,
                                 **score_entities(sentences, kg_mentions(corpus, sentences))}
    if args.relations:
        scored = evaluate(sentences, *kg_arguments(corpus, sentences))
        report["relations"] = {mode: scored[mode]["micro"]["f1"]  # type: ignore[index]
                               for mode in ("head_word", "strict")}
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False)
        print()
    else:
        print(format_report(report, args.errors))


if __name__ == "__main__":
    main()

"""Facts whose participant came from a pronoun or a description, to judge reference by hand.

Usage:
  python benchmarks/reference_facts.py OUT.jsonl [ARTICLES_DIR ...]

Writes one JSON line per fact argument (subject, object or role) that reference resolution
filled: the word ('she', 'the company'), the name it was resolved to, the fact and its
sentence. Run it before and after a change to reference resolution and compare the two files
by (doc, start, slot, predicate) to see which references changed; judge those by reading the
article. Defaults to the real-news dev and held-out articles.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import kg

HERE = Path(__file__).resolve().parent
DEFAULT = [HERE / "realnews" / "articles", HERE / "realnews_holdout" / "articles"]


def resolved_arguments(folders: list[Path]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for folder in folders:
        result = kg.build_result(sorted(folder.glob("*.txt")))
        for fact in result.corpus.facts:
            parts = [("subject", fact.subject), *([("object", fact.object)] if fact.object else []),
                     *((r.name.value, r) for r in fact.roles)]
            for slot, role in parts:
                mention = role.mention
                if mention.is_pronoun and mention.antecedent is not None:
                    rows.append({
                        "doc": fact.evidence.doc_id, "slot": slot, "word": mention.text,
                        "start": mention.start, "antecedent": mention.antecedent.text,
                        "entity": role.entity_id, "predicate": fact.predicate,
                        "subject": fact.subject.entity_id,
                        "object": fact.object.entity_id if fact.object else None,
                        "sentence": " ".join(fact.evidence.sentence_text.split())})
    return rows


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    rows = resolved_arguments([Path(a) for a in argv[1:]] or DEFAULT)
    out = Path(argv[0])
    tmp = out.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    tmp.replace(out)
    print(f"{len(rows)} resolved arguments -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])

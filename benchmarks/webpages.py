"""How much of kg's output on real saved web pages comes from outside the article.

Usage:
  python benchmarks/webpages.py PATH [--json] [--show N]

PATH is a folder of saved pages (.html), kept outside the repository: trafilatura's and
htmldate's test pages (``tests/cache/*.html`` in their repositories) are real news pages from
many sites. kg builds the graph of the folder; each page's reference article is trafilatura's
own extraction of the raw page (its title and text), with default settings (not the settings
kg uses: kg drops tables and every <article> but the first). Then:

  facts outside      readings whose sentence is not in the reference article;
  entities outside   named entities (person, organisation, place) none of whose named mentions
                     is in a sentence of the reference article; mentions are counted too;
  quotes with markup sentence quotes holding a tag or an undecoded entity.

A sentence is 'in' the article when at least 60% of its word trigrams occur in the reference
(whole words for sentences shorter than three words), so whitespace, decoded entities and a
sentence split that differs from trafilatura's paragraphs do not count as 'outside'.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", html.unescape(text).replace("\u00ad", "").lower())


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


class Reference:
    """The reference article of one page, ready for 'is this sentence in it' questions."""

    def __init__(self, text: str) -> None:
        words = _words(text)
        self.joined = " " + " ".join(words) + " "
        self.trigrams = _trigrams(words)

    def contains(self, sentence: str) -> bool:
        words = _words(sentence)
        if not words:
            return True
        if len(words) < 3:
            return " " + " ".join(words) + " " in self.joined
        grams = _trigrams(words)
        return len(grams & self.trigrams) >= 0.6 * len(grams)


def reference_article(path: Path) -> str:
    import trafilatura
    from charset_normalizer import from_bytes

    data = path.read_bytes()
    try:
        page = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        page = str(best) if best is not None else data.decode("latin-1")
    extracted = trafilatura.bare_extraction(page, with_metadata=True)
    if extracted is None:
        return ""
    return f"{extracted.title or ''}\n{extracted.text or ''}"


def measure(folder: Path, show: int = 0) -> dict[str, object]:
    import kg

    result = kg.build_result([folder])
    corpus = result.corpus
    references = {}
    for document in corpus.documents:
        source = document.source
        references[document.doc_id] = Reference(reference_article(folder / source))
    sentences = {(s.doc_id, s.index): s.text for s in corpus.sentences}
    facts_out, markup, examples = 0, 0, []
    for fact in corpus.facts:
        quote = fact.evidence.sentence_text
        if _MARKUP.search(quote):
            markup += 1
        if not references[fact.evidence.doc_id].contains(quote):
            facts_out += 1
            if len(examples) < show:
                examples.append(quote[:160])
    mentions = entities = mentions_out = entities_out = 0
    for entity in corpus.entities:
        named = [m for m in entity.mentions if m.ner_label in _NAMED and not m.is_pronoun]
        if not named:
            continue
        inside = [references[m.doc_id].contains(sentences[(m.doc_id, m.sentence_index)])
                  for m in named]
        entities += 1
        entities_out += not any(inside)
        mentions += len(named)
        mentions_out += inside.count(False)
    facts = len(corpus.facts)
    return {
        "pages": len(corpus.documents), "skipped": list(result.skipped),
        "facts": facts, "facts_outside": facts_out,
        "facts_outside_pct": round(100 * facts_out / max(facts, 1), 1),
        "entities": entities, "entities_outside": entities_out,
        "entities_outside_pct": round(100 * entities_out / max(entities, 1), 1),
        "mentions": mentions, "mentions_outside": mentions_out,
        "mentions_outside_pct": round(100 * mentions_out / max(mentions, 1), 1),
        "quotes_with_markup": markup, "examples_outside": examples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="Print N facts read outside.")
    args = parser.parse_args(argv)
    report = measure(args.path, args.show)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['pages']} pages ({len(report['skipped'])} skipped), "
          f"{report['facts']} fact readings, {report['entities']} named entities")
    print(f"facts outside the article:    {report['facts_outside']} "
          f"({report['facts_outside_pct']}%)")
    print(f"entities outside the article: {report['entities_outside']} "
          f"({report['entities_outside_pct']}%); mentions {report['mentions_outside']} "
          f"({report['mentions_outside_pct']}%)")
    print(f"quotes with markup:           {report['quotes_with_markup']}")
    for skipped in report["skipped"]:
        print(f"  skipped {skipped}")
    for quote in report["examples_outside"]:
        print(f"  outside: {quote}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

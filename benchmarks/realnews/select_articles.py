"""Rebuild the real-news article set from a local copy of github.com/vanatteveldt/wikinews.

The source holds English Wikinews articles (CC BY 2.5) for 2019 and 2020, scraped from the
rendered pages, as CSV files with the columns url, date, title and text. This script

1. cleans every article (drops the dateline, photo captions, gallery labels, pull-quote
   attributions and table footnotes; paragraphs stay separated by blank lines),
2. keeps the genuine news reports of 120-1500 words (no test pages, no interviews or other
   Wikinews-first-person pages, no pages whose quotes carry inline original-language text),
3. sorts that pool by title and draws 45 with ``random.Random(2026).sample``,
4. writes them as ``articles/wnNN_<slug>.txt`` (title, ISO date, blank line, body) and prints a
   Markdown table row per article for SOURCES.md.

Usage: python select_articles.py /path/to/vanatteveldt-wikinews [output-dir]
"""

from __future__ import annotations

import csv
import random
import re
import sys
import unicodedata
from pathlib import Path

SEED = 2026
COUNT = 45
MIN_WORDS, MAX_WORDS = 120, 1500
CSV_FILES = ("data/wikinews_2019.csv", "data/wikinews_2020.csv")

DATELINE = re.compile(r"^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}\b\s*")
CAPTION = re.compile(r"Image: [^\n]*$")
FOOTNOTE = re.compile(r"^1\. .* 2\. ")
SENTENCE_END = re.compile(r"[.!?\"'”’:;)\]]$")
INTERVIEW = re.compile(r"\(\((WN|WSS)\)\)")
ORIGINAL_LANGUAGE = re.compile(r"\(\([a-z]{2,3}\)\)")


def clean_paragraphs(text: str) -> list[str]:
    """Split the scraped text into prose paragraphs, dropping page furniture."""
    kept = []
    for raw in re.split(r"\n\s*\n", text):
        para = re.sub(r"\s+", " ", raw.replace("\u200d", "")).strip()
        if not kept:
            para = DATELINE.sub("", para)
        if not para or para.startswith(("—", "–", "* ", "File:", "██")):
            continue
        if CAPTION.search(para) or FOOTNOTE.match(para):
            continue
        if not SENTENCE_END.search(para) and len(para.split()) < 10:
            continue  # gallery label or heading
        kept.append(para)
    return kept


def is_candidate(row: dict[str, str], paragraphs: list[str]) -> bool:
    title, text = row["title"], row["text"]
    if title.startswith("TEST PAGE") or "Wikinews" in title:
        return False
    if INTERVIEW.search(text) or ORIGINAL_LANGUAGE.search(text):
        return False
    words = sum(len(p.split()) for p in paragraphs)
    return MIN_WORDS <= words <= MAX_WORDS


def slugify(title: str, limit: int = 40) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = ""
    for word in re.findall(r"[a-z0-9]+", ascii_title.lower()):
        if slug and len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


Article = tuple[str, str, list[str], str]  # title, date, cleaned paragraphs, source file


def candidate_pool(source: Path) -> list[Article]:
    """Every genuine news report of the snapshot, cleaned, sorted by title."""
    pool = []
    for name in CSV_FILES:
        with open(source / name, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                paragraphs = clean_paragraphs(row["text"])
                if is_candidate(row, paragraphs):
                    pool.append((row["title"], row["date"], paragraphs, name))
    pool.sort(key=lambda item: item[0])
    return pool


def dev_set(pool: list[Article]) -> list[Article]:
    """The dev set's draw from the pool."""
    return random.Random(SEED).sample(pool, min(COUNT, len(pool)))


def write_articles(chosen: list[Article], out_dir: Path, prefix: str) -> None:
    """Write ``articles/<prefix>NN_<slug>.txt`` (title, ISO date, blank line, body) and print
    a Markdown table row per article for SOURCES.md."""
    articles = out_dir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for number, (title, date, paragraphs, name) in enumerate(chosen, start=1):
        filename = f"{prefix}{number:02d}_{slugify(title)}.txt"
        body = "\n\n".join(paragraphs)
        (articles / filename).write_text(f"{title}\n{date}\n\n{body}\n", encoding="utf-8")
        url = "https://en.wikinews.org/wiki/" + title.replace(" ", "_")
        print(f"| {filename} | {title.replace('|', '/')} | {date} | {url} | {name} |")


def main(source: Path, out_dir: Path) -> None:
    pool = candidate_pool(source)
    chosen = dev_set(pool)
    print(f"pool: {len(pool)} articles, chosen: {len(chosen)}", file=sys.stderr)
    write_articles(chosen, out_dir, "wn")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    target = Path(sys.argv[2]) if len(sys.argv) == 3 else Path(__file__).resolve().parent
    main(Path(sys.argv[1]), target)

"""Draw a held-out real-news set: Wikinews articles from the same pool as ``realnews`` that the
dev set did not take, chosen by a fixed seed before anyone looked at kg's output on them.

It reuses ``realnews/select_articles.py`` (same cleaning and the same pool), removes the 45
articles the dev set drew with its seed, and samples ``COUNT`` of the rest with ``SEED``.
Gold for these articles is written blind, like the dev set's (``realnews/GOLD_FORMAT.md``);
tune nothing on this set: it measures what the dev-set work generalises to.

Usage: python select_holdout.py /path/to/vanatteveldt-wikinews [output-dir]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "realnews"))

import select_articles as dev

SEED = 2027
COUNT = 20


def holdout_set(pool: list[dev.Article]) -> list[dev.Article]:
    """The held-out articles: ``COUNT`` drawn with ``SEED`` from the pool the dev set left."""
    taken = {article[0] for article in dev.dev_set(pool)}
    rest = [article for article in pool if article[0] not in taken]
    return random.Random(SEED).sample(rest, min(COUNT, len(rest)))


def main(source: Path, out_dir: Path) -> None:
    pool = dev.candidate_pool(source)
    taken = {article[0] for article in dev.dev_set(pool)}
    rest = [article for article in pool if article[0] not in taken]
    chosen = holdout_set(pool)
    print(f"pool: {len(pool)}, not in the dev set: {len(rest)}, chosen: {len(chosen)}",
          file=sys.stderr)
    dev.write_articles(chosen, out_dir, "ho")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    target = Path(sys.argv[2]) if len(sys.argv) == 3 else Path(__file__).resolve().parent
    main(Path(sys.argv[1]), target)

"""Draw a second held-out real-news set (session 9): Wikinews articles from the same pool as
``realnews`` that neither the dev set nor ``realnews_holdout`` took, chosen by a fixed seed
before anyone looked at kg's output on them.

The first held-out set has only 20 articles, too few to tell a real gain from noise; this set
adds 30 more. It reuses ``realnews/select_articles.py`` (same cleaning, same pool) and
``realnews_holdout/select_holdout.py`` (its seed and count), removes both sets' articles and
samples ``COUNT`` of the rest with ``SEED``. Gold is written blind (``realnews/GOLD_FORMAT.md``)
and nothing is tuned on this set.

Usage: python select_fresh.py /path/to/vanatteveldt-wikinews [output-dir]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "realnews"))
sys.path.insert(0, str(HERE.parent / "realnews_holdout"))

import select_articles as dev  # noqa: E402
import select_holdout as holdout  # noqa: E402

SEED = 2028
COUNT = 30


def fresh_set(pool: list[dev.Article]) -> list[dev.Article]:
    """``COUNT`` articles drawn with ``SEED`` from what the dev and held-out sets left."""
    taken = {article[0] for article in dev.dev_set(pool) + holdout.holdout_set(pool)}
    rest = [article for article in pool if article[0] not in taken]
    return random.Random(SEED).sample(rest, min(COUNT, len(rest)))


def main(source: Path, out_dir: Path) -> None:
    pool = dev.candidate_pool(source)
    chosen = fresh_set(pool)
    print(f"pool: {len(pool)}, chosen: {len(chosen)}", file=sys.stderr)
    dev.write_articles(chosen, out_dir, "fr")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    target = Path(sys.argv[2]) if len(sys.argv) == 3 else HERE
    main(Path(sys.argv[1]), target)

"""Draw a third held-out real-news set (session 14): Wikinews articles from the same pool as
``realnews`` that neither the dev set, ``realnews_holdout`` nor ``realnews_fresh`` took,
chosen by a fixed seed before anyone looked at kg's output on them.

By session 13 the second held-out set had been judged four times and its errors read; a set
nobody has looked at is needed to tell whether work generalises. This one reuses
``realnews/select_articles.py`` (same cleaning, same pool) and the other sets' seeds, removes
their articles and samples ``COUNT`` of the rest with ``SEED``. Gold is written blind
(``realnews/GOLD_FORMAT.md``) and nothing is tuned on this set.

Usage: python select_third.py /path/to/vanatteveldt-wikinews [output-dir]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "realnews"))
sys.path.insert(0, str(HERE.parent / "realnews_holdout"))
sys.path.insert(0, str(HERE.parent / "realnews_fresh"))

import select_articles as dev  # noqa: E402
import select_fresh as fresh  # noqa: E402
import select_holdout as holdout  # noqa: E402

SEED = 2030
COUNT = 30


def third_set(pool: list[dev.Article]) -> list[dev.Article]:
    """``COUNT`` articles drawn with ``SEED`` from what the three earlier sets left."""
    earlier = dev.dev_set(pool) + holdout.holdout_set(pool) + fresh.fresh_set(pool)
    taken = {article[0] for article in earlier}
    left = [article for article in pool if article[0] not in taken]
    return random.Random(SEED).sample(left, min(COUNT, len(left)))


def main(source: Path, out_dir: Path) -> None:
    chosen = third_set(dev.candidate_pool(source))
    print(f"chosen: {len(chosen)}", file=sys.stderr)
    dev.write_articles(chosen, out_dir, "th")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    target = Path(sys.argv[2]) if len(sys.argv) == 3 else HERE
    main(Path(sys.argv[1]), target)

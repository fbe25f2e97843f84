"""Offline geocoding: Spanish and English names of a place resolve to the same entry."""

from __future__ import annotations

import pytest

from prensa import gazetteer


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("Estados Unidos", "United States"),
        ("Ciudad de México", "Mexico City"),
        ("España", "Spain"),
        ("América del Norte", "North America"),
        ("Bruselas", "Brussels"),
    ],
)
def test_spanish_and_english_names_share_an_entry(spanish: str, english: str) -> None:
    gaz = gazetteer.load()
    es, en = gaz.lookup(spanish), gaz.lookup(english)
    assert es is not None and es == en


def test_cities_are_geocoded_with_admin1_and_geonames_id() -> None:
    city = gazetteer.load().lookup("Ciudad de México")
    assert city is not None and city.kind == "city" and city.country_code == "MX"
    assert city.lat == pytest.approx(19.43, abs=0.1) and city.lon == pytest.approx(-99.13, abs=0.1)
    assert city.geonameid == 3530597 and city.admin1 is not None


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("México", 23, -102), ("Chile", -30, -71), ("Reino Unido", 54, -2), ("Suiza", 47, 8)],
)
def test_countries_are_geocoded_too(name: str, lat: float, lon: float) -> None:
    """A country is on the journalists' map like a city: it has a representative point."""
    country = gazetteer.load().lookup(name)
    assert country is not None and country.kind == "country"
    assert (country.lat, country.lon) == (pytest.approx(lat, abs=1), pytest.approx(lon, abs=1))


def test_kinds_and_countries() -> None:
    gaz = gazetteer.load()
    assert gaz.lookup("México").kind == "country"  # type: ignore[union-attr]
    state = gaz.lookup("estado de Nayarit")
    assert state is not None and (state.kind, state.country_code, state.admin1) == (
        "state",
        "MX",
        "MX-NAY",
    )
    assert gaz.lookup("Centroamérica").kind == "region"  # type: ignore[union-attr]
    assert gaz.lookup("Washington").kind == "city"  # type: ignore[union-attr]
    assert gaz.lookup("Narnia") is None


def test_organisation_aliases_are_not_fragments_of_a_name_with_commas() -> None:
    """A comma inside an unquoted YAML [flow, list] silently splits one name into several."""
    from prensa import resources

    for org in resources.organizations():
        fragments = {part.strip() for part in org.name.split(",")[1:]}
        for alias in (*org.aliases, *org.short):
            assert alias not in fragments, f"{org.name}: alias {alias!r} looks split"
            assert alias[0].isupper() or alias[:3] in ("la ", "las", "los", "the"), alias

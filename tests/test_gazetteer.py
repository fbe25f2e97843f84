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

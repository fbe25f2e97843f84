"""The issuer's country (given, from sources.tsv, its name, letterhead or dateline) and scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from prensa.errors import UsageError
from prensa.ingest.issuer import country_code, issuer_country, local_issuer
from prensa.ingest.readers import RawDocument, read_path
from prensa.ingest.segment import segment


def country(
    text: str, language: str = "es", given: str | None = None, **metadata: str
) -> str | None:
    raw = RawDocument(source_path="<test>", format="txt", text=text, metadata=dict(metadata))
    return issuer_country(segment(raw, language), raw.metadata, given)


def test_a_given_country_wins_over_everything() -> None:
    text = "Reunión bilateral\nSaltillo, Coahuila.- La reunión fue hoy."
    assert country(text, given="cl", issuer_country="AR") == "CL"


def test_a_country_that_is_not_iso_alpha_2_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        country_code("Chile")


def test_the_sources_column_beats_inference() -> None:
    assert country("Reunión\nSaltillo, Coahuila.- Hoy.", issuer_country="co") == "CO"


@pytest.mark.parametrize(
    ("issuer", "expected"),
    [
        ("Federal Department of Foreign Affairs", "CH"),  # models/issuers.yaml
        ("Federal Department of Justice and Police", "CH"),  # not the US "Department of Justice"
        ("U.S. Department of Justice, Office of Public Affairs", "US"),
        ("Gobierno de Chile", "CL"),  # a country named in the issuer
        ("Consejo de Participación Ciudadana del Sistema Anticorrupción de Coahuila", "MX"),
    ],
)
def test_country_from_the_issuer_name(issuer: str, expected: str) -> None:
    assert country("Título\nLa reunión fue hoy.", issuer=issuer) == expected


@pytest.mark.parametrize(
    ("opening", "language", "expected"),
    [
        ("Saltillo, Coahuila a 26 de junio de 2018.", "es", "MX"),
        ("Bogotá, 16 de septiembre de 2025. La Cancillería informó.", "es", "CO"),
        ("WASHINGTON—The Department announced a settlement.", "en", "US"),
        ("LIMA, PERÚ.- El Ministerio de Salud informó.", "es", "PE"),
        ("Madrid, 3 mar (Gobierno de España).- La ministra habló.", "es", "ES"),
        ("Bogotá (Colombia). El presidente anunció hoy un acuerdo.", "es", "CO"),
    ],
)
def test_country_from_the_dateline_place(opening: str, language: str, expected: str) -> None:
    assert country(f"Title of the release\n{opening}\nMore text.", language) == expected


def test_a_ministry_shared_by_many_governments_decides_nothing_alone() -> None:
    assert (
        country("Título\nLa reunión fue hoy.", issuer="Ministerio de Relaciones Exteriores") is None
    )


def test_the_sources_tsv_column_reaches_the_release(tmp_path: Path) -> None:
    (tmp_path / "sources.tsv").write_text(
        "id\tissuer\tissuer_country\ttitle\nr1\tCancillería\tPE\tTítulo\n", encoding="utf-8"
    )
    (tmp_path / "r1.txt").write_text("Título\n\nLa Cancillería informó hoy.\n", encoding="utf-8")
    (raw,), _ = read_path(tmp_path / "r1.txt")
    assert raw.metadata["issuer_country"] == "PE"
    assert issuer_country(segment(raw, "es"), raw.metadata) == "PE"


def test_a_labelled_issuer_line_gives_its_country() -> None:
    text = "Published 4 June 2024\nFrom: Foreign, Commonwealth & Development Office\nUK aid\nText."
    assert country(text, "en") == "GB"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.gob.mx/presidencia/es/articulos/x", "MX"),
        ("https://www.gov.uk/government/news/x", "GB"),
        ("https://www.justice.gov/opa/pr/x", "US"),
        ("https://www.cancilleria.gov.co/newsroom/x", "CO"),
        ("https://www.minrel.gob.cl/noticias/x", "CL"),
        ("https://t.co/x", None),  # a domain sold for its letters
        ("https://news.example.com/x", None),
        ("not a url", None),
    ],
)
def test_country_from_the_source_url(url: str, expected: str | None) -> None:
    # "Presidencia de la República" is every republic's: only the url tells whose it is
    text = "Versión estenográfica\nPresidencia de la República\nAmigas, amigos."
    assert country(text, url=url) == expected


def test_a_sentence_naming_another_countrys_ministry_is_not_a_letterhead() -> None:
    text = (
        "Guatemala y México fortalecen cooperación\n"
        "CIUDAD DE GUATEMALA, 5 mar. 2024 (MINEX). – El Canciller se reunió este martes con la "
        "Secretaria de Relaciones Exteriores de México, Alicia Bárcena.\nMás texto."
    )
    assert country(text) == "GT"


@pytest.mark.parametrize(
    ("issuer", "local"),
    [
        ("Poder Judicial del Estado de Coahuila de Zaragoza", True),
        ("H. Ayuntamiento de Torreón", True),
        ("Secretaría de Salud del Gobierno del Estado de Jalisco", True),
        ("Government of Ontario", True),
        ("Los Angeles County Board of Supervisors", True),
        ("Ministerio de Salud de la Provincia de Buenos Aires", True),
        ("Gobierno de México", False),
        ("Presidencia de la República", False),
        ("Embajada de México en Washington", False),
        ("Federal Department of Finance", False),
        ("U.S. Department of Justice, Office of Public Affairs", False),
        (None, False),
    ],
)
def test_an_issuer_below_its_national_government_is_local(issuer: str | None, local: bool) -> None:
    assert local_issuer(issuer) is local

"""Organisations resolve to the institutions of the country that issued the release."""

from __future__ import annotations

import prensa

CHILE = (
    "Canciller se reúne con su par de Perú\n\n"
    "Santiago, 3 de marzo de 2025. La ministra de Relaciones Exteriores, Antonia Urrejola, "
    "recibió al canciller de Perú. Ambos gobiernos se comprometieron a reunirse en junio.\n"
)


def _organizations(text: str, **kwargs: object) -> list[tuple[str | None, str | None]]:
    record = prensa.extract_text(text, language="es", **kwargs)  # type: ignore[arg-type]
    return [(o.canonical_name, o.country) for o in record.organizations]


def test_an_office_in_a_chilean_release_is_chiles_ministry_not_mexicos() -> None:
    assert _organizations(CHILE) == [("Ministerio de Relaciones Exteriores de Chile", "CL")]


def test_the_issuer_country_option_decides_whose_ministry_it_is() -> None:
    undated = CHILE.replace("Santiago, 3 de marzo de 2025. ", "")
    # nothing says whose: the ministry is nobody's in particular, not Mexico's by default
    record = prensa.extract_text(undated, language="es")
    assert [(o.name, o.country) for o in record.organizations] == [("Relaciones Exteriores", None)]
    assert _organizations(undated, issuer_country="AR") == [
        ("Ministerio de Relaciones Exteriores, Comercio Internacional y Culto de Argentina", "AR")
    ]


def test_a_named_foreign_institution_keeps_its_country() -> None:
    text = CHILE.replace("recibió al canciller de Perú", "se reunió con la SRE de México")
    assert ("Secretaría de Relaciones Exteriores", "MX") in _organizations(text)


def test_a_government_named_in_full_is_that_countrys_whoever_issued_it() -> None:
    text = (
        "Nota de protesta\n\nEl Gobierno de Chile rechazó las acusaciones del Gobierno de "
        "Venezuela. El Ministerio de Salud de Chile enviará brigadas.\n"
    )
    assert _organizations(text) == [
        ("Gobierno de Chile", "CL"),
        ("Gobierno de la República Bolivariana de Venezuela", "VE"),
        ("Ministerio de Salud de Chile", "CL"),
    ]


def test_a_ministry_name_many_countries_use_is_the_issuers() -> None:
    text = "Nota\n\nEl Ministerio de Relaciones Exteriores convocó al embajador.\n"
    assert _organizations(text) == [(None, None)]
    assert _organizations(text, issuer_country="PE") == [
        ("Ministerio de Relaciones Exteriores del Perú", "PE")
    ]
    english = "Note\n\nThe Department of Foreign Affairs and Trade summoned the ambassador.\n"
    record = prensa.extract_text(english, language="en", issuer_country="AU")
    assert [o.country for o in record.organizations] == ["AU"]


def test_a_shortened_name_is_the_body_named_in_full_before() -> None:
    text = (
        "Reunión de trabajo\n\n"
        "Lima, 4 de abril de 2024. El Consejo Consultivo de Protección Social de la Región Piura "
        "se reunió con alcaldes. Al cierre, el Consejo Consultivo de Protección Social aprobó "
        "su plan anual.\n"
    )
    record = prensa.extract_text(text, language="es")
    assert [o.name for o in record.organizations] == [
        "Consejo Consultivo de Protección Social de la Región Piura"
    ]
    assert record.organizations[0].mentions == 2


def test_an_acronym_the_release_never_defines_joins_the_name_it_spells() -> None:
    text = (
        "Informe anual\n\n"
        "Quito, 9 de mayo de 2024. La Red Nacional de Bibliotecas presentó su informe. "
        "Según la RNB, las visitas crecieron.\n"
    )
    record = prensa.extract_text(text, language="es")
    named = [o for o in record.organizations if o.name == "Red Nacional de Bibliotecas"]
    assert len(named) == 1 and named[0].acronym == "RNB"
    assert not [o for o in record.organizations if o.name == "RNB"]


def test_initials_of_the_issuer_never_spelled_out_are_the_issuer() -> None:
    from prensa.ingest.readers import RawDocument
    from prensa.pipeline import process_raw

    text = (
        "Statement on the detention of an employee\n\n"
        "The ODR summoned the ambassador today. The ODR will support every measure to resolve "
        "the matter.\n"
    )
    raw = RawDocument(
        source_path="<test>",
        format="txt",
        text=text,
        metadata={"issuer": "Office of Development Relations", "issuer_country": "NZ"},
    )
    record = next(iter(process_raw([raw], language="en")))
    found = {o.name: (o.canonical_name, o.country) for o in record.organizations}  # type: ignore[union-attr]
    assert found["ODR"] == ("Office of Development Relations", "NZ")


def test_an_office_in_a_title_is_the_issuers_ministry_not_mexicos() -> None:
    """The title lexicon's organisations are Mexico's; another government's release means
    its own ministry when it writes the portfolio without a country."""
    text = "Visita\n\nLa ministra de Salud, Ximena Aguilera, visitó el hospital regional.\n"

    def role(country: str) -> tuple[str | None, str | None]:
        record = prensa.extract_text(text, language="es", issuer_country=country)
        return record.roles[0].organization, record.roles[0].country

    assert role("CL") == ("Ministerio de Salud de Chile", "CL")
    assert role("MX") == ("Secretaría de Salud", "MX")
    english = "Talks\n\nSecretary Blinken met Secretary of Foreign Affairs Marcelo Ebrard.\n"
    record = prensa.extract_text(english, language="en", issuer_country="US")
    ebrard = next(r for r in record.roles if r.person == "Marcelo Ebrard")
    assert (ebrard.organization, ebrard.country) == ("Secretaría de Relaciones Exteriores", "MX")

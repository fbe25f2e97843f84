"""models/entities/governments.yaml holds together, and offices resolve to the issuer's
ministries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import pycountry
import pytest

from prensa.errors import ResourceError
from prensa.kb import governments as kb
from prensa.kb.office_text import norm
from prensa.resources import organizations

SPANISH_SPEAKING = (
    *("MX", "ES", "AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "SV"),
    *("GT", "HN", "NI", "PA", "PY", "PE", "PR", "UY", "VE", "GQ"),
)
ENGLISH_SPEAKING = ("US", "GB", "CA", "AU", "NZ", "IE")
CORE = ("foreign_affairs", "defence", "finance", "health")


# --- integrity of the data file ----------------------------------------------------------------


def test_file_validates_and_covers_the_spanish_and_english_speaking_world() -> None:
    data = kb.governments_file()
    known = {gov.country for gov in data.governments}
    assert set(SPANISH_SPEAKING) | set(ENGLISH_SPEAKING) <= known


def test_country_codes_are_iso_alpha2() -> None:
    for code in kb.countries():
        assert pycountry.countries.get(alpha_2=code) is not None, code


def test_every_portfolio_used_is_declared() -> None:
    declared = set(kb.portfolios())
    for code in kb.countries():
        for ministry in kb.government(code).ministries:  # type: ignore[union-attr]
            assert set(ministry.portfolios) <= declared, (code, ministry.name)


def test_an_undeclared_portfolio_fails_loudly(
    edited_models: Callable[[str, str, str], None],
) -> None:
    edited_models(
        "entities/governments.yaml",
        "portfolios: [foreign_affairs], aliases: [Cancillería chilena",
        "portfolios: [foreign_afairs], aliases: [Cancillería chilena",
    )
    with pytest.raises(ResourceError, match="foreign_afairs"):
        kb.governments_file()


def test_no_name_is_given_twice_within_a_country() -> None:
    for code in kb.countries():
        seen: dict[str, str] = {}
        for ministry in kb.government(code).ministries:  # type: ignore[union-attr]
            own = {norm(n) for n in (*ministry.names()[1:], *ministry.short)}
            if ministry.acronym:
                own.add(norm(ministry.acronym))
            for name in own:
                assert name not in seen, (
                    f"{code}: {name!r} names {seen.get(name)} and {ministry.name}"
                )
                seen[name] = ministry.name


def test_canonical_names_are_unique_organisations() -> None:
    canonical = [m.canonical for c in kb.countries() for m in kb.government(c).ministries]  # type: ignore[union-attr]
    assert len({norm(n) for n in canonical}) == len(canonical)


def test_a_name_means_one_portfolio_whatever_the_country() -> None:
    main: dict[str, set[str]] = defaultdict(set)
    for code in kb.countries():
        for ministry in kb.government(code).ministries:  # type: ignore[union-attr]
            for name in ministry.names()[1:]:
                main[norm(name)].add(ministry.portfolio)
    assert {n: p for n, p in main.items() if len(p) > 1} == {}


@pytest.mark.parametrize("code", SPANISH_SPEAKING)
def test_every_spanish_speaking_country_has_a_foreign_ministry(code: str) -> None:
    assert kb.ministry(code, "foreign_affairs") is not None


@pytest.mark.parametrize("code", ENGLISH_SPEAKING)
def test_main_english_speaking_countries_have_the_core_portfolios(code: str) -> None:
    for portfolio in CORE:
        assert kb.ministry(code, portfolio) is not None, portfolio


def test_mexican_and_us_ministries_keep_the_organisation_file_names() -> None:
    """Their canonical names are those of entities/organizations.yaml, so ids agree."""
    known = {o.name for o in organizations()}
    for code in ("MX", "US"):
        gov = kb.government(code)
        assert gov is not None and gov.name in known
        for portfolio in ("foreign_affairs", "finance", "defence", "justice", "security"):
            found = kb.ministry(code, portfolio)
            if found is not None:
                assert found.canonical in known, found.canonical


def test_ministries_are_usable_as_organisations() -> None:
    orgs = kb.organizations()
    by_name = {o.name: o for o in orgs}
    chile = by_name["Ministerio de Relaciones Exteriores de Chile"]
    assert chile.country == "CL"
    assert "Ministerio de Relaciones Exteriores" in chile.aliases
    assert by_name["Gobierno de Chile"].country == "CL"


def test_every_portfolio_wording_reaches_the_ministry_that_holds_it() -> None:
    """No country's own names shadow a generic wording: "ministro de Hacienda" finds whichever
    ministry holds finance, in every country that has one."""
    data = kb.governments_file()
    missed = []
    for code in kb.countries():
        held = {p for m in kb.government(code).ministries for p in m.portfolios}  # type: ignore[union-attr]
        for key, portfolio in data.portfolios.items():
            if key not in held:
                continue
            for language, head in (("es", "ministra de"), ("en", "Minister for")):
                for wording in (*portfolio.terms(language), *portfolio.weak.of(language)):
                    found = kb.resolve_office(f"{head} {wording}", code, language)
                    if found is None or key not in found.portfolios:
                        missed.append((code, key, wording))
    assert missed == []


# --- resolving offices -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "language", "expected"),
    [
        (
            "la ministra de Relaciones Exteriores",
            "CL",
            "es",
            "Ministerio de Relaciones Exteriores de Chile",
        ),
        ("Relaciones Exteriores", "CL", "es", "Ministerio de Relaciones Exteriores de Chile"),
        ("Cancillería chilena", "CL", "es", "Ministerio de Relaciones Exteriores de Chile"),
        (
            "canciller",
            "AR",
            "es",
            "Ministerio de Relaciones Exteriores, Comercio Internacional y Culto de Argentina",
        ),
        (
            "el ministro de Asuntos Exteriores, Unión Europea y Cooperación",
            "ES",
            "es",
            "Ministerio de Asuntos Exteriores, Unión Europea y Cooperación de España",
        ),
        (
            "ministra de Relaciones Exteriores y Culto",
            "CR",
            "es",
            "Ministerio de Relaciones Exteriores y Culto de Costa Rica",
        ),
        ("secretario de Salud", "MX", "es", "Secretaría de Salud"),
        ("ministro de Salud", "PE", "es", "Ministerio de Salud del Perú"),
        (
            "ministro del Poder Popular para la Defensa",
            "VE",
            "es",
            "Ministerio del Poder Popular para la Defensa de Venezuela",
        ),
        ("ministro de Gobierno", "PA", "es", "Ministerio de Gobierno de Panamá"),
        ("ministro de Obras Públicas", "CL", "es", "Ministerio de Obras Públicas de Chile"),
        ("Minsal", "CL", "es", "Ministerio de Salud de Chile"),
        ("secretario de Estado", "US", "es", "U.S. Department of State"),
        ("Foreign Secretary", "GB", "en", "Foreign, Commonwealth & Development Office"),
        ("Home Secretary", "GB", "en", "Home Office"),
        ("Chancellor of the Exchequer", "GB", "en", "HM Treasury"),
        (
            "Secretary of State for Health and Social Care",
            "GB",
            "en",
            "Department of Health and Social Care",
        ),
        ("Secretary of State", "US", "en", "U.S. Department of State"),
        ("Attorney General", "US", "en", "U.S. Department of Justice"),
        ("Secretary of the Treasury", "US", "en", "U.S. Department of the Treasury"),
        ("Minister of Foreign Affairs", "CA", "en", "Global Affairs Canada"),
        ("Canadian Minister of Health", "CA", "en", "Health Canada"),
        ("Minister for Home Affairs", "AU", "en", "Department of Home Affairs (Australia)"),
        ("External Affairs Minister", "IN", "en", "Ministry of External Affairs (India)"),
        ("Foreign Minister", "CL", "en", "Ministerio de Relaciones Exteriores de Chile"),
    ],
)
def test_office_resolves_to_the_issuers_ministry(
    text: str, country: str, language: str, expected: str
) -> None:
    found = kb.resolve_office(text, country, language)
    assert found is not None, text
    assert found.canonical == expected
    assert found.country == country


@pytest.mark.parametrize(
    ("text", "country", "language"),
    [
        ("ministro de Salud de Perú", "CL", "es"),  # another country's ministry
        ("secretaria de Salud de Jalisco", "MX", "es"),  # a state's, not the federal one
        ("Secretary of State", "GB", "en"),  # a rank in Britain, not the foreign ministry
        ("Home", "GB", "en"),  # "Home" alone is no portfolio
        ("se", "MX", "es"),  # a Spanish word, not the SE acronym
        ("Relaciones Exteriores", "FR", "es"),  # a government the file does not know
    ],
)
def test_office_that_is_not_the_issuers_ministry_resolves_to_nothing(
    text: str, country: str, language: str
) -> None:
    assert kb.resolve_office(text, country, language) is None


def test_same_office_differs_by_issuer() -> None:
    chile = kb.resolve_office("la ministra de Relaciones Exteriores", "CL", "es")
    mexico = kb.resolve_office("la secretaria de Relaciones Exteriores", "MX", "es")
    assert chile is not None and mexico is not None
    assert (chile.country, mexico.country) == ("CL", "MX")
    assert chile.canonical != mexico.canonical


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Relaciones Exteriores", "es", "foreign_affairs"),
        ("Asuntos Exteriores y Cooperación", "es", "foreign_affairs"),
        ("la ministra de Asuntos Exteriores", "es", "foreign_affairs"),
        ("Foreign Affairs", "en", "foreign_affairs"),
        ("Foreign Secretary", "en", "foreign_affairs"),
        ("Global Affairs Canada", "en", "foreign_affairs"),
        ("Ministerio de Economía y Finanzas", "es", "finance"),
        ("Trabajo y Seguridad Social", "es", "labour"),
        ("Seguridad Pública", "es", "security"),
        ("Home Office", "en", "interior"),
        ("Secretary of Defense", "en", "defence"),
        ("Ministry of Health and Family Welfare", "en", "health"),
        ("Vice Minister of Asuntos Multilaterales", "en", None),
        ("Premio Nacional de Periodismo", "es", None),
    ],
)
def test_portfolio_of(text: str, language: str, expected: str | None) -> None:
    assert kb.portfolio_of(text, language) == expected


# --- the issuer's own government ---------------------------------------------------------------


def test_el_gobierno_is_the_issuers_government() -> None:
    chile = kb.resolve_government("el Gobierno", "CL", "es")
    assert chile is not None and chile.name == "Gobierno de Chile"
    uk = kb.resolve_government("the Government", "GB", "en")
    assert uk is not None and uk.name == "HM Government"


def test_a_named_government_is_that_country_whoever_issues() -> None:
    named = kb.resolve_government("Gobierno de Chile", "MX", "es")
    assert named is not None and named.country == "CL"
    assert kb.resolve_government("la Secretaría de Salud", "MX", "es") is None


def test_nuestro_pais_is_the_issuers_country() -> None:
    assert kb.reference_kind("nuestro país", "es") == "country"
    assert kb.reference_kind("our country", "en") == "country"
    assert kb.reference_kind("this Administration", "en") == "government"
    assert kb.reference_kind("Chile", "es") is None


def test_government_lookup() -> None:
    gov = kb.government("cl")
    assert gov is not None and gov.country == "CL"
    assert kb.government("PR") is not None and not kb.government("PR").sovereign  # type: ignore[union-attr]
    assert kb.government("FR") is None

"""National governments and their ministries, keyed by country, from
``models/entities/governments.yaml``.

A release names offices by portfolio ("la ministra de Relaciones Exteriores", "Foreign
Secretary"); which ministry that is depends on the country that issued it. The look-ups here are
pure: given the text of an office or ministry, a country and a language, they return the entry,
whose ``canonical`` name and ``country`` make it an organisation like those of
``entities/organizations.yaml`` (``as_organization``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from prensa.kb.government_schema import GovernmentData, GovernmentsFile, MinistryData
from prensa.kb.office_text import OfficeReader, norm
from prensa.resources import OrganizationEntry, load_yaml, models_cache

PATH = "entities/governments.yaml"

Reference = Literal["government", "country"]

#: Acronyms this long are matched whatever their case; shorter ones ("SE", "MAG") only as written.
_CASELESS_ACRONYM = 4


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MinistryEntry(_Frozen):
    """One ministry of one country; ``canonical`` is its organisation name, unique in the file."""

    canonical: str
    name: str
    country: str
    portfolios: tuple[str, ...]
    name_en: str | None = None
    name_es: str | None = None
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()

    @property
    def portfolio(self) -> str:
        """The main portfolio (the first listed)."""
        return self.portfolios[0]

    def names(self) -> tuple[str, ...]:
        """Every full name it goes by, canonical first (not the acronym nor the short names)."""
        named = (self.canonical, self.name, self.name_en, self.name_es, *self.aliases)
        return tuple(dict.fromkeys(n for n in named if n))

    def as_organization(self) -> OrganizationEntry:
        return OrganizationEntry(
            name=self.canonical,
            acronym=self.acronym,
            country=self.country,
            aliases=list(self.names()[1:]),
            short=list(self.short),
        )


class GovernmentEntry(_Frozen):
    """A country's government as releases name it, with its ministries."""

    country: str
    name: str
    name_en: str | None = None
    name_es: str | None = None
    aliases: tuple[str, ...] = ()
    sovereign: bool = True
    ministries: tuple[MinistryEntry, ...]

    def names(self) -> tuple[str, ...]:
        named = (self.name, self.name_en, self.name_es, *self.aliases)
        return tuple(dict.fromkeys(n for n in named if n))

    def as_organization(self) -> OrganizationEntry:
        names = self.names()
        return OrganizationEntry(name=self.name, country=self.country, aliases=list(names[1:]))


class _Country(_Frozen):
    """Look-up tables of one country, keyed by normalised text."""

    government: GovernmentEntry
    names: dict[str, MinistryEntry]
    acronyms: dict[str, MinistryEntry]
    short: dict[str, MinistryEntry]
    offices: dict[str, MinistryEntry]
    country_words: tuple[str, ...]


class _Knowledge(_Frozen):
    countries: dict[str, _Country]
    any_name: dict[str, str]
    government_names: dict[str, str]
    references: dict[str, dict[str, Reference]]


@models_cache
def governments_file() -> GovernmentsFile:
    """The validated data file."""
    return load_yaml(PATH, GovernmentsFile)


def _canonical(ministry: MinistryData, gov: GovernmentData) -> str:
    if ministry.canonical:
        return ministry.canonical
    named = f" {norm(ministry.name)} "
    if gov.qualifier is None or any(f" {norm(w)} " in named for w in gov.country_names):
        return ministry.name
    return f"{ministry.name} {gov.qualifier}"


def _government(gov: GovernmentData) -> GovernmentEntry:
    ministries = tuple(
        MinistryEntry(
            canonical=_canonical(m, gov),
            name=m.name,
            country=gov.country,
            portfolios=tuple(m.portfolios),
            name_en=m.name_en,
            name_es=m.name_es,
            acronym=m.acronym,
            aliases=tuple(m.aliases),
            short=tuple(m.short),
            offices=tuple(m.offices),
        )
        for m in gov.ministries
    )
    return GovernmentEntry(
        country=gov.country,
        name=gov.name,
        name_en=gov.name_en,
        name_es=gov.name_es,
        aliases=tuple(gov.aliases),
        sovereign=gov.sovereign,
        ministries=ministries,
    )


def _country(gov: GovernmentData) -> _Country:
    entry = _government(gov)
    names: dict[str, MinistryEntry] = {}
    acronyms: dict[str, MinistryEntry] = {}
    short: dict[str, MinistryEntry] = {}
    offices: dict[str, MinistryEntry] = {}
    for ministry in entry.ministries:
        for name in ministry.names():
            names.setdefault(norm(name), ministry)
        if ministry.acronym:
            acronyms.setdefault(ministry.acronym, ministry)
            # "Minsal" is written as often as "MINSAL".
            if len(ministry.acronym) >= _CASELESS_ACRONYM:
                names.setdefault(norm(ministry.acronym), ministry)
        for name in ministry.short:
            short.setdefault(norm(name), ministry)
        for title in ministry.offices:
            offices.setdefault(norm(title), ministry)
    return _Country(
        government=entry,
        names=names,
        acronyms=acronyms,
        short=short,
        offices=offices,
        country_words=tuple(norm(w) for w in gov.country_names),
    )


@models_cache
def _knowledge() -> _Knowledge:
    data = governments_file()
    countries = {gov.country: _country(gov) for gov in data.governments}
    any_name: dict[str, str] = {}
    government_names: dict[str, str] = {}
    for code, country in countries.items():
        for ministry in country.government.ministries:
            for name in ministry.names():
                any_name.setdefault(norm(name), ministry.portfolio)
        for name in country.government.names():
            government_names.setdefault(norm(name), code)
    references: dict[str, dict[str, Reference]] = {}
    for language in ("es", "en"):
        table: dict[str, Reference] = {}
        for phrase in data.references.government.of(language):
            table[norm(phrase)] = "government"
        for phrase in data.references.country.of(language):
            table[norm(phrase)] = "country"
        references[language] = table
    return _Knowledge(
        countries=countries,
        any_name=any_name,
        government_names=government_names,
        references=references,
    )


@models_cache
def _reader() -> OfficeReader:
    data = governments_file()
    return OfficeReader(data.portfolios, data.office_heads)


# --- public API --------------------------------------------------------------------------------


def portfolios() -> tuple[str, ...]:
    """The declared portfolio keys."""
    return tuple(governments_file().portfolios)


def countries() -> tuple[str, ...]:
    """ISO codes of the countries whose government is known."""
    return tuple(_knowledge().countries)


def government(country: str) -> GovernmentEntry | None:
    """The government of ``country`` (ISO alpha-2), or None when the file does not know it."""
    known = _knowledge().countries.get(country.upper())
    return known.government if known else None


def ministry(country: str, portfolio: str) -> MinistryEntry | None:
    """The ministry of ``country`` for ``portfolio``: the one whose main portfolio it is, else the
    first that also holds it."""
    known = _knowledge().countries.get(country.upper())
    return _pick(known, portfolio, None) if known else None


def portfolio_of(text: str, language: str) -> str | None:
    """The portfolio an office or ministry's name speaks of, whatever the country: "Relaciones
    Exteriores", "ministra de Asuntos Exteriores y Cooperación", "Foreign Secretary" and "Global
    Affairs Canada" all give ``foreign_affairs``."""
    reader = _reader()
    any_name = _knowledge().any_name
    for reading in reader.readings(text):
        if reading.text in any_name:
            return any_name[reading.text]
        found = reader.portfolio(reading, language)
        if found:
            return found[0]
    return None


def resolve_office(text: str, country: str, language: str) -> MinistryEntry | None:
    """The ministry of ``country`` that an office or ministry's name stands for: "Relaciones
    Exteriores" with CL is Chile's Ministerio de Relaciones Exteriores, "Foreign Secretary" with
    GB the Foreign, Commonwealth & Development Office. None when the text names no ministry, or
    names another country's ("ministro de Salud de Perú" with CL). The ministries are national:
    a release from a state or city government names its own "Secretaría de Salud", so callers
    resolve through here only when the issuer is a national government."""
    known = _knowledge().countries.get(country.upper())
    if known is None or not text.strip():
        return None
    stripped = text.strip()
    if stripped in known.acronyms:
        return known.acronyms[stripped]
    reader = _reader()
    for reading in reader.readings(text, known.country_words):
        hit = known.names.get(reading.text) or known.offices.get(reading.text)
        if hit is None and reading.headed:
            hit = known.short.get(reading.text)
        if hit is not None:
            return hit
        found = reader.portfolio(reading, language)
        if found:
            return _pick(known, *found)
    return None


def reference_kind(text: str, language: str) -> Reference | None:
    """Whether ``text`` is how a release names its own government ("el Gobierno", "this
    Administration") or its own country ("nuestro país"), else None."""
    return _knowledge().references.get(language, {}).get(norm(text))


def resolve_government(text: str, country: str, language: str) -> GovernmentEntry | None:
    """The government ``text`` names: a government by name ("Gobierno de Chile", "HM
    Government") whoever issued the release, or the issuer's (``country``) for "el Gobierno",
    "our Government"."""
    knowledge = _knowledge()
    named = knowledge.government_names.get(norm(text))
    if named:
        return government(named)
    if reference_kind(text, language) == "government":
        return government(country)
    return None


def organizations() -> tuple[OrganizationEntry, ...]:
    """Every government and ministry as an organisation entry, for the organisation extractor."""
    entries: list[OrganizationEntry] = []
    for known in _knowledge().countries.values():
        entries.append(known.government.as_organization())
        entries.extend(m.as_organization() for m in known.government.ministries)
    return tuple(entries)


def _pick(known: _Country, portfolio: str, term: str | None) -> MinistryEntry | None:
    """The ministry holding ``portfolio``; among several, the one whose name carries ``term``
    ("Obras Públicas" → Ministerio de Obras Públicas, not of Transportes), else the one whose
    main portfolio it is."""
    holders = [m for m in known.government.ministries if portfolio in m.portfolios]
    if term:
        for candidate in holders:
            if any(f" {term} " in f" {norm(name)} " for name in candidate.names()):
                return candidate
    main = [m for m in holders if m.portfolio == portfolio]
    return (main or holders or [None])[0]

"""Who issued a release and in which country: ``issuer`` and ``issuer_country``.

The country comes from the first of: the caller (``--issuer-country``), the source's metadata
(an ``issuer_country`` column), the web domain of the source's ``url`` ("www.gob.mx" -> MX,
"www.gov.uk" -> GB, "www.state.gov" -> US), the issuer names of models/issuers.yaml matched in
the issuer's name or the letterhead (short lines above the text), a country or first-level
division named in the issuer's name ("Gobierno de Chile", "Sistema Anticorrupción del Estado de
Coahuila"), and the dateline place's country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import pycountry
from pydantic import BaseModel, ConfigDict, field_validator

from prensa import gazetteer
from prensa.errors import UsageError
from prensa.ingest.dateline import place_country
from prensa.ingest.segment import Segments
from prensa.resources import load_yaml, models_cache

#: Body lines read as letterhead (agency lines above the dateline), and the most words a
#: letterhead line has: a sentence naming another country's ministry is not a letterhead.
_LETTERHEAD_LINES = 3
_LETTERHEAD_WORDS = 12
#: Longest run of words looked up as one place name in an issuer's name.
_MAX_NGRAM = 4
_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_NAMED_KINDS = frozenset({"country", "state"})
_Patterns = list[re.Pattern[str]]


class IssuerLexicon(BaseModel):
    """models/issuers.yaml: country code -> patterns of issuer names of that country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    countries: dict[str, list[re.Pattern[str]]]
    #: Domain suffix ("gov", "uk", "gov.co") -> country, before the country-code domain rule.
    domains: dict[str, str]
    vanity_tlds: frozenset[str]
    local_words: list[re.Pattern[str]]

    @field_validator("countries")
    @classmethod
    def _iso_codes(cls, value: dict[str, _Patterns]) -> dict[str, _Patterns]:
        bad = [code for code in value if pycountry.countries.get(alpha_2=code) is None]
        if bad:
            raise ValueError(f"not ISO 3166 alpha-2 codes: {bad}")
        return value

    @field_validator("domains")
    @classmethod
    def _iso_domain_codes(cls, value: dict[str, str]) -> dict[str, str]:
        bad = [code for code in value.values() if pycountry.countries.get(alpha_2=code) is None]
        if bad:
            raise ValueError(f"not ISO 3166 alpha-2 codes: {bad}")
        return value


@models_cache
def _lexicon() -> IssuerLexicon:
    return load_yaml("issuers.yaml", IssuerLexicon)


@models_cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((code, p) for code, patterns in _lexicon().countries.items() for p in patterns)


def url_country(url: str | None) -> str | None:
    """The country whose government's web domain ``url`` is on: a listed domain suffix, else the
    country-code top-level domain (not one sold worldwide for its letters); None otherwise."""
    try:
        host = (urlsplit((url or "").strip()).hostname or "").rstrip(".")
    except ValueError:
        return None
    labels = host.split(".") if "." in host else []
    lexicon = _lexicon()
    for start in range(len(labels)):
        code = lexicon.domains.get(".".join(labels[start:]))
        if code:
            return code
    tld = labels[-1] if labels else ""
    if len(tld) != 2 or tld in lexicon.vanity_tlds:
        return None
    country = pycountry.countries.get(alpha_2=tld.upper())
    return country.alpha_2 if country else None


def country_code(value: str | None) -> str | None:
    """``value`` as an upper-case ISO alpha-2 code; UsageError when it is not one."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise UsageError(f"{value!r} is not an ISO 3166 alpha-2 country code (e.g. MX, CL, US)")
    return code


def issuer_country(
    segments: Segments, metadata: dict[str, str], given: str | None = None
) -> str | None:
    """The issuer's country (see the module docstring for the order of the evidence)."""
    if given:
        return country_code(given)
    from_metadata = metadata.get("issuer_country", "").strip().upper()
    if len(from_metadata) == 2 and pycountry.countries.get(alpha_2=from_metadata):
        return from_metadata
    from_url = url_country(metadata.get("url"))
    if from_url:
        return from_url
    opening = segments.body.split("\n")[:_LETTERHEAD_LINES]
    short = [line for line in opening if len(line.split()) <= _LETTERHEAD_WORDS]
    letterhead = [*segments.boilerplate, *short]
    names = [segments.issuer] if segments.issuer else []
    return (
        _by_pattern([*names, *letterhead])
        or _named_place(names)
        or place_country(segments.dateline_place)
    )


def _by_pattern(lines: Iterable[str]) -> str | None:
    """The country of the longest issuer name found in the first line that has one, so that
    "Federal Department of Justice and Police" (CH) beats "Department of Justice" (US)."""
    for line in lines:
        found = [(len(m.group(0)), code) for code, p in _patterns() if (m := p.search(line))]
        if found:
            return max(found)[1]
    return None


def _named_place(names: Iterable[str]) -> str | None:
    """A country or state written in the issuer's name: "Gobierno de Chile" -> CL."""
    for name in names:
        for entry in _places_in(name):
            if entry.kind in _NAMED_KINDS and entry.country_code:
                return entry.country_code
    return None


def local_issuer(issuer: str | None) -> bool:
    """Whether the issuer's name places it below a national government: a local word of
    models/issuers.yaml ("Ayuntamiento", "estatal", "County"), or a state and no country
    ("Poder Judicial del Estado de Coahuila"), so its "we" and its impersonal decisions are its
    own, not the national government's. Cities alone say nothing: too many words name one."""
    if not issuer:
        return False
    if any(p.search(issuer) for p in _lexicon().local_words):
        return True
    kinds = {entry.kind for entry in _places_in(issuer)}
    return "state" in kinds and "country" not in kinds


def _places_in(name: str) -> list[gazetteer.PlaceEntry]:
    """The places a name writes, longest first and without overlaps, so that "Estado de
    México" is a state and not also the country."""
    gaz = gazetteer.load()
    words = _WORD.findall(name)
    taken: set[int] = set()
    found: list[gazetteer.PlaceEntry] = []
    for size in range(_MAX_NGRAM, 0, -1):
        for start in range(len(words) - size + 1):
            span = set(range(start, start + size))
            if span & taken or not words[start][0].isupper():
                continue
            entry = gaz.lookup(" ".join(words[start : start + size]))
            if entry is not None:
                taken |= span
                found.append(entry)
    return found

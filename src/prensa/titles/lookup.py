"""Organisations and places a title names, looked up in the alias table and the gazetteer, and
their names in the other language."""

from __future__ import annotations

import gettext
import re

import pycountry

from prensa import gazetteer, resources
from prensa.records import Language
from prensa.resources import OrganizationEntry
from prensa.text import fold
from prensa.titles.aliases import known_organization
from prensa.titles.index import match_demonym
from prensa.titles.schema import lexicon
from prensa.titles.words import function_words, key, strip_article


@resources.models_cache
def _ministry_pattern(language: Language) -> re.Pattern[str]:
    return re.compile(lexicon().ministry_patterns[language])


@resources.models_cache
def _language_hints(language: Language) -> frozenset[str]:
    """Function words only ``language`` has: what tells an alias's language."""
    other: Language = "en" if language == "es" else "es"
    return function_words(language) - function_words(other)


def _looks(language: Language, name: str) -> bool:
    """Is a name surely written in ``language``? Told apart by function words, accents and
    nationalities ('Mexican Navy')."""
    ws = [key(w) for w in name.split()]
    has_es = bool(set(ws) & _language_hints("es")) or any(c in name for c in "áéíóúñÁÉÍÓÚÑ")
    has_en = bool(set(ws) & _language_hints("en")) or any(
        match_demonym(ws, i, "en") for i in range(len(ws))
    )
    return has_es and not has_en if language == "es" else has_en and not has_es


def looks_like(language: Language, name: str) -> bool:
    """Is ``name`` surely written in ``language`` (see ``_looks``)?"""
    return _looks(language, name)


def organization_name(org: OrganizationEntry, language: Language) -> str | None:
    """The organisation's name in ``language``, if it has one: a name surely in it, else an
    English alias with no sign of Spanish ('World Bank')."""
    names = (org.name, *org.aliases)
    sure = next((n for n in names if _looks(language, n)), None)
    if sure is not None or language == "es":
        return sure
    return next(
        (n for n in org.aliases if " " in n and not n.isupper() and not _looks("es", n)), None
    )


def portfolio(org: OrganizationEntry, language: Language) -> str | None:
    """'Secretariat of the Navy' → 'of the Navy': what a secretary of that ministry is of."""
    found = [
        m.group(1) + " " + m.group(2)
        for name in (org.name, *org.aliases)
        if _looks(language, name) and (m := _ministry_pattern(language).match(name))
    ]
    return max(found, key=len) if found else None


@resources.models_cache
def _region_names() -> dict[str, tuple[str, str]]:
    """Region key → (Spanish name, English name), from the places lexicon."""
    names: dict[str, tuple[str, str]] = {}
    for region in resources.place_lexicon().regions:
        english = next((a for a in region.aliases if not _looks("es", a)), region.name)
        names[f"region:{fold(region.name)}"] = (region.name, english)
    return names


@resources.models_cache
def _spanish_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True)


def place_text_for_template(text: str) -> str:
    """'estado de Nayarit' → 'Nayarit'; 'la Ciudad de México' keeps its article."""
    words = text.split()
    for lead in (["estado", "de"], ["the", "state", "of"], ["state", "of"]):
        if words[: len(lead)] == lead:  # lower case: 'Estado de México' is the state's name
            return " ".join(words[len(lead) :])
    return text


def place_name(entry: gazetteer.PlaceEntry, language: Language, written: str) -> str:
    """A place's name in ``language``; Spanish keeps cities and states as written."""
    if entry.key in _region_names():
        es, en = _region_names()[entry.key]
        return es if language == "es" else en
    if entry.kind == "state":
        return place_text_for_template(strip_article(written))  # ISO: 'Veracruz de Ignacio …'
    if language == "en":
        return entry.name
    if entry.kind == "country" and entry.country_code:
        country = pycountry.countries.get(alpha_2=entry.country_code)
        if country is not None:
            return _spanish_countries().gettext(getattr(country, "common_name", country.name))
    return strip_article(written)


def find_organization(text: str, allow_short: bool = True) -> OrganizationEntry | None:
    """The lexicon organisation called ``text`` (with or without its article). Short names
    ("Marina") count only where ``allow_short``: right after a title's head."""
    text = text.strip(" ,")
    for candidate in (text, strip_article(text)):
        found = known_organization(candidate)
        if found is not None and (allow_short or fold(candidate) not in map(fold, found.short)):
            return found
    return None


def find_place(text: str, split_commas: bool = False) -> gazetteer.PlaceEntry | None:
    """A place named ``text``; with ``split_commas``, 'Islas Marías, Nayarit' is read from its
    last part. A city counts only under a reviewed name or a name of several words: one-word
    city names are too often ordinary words ("la República", "Fomento")."""
    text = text.strip(" ,")
    if not text or not text[:1].isalpha():
        return None
    bare = strip_article(text)
    found = gazetteer.load().lookup(text) or gazetteer.load().lookup(bare)
    if found is not None and found.kind == "city":
        reviewed = fold(text) in _safe_city_names() or fold(bare) in _safe_city_names()
        if not reviewed and not (" " in bare and fold(bare) == fold(found.name)):
            found = None
    if found is None and split_commas and "," in text:
        return find_place(text.rsplit(",", 1)[1])
    return found


@resources.models_cache
def _safe_city_names() -> frozenset[str]:
    return frozenset(fold(n) for n, e in gazetteer.load().surface_forms() if e.kind == "city")


def is_organization_head(word: str) -> bool:
    """Is a capitalised word one that starts an institution's name ('Centro', 'Gobierno')?"""
    return word[:1].isupper() and fold(word) in _org_heads()


def org_head(text: str) -> bool:
    """Does a capitalised phrase start with an organisation head ('Gobierno de España')?"""
    words = text.split()
    return bool(words) and is_organization_head(words[0])


@resources.models_cache
def _org_heads() -> frozenset[str]:
    return frozenset(fold(h) for h in resources.heads().organization_heads if " " not in h)

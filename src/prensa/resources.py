"""Loads the reviewed data files in ``models/`` and validates them, so a typo fails loudly.

Every file is read through ``load_yaml`` and every structure built from one is cached with
``models_cache``: the cache is keyed on the models folder, which is read from ``$PRENSA_MODELS`` on
each call, so pointing it elsewhere takes effect at once.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from prensa.errors import ResourceError as LexiconError
from prensa.text import fold

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")


#: The ``models/`` folder of this checkout.
DEFAULT_MODELS = Path(__file__).resolve().parents[2] / "models"


def models_dir() -> Path:
    """The ``models/`` folder: ``$PRENSA_MODELS`` if set, else the one beside ``src/``. Read on
    every call (cheaply: rule code asks for it per token, and one Path per setting is reused,
    so the caches keyed on it hash a Path whose hash is already known)."""
    return _models_path(os.environ.get("PRENSA_MODELS") or "")


@functools.lru_cache(maxsize=8)
def _models_path(override: str) -> Path:
    return Path(override) if override else DEFAULT_MODELS


def models_cache(func: Callable[P, R]) -> Callable[P, R]:
    """Cache ``func`` per models folder: what it builds from models/ is built once per folder."""

    @functools.cache
    def cached(_root: Path, *args: P.args, **kwargs: P.kwargs) -> R:
        return func(*args, **kwargs)

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return cached(models_dir(), *args, **kwargs)

    return wrapper


def load_yaml(relative: str, schema: type[T] | object) -> T:
    """Read ``models/<relative>`` and validate it against ``schema``."""
    return _load_yaml(models_dir() / relative, schema)


#: libyaml's safe loader when PyYAML was built with it (the wheels are): the rule files load
#: several times faster than with the pure-Python one, which matters at every start.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _load_yaml(path: Path, schema: type[T] | object) -> T:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
        return TypeAdapter(schema).validate_python(raw)  # type: ignore[arg-type]
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonFilters(_Strict):
    """Words that are never names alone, and prefixes to strip from names."""

    not_names: list[str]
    honorific_initials: list[str] = []
    opening_verbs: list[str] = []
    not_person_after: list[str]
    place_after: list[str]
    place_after_motion: list[str]
    motion_verbs: list[str]

    def folded_not_names(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.not_names)


class OrganizationEntry(_Strict):
    name: str
    acronym: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    aliases: list[str] = Field(default_factory=list)
    short: list[str] = Field(default_factory=list)


class RegionEntry(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)


class AliasEntry(_Strict):
    of: str = Field(description="ISO 3166-1 alpha-2 (country) or 3166-2 (state) code.")
    aliases: list[str]


class CityAliasEntry(_Strict):
    geonameid: int
    aliases: list[str]


class PlaceLexicon(_Strict):
    regions: list[RegionEntry]
    countries: list[AliasEntry]
    states: list[AliasEntry]
    cities: list[CityAliasEntry]


@models_cache
def person_filters() -> PersonFilters:
    return load_yaml("entities/person_filters.yaml", PersonFilters)


@models_cache
def organizations() -> tuple[OrganizationEntry, ...]:
    return tuple(load_yaml("entities/organizations.yaml", list[OrganizationEntry]))


@models_cache
def place_lexicon() -> PlaceLexicon:
    return load_yaml("entities/places.yaml", PlaceLexicon)


class Heads(_Strict):
    """First words that reveal an organisation or a place."""

    organization_heads: list[str]
    organization_tails: list[str] = []
    place_heads: list[str]
    local_place_nouns: list[str] = []
    local_offices: list[str] = []
    place_openers: list[str] = []
    government_heads: list[str]


@models_cache
def heads() -> Heads:
    return load_yaml("entities/heads.yaml", Heads)


class FunctionWords(_Strict):
    """The closed word classes of one language (models/language/<lang>.yaml), folded."""

    articles: frozenset[str]
    determiners: frozenset[str]
    prepositions: frozenset[str]
    particles: frozenset[str]
    connectors: frozenset[str]
    conjunctions: frozenset[str]
    relatives: frozenset[str]
    clitics: frozenset[str]
    edge_words: frozenset[str]
    and_words: frozenset[str]
    name_links: frozenset[str]
    definite_articles: frozenset[str]
    office_links: frozenset[str]
    complement_links: frozenset[str]


LANGUAGES: tuple[str, ...] = ("es", "en")


@models_cache
def function_words(language: str) -> FunctionWords:
    """The function words of ``language`` (es or en)."""
    raw = load_yaml(f"language/{language}.yaml", FunctionWords)
    fields = FunctionWords.model_fields
    folded = {name: frozenset(fold(w) for w in getattr(raw, name)) for name in fields}
    return FunctionWords(**folded)


@models_cache
def word_class(name: str) -> frozenset[str]:
    """One function-word class in every supported language: for rules that run on both."""
    return frozenset().union(*(getattr(function_words(lang), name) for lang in LANGUAGES))

"""Loads the reviewed data files in ``models/`` and validates them, so a typo fails loudly."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from prensa.errors import ResourceError as LexiconError
from prensa.normalize import fold

T = TypeVar("T")


def models_dir() -> Path:
    """The ``models/`` folder: ``$PRENSA_MODELS`` if set, else the one beside ``src/``."""
    override = os.environ.get("PRENSA_MODELS")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "models"


def load_yaml(relative: str, schema: type[T] | object) -> T:
    """Read ``models/<relative>`` and validate it against ``schema``."""
    path = models_dir() / relative
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return TypeAdapter(schema).validate_python(raw)  # type: ignore[arg-type]
    except (OSError, yaml.YAMLError, ValueError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonFilters(_Strict):
    """Words that are never names alone, and prefixes to strip from names."""

    not_names: list[str]
    not_person_after: list[str]
    place_after: list[str]
    place_after_motion: list[str]
    motion_verbs: list[str]
    name_prefixes: list[str]

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


@cache
def person_filters() -> PersonFilters:
    return load_yaml("entities/person_filters.yaml", PersonFilters)


@cache
def organizations() -> tuple[OrganizationEntry, ...]:
    return tuple(load_yaml("entities/organizations.yaml", list[OrganizationEntry]))


@cache
def place_lexicon() -> PlaceLexicon:
    return load_yaml("entities/places.yaml", PlaceLexicon)


class Heads(_Strict):
    """First words that reveal an organisation or a place."""

    organization_heads: list[str]
    place_heads: list[str]


@cache
def heads() -> Heads:
    return load_yaml("entities/heads.yaml", Heads)

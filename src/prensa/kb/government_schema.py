"""Schema of ``models/entities/governments.yaml``: national governments, their ministries by
portfolio, and the generic wordings of each portfolio in Spanish and English."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Language = Literal["es", "en"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LanguageTerms(_Strict):
    """Words in each supported language."""

    es: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def of(self, language: str) -> list[str]:
        return self.en if language == "en" else self.es


class Portfolio(_Strict):
    """How releases word one portfolio: alone or after an office word (es, en), only after an
    office word (weak), and whole titles of its minister (offices)."""

    es: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)
    weak: LanguageTerms = Field(default_factory=LanguageTerms)
    offices: LanguageTerms = Field(default_factory=LanguageTerms)

    def terms(self, language: str) -> list[str]:
        return self.en if language == "en" else self.es


class OfficeHeads(_Strict):
    """Office words that open (or, in English, close) a ministry's name or a minister's title."""

    es: list[str]
    es_connectors: list[str]
    en: list[str]
    en_connectors: list[str]
    en_suffix: list[str]


class References(_Strict):
    """How a release names its own government and its own country."""

    government: LanguageTerms
    country: LanguageTerms


class MinistryData(_Strict):
    name: str
    name_en: str | None = None
    name_es: str | None = None
    acronym: str | None = None
    portfolios: list[str] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    short: list[str] = Field(default_factory=list)
    offices: list[str] = Field(default_factory=list)
    canonical: str | None = None


class GovernmentData(_Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    name_en: str | None = None
    name_es: str | None = None
    aliases: list[str] = Field(default_factory=list)
    qualifier: str | None
    country_names: list[str] = Field(min_length=1)
    sovereign: bool = True
    ministries: list[MinistryData] = Field(min_length=1)


class GovernmentsFile(_Strict):
    portfolios: dict[str, Portfolio]
    office_heads: OfficeHeads
    references: References
    governments: list[GovernmentData]

    @model_validator(mode="after")
    def _consistent(self) -> GovernmentsFile:
        seen: set[str] = set()
        for gov in self.governments:
            if gov.country in seen:
                raise ValueError(f"country {gov.country} appears twice")
            seen.add(gov.country)
            for ministry in gov.ministries:
                unknown = set(ministry.portfolios) - set(self.portfolios)
                if unknown:
                    raise ValueError(
                        f"{gov.country} {ministry.name}: undeclared portfolios {sorted(unknown)}"
                    )
        return self

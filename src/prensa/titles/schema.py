"""The schema of ``models/titles.yaml``, and the validated lexicon."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from prensa import resources
from prensa.records import Language
from prensa.resources import LexiconError
from prensa.text import fold
from prensa.titles.aliases import known_organization


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlaceOrganization(_Strict):
    es: str
    en: str


class PortfolioOrganization(_Strict):
    """The ministry a title's bare portfolio names, per language ('Secretaría de {portfolio}');
    a language without a template (ministries are named too differently) gets none."""

    es: str | None = None
    en: str | None = None


class TitleEntry(_Strict):
    """One office or rank, with what it implies."""

    id: str
    kind: Literal["office", "rank"] = "office"
    office: str | None = None
    es: list[str]
    en: list[str]
    organization: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    head_of_state: bool = False
    national: bool = False
    ministerial: bool = False
    place_organization: PlaceOrganization | None = None
    office_word: bool = False
    office_noun: bool = False
    territorial: bool = False
    portfolio_organization: PortfolioOrganization | None = None
    role: bool = True
    bare_only: bool = False
    renders_only: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _both_languages(self) -> TitleEntry:
        """Every title reads and translates both ways: it needs a form in each language."""
        for language, forms in (("Spanish", self.es), ("English", self.en)):
            if not forms:
                raise ValueError(f"title {self.id!r} has no {language} form")
        _check_renders(self.renders_only, [*self.es, *self.en], self.id)
        return self

    @property
    def office_key(self) -> str:
        return self.office or self.id

    @property
    def is_national(self) -> bool:
        """An office of a country's government (a head of state's included)."""
        return self.national or self.head_of_state

    def forms(self, language: Language) -> list[str]:
        return self.es if language == "es" else self.en

    def read_forms(self, language: Language) -> list[str]:
        """The forms that read as this entry in text: none if it is no role, and not the
        ``renders_only`` ones (another entry's)."""
        if not self.role:
            return []
        return [f for f in self.forms(language) if f not in self.renders_only]


def _check_renders(renders: list[str], forms: list[str], owner: str) -> None:
    missing = [f for f in renders if f not in forms]
    if missing:
        raise ValueError(f"{owner}: renders_only {missing} are not among its forms")


class Modifier(_Strict):
    """A word that qualifies a title; ``status`` ones make it a different office."""

    es: list[str]
    en: list[str]
    status: bool = False
    es_after: bool = False
    en_after: bool = False
    renders_only: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _renders_listed(self) -> Modifier:
        _check_renders(self.renders_only, [*self.es, *self.en], f"modifier {self.key!r}")
        return self

    def forms(self, language: Language) -> list[str]:
        return self.es if language == "es" else self.en

    def read_forms(self, language: Language) -> list[str]:
        return [f for f in self.forms(language) if f not in self.renders_only]

    def after(self, language: Language) -> bool:
        return self.es_after if language == "es" else self.en_after

    @property
    def key(self) -> str:
        return fold((self.en or self.es)[0])


class Demonym(_Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    es: list[str]
    en: list[str]


class PerLanguage(_Strict):
    es: list[str]
    en: list[str]

    def get(self, language: Language) -> list[str]:
        return self.es if language == "es" else self.en


class PortfolioPhrase(_Strict):
    """A portfolio phrase in both languages; the first form of each is its rendering."""

    es: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)

    def forms(self, language: Language) -> list[str]:
        return self.es if language == "es" else self.en


class StandingPhrase(_Strict):
    """A phrase that gives a person standing for a body without a title: "X, en representación
    de la Cámara de Comercio" (the body follows the phrase: ``body: after``), "la Dirección de
    Protección Civil, a cargo de X" (the body precedes it: ``body: before``). The role is read
    as the ``title`` entry's first form of that body."""

    language: Language
    phrase: str
    title: str
    body: Literal["before", "after"]


class TitleLexicon(_Strict):
    titles: list[TitleEntry]
    modifiers: list[Modifier]
    demonyms: list[Demonym]
    honorifics: PerLanguage
    postnominals: PerLanguage = Field(default_factory=lambda: PerLanguage(es=[], en=[]))
    introducers: PerLanguage
    copulas: PerLanguage
    prepositions: dict[Language, dict[str, str]]
    conjunctions: dict[Language, dict[str, str]]
    setting_words: PerLanguage
    locative_prepositions: PerLanguage
    relations: PerLanguage
    possessives: PerLanguage = Field(default_factory=lambda: PerLanguage(es=[], en=[]))
    standing_phrases: list[StandingPhrase] = Field(default_factory=list)
    ministry_patterns: dict[Language, str]
    article_places: list[str]
    not_titles: list[str]
    ministries: PerLanguage
    portfolio_words: list[PortfolioPhrase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> TitleLexicon:
        seen: set[str] = set()
        for entry in self.titles:
            if entry.id in seen:
                raise ValueError(f"title id {entry.id!r} is used twice")
            seen.add(entry.id)
        for phrase in self.standing_phrases:
            if phrase.title not in seen:
                raise ValueError(f"standing phrase {phrase.phrase!r}: no title {phrase.title!r}")
        return self


@resources.models_cache
def lexicon() -> TitleLexicon:
    """The validated lexicon; every organisation it names must be in organizations.yaml."""
    data = resources.load_yaml("titles.yaml", TitleLexicon)
    for entry in data.titles:
        if entry.organization and known_organization(entry.organization) is None:
            raise LexiconError(
                f"models/titles.yaml: {entry.id}: unknown organization {entry.organization!r}"
            )
    return data

"""Layout rules as data: models/segment/*.yaml, validated and compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from prensa.resources import load_yaml, models_cache
from prensa.timex.lexicon import lexicon

#: The repository's models/segment folder (src/prensa/ingest/ -> repository root).

_M = TypeVar("_M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Dateline:
    """One compiled dateline shape; ``known_place`` asks for a gazetteer place."""

    pattern: re.Pattern[str]
    known_place: bool = False


@dataclass(frozen=True)
class DatePatterns:
    """Compiled date shapes of one language."""

    language: str
    date: re.Pattern[str]
    datelines: tuple[Dateline, ...]
    header_date: re.Pattern[str]
    place_date: re.Pattern[str]

    def dateline(self, line: str) -> tuple[re.Match[str], Dateline] | None:
        """The first dateline shape that opens ``line``, with its match."""
        for shape in self.datelines:
            match = shape.pattern.match(line)
            if match:
                return match, shape
        return None


_REQUIRED_GROUPS: dict[str, frozenset[str]] = {
    "header_date": frozenset({"date"}),
    "place_date": frozenset({"place", "date"}),
}
#: Tokens filled in this order: the composite ones first because they hold the others.
_TOKENS = ("date", "place", "short_place", "dash")


class DatelineRule(_Strict):
    pattern: str
    known_place: bool = False


class LanguageDateRules(_Strict):
    """Date vocabulary and line shapes of one language, with {date}/{place}/... tokens."""

    date: str
    place: str
    short_place: str
    dash: str
    datelines: list[DatelineRule] = Field(min_length=1)
    header_date: str
    place_date: str

    def expand(self, pattern: str, language: str) -> str:
        """Fill the tokens; month and weekday names (and the month abbreviations of datelines)
        come from their one list, models/dates/lexicon.yaml."""
        for token in _TOKENS:
            pattern = pattern.replace("{" + token + "}", getattr(self, token))
        names = lexicon(language)
        months = [*names.names("months"), *names.month_abbreviations]
        return pattern.replace("{month}", _alternation(months)).replace(
            "{weekday}", _alternation(names.names("weekdays"))
        )

    def compiled(self, language: str) -> DatePatterns:
        return DatePatterns(
            language=language,
            date=re.compile(self.expand("{date}", language)),
            datelines=tuple(
                Dateline(re.compile(self.expand(rule.pattern, language)), rule.known_place)
                for rule in self.datelines
            ),
            **{
                name: re.compile(self.expand(getattr(self, name), language))
                for name in _REQUIRED_GROUPS
            },
        )

    def check(self, language: str) -> None:
        """Every pattern compiles once its tokens are filled, with the groups it must have."""
        named = [(name, getattr(self, name), groups) for name, groups in _REQUIRED_GROUPS.items()]
        named += [(f"datelines[{i}]", r.pattern, frozenset()) for i, r in enumerate(self.datelines)]
        for name, source, groups in named:
            try:
                pattern = re.compile(self.expand(source, language))
            except re.error as exc:
                raise ValueError(f"{name}: invalid regex ({exc})") from exc
            missing = groups - set(pattern.groupindex)
            if missing:
                raise ValueError(f"{name}: missing named group(s) {sorted(missing)}")
            if name.startswith("datelines") and not {"place", "date"} & set(pattern.groupindex):
                raise ValueError(f"{name}: needs a place or a date group")


class DateRules(_Strict):
    languages: dict[str, LanguageDateRules] = Field(min_length=1)

    @model_validator(mode="after")
    def _compiles(self) -> Self:
        """Checked here, where each language's month names are known."""
        for language, rules in self.languages.items():
            rules.check(language)
        return self


class HeaderRules(_Strict):
    bullets: str = Field(min_length=1)
    title_max_chars: int = Field(gt=0)
    release_numbers: list[re.Pattern[str]]
    labels: list[re.Pattern[str]]
    issuers: list[re.Pattern[str]]
    issuer_labels: list[re.Pattern[str]]
    bare_labels: list[re.Pattern[str]]
    labelled_dates: list[re.Pattern[str]]
    separators: list[re.Pattern[str]]

    @model_validator(mode="after")
    def _labels_name_the_issuer(self) -> Self:
        bad = [p.pattern for p in self.issuer_labels if "issuer" not in p.groupindex]
        if bad:
            raise ValueError(f"issuer_labels need an (?P<issuer>...) group: {bad}")
        return self


class TailLimits(_Strict):
    max_lines: int = Field(ge=0)
    max_chars: int = Field(gt=0)


class HeadlineLimits(_Strict):
    max_lines: int = Field(ge=0)
    min_words: int = Field(ge=1)
    max_chars: int = Field(gt=0)


class BoilerplateRules(_Strict):
    separators: list[re.Pattern[str]]
    end_marks: list[re.Pattern[str]]
    related_headings: list[re.Pattern[str]]
    tail: TailLimits
    trailing: list[re.Pattern[str]]
    headline: HeadlineLimits
    share_words: frozenset[str]
    share_connectors: frozenset[str]


class LanguageRules(_Strict):
    candidates: list[str] = Field(min_length=1)
    min_confidence: float = Field(gt=0, le=1)
    sample_chars: int = Field(gt=0)
    min_letters: int = Field(ge=1)


def _alternation(words: Iterable[str]) -> str:
    # Longest first so a prefix ("Sept" / "September") never shadows a longer word.
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _load(name: str, model: type[_M]) -> _M:
    return load_yaml(f"segment/{name}", model)


@models_cache
def date_patterns() -> dict[str, DatePatterns]:
    """Language code -> compiled dateline/header-date patterns."""
    rules = _load("dates.yaml", DateRules)
    return {lang: spec.compiled(lang) for lang, spec in rules.languages.items()}


@models_cache
def header_rules() -> HeaderRules:
    return _load("header.yaml", HeaderRules)


@models_cache
def boilerplate_rules() -> BoilerplateRules:
    return _load("boilerplate.yaml", BoilerplateRules)


@models_cache
def language_rules() -> LanguageRules:
    return _load("language.yaml", LanguageRules)


def full_match(patterns: Iterable[re.Pattern[str]], line: str) -> re.Match[str] | None:
    """The first pattern that matches the whole line."""
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if match:
            return match
    return None

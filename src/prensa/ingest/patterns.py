"""Layout rules as data: models/segment/*.yaml, validated and compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Self, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from prensa.timex.lexicon import lexicon_in

#: The repository's models/segment folder (src/prensa/ingest/ -> repository root).
RULES_DIR = Path(__file__).resolve().parents[3] / "models" / "segment"

_M = TypeVar("_M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class DatePatterns:
    """Compiled date shapes of one language."""

    language: str
    dateline: re.Pattern[str]
    header_date: re.Pattern[str]
    place_date: re.Pattern[str]


_REQUIRED_GROUPS: dict[str, frozenset[str]] = {
    "dateline": frozenset({"place", "date"}),
    "header_date": frozenset({"date"}),
    "place_date": frozenset({"place", "date"}),
}


class LanguageDateRules(_Strict):
    """Line shapes of one language, with {month}/{weekday}/{date} tokens. Month and weekday
    names come from their one list, models/dates/lexicon.yaml."""

    date: str
    dateline: str
    header_date: str
    place_date: str

    def expand(self, pattern: str, language: str) -> str:
        """Fill the tokens; {date} first because it holds the other two."""
        names = lexicon_in(RULES_DIR.parent, language)
        return (
            pattern.replace("{date}", self.date)
            .replace("{month}", _alternation(names.names("months")))
            .replace("{weekday}", _alternation(names.names("weekdays")))
        )

    def compiled(self, language: str) -> DatePatterns:
        return DatePatterns(
            language=language,
            **{
                name: re.compile(self.expand(getattr(self, name), language))
                for name in _REQUIRED_GROUPS
            },
        )


class DateRules(_Strict):
    languages: dict[str, LanguageDateRules] = Field(min_length=1)

    @model_validator(mode="after")
    def _compiles(self) -> Self:
        for language, rules in self.languages.items():
            for name, groups in _REQUIRED_GROUPS.items():
                try:
                    pattern = re.compile(rules.expand(getattr(rules, name), language))
                except re.error as exc:
                    raise ValueError(f"{language}.{name}: invalid regex ({exc})") from exc
                missing = groups - set(pattern.groupindex)
                if missing:
                    raise ValueError(f"{language}.{name}: missing named group(s) {sorted(missing)}")
        return self


class HeaderRules(_Strict):
    bullets: str = Field(min_length=1)
    title_max_chars: int = Field(gt=0)
    release_numbers: list[re.Pattern[str]]
    labels: list[re.Pattern[str]]
    issuers: list[re.Pattern[str]]
    separators: list[re.Pattern[str]]


class TailLimits(_Strict):
    max_lines: int = Field(ge=0)
    max_chars: int = Field(gt=0)


class BoilerplateRules(_Strict):
    separators: list[re.Pattern[str]]
    end_marks: list[re.Pattern[str]]
    related_headings: list[re.Pattern[str]]
    tail: TailLimits
    trailing: list[re.Pattern[str]]
    share_words: frozenset[str]
    share_connectors: frozenset[str]


class LanguageRules(_Strict):
    candidates: list[str] = Field(min_length=1)
    min_confidence: float = Field(gt=0, le=1)
    sample_chars: int = Field(gt=0)
    min_letters: int = Field(ge=1)


def _alternation(words: Iterable[str]) -> str:
    # Longest first so a prefix ("Sept" / "September") never shadows a longer word; names are
    # listed lower-case, so they match in any case.
    return "(?i:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _load(name: str, model: type[_M]) -> _M:
    with (RULES_DIR / name).open(encoding="utf-8") as handle:
        return model.model_validate(yaml.safe_load(handle))


@cache
def date_patterns() -> dict[str, DatePatterns]:
    """Language code -> compiled dateline/header-date patterns."""
    rules = _load("dates.yaml", DateRules)
    return {lang: spec.compiled(lang) for lang, spec in rules.languages.items()}


@cache
def header_rules() -> HeaderRules:
    return _load("header.yaml", HeaderRules)


@cache
def boilerplate_rules() -> BoilerplateRules:
    return _load("boilerplate.yaml", BoilerplateRules)


@cache
def language_rules() -> LanguageRules:
    return _load("language.yaml", LanguageRules)


def full_match(patterns: Iterable[re.Pattern[str]], line: str) -> re.Match[str] | None:
    """The first pattern that matches the whole line."""
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if match:
            return match
    return None

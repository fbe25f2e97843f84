"""Phrase indexes over the lexicon: the longest title, modifier, nationality or link at a word."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prensa import resources
from prensa.records import Language
from prensa.text import PhraseIndex
from prensa.titles.schema import Modifier, TitleEntry, lexicon
from prensa.titles.words import key, plural, tokenize


def words_of(form: str) -> tuple[str, ...]:
    """A form as the sequence of keys the indexes hold."""
    return tuple(key(t) for t in tokenize(form))


@dataclass(frozen=True)
class TitleForm:
    """A lexicon form found in text: which entry, as which form, singular or plural."""

    entry: TitleEntry
    form: str
    plural: bool = False


@dataclass(frozen=True)
class ModifierForm:
    modifier: Modifier
    form: str
    plural: bool = False


@dataclass(frozen=True)
class _Indexes:
    titles: PhraseIndex[TitleForm]
    modifiers: PhraseIndex[ModifierForm]
    demonyms: PhraseIndex[str]
    honorifics: PhraseIndex[str]
    introducers: PhraseIndex[str]
    copulas: PhraseIndex[str]
    prepositions: PhraseIndex[str]
    conjunctions: PhraseIndex[str]


def _title_index(language: Language) -> PhraseIndex[TitleForm]:
    titles: PhraseIndex[TitleForm] = PhraseIndex()
    entries = lexicon().titles
    for entry in entries:
        for form in entry.read_forms(language):
            titles.add(words_of(form), TitleForm(entry, form))
    for entry in entries:  # plurals after every singular, so a singular form always wins
        for form in entry.read_forms(language):
            titles.add(plural(words_of(form), language), TitleForm(entry, form, plural=True))
    return titles


def _phrases(phrases: Sequence[str]) -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for phrase in phrases:
        index.add(words_of(phrase), phrase)
    return index


def _translations(table: dict[str, str]) -> PhraseIndex[str]:
    index: PhraseIndex[str] = PhraseIndex()
    for source, target in table.items():
        index.add(words_of(source), target)
    return index


@resources.models_cache
def _indexes(language: Language) -> _Indexes:
    data = lexicon()
    modifiers: PhraseIndex[ModifierForm] = PhraseIndex()
    for mod in data.modifiers:
        for form in mod.read_forms(language):
            modifiers.add(words_of(form), ModifierForm(mod, form))
            if language == "es":
                modifiers.add(
                    plural(words_of(form), "es", head_only=False), ModifierForm(mod, form, True)
                )
    demonyms: PhraseIndex[str] = PhraseIndex()
    for dem in data.demonyms:
        for form in dem.es if language == "es" else dem.en:
            demonyms.add(words_of(form), dem.country)
            if language == "es":
                demonyms.add(plural(words_of(form), "es", head_only=False), dem.country)
    return _Indexes(
        titles=_title_index(language),
        modifiers=modifiers,
        demonyms=demonyms,
        honorifics=_phrases(data.honorifics.get(language)),
        introducers=_phrases(data.introducers.get(language)),
        copulas=_phrases(data.copulas.get(language)),
        prepositions=_translations(data.prepositions[language]),
        conjunctions=_translations(data.conjunctions[language]),
    )


@resources.models_cache
def _not_titles() -> frozenset[str]:
    data = lexicon()
    words = (*data.not_titles, *data.ministries.es, *data.ministries.en)
    return frozenset(w.casefold() for w in words)


@dataclass(frozen=True)
class TitleMatcher:
    """``match_title`` with the lexicon of one language fetched once: callers that ask at
    every token of a document hold one instead of looking the lexicon up each time."""

    language: Language
    not_titles: frozenset[str]
    index: PhraseIndex[TitleForm]

    def match(
        self, words: Sequence[str], start: int, raw: str = ""
    ) -> tuple[int, TitleForm] | None:
        if raw and raw.casefold() in self.not_titles:
            return None
        found = self.index.match(words, start)
        word = words[start] if start < len(words) else ""
        if found is None and self.language == "es" and word.startswith("ex") and len(word) > 5:
            rest = words[start + 1 : start + self.index.longest]  # no form is longer
            found = self.index.match([word[2:].lstrip("-"), *rest])
        return found


@resources.models_cache
def title_matcher(language: Language) -> TitleMatcher:
    return TitleMatcher(language, _not_titles(), _indexes(language).titles)


def match_title(
    words: Sequence[str], start: int, language: Language, raw: str = ""
) -> tuple[int, TitleForm] | None:
    """The longest title form at ``words[start]`` (folded keys); ``raw`` is the first word as
    written, so an accented ministry ("Secretaría") is not read as its secretary. A Spanish
    former office written as one word ("expresidente") matches its office."""
    return title_matcher(language).match(words, start, raw)


def match_modifier(
    words: Sequence[str], start: int, language: Language
) -> tuple[int, ModifierForm] | None:
    return _indexes(language).modifiers.match(words, start)


def match_demonym(words: Sequence[str], start: int, language: Language) -> tuple[int, str] | None:
    return _indexes(language).demonyms.match(words, start)


def match_honorific(words: Sequence[str], start: int, language: Language) -> int:
    found = _indexes(language).honorifics.match(words, start)
    return found[0] if found else 0


def match_introducer(words: Sequence[str], start: int, language: Language) -> int:
    found = _indexes(language).introducers.match(words, start)
    return found[0] if found else 0


def match_copula(words: Sequence[str], start: int, language: Language) -> int:
    found = _indexes(language).copulas.match(words, start)
    return found[0] if found else 0


def match_preposition(
    words: Sequence[str], start: int, language: Language
) -> tuple[int, str] | None:
    """A preposition (with its article) opening a complement, and its translation."""
    return _indexes(language).prepositions.match(words, start)


def match_conjunction(
    words: Sequence[str], start: int, language: Language
) -> tuple[int, str] | None:
    return _indexes(language).conjunctions.match(words, start)


def demonym_country(text: str, language: Language) -> str | None:
    """'Mexican' → MX, 'costarricense' → CR: only when the whole text is a demonym."""
    words = [key(t) for t in tokenize(text)]
    found = match_demonym(words, 0, language)
    return found[1] if found and found[0] == len(words) else None

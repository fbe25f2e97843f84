"""Portfolio phrases ('Asuntos Multilaterales' ↔ 'Multilateral Affairs'): the reviewed bilingual
list of ``models/titles.yaml`` that lets a complement be translated whole."""

from __future__ import annotations

from prensa import resources
from prensa.records import Language
from prensa.titles.schema import lexicon
from prensa.titles.words import function_words, key, tokenize


def _phrase_key(text: str) -> tuple[str, ...]:
    return tuple(key(t) for t in tokenize(text))


@resources.models_cache
def _table(language: Language, target: Language) -> dict[tuple[str, ...], str]:
    """Folded phrase in ``language`` → its rendering in ``target``."""
    table: dict[tuple[str, ...], str] = {}
    for phrase in lexicon().portfolio_words:
        rendering = phrase.forms(target)[0]
        for form in phrase.forms(language):
            table.setdefault(_phrase_key(form), rendering)
    return table


def translate_phrase(text: str, language: Language, target: Language) -> str | None:
    """``text`` (one whole phrase of the list, any case or accents) in ``target``."""
    return _table(language, target).get(_phrase_key(text))


@resources.models_cache
def content_words(language: Language) -> frozenset[str]:
    """Folded words of the list's ``language`` forms that are no function word of either
    language and no word of the other language's phrases, titles or modifiers: words that show
    a phrase is still in ``language``."""
    other: Language = "en" if language == "es" else "es"

    def words(lang: Language) -> set[str]:
        return {
            k
            for phrase in lexicon().portfolio_words
            for form in phrase.forms(lang)
            for k in _phrase_key(form)
            if k.isalpha()
        }

    data = lexicon()
    offices = {  # 'Mayor' is an English title as well as the 'mayor' of 'Estado Mayor'
        k
        for item in (*data.titles, *data.modifiers)
        for form in item.forms(other)
        for k in _phrase_key(form)
    }
    return frozenset(words(language) - words(other) - offices - function_words())

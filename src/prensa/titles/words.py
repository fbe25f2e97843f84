"""Words as the lexicon compares them: keys, tokens, plurals and the closed word classes."""

from __future__ import annotations

import re
from collections.abc import Iterable

from prensa import resources
from prensa.records import Language
from prensa.text import fold
from prensa.titles.schema import lexicon

_TOKEN = re.compile(r"['’]s\b|\w+(?:\.\w+|['’](?!s\b)\w+)*\.?|[^\w\s]")
_IRREGULAR_PLURALS = {"primer": "primeros"}


def key(text: str) -> str:
    """How a word is compared: folded, curly apostrophes straightened, final period dropped."""
    folded = fold(text).replace("’", "'")
    return folded.rstrip(".") if folded != "." else folded


def tokenize(text: str) -> list[str]:
    """Words and punctuation, split the way the spaCy tokenizers split titles."""
    return _TOKEN.findall(text)


def articles(language: Language | None = None) -> frozenset[str]:
    """The articles of ``language`` (of both when None), from models/language/."""
    if language is None:
        return resources.word_class("articles")
    return resources.function_words(language).articles


def and_words() -> frozenset[str]:
    """'y', 'e', 'and': the conjunction that joins the items of a list, in both languages."""
    return resources.word_class("and_words")


def name_links() -> frozenset[str]:
    """Small words inside a name of several words: 'Derechos Humanos de La Montaña'."""
    return resources.word_class("name_links")


def _plural_es(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word[-1:] in "aeiou":
        return word + "s"
    return word + "es"


def _plural_en(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def plural(words: tuple[str, ...], language: Language, head_only: bool = True) -> tuple[str, ...]:
    """Plural of a folded form: Spanish inflects the words before the first preposition
    ("jefes de Gobierno"), English the last of them ("Secretaries of State")."""
    function = function_words()
    run = next((i for i, w in enumerate(words) if w in function), len(words))
    if run == 0:
        return words
    out = list(words)
    if language == "es":
        for i in range(run if head_only else len(words)):
            out[i] = _plural_es(out[i])
    else:
        out[run - 1] = _plural_en(out[run - 1])
    return tuple(out)


@resources.models_cache
def function_words(language: Language | None = None) -> frozenset[str]:
    """Prepositions and conjunctions of the lexicon, and articles, of ``language`` (of both
    when None)."""
    data = lexicon()
    languages: list[Language] = [language] if language else ["es", "en"]
    words = {
        key(w)
        for table in (data.prepositions, data.conjunctions)
        for lang in languages
        for phrase in table[lang]
        for w in phrase.split()
    }
    return frozenset(words.union(*(articles(lang) for lang in languages)))


def is_function_word(word: str) -> bool:
    """A preposition, conjunction or article, in either language (folded)."""
    return key(word) in function_words()


def strip_article(text: str) -> str:
    words = text.split()
    while words and key(words[0]) in articles():
        words = words[1:]
    return " ".join(words)


def join(parts: Iterable[str]) -> str:
    """Tokens back into text, with punctuation, possessives and hyphens attached."""
    text = " ".join(p for p in parts if p)
    text = re.sub(r"\s+([,.;:])(?!\w)", r"\1", text)
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@resources.models_cache
def _folded(name: str, language: Language) -> frozenset[str]:
    return frozenset(key(w) for w in getattr(lexicon(), name).get(language))


def is_relation(word: str, language: Language) -> bool:
    """'esposa', 'wife': a relative, whose 'de/of' makes the title someone else's."""
    return key(word) in _folded("relations", language)


def is_possessive(word: str, language: Language) -> bool:
    """'su', 'sus': a title after it is of the body the sentence has just named."""
    return key(word) in _folded("possessives", language)


def is_setting_word(word: str, language: Language) -> bool:
    """'In', 'While', 'En': a word that opens a sentence's setting ('In Honduras, …')."""
    return key(word) in _folded("setting_words", language)


def locative_prepositions(language: Language) -> frozenset[str]:
    """'en', 'in': before where an office sits, not whose it is."""
    return _folded("locative_prepositions", language)

"""Reading an office or ministry's name down to its portfolio: "la ministra de Relaciones
Exteriores de Chile" → "relaciones exteriores" (after an office word) → ``foreign_affairs``.

The office words, connectors and portfolio wordings come from ``entities/governments.yaml``;
articles and conjunctions from the language files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from prensa.kb.government_schema import OfficeHeads, Portfolio
from prensa.resources import word_class
from prensa.text import fold

_NOT_WORD = re.compile(r"[^\w&]+")


def norm(text: str) -> str:
    """Folded words separated by single spaces, punctuation dropped: names compare whatever their
    commas, apostrophes or accents ("Prime Minister's Office" = "prime minister s office")."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


@dataclass(frozen=True)
class Reading:
    """One way to read the text: what is left, and whether an office word was taken off it."""

    text: str
    headed: bool


@dataclass(frozen=True)
class _Term:
    words: str
    portfolio: str
    weak: bool


class OfficeReader:
    """Strips office words, articles and the country's own name off an office's text, and maps
    what is left to a portfolio through the portfolios' generic wordings."""

    def __init__(self, portfolios: Mapping[str, Portfolio], heads: OfficeHeads) -> None:
        self._terms: dict[str, list[_Term]] = {}
        self._offices: dict[str, dict[str, str]] = {}
        self._articles = word_class("definite_articles")
        for language in ("es", "en"):
            terms: list[_Term] = []
            for key, p in portfolios.items():
                # Readings lose their leading article, so "the Exchequer" is also "Exchequer".
                terms += [_Term(t, key, False) for t in self._forms(p.terms(language))]
                terms += [_Term(t, key, True) for t in self._forms(p.weak.of(language))]
            # Longest first, so "Seguridad Social" is read before "Seguridad".
            self._terms[language] = sorted(terms, key=lambda t: -len(t.words))
            offices: dict[str, str] = {}
            for key, p in portfolios.items():
                for title in p.offices.of(language):
                    offices.setdefault(norm(title), key)
            self._offices[language] = offices
        prefixes = {
            f"{norm(h)} {norm(c)}"
            for h_list, c_list in ((heads.es, heads.es_connectors), (heads.en, heads.en_connectors))
            for h in h_list
            for c in c_list
        }
        self._prefixes = sorted(prefixes, key=len, reverse=True)
        self._suffixes = sorted({norm(s) for s in heads.en_suffix}, key=len, reverse=True)
        self._connectors = sorted(
            {norm(c) for c in (*heads.es_connectors, *heads.en_connectors)}, key=len, reverse=True
        )
        self._joins = tuple(f" {c} " for c in sorted(word_class("conjunctions") | {"&"}))

    def readings(self, text: str, country_words: Iterable[str] = ()) -> list[Reading]:
        """The text as written, then with office words taken off the front ("ministra de") or, in
        English, the back ("Foreign Secretary"), and with the country's own name taken off ("…
        de Chile", "Chilean …", "Cancillería chilena"); articles always go."""
        own = tuple(country_words)
        out: list[Reading] = []
        todo = [Reading(norm(text), False)]
        while todo:
            reading = todo.pop(0)
            reading = Reading(self._drop_article(reading.text), reading.headed)
            if not reading.text or reading in out:
                continue
            out.append(reading)
            todo.extend(Reading(t, reading.headed) for t in self._drop_country(reading.text, own))
            rest = self._drop_head(reading.text)
            if rest:
                todo.append(Reading(rest, True))
        return out

    def portfolio(self, reading: Reading, language: str) -> tuple[str, str | None] | None:
        """(portfolio, the wording matched) for a reading: a minister's whole title ("canciller",
        None), or a portfolio's wording, alone or opening a longer name ("Relaciones Exteriores y
        Culto"). Weak wordings count only after an office word. The release's language first."""
        for language_ in (language, "en" if language == "es" else "es"):
            office = self._offices[language_].get(reading.text)
            if office:
                return office, None
            for term in self._terms[language_]:
                if term.weak and not reading.headed:
                    continue
                if reading.text == term.words or reading.text.startswith(
                    tuple(term.words + j for j in self._joins)
                ):
                    return term.portfolio, term.words
        return None

    def _forms(self, wordings: Iterable[str]) -> dict[str, None]:
        forms = {norm(w): None for w in wordings}
        forms.update({self._drop_article(f): None for f in list(forms)})
        return forms

    def _drop_article(self, text: str) -> str:
        first, _, rest = text.partition(" ")
        return rest if rest and first in self._articles else text

    def _drop_head(self, text: str) -> str | None:
        for prefix in self._prefixes:
            if text.startswith(prefix + " "):
                return text[len(prefix) + 1 :]
        for suffix in self._suffixes:
            if text.endswith(" " + suffix):
                return text[: -len(suffix) - 1]
        return None

    def _drop_country(self, text: str, own: tuple[str, ...]) -> list[str]:
        found: list[str] = []
        for word in own:
            if text.startswith(word + " "):
                found.append(text[len(word) + 1 :])
            if not text.endswith(" " + word):
                continue
            stem = text[: -len(word) - 1]
            for connector in self._connectors:
                if stem.endswith(" " + connector):
                    found.append(stem[: -len(connector) - 1])
                    break
            else:
                found.append(stem)
        return found

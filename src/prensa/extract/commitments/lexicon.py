"""The words a commitment rule may test, built once per language and models folder.

Commitment words live in ``models/commitments.yaml``; determiners, relatives, clitics and
conjunctions are the shared function words of ``models/language/`` (read with
:func:`prensa.resources.word_class`, every language at once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from prensa.records import Language
from prensa.resources import models_cache
from prensa.taxonomy import WORD_LIST_FIELDS, CommitmentLexicon, TriggerVerb, commitment_model
from prensa.text import fold


@dataclass(frozen=True)
class Lexicon:
    """The commitment lexicon of one language as folded word sets."""

    language: Language
    raw: CommitmentLexicon
    triggers: dict[str, TriggerVerb]
    words: dict[str, frozenset[str]]
    numbers: dict[str, int]
    #: The synthetic future on the written word, or None for a language without one.
    future_ending: re.Pattern[str] | None
    #: The conditional (a future reported in the past) on the written word, or None.
    reported_ending: re.Pattern[str] | None

    def has(self, name: str, token: Token) -> bool:
        """``token``'s text or lemma is in the word list ``name``."""
        return not forms(token).isdisjoint(self.words[name])

    def has_lemma(self, name: str, token: Token) -> bool:
        return fold(token.lemma_) in self.words[name]

    def trigger(self, token: Token) -> TriggerVerb | None:
        return next((self.triggers[f] for f in forms(token) if f in self.triggers), None)

    def number(self, token: Token) -> int | None:
        """The count a numeral or 'ambos'/'both' says, if ``token`` is one."""
        return next((self.numbers[f] for f in forms(token) if f in self.numbers), None)


@models_cache
def lexicon(language: Language) -> Lexicon:
    raw = commitment_model().lexicon(language)
    return Lexicon(
        language=language,
        raw=raw,
        triggers={fold(t.lemma): t for t in raw.triggers},
        words={name: frozenset(fold(w) for w in getattr(raw, name)) for name in WORD_LIST_FIELDS},
        numbers={fold(k): v for k, v in raw.numbers.items()},
        future_ending=_ending(raw.future_endings),
        reported_ending=_ending(raw.reported_future_endings),
    )


def _ending(endings: list[str]) -> re.Pattern[str] | None:
    """A word of at least two letters before one of ``endings``, longest ending first."""
    ordered = sorted(endings, key=len, reverse=True)
    return re.compile(rf"\w{{2,}}(?:{'|'.join(map(re.escape, ordered))})$") if ordered else None


def forms(token: Token) -> frozenset[str]:
    """Folded text and lemma; the Spanish lemma of an enclitic verb is 'reunir él', so its
    first word counts too."""
    lemma = fold(token.lemma_)
    return frozenset({fold(token.text), lemma, lemma.split(" ")[0] if lemma else lemma})

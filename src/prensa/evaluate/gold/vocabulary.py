"""Word-level comparison of names and phrases, with the function words of
``models/evaluation/stopwords.yaml``.

Texts are compared folded (``prensa.text.fold``: no accents, no case) and as whole words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from prensa.records import Language
from prensa.resources import load_yaml, models_dir
from prensa.text import fold

Head = Literal["first", "last"]


class _Lists(BaseModel):
    """The schema of ``models/evaluation/stopwords.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    function_words: dict[Language, list[str]]
    title_premodifiers: dict[Language, list[str]]
    stem_length: int = Field(ge=1)
    title_head: dict[Language, Head]

    @model_validator(mode="after")
    def _every_language(self) -> Self:
        missing = set(get_args(Language)) - set(self.title_head)
        if missing:
            raise ValueError(f"title_head: no entry for {sorted(missing)}")
        return self


@dataclass(frozen=True)
class Vocabulary:
    """What the scorers need to know about words: which carry no meaning, and how to stem."""

    function_words: frozenset[str]
    premodifiers: Mapping[str, frozenset[str]]
    stem_length: int
    title_head: Mapping[str, Head]

    def is_function(self, word: str) -> bool:
        return word in self.function_words

    def content(self, ws: Sequence[str]) -> list[str]:
        return [w for w in ws if not self.is_function(w)]

    def stem(self, word: str) -> str:
        return word[: self.stem_length]

    def stems(self, text: str) -> list[str]:
        """Stems of the content words, in order, without repeats."""
        return list(dict.fromkeys(self.stem(w) for w in self.content(words(text)) if len(w) > 1))

    def trim(self, ws: tuple[str, ...]) -> tuple[str, ...]:
        """Without leading and trailing function words ("la", "the")."""
        start, end = 0, len(ws)
        while start < end and self.is_function(ws[start]):
            start += 1
        while end > start and self.is_function(ws[end - 1]):
            end -= 1
        return ws[start:end]


def vocabulary() -> Vocabulary:
    """The vocabulary of the current models folder: ``$PRENSA_MODELS`` is read on every call."""
    return _vocabulary_in(models_dir())


@cache
def _vocabulary_in(models: Path) -> Vocabulary:
    """Parsed once per models folder (the cache key; ``load_yaml`` reads the same folder)."""
    data = load_yaml("evaluation/stopwords.yaml", _Lists)
    return Vocabulary(
        function_words=frozenset(fold(w) for ws in data.function_words.values() for w in ws),
        premodifiers={
            lang: frozenset(fold(w) for w in ws) for lang, ws in data.title_premodifiers.items()
        },
        stem_length=data.stem_length,
        title_head=dict(data.title_head),
    )


_WORD = re.compile(r"\w+")


def words(text: str) -> tuple[str, ...]:
    """Folded words: 'Secretaría de Relaciones' -> ('secretaria', 'de', 'relaciones')."""
    return tuple(_WORD.findall(fold(text)))


def find_run(short: Sequence[str], long: Sequence[str]) -> int:
    """Index where ``short`` runs contiguously inside ``long``, or -1."""
    n = len(short)
    if n == 0 or n > len(long):
        return -1
    for i in range(len(long) - n + 1):
        if tuple(long[i : i + n]) == tuple(short):
            return i
    return -1


def overlap(a: str, b: str) -> int:
    """2 same words, 1 one text's words run inside the other's, 0 otherwise."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0
    if wa == wb:
        return 2
    short, long = sorted((wa, wb), key=len)
    return 1 if find_run(short, long) >= 0 else 0


def _name_words(text: str) -> tuple[str, ...]:
    """Words without one-letter initials: "Antony J. Blinken" = "Antony Blinken"."""
    return tuple(w for w in words(text) if len(w) > 1)


def _is_short_name(short: tuple[str, ...], full: tuple[str, ...], vocab: Vocabulary) -> bool:
    """A contiguous run of ``full`` that includes a surname, not a first name alone."""
    if not short or len(short) >= len(full):
        return False
    start = find_run(short, full)
    if start < 0:
        return False
    surnames = {len(full) - 1} if len(full) <= 2 else {len(full) - 2, len(full) - 1}
    covered = range(start, start + len(short))
    return any(i in surnames and not vocab.is_function(full[i]) for i in covered)


def name_match(pred: str, gold: str, vocab: Vocabulary) -> int:
    """Fit of a predicted person name to a gold form: 3 same text, 2 same words, 1 short form."""
    if fold(pred) == fold(gold):
        return 3
    p, g = _name_words(pred), _name_words(gold)
    if not p or not g:
        return 0
    if p == g:
        return 2
    return 1 if _is_short_name(p, g, vocab) else 0


def phrase_match(pred: str, gold: str, vocab: Vocabulary) -> int:
    """Organisation/place names: 3 same text, 2 same words, 1 containment covering most words."""
    if fold(pred) == fold(gold):
        return 3
    p, g = vocab.trim(words(pred)), vocab.trim(words(gold))
    if not p or not g:
        return 0
    if p == g:
        return 2
    short, long = sorted((p, g), key=len)
    if find_run(short, long) < 0:
        return 0
    return 1 if len(vocab.content(short)) * 2 > len(vocab.content(long)) else 0


NameMatch = Callable[[str, str, Vocabulary], int]


def best_form(
    match: NameMatch, preds: Iterable[str], golds: Sequence[str], vocab: Vocabulary
) -> float:
    """Best agreement of any predicted form with any gold form. The gold's own name (listed
    first) wins ties over its aliases, so 'AMLO' does not take the full name's place."""
    best = 0.0
    for p in preds:
        for j, g in enumerate(golds):
            score = match(p, g, vocab) if p and g else 0
            if score:
                best = max(best, score + (0.1 if j == 0 else 0.0))
    return best

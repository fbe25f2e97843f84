"""Text helpers every stage shares, one copy of each: folding, a phrase index over folded words,
and the line and sentence around a span."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

_SPACE = re.compile(r"\s+")
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, strip accents and collapse white space: 'Álvarez  ' -> 'alvarez'.

    Cached: rules fold the same words at every token of every release."""
    if text.isascii():  # nothing to decompose: the common case, and a hot one
        return _SPACE.sub(" ", text).strip().casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", stripped).strip().casefold()


def clean_span(text: str) -> str:
    """Collapse white space and trim punctuation at the edges of an extracted span."""
    return _PUNCT_EDGES.sub("", _SPACE.sub(" ", text)).strip()


def folded_words(tokens: Iterable[Token]) -> list[str]:
    """The folded words of a span, without abbreviation points ('Dr.' -> 'dr', 'C.P.' -> 'cp'),
    as the phrases of ``WordSequences`` are kept. A whole Doc is read from its ORTH array: no
    Token object is made per word."""
    if isinstance(tokens, Doc):
        strings = tokens.vocab.strings
        return [_folded_word(strings[orth]) for orth in tokens.to_array(ORTH).tolist()]
    return [_folded_word(t.text) for t in tokens]


@functools.lru_cache(maxsize=1 << 16)
def _folded_word(text: str) -> str:
    return fold(text).replace(".", "")


class PhraseIndex(Generic[T]):
    """Folded word sequences indexed by first word, so looking one up at every token stays
    cheap; ``match`` finds the longest sequence at a position, with the value stored for it."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        #: Words in the longest sequence: a match never reads further.
        self.longest = 0

    def add(self, words: tuple[str, ...], value: T) -> None:
        if not words:
            return
        options = self._by_first.setdefault(words[0], [])
        if any(existing == words for existing, _ in options):
            return  # the first entry that lists a form keeps it
        options.append((words, value))
        self.longest = max(self.longest, len(words))
        options.sort(key=lambda o: -len(o[0]))

    def match(self, words: Sequence[str], start: int = 0) -> tuple[int, T] | None:
        if start >= len(words):
            return None
        for option, value in self._by_first.get(words[start], ()):
            if tuple(words[start : start + len(option)]) == option:
                return len(option), value
        return None


class WordSequences:
    """A set of phrases (folded, abbreviation points dropped) to match at a position: the
    value-less PhraseIndex the rules use for prefixes, heads and articles."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._index: PhraseIndex[None] = PhraseIndex()
        for phrase in phrases:
            self._index.add(tuple(fold(phrase).replace(".", "").split()), None)

    def match(self, words: Sequence[str]) -> int:
        """Length of the longest sequence ``words`` starts with, 0 if none."""
        found = self._index.match(words)
        return found[0] if found else 0


def line_start(token: Token) -> bool:
    """Does ``token`` open a line of the text?"""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return "\n" in previous.whitespace_ or "\n" in previous.text


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the line(s) of ``text`` holding ``text[start:end]``."""
    line_start_at = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start_at, line_end if line_end != -1 else len(text)


def sentence_text(span: Span) -> str:
    """The sentence holding ``span``; only its line when the parser ran across a line break.

    Reads the sentence's own text: ``Doc.text`` is rebuilt on every access, which is slow on
    long transcripts when done per mention.
    """
    sent = span.sent
    text = sent.text
    offset = sent.start_char
    start, end = line_bounds(text, span.start_char - offset, span.end_char - offset)
    return text[start:end].strip()


_TEXT_KEY = "prensa_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from the tokens on every access,
    which costs tens of milliseconds on a long transcript."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached

"""A spaCy Matcher that only looks where a match can be.

spaCy checks a word set (``IN``) or a regular expression in Python, at every token, for every
pattern that starts there: over a whole release, token patterns cost more than the rest of an
extractor. Most patterns hold a required token that is a word from a short list (a month, a
weekday) or a regular expression; a match contains that token, and reaches at most as many
tokens before and after it as the pattern has. So only windows around tokens that could be one
of these anchors are matched, and the matches are the same as over the whole document.
A pattern without such an anchor, or with a repeated token (``*``, ``+``), is matched over the
whole document, as spaCy's Matcher does, in a Matcher of its own: it does not make the others
look everywhere too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import get_lang_class
from spacy.vocab import Vocab

#: Operators whose token occurs at most once; anything else may repeat.
_AT_MOST_ONCE = frozenset({None, "?", "!"})
#: Token attributes an anchor may be read from, and the array column that holds them.
_WORD_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}


@dataclass
class _Anchors:
    """The words (as hashes, per attribute) and expressions that some pattern requires."""

    words: dict[int, set[int]] = field(default_factory=lambda: {LOWER: set(), ORTH: set()})
    regexes: list[re.Pattern[str]] = field(default_factory=list)
    #: Most tokens a match reaches before / after its anchor.
    before: int = 0
    after: int = 0


def _anchor(token: dict[str, Any], vocab: Vocab) -> tuple[int, list[int] | re.Pattern[str]] | None:
    """The words (or the expression) a pattern token requires, when it requires one."""
    for name, attr in _WORD_ATTRS.items():
        spec = token.get(name)
        if isinstance(spec, str):
            return attr, [vocab.strings.add(spec)]
        if isinstance(spec, dict) and set(spec) == {"IN"}:
            return attr, [vocab.strings.add(str(w)) for w in spec["IN"]]
        if isinstance(spec, dict) and set(spec) == {"REGEX"} and attr == ORTH:
            return attr, re.compile(spec["REGEX"])
    return None


class AnchoredMatcher:
    """``spacy.matcher.Matcher`` (``add`` and ``__call__`` giving (id, start, end) triples)
    that runs only on windows around the tokens a match must hold; see the module docstring.
    ``stop`` words make poor anchors (they are everywhere): a pattern is anchored on another
    of its tokens when it has one."""

    def __init__(self, vocab: Vocab, stop: Iterable[str] | None = None) -> None:
        self.matcher = Matcher(vocab)
        #: Patterns no window can hold (no anchor, or a repeated token): run on the whole Doc.
        self.everywhere = Matcher(vocab)
        self._vocab = vocab
        if stop is None:  # the stop words of the vocabulary's language
            stop = get_lang_class(vocab.lang).Defaults.stop_words if vocab.lang else ()
        self._stop = {vocab.strings.add(w) for w in stop}
        self._anchors = _Anchors()

    def __len__(self) -> int:
        return len(self.matcher) + len(self.everywhere)

    def add(self, key: str, patterns: list[list[dict[str, Any]]]) -> None:
        for pattern in patterns:
            if self._add_anchor(pattern):
                self.matcher.add(key, [pattern])
            else:
                self.everywhere.add(key, [pattern])

    def _add_anchor(self, pattern: list[dict[str, Any]]) -> bool:
        """Record the anchor of ``pattern``; False when it has none a window can rely on."""
        anchors = self._anchors
        if any(token.get("OP") not in _AT_MOST_ONCE for token in pattern):
            return False  # a repeated token: no bound on a match's length
        options = [
            (index, found)
            for index, token in enumerate(pattern)
            if token.get("OP") is None and (found := _anchor(token, self._vocab)) is not None
        ]
        if not options:
            return False
        index, (attr, words) = min(options, key=lambda option: self._rank(option[1][1]))
        if isinstance(words, re.Pattern):
            anchors.regexes.append(words)
        else:
            anchors.words[attr].update(words)
        anchors.before = max(anchors.before, index)
        anchors.after = max(anchors.after, len(pattern) - index - 1)
        return True

    def _rank(self, words: list[int] | re.Pattern[str]) -> float:
        """How common an anchor is likely to be: the share of stop words and punctuation in
        a word list; an expression (often any number) counts as half common."""
        if isinstance(words, re.Pattern):
            return 0.5
        strings = self._vocab.strings
        common = sum(w in self._stop or not strings[w].isalpha() for w in words)
        return common / len(words)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        anchors = self._anchors
        if not len(doc):
            return []
        found: list[tuple[int, int, int]] = []
        if len(self.matcher):
            for start, end in self._windows(doc, anchors):
                found.extend(
                    (key, s + start, e + start) for key, s, e in self.matcher(doc[start:end])
                )
        if len(self.everywhere):
            found.extend(self.everywhere(doc))
        return sorted(found, key=lambda match: (match[1], match[2]))

    def _windows(self, doc: Doc, anchors: _Anchors) -> list[tuple[int, int]]:
        """Stretches around each possible anchor, overlapping ones merged, in text order."""
        table = doc.to_array([LOWER, ORTH])
        lowers, orths = table[:, 0], table[:, 1]
        hits = numpy.isin(lowers, _hashes(anchors.words[LOWER])) | numpy.isin(
            orths, _hashes(anchors.words[ORTH])
        )
        if anchors.regexes:  # each distinct word is tried once
            strings = doc.vocab.strings
            distinct = numpy.unique(orths)
            matching = [
                w for w in distinct.tolist() if any(r.search(strings[w]) for r in anchors.regexes)
            ]
            hits |= numpy.isin(orths, numpy.array(matching, dtype="uint64"))
        windows: list[tuple[int, int]] = []
        for i in numpy.flatnonzero(hits).tolist():
            start, end = max(0, i - anchors.before), min(len(doc), i + anchors.after + 1)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows


def _hashes(words: set[int]) -> numpy.ndarray:
    return numpy.fromiter(words, dtype="uint64", count=len(words))

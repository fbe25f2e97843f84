"""Topics: what a release is about, from the bilingual taxonomy in ``models/topics.yaml``.

Every topic's patterns are compiled once per language into one spaCy Matcher. In a document a
topic's *strength* is::

    strength = matches + distinct sentences with a match + title_bonus (if the first line matches)

so a subject that recurs across the release outweighs one word repeated in a single sentence,
and a subject named in the headline weighs more. The score squashes strength into [0, 1)::

    score = strength / (strength + saturation)

which is comparable across documents (it does not depend on the other topics of the release).
A topic is kept when its strength reaches::

    min_strength + n_sentences // sentences_per_step

so one mention is enough in a five-line readout but not in a forty-paragraph transcript. The
kept topics are ranked by score, at most ``max_topics``.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property

import numpy
import spacy
from spacy.language import Language as SpacyLanguage
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from prensa.context import DocContext
from prensa.records import Language, Topic
from prensa.resources import models_cache
from prensa.taxonomy import (
    MatcherPattern,
    compile_pattern,
    folded_forms,
    folded_hashes,
    taxonomy,
)
from prensa.text import doc_text, fold

#: Tokens after an anchor that a match may still reach (patterns with "*" are rarely longer).
_WINDOW = 16
#: Anchors further into a pattern than this make the prefilter pointless: match everywhere.
_MAX_LEAD = 6
#: Most patterns a word-set pattern is spelt out into (see ``_spelt_out``).
_MAX_SPELT_OUT = 64


@dataclass(frozen=True)
class _CompiledTopics:
    #: Every topic's patterns; their one Matcher (``matcher``) is built only when asked for.
    patterns: dict[str, list[MatcherPattern]]
    vocab: Vocab
    #: Words every match contains near its start; None when some pattern has no such word.
    anchors: frozenset[str] | None
    #: How many tokens before its anchor a match may start.
    lead: int
    #: Per anchor word, a Matcher of only the patterns anchored on it: a stretch of text is
    #: matched against the patterns of the anchors it holds, not against all of them.
    by_anchor: dict[str, Matcher] = field(default_factory=dict)
    #: The anchor words by their hash in the documents' string store.
    anchor_hashes: dict[int, str] = field(default_factory=dict)

    @cached_property
    def matcher(self) -> Matcher:
        """All patterns in one Matcher: what matching runs when some pattern has no anchor."""
        matcher = Matcher(self.vocab, validate=False)
        for topic_id, patterns in self.patterns.items():
            matcher.add(topic_id, patterns)
        return matcher


def _anchor(pattern: list[dict[str, object]], stop: frozenset[str]) -> tuple[set[str], int] | None:
    """The first required word position that is not all stop words ('salvador' in 'el
    salvador'), and how many positions precede it; None if the pattern has no word position."""
    first: tuple[set[str], int] | None = None
    for index, token in enumerate(pattern):
        spec = token.get("NORM") or token.get("LEMMA")
        if token.get("OP") in ("?", "*") or not isinstance(spec, dict):
            continue
        words = set(spec["IN"])
        if not words <= stop:
            return words, index
        first = first or (words, index)
    return first  # only stop words ('while in'): anchor on the first of them


@cache
def _blank(language: Language) -> SpacyLanguage:
    return spacy.blank(language)


@models_cache
def compiled_topics(language: Language, vocab: Vocab) -> _CompiledTopics:
    """Every topic's patterns for ``language``, keyed by topic id, and their anchor words; built
    on the documents' own vocabulary (a process may hold the trained and the stock pipeline).
    Patterns are tokenised by the language's rules alone: no model is loaded for them."""
    blank = _blank(language)
    stop = frozenset(fold(w) for w in blank.Defaults.stop_words)

    def tokenize(text: str) -> list[str]:
        return [t.text for t in blank.tokenizer(text)]

    every: dict[str, list[MatcherPattern]] = {}
    anchors: set[str] | None = set()
    lead = 0
    grouped: dict[str, dict[str, list[MatcherPattern]]] = defaultdict(lambda: defaultdict(list))
    for topic in taxonomy().topics:
        compiled = [
            p for source in topic.patterns(language) for p in compile_pattern(source, tokenize)
        ]
        every[topic.id] = [p for pattern in compiled for p in _spelt_out(pattern)]
        for pattern in compiled:
            found = _anchor(pattern, stop)
            if found is None or found[1] > _MAX_LEAD or anchors is None:
                anchors = None
                continue
            anchors |= found[0]
            lead = max(lead, found[1])
            for word in found[0]:
                grouped[word][topic.id].extend(_spelt_out(pattern))
    # The patterns are generated by compile_pattern, and tests validate them against spaCy's
    # schema (tests/test_topics*.py): validating 26,000 of them again costs every start a second.
    if anchors is None:
        return _CompiledTopics(every, vocab, None, lead)
    by_anchor: dict[str, Matcher] = {}
    for word, per_topic in grouped.items():
        by_anchor[word] = Matcher(vocab, validate=False)
        for topic_id, patterns in per_topic.items():
            by_anchor[word].add(topic_id, patterns)
    hashes = {vocab.strings.add(word): word for word in anchors}
    return _CompiledTopics(every, vocab, frozenset(anchors), lead, by_anchor, hashes)


def _spelt_out(pattern: list[dict[str, object]]) -> list[list[dict[str, object]]]:
    """The same matches with exact words instead of word sets where that stays small.

    spaCy checks a set ("IN") in Python at every token and pattern state, an exact value in C;
    a word set on a token without repetition (* or +) becomes one pattern per word. Spans
    are deduplicated afterwards, so the spelt-out patterns together find what the set did.
    """
    options: list[list[dict[str, object]]] = []
    for token in pattern:
        attr = next((a for a in ("NORM", "LEMMA") if isinstance(token.get(a), dict)), None)
        words = token[attr].get("IN") if attr else None  # type: ignore[union-attr]
        if attr is None or not isinstance(words, list) or token.get("OP") in ("*", "+"):
            options.append([token])
        else:
            options.append([{**token, attr: word} for word in words])
    if math.prod(len(option) for option in options) > _MAX_SPELT_OUT:
        return [
            [
                option[0] if len(option) == 1 else token
                for option, token in zip(options, pattern, strict=True)
            ]
        ]
    return [list(combo) for combo in itertools.product(*options)]


def _regions(folded: numpy.ndarray, topics: _CompiledTopics) -> list[tuple[int, int, Matcher]]:
    """Stretches of the document where a match can be, each with the Matcher of one anchor
    word (``folded``: each token's folded text and lemma, as hashes): spaCy's set predicates
    run in Python, so matching only around anchor words, and only the patterns anchored on
    them, is many times faster than matching everything. Each anchor word's patterns are
    matched around that word's own occurrences (overlapping stretches merged); a match holds
    its anchor, so a pattern finds nothing where no word of its anchor set is."""
    size = len(folded)
    if topics.anchors is None:
        return [(0, size, topics.matcher)]
    anchors = topics.anchor_hashes
    at_anchor = numpy.isin(folded, numpy.array(list(anchors), dtype="uint64")).any(axis=1)
    by_word: dict[str, list[tuple[int, int]]] = {}
    for i in numpy.flatnonzero(at_anchor).tolist():
        start, end = max(0, i - topics.lead), min(size, i + _WINDOW)
        for word in {anchors[h] for h in folded[i].tolist() if h in anchors}:
            stretches = by_word.setdefault(word, [])
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], end)
            else:
                stretches.append((start, end))
    return [
        (start, end, topics.by_anchor[word])
        for word in sorted(by_word)
        for start, end in by_word[word]
    ]


def topic_spans(doc: Doc, language: Language) -> dict[str, list[Span]]:
    """Evidence per topic id: non-overlapping matched spans in text order."""
    topics = compiled_topics(language, doc.vocab)
    found: dict[str, list[Span]] = defaultdict(list)
    folded = folded_hashes(doc)
    regions = _regions(folded, topics)
    matches = []
    if regions:
        with folded_forms(doc, folded):
            matches = [
                (match_id, start + offset, end + offset)
                for offset, stop, matcher in regions
                for match_id, start, end in matcher(doc[offset:stop])
            ]
    for match_id, start, end in set(matches):
        found[doc.vocab.strings[match_id]].append(doc[start:end])
    return {topic_id: sorted(filter_spans(spans)) for topic_id, spans in found.items()}


@dataclass
class _Evidence:
    spans: list[Span] = field(default_factory=list)

    def strength(self, title_end: int, title_bonus: float) -> float:
        sentences = {span.sent.start for span in self.spans}
        in_title = any(span.start_char < title_end for span in self.spans)
        return len(self.spans) + len(sentences) + (title_bonus if in_title else 0.0)


def extract(doc: Doc, ctx: DocContext) -> list[Topic]:
    """The release's topics, strongest first, each with the words that gave it away."""
    tax = taxonomy()
    scoring = tax.scoring
    entries = tax.by_id()
    text = doc_text(doc)
    newline = text.find("\n")
    title_end = newline if newline != -1 else len(text)
    n_sentences = sum(1 for _ in doc.sents)
    threshold = scoring.min_strength + n_sentences // scoring.sentences_per_step
    ranked: list[tuple[float, str, list[Span]]] = []
    for topic_id, spans in topic_spans(doc, ctx.language).items():
        strength = _Evidence(spans).strength(title_end, scoring.title_bonus)
        if strength < threshold:
            continue
        ranked.append((strength / (strength + scoring.saturation), topic_id, spans))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    topics: list[Topic] = []
    for score, topic_id, spans in ranked[: scoring.max_topics]:
        entry = entries[topic_id]
        topics.append(
            Topic(
                doc_id=ctx.doc_id,
                topic_id=topic_id,
                label_es=entry.label_es,
                label_en=entry.label_en,
                score=round(score, 4),
                terms=[span.text for span in spans],
                starts=[span.start_char for span in spans],
                ends=[span.end_char for span in spans],
            )
        )
    return topics

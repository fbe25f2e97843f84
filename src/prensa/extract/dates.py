"""Date mentions: candidate spans from token patterns, then each span valued by prensa.timex.

Only candidate spans are ever parsed, never the whole text: a parser let loose on running text
reads dates into numbers, names and times of day. Patterns live in models/dates/patterns.yaml;
in English the model's DATE entities add candidates the patterns do not cover.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from prensa.context import DocContext
from prensa.extract.spans import overlaps
from prensa.ids import stable_id
from prensa.matching import AnchoredMatcher
from prensa.records import DateMention, DateRelation, Language
from prensa.resources import LexiconError, load_yaml, models_cache, word_class
from prensa.timex import Tense, lexicon, normalize
from prensa.timex.numeric import Order, default_order, document_order, glued_date_end

_OPERATORS = "?*+!"
_VERBS = ("VERB", "AUX")


class PatternSpec(BaseModel):
    """One Matcher pattern; see the header of patterns.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: Literal["DATE", "NOT_DATE"]
    pattern: list[str | dict[str, Any]] = Field(min_length=1)
    keep: tuple[int, int] | None = None

    @model_validator(mode="after")
    def _keep_inside(self) -> PatternSpec:
        if self.keep is None:
            return self
        if not 0 <= self.keep[0] < self.keep[1] <= len(self.pattern):
            raise ValueError(f"{self.id}: keep {self.keep} is outside the pattern")
        if any(_operator(e) for e in self.pattern):
            raise ValueError(f"{self.id}: keep counts tokens, so no element may be optional")
        return self


def _operator(element: str | dict[str, Any]) -> str | None:
    if isinstance(element, dict):
        return element.get("OP")
    return element[-1] if element[-1] in _OPERATORS else None


class LanguagePatterns(BaseModel):
    """Named token specs and the patterns built from them, for one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tokens: dict[str, dict[str, Any]]
    patterns: list[PatternSpec]

    @model_validator(mode="after")
    def _unique_ids(self) -> LanguagePatterns:
        ids = [p.id for p in self.patterns]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate pattern ids: {duplicates}")
        return self


@models_cache
def patterns(language: Language) -> LanguagePatterns:
    """The validated candidate patterns of ``language``."""
    data = load_yaml("dates/patterns.yaml", dict[Language, LanguagePatterns])
    assert isinstance(data, dict)
    return data[language]


def _expand(value: Any, language: Language) -> Any:
    """Replace "@name" strings by the lexicon list of that name."""
    if isinstance(value, str) and value.startswith("@"):
        try:
            return lexicon(language).word_list(value[1:])
        except AttributeError as exc:
            raise LexiconError(f"patterns.yaml: no lexicon list {value!r}") from exc
    if isinstance(value, dict):
        return {k: _expand(v, language) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, language) for v in value]
    return value


def _token_spec(
    element: str | dict[str, Any], spec: LanguagePatterns, language: Language
) -> dict[str, Any]:
    if isinstance(element, dict):
        return _expand(copy.deepcopy(element), language)
    op = _operator(element)
    name = element[:-1] if op else element
    if name.startswith("="):
        words = name[1:].split("|")
        token: dict[str, Any] = {"LOWER": words[0] if len(words) == 1 else {"IN": words}}
    elif name in spec.tokens:
        token = _expand(copy.deepcopy(spec.tokens[name]), language)
    else:
        raise LexiconError(f"patterns.yaml ({language}): unknown token name {name!r}")
    if op:
        token["OP"] = op
    return token


@models_cache
def _matcher(language: Language, vocab: Vocab) -> tuple[AnchoredMatcher, dict[str, PatternSpec]]:
    spec = patterns(language)
    matcher = AnchoredMatcher(vocab)  # the same matches, looked for near months, years...
    by_key: dict[str, PatternSpec] = {}
    for pattern in spec.patterns:
        key = f"{pattern.label}:{pattern.id}"
        matcher.add(key, [[_token_spec(e, spec, language) for e in pattern.pattern]])
        by_key[key] = pattern
    return matcher, by_key


def _vetoed(span: Span, vetoes: list[Span]) -> bool:
    """A veto wins unless the candidate is longer and holds it ('el día de mañana')."""
    return any(
        overlaps(span, v)
        and not (span.start <= v.start and v.end <= span.end and len(span) > len(v))
        for v in vetoes
    )


def _trim(span: Span) -> Span | None:
    """Drop edge punctuation and dangling conjunctions: 'June 1-2, 2021 and' -> 'June 1-2, 2021'."""
    start, end = span.start, span.end
    doc = span.doc
    edges = word_class("edge_words")
    while start < end and (doc[start].is_punct or doc[start].lower_ in edges):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in edges):
        end -= 1
    return doc[start:end] if end > start else None


def candidate_spans(doc: Doc, language: Language) -> list[Span]:
    """Date-like spans in text order: pattern matches first, then the model's DATE entities."""
    matcher, by_key = _matcher(language, doc.vocab)
    found: list[Span] = []
    vetoes: list[Span] = []
    for match_id, start, end in matcher(doc):
        pattern = by_key[doc.vocab.strings[match_id]]
        if pattern.keep is not None:
            start, end = start + pattern.keep[0], min(end, start + pattern.keep[1])
        (found if pattern.label == "DATE" else vetoes).append(doc[start:end])
    chosen = [s for s in filter_spans(found) if not _vetoed(s, vetoes)]
    entities = [e for e in doc.ents if e.label_ == "DATE"]
    for ent in filter_spans(entities):
        trimmed = _trim(ent)
        if trimmed is not None and not any(overlaps(trimmed, s) for s in chosen + vetoes):
            chosen.append(trimmed)
    return sorted(chosen, key=lambda s: s.start)


def _char_bounds(span: Span) -> tuple[int, int]:
    """Character offsets without edge punctuation glued to a token ('2026.-' -> '2026') or a
    time glued to a numeric date ('08.02.2023/11.00am' -> '08.02.2023')."""
    text = span.text
    lead = len(text) - len(text.lstrip(".,;:-–—()\"'“”«» "))
    tail = len(text.rstrip(".,;:-–—()\"'“”«» "))
    glued = glued_date_end(text[lead:])
    if glued is not None:
        tail = lead + glued
    return span.start_char + lead, span.start_char + max(tail, lead)


def _verb_tense(verb: Token) -> Tense | None:
    group = [verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass", "auxpass"))]
    if "Inf" in verb.morph.get("VerbForm") and any(w.lemma_ == "ir" for w in group[1:]):
        return "future"  # "vamos a llevar a cabo"
    if any(w.lower_ in ("will", "shall", "'ll") or "Fut" in w.morph.get("Tense") for w in group):
        return "future"
    for word in group:
        tense = word.morph.get("Tense")
        if "Past" in tense or "Imp" in tense or word.tag_ == "VBD":
            return "past"
    return None


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end


def sentence_of(span: Span, text: str) -> str:
    """The sentence holding ``span``, clipped to its line when the parser ran across a break."""
    line_start, line_end = _line_bounds(text, span.start_char, span.end_char)
    sent = span.sent
    return text[max(sent.start_char, line_start) : min(sent.end_char, line_end)].strip()


def clause_tense(span: Span, text: str) -> Tense | None:
    """Past or future of the clause holding ``span``, from the governing verb; None if unclear.

    ``text`` is ``span.doc.text``, passed in because spaCy rebuilds it on every access.
    """
    verb = span.root
    while verb.pos_ not in _VERBS and verb.head.i != verb.i and not verb.head.is_space:
        verb = verb.head
    if verb.pos_ in _VERBS:
        return _verb_tense(verb)
    # The parse ran across a line break: fall back on the nearest verb of the same line.
    line_start, line_end = _line_bounds(text, span.start_char, span.end_char)
    verbs = [t for t in span.sent if t.pos_ == "VERB" and line_start <= t.idx < line_end]
    if not verbs:
        return None
    return _verb_tense(min(verbs, key=lambda t: abs(t.i - span.start)))


def _in_dateline(ctx: DocContext, start: int, end: int) -> bool:
    """Whether the span lies in the opening dateline segmentation found (ctx.dateline)."""
    return ctx.dateline is not None and ctx.dateline[0] <= start and end <= ctx.dateline[1]


def _numeric_order(texts: list[str], ctx: DocContext) -> Order:
    """Day or month first in this release's numeric dates: what its own unambiguous dates
    show, else what its issuer's country (or language) writes."""
    return document_order(texts) or default_order(ctx.language, ctx.issuer_country)


def extract(doc: Doc, ctx: DocContext) -> list[DateMention]:
    """Every date expression of the document with its ISO value(s), in text order.

    A range gives one mention per endpoint, sharing the span. The opening dateline's date is
    ``published``; every other date is ``mentioned``.
    """
    text = doc.text
    mentions: list[DateMention] = []
    dateline_seen = False
    bounded = [(span, *_char_bounds(span)) for span in candidate_spans(doc, ctx.language)]
    order = _numeric_order([text[start:end] for _, start, end in bounded], ctx)
    for span, start, end in bounded:
        if end <= start:
            continue
        tense = clause_tense(span, text)
        values = normalize(text[start:end], ctx.language, ctx.anchor, tense, order)
        if not values:
            continue
        relation: DateRelation = "mentioned"
        if not dateline_seen and values[0].granularity == "day" and _in_dateline(ctx, start, end):
            relation, dateline_seen = "published", True
        sentence = sentence_of(span, text)
        mentions.extend(
            DateMention(
                doc_id=ctx.doc_id,
                sentence=sentence,
                start=start,
                end=end,
                date_id=stable_id("date", ctx.doc_id, start, end, value.value),
                text=text[start:end],
                value=value.value,
                granularity=value.granularity,
                is_relative=value.is_relative,
                relation=relation,
            )
            for value in values
        )
    return mentions

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

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from prensa import nlp
from prensa.context import DocContext
from prensa.extract.spans import doc_text
from prensa.records import Language, Topic
from prensa.taxonomy import compile_pattern, folded_forms, taxonomy


@cache
def matcher(language: Language) -> Matcher:
    """Every topic's patterns for ``language``, keyed by topic id."""
    pipeline = nlp.load(language)

    def tokenize(text: str) -> list[str]:
        return [t.text for t in pipeline.tokenizer(text)]

    result = Matcher(pipeline.vocab)
    for topic in taxonomy().topics:
        compiled = [
            p for source in topic.patterns(language) for p in compile_pattern(source, tokenize)
        ]
        result.add(topic.id, compiled)
    return result


def topic_spans(doc: Doc, language: Language) -> dict[str, list[Span]]:
    """Evidence per topic id: non-overlapping matched spans in text order."""
    found: dict[str, list[Span]] = defaultdict(list)
    with folded_forms(doc):
        matches = matcher(language)(doc)
    for match_id, start, end in matches:
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

"""From candidates to Commitment records: actors, action phrase, deadline, topics, evidence."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from prensa.context import DocContext
from prensa.extract.commitments.actors import NOBODY, Cast
from prensa.extract.commitments.decisions import decision_candidates, measure_candidates
from prensa.extract.commitments.grammar import VERBS, Lines
from prensa.extract.commitments.lexicon import lexicon
from prensa.extract.commitments.phrase import action_bounds, object_text
from prensa.extract.commitments.qualifiers import (
    GroupDeadlines,
    confidence,
    deadline,
    is_negated,
)
from prensa.extract.commitments.resolver import Resolver
from prensa.extract.commitments.scene import Scene, local_body
from prensa.extract.commitments.triggers import Candidate, candidates
from prensa.extract.spans import evidence
from prensa.ids import stable_id
from prensa.records import Commitment, DateMention, Organization, Person, Place, Topic
from prensa.text import clean_span, doc_text


def extract(
    doc: Doc,
    ctx: DocContext,
    *,
    people: Sequence[Person],
    organizations: Sequence[Organization],
    places: Sequence[Place],
    dates: Sequence[DateMention],
    topics: Sequence[Topic],
) -> list[Commitment]:
    """One Commitment per committed action in ``doc``, in text order.

    Actors are read from the linked entity spans on ``doc`` (set after linking); the records
    give their names and ids.
    """
    lines = Lines.of(doc)
    lex = lexicon(ctx.language)
    cast = Cast(doc, people, organizations, places)
    scene = Scene(doc, lines, lex, cast, ctx.issuer_country, local_body(ctx.issuer))
    resolver = Resolver(scene)
    deadlines = GroupDeadlines()
    found = candidates(doc, lines, lex, (decision_candidates, measure_candidates))
    action_ids = {c.action.i for c in found}
    records: list[Commitment] = []
    for cand in found:
        actors = resolver.resolve(cand)
        if actors is None:
            if cand.triggers[0] is cand.action and cand.modality == "will":
                continue  # a future whose subject is no agent: a prediction, not a promise
            actors = NOBODY
        blocked = action_ids - {cand.action.i}
        start, end = action_bounds(cand, lines, lex, blocked, actors.impersonal)
        date = deadlines.settle(cand, deadline(cand, start, end, dates, lines))
        span = doc[start:end]
        first = min([start, *(t.i for t in cand.triggers if lines.same(t, cand.action))])
        whole = doc[first:end]
        records.append(
            Commitment(
                commitment_id=stable_id(
                    "cmt", ctx.doc_id, whole.start_char, span.end_char, cand.action.lemma_
                ),
                actors=actors.names,
                actor_ids=actors.ids,
                trigger=" ".join(t.text for t in sorted(cand.triggers, key=lambda t: t.i)),
                action_lemma=_verb(cand).lemma_.lower().split(" ")[0],
                action=clean_span(span.text) or cand.action.text,
                object=object_text(cand, span),
                deadline=date.value if date else None,
                deadline_granularity=date.granularity if date else None,
                deadline_text=date.text if date else None,
                modality=cand.modality,
                negated=is_negated(cand, lex),
                topic_ids=_topics_in_sentence(whole, topics),
                confidence=confidence(cand, actors),
                **evidence(whole, ctx),
            )
        )
    return records


def _verb(cand: Candidate) -> Token:
    """The action's verb; in a copular clause ('el horario será de 8 a 16'), the copula."""
    if cand.action.pos_ in VERBS:
        return cand.action
    return next((c for c in cand.action.children if c.dep_ == "cop"), cand.action)


def _topics_in_sentence(span: Span, topics: Sequence[Topic]) -> list[str]:
    start, end = _sentence_bounds(span)
    return sorted({t.topic_id for t in topics if any(start <= s < end for s in t.starts)})


def _sentence_bounds(span: Span) -> tuple[int, int]:
    """Character bounds of the evidence sentence, clipped to the line as in ``evidence()``."""
    text = doc_text(span.doc)
    sent = span.sent
    start = max(sent.start_char, text.rfind("\n", sent.start_char, span.start_char) + 1)
    line_end = text.find("\n", span.end_char, sent.end_char)
    return start, line_end if line_end != -1 else sent.end_char

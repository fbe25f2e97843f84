"""How the entity layer's three sources are merged into ``doc.ents``: spans the rules are sure of,
then titled names, then the repaired statistical entities."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from prensa.components.entities.context import EntityContext
from prensa.components.entities.plausible import generic
from prensa.components.entities.words import inside_longer
from prensa.labels import GENERIC_SPANS, PERSON_LABELS
from prensa.text import line_start


def model_name_around(r: EntityContext, rule: Span, people: list[Span]) -> bool:
    """A longer model name around a rule's ('Wendy R. Sherman' around 'R. Sherman'), unless
    what it adds are dictionary words, the end of a title ('[Migration] Julieta Noyes')."""
    for name in people:
        if inside_longer(rule, [name]):
            extra = [t for t in name if not rule.start <= t.i < rule.end]
            if not all(t.text in r.dictionary for t in extra):
                return True
    return False


def set_annotations(
    r: EntityContext, doc: Doc, sure: list[Span], titled: list[Span], statistical: list[Span]
) -> None:
    """Sure rules first, then titled names, then the model; the longest span wins in a tier."""
    chosen: list[Span] = []
    taken: set[int] = set()
    # A rule's name inside a longer name the model found ('R. Sherman' in 'Wendy R. Sherman')
    # defers to the model; so does a trusted model's gazetteer place ('Telefónica do Brasil').
    people = [s for s in statistical if s.label_ in PERSON_LABELS]
    titled = [t for t in titled if not model_name_around(r, t, people)]
    if r.trust_ner:
        # Gazetteer places and acronym definitions, unlike the organisation lexicon, defer to
        # a trusted model's longer name around them: 'Telefónica do Brasil' — but not at a
        # sentence start, where any word is capitalised ('Viajó de Ciudad de México').
        inner = [m for m in statistical if not (m[0].is_sent_start or line_start(m[0]))]
        sure = [
            s
            for s in sure
            if s.kb_id_.startswith("org:")
            or s.label_ in PERSON_LABELS
            or not inside_longer(s, inner)
        ]
    for tier in (sure, titled, statistical):
        for span in filter_spans(tier):
            if not taken.intersection(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
    doc.ents = sorted(chosen, key=lambda s: s.start)
    doc.spans[GENERIC_SPANS] = [s for s in doc.ents if generic(r, s)]

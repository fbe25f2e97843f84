"""Programmes, agendas and ceremonies: futures that describe an event's order of business
("pasará revista a las tropas", "the Secretary will deliver remarks", "El programa incluye…")
rather than promise an action. The words are in ``models/commitments.yaml``."""

from __future__ import annotations

from spacy.tokens import Token

from prensa.extract.commitments.grammar import OBJECT_DEPS, SUBJECT_DEPS, Lines, children
from prensa.extract.commitments.lexicon import Lexicon


def ceremonial(action: Token, lines: Lines, lex: Lexicon) -> bool:
    """``action`` is a ceremony ('presidirá', 'pasará revista', 'will deliver remarks') or
    part of a programme ('El programa incluye… una ofrenda')."""
    if lex.has_lemma("ceremony_verbs", action):
        return True
    if any(lex.has("ceremony_nouns", o) for o in children(action, lines, OBJECT_DEPS)):
        return True
    return _in_programme(action, lines, lex)


def _in_programme(action: Token, lines: Lines, lex: Lexicon) -> bool:
    """Some clause above ``action`` in its sentence has a programme noun as subject."""
    token = action
    for _ in range(8):
        subjects = children(token, lines, SUBJECT_DEPS)
        if any(lex.has("programme_nouns", s) for s in subjects):
            return True
        if token.head is token:
            return False
        token = token.head
    return False

"""Decisions of a board, council or court: what a body resolves is what it will do.

Collegiate bodies publish their resolutions as 'El Consejo aprobó el acuerdo…, el cual señala
que el horario *será*…' or 'The Board adopted a resolution providing that the office *will*…':
the content clause, in the future or the subjunctive, is the action decided. 'El Pleno aprobó
*ampliar* la suspensión…' decides with an infinitive. An approval with no such clause ('el
Senado aprobó el acuerdo comercial') is a past act and no commitment.
"""

from __future__ import annotations

from spacy.tokens import Token

from prensa.extract.commitments.clauses import conditional, trigger_position_ok
from prensa.extract.commitments.complements import verbal_complements
from prensa.extract.commitments.grammar import OBJECT_DEPS, VERBS, Lines, children
from prensa.extract.commitments.lexicon import Lexicon
from prensa.extract.commitments.triggers import Candidate
from prensa.taxonomy import commitment_model

_MODALITY = "agreed"


def decision_candidates(token: Token, lines: Lines, lex: Lexicon, group: int) -> list[Candidate]:
    """'aprobó el acuerdo…, el cual señala que…será…', 'aprobó ampliar…'."""
    if token.pos_ != "VERB" or not lex.has_lemma("decision_verbs", token):
        return []
    if not trigger_position_ok(token, lex) or conditional(token, lex):
        return []  # 'si la aprueba la Cámara…': a condition, not a decision
    conf = commitment_model().confidence.base[_MODALITY]
    comps = verbal_complements(token, lines, lex)
    if comps:
        return [Candidate(comps[0], token, [token], _MODALITY, conf, group)]
    nouns = [o for o in children(token, lines, OBJECT_DEPS) if lex.has("decision_nouns", o)]
    if not nouns:
        return []
    content = _content_clause(token, nouns[0], lines, lex)
    if content is None:
        return []
    return [Candidate(content, token, [token, nouns[0]], _MODALITY, conf, group, clause=True)]


def _content_clause(verb: Token, noun: Token, lines: Lines, lex: Lexicon) -> Token | None:
    """The head of what the decision says: the complement clause of a provision verb that
    hangs on the decision noun (or, misparsed, on the verb) after the noun, when it is in the
    future or the subjunctive."""
    for provision in (*children(noun, lines), *children(verb, lines)):
        if provision.i < noun.i or not lex.has_lemma("provision_verbs", provision):
            continue
        for clause in children(provision, lines, ("ccomp",)):
            if _unrealised(clause, lex):
                return clause
    return None


def _unrealised(head: Token, lex: Lexicon) -> bool:
    """The clause is in the future or the subjunctive (its verb, auxiliary or copula)."""
    verbs = [head, *(c for c in head.children if c.dep_ in ("aux", "cop"))]
    if lex.language == "en":
        return any(lex.has("future_auxiliaries", v) or v.tag_ == "MD" for v in verbs[1:])
    return any(
        "Fut" in v.morph.get("Tense") or "Sub" in v.morph.get("Mood")
        for v in verbs
        if v.pos_ in VERBS
    )

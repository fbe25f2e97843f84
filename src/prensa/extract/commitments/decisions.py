"""Decisions of a board, council or court: what a body resolves is what it will do.

Collegiate bodies publish their resolutions as 'El Consejo aprobó el acuerdo…, el cual señala
que el horario *será*…' or 'The Board adopted a resolution providing that the office *will*…':
the content clause, in the future or the subjunctive, is the action decided. 'El Pleno aprobó
*ampliar* la suspensión…' decides with an infinitive. An approval with no such clause ('el
Senado aprobó el acuerdo comercial') is a past act and no commitment.

Agreements name their content as measures with a purpose: 'acordaron un conjunto de acciones
para *renovar*… y *colaborar*…', 'agreed on a set of measures to *reduce*…': each purpose
verb is an action agreed.
"""

from __future__ import annotations

from spacy.tokens import Token

from prensa.extract.commitments.clauses import conditional, purpose, trigger_position_ok
from prensa.extract.commitments.complements import coordinated, verbal_complements
from prensa.extract.commitments.grammar import OBJECT_DEPS, VERBS, Lines, children, is_infinitive
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


def measure_candidates(token: Token, lines: Lines, lex: Lexicon, group: int) -> list[Candidate]:
    """'acordaron un conjunto de acciones para renovar…', 'agreed on measures to reduce…'."""
    trig = lex.trigger(token)
    if trig is None or trig.needs_noun or token.pos_ != "VERB":
        return []
    if not trigger_position_ok(token, lex) or conditional(token, lex):
        return []
    if verbal_complements(token, lines, lex):
        return []  # 'acordaron fortalecer…': the trigger's own shape
    conf = (
        trig.confidence
        if trig.confidence is not None
        else commitment_model().confidence.base[trig.modality]
    )
    for noun in _measures(token, lines, lex):
        for verb in _purposes(noun, token, lines, lex):
            return [
                Candidate(
                    verbs[0],
                    token,
                    [token, noun],
                    trig.modality,
                    conf,
                    group,
                    order,
                    shared_with=verbs[1:],
                )
                for order, verbs in enumerate(coordinated(verb, lines, lex, future=False))
            ]
    return []


def _measures(verb: Token, lines: Lines, lex: Lexicon) -> list[Token]:
    """Measure nouns the verb takes as object, directly or through a preposition ('agreed on
    measures'), and those inside its object ('un conjunto *de acciones*')."""
    objects = [
        o
        for c in children(verb, lines)
        for o in ([c] if c.dep_ in OBJECT_DEPS else children(c, lines, ("pobj",)))
    ]
    found = [o for o in objects if lex.has("measure_nouns", o)]
    for obj in found[:]:
        found.extend(
            n for n in children(obj, lines, ("nmod", "prep")) if lex.has("measure_nouns", n)
        )
        found.extend(
            g
            for n in children(obj, lines, ("prep",))
            for g in children(n, lines, ("pobj",))
            if lex.has("measure_nouns", g)
        )
    return found


def _purposes(noun: Token, verb: Token, lines: Lines, lex: Lexicon) -> list[Token]:
    """Infinitives of purpose on the measure noun ('acciones *para renovar*…', 'measures *to
    reduce*…'), or hung by the parser on the verb right after it."""
    after = [c for c in children(verb, lines, ("advcl",)) if c.i > noun.i and purpose(c, lex)]
    return [
        c
        for c in [*children(noun, lines, ("acl", "relcl", "advcl", "xcomp")), *after]
        if c.pos_ in VERBS and is_infinitive(c, lex) and (purpose(c, lex) or lex.language == "en")
    ]

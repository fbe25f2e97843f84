"""Finding commitments: the three shapes of clause that make one, as candidates in text order.

1. a trigger verb with a verbal complement ("acordaron *fortalecer*", "agreed to *share*"); a
   trigger such as "reafirmar" needs a commitment noun as object and then the whole phrase is
   the action ("reafirman su compromiso con el desarrollo…");
2. a commitment or plan noun with a verbal complement ("la disposición… de *apoyar*");
3. a verb in the future in an asserted clause ("viajará", "vamos a llevar", "will travel").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy import parts_of_speech
from spacy.tokens import Doc, Token

from prensa.extract.commitments.ceremony import ceremonial
from prensa.extract.commitments.clauses import (
    allowed_state,
    clause_allowed,
    conditional,
    future_anchor,
    progressive,
    reflexive,
    trigger_position_ok,
)
from prensa.extract.commitments.complements import (
    coordinated,
    noun_complements,
    verbal_complements,
)
from prensa.extract.commitments.grammar import OBJECT_DEPS, SUBJECT_DEPS, VERBS, Lines, children
from prensa.extract.commitments.lexicon import Lexicon
from prensa.records import Modality
from prensa.taxonomy import commitment_model
from prensa.text import fold


@dataclass
class Candidate:
    """One committed action before actors and dates are attached."""

    action: Token
    anchor: Token  # the clause whose subject commits
    triggers: list[Token]
    modality: Modality
    confidence: float
    group: int  # candidates found from one token share a group (and may share a deadline)
    order: int = 0  # position among the group's coordinated actions
    whole_phrase: bool = False  # the action is the trigger phrase itself ("reafirman su…")
    noun: Token | None = None  # commitment noun whose "of/de" dependents may name the actors
    shared_with: list[Token] = field(default_factory=list)  # verbs merged into this action
    clause: bool = False  # the action is a whole content clause, its subject included


Finder = Callable[[Token, Lines, Lexicon, int], list[Candidate]]


def _base_confidence(modality: Modality) -> float:
    return commitment_model().confidence.base[modality]


def _chain(proto: Candidate, lines: Lines, lex: Lexicon) -> list[Candidate]:
    """One candidate like ``proto`` per verb coordinated with its action, in order."""
    return [
        replace(proto, action=verbs[0], order=order, shared_with=verbs[1:])
        for order, verbs in enumerate(coordinated(proto.action, lines, lex, future=False))
    ]


_TRIGGER_POS = VERBS | {"ADJ"}


def trigger_candidates(token: Token, lines: Lines, lex: Lexicon, group: int) -> list[Candidate]:
    """Shape 1: 'acordaron fortalecer…', 'reafirman su compromiso con…'."""
    if token.pos_ not in _TRIGGER_POS:
        return []  # checked first: the lexicon look-up folds the word and its lemma
    trig = lex.trigger(token)
    if trig is None:
        return []
    if trig.reflexive and not reflexive(token, lex):
        return []
    if trig.particle and not any(fold(c.text) == fold(trig.particle) for c in token.children):
        return []
    if not trigger_position_ok(token, lex):
        return []
    conf = trig.confidence if trig.confidence is not None else _base_confidence(trig.modality)
    out: list[Candidate] = []
    if not trig.needs_noun:
        for comp in verbal_complements(token, lines, lex):
            if not conditional(comp, lex):
                proto = Candidate(comp, token, [token], trig.modality, conf, group)
                out.extend(_chain(proto, lines, lex))
        if out:
            return out
    objects = children(token, lines, OBJECT_DEPS | SUBJECT_DEPS)
    if trig.object_is_action:
        objects = [o for o in objects if o.pos_ in ("NOUN", "PROPN", "VERB")]
        return [Candidate(o, token, [token], trig.modality, conf, group) for o in objects[:1]]
    return [
        Candidate(
            token, token, [token, obj], trig.modality, conf, group, whole_phrase=True, noun=obj
        )
        for obj in objects
        if lex.has("commitment_nouns", obj) and not noun_complements(obj, lines, lex)
    ]


def noun_candidates(token: Token, lines: Lines, lex: Lexicon, group: int) -> list[Candidate]:
    """Shape 2: 'la disposición de su Gobierno de apoyar…', 'detailed plans to help…'."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    governor = token.head
    is_commitment = lex.has("commitment_nouns", token)
    is_plan = lex.has("plan_nouns", token) and (
        lex.has("plan_verbs", governor)
        or any(lex.has("plan_verbs", c) for c in children(token, lines, ("amod",)))
    )
    if not (is_commitment or is_plan):
        return []
    trig = lex.trigger(governor)
    modality: Modality = "announced" if is_plan else (trig.modality if trig else "committed")
    conf = _base_confidence(modality)
    anchor = governor if governor.pos_ in VERBS or governor.pos_ == "ADJ" else token
    triggers = [governor, token] if anchor is governor else [token]
    return [
        cand
        for comp in noun_complements(token, lines, lex)
        for cand in _chain(
            Candidate(comp, anchor, triggers, modality, conf, group, noun=token), lines, lex
        )
    ]


def future_candidates(token: Token, lines: Lines, lex: Lexicon, group: int) -> list[Candidate]:
    """Shape 3: 'viajará', 'vamos a llevar', 'will travel', 'is going to meet'."""
    anchor = future_anchor(token, lines, lex)
    if anchor is None:
        return []
    if any(lex.has("non_actions", c) for c in children(token, lines, ("aux",))):
        return []  # "no voy a poder saborear…": a modal, not a plan
    if (
        lex.has("non_actions", token)
        and not progressive(token, lines, lex)
        and not allowed_state(token, anchor, lex)
    ):
        return []
    if not clause_allowed(anchor, lex):
        return []
    modality: Modality = "will"
    triggers = [token]
    reporter = anchor.head if anchor.dep_ == "ccomp" and anchor.head.i < anchor.i else None
    trig = lex.trigger(reporter) if reporter is not None else None
    if reporter is not None and trig is not None and trig.que_future:
        modality, triggers = trig.modality, [reporter, token]
    conf = _base_confidence(modality)
    head = progressive(token, lines, lex) or token
    return [
        Candidate(
            verbs[0],
            anchor,
            triggers if order == 0 else [verbs[0]],
            modality,
            conf,
            group,
            order,
            shared_with=verbs[1:],
        )
        for order, verbs in enumerate(coordinated(head, lines, lex, future=True))
    ]


_FINDERS: tuple[Finder, ...] = (trigger_candidates, noun_candidates, future_candidates)
#: Parts of speech no finder starts from (punctuation, articles, prepositions, conjunctions,
#: numbers): skipping them before five finders look at each token saves a pass per token.
_NEVER_TRIGGERS = frozenset(
    getattr(parts_of_speech, name)
    for name in ("PUNCT", "SPACE", "DET", "ADP", "CCONJ", "SCONJ", "NUM", "SYM")
)


def candidates(
    doc: Doc, lines: Lines, lex: Lexicon, extra: tuple[Finder, ...] = ()
) -> list[Candidate]:
    """Every committed action in text order, one per action verb; a verb already taken as an
    action (or merged into one) starts nothing new."""
    found: dict[int, Candidate] = {}
    covered: set[int] = set()
    for group, token in enumerate(doc):
        if token.i in covered or token.pos in _NEVER_TRIGGERS:
            continue
        for find in (*_FINDERS, *extra):
            for cand in find(token, lines, lex, group):
                if ceremonial(cand.action, lines, lex):
                    covered.update(t.i for t in (cand.action, *cand.shared_with))
                    continue
                if cand.action.i not in found:
                    found[cand.action.i] = cand
                    covered.update(t.i for t in (cand.action, *cand.shared_with))
    return sorted(found.values(), key=lambda c: c.action.i)

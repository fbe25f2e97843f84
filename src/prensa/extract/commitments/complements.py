"""What a trigger or a commitment noun commits to: its verbal complements, and the verbs
coordinated with them.

Each coordinated verb phrase is its own commitment ("profundizar…, continuar… y reforzar…" →
three), but verbs that share one object stay together ("profundizar y agilizar la cooperación").
"""

from __future__ import annotations

from spacy.tokens import Token

from prensa.extract.commitments.clauses import future_anchor, purpose
from prensa.extract.commitments.grammar import (
    ACTION_STOP_DEPS,
    COMPLEMENT_DEPS,
    VERBS,
    Lines,
    after_comma,
    children,
    is_infinitive,
)
from prensa.extract.commitments.lexicon import Lexicon
from prensa.resources import word_class
from prensa.text import fold


def verbal_complements(token: Token, lines: Lines, lex: Lexicon) -> list[Token]:
    """Non-finite verbs that complete ``token``: 'acordaron *fortalecer*', 'committed to
    *deepening*', 'se comprometieron a *dar*'."""
    found: list[Token] = []
    for child in children(token, lines):
        if child.dep_ in COMPLEMENT_DEPS and (child.pos_ in VERBS or child.dep_ == "xcomp"):
            if is_infinitive(child, lex) and not (
                purpose(child, lex) or _adverbial(child, lex) or _modal(child, token, lex)
            ):
                found.append(child)
        elif child.dep_ in ("prep", "case") and fold(child.text) in lex.words["complement_marks"]:
            found.extend(
                g
                for g in children(child, lines, ("pcomp", "pobj"))
                if g.pos_ in VERBS and g.tag_ in ("VBG", "VB")
            )
    return found


def _adverbial(verb: Token, lex: Lexicon) -> bool:
    """'…, por considerar que…', '…, after reviewing…': a reason or a time, not an action."""
    return any(
        lex.has("adverbial_marks", c)
        for c in verb.children
        if c.dep_ in ("mark", "prep") and c.i < verb.i
    )


def _modal(verb: Token, trigger: Token, lex: Lexicon) -> bool:
    """'…no se resuelven…, debemos atender…': an infinitive under a finite modal of its own,
    after the trigger, heads its own clause ('van a crear', 'is making' stay complements)."""
    return any(
        c.dep_ == "aux"
        and c.i > trigger.i
        and "Fin" in c.morph.get("VerbForm")
        and not lex.has("going_to", c)
        and not lex.has_lemma("going_to_auxiliaries", c)
        and not lex.has_lemma("progressive_verbs", c)
        for c in verb.children
    )


def noun_complements(noun: Token, lines: Lines, lex: Lexicon) -> list[Token]:
    """Infinitives hanging off a commitment noun, directly or through one nominal dependent:
    'la disposición de su Gobierno de *apoyar*', 'commitment of X, Y and Z to *work*'."""
    found = [
        c
        for c in children(noun, lines, ("acl", "xcomp", "nmod", "relcl"))
        if c.pos_ in VERBS | {"ADJ"} and is_infinitive(c, lex)
    ]
    if found:
        return found[:1]
    for dep in children(noun, lines, ("nmod", "prep")):
        for inner in (*dep.children, *(g for c in dep.children for g in c.children)):
            if inner.pos_ in VERBS and inner.dep_ in ("acl", "xcomp") and is_infinitive(inner, lex):
                return [inner]
    # "…commitment of the United States, Japan, and the ROK to work toward…", where the parser
    # hung "to work" on the main verb: an infinitive right after the noun phrase still is its.
    doc = noun.doc
    after = noun.right_edge.i + 1
    has_of = any(fold(c.text) in lex.words["of_marks"] for c in noun.children)
    if has_of and after + 1 < len(doc) and fold(doc[after].text) in lex.words["complement_marks"]:
        verb = doc[after + 1]
        if verb.pos_ in VERBS and verb.head in (noun, noun.head) and is_infinitive(verb, lex):
            return [verb]
    return []


def coordinated(verb: Token, lines: Lines, lex: Lexicon, future: bool) -> list[list[Token]]:
    """The verb and the verbs coordinated with it, each with the verbs merged into it."""
    groups: list[list[Token]] = [[verb]]
    for child in children(verb, lines):
        is_conj = child.dep_ == "conj" and child.pos_ in VERBS | {"ADJ"}
        # The Spanish parser hangs ", continuar con…" off the previous infinitive as advcl.
        is_listed = (
            lex.language == "es"
            and child.dep_ == "advcl"
            and is_infinitive(child, lex)
            and not children(child, lines, ("mark",))
            and after_comma(child)
        )
        if not (is_conj or is_listed):
            continue
        if is_conj and not conjunct_ok(child):
            continue
        if future and not (is_infinitive(child, lex) or future_anchor(child, lines, lex)):
            continue
        if is_conj and shares_object(child, verb):
            groups[0].append(child)
            continue
        groups.extend(coordinated(child, lines, lex, future))
    return groups


def conjunct_ok(conj: Token) -> bool:
    """A true coordinated verb has 'and'/a comma before it; a bare one is a purpose clause
    the parser attached as a conjunct ('share information to better understand…')."""
    if any(c.dep_ == "cc" or c.text in (",", ";") for c in conj.children):
        return True
    before = conj.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    return before is not None and (
        before.text in (",", ";") or fold(before.text) in word_class("conjunctions")
    )


def shares_object(conj: Token, head: Token) -> bool:
    """'profundizar y agilizar la cooperación': the second verb has nothing of its own and the
    first verb's complement follows it, so both verbs make one action."""
    own = [c for c in conj.children if c.dep_ not in ("cc", "punct", "advmod", "mark", "aux")]
    return not own and any(c.i > conj.i and c.dep_ not in ACTION_STOP_DEPS for c in head.children)

"""Tests on one clause: its tense, its polarity, and whether it asserts anything at all.

A future is a promise only in a clause the speaker asserts: main clauses and clauses reported
by a main clause, never relative clauses, conditions or questions.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from prensa.extract.commitments.grammar import (
    CONDITIONAL,
    REFLEXIVE_DEPS,
    SUBJECT_DEPS,
    VERBS,
    Lines,
    across_lines,
    children,
    is_infinitive,
    person_number,
)
from prensa.extract.commitments.lexicon import Lexicon
from prensa.resources import word_class
from prensa.text import doc_text, fold


def negated(tokens: Iterable[Token], lex: Lexicon) -> bool:
    return any(
        c.dep_ in ("neg", "advmod") and lex.has("negations", c) for t in tokens for c in t.children
    )


def reflexive(token: Token, lex: Lexicon) -> bool:
    """'se comprometieron', 'comprometerse': the clitic as a dependent or fused to the verb."""
    fused = tuple(lex.words["reflexive_enclitics"])
    if fused and fold(token.text).endswith(fused) and "Inf" in token.morph.get("VerbForm"):
        return True
    clitics = word_class("clitics")
    return any(c.dep_ in REFLEXIVE_DEPS and fold(c.text) in clitics for c in token.children)


def purpose(verb: Token, lex: Lexicon) -> bool:
    return any(lex.has("purpose_marks", c) for c in verb.children if c.dep_ == "mark")


def conditional(verb: Token, lex: Lexicon) -> bool:
    """'si seguimos trabajando así, vamos a…', 'if…, we will…': the promise hangs on a condition."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i)]
    return any(
        c.dep_ == "mark" and lex.has("conditional_marks", c)
        for clause in clauses
        for c in clause.children
    )


def future_anchor(verb: Token, lines: Lines, lex: Lexicon) -> Token | None:
    """The token carrying the subject when ``verb`` is in the future, else None."""
    if verb.pos_ != "VERB":
        return None
    if lex.language == "es":
        forms = verb.morph.get("VerbForm")
        written = verb.lower_.endswith(tuple(lex.raw.future_endings))
        if "Fut" in verb.morph.get("Tense") and "Fin" in forms and written:
            return verb  # tagged and written as a future: the tagger calls 'creamos' one
        if _conditional_mood(verb, lex) and reporter(verb, lex) is not None:
            return verb
        ending = lex.future_ending
        if not forms and not verb.morph.get("Tense") and ending and ending.match(verb.lower_):
            return verb
        if "Inf" in verb.morph.get("VerbForm"):
            for aux in children(verb, lines, ("aux",)):
                tense = aux.morph.get("Tense")
                if lex.has("going_to", aux) and ("Pres" in tense or "Fut" in tense):
                    return verb
        return None
    kids = children(verb, lines)
    if any(c.dep_ == "auxpass" for c in kids):
        return None
    if any(c.dep_ == "aux" and lex.has("future_auxiliaries", c) for c in kids):
        return verb
    reported = any(c.dep_ == "aux" and lex.has("reported_future_auxiliaries", c) for c in kids)
    if reported and reporter(verb, lex) is not None:
        return verb
    head = verb.head
    if (
        verb.dep_ == "xcomp"
        and lex.has("going_to", head)
        and head.tag_ == "VBG"
        and any(c.dep_ == "aux" and lex.has_lemma("going_to_auxiliaries", c) for c in head.children)
    ):
        return head
    return None


def _conditional_mood(verb: Token, lex: Lexicon) -> bool:
    """Written as a conditional ('apoyaría') and not an imperfect that looks like one
    ('querían', from 'querer'): a regular conditional is its infinitive plus the ending; an
    irregular one ('pondría') must also be tagged so. The small parser's tags alone are not
    enough: it calls 'regularizamos' a conditional and 'apoyaría' a future."""
    ending = lex.reported_ending
    word, lemma = verb.lower_, verb.lemma_.lower()
    if ending is None or ending.match(word) is None:
        return False
    if lemma == word or " " in lemma:
        return True  # the lemmatizer left the form as it is
    return word.startswith(lemma) or CONDITIONAL in verb.morph.get("Mood")


def progressive(verb: Token, lines: Lines, lex: Lexicon) -> Token | None:
    """'estaré informando': the gerund is the action, the future 'estar' only its tense."""
    if not lex.has_lemma("progressive_verbs", verb):
        return None
    return next(
        (c for c in children(verb, lines) if c.pos_ == "VERB" and "Ger" in c.morph.get("VerbForm")),
        None,
    )


def allowed_state(verb: Token, anchor: Token, lex: Lexicon) -> bool:
    """'Vamos a ser respetuosos', 'no habrá impunidad': a future state is a promise when the
    speaker vouches for their own conduct or rules something out."""
    person, _ = person_number(anchor)
    if person == "1" and lex.has("first_person_states", verb):
        return True
    return lex.has("negated_existentials", verb) and negated([verb, anchor], lex)


def clause_allowed(anchor: Token, lex: Lexicon) -> bool:
    """Main clauses, and clauses reported or promised by a main clause; never relative clauses
    ('que configurarán el Plan'), conditions or questions."""
    top = anchor
    while top.dep_ == "conj" and top.head is not top and not across_lines(top, top.head):
        top = top.head
    if conditional(top, lex) or conditional(anchor, lex):
        return False
    if in_question(anchor):
        return False
    if top.dep_ in ("ROOT", "parataxis") or top.head.is_space or top.head.sent != top.sent:
        return True
    if across_lines(top, top.head):
        return True  # the parser hung this line's clause off the line above
    if top.dep_ == "ccomp" and top.head.i < top.i:
        return lex.has("reporting_verbs", top.head) or lex.trigger(top.head) is not None
    if top.dep_ == "xcomp" and top.head.i < top.i and _quoted_after(top):
        # 'La ministra afirmó: "Vamos a sostener…"'; not the voices a speech quotes ('nos
        # decían: "va a caer la recaudación"'), whose reporting verb names nobody
        named = any(c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON" for c in top.head.children)
        return named and lex.has("reporting_verbs", top.head) and not conditional(top.head, lex)
    if reporter(top, lex) is not None:
        return True
    if top.dep_ in ("relcl", "acl", "advcl"):
        # "…to San José, where he will engage with…": a new clause with its own subject.
        subjects = [c for c in top.children if c.dep_ in SUBJECT_DEPS]
        where = any(c.dep_ == "advmod" and lex.has("clause_adverbs", c) for c in top.children)
        return where and bool(subjects) and subjects[0].pos_ in ("PRON", "PROPN")
    return False


def _quoted_after(verb: Token) -> bool:
    """A quotation the parser hung on the reporting verb as its complement: a colon or an
    opening quote right after the reporting verb, and a finite auxiliary of its own
    ('afirmó: "*Vamos* a sostener…"')."""
    head = verb.head
    between = verb.doc[head.i + 1 : verb.left_edge.i + 1]
    opened = any(t.text in (":", '"', "«", "“") for t in between[:3])
    return opened and any(
        c.dep_ == "aux" and "Fin" in c.morph.get("VerbForm") for c in verb.children
    )


def reporter(verb: Token, lex: Lexicon) -> Token | None:
    """The reporting verb whose 'that'-clause ``verb`` heads ('stressed that the FDFA would
    support…'), also when the parser hung the clause on the listener ('emphasised to the
    ambassador that…'): a relative word the parser marks as a complementizer ('mark') opens
    a complement clause, not a relative one."""
    if verb.dep_ == "ccomp":
        head = verb.head
        return head if head.i < verb.i and lex.has("reporting_verbs", head) else None
    if verb.dep_ not in ("relcl", "acl", "acl:relcl"):
        return None
    relatives = word_class("relatives")
    if not any(c.dep_ == "mark" and fold(c.text) in relatives for c in verb.children):
        return None
    head = verb.head
    for _ in range(3):
        if head.pos_ in VERBS:
            return head if head.i < verb.i and lex.has("reporting_verbs", head) else None
        if head.head is head:
            return None
        head = head.head
    return None


def in_question(token: Token) -> bool:
    """Inside '¿…?' on its line, or in an English sentence that ends with '?'."""
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line_end = len(text) if line_end == -1 else line_end
    opening = text.rfind("¿", line_start, token.idx)
    if opening != -1 and "?" not in text[opening : token.idx]:
        return True
    return token.sent.text.rstrip().endswith("?") and "¿" not in text[line_start:line_end]


def trigger_position_ok(token: Token, lex: Lexicon) -> bool:
    """A trigger commits only when asserted: not as an infinitive ('Se trata de garantizar…')
    nor inside a relative clause ('a population that decides to…', 'who are committed to…')."""
    finite_aux = [
        c for c in token.children if c.dep_ == "aux" and not lex.has("infinitive_marks", c)
    ]
    if token.pos_ in VERBS and is_infinitive(token, lex) and not finite_aux:
        return False
    trig = lex.trigger(token)
    if trig is not None and trig.finite and "Fin" not in token.morph.get("VerbForm"):
        return False  # 'vamos a resolver…': the verb that also means 'to solve'
    if "Ger" in token.morph.get("VerbForm") and token.tag_ != "VBN":
        return False
    if token.dep_ in ("relcl", "acl", "acl:relcl"):
        return False
    clause = token.head if token.dep_ == "acomp" else token
    return clause.dep_ not in ("relcl", "acl:relcl")

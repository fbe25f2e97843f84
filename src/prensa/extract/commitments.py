"""Commitments: who promised to do what, by when, read off the dependency parse.

Three shapes of clause make a commitment (the words are in ``models/commitments.yaml``):

1. a trigger verb with a verbal complement — "acordaron *fortalecer*", "agreed to *share*",
   "se comprometieron a *dar*"; a trigger such as "reafirmar" needs a commitment noun as object
   and then the whole phrase is the action ("reafirman su compromiso con el desarrollo…");
2. a commitment or plan noun with a verbal complement — "la disposición… de *apoyar*",
   "detailed plans to *help*";
3. a verb in the future in a main clause whose subject is an agent — "viajará", "vamos a llevar",
   "will travel", "is going to meet".

Each coordinated verb phrase is its own commitment ("profundizar…, continuar… y reforzar…" →
three), but verbs that share one object stay together ("profundizar y agilizar la cooperación").
Past accomplishments, opinions and appeals match none of the shapes and produce nothing.

Actors come from the clause's subject: named people, organisations and places found in it;
collective phrases ("ambos gobiernos", "both countries", "las partes") resolve to the countries
the release names; "we" to the issuing government; "I" to the speaker; pronouns and titles
without a name ("he", "the Secretary") to the actors of the previous commitment.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from prensa.context import DocContext
from prensa.extract.spans import doc_text, evidence
from prensa.ids import stable_id
from prensa.records import (
    Commitment,
    DateMention,
    Language,
    Modality,
    Organization,
    Person,
    Place,
    Topic,
)
from prensa.taxonomy import WORD_LIST_FIELDS, CommitmentLexicon, TriggerVerb, commitment_model
from prensa.text import clean_span, fold

_VERBS = frozenset({"VERB", "AUX"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "csubj", "obj", "dobj", "acl", "advcl"})
_OBJECT_DEPS = frozenset({"obj", "dobj"})
_CLITICS = frozenset({"se", "nos", "me", "te"})
_REFLEXIVE_DEPS = frozenset({"obj", "iobj", "expl", "expl:pv", "expl:pass", "expl:impers"})
#: Subtrees that never belong to an action phrase: other clauses, coordination, punctuation.
_ACTION_STOP_DEPS = frozenset({"conj", "cc", "punct", "parataxis"})
_DETERMINERS = frozenset({"the", "el", "la", "los", "las", "a", "an", "un", "una", "this", "these"})
_SPEAKER_LINE = re.compile(r"^[^\n:a-z]{3,120}:", re.MULTILINE)
#: Spanish synthetic future endings; the small model's morphology misses some ("abandonaré").
_ES_FUTURE = re.compile(r"\w{2,}r(?:é|ás|á|emos|éis|án)$")
_RELATIVES = frozenset({"que", "quien", "quienes", "cual", "which", "that", "who", "whom"})


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lex:
    """The lexicon of one language as folded word sets, built once."""

    raw: CommitmentLexicon
    triggers: dict[str, TriggerVerb]
    words: dict[str, frozenset[str]]
    numbers: dict[str, int]

    def has(self, name: str, token: Token) -> bool:
        return not _forms(token).isdisjoint(self.words[name])

    def trigger(self, token: Token) -> TriggerVerb | None:
        return next((self.triggers[f] for f in _forms(token) if f in self.triggers), None)


_WORD_LISTS = WORD_LIST_FIELDS


@cache
def _lexicon(language: Language) -> _Lex:
    raw = commitment_model().lexicon(language)
    words = {name: frozenset(fold(w) for w in getattr(raw, name)) for name in _WORD_LISTS}
    return _Lex(
        raw=raw,
        triggers={fold(t.lemma): t for t in raw.triggers},
        words=words,
        numbers={fold(k): v for k, v in raw.numbers.items()},
    )


def _forms(token: Token) -> frozenset[str]:
    """Folded text and lemma; the Spanish lemma of an enclitic verb is 'reunir él', so its
    first word counts too."""
    lemma = fold(token.lemma_)
    return frozenset({fold(token.text), lemma, lemma.split(" ")[0] if lemma else lemma})


# --------------------------------------------------------------------------- document layout


@dataclass(frozen=True)
class _Lines:
    """Line starts, so a clause never borrows words from the line above (titles, headers)."""

    starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _Lines:
        return cls([0, *(m.end() for m in re.finditer(r"\n", doc_text(doc)))])

    def line(self, token: Token) -> int:
        return bisect.bisect_right(self.starts, token.idx) - 1

    def same(self, a: Token, b: Token) -> bool:
        return self.line(a) == self.line(b)


def _children(token: Token, lines: _Lines, deps: Iterable[str] | None = None) -> list[Token]:
    wanted = None if deps is None else frozenset(deps)
    return [
        c for c in token.children if lines.same(c, token) and (wanted is None or c.dep_ in wanted)
    ]


# --------------------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    """One committed action before actors and dates are attached."""

    action: Token
    anchor: Token  # the clause whose subject commits
    triggers: list[Token]
    modality: Modality
    confidence: float
    group: int
    order: int = 0
    whole_phrase: bool = False  # the action is the trigger phrase itself ("reafirman su…")
    noun: Token | None = None  # commitment noun whose "of/de" dependents may name the actors
    shared_with: list[Token] = field(default_factory=list)  # verbs merged into this action


def _is_infinitive(token: Token, language: Language) -> bool:
    if language == "es":
        return "Inf" in token.morph.get("VerbForm")
    return token.tag_ in ("VB", "VBG") or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _negated(tokens: Iterable[Token], lex: _Lex) -> bool:
    return any(
        c.dep_ in ("neg", "advmod") and lex.has("negations", c) for t in tokens for c in t.children
    )


def _reflexive(token: Token) -> bool:
    if fold(token.text).endswith(("se", "nos")) and "Inf" in token.morph.get("VerbForm"):
        return True
    return any(c.dep_ in _REFLEXIVE_DEPS and fold(c.text) in _CLITICS for c in token.children)


def _conjunct_ok(conj: Token) -> bool:
    """A true coordinated verb has 'and'/a comma before it; a bare one is a purpose clause
    the parser attached as a conjunct ('share information to better understand…')."""
    if any(c.dep_ == "cc" or c.text in (",", ";") for c in conj.children):
        return True
    before = conj.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    return before is not None and before.text in (",", ";", "y", "e", "and", "o", "or")


def _after_comma(token: Token) -> bool:
    """', continuar con…': a comma right before the verb or opening its phrase."""
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].text == ",") or doc[token.left_edge.i].text == ","


def _shares_object(conj: Token, head: Token) -> bool:
    """'profundizar y agilizar la cooperación': the second verb has nothing of its own and the
    first verb's complement follows it, so both verbs make one action."""
    own = [c for c in conj.children if c.dep_ not in ("cc", "punct", "advmod", "mark", "aux")]
    return not own and any(c.i > conj.i and c.dep_ not in _ACTION_STOP_DEPS for c in head.children)


def _coordinated(verb: Token, lines: _Lines, language: Language, future: bool) -> list[list[Token]]:
    """The verb and the verbs coordinated with it, each with the verbs merged into it."""
    groups: list[list[Token]] = [[verb]]
    for child in _children(verb, lines):
        is_conj = child.dep_ == "conj" and child.pos_ in _VERBS | {"ADJ"}
        # The Spanish parser hangs ", continuar con…" off the previous infinitive as advcl.
        is_listed = (
            language == "es"
            and child.dep_ == "advcl"
            and _is_infinitive(child, language)
            and not _children(child, lines, ("mark",))
            and _after_comma(child)
        )
        if not (is_conj or is_listed):
            continue
        if is_conj and not _conjunct_ok(child):
            continue
        if future and not (
            _is_infinitive(child, language) or _future_anchor(child, lines, language)
        ):
            continue
        if is_conj and _shares_object(child, verb):
            groups[0].append(child)
            continue
        groups.extend(_coordinated(child, lines, language, future))
    return groups


def _verbal_complements(token: Token, lines: _Lines, language: Language) -> list[Token]:
    """Non-finite verbs that complete ``token``: 'acordaron *fortalecer*', 'committed to
    *deepening*', 'se comprometieron a *dar*'."""
    found: list[Token] = []
    for child in _children(token, lines):
        if child.dep_ in _COMPLEMENT_DEPS and (child.pos_ in _VERBS or child.dep_ == "xcomp"):
            if _is_infinitive(child, language) and not _purpose(child):
                found.append(child)
        elif child.dep_ in ("prep", "case") and fold(child.text) in ("to", "a", "en", "de"):
            found.extend(
                g
                for g in _children(child, lines, ("pcomp", "pobj"))
                if g.pos_ in _VERBS and g.tag_ in ("VBG", "VB")
            )
    return found


def _purpose(verb: Token) -> bool:
    return any(fold(c.text) in ("para", "for") for c in verb.children if c.dep_ == "mark")


def _future_anchor(verb: Token, lines: _Lines, language: Language) -> Token | None:
    """The token carrying the subject when ``verb`` is in the future, else None."""
    if verb.pos_ != "VERB":
        return None
    lex = _lexicon(language)
    if language == "es":
        forms = verb.morph.get("VerbForm")
        if "Fut" in verb.morph.get("Tense") and "Fin" in forms:
            return verb
        if not forms and not verb.morph.get("Tense") and _ES_FUTURE.match(verb.lower_):
            return verb
        if "Inf" in verb.morph.get("VerbForm"):
            for aux in _children(verb, lines, ("aux",)):
                tense = aux.morph.get("Tense")
                if lex.has("going_to", aux) and ("Pres" in tense or "Fut" in tense):
                    return verb
        return None
    children = _children(verb, lines)
    if any(c.dep_ == "auxpass" for c in children):
        return None
    if any(c.dep_ == "aux" and lex.has("future_auxiliaries", c) for c in children):
        return verb
    head = verb.head
    if (
        verb.dep_ == "xcomp"
        and lex.has("going_to", head)
        and head.tag_ == "VBG"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    ):
        return head
    return None


def _conditional(verb: Token, lex: _Lex) -> bool:
    """'si seguimos trabajando así, vamos a…', 'if…, we will…': the promise hangs on a condition."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i)]
    return any(
        c.dep_ == "mark" and lex.has("conditional_marks", c)
        for clause in clauses
        for c in clause.children
    )


def _across_lines(a: Token, b: Token) -> bool:
    return "\n" in doc_text(a.doc)[min(a.idx, b.idx) : max(a.idx, b.idx)]


def _allowed_state(verb: Token, anchor: Token, lex: _Lex) -> bool:
    """'Vamos a ser respetuosos', 'no habrá impunidad': a future state is a promise when the
    speaker vouches for their own conduct or rules something out."""
    person, _ = _person_number(anchor)
    if person == "1" and lex.has("first_person_states", verb):
        return True
    return lex.has("negated_existentials", verb) and _negated([verb, anchor], lex)


def _clause_allowed(anchor: Token, lex: _Lex, language: Language) -> bool:
    """Main clauses, and clauses reported or promised by a main clause; never relative clauses
    ('que configurarán el Plan'), conditions or questions."""
    top = anchor
    while top.dep_ == "conj" and top.head is not top and not _across_lines(top, top.head):
        top = top.head
    if _conditional(top, lex) or _conditional(anchor, lex):
        return False
    if _in_question(anchor):
        return False
    if top.dep_ in ("ROOT", "parataxis") or top.head.is_space or top.head.sent != top.sent:
        return True
    if _across_lines(top, top.head):
        return True  # the parser hung this line's clause off the line above
    if top.dep_ == "ccomp" and top.head.i < top.i:
        return lex.has("reporting_verbs", top.head) or lex.trigger(top.head) is not None
    if language == "en" and top.dep_ in ("relcl", "acl", "advcl"):
        # "…to San José, where he will engage with…": a new clause with its own subject.
        subjects = [c for c in top.children if c.dep_ in _SUBJECT_DEPS]
        where = any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in top.children)
        return where and bool(subjects) and subjects[0].pos_ in ("PRON", "PROPN")
    return False


def _in_question(token: Token) -> bool:
    """Inside '¿…?' on its line, or in an English sentence that ends with '?'."""
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line_end = len(text) if line_end == -1 else line_end
    opening = text.rfind("¿", line_start, token.idx)
    if opening != -1 and "?" not in text[opening : token.idx]:
        return True
    return token.sent.text.rstrip().endswith("?") and "¿" not in text[line_start:line_end]


def _trigger_position_ok(token: Token, language: Language) -> bool:
    """A trigger commits only when asserted: not as an infinitive ('Se trata de garantizar…')
    nor inside a relative clause ('a population that decides to…', 'who are committed to…')."""
    finite_aux = [c for c in token.children if c.dep_ == "aux" and c.lower_ not in ("to", "a")]
    if token.pos_ in _VERBS and _is_infinitive(token, language) and not finite_aux:
        return False
    if "Ger" in token.morph.get("VerbForm") and token.tag_ != "VBN":
        return False
    if token.dep_ in ("relcl", "acl", "acl:relcl"):
        return False
    clause = token.head if token.dep_ == "acomp" else token
    return clause.dep_ not in ("relcl", "acl:relcl")


def _trigger_candidates(
    token: Token, lines: _Lines, language: Language, group: int
) -> list[_Candidate]:
    lex = _lexicon(language)
    trig = lex.trigger(token)
    if trig is None or token.pos_ not in _VERBS | {"ADJ"}:
        return []
    if trig.reflexive and not _reflexive(token):
        return []
    if not _trigger_position_ok(token, language):
        return []
    conf = (
        trig.confidence
        if trig.confidence is not None
        else commitment_model().confidence.base[trig.modality]
    )
    out: list[_Candidate] = []
    if not trig.needs_noun:
        for comp in _verbal_complements(token, lines, language):
            if _conditional(comp, lex):
                continue
            for order, verbs in enumerate(_coordinated(comp, lines, language, future=False)):
                out.append(
                    _Candidate(
                        verbs[0],
                        token,
                        [token],
                        trig.modality,
                        conf,
                        group,
                        order,
                        shared_with=verbs[1:],
                    )
                )
        if out:
            return out
    objects = _children(token, lines, _OBJECT_DEPS | _SUBJECT_DEPS)
    if trig.object_is_action:
        objects = [o for o in objects if o.pos_ in ("NOUN", "PROPN", "VERB")]
        return [_Candidate(o, token, [token], trig.modality, conf, group) for o in objects[:1]]
    for obj in objects:
        if lex.has("commitment_nouns", obj) and not _noun_complements(obj, lines, language):
            out.append(
                _Candidate(
                    token,
                    token,
                    [token, obj],
                    trig.modality,
                    conf,
                    group,
                    whole_phrase=True,
                    noun=obj,
                )
            )
    return out


def _noun_complements(noun: Token, lines: _Lines, language: Language) -> list[Token]:
    """Infinitives hanging off a commitment noun, directly or through one nominal dependent:
    'la disposición de su Gobierno de *apoyar*', 'commitment of X, Y and Z to *work*'."""
    found = [
        c
        for c in _children(noun, lines, ("acl", "xcomp", "nmod", "relcl"))
        if c.pos_ in _VERBS | {"ADJ"} and _is_infinitive(c, language)
    ]
    if found:
        return found[:1]
    for dep in _children(noun, lines, ("nmod", "prep")):
        for inner in (*dep.children, *(g for c in dep.children for g in c.children)):
            if (
                inner.pos_ in _VERBS
                and inner.dep_ in ("acl", "xcomp")
                and _is_infinitive(inner, language)
            ):
                return [inner]
    # "…commitment of the United States, Japan, and the ROK to work toward…", where the parser
    # hung "to work" on the main verb: an infinitive right after the noun phrase still is its.
    doc = noun.doc
    after = noun.right_edge.i + 1
    has_of = any(fold(c.text) in ("of", "de", "del") for c in noun.children)
    if has_of and after + 1 < len(doc) and fold(doc[after].text) in ("to", "de", "a"):
        verb = doc[after + 1]
        if (
            verb.pos_ in _VERBS
            and verb.head in (noun, noun.head)
            and _is_infinitive(verb, language)
        ):
            return [verb]
    return []


def _noun_candidates(
    token: Token, lines: _Lines, language: Language, group: int
) -> list[_Candidate]:
    lex = _lexicon(language)
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    governor = token.head
    is_commitment = lex.has("commitment_nouns", token)
    is_plan = lex.has("plan_nouns", token) and (
        lex.has("plan_verbs", governor)
        or any(lex.has("plan_verbs", c) for c in _children(token, lines, ("amod",)))
    )
    if not (is_commitment or is_plan):
        return []
    trig = lex.trigger(governor)
    modality: Modality = "announced" if is_plan else (trig.modality if trig else "committed")
    conf = commitment_model().confidence.base[modality]
    anchor = governor if governor.pos_ in _VERBS or governor.pos_ == "ADJ" else token
    out: list[_Candidate] = []
    for comp in _noun_complements(token, lines, language):
        for order, verbs in enumerate(_coordinated(comp, lines, language, future=False)):
            out.append(
                _Candidate(
                    verbs[0],
                    anchor,
                    [governor, token] if anchor is governor else [token],
                    modality,
                    conf,
                    group,
                    order,
                    noun=token,
                    shared_with=verbs[1:],
                )
            )
    return out


def _future_candidates(
    token: Token, lines: _Lines, language: Language, group: int
) -> list[_Candidate]:
    lex = _lexicon(language)
    anchor = _future_anchor(token, lines, language)
    if anchor is None:
        return []
    if any(lex.has("non_actions", c) for c in _children(token, lines, ("aux",))):
        return []  # "no voy a poder saborear…": a modal, not a plan
    if (
        lex.has("non_actions", token)
        and not _progressive(token, lines)
        and not _allowed_state(token, anchor, lex)
    ):
        return []
    if not _clause_allowed(anchor, lex, language):
        return []
    modality: Modality = "will"
    triggers = [token]
    reporter = anchor.head if anchor.dep_ == "ccomp" and anchor.head.i < anchor.i else None
    trig = lex.trigger(reporter) if reporter is not None else None
    if trig is not None and trig.que_future:
        modality, triggers = trig.modality, [reporter, token]  # type: ignore[list-item]
    conf = commitment_model().confidence.base[modality]
    head = _progressive(token, lines) or token
    return [
        _Candidate(
            verbs[0],
            anchor,
            triggers if order == 0 else [verbs[0]],
            modality,
            conf,
            group,
            order,
            shared_with=verbs[1:],
        )
        for order, verbs in enumerate(_coordinated(head, lines, language, future=True))
    ]


def _progressive(verb: Token, lines: _Lines) -> Token | None:
    """'estaré informando': the gerund is the action, the future 'estar' only its tense."""
    if fold(verb.lemma_) != "estar":
        return None
    return next(
        (
            c
            for c in _children(verb, lines)
            if c.pos_ == "VERB" and "Ger" in c.morph.get("VerbForm")
        ),
        None,
    )


def _candidates(doc: Doc, lines: _Lines, language: Language) -> list[_Candidate]:
    """Every committed action in text order, one per action verb."""
    found: dict[int, _Candidate] = {}
    covered: set[int] = set()
    for group, token in enumerate(doc):
        if token.i in covered:
            continue
        for make in (_trigger_candidates, _noun_candidates, _future_candidates):
            for cand in make(token, lines, language, group):
                if cand.action.i not in found:
                    found[cand.action.i] = cand
                    covered.update(t.i for t in (cand.action, *cand.shared_with))
    return sorted(found.values(), key=lambda c: c.action.i)


# --------------------------------------------------------------------------- phrases


def _action_bounds(
    cand: _Candidate, lines: _Lines, language: Language, blocked: set[int], passive: bool = False
) -> tuple[int, int]:
    """Token range [start, end) of the action phrase: the verb and what follows it, without
    coordinated verbs, the subject, or a nested commitment. In a passive 'se' clause the
    subject after the verb is what is acted on ('se llevará a cabo *una revisión*'), so it
    stays."""
    skip = _ACTION_STOP_DEPS if passive else _ACTION_STOP_DEPS | _SUBJECT_DEPS
    head = cand.action
    start = head.i
    if cand.whole_phrase:
        start = min(head.i, *(t.i for t in cand.triggers))
    end = head.i + 1
    members = [head, *cand.shared_with]
    for verb in members:
        end = max(end, verb.i + 1)
        for child in _children(verb, lines):
            if child.i < verb.i or child.dep_ in skip:
                continue
            if child.dep_ in ("advcl", "conj") and child.i in blocked:
                continue
            listed = language == "es" and child.dep_ == "advcl" and _is_infinitive(child, language)
            if listed and _after_comma(child):
                continue
            end = max(end, child.right_edge.i + 1)
    for i in range(start + 1, end):
        if i in blocked and head.doc[i] is not head:
            end = min(end, head.doc[i].left_edge.i if head.doc[i].left_edge.i > start else i)
            break
    line_end = _line_end(head, lines)
    end = min(end, line_end)
    doc = head.doc
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    return start, end


def _line_end(token: Token, lines: _Lines) -> int:
    line = lines.line(token)
    doc = token.doc
    i = token.i
    while i < len(doc) and lines.line(doc[i]) == line:
        i += 1
    return i


def _object(cand: _Candidate, span: Span) -> str | None:
    if cand.whole_phrase and cand.noun is not None:
        tokens = [t for t in cand.noun.subtree if span.start <= t.i < span.end]
        return clean_span(" ".join(t.text for t in tokens)) or None
    for child in cand.action.children:
        if child.dep_ in _OBJECT_DEPS and span.start <= child.i < span.end:
            tokens = [t for t in child.subtree if span.start <= t.i < span.end]
            text = clean_span(span.doc[tokens[0].i : tokens[-1].i + 1].text) if tokens else ""
            return text or None
    return None


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class _Entity:
    name: str
    entity_id: str
    forms: tuple[str, ...]
    mentions: int
    first: int
    kind: str  # person / organization / country / place


@dataclass
class _Actors:
    names: list[str]
    ids: list[str]
    resolved: bool  # from the text (entities, collectives), not a fallback
    impersonal: bool = False
    people: bool = False  # every actor is a named person


def _entities(
    people: Sequence[Person], orgs: Sequence[Organization], places: Sequence[Place]
) -> list[_Entity]:
    out = [
        _Entity(p.name, p.person_id, (p.name, *p.aliases), p.mentions, p.start, "person")
        for p in people
    ]
    out.extend(
        _Entity(
            o.name,
            o.org_id,
            (o.name, *o.aliases, *([o.acronym] if o.acronym else [])),
            o.mentions,
            o.start,
            "organization",
        )
        for o in orgs
    )
    out.extend(
        _Entity(
            p.name,
            p.place_id,
            (p.name, *p.aliases, *([p.canonical_name] if p.canonical_name else [])),
            p.mentions,
            p.start,
            "country" if p.kind == "country" else "place",
        )
        for p in places
    )
    return out


def _find_entities(text: str, entities: Sequence[_Entity]) -> list[_Entity]:
    """Entities named in ``text``, in order, dropping one named inside another's name
    ('México' inside 'Gobierno de México')."""
    folded = fold(text)
    hits: list[tuple[int, int, _Entity]] = []
    for ent in entities:
        spans = [
            (m.start(), m.end())
            for form in ent.forms
            if fold(form)
            for m in re.finditer(rf"(?<!\w){re.escape(fold(form))}(?!\w)", folded)
        ]
        if spans:
            start, end = min(spans, key=lambda s: (s[0], -s[1]))
            hits.append((start, end, ent))
    kept = [
        h
        for h in hits
        if not any(
            o is not h and o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
            for o in hits
        )
    ]
    seen: set[str] = set()
    result: list[_Entity] = []
    for _, _, ent in sorted(kept, key=lambda h: h[0]):
        if ent.entity_id not in seen:
            seen.add(ent.entity_id)
            result.append(ent)
    return result


def _participants(entities: Sequence[_Entity], kind: str, count: int | None) -> list[_Entity]:
    """The countries (or people) a release is about, most mentioned first, then text order."""
    pool = [e for e in entities if e.kind == kind]
    pool.sort(key=lambda e: (-e.mentions, e.first))
    chosen = pool[:count] if count else pool
    return sorted(chosen, key=lambda e: e.first)


def _subject(token: Token, lines: _Lines) -> Token | None:
    """The subject of the clause ``token`` heads, climbing through coordination and control
    ('Ambos gobiernos se comprometieron a dar…': 'gobiernos' for 'dar'). A relative pronoun
    is no subject: 'destaco que acordamos…' has none written."""
    for _ in range(6):
        subjects = [
            c for c in _children(token, lines, _SUBJECT_DEPS) if fold(c.text) not in _RELATIVES
        ]
        if subjects:
            return subjects[0]
        if any(fold(c.text) in _RELATIVES for c in _children(token, lines, _SUBJECT_DEPS)):
            return None
        if (
            token.dep_ in ("conj", "xcomp", "acomp")
            and token.head is not token
            and lines.same(token, token.head)
        ):
            token = token.head
            continue
        return None
    return None


def _person_number(token: Token) -> tuple[str | None, str | None]:
    for t in (token, *(c for c in token.children if c.dep_ in ("aux", "cop"))):
        person, number = t.morph.get("Person"), t.morph.get("Number")
        if person:
            return person[0], number[0] if number else None
    return None, None


def _passive_se(anchor: Token, subject: Token | None, lex: _Lex) -> bool:
    """'Se construirá un Sistema…', 'el petróleo… se destinará…', 'Se acordó profundizar…': an
    impersonal or passive 'se' whose grammatical subject, if any, does not act."""
    clitic = any(
        c.dep_ in _REFLEXIVE_DEPS and fold(c.text) == "se" and c.i < anchor.i
        for c in anchor.children
    )
    if not clitic:
        return False
    return (
        subject is None
        or subject.i > anchor.i
        or not (subject.pos_ in ("PROPN", "PRON") or lex.has("agent_nouns", subject))
    )


class _Resolver:
    """Turns a clause's subject into actor names and ids; remembers the last actors so 'he',
    'they' and 'the Secretary' can refer back."""

    def __init__(
        self, doc: Doc, lines: _Lines, language: Language, entities: list[_Entity]
    ) -> None:
        self.doc, self.lines, self.language = doc, lines, language
        self.lex = _lexicon(language)
        self.entities = entities
        self.people = [e for e in entities if e.kind == "person"]
        self.last: _Actors | None = None
        self.last_at = 0  # character offset of the clause that set ``last``

    def _of(self, ents: Sequence[_Entity], resolved: bool = True) -> _Actors:
        people = bool(ents) and all(e.kind == "person" for e in ents)
        return _Actors([e.name for e in ents], [e.entity_id for e in ents], resolved, people=people)

    def home(self) -> _Actors:
        name = self.lex.raw.home_government
        ents = _find_entities(name, self.entities)
        return self._of(ents) if ents else _Actors([name], [], True)

    def participants(self, kind: str = "country", count: int | None = None) -> _Actors:
        ents = _participants(self.entities, kind, count)
        return self._of(ents) if ents else self.home()

    def speaker(self, token: Token) -> _Actors | None:
        """Who says 'I': the last 'NAME, TITLE:' header above; inside a quotation, the person
        named just before it; else a person named in the title line."""
        text = doc_text(self.doc)
        for header in reversed(list(_SPEAKER_LINE.finditer(text[: token.idx]))):
            found = _find_entities(header.group(0), self.people)
            if found:
                return self._of(found[:1])
        line_start = text.rfind("\n", 0, token.idx) + 1
        quote = max(text.rfind(q, line_start, token.idx) for q in '“"«')
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        if quote != -1 or text[:line_start].rstrip().endswith(":"):
            window = text[prev_start : quote if quote != -1 else line_start]
            found = _find_entities(window, self.people)
            if found:
                return self._of(found[-1:])
        found = _find_entities(text.split("\n", 1)[0], self.people)
        return self._of(found[:1]) if found else None

    def _collective(self, subject: Token) -> _Actors | None:
        lex = self.lex
        count = next(
            (lex.numbers[f] for c in subject.children for f in _forms(c) if f in lex.numbers),
            None,
        )
        has_det = any(lex.has("collective_determiners", c) for c in subject.children)
        plural = "Plur" in subject.morph.get("Number") or subject.tag_ in ("NNS", "NNPS")
        if lex.has("country_nouns", subject) and (count or (has_det and plural)):
            return self.participants("country", count)
        if lex.has("people_nouns", subject) and (count or plural):
            return self.participants("person", count)
        return None

    def resolve(self, cand: _Candidate) -> _Actors | None:
        """Actors of ``cand``; None when its subject is not an agent (no commitment)."""
        actors = self._resolve(cand)
        if actors is not None and actors.resolved and actors.names:
            self.last, self.last_at = actors, cand.anchor.idx
        return actors

    def _recent(self, token: Token) -> _Actors | None:
        """``last`` if it was set in this paragraph or the one before."""
        between = doc_text(self.doc)[self.last_at : token.idx]
        paragraphs = sum(1 for line in between.split("\n")[1:] if line.strip())
        return self.last if paragraphs <= 1 else None

    def _resolve(self, cand: _Candidate) -> _Actors | None:
        if cand.noun is not None and cand.noun is not cand.anchor:
            named = self._named_in_of_phrase(cand.noun)
            if named is not None:
                return named
        subject = _subject(cand.anchor, self.lines)
        if self.language == "es" and _passive_se(cand.anchor, subject, self.lex):
            actors = self.participants()
            return _Actors(actors.names, actors.ids, False, impersonal=True)
        if subject is None:
            return self._implicit(cand)
        return self._from_subject(subject)

    def _named_in_of_phrase(self, noun: Token) -> _Actors | None:
        """'the shared commitment *of the United States, Japan and the ROK* to work…'."""
        for dep in _children(noun, self.lines, ("nmod", "prep")):
            marker = [c for c in (dep, *dep.children) if fold(c.text) in ("of", "de", "del")]
            if not marker:
                continue
            ents = _find_entities(" ".join(t.text for t in dep.subtree), self.entities)
            if ents:
                return self._of(ents)
        return None

    def _from_subject(self, subject: Token) -> _Actors | None:
        """Actors named by a subject; coordinated subjects ('Under Secretary Nuland and the U.S.
        delegation') are resolved one conjunct at a time."""
        conjuncts = [subject, *(c for c in subject.conjuncts if c.i > subject.i)]
        if len(conjuncts) == 1:
            return self._from_noun(subject, list(subject.subtree))
        parts: list[_Actors] = []
        for i, conj in enumerate(conjuncts):
            stop = conjuncts[i + 1].left_edge.i if i + 1 < len(conjuncts) else conj.right_edge.i + 1
            words = [t for t in self.doc[conj.left_edge.i : stop] if t.dep_ not in ("cc", "punct")]
            actors = self._from_noun(conj, words, taken=[n for p in parts for n in p.names])
            if actors is not None:
                parts.append(actors)
        if not parts:
            return None
        names, ids = [], []
        for part in parts:
            for k, name in enumerate(part.names):
                if name not in names:
                    names.append(name)
                    ids.extend(part.ids[k : k + 1] if len(part.ids) == len(part.names) else [])
        return _Actors(names, ids, any(p.resolved for p in parts))

    def _from_noun(
        self, subject: Token, tokens: list[Token], taken: Sequence[str] = ()
    ) -> _Actors | None:
        lex = self.lex
        if subject.pos_ == "PRON":
            plural = "Plur" in subject.morph.get("Number")
            if lex.has("first_person_plural", subject) or (
                lex.has("first_person", subject) and plural
            ):
                return self.home()
            if lex.has("first_person", subject):
                return self.speaker(subject) or self.home()
            if lex.has("third_person", subject):
                return self.last or (self.participants() if self.language == "es" else None)
            return None
        words = [t for t in tokens if self.lines.same(t, subject)]
        ents = _find_entities(" ".join(t.text for t in words), self.entities)
        head_forms = _forms(subject)
        covering = [e for e in ents if head_forms & {w for f in e.forms for w in fold(f).split()}]
        if covering:
            return self._of(covering)
        appositions = [
            e
            for c in subject.children
            if c.dep_ == "appos"
            for e in _find_entities(" ".join(t.text for t in c.subtree), self.entities)
        ]
        if appositions:
            return self._of(appositions)
        is_title = lex.has("agent_nouns", subject)
        if ents and is_title:
            return self._of(ents)
        collective = self._collective(subject)
        if collective is not None:
            return collective
        if subject.pos_ == "PROPN" and subject.ent_type_ and not is_title:
            name = [
                t
                for t in words
                if t.i <= subject.i and t.pos_ == "PROPN" and not lex.has("agent_nouns", t)
            ]
            return _Actors([clean_span(" ".join(t.text for t in name))], [], True) if name else None
        if lex.has("home_nouns", subject) and "Plur" not in subject.morph.get("Number"):
            if any(c.dep_ in ("amod", "nmod", "compound") for c in subject.children):
                return _Actors(
                    [
                        clean_span(
                            " ".join(t.text for t in words if fold(t.text) not in _DETERMINERS)
                        )
                    ],
                    [],
                    True,
                )
            return self.home()
        if is_title:
            if lex.has("people_nouns", subject):
                if self.last is not None and self.last.people:
                    return self.last
                rest = [
                    e for e in _participants(self.entities, "person", None) if e.name not in taken
                ]
                if rest:
                    return self._of(sorted(rest, key=lambda e: (-e.mentions, e.first))[:1])
            text = clean_span(" ".join(t.text for t in words if fold(t.text) not in _DETERMINERS))
            return _Actors([text], [], True) if text else None
        return None

    def _implicit(self, cand: _Candidate) -> _Actors | None:
        """No written subject: the words before the verb on its line name the actor in a
        header-run sentence; in Spanish the verb ending says who."""
        anchor = cand.anchor
        person, number = _person_number(anchor) if self.language == "es" else (None, None)
        if person == "1":
            if number == "Sing":
                return self.speaker(anchor) or self.home()
            return self.home()
        before = [
            t for t in self.doc[max(anchor.sent.start, 0) : anchor.i] if self.lines.same(t, anchor)
        ]
        if before and not any(t.pos_ == "VERB" for t in before):
            ents = _find_entities(" ".join(t.text for t in before), self.entities)
            if ents:
                return self._of(ents[-1:])
        if self.language != "es":
            return None
        recent = self._recent(anchor)
        if recent is not None:
            return recent
        if cand.modality == "will":
            return None  # "Sobre eso va a tratar…": nobody named, no promise
        actors = self.participants()
        return _Actors(actors.names, actors.ids, False)


# --------------------------------------------------------------------------- deadlines


def _deadline(
    cand: _Candidate, start: int, end: int, dates: Sequence[DateMention], lines: _Lines
) -> DateMention | None:
    """A date inside the action phrase, or hung before the verb ('Mañana… vamos a llevar')."""
    doc = cand.action.doc
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    left = [
        c
        for c in _children(cand.action, lines)
        if c.i < cand.action.i and c.dep_ not in _SUBJECT_DEPS
    ]
    ranges = [(lo, hi), *((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in left)]
    usable = [d for d in dates if d.relation != "published"]
    for a, b in ranges:
        inside = [d for d in usable if a <= d.start and d.end <= b]
        if inside:
            return min(inside, key=lambda d: (d.start, d.value))
    return None


# --------------------------------------------------------------------------- records


def _sentence_bounds(span: Span) -> tuple[int, int]:
    """Character bounds of the evidence sentence, clipped to the line as in ``evidence()``."""
    text = doc_text(span.doc)
    sent = span.sent
    start = max(sent.start_char, text.rfind("\n", sent.start_char, span.start_char) + 1)
    line_end = text.find("\n", span.end_char, sent.end_char)
    return start, line_end if line_end != -1 else sent.end_char


def extract(
    doc: Doc,
    ctx: DocContext,
    *,
    people: list[Person],
    organizations: list[Organization],
    places: list[Place],
    dates: list[DateMention],
    topics: list[Topic],
) -> list[Commitment]:
    """One Commitment per committed action in ``doc``, in text order."""
    lines = _Lines.of(doc)
    language = ctx.language
    model = commitment_model()
    resolver = _Resolver(doc, lines, language, _entities(people, organizations, places))
    candidates = _candidates(doc, lines, language)
    action_ids = {c.action.i for c in candidates}
    group_dates: dict[int, tuple[DateMention, int]] = {}
    records: list[Commitment] = []
    for cand in candidates:
        actors = resolver.resolve(cand)
        if actors is None:
            if cand.triggers[0] is cand.action and cand.modality == "will":
                continue  # a future whose subject is no agent: a prediction, not a promise
            actors = _Actors([], [], False)
        start, end = _action_bounds(
            cand, lines, language, action_ids - {cand.action.i}, actors.impersonal
        )
        date = _deadline(cand, start, end, dates, lines)
        if date is not None and cand.order == 0:
            group_dates[cand.group] = (date, cand.action.idx)
        elif date is None and cand.order > 0 and cand.group in group_dates:
            inherited, at = group_dates[cand.group]
            date = inherited if inherited.start < cand.action.idx and at < cand.action.idx else None
        span = doc[start:end]
        first = min([start, *(t.i for t in cand.triggers if lines.same(t, cand.action))])
        whole = doc[first:end]
        sent_start, sent_end = _sentence_bounds(whole)
        confidence = cand.confidence
        if not actors.names:
            confidence *= model.confidence.no_actor
        if actors.impersonal:
            confidence *= model.confidence.impersonal
        action_text = clean_span(span.text)
        records.append(
            Commitment(
                commitment_id=stable_id(
                    "cmt", ctx.doc_id, whole.start_char, span.end_char, cand.action.lemma_
                ),
                actors=actors.names,
                actor_ids=actors.ids,
                trigger=" ".join(t.text for t in sorted(cand.triggers, key=lambda t: t.i)),
                action_lemma=cand.action.lemma_.lower().split(" ")[0],
                action=action_text or cand.action.text,
                object=_object(cand, span),
                deadline=date.value if date else None,
                deadline_granularity=date.granularity if date else None,
                deadline_text=date.text if date else None,
                modality=cand.modality,
                negated=_negated([cand.action, *cand.triggers], resolver.lex),
                topic_ids=sorted(
                    {
                        t.topic_id
                        for t in topics
                        if any(sent_start <= s < sent_end for s in t.starts)
                    }
                ),
                confidence=round(confidence, 3),
                **evidence(whole, ctx),
            )
        )
    return records

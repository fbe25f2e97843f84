"""From a clause's subject to its actors.

Named people, organisations and places in the subject are the actors; collective phrases
("ambos gobiernos", "both countries", "las partes") resolve to the countries the release names;
"we" to the issuing government; "I" to the speaker; pronouns and titles without a name ("he",
"the Secretary") to the actors of the previous commitment (``last``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from prensa.extract.commitments.actors import Actors
from prensa.extract.commitments.grammar import REFLEXIVE_DEPS, SUBJECT_DEPS, Lines, children
from prensa.extract.commitments.lexicon import Lexicon
from prensa.extract.commitments.scene import Scene
from prensa.kb.governments import Reference, reference_kind
from prensa.resources import word_class
from prensa.text import clean_span, fold


def subject(token: Token, lines: Lines) -> Token | None:
    """The subject of the clause ``token`` heads, climbing through coordination and control
    ('Ambos gobiernos se comprometieron a dar…': 'gobiernos' for 'dar'). A relative pronoun
    is no subject: 'destaco que acordamos…' has none written."""
    relatives = word_class("relatives")
    for _ in range(6):
        written = children(token, lines, SUBJECT_DEPS) or _behind_blank(token, lines)
        subjects = [c for c in written if fold(c.text) not in relatives]
        # an opening '«' the small Spanish parser takes for a subject beside the real one
        # ('dijo que «la Cancillería continuará…»') is not it
        subjects = [c for c in subjects if not c.is_punct] or subjects
        if subjects:
            return subjects[0]
        if written:
            return None  # only a relative pronoun
        if (
            token.dep_ in ("conj", "xcomp", "acomp")
            and token.head is not token
            and lines.same(token, token.head)
        ):
            token = token.head
            continue
        return None
    return None


def _behind_blank(token: Token, lines: Lines) -> list[Token]:
    """A paragraph break the parser took for the subject ('\\n\\nAmbas partes, acordaron…'):
    the subject written under it, on the verb's line."""
    return [
        g
        for c in token.children
        if c.is_space and c.dep_ in SUBJECT_DEPS
        for g in c.children
        if g.dep_ in SUBJECT_DEPS and lines.same(g, token)
    ]


def passive_se(anchor: Token, subj: Token | None, lex: Lexicon) -> bool:
    """'Se construirá un Sistema…', 'el petróleo… se destinará…', 'Se acordó profundizar…': an
    impersonal or passive 'se' whose grammatical subject, if any, does not act."""
    clitic = any(
        c.dep_ in REFLEXIVE_DEPS and lex.has("impersonal_clitics", c) and c.i < anchor.i
        for c in anchor.children
    )
    if not clitic or (subj is None and lex.has_lemma("pronominal_verbs", anchor)):
        return False  # 'se reunirá con…': the verb's own 'se', whoever meets
    return (
        subj is None
        or subj.i > anchor.i
        or not (subj.pos_ in ("PROPN", "PRON") or lex.has("agent_nouns", subj))
    )


def from_subject(subj: Token, scene: Scene, last: Actors | None) -> Actors | None:
    """Actors named by a subject; coordinated subjects ('Under Secretary Nuland and the U.S.
    delegation') are resolved one conjunct at a time."""
    conjuncts = [subj, *(c for c in subj.conjuncts if c.i > subj.i)]
    if len(conjuncts) == 1:
        return from_noun(subj, list(subj.subtree), scene, last)
    parts: list[Actors] = []
    for i, conj in enumerate(conjuncts):
        stop = conjuncts[i + 1].left_edge.i if i + 1 < len(conjuncts) else conj.right_edge.i + 1
        words = [t for t in scene.doc[conj.left_edge.i : stop] if t.dep_ not in ("cc", "punct")]
        actors = from_noun(conj, words, scene, last, taken=[n for p in parts for n in p.names])
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
    return Actors(names, ids, any(p.resolved for p in parts))


def from_noun(
    subj: Token, tokens: list[Token], scene: Scene, last: Actors | None, taken: Sequence[str] = ()
) -> Actors | None:
    """Actors of one subject noun phrase (``tokens``), or None when it names no agent."""
    lex, cast = scene.lex, scene.cast
    if subj.pos_ == "PRON":
        return pronoun(subj, scene, last)
    words = [t for t in tokens if scene.lines.same(t, subj)]
    lo, hi = (words[0].i, words[-1].i + 1) if words else (subj.i, subj.i)
    covering = cast.covering(lo, hi, subj.i)
    if covering:
        return Actors.of(covering)
    if cast.is_place(subj.i):
        return None  # "El Estado de México contará con…": a place, not an agent
    appositions = [
        e
        for c in subj.children
        if c.dep_ == "appos"
        for e in cast.in_tokens(c.left_edge.i, c.right_edge.i + 1)
    ]
    if appositions:
        return Actors.of(appositions)
    is_title = lex.has("agent_nouns", subj)
    ents = cast.in_tokens(lo, hi)
    if ents and is_title:
        return Actors.of(ents)
    found = collective(subj, scene)
    if found is not None:
        return found
    if subj.pos_ == "PROPN" and subj.ent_type_ and not is_title:
        if fold(subj.ent_type_) in lex.words["place_labels"]:
            return None  # an unlinked place: "Santa Lucía recibirá…"
        name = [
            t
            for t in words
            if t.i <= subj.i and t.pos_ == "PROPN" and not lex.has("agent_nouns", t)
        ]
        return Actors.named(clean_span(" ".join(t.text for t in name))) if name else None
    if lex.has("home_nouns", subj) and "Plur" not in subj.morph.get("Number"):
        if any(c.dep_ in ("amod", "nmod", "compound") for c in subj.children):
            return Actors.named(_without_determiners(words))  # "el Gobierno de Canadá"
        return scene.home()
    reference = _own_reference(words, lex.language)
    if reference == "country":
        return scene.country_home()  # "nuestro país", "our nation"
    if reference is not None:
        return scene.home()  # "our Government", "this Administration"
    if is_title:
        if lex.has("people_nouns", subj):
            if last is not None and last.people:
                return last
            rest = [e for e in cast.participants("person", None) if e.name not in taken]
            if rest:
                return Actors.of(sorted(rest, key=lambda e: (-e.mentions, e.first))[:1])
        text = _without_determiners(_head_phrase(subj, words))
        return Actors.named(text) if text else None
    return None


def _head_phrase(subj: Token, words: Sequence[Token]) -> list[Token]:
    """The subject's name without what a comma or a clause adds ('los institutos nacionales
    de salud*, pieza clave de…*')."""
    cut = {t.i for c in subj.children if c.dep_ in _ASIDE_DEPS and c.i > subj.i for t in c.subtree}
    return [t for t in words if t.i not in cut]


def pronoun(subj: Token, scene: Scene, last: Actors | None) -> Actors | None:
    """'we' → the issuing government, 'I' → the speaker, 'he'/'they' → the last actors."""
    lex = scene.lex
    plural = "Plur" in subj.morph.get("Number")
    if lex.has("first_person_plural", subj) or (lex.has("first_person", subj) and plural):
        return scene.home()
    if lex.has("first_person", subj):
        return scene.speaker(subj) or scene.home()
    if lex.has("third_person", subj):
        reporter = _reporter(subj, scene)
        if reporter is not None:
            return reporter
        if last is not None:
            return last
        named = _named_before(subj, scene, plural)
        if named is not None:
            return named
        return scene.participants() if lex.language == "es" else None
    return None


def _reporter(subj: Token, scene: Scene) -> Actors | None:
    """'The Secretary said *he* looked forward to…': the named subject of the reporting verb
    whose clause holds the pronoun."""
    clause = subj.head
    if clause.dep_ != "ccomp" or not scene.lex.has("reporting_verbs", clause.head):
        return None
    outer = subject(clause.head, scene.lines)
    if outer is None or outer.pos_ == "PRON":
        return None
    return from_noun(outer, list(outer.subtree), scene, None)


def _named_before(subj: Token, scene: Scene, plural: bool) -> Actors | None:
    """'…met with Foreign Minister Ebrard. *They* looked forward to…': the people (else the
    countries or organisations) the sentence before names; 'he'/'she' is the last person."""
    sents = list(subj.doc[: subj.sent.start].sents)
    if not sents:
        return None
    prev = sents[-1]
    people = scene.cast.in_tokens(prev.start, prev.end, "person")
    if people:
        return Actors.of(people if plural else people[-1:])
    if not plural:
        return None
    others = scene.cast.in_tokens(prev.start, prev.end)
    return Actors.of(others) if others else None


#: Dependents that add to a subject rather than name it: appositions and clauses.
_ASIDE_DEPS = frozenset({"appos", "acl", "relcl", "advcl", "punct", "parataxis"})

#: How many sentences back 'ambas partes' may find the organisations it counts (a meeting's
#: participants are often listed a paragraph before what they agreed).
_LOOK_BACK = 6


def collective(subj: Token, scene: Scene) -> Actors | None:
    """'ambos gobiernos', 'the two countries', 'los presidentes': the release's countries or
    people, as many as the numeral says."""
    lex = scene.lex
    count = next((n for c in subj.children if (n := lex.number(c)) is not None), None)
    has_det = any(lex.has("collective_determiners", c) for c in subj.children)
    plural = "Plur" in subj.morph.get("Number") or subj.tag_ in ("NNS", "NNPS")
    if lex.has("state_nouns", subj) and plural and not count:
        states = scene.cast.states()
        if len(states) >= 2 and len(scene.cast.participants("country", None)) <= 1:
            return Actors.of(states)  # 'Los estados firmantes impulsarán…'
    if lex.has("body_nouns", subj) and (count or (has_det and plural)):
        parties = _parties(subj, scene, count)
        if parties is not None:
            return parties
    if lex.has("country_nouns", subj) and (count or (has_det and plural)):
        return _named_pair(subj, scene, "country", count) or scene.participants("country", count)
    counted = bool(count) and lex.has("counted_people_nouns", subj)
    if counted or (lex.has("people_nouns", subj) and (count or plural)):
        return _named_pair(subj, scene, "person", count) or scene.participants("person", count)
    return None


def _parties(subj: Token, scene: Scene, count: int | None) -> Actors | None:
    """'ambas partes', 'ambos colegiados', 'both sides': as many countries, else organisations,
    as a nearby sentence names; else the release's countries if it names enough of them; else
    the organisations last named nearby, or the release's (a council meeting a university has
    no countries)."""
    found = _named_pair(subj, scene, "country", count) or _named_pair(
        subj, scene, "organization", count, _LOOK_BACK
    )
    if found is not None:
        return found
    need = count or 2
    countries = scene.cast.participants("country", count)
    if len(countries) >= need:
        return Actors.of(countries)
    sents = [*list(subj.doc[: subj.sent.start].sents)[-_LOOK_BACK:], subj.sent]
    nearby = [e for s in sents for e in scene.cast.in_tokens(s.start, s.end, "organization")]
    if nearby:
        return Actors.of(list({e.entity_id: e for e in reversed(nearby)}.values())[:need])
    orgs = scene.cast.participants("organization", count)
    return Actors.of(orgs) if orgs else None


def _named_pair(
    subj: Token, scene: Scene, kind: str, count: int | None, look_back: int = 3
) -> Actors | None:
    """'Ambos cancilleres', 'both countries': the ``count`` parties of ``kind`` named in the
    sentence, else in the closest sentence before it that names exactly that many."""
    if not count:
        return None
    sent = subj.sent
    found = scene.cast.in_tokens(sent.start, sent.end, kind)
    if len(found) >= count:
        return Actors.of(found[:count])
    doc = subj.doc
    for earlier in reversed(list(doc[: sent.start].sents)[-look_back:]):
        found = scene.cast.in_tokens(earlier.start, earlier.end, kind)
        if len(found) == count:
            return Actors.of(found)
    return None


def _own_reference(words: Sequence[Token], language: str) -> Reference | None:
    """Whether the phrase is how a release names its own government ('el Gobierno', 'this
    Administration') or country ('nuestro país'), as written or without its article."""
    if not words:
        return None
    written = clean_span(" ".join(t.text for t in words))
    for text in (written, _without_determiners(words)):
        kind = reference_kind(text, language) if text else None
        if kind is not None:
            return kind
    return None


def _without_determiners(words: Sequence[Token]) -> str:
    determiners = word_class("determiners")
    return clean_span(" ".join(t.text for t in words if fold(t.text) not in determiners))

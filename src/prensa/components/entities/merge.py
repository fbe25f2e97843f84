"""How the entity layer's three sources are merged into ``doc.ents``: spans the rules are sure of,
then titled names, then the repaired statistical entities."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from prensa.components.entities.context import EntityContext
from prensa.components.entities.plausible import generic
from prensa.components.entities.words import inside_longer
from prensa.labels import GENERIC_SPANS, PERSON_LABELS, PLACE_LABELS
from prensa.text import fold, line_start


def model_name_around(r: EntityContext, rule: Span, people: list[Span]) -> bool:
    """A longer model name around a rule's ('Wendy R. Sherman' around 'R. Sherman'), unless
    what it adds are dictionary words, the end of a title ('[Migration] Julieta Noyes')."""
    for name in people:
        if inside_longer(rule, [name]):
            extra = [t for t in name if not rule.start <= t.i < rule.end]
            if not all(t.text in r.dictionary for t in extra):
                return True
    return False


def split_coordinated(r: EntityContext, spans: list[Span]) -> list[Span]:
    """'Ronald Johnson y Katherine Dueholm' is two people: a person span is split at a
    conjunction with a full name (two capitalised words or more) on each side. 'José Ortega y
    Gasset', with one word after the conjunction, stays one name."""
    result: list[Span] = []
    for span in spans:
        cut = next(
            (
                t.i
                for t in span[2:-2]
                if t.lower_ in r.conjunctions
                and all(w.is_title or w.is_upper for w in span.doc[t.i - 2 : t.i])
                and all(w.is_title or w.is_upper for w in span.doc[t.i + 1 : t.i + 3])
            ),
            None,
        )
        if span.label_ not in PERSON_LABELS or cut is None:
            result.append(span)
            continue
        doc = span.doc
        result.append(Span(doc, span.start, cut, label=span.label_))
        result.extend(split_coordinated(r, [Span(doc, cut + 1, span.end, label=span.label_)]))
    return result


def people_not_places(r: EntityContext, spans: list[Span]) -> list[Span]:
    """A person is never also a place in the same release: a place span whose words run inside
    a full name found elsewhere ('Dueholm' once 'Katherine Dueholm' is a person)
    is that person. Only plain names count ('Vigilancia Marítima de Islas Marías' is no one's
    name); acronyms and places the gazetteer or lexicon knows are left alone."""
    names = [
        words
        for s in spans
        if s.label_ in PERSON_LABELS
        and len(s) > 1
        and not r.particles.intersection(words := tuple(fold(t.text) for t in s))
    ]
    fixed: list[Span] = []
    for span in spans:
        words = tuple(fold(t.text) for t in span)
        if (
            span.label_ in PLACE_LABELS
            and not span.kb_id_
            and not span.text.isupper()
            and any(_contains(name, words) for name in names)
        ):
            span = Span(span.doc, span.start, span.end, label=r.labels["person"])
        fixed.append(span)
    return fixed


def _contains(name: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(words)
    return n < len(name) and any(name[i : i + n] == words for i in range(len(name) - n + 1))


def places_outside_names(sure: list[Span], titled: list[Span]) -> list[Span]:
    """A gazetteer place that ends an organisation's name is part of it: 'Fiscalía General del
    Estado de Campeche' is one organisation, not a place ('Campeche') and a stump. So are the
    places inside such a name ('Coahuila' in '… del Estado de Coahuila de Zaragoza')."""
    places = [s for s in sure if s.label_ in PLACE_LABELS]
    bodies = [
        b
        for b in titled
        if b.label_ not in PERSON_LABELS
        and any(b.start < p.start and p.end == b.end for p in places)
    ]
    return [
        s
        for s in sure
        if s.label_ not in PLACE_LABELS
        or not any(b.start < s.start and s.end <= b.end for b in bodies)
    ]


def places_outside_people(
    sure: list[Span], titled: list[Span], statistical: list[Span]
) -> list[Span]:
    """'la magistrada …, María Guadalupe Ríos': a place name after the first word of a titled
    person's name is one of their given names or surnames ('Guadalupe', 'Santa Lucía'); so is
    one word opening a full name the model found. A place opening a titled run is left to win
    ('Coahuila José …' is the title's complement)."""
    titled_people = [t for t in titled if t.label_ in PERSON_LABELS]
    people = [t for t in statistical if t.label_ in PERSON_LABELS]
    return [
        s
        for s in sure
        if s.label_ not in PLACE_LABELS
        or not (
            any(p.start < s.start and s.end <= p.end for p in titled_people)
            or any(_given_name(s, p) or _surname(s, p) for p in people)
        )
    ]


def _surname(place: Span, person: Span) -> bool:
    """'Deputy Attorney General Lisa Monaco', 'Michael Jordan': in English, a one-word country
    or city closing a two-word name the model found is the surname."""
    return (
        place.doc.lang_ == "en"
        and len(place) == 1
        and len(person) == 2
        and place.start == person.start + 1
        and place.end == person.end
        and all(t.is_title and t.is_alpha for t in person)
    )


def _given_name(place: Span, person: Span) -> bool:
    """One place word inside a name of three capitalised words or more that the model found,
    with more of the name after it: 'María Guadalupe Ríos Salcedo' (not '[México] de Su
    Majestad', where a particle follows)."""
    if place.start == person.start and not (
        place.start and place.doc[place.start - 1].text.endswith(".")
    ):
        # Opening a name, only after honorific initials ('la M. C. Guadalupe Ríos'): else the
        # model glued a place to a name ('México Díaz Ordaz', 'gobernador de Campeche Alejandro').
        return False
    return (
        len(place) == 1
        and len(person) >= 3
        and person.start <= place.start
        and place.end < person.end
        and all(t.is_title and t.is_alpha for t in person)
    )


def names_after_places(sure: list[Span], statistical: list[Span]) -> list[Span]:
    """'México Gustavo Díaz Ordaz': a name the model glued to a known place opening it is the
    name after the place (the place wins its own words)."""
    starts = {s.start: s.end for s in sure if s.label_ in PLACE_LABELS}
    fixed: list[Span] = []
    for span in statistical:
        end = starts.get(span.start)
        rest = span.doc[end : span.end] if end is not None else None
        if (
            span.label_ in PERSON_LABELS
            and rest is not None
            and len(rest) >= 2
            and all(t.is_title and t.is_alpha for t in rest)  # not '[México] de Su …'
        ):
            span = Span(span.doc, rest.start, rest.end, label=span.label_)
        fixed.append(span)
    return fixed


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
    # 'the Premier of Prince Edward Island': a known place the model found around a title word
    # and the 'name' after it is the place ('Prince' is no title there)
    places = [s for s in statistical if s.label_ in PLACE_LABELS and r.gazetteer.lookup(s.text)]
    titled = [t for t in titled if not any(p.start < t.start and t.end <= p.end for p in places)]
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
    sure = places_outside_names(sure, titled)
    sure = places_outside_people(sure, titled, statistical)
    statistical = names_after_places(sure, statistical)
    for tier in (sure, titled, statistical):
        for span in filter_spans(split_coordinated(r, tier)):
            if not taken.intersection(range(span.start, span.end)):
                chosen.append(span)
                taken.update(range(span.start, span.end))
    doc.ents = sorted(people_not_places(r, chosen), key=lambda s: s.start)
    doc.spans[GENERIC_SPANS] = [s for s in doc.ents if generic(r, s)]

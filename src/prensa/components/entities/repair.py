"""Repairs of the statistical entities: titles and articles stripped, offices and false positives
dropped, people tagged as places (or the reverse) relabelled."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from prensa.components.entities.context import EntityContext
from prensa.components.entities.plausible import (
    after_office,
    glued_opener,
    known_non_name,
    lone_opening_word,
    office_end,
    person_shaped,
    plausible_name,
    plausible_place,
)
from prensa.components.entities.words import Lines, is_upper_line
from prensa.labels import ORG_LABELS, PERSON_LABELS, PLACE_LABELS
from prensa.text import fold, folded_words

#: English possessive endings: "Blinken’s Meeting" ends the name before them.
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def repair(r: EntityContext, doc: Doc) -> list[Span]:
    """The statistical entities, cleaned: prefixes stripped, false positives dropped."""
    repaired: list[Span] = []
    lines = Lines(doc)
    for ent in compound_names(r, list(doc.ents)):
        if (not r.trust_ner and is_upper_line(ent, lines)) or inside_office(r, ent):
            continue
        if ent.label_ in PERSON_LABELS:
            fixed = repair_person(r, ent)
        elif ent.label_ in ORG_LABELS or ent.label_ in PLACE_LABELS:
            fixed = repair_name(r, ent)
        elif ent.label_ == "MISC":  # a CoNLL-style label: '¿Qué', '[Viajó a] Europa'
            trimmed = trim(r, ent)
            fixed = Span(ent.doc, trimmed.start, trimmed.end, ent.label_) if trimmed else None
            fixed = acronym_after_title(r, fixed) or (fixed and person_in(r, fixed)) or fixed
        else:
            fixed = ent
        if fixed is not None:
            repaired.append(fixed)
    return surnames_as_people(r, repaired)


def _common_words(r: EntityContext, piece: Span) -> bool:
    """A piece made only of dictionary words ('Centenario Luctuoso') names an event or a work
    after someone ('… de Francisco Villa'), it is not part of the name."""
    return all(r.dictionary.exact(t.text) for t in piece if t.is_alpha)


def compound_names(r: EntityContext, spans: list[Span]) -> list[Span]:
    """'María de Lourdes de Koster López', which the model cuts at its particles into 'María',
    'Lourdes' and 'Koster López': name pieces joined only by 'de', 'del', 'de los' are one
    person. A conjunction ('X y Y') still separates two people."""
    joins = r.particles - r.conjunctions
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        gap = span.doc[prev.end : span.start] if prev is not None else None
        if (
            prev is not None
            and gap is not None
            and 1 <= len(gap) <= 2
            and all(t.lower_ in joins for t in gap)
            and {prev.label_, span.label_} <= PERSON_LABELS | {"MISC"}
            and PERSON_LABELS & {prev.label_, span.label_}
            and not any(_common_words(r, piece) for piece in (prev, span))
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label=r.labels["person"])
            continue
        out.append(span)
    return out


def acronym_after_title(r: EntityContext, span: Span | None) -> Span | None:
    """'Gerente de CANACINTRA Torreón' read as one name: after the title and 'de', a body's
    acronym (and the branch's town) is the organisation."""
    if span is None:
        return None
    words = folded_words(span)
    n = r.prefixes.match(words)
    if not n or n + 1 >= len(span) or words[n] not in r.office_links:
        return None
    first = span[n + 1]
    if not (len(first) >= 2 and first.is_alpha and first.is_upper):
        return None
    return Span(span.doc, span.start + n + 1, span.end, label=r.labels["organization"])


def inside_office(r: EntityContext, ent: Span) -> bool:
    """'secretario de [Seguridad Pública]': the office part of a title is not an entity."""
    doc = ent.doc
    i = ent.start
    if i >= 1 and doc[i - 1].lower_ in ("la", "the"):
        i -= 1
    return (
        i >= 2 and doc[i - 1].lower_ in r.office_links and fold(doc[i - 2].text) in r.office_words
    )


def trim(r: EntityContext, span: Span) -> Span | None:
    """Drop leading articles, and everything from a possessive or a line break on ("Blinken’s
    Meeting")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].is_punct:
        start += 1  # '¿Qué', '«Sembrando'
    # A trusted model knows 'La Paz' from 'la Secretaría'; for the stock one the gazetteer
    # tells: a known place keeps its article ('El Paso', 'Las Vegas').
    if not r.trust_ner and r.gazetteer.lookup(doc[start:end].text) is None:
        start += r.articles.match(folded_words(doc[start:end]))
    first = start
    while start < end and glued_opener(r, doc[start]):
        start += 1  # a capitalised sentence opener glued on: '[Viajó de] Ciudad de México'
    while first < start < end and doc[start].lower_ in r.connectors:
        start += 1
    for token in doc[start : span.end]:
        if token.lower_ in _POSSESSIVES or token.is_space:
            end = token.i  # a name never runs across a line break ('… the FDFA\n\nFollowing')
            break
    for token in doc[start:end]:
        if token.text in ("(", "[") and ")" not in doc[token.i : end].text:
            end = token.i  # an unbalanced bracket: 'Cooperation (AECID' ends before it
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in r.connectors):
        end -= 1  # 'Governments of the'
    return doc[start:end] if end > start else None


def repair_person(r: EntityContext, ent: Span) -> Span | None:
    span = trim(r, ent)
    if span is None:
        return None
    if place_after_preposition(r, span):
        return Span(ent.doc, span.start, span.end, label=r.labels["place"])
    words = folded_words(span)
    if r.org_heads.match(words) or (
        r.language == "en" and len(words) > 1 and words[-1] in r.org_tails
    ):
        return Span(ent.doc, span.start, span.end, label=r.labels["organization"])
    skip = title_in(r, words) or 0
    skip += _honorific_initials(r, span[skip:])
    end = span.end
    while end - 1 > span.start + skip and _postnominal(r, ent.doc[end - 1]):
        end -= 1  # 'Jane Doe MP': letters after the name are not part of it
    name = ent.doc[span.start + skip : end]
    if len(name) == 0 or (not name[0].is_title and not name[0].is_upper):
        return None
    if not all(
        t.is_title or t.is_upper or fold(t.text) in r.particles or not t.is_alpha for t in name
    ):
        return None
    # A trusted model's name is vetoed by the word lists only, not by dictionary look-ups.
    if known_non_name(r, name) if r.trust_ner else not plausible_name(r, name):
        return None
    if lone_opening_word(r, name):
        return None
    return Span(ent.doc, name.start, name.end, label=ent.label_)


def _honorific_initials(r: EntityContext, span: Span) -> int:
    """How many tokens of honorific initials open ``span`` ('C.', 'M. C.') before a name of
    two words or more; 0 if none."""
    for honorific in r.honorific_initials:
        parts = honorific.split()
        n = len(parts)
        if len(span) - n >= 2 and [t.text for t in span[:n]] == parts:
            return n
    return 0


def _postnominal(r: EntityContext, token: Token) -> bool:
    return token.is_upper and fold(token.text).replace(".", "") in r.postnominals


def title_in(r: EntityContext, words: list[str]) -> int | None:
    """Where the titles that open ``words`` end, also after a nationality or a rank
    ('Paraguayan President Mario Abdo Benitez') and over an honorific after the title
    ('Minister Dr. Ana Ruiz', 'el C.P. Juan Ruiz'); None without one."""
    bare = [w.replace(".", "") for w in words]
    for k in (0, 1, 2) if len(words) > 2 else (0,):
        n = r.prefixes.match(bare[k:])
        if n:
            end = k + n
            while end < len(bare) - 1 and (more := r.prefixes.match(bare[end:])):
                end += more
            return end
    return None


def title_runs_on(r: EntityContext, span: Span) -> bool:
    """A title starts inside ``span`` and ends after it: 'Mexican [Foreign] Secretary'
    (not 'EU' before 'Commissioner', where the title starts after the name)."""
    words = folded_words(span.doc[span.start : span.end + 4])
    for k in range(min(len(span), 3)):
        n = r.prefixes.match(words[k:])
        if n and k + n > len(span):
            return True
    return False


def place_after_preposition(r: EntityContext, span: Span) -> bool:
    """'en Villahermosa', 'voy a ir a Villahermosa', 'visitó Torreón': a known place where a
    place goes."""
    doc = span.doc
    if not span.start or r.gazetteer.lookup(span.text) is None:
        return False
    previous = doc[span.start - 1]
    before = fold(previous.text)
    if before in r.place_after:
        return True
    if previous.pos_ == "VERB" and fold(previous.lemma_) in r.motion_verbs:
        return True  # 'visitó Torreón'
    if before not in r.place_after_motion:
        return False
    verbs = [t for t in doc[max(0, span.start - 4) : span.start - 1] if t.pos_ == "VERB"]
    return any(fold(t.lemma_) in r.motion_verbs for t in verbs)


def _before_titled_conjunct(r: EntityContext, span: Span) -> Span:
    """'[Criminal Division] and Brig. Gen. Rodney Johnson': a conjunction before a title opens
    the next person, not more of the name."""
    doc = span.doc
    for i in range(span.start + 1, span.end - 1):
        # The title may run on past the span; 'Brig' '.' 'Gen.' reads as 'brig gen'.
        after = [w for w in folded_words(doc[i + 1 : i + 7]) if w]
        if doc[i].lower_ in r.conjunctions and r.prefixes.match(after):
            return doc[span.start : i]
    return span


def repair_name(r: EntityContext, ent: Span) -> Span | None:
    span = trim(r, ent)
    if span is None:
        return None
    span = _before_titled_conjunct(r, span)
    if ent.label_ in PLACE_LABELS and len(span) > 1 and r.gazetteer.lookup(span.text):
        return Span(ent.doc, span.start, span.end, label=ent.label_)  # 'Prince Edward Island'
    words = folded_words(span)
    if " ".join(words) in r.not_names or words[0] in r.not_names:
        return None
    if title_runs_on(r, span):
        return None  # the start of a title: 'Mexican Foreign [Secretary]'
    title = title_in(r, words)
    if title is not None and not r.org_heads.match(words):
        if title < len(words) and words[title] in r.complement_links:
            return None  # 'Mexican Under Secretary for North America …' is a title
        # "Maestro Rubén Rocha Moya" tagged as a place: a titled name is a person.
        return repair_person(r, Span(ent.doc, span.start, span.end, r.labels["person"]))
    office = next((k for k, w in enumerate(words) if k and w in r.office_nouns), None)
    if office is not None:
        # 'Canal Administrator Vásquez': a title inside; what follows it may be a name.
        rest = ent.doc[span.start + office + 1 : span.end]
        if len(rest) and plausible_name(r, rest, after_title=True):
            return Span(ent.doc, rest.start, rest.end, label=r.labels["person"])
        return None
    if len(span) == 1:
        token = span[0]
        if not (token.is_title or token.is_upper):
            return None
        if ent.label_ in ORG_LABELS and not token.is_upper and not r.trust_ner:
            return None  # a lone capitalised word is rarely an organisation; acronyms are
        if lone_opening_word(r, span):
            return None
    if ent.label_ in PLACE_LABELS and (person := person_in(r, span)) is not None:
        return person
    if ent.label_ in PLACE_LABELS and not plausible_place(r, span):
        return None
    return Span(ent.doc, span.start, span.end, label=ent.label_)


def person_in(r: EntityContext, span: Span) -> Span | None:
    """The person in a span the model took for a place or a thing: after a title, the office
    then the name ('la consejera de la [Judicatura Norma Reyes Fuentes]'); elsewhere a full
    name's shape ('[Laura Elena Torres Gómez]') or honorific initials ('[M. C. Ana Ruiz]')."""
    if r.trust_ner:
        return None
    doc = span.doc
    if after_office(r, doc, span.start) and len(span) > 2:
        name = doc[office_end(r, span) : span.end]
        if 2 <= len(name) <= 5 and plausible_name(r, name, after_title=True):
            return Span(doc, name.start, name.end, label=r.labels["person"])
    start = span.start
    while start < span.end - 1 and glued_opener(r, doc[start]):
        start += 1  # 'Recibe Salvador Eduardo Silva Hidalgo …'
    rest = doc[start : span.end]
    if person_shaped(r, rest) or _honorific_initials(r, rest):
        return repair_person(r, Span(doc, rest.start, rest.end, label=r.labels["person"]))
    return None


def surnames_as_people(r: EntityContext, spans: list[Span]) -> list[Span]:
    """A one-word 'place' or 'organisation' that is part of a person's name is that person."""
    name_words = {
        fold(t.text) for s in spans if s.label_ in PERSON_LABELS and len(s) > 1 for t in s
    } - r.particles
    fixed: list[Span] = []
    for span in spans:
        if (
            len(span) == 1
            and span.label_ not in PERSON_LABELS
            and not span[0].is_upper
            and fold(span.text) in name_words
        ):
            span = Span(span.doc, span.start, span.end, label=r.labels["person"])
        fixed.append(span)
    return fixed

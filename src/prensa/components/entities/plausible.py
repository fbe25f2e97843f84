"""Judgements on a candidate span: could it be a person's name, a place, or is it a generic
mention ('el Gobierno') rather than a name?"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from prensa.components.entities.context import EntityContext
from prensa.labels import ORG_LABELS, PLACE_LABELS
from prensa.text import fold, folded_words, line_start
from prensa.titles import demonym_country

#: A city smaller than this whose name is a dictionary word ("Marina", "Federal") is not trusted.
_BIG_CITY = 500_000
#: Parts of speech of a capitalised sentence opener glued to a name ("Viajó de Ciudad de …").
_NOT_NAME_VERBAL = frozenset({"VERB", "AUX", "ADV", "PRON", "SCONJ", "CCONJ"})
#: Parts of speech a name never starts with, though a sentence-initial one is capitalised.
_NOT_NAME_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV", "AUX", "NUM"})


def plausible_name(r: EntityContext, name: Span, after_title: bool = False) -> bool:
    """Could ``name`` be a person's name? After a title ('el presidente Peña Nieto') two
    capitalised words are trusted even when both are dictionary words."""
    first = name[0]
    if not (first.is_title or first.is_upper) or first.pos_ in _NOT_NAME_POS:
        return False  # 'de Tabasco', 'Nuestro Gobierno', 'From Tegucigalpa'
    if known_non_name(r, name):
        return False

    if len(name) > 2 and name[1].lower_ in r.particles and r.common.is_adjective(first.text):
        return False  # 'presidente Municipal de Tijuana'

    content = [t.text for t in name if fold(t.text) not in r.particles]
    if content and all(w in r.common for w in content) and not (after_title and len(content) > 1):
        return False
    return len(name) > 1 or name[0].pos_ == "PROPN"


def nationality(r: EntityContext, span: Span) -> bool:
    """'Sri Lankan', 'Swiss': a demonym written out; 'U.S.' and 'US' name the country too."""
    text = span.text
    return not (text.isupper() or "." in text) and bool(
        demonym_country(text, r.language)  # type: ignore[arg-type]
    )


def known_non_name(r: EntityContext, name: Span) -> bool:
    """What the word lists say is not a person: 'Además', 'Comisión …', 'el río Grijalva'."""
    words = folded_words(name)
    if " ".join(words) in r.not_names or words[0] in r.not_names:
        return True
    if r.org_heads.match(words) or r.place_heads.match(words):
        return True  # 'Comisión …', 'Complejo Termoeléctrico Manzanillo'
    if nationality(r, name):
        return True  # 'the Sri Lankan ambassador
    place = r.gazetteer.lookup(name.text)
    if place is not None and (place.kind != "city" or len(name) > 1):
        return True  # a surname may be a town (Juárez), a full name is not 'Ciudad Juárez'
    before = fold(name.doc[name.start - 1].text) if name.start else ""
    return before in r.not_person_after  # 'el río Grijalva', 'el huracán Melissa'


def generic(r: EntityContext, span: Span) -> bool:
    """Capitalised dictionary words ('el Gobierno', 'los Presidentes', 'Seguridad Pública'):
    a mention of something, not its name. Several such words name an organisation well
    enough ('Protección Civil'), and a place when a place word opens them ('Palacio
    Nacional'); lexicon organisations and places the gazetteer knows (bar small towns named
    like a word: 'Federal') are names, and so are local places ('la colonia Lomas del Sur')."""
    content = [t.text for t in span if t.is_alpha and fold(t.text) not in r.particles]
    if not content or span.kb_id_.startswith(("org:", "local:")):
        return False
    if len(content) > 1 and (span.label_ in ORG_LABELS or r.place_heads.match(folded_words(span))):
        return False  # 'Protección Civil', 'Palacio Nacional'
    if not all(r.common.exact(w) for w in content):
        return False
    entry = r.gazetteer.lookup(span.text) if span.label_ in PLACE_LABELS else None
    # A small town named like a word is a word ('Federal'); a town of several ('Piedras
    # Negras') is a name.
    return entry is None or (
        entry.kind == "city" and (entry.population or 0) < _BIG_CITY and len(content) == 1
    )


def lone_opening_word(r: EntityContext, span: Span) -> bool:
    """One word opening a sentence or line is capitalised whatever it is ('Reunión'), so the
    stock model's guess is dropped there; a trusted model's unless it is a verb or an adverb
    ('Convoco', 'Ciertamente')."""
    if len(span) != 1 or not (span[0].is_sent_start or line_start(span[0])):
        return False
    return not r.trust_ner or span[0].pos_ in _NOT_NAME_POS or span[0].pos_ == "VERB"


def plausible_place(r: EntityContext, span: Span) -> bool:
    """Known places pass; an unknown one needs a place head or a proper-noun look."""
    entry = r.gazetteer.lookup(span.text)
    if entry is not None:
        return r.trust_ner or not (
            len(span) == 1
            and span.text in r.common
            and entry.kind == "city"
            and (entry.population or 0) < _BIG_CITY
        )  # 'Marina', 'Federal', 'Constitución' are towns somewhere, and words here
    if "-" in span.text or nationality(r, span):
        return False  # 'U.S.-Costa Rica' is an adjective, 'Sri Lankan' a nationality
    words = folded_words(span)
    if r.place_heads.match(words):
        return True
    if r.org_heads.match(words):
        return False
    if len(span) == 1:
        return r.trust_ner
    content = [t for t in span if fold(t.text) not in r.particles and t.is_alpha]
    if not content or not all(t.is_title or t.is_upper for t in content):
        return False
    return r.trust_ner or content[0].text not in r.common


def after_office(r: EntityContext, doc: Doc, start: int) -> bool:
    """Is ``start`` right after a title and its link ('la consejera de la [Judicatura …]',
    'el secretario de [Marina …]')?"""
    first = max(0, start - 6)
    doc_words = [""] * first + folded_words(doc[first:start])
    link = start - 1
    if link >= 1 and doc_words[link] in r.definite_articles:
        link -= 1
    if link < 1 or doc_words[link] not in r.complement_links:
        return False
    return any(
        r.prefixes.match(doc_words[k:link]) == link - k for k in range(max(0, link - 3), link)
    )


def office_end(r: EntityContext, span: Span) -> int:
    """Where the office named after a title ends inside a run that goes on with the name:
    'Judicatura' in 'Judicatura Ana María Pérez', 'Seguridad Pública' in 'Seguridad Pública
    Rosa Icela Rodríguez' — one dictionary noun and the adjectives after it. A given name may
    be a noun too ('Norma', 'Rosa'), so only the first one is taken for the office."""
    if not r.common.exact(span[0].text):
        return span.start
    end = span.start + 1
    while end < span.end and r.common.is_adjective(span.doc[end].text):
        end += 1
    return end


def person_shaped(r: EntityContext, span: Span) -> bool:
    """'Laura Elena Torres Gómez' tagged as a place: three to five capitalised words with no
    particle, no place or organisation head and unknown to the gazetteer are a full Spanish
    name (given names and two surnames); places that long carry a head or a 'de'
    ('Ciudad de …', 'San Pedro Garza García' is in the gazetteer) or open like one ('San
    Juan Atepec'). A first word that is a common noun ('Museo', 'Cadete', but also 'Rosa')
    leaves the span to the other rules."""
    if r.language != "es" or not 3 <= len(span) <= 5:
        return False
    if not all(t.is_alpha and t.is_title for t in span):
        return False
    if any(fold(t.text) in r.particles for t in span) or r.gazetteer.lookup(span.text):
        return False
    if r.common.exact(span[0].text) or fold(span[0].text) in r.place_openers:
        return False  # 'Museo Casa …', 'Carretera San Ignacio', 'San Juan Atepec'
    if any(r.org_heads.match([fold(t.text)]) or fold(t.text) in r.org_tails for t in span):
        return False  # 'Wall Street Journal', 'Primer Regimiento de …'
    return plausible_name(r, span) and not any(r.gazetteer.lookup(t.text) for t in span[:1])


def glued_opener(r: EntityContext, token: Token) -> bool:
    """A word glued before a name that is not part of it: an adverb or a pronoun, a verb
    opening the sentence ('[Viajó de] Ciudad de México'), a preterite anywhere ('Habló Carmen
    Ruiz'). A verb tag inside a Spanish sentence is the tagger's guess at a
    given name ('Óscar')."""
    if r.dictionary.is_preterite(token.text) or fold(token.text) in r.opening_verbs:
        return True
    opening = token.is_sent_start or line_start(token)
    if opening and token.is_title and r.dictionary.is_present(token.text):
        return True  # 'Recibe Salvador Silva …'
    if token.pos_ == "VERB" and r.language == "es":
        return opening
    return token.pos_ in _NOT_NAME_VERBAL

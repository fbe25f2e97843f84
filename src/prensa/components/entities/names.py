"""Rules that find people by their titles: 'el canciller Marcelo Ebrard', 'Secretary of
Homeland Security Alejandro N. Mayorkas', 'Ned Price, Department Spokesperson', and transcript
speaker headers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from prensa.components.entities.context import EntityContext
from prensa.components.entities.plausible import (
    after_office,
    glued_opener,
    office_end,
    plausible_name,
)
from prensa.components.entities.words import namelike, tokens_among
from prensa.text import fold, folded_words, line_start
from prensa.titles import demonym_country

#: (position, length) of the titles of a document, found once for the rules that read them.
Spots = list[tuple[int, int]]


def titles(r: EntityContext, doc: Doc, words: list[str]) -> Iterator[tuple[int, int]]:
    """(position, length) of each title that starts a phrase ('el canciller', 'Secretary',
    'Mexican Under Secretary')."""
    for i in range(len(doc)):
        n = r.prefixes.match(words[i : i + 5])
        if not n:
            continue
        if (
            i
            and doc[i - 1].is_title
            and words[i - 1] not in ("el", "la", "the")
            and not demonym_country(doc[i - 1].text, r.language)  # type: ignore[arg-type]
        ):
            continue  # inside a longer capitalised phrase
        yield i, n


def titled_names(
    r: EntityContext, doc: Doc, words: list[str], spots: Spots | None = None
) -> list[Span]:
    """'Spokesperson Ned Price', 'el canciller Marcelo Ebrard': a title then a name. A title in
    capitals is a transcript header's ('…, AUTORIDAD INDÍGENA DE TABASCO:'): what follows it is
    its complement, and the speaker rule reads those lines."""
    spans: list[Span] = []
    for i, n in spots if spots is not None else titles(r, doc, words):
        letters = [c for c in doc[i : i + n].text if c.isalpha()]
        if len(letters) > 2 and all(c.isupper() for c in letters):
            continue  # a header's title; 'Lic.' or 'C.P.' is none: letters decide, not tokens
        start = i + n
        while start < len(doc) - 1 and (more := r.prefixes.match(words[start : start + 5])):
            start += more  # 'Minister Dr. Ana Ruiz': an honorific after the title
        end = name_after(r, doc, start)
        if end == start or end - start > 5:
            continue
        name = doc[start:end]
        if plausible_name(r, name, after_title=True):
            spans.append(Span(doc, start, end, label=r.labels["person"]))
    return spans


def name_after(r: EntityContext, doc: Doc, start: int) -> int:
    """End of a capitalised name starting at ``start`` ('Ned Price', 'Wendy R. Sherman')."""
    end = start
    while end < len(doc):
        token = doc[end]
        if token.is_title or (token.is_upper and token.is_alpha and len(token) > 1):
            end += 1
        elif len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".":
            end += 1  # an initial
        elif token.lower_ in r.particles and end > start:
            # 'de la Fuente': particles count only when a capitalised word follows them.
            nxt = end
            while nxt < len(doc) and doc[nxt].lower_ in r.particles:
                nxt += 1
            if nxt < len(doc) and doc[nxt].is_title and nxt - end <= 2:
                end = nxt
            else:
                break
        else:
            break
    while end > start and (
        doc[end - 1].lower_ in r.particles
        or doc[end - 1].is_punct
        or (doc[end - 1].is_upper and fold(doc[end - 1].text) in r.postnominals)
    ):
        end -= 1  # 'Jane Doe MP': post-nominal letters are not the name
    return end


def complement_names(
    r: EntityContext, doc: Doc, words: list[str], spots: Spots | None = None
) -> list[Span]:
    """A title with a complement, then the name: 'Secretary of Homeland Security Alejandro
    N. Mayorkas', 'El secretario de Desarrollo Agrario, Territorial y Urbano, Román Meyer'."""
    spans: list[Span] = []
    for i, n in spots if spots is not None else titles(r, doc, words):
        if i + n >= len(doc) or words[i + n] not in r.complement_links:
            continue
        end = next_title(
            r, doc, words, i + n + 1, capitalised_run(r, doc, i + n + 1, commas=True, limit=20)
        )
        name = trailing_name(r, doc, i + n + 1, end)
        if name is not None and plausible_name(r, name, after_title=True):
            spans.append(Span(doc, name.start, name.end, label=r.labels["person"]))
    return spans


def after_list_item(r: EntityContext, doc: Doc, begin: int, end: int) -> int:
    """'…, Refugees, and Migration Julieta Noyes': after ', and' the last item of a title's
    complement may come before the name; its dictionary words are skipped."""
    if begin < 2 or doc[begin - 1].lower_ not in ("and", "y") or doc[begin - 2].text != ",":
        return begin
    while end - begin > 2 and r.dictionary.exact(doc[begin].text):
        begin += 1
    return begin


def next_title(r: EntityContext, doc: Doc, words: list[str], start: int, end: int) -> int:
    """Where a second titled person begins inside a capitalised run ('… Human Rights Uzra
    Zeya and Acting Assistant Secretary for …'), else ``end``."""
    for k in range(start + 1, end):
        if doc[k - 1].lower_ in ("and", "y", ",") and (
            r.prefixes.match(words[k : k + 5])
            or r.prefixes.match(words[k + 1 : k + 6])  # 'Acting Assistant Secretary'
        ):
            return k - 1
    return end


def trailing_name(r: EntityContext, doc: Doc, start: int, end: int) -> Span | None:
    """The name closing a title's complement: after its last comma, else the longest tail of
    non-dictionary words (a surname may be one: 'Heide Fulton')."""
    if end - start < 3:
        return None
    commas = [t.i for t in doc[start:end] if t.text == ","]
    if commas:
        begin = commas[-1] + 1
        if doc[begin].lower_ in ("and", "y"):
            begin = after_list_item(r, doc, begin + 1, end)
        return doc[begin:end] if 2 <= end - begin <= 5 else None
    begin = end - 1
    while (
        begin - 1 > start
        and (doc[begin - 1].text not in r.dictionary or doc[begin - 1].text.endswith("."))
        and doc[begin - 1].lower_ not in r.connectors
    ):
        begin -= 1
    if end - begin < 2 or doc[begin].text in r.dictionary:
        return None
    return doc[begin:end]


#: How far a title's complement may run before the comma that opens the name.
_COMPLEMENT_WORDS = 12


def comma_names(
    r: EntityContext, doc: Doc, words: list[str], spots: Spots | None = None
) -> list[Span]:
    """'la nueva jueza de primera instancia en materia penal, Laura Torres Gómez', 'el
    auditor superior del Estado, José Plata': a title, its complement in any case, a comma and
    the name. The complement holds no verb and no other punctuation; after one, the comma
    ends a clause, not a title. English puts the name before such a title ('Ned Price,
    Department Spokesperson'): ``apposition_names``."""
    if r.language != "es":
        return []
    spans: list[Span] = []
    for i, n in spots if spots is not None else titles(r, doc, words):
        comma = None
        for token in doc[i + n : i + n + _COMPLEMENT_WORDS]:
            if token.text == ",":
                comma = token.i
                break
            if token.is_punct or token.pos_ in ("VERB", "AUX") or token.is_sent_start:
                break
        if comma is None:
            continue
        end = name_after(r, doc, comma + 1)
        if not 2 <= end - comma - 1 <= 5:
            continue
        name = doc[comma + 1 : end]
        if plausible_name(r, name, after_title=True) and not r.prefixes.match(words[comma + 1 :]):
            spans.append(Span(doc, name.start, name.end, label=r.labels["person"]))
    return spans


def apposition_names(r: EntityContext, doc: Doc, words: list[str]) -> list[Span]:
    """'Ned Price, Department Spokesperson': a capitalised name, a comma, then a title."""
    spans: list[Span] = []
    for i in tokens_among(doc, frozenset({doc.vocab.strings.add(",")})):
        comma = doc[i]
        if i < 2:
            continue
        after = comma.i + 1 + r.articles.match(words[comma.i + 1 : comma.i + 2])
        title_words = words[after : after + 6]
        if not (r.prefixes.match(title_words) or r.prefixes.match(title_words[1:])):
            continue
        start = comma.i
        while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in r.particles):
            start -= 1
        while start < comma.i and (doc[start].lower_ in r.particles or glued_opener(r, doc[start])):
            start += 1  # 'Intervino Rocío Zamora, comisionada …': the verb is no name
        start = after_list_item(r, doc, start, comma.i)
        if start and doc[start - 1].lower_ in r.complement_links:
            # '… for International Affairs Serena Hoy, …': the complement ends the title.
            while comma.i - start > 2 and r.dictionary.exact(doc[start].text):
                start += 1
        elif after_office(r, doc, start) and comma.i - start > 2:
            # 'la consejera de la Judicatura Ana María Pérez, …': the office comes first.
            start = office_end(r, doc[start : comma.i])
        if not (2 <= comma.i - start <= 5):
            continue
        name = doc[start : comma.i]
        if fold(name[-1].text) in r.org_tails:
            # '… the Criminal Division, U.S. Attorney …', 'Según el Wall Street Journal, el
            # presidente …': a body's name ends so
            continue
        if plausible_name(r, name) and not r.prefixes.match(folded_words(name)):
            spans.append(Span(doc, start, comma.i, label=r.labels["person"]))
    return spans


_LINE_BREAK = re.compile(r"\n\s*")


def _line_starts(doc: Doc) -> list[Token]:
    """The first token of every line, found from the line breaks of the text (a transcript has
    tens of thousands of tokens and a few hundred lines)."""
    text = doc.text  # not cached on the Doc: pieces of a long text are merged after this
    breaks = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
    offsets = doc.to_array(IDX)
    found = numpy.unique(numpy.searchsorted(offsets, breaks)).tolist()
    return [doc[i] for i in found if i < len(doc) and line_start(doc[i])]


def speaker_headers(r: EntityContext, doc: Doc) -> list[Span]:
    """'MARÍA GUADALUPE ISLAS MORALES, AUTORIDAD …:' at a line start: the name is a person."""
    spans: list[Span] = []
    for token in _line_starts(doc):
        end = token.i
        while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end >= len(doc) or doc[end].text not in (",", ":") or end - token.i < 2:
            continue
        words = folded_words(doc[token.i : end])
        skip = r.prefixes.match(words)
        if skip and skip < len(words) and words[skip] in r.complement_links:
            # 'GOBERNADOR DE COAHUILA, MANOLO JIMÉNEZ SALINAS:' — the name follows the title.
            after = end + 1
            name_end = after
            while name_end < len(doc) and doc[name_end].is_upper and doc[name_end].is_alpha:
                name_end += 1
            if name_end - after >= 2 and name_end < len(doc) and doc[name_end].text in ",:":
                spans.append(Span(doc, after, name_end, label=r.labels["person"]))
            continue
        if end - (token.i + skip) >= 2 and words[skip] not in r.not_names:
            spans.append(Span(doc, token.i + skip, end, label=r.labels["person"]))
    return spans


def capitalised_run(
    r: EntityContext, doc: Doc, start: int, *, commas: bool, limit: int = 12
) -> int:
    """End of a run of capitalised words and the connectors between them."""
    end = start
    while end < len(doc) and end - start < limit:
        token = doc[end]
        joins = token.lower_ in r.connectors or (commas and token.text == ",")
        followed = end + 1 < len(doc) and (
            doc[end + 1].is_title or doc[end + 1].lower_ in r.connectors
        )
        if not (namelike(token) or (joins and followed)):
            break
        end += 1
    while end > start and (doc[end - 1].lower_ in r.connectors or doc[end - 1].is_punct):
        end -= 1
    return end

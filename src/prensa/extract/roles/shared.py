"""A plural title shared out over several names, in order: "los secretarios de Marina y de la
Defensa Nacional, X y Y", "los próximos titulares de Sedena, X; de Semar, Y"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from prensa import titles
from prensa.extract.roles.before import inside_complement, organization_after
from prensa.extract.roles.grammar import Reader, opens_name
from prensa.extract.roles.view import Found
from prensa.records import Language


def shared_titles(reader: Reader) -> Iterator[Found]:
    """A title shared out over several names, in order.

    'los secretarios de Marina y de la Defensa Nacional, X y Y' (complements, then names),
    'los próximos titulares de Sedena, X; de Semar, Y' and 'el secretario de la Defensa Nacional,
    X y de la Marina, Y' (complement and name in turn), 'los presidentes X y Y' (no complement).
    """
    for p in range(len(reader.doc)):
        form = reader.title_at(p)
        if form is None or inside_complement(reader, p):
            continue
        n, title_form = form
        head_end = reader.modifiers_after(p + n, len(reader.doc))
        start = p
        while (
            start > 0
            and (m := titles.match_modifier(reader.words, start - 1, reader.language))
            and not (reader.language == "es" and m[1].modifier.after("es"))
        ):
            start -= 1
        lead = reader.doc[start:head_end].text
        pairs = list(_listed(reader, head_end)) if title_form.plural else []
        if not pairs:
            pairs = list(_in_turn(reader, head_end))
            if not title_form.plural:
                pairs = pairs[1:]  # the first pair is an ordinary introduction
        # 'Trial Attorneys X and Y of the Fraud Section': the body after the list is theirs
        after = organization_after(reader, pairs[-1][1][0]) if title_form.plural and pairs else ()
        for (c_start, c_end), (name, pid) in pairs:
            complement = reader.doc[c_start:c_end].text if c_end > c_start else ""
            text = _singular(lead, title_form, reader.language) + (
                " " + complement if complement else ""
            )
            yield Found(
                pid,
                name,
                start,
                max(c_end, head_end),
                " ".join(text.split()),
                organizations=reader.organizations_in(c_start, c_end),
                context_organization=after[0] if after and c_end == c_start else None,
            )


def _singular(lead: str, form: titles.TitleForm, language: Language) -> str:
    """'los próximos titulares' → 'próximo titular': modifiers and head in the singular."""
    out: list[str] = []
    tokens = titles.tokenize(lead)
    keys = [titles.key(t) for t in tokens]
    i = 0
    while i < len(tokens):
        if keys[i] in titles.articles():
            i += 1
            continue
        head = titles.match_title(keys, i, language)
        if head and head[1].entry.id == form.entry.id:
            out.append(head[1].form)
            i += head[0]
            continue
        mod = titles.match_modifier(keys, i, language)
        if mod:
            out.append(mod[1].form if mod[1].plural else " ".join(tokens[i : i + mod[0]]))
            i += mod[0]
            continue
        out.append(tokens[i])
        i += 1
    return " ".join(out)


def _complement_segments(reader: Reader, j: int) -> tuple[list[tuple[int, int]], int]:
    """'de Marina y de la Defensa Nacional' → the two complements, and where they end."""
    segments: list[tuple[int, int]] = []
    limit = len(reader.doc)
    while j < limit:
        prep = titles.match_preposition(reader.words, j, reader.language)
        if not prep:
            break
        end = reader.noun_phrase(j + prep[0], limit)
        if end == j + prep[0]:
            break
        segments.append((j, end))
        j = end
        if (
            j + 1 < limit
            and (reader.words[j] == "," or reader.words[j] in titles.and_words())
            and titles.match_preposition(reader.words, j + 1, reader.language)
        ):
            j += 1
            continue
        break
    return segments, j


def _names_list(reader: Reader, j: int) -> list[tuple[Span, str]]:
    """'X, Y y Z': person mentions separated by commas and a final conjunction."""
    names: list[tuple[Span, str]] = []
    j = _before_name(reader, j)
    while j in reader.person_starts:
        span, pid = reader.person_starts[j]
        names.append((span, pid))
        j = span.end
        if j < len(reader.doc) and reader.words[j] == ",":
            j += 1
        if j < len(reader.doc) and reader.words[j] in titles.and_words():
            j += 1
        j = _before_name(reader, j)
    return names


def _before_name(reader: Reader, j: int) -> int:
    """Past an article and honorifics that open a listed name: 'la Mtra. X, el Lic. Y'."""
    return opens_name(reader, j) or j


def _listed(reader: Reader, j: int) -> Iterator[tuple[tuple[int, int], tuple[Span, str]]]:
    segments, end = _complement_segments(reader, j)
    if end < len(reader.doc) and reader.words[end] in (",", ":"):
        end += 1  # 'los integrantes del Consejo de la Judicatura: X, Y y Z'
    names = _names_list(reader, end)
    if len(names) < 2:
        return
    if not segments:
        yield from (((j, j), name) for name in names)
    elif len(segments) == len(names):
        yield from zip(segments, names, strict=True)
    elif len(segments) == 1:  # 'las magistradas de la Sala Penal, X y Y': one body for all
        yield from ((segments[0], name) for name in names)


def _in_turn(reader: Reader, j: int) -> Iterator[tuple[tuple[int, int], tuple[Span, str]]]:
    limit = len(reader.doc)
    while j < limit:
        prep = titles.match_preposition(reader.words, j, reader.language)
        if not prep or reader.starts_title(j + prep[0]):
            return  # '…, X y por la titular de …, Y': a title of its own, not a complement
        end = reader.noun_phrase(j + prep[0], limit)
        if end == j + prep[0] or end + 1 >= limit or reader.words[end] != ",":
            return
        if end + 1 not in reader.person_starts:
            return
        span, pid = reader.person_starts[end + 1]
        yield (j, end), (span, pid)
        k = span.end
        while k < limit and (
            reader.words[k] in (",", ";", "así", "como") or reader.words[k] in titles.and_words()
        ):
            k += 1
        j = k

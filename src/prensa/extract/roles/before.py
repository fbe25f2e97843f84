"""Titles before a name: "el canciller Juan Ramón de la Fuente", "Mexican Foreign Secretary
Marcelo Ebrard" (the nationality is context), a rank and an office together, and an introduction
("El secretario de Desarrollo Agrario, Territorial y Urbano, Román Meyer Falcón")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span

from prensa import titles
from prensa.extract.roles.grammar import Reader
from prensa.extract.roles.portfolios import portfolio_before
from prensa.extract.roles.standing import stands_in_for
from prensa.extract.roles.view import MAX_TITLE, Found
from prensa.labels import ORG_LABELS, PLACE_LABELS


def _honorifics_before(reader: Reader, end: int) -> int:
    """Start of the honorifics right before ``end`` ('el licenciado', 'Dr.', 'Doctora,'),
    else ``end``."""
    inner = end - 1 if end > 0 and reader.words[end - 1] == "," else end
    for n in (3, 2, 1):
        start = inner - n
        if start >= 0 and titles.match_honorific(reader.words, start, reader.language) == n:
            return start
    return end


def _title_ending_at(reader: Reader, end: int, floor: int) -> tuple[int, int] | None:
    """The title that ends exactly at ``end`` and starts at or after ``floor``: (start, head).

    Of the candidates, the one whose head is nearest the end wins, unless a longer head covers
    it ("Brigadier General", not "General"); a head inside another title's complement ("to the
    President") does not start one.
    """
    best: tuple[int, int] | None = None
    for p in range(end - 1, max(floor, end - MAX_TITLE) - 1, -1):
        head = reader.title_at(p)
        if head is None:
            continue
        if best is not None and p + head[0] <= best[1]:
            if not _follows_heads(reader, best[1]):
                break
            # 'contralor general', 'Visitadora Judicial General': the later head is a word
            # that also qualifies an earlier one, which wins if its title reaches the end
            if not inside_complement(reader, p) and reader.title_end(p, end) == end:
                best = (p, p)
            continue
        if inside_complement(reader, p):
            continue
        if reader.title_end(p, end) == end:
            best = (p, p)
    if best is None:
        return None
    start = best[0]
    while start > floor:  # modifiers before the head: 'Acting', 'Deputy', 'próximo'
        found = next(
            (
                n
                for n in (2, 1)
                if start - n >= floor
                and (m := titles.match_modifier(reader.words, start - n, reader.language))
                and m[0] == n
                and not (reader.language == "es" and m[1].modifier.after("es"))
            ),
            0,
        )
        if not found:
            break
        start -= found
    first = portfolio_before(reader, start, floor)
    if first < start and context_before(reader, start)[0] < first:
        first = start  # 'Dominican Republic Foreign Minister': a country, not a portfolio
    return first, best[1]


def _follows_heads(reader: Reader, i: int) -> bool:
    """Is the word at ``i`` one that qualifies a Spanish head after it ('general', 'presidente')?"""
    mod = titles.match_modifier(reader.words, i, reader.language)
    return reader.language == "es" and mod is not None and mod[1].modifier.after("es")


def inside_complement(reader: Reader, p: int) -> bool:
    """Is the head at ``p`` inside an earlier title's complement ('… to the President',
    'secretaria técnica de la Secretaría Ejecutiva')?"""
    i = p - 1
    while i >= 0 and reader.words[i] in titles.articles():
        i -= 1
    if i < 0 or not any(
        (prep := titles.match_preposition(reader.words, k, reader.language))
        and k + prep[0] in (i + 1, p)  # 'de' then 'la', or 'de la' read as one
        for k in range(max(0, i - 1), i + 1)
    ):
        return False
    return any(
        reader.title_at(h) is not None and reader.title_end(h) > p
        for h in range(i - 1, max(-1, p - MAX_TITLE), -1)
    )


def context_before(reader: Reader, start: int) -> tuple[int, str | None, tuple[str, ...]]:
    """What stands right before a title: a nationality or country ('Mexican', 'Spain’s',
    'Republic of Korea') or an organisation ('State Department', 'DHS', 'EU'). Returns where
    the context starts, the country and the organisation names."""
    i = start
    if i > 0 and titles.is_possessive(reader.doc[i - 1].text, reader.language):
        antecedent = _antecedent(reader, i - 1)
        return start, None, (antecedent,) if antecedent else ()
    if i > 0 and reader.words[i - 1] in ("'s", "’s"):
        i -= 1
    ent = reader.entity_at.get(i - 1) if i > 0 else None
    if ent is not None and ent.end == i and ent.label_ in ORG_LABELS:
        org = titles.find_organization(ent.text)
        country = org.country if org else None
        return ent.start, country, (ent.text,)
    for n in (3, 2, 1):
        if i - n < 0 or any(t.is_punct or t.is_space for t in reader.doc[i - n : i]):
            continue
        text = reader.doc[i - n : i].text
        dem = titles.demonym_country(text, reader.language)
        if dem:
            return i - n, dem, ()
        org = titles.find_organization(text, allow_short=False)
        if org is not None:
            return i - n, org.country, (text,)
        place = titles.find_place(text)
        if place is not None and place.kind == "country" and reader.capitalised(reader.doc[i - n]):
            return i - n, place.country_code, ()
    return start, None, ()


def _antecedent(reader: Reader, possessive: int) -> str | None:
    """The organisation a possessive refers back to: the last one named before it in the
    sentence ('Por parte del Instituto X, asistió su comisionada presidenta')."""
    sent_start = reader.doc[possessive].sent.start
    for k in range(possessive - 1, sent_start - 1, -1):
        ent = reader.entity_at.get(k)
        if ent is not None and ent.end == k + 1 and ent.label_ in ORG_LABELS:
            return ent.text
        if k in reader.in_names:
            return None  # 'la senadora X y su asesor': the person's, not a body's
    return None


def _country_after(reader: Reader, name: Span) -> str | None:
    """'President Carlos Alvarado Quesada of Costa Rica', 'el presidente Lula, de Brasil'."""
    j = name.end
    if j < len(reader.doc) and reader.words[j] == ",":
        j += 1
    if j >= len(reader.doc) or reader.words[j] not in ("of", "de", "del"):
        return None
    ent = reader.entity_at.get(j + 1) or reader.entity_at.get(j + 2)
    if ent is None or ent.label_ not in PLACE_LABELS:
        return None
    place = titles.find_place(ent.text)
    return place.country_code if place is not None and place.kind == "country" else None


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def organization_after(reader: Reader, name: Span) -> tuple[str, ...]:
    """'Trial Attorney Jane Roe of the Fraud Section', 'Assistant Attorney General X, Jr. of
    the Justice Department's Criminal Division': in English the body a title before the name
    is of may follow the name (the last of a possessive chain)."""
    if reader.language != "en":
        return ()
    doc, j = reader.doc, name.end
    while j < len(doc) and reader.words[j].rstrip(".") in (",", *_SUFFIXES):
        j += 1
    if j >= len(doc) or reader.words[j] != "of":
        return ()
    j += 1
    if j < len(doc) and reader.words[j] == "the":
        j += 1
    found: str | None = None
    while (ent := reader.entity_at.get(j)) is not None and ent.start == j:
        if ent.label_ not in ORG_LABELS:
            break
        found, j = ent.text, ent.end
        if j < len(doc) and reader.words[j] in ("'s", "’s"):
            j += 1
            continue
        break
    return (found,) if found else ()


def complement_after(reader: Reader, name: Span) -> tuple[int, int] | None:
    """'U.S. Attorney Damian Williams for the Southern District of New York': in English the
    complement of a title written before the name may follow the name, opened by 'for the' and
    a capital. It must end the clause ('… announced', '… and', a comma), or it is the
    sentence's ('thanked Minister X for the Government's support'); a country after it is
    whom the person speaks for ('Minister X for Canada'), not the office's."""
    doc, j = reader.doc, name.end
    if reader.language != "en" or j + 2 >= len(doc) or reader.breaks_before(j):
        return None
    if reader.words[j : j + 2] != ["for", "the"] or not reader.capitalised(doc[j + 2]):
        return None
    comma = next((k for k in range(j, len(doc)) if reader.words[k] == ","), len(doc))
    end = reader.complement(j, comma)
    if end <= j + 2 or reader.words[end - 1] in ("'s", "’s"):
        return None
    place = titles.find_place(doc[j + 2 : end].text)
    if place is not None and place.kind == "country":
        return None
    if end < len(doc) and not reader.breaks_before(end):
        token = doc[end]
        if not (
            token.is_punct
            or token.pos_ in ("VERB", "AUX")
            or reader.words[end] in titles.and_words()
            or end in reader.person_starts
        ):
            return None
    return j, end


def _with_complement(reader: Reader, found: Found, complement: tuple[int, int]) -> Found:
    """The title before the name and its complement after it, as one title."""
    start, end = complement
    return replace(
        found,
        end=end,
        text=f"{found.text} {reader.written(start, end)}",
        organizations=found.organizations + reader.organizations_in(start, end),
        places=found.places + reader.entities_in(start, end, PLACE_LABELS),
    )


def titles_before(reader: Reader, name: Span, pid: str) -> Iterator[Found]:
    """Titles right before the name, and an introduction before those ('TITLE, NAME')."""
    floor = reader.line_start(name.start)
    end = _honorifics_before(reader, name.start)
    after_country = _country_after(reader, name)
    after_org = organization_after(reader, name)
    after_complement = complement_after(reader, name)
    previous_rank: bool | None = None
    bare = False  # the last title is one word: 'el Presidente del Poder Judicial, magistrado X'
    while end > floor:
        found = _title_ending_at(reader, end, floor)
        if found is None:
            break
        start, head = found
        if _is_plural(reader, head):
            break  # a title shared by several names is read by shared_titles
        is_rank = _is_rank(reader, head)
        if previous_rank is not None and not (previous_rank or is_rank):
            break  # two titles in a row only when one is a rank: 'almirante secretario de Marina'
        if _continues_organization(reader, start, end, name):
            break
        before = _honorifics_before(reader, start)
        chained = _title_ending_at(reader, before, floor) if before > floor else None
        if chained is not None and (is_rank or _is_rank(reader, chained[1])):
            context_start, country, orgs = start, None, ()
        else:
            context_start, country, orgs = context_before(reader, start)
        here = reader.found(pid, name, start, end, country or after_country, orgs or after_org)
        if after_complement is not None and previous_rank is None:
            here = _with_complement(reader, here, after_complement)
        yield here
        if context_start != start:
            return
        previous_rank = is_rank
        bare = end - start == 1
        end = before
    # 'el secretario de Marina, almirante X', 'el Presidente del Poder Judicial, magistrado X':
    # an introduction before a rank or a one-word office
    if previous_rank is not False or bare:
        yield from _introduction(reader, name, pid, end, floor, after_country)
    elif _opens_introduction(reader, end, floor):
        # 'The head of the FDFA, Federal Councillor X': in English an office, then the title
        yield from _introduction(reader, name, pid, end, floor, after_country)


def _opens_introduction(reader: Reader, end: int, floor: int) -> bool:
    """An English title before a comma that opens its clause: after an article, a
    punctuation mark or the start of the line ('The head of the FDFA, Federal Councillor
    X', 'Minister for Foreign Affairs, Senator Y')."""
    if reader.language != "en" or end - 1 <= floor or reader.words[end - 1] != ",":
        return False
    found = _title_ending_at(reader, end - 1, floor)
    if found is None:
        return False
    k = found[0] - 1
    while k >= floor and reader.words[k] in titles.articles():
        k -= 1
    return k < floor or (reader.doc[k].is_punct and reader.words[k] != ",")


def _after_relation(reader: Reader, start: int) -> bool:
    """'la esposa del presidente …, Beatriz Gutiérrez': the title is the relative's; 'en
    representación del gobernador, X': the one X stands in for."""
    i = start - 1
    while i >= 0 and reader.words[i] in titles.articles():
        i -= 1
    if i < 1 or not titles.match_preposition(reader.words, i, reader.language):
        return False
    if stands_in_for(reader, i):
        return True  # 'en representación del gobernador, X'
    j = i - 1
    while j >= 0 and reader.words[j] in titles.articles():
        j -= 1
    return j >= 0 and titles.is_relation(reader.doc[j].text, reader.language)


def _is_plural(reader: Reader, head: int) -> bool:
    form = reader.title_at(head)
    return form is not None and form[1].plural


def _is_rank(reader: Reader, head: int) -> bool:
    form = reader.title_at(head)
    return form is not None and form[1].entry.kind == "rank"


def _continues_organization(reader: Reader, start: int, end: int, name: Span) -> bool:
    """'el director del Centro de Derechos Humanos Miguel Agustín Pro Juárez': a name straight
    after an institution's name is part of it, not the holder of the title."""
    if reader.language != "es" or end != name.start:
        return False
    starts = [
        k + prep[0]
        for k in range(start, end)
        if (prep := titles.match_preposition(reader.words, k, reader.language))
    ]
    return any(titles.is_organization_head(reader.doc[k].text) for k in starts if k < end)


def _introduction(
    reader: Reader, name: Span, pid: str, end: int, floor: int, after_country: str | None
) -> Iterator[Found]:
    """'El secretario de Desarrollo Agrario, Territorial y Urbano, Román Meyer Falcón'."""
    comma = end - 1
    if comma <= floor or reader.words[comma] != ",":
        return
    title_end = comma
    if comma - 3 > floor and reader.words[comma - 1] == ")" and reader.words[comma - 3] == "(":
        title_end = comma - 3  # 'integrante del Grupo … (GIEI), Francisco Cox'
    found = _title_ending_at(reader, title_end, floor)
    if found is None:
        return
    start, head = found
    if _is_plural(reader, head) or _after_relation(reader, start):
        return
    previous = start - 1
    if (
        previous > floor
        and reader.language == "es"
        and reader.capitalised(reader.doc[previous])
        and reader.words[previous] not in titles.name_links()
    ):
        return  # 'Secretaría de …, Name': the title is part of a longer name
    _, country, orgs = context_before(reader, start)
    yield reader.found(pid, name, start, title_end, country or after_country, orgs)
    # 'Almirante secretario de Marina, José Rafael Ojeda Durán': the rank is a role too
    rank_end = _honorifics_before(reader, start)
    rank = _title_ending_at(reader, rank_end, floor) if rank_end > floor else None
    if rank is not None and (_is_rank(reader, rank[1]) or _is_rank(reader, head)):
        yield Found(pid, name, rank[0], rank_end, reader.written(rank[0], rank_end))

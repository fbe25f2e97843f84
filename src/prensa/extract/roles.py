"""Roles: the titles a release gives the people it names, one per person and office.

Titles are looked for around each person mention, in the shapes releases write them:

- before the name: "el canciller Juan Ramón de la Fuente", "Secretary of State Antony Blinken",
  "Mexican Foreign Secretary Marcelo Ebrard" (the nationality sets the country), a rank and a
  title together ("Director of Policy and Plans for U.S. Southern Command Brigadier General Rick
  Uribe" is two roles);
- an introduction: "El secretario de Desarrollo Agrario, Territorial y Urbano, Román Meyer Falcón";
- an apposition, coordinated titles split: "Roberto Velasco, subsecretario para América del Norte
  y encargado de despacho de la SRE"; a signature line under the name; a transcript header
  "MARÍA ISLAS MORALES, AUTORIDAD INDÍGENA NÁHUATL DE TABASCO:";
- a copula or "en su carácter de": "Adán va a ser el próximo secretario de Gobernación";
- a plural title shared out in order: "los secretarios de Marina y de la Defensa Nacional, José
  Rafael Ojeda Durán y Luis Cresencio Sandoval", "los próximos titulares de Sedena, X; de Semar, Y".

What a title is made of (heads, modifiers, nationalities, prepositions) comes from the lexicon in
``models/titles.yaml``; ``prensa.titles`` normalises each title into both languages with its
organisation and country. A person keeps one role per office: the longest way it was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from prensa import titles
from prensa.context import DocContext
from prensa.extract.spans import doc_text, evidence
from prensa.ids import entity_id, stable_id
from prensa.labels import ORG_LABELS, PLACE_LABELS
from prensa.records import Language, Mention, Person, Role
from prensa.text import fold

#: Longest title read, in tokens; longer runs are prose, not titles.
MAX_TITLE = 24
_STEM = 5
_BOUNDARY_PUNCT = frozenset({".", ";", ":", "(", ")", "!", "?", "¿", "¡", "“", "”", '"', "«", "»"})
#: Small words inside a complement's noun phrase: 'Derechos Humanos de La Montaña'.
_NP_LINKS = frozenset({"de", "del", "la", "las", "los", "el", "of", "the", "for", "and", "y", "e"})


@dataclass(frozen=True)
class _Found:
    """A title found next to a person mention, before normalisation."""

    person_id: str
    name: Span
    start: int
    end: int
    text: str
    country: str | None = None
    organizations: tuple[str, ...] = ()
    context_organization: str | None = None


@dataclass(frozen=True)
class _Reader:
    """One document's tokens, folded, with where people are: shared by every pattern."""

    doc: Doc
    language: Language
    words: list[str]
    person_starts: dict[int, tuple[Span, str]]
    in_names: frozenset[int]
    entity_at: dict[int, Span] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, language: Language, people: list[tuple[Span, str]]) -> _Reader:
        starts = {span.start: (span, pid) for span, pid in people}
        in_names = frozenset(i for span, _ in people for i in range(span.start, span.end))
        entity_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        words = [titles.key(t.text) for t in doc]
        return cls(doc, language, words, starts, in_names, entity_at)

    # --- token tests --------------------------------------------------------------------------

    def line_start(self, i: int) -> int:
        while i > 0 and not self.breaks_before(i):
            i -= 1
        return i

    def breaks_before(self, i: int) -> bool:
        """A line break between token ``i - 1`` and token ``i``."""
        if i <= 0 or i >= len(self.doc):
            return True
        here, prev = self.doc[i], self.doc[i - 1]
        return any(
            "\n" in text
            for text in (
                prev.whitespace_,
                prev.text if prev.is_space else "",
                here.text if here.is_space else "",
            )
        )

    def capitalised(self, token: Token) -> bool:
        text = token.text
        return bool(text) and (text[0].isupper() or text[0].isdigit())

    def title_at(self, i: int) -> tuple[int, titles.TitleForm] | None:
        """The title form starting at token ``i``; never a word of a name ('Bernardo Reyes')."""
        if i >= len(self.doc) or self.doc[i].is_space or i in self.in_names:
            return None
        return titles.match_title(self.words, i, self.language, self.doc[i].text)

    def starts_title(self, i: int) -> bool:
        """A title (maybe after an article and modifiers) starts at ``i``."""
        i = self.skip_articles(i)
        for _ in range(4):
            if self.title_at(i):
                return True
            mod = titles.match_modifier(self.words, i, self.language)
            if not mod:
                return False
            i += mod[0]
        return False

    def skip_articles(self, i: int) -> int:
        while i < len(self.doc) and self.words[i] in titles.ARTICLES:
            i += 1
        return i

    # --- the title grammar ----------------------------------------------------------------------

    def title_end(self, i: int, limit: int | None = None) -> int:
        """End of the title starting at ``i`` (modifiers, head, modifiers, complement), 0 if
        none starts there. Never runs past ``limit``, a line break or a person's name."""
        limit = min(len(self.doc), limit if limit is not None else len(self.doc), i + MAX_TITLE)
        j = i
        while j < limit and not self.title_at(j):
            mod = titles.match_modifier(self.words, j, self.language)
            if not mod or (mod[1].modifier.after(self.language) and self.language == "es"):
                return 0
            j += mod[0]
        head = self.title_at(j) if j < limit else None
        if head is None or j + head[0] > limit:
            return 0
        j += head[0]
        j = self.modifiers_after(j, limit)
        return self._complement(j, limit)

    def modifiers_after(self, j: int, limit: int) -> int:
        while j < limit and not self.breaks_before(j) and j not in self.person_starts:
            if self.words[j] == "-" and j + 1 < limit and self.words[j + 1] == "elect":
                j += 2
                continue
            mod = titles.match_modifier(self.words, j, self.language)
            if mod and (self.language == "es" or mod[1].modifier.after(self.language)):
                j += mod[0]
                continue
            dem = titles.match_demonym(self.words, j, self.language)
            if dem and self.language == "es":
                j += dem[0]
                continue
            token = self.doc[j]
            if self.language == "es" and token.pos_ == "ADJ" and token.is_lower and j + 1 < limit:
                nxt = self.words[j + 1]
                if titles.match_preposition(self.words, j + 1, self.language) or nxt in (",", "."):
                    j += 1
                    continue
            break
        return j

    def _complement(self, j: int, limit: int) -> int:
        """Consume ``(preposition noun-phrase)*`` with the joins complements use."""
        end = j
        while j < limit and not self.breaks_before(j) and j not in self.person_starts:
            prep = titles.match_preposition(self.words, j, self.language)
            if prep:
                np_end = self.noun_phrase(j + prep[0], limit)
                if np_end == j + prep[0]:
                    break
                j = end = self._status_after(np_end, limit)
                continue
            if end == j and j > 0 and self._joins_complement(j, limit):
                j += 1 + (self.words[j + 1] in ("and", "y") if j + 1 < limit else 0)
                np_end = self.noun_phrase(j, limit)
                if np_end == j:
                    break
                j = end = np_end
                continue
            break
        return end

    def _status_after(self, j: int, limit: int) -> int:
        """'secretaria de Gobernación saliente': a status word after the complement."""
        if j < limit and self.language == "es" and not self.breaks_before(j):
            mod = titles.match_modifier(self.words, j, self.language)
            if mod and mod[1].modifier.status and mod[1].modifier.after(self.language):
                return j + mod[0]
        return j

    def _joins_complement(self, j: int, limit: int) -> bool:
        """A comma or 'y'/'and' that continues a complement ('Derechos Humanos, Población y
        Migración') rather than starting a new title or a new name."""
        word = self.words[j]
        if word not in (",", "y", "e", "and") or j + 1 >= limit:
            return False
        k = j + 1
        if word == "," and self.words[k] in ("and", "y"):
            k += 1  # 'Population, Refugees, and Migration'; but not ', and the United States'
        elif word == ",":
            k = self.skip_articles(k)  # 'Latin America, the Caribbean and Spanish in the World'
        if k >= limit or self.breaks_before(k) or k in self.person_starts:
            return False
        if self.starts_title(k) or not self.capitalised(self.doc[k]):
            return False
        # 'Islas Marías, Nayarit', 'Población y Migración': a capitalised continuation, unless
        # the model read what follows the comma as some other kind of name
        ent = self.entity_at.get(k)
        return word != "," or ent is None or ent.label_ in ORG_LABELS | PLACE_LABELS

    def noun_phrase(self, j: int, limit: int) -> int:
        """A complement's noun phrase: an optional article and lower-case noun ('del estado',
        'de despacho', 'para el caso'), then capitalised words, numbers and inner links."""
        start = j
        while j < limit and self.words[j] in titles.ARTICLES and not self.breaks_before(j):
            j += 1
        if j < limit and self._lower_noun(j):
            j += 1
        end = j if j > start and self._lower_noun(j - 1) else start
        institution = j < limit and titles.is_organization_head(self.doc[j].text)
        while j < limit and not self.breaks_before(j):
            token = self.doc[j]
            if j in self.person_starts and not (institution and end > start):
                break  # a name ends the title, unless it is part of an institution's name
            # in an upper-case header 'DE' is still a preposition, not a capitalised word
            header_link = token.is_upper and titles.is_function_word(token.text)
            capitalised = self.capitalised(token) and not token.is_punct and not header_link
            if capitalised or token.text in ("-", "’s", "'s"):
                j += 1
                end = j
                continue
            if self.words[j] in _NP_LINKS and j + 1 < limit and end > start:
                if self.words[j] in ("y", "e", "and") and titles.match_preposition(
                    self.words, j + 1, self.language
                ):
                    break  # 'de Marina y de la Defensa Nacional': two complements
                k = j
                while k < limit and self.words[k] in _NP_LINKS and k - j < 3:
                    k += 1
                if k < limit and self.capitalised(self.doc[k]) and k not in self.person_starts:
                    if self.words[j] in ("y", "e", "and") and self.starts_title(j + 1):
                        break
                    j = k
                    continue
            break
        return end

    def _lower_noun(self, j: int) -> bool:
        token = self.doc[j]
        return (
            token.is_alpha
            and token.is_lower
            and token.pos_ in ("NOUN", "PROPN", "ADJ")
            and self.words[j] not in _NP_LINKS
            and not titles.match_preposition(self.words, j, self.language)
        )

    # --- text ---------------------------------------------------------------------------------

    def written(self, start: int, end: int) -> str:
        """The title as written; an upper-case header takes the casing the release uses
        elsewhere for the same words, else sentence case."""
        text = " ".join(self.doc[start:end].text.split())
        if not text.isupper():
            return text
        pattern = re.compile(r"\s+".join(map(re.escape, text.split())), re.IGNORECASE)
        for found in pattern.finditer(doc_text(self.doc)):
            candidate = " ".join(found.group().split())
            if not candidate.isupper():
                return candidate
        return titles.restore_case(text, self.language)

    def found(
        self,
        pid: str,
        name: Span,
        start: int,
        end: int,
        country: str | None,
        context: tuple[str, ...],
    ) -> _Found:
        """The title at ``start:end`` as written, with the organisations it names and the
        first one of the text before it (``context``)."""
        return _Found(
            pid,
            name,
            start,
            end,
            self.written(start, end),
            country,
            self.organizations_in(start, end),
            context[0] if context else None,
        )

    def organizations_in(self, start: int, end: int) -> tuple[str, ...]:
        seen = {
            id(ent): ent.text
            for i in range(start, end)
            if (ent := self.entity_at.get(i)) is not None
            and ent.label_ in ORG_LABELS
            and ent.start >= start
            and ent.end <= end
        }
        return tuple(seen.values())


# --- patterns ---------------------------------------------------------------------------------


def _honorifics_before(reader: _Reader, end: int) -> int:
    """Start of the honorifics right before ``end`` ('el licenciado', 'Dr.'), else ``end``."""
    for n in (3, 2, 1):
        start = end - n
        if start >= 0 and titles.match_honorific(reader.words, start, reader.language) == n:
            return start
    return end


def _title_ending_at(reader: _Reader, end: int, floor: int) -> tuple[int, int] | None:
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
            break
        if _inside_complement(reader, p):
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
    return start, best[1]


def _inside_complement(reader: _Reader, p: int) -> bool:
    """Is the head at ``p`` inside an earlier title's complement ('… to the President')?"""
    i = p - 1
    while i >= 0 and reader.words[i] in titles.ARTICLES:
        i -= 1
    if i < 0 or not any(
        (prep := titles.match_preposition(reader.words, k, reader.language))
        and k + prep[0] == i + 1
        for k in range(max(0, i - 1), i + 1)
    ):
        return False
    return any(
        reader.title_at(h) is not None and reader.title_end(h) > p
        for h in range(i - 1, max(-1, p - MAX_TITLE), -1)
    )


def _context_before(reader: _Reader, start: int) -> tuple[int, str | None, tuple[str, ...]]:
    """What stands right before a title: a nationality or country ('Mexican', 'Spain’s',
    'Republic of Korea') or an organisation ('State Department', 'DHS', 'EU'). Returns where
    the context starts, the country and the organisation names."""
    i = start
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


def _country_after(reader: _Reader, name: Span) -> str | None:
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


def _before(reader: _Reader, name: Span, pid: str) -> Iterator[_Found]:
    """Titles right before the name, and an introduction before those ('TITLE, NAME')."""
    floor = reader.line_start(name.start)
    end = _honorifics_before(reader, name.start)
    after_country = _country_after(reader, name)
    previous_rank: bool | None = None
    while end > floor:
        found = _title_ending_at(reader, end, floor)
        if found is None:
            break
        start, head = found
        if _is_plural(reader, head):
            break  # a title shared by several names is read by _shared
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
            context_start, country, orgs = _context_before(reader, start)
        yield reader.found(pid, name, start, end, country or after_country, orgs)
        if context_start != start:
            return
        previous_rank = is_rank
        end = before
    if previous_rank is not False:  # 'el secretario de Marina, almirante X': only after ranks
        yield from _introduction(reader, name, pid, end, floor, after_country)


def _after_relation(reader: _Reader, start: int) -> bool:
    """'la esposa del presidente …, Beatriz Gutiérrez': the title is the relative's."""
    i = start - 1
    while i >= 0 and reader.words[i] in titles.ARTICLES:
        i -= 1
    if i < 1 or not titles.match_preposition(reader.words, i, reader.language):
        return False
    j = i - 1
    while j >= 0 and reader.words[j] in titles.ARTICLES:
        j -= 1
    return j >= 0 and titles.is_relation(reader.doc[j].text, reader.language)


def _is_plural(reader: _Reader, head: int) -> bool:
    form = reader.title_at(head)
    return form is not None and form[1].plural


def _is_rank(reader: _Reader, head: int) -> bool:
    form = reader.title_at(head)
    return form is not None and form[1].entry.kind == "rank"


def _continues_organization(reader: _Reader, start: int, end: int, name: Span) -> bool:
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
    reader: _Reader, name: Span, pid: str, end: int, floor: int, after_country: str | None
) -> Iterator[_Found]:
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
        and reader.words[previous] not in _NP_LINKS
    ):
        return  # 'Secretaría de …, Name': the title is part of a longer name
    _, country, orgs = _context_before(reader, start)
    yield reader.found(pid, name, start, title_end, country or after_country, orgs)
    # 'Almirante secretario de Marina, José Rafael Ojeda Durán': the rank is a role too
    rank_end = _honorifics_before(reader, start)
    rank = _title_ending_at(reader, rank_end, floor) if rank_end > floor else None
    if rank is not None and (_is_rank(reader, rank[1]) or _is_rank(reader, head)):
        yield _Found(pid, name, rank[0], rank_end, reader.written(rank[0], rank_end))


def _after(reader: _Reader, name: Span, pid: str) -> Iterator[_Found]:
    """'NAME, TITLE [y TITLE]', 'NAME, en su carácter de X', 'NAME va a ser el TITLE', and a
    title alone on the line under a signed name."""
    doc, j = reader.doc, name.end
    if j >= len(doc):
        return
    if reader.words[j] == "," and not reader.breaks_before(j):
        j += 1
        intro = titles.match_introducer(reader.words, j, reader.language)
        if intro:
            yield from _introduced(reader, name, pid, j + intro)
            return
    elif reader.breaks_before(j) and j < len(doc):
        while j < len(doc) and doc[j].is_space:
            j += 1
        end = reader.title_end(j)
        if end and (end >= len(doc) or reader.breaks_before(end)):
            yield _Found(pid, name, j, end, reader.written(j, end))
        return
    copula = titles.match_copula(reader.words, j, reader.language)
    if copula:
        j += copula
    elif j == name.end:
        return
    while True:
        j = reader.skip_articles(j)
        start, country, orgs = j, None, ()
        if reader.language == "en":
            start, country, orgs = _english_prefix(reader, j)
        end = reader.title_end(start)
        if not end or _belongs_to_next(reader, end) or not _clause_ends(reader, end):
            return
        head = _head_in(reader, start, end)
        if head is not None and head[1].plural:
            return  # 'X, Y, miembros del presídium': a plural title is the whole list's
        yield reader.found(pid, name, start, end, country, orgs)
        if (
            end < len(doc)
            and reader.words[end] in ("y", "e", "and")
            and reader.starts_title(end + 1)
        ):
            j = end + 1
            continue
        return


def _english_prefix(reader: _Reader, j: int) -> tuple[int, str | None, tuple[str, ...]]:
    """'Ned Price, Department Spokesperson', 'X, Japan’s Vice Foreign Minister': up to three
    words before the head; a nationality or organisation among them is context, not title."""
    for k in range(j, min(j + 4, len(reader.doc))):
        if reader.starts_title(k):
            if k == j:
                return j, None, ()
            _, country, orgs = _context_before(reader, k)
            if country or orgs:
                return k, country, orgs
            return j, None, ()
        if not reader.capitalised(reader.doc[k]) and reader.words[k] not in ("'s", "’s"):
            break
    return j, None, ()


def _head_in(reader: _Reader, start: int, end: int) -> tuple[int, titles.TitleForm] | None:
    return next((h for i in range(start, end) if (h := reader.title_at(i))), None)


def _clause_ends(reader: _Reader, end: int) -> bool:
    """English lists run 'Title Name, Title Name, and Title Name': an apposition must end the
    clause (a stop, a line end, a verb, or a comma and a lower-case word)."""
    if reader.language != "en" or end >= len(reader.doc) or reader.breaks_before(end):
        return True
    word, token = reader.words[end], reader.doc[end]
    if word in _BOUNDARY_PUNCT or token.pos_ in ("VERB", "AUX") or word in ("and", "y"):
        return True
    if word == "," and end + 1 < len(reader.doc):
        k = end + 1
        if reader.words[k] in ("and", "or") and k + 1 < len(reader.doc):
            k += 1  # ', and Director … Name' continues a list; ', and the United States' not
        return reader.doc[k].is_lower
    return False


def _belongs_to_next(reader: _Reader, end: int) -> bool:
    """A title followed by a name ('…, the EU High Representative Josep Borrell') is that
    name's, not the previous one's."""
    k = end + (1 if end < len(reader.doc) and reader.words[end] == "," else 0)
    return k in reader.person_starts


def _introduced(reader: _Reader, name: Span, pid: str, j: int) -> Iterator[_Found]:
    """'en su carácter de empresario independiente': any noun phrase is the title."""
    end = j
    while end < len(reader.doc) and end - j < 8 and not reader.breaks_before(end):
        token = reader.doc[end]
        if token.is_punct or token.pos_ in ("VERB", "AUX", "SCONJ", "PRON"):
            break
        end += 1
    if end > j:
        yield _Found(pid, name, j, end, reader.written(j, end))


def _shared(reader: _Reader) -> Iterator[_Found]:
    """A title shared out over several names, in order.

    'los secretarios de Marina y de la Defensa Nacional, X y Y' (complements, then names),
    'los próximos titulares de Sedena, X; de Semar, Y' and 'el secretario de la Defensa Nacional,
    X y de la Marina, Y' (complement and name in turn), 'los presidentes X y Y' (no complement).
    """
    for p in range(len(reader.doc)):
        form = reader.title_at(p)
        if form is None or _inside_complement(reader, p):
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
        for (c_start, c_end), (name, pid) in pairs:
            complement = reader.doc[c_start:c_end].text if c_end > c_start else ""
            text = _singular(lead, title_form, reader.language) + (
                " " + complement if complement else ""
            )
            yield _Found(
                pid,
                name,
                start,
                max(c_end, head_end),
                " ".join(text.split()),
                organizations=reader.organizations_in(c_start, c_end),
            )


def _singular(lead: str, form: titles.TitleForm, language: Language) -> str:
    """'los próximos titulares' → 'próximo titular': modifiers and head in the singular."""
    out: list[str] = []
    tokens = titles.tokenize(lead)
    keys = [titles.key(t) for t in tokens]
    i = 0
    while i < len(tokens):
        if keys[i] in titles.ARTICLES:
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


def _complement_segments(reader: _Reader, j: int) -> tuple[list[tuple[int, int]], int]:
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
            and reader.words[j] in (",", "y", "e", "and")
            and titles.match_preposition(reader.words, j + 1, reader.language)
        ):
            j += 1
            continue
        break
    return segments, j


def _names_list(reader: _Reader, j: int) -> list[tuple[Span, str]]:
    """'X, Y y Z': person mentions separated by commas and a final conjunction."""
    names: list[tuple[Span, str]] = []
    while j in reader.person_starts:
        span, pid = reader.person_starts[j]
        names.append((span, pid))
        j = span.end
        if j < len(reader.doc) and reader.words[j] == ",":
            j += 1
        if j < len(reader.doc) and reader.words[j] in ("y", "e", "and"):
            j += 1
    return names


def _listed(reader: _Reader, j: int) -> Iterator[tuple[tuple[int, int], tuple[Span, str]]]:
    segments, end = _complement_segments(reader, j)
    if end < len(reader.doc) and reader.words[end] == ",":
        end += 1
    names = _names_list(reader, end)
    if len(names) < 2:
        return
    if not segments:
        yield from (((j, j), name) for name in names)
    elif len(segments) == len(names):
        yield from zip(segments, names, strict=True)


def _in_turn(reader: _Reader, j: int) -> Iterator[tuple[tuple[int, int], tuple[Span, str]]]:
    limit = len(reader.doc)
    while j < limit:
        prep = titles.match_preposition(reader.words, j, reader.language)
        if not prep:
            return
        end = reader.noun_phrase(j + prep[0], limit)
        if end == j + prep[0] or end + 1 >= limit or reader.words[end] != ",":
            return
        if end + 1 not in reader.person_starts:
            return
        span, pid = reader.person_starts[end + 1]
        yield (j, end), (span, pid)
        k = span.end
        while k < limit and reader.words[k] in (",", ";", "y", "e", "and", "así", "como"):
            k += 1
        j = k


# --- assembling -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    found: _Found
    title: titles.NormalizedTitle

    @property
    def stems(self) -> frozenset[str]:
        """Five-letter stems of the title's content words: 'secretaria' ~ 'secretario'."""
        words = titles.tokenize(self.title.title)
        return frozenset(
            titles.key(w)[:_STEM]
            for w in words
            if w[:1].isalnum() and not titles.is_function_word(w)
        )


def _covers(kept: _Candidate, other: _Candidate) -> bool:
    """Is ``other`` the same office as ``kept``, written shorter?"""
    a, b = kept.title, other.title
    if a.status != b.status:
        return False
    if a.office == b.office and (not b.complement or b.complement == a.complement):
        return True
    return other.stems <= kept.stems


def _dedupe(candidates: list[_Candidate]) -> list[_Candidate]:
    """One role per person and office: the longest way the release wrote it."""
    ordered = sorted(
        candidates,
        key=lambda c: (-len(c.stems), -len(c.title.title), c.found.start),
    )
    kept: list[_Candidate] = []
    for candidate in ordered:
        if not any(
            k.found.person_id == candidate.found.person_id and _covers(k, candidate) for k in kept
        ):
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.found.start, c.found.end))


def _person_countries(candidates: list[_Candidate]) -> dict[str, str]:
    """A person's country, when their titles agree on one."""
    seen: dict[str, set[str]] = {}
    for c in candidates:
        if c.title.country:
            seen.setdefault(c.found.person_id, set()).add(c.title.country)
    return {pid: next(iter(cs)) for pid, cs in seen.items() if len(cs) == 1}


def _setting_country(doc: Doc, start: int, language: Language) -> str | None:
    """The country a sentence opens in: 'In Honduras, …', 'While in Panama, …'."""
    sent = doc[start].sent
    if not titles.is_setting_word(sent[0].text, language):
        return None
    for token in sent[: min(len(sent), 10)]:
        if token.text == ",":
            break
        if token.ent_type_ in PLACE_LABELS:
            ent = next(e for e in doc.ents if e.start <= token.i < e.end)
            place = titles.find_place(ent.text)
            if place is not None and place.kind == "country":  # a city's name is ambiguous
                return place.country_code
    return None


def _country(
    candidate: _Candidate, doc: Doc, language: Language, person_countries: dict[str, str]
) -> str | None:
    title = candidate.title
    if title.country:
        return title.country
    if candidate.found.person_id in person_countries:
        return person_countries[candidate.found.person_id]
    entry = title.entry
    if entry is not None and entry.is_national:
        # "In Panama, the delegation will meet with President Cortizo": Panama's president
        return _setting_country(doc, candidate.found.name.start, language)
    return None


def _person_spans(doc: Doc, mentions: Sequence[Mention]) -> list[tuple[Span, str]]:
    spans: list[tuple[Span, str]] = []
    for mention in mentions:
        if mention.kind != "person":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            spans.append((span, mention.entity_id))
    return sorted(spans, key=lambda s: s[0].start)


def _find_titles(doc: Doc, language: Language, people: list[tuple[Span, str]]) -> list[_Found]:
    """Every title next to a person mention, before normalisation and de-duplication."""
    reader = _Reader.build(doc, language, people)
    found: list[_Found] = []
    for span, pid in people:
        found.extend(_before(reader, span, pid))
        found.extend(_after(reader, span, pid))
    found.extend(_shared(reader))
    return found


def extract(doc: Doc, ctx: DocContext, people: list[Person], mentions: list[Mention]) -> list[Role]:
    """One Role per person and distinct office the release gives them."""
    # A name that starts in lower case ('de México') is a misread header, not a person.
    names = {p.person_id: p.name for p in people if p.name[:1].isupper()}
    spans = [(s, pid) for s, pid in _person_spans(doc, mentions) if pid in names]
    candidates = [
        _Candidate(
            f,
            titles.normalize(
                f.text,
                ctx.language,
                country=f.country,
                organization=f.context_organization,
                organizations=f.organizations,
            ),
        )
        for f in _find_titles(doc, ctx.language, spans)
    ]
    countries = _person_countries(candidates)
    roles: dict[str, Role] = {}
    for c in _dedupe(candidates):
        pid, title = c.found.person_id, c.title
        role_id = stable_id("role", ctx.doc_id, pid, fold(title.title))
        if role_id in roles:
            continue
        start = min(c.found.start, c.found.name.start)
        end = max(c.found.end, c.found.name.end)
        country = _country(c, doc, ctx.language, countries)
        roles[role_id] = Role(
            role_id=role_id,
            person_id=pid,
            person=names[pid],
            title=title.title,
            title_es=title.title_es,
            title_en=title.title_en,
            org_id=entity_id("org", title.organization) if title.organization else None,
            organization=title.organization,
            country=country,
            **evidence(doc[start:end], ctx),
        )
    return list(roles.values())

"""The title grammar: ``[modifiers] head [modifiers] [(preposition noun-phrase)*]`` over the
tokens of a document, never running past a line break or a person's name."""

from __future__ import annotations

from prensa import titles
from prensa.extract.roles.view import MAX_TITLE, DocView
from prensa.labels import ORG_LABELS, PLACE_LABELS

#: Entity labels of dates and times: a complement never starts with one.
_TIME_LABELS = frozenset({"DATE", "TIME"})


class Reader(DocView):
    """A document view that can tell where a title starting at a token ends."""

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
        j = qualifier_heads(self, j, limit)
        head = self.title_at(j) if j < limit else None
        if head is None or j + head[0] > limit:
            return 0
        j += head[0]
        j = self.modifiers_after(j, limit)
        return self.complement(j, limit)

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
            run = _adjectives(self, j, limit)
            if run:
                j = run
                continue
            break
        return j

    def complement(self, j: int, limit: int) -> int:
        """Consume ``(preposition noun-phrase)*`` with the joins complements use."""
        end = j
        started = False  # a comma continues a complement, never a bare head
        while j < limit and not self.breaks_before(j) and j not in self.person_starts:
            prep = titles.match_preposition(self.words, j, self.language)
            if prep and self._to_office(j, prep[0]):
                break
            if prep:
                if j + prep[0] < limit and self.doc[j + prep[0]].ent_type_ in _TIME_LABELS:
                    break  # 'State Secretary on 1 April': when, not of what
                np_end = self.noun_phrase(j + prep[0], limit)
                if np_end == j + prep[0]:
                    break
                j = end = self._status_after(np_end, limit)
                started = True
                continue
            if end == j and (k := self._coordinated_complement(j, limit)):
                j = end = k
                continue
            if started and end == j and j > 0 and _joins_complement(self, j, limit):
                j += 1 + (self.words[j + 1] in titles.and_words() if j + 1 < limit else 0)
                np_end = self.noun_phrase(j, limit)
                if np_end == j:
                    break
                j = end = np_end
                continue
            break
        return end

    def _to_office(self, j: int, n: int) -> bool:
        """'nombrar presidente del Consejo al secretario de Hacienda, X', 'entregó el
        gobernador a la secretaria de Salud, X': 'a' before another office marks whom the
        sentence is about, never what the title is of."""
        if self.language != "es" or self.words[j] not in ("a", "al"):
            return False
        k = self.skip_articles(j + n)
        return k < len(self.doc) and self.doc[k].is_lower and self.title_at(k) is not None

    def _coordinated_complement(self, j: int, limit: int) -> int:
        """'Magistrado Presidente del Tribunal Superior de Justicia y del Consejo de la
        Judicatura': one office of two bodies. Where the second complement ends, else 0. A plural
        title shares its complements out instead ('los secretarios de Marina y de la Defensa')."""
        if self.language != "es" or j + 1 >= limit or self.words[j] not in titles.and_words():
            return 0
        prep = titles.match_preposition(self.words, j + 1, self.language)
        if not prep:
            return 0
        start = j + 1 + prep[0]
        np_end = self.noun_phrase(start, limit)
        if np_end == start or not self.capitalised(self.doc[np_end - 1]):
            return 0
        return self.complement(np_end, limit)

    def _status_after(self, j: int, limit: int) -> int:
        """'secretaria de Gobernación saliente': a status word after the complement."""
        if j < limit and self.language == "es" and not self.breaks_before(j):
            mod = titles.match_modifier(self.words, j, self.language)
            if mod and mod[1].modifier.status and mod[1].modifier.after(self.language):
                return j + mod[0]
        return j

    def noun_phrase(self, j: int, limit: int) -> int:
        """A complement's noun phrase: an optional article and lower-case noun ('del estado',
        'de despacho', 'para el caso'), then capitalised words, numbers and inner links."""
        start = j
        while j < limit and self.words[j] in titles.articles() and not self.breaks_before(j):
            j += 1
        if j < limit and _lower_noun(self, j):
            j += 1
        end = j if j > start and _lower_noun(self, j - 1) else start
        institution = j < limit and titles.is_organization_head(self.doc[j].text)
        while j < limit and not self.breaks_before(j):
            token = self.doc[j]
            if token.ent_type_ in _TIME_LABELS:
                break  # 'Council of States on Monday'
            if j in self.person_starts and not (institution and end > start):
                break  # a name ends the title, unless it is part of an institution's name
            if opens_name(self, j):
                break  # 'del SEA y la Mtra. Ana …': an honorific opens the next name
            # in an upper-case header 'DE' is still a preposition, not a capitalised word
            header_link = token.is_upper and titles.is_function_word(token.text)
            capitalised = self.capitalised(token) and not token.is_punct and not header_link
            if capitalised or token.text in ("-", "’s", "'s"):
                j += 1
                end = j
                continue
            if self.words[j] in titles.name_links() and j + 1 < limit and end > start:
                if self.words[j] in titles.and_words() and titles.match_preposition(
                    self.words, j + 1, self.language
                ):
                    break  # 'de Marina y de la Defensa Nacional': two complements
                k = j
                while k < limit and self.words[k] in titles.name_links() and k - j < 3:
                    k += 1
                if k < limit and self.capitalised(self.doc[k]) and k not in self.person_starts:
                    if self.words[j] in titles.and_words() and self.starts_title(j + 1):
                        break
                    j = k
                    continue
            if national_noun(self, start, j):
                end = j + 1  # 'head of the Swiss delegation'
            break
        return end


def qualifier_heads(reader: Reader, j: int, limit: int) -> int:
    """English 'Chief Public Prosecutor', 'Chief Negotiator': a word that is a head alone
    ('Chief') qualifies the head that follows it."""
    while reader.language == "en" and j < limit:
        here = reader.title_at(j)
        mod = titles.match_modifier(reader.words, j, reader.language)
        if here is None or mod is None or here[0] > mod[0] or mod[1].modifier.en_after:
            break
        if j + mod[0] >= limit or reader.title_at(j + mod[0]) is None:
            break
        j += mod[0]
    return j


def national_noun(reader: Reader, start: int, j: int) -> bool:
    """English 'the Swiss delegation', 'the U.S. embassy': a lower-case noun after a
    nationality closes the noun phrase."""
    if reader.language != "en" or j >= len(reader.doc):
        return False
    token = reader.doc[j]
    if not (token.is_alpha and token.is_lower and token.pos_ == "NOUN"):
        return False
    first = reader.skip_articles(start)
    return first < j and titles.demonym_country(reader.doc[first:j].text, "en") is not None


def _adjectives(view: DocView, j: int, limit: int) -> int:
    """Lower-case adjectives after a Spanish head that end the title or lead to its
    complement ('vicerrector académico, X', 'delegado presidencial provincial de Arauco');
    where they end, else 0."""
    k = j
    while (
        view.language == "es"
        and k < limit
        and k - j < 3
        and view.doc[k].pos_ == "ADJ"
        and view.doc[k].is_lower
        and k not in view.person_starts
    ):
        k += 1
    if k == j:
        return 0
    nxt = view.words[k] if k < len(view.doc) else "."
    if nxt in (",", ".") or (k < limit and titles.match_preposition(view.words, k, view.language)):
        return k
    return 0


def _joins_complement(view: DocView, j: int, limit: int) -> bool:
    """A comma or 'y'/'and' that continues a complement ('Derechos Humanos, Población y
    Migración') rather than starting a new title or a new name."""
    word = view.words[j]
    if (word != "," and word not in titles.and_words()) or j + 1 >= limit:
        return False
    k = j + 1
    if word == "," and view.words[k] in titles.and_words():
        k += 1  # 'Population, Refugees, and Migration'; but not ', and the United States'
    elif word == ",":
        k = view.skip_articles(k)  # 'Latin America, the Caribbean and Spanish in the World'
    if k >= limit or view.breaks_before(k) or k in view.person_starts:
        return False
    if opens_name(view, k):
        return False  # ', el Lic. X': the next name
    if view.starts_title(k) or not view.capitalised(view.doc[k]):
        return False
    # 'Islas Marías, Nayarit', 'Población y Migración': a capitalised continuation, unless
    # the model read what follows the comma as some other kind of name
    ent = view.entity_at.get(k)
    return word != "," or ent is None or ent.label_ in ORG_LABELS | PLACE_LABELS


def opens_name(view: DocView, j: int) -> int:
    """Where the person named after the honorifics at ``j`` starts ('Lic. X', 'la Mtra. X'),
    else 0: 'Honorable Cámara de Diputados' is an institution's name, not a person's."""
    k = view.skip_articles(j)
    found = False
    while k < len(view.doc) and (n := titles.match_honorific(view.words, k, view.language)):
        k += n
        found = True
        if k < len(view.doc) and view.words[k] in (".", ","):
            k += 1  # 'Mtra .' split in two; 'Doctora, Claudia …'
    if not found or k >= len(view.doc) or not view.capitalised(view.doc[k]):
        return 0
    if k in view.person_starts:
        return k
    # a name the model missed ('el Lic. Arnulfo García'), unless an institution's name follows
    ent = view.entity_at.get(k)
    institution = titles.is_organization_head(view.doc[k].text) or (
        ent is not None and ent.label_ in ORG_LABELS
    )
    return 0 if institution else k


def _lower_noun(view: DocView, j: int) -> bool:
    token = view.doc[j]
    return (
        token.is_alpha
        and token.is_lower
        and token.pos_ in ("NOUN", "PROPN", "ADJ")
        and view.words[j] not in titles.name_links()
        and not titles.match_preposition(view.words, j, view.language)
    )

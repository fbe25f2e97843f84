"""Rules that find organisations and places the model misses or breaks up: phrases opened by an
organisation head, named governments, names defined by their acronym."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from prensa.components.entities.context import EntityContext
from prensa.components.entities.names import capitalised_run, name_after
from prensa.components.entities.words import namelike, tokens_among
from prensa.labels import PLACE_LABELS
from prensa.text import fold, folded_words, line_start


def headed_organizations(r: EntityContext, doc: Doc, names: list[Span]) -> list[Span]:
    """'Coordinación Nacional de Protección Civil', 'Bureau of Western Hemisphere Affairs':
    a capitalised phrase opened by an organisation head word, ending before a titled name
    ('Bureau of Latin America and the Caribbean Marcela Escobari') and before a second
    organisation coordinated with it ('el Comité … de Campeche y del Consejo de …')."""
    spans: list[Span] = []
    covered = 0
    for token in doc:
        if token.i < covered or not token.is_title or not r.org_heads.match([fold(token.text)]):
            continue  # a head inside a longer name ('… del Sistema Anticorrupción …') is no start
        before = doc[token.i - 1] if token.i else None
        if before is not None and before.is_title and before.lower_ not in r.definite_articles:
            continue  # inside a longer capitalised phrase, not its start ('El Consejo' is one)
        end = _coordinated_head(r, doc, token.i, capitalised_run(r, doc, token.i + 1, commas=False))
        for name in names:
            if token.i < name.start < end <= name.end:
                end = name.start
        office = next((t.i for t in doc[token.i + 1 : end] if t.lower_ in r.office_nouns), end)
        end = office  # 'Department Spokesperson' is a title
        while end > token.i and doc[end - 1].lower_ in r.connectors:
            end -= 1
        begin = _possessor(r, doc, token.i)
        if end - begin >= 2:
            spans.append(Span(doc, begin, end, label=r.labels["organization"]))
            covered = end
    return spans


def tailed_organizations(r: EntityContext, doc: Doc) -> list[Span]:
    """'the Fraud Section', 'the Antitrust Division': English names a body's kind last, so a
    short capitalised phrase after 'the' ending with an organisation tail is one."""
    if r.language != "en":
        return []
    spans: list[Span] = []
    for token in doc:
        if token.i < 2 or fold(token.text) not in r.org_tails or not token.is_title:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in r.complement_links:
            continue  # 'the Federal Department of Finance': the name goes on
        begin = token.i
        while begin > token.i - 3 and doc[begin - 1].is_title and not doc[begin - 1].is_sent_start:
            begin -= 1
        if begin < token.i and begin > 0 and doc[begin - 1].lower_ == "the":
            spans.append(Span(doc, begin, token.i + 1, label=r.labels["organization"]))
    return spans


def _possessor(r: EntityContext, doc: Doc, head: int) -> int:
    """'U.S. Attorney’s Office', 'Governor's Office': an office's holder written before the
    head is part of the name; a place's ('Canada’s Department of …') is not."""
    if head < 2 or doc[head - 1].lower_ not in ("'s", "’s") or not namelike(doc[head - 2]):
        return head
    begin = head - 2
    while (
        begin > 0
        and namelike(doc[begin - 1])
        and doc[begin - 1].lower_ not in r.definite_articles
        and not doc[begin].is_sent_start
    ):
        begin -= 1
    if begin > 0 and doc[begin - 1].lower_ in r.complement_links:
        return head  # 'Department of State’s Bureau …': the owner is another body
    owner = " ".join(t.text for t in doc[begin : head - 1])
    if r.gazetteer.lookup(owner) or r.gazetteer.lookup(doc[head - 2].text):
        return head
    return begin


def _coordinated_head(r: EntityContext, doc: Doc, start: int, end: int) -> int:
    """Where a second name begins inside ``start:end``: 'y'/'and' (then 'del', 'the'…) before a
    head word, or (English) an article straight after a capitalised word; Spanish names hold
    them ('Jóvenes Construyendo el Futuro')."""
    for k in range(start + 1, end - 1):
        if (
            r.language == "en"
            and doc[k].lower_ in r.definite_articles
            and doc[k - 1].lower_ not in r.connectors
        ):
            return k  # 'Dialogue the United States': 'the' follows 'of', 'for', 'and'
        if doc[k].lower_ not in r.conjunctions:
            continue
        nxt = k + 1
        while nxt < end and doc[nxt].lower_ in r.connectors:
            nxt += 1
        if nxt < end and r.org_heads.match([fold(doc[nxt].text)]):
            return k
    return end


def governments(r: EntityContext, doc: Doc, sure: list[Span]) -> list[Span]:
    """'Gobierno de España', 'Government of Costa Rica': a named government is an org."""
    spans: list[Span] = []
    places = [s for s in sure if s.label_ in PLACE_LABELS]
    for place in places:
        i = place.start
        if i >= 1 and doc[i - 1].lower_ in r.definite_articles:
            i -= 1
        if (
            i >= 2
            and doc[i - 1].lower_ in r.office_links
            and doc[i - 2].lower_ in r.government_heads
        ):
            spans.append(Span(doc, i - 2, place.end, label=r.labels["organization"]))
    return spans


def acronym_definitions(r: EntityContext, doc: Doc) -> list[Span]:
    """'Grupo de Implementación de Seguridad (GIS)': a name whose initials spell the acronym
    in brackets after it is an organisation, whatever the statistical model said."""
    spans: list[Span] = []
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        if not (2 <= len(acronym) <= 10 and acronym.isalpha() and acronym.isupper()):
            continue
        start = i
        while (
            start > 0
            and i - start < 14
            and (doc[start - 1].is_title or doc[start - 1].lower_ in r.connectors)
        ):
            start -= 1
        for begin in range(start, i):
            initials = "".join(t.text[0] for t in doc[begin:i] if t.is_title)
            if doc[begin].is_title and fold(initials) == fold(acronym):
                label = r.labels["organization"]
                spans.append(Span(doc, begin, i, label=label))
                spans.append(Span(doc, i + 1, i + 2, label=label))
                break
    return spans


#: Parts of speech of a capitalised word that makes a dictionary word after it part of one
#: longer name ('Primera Reunión', 'Miguel Hidalgo'), unlike 'En China' or 'Visitó Cuba'.
_NAME_PART_POS = frozenset({"ADJ", "NUM", "PROPN", "NOUN"})


def unsafe_place(r: EntityContext, span: Span) -> bool:
    """A one-word gazetteer hit that is a dictionary word opening a sentence ('Reunión'), or
    coming after a capitalised word of the same name ('Primera Reunión de trabajo'), or
    opening one after an article ('la Reunión de Consejeros')."""
    if span.label_ not in PLACE_LABELS or len(span) != 1 or span[0].text not in r.common:
        return False
    token = span[0]
    if token.is_sent_start or line_start(token):
        return True
    if not r.common.exact(token.text):
        return False
    doc = token.doc
    before = doc[token.i - 1]
    if fold(before.text) in r.definite_articles:
        # 'la Reunión de Consejeros': an article, the word, then the rest of a longer name.
        return (
            token.i + 2 < len(doc)
            and doc[token.i + 1].lower_ in ("de", "del")
            and doc[token.i + 2].is_title
        )
    return (
        before.is_title
        and before.pos_ in _NAME_PART_POS
        and not r.dictionary.is_preterite(before.text)
    )


#: Entity id prefix of the places read after a local place noun.
LOCAL_PLACE = "local:"
#: Longest place name read after a local place noun ('Francisco I. Madero', 'Lomas del Sur').
_LOCAL_NAME_WORDS = 6


def local_places(r: EntityContext, doc: Doc) -> list[Span]:
    """'el municipio de Francisco I. Madero', 'la colonia Bellavista', 'el alcalde de Villa de
    Allende': the capitalised name after a lower-case local place noun, or a local office and
    'de', is a place, however the model tagged it; after a plural noun, each item of the list
    ('los municipios de Parras, Viesca y General Cepeda'; 'los Ayuntamientos de: Acuña, Nava',
    where a list of councils names the towns)."""
    spans: list[Span] = []
    for i in tokens_among(doc, r.local_word_ids):
        token = doc[i]
        word = fold(token.text)
        office = word in r.local_offices
        if not (office or word in r.local_place_nouns):
            continue
        plural = word.endswith("s")
        start = token.i + 1
        linked = start < len(doc) and doc[start].lower_ in ("de", "del")
        start += linked
        if office and not linked:
            continue  # 'como alcaldesa Layda Sansores': a name, not a town
        if plural and not linked and start < len(doc) and doc[start].lower_ == "como":
            start += 1  # 'municipios como Guadalupe, Ahumada y Juárez'
        listed = plural and start < len(doc) and doc[start].text == ":"
        start += listed  # 'los Ayuntamientos de: Acuña, Allende y …'
        if not (token.is_lower or listed):
            continue  # 'Municipio de Saltillo' may name the council
        while start < len(doc):
            end = _local_name_end(r, doc, start)
            if end == start or end - start > _LOCAL_NAME_WORDS:
                break
            name = doc[start:end]
            if not r.org_heads.match(folded_words(name)):
                # Marked as a local name: 'Lomas del Sur' is made of dictionary words, and
                # is still no generic mention.
                kb_id = f"{LOCAL_PLACE}{fold(name.text)}"
                spans.append(Span(doc, start, end, label=r.labels["place"], kb_id=kb_id))
            if not plural:
                break
            nxt = end + (end < len(doc) and doc[end].text == ",")
            nxt += nxt < len(doc) and doc[nxt].lower_ in r.conjunctions
            if nxt == end or nxt >= len(doc) or not namelike(doc[nxt]):
                break
            start = nxt
    return spans


def _local_name_end(r: EntityContext, doc: Doc, start: int) -> int:
    """End of the place name at ``start``: before a conjunction ('Viesca y General Cepeda'),
    and after a known place that a name follows ('gobernador de [Campeche] Alejandro Moreno')."""
    end = name_after(r, doc, start)
    end = next((t.i for t in doc[start:end] if t.lower_ in r.conjunctions), end)
    if end - start > 2 and r.gazetteer.lookup(doc[start:end].text) is None:
        for k in range(end - 2, start, -1):
            entry = r.gazetteer.lookup(doc[start:k].text)
            if entry is not None and (
                entry.kind != "city" or fold(doc[start].text) not in r.place_openers
            ):
                return k  # not 'San' (a town in Mali) in 'San Pedro Tapanatepec'
    return end

"""Standing for a body without a title: "X, en representación de la Cámara Nacional de
Comercio" (X is its representative), "la Dirección de Protección Civil, a cargo de X" (X heads
it). The phrases and the title each gives are data (``standing_phrases`` in
``models/titles.yaml``); the body must read as an institution's name, never a person's title
("en representación del gobernador" says whom X stands in for, not what X is)."""

from __future__ import annotations

from collections.abc import Iterator

from prensa import resources, titles
from prensa.extract.roles.grammar import Reader, opens_name
from prensa.extract.roles.view import Found
from prensa.labels import ORG_LABELS
from prensa.text import PhraseIndex


@resources.models_cache
def _phrases(language: str) -> PhraseIndex[titles.StandingPhrase]:
    index: PhraseIndex[titles.StandingPhrase] = PhraseIndex()
    for phrase in titles.lexicon().standing_phrases:
        if phrase.language == language:
            index.add(tuple(titles.key(w) for w in titles.tokenize(phrase.phrase)), phrase)
    return index


def stands_in_for(reader: Reader, end: int) -> bool:
    """Does a standing phrase whose body follows it end at ``end``? 'en representación del
    gobernador, X': the title after it is of whom X stands in for, not X's."""
    index = _phrases(reader.language)
    return any(
        (found := index.match(reader.words, k)) is not None
        and k + found[0] == end
        and found[1].body == "after"
        for k in range(max(0, end - index.longest), end)
    )


def _title_form(entry_id: str, language: str) -> str:
    entry = next(e for e in titles.lexicon().titles if e.id == entry_id)
    return entry.es[0] if language == "es" else entry.en[0]


def standing_titles(reader: Reader) -> Iterator[Found]:
    index = _phrases(reader.language)
    if not index.longest:
        return
    for i in range(len(reader.doc)):
        found = index.match(reader.words, i)
        if found is None:
            continue
        n, phrase = found
        if phrase.body == "after":
            yield from _body_after(reader, i, i + n, phrase)
        else:
            yield from _body_before(reader, i, i + n, phrase)


def _institution(reader: Reader, start: int, end: int) -> bool:
    """A capitalised name that is no title and no person: 'la Cámara Nacional de Comercio'."""
    k = reader.skip_articles(start)
    return (
        k < end
        and reader.capitalised(reader.doc[k])
        and k not in reader.in_names
        and not reader.starts_title(k)
    )


def _body_after(
    reader: Reader, start: int, j: int, phrase: titles.StandingPhrase
) -> Iterator[Found]:
    """'X, en representación de ORG' and 'en representación de ORG, X'."""
    prep = titles.match_preposition(reader.words, j, reader.language)
    if not prep:
        return
    np_start = j + prep[0]
    np_end = reader.noun_phrase(np_start, len(reader.doc))
    if np_end == np_start or not _institution(reader, np_start, np_end):
        return
    # 'del' carries its article into the noun phrase; keep it as written
    text = " ".join([_title_form(phrase.title, reader.language), reader.doc[j:np_end].text])
    k = start - 1 if start > 0 and reader.words[start - 1] == "," else start
    holder = next(((s, p) for s, p in reader.person_starts.values() if s.end == k), None)
    if holder is None:
        k = np_end + 1 if np_end < len(reader.doc) and reader.words[np_end] == "," else np_end
        holder = reader.person_starts.get(k)
    if holder is None:
        return
    span, pid = holder
    yield Found(pid, span, j, np_end, text, organizations=reader.organizations_in(np_start, np_end))


def _body_before(
    reader: Reader, start: int, j: int, phrase: titles.StandingPhrase
) -> Iterator[Found]:
    """'la Dirección de Protección Civil, a cargo de X': the body is the organisation that ends
    right before the phrase (and its comma)."""
    prep = titles.match_preposition(reader.words, j, reader.language)
    k = j + prep[0] if prep else j
    holder = reader.person_starts.get(opens_name(reader, k) or k)  # 'encabezada por el doctor X'
    end = start - 1 if start > 0 and reader.words[start - 1] == "," else start
    ent = reader.entity_at.get(end - 1) if end > 0 else None
    if holder is None or ent is None or ent.end != end or ent.label_ not in ORG_LABELS:
        return
    if not _institution(reader, ent.start, ent.end):
        return
    article = reader.words[ent.start - 1] if ent.start > 0 else ""
    link = {"el": "del", "la": "de la", "los": "de los", "las": "de las"}.get(article, "de")
    if reader.language != "es":
        link = "of the" if article == "the" else "of"
    text = f"{_title_form(phrase.title, reader.language)} {link} {ent.text}"
    span, pid = holder
    yield Found(pid, span, ent.start, end, text, organizations=(ent.text,))

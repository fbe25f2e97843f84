"""Titles after a name: an apposition ("Roberto Velasco, subsecretario para América del Norte y
encargado de despacho"), a copula or "en su carácter de", and a title alone on the line under a
signed name."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from prensa import resources, titles
from prensa.extract.roles.before import context_before
from prensa.extract.roles.grammar import Reader
from prensa.extract.roles.view import Found

_BOUNDARY_PUNCT = frozenset({".", ";", ":", "(", ")", "!", "?", "¿", "¡", "“", "”", '"', "«", "»"})


def titles_after(reader: Reader, name: Span, pid: str) -> Iterator[Found]:
    """'NAME, TITLE [y TITLE]', 'NAME, en su carácter de X', 'NAME va a ser el TITLE', and a
    title alone on the line under a signed name."""
    doc, j = reader.doc, name.end
    while j < len(doc) and doc[j].is_upper and reader.words[j] in titles.postnominals():
        j += 1  # 'Jane Doe MP has been appointed …'
    after_name = j
    if j >= len(doc):
        return
    if _apposition_mark(reader, j) and not reader.breaks_before(j):
        j += 1
        if j + 1 < len(doc) and doc[j].like_num and reader.words[j + 1] == ",":
            j += 2  # 'John Roe, 52, a former Special Agent': an age before the title
        intro = titles.match_introducer(reader.words, j, reader.language)
        if intro:
            yield from _introduced(reader, name, pid, j + intro)
            return
    elif reader.breaks_before(j) and j < len(doc):
        while j < len(doc) and doc[j].is_space:
            j += 1
        end = reader.title_end(j)
        if end and (end >= len(doc) or reader.breaks_before(end)):
            yield Found(pid, name, j, end, reader.written(j, end))
        return
    if j == after_name and reader.words[j] == "(":
        yield from _in_parentheses(reader, name, pid, j + 1)
        return
    copula = titles.match_copula(reader.words, j, reader.language)
    if copula:
        j += copula
    elif j == after_name:
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
            and reader.words[end] in titles.and_words()
            and reader.starts_title(end + 1)
        ):
            j = end + 1
            continue
        if _next_title_in_chain(reader, end):
            j = end + 1  # 'X, Federal Attorney, Head of the … Division'
            continue
        return


def _apposition_mark(reader: Reader, j: int) -> bool:
    """A comma, or in Spanish a dash ('Ing. X - Director Regional del INEGI')."""
    word = reader.words[j]
    return word == "," or (reader.language == "es" and word in ("-", "–", "—"))


def _english_prefix(reader: Reader, j: int) -> tuple[int, str | None, tuple[str, ...]]:
    """'Ned Price, Department Spokesperson', 'X, Japan’s Vice Foreign Minister': up to three
    words before the head; a nationality or organisation among them is context, not title."""
    for k in range(j, min(j + 4, len(reader.doc))):
        if reader.starts_title(k):
            if k == j:
                return j, None, ()
            _, country, orgs = context_before(reader, k)
            if country or orgs:
                return k, country, orgs
            return j, None, ()
        if not reader.capitalised(reader.doc[k]) and reader.words[k] not in ("'s", "’s"):
            break
    return j, None, ()


def _head_in(reader: Reader, start: int, end: int) -> tuple[int, titles.TitleForm] | None:
    return next((h for i in range(start, end) if (h := reader.title_at(i))), None)


def _clause_ends(reader: Reader, end: int) -> bool:
    """English lists run 'Title Name, Title Name, and Title Name': an apposition must end the
    clause (a stop, a line end, a verb, a comma and a lower-case word, or a comma and another
    title of the same person)."""
    if reader.language != "en" or end >= len(reader.doc) or reader.breaks_before(end):
        return True
    word, token = reader.words[end], reader.doc[end]
    if word in _BOUNDARY_PUNCT or token.pos_ in ("VERB", "AUX") or word in titles.and_words():
        return True
    if end + 1 < len(reader.doc) and reader.doc[end + 1].ent_type_ in ("DATE", "TIME"):
        return True  # 'will become State Secretary on 1 April'
    if word == "," and end + 1 < len(reader.doc):
        k = end + 1
        if reader.words[k] in _conjunctions(reader) and k + 1 < len(reader.doc):
            k += 1  # ', and Director … Name' continues a list; ', and the United States' not
        return reader.doc[k].is_lower or _next_title_in_chain(reader, end)
    return False


def _next_title_in_chain(reader: Reader, end: int) -> bool:
    """'X, Federal Attorney, Head of the White-Collar Crime Division': after a comma, a
    second title of the same person, one that no name follows and that ends the clause."""
    if reader.language != "en" or end + 1 >= len(reader.doc) or reader.words[end] != ",":
        return False
    start = reader.skip_articles(end + 1)
    if reader.breaks_before(end + 1) or not reader.starts_title(start):
        return False
    title_end = reader.title_end(start)
    return (
        bool(title_end)
        and not _belongs_to_next(reader, title_end)
        and _clause_ends(reader, title_end)
    )


def _in_parentheses(reader: Reader, name: Span, pid: str, j: int) -> Iterator[Found]:
    """'Pascale Baeriswyl (State Secretary of the FDFA)': the whole bracket is one title."""
    j = reader.skip_articles(j)
    start, country, orgs = _english_prefix(reader, j) if reader.language == "en" else (j, None, ())
    end = reader.title_end(start)
    if end and end < len(reader.doc) and reader.words[end] == ")":
        yield reader.found(pid, name, start, end, country, orgs)


def _belongs_to_next(reader: Reader, end: int) -> bool:
    """A title followed by a name ('…, the EU High Representative Josep Borrell') is that
    name's, not the previous one's."""
    k = end + (1 if end < len(reader.doc) and reader.words[end] == "," else 0)
    return k in reader.person_starts


def _introduced(reader: Reader, name: Span, pid: str, j: int) -> Iterator[Found]:
    """'en su carácter de empresario independiente': any noun phrase is the title."""
    end = j
    while end < len(reader.doc) and end - j < 8 and not reader.breaks_before(end):
        token = reader.doc[end]
        if token.is_punct or token.pos_ in ("VERB", "AUX", "SCONJ", "PRON"):
            break
        end += 1
    if end > j:
        yield Found(pid, name, j, end, reader.written(j, end))


def _conjunctions(reader: Reader) -> frozenset[str]:
    return resources.function_words(reader.language).conjunctions

"""A title's complement ('del Departamento de Estado'): the organisation or place it names, and
its translation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prensa import gazetteer
from prensa.records import Language
from prensa.resources import OrganizationEntry
from prensa.text import fold
from prensa.titles.index import match_conjunction, match_preposition
from prensa.titles.lookup import (
    find_organization,
    find_place,
    is_organization_head,
    looks_like,
    org_head,
    organization_name,
    place_name,
    portfolio,
)
from prensa.titles.portfolio import content_words as portfolio_content_words
from prensa.titles.portfolio import translate_phrase
from prensa.titles.schema import lexicon
from prensa.titles.words import (
    articles,
    function_words,
    join,
    key,
    locative_prepositions,
    strip_article,
)


@dataclass(frozen=True)
class Complement:
    organization: OrganizationEntry | None = None
    organization_text: str | None = None
    place: gazetteer.PlaceEntry | None = None
    place_text: str | None = None
    country: str | None = None
    whole_place: bool = False


@dataclass(frozen=True)
class NounPhrase:
    """Where a complement's noun phrase starts, after its preposition ('de la Ciudad de
    México': the article 'la'); a locative one ('en México') names where, not whose."""

    prep: int
    start: int
    article: str = ""
    locative: bool = False


def np_starts(keys: Sequence[str], language: Language) -> list[NounPhrase]:
    locative = locative_prepositions(language)
    starts: list[NounPhrase] = []
    for i in range(len(keys)):
        prep = match_preposition(keys, i, language)
        if prep:
            last = keys[i + prep[0] - 1]
            article = last if last in articles() else ("el" if last == "del" else "")
            starts.append(NounPhrase(i, i + prep[0], article, keys[i] in locative))
    if not starts or (starts[0].start != 0 and not match_preposition(keys, 0, language)):
        starts.insert(0, NounPhrase(0, 0))
    return starts


def resolve(tokens: list[str], language: Language, hints: Sequence[str]) -> Complement:
    """The organisation or place a complement names: the whole of it or its tail after a
    preposition ('… del Departamento de Estado'), else an organisation the doc found in it."""
    if not tokens:
        return Complement()
    keys = [key(t) for t in tokens]
    starts = np_starts(keys, language)
    first = starts[0].start
    for np in starts:
        text = join(tokens[np.start :])
        org = find_organization(text, allow_short=np.start == first)
        if org is not None:
            return Complement(organization=org, organization_text=text, country=org.country)
    place = _place_in(tokens, starts)
    tails = {fold(strip_article(join(tokens[np.start :]))) for np in starts}
    for hint in sorted(hints, key=len, reverse=True):
        # the doc's organisation must be the whole tail: 'Cruz Roja Mexicana', not 'Hacienda'
        # in 'ministro de Gobernación, Justicia y Hacienda'
        if fold(strip_article(hint)) in tails and (place is None or fold(hint) != fold(place[1])):
            org = find_organization(hint)
            name = org.name if org else strip_article(hint)
            country = org.country if org and org.country else None
            return Complement(
                organization=org,
                organization_text=name,
                country=country or (place[0].country_code if place else None),
            )
    for np in starts:
        text = join(tokens[np.start :])
        if org_head(text):
            country = place[0].country_code if place else None
            return Complement(organization_text=text, country=country)
    if place is not None:
        entry, text, whole = place
        return Complement(
            place=entry, place_text=text, country=entry.country_code, whole_place=whole
        )
    return Complement()


def _place_in(
    tokens: list[str], starts: Sequence[NounPhrase]
) -> tuple[gazetteer.PlaceEntry, str, bool] | None:
    """The place a complement names (the tail from a noun phrase on, else one noun phrase),
    its text with the article the preposition carried ('la Ciudad de México'), and whether it
    is all of the tail ('Islas Marías, Nayarit' is only in Nayarit). A locative place
    ('embajador en México') is where the office is, not whose it is."""
    ends = [np.prep for np in starts[1:]] + [len(tokens)]
    spans = [(np, len(tokens)) for np in starts] + list(zip(starts, ends, strict=True))
    for np, end in spans:
        text = join(tokens[np.start : end])
        if np.locative or not (
            text[:1].isupper() or fold(text).startswith(("estado de", "state of"))
        ):
            continue
        entry = find_place(text, split_commas=True)
        if entry is not None:
            whole = end == len(tokens) and find_place(text) is not None
            written = join([np.article, text]) if np.article in ("la", "las", "los") else text
            return entry, written, whole
    return None


def translate(
    tokens: list[str],
    language: Language,
    target: Language,
    ministerial: bool,
    names: Sequence[str] = (),
) -> str | None:
    """The complement in ``target``, or None when any of it is unknown: prepositions through
    the lexicon, organisations and places through their aliases and the gazetteer, portfolio
    phrases through their list, acronyms and the ``names`` the document knows as places
    ('Saltillo') as written. A half-translated complement ('Secretary
    of Medio Ambiente') would read as English while saying nothing an English reader can use."""
    keys = [key(t) for t in tokens]
    known = {fold(n) for n in names}
    out: list[str] = []
    i = 0
    first_np = True
    while i < len(tokens):
        prep = match_preposition(keys, i, language)
        conj = None if prep else match_conjunction(keys, i, language)
        if prep or conj:
            n, word = prep or conj  # type: ignore[misc]
            out.append(word)
            i += n
            continue
        if (target == "es" and keys[i] in articles()) or keys[i] == ",":
            out.append("," if keys[i] == "," else "")
            i += 1
            continue
        boundaries = [
            j
            for j in range(i + 1, len(tokens))
            if keys[j] == ","
            or match_preposition(keys, j, language)
            or match_conjunction(keys, j, language)
        ]
        stop = boundaries[0] if boundaries else len(tokens)
        resolved = _resolve_span(
            tokens, i, [*boundaries, len(tokens)], (language, target), ministerial and first_np, out
        )
        first_np = False
        if resolved:
            i = resolved
        elif all(_is_acronym(t) for t in tokens[i:stop]) or fold(join(tokens[i:stop])) in known:
            out.extend(tokens[i:stop])  # 'OEA', 'T-MEC', 'Saltillo': the same in both languages
            i = stop
        else:
            return None
    return join(out)


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _resolve_span(
    tokens: list[str],
    i: int,
    ends: list[int],
    languages: tuple[Language, Language],
    ministry: bool,
    out: list[str],
) -> int:
    """Translate the longest organisation, place or portfolio phrase from ``i`` to one of
    ``ends`` (a noun phrase's end: 'Western Hemisphere Affairs' is not the Western Hemisphere)
    into ``out``; 0 when there is none."""
    language, target = languages
    if not tokens[i][:1].isalnum():
        return 0
    for j in sorted(ends, reverse=True):
        text = join(tokens[i:j])
        org = find_organization(text, allow_short=ministry)
        if org is not None and _add_organization(
            org, text, languages, ministry and j == len(tokens), out
        ):
            return j
        place = find_place(text) if text[:1].isupper() or fold(text).startswith("estado") else None
        if place is not None:
            name = place_name(place, target, text)
            if target == "en" and out and place.kind != "region":
                needs_article = name.split()[0] in lexicon().article_places
                if out[-1].endswith(" the") and not needs_article:
                    out[-1] = out[-1].removesuffix(" the")
                elif needs_article and out[-1] in ("of", "for", "in", "to"):
                    out[-1] += " the"
            out.append(name)
            return j
        phrase = translate_phrase(text, language, target) or translate_phrase(
            strip_article(text), language, target
        )
        if phrase is not None:
            out.append(phrase)
            return j
    return 0


def _add_organization(
    org: OrganizationEntry,
    text: str,
    languages: tuple[Language, Language],
    whole_ministry: bool,
    out: list[str],
) -> bool:
    """Write the organisation's ``target`` name into ``out``; False when it has none and its
    name as written is surely in the source language ('Instituto Nacional de Migración')."""
    language, target = languages
    ministry = portfolio(org, target) if whole_ministry else None
    short = fold(strip_article(text)) in {fold(n) for n in org.short}
    name = (not short and organization_name(org, target)) or None
    if ministry is None and name is None and not _keeps_name(text, language):
        return False  # 'Medio Ambiente y Recursos Naturales' is read as a portfolio phrase
    name = name or text
    if ministry and out:
        out[-1] = ministry  # replaces the preposition: "of the Navy"
    elif target == "en" and out and out[-1] in ("of", "for", "to", "in"):
        if is_organization_head(name.split()[0]):
            out[-1] += " the"  # 'of the Ministry of the Interior'
        out.append(name)
    else:
        out.append(name)
    return True


def _keeps_name(text: str, language: Language) -> bool:
    """Can a name be written as it is in the other language ('Pemex', 'Banorte')? Not when it
    shows its language: a function word, an accent, a portfolio word of it."""
    words = {key(w) for w in strip_article(text).split()}
    return not (
        looks_like(language, text)
        or words & function_words(language)
        or words & portfolio_content_words(language)
    )

"""Portfolios written before an English head ("Defence Secretary", "Business and Trade
Secretary"): part of the title, unlike a nationality or a department's name before it."""

from __future__ import annotations

from prensa import titles
from prensa.extract.roles.grammar import Reader


def portfolio_before(reader: Reader, start: int, floor: int) -> int:
    """'Defence Secretary John Healey', 'Business and Trade Secretary', 'the environment
    minister, Edna Molewa': in English portfolios (``portfolio_words`` of the lexicon), joined
    by 'and' or commas, written before the head are part of the title. Each word of them has
    the head's case, so a sentence's word is not taken. The caller checks that no country
    written before them is their context."""
    if reader.language != "en" or start >= len(reader.doc):
        return start
    upper = reader.capitalised(reader.doc[start])
    first, pos = start, start
    while (phrase := _portfolio_ending_at(reader, pos, floor, upper)) is not None:
        first = phrase
        link = phrase - 1
        if link <= floor or not (
            reader.words[link] in titles.and_words() or reader.words[link] == ","
        ):
            break
        pos = link
    if first == start:
        return start
    while first > floor and titles.match_modifier(reader.words, first - 1, "en"):
        first -= 1  # 'Federal Data Protection and Information Commissioner'
    return first if _portfolio_starts(reader, first, floor) else start


def _portfolio_ending_at(reader: Reader, end: int, floor: int, upper: bool) -> int | None:
    """Start of the longest portfolio phrase ending at ``end``, in the case ``upper`` says."""
    for n in (4, 3, 2, 1):
        first = end - n
        if first < floor or any(
            reader.breaks_before(k + 1)
            or (reader.capitalised(reader.doc[k]) != upper and not reader.doc[k].is_stop)
            for k in range(first, end)
        ):
            continue
        if reader.capitalised(reader.doc[first]) != upper:
            continue
        if titles.translate_phrase(reader.doc[first:end].text, "en", "es") is not None:
            return first
    return None


def _portfolio_starts(reader: Reader, first: int, floor: int) -> bool:
    """Nothing capitalised runs on before the portfolio, but for a nationality ('UK Defence
    Secretary'): 'Homeland Security Secretary' names a department, not the 'Security' one."""
    k = first - 1
    if k < floor or not reader.capitalised(reader.doc[k]):
        return True
    if reader.words[k] in ("'s", "’s") or reader.words[k] in titles.articles():
        return True
    return any(
        titles.demonym_country(reader.doc[k - n + 1 : k + 1].text, reader.language)
        for n in (1, 2, 3)
        if k - n + 1 >= floor
    )

"""Sentence case for a title written in capitals (a transcript header)."""

from __future__ import annotations

from prensa.records import Language
from prensa.titles.complement import np_starts
from prensa.titles.lookup import find_organization, find_place, is_organization_head
from prensa.titles.words import function_words, join, key, tokenize


def restore_case(title: str, language: Language) -> str:
    """An upper-case title (a transcript header) in sentence case: lower-case words, with the
    organisations and places it names capitalised again."""
    if not title.isupper():
        return title
    tokens = tokenize(title.lower())
    keys = [key(t) for t in tokens]
    out = list(tokens)

    def capitalise(start: int, end: int) -> None:
        for k in range(start, end):
            if keys[k] not in function_words():
                out[k] = tokens[k][:1].upper() + tokens[k][1:]

    starts = [np.start for np in np_starts(keys, language) if np.start > 0]
    for s in starts:
        if s < len(tokens) and is_organization_head(tokens[s].capitalize()):
            capitalise(s, len(tokens))  # 'banco del bienestar': an institution's name
            break
        for j in range(len(tokens), s, -1):
            text = join(tokens[s:j])
            if find_organization(text, allow_short=s == starts[0]) or find_place(text):
                capitalise(s, j)
                break
    return join(out)

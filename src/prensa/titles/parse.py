"""A title split into ``[modifiers] head [modifiers] [complement]`` against the lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field

from prensa.records import Language
from prensa.titles.index import (
    ModifierForm,
    TitleForm,
    match_demonym,
    match_modifier,
    match_title,
)
from prensa.titles.words import articles, join, key, tokenize


@dataclass
class Parse:
    tokens: list[str]
    keys: list[str]
    head: TitleForm | None = None
    head_start: int = 0
    head_end: int = 0
    before: list[tuple[ModifierForm, str]] = field(default_factory=list)
    after: list[tuple[ModifierForm, str]] = field(default_factory=list)
    trailing: list[tuple[ModifierForm, str]] = field(default_factory=list)
    prefix: list[str] = field(default_factory=list)
    complement: list[str] = field(default_factory=list)
    country: str | None = None
    demonyms: list[int] = field(default_factory=list)
    former_glued: bool = False

    def without_demonyms(self) -> str:
        """The title as written minus its nationality: 'canciller mexicano' → 'canciller'."""
        return join(t for i, t in enumerate(self.tokens) if i not in self.demonyms)


def parse(title: str, language: Language) -> Parse:
    tokens = tokenize(title)
    keys = [key(t) for t in tokens]
    p = Parse(tokens, keys)
    i = 0
    while i < len(keys) and keys[i] in articles():
        i += 1
    pending: list[str] = []
    while i < len(keys):
        head = match_title(keys, i, language, tokens[i])
        if head:
            p.head, p.head_start, p.head_end = head[1], i, i + head[0]
            p.former_glued = key(head[1].form.split()[0]) != keys[i] and keys[i].startswith("ex")
            p.prefix = pending
            break
        mod = match_modifier(keys, i, language)
        dem = match_demonym(keys, i, language)
        if mod:
            p.before.append((mod[1], " ".join(tokens[i : i + mod[0]])))
            i += mod[0]
        elif dem:
            p.country = dem[1]
            p.demonyms.extend(range(i, i + dem[0]))
            i += dem[0]
        else:
            pending.append(tokens[i])
            i += 1
    if p.head is None:
        p.complement = tokens
        return p
    _after_head(p, language)
    return p


def _after_head(p: Parse, language: Language) -> None:
    """Modifiers and nationalities after the head, status words at the very end, and the
    complement between them."""
    keys, tokens = p.keys, p.tokens
    i, end = p.head_end, len(keys)
    while end > i + 1:  # status words after the complement: "secretaria de Gobernación saliente"
        mod = match_modifier(keys, end - 1, language)
        if not (mod and mod[0] == 1 and mod[1].modifier.status and mod[1].modifier.after(language)):
            break
        p.trailing.insert(0, (mod[1], tokens[end - 1]))
        end -= 1
    while i < end:
        if keys[i] == "-" and i + 1 < end:
            i += 1
            continue
        mod = match_modifier(keys, i, language)
        if mod and (language == "es" or mod[1].modifier.after(language)):
            p.after.append((mod[1], " ".join(tokens[i : i + mod[0]])))
            i += mod[0]
            continue
        dem = match_demonym(keys, i, language)
        if dem and language == "es":
            p.country = dem[1]
            p.demonyms.extend(range(i, i + dem[0]))
            i += dem[0]
            continue
        break
    p.complement = tokens[i:end]

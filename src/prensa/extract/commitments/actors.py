"""Who can commit: the release's people, organisations and places, and where the Doc names them.

Mentions come from the linked entity spans the entity layer put on the Doc
(:func:`prensa.extract.spans.entity_spans`); the records give each entity's name, its mention
count and its first offset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from prensa.extract.spans import entity_spans
from prensa.records import Organization, Person, Place
from prensa.text import fold


@dataclass(frozen=True)
class Entity:
    name: str
    entity_id: str
    forms: tuple[str, ...]  # name, aliases, acronym, canonical name
    mentions: int
    first: int
    kind: str  # person / organization / country / place
    country: str | None = None  # ISO alpha-2 of a country or organisation, when known


@dataclass(frozen=True)
class Actors:
    names: list[str]
    ids: list[str]
    resolved: bool  # from the text (entities, collectives), not a fallback
    impersonal: bool = False
    people: bool = False  # every actor is a named person

    @classmethod
    def of(cls, ents: Sequence[Entity]) -> Actors:
        people = bool(ents) and all(e.kind == "person" for e in ents)
        return cls([e.name for e in ents], [e.entity_id for e in ents], True, people=people)

    @classmethod
    def named(cls, name: str) -> Actors:
        """An actor the text names without a linked entity ('the U.S. delegation')."""
        return cls([name], [], True)

    def fallback(self, impersonal: bool = False) -> Actors:
        """The same actors, guessed rather than read from the clause."""
        return replace(self, resolved=False, impersonal=impersonal, people=False)


NOBODY = Actors([], [], False)

#: The kinds of entity that can commit.
AGENT_KINDS = frozenset({"person", "organization", "country"})


@dataclass(frozen=True)
class _Mention:
    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    entity: Entity


def _entities(
    people: Sequence[Person], orgs: Sequence[Organization], places: Sequence[Place]
) -> list[Entity]:
    out = [
        Entity(p.name, p.person_id, (p.name, *p.aliases), p.mentions, p.start, "person")
        for p in people
    ]
    out.extend(
        Entity(
            o.name,
            o.org_id,
            (o.name, *o.aliases, *([o.acronym] if o.acronym else [])),
            o.mentions,
            o.start,
            "organization",
            o.country,
        )
        for o in orgs
    )
    out.extend(
        Entity(
            p.name,
            p.place_id,
            (p.name, *p.aliases, *([p.canonical_name] if p.canonical_name else [])),
            p.mentions,
            p.start,
            p.kind if p.kind in ("country", "state") else "place",
            p.country_code,
        )
        for p in places
    )
    return out


class Cast:
    """The entities of one release, looked up by where the Doc mentions them."""

    def __init__(
        self,
        doc: Doc,
        people: Sequence[Person],
        organizations: Sequence[Organization],
        places: Sequence[Place],
    ) -> None:
        self.entities = _entities(people, organizations, places)
        by_id = {e.entity_id: e for e in self.entities}
        mentions = [
            _Mention(s.start, s.end, s.start_char, s.end_char, by_id[s.kb_id_])
            for s in entity_spans(doc, "person", "organization", "place")
            if s.kb_id_ in by_id
        ]
        # Only people, organisations and countries act; a city, state, region or facility
        # ("Estado de México", "Santa Lucía") is where something happens, never who does it.
        self._mentions = [m for m in mentions if m.entity.kind in AGENT_KINDS]
        self._places = [m for m in mentions if m.entity.kind not in AGENT_KINDS]

    def is_place(self, token: int) -> bool:
        """A mention of a place that cannot act (not a country) includes token ``token``."""
        return any(m.start <= token < m.end for m in self._places)

    def in_tokens(self, start: int, end: int, kind: str | None = None) -> list[Entity]:
        """Entities mentioned inside tokens [start, end), in text order."""
        return _distinct([m for m in self._mentions if start <= m.start and m.end <= end], kind)

    def in_chars(self, start: int, end: int, kind: str | None = None) -> list[Entity]:
        """Entities mentioned inside characters [start, end), in text order."""
        return _distinct(
            [m for m in self._mentions if start <= m.start_char and m.end_char <= end], kind
        )

    def covering(self, start: int, end: int, token: int) -> list[Entity]:
        """Entities mentioned inside tokens [start, end) by a mention that includes ``token``."""
        return _distinct(
            [
                m
                for m in self._mentions
                if start <= m.start and m.end <= end and m.start <= token < m.end
            ],
            None,
        )

    def named(self, *names: str) -> list[Entity]:
        """Entities one of whose forms is one of ``names`` (the issuing government)."""
        wanted = {fold(n) for n in names}
        return [e for e in self.entities if any(fold(f) in wanted for f in e.forms)]

    def body_named(self, name: str) -> list[Entity]:
        """The organisation a body's name stands for in the release: one whose form is the name,
        lies inside it or holds it ('Poder Judicial del Estado' for "Poder Judicial del Estado de
        Coahuila"), most mentioned first. A one-word form ('Consejo') says too little."""
        wanted = _words(name)
        found = [
            e
            for e in self.entities
            if e.kind == "organization"
            and any(
                (w := _words(f)) and (w == wanted or (len(w) > 1 and (w <= wanted or wanted <= w)))
                for f in e.forms
            )
        ]
        return sorted(found, key=lambda e: (-e.mentions, e.first))

    def country(self, code: str) -> list[Entity]:
        """The release's mentions of the country ``code`` itself."""
        return [e for e in self.entities if e.kind == "country" and e.country == code]

    def person_named_in(self, header: str) -> list[Entity]:
        """The one person of the release a speaker header names in capitals, which the entity
        layer does not link: every word of one of their forms is in the header ('PRESIDENTE
        ANDRÉS MANUEL LÓPEZ OBRADOR'), or the header's name is part of theirs ('ZUNIGA:')."""
        said = _words(header)
        name = _words(header.split(",")[0].split(":")[0])
        found = {
            e.entity_id: e
            for e in self.entities
            if e.kind == "person"
            and any(
                (w := _words(f)) and (w <= said or (name and name <= w and len(name) < len(w)))
                for f in e.forms
            )
        }
        return list(found.values()) if len(found) == 1 else []

    def states(self) -> list[Entity]:
        """The states or provinces the release names, in text order: they never act alone,
        but 'los estados firmantes' are they."""
        return sorted((e for e in self.entities if e.kind == "state"), key=lambda e: e.first)

    def participants(self, kind: str, count: int | None) -> list[Entity]:
        """The countries (or people) a release is about, most mentioned first, then text
        order."""
        pool = [e for e in self.entities if e.kind == kind]
        pool.sort(key=lambda e: (-e.mentions, e.first))
        chosen = pool[:count] if count else pool
        return sorted(chosen, key=lambda e: e.first)


def _words(text: str) -> frozenset[str]:
    """Folded words of two letters or more ('J.' and stray initials say nothing)."""
    return frozenset(w for w in re.findall(r"\w+", fold(text)) if len(w) > 1)


def _distinct(mentions: list[_Mention], kind: str | None) -> list[Entity]:
    """Entities of ``mentions`` by first mention, dropping one named inside another's name
    ('México' inside 'Gobierno de México')."""
    if kind is not None:
        mentions = [m for m in mentions if m.entity.kind == kind]
    kept = [
        m
        for m in mentions
        if not any(
            o is not m
            and o.start_char <= m.start_char
            and m.end_char <= o.end_char
            and (o.end_char - o.start_char) > (m.end_char - m.start_char)
            for o in mentions
        )
    ]
    seen: set[str] = set()
    result: list[Entity] = []
    for m in sorted(kept, key=lambda m: m.start_char):
        if m.entity.entity_id not in seen:
            seen.add(m.entity.entity_id)
            result.append(m.entity)
    return result

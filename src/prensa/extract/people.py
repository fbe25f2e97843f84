"""People: named individuals, one record per person per document, with every mention.

Mentions are clustered within the document: a shorter form whose words appear, in order, in a
longer name ("López Obrador", "Sherman" in "Wendy R. Sherman") is the same person, so the record
carries the longest form as its name and the others as aliases.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from prensa.context import DocContext
from prensa.extract.spans import entities_with_labels, evidence, mention_records
from prensa.labels import PERSON_LABELS
from prensa.link import person_id as canonical_person_id
from prensa.records import Mention, Person
from prensa.resources import word_class
from prensa.text import fold


def display_name(span: Span) -> str:
    """The name as a reader would write it: speaker headers in capitals become title case."""
    text = " ".join(span.text.split())
    if not text.isupper() or " " not in text:
        return text  # mixed case, or a one-word acronym such as "AMLO"
    particles = word_class("particles")
    words = [w.lower() if w.lower() in particles else w.capitalize() for w in text.split()]
    return " ".join(words)


def _words(name: str) -> tuple[str, ...]:
    return tuple(w.rstrip(".") for w in fold(name).split())


def is_form_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when every word of ``short`` appears in ``long`` in the same order."""
    position = 0
    for word in short:
        try:
            position = long.index(word, position) + 1
        except ValueError:
            return False
    return True


def is_initialism_of(short: str, long: tuple[str, ...]) -> bool:
    """'AMLO' for Andrés Manuel López Obrador: the initials of the name's content words."""
    particles = word_class("particles")
    initials = "".join(w[0] for w in long if w not in particles)
    return short.isupper() and len(short) >= 3 and fold(short) == initials


def cluster_names(names: list[str]) -> dict[str, str]:
    """Map each name to the longest name it is a form of (itself when none)."""
    ordered = sorted(set(names), key=lambda n: (-len(_words(n)), -len(n), n))
    canonical: dict[str, str] = {}
    heads: list[str] = []
    particles = word_class("particles")
    for name in ordered:
        words = _words(name)
        content = tuple(w for w in words if w not in particles)
        head = next(
            (
                h
                for h in heads
                if is_form_of(words, _words(h))
                or is_form_of(content, _words(h))
                or is_initialism_of(name, _words(h))
            ),
            None,
        )
        if head is None:
            heads.append(name)
            head = name
        canonical[name] = head
    return canonical


def extract(doc: Doc, ctx: DocContext) -> tuple[list[Person], list[Mention]]:
    """One Person per individual named in ``doc``, and one Mention per occurrence."""
    spans = entities_with_labels(doc, PERSON_LABELS)
    names = [display_name(s) for s in spans]
    canonical = cluster_names(names)
    # Speaker headers repeat a name already written in mixed case: prefer the mixed-case form.
    by_fold: dict[str, str] = {}
    for name in names:
        if not name.isupper():
            by_fold.setdefault(fold(name), name)
    people: list[Person] = []
    mentions: list[Mention] = []
    groups: dict[str, list[tuple[Span, str]]] = {}
    for span, name in zip(spans, names, strict=True):
        groups.setdefault(canonical[name], []).append((span, name))
    for head, members in groups.items():
        person_id = canonical_person_id(head)
        forms = {fold(n): by_fold.get(fold(n), n) for _, n in members}
        aliases = sorted({f for f in forms.values() if fold(f) != fold(head)})
        first = members[0][0]
        people.append(
            Person(
                person_id=person_id,
                name=head,
                aliases=aliases,
                mentions=len(members),
                **evidence(first, ctx),
            )
        )
        mentions.extend(mention_records("person", person_id, (s for s, _ in members), ctx))
    return people, mentions

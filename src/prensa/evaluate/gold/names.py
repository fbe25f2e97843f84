"""People, organisations and places: a prediction's forms against a gold item's names.

- **people**: the predicted name (or one of its aliases) equals the gold name or a gold alias,
  or is a shorter form of one of them: its words are a contiguous run of the gold form's words
  that includes a surname (the last word, or one of the last two when the name has three words
  or more). A first name alone matches only when the gold lists it as an alias. One-letter
  initials are ignored on both sides ("Antony J. Blinken" = "Antony Blinken").
- **organizations**: the predicted name, acronym or an alias equals the gold name or an alias,
  or one is a contiguous run of the other's words covering more than half of the longer one's
  content words ("Relaciones Exteriores" ~ "Secretaría de Relaciones Exteriores", but not
  "Secretaría" alone). Leading and trailing function words ("la", "the") are ignored.
- **places**: the same rule against the gold name, with the predicted name, gazetteer name and
  aliases; ``kind`` is not required to agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from prensa.evaluate.gold.matching import FieldScore, as_strings, as_text, match_items
from prensa.evaluate.gold.schema import GoldOrganization, GoldPerson, GoldPlace
from prensa.evaluate.gold.vocabulary import (
    NameMatch,
    best_form,
    name_match,
    phrase_match,
    vocabulary,
)

_G = TypeVar("_G", GoldPerson, GoldOrganization, GoldPlace)


def person_forms(person: object) -> list[str]:
    """A predicted person's name and aliases."""
    return [as_text(getattr(person, "name", None)), *as_strings(getattr(person, "aliases", []))]


def _org_forms(org: object) -> list[str]:
    return [
        as_text(getattr(org, "name", None)),
        as_text(getattr(org, "acronym", None)),
        *as_strings(getattr(org, "aliases", [])),
    ]


def _place_forms(place: object) -> list[str]:
    return [
        as_text(getattr(place, "name", None)),
        as_text(getattr(place, "canonical_name", None)),
        *as_strings(getattr(place, "aliases", [])),
    ]


def _strip_note(text: str) -> str:
    """'Ortega-Murillo (regime)' -> 'Ortega-Murillo': optional lists carry notes in brackets."""
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def _score_named(
    predicted: Sequence[Any],
    gold: Sequence[_G],
    optional: Sequence[str],
    match: NameMatch,
    forms: Callable[[object], list[str]],
    gold_names: Callable[[_G], list[str]],
) -> FieldScore:
    vocab = vocabulary()
    return match_items(
        predicted,
        gold,
        [_strip_note(o) for o in optional],
        lambda p, g: best_form(match, forms(p), gold_names(g), vocab),
        lambda p, o: best_form(match, forms(p), [o], vocab) > 0,
        lambda p: as_text(getattr(p, "name", None)),
        lambda g: g.name,
    )


def score_people(
    predicted: Sequence[Any], gold: Sequence[GoldPerson], optional: Sequence[str] = ()
) -> FieldScore:
    """People: see the module docstring."""
    return _score_named(
        predicted, gold, optional, name_match, person_forms, lambda g: [g.name, *g.aliases]
    )


def score_organizations(
    predicted: Sequence[Any], gold: Sequence[GoldOrganization], optional: Sequence[str] = ()
) -> FieldScore:
    """Organizations: see the module docstring."""
    return _score_named(
        predicted, gold, optional, phrase_match, _org_forms, lambda g: [g.name, *g.aliases]
    )


def score_places(
    predicted: Sequence[Any], gold: Sequence[GoldPlace], optional: Sequence[str] = ()
) -> FieldScore:
    """Places: see the module docstring."""
    return _score_named(predicted, gold, optional, phrase_match, _place_forms, lambda g: [g.name])

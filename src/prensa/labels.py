"""The entity labels of the spaCy models prensa runs, and how they map to prensa's kinds.

Kept apart from the components and extractors that use them, so neither imports the other.
"""

from __future__ import annotations

PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})

#: The label each language's model uses for the three kinds prensa extracts.
KIND_LABELS: dict[str, dict[str, str]] = {
    "es": {"person": "PER", "organization": "ORG", "place": "LOC"},
    "en": {"person": "PERSON", "organization": "ORG", "place": "GPE"},
}

#: ``doc.spans`` key of the entities that are generic mentions ('el Gobierno'): recognised, as
#: CoNLL does, but not reported as named people, organisations or places.
GENERIC_SPANS = "prensa_generic"

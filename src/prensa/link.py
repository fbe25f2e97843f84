"""Canonical ids that hold across documents and across languages.

A person's id comes from a key that survives the usual variations of one name between releases:
accents and case, middle initials ("Antony J. Blinken"), and the maternal surname Spanish
releases add or drop ("Roberto Velasco Álvarez" = "Roberto Velasco"). The key depends only on the
name, so ids never depend on which other documents are in a batch or on their order.
Organisations and places are linked through the alias tables and the gazetteer instead.
"""

from __future__ import annotations

from prensa.ids import stable_id
from prensa.resources import word_class
from prensa.text import fold


def person_key(name: str) -> str:
    """'Roberto Velasco Álvarez' → 'roberto velasco'; 'Juan Ramón de la Fuente' stays whole."""
    particles = word_class("particles")
    words = [w.strip(".,") for w in fold(name).split()]
    words = [w for w in words if len(w) > 1 or w in particles]  # drop initials
    content = [w for w in words if w not in particles]
    # Given name(s) + paternal surname + maternal surname: the last word is the one releases
    # drop. Only when it is a bare surname (not 'de la Fuente') and two words remain.
    if len(content) >= 3 and words[-2] not in particles:
        words = words[:-1]
    return " ".join(words)


def person_id(name: str) -> str:
    return stable_id("per", person_key(name))

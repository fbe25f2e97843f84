"""The organisation alias table: every name, alias, short name and acronym of
``models/entities/organizations.yaml`` → its entry.

Titles and the organisation extractor both resolve names through it; it lives here, on the
lexicon side, so the title lexicon never imports the extractors.
"""

from __future__ import annotations

from prensa import resources
from prensa.resources import OrganizationEntry
from prensa.text import fold


@resources.models_cache
def _known() -> dict[str, OrganizationEntry]:
    """Folded name, alias or acronym → the lexicon entry."""
    table: dict[str, OrganizationEntry] = {}
    for org in resources.organizations():
        for name in (org.name, *org.aliases, *org.short, *([org.acronym] if org.acronym else [])):
            table.setdefault(fold(name), org)
    return table


def known_organization(name: str) -> OrganizationEntry | None:
    """The lexicon entry called ``name`` (any alias, any case), if there is one."""
    return _known().get(fold(name))

"""The organisation alias table: every name, alias, short name and acronym of
``models/entities/organizations.yaml`` → its entry, then the names of the governments and
ministries of ``models/entities/governments.yaml`` that only one country uses ("Gobierno de
Chile", "Ministerio de Relaciones Exteriores de Chile", "MINREL"). A name several countries share
("Ministerio de Relaciones Exteriores") stays out: the issuer decides whose it is.

Titles and the organisation extractor both resolve names through it; it lives here, on the
lexicon side, so the title lexicon never imports the extractors.
"""

from __future__ import annotations

from collections import defaultdict

from prensa import resources
from prensa.kb import governments
from prensa.resources import OrganizationEntry
from prensa.text import fold

#: Shorter acronyms of ministries ("SE", "MAG") are words in other texts.
_MIN_ACRONYM = 4


@resources.models_cache
def _known() -> dict[str, OrganizationEntry]:
    """Folded name, alias or acronym → the lexicon entry."""
    table: dict[str, OrganizationEntry] = {}
    for org in resources.organizations():
        for name in (org.name, *org.aliases, *org.short, *([org.acronym] if org.acronym else [])):
            table.setdefault(fold(name), org)
    for name, org in _government_names().items():
        table.setdefault(name, org)
    return table


@resources.models_cache
def _government_owners() -> dict[str, list[OrganizationEntry]]:
    """Folded full names and long acronyms of governments and ministries → their entries."""
    owners: dict[str, list[OrganizationEntry]] = defaultdict(list)
    for org in governments.organizations():
        acronym = [org.acronym] if org.acronym and len(org.acronym) >= _MIN_ACRONYM else []
        for name in dict.fromkeys(fold(n) for n in (org.name, *org.aliases, *acronym)):
            owners[name].append(org)
    return dict(owners)


def _government_names() -> dict[str, OrganizationEntry]:
    return {name: orgs[0] for name, orgs in _government_owners().items() if len(orgs) == 1}


def shared_government_name(name: str) -> bool:
    """Whether several countries' ministries go by ``name`` ("Ministerio de Relaciones
    Exteriores", "Department of Foreign Affairs and Trade")."""
    return len(_government_owners().get(fold(name), ())) > 1


def known_organization(name: str) -> OrganizationEntry | None:
    """The lexicon entry called ``name`` (any alias, any case), if there is one."""
    return _known().get(fold(name))

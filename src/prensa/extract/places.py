"""Places: named locations, normalised and geocoded offline through ``prensa.gazetteer``.

A span the gazetteer knows takes its kind, country, admin1 code, coordinates and GeoNames id, and
its place id is the gazetteer's, so "Estados Unidos" and "United States" share one. Unknown
names that the entity component let through (place heads such as "Islas", "Palacio", "Canal", or
multi-word proper names) are kept with kind "other".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from prensa import gazetteer
from prensa.context import DocContext
from prensa.extract.spans import entities_with_labels, evidence, mention_records
from prensa.gazetteer import PlaceEntry
from prensa.ids import entity_id, stable_id
from prensa.labels import PLACE_LABELS
from prensa.records import Mention, Place
from prensa.resources import heads
from prensa.text import fold


@dataclass
class _Group:
    entry: PlaceEntry | None
    forms: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)


def _entry_for(span: Span) -> PlaceEntry | None:
    gaz = gazetteer.load()
    text = " ".join(span.text.split())
    entry = gaz.lookup(text)
    if entry is not None and entry.kind == "country" and _after_local_noun(span):
        return None  # 'el municipio de Guadalupe', 'el aeropuerto de Santa Lucía'
    return entry


def _after_local_noun(span: Span) -> bool:
    """Is ``span`` the name after a lower-case local place noun or office ('el municipio de
    [X]')? A country's name there is a town's or a building's namesake."""
    doc = span.doc
    i = span.start - 1
    if i >= 1 and doc[i].lower_ in ("de", "del", "como"):
        i -= 1
    words = heads()
    nouns = frozenset(fold(w) for w in (*words.local_place_nouns, *words.local_offices))
    if i < 0 or not doc[i].is_lower:
        return False
    word = fold(doc[i].text)
    # After a plural ('los municipios de México') the country is meant.
    return word in nouns and not word.endswith("s")


def extract(doc: Doc, ctx: DocContext) -> tuple[list[Place], list[Mention]]:
    """One Place per location named in ``doc``, and one Mention per occurrence."""
    groups: dict[str, _Group] = {}
    for span in entities_with_labels(doc, PLACE_LABELS):
        entry = _entry_for(span)
        text = " ".join(span.text.split())
        key = entry.key if entry is not None else f"name:{fold(text)}"
        group = groups.setdefault(key, _Group(entry))
        group.forms.append(text)
        group.spans.append(span)

    places: list[Place] = []
    mentions: list[Mention] = []
    for key, group in groups.items():
        # The form the release uses most ("México" over one "Estados Unidos Mexicanos").
        name = max(group.forms, key=lambda f: (group.forms.count(f), len(f)))
        entry = group.entry
        place_id = stable_id("plc", key) if entry is not None else entity_id("plc", name)
        places.append(
            Place(
                place_id=place_id,
                name=name,
                canonical_name=entry.name if entry else None,
                kind=entry.kind if entry else "other",
                country_code=entry.country_code if entry else None,
                admin1=entry.admin1 if entry else None,
                lat=entry.lat if entry else None,
                lon=entry.lon if entry else None,
                geonameid=entry.geonameid if entry else None,
                aliases=sorted({f for f in group.forms if f != name}),
                mentions=len(group.spans),
                **evidence(group.spans[0], ctx),
            )
        )
        mentions.extend(mention_records("place", place_id, group.spans, ctx))
    return places, mentions

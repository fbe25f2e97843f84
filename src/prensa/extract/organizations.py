"""Organisations: named institutions, one record per organisation per document.

Names are resolved through the alias table in ``models/entities/organizations.yaml`` (so "SRE",
"Cancillería" and "Secretaría de Relaciones Exteriores" are one organisation) and through
acronyms the release defines itself: after "Grupo de Implementación de Seguridad (GIS)", a bare
"GIS" is the same group, even where the statistical model did not tag it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span

from prensa.context import DocContext
from prensa.extract.spans import entities_with_labels, evidence, mention_records
from prensa.ids import entity_id
from prensa.kb import governments
from prensa.labels import ORG_LABELS
from prensa.records import Mention, Organization
from prensa.resources import OrganizationEntry, models_cache
from prensa.text import fold
from prensa.titles.aliases import known_organization, shared_government_name

_ACRONYM = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ0-9&.-]{1,11}$")


def _defined_acronyms(doc: Doc, spans: list[Span]) -> dict[str, Span]:
    """'Name (ACR)' right after an organisation span defines ACR for the rest of the release."""
    defined: dict[str, Span] = {}
    for span in spans:
        after = doc[span.end : span.end + 3]
        if len(after) == 3 and after[0].text == "(" and after[2].text == ")":
            candidate = after[1].text
            if _ACRONYM.match(candidate) and sum(c.isupper() for c in candidate) >= 2:
                defined.setdefault(candidate, span)
    return defined


def _with_acronym_mentions(doc: Doc, spans: list[Span], acronyms: dict[str, Span]) -> list[Span]:
    """Add every occurrence of a defined acronym the model missed (including the definition)."""
    if not acronyms:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    wanted = numpy.array([doc.vocab.strings.add(a) for a in acronyms], dtype="uint64")
    where = numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), wanted)).tolist()
    extra = [doc[i : i + 1] for i in where if i not in covered]
    return sorted([*spans, *extra], key=lambda s: s.start)


@dataclass
class _Group:
    name: str
    acronym: str | None
    country: str | None
    known: bool = False
    spans: list[Span] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)

    def display_name(self) -> str:
        """The longest form the release itself uses; an acronym only if nothing else is written."""
        written = [f for f in self.forms if f != self.acronym] or sorted(self.forms)
        return max(written, key=lambda f: (len(f), f))


@models_cache
def _generic_wordings() -> frozenset[str]:
    """Portfolio wordings that name no country ('Relaciones Exteriores', 'Foreign Affairs')."""
    portfolios = governments.governments_file().portfolios.values()
    return frozenset(fold(w) for p in portfolios for w in (*p.es, *p.en))


def _for_issuer(entry: OrganizationEntry, text: str, ctx: DocContext) -> _Group | None:
    """An office named without its country ('la ministra de Relaciones Exteriores', 'la
    Cancillería') is the issuer's, not the lexicon's Mexican or US institution: a release of
    Chile's government speaks of Chile's ministry, and a release whose issuer is unknown names
    no country's. None when the lexicon entry stands."""
    country = ctx.issuer_country
    if entry.country in (None, country):
        return None
    written = fold(text)
    if country is None:  # no issuer known: a bare portfolio is no country's in particular
        return _Group(text, None, None) if written in _generic_wordings() else None
    if written not in _generic_wordings() and written not in {fold(s) for s in entry.short}:
        return None  # 'SRE', 'Mexican Foreign Ministry': the release names Mexico's on purpose
    ministry = governments.resolve_office(text, country, ctx.language)
    if ministry is None:
        return _Group(text, None, None)  # unknown here, and certainly not Mexico's
    org = ministry.as_organization()
    return _Group(org.name, org.acronym, org.country, known=True)


def _resolve(
    text: str,
    kb_id: str,
    expansion: dict[str, str],
    acronyms: dict[str, Span],
    ctx: DocContext,
) -> _Group:
    """Canonical name, acronym and country of one organisation mention."""
    entry = known_organization(kb_id.removeprefix("org:") or text) or known_organization(
        expansion.get(fold(text), text)
    )
    if entry is not None:
        issuer_own = _for_issuer(entry, text, ctx)
        if issuer_own is not None:
            return issuer_own
        return _Group(entry.name, entry.acronym, entry.country, known=True)
    if ctx.issuer_country and shared_government_name(text):
        ministry = governments.resolve_office(text, ctx.issuer_country, ctx.language)
        if ministry is not None:  # 'Ministerio de Relaciones Exteriores' in Chile's release
            org = ministry.as_organization()
            return _Group(org.name, org.acronym, org.country, known=True)
    name = expansion.get(fold(text), text)
    acronym = next((a for a, s in acronyms.items() if " ".join(s.text.split()) == name), None)
    return _Group(name, acronym, None)


_LINKS = frozenset({"de", "del", "of", "for", "en", "in"})


def _shortened_joined(groups: dict[str, _Group]) -> dict[str, _Group]:
    """'Consejo de Participación Ciudadana' after 'Consejo de Participación Ciudadana del Estado
    de Coahuila' is the same body with its jurisdiction dropped ('Sistema Nacional' after
    'Sistema Nacional Anticorrupción', its last word), as releases shorten a name they wrote in
    full. Joined only when exactly one longer name in the release extends it so; a longer tail
    without 'de'/'of' names something else ('… Energy Council Webinar Series')."""
    words = {key: key.split() for key in groups}
    joined = dict(groups)
    for key, group in groups.items():
        if group.known or len(words[key]) < 2:
            continue
        n = len(words[key])
        longer = [
            other
            for other, w in words.items()
            if w[:n] == words[key] and (len(w) == n + 1 or (len(w) > n + 1 and w[n] in _LINKS))
        ]
        if len(longer) != 1:
            continue
        target = joined.get(longer[0])
        if target is None or target is group:
            continue
        target.spans.extend(group.spans)
        target.spans.sort(key=lambda s: s.start)
        target.forms.update(group.forms)
        del joined[key]
    return joined


def _initials(name: str) -> set[str]:
    """The initials of a name's capitalised words, whole and cut before each 'de'/'of': 'Consejo
    de Participación Ciudadana del Estado de …' reads CPC, CPCE, and so on."""
    words = name.split()
    cuts = [k for k, w in enumerate(words) if w.lower() in _LINKS] + [len(words)]
    return {"".join(w[0] for w in words[:k] if w[:1].isupper()) for k in cuts}


def _bare_acronym(text: str) -> bool:
    """'SNA', 'FDFA': capitals only, of a length initials have."""
    return 2 <= len(text) <= 10 and text.isalpha() and text.isupper()


def _acronyms_joined(groups: dict[str, _Group]) -> dict[str, _Group]:
    """'SNA' in a release that names the 'Sistema Nacional Anticorrupción' is that system, though
    the release never wrote '(SNA)': an acronym joins the one name whose initials spell it."""
    joined = dict(groups)
    for key, group in groups.items():
        text = group.name
        if group.known or not _bare_acronym(text):
            continue
        owners = [k for k, g in joined.items() if g is not group and text in _initials(g.name)]
        if len(owners) != 1:
            continue
        target = joined[owners[0]]
        target.spans.extend(group.spans)
        target.spans.sort(key=lambda s: s.start)
        target.forms.update(group.forms)
        target.acronym = target.acronym or text
        del joined[key]
    return joined


def _issuer_acronym(group: _Group, ctx: DocContext) -> None:
    """A release calls its issuer by initials it never spells out: 'The FDFA will support…' in
    a release of the Federal Department of Foreign Affairs is that department."""
    text, issuer = group.name, ctx.issuer
    if group.known or not issuer or not _bare_acronym(text):
        return
    name = issuer.split(",")[0].strip()  # 'U.S. Department of Justice, Office of Public Affairs'
    if text in _initials(name):
        group.name, group.acronym, group.known = name, text, True
        group.country = group.country or ctx.issuer_country


def extract(doc: Doc, ctx: DocContext) -> tuple[list[Organization], list[Mention]]:
    """One Organization per institution named in ``doc``, and one Mention per occurrence."""
    spans = entities_with_labels(doc, ORG_LABELS)
    acronyms = _defined_acronyms(doc, spans)
    spans = _with_acronym_mentions(doc, spans, acronyms)
    expansion = {fold(a): " ".join(s.text.split()) for a, s in acronyms.items()}

    groups: dict[str, _Group] = {}
    for span in spans:
        text = " ".join(span.text.split())
        resolved = _resolve(text, span.kb_id_, expansion, acronyms, ctx)
        group = groups.setdefault(fold(resolved.name), resolved)
        group.spans.append(span)
        group.forms.add(text)

    organizations: list[Organization] = []
    mentions: list[Mention] = []
    for group in _acronyms_joined(_shortened_joined(groups)).values():
        _issuer_acronym(group, ctx)
        org_id = entity_id("org", group.name)
        name = group.display_name()
        organizations.append(
            Organization(
                org_id=org_id,
                name=name,
                canonical_name=group.name if group.known else None,
                acronym=group.acronym,
                country=group.country,
                aliases=sorted(f for f in group.forms if fold(f) != fold(name)),
                mentions=len(group.spans),
                **evidence(group.spans[0], ctx),
            )
        )
        mentions.extend(mention_records("organization", org_id, group.spans, ctx))
    return organizations, mentions

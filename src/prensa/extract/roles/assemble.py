"""From titles found next to names to Role records: normalised, one per person and office,
with the country the title or the sentence gives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from prensa import titles
from prensa.context import DocContext
from prensa.extract.roles.after import titles_after
from prensa.extract.roles.before import titles_before
from prensa.extract.roles.grammar import Reader
from prensa.extract.roles.shared import shared_titles
from prensa.extract.roles.standing import standing_titles
from prensa.extract.roles.view import Found
from prensa.extract.spans import entity_spans, evidence
from prensa.ids import entity_id, stable_id
from prensa.kb import governments
from prensa.labels import PLACE_LABELS
from prensa.records import Language, Person, Role
from prensa.text import fold

_STEM = 5


@dataclass(frozen=True)
class _Candidate:
    found: Found
    title: titles.NormalizedTitle

    @property
    def stems(self) -> frozenset[str]:
        """Five-letter stems of the title's content words: 'secretaria' ~ 'secretario'."""
        words = titles.tokenize(self.title.title)
        return frozenset(
            titles.key(w)[:_STEM]
            for w in words
            if w[:1].isalnum() and not titles.is_function_word(w)
        )


def _covers(kept: _Candidate, other: _Candidate) -> bool:
    """Is ``other`` the same office as ``kept``, written shorter?"""
    a, b = kept.title, other.title
    if a.status != b.status:
        return False
    if a.office == b.office and (not b.complement or b.complement == a.complement):
        return True
    return other.stems <= kept.stems


def _dedupe(candidates: list[_Candidate]) -> list[_Candidate]:
    """One role per person and office: the longest way the release wrote it."""
    ordered = sorted(
        candidates,
        key=lambda c: (-len(c.stems), -len(c.title.title), c.found.start),
    )
    kept: list[_Candidate] = []
    for candidate in ordered:
        if not any(
            k.found.person_id == candidate.found.person_id and _covers(k, candidate) for k in kept
        ):
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.found.start, c.found.end))


def _person_countries(candidates: list[_Candidate]) -> dict[str, str]:
    """A person's country, when their titles agree on one."""
    seen: dict[str, set[str]] = {}
    for c in candidates:
        if c.title.country:
            seen.setdefault(c.found.person_id, set()).add(c.title.country)
    return {pid: next(iter(cs)) for pid, cs in seen.items() if len(cs) == 1}


def _setting_country(doc: Doc, start: int, language: Language) -> str | None:
    """The country a sentence opens in: 'In Honduras, …', 'While in Panama, …'."""
    sent = doc[start].sent
    if not titles.is_setting_word(sent[0].text, language):
        return None
    for token in sent[: min(len(sent), 10)]:
        if token.text == ",":
            break
        if token.ent_type_ in PLACE_LABELS:
            ent = next(e for e in doc.ents if e.start <= token.i < e.end)
            place = titles.find_place(ent.text)
            if place is not None and place.kind == "country":  # a city's name is ambiguous
                return place.country_code
    return None


def _country(
    candidate: _Candidate, doc: Doc, language: Language, person_countries: dict[str, str]
) -> str | None:
    title = candidate.title
    if title.country:
        return title.country
    if candidate.found.person_id in person_countries:
        return person_countries[candidate.found.person_id]
    entry = title.entry
    if entry is not None and entry.is_national:
        # "In Panama, the delegation will meet with President Cortizo": Panama's president
        return _setting_country(doc, candidate.found.name.start, language)
    return None


def _issuers_office(candidate: _Candidate, ctx: DocContext) -> tuple[str | None, str | None] | None:
    """(organisation, country) of a Spanish office in another government's release: the title
    lexicon's organisations are Mexico's ('ministra de Salud' -> Secretaría de Salud), but in
    a release of Chile's government a portfolio written without its country is Chile's
    ministry, or no organisation prensa knows; as ``prensa.extract.organizations`` does for
    organisations. None leaves the title's own reading."""
    title, found, issuer = candidate.title, candidate.found, ctx.issuer_country
    if ctx.language != "es" or issuer is None or not title.organization:
        return None
    if found.country or found.places:
        return None  # 'el secretario de Salud de México': written with its country
    entry = titles.known_organization(title.organization)
    if entry is None or entry.country in (None, issuer):
        return None
    ministry = governments.resolve_office(title.title, issuer, ctx.language)
    if ministry is None:
        return None, None
    org = ministry.as_organization()
    return org.name, org.country


def _only_title(span: Span, language: Language) -> bool:
    """'Carlo Bulletti, Federal Attorney, Head of …': a mention that is all title words is
    a title misread as a name; it holds no role, and the title is the name's before it."""
    keys = [titles.key(t.text) for t in span]
    i, heads = 0, 0
    while i < len(keys):
        head = titles.match_title(keys, i, language)
        mod = titles.match_modifier(keys, i, language)
        if head:
            i, heads = i + head[0], heads + 1
        elif mod:
            i += mod[0]
        else:
            return False
    return heads > 0


def _find_titles(doc: Doc, language: Language, people: list[tuple[Span, str]]) -> list[Found]:
    """Every title next to a person mention, before normalisation and de-duplication."""
    reader = Reader.build(doc, language, people)
    found: list[Found] = []
    for span, pid in people:
        found.extend(titles_before(reader, span, pid))
        found.extend(titles_after(reader, span, pid))
    found.extend(shared_titles(reader))
    found.extend(standing_titles(reader))
    return found


def extract(doc: Doc, ctx: DocContext, people: Sequence[Person]) -> list[Role]:
    """One Role per person and distinct office the release gives them. People are read from
    the linked mentions on the Doc (``prensa.extract.spans.entity_spans``)."""
    # A name that starts in lower case ('de México') is a misread header, not a person.
    names = {p.person_id: p.name for p in people if p.name[:1].isupper()}
    spans = [
        (s, s.kb_id_)
        for s in entity_spans(doc, "person")
        if s.kb_id_ in names and not _only_title(s, ctx.language)
    ]
    candidates = [
        _Candidate(
            f,
            titles.normalize(
                f.text,
                ctx.language,
                country=f.country,
                organization=f.context_organization,
                organizations=f.organizations,
                places=f.places,
            ),
        )
        for f in _find_titles(doc, ctx.language, spans)
    ]
    countries = _person_countries(candidates)
    roles: dict[str, Role] = {}
    for c in _dedupe(candidates):
        pid, title = c.found.person_id, c.title
        role_id = stable_id("role", ctx.doc_id, pid, fold(title.title))
        if role_id in roles:
            continue
        start = min(c.found.start, c.found.name.start)
        end = max(c.found.end, c.found.name.end)
        country = _country(c, doc, ctx.language, countries)
        organization = title.organization
        issuers = _issuers_office(c, ctx)
        if issuers is not None:
            organization, country = issuers
        roles[role_id] = Role(
            role_id=role_id,
            person_id=pid,
            person=names[pid],
            title=title.title,
            title_es=title.title_es,
            title_en=title.title_en,
            org_id=entity_id("org", organization) if organization else None,
            organization=organization,
            country=country,
            **evidence(doc[start:end], ctx),
        )
    return list(roles.values())

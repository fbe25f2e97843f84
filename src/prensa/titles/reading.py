"""A title read in both languages, with the organisation and country it implies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prensa import gazetteer
from prensa.records import Language
from prensa.text import fold
from prensa.titles import complement as complements
from prensa.titles.case import restore_case
from prensa.titles.index import ModifierForm, match_conjunction
from prensa.titles.lookup import find_organization, place_text_for_template
from prensa.titles.parse import Parse, parse
from prensa.titles.portfolio import translate_phrase
from prensa.titles.schema import TitleEntry, lexicon
from prensa.titles.words import function_words, join, key, tokenize


@dataclass(frozen=True)
class NormalizedTitle:
    """A title read against the lexicon, in both languages, with what it implies."""

    title: str
    title_es: str | None
    title_en: str | None
    entry: TitleEntry | None = None
    status: frozenset[str] = frozenset()
    complement: str = ""
    organization: str | None = None
    country: str | None = None

    @property
    def office(self) -> str:
        return self.entry.office_key if self.entry else key(self.title)


def _sibling_organization(entry: TitleEntry, country: str) -> str | None:
    """'canciller' + MX → the Mexican foreign secretary's ministry, from the entry that says so."""
    for other in lexicon().titles:
        if other.office_key == entry.office_key and other.country == country and other.organization:
            return other.organization
    return None


def normalize(
    title: str,
    language: Language,
    *,
    country: str | None = None,
    organization: str | None = None,
    organizations: Sequence[str] = (),
    places: Sequence[str] = (),
) -> NormalizedTitle:
    """Read ``title`` (as written, without the name) in both languages.

    ``country`` is a nationality the context gave ("Mexican Foreign Secretary"); it wins over
    what the title implies. ``organization`` is one written before the title ("EU High
    Representative"), used when the title names none itself. ``organizations`` are organisation
    names the document has inside the title ("Cruz Roja Mexicana"); ``places`` the places it
    has there, which a translation keeps as written ("Presidente Municipal de Saltillo").
    """
    title = join(tokenize(restore_case(title, language)))
    p = parse(title, language)
    if p.head is None:
        return NormalizedTitle(
            title=title,
            title_es=title if language == "es" else None,
            title_en=title if language == "en" else None,
            country=country,
        )
    entry = p.head.entry
    org_name, resolved_country = _organization_and_country(
        p, entry, language, country, organization, organizations
    )
    mods = [m for m, _ in (*p.before, *p.after, *p.trailing)]
    status = {m.modifier.key for m in mods if m.modifier.status}
    if p.former_glued:
        status.add("former")
    other: Language = "en" if language == "es" else "es"
    own = _own_language(p, language)
    known = [*places, *(_governed_place(p, language) if entry.territorial else ())]
    translated = _other_language(p, language, other, entry.ministerial, known)
    return NormalizedTitle(
        title=p.without_demonyms(),
        title_es=own if language == "es" else translated,
        title_en=own if language == "en" else translated,
        entry=entry,
        status=frozenset(status),
        complement=" ".join(k for k in map(key, p.complement) if k not in function_words()),
        organization=org_name,
        country=resolved_country,
    )


def _governed_place(p: Parse, language: Language) -> list[str]:
    """The place a territorial office's complement ends with ('de Saltillo'), if the gazetteer
    has it under any name."""
    if not p.complement:
        return []
    starts = complements.np_starts([key(t) for t in p.complement], language)
    text = join(p.complement[starts[-1].start :])
    return [text] if text[:1].isupper() and gazetteer.load().lookup(text) is not None else []


def _portfolio_ministry(p: Parse, entry: TitleEntry, language: Language) -> str | None:
    """'secretario de Gobierno' is of the Secretaría de Gobierno: a complement that is one
    portfolio phrase ('de Gobierno', 'de Salud') names the ministry the entry's template gives."""
    template = getattr(entry.portfolio_organization, language, None)
    if template is None or len(p.complement) < 2:
        return None
    starts = complements.np_starts([key(t) for t in p.complement], language)
    if len(starts) != 1 or starts[0].prep != 0 or starts[0].article:
        return None
    text = join(p.complement[starts[0].start :])
    other: Language = "en" if language == "es" else "es"
    if not text[:1].isupper() or translate_phrase(text, language, other) is None:
        return None
    return template.format(portfolio=text)


def _organization_and_country(
    p: Parse,
    entry: TitleEntry,
    language: Language,
    country: str | None,
    organization: str | None,
    organizations: Sequence[str],
) -> tuple[str | None, str | None]:
    """The body the title is of and its country: what the complement names, else what the
    context or the lexicon entry implies."""
    explicit = country or p.country
    complement = complements.resolve(p.complement, language, organizations)
    org_name = complement.organization.name if complement.organization else None
    org_name = org_name or complement.organization_text
    found_country = complement.country
    if complement.organization is None:
        org_name = _portfolio_ministry(p, entry, language) or org_name
    if org_name is None and complement.whole_place and entry.place_organization:
        template = getattr(entry.place_organization, language)
        org_name = template.format(place=place_text_for_template(complement.place_text or ""))
    if org_name is None and organization:
        known = find_organization(organization, allow_short=False)
        org_name = known.name if known else organization
        found_country = found_country or (known.country if known else None)
    named_in_title = org_name is not None
    # 'Secretary of State for Culture' is a UK minister, not the U.S. Secretary of State
    implies = not (entry.bare_only and p.complement)
    entry_org = entry.organization if implies else None
    entry_country = entry.country if implies else None
    if org_name is None and entry_org:
        org_name = entry_org
    resolved_country = explicit or found_country or entry_country
    implied = found_country or entry_country
    if explicit and implied and implied != explicit and not named_in_title:
        org_name = None  # "Spain's Secretary of State" is not at the U.S. Department of State
    if org_name is None and resolved_country and not entry.head_of_state:
        org_name = _sibling_organization(entry, resolved_country)
    return org_name, resolved_country


def _own_language(p: Parse, language: Language) -> str:
    """The title as written, in the singular, its head spelt as the lexicon does, no demonym."""
    assert p.head is not None
    written = " ".join(p.tokens[p.head_start : p.head_end])
    head = p.head.form if p.head.plural or fold(written) == fold(p.head.form) else written
    mods = [
        [m.form if m.plural else text for m, text in group]
        for group in (p.before, p.after, p.trailing)
    ]
    if language == "es":
        mods = [[w.lower() for w in group] for group in mods]
        head = head if not head[:1].isupper() or p.head.form[:1].isupper() else head.lower()
    before, after, trailing = mods
    prefix = p.prefix if language == "en" else []
    return _capital(join([*prefix, *before, head, *after, *p.complement, *trailing]), language)


def _capital(text: str, language: Language) -> str:
    return text[:1].upper() + text[1:] if language == "en" else text


def _other_language(
    p: Parse, language: Language, target: Language, ministerial: bool, places: Sequence[str] = ()
) -> str | None:
    """The title in ``target``, or None when its complement cannot be translated whole."""
    assert p.head is not None
    head = p.head.entry.forms(target)[0]
    mods = [m for m, _ in (*p.before, *p.after, *p.trailing)]
    if p.former_glued:
        former = next((m for m in lexicon().modifiers if m.key == "former"), None)
        if former is not None:
            mods.insert(0, ModifierForm(former, former.en[0]))
    before: list[str] = []
    after: list[str] = []
    head_words = {key(w) for w in head.split()}
    for mod in mods:
        forms = mod.modifier.forms(target)
        if not forms or key(forms[0]) in head_words:
            continue
        (after if mod.modifier.after(target) else before).append(forms[0])
    if target == "en" and after:
        head, after = "-".join([head, *after]), []  # "President-elect"
    complement = complements.translate(p.complement, language, target, ministerial, places)
    if complement is None:
        return None
    portfolio = _prefix_portfolio(p.prefix, language, target) if p.prefix else None
    if language == "en" and portfolio and not complement:
        complement = f"de {portfolio}"  # 'Defence Secretary' → 'secretario de Defensa'
    return _capital(join([*before, head, *after, complement]), target)


def _prefix_portfolio(prefix: list[str], language: Language, target: Language) -> str | None:
    """'Business and Trade' → 'Empresas y Comercio': portfolios written before the head, each
    one of the list, joined by conjunctions or commas; None when any is not."""
    out: list[str] = []
    piece: list[str] = []
    for token in [*prefix, ""]:
        link = match_conjunction([key(token)], 0, language) if token else None
        if token and token != "," and not link:
            piece.append(token)
            continue
        phrase = translate_phrase(join(piece), language, target) if piece else None
        if phrase is None:
            return None
        out.append(phrase)
        if token:
            out.append(link[1] if link else ",")
        piece = []
    return join(out)

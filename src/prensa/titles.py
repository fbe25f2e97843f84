"""The bilingual title lexicon (``models/titles.yaml``): loading, matching, normalising.

A title is read as ``[modifiers] head [modifiers] [complement]``: "subsecretaria principal adjunta
para Asuntos del Hemisferio Occidental del Departamento de Estado" has the head "subsecretaria",
two modifiers and a complement that names an organisation. The head is translated through the
lexicon and the complement through the organisation aliases and the gazetteer, so a Spanish
title gets an English form and the other way round; what neither table knows stays as written.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Generic, Literal, TypeVar

import pycountry
from pydantic import BaseModel, ConfigDict, Field, model_validator

from prensa import gazetteer, resources
from prensa.extract.organizations import known_organization
from prensa.records import Language
from prensa.resources import LexiconError, OrganizationEntry
from prensa.text import fold

T = TypeVar("T")

# --- the data file ----------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlaceOrganization(_Strict):
    es: str
    en: str


class TitleEntry(_Strict):
    """One office or rank, with what it implies."""

    id: str
    kind: Literal["office", "rank"] = "office"
    office: str | None = None
    es: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)
    organization: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    head_of_state: bool = False
    national: bool = False
    ministerial: bool = False
    place_organization: PlaceOrganization | None = None

    @property
    def office_key(self) -> str:
        return self.office or self.id

    @property
    def is_national(self) -> bool:
        """An office of a country's government (a head of state's included)."""
        return self.national or self.head_of_state

    def forms(self, language: Language) -> list[str]:
        return self.es if language == "es" else self.en


class Modifier(_Strict):
    """A word that qualifies a title; ``status`` ones make it a different office."""

    es: list[str]
    en: list[str]
    status: bool = False
    es_after: bool = False
    en_after: bool = False

    def forms(self, language: Language) -> list[str]:
        return self.es if language == "es" else self.en

    def after(self, language: Language) -> bool:
        return self.es_after if language == "es" else self.en_after

    @property
    def key(self) -> str:
        return fold((self.en or self.es)[0])


class Demonym(_Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    es: list[str]
    en: list[str]


class PerLanguage(_Strict):
    es: list[str]
    en: list[str]


class TitleLexicon(_Strict):
    titles: list[TitleEntry]
    modifiers: list[Modifier]
    demonyms: list[Demonym]
    honorifics: PerLanguage
    introducers: PerLanguage
    copulas: PerLanguage
    prepositions: dict[Language, dict[str, str]]
    conjunctions: dict[Language, dict[str, str]]
    setting_words: PerLanguage
    locative_prepositions: PerLanguage
    relations: PerLanguage
    ministry_patterns: dict[Language, str]
    article_places: list[str]
    not_titles: list[str]

    @model_validator(mode="after")
    def _unique_ids(self) -> TitleLexicon:
        seen: set[str] = set()
        for entry in self.titles:
            if entry.id in seen:
                raise ValueError(f"title id {entry.id!r} is used twice")
            seen.add(entry.id)
        return self


@cache
def lexicon() -> TitleLexicon:
    """The validated lexicon; every organisation it names must be in organizations.yaml."""
    data = resources.load_yaml("titles.yaml", TitleLexicon)
    for entry in data.titles:
        if entry.organization and known_organization(entry.organization) is None:
            raise LexiconError(
                f"models/titles.yaml: {entry.id}: unknown organization {entry.organization!r}"
            )
    return data


# --- words ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"['’]s\b|\w+(?:\.\w+|['’](?!s\b)\w+)*\.?|[^\w\s]")
_ARTICLES: dict[str, frozenset[str]] = {
    "es": frozenset({"el", "la", "los", "las", "un", "una"}),
    "en": frozenset({"the", "a", "an"}),
}
ARTICLES = _ARTICLES["es"] | _ARTICLES["en"]
_IRREGULAR_PLURALS = {"primer": "primeros"}


def key(text: str) -> str:
    """How a word is compared: folded, curly apostrophes straightened, final period dropped."""
    folded = fold(text).replace("’", "'")
    return folded.rstrip(".") if folded != "." else folded


def tokenize(text: str) -> list[str]:
    """Words and punctuation, split the way the spaCy tokenizers split titles."""
    return _TOKEN.findall(text)


def _plural_es(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word[-1:] in "aeiou":
        return word + "s"
    return word + "es"


def _plural_en(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def plural(words: tuple[str, ...], language: Language, head_only: bool = True) -> tuple[str, ...]:
    """Plural of a folded form: Spanish inflects the words before the first preposition
    ("jefes de Gobierno"), English the last of them ("Secretaries of State")."""
    function = _function_words()
    run = next((i for i, w in enumerate(words) if w in function), len(words))
    if run == 0:
        return words
    out = list(words)
    if language == "es":
        for i in range(run if head_only else len(words)):
            out[i] = _plural_es(out[i])
    else:
        out[run - 1] = _plural_en(out[run - 1])
    return tuple(out)


@cache
def _function_words(language: Language | None = None) -> frozenset[str]:
    """Prepositions, conjunctions and articles of ``language`` (of both when None)."""
    data = lexicon()
    languages = [language] if language else ["es", "en"]
    words = {
        key(w)
        for table in (data.prepositions, data.conjunctions)
        for lang in languages
        for phrase in table[lang]  # type: ignore[index]
        for w in phrase.split()
    }
    return frozenset(words.union(*(_ARTICLES[lang] for lang in languages)))


def is_function_word(word: str) -> bool:
    """A preposition, conjunction or article, in either language (folded)."""
    return key(word) in _function_words()


class PhraseIndex(Generic[T]):
    """Folded word sequences indexed by first word; ``match`` finds the longest at a position."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], T]]] = {}

    def add(self, words: tuple[str, ...], value: T) -> None:
        if not words:
            return
        options = self._by_first.setdefault(words[0], [])
        if any(existing == words for existing, _ in options):
            return  # the first entry that lists a form keeps it
        options.append((words, value))
        options.sort(key=lambda o: -len(o[0]))

    def match(self, words: Sequence[str], start: int = 0) -> tuple[int, T] | None:
        if start >= len(words):
            return None
        for option, value in self._by_first.get(words[start], ()):
            if tuple(words[start : start + len(option)]) == option:
                return len(option), value
        return None


def _words(form: str) -> tuple[str, ...]:
    return tuple(key(t) for t in tokenize(form))


@dataclass(frozen=True)
class TitleForm:
    """A lexicon form found in text: which entry, as which form, singular or plural."""

    entry: TitleEntry
    form: str
    plural: bool = False


@dataclass(frozen=True)
class ModifierForm:
    modifier: Modifier
    form: str
    plural: bool = False


@dataclass(frozen=True)
class _Indexes:
    titles: PhraseIndex[TitleForm]
    modifiers: PhraseIndex[ModifierForm]
    demonyms: PhraseIndex[str]
    honorifics: PhraseIndex[str]
    introducers: PhraseIndex[str]
    copulas: PhraseIndex[str]
    prepositions: PhraseIndex[str]
    conjunctions: PhraseIndex[str]


@cache
def _indexes(language: Language) -> _Indexes:
    data = lexicon()
    titles: PhraseIndex[TitleForm] = PhraseIndex()
    for entry in data.titles:
        for form in entry.forms(language):
            titles.add(_words(form), TitleForm(entry, form))
    for entry in data.titles:  # plurals after every singular, so a singular form always wins
        for form in entry.forms(language):
            titles.add(plural(_words(form), language), TitleForm(entry, form, plural=True))
    modifiers: PhraseIndex[ModifierForm] = PhraseIndex()
    for mod in data.modifiers:
        for form in mod.forms(language):
            modifiers.add(_words(form), ModifierForm(mod, form))
            if language == "es":
                modifiers.add(
                    plural(_words(form), "es", head_only=False), ModifierForm(mod, form, True)
                )
    demonyms: PhraseIndex[str] = PhraseIndex()
    for dem in data.demonyms:
        for form in dem.es if language == "es" else dem.en:
            demonyms.add(_words(form), dem.country)
            if language == "es":
                demonyms.add(plural(_words(form), "es", head_only=False), dem.country)
    other: dict[str, PhraseIndex[str]] = {}
    for name in ("honorifics", "introducers", "copulas"):
        index: PhraseIndex[str] = PhraseIndex()
        for phrase in getattr(data, name).es if language == "es" else getattr(data, name).en:
            index.add(_words(phrase), phrase)
        other[name] = index
    preps: PhraseIndex[str] = PhraseIndex()
    for source, target in data.prepositions[language].items():
        preps.add(_words(source), target)
    conjunctions: PhraseIndex[str] = PhraseIndex()
    for source, target in data.conjunctions[language].items():
        conjunctions.add(_words(source), target)
    return _Indexes(
        titles=titles,
        modifiers=modifiers,
        demonyms=demonyms,
        honorifics=other["honorifics"],
        introducers=other["introducers"],
        copulas=other["copulas"],
        prepositions=preps,
        conjunctions=conjunctions,
    )


@cache
def _not_titles() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon().not_titles)


def match_title(
    words: Sequence[str], start: int, language: Language, raw: str = ""
) -> tuple[int, TitleForm] | None:
    """The longest title form at ``words[start]`` (folded keys); ``raw`` is the first word as
    written, so an accented ministry ("Secretaría") is not read as its secretary. A Spanish
    former office written as one word ("expresidente") matches its office."""
    if raw and raw.casefold() in _not_titles():
        return None
    found = _indexes(language).titles.match(words, start)
    word = words[start] if start < len(words) else ""
    if found is None and language == "es" and word.startswith("ex") and len(word) > 5:
        found = _indexes(language).titles.match([word[2:].lstrip("-"), *words[start + 1 :]])
    return found


def match_modifier(
    words: Sequence[str], start: int, language: Language
) -> tuple[int, ModifierForm] | None:
    return _indexes(language).modifiers.match(words, start)


def match_demonym(words: Sequence[str], start: int, language: Language) -> tuple[int, str] | None:
    return _indexes(language).demonyms.match(words, start)


def match_honorific(words: Sequence[str], start: int, language: Language) -> int:
    found = _indexes(language).honorifics.match(words, start)
    return found[0] if found else 0


def match_introducer(words: Sequence[str], start: int, language: Language) -> int:
    found = _indexes(language).introducers.match(words, start)
    return found[0] if found else 0


def match_copula(words: Sequence[str], start: int, language: Language) -> int:
    found = _indexes(language).copulas.match(words, start)
    return found[0] if found else 0


def match_preposition(
    words: Sequence[str], start: int, language: Language
) -> tuple[int, str] | None:
    """A preposition (with its article) opening a complement, and its translation."""
    return _indexes(language).prepositions.match(words, start)


def match_conjunction(
    words: Sequence[str], start: int, language: Language
) -> tuple[int, str] | None:
    return _indexes(language).conjunctions.match(words, start)


def demonym_country(text: str, language: Language) -> str | None:
    """'Mexican' → MX, 'costarricense' → CR: only when the whole text is a demonym."""
    words = [key(t) for t in tokenize(text)]
    found = match_demonym(words, 0, language)
    return found[1] if found and found[0] == len(words) else None


# --- organisations and places in a complement ---------------------------------------------------


@cache
def _ministry_pattern(language: Language) -> re.Pattern[str]:
    return re.compile(lexicon().ministry_patterns[language])


@cache
def _language_hints(language: Language) -> frozenset[str]:
    """Function words only ``language`` has: what tells an alias's language."""
    other: Language = "en" if language == "es" else "es"
    return _function_words(language) - _function_words(other)


def _looks(language: Language, name: str) -> bool:
    """Is a name surely written in ``language``? Told apart by function words, accents and
    nationalities ('Mexican Navy')."""
    ws = [key(w) for w in name.split()]
    has_es = bool(set(ws) & _language_hints("es")) or any(c in name for c in "áéíóúñÁÉÍÓÚÑ")
    has_en = bool(set(ws) & _language_hints("en")) or any(
        match_demonym(ws, i, "en") for i in range(len(ws))
    )
    return has_es and not has_en if language == "es" else has_en and not has_es


def organization_name(org: OrganizationEntry, language: Language) -> str | None:
    """The organisation's name in ``language``, if it has one: a name surely in it, else an
    English alias with no sign of Spanish ('World Bank')."""
    names = (org.name, *org.aliases)
    sure = next((n for n in names if _looks(language, n)), None)
    if sure is not None or language == "es":
        return sure
    return next(
        (n for n in org.aliases if " " in n and not n.isupper() and not _looks("es", n)), None
    )


def _portfolio(org: OrganizationEntry, language: Language) -> str | None:
    """'Secretariat of the Navy' → 'of the Navy': what a secretary of that ministry is of."""
    found = [
        m.group(1) + " " + m.group(2)
        for name in (org.name, *org.aliases)
        if _looks(language, name) and (m := _ministry_pattern(language).match(name))
    ]
    return max(found, key=len) if found else None


@cache
def _region_names() -> dict[str, tuple[str, str]]:
    """Region key → (Spanish name, English name), from the places lexicon."""
    names: dict[str, tuple[str, str]] = {}
    for region in resources.place_lexicon().regions:
        english = next((a for a in region.aliases if not _looks("es", a)), region.name)
        names[f"region:{fold(region.name)}"] = (region.name, english)
    return names


@cache
def _spanish_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"], fallback=True)


def place_name(entry: gazetteer.PlaceEntry, language: Language, written: str) -> str:
    """A place's name in ``language``; Spanish keeps cities and states as written."""
    if entry.key in _region_names():
        es, en = _region_names()[entry.key]
        return es if language == "es" else en
    if entry.kind == "state":
        return _place_text_for_template(_strip_article(written))  # ISO: 'Veracruz de Ignacio …'
    if language == "en":
        return entry.name
    if entry.kind == "country" and entry.country_code:
        country = pycountry.countries.get(alpha_2=entry.country_code)
        if country is not None:
            return _spanish_countries().gettext(getattr(country, "common_name", country.name))
    return _strip_article(written)


def _strip_article(text: str) -> str:
    words = text.split()
    while words and key(words[0]) in ARTICLES:
        words = words[1:]
    return " ".join(words)


def find_organization(text: str, allow_short: bool = True) -> OrganizationEntry | None:
    """The lexicon organisation called ``text`` (with or without its article). Short names
    ("Marina") count only where ``allow_short``: right after a title's head."""
    text = text.strip(" ,")
    for candidate in (text, _strip_article(text)):
        found = known_organization(candidate)
        if found is not None and (allow_short or fold(candidate) not in map(fold, found.short)):
            return found
    return None


def find_place(text: str, split_commas: bool = False) -> gazetteer.PlaceEntry | None:
    """A place named ``text``; with ``split_commas``, 'Islas Marías, Nayarit' is read from its
    last part. A city counts only under a reviewed name or a name of several words: one-word
    city names are too often ordinary words ("la República", "Fomento")."""
    text = text.strip(" ,")
    if not text or not text[:1].isalpha():
        return None
    bare = _strip_article(text)
    found = gazetteer.load().lookup(text) or gazetteer.load().lookup(bare)
    if found is not None and found.kind == "city":
        reviewed = fold(text) in _safe_city_names() or fold(bare) in _safe_city_names()
        if not reviewed and not (" " in bare and fold(bare) == fold(found.name)):
            found = None
    if found is None and split_commas and "," in text:
        return find_place(text.rsplit(",", 1)[1])
    return found


@cache
def _safe_city_names() -> frozenset[str]:
    return frozenset(fold(n) for n, e in gazetteer.load().surface_forms() if e.kind == "city")


def is_organization_head(word: str) -> bool:
    """Is a capitalised word one that starts an institution's name ('Centro', 'Gobierno')?"""
    return word[:1].isupper() and fold(word) in _org_heads()


def _org_head(text: str) -> bool:
    """Does a capitalised phrase start with an organisation head ('Gobierno de España')?"""
    words = text.split()
    return bool(words) and is_organization_head(words[0])


@cache
def _org_heads() -> frozenset[str]:
    return frozenset(fold(h) for h in resources.heads().organization_heads if " " not in h)


# --- normalising ------------------------------------------------------------------------------


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


@dataclass
class _Parse:
    tokens: list[str]
    keys: list[str]
    head: TitleForm | None = None
    head_start: int = 0
    head_end: int = 0
    before: list[tuple[ModifierForm, str]] = field(default_factory=list)
    after: list[tuple[ModifierForm, str]] = field(default_factory=list)
    trailing: list[tuple[ModifierForm, str]] = field(default_factory=list)
    prefix: list[str] = field(default_factory=list)
    complement: list[str] = field(default_factory=list)
    country: str | None = None
    demonyms: list[int] = field(default_factory=list)
    former_glued: bool = False

    def without_demonyms(self) -> str:
        """The title as written minus its nationality: 'canciller mexicano' → 'canciller'."""
        return _join(t for i, t in enumerate(self.tokens) if i not in self.demonyms)


def _parse(title: str, language: Language) -> _Parse:
    tokens = tokenize(title)
    keys = [key(t) for t in tokens]
    p = _Parse(tokens, keys)
    i = 0
    while i < len(keys) and keys[i] in ARTICLES:
        i += 1
    pending: list[str] = []
    while i < len(keys):
        head = match_title(keys, i, language, tokens[i])
        if head:
            p.head, p.head_start, p.head_end = head[1], i, i + head[0]
            p.former_glued = key(head[1].form.split()[0]) != keys[i] and keys[i].startswith("ex")
            p.prefix = pending
            break
        mod = match_modifier(keys, i, language)
        dem = match_demonym(keys, i, language)
        if mod:
            p.before.append((mod[1], " ".join(tokens[i : i + mod[0]])))
            i += mod[0]
        elif dem:
            p.country = dem[1]
            p.demonyms.extend(range(i, i + dem[0]))
            i += dem[0]
        else:
            pending.append(tokens[i])
            i += 1
    if p.head is None:
        p.complement = tokens
        return p
    i, end = p.head_end, len(keys)
    while end > i + 1:  # status words after the complement: "secretaria de Gobernación saliente"
        mod = match_modifier(keys, end - 1, language)
        if not (mod and mod[0] == 1 and mod[1].modifier.status and mod[1].modifier.after(language)):
            break
        p.trailing.insert(0, (mod[1], tokens[end - 1]))
        end -= 1
    while i < end:
        if keys[i] == "-" and i + 1 < end:
            i += 1
            continue
        mod = match_modifier(keys, i, language)
        if mod and (language == "es" or mod[1].modifier.after(language)):
            p.after.append((mod[1], " ".join(tokens[i : i + mod[0]])))
            i += mod[0]
            continue
        dem = match_demonym(keys, i, language)
        if dem and language == "es":
            p.country = dem[1]
            p.demonyms.extend(range(i, i + dem[0]))
            i += dem[0]
            continue
        break
    p.complement = tokens[i:end]
    return p


def _join(parts: Iterable[str]) -> str:
    text = " ".join(p for p in parts if p)
    text = re.sub(r"\s+([,.;:])(?!\w)", r"\1", text)
    text = re.sub(r"\s+(['’]s)\b", r"\1", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class _Complement:
    organization: OrganizationEntry | None = None
    organization_text: str | None = None
    place: gazetteer.PlaceEntry | None = None
    place_text: str | None = None
    country: str | None = None
    whole_place: bool = False


@dataclass(frozen=True)
class _NounPhrase:
    """Where a complement's noun phrase starts, after its preposition ('de la Ciudad de
    México': the article 'la'); a locative one ('en México') names where, not whose."""

    prep: int
    start: int
    article: str = ""
    locative: bool = False


def _np_starts(keys: Sequence[str], language: Language) -> list[_NounPhrase]:
    locative = {key(w) for w in getattr(lexicon().locative_prepositions, language)}
    starts: list[_NounPhrase] = []
    for i in range(len(keys)):
        prep = match_preposition(keys, i, language)
        if prep:
            last = keys[i + prep[0] - 1]
            article = last if last in ARTICLES else ("el" if last == "del" else "")
            starts.append(_NounPhrase(i, i + prep[0], article, keys[i] in locative))
    if not starts or (starts[0].start != 0 and not match_preposition(keys, 0, language)):
        starts.insert(0, _NounPhrase(0, 0))
    return starts


def _resolve_complement(tokens: list[str], language: Language, hints: Sequence[str]) -> _Complement:
    """The organisation or place a complement names: the whole of it or its tail after a
    preposition ('… del Departamento de Estado'), else an organisation the doc found in it."""
    if not tokens:
        return _Complement()
    keys = [key(t) for t in tokens]
    starts = _np_starts(keys, language)
    first = starts[0].start
    for np in starts:
        text = _join(tokens[np.start :])
        org = find_organization(text, allow_short=np.start == first)
        if org is not None:
            return _Complement(organization=org, organization_text=text, country=org.country)
    place = _place_in(tokens, starts)
    tails = {fold(_strip_article(_join(tokens[np.start :]))) for np in starts}
    for hint in sorted(hints, key=len, reverse=True):
        # the doc's organisation must be the whole tail: 'Cruz Roja Mexicana', not 'Hacienda'
        # in 'ministro de Gobernación, Justicia y Hacienda'
        if fold(_strip_article(hint)) in tails and (place is None or fold(hint) != fold(place[1])):
            org = find_organization(hint)
            name = org.name if org else _strip_article(hint)
            country = org.country if org and org.country else None
            return _Complement(
                organization=org,
                organization_text=name,
                country=country or (place[0].country_code if place else None),
            )
    for np in starts:
        text = _join(tokens[np.start :])
        if _org_head(text):
            country = place[0].country_code if place else None
            return _Complement(organization_text=text, country=country)
    if place is not None:
        entry, text, whole = place
        return _Complement(
            place=entry, place_text=text, country=entry.country_code, whole_place=whole
        )
    return _Complement()


def _place_in(
    tokens: list[str], starts: Sequence[_NounPhrase]
) -> tuple[gazetteer.PlaceEntry, str, bool] | None:
    """The place a complement names (the tail from a noun phrase on, else one noun phrase),
    its text with the article the preposition carried ('la Ciudad de México'), and whether it
    is all of the tail ('Islas Marías, Nayarit' is only in Nayarit). A locative place
    ('embajador en México') is where the office is, not whose it is."""
    ends = [np.prep for np in starts[1:]] + [len(tokens)]
    spans = [(np, len(tokens)) for np in starts] + list(zip(starts, ends, strict=True))
    for np, end in spans:
        text = _join(tokens[np.start : end])
        if np.locative or not (
            text[:1].isupper() or fold(text).startswith(("estado de", "state of"))
        ):
            continue
        entry = find_place(text, split_commas=True)
        if entry is not None:
            whole = end == len(tokens) and find_place(text) is not None
            written = _join([np.article, text]) if np.article in ("la", "las", "los") else text
            return entry, written, whole
    return None


def _translate_complement(
    tokens: list[str], language: Language, target: Language, ministerial: bool
) -> str:
    """The complement in ``target``: prepositions through the lexicon, organisations and places
    through their aliases and the gazetteer, anything else as written."""
    keys = [key(t) for t in tokens]
    out: list[str] = []
    i = 0
    first_np = True
    while i < len(tokens):
        prep = match_preposition(keys, i, language)
        conj = None if prep else match_conjunction(keys, i, language)
        if prep or conj:
            n, word = prep or conj  # type: ignore[misc]
            out.append(word)
            i += n
            continue
        if (target == "es" and keys[i] in ARTICLES) or keys[i] == ",":
            out.append("," if keys[i] == "," else "")
            i += 1
            continue
        boundaries = [
            j
            for j in range(i + 1, len(tokens))
            if keys[j] == ","
            or match_preposition(keys, j, language)
            or match_conjunction(keys, j, language)
        ]
        stop = boundaries[0] if boundaries else len(tokens)
        resolved = _resolve_span(
            tokens, i, [*boundaries, len(tokens)], language, target, ministerial and first_np, out
        )
        first_np = False
        if resolved:
            i = resolved
        else:
            out.extend(tokens[i:stop])
            i = stop
    return _join(out)


def _resolve_span(
    tokens: list[str],
    i: int,
    ends: list[int],
    language: Language,
    target: Language,
    portfolio: bool,
    out: list[str],
) -> int:
    """Translate the longest organisation or place from ``i`` to one of ``ends`` (a noun
    phrase's end: 'Western Hemisphere Affairs' is not the Western Hemisphere) into ``out``."""
    if not tokens[i][:1].isalnum():
        return 0
    for j in sorted(ends, reverse=True):
        text = _join(tokens[i:j])
        org = find_organization(text, allow_short=portfolio)
        if org is not None:
            ministry = _portfolio(org, target) if portfolio and j == len(tokens) else None
            short = fold(_strip_article(text)) in {fold(n) for n in org.short}
            name = (not short and organization_name(org, target)) or text
            if ministry and out:
                out[-1] = ministry  # replaces the preposition: "of the Navy"
            elif target == "en" and out and out[-1] in ("of", "for", "to", "in"):
                if is_organization_head(name.split()[0]):
                    out[-1] += " the"  # 'of the Ministry of the Interior'
                out.append(name)
            else:
                out.append(name)
            return j
        place = find_place(text) if text[:1].isupper() or fold(text).startswith("estado") else None
        if place is not None:
            name = place_name(place, target, text)
            if target == "en" and out and place.kind != "region":
                needs_article = name.split()[0] in lexicon().article_places
                if out[-1].endswith(" the") and not needs_article:
                    out[-1] = out[-1].removesuffix(" the")
                elif needs_article and out[-1] in ("of", "for", "in", "to"):
                    out[-1] += " the"
            out.append(name)
            return j
    rest = _join(tokens[i:])
    if _org_head(rest):
        out.append(rest)  # an institution the tables do not know keeps its own name
        return len(tokens)
    return 0


def _place_text_for_template(text: str) -> str:
    """'estado de Nayarit' → 'Nayarit'; 'la Ciudad de México' keeps its article."""
    words = text.split()
    for lead in (["estado", "de"], ["the", "state", "of"], ["state", "of"]):
        if words[: len(lead)] == lead:  # lower case: 'Estado de México' is the state's name
            return " ".join(words[len(lead) :])
    return text


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
) -> NormalizedTitle:
    """Read ``title`` (as written, without the name) in both languages.

    ``country`` is a nationality the context gave ("Mexican Foreign Secretary"); it wins over
    what the title implies. ``organization`` is one written before the title ("EU High
    Representative"), used when the title names none itself. ``organizations`` are organisation
    names the document has inside the title ("Cruz Roja Mexicana").
    """
    title = _join(tokenize(restore_case(title, language)))
    p = _parse(title, language)
    if p.head is None:
        return NormalizedTitle(
            title=title,
            title_es=title if language == "es" else None,
            title_en=title if language == "en" else None,
            country=country,
        )
    entry = p.head.entry
    explicit = country or p.country
    complement = _resolve_complement(p.complement, language, organizations)
    mods = [m for m, _ in (*p.before, *p.after, *p.trailing)]
    status = {m.modifier.key for m in mods if m.modifier.status}
    if p.former_glued:
        status.add("former")

    org_name = complement.organization.name if complement.organization else None
    org_name = org_name or complement.organization_text
    found_country = complement.country
    if org_name is None and complement.whole_place and entry.place_organization:
        template = getattr(entry.place_organization, language)
        org_name = template.format(place=_place_text_for_template(complement.place_text or ""))
    if org_name is None and organization:
        known = find_organization(organization, allow_short=False)
        org_name = known.name if known else organization
        found_country = found_country or (known.country if known else None)
    named_in_title = org_name is not None
    if org_name is None and entry.organization:
        org_name = entry.organization
    resolved_country = explicit or found_country or entry.country
    implied = found_country or entry.country
    if explicit and implied and implied != explicit and not named_in_title:
        org_name = None  # "Spain's Secretary of State" is not at the U.S. Department of State
    if org_name is None and resolved_country and not entry.head_of_state:
        org_name = _sibling_organization(entry, resolved_country)

    other: Language = "en" if language == "es" else "es"
    own = _own_language(p, language)
    translated = _other_language(p, language, other, entry.ministerial)
    return NormalizedTitle(
        title=p.without_demonyms(),
        title_es=own if language == "es" else translated,
        title_en=own if language == "en" else translated,
        entry=entry,
        status=frozenset(status),
        complement=" ".join(k for k in map(key, p.complement) if k not in _function_words()),
        organization=org_name,
        country=resolved_country,
    )


def _own_language(p: _Parse, language: Language) -> str:
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
    return _capital(_join([*prefix, *before, head, *after, *p.complement, *trailing]), language)


def _capital(text: str, language: Language) -> str:
    return text[:1].upper() + text[1:] if language == "en" else text


def _other_language(p: _Parse, language: Language, target: Language, ministerial: bool) -> str:
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
    complement = _translate_complement(p.complement, language, target, ministerial)
    return _capital(_join([*before, head, *after, complement]), target)


# --- case -------------------------------------------------------------------------------------


def restore_case(title: str, language: Language) -> str:
    """An upper-case title (a transcript header) in sentence case: lower-case words, with the
    organisations and places it names capitalised again."""
    if not title.isupper():
        return title
    tokens = tokenize(title.lower())
    keys = [key(t) for t in tokens]
    out = list(tokens)

    def capitalise(start: int, end: int) -> None:
        for k in range(start, end):
            if keys[k] not in _function_words():
                out[k] = tokens[k][:1].upper() + tokens[k][1:]

    starts = [np.start for np in _np_starts(keys, language) if np.start > 0]
    for s in starts:
        if s < len(tokens) and is_organization_head(tokens[s].capitalize()):
            capitalise(s, len(tokens))  # 'banco del bienestar': an institution's name
            break
        for j in range(len(tokens), s, -1):
            text = _join(tokens[s:j])
            if find_organization(text, allow_short=s == starts[0]) or find_place(text):
                capitalise(s, j)
                break
    return _join(out)


def is_relation(word: str, language: Language) -> bool:
    """'esposa', 'wife': a relative, whose 'de/of' makes the title someone else's."""
    data = lexicon().relations
    return key(word) in {key(w) for w in (data.es if language == "es" else data.en)}


def is_setting_word(word: str, language: Language) -> bool:
    """'In', 'While', 'En': a word that opens a sentence's setting ('In Honduras, …')."""
    data = lexicon().setting_words
    return key(word) in {key(w) for w in (data.es if language == "es" else data.en)}

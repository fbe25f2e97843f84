"""The reviewed data in models/ holds together: every file validates against its schema, no form
is listed twice, every cross-reference resolves, and every title reads in both languages.

Each check returns the problems it finds, so the tests at the end can show that a broken copy of
the lexicon is caught.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from prensa import resources, taxonomy, timex, titles
from prensa.evaluate import conll
from prensa.evaluate.gold.vocabulary import vocabulary as gold_vocabulary
from prensa.extract import dates
from prensa.ingest import issuer, patterns
from prensa.kb import governments
from prensa.records import Language
from prensa.resources import LexiconError
from prensa.timex import numeric

#: Every models/ file read through ``prensa.resources.load_yaml``, and a call that loads it.
LOADERS: dict[str, Callable[[], object]] = {
    "entities/person_filters.yaml": resources.person_filters,
    "entities/organizations.yaml": resources.organizations,
    "entities/places.yaml": resources.place_lexicon,
    "entities/heads.yaml": resources.heads,
    "language/es.yaml": lambda: resources.function_words("es"),
    "language/en.yaml": lambda: resources.function_words("en"),
    "titles.yaml": titles.lexicon,
    "topics.yaml": taxonomy.taxonomy,
    "commitments.yaml": taxonomy.commitment_model,
    "dates/lexicon.yaml": lambda: (timex.lexicon("es"), timex.lexicon("en")),
    "dates/patterns.yaml": lambda: (dates.patterns("es"), dates.patterns("en")),
    "dates/numeric.yaml": numeric.numeric_orders,
    "evaluation/conll_labels.yaml": lambda: (conll.label_map("es"), conll.label_map("en")),
    "evaluation/stopwords.yaml": gold_vocabulary,
    "entities/governments.yaml": governments.governments_file,
    "issuers.yaml": issuer._patterns,
    "segment/dates.yaml": patterns.date_patterns,
    "segment/header.yaml": patterns.header_rules,
    "segment/boilerplate.yaml": patterns.boilerplate_rules,
    "segment/language.yaml": patterns.language_rules,
}
#: Files read by a reader of their own (the quality gate's floors).
OTHER_READERS = {"quality_floors.yaml"}
OTHER_FOLDERS = {"ner"}
#: Flat word lists whose members must be distinct once folded.
WORD_LIST_FILES = [
    "language/es.yaml",
    "language/en.yaml",
    "evaluation/stopwords.yaml",
    "entities/person_filters.yaml",
    "entities/heads.yaml",
]


# --- checks -----------------------------------------------------------------------------------


def _form_key(form: str) -> tuple[str, ...]:
    """A form as the lexicon matches it: its tokens' keys ('Director-General' keeps its hyphen)."""
    return tuple(titles.key(t) for t in titles.tokenize(form))


def _repeated(forms: Iterable[str]) -> list[str]:
    seen: set[tuple[str, ...]] = set()
    repeated: list[str] = []
    for form in forms:
        k = _form_key(form)
        if k in seen:
            repeated.append(form)
        seen.add(k)
    return repeated


def _word_lists(node: Any, path: str = "") -> Iterable[tuple[str, list[str]]]:
    """Every list of strings in a parsed YAML document, with where it is."""
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _word_lists(value, f"{path}.{name}" if path else str(name))
    elif isinstance(node, list) and node and all(isinstance(w, str) for w in node):
        yield path, node


def word_list_problems(relative: str) -> list[str]:
    raw = yaml.safe_load((resources.models_dir() / relative).read_text(encoding="utf-8"))
    return [
        f"{relative}: {path}: {form!r} is listed twice"
        for path, words in _word_lists(raw)
        for form in _repeated(words)
    ]


def _country_problems(owner: str, code: str | None) -> list[str]:
    if code is None or pycountry.countries.get(alpha_2=code) is not None:
        return []
    return [f"{owner}: {code!r} is not an ISO 3166-1 country"]


def _form_problems(kind: str, owners: list[tuple[str, list[str], list[str]]]) -> list[str]:
    """A form reads as one entry: listed again only in a later entry's renders_only, and then
    read by an entry before it. ``owners``: (name, forms of one language, renders_only)."""
    problems: list[str] = []
    readers: dict[tuple[str, ...], str] = {}
    for owner, forms, renders in owners:
        problems += [f"{kind} {owner!r}: {form!r} is listed twice" for form in _repeated(forms)]
        for form in forms:
            k = _form_key(form)
            if form in renders:
                if k not in readers:
                    problems.append(f"{kind} {owner!r}: no entry before it reads {form!r}")
            elif readers.setdefault(k, owner) != owner:
                problems.append(f"{kind} {owner!r}: {form!r} is already {readers[k]!r}'s")
    return problems


def title_problems() -> list[str]:
    """Everything wrong with models/titles.yaml, read against the other models/ files."""
    try:
        data = titles.lexicon()
    except LexiconError as exc:
        return [str(exc)]
    problems: list[str] = []
    for lang in ("es", "en"):
        language: Language = lang  # type: ignore[assignment]
        titles_ = [(e.id, e.forms(language), e.renders_only) for e in data.titles]
        modifiers = [(m.key, m.forms(language), m.renders_only) for m in data.modifiers]
        problems += _form_problems("title", titles_) + _form_problems("modifier", modifiers)
        demonyms = [f for d in data.demonyms for f in getattr(d, language)]
        problems += [f"demonym {f!r} is listed twice" for f in _repeated(demonyms)]
        for name in ("honorifics", "introducers", "copulas", "setting_words", "relations"):
            words = getattr(data, name).get(language)
            problems += [f"{name}.{language}: {f!r} is listed twice" for f in _repeated(words)]
    ids = {e.id for e in data.titles}
    organizations = {o.name for o in resources.organizations()}
    for entry in data.titles:
        if entry.office and entry.office not in ids:
            problems.append(f"title {entry.id!r}: office {entry.office!r} is no entry's id")
        if entry.organization and entry.organization not in organizations:
            problems.append(
                f"title {entry.id!r}: {entry.organization!r} is not an organisation's canonical "
                "name in entities/organizations.yaml"
            )
        problems += _country_problems(f"title {entry.id!r}", entry.country)
    for demonym in data.demonyms:
        problems += _country_problems(f"demonym {demonym.es[:1]}", demonym.country)
    return problems


def reference_problems() -> list[str]:
    """Countries and states the entity files name are ISO codes pycountry knows."""
    problems: list[str] = []
    for org in resources.organizations():
        problems += _country_problems(f"organisation {org.name!r}", org.country)
    places = resources.place_lexicon()
    for country in places.countries:
        problems += _country_problems(f"places.yaml country {country.aliases[:1]}", country.of)
    for state in places.states:
        if pycountry.subdivisions.get(code=state.of) is None:
            problems.append(f"places.yaml state {state.of!r} is not an ISO 3166-2 code")
    return problems


# --- the shipped data --------------------------------------------------------------------------


@pytest.mark.parametrize("relative", sorted(LOADERS))
def test_every_file_loads_against_its_schema(relative: str) -> None:
    assert (resources.models_dir() / relative).is_file()
    LOADERS[relative]()


def test_every_data_file_has_a_loader() -> None:
    root = resources.models_dir()
    files = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.yaml")
        if p.relative_to(root).parts[0] not in OTHER_FOLDERS
    }
    assert files - OTHER_READERS == set(LOADERS)


@pytest.mark.parametrize("relative", WORD_LIST_FILES)
def test_no_word_is_listed_twice(relative: str) -> None:
    assert word_list_problems(relative) == []


def test_the_title_lexicon_is_sound() -> None:
    assert title_problems() == []


def test_entity_files_name_known_countries_and_states() -> None:
    assert reference_problems() == []


# --- a broken copy is caught -------------------------------------------------------------------


@pytest.fixture
def edited_titles(
    edited_models: Callable[[str, str, str], None], tmp_path: Path
) -> Callable[[str, str], None]:
    """Edit a copy of titles.yaml beside a copy of the organisations and governments it refers
    to."""

    def edit(old: str, new: str) -> None:
        source = resources.models_dir()
        edited_models("titles.yaml", old, new)  # points PRENSA_MODELS at tmp_path
        (tmp_path / "entities").mkdir(exist_ok=True)
        for name in ("organizations.yaml", "governments.yaml"):
            shutil.copy(source / "entities" / name, tmp_path / "entities")

    return edit


def test_a_title_without_its_english_form_is_caught(
    edited_titles: Callable[[str, str], None],
) -> None:
    edited_titles(
        "es: [embajador, embajadora]\n    en: [Ambassador]", "es: [embajador]\n    en: []"
    )
    problems = title_problems()
    assert any("ambassador" in p and "English" in p for p in problems), problems


def test_a_form_listed_twice_is_caught(edited_titles: Callable[[str, str], None]) -> None:
    edited_titles("en: [Ambassador]", "en: [Ambassador, Consul]")
    assert title_problems() == ["title 'consul': 'Consul' is already 'ambassador''s"]


def test_a_form_repeated_in_one_entry_is_caught(
    edited_titles: Callable[[str, str], None],
) -> None:
    edited_titles("es: [embajador, embajadora]", "es: [embajador, embajadora, Embajador]")
    assert title_problems() == ["title 'ambassador': 'Embajador' is listed twice"]


def test_an_unknown_organisation_or_country_is_caught(
    edited_titles: Callable[[str, str], None],
) -> None:
    edited_titles("    country: VA\n", "    country: XX\n")
    assert title_problems() == ["title 'pope': 'XX' is not an ISO 3166-1 country"]


def test_a_repeated_word_in_a_word_list_is_caught(
    edited_models: Callable[[str, str, str], None],
) -> None:
    edited_models("language/es.yaml", "conjunctions: [y,", "conjunctions: [y, Y,")
    assert word_list_problems("language/es.yaml") == [
        "language/es.yaml: conjunctions: 'Y' is listed twice"
    ]

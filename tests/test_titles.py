"""The bilingual title lexicon: it loads strictly and normalises titles in both languages."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from prensa import resources, titles
from prensa.resources import LexiconError


def _entry(form: str, language: str) -> str:
    words = [titles.key(t) for t in titles.tokenize(form)]
    found = titles.match_title(words, 0, language)  # type: ignore[arg-type]
    assert found is not None and found[0] == len(words), form
    return found[1].entry.id


def test_every_entry_has_both_languages_and_unique_ids() -> None:
    data = titles.lexicon()
    ids = [e.id for e in data.titles]
    assert len(ids) == len(set(ids))
    assert all(e.es and e.en for e in data.titles)


@pytest.mark.parametrize(
    ("masculine", "feminine"),
    [
        ("secretario", "secretaria"),
        ("subsecretario", "subsecretaria"),
        ("embajador", "embajadora"),
        ("gobernador", "gobernadora"),
        ("presidente", "presidenta"),
        ("jefe de Gobierno", "jefa de Gobierno"),
    ],
)
def test_feminine_forms_share_the_entry(masculine: str, feminine: str) -> None:
    assert _entry(masculine, "es") == _entry(feminine, "es")


def test_plural_forms_are_recognised_and_read_in_the_singular() -> None:
    assert _entry("secretarios", "es") == "secretary"
    assert _entry("Foreign Ministers", "en") == "foreign_minister"
    found = titles.normalize("próximos titulares de Semar", "es")
    assert found.title_es == "próximo titular de Semar"
    assert found.organization == "Secretaría de Marina"


def test_canciller_and_the_mexican_foreign_secretary_are_one_office() -> None:
    canciller = titles.normalize("canciller mexicano", "es")
    secretary = titles.normalize("secretario de Relaciones Exteriores", "es")
    english = titles.normalize("Foreign Secretary", "en", country="MX")
    assert canciller.office == secretary.office == english.office
    assert canciller.title == "canciller"
    assert canciller.country == english.country == "MX"
    assert canciller.organization == english.organization == "Secretaría de Relaciones Exteriores"
    assert secretary.title_en == "Secretary of Foreign Affairs"


@pytest.mark.parametrize(
    ("title", "language", "title_es", "title_en"),
    [
        (
            "subsecretario para América del Norte",
            "es",
            "subsecretario para América del Norte",
            "Under Secretary for North America",
        ),
        ("secretario de Marina", "es", "secretario de Marina", "Secretary of the Navy"),
        (
            "gobernador del estado de Nayarit",
            "es",
            "gobernador del estado de Nayarit",
            "Governor of Nayarit",
        ),
        ("presidente electo", "es", "presidente electo", "President-elect"),
        (
            "Secretary of Homeland Security",
            "en",
            "secretario de Seguridad Nacional",
            "Secretary of Homeland Security",
        ),
        ("Vice Foreign Minister", "en", "vicecanciller", "Vice Foreign Minister"),
        ("Brigadier General", "en", "general de brigada", "Brigadier General"),
        ("expresidente", "es", "expresidente", "Former President"),
    ],
)
def test_titles_in_both_languages(title: str, language: str, title_es: str, title_en: str) -> None:
    found = titles.normalize(title, language)  # type: ignore[arg-type]
    assert (found.title_es, found.title_en) == (title_es, title_en)


def test_organisation_and_country_implied_by_a_title() -> None:
    state = titles.normalize("Deputy Secretary of State", "en")
    assert (state.organization, state.country) == ("U.S. Department of State", "US")
    governor = titles.normalize("gobernador de Tabasco", "es")
    assert (governor.organization, governor.country) == ("Gobierno de Tabasco", "MX")
    head_of_state = titles.normalize("Presidente de los Estados Unidos Mexicanos", "es")
    assert (head_of_state.organization, head_of_state.country) == (None, "MX")
    spain = titles.normalize("Secretary of State", "en", country="ES")
    assert (spain.organization, spain.country) == (None, "ES")


def test_status_and_qualifiers() -> None:
    outgoing = titles.normalize("secretaria de Gobernación saliente", "es")
    plain = titles.normalize("secretaria de Gobernación", "es")
    assert outgoing.status != plain.status
    assert outgoing.office == plain.office
    assert titles.normalize("Acting Assistant Secretary", "en").title_es == (
        "secretario asistente interino"
    )


def test_demonyms() -> None:
    assert titles.demonym_country("Paraguayan", "en") == "PY"
    assert titles.demonym_country("mexicana", "es") == "MX"
    assert titles.demonym_country("costarricenses", "es") == "CR"
    assert titles.demonym_country("Paraguay", "en") is None
    assert titles.normalize("Paraguayan President", "en").country == "PY"


def test_upper_case_title_is_put_in_sentence_case() -> None:
    assert titles.restore_case("AUTORIDAD INDÍGENA NÁHUATL DE TABASCO", "es") == (
        "autoridad indígena náhuatl de Tabasco"
    )
    assert titles.normalize("SECRETARIO DE MARINA", "es").title == "secretario de Marina"


def test_unknown_words_are_not_titles() -> None:
    found = titles.normalize("gran poeta", "es")
    assert found.entry is None
    assert found.title_en is None


@pytest.fixture
def models_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of models/ that a test may break; caches are kept per models folder, so the copy
    is read afresh."""
    target = tmp_path / "models"
    shutil.copytree(resources.models_dir(), target)
    monkeypatch.setenv("PRENSA_MODELS", str(target))
    yield target


def test_unknown_field_in_the_lexicon_fails_loudly(models_copy: Path) -> None:
    path = models_copy / "titles.yaml"
    text = path.read_text("utf-8").replace(
        "  - id: president\n", "  - id: president\n    rank: 1\n"
    )
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError, match="rank"):
        titles.lexicon()


def test_unknown_organisation_in_the_lexicon_fails_loudly(models_copy: Path) -> None:
    path = models_copy / "titles.yaml"
    text = path.read_text("utf-8").replace(
        "organization: U.S. Department of State\n", "organization: Ministry of Nowhere\n", 1
    )
    path.write_text(text, "utf-8")
    with pytest.raises(LexiconError, match="Ministry of Nowhere"):
        titles.lexicon()


# --- what the entity layer derives from the lexicon ------------------------------------------


def test_name_prefixes_are_every_title_rank_and_honorific() -> None:
    assert {"pope", "papa", "special envoy", "cabo", "su majestad", "teniente coronel"} <= (
        titles.name_prefixes()
    )
    assert {"brig gen", "lt col", "dr", "licenciada"} <= titles.name_prefixes()


def test_the_entity_rules_read_their_titles_from_the_lexicon() -> None:
    from prensa.components.entities import RuleData

    rules = RuleData.from_resources()
    assert set(rules.name_prefixes) == titles.name_prefixes()
    assert set(rules.office_words) == titles.office_words()
    assert set(rules.office_nouns) == titles.office_nouns()
    # lower case as written for a Matcher on LOWER, and folded for folded comparisons
    assert {"secretaría", "secretaria", "ministry"} <= titles.office_words()
    assert "ambassador" not in titles.office_words()
    assert "secretario" not in titles.office_nouns()


def test_derived_sets_follow_the_lexicon(models_copy: Path) -> None:
    path = models_copy / "titles.yaml"
    text = path.read_text("utf-8").replace(
        "  - id: judge\n", "  - id: judge\n    office_noun: true\n    office_word: true\n"
    )
    path.write_text(text.replace("en: [Corporal]", "en: [Corporal, Lance Corporal]"), "utf-8")
    assert {"juez", "jueza", "judge"} <= titles.office_nouns() & titles.office_words()
    assert "lance corporal" in titles.name_prefixes()

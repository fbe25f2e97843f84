"""Topics: the bilingual taxonomy finds a release's subjects whatever words it uses."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from spacy.language import Language

from prensa.context import DocContext
from prensa.extract import topics
from prensa.records import Topic
from prensa.taxonomy import TopicEntry, compile_pattern, taxonomy


def _topics(nlp: Language, text: str, language: str) -> list[Topic]:
    ctx = DocContext(doc_id="doc_test", language=language, published=date(2025, 11, 20))  # type: ignore[arg-type]
    return topics.extract(nlp(text), ctx)


def _ids(found: list[Topic]) -> set[str]:
    return {t.topic_id for t in found}


@pytest.mark.parametrize(
    "text",
    [
        "Ambos países hablaron del tráfico de armas.",
        "Las autoridades buscan impedir que los cárteles trafiquen armas hacia el sur.",
        "Preocupa el tráfico ilícito de las armas de alto calibre.",
        "Se reforzará la incautación de armas en la frontera.",
    ],
)
def test_spanish_surface_forms_of_arms_trafficking(nlp_es: Language, text: str) -> None:
    assert "arms-trafficking" in _ids(_topics(nlp_es, text, "es"))


@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed arms trafficking.",
        "They agreed to curb the trafficking of arms across the border.",
        "Firearms smuggling remains a concern for both governments.",
        "Officials seized illegal weapons at the port.",
    ],
)
def test_english_surface_forms_of_arms_trafficking(nlp_en: Language, text: str) -> None:
    assert "arms-trafficking" in _ids(_topics(nlp_en, text, "en"))


def test_a_spanish_and_an_english_release_share_topic_ids(
    nlp_es: Language, nlp_en: Language
) -> None:
    es = _topics(
        nlp_es,
        "México y Estados Unidos hablan de extradiciones y fentanilo\n"
        "Las delegaciones revisaron las extradiciones pendientes y el tráfico de fentanilo.",
        "es",
    )
    en = _topics(
        nlp_en,
        "Mexico and the United States discuss extradition and fentanyl\n"
        "The delegations reviewed pending extraditions and fentanyl trafficking.",
        "en",
    )
    shared = _ids(es) & _ids(en)
    assert {"extradition", "drug-trafficking"} <= shared
    label = next(t for t in es if t.topic_id == "extradition")
    assert (label.label_es, label.label_en) == ("Extradición", "Extradition")


def test_terms_and_offsets_point_at_the_evidence(nlp_es: Language) -> None:
    text = (
        "Cooperación contra el robo de combustibles\n"
        "Se habló del huachicol y de las tomas clandestinas."
    )
    doc = nlp_es(text)
    found = topics.extract(doc, DocContext(doc_id="d", language="es"))
    fuel = next(t for t in found if t.topic_id == "fuel-theft")
    assert fuel.terms == [text[s:e] for s, e in zip(fuel.starts, fuel.ends, strict=True)]
    assert "robo de combustibles" in fuel.terms and "huachicol" in fuel.terms


def test_recurring_topic_outranks_a_passing_mention(nlp_en: Language) -> None:
    text = (
        "Migration talks\n"
        "The officials discussed migration. Migrants and refugees need protection. "
        "Irregular migration routes were reviewed. They also mentioned climate change once."
    )
    found = _topics(nlp_en, text, "en")
    scores = [t.score for t in found]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)
    assert found[0].topic_id == "migration"
    climate = [t for t in found if t.topic_id == "climate-change"]
    assert not climate or climate[0].score < found[0].score


def test_text_about_nothing_in_the_taxonomy_has_no_topics(nlp_en: Language) -> None:
    assert _topics(nlp_en, "The weather was pleasant and lunch was served at noon.", "en") == []


def test_taxonomy_is_bilingual_and_large_enough() -> None:
    tax = taxonomy()
    assert len(tax.topics) >= 30
    assert len({t.id for t in tax.topics}) == len(tax.topics)
    assert all(t.es and t.en and t.label_es and t.label_en for t in tax.topics)


def test_every_pattern_compiles_in_both_languages(nlp_es: Language, nlp_en: Language) -> None:
    for language, nlp in (("es", nlp_es), ("en", nlp_en)):
        compiled = topics.compiled_topics(language, nlp.vocab)  # type: ignore[arg-type]
        matchers = [compiled.matcher, *compiled.by_anchor.values()]
        for topic in taxonomy().topics:  # every topic is matched by one Matcher or another
            assert any(topic.id in matcher for matcher in matchers), topic.id
        assert all(nlp.vocab is matcher.vocab for matcher in matchers)


def test_hyphenated_words_follow_the_tokenizer() -> None:
    compiled = compile_pattern("anti-corruption", lambda s: s.replace("-", " - ").split())
    assert compiled and all(len(pattern) == 3 for pattern in compiled)


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "x", "label_es": "x", "label_en": "x", "es": ["a"], "en": ["b"], "extra": 1},
        {"id": "Bad Id", "label_es": "x", "label_en": "x", "es": ["a"], "en": ["b"]},
        {"id": "x", "label_es": "x", "label_en": "x", "es": ["NOPE a"], "en": ["b"]},
        {"id": "x", "label_es": "x", "label_en": "x", "es": [], "en": ["b"]},
    ],
)
def test_a_malformed_topic_entry_is_rejected(entry: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        TopicEntry.model_validate(entry)


def test_matching_near_anchor_words_finds_what_matching_everywhere_finds(
    nlp_es: Language,
) -> None:
    from prensa.taxonomy import folded_forms

    text = (
        "El Gobierno de El Salvador y México acordaron combatir el tráfico ilícito de armas. "
        "La no proliferación de armas de destrucción masiva y la migración ordenada, segura y "
        "regular fueron temas de la reunión; también la protección consular de los migrantes."
    )
    doc = nlp_es(text)
    matcher = topics.compiled_topics("es", doc.vocab).matcher
    with folded_forms(doc):
        everywhere = {(doc.vocab.strings[m], s, e) for m, s, e in matcher(doc)}
    found = {
        (topic_id, span.start, span.end)
        for topic_id, spans in topics.topic_spans(doc, "es").items()
        for span in spans
    }
    assert found and found <= everywhere
    assert {t for t, _, _ in found} == {t for t, _, _ in everywhere}

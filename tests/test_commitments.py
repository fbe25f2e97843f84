"""Commitments: who promised what, by when — and nothing for past deeds, opinions or appeals."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from spacy.language import Language

from prensa.context import DocContext
from prensa.extract import commitments, organizations, people, places, topics
from prensa.extract.spans import set_entity_spans
from prensa.records import Commitment, DateMention
from prensa.taxonomy import CommitmentModel, commitment_model

ANCHOR = date(2025, 11, 20)


def _dates(doc: object, ctx: DocContext) -> list[DateMention]:
    try:
        from prensa.extract import dates
    except ImportError:  # the date extractor is optional for these tests
        return []
    return dates.extract(doc, ctx)  # type: ignore[arg-type]


def _extract(
    nlp: Language,
    text: str,
    language: str,
    issuer_country: str | None = None,
    issuer: str | None = None,
) -> list[Commitment]:
    ctx = DocContext(
        doc_id="doc_test",
        language=language,  # type: ignore[arg-type]
        published=ANCHOR,
        anchor=ANCHOR,
        issuer_country=issuer_country,
        issuer=issuer,
    )
    doc = nlp(text)
    found_people, person_mentions = people.extract(doc, ctx)
    found_orgs, org_mentions = organizations.extract(doc, ctx)
    found_places, place_mentions = places.extract(doc, ctx)
    set_entity_spans(doc, [*person_mentions, *org_mentions, *place_mentions])
    return commitments.extract(
        doc,
        ctx,
        people=found_people,
        organizations=found_orgs,
        places=found_places,
        dates=_dates(doc, ctx),
        topics=topics.extract(doc, ctx),
    )


SRE_ES = (
    "México y Estados Unidos realizan reunión de seguridad\n"
    "Ciudad de México, 20 de noviembre de 2025.- Las delegaciones de México y Estados Unidos "
    "se reunieron hoy en la Cancillería. Se acordó profundizar y agilizar la cooperación en "
    "materia de extradiciones, continuar con las acciones de incautación de armas y municiones, "
    "y reforzar las investigaciones relacionadas con el robo de combustibles. Ambos gobiernos se "
    "comprometieron a dar continuidad a estos trabajos y a volver a reunirse en enero de 2026."
)


@pytest.fixture(scope="module")
def sre_es(nlp_es: Language) -> list[Commitment]:
    return _extract(nlp_es, SRE_ES, "es")


def test_coordinated_agreed_actions_are_separate_rows(sre_es: list[Commitment]) -> None:
    agreed = [c for c in sre_es if c.modality == "agreed"]
    assert [c.action_lemma for c in agreed] == ["profundizar", "continuar", "reforzar"]
    assert all(c.trigger == "acordó" for c in agreed)
    # the two verbs sharing one object stay one action
    assert "agilizar la cooperación" in agreed[0].action
    assert "continuar" not in agreed[0].action


def test_topics_found_in_the_sentence_are_attached(sre_es: list[Commitment]) -> None:
    agreed = [c for c in sre_es if c.modality == "agreed"]
    assert {"extradition", "arms-trafficking", "fuel-theft"} <= set(agreed[0].topic_ids)


def test_both_governments_resolve_to_the_countries_named(sre_es: list[Commitment]) -> None:
    committed = [c for c in sre_es if c.modality == "committed"]
    assert [c.action_lemma for c in committed] == ["dar", "volver"]
    for c in committed:
        assert set(c.actors) == {"México", "Estados Unidos"}
        assert len(c.actor_ids) == 2
        assert c.sentence.startswith("Ambos gobiernos se comprometieron")


def test_a_date_in_the_action_is_its_deadline(sre_es: list[Commitment]) -> None:
    give, meet = [c for c in sre_es if c.modality == "committed"]
    assert give.deadline is None
    assert (meet.deadline, meet.deadline_granularity, meet.deadline_text) == (
        "2026-01",
        "month",
        "enero de 2026",
    )


def test_offsets_and_confidence_are_usable(sre_es: list[Commitment]) -> None:
    for c in sre_es:
        assert SRE_ES[c.start : c.end].endswith(c.action)
        assert 0 < c.confidence <= 1
    assert len({c.commitment_id for c in sre_es}) == len(sre_es)


def test_spanish_negation_is_flagged(nlp_es: Language) -> None:
    found = _extract(nlp_es, "El canciller no se comprometió a viajar a Washington.", "es")
    assert len(found) == 1 and found[0].negated and found[0].action_lemma == "viajar"


def test_spanish_future_is_a_plan(nlp_es: Language) -> None:
    found = _extract(
        nlp_es, "La Secretaría de Relaciones Exteriores enviará una misión a Guatemala.", "es"
    )
    assert [(c.modality, c.action_lemma) for c in found] == [("will", "enviar")]
    assert found[0].actors == ["Secretaría de Relaciones Exteriores"]


@pytest.mark.parametrize(
    "text",
    [
        "Ayer los cancilleres firmaron un acuerdo de cooperación.",
        "Creemos que la cooperación bilateral es muy importante.",
        "Proponemos crear un grupo de trabajo.",
        "Si el Congreso aprueba la ley, el Gobierno enviará una delegación.",
        "El tratado que se firmará el próximo año fue tema de la conversación.",
        "Déjenme un tiempo porque no puedo comprometerme a lo que no voy a cumplir.",
    ],
)
def test_spanish_non_commitments_produce_nothing(nlp_es: Language, text: str) -> None:
    assert _extract(nlp_es, text, "es") == []


EN_DIALOGUE = (
    "U.S.-Mexico Security Dialogue\n"
    "Mexico and the United States held a security dialogue in Washington. Both countries agreed "
    "to expand cooperation against arms trafficking and to meet again in January 2026."
)


def test_english_agreement_splits_and_resolves_both(nlp_en: Language) -> None:
    found = _extract(nlp_en, EN_DIALOGUE, "en")
    assert [(c.modality, c.action_lemma) for c in found] == [
        ("agreed", "expand"),
        ("agreed", "meet"),
    ]
    for c in found:
        assert set(c.actors) == {"Mexico", "United States"}
    assert found[0].deadline is None
    assert (found[1].deadline, found[1].deadline_granularity) == ("2026-01", "month")
    assert "arms-trafficking" in found[0].topic_ids


def test_travel_announcement_and_pronoun_carry_the_actor(nlp_en: Language) -> None:
    text = (
        "Secretary of State Antony J. Blinken will travel to Panama on April 19, 2026. "
        "He will meet with President Laurentino Cortizo."
    )
    travel, meet = _extract(nlp_en, text, "en")
    assert (travel.modality, travel.action_lemma, travel.deadline) == (
        "will",
        "travel",
        "2026-04-19",
    )
    assert any("Blinken" in a for a in travel.actors)
    assert meet.actors == travel.actors and meet.action_lemma == "meet"


def test_reaffirmed_commitment_and_remaining_committed(nlp_en: Language) -> None:
    found = _extract(
        nlp_en,
        "Canada and the United States reaffirmed their commitment to the rule of law. "
        "We remain committed to addressing the humanitarian crisis.",
        "en",
        issuer_country="US",
    )
    assert [c.modality for c in found] == ["reiterated", "committed"]
    assert found[0].action_lemma == "reaffirm" and set(found[0].actors) == {
        "Canada",
        "United States",
    }
    assert found[1].action_lemma == "address"
    assert found[1].actors == ["Government of the United States"]  # 'we' of a US release


def test_english_negation_is_flagged(nlp_en: Language) -> None:
    found = _extract(nlp_en, "The United States did not commit to extraditing anyone.", "en")
    assert len(found) == 1 and found[0].negated


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday the two ministers signed an agreement on trade.",
        "We believe these efforts will help reduce violence.",
        "The Secretary called for Russia to cease all hostilities.",
        "If Congress approves the funds, we will send more vaccines.",
        "Will the Secretary travel to Mexico next week?",
    ],
)
def test_english_non_commitments_produce_nothing(nlp_en: Language, text: str) -> None:
    assert _extract(nlp_en, text, "en") == []


def test_actor_ids_join_the_entity_tables(nlp_es: Language) -> None:
    ctx = DocContext(doc_id="doc_test", language="es", published=ANCHOR, anchor=ANCHOR)
    doc = nlp_es("La Secretaría de Relaciones Exteriores enviará una misión a Guatemala.")
    orgs, org_mentions = organizations.extract(doc, ctx)
    set_entity_spans(doc, org_mentions)
    found = commitments.extract(
        doc, ctx, people=[], organizations=orgs, places=[], dates=[], topics=[]
    )
    assert [c.actor_ids for c in found] == [[orgs[0].org_id]]


def test_commitment_lexicon_rejects_unknown_keys() -> None:
    data = commitment_model().model_dump()
    data["es"]["typo_list"] = ["x"]
    with pytest.raises(ValidationError):
        CommitmentModel.model_validate(data)


@pytest.mark.parametrize(
    ("text", "country", "actor"),
    [
        (
            "El Gobierno impulsará una nueva ley de pesca artesanal el próximo año.",
            "CL",
            "Gobierno de Chile",
        ),
        (
            "Nuestro país reforzará la cooperación con Marruecos en materia migratoria.",
            "ES",
            "Gobierno de España",
        ),
        (
            "Vamos a construir cuatro hospitales en la región de Los Lagos.",
            "CL",
            "Gobierno de Chile",
        ),
    ],
)
def test_spanish_we_is_the_issuers_government(
    nlp_es: Language, text: str, country: str, actor: str
) -> None:
    found = _extract(nlp_es, text, "es", issuer_country=country)
    assert found and found[0].actors == [actor]


@pytest.mark.parametrize(
    ("text", "country", "actor"),
    [
        (
            "We will invest $2 billion in rural broadband over the next five years.",
            "CA",
            "Government of Canada",
        ),
        (
            "Our Government will publish the new housing strategy in the spring.",
            "GB",
            "HM Government",
        ),
    ],
)
def test_english_we_is_the_issuers_government(
    nlp_en: Language, text: str, country: str, actor: str
) -> None:
    found = _extract(nlp_en, text, "en", issuer_country=country)
    assert found and found[0].actors == [actor]


@pytest.mark.parametrize(
    ("text", "language", "actor"),
    [
        ("We will expand the program to every state.", "en", "issuing government"),
        ("El Gobierno ampliará el programa a todos los estados.", "es", "gobierno emisor"),
    ],
)
def test_we_without_issuer_country_is_the_issuer_not_a_guessed_country(
    nlp_en: Language, nlp_es: Language, text: str, language: str, actor: str
) -> None:
    """English is not the United States, nor Spanish Mexico: with no issuer known, 'we' is
    the issuing government, whoever it is."""
    found = _extract(nlp_en if language == "en" else nlp_es, text, language)
    assert found and found[0].actors == [actor]


@pytest.mark.parametrize(
    ("text", "issuer", "actor"),
    [
        (
            "En la sesión del Pleno del Poder Judicial del Estado se acordó ampliar el horario "
            "de atención de los juzgados.",
            "Poder Judicial del Estado de Coahuila de Zaragoza",
            "Poder Judicial del Estado",
        ),
        (
            "Vamos a pavimentar 40 calles de la colonia Centro antes de diciembre.",
            "H. Ayuntamiento de Torreón",
            "H. Ayuntamiento de Torreón",
        ),
        (
            "Se acordó ampliar el horario de atención de las oficinas.",
            "Presidencia de la República",
            "Gobierno de México",
        ),
    ],
)
def test_a_local_issuer_speaks_for_itself_not_for_its_country(
    nlp_es: Language, text: str, issuer: str, actor: str
) -> None:
    """A state judiciary's or a town hall's impersonal decision and its 'we' are the issuer's;
    a national issuer's remain its government's."""
    found = _extract(nlp_es, text, "es", issuer_country="MX", issuer=issuer)
    assert found and found[0].actors == [actor]


def test_our_country_in_a_local_release_is_still_the_country(nlp_es: Language) -> None:
    text = "Nuestro país se compromete a reducir sus emisiones un 30 % para 2030."
    found = _extract(nlp_es, text, "es", issuer_country="MX", issuer="H. Ayuntamiento de Torreón")
    assert found and found[0].actors == ["Gobierno de México"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El Estado de México contará con un nuevo hospital regional el próximo año.", "es"),
        ("Texas will host the next round of talks in March 2026.", "en"),
    ],
)
def test_a_place_is_never_an_actor(
    nlp_es: Language, nlp_en: Language, text: str, language: str
) -> None:
    nlp = nlp_es if language == "es" else nlp_en
    found = _extract(nlp, text, language, issuer_country="MX" if language == "es" else "US")
    assert all(actor not in text for c in found for actor in c.actors)


def test_a_government_of_a_state_still_commits(nlp_es: Language) -> None:
    text = "El gobierno del Estado de México se comprometió a construir un hospital en Toluca."
    found = _extract(nlp_es, text, "es", issuer_country="MX")
    assert [c.actors for c in found] == [["gobierno del Estado de México"]]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Al término de la ceremonia, el Presidente pasará revista a las tropas y dirigirá "
            "un mensaje a los cadetes.",
            "es",
        ),
        ("El programa incluye que la Canciller colocará una ofrenda floral en el monumento.", "es"),
        ("The Secretary will deliver remarks at the opening session of the forum.", "en"),
        ("The President will preside over the swearing-in ceremony on Monday.", "en"),
    ],
)
def test_ceremonies_and_programmes_are_not_commitments(
    nlp_es: Language, nlp_en: Language, text: str, language: str
) -> None:
    nlp = nlp_es if language == "es" else nlp_en
    assert _extract(nlp, text, language) == []


def test_a_promise_beside_a_ceremony_is_kept(nlp_es: Language) -> None:
    text = (
        "Tras pasar revista a las tropas, el Presidente anunció que el Gobierno construirá "
        "tres hospitales militares en 2026."
    )
    found = _extract(nlp_es, text, "es", issuer_country="MX")
    assert [c.action_lemma for c in found] == ["construir"]


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        (
            "Brasil recibió a los cancilleres del Mercosur en Brasilia. Brasil propuso una agenda "
            "comercial y el canciller de Brasil cerró la jornada. Al margen de la cumbre, "
            "Argentina y Uruguay firmaron un memorando. Ambos países acordaron construir un "
            "puente sobre el río Uruguay.",
            "es",
            ["Argentina", "Uruguay"],
        ),
        (
            "Japan hosted the G7 ministers in Tokyo. Japan opened the session and Japan closed "
            "it. On the sidelines, Canada and Mexico signed a memorandum. Both countries agreed "
            "to expand their energy cooperation.",
            "en",
            ["Canada", "Mexico"],
        ),
        # 'ambos representantes' (only with a number): the two people met
        (
            "El consejo se reunió con Laura Méndez Ruiz, presidenta de la Cámara de Comercio, y "
            "con Jorge Salas Vega, presidente de la Cámara de la Construcción. Ambos "
            "representantes acordaron difundir la convocatoria entre sus afiliados.",
            "es",
            ["Laura Méndez Ruiz", "Jorge Salas Vega"],
        ),
        (
            "The minister met Anne Dupont, president of the Chamber of Commerce, and Peter "
            "Hall, head of the Builders Association. Both representatives agreed to promote "
            "the new apprenticeship scheme.",
            "en",
            ["Anne Dupont", "Peter Hall"],
        ),
    ],
)
def test_both_resolves_to_the_pair_the_text_names(
    nlp_es: Language, nlp_en: Language, text: str, language: str, pair: list[str]
) -> None:
    nlp = nlp_es if language == "es" else nlp_en
    found = _extract(nlp, text, language)
    assert [c.actors for c in found] == [pair]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "La canciller Antonia Urrejola confirmó que se reunirá con su par de Perú en junio.",
            "Antonia Urrejola",
        ),
        (
            "El ministro Carlos Montes anunció que viajará a Lima la próxima semana.",
            "Carlos Montes",
        ),
    ],
)
def test_a_reported_plan_without_its_own_subject_is_the_reporters(
    nlp_es: Language, text: str, actor: str
) -> None:
    """'X confirmó que se reunirá…': X meets; the 'se' of 'reunirse' is no impersonal one."""
    found = _extract(nlp_es, text, "es", issuer_country="CL")
    assert found and found[0].actors == [actor]


@pytest.mark.parametrize(
    ("text", "actor", "action"),
    [
        (
            "El canciller dijo que «la Cancillería continuará entregando asistencia consular a "
            "los jóvenes», agregando que el caso sigue abierto.",
            "Cancillería",
            "continuará entregando asistencia consular a los jóvenes",
        ),
        (
            'La ministra afirmó: "Vamos a construir cuatro hospitales", y después habló del '
            "presupuesto.",
            "Gobierno de Chile",
            "construir cuatro hospitales",
        ),
    ],
)
def test_a_quoted_promise_is_read_and_ends_with_its_quotation(
    nlp_es: Language, text: str, actor: str, action: str
) -> None:
    found = _extract(nlp_es, text, "es", issuer_country="CL")
    assert [(c.actors, c.action) for c in found] == [([actor], action)]


def test_a_reported_clause_with_its_own_subject_keeps_it(nlp_en: Language) -> None:
    text = "We have not confirmed who will attend the summit for that government."
    assert all(
        c.actors != ["Government of the United States"]
        for c in _extract(nlp_en, text, "en", issuer_country="US")
    )


def test_an_impersonal_plan_in_a_release_naming_many_countries_is_the_issuers(
    nlp_es: Language,
) -> None:
    text = (
        "El presidente habló de la cumbre con Chile, Perú, Canadá y Brasil. "
        "Se construirán veinte hospitales en el sureste antes de 2026."
    )
    found = _extract(nlp_es, text, "es", issuer_country="MX")
    assert [c.actors for c in found] == [["Gobierno de México"]]


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        (
            "Los dos consejos acordaron difundir la convocatoria, por considerar que es un "
            "puesto fundamental.",
            "es",
            "difundir la convocatoria",
        ),
        (
            "Both councils agreed to publish the call for applications, after reviewing the "
            "list of candidates.",
            "en",
            "publish the call for applications",
        ),
    ],
)
def test_a_clause_of_reason_or_time_is_not_a_committed_action(
    nlp_es: Language, nlp_en: Language, text: str, language: str, action: str
) -> None:
    nlp = nlp_es if language == "es" else nlp_en
    found = _extract(nlp, text, language)
    assert [c.action for c in found] == [action]


@pytest.mark.parametrize(
    ("text", "actors", "lemma"),
    [
        (
            "Secretary Blinken met with Foreign Minister Marcelo Ebrard in Washington. They "
            "looked forward to continuing their work on migration.",
            ["Blinken", "Marcelo Ebrard"],
            "continue",
        ),
        (
            "Secretary Blinken met with Foreign Minister Marcelo Ebrard in Washington. The "
            "Secretary said he looked forward to continuing close cooperation on migration.",
            ["Blinken"],
            "continue",
        ),
        (
            "The United States and Canada will continue to coordinate closely on border security.",
            ["United States", "Canada"],
            "continue",
        ),
        (
            "The meeting reaffirmed the shared commitment of the United States and Mexico to "
            "combat arms trafficking.",
            ["United States", "Mexico"],
            "combat",
        ),
    ],
)
def test_english_forward_continue_and_shared_commitment_get_actors(
    nlp_en: Language, text: str, actors: list[str], lemma: str
) -> None:
    found = _extract(nlp_en, text, "en", issuer_country="US")
    assert [(c.actors, c.action_lemma) for c in found] == [(actors, lemma)]
    assert 0 < found[0].confidence <= 1


def test_looking_forward_is_weaker_than_agreeing(nlp_en: Language) -> None:
    text = (
        "Secretary Blinken met with Foreign Minister Marcelo Ebrard in Washington. They "
        "looked forward to continuing their work on migration. They agreed to meet again in May."
    )
    forward, agreed = _extract(nlp_en, text, "en", issuer_country="US")
    assert forward.confidence < agreed.confidence


def test_confidence_is_the_modality_base_lowered_for_impersonal_clauses(nlp_es: Language) -> None:
    weights = commitment_model().confidence
    named = _extract(nlp_es, "México y Chile acordaron crear un fondo común.", "es")
    impersonal = _extract(nlp_es, "Se acordó crear un fondo común.", "es")
    assert named[0].confidence == weights.base["agreed"]
    assert impersonal[0].confidence == round(weights.base["agreed"] * weights.impersonal, 3)

"""Commitments of boards, councils and departments: decisions, joint agreements between two
bodies, reported pledges — and nothing for past approvals, opinions or ceremonies."""

from __future__ import annotations

import pytest
from spacy.language import Language

from test_commitments import _extract


def test_a_council_decision_is_what_its_resolution_says_will_happen(nlp_es: Language) -> None:
    text = (
        "El Pleno del Consejo de la Magistratura, en sesión ordinaria, aprobó el acuerdo general "
        "12/2024, el cual establece que las oficinas permanecerán cerradas del 1 al 15 de agosto."
    )
    (found,) = _extract(nlp_es, text, "es")
    assert found.actors == ["Consejo de la Magistratura"]
    assert found.action.startswith("las oficinas permanecerán cerradas")
    assert (found.modality, found.action_lemma) == ("agreed", "permanecer")


@pytest.mark.parametrize(
    ("text", "language", "actor", "lemma"),
    [
        (
            "La Junta de Gobierno del Banco de México resolvió mantener la tasa de interés "
            "sin cambios.",
            "es",
            "Banco de México",
            "mantener",
        ),
        (
            "El Consejo Directivo del Instituto Nacional de Estadística aprobó ampliar el plazo "
            "de entrega de los informes hasta el 30 de junio.",
            "es",
            "Consejo Directivo del Instituto Nacional de Estadística",
            "ampliar",
        ),
        (
            "The Board of Governors resolved to raise the interest rate by a quarter point.",
            "en",
            "Board of Governors",
            "raise",
        ),
    ],
)
def test_a_body_resolving_to_act_commits_itself(
    request: pytest.FixtureRequest, text: str, language: str, actor: str, lemma: str
) -> None:
    nlp = request.getfixturevalue(f"nlp_{language}")
    (found,) = _extract(nlp, text, language)
    assert found.actors == [actor]
    assert found.action_lemma == lemma


def test_an_english_resolution_providing_for_the_future(nlp_en: Language) -> None:
    text = (
        "The Council adopted a resolution providing that the library will open on Sundays "
        "from next month."
    )
    (found,) = _extract(nlp_en, text, "en", issuer_country="GB")
    assert found.action.startswith("the library will open on Sundays")
    assert found.actors == ["Council"]


def test_both_parties_of_a_meeting_between_bodies_are_the_bodies(nlp_es: Language) -> None:
    text = (
        "El Consejo Estatal de Participación Ciudadana se reunió con la rectora de la "
        "universidad para revisar el convenio de colaboración.\n\n"
        "Ambas partes, acordaron celebrar una nueva reunión de trabajo en marzo."
    )
    (found,) = _extract(nlp_es, text, "es", issuer_country="MX")
    assert found.actors == ["Consejo Estatal de Participación Ciudadana"]
    assert found.action_lemma == "celebrar"


def test_both_sides_are_the_two_organisations_named(nlp_en: Language) -> None:
    text = (
        "The Environment Agency met representatives of the University of Leeds on Monday. "
        "Both sides agreed to hold a second workshop in the spring."
    )
    (found,) = _extract(nlp_en, text, "en", issuer_country="GB")
    assert len(found.actors) == 2 and found.actors[0] == "Environment Agency"
    assert "United Kingdom" not in found.actors


@pytest.mark.parametrize(
    ("text", "language", "actor", "lemma"),
    [
        (
            "The Minister told the ambassador that the Department of Foreign Affairs would "
            "support an independent investigation into the incident.",
            "en",
            "Department of Foreign Affairs",
            "support",
        ),
        (
            "El canciller aseguró que la Secretaría de Relaciones Exteriores apoyaría la "
            "investigación de los hechos.",
            "es",
            "Secretaría de Relaciones Exteriores",
            "apoyaría",
        ),
    ],
)
def test_a_reported_pledge_names_the_department_that_will_act(
    request: pytest.FixtureRequest, text: str, language: str, actor: str, lemma: str
) -> None:
    nlp = request.getfixturevalue(f"nlp_{language}")
    (found,) = _extract(nlp, text, language)
    assert found.actors == [actor]
    assert found.action_lemma.startswith(lemma[:5])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El Senado de la República aprobó el acuerdo comercial con Chile.", "es"),
        ("The Council approved the budget for last year.", "en"),
        ("El ministro dijo que la economía crecería este año.", "es"),
        ("She said the new rules would be a mistake.", "en"),
        ("Ya les puedo decir desde ahora que ya regularizamos el abasto.", "es"),
        (
            "Los problemas no se resuelven con medidas coercitivas, debemos atender sus causas.",
            "es",
        ),
        ("Integrantes de la Banda de Guerra interpretarán el Himno Nacional.", "es"),
    ],
)
def test_approvals_opinions_and_ceremonies_are_not_commitments(
    request: pytest.FixtureRequest, text: str, language: str
) -> None:
    nlp = request.getfixturevalue(f"nlp_{language}")
    assert _extract(nlp, text, language) == []


def test_the_signing_states_are_the_states_the_release_names(nlp_es: Language) -> None:
    text = (
        "El Gobierno de México firmó un convenio con Sonora, Sinaloa y Durango para la atención "
        "de la sequía.\n"
        "Los estados firmantes aportarán recursos para construir nuevas presas."
    )
    found = _extract(nlp_es, text, "es", issuer_country="MX")
    assert [c.action_lemma for c in found] == ["aportar"]
    assert found[0].actors == ["Sonora", "Sinaloa", "Durango"]


def test_a_speaker_header_in_capitals_names_who_says_i(nlp_es: Language) -> None:
    text = (
        "La gobernadora Rocío Nahle García recibió a la alcaldesa Lucía Méndez Ortega.\n---\n"
        "ROCÍO NAHLE GARCÍA, GOBERNADORA DEL ESTADO\n"
        "Buenos días a todas y a todos.\n---\n"
        "LUCÍA MÉNDEZ ORTEGA\n"
        "Me comprometo a abrir dos nuevas escuelas este año."
    )
    found = _extract(nlp_es, text, "es", issuer_country="MX")
    assert [(c.actors, c.action_lemma) for c in found] == [(["Lucía Méndez Ortega"], "abrir")]


@pytest.mark.parametrize(
    ("text", "language", "lemmas"),
    [
        (
            "Los cancilleres de Chile y Perú acordaron un conjunto de acciones para reforzar la "
            "seguridad en la frontera y compartir información migratoria.",
            "es",
            ["reforzar", "compartir"],
        ),
        (
            "The two ministers agreed on a set of measures to reduce waiting times at the border "
            "and to share customs data.",
            "en",
            ["reduce", "share"],
        ),
        ("El Consejo acordó medidas para el regreso a clases.", "es", []),
    ],
)
def test_agreed_measures_commit_to_their_purpose(
    request: pytest.FixtureRequest, text: str, language: str, lemmas: list[str]
) -> None:
    nlp = request.getfixturevalue(f"nlp_{language}")
    found = _extract(nlp, text, language)
    assert [c.action_lemma for c in found] == lemmas
    assert all(c.modality == "agreed" for c in found)


def test_a_closed_quotation_does_not_change_who_says_i(nlp_es: Language) -> None:
    text = (
        "Mensaje de la gobernadora Marta Ruiz Soto al pueblo de Sonora\n"
        "Esperamos la respuesta del ministro Pedro Gómez Luna a nuestra propuesta.\n"
        "Y en “El Informe Semanal”, les estaré presentando los avances del programa."
    )
    found = _extract(nlp_es, text, "es", issuer_country="MX")
    assert [(c.actors, c.action_lemma) for c in found] == [(["Marta Ruiz Soto"], "presentar")]


def test_an_unlinked_actor_is_named_without_its_apposition(nlp_es: Language) -> None:
    text = (
        "Los institutos estatales de cancerología, referencia obligada en la región, "
        "atenderán a los pacientes que les sean referidos."
    )
    (found,) = _extract(nlp_es, text, "es", issuer_country="MX")
    assert found.actors == ["institutos estatales de cancerología"]

"""Roles as other governments write them: professional prefixes, post-nominal letters,
Commonwealth honorifics, court and prosecution titles, territorial offices."""

from __future__ import annotations

import pytest
from spacy.language import Language

import prensa
from prensa.records import Role
from role_reading import read_people_and_roles, roles_of


def _role(found: list[Role], person: str) -> Role:
    return roles_of(found, person)[0]


# --- Spanish ----------------------------------------------------------------------------------


def test_a_professional_prefix_is_not_part_of_the_name(nlp_es: Language) -> None:
    text = (
        "Acudieron el C.P. Rodrigo Salas Ibarra, Contralor General del Municipio, y la "
        "Ing. Beatriz Ocampo Leal."
    )
    found_people, found = read_people_and_roles(nlp_es, text, "es")
    names = {p.name for p in found_people}
    assert "Rodrigo Salas Ibarra" in names
    assert not any(n.startswith(("C.P.", "Ing.")) for n in names)
    assert _role(found, "Rodrigo Salas Ibarra").title.startswith("Contralor General")


def test_a_local_deputy_and_magistrates(nlp_es: Language) -> None:
    text = (
        "Participaron la diputada local Irma Quiroga Soto y los magistrados Fernando Lara "
        "Mendoza y Alicia Reyna Vela."
    )
    _, found = read_people_and_roles(nlp_es, text, "es")
    assert _role(found, "Irma Quiroga Soto").title == "diputada local"
    for person in ("Fernando Lara Mendoza", "Alicia Reyna Vela"):
        role = _role(found, person)
        assert role.title == "magistrado"
        assert role.title_en == "Justice"  # a magistrate, not the Chief Justice


def test_a_presiding_magistrate_before_the_name(nlp_es: Language) -> None:
    text = "Habló la Magistrada Presidenta del Tribunal Electoral, Sofía Garza Treviño, ayer."
    _, found = read_people_and_roles(nlp_es, text, "es")
    assert _role(found, "Sofía Garza Treviño").title.startswith("Magistrada Presidenta")


def test_a_state_office_is_translated(nlp_es: Language) -> None:
    text = "El Procurador General del Estado, Arturo Villanueva Ríos, presentó el informe anual."
    _, found = read_people_and_roles(nlp_es, text, "es")
    assert _role(found, "Arturo Villanueva Ríos").title_en == "Attorney General of the State"


# --- English ----------------------------------------------------------------------------------


def test_commonwealth_honorifics_and_post_nominals_are_not_names(nlp_en: Language) -> None:
    text = (
        "The Treasurer, the Hon Grant Whitfield MP, spoke first. Senator the Hon Ruth Alder, "
        "Minister for Trade, then announced the deal. Earlier, the Honourable Claire Dufour, "
        "Minister of Health, said the plan was ready. Minister Dr. Ama Mensah met her in Accra."
    )
    found_people, found = read_people_and_roles(nlp_en, text, "en")
    names = {p.name for p in found_people}
    assert {"Grant Whitfield", "Ruth Alder", "Claire Dufour", "Ama Mensah"} <= names
    assert not any(w in n.split() for n in names for w in ("Hon", "Honourable", "MP", "Dr."))
    assert _role(found, "Ruth Alder").title == "Minister for Trade"
    assert _role(found, "Claire Dufour").title == "Minister of Health"
    assert not any("Hon" in r.title.split() for r in found)


def test_court_and_investigation_titles_before_the_name(nlp_en: Language) -> None:
    text = (
        "Chief Judge Miriam Okafor presided. Special Agent in Charge Daniel Reyes and Senior "
        "Counsel Harriet Vance attended. Federal Councillor Anna Baumgartner also spoke."
    )
    found_people, found = read_people_and_roles(nlp_en, text, "en")
    names = {p.name for p in found_people}
    assert {"Miriam Okafor", "Daniel Reyes", "Harriet Vance", "Anna Baumgartner"} <= names
    assert _role(found, "Miriam Okafor").title == "Chief Judge"
    assert _role(found, "Daniel Reyes").title == "Special Agent in Charge"
    assert _role(found, "Harriet Vance").title == "Senior Counsel"
    assert _role(found, "Anna Baumgartner").title == "Federal Councillor"


def test_a_municipal_office_keeps_its_place_in_translation(nlp_es: Language) -> None:
    text = "La Presidenta Municipal de Torreón, Lucía Cabrera Nava, inauguró la obra."
    _, found = read_people_and_roles(nlp_es, text, "es")
    assert _role(found, "Lucía Cabrera Nava").title_en == "Municipal President of Torreón"


def test_a_secretary_of_a_bare_portfolio_is_of_its_secretariat(nlp_es: Language) -> None:
    text = "El secretario de Salud, Tomás Quintero Lugo, visitó el hospital."
    _, found = read_people_and_roles(nlp_es, text, "es")
    assert _role(found, "Tomás Quintero Lugo").organization == "Secretaría de Salud"


def test_the_body_after_an_english_name_is_the_titles(nlp_en: Language) -> None:
    text = (
        "Deputy Assistant Attorney General Paul Hendricks of the Antitrust Division, and "
        "Senior Counsel Nora Whitley of the Office of Legal Policy, spoke."
    )
    found_people, found = read_people_and_roles(nlp_en, text, "en")
    assert "Antitrust Division" not in {p.name for p in found_people}
    assert _role(found, "Nora Whitley").organization == "Office of Legal Policy"
    assert _role(found, "Paul Hendricks").organization == "Antitrust Division"


def test_a_plural_title_takes_the_body_after_the_list(nlp_en: Language) -> None:
    text = (
        "The case is prosecuted by Trial Attorneys Greta Olsen and Victor Hale of the Tax Division."
    )
    _, found = read_people_and_roles(nlp_en, text, "en")
    for person in ("Greta Olsen", "Victor Hale"):
        assert _role(found, person).organization == "Tax Division"


def test_a_surname_that_is_a_plural_title_stays_in_the_name(nlp_es: Language) -> None:
    text = "En el acto, Carmen Lucía Reyes Villalobos, directora del programa, recibió el apoyo."
    found_people, _ = read_people_and_roles(nlp_es, text, "es")
    assert "Carmen Lucía Reyes Villalobos" in {p.name for p in found_people}


def test_a_specialised_prosecutor_in_a_list_is_the_next_names(nlp_es: Language) -> None:
    text = (
        "Asistieron el Presidente del Instituto Estatal de Catastro, Hugo Lira Benavides, la "
        "Fiscal Especializada en Delitos Ambientales, Rebeca Soto Aguilar; y otros invitados."
    )
    _, found = read_people_and_roles(nlp_es, text, "es")
    assert _role(found, "Rebeca Soto Aguilar").title.startswith("Fiscal Especializada")
    assert not any(r.title == "Fiscal" for r in found if r.person == "Hugo Lira Benavides")


def test_an_office_inside_a_titles_complement_does_not_start_one(nlp_es: Language) -> None:
    text = (
        "Asistió la Directora General de la Secretaria Ejecutiva del Sistema Estatal de Salud, "
        "Noemí Cantú Reyna, a la reunión."
    )
    _, found = read_people_and_roles(nlp_es, text, "es")
    role = _role(found, "Noemí Cantú Reyna")
    assert role.title.startswith("Directora General de la Secretaria Ejecutiva")


@pytest.mark.parametrize(
    ("sentence", "person", "title"),
    [
        (
            "Asistió el rector de la Universidad de Sonora, Pedro Luis Ortega Vidal.",
            "Pedro Luis Ortega Vidal",
            "rector de la Universidad de Sonora",
        ),
        (
            "Firmó el Oficial Mayor del Congreso, Rubén Arturo Salas Mena.",
            "Rubén Arturo Salas Mena",
            "Oficial Mayor del Congreso",
        ),
        (
            "Habló su comisionada presidenta, Irma Beatriz Lugo Sosa.",
            "Irma Beatriz Lugo Sosa",
            "comisionada presidenta",
        ),
    ],
)
def test_offices_of_universities_legislatures_and_transparency_bodies(
    sentence: str, person: str, title: str
) -> None:
    record = prensa.extract_text(f"Reunión de trabajo\n\n{sentence}\n", language="es")
    assert (person, title) in [(r.person, r.title) for r in record.roles]

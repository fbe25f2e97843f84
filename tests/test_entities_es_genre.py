"""People and places as Spanish-speaking governments' releases write them: full names after a
title and a comma, names the stock model takes for places, sentence-opening verbs, meetings
named like territories, given names that are also countries."""

from __future__ import annotations

import pytest
from spacy.language import Language

from prensa.context import DocContext
from prensa.extract import people, places


def _read(pipeline: Language, text: str) -> tuple[list[str], list[str]]:
    """Names of the people and places found in ``text`` (places as 'name|kind')."""
    doc = pipeline(text)
    ctx = DocContext(doc_id="doc_test", language="es")
    found_people, _ = people.extract(doc, ctx)
    found_places, _ = places.extract(doc, ctx)
    return [p.name for p in found_people], [f"{p.name}|{p.kind}" for p in found_places]


PEOPLE = [
    # A title, its complement in lower case, a comma, the name: a person, not a place.
    (
        "El presidente del tribunal tomó protesta a la nueva jueza de primera instancia en "
        "materia familiar, Rosa Isela Campos Treviño.",
        "Rosa Isela Campos Treviño",
    ),
    (
        "También el auditor superior del Estado, Jorge Armando Plata Sandoval, presentó su "
        "informe ante el pleno.",
        "Jorge Armando Plata Sandoval",
    ),
    (
        "Por parte del Instituto Electoral acudió su consejera presidenta, Gabriela María de "
        "León Farías.",
        "Gabriela María de León Farías",
    ),
    # A given name that is also a country's Spanish name is part of the name.
    (
        "Asistió la magistrada de la Sala Penal, María Guadalupe Ríos Salcedo.",
        "María Guadalupe Ríos Salcedo",
    ),
    # The office after the title is not the first word of the name.
    (
        "Estuvieron presentes la consejera de la Judicatura Ana Lilia Peña Robles, el "
        "consejero Juan Carlos Rodríguez Salinas y otros servidores públicos.",
        "Ana Lilia Peña Robles",
    ),
    (
        "Estuvo presente la consejera de la Judicatura Norma Alicia Reyes Fuentes.",
        "Norma Alicia Reyes Fuentes",
    ),
    # A sentence-opening verb glued to the name is not part of it.
    ("Habló Carmen Salinas Ortega sobre el nuevo sistema de justicia.", "Carmen Salinas Ortega"),
    (
        "Comparecieron Juan Pablo Martínez Leal y María Fernanda Ortiz Cantú ante el comité.",
        "Juan Pablo Martínez Leal",
    ),
    (
        "Intervino Rocío Guadalupe Zamora Ruiz, comisionada del instituto.",
        "Rocío Guadalupe Zamora Ruiz",
    ),
    # Honorific initials of Mexican official writing are not part of the name.
    (
        "Mediante oficio firmado por el C. Jorge Alberto Ruiz Núñez se dio respuesta.",
        "Jorge Alberto Ruiz Núñez",
    ),
    (
        "Por parte del tribunal, la M. C. Guadalupe Herrera Bonilla, responsable de la unidad, "
        "expuso el tema.",
        "Guadalupe Herrera Bonilla",
    ),
    # A given name the tagger reads as a verb stays in the name.
    (
        "Firmó el acuerdo el fiscal anticorrupción del estado, Óscar Manuel Treviño Garza.",
        "Óscar Manuel Treviño Garza",
    ),
]


@pytest.mark.parametrize(("text", "name"), PEOPLE)
def test_a_full_name_in_a_release_is_one_person(nlp_es: Language, text: str, name: str) -> None:
    found_people, found_places = _read(nlp_es, text)
    assert name in found_people, found_people
    assert not any(name in place or place.split("|")[0] in name for place in found_places), (
        found_places
    )


NOT_PLACES = [
    # A body named after a governor is an organisation, not a place.
    ("El gobernador del Banco de México habló de la inflación.", "Banco de México"),
    # 'Reunión' is also Réunion's Spanish name; in a meeting's name it is no place.
    ("Primera Reunión de trabajo de los comités ciudadanos de la región.", "Reunión"),
    ("Se llevó a cabo la Segunda Reunión Nacional de contralores.", "Reunión"),
]


@pytest.mark.parametrize(("text", "word"), NOT_PLACES)
def test_a_meeting_is_not_a_place(nlp_es: Language, text: str, word: str) -> None:
    _, found_places = _read(nlp_es, text)
    assert not any(p.startswith(f"{word}|") for p in found_places), found_places


PLACES_KEPT = [
    ("La delegación viajó a Cuba y después a China.", ["Cuba", "China"]),
    ("En Monclova se instalaron módulos de atención ciudadana.", ["Monclova"]),
    ("En Monclova y Piedras Negras se instalaron módulos.", ["Monclova", "Piedras Negras"]),
    ("La secretaria de Salud, Ana Karen Lozano Cruz, visitó Torreón.", ["Torreón"]),
    # 'Coahuila.-' closes a Mexican dateline: the state is still a place.
    ("Sabinas, Coahuila.- Con 200 estudiantes se realizó el foro.", ["Coahuila"]),
    # A lower-case local place noun: what follows is a place, whatever the model said.
    (
        "La brigada visitó el municipio de Francisco I. Madero y el ejido El Cuije.",
        ["Francisco I. Madero", "El Cuije"],
    ),
    ("Los vecinos de la colonia Lomas del Sur recibieron apoyos.", ["Lomas del Sur"]),
    (
        "Los apoyos llegaron al municipio de San Pedro Tapanatepec y a la comunidad de San "
        "Juan Chancalaito.",
        ["San Pedro Tapanatepec", "San Juan Chancalaito"],
    ),
    (
        "Las jornadas llegarán a los municipios de Parras, Viesca y General Cepeda.",
        ["Parras", "Viesca", "General Cepeda"],
    ),
    (
        "Acudieron funcionarios de los Ayuntamientos de: Acuña, Allende, Nava y Villa Unión.",
        ["Acuña", "Allende", "Nava", "Villa Unión"],
    ),
    # A local office's complement is a town.
    (
        "El alcalde de Villa de Allende, Arturo Piña García, inauguró la obra.",
        ["Villa de Allende"],
    ),
    ("La policía municipal de Torreón detuvo a dos personas.", ["Torreón"]),
    # A country after 'a' and before 'de Su Majestad' stays the country.
    ("Dos meses después del viaje a México de Su Majestad Felipe VI.", ["México"]),
]


@pytest.mark.parametrize(("text", "names"), PLACES_KEPT)
def test_countries_and_towns_are_still_places(
    nlp_es: Language, text: str, names: list[str]
) -> None:
    _, found_places = _read(nlp_es, text)
    assert set(names) <= {p.split("|")[0] for p in found_places}, found_places


NAMESAKES = [
    (
        "El evento se realizó en el aeropuerto de Santa Lucía, en el Estado de México.",
        "Santa Lucía",
    ),
    ("La reunión se realizó en el municipio de Guadalupe, Nuevo León.", "Guadalupe"),
]


@pytest.mark.parametrize(("text", "name"), NAMESAKES)
def test_a_local_namesake_is_not_the_country(nlp_es: Language, text: str, name: str) -> None:
    _, found_places = _read(nlp_es, text)
    assert f"{name}|country" not in found_places, found_places
    assert any(p.startswith(f"{name}|") for p in found_places), found_places


NOT_PEOPLE_OR_TOWNS = [
    # A name after an office without 'de' is a person, not a town.
    (
        "Lo seguirá haciendo mientras esté como alcaldesa Laura Solís y Marta Quiroga.",
        ["Laura Solís", "Marta Quiroga"],
        [],
    ),
    # The office's place before a name stays a place; the name after it is no 'Campeche …'.
    (
        "Estuvo el gobernador de Campeche Luis Ortega Vera en la gira.",
        ["Luis Ortega Vera"],
        ["Campeche|state"],
    ),
    # A name the model glued to a country is the name after it.
    (
        "El expresidente de México Gustavo Díaz Ordaz ordenó la represión.",
        ["Gustavo Díaz Ordaz"],
        ["México|country"],
    ),
    # 'los municipios de México': the country, not a namesake.
    ("Conozco todos los municipios de México, dijo el presidente.", [], ["México|country"]),
    # ... but not when a particle follows the country.
    (
        "Dos meses después del viaje a México de Su Majestad Felipe VI.",
        ["Felipe VI"],
        ["México|country"],
    ),
    # A headline's present-tense verb is not part of the name.
    ("Recibe Salvador Eduardo Silva Ruiz el premio nacional.", ["Salvador Eduardo Silva Ruiz"], []),
]


@pytest.mark.parametrize(("text", "names", "found"), NOT_PEOPLE_OR_TOWNS)
def test_local_rules_leave_people_and_countries_alone(
    nlp_es: Language, text: str, names: list[str], found: list[str]
) -> None:
    found_people, found_places = _read(nlp_es, text)
    assert set(names) <= set(found_people), found_people
    assert set(found) <= set(found_places), found_places
    assert not any(p.split("|")[0] in names for p in found_places), found_places
    assert not any(p.split()[0] in ("Campeche", "Recibe", "México", "de") for p in found_people)


@pytest.mark.parametrize(
    ("text", "not_people", "people_found"),
    [
        # a newspaper's name before an apposition is no person
        (
            "Según el Wall Street Journal, el presidente Andrés Manuel López Obrador viajará.",
            ["Wall Street Journal"],
            ["Andrés Manuel López Obrador"],
        ),
        # a rank before a name is a title, not part of the name
        (
            "La ceremonia recordó al Cadete Francisco Márquez y al Cadete Vicente Suárez.",
            ["Cadete Francisco Márquez", "Cadete Vicente Suárez"],
            ["Francisco Márquez", "Vicente Suárez"],
        ),
    ],
)
def test_bodies_and_ranks_are_not_names(
    nlp_es: Language, text: str, not_people: list[str], people_found: list[str]
) -> None:
    found_people, _ = _read(nlp_es, text)
    assert not set(not_people) & set(found_people), found_people
    assert set(people_found) <= set(found_people), found_people

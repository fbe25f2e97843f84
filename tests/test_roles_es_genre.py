"""Spanish roles as state, municipal and judicial governments, councils, universities and
ministries of any Spanish-speaking country write them: the person gets the title the release
gives, with the body it is of, and a common title reads in English."""

from __future__ import annotations

import pytest
from spacy.language import Language

from prensa.records import Role
from role_reading import read_roles, roles_of


def _roles(pipeline: Language, text: str) -> list[Role]:
    return read_roles(pipeline, text, "es")


# sentence, person, title, organisation (None: the title names none)
TITLES = [
    # one office of two bodies
    (
        "En la sesión, el Magistrado Presidente del Tribunal Superior de Justicia y del Consejo "
        "de la Judicatura, Ramiro Luna Estrada, rindió su informe.",
        "Ramiro Luna Estrada",
        "Magistrado Presidente del Tribunal Superior de Justicia y del Consejo de la Judicatura",
        "Consejo de la Judicatura",
    ),
    (
        "La presidenta de la Comisión de Hacienda y de la Junta de Coordinación Política, Elena "
        "Ríos Paz, presentó la iniciativa.",
        "Elena Ríos Paz",
        "presidenta de la Comisión de Hacienda y de la Junta de Coordinación Política",
        None,
    ),
    # 'su' refers back to the body the sentence just named
    (
        "Por parte de la Universidad Tecnológica del Norte acudió su rectora, Patricia Olvera "
        "Díaz, quien firmó el convenio.",
        "Patricia Olvera Díaz",
        "rectora",
        "Universidad Tecnológica del Norte",
    ),
    (
        "En representación del Instituto Electoral de Jalisco asistió su consejero presidente, "
        "Tomás Ibarra Solano.",
        "Tomás Ibarra Solano",
        "consejero presidente",
        "Instituto Electoral de Jalisco",
    ),
    # 'a' inside a complement
    (
        "Habló el director de Atención a Víctimas, Jorge Salinas Mora, sobre los casos.",
        "Jorge Salinas Mora",
        "director de Atención a Víctimas",
        None,
    ),
    # offices of town halls, courts, universities and regional governments
    (
        "Asistieron los regidores Pablo Garza Ruiz y Ana Sofía Treviño.",
        "Ana Sofía Treviño",
        "regidor",
        None,
    ),
    (
        "Clara Benítez Soto, concejala de Madrid, criticó la medida.",
        "Clara Benítez Soto",
        "concejala de Madrid",
        None,
    ),
    (
        "Beatriz Lozano Ruiz, síndica municipal, firmó el acta.",
        "Beatriz Lozano Ruiz",
        "síndica municipal",
        None,
    ),
    (
        "Gustavo Peña Arias, subdirector de la Escuela Normal, dio la bienvenida.",
        "Gustavo Peña Arias",
        "subdirector de la Escuela Normal",
        "Escuela Normal",
    ),
    (
        "El tesorero municipal, Arturo Lemus Díaz, presentó la cuenta pública.",
        "Arturo Lemus Díaz",
        "tesorero municipal",
        None,
    ),
    (
        "El vicerrector académico, Enrique Silva Paredes, inauguró el foro.",
        "Enrique Silva Paredes",
        "vicerrector académico",
        None,
    ),
    (
        "La jueza de primera instancia Teresa Luján Mora dictó la sentencia.",
        "Teresa Luján Mora",
        "jueza de primera instancia",
        None,
    ),
    (
        "El intendente de Buenos Aires, Javier Ortiz Pardo, anunció la obra.",
        "Javier Ortiz Pardo",
        "intendente de Buenos Aires",
        None,
    ),
    (
        "La defensora del Pueblo, Marta Quiroga Díaz, presentó su informe.",
        "Marta Quiroga Díaz",
        "defensora del Pueblo",
        None,
    ),
    (
        "El delegado presidencial provincial de Arauco, Pedro Andrade Pérez, asumió el cargo.",
        "Pedro Andrade Pérez",
        "delegado presidencial provincial de Arauco",
        None,
    ),
    (
        "La Quinta Regidora, Ana Sofía Treviño Luna, presentó el dictamen.",
        "Ana Sofía Treviño Luna",
        "Quinta Regidora",
        None,
    ),
    (
        "El síndico procurador, Pedro Garza Soto, firmó el convenio.",
        "Pedro Garza Soto",
        "síndico procurador",
        None,
    ),
    # 'consejero presidente' is one office, not the presidency
    (
        "Presidió el consejero presidente del Instituto Nacional Electoral, Ernesto Lara Díaz.",
        "Ernesto Lara Díaz",
        "consejero presidente del Instituto Nacional Electoral",
        "Instituto Nacional Electoral",
    ),
    # titles after the name, and phrases that give a person standing for a body
    (
        "Firmaron también Luis Beltrán Soto, encargado del despacho de la Secretaría Técnica, "
        "y otros.",
        "Luis Beltrán Soto",
        "encargado del despacho de la Secretaría Técnica",
        "Secretaría Técnica",
    ),
    (
        "Acudió Silvia Torres Lagos, en representación de la Cámara Nacional de Comercio.",
        "Silvia Torres Lagos",
        "representante de la Cámara Nacional de Comercio",
        "Cámara Nacional de Comercio",
    ),
    (
        "Asistió, en representación del Colegio de Notarios, Esteban Ruiz Prado.",
        "Esteban Ruiz Prado",
        "representante del Colegio de Notarios",
        "Colegio de Notarios",
    ),
    (
        "Asistió el Ing. Gerardo Luna Ríos - Director Regional del INEGI.",
        "Gerardo Luna Ríos",
        "Director Regional del INEGI",
        None,
    ),
    (
        "La Unidad de Transparencia, a cargo de Paula Rojas Vidal, publicó el informe.",
        "Paula Rojas Vidal",
        "titular de la Unidad de Transparencia",
        "Unidad de Transparencia",
    ),
    # a word that qualifies a head is not a head of its own ('general' is also a rank)
    (
        "La Visitadora Judicial General, Rosa María Salinas Cuéllar, realizó la inspección.",
        "Rosa María Salinas Cuéllar",
        "Visitadora Judicial General",
        None,
    ),
    (
        "El contralor general de la República, Nelson Shack Yalta, presentó el informe.",
        "Nelson Shack Yalta",
        "contralor general de la República",
        None,
    ),
    # a bare title ends at the comma: the next name is not part of it
    (
        "Asistieron Pedro Garza Soto, presidente del Comité; Luisa Fernanda Ortiz, secretaria "
        "técnica, y Ramón Díaz Leal, comisionado.",
        "Luisa Fernanda Ortiz",
        "secretaria técnica",
        None,
    ),
    (
        "El informe fue elaborado por la Fiscalía Anticorrupción, encabezada por el doctor "
        "Ramiro Soto Vela, y entregado ayer.",
        "Ramiro Soto Vela",
        "titular de la Fiscalía Anticorrupción",
        None,
    ),
    # another office after a preposition is whom the title goes to, not what it is of
    (
        "Entregó el gobernador a la secretaria de Salud, María Elena Ruiz Soto, el reconocimiento.",
        "María Elena Ruiz Soto",
        "secretaria de Salud",
        None,
    ),
    # ... but an office the title is of stays in it
    (
        "Llegó el asesor especial del presidente, Jared Kushner, a la reunión.",
        "Jared Kushner",
        "asesor especial del presidente",
        None,
    ),
    # an honorific inside an institution's name does not end the title
    (
        "Habló la diputada Irma Ramos Peña, presidenta de la Mesa Directiva de la Honorable "
        "Cámara de Diputados.",
        "Irma Ramos Peña",
        "presidenta de la Mesa Directiva de la Honorable Cámara de Diputados",
        None,
    ),
    (
        "En la mesa participó Pedro Garza Soto, quien funge como director de Vinculación del "
        "Instituto.",
        "Pedro Garza Soto",
        "director de Vinculación del Instituto",
        None,
    ),
    # a second title after 'y por la' is its own, not the first one's complement
    (
        "La reunión fue encabezada por el director de proyectos de USAID, Eduardo Flores Trejo "
        "y por la titular de la Secretaría Técnica, Marcela Castañeda Agüero, quienes hablaron.",
        "Marcela Castañeda Agüero",
        "titular de la Secretaría Técnica",
        "Secretaría Técnica",
    ),
    # an honorific set off by commas before the name
    (
        "Habló la Presidenta Constitucional de la República, Doctora, Irma Vela Soto.",
        "Irma Vela Soto",
        "Presidenta Constitucional de la República",
        None,
    ),
    # an introduction before a one-word office
    (
        "Habló el nuevo Presidente del Poder Judicial de Baja California, magistrado Jorge "
        "Ignacio Pérez Castañeda, en la conferencia.",
        "Jorge Ignacio Pérez Castañeda",
        "nuevo Presidente del Poder Judicial de Baja California",
        None,
    ),
    # a plural title with one body, shared out over the names
    (
        "Votaron las magistradas de la Sala Penal, Olga Rivas Tello y Marisa Cantú Leal.",
        "Olga Rivas Tello",
        "magistrada de la Sala Penal",
        None,
    ),
    # listed names keep the plural title across their honorifics
    (
        "Firmaron los consejeros, la Mtra. Ana Yolanda Ruiz y el Lic. Pedro Garza Soto.",
        "Pedro Garza Soto",
        "consejero",
        None,
    ),
]


@pytest.mark.parametrize(("text", "person", "title", "organization"), TITLES)
def test_the_title_the_release_gives(
    nlp_es: Language, text: str, person: str, title: str, organization: str | None
) -> None:
    found = roles_of(_roles(nlp_es, text), person)
    assert title in [r.title for r in found]
    if organization is not None:
        assert organization in [r.organization for r in found if r.title == title]


# sentence, person, title, English title
TRANSLATIONS = [
    (
        "Asistió la Magistrada Presidenta del Tribunal Superior de Justicia, Rosa Elvira Campos, "
        "al evento.",
        "Rosa Elvira Campos",
        "Magistrada Presidenta del Tribunal Superior de Justicia",
        "Presiding Justice of the Superior Court of Justice",
    ),
    (
        "Estuvo presente la diputada local Carmen Salas Vega.",
        "Carmen Salas Vega",
        "diputada local",
        "Local Legislator",
    ),
    (
        "Intervino el consejero Marco Antonio Pérez Leal.",
        "Marco Antonio Pérez Leal",
        "consejero",
        "Councillor",
    ),
    (
        "En la reunión participó el comisionado presidente, Luis Ortega Vela.",
        "Luis Ortega Vela",
        "comisionado presidente",
        "Presiding Commissioner",
    ),
    (
        "El seremi de Salud, Cristián Araya Muñoz, informó las cifras.",
        "Cristián Araya Muñoz",
        "seremi de Salud",
        "Regional Ministerial Secretary of Health",
    ),
    (
        "La procuradora general de la Nación, Margarita Cabello Blanco, anunció la investigación.",
        "Margarita Cabello Blanco",
        "procuradora general de la Nación",
        "Attorney General of the Nation",
    ),
    (
        "Ramón Sáenz Villa, secretario técnico de la Secretaría Ejecutiva, abrió la sesión.",
        "Ramón Sáenz Villa",
        "secretario técnico de la Secretaría Ejecutiva",
        "Technical Secretary of the Executive Secretariat",
    ),
]


@pytest.mark.parametrize(("text", "person", "title", "english"), TRANSLATIONS)
def test_common_titles_read_in_english(
    nlp_es: Language, text: str, person: str, title: str, english: str
) -> None:
    found = roles_of(_roles(nlp_es, text), person)
    assert english in [r.title_en for r in found if r.title == title]


# sentences that must give no role to the person named
NO_ROLE = [
    # the person stands in for an official, not for a body
    ("Asistió, en representación del gobernador, Esteban Ruiz Prado.", "Esteban Ruiz Prado"),
    # 'a cargo de' a talk is no office
    ("La conferencia, a cargo de Paula Rojas Vidal, abordó la transparencia.", "Paula Rojas Vidal"),
]


@pytest.mark.parametrize(("text", "person"), NO_ROLE)
def test_no_role_without_an_office_or_a_body(nlp_es: Language, text: str, person: str) -> None:
    assert not [r for r in _roles(nlp_es, text) if r.person == person]


def test_a_possessive_after_a_person_is_not_a_body(nlp_es: Language) -> None:
    text = "La senadora Irma Soto Vela llegó con su asesor, Mario Leal Ponce."
    found = roles_of(_roles(nlp_es, text), "Mario Leal Ponce")
    assert [r.organization for r in found] == [None]

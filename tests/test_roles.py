"""Roles: who holds which title, read from Spanish and English releases."""

from __future__ import annotations

from spacy.language import Language

from prensa.ids import entity_id
from prensa.records import Role
from role_reading import read_roles


def _roles(pipeline: Language, text: str, language: str) -> tuple[str, list[Role]]:
    return text, read_roles(pipeline, text, language)


def _by_person(found: list[Role]) -> dict[str, list[Role]]:
    table: dict[str, list[Role]] = {}
    for role in found:
        table.setdefault(role.person, []).append(role)
    return table


def _titles(found: list[Role], person: str) -> set[str]:
    return {r.title for r in found if r.person == person}


# --- Spanish ----------------------------------------------------------------------------------


def test_a_plural_title_is_shared_by_a_list_with_a_compound_name(nlp_es: Language) -> None:
    text = (
        "Asistieron los consejeros María de Lourdes de Koster Ruiz, Tomás Herrera Vidal y "
        "Ana Lucía Fuentes Mora."
    )
    _, found = _roles(nlp_es, text, "es")
    for person in (
        "María de Lourdes de Koster Ruiz",
        "Tomás Herrera Vidal",
        "Ana Lucía Fuentes Mora",
    ):
        assert _titles(found, person), person
    assert not any(r.title.endswith("s") for r in found)


def test_coordinated_titles_in_apposition_are_two_roles(nlp_es: Language) -> None:
    text = (
        "Roberto Velasco, subsecretario para América del Norte y encargado de despacho de la "
        "Secretaría de Relaciones Exteriores, viajó a Washington."
    )
    _, found = _roles(nlp_es, text, "es")
    by_title = {r.title: r for r in found}
    assert set(by_title) == {
        "subsecretario para América del Norte",
        "encargado de despacho de la Secretaría de Relaciones Exteriores",
    }
    first = by_title["subsecretario para América del Norte"]
    second = by_title["encargado de despacho de la Secretaría de Relaciones Exteriores"]
    assert first.title_en == "Under Secretary for North America"
    assert first.country == second.country == "MX"
    assert second.organization == "Secretaría de Relaciones Exteriores"
    assert second.org_id == entity_id("org", "Secretaría de Relaciones Exteriores")
    assert {r.person for r in found} == {"Roberto Velasco"}


def test_apposition_naming_the_state_department_is_a_us_role(nlp_es: Language) -> None:
    text = (
        "Emily Mendrala, subsecretaria principal adjunta para Asuntos del Hemisferio Occidental "
        "del Departamento de Estado, visitó la Ciudad de México."
    )
    _, found = _roles(nlp_es, text, "es")
    assert len(found) == 1
    role = found[0]
    assert role.title.startswith("subsecretaria principal adjunta para Asuntos")
    assert role.organization == "U.S. Department of State"
    assert role.country == "US"


def test_titles_before_the_name_feminine_forms_share_the_entry(nlp_es: Language) -> None:
    text = (
        "En la reunión estuvo el canciller Juan Ramón de la Fuente. Hoy habló la presidenta "
        "Claudia Sheinbaum. La gobernadora Layda Sansores San Román y la embajadora Martha "
        "Bárcena Coqui asistieron."
    )
    _, found = _roles(nlp_es, text, "es")
    by_person = {r.person: r for r in found}
    assert by_person["Juan Ramón de la Fuente"].title == "canciller"
    assert by_person["Juan Ramón de la Fuente"].title_en == "Foreign Minister"
    assert by_person["Claudia Sheinbaum"].title == "presidenta"
    assert by_person["Claudia Sheinbaum"].title_en == "President"
    assert by_person["Layda Sansores San Román"].title_en == "Governor"
    assert by_person["Martha Bárcena Coqui"].title_en == "Ambassador"


def test_ambassador_country_only_when_the_text_gives_it(nlp_es: Language) -> None:
    _, named = _roles(
        nlp_es, "Se reunió con el embajador de Estados Unidos, Ronald Johnson, en Palacio.", "es"
    )
    _, bare = _roles(nlp_es, "Asistió el embajador Ronald Johnson a la ceremonia.", "es")
    assert [(r.title, r.country) for r in named] == [("embajador de Estados Unidos", "US")]
    assert [(r.title, r.country) for r in bare] == [("embajador", None)]


def test_nationality_sets_the_country_and_is_not_part_of_the_title(nlp_es: Language) -> None:
    _, found = _roles(nlp_es, "El canciller mexicano Marcelo Ebrard Casaubon se reunió.", "es")
    assert [(r.title, r.country, r.organization) for r in found] == [
        ("canciller", "MX", "Secretaría de Relaciones Exteriores")
    ]


def test_introduction_with_a_comma_before_the_name(nlp_es: Language) -> None:
    text = "El secretario de Hacienda y Crédito Público, Rogelio Ramírez de la O, presentó el plan."
    _, found = _roles(nlp_es, text, "es")
    assert [(r.person, r.title, r.organization) for r in found] == [
        (
            "Rogelio Ramírez de la O",
            "secretario de Hacienda y Crédito Público",
            "Secretaría de Hacienda y Crédito Público",
        )
    ]
    assert found[0].title_en == "Secretary of Finance and Public Credit"


def test_plural_title_is_shared_out_in_order(nlp_es: Language) -> None:
    text = (
        "Estuvieron presentes los secretarios de Marina y de la Defensa Nacional, José Rafael "
        "Ojeda Durán y Luis Cresencio Sandoval, quienes presentaron el informe."
    )
    _, found = _roles(nlp_es, text, "es")
    assert _titles(found, "José Rafael Ojeda Durán") == {"secretario de Marina"}
    assert _titles(found, "Luis Cresencio Sandoval") == {"secretario de la Defensa Nacional"}
    orgs = {r.person: r.organization for r in found}
    assert orgs["Luis Cresencio Sandoval"] == "Secretaría de la Defensa Nacional"


def test_complements_and_names_in_turn(nlp_es: Language) -> None:
    text = (
        "Estuvieron presentes los próximos titulares de Sedena, Luis Crescencio Sandoval "
        "González; de Semar, José Rafael Ojeda Durán; de Gobernación, Olga Sánchez Cordero."
    )
    _, found = _roles(nlp_es, text, "es")
    assert _titles(found, "José Rafael Ojeda Durán") == {"próximo titular de Semar"}
    assert _titles(found, "Olga Sánchez Cordero") == {"próximo titular de Gobernación"}
    semar = next(r for r in found if r.person == "José Rafael Ojeda Durán")
    assert semar.organization == "Secretaría de Marina"


def test_upper_case_speaker_header(nlp_es: Language) -> None:
    text = (
        "Versión estenográfica.\n"
        "MARÍA GUADALUPE ISLAS MORALES, AUTORIDAD INDÍGENA NÁHUATL DE TABASCO: Buenos días."
    )
    _, found = _roles(nlp_es, text, "es")
    assert [(r.person, r.title, r.country) for r in found] == [
        ("María Guadalupe Islas Morales", "autoridad indígena náhuatl de Tabasco", "MX")
    ]


def test_ranks_are_roles_and_honorifics_are_not(nlp_es: Language) -> None:
    text = (
        "Asistieron el almirante José Rafael Ojeda Durán, el vicealmirante Enrique Flores Morado "
        "y el comisario general David Córdova Campos. También el licenciado Rubén Rocha Moya."
    )
    _, found = _roles(nlp_es, text, "es")
    assert {(r.person, r.title) for r in found} == {
        ("José Rafael Ojeda Durán", "almirante"),
        ("Enrique Flores Morado", "vicealmirante"),
        ("David Córdova Campos", "comisario general"),
    }


def test_the_pope_is_a_role_and_a_fathers_name_is_not(nlp_es: Language) -> None:
    text = (
        "El presidente de Argentina se reunió con el papa Francisco en el Vaticano. "
        "Me acompaña mi papá Alejandro Gómez. La reforma la llevó a cabo Carlos Salinas."
    )
    _, found = _roles(nlp_es, text, "es")
    pope = [r for r in found if r.title == "papa"]
    assert [(r.title_en, r.country) for r in pope] == [("Pope", "VA")]
    assert not [r for r in found if r.person in ("Alejandro Gómez", "Carlos Salinas")]


def test_rank_before_a_title_and_titles_after_the_name(nlp_es: Language) -> None:
    text = (
        "Le pedí al almirante secretario de Marina, José Rafael Ojeda Durán, que presentara el "
        "plan. Acompañan al presidente la Maestra Luisa María Alcalde Luján, secretaria de "
        "Gobernación, y el General de División Ricardo Trevilla Trejo, jefe del Estado Mayor de "
        "la Defensa Nacional."
    )
    _, found = _roles(nlp_es, text, "es")
    assert _titles(found, "José Rafael Ojeda Durán") == {"almirante", "secretario de Marina"}
    assert _titles(found, "Luisa María Alcalde Luján") == {"secretaria de Gobernación"}
    assert _titles(found, "Ricardo Trevilla Trejo") == {
        "General de División",
        "jefe del Estado Mayor de la Defensa Nacional",
    }


def test_one_role_per_office_keeps_the_longest_form(nlp_es: Language) -> None:
    text = (
        "El presidente Andrés Manuel López Obrador encabezó la ceremonia.\n"
        "Andrés Manuel López Obrador\n"
        "Presidente de los Estados Unidos Mexicanos"
    )
    _, found = _roles(nlp_es, text, "es")
    assert [(r.title, r.title_en, r.country) for r in found] == [
        ("Presidente de los Estados Unidos Mexicanos", "President of Mexico", "MX")
    ]


def test_status_words_make_a_different_office(nlp_es: Language) -> None:
    text = (
        "La secretaria de Gobernación saliente, Olga Sánchez Cordero, agradeció el apoyo. "
        "Entonces la secretaria Olga Sánchez Cordero se despidió."
    )
    _, found = _roles(nlp_es, text, "es")
    titles = {r.title: r for r in found}
    assert "secretaria de Gobernación saliente" in titles
    assert titles["secretaria de Gobernación saliente"].title_en == (
        "Outgoing Secretary of the Interior"
    )


def test_any_noun_phrase_after_en_su_caracter_de(nlp_es: Language) -> None:
    text = "Alfonso Romo Garza, en su carácter de empresario independiente, participará."
    _, found = _roles(nlp_es, text, "es")
    assert [(r.person, r.title) for r in found] == [
        ("Alfonso Romo Garza", "empresario independiente")
    ]


def test_governor_of_a_state_names_its_government(nlp_es: Language) -> None:
    text = "También asistió el gobernador de Tabasco, Adán Augusto López Hernández."
    _, found = _roles(nlp_es, text, "es")
    assert [(r.title, r.organization, r.country) for r in found] == [
        ("gobernador de Tabasco", "Gobierno de Tabasco", "MX")
    ]


# --- English ----------------------------------------------------------------------------------


def test_us_titles_before_the_name(nlp_en: Language) -> None:
    text = (
        "Secretary of State Antony Blinken met with Mexican Foreign Secretary Marcelo Ebrard. "
        "Deputy Secretary of State Wendy R. Sherman traveled to Tokyo."
    )
    _, found = _roles(nlp_en, text, "en")
    by_person = {r.person: r for r in found}
    blinken = by_person["Antony Blinken"]
    assert (blinken.title, blinken.organization, blinken.country) == (
        "Secretary of State",
        "U.S. Department of State",
        "US",
    )
    assert blinken.title_es == "secretario de Estado"
    ebrard = by_person["Marcelo Ebrard"]
    assert (ebrard.title, ebrard.country) == ("Foreign Secretary", "MX")
    assert ebrard.title_es == "canciller"
    assert by_person["Wendy R. Sherman"].title == "Deputy Secretary of State"


def test_spokesperson_in_apposition(nlp_en: Language) -> None:
    text = "Ned Price, Department Spokesperson\n\nThe Secretary spoke today with his counterpart."
    _, found = _roles(nlp_en, text, "en")
    assert [(r.person, r.title, r.country) for r in found] == [
        ("Ned Price", "Department Spokesperson", "US")
    ]


def test_office_and_rank_before_one_name_are_two_roles(nlp_en: Language) -> None:
    text = (
        "The delegation includes Director of Policy and Plans for U.S. Southern Command "
        "Brigadier General Rick Uribe."
    )
    _, found = _roles(nlp_en, text, "en")
    assert _titles(found, "Rick Uribe") == {
        "Director of Policy and Plans for U.S. Southern Command",
        "Brigadier General",
    }
    director = next(r for r in found if r.title.startswith("Director"))
    assert director.organization == "U.S. Southern Command"


def test_nationality_and_organisation_prefixes_are_context(nlp_en: Language) -> None:
    text = (
        "The statement was released by Canadian Minister of Foreign Affairs Marc Garneau and the "
        "EU High Representative for Foreign Affairs and Security Policy Josep Borrell. Under "
        "Secretary Nuland will meet with Paraguayan President Mario Abdo Benitez."
    )
    _, found = _roles(nlp_en, text, "en")
    by_person = {r.person: r for r in found}
    assert (by_person["Marc Garneau"].title, by_person["Marc Garneau"].country) == (
        "Minister of Foreign Affairs",
        "CA",
    )
    borrell = by_person["Josep Borrell"]
    assert borrell.title == "High Representative for Foreign Affairs and Security Policy"
    assert borrell.organization == "Unión Europea"
    assert (by_person["Mario Abdo Benitez"].title, by_person["Mario Abdo Benitez"].country) == (
        "President",
        "PY",
    )


def test_a_title_before_the_next_name_is_not_the_previous_persons(nlp_en: Language) -> None:
    text = (
        "The statement was released by Secretary of State Antony J. Blinken, the EU High "
        "Representative for Foreign Affairs and Security Policy Josep Borrell, and Canadian "
        "Minister of Foreign Affairs Marc Garneau."
    )
    _, found = _roles(nlp_en, text, "en")
    assert _titles(found, "Antony J. Blinken") == {"Secretary of State"}


def test_english_introduction_and_coordinated_apposition(nlp_en: Language) -> None:
    text = (
        "The meeting was chaired by U.S. Deputy Assistant Secretary of State for Western "
        "Hemisphere Affairs, Emily Mendrala. Roberto Velasco, Under Secretary for North America "
        "and Acting Foreign Secretary of Mexico, met with her."
    )
    _, found = _roles(nlp_en, text, "en")
    mendrala = _by_person(found)["Emily Mendrala"]
    assert [(r.title, r.country) for r in mendrala] == [
        ("Deputy Assistant Secretary of State for Western Hemisphere Affairs", "US")
    ]
    velasco = {r.title: r for r in _by_person(found)["Roberto Velasco"]}
    assert set(velasco) == {
        "Under Secretary for North America",
        "Acting Foreign Secretary of Mexico",
    }
    assert velasco["Acting Foreign Secretary of Mexico"].title_es == "canciller interino de México"
    assert velasco["Acting Foreign Secretary of Mexico"].country == "MX"


def test_plural_title_before_two_names(nlp_en: Language) -> None:
    text = "Foreign Ministers Rodolfo Solano and Erika Mouynes signed the declaration."
    _, found = _roles(nlp_en, text, "en")
    assert {(r.person, r.title) for r in found} == {
        ("Rodolfo Solano", "Foreign Minister"),
        ("Erika Mouynes", "Foreign Minister"),
    }


def test_country_after_the_name_and_honorifics(nlp_en: Language) -> None:
    text = (
        "President Carlos Alvarado Quesada of Costa Rica welcomed the delegation. Secretary "
        "Blinken spoke with Dr. Jill Biden and Mr. John Smith."
    )
    _, found = _roles(nlp_en, text, "en")
    assert {(r.person, r.title, r.country) for r in found} == {
        ("Carlos Alvarado Quesada", "President", "CR"),
        ("Blinken", "Secretary", None),
    }


def test_ids_and_evidence(nlp_en: Language) -> None:
    text = "Admiral Craig Faller visited the base. Later, Admiral Craig Faller met the press."
    doc_text, found = _roles(nlp_en, text, "en")
    assert len(found) == 1
    role = found[0]
    assert doc_text[role.start : role.end] == "Admiral Craig Faller"
    assert role.sentence == "Admiral Craig Faller visited the base."
    _, again = _roles(nlp_en, text, "en")
    assert again[0].role_id == role.role_id
    assert role.role_id.startswith("role_")


def test_english_titles_with_a_qualifier_or_a_district(nlp_en: Language) -> None:
    text = (
        "The case is prosecuted by Senior Trial Attorney Joanna Pike of the Fraud Section. "
        "“We never stopped looking,” said Ramon Ortega Jr., U.S. Marshal for the Eastern "
        "District of Texas."
    )
    _, found = _roles(nlp_en, text, "en")
    assert "Senior Trial Attorney" in _titles(found, "Joanna Pike")
    assert "U.S. Marshal for the Eastern District of Texas" in _titles(found, "Ramon Ortega Jr.")


def test_a_manager_after_an_abbreviated_honorific(nlp_es: Language) -> None:
    text = "El comité se reunió con la Lic. Rebeca Soto Lara, Gerente de COPARMEX Mérida, ayer."
    _, found = _roles(nlp_es, text, "es")
    assert "Gerente de COPARMEX Mérida" in _titles(found, "Rebeca Soto Lara")


def test_a_plural_title_gives_each_listed_person_the_singular(
    nlp_es: Language, nlp_en: Language
) -> None:
    _, found = _roles(nlp_es, "Asistieron las senadoras Ana Ruiz Soto y Elena Gil Lara.", "es")
    assert _titles(found, "Ana Ruiz Soto") == {"senadora"}
    assert _titles(found, "Elena Gil Lara") == {"senadora"}
    text = "The dinner was attended by Senators Mark Holt, Jane Ruiz and Tom Barr."
    _, found = _roles(nlp_en, text, "en")
    assert all(_titles(found, p) == {"Senator"} for p in ("Mark Holt", "Jane Ruiz", "Tom Barr"))

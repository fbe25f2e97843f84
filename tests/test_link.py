"""Person ids hold across documents, spellings and languages, and depend on nothing else."""

from __future__ import annotations

from prensa.link import person_id


def test_maternal_surname_and_initials_do_not_change_the_id() -> None:
    assert person_id("Roberto Velasco Álvarez") == person_id("Roberto Velasco")
    assert person_id("Antony J. Blinken") == person_id("Antony Blinken")
    assert person_id("ROBERTO VELASCO") == person_id("roberto velasco")


def test_compound_surnames_are_kept_whole() -> None:
    assert person_id("Juan Ramón de la Fuente") == person_id("Juan Ramón de la Fuente Ramírez")
    assert person_id("Juan Ramón de la Fuente") != person_id("Juan Ramón")


def test_different_people_get_different_ids() -> None:
    assert person_id("Roberto Velasco") != person_id("Roberto Vázquez")
    assert person_id("Claudia Sheinbaum") != person_id("Claudia Pavlovich")

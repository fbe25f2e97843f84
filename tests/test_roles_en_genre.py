"""English roles as releases of many governments write them: a US prosecutor's district after
the name, Commonwealth and Swiss offices, chains of titles after a name, portfolios before the
head. Each row is a sentence in the genre and the title a reader expects for the person."""

from __future__ import annotations

import pytest
from spacy.language import Language

from prensa.records import Role
from role_reading import read_roles


def _roles(pipeline: Language, text: str) -> list[Role]:
    return read_roles(pipeline, text, "en")


def _titles(found: list[Role], person: str) -> list[str]:
    return [r.title for r in found if r.person == person]


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        # the district a US Attorney or Marshal serves, written after the name
        (
            "U.S. Attorney Dana Whitfield for the Southern District of Ohio announced the "
            "indictment today.",
            "Dana Whitfield",
            "U.S. Attorney for the Southern District of Ohio",
        ),
        (
            "The plea was announced by Acting U.S. Attorney Owen Marsh for the District of "
            "Columbia, FBI Special Agent in Charge Rita Coles and others.",
            "Owen Marsh",
            "Acting U.S. Attorney for the District of Columbia",
        ),
        (
            "The plea was announced by Acting U.S. Attorney Owen Marsh for the District of "
            "Columbia, FBI Special Agent in Charge Rita Coles and others.",
            "Rita Coles",
            "Special Agent in Charge",
        ),
        # a head qualified by 'Chief', and offices the lexicon did not know
        (
            "Proceedings were opened against the Chief Public Prosecutor of the Lower Valley, "
            "Marco Brunner, who has no immunity.",
            "Marco Brunner",
            "Chief Public Prosecutor of the Lower Valley",
        ),
        (
            "Nora Albrecht, Chief Information Officer, joins the directorate in March.",
            "Nora Albrecht",
            "Chief Information Officer",
        ),
        (
            "Helen Marsh, Chair of the Water Regulation Authority, welcomed the report.",
            "Helen Marsh",
            "Chair of the Water Regulation Authority",
        ),
        (
            "Governor General Alice Tremblay will travel to Norway next week.",
            "Alice Tremblay",
            "Governor General",
        ),
        (
            "High Commissioner Fiona Burke hosted the reception in Wellington.",
            "Fiona Burke",
            "High Commissioner",
        ),
        (
            "Parliamentary Under-Secretary of State Lord Penrose met the delegation.",
            "Lord Penrose",
            "Parliamentary Under-Secretary of State",
        ),
        (
            "Ruth Calder, the Special Presidential Envoy for Oceans, travelled to Fiji.",
            "Ruth Calder",
            "Special Presidential Envoy for Oceans",
        ),
        (
            "Federal Chancellor Lukas Imhof presented the report to the press.",
            "Lukas Imhof",
            "Federal Chancellor",
        ),
        (
            "U.S. District Judge Carla Benning set sentencing for June.",
            "Carla Benning",
            "U.S. District Judge",
        ),
        # a chain of titles after the name, and a title in brackets
        (
            "The board comprises Paolo Verri, Federal Attorney, Head of the Economic Crime "
            "Division, and two deputies.",
            "Paolo Verri",
            "Head of the Economic Crime Division",
        ),
        (
            "The board comprises Paolo Verri, Federal Attorney, Head of the Economic Crime "
            "Division, and two deputies.",
            "Paolo Verri",
            "Federal Attorney",
        ),
        (
            "The talks were led by Irene Vogt (State Secretary of the FDFA) in Bern.",
            "Irene Vogt",
            "State Secretary of the FDFA",
        ),
        (
            "Ambassador Lea Roth, head of the Swiss delegation, signed the protocol.",
            "Lea Roth",
            "head of the Swiss delegation",
        ),
        (
            "The head of the FDFA, Federal Councillor Ignaz Kessler, opened the conference.",
            "Ignaz Kessler",
            "head of the FDFA",
        ),
        (
            "Chief Postal Inspector Gary Cotter said the scheme targeted the elderly.",
            "Gary Cotter",
            "Chief Postal Inspector",
        ),
        (
            "Paul Ressler, 52, a former Special Agent of the Bureau, pleaded guilty today.",
            "Paul Ressler",
            "former Special Agent of the Bureau",
        ),
        # an appointment: the title after the verb, without the date
        (
            "Anna Keller has been appointed Director of the Federal Office of Energy.",
            "Anna Keller",
            "Director of the Federal Office of Energy",
        ),
        (
            "Ashley Dunmore MP has been appointed Parliamentary Under-Secretary of State.",
            "Ashley Dunmore",
            "Parliamentary Under-Secretary of State",
        ),
        (
            "Marta Rossi will become State Secretary on 1 April.",
            "Marta Rossi",
            "State Secretary",
        ),
        # a portfolio written before the head
        (
            "The plans were launched today by Environment Secretary Tom Ashby.",
            "Tom Ashby",
            "Environment Secretary",
        ),
        (
            "Business and Trade Secretary Owen Pryce will fly to Ottawa on Sunday.",
            "Owen Pryce",
            "Business and Trade Secretary",
        ),
        (
            "The forum was opened by Federal Data Protection and Information Commissioner "
            "Beat Amsler.",
            "Beat Amsler",
            "Federal Data Protection and Information Commissioner",
        ),
        (
            "UK Defence Secretary Ian Hollis will visit the base on Monday.",
            "Ian Hollis",
            "Defence Secretary",
        ),
    ],
)
def test_an_english_title_is_read_whole(
    nlp_en: Language, text: str, person: str, title: str
) -> None:
    assert title in _titles(_roles(nlp_en, text), person)


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        # the country a minister speaks for is not the office's complement
        (
            "Closing remarks came from Minister Paul Girard for Canada and others.",
            "Paul Girard",
            "Minister",
        ),
        # a headline's 'for' is the charge, not a district
        (
            "Charges Against Former Mayor Leon Varga for Fraud\nThe city said.",
            "Leon Varga",
            "Former Mayor",
        ),
        # the sentence's 'for the …', not the title's
        (
            "She thanked Minister Aoife Brennan for the Government's support.",
            "Aoife Brennan",
            "Minister",
        ),
        # a country or a department written before the head is context, not a portfolio
        (
            "Dominican Republic Foreign Minister Rafael Ortiz met the delegation.",
            "Rafael Ortiz",
            "Foreign Minister",
        ),
        (
            "Homeland Security Secretary Kim Adair visited the border.",
            "Kim Adair",
            "Secretary",
        ),
    ],
)
def test_what_follows_or_precedes_a_title_is_not_taken_into_it(
    nlp_en: Language, text: str, person: str, title: str
) -> None:
    assert _titles(_roles(nlp_en, text), person) == [title]


def test_a_title_misread_as_a_name_holds_no_role(nlp_en: Language) -> None:
    text = "Members: Paolo Verri, Federal Attorney, Head of the Economic Crime Division."
    found = _roles(nlp_en, text)
    assert all(r.person != "Federal Attorney" for r in found)
    assert "Head of the Economic Crime Division" in _titles(found, "Paolo Verri")


def test_a_uk_secretary_of_state_for_a_portfolio_is_not_the_us_one(nlp_en: Language) -> None:
    text = "Jane Ellery, the Secretary of State for Energy Security, opened the plant."
    role = next(r for r in _roles(nlp_en, text) if r.person == "Jane Ellery")
    assert role.title == "Secretary of State for Energy Security"
    assert role.organization != "U.S. Department of State"
    assert role.country != "US"

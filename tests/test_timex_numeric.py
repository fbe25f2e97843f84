"""Numeric and spelled-out dates: the forms official releases of any government write."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language as SpacyLanguage

from prensa.context import DocContext
from prensa.extract import dates
from prensa.timex import normalize
from prensa.timex.numeric import default_order, document_order, numeric_date


def value(text: str, language: str, order: str | None = None) -> list[str]:
    return [v.value for v in normalize(text, language, None, None, order)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("22.06.2029", "2029-06-22"),  # a day above 12 settles the order in any language
        ("22/06/2029", "2029-06-22"),
        ("22-06-2029", "2029-06-22"),
        ("06/22/2029", "2029-06-22"),
        ("2029-06-22", "2029-06-22"),
        ("1.17.2019", "2019-01-17"),
    ],
)
def test_numeric_forms_whose_value_settles_the_order(text: str, expected: str) -> None:
    assert value(text, "es", "MDY") == [expected]
    assert value(text, "en", "DMY") == [expected]


def test_ambiguous_numeric_date_follows_the_order_it_is_given() -> None:
    assert value("06/07/2029", "es", "DMY") == ["2029-07-06"]
    assert value("06/07/2029", "en", "MDY") == ["2029-06-07"]


def test_impossible_numeric_dates_give_no_value() -> None:
    assert value("31.02.2020", "es") == []
    assert value("13/13/2020", "en") == []


@pytest.mark.parametrize(
    ("language", "country", "expected"),
    [
        ("en", "US", "MDY"),
        ("en", "GB", "DMY"),
        ("en", "CH", "DMY"),
        ("en", "AU", "DMY"),
        ("es", "US", "MDY"),
        ("es", "CL", "DMY"),
        ("es", None, "DMY"),
        ("en", None, "MDY"),
        ("en", "CA", "MDY"),  # both orders are official in Canada: the language decides
    ],
)
def test_order_comes_from_the_issuer_country_then_the_language(
    language: str, country: str | None, expected: str
) -> None:
    assert default_order(language, country) == expected


def test_one_unambiguous_date_settles_the_others_of_the_release() -> None:
    assert document_order(["06/07/2029", "25/12/2029"]) == "DMY"
    assert document_order(["06/07/2029", "12/25/2029"]) == "MDY"
    assert document_order(["06/07/2029"]) is None
    assert document_order(["25/12/2029", "12/25/2029"]) is None  # contradictory: no evidence
    assert numeric_date("2029/06/07", "MDY") == date(2029, 6, 7)  # year first is always Y-M-D


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("tres de agosto del año dos mil veinte", "es", "2020-08-03"),
        ("el día primero de julio de dos mil diecinueve", "es", "2019-07-01"),
        ("treinta y uno de diciembre de mil novecientos noventa y nueve", "es", "1999-12-31"),
        ("a los quince días del mes de marzo de dos mil veintidós", "es", "2022-03-15"),
        ("the third of August, two thousand twenty", "en", "2020-08-03"),
        ("the twenty-first of May, two thousand and nineteen", "en", "2019-05-21"),
        ("the first of May, 2020", "en", "2020-05-01"),
        ("the second of June 2021", "en", "2021-06-02"),
    ],
)
def test_dates_in_words(text: str, language: str, expected: str) -> None:
    assert value(text, language) == [expected]


def test_number_words_that_are_also_date_words_keep_their_meaning() -> None:
    assert value("the first half of 2020", "en") == ["2020"]


# --- in whole releases --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pipelines(nlp_es: SpacyLanguage, nlp_en: SpacyLanguage) -> dict[str, SpacyLanguage]:
    return {"es": nlp_es, "en": nlp_en}


def found(
    pipelines: dict[str, SpacyLanguage], text: str, language: str, country: str | None = None
) -> list[tuple[str, str]]:
    doc = pipelines[language](text)
    ctx = DocContext(doc_id="t", language=language, anchor=date(2023, 2, 1), issuer_country=country)
    return [(m.text, m.value) for m in dates.extract(doc, ctx)]


def test_bond_notice_with_day_first_dates(pipelines: dict[str, SpacyLanguage]) -> None:
    text = (
        "The Treasury offers new bonds.\n"
        "Maturity: 05.03.2031\n"
        "Subscription: 14.02.2023/10.00am\n"
        "Settlement: 2023-02-21\n"
    )
    assert found(pipelines, text, "en", "GB") == [
        ("05.03.2031", "2031-03-05"),
        ("14.02.2023", "2023-02-14"),
        ("2023-02-21", "2023-02-21"),
    ]


def test_us_issuer_writes_month_first(pipelines: dict[str, SpacyLanguage]) -> None:
    text = "The hearing set for 04/05/2023 was moved. The ruling of 3-7-2022 stands."
    assert found(pipelines, text, "en", "US") == [
        ("04/05/2023", "2023-04-05"),
        ("3-7-2022", "2022-03-07"),
    ]
    assert found(pipelines, text, "en", "NZ") == [
        ("04/05/2023", "2023-05-04"),
        ("3-7-2022", "2022-07-03"),
    ]


def test_spelled_out_dates_in_a_notarial_style_release(
    pipelines: dict[str, SpacyLanguage],
) -> None:
    text = (
        "El Tribunal Superior informó que el acuerdo fue publicado el diez de mayo del año dos mil "
        "veintiuno y entró en vigor el día primero de junio de 2021. Se reciben solicitudes "
        "de lunes a viernes."
    )
    assert found(pipelines, text, "es", "ES")[:2] == [
        ("diez de mayo del año dos mil veintiuno", "2021-05-10"),
        ("primero de junio de 2021", "2021-06-01"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Para informes, Tel. 01-12-2034 o al correo oficial.", "es"),
        ("Se aplicará el Decreto 12.06.2019 en todo el estado.", "es"),
        ("Descargue la versión 3.1.2023 del sistema.", "es"),
        ("El bono ISIN CH0224397213 paga 1.250.000 pesos a las 10.30 horas.", "es"),
        ("La Ley 19.628 y el Real Decreto 463/2020 siguen vigentes.", "es"),
        ("Dos de Mayo es el nombre de la plaza; cobra dos mil 550 pesos.", "es"),
        ("For details call Tel. 01-12-2034 or fax 555-123-4567.", "en"),
        ("Install version 3.1.2023 of the software.", "en"),
        ("The bonds (ISIN CH0224397213) raised $1,250,000 at 10.30 am.", "en"),
        ("He was charged under 18 U.S.C. 1028 and Section 12.06.2019 of the code.", "en"),
    ],
)
def test_identifiers_money_and_times_are_not_dates(
    pipelines: dict[str, SpacyLanguage], text: str, language: str
) -> None:
    assert found(pipelines, text, language) == []

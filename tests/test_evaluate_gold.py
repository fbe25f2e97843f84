"""Gold-file scoring: what counts as a match for each field, and the report built from it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from prensa.evaluate.gold import (
    GoldCommitment,
    GoldDate,
    GoldFormatError,
    GoldOrganization,
    GoldPerson,
    GoldPlace,
    GoldRole,
    evaluate_gold,
    load_gold,
    score_commitments,
    score_dates,
    score_document,
    score_organizations,
    score_people,
    score_places,
    score_roles,
    score_topics,
)
from prensa.records import (
    Commitment,
    DateMention,
    DocumentRecord,
    Organization,
    Person,
    Place,
    Role,
    Topic,
)
from prensa.resources import LexiconError

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD_DIR = FIXTURES / "gold-dev"
EV = {"doc_id": "d", "sentence": "s", "start": 0, "end": 1}


def person(name: str, *aliases: str) -> Person:
    return Person(person_id=f"per_{name}", name=name, aliases=list(aliases), mentions=1, **EV)


def org(name: str, acronym: str | None = None) -> Organization:
    return Organization(org_id=f"org_{name}", name=name, acronym=acronym, mentions=1, **EV)


def place(name: str) -> Place:
    return Place(place_id=f"plc_{name}", name=name, kind="other", mentions=1, **EV)


def date_(text: str, value: str, granularity: str, relative: bool = False) -> DateMention:
    return DateMention(
        date_id=f"date_{text}",
        text=text,
        value=value,
        granularity=granularity,  # type: ignore[arg-type]
        is_relative=relative,
        **EV,
    )


def role(who: Person, title: str, title_en: str | None = None) -> Role:
    return Role(
        role_id=f"role_{title}",
        person_id=who.person_id,
        person=who.name,
        title=title,
        title_en=title_en,
        **EV,
    )


def commitment(actors: list[str], action: str, lemma: str = "") -> Commitment:
    return Commitment(
        commitment_id=f"c_{action}",
        actors=actors,
        trigger="t",
        action_lemma=lemma,
        action=action,
        modality="will",
        confidence=1.0,
        **EV,
    )


def topic(label_en: str, label_es: str, terms: list[str]) -> Topic:
    return Topic(
        doc_id="d",
        topic_id=f"t_{label_en}",
        label_en=label_en,
        label_es=label_es,
        score=1.0,
        terms=terms,
        starts=[0] * len(terms),
        ends=[1] * len(terms),
    )


def record(language: str = "es", **facts: object) -> DocumentRecord:
    return DocumentRecord(
        doc_id="d",
        source_path="x.txt",
        format="txt",
        language=language,  # type: ignore[arg-type]
        body="",
        text="",
        n_tokens=0,
        n_sentences=0,
        **facts,  # type: ignore[arg-type]
    )


AMLO = GoldPerson(name="Andrés Manuel López Obrador", aliases=["AMLO", "López Obrador"])
BLINKEN = GoldPerson(name="Antony J. Blinken", aliases=["Blinken"])


# --- gold files -------------------------------------------------------------------------------


def test_load_gold_reads_every_file_sorted_with_all_keys() -> None:
    docs = load_gold(GOLD_DIR)
    assert [d.id for d in docs] == ["fx-en-01", "fx-es-01"]
    en = docs[0]
    assert en.source.repo is None and en.source.path == "press-en/fx-en-01.txt"
    assert en.optional_roles == ["Dana Whitfield: Secretary"]
    assert docs[1].dates[2].granularity == "month"


def test_load_gold_names_each_bad_file(tmp_path: Path) -> None:
    shutil.copytree(GOLD_DIR, tmp_path / "gold")
    good = json.loads((GOLD_DIR / "es" / "fx-es-01.json").read_text("utf-8"))
    (tmp_path / "gold" / "es" / "broken.json").write_text("{not json", "utf-8")
    (tmp_path / "gold" / "es" / "typo.json").write_text(
        json.dumps({**good, "id": "typo", "peeple": []}), "utf-8"
    )
    with pytest.raises(GoldFormatError) as info:
        load_gold(tmp_path / "gold")
    message = str(info.value)
    assert "broken.json" in message
    assert "typo.json" in message and "peeple" in message
    assert "fx-es-01.json" not in message


def test_load_gold_refuses_an_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no gold files"):
        load_gold(tmp_path)


# --- people -----------------------------------------------------------------------------------


def test_people_accept_aliases_and_shorter_forms_with_a_surname() -> None:
    score = score_people([person("AMLO"), person("Blinken")], [AMLO, BLINKEN])
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (2, 0, 0)
    # 'Antony Blinken' drops only the initial; 'Obrador' is a surname run of the full name.
    score = score_people([person("antony blinken"), person("Obrador")], [AMLO, BLINKEN])
    assert score.counts.tp == 2


def test_a_first_name_alone_is_not_a_person_match() -> None:
    score = score_people([person("Andrés"), person("Andrés Manuel")], [AMLO])
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 2, 1)
    alejandro = GoldPerson(name="Alejandro Gertz", aliases=["Alejandro"])
    assert score_people([person("Alejandro")], [alejandro]).counts.tp == 1


def test_each_gold_person_is_matched_once_and_the_full_name_wins() -> None:
    score = score_people([person("AMLO"), person("Andrés Manuel López Obrador")], [AMLO])
    assert score.counts == score.counts.__class__(tp=1, fp=1, fn=0)
    assert score.matched == (("Andrés Manuel López Obrador", "Andrés Manuel López Obrador"),)
    assert score.spurious == ("AMLO",)


def test_a_name_with_a_title_glued_on_is_not_a_match() -> None:
    score = score_people([person("Presidente Andrés Manuel López Obrador")], [AMLO])
    assert score.counts.tp == 0 and score.counts.fp == 1


def test_optional_people_are_neither_rewarded_nor_penalised() -> None:
    score = score_people([person("Ortega-Murillo")], [], ["Ortega-Murillo (regime)"])
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 0, 0)
    assert score.ignored == ("Ortega-Murillo",)


# --- organizations and places -----------------------------------------------------------------


SRE = GoldOrganization(name="Secretaría de Relaciones Exteriores", aliases=["SRE"])


def test_organizations_match_by_acronym_alias_or_most_of_the_name() -> None:
    assert score_organizations([org("Cancillería", acronym="SRE")], [SRE]).counts.tp == 1
    assert (
        score_organizations([org("la secretaria de relaciones exteriores")], [SRE]).counts.tp == 1
    )
    assert score_organizations([org("Relaciones Exteriores")], [SRE]).counts.tp == 1


def test_a_generic_head_word_is_not_an_organization_match() -> None:
    score = score_organizations([org("Secretaría")], [SRE])
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (0, 1, 1)
    gob = GoldOrganization(name="Gobierno de México")
    assert score_organizations([org("México")], [gob]).counts.tp == 0


def test_places_match_on_name_without_kind_and_not_on_a_bigger_place() -> None:
    gold = [
        GoldPlace(name="México", kind="country"),
        GoldPlace(name="Korean Peninsula", kind="region"),
    ]
    score = score_places([place("Mexico"), place("the Korean Peninsula")], gold)
    assert score.counts.tp == 2
    assert score_places([place("Ciudad de México")], gold[:1]).counts.tp == 0


# --- dates ------------------------------------------------------------------------------------


GOLD_DATES = [
    GoldDate(text="el día de ayer", value="2021-03-11", granularity="day", relative=True),
    GoldDate(text="finales del mes de junio", value="2019-06", granularity="month", relative=True),
]


def test_dates_need_the_same_value_and_overlapping_text() -> None:
    preds = [date_("ayer", "2021-03-11", "day", True), date_("junio", "2019-06-30", "day")]
    score = score_dates(preds, GOLD_DATES)
    assert (score.counts.tp, score.counts.fp, score.counts.fn) == (1, 1, 1)
    # The same texts found but one wrongly resolved still counts as found for dates_span.
    assert score_dates(preds, GOLD_DATES, mode="span").counts.tp == 2


def test_strict_dates_also_want_the_relative_flag() -> None:
    preds = [date_("ayer", "2021-03-11", "day", relative=False)]
    assert score_dates(preds, GOLD_DATES).counts.tp == 1
    assert score_dates(preds, GOLD_DATES, mode="strict").counts.tp == 0


def test_repeated_date_mentions_count_once() -> None:
    preds = [date_("ayer", "2021-03-11", "day", True), date_("Ayer", "2021-03-11", "day", True)]
    score = score_dates(preds, GOLD_DATES)
    assert score.counts.fp == 0 and score.counts.tp == 1


def test_optional_dates_are_ignored() -> None:
    score = score_dates([date_("2019", "2019", "year")], [], ["Plan Nacional 2019-2024"])
    assert score.counts.fp == 0 and score.ignored


# --- roles ------------------------------------------------------------------------------------


ROLES_PEOPLE = [GoldPerson(name="Olga Sánchez Cordero", aliases=["Sánchez Cordero"])]


def test_roles_need_the_person_and_an_agreeing_title() -> None:
    gold = [GoldRole(person="Olga Sánchez Cordero", title="secretaria de Gobernación saliente")]
    olga = person("Olga Sánchez Cordero")
    good = role(olga, "secretario de Gobernación")
    assert score_roles([good], [olga], gold, ROLES_PEOPLE).counts.tp == 1
    wrong_office = role(olga, "senadora de la República")
    assert score_roles([wrong_office], [olga], gold, ROLES_PEOPLE).counts.tp == 0
    other = person("Rosa Icela Rodríguez")
    assert (
        score_roles(
            [role(other, "secretaria de Gobernación")], [other], gold, ROLES_PEOPLE
        ).counts.tp
        == 0
    )


def test_english_titles_compare_on_their_head_word() -> None:
    gold = [GoldRole(person="Antony J. Blinken", title="Secretary of State")]
    blinken = person("Blinken")
    assert (
        score_roles(
            [role(blinken, "Secretary of State")], [blinken], gold, [BLINKEN], language="en"
        ).counts.tp
        == 1
    )
    assert (
        score_roles(
            [role(blinken, "State Department")], [blinken], gold, [BLINKEN], language="en"
        ).counts.tp
        == 0
    )


def test_a_scoring_words_file_without_a_language_fails_loudly(
    edited_models: Callable[[str, str, str], None],
) -> None:
    gold = [GoldRole(person="Antony J. Blinken", title="Secretary of State")]
    blinken = person("Blinken")
    pred = role(blinken, "Secretary of State")
    edited_models("evaluation/stopwords.yaml", "  en: last\n", "")
    with pytest.raises(LexiconError, match="title_head"):
        score_roles([pred], [blinken], gold, [BLINKEN], language="en")


def test_a_normalised_title_can_make_the_match() -> None:
    gold = [GoldRole(person="Antony J. Blinken", title="Secretary of State")]
    blinken = person("Blinken")
    pred = role(blinken, "secretario de Estado", title_en="Secretary of State")
    assert score_roles([pred], [blinken], gold, [BLINKEN], language="en").counts.tp == 1


def test_optional_roles_are_read_as_person_colon_title() -> None:
    blinken = person("Blinken")
    score = score_roles(
        [role(blinken, "Secretary")],
        [blinken],
        [],
        [BLINKEN],
        ["Antony J. Blinken: Secretary"],
        language="en",
    )
    assert (score.counts.fp, score.ignored) == (0, ("Blinken: Secretary",))


# --- commitments and topics -------------------------------------------------------------------


GOLD_COMMITMENT = GoldCommitment(
    actors=["México", "Colombia"],
    action="realizar una reunión de la Comisión Binacional",
    modality="agreed",
    evidence="México y Colombia realizarán una reunión",
)


def test_commitments_need_an_actor_and_the_same_action() -> None:
    ok = commitment(["Gobierno de México"], "realizarán una reunión binacional")
    assert score_commitments([ok], [GOLD_COMMITMENT]).counts.tp == 1
    nobody = commitment(["Perú"], "realizarán una reunión binacional")
    assert score_commitments([nobody], [GOLD_COMMITMENT]).counts.tp == 0
    other = commitment(["México"], "firmar un memorándum")
    assert score_commitments([other], [GOLD_COMMITMENT]).counts.tp == 0


def test_the_head_verb_lemma_is_enough_for_the_action() -> None:
    pred = commitment(["Colombia"], "llevarán a cabo el encuentro", lemma="realizar")
    assert score_commitments([pred], [GOLD_COMMITMENT]).counts.tp == 1


def test_optional_commitments_are_ignored() -> None:
    pred = commitment(["México"], "propone crear un fondo regional")
    score = score_commitments([pred], [], ["propongo crear un fondo regional"])
    assert score.counts.fp == 0 and len(score.ignored) == 1


def test_a_commitment_actor_may_be_written_as_a_gold_alias() -> None:
    fdfa = GoldOrganization(name="Federal Department of Foreign Affairs", aliases=["FDFA"])
    pledge = GoldCommitment(
        actors=["Federal Department of Foreign Affairs"],
        action="support all measures to investigate",
        modality="committed",
        evidence="the FDFA would support all measures",
    )
    gold = load_gold(GOLD_DIR)[1].model_copy(
        update={"organizations": [fdfa], "commitments": [pledge]}
    )

    def tp(actor: str) -> int:
        pred = record(commitments=[commitment([actor], "support all measures to investigate")])
        return score_document(pred, gold).fields["commitments"].counts.tp

    assert tp("FDFA") == 1
    assert tp("SECO") == 0


def test_topics_are_scored_for_recall_only() -> None:
    preds = [topic("Arms trafficking", "Tráfico de armas", ["armas"])]
    score = score_topics(preds, ["weapons trafficking", "extradition"])
    assert (score.counts.tp, score.counts.fn) == (1, 1)
    assert score.to_dict()["precision"] is None


# --- documents and reports --------------------------------------------------------------------


def test_score_document_scores_every_field_of_the_record() -> None:
    gold = load_gold(GOLD_DIR)[1]
    scores = score_document(record(people=[person("Olivares")]), gold)
    assert {"people", "dates", "dates_strict", "roles", "commitments", "topics"} <= set(
        scores.fields
    )
    assert scores.fields["people"].counts.tp == 1
    assert scores.fields["people"].missed == ("Jorge Ibáñez Soto",)


PREDICTIONS = {
    "fx-es-01.txt": {
        "people": [person("Marta Olivares Ruiz"), person("Ibáñez"), person("Ciudad")],
        "organizations": [org("Secretaría de Relaciones Exteriores", acronym="SRE")],
        "places": [place("México"), place("Colombia"), place("Bogotá")],
        "dates": [
            date_("hoy", "2021-03-12", "day", relative=True),
            date_("mes de abril", "2021-04", "month", relative=False),
        ],
    },
    "fx-en-01.txt": {
        "people": [person("Dana Whitfield"), person("Cuevas")],
        "places": [place("Washington"), place("Mexico City"), place("Mexico")],
    },
}


def fake_extract(path: Path) -> DocumentRecord:
    language = "es" if "-es-" in path.name else "en"
    return record(language, **PREDICTIONS[path.name])


def test_evaluate_gold_reports_per_language_and_overall() -> None:
    report = evaluate_gold(GOLD_DIR, None, fake_extract)
    overall, es, en = report.totals(), report.totals("es"), report.totals("en")
    assert (es["people"].tp, es["people"].fp, es["people"].fn) == (2, 1, 0)
    assert (en["people"].tp, en["people"].fp, en["people"].fn) == (2, 0, 1)
    assert overall["people"] == es["people"] + en["people"]
    assert overall["places"].fp == 1  # 'Mexico' in the English release is not annotated
    assert es["dates"].tp == 2 and es["dates_strict"].tp == 1
    figures = report.figures()
    assert figures["es.people.precision"] == pytest.approx(2 / 3)
    assert "overall.topics.recall" in figures and "overall.topics.f1" not in figures


def test_report_to_dict_is_json_with_document_rows() -> None:
    data = json.loads(json.dumps(evaluate_gold(GOLD_DIR, None, fake_extract).to_dict()))
    assert data["n_documents"] == 2
    assert set(data["by_language"]) == {"es", "en"}
    rows = {row["id"]: row for row in data["documents"]}
    assert rows["fx-es-01"]["fields"]["people"]["spurious"] == ["Ciudad"]
    assert rows["fx-en-01"]["text_path"].endswith("press-en/fx-en-01.txt")


def test_a_failed_extraction_is_reported_and_scored_as_nothing_found() -> None:
    def flaky(path: Path) -> DocumentRecord:
        if "-en-" in path.name:
            raise ValueError("cannot segment")
        return fake_extract(path)

    report = evaluate_gold(GOLD_DIR, None, flaky)
    assert report.errors == [("fx-en-01", "ValueError: cannot segment")]
    en = report.totals("en")
    assert en["people"].tp == 0 and en["people"].fn == 3
    assert en["roles"].fn == 3  # fields the other documents have are scored here too


def test_texts_root_points_elsewhere(tmp_path: Path) -> None:
    seen: list[Path] = []

    def spy(path: Path) -> DocumentRecord:
        seen.append(path)
        return fake_extract(path)

    evaluate_gold(GOLD_DIR, tmp_path, spy)
    assert sorted(seen) == [tmp_path / "press-en/fx-en-01.txt", tmp_path / "press-es/fx-es-01.txt"]

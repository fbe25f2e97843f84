"""CoNLL reading (IOB1/IOB2, 3 and 4 columns) and entity-level NER scoring."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from prensa.evaluate.conll import (
    CORE,
    ConllFormatError,
    evaluate_conll,
    iob1_to_iob2,
    label_map,
    read_conll,
)

CONLL = Path(__file__).parent / "fixtures" / "eval" / "conll"


def test_iob1_becomes_iob2() -> None:
    assert iob1_to_iob2(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [
        "B-PER",
        "I-PER",
        "O",
        "B-LOC",
        "B-LOC",
        "B-ORG",
    ]
    iob2 = ["B-PER", "I-PER", "B-PER", "O"]
    assert iob1_to_iob2(iob2) == iob2


def test_read_four_column_iob1_with_docstart() -> None:
    sentences = read_conll(CONLL / "tiny-en.conll")
    assert [len(s.words) for s in sentences] == [7, 8, 4]
    assert sentences[0].words[:2] == ("John", "Smith")
    # 'Madrid Berlin' are two adjacent places: IOB1 marks the second with B-.
    assert sentences[1].spans() == {(1, 3, "ORG"), (5, 6, "LOC"), (6, 7, "LOC")}


def test_read_three_column_iob2() -> None:
    sentences = read_conll(CONLL / "tiny-es.conll")
    assert len(sentences) == 2
    assert sentences[0].spans() == {(2, 4, "PER"), (6, 7, "LOC")}
    assert sentences[1].spans() == {(1, 2, "ORG"), (4, 6, "MISC")}


def test_a_bad_tag_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("Paris NNP LOCATION\n", encoding="utf-8")
    with pytest.raises(ConllFormatError, match=r"bad.conll:1"):
        read_conll(path)


def test_label_map_comes_from_the_models_folder() -> None:
    en = label_map("en")
    assert en["PERSON"] == "PER" and en["GPE"] == "LOC" and en["NORP"] == "MISC"
    assert "DATE" not in en and "CARDINAL" not in en
    assert label_map("es")["PER"] == "PER"


def ruler_pipeline() -> Language:
    """A pipeline whose entities are known in advance, so the scores can be worked out by hand."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [  # type: ignore[attr-defined]
            {"label": "PERSON", "pattern": "John Smith"},
            {"label": "GPE", "pattern": "Paris"},
            {"label": "DATE", "pattern": "Monday"},  # CoNLL has no dates: dropped, not a miss
            {"label": "ORG", "pattern": "United"},  # wrong boundary: one FP and one FN
            {"label": "GPE", "pattern": "Madrid"},
            {"label": "GPE", "pattern": "Germany"},
            {"label": "NORP", "pattern": "Brazil"},  # wrong type: LOC missed, MISC spurious
        ]
    )
    return nlp


def test_scores_are_exact_span_and_type() -> None:
    report = evaluate_conll(CONLL / "tiny-en.conll", "en", nlp=ruler_pipeline())
    by = report.by_type
    assert (by["PER"].tp, by["PER"].fp, by["PER"].fn) == (1, 0, 0)
    assert (by["LOC"].tp, by["LOC"].fp, by["LOC"].fn) == (3, 0, 2)  # Berlin, Brazil missed
    assert (by["ORG"].tp, by["ORG"].fp, by["ORG"].fn) == (0, 1, 1)
    assert (by["MISC"].tp, by["MISC"].fp, by["MISC"].fn) == (0, 1, 0)
    assert by[CORE] == by["PER"] + by["LOC"] + by["ORG"]
    assert by["overall"].tp == 4 and by["overall"].fp == 2 and by["overall"].fn == 3
    assert report.n_sentences == 3 and report.n_tokens == 19
    assert report.figures()["LOC.recall"] == pytest.approx(3 / 5)


def test_limit_scores_only_the_first_sentences() -> None:
    report = evaluate_conll(CONLL / "tiny-en.conll", "en", limit=1, nlp=ruler_pipeline())
    assert report.n_sentences == 1
    assert report.by_type["overall"].tp + report.by_type["overall"].fn == 2


def test_prensa_pipeline_finds_entities_on_conll_text() -> None:
    report = evaluate_conll(CONLL / "tiny-en.conll", "en")
    gold = sum(len(s.spans()) for s in read_conll(CONLL / "tiny-en.conll"))
    overall = report.by_type["overall"]
    assert overall.tp + overall.fn == gold
    assert overall.tp >= 1
    assert report.tokens_per_second > 0
    data = report.to_dict()
    assert set(data["by_type"]) == {"PER", "LOC", "ORG", "MISC", CORE, "overall"}

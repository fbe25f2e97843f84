"""Segmentation: title, lead, dateline, dates and boilerplate for each release layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from prensa.ingest.patterns import BoilerplateRules, DateRules, HeaderRules
from prensa.ingest.readers import RawDocument, iter_sources, read_path
from prensa.ingest.segment import Segments, segment
from prensa.resources import models_dir

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def load(relative: str, index: int = 0) -> RawDocument:
    docs, errors = read_path(RAW / relative)
    assert errors == []
    return docs[index]


def seg(relative: str, language: str, index: int = 0) -> Segments:
    return segment(load(relative, index), language)


def raw(text: str, **metadata: str) -> RawDocument:
    return RawDocument(source_path="inline.txt", format="txt", text=text, metadata=metadata)


# --- SRE comunicados ------------------------------------------------------------------------


def test_sre_release_opening_with_bullets_and_dateline() -> None:
    s = seg("es/sre-2026-01-11-reunion-seguridad.txt", "es")
    assert s.title is None
    assert len(s.lead) == 2
    assert s.lead[0].startswith("México y Estados Unidos sostienen")
    assert not s.lead[0].startswith("•")
    assert (s.dateline_place, s.dateline_date) == ("México", date(2026, 1, 11))
    assert (s.published, s.published_source) == (date(2026, 1, 11), "dateline")
    assert s.body.startswith("México, 11 de enero de 2026.- La Secretaría")
    assert s.text.startswith(s.lead[0])
    assert "---oOo---" not in s.text
    assert "---oOo---" in s.boilerplate


def test_sre_release_with_number_header_and_share_lines() -> None:
    s = seg("es/sre-2025-10-15-proteccion-consular.txt", "es")
    assert s.release_number == "Comunicado No. 123"
    assert s.issuer == "Secretaría de Relaciones Exteriores"
    assert (
        s.title == "La SRE amplía la protección consular para personas mexicanas en Estados Unidos"
    )
    assert len(s.lead) == 2
    assert (s.dateline_place, s.dateline_date) == ("Ciudad de México", date(2025, 10, 15))
    for dropped in ("Comunicado No. 123", "oOo", "Síguenos", "Compartir", "WhatsApp"):
        assert dropped not in s.text
    assert s.text.endswith("sin importar su situación migratoria.")


# --- gob.mx Presidencia ---------------------------------------------------------------------


def test_presidencia_header_gives_published_and_stays_out_of_the_text() -> None:
    s = seg("es/presidencia-2025-02-03-acuerdo-seguridad-frontera.txt", "es")
    assert s.title is not None and s.title.startswith("Presidenta Claudia Sheinbaum acuerda")
    assert s.issuer == "Presidencia de la República"
    assert (s.published, s.published_source) == (date(2025, 2, 3), "header")
    assert (s.dateline_place, s.dateline_date) == ("Ciudad de México", date(2025, 2, 2))
    assert "???" not in s.text
    assert "03 de febrero de 2025" not in s.text
    assert "Presidencia de la República" not in s.text
    assert s.text == f"{s.title}\n\n{s.body}"


def test_closing_place_and_date_line_stays_in_the_body() -> None:
    s = seg("es/presidencia-2025-02-03-acuerdo-seguridad-frontera.txt", "es")
    assert s.body.endswith("\nPalacio Nacional, 2 de febrero de 2025")


def test_presidencia_transcript_keeps_speakers_and_drops_dividers() -> None:
    s = seg("es/presidencia-2025-03-07-version-estenografica-tabasco.txt", "es")
    assert (s.published, s.published_source) == (date(2025, 3, 7), "header")
    assert s.dateline_place is None
    lines = s.body.split("\n")
    assert lines[0] == "MODERADOR"
    assert "MARÍA GUADALUPE ISLAS MORALES, AUTORIDAD INDÍGENA NÁHUATL DE TABASCO:" in lines
    assert "---" not in lines
    assert "—000—" not in s.text
    assert lines[-1] == "¡Viva México!"


def test_end_mark_in_the_middle_of_a_transcript_does_not_cut_it() -> None:
    questions = "\n".join(f"PREGUNTA\n¿Cuándo habrá respuesta número {n}?" for n in range(12))
    text = (
        "Conferencia de prensa\nPresidencia de la República\n5 de mayo de 2025\n---\n"
        f"PRESIDENTA\nMuchas gracias.\n—000—\n---\n{questions}"
    )
    s = segment(raw(text), "es")
    assert s.body.endswith("¿Cuándo habrá respuesta número 11?")
    assert "—000—" not in s.text


# --- State Department -----------------------------------------------------------------------


def test_state_department_readout_keeps_office_line_as_lead() -> None:
    s = seg("en/state-2022-05-04-blinken-ebrard-call.txt", "en")
    assert s.title == (
        "Secretary of State Antony Blinken’s Call with Mexican Foreign Secretary Marcelo Ebrard"
    )
    assert s.issuer == "Office of the Spokesperson"
    assert s.lead == ["Office of the Spokesperson"]
    assert s.text.startswith(f"{s.title}\n\nOffice of the Spokesperson\n\n")
    assert s.body.startswith("The below is attributable to Spokesperson Ned Price:")
    assert (s.published, s.published_source) == (None, None)


def test_washington_dateline_and_end_mark() -> None:
    s = seg("en/state-2022-05-03-high-level-security-dialogue.txt", "en")
    assert (s.dateline_place, s.dateline_date) == ("WASHINGTON", date(2022, 5, 3))
    assert (s.published, s.published_source) == (date(2022, 5, 3), "dateline")
    assert "###" not in s.text
    assert s.body.startswith("WASHINGTON, May 3, 2022 — Deputy Secretary of State Wendy R. Sherman")


def test_label_and_date_above_office_line_are_header() -> None:
    s = seg("en/state-2025-07-01-usmca-joint-statement.txt", "en")
    assert s.title is not None and s.title.startswith("Joint Statement on the United States-Mexico")
    assert (s.published, s.published_source) == (date(2025, 7, 1), "header")
    assert s.lead == ["Office of the Spokesperson"]
    for marker in ("MEDIA NOTE", "Begin text", "End text"):
        assert marker not in s.text


# --- Other formats and fallbacks -------------------------------------------------------------


def test_plain_release_without_any_date_has_no_published_date() -> None:
    s = seg("es/aviso-campana-vacunacion.txt", "es")
    assert s.title == (
        "Inicia la campaña nacional de vacunación para connacionales en la frontera norte"
    )
    assert (s.published, s.published_source, s.dateline_place) == (None, None, None)
    assert s.lead == []
    assert s.body.startswith("Los consulados de México en Estados Unidos")


def test_html_release_title_from_metadata_and_number_byline_dropped() -> None:
    s = seg("es/sre-2025-11-20-extradicion-huachicol.html", "es")
    assert s.title == "México extradita a Estados Unidos a operador de red de robo de combustible"
    assert s.release_number == "Comunicado 412"
    assert (s.dateline_place, s.dateline_date) == ("MÉXICO", date(2025, 11, 20))
    assert s.published_source == "header"
    assert "Comunicado 412" not in s.text


def test_published_falls_back_to_metadata() -> None:
    s = seg("es/comunicados-sre-2025.json", "es", index=1)
    assert s.title == "México presenta en la COP30 su nueva contribución climática"
    assert (s.published, s.published_source) == (date(2025, 11, 18), "metadata")
    assert s.dateline_place is None
    assert s.issuer == "Secretaría de Relaciones Exteriores"


def test_dateline_beats_metadata_date() -> None:
    s = seg("es/comunicados-sre-2025.json", "es", index=0)
    assert s.published_source == "dateline"
    assert s.text.startswith(f"{s.title}\n\nCiudad de México, 4 de noviembre de 2025.-")


def test_markdown_lead_bullets_and_related_notes_dropped() -> None:
    s = seg("es/sre-2025-09-22-ayuda-humanitaria.md", "es")
    assert s.lead[1] == "Brigadas de la Cruz Roja Mexicana apoyarán la atención médica en Jamaica."
    assert (s.dateline_place, s.published_source) == ("Ciudad de México", "dateline")
    assert "Notas relacionadas" not in s.text
    assert "protocolo de protección consular" not in s.text
    assert s.text.endswith("un mecanismo regional de alerta temprana.")


def test_metadata_title_is_prepended_when_the_text_lacks_it() -> None:
    s = segment(raw("La Cancillería informó hoy sobre la agenda.", title="Agenda bilateral"), "es")
    assert s.title == "Agenda bilateral"
    assert s.text == "Agenda bilateral\n\nLa Cancillería informó hoy sobre la agenda."


# --- Datelines and date lines ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "language", "place", "when"),
    [
        ("México, 11 de enero de 2026.- La SRE", "es", "México", date(2026, 1, 11)),
        (
            "Ciudad de México, a 15 de octubre 2025.- La SRE",
            "es",
            "Ciudad de México",
            date(2025, 10, 15),
        ),
        (
            "CIUDAD DE MÉXICO, 3 de marzo de 2025.– La SRE",
            "es",
            "CIUDAD DE MÉXICO",
            date(2025, 3, 3),
        ),
        (
            "Tijuana, Baja California, lunes 3 de marzo de 2025 — La SRE",
            "es",
            "Tijuana, Baja California",
            date(2025, 3, 3),
        ),
        ("Monterrey, 1º de mayo de 2024.—La SRE", "es", "Monterrey", date(2024, 5, 1)),
        ("WASHINGTON, May 3, 2022 — The Department", "en", "WASHINGTON", date(2022, 5, 3)),
        ("Mexico City, 3 May 2022 – The Department", "en", "Mexico City", date(2022, 5, 3)),
    ],
)
def test_dateline_variants(opening: str, language: str, place: str, when: date) -> None:
    s = segment(raw(f"Título de la nota\n{opening} informó.\nSegundo párrafo."), language)
    assert (s.dateline_place, s.dateline_date) == (place, when)
    assert (s.published, s.published_source) == (when, "dateline")


@pytest.mark.parametrize(
    "line",
    [
        "Ciudad de México, 19 de marzo de 2019",
        "Chihuahua, Chihuahua, 2 de marzo de 2019",
        "Hoy, 6 de diciembre de 2024, somos testigos de un logro.",
    ],
)
def test_place_and_date_line_after_text_is_not_a_dateline(line: str) -> None:
    """A closing "Place, date" line is the signature of a letter or speech, not its dateline."""
    s = segment(raw(f"Mensaje de la Presidenta\nMuchas gracias.\n{line}\nLa Presidenta"), "es")
    assert s.dateline_place is None
    assert line in s.body


def test_place_and_date_line_opening_the_body_is_the_dateline() -> None:
    s = segment(raw("Sesión ordinaria\nSaltillo, Coahuila a 26 de Junio de 2018.\nTexto."), "es")
    assert (s.dateline_place, s.dateline_date) == ("Saltillo, Coahuila", date(2018, 6, 26))
    assert s.dateline_start is not None and s.dateline_end is not None
    assert s.text[s.dateline_start : s.dateline_end] == "Saltillo, Coahuila a 26 de Junio de 2018"


def test_header_date_line_with_weekday() -> None:
    s = segment(raw("Título\nlunes 3 de marzo de 2025\nTexto de la nota."), "es")
    assert (s.published, s.published_source) == (date(2025, 3, 3), "header")
    assert s.text == "Título\n\nTexto de la nota."


def test_unparseable_metadata_date_is_not_invented() -> None:
    s = segment(raw("Título\nTexto de la nota.", date="pronto"), "es")
    assert (s.published, s.published_source) == (None, None)


# --- Invariants over every sample release ---------------------------------------------------


def test_text_is_title_lead_and_body_joined_for_every_sample_release() -> None:
    for path in iter_sources([RAW]):
        docs, _ = read_path(path)
        for doc in docs:
            language = "en" if "/en/" in path.as_posix() else "es"
            s = segment(doc, language)
            parts = [p for p in (s.title, *s.lead, s.body) if p]
            assert s.text == "\n\n".join(parts), path
            assert s.text.endswith(s.body)
            assert not any(line.strip() in {"---", "???", "###"} for line in s.text.split("\n"))


# --- Rules files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("dates.yaml", DateRules),
        ("header.yaml", HeaderRules),
        ("boilerplate.yaml", BoilerplateRules),
    ],
)
def test_rule_files_reject_unknown_keys(name: str, model: type) -> None:
    data = yaml.safe_load((models_dir() / "segment" / name).read_text(encoding="utf-8"))
    model.model_validate(data)
    with pytest.raises(ValidationError):
        model.model_validate({**data, "unexpected": 1})


def test_rule_files_reject_invalid_regex() -> None:
    path = models_dir() / "segment" / "boilerplate.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    with pytest.raises(ValidationError):
        BoilerplateRules.model_validate({**data, "trailing": ["(unclosed"]})


# --- Real layouts of other governments (tests/fixtures/layouts/excerpts.yaml) ----------------

EXCERPTS = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "layouts" / "excerpts.yaml").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", EXCERPTS, ids=[c["source"][:60] for c in EXCERPTS])
def test_real_layouts_of_other_issuers(case: dict[str, Any]) -> None:
    s = segment(raw(case["text"]), case["language"])
    expect = case["expect"]
    published = date.fromisoformat(expect["published"]) if expect["published"] else None
    assert s.dateline_place == expect["dateline_place"]
    assert (s.published, s.published_source) == (published, expect["published_source"])
    lines = s.text.split("\n")
    for line in case.get("dropped", []):
        assert line not in lines
    for line in case.get("kept", []):
        assert line in lines
    if s.dateline_start is not None and s.dateline_end is not None:
        written = s.text[s.dateline_start : s.dateline_end]
        assert s.dateline_place is None or s.dateline_place.split(" (")[0] in written


def test_a_related_headline_after_the_release_is_dropped() -> None:
    text = (
        "México y Estados Unidos se reúnen\n"
        "México, 11 de enero de 2026.- Ambos gobiernos acordaron reunirse de nuevo.\n"
        "Sheinbaum conversa con Trump ante tensión por cárteles"
    )
    s = segment(raw(text), "es")
    assert s.text.endswith("acordaron reunirse de nuevo.")
    assert "Sheinbaum conversa con Trump ante tensión por cárteles" in s.boilerplate


@pytest.mark.parametrize(
    ("heading", "language"), [("Relacionadas", "es"), ("Related", "en"), ("Relacionados:", "es")]
)
def test_a_bare_related_heading_and_its_headlines_are_dropped(heading: str, language: str) -> None:
    text = (
        "Ministers meet on security\n"
        "The two governments agreed to meet again in March.\n"
        f"{heading}\n"
        "President calls counterpart amid tension over cartels\n"
        "Minister visits the border region"
    )
    s = segment(raw(text), language)
    assert s.text.endswith("agreed to meet again in March.")


@pytest.mark.parametrize(
    "trailer",
    ["(Con información de EFE)", "jm/cs", "Lee también: Sheinbaum conversa con Trump", "(AFP)"],
)
def test_agency_trailers_are_dropped(trailer: str) -> None:
    s = segment(raw(f"Título de la nota\nEl gobierno informó hoy la medida.\n{trailer}"), "es")
    assert s.text.endswith("El gobierno informó hoy la medida.")


def test_the_last_words_of_a_speech_are_not_taken_for_a_headline() -> None:
    text = "Discurso del canciller\nSeñoras y señores.\nMuchas gracias y muy buenas tardes. ---"
    s = segment(raw(text), "es")
    assert "Muchas gracias y muy buenas tardes. ---" in s.text


@pytest.mark.parametrize(
    ("line", "language", "place", "when"),
    [
        ("OTTAWA, ON, Jan. 5, 2024 /CNW/ - The Minister spoke.", "en", "OTTAWA, ON", "2024-01-05"),
        (
            "January 5, 2024 – Ottawa, Ontario – Global Affairs Canada",
            "en",
            "Ottawa, Ontario",
            "2024-01-05",
        ),
        (
            "WASHINGTON, D.C., January 5, 2024 — The Secretary spoke.",
            "en",
            "WASHINGTON, D.C.",
            "2024-01-05",
        ),
        (
            "Morelia, Mich., 5 de enero de 2024.- El gobernador habló.",
            "es",
            "Morelia, Mich.",
            "2024-01-05",
        ),
        (
            "Quito, 5 de enero de 2024 (Cancillería).- El canciller habló.",
            "es",
            "Quito",
            "2024-01-05",
        ),
        ("Madrid, miércoles 5 de enero de 2024. El Gobierno aprobó.", "es", "Madrid", "2024-01-05"),
        ("CHILPANCINGO, GRO.- El gobierno estatal anunció.", "es", "CHILPANCINGO, GRO.", None),
        ("LIMA, PERÚ.- El Ministerio de Salud informó.", "es", "LIMA, PERÚ", None),
        ("Quito, 12.05.2022.- El canciller habló.", "es", "Quito", "2022-05-12"),
        ("Madrid, 3 mar (Gobierno de España).- La ministra habló.", "es", "Madrid", None),
        ("Bogotá (Colombia). El presidente habló hoy.", "es", "Bogotá (Colombia)", None),
        ("Ginebra, Suiza. La delegación presentó su informe.", "es", "Ginebra, Suiza", None),
        ("BERN, 2024-03-05 – The Federal Council decided.", "en", "BERN", "2024-03-05"),
        ("LONDON, 3 March (FCDO) – The Foreign Secretary spoke.", "en", "LONDON", None),
        ("Geneva, Switzerland. The delegation met.", "en", "Geneva, Switzerland", None),
    ],
)
def test_dateline_shapes_of_the_genre(
    line: str, language: str, place: str, when: str | None
) -> None:
    s = segment(raw(f"Título de la nota\n{line}\nSegundo párrafo."), language)
    assert s.dateline_place == place
    assert s.dateline_date == (date.fromisoformat(when) if when else None)


def test_a_speaker_label_is_not_a_place_without_a_date() -> None:
    s = segment(raw("Versión estenográfica\nPRESIDENTA.- Buenos días a todos.\nGracias."), "es")
    assert s.dateline_place is None


def test_a_title_that_reads_like_a_dateline_is_still_the_title() -> None:
    text = "Seventh U.S.-Thailand Strategic Dialogue\nOffice of the Spokesperson\nDelegations met."
    assert segment(raw(text), "en").title == "Seventh U.S.-Thailand Strategic Dialogue"


def test_a_date_closing_the_title_is_the_release_date_when_no_dateline_gives_one() -> None:
    text = "Department Press Briefing – June 11, 2021\nMS PORTER: Good afternoon, everyone."
    s = segment(raw(text), "en")
    assert s.title == "Department Press Briefing – June 11, 2021"
    assert (s.published, s.published_source) == (date(2021, 6, 11), "header")


def test_a_sentence_opening_with_a_word_and_a_full_stop_is_not_a_dateline() -> None:
    s = segment(raw("Título de la nota\nGracias. Muy buenos días a todos.\nSegundo."), "es")
    assert s.dateline_place is None
    s = segment(raw("A title\nWashington Post. The paper reported it.\nMore."), "en")
    assert s.dateline_place is None


def test_a_place_and_date_line_above_the_title_gives_the_place_too() -> None:
    s = segment(raw("Quito, 12.05.2022\nReunión de cancilleres\nEl canciller habló."), "es")
    assert (s.dateline_place, s.published) == ("Quito", date(2022, 5, 12))


@pytest.mark.parametrize(
    ("text", "language", "issuer"),
    [
        (
            "Published 4 June 2024\nFrom: Foreign, Commonwealth & Development Office\n"
            "UK pledges support\nThe Foreign Secretary spoke today.",
            "en",
            "Foreign, Commonwealth & Development Office",
        ),
        (
            "Acuerdo de cooperación\nFuente: Ministerio de Relaciones Exteriores y Culto\n"
            "El canciller firmó hoy el acuerdo.",
            "es",
            "Ministerio de Relaciones Exteriores y Culto",
        ),
        # a ministry's name alone above the title is its letterhead
        (
            "Ministerio de Salud\nCampaña de vacunación\nLa campaña empieza hoy.",
            "es",
            "Ministerio de Salud",
        ),
    ],
)
def test_the_issuer_line_names_the_issuer(text: str, language: str, issuer: str) -> None:
    s = segment(raw(text), language)
    assert s.issuer == issuer
    assert "From:" not in s.text and "Fuente:" not in s.text


def test_gov_uk_from_and_published_blocks_after_the_summary_are_header() -> None:
    text = (
        "UK announces new funding for Sudan\n"
        "The Foreign Secretary has announced new funding to support people affected by the "
        "conflict in Sudan and its neighbours.\n"
        "From:\nForeign, Commonwealth & Development Office and The Rt Hon David Lammy MP\n"
        "Published\n4 June 2024\n"
        "The Foreign Secretary announced today that the UK will provide new funding."
    )
    s = segment(raw(text), "en")
    assert s.issuer == "Foreign, Commonwealth & Development Office"
    assert s.published == date(2024, 6, 4) and s.published_source == "header"
    assert "From:" not in s.text and "Published" not in s.text
    assert s.body.startswith("The Foreign Secretary has announced new funding")


@pytest.mark.parametrize(
    ("text", "language", "title", "number"),
    [
        (
            "Información para la Prensa N°: 123/24\nBuenos Aires, 12 de abril de 2024\n"
            "La Canciller recibió al Secretario de Estado\nEl encuentro fue hoy.",
            "es",
            "La Canciller recibió al Secretario de Estado",
            "Información para la Prensa N°: 123/24",
        ),
        (
            "Statement on the summit\nAugust 18, 2024\nStatements and Releases\n"
            "One year ago today, I hosted the summit.",
            "en",
            "Statement on the summit",
            None,
        ),
    ],
)
def test_release_numbers_and_site_sections_are_not_text(
    text: str, language: str, title: str, number: str | None
) -> None:
    s = segment(raw(text), language)
    assert (s.title, s.release_number) == (title, number)
    assert "Statements and Releases" not in s.text and "N°" not in s.text


def test_a_bracketed_date_then_a_full_stop_is_a_dateline() -> None:
    s = segment(raw("Título\nBogotá (jun. 3/24). El canciller se reunió ayer.\nMás."), "es")
    assert (s.dateline_place, s.dateline_date) == ("Bogotá", date(2024, 6, 3))


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("WELLINGTON, 7/2/2024 - The Government confirmed funding.", date(2024, 2, 7)),
        ("BERN, 08.02.2023 - The Federal Council decided.", date(2023, 2, 8)),
        ("WASHINGTON, 7/2/2024 - The Secretary met the Minister.", date(2024, 7, 2)),
        ("LONDON, 25/3/2024 - The Foreign Secretary spoke.", date(2024, 3, 25)),
    ],
)
def test_a_numeric_dateline_date_is_read_in_its_places_order(line: str, when: date) -> None:
    assert segment(raw(f"A title\n{line}\nMore."), "en").dateline_date == when

"""Topics of any ministry's releases: justice, public finance, statistics, labour and public
administration, business. Each release below is a short one written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from prensa.context import DocContext
from prensa.extract import topics


def _ids(nlp: Language, text: str, language: str) -> set[str]:
    ctx = DocContext(doc_id="doc_test", language=language, published=date(2024, 5, 6))  # type: ignore[arg-type]
    return {t.topic_id for t in topics.extract(nlp(text), ctx)}


SPANISH = [
    (
        "criminal-proceedings",
        "La Fiscalía presentó una denuncia penal contra el exalcalde. El juez dictó la vinculación "
        "a proceso y giró una orden de aprehensión.",
    ),
    (
        "fraud-financial-crime",
        "Detienen a exfuncionario por peculado. Se le acusa de fraude y de falsificación de "
        "documentos oficiales.",
    ),
    (
        "human-trafficking",
        "El Ministerio rescató a doce víctimas de trata. La red de trata de personas las sometía "
        "a explotación sexual.",
    ),
    (
        "public-debt",
        "Hacienda realizó una colocación de bonos del Tesoro a diez años. La deuda pública se "
        "mantiene estable.",
    ),
    (
        "prices-statistics",
        "El Instituto Nacional de Estadística publicó el índice de precios al consumidor. La "
        "inflación anual bajó a 3,1 por ciento.",
    ),
    (
        "working-hours",
        "El Poder Judicial informa su horario de atención durante el periodo vacacional. Los días "
        "inhábiles no correrán plazos.",
    ),
    (
        "citizen-complaints",
        "La Contraloría habilitó un buzón de quejas. Cualquier persona puede presentar una "
        "denuncia ciudadana en línea.",
    ),
    (
        "business-organisations",
        "La gobernadora se reunió con la Cámara de Comercio y organismos empresariales. Los "
        "empresarios pidieron apoyo para las pymes.",
    ),
    (
        "selection-processes",
        "Se publicó la convocatoria pública para integrar el comité. El proceso de selección "
        "incluye entrevistas a los aspirantes.",
    ),
    (
        "diplomatic-incident",
        "La Cancillería convocó al embajador tras el incidente diplomático. Se le entregó una "
        "nota de protesta.",
    ),
    (
        "transport",
        "La Secretaría de Movilidad amplió las rutas de transporte público. La seguridad vial "
        "será prioridad en las avenidas.",
    ),
    (
        "housing",
        "El instituto entregó 300 créditos de vivienda. Las nuevas viviendas tendrán servicios.",
    ),
    (
        "pensions-social-security",
        "El Congreso aprobó la reforma al sistema de pensiones. Los jubilados recibirán el "
        "aumento en enero.",
    ),
    ("tourism", "La ocupación turística llegó al 90 %. El turismo nacional creció este año."),
    ("sport", "El gobernador premió a los deportistas del estado. El deporte escolar crecerá."),
    (
        "children-youth",
        "El DIF presentó el programa para niñas, niños y adolescentes. La protección de la "
        "infancia es prioridad.",
    ),
    (
        "cybersecurity-data",
        "La Policía Cibernética atendió 50 denuncias por delitos informáticos. Se recomienda "
        "cuidar los datos personales.",
    ),
    (
        "competition-antitrust",
        "La autoridad de competencia económica multó a tres empresas por prácticas monopólicas "
        "y colusión.",
    ),
    (
        "equality-non-discrimination",
        "La comisión sancionó un acto de discriminación. Se garantizará la accesibilidad de las "
        "personas con discapacidad.",
    ),
    (
        "workplace-safety",
        "Inspectores revisaron la seguridad y salud en el trabajo en 40 fábricas. Se "
        "registraron dos accidentes de trabajo.",
    ),
    (
        "terrorism",
        "El ministerio condenó el atentado terrorista. La cooperación contra el terrorismo "
        "continuará.",
    ),
    (
        "telecommunications",
        "El programa llevará internet a 200 comunidades. La conectividad y la banda ancha "
        "llegarán a las escuelas.",
    ),
    (
        "public-procurement",
        "La Contraloría revisó la licitación pública del hospital. Los contratos de obra pública "
        "se publicarán.",
    ),
]

ENGLISH = [
    (
        "criminal-proceedings",
        "A former treasurer was charged in a criminal complaint unsealed today. She pleaded "
        "guilty and will be sentenced in June.",
    ),
    (
        "fraud-financial-crime",
        "The defendant embezzled public funds and committed passport fraud. He used forged "
        "documents to open bank accounts.",
    ),
    (
        "human-trafficking",
        "Police dismantled a human trafficking ring. The victims had been subjected to forced "
        "labour and sexual exploitation.",
    ),
    (
        "public-debt",
        "The Treasury will hold a bond auction next week. Government bonds maturing in 2034 will "
        "be reopened to manage public debt.",
    ),
    (
        "prices-statistics",
        "The statistics office reported that the producer price index rose. Consumer prices "
        "increased and inflation reached 2.4 percent.",
    ),
    (
        "working-hours",
        "Opening hours will change over the public holidays. All offices will be closed on Monday.",
    ),
    (
        "citizen-complaints",
        "Residents can file a complaint online. The ombudsman received 300 complaints from "
        "citizens last year.",
    ),
    (
        "business-organisations",
        "The minister met the chamber of commerce and business associations. Small and "
        "medium-sized enterprises asked for support.",
    ),
    (
        "selection-processes",
        "A call for applications is open. The selection process will be run by an independent "
        "selection panel.",
    ),
    (
        "diplomatic-incident",
        "The ministry summoned the ambassador over the incident at the embassy. A formal "
        "diplomatic protest was lodged.",
    ),
    (
        "transport",
        "The department will expand public transport in the region. Road safety will improve on "
        "rural routes.",
    ),
    ("housing", "The programme will build 5,000 affordable homes. Housing costs keep rising."),
    (
        "pensions-social-security",
        "The state pension will rise in April. Pensioners will receive the increase automatically.",
    ),
    ("tourism", "Tourism revenue reached a record. Tourists spent more than last year."),
    ("sport", "The minister congratulated the athletes. Funding for grassroots sport will grow."),
    (
        "children-youth",
        "The new law protects children in care. Young people will get free bus passes.",
    ),
    (
        "cybersecurity-data",
        "The agency warned of ransomware attacks on hospitals. A data breach exposed personal "
        "data of patients.",
    ),
    (
        "competition-antitrust",
        "The company pleaded guilty to a price-fixing conspiracy. The Antitrust Division "
        "investigated the bid rigging.",
    ),
    (
        "equality-non-discrimination",
        "The department settled a civil rights case over disability discrimination at a "
        "nursing home.",
    ),
    (
        "workplace-safety",
        "The firm was fined for a workplace safety violation that led to a worker death. OSHA "
        "inspected the plant.",
    ),
    (
        "terrorism",
        "The man was charged with providing support to a terrorist organization. "
        "Counterterrorism officers arrested him.",
    ),
    (
        "telecommunications",
        "The government will extend broadband to rural areas. Mobile coverage will reach every "
        "village.",
    ),
    (
        "public-procurement",
        "The contractor rigged the tender for a government contract. Procurement rules were "
        "breached.",
    ),
]


@pytest.mark.parametrize(("topic", "text"), SPANISH)
def test_spanish_release_of_a_ministry_gets_its_topic(
    nlp_es: Language, topic: str, text: str
) -> None:
    assert topic in _ids(nlp_es, text, "es")


@pytest.mark.parametrize(("topic", "text"), ENGLISH)
def test_english_release_of_a_ministry_gets_its_topic(
    nlp_en: Language, topic: str, text: str
) -> None:
    assert topic in _ids(nlp_en, text, "en")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Se trata de personas que viajaron a la capital para la reunión.", "human-trafficking"),
        ("La presidenta trata de mejorar la relación con los vecinos.", "human-trafficking"),
        ("El horario de la ceremonia fue a las diez.", "working-hours"),
        ("El secretario viajó en un vuelo comercial a la capital.", "transport"),
        ("La reunión fue en la casa de la cultura.", "housing"),
    ],
)
def test_everyday_words_do_not_raise_a_ministry_topic(
    nlp_es: Language, text: str, absent: str
) -> None:
    assert absent not in _ids(nlp_es, text, "es")


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_topic_pattern_is_a_valid_spacy_pattern(language: str) -> None:
    """The topic Matchers skip spaCy's pattern validation at start-up; it is done here."""
    import spacy
    from spacy.schemas import validate_token_pattern

    from prensa.extract.topics import _spelt_out, compile_pattern
    from prensa.taxonomy import taxonomy

    tokenizer = spacy.blank(language).tokenizer
    checked = 0
    for topic in taxonomy().topics:
        for source in topic.patterns(language):
            for pattern in compile_pattern(source, lambda text: [t.text for t in tokenizer(text)]):
                for spelt in _spelt_out(pattern):
                    assert not validate_token_pattern(spelt), (topic.id, source)
                    checked += 1
    assert checked > 1000

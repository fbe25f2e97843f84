"""Release → DocumentRecord, and the batch runner that streams many releases through spaCy.

Each stage that can fail on one input (reading, decoding, language, segmentation, parsing,
extraction) turns the failure into an ErrorRecord for that input and the batch goes on. Documents
are parsed with ``nlp.pipe`` in chunks, one pipeline per language, each loaded once per process.
A release longer than spaCy's ``max_length`` is parsed in pieces cut at paragraph breaks and
joined back into one Doc; past ``MAX_TEXT_CHARS`` it is reported instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import IS_SPACE
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from prensa import nlp
from prensa.context import DocContext
from prensa.errors import ExtractionError
from prensa.extract import commitments, dates, organizations, people, places, roles, topics
from prensa.extract.dateline_place import mark_dateline_place
from prensa.extract.spans import set_entity_spans
from prensa.ids import stable_id
from prensa.ingest.issuer import country_code, issuer_country
from prensa.ingest.language import SUPPORTED_LANGUAGES, detect_language
from prensa.ingest.readers import IngestError, RawDocument, read_path, scan_sources
from prensa.ingest.segment import Segments, segment
from prensa.records import DocumentRecord, ErrorRecord, Mention

#: Documents handed to spaCy at once; bounds memory on large batches.
CHUNK_SIZE = 64
#: Longest release text analysed (characters, about 400 pages): longer ones are reported. A
#: release under it but over spaCy's ``max_length`` is parsed in pieces of ``PIECE_CHARS``.
MAX_TEXT_CHARS = 2_000_000
PIECE_CHARS = 200_000


@dataclass(frozen=True)
class Prepared:
    """A release that passed ingest, language id and segmentation, ready for spaCy."""

    raw: RawDocument
    language: str
    segments: Segments
    doc_id: str
    issuer_country: str | None = None


def doc_id_for(raw: RawDocument) -> str:
    """Stable across runs and wherever the input folder lives: the file's path from the folder
    given (``RawDocument.id_key``; the file name by default), the record's position and the
    text. Two files with the same name and text in different sub-folders get different ids."""
    key = raw.id_key or Path(raw.source_path).name
    return stable_id("doc", key, raw.record_index, raw.text, length=16)


def _where(raw: RawDocument) -> str:
    """The file, and the record inside it for JSON/JSONL inputs ('releases.jsonl#3')."""
    return raw.source_path + (f"#{raw.record_index}" if raw.record_index is not None else "")


def _error(raw: RawDocument, stage: str, exc: Exception) -> ErrorRecord:
    return ErrorRecord(source_path=_where(raw), stage=stage, error=f"{type(exc).__name__}: {exc}")


def prepare(
    raw: RawDocument, language: str | None = None, issuer_country_code: str | None = None
) -> Prepared | ErrorRecord:
    """Language id (unless ``language`` is given) and segmentation; an unsupported language is
    an error row, not a crash. ``issuer_country_code`` overrides the inferred issuer country."""
    try:
        language = language or detect_language(raw.text)
    except Exception as exc:  # any failure on one input is reported, not raised
        return _error(raw, "language", exc)
    if language not in SUPPORTED_LANGUAGES:
        return ErrorRecord(
            source_path=_where(raw),
            stage="language",
            error=f"unsupported language {language!r} (supported: es, en)",
        )
    try:
        segments = segment(raw, language)
        country = issuer_country(segments, raw.metadata, issuer_country_code)
    except Exception as exc:
        return _error(raw, "segment", exc)
    if not segments.text.strip():
        return ErrorRecord(source_path=_where(raw), stage="segment", error="no text to analyse")
    if len(segments.text) > MAX_TEXT_CHARS:
        return ErrorRecord(
            source_path=_where(raw),
            stage="segment",
            error=f"the release is {len(segments.text):,} characters long; releases over "
            f"{MAX_TEXT_CHARS:,} are not analysed (see README: limits)",
        )
    return Prepared(
        raw=raw,
        language=language,
        segments=segments,
        doc_id=doc_id_for(raw),
        issuer_country=country,
    )


def build_record(item: Prepared, doc: Doc) -> DocumentRecord:
    """Run every extractor over one parsed release and validate the nested record."""
    seg = item.segments
    ctx = DocContext(
        doc_id=item.doc_id,
        language=item.language,  # type: ignore[arg-type]
        published=seg.published,
        anchor=seg.dateline_date or seg.published,
        dateline=(
            (seg.dateline_start, seg.dateline_end)
            if seg.dateline_start is not None and seg.dateline_end is not None
            else None
        ),
        issuer_country=item.issuer_country,
        issuer=seg.issuer,
    )
    mark_dateline_place(doc, ctx, seg.dateline_place)
    found_people, person_mentions = people.extract(doc, ctx)
    found_orgs, org_mentions = organizations.extract(doc, ctx)
    found_places, place_mentions = places.extract(doc, ctx)
    set_entity_spans(doc, [*person_mentions, *org_mentions, *place_mentions])
    found_dates = dates.extract(doc, ctx)
    found_roles = roles.extract(doc, ctx, found_people)
    found_topics = topics.extract(doc, ctx)
    found_commitments = commitments.extract(
        doc,
        ctx,
        people=found_people,
        organizations=found_orgs,
        places=found_places,
        dates=found_dates,
        topics=found_topics,
    )
    date_mentions = [
        Mention(
            kind="date",
            entity_id=d.date_id,
            text=d.text,
            doc_id=d.doc_id,
            sentence=d.sentence,
            start=d.start,
            end=d.end,
        )
        for d in found_dates
    ]
    return DocumentRecord(
        doc_id=item.doc_id,
        source_path=item.raw.source_path,
        record_index=item.raw.record_index,
        format=item.raw.format,
        language=item.language,  # type: ignore[arg-type]
        title=seg.title,
        lead=list(seg.lead),
        dateline_place=seg.dateline_place,
        dateline_date=seg.dateline_date,
        published=seg.published,
        published_source=seg.published_source,
        issuer=seg.issuer,
        issuer_country=item.issuer_country,
        release_number=seg.release_number,
        url=item.raw.metadata.get("url"),
        body=seg.body,
        text=seg.text,
        n_tokens=len(doc) - int(doc.to_array(IS_SPACE).sum()),
        n_sentences=sum(1 for _ in doc.sents),
        people=found_people,
        organizations=found_orgs,
        places=found_places,
        dates=found_dates,
        roles=found_roles,
        topics=found_topics,
        commitments=found_commitments,
        mentions=sorted(
            [*person_mentions, *org_mentions, *place_mentions, *date_mentions],
            key=lambda m: (m.start, m.end, m.kind),
        ),
    )


def _pieces(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` characters, at a paragraph or
    line break where there is one (else at a space), so the pieces join back into ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        end = start + (cut + 1 if cut > 0 else size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse(pipeline: SpacyLanguage, text: str) -> Doc:
    """One text through ``pipeline``, in pieces when it is longer than spaCy's max_length."""
    if len(text) <= min(pipeline.max_length, PIECE_CHARS):
        return pipeline(text)
    docs = list(pipeline.pipe(_pieces(text, PIECE_CHARS), batch_size=4))
    return Doc.from_docs(docs, ensure_whitespace=False)


def _parsed(pipeline: SpacyLanguage, texts: list[str]) -> Iterator[Doc | Exception]:
    """Each text's Doc, or the exception parsing it raised: nlp.pipe for the batch, one text at
    a time (in pieces if long) once the batch has failed or for an overlong text."""
    short = [i for i, text in enumerate(texts) if len(text) <= PIECE_CHARS]
    docs: dict[int, Doc | Exception] = {}
    try:
        parsed = pipeline.pipe((texts[i] for i in short), batch_size=16)
        for i, doc in zip(short, parsed, strict=True):
            docs[i] = doc
    except Exception:  # one text spoilt the batch: the others are parsed one by one below
        pass
    for i, text in enumerate(texts):
        if i not in docs:
            try:
                docs[i] = parse(pipeline, text)
            except Exception as exc:
                docs[i] = exc
        yield docs.pop(i)


def _parse_chunk(
    chunk: list[Prepared], ner: str | None = None
) -> Iterator[DocumentRecord | ErrorRecord]:
    """Parse one chunk, one nlp.pipe per language, and extract; order follows the input."""
    results: dict[int, DocumentRecord | ErrorRecord] = {}
    for language in sorted({item.language for item in chunk}):
        indexed = [(i, item) for i, item in enumerate(chunk) if item.language == language]
        pipeline = nlp.load(language, ner)  # type: ignore[arg-type]
        docs = _parsed(pipeline, [item.segments.text for _, item in indexed])
        for (i, item), doc in zip(indexed, docs, strict=True):
            if isinstance(doc, Exception):
                results[i] = _error(item.raw, "nlp", doc)
                continue
            try:
                results[i] = build_record(item, doc)
            except Exception as exc:  # an extractor failing on one release must not stop the batch
                results[i] = _error(item.raw, "extract", exc)
    for i in range(len(chunk)):
        yield results[i]


def process_raw(
    raws: Iterable[RawDocument],
    done: Mapping[str, DocumentRecord] | None = None,
    language: str | None = None,
    issuer_country: str | None = None,
    ner: str | None = None,
) -> Iterator[DocumentRecord | ErrorRecord]:
    """Stream releases through the pipeline; yields a record or an error row for each.

    A release whose doc_id is in ``done`` (finished by an earlier run) is not parsed again
    unless ``issuer_country`` (given, overriding inference) differs from its record's;
    ``language`` skips language identification; ``ner`` is the NER choice (prensa.nlp).
    """
    chunk: list[Prepared] = []
    for raw in raws:
        finished = done.get(doc_id_for(raw)) if done else None
        if finished is not None and issuer_country in (None, finished.issuer_country):
            yield finished
            continue
        prepared = prepare(raw, language, issuer_country)
        if isinstance(prepared, ErrorRecord):
            yield prepared
            continue
        chunk.append(prepared)
        if len(chunk) >= CHUNK_SIZE:
            yield from _parse_chunk(chunk, ner)
            chunk = []
    if chunk:
        yield from _parse_chunk(chunk, ner)


def process_paths(
    paths: Sequence[Path],
    on_file: Callable[[Path], None] | None = None,
    done: Mapping[str, DocumentRecord] | None = None,
    issuer_country: str | None = None,
) -> Iterator[DocumentRecord | ErrorRecord]:
    """Every release under ``paths`` (files or folders), in this process, reported file by file
    to ``on_file``; releases in ``done`` are reused (see prensa.export.manifest)."""
    sources, errors = scan_sources(paths)
    yield from errors

    def raws() -> Iterator[RawDocument | ErrorRecord]:
        for source in sources:
            documents, errors = read_path(source.path, source.key)
            yield from errors
            yield from documents
            if on_file is not None:
                on_file(source.path)

    pending: list[RawDocument] = []
    for item in raws():
        if isinstance(item, ErrorRecord):
            yield from process_raw(pending, done, issuer_country=issuer_country)
            pending = []
            yield item
        else:
            pending.append(item)
            if len(pending) >= CHUNK_SIZE:
                yield from process_raw(pending, done, issuer_country=issuer_country)
                pending = []
    yield from process_raw(pending, done, issuer_country=issuer_country)


def extract_path(
    path: Path, issuer_country: str | None = None, ner: str | None = None
) -> DocumentRecord:
    """The record of the first release in ``path``: for ``prensa extract`` and evaluation;
    ``issuer_country`` (ISO alpha-2) overrides the inferred issuer country; ``ner`` is the NER
    choice (prensa.nlp)."""
    issuer_country = country_code(issuer_country)
    try:
        documents, errors = read_path(path)
    except IngestError as exc:
        raise ExtractionError(str(exc)) from exc
    for result in process_raw(documents[:1], issuer_country=issuer_country, ner=ner):
        if isinstance(result, ErrorRecord):
            raise ExtractionError(f"{result.stage}: {result.error}")
        return result
    reason = errors[0].error if errors else "no release found"
    raise ExtractionError(f"{path}: {reason}")

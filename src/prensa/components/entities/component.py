"""The ``prensa_entities`` spaCy component: gazetteer rules and repairs of the statistical NER.

The stock models are off-domain: they tag sentence-initial adverbs ("Además") and upper-case
transcript headers as people, glue ranks to names ("Almirante José Rafael Ojeda Durán"), read the
office in a title as a name ("secretario de Seguridad Pública") and miss ministries named inside
titles ("secretario de Marina"). This component runs after ``ner``: ``match()`` finds the spans
rules are sure of, ``repair()`` fixes the statistical ones, and ``set_annotations()`` merges them,
rules first.

Its word lists come from ``models/`` through ``initialize()`` (or lazily on first use) and are
saved with the pipeline by ``to_disk()``/``to_bytes()``, so a pipeline written to disk carries
the rules it ran with. Some repairs only distrust the stock model; with ``trust_ner`` (a NER
trained for the genre) they are off and the model's longer names win over gazetteer matches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from prensa.components.entities import bodies, names
from prensa.components.entities.context import EntityContext, RuleData
from prensa.components.entities.merge import set_annotations
from prensa.components.entities.repair import repair
from prensa.components.entities.words import split_dateline_dashes
from prensa.text import folded_words

_DATA_FILE = "rules.json"
#: Between an office word and a ministry's short name: 'secretario de (la)', 'Secretary of (the)'.
_OF = frozenset({"de", "del", "of"})
_ARTICLES = frozenset({"la", "the"})


class EntityRules:
    """Gazetteer matches plus repaired statistical entities; see the module docstring."""

    def __init__(self, nlp: Language, name: str, language: str, trust_ner: bool = False) -> None:
        self.name = name
        self.language = language
        self.trust_ner = trust_ner
        self._nlp = nlp
        self._data: RuleData | None = None
        self._context: EntityContext | None = None
        self._matchers: tuple[PhraseMatcher, PhraseMatcher] | None = None
        self._office: frozenset[str] | None = None

    # --- rules: loading and saving -------------------------------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        data: RuleData | None = None,
    ) -> None:
        """Take the rules from ``data``, else from the models/ folder as it is now."""
        self._data = data or RuleData.from_resources()
        self._context = None
        self._matchers = None
        self._office = None

    @property
    def data(self) -> RuleData:
        if self._data is None:
            self.initialize()
        assert self._data is not None
        return self._data

    @property
    def context(self) -> EntityContext:
        if self._context is None:
            self._context = EntityContext.build(self.data, self._nlp, self.language, self.trust_ner)
        return self._context

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.data.model_dump_json().encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EntityRules:
        self.initialize(data=RuleData.model_validate_json(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _DATA_FILE).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRules:
        return self.from_bytes((Path(path) / _DATA_FILE).read_bytes())

    # --- matching -----------------------------------------------------------------------------

    def _build_matchers(self) -> tuple[PhraseMatcher, PhraseMatcher]:
        """Every organisation name, alias and acronym and every safe place name, as written; and
        'secretario de Marina': a ministry's short name, only right after an office word."""
        make_doc, labels = self._nlp.make_doc, self.context.labels
        phrases = PhraseMatcher(self._nlp.vocab, attr="ORTH")
        for org in self.data.organizations:
            forms = {org.name, *org.aliases, *([org.acronym] if org.acronym else [])}
            phrases.add(f"{labels['organization']}|org:{org.name}", [make_doc(n) for n in forms])
        for surface, entry in self.context.gazetteer.surface_forms():
            label = "LOC" if entry.kind == "region" else labels["place"]
            phrases.add(f"{label}|{entry.key}", [make_doc(surface)])
        # The short names alone go into a PhraseMatcher (exact words, matched in C); the title
        # before them is checked only where one is found (``_after_office``).
        shorts = PhraseMatcher(self._nlp.vocab, attr="ORTH")
        for org in self.data.organizations:
            for short in org.short:
                doc = make_doc(short)
                shorts.add(f"{len(doc)}|org:{org.name}", [doc])
        return phrases, shorts

    def _after_office(self, doc: Doc, start: int) -> bool:
        """'secretario de [Marina]', 'Secretary of the [Navy]': an office word, 'de' and an
        optional article right before a ministry's short name."""
        if self._office is None:
            self._office = frozenset(w.lower() for w in self.data.office_words)
        i = start - 1
        if i >= 0 and doc[i].lower_ in _ARTICLES:
            i -= 1
        return i >= 1 and doc[i].lower_ in _OF and doc[i - 1].lower_ in self._office

    def __call__(self, doc: Doc) -> Doc:
        split_dateline_dashes(doc)
        sure, titled = self.match(doc)
        set_annotations(self.context, doc, sure, titled, repair(self.context, doc))
        return doc

    def match(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """Spans rules are sure of (gazetteer, ministries, speaker headers), and titled names."""
        r = self.context
        if self._matchers is None:
            self._matchers = self._build_matchers()
        phrases, shorts = self._matchers
        sure: list[Span] = []
        for match_id, start, end in phrases(doc):
            label, key = doc.vocab.strings[match_id].split("|", 1)
            sure.append(Span(doc, start, end, label=label, kb_id=key))
        for match_id, start, end in shorts(doc) if len(shorts) else ():
            if self._after_office(doc, start):
                key = doc.vocab.strings[match_id].split("|", 1)[1]
                sure.append(Span(doc, start, end, label=r.labels["organization"], kb_id=key))
        sure = [s for s in sure if not bodies.unsafe_place(r, s)]
        sure.extend(names.speaker_headers(r, doc))
        sure.extend(bodies.governments(r, doc, sure))
        sure.extend(bodies.acronym_definitions(r, doc))
        words = folded_words(doc)  # folded once, shared by the three title rules
        spots = list(names.titles(r, doc, words))  # read by three of the title rules
        titled = (
            names.titled_names(r, doc, words, spots)
            + names.complement_names(r, doc, words, spots)
            + names.apposition_names(r, doc, words)
            + names.comma_names(r, doc, words, spots)
        )
        bodies_found = (
            bodies.headed_organizations(r, doc, titled)
            + bodies.tailed_organizations(r, doc)
            + bodies.local_places(r, doc)
        )
        return sure, titled + bodies_found


@Language.factory("prensa_entities", default_config={"language": "es", "trust_ner": False})
def make_entity_rules(nlp: Language, name: str, language: str, trust_ner: bool) -> EntityRules:
    return EntityRules(nlp, name, language, trust_ner)

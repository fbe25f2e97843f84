"""prensa's entity layer: gazetteer rules and repairs of the statistical NER, in one component.

The stock models are off-domain: they tag sentence-initial adverbs ("Además") and upper-case
transcript headers as people, glue ranks to names ("Almirante José Rafael Ojeda Durán"), read the
office in a title as a name ("secretario de Seguridad Pública") and miss ministries named inside
titles ("secretario de Marina"). This component runs after ``ner``: ``match()`` finds the spans
rules are sure of, ``repair()`` fixes the statistical ones, and ``set_annotations()`` merges them,
rules first. Every word list it uses comes from ``models/entities/``.

Some repairs only distrust the stock model: they drop its entities on all-capitals lines, lone
title-case organisations, one-word names opening a sentence and unknown one-word places, and let a
gazetteer match break up a longer name. A component trained on the genre (``models/ner``) does not
make those errors and gets such names right far more often than not, so with ``trust_ner`` those
filters are off and the model's longer names win over gazetteer matches inside them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from prensa import gazetteer, resources
from prensa.normalize import fold

PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})

#: The label each language's model uses for the three kinds prensa extracts.
KIND_LABELS: dict[str, dict[str, str]] = {
    "es": {"person": "PER", "organization": "ORG", "place": "LOC"},
    "en": {"person": "PERSON", "organization": "ORG", "place": "GPE"},
}
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "van", "von", "da", "di", "e"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_OFFICE_WORDS = frozenset(
    [
        "secretario",
        "secretaria",
        "secretaría",
        "titular",
        "subsecretario",
        "subsecretaria",
        "secretary",
        "ministro",
        "ministra",
        "ministry",
        "minister",
        "procurador",
        "procuradora",
        "fiscal",
        "comisionado",
        "comisionada",
        "coordinador",
        "coordinadora",
        "director",
        "directora",
    ]
)
_OFFICE_LINKS = frozenset({"de", "del", "of", "for"})
_GOVERNMENT = frozenset({"gobierno", "government"})
#: Offices that end a person's title, never an organisation's name ("Department Spokesperson").
_OFFICE_NOUNS = frozenset(
    {
        "spokesperson",
        "vocero",
        "vocera",
        "portavoz",
        "administrator",
        "administrador",
        "administradora",
        "ambassador",
        "embajador",
        "embajadora",
        "minister",
        "ministro",
        "ministra",
    }
)
#: Words that introduce a title's complement: "Secretary of Homeland Security", "secretario de …".
_COMPLEMENT_LINKS = frozenset({"of", "for", "de", "del", "para", "to"})
#: A city smaller than this whose name is a dictionary word ("Marina", "Federal") is not trusted.
_BIG_CITY = 500_000
_CONNECTORS = frozenset(
    {"de", "del", "la", "las", "los", "el", "para", "y", "e", "en", "of", "the", "for", "and", "on"}
)
#: ``doc.spans`` key of the entities that are generic mentions ('el Gobierno'): recognised, as
#: CoNLL does, but not reported as named people, organisations or places.
GENERIC_SPANS = "prensa_generic"
#: Parts of speech a name never starts with, though a sentence-initial one is capitalised.
_NOT_NAME_VERBAL = frozenset({"VERB", "AUX", "ADV", "PRON", "SCONJ", "CCONJ"})
_NOT_NAME_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV", "AUX", "NUM"})


class WordSequences:
    """Folded word sequences indexed by first word, so matching at every token stays cheap."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for words in sorted({tuple(fold(p).rstrip(".").split()) for p in phrases}, key=len):
            if words:
                self._by_first.setdefault(words[0], []).insert(0, words)  # longest first

    def match(self, words: list[str]) -> int:
        """Length of the longest sequence ``words`` starts with, 0 if none."""
        for option in self._by_first.get(words[0], ()) if words else ():
            if tuple(words[: len(option)]) == option:
                return len(option)
        return 0


@dataclass(frozen=True)
class _Rules:
    """Word lists from models/, built once per component."""

    not_names: frozenset[str]
    not_person_after: frozenset[str]
    place_after: frozenset[str]
    place_after_motion: frozenset[str]
    motion_verbs: frozenset[str]
    prefixes: WordSequences
    org_heads: WordSequences
    place_heads: WordSequences


_ARTICLES = WordSequences(["el", "la", "los", "las", "the"])


def _folded_words(span: Span | list[Token]) -> list[str]:
    return [fold(t.text).rstrip(".") for t in span]


def _is_upper_line(span: Span) -> bool:
    """True when the line up to the span's end is in capitals: a transcript header such as
    'MARÍA ISLAS MORALES, AUTORIDAD INDÍGENA DE TABASCO: Buenos días'."""
    doc = span.doc
    start = span.start
    while start > 0 and not _line_start(doc[start]):
        start -= 1
    letters = [c for c in doc[start : span.end].text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def _namelike(token: Token) -> bool:
    """A capitalised word, a word in capitals, or an initial ('R.')."""
    if token.is_title or (token.is_upper and token.is_alpha and len(token) > 1):
        return True
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _line_start(token: Token) -> bool:
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return "\n" in previous.whitespace_ or "\n" in previous.text


class CommonWords:
    """Is a capitalised word an ordinary noun or adjective? Read from the model's own lemma index.

    Spanish capitalises offices and programmes ("Protección Civil", "Cambio Climático"), which the
    stock model takes for names; a name made only of dictionary nouns and adjectives is not one.
    """

    def __init__(self, nlp: Language, enabled: bool = True) -> None:
        self._spanish = nlp.lang == "es"
        self._index: frozenset[str] = frozenset()
        self._adjectives: frozenset[str] = frozenset()
        if not enabled or "lemmatizer" not in nlp.pipe_names:
            return
        lookups = nlp.get_pipe("lemmatizer").lookups
        if "lemma_index" not in lookups.tables:
            return
        table = lookups.get_table("lemma_index")
        nouns = {fold(w) for w in table["noun"]} if "noun" in table else set()
        adjectives = {fold(w) for w in table["adj"]} if "adj" in table else set()
        self._index = frozenset(nouns | adjectives)
        self._adjectives = frozenset(adjectives)

    def _forms(self, word: str) -> tuple[str, ...]:
        """The word and its likely lemma: plural (and Spanish feminine) endings undone."""
        w = fold(word)
        if len(w) <= 2:
            return (w,)
        if self._spanish:
            return (w, w[:-1], w[:-2], w[:-1] + "o", w[:-2] + "o")
        return (w, w[:-1]) if w.endswith("s") else (w,)

    def __contains__(self, word: str) -> bool:
        return any(form in self._index for form in self._forms(word))

    def exact(self, word: str) -> bool:
        """The word is a dictionary noun or adjective as written, or as its plural's singular:
        no feminine or other guessed forms, which would take in 'Telefónica' or 'Cantabria'."""
        w = fold(word)
        forms = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w}
        return bool(forms & self._index)

    def is_adjective(self, word: str) -> bool:
        return any(form in self._adjectives for form in self._forms(word))


class EntityRules:
    """Gazetteer matches plus repaired statistical entities; see the module docstring."""

    def __init__(self, nlp: Language, name: str, language: str, trust_ner: bool = False) -> None:
        self.name = name
        self.language = language
        self.trust_ner = trust_ner
        self.labels = KIND_LABELS[language]
        self.vocab = nlp.vocab
        self._make_doc = nlp.make_doc
        # Either language: telling a title's last words from the name after it.
        self.dictionary = CommonWords(nlp)
        # Only Spanish capitalises common nouns in office and programme names.
        self.common = self.dictionary if language == "es" else CommonWords(nlp, enabled=False)

    @cached_property
    def rules(self) -> _Rules:
        filters = resources.person_filters()
        heads = resources.heads()
        return _Rules(
            not_names=filters.folded_not_names(),
            not_person_after=frozenset(fold(w) for w in filters.not_person_after),
            place_after=frozenset(fold(w) for w in filters.place_after),
            place_after_motion=frozenset(fold(w) for w in filters.place_after_motion),
            motion_verbs=frozenset(fold(w) for w in filters.motion_verbs),
            prefixes=WordSequences(p.replace(".", "") for p in filters.name_prefixes),
            org_heads=WordSequences(heads.organization_heads),
            place_heads=WordSequences(heads.place_heads),
        )

    @cached_property
    def phrase_matcher(self) -> PhraseMatcher:
        """Every organisation name, alias and acronym, and every safe place name, as written."""
        matcher = PhraseMatcher(self.vocab, attr="ORTH")
        org_label, place_label = self.labels["organization"], self.labels["place"]
        for org in resources.organizations():
            names = {org.name, *org.aliases, *([org.acronym] if org.acronym else [])}
            matcher.add(f"{org_label}|org:{org.name}", [self._make_doc(n) for n in names])
        for surface, entry in gazetteer.load().surface_forms():
            label = "LOC" if entry.kind == "region" else place_label
            matcher.add(f"{label}|{entry.key}", [self._make_doc(surface)])
        return matcher

    @cached_property
    def short_org_matcher(self) -> Matcher:
        """'secretario de Marina': a ministry's short name, only right after a title."""
        matcher = Matcher(self.vocab)
        for org in resources.organizations():
            for short in org.short:
                words = [{"ORTH": t.text} for t in self._make_doc(short)]
                pattern = [
                    {"LOWER": {"IN": sorted(_OFFICE_WORDS)}},
                    {"LOWER": {"IN": ["de", "del", "of"]}},
                    {"LOWER": {"IN": ["la", "the"]}, "OP": "?"},
                    *words,
                ]
                matcher.add(f"{len(words)}|org:{org.name}", [pattern])
        return matcher

    def __call__(self, doc: Doc) -> Doc:
        sure, titled = self.match(doc)
        self.set_annotations(doc, sure, titled, self.repair(doc))
        return doc

    # --- rules ------------------------------------------------------------------------------

    def match(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        """Spans rules are sure of (gazetteer, ministries, speaker headers), and titled names."""
        sure: list[Span] = []
        for match_id, start, end in self.phrase_matcher(doc):
            label, key = self.vocab.strings[match_id].split("|", 1)
            sure.append(Span(doc, start, end, label=label, kb_id=key))
        for match_id, _start, end in self.short_org_matcher(doc):
            # The short name is the match's tail, after the title, 'de' and an optional article.
            n_words, key = self.vocab.strings[match_id].split("|", 1)
            sure.append(
                Span(doc, end - int(n_words), end, label=self.labels["organization"], kb_id=key)
            )
        sure = [s for s in sure if not self._unsafe_place(s)]
        sure.extend(self._speaker_headers(doc))
        sure.extend(self._governments(doc, sure))
        sure.extend(self._acronym_definitions(doc))
        words = _folded_words(doc)  # folded once, shared by the three title rules
        names = (
            self._titled_names(doc, words)
            + self._complement_names(doc, words)
            + self._apposition_names(doc, words)
        )
        return sure, names + self._headed_organizations(doc, names)

    def _unsafe_place(self, span: Span) -> bool:
        """A one-word gazetteer hit that is a dictionary word opening a sentence ('Reunión')."""
        return (
            span.label_ in PLACE_LABELS
            and len(span) == 1
            and span[0].text in self.common
            and (span[0].is_sent_start or _line_start(span[0]))
        )

    def _headed_organizations(self, doc: Doc, names: list[Span]) -> list[Span]:
        """'Coordinación Nacional de Protección Civil', 'Bureau of Western Hemisphere Affairs':
        a capitalised phrase opened by an organisation head word, ending before a titled name
        ('Bureau of Latin America and the Caribbean Marcela Escobari')."""
        spans: list[Span] = []
        for token in doc:
            if not token.is_title or not self.rules.org_heads.match([fold(token.text)]):
                continue
            if token.i and doc[token.i - 1].is_title:
                continue  # inside a longer capitalised phrase, not its start
            end = self._capitalised_run(doc, token.i + 1, commas=False)
            for name in names:
                if token.i < name.start < end <= name.end:
                    end = name.start
            office = next((t.i for t in doc[token.i + 1 : end] if t.lower_ in _OFFICE_NOUNS), end)
            end = office  # 'Department Spokesperson' is a title
            while end > token.i and doc[end - 1].lower_ in _CONNECTORS:
                end -= 1
            if end - token.i >= 2:
                spans.append(Span(doc, token.i, end, label=self.labels["organization"]))
        return spans

    @staticmethod
    def _capitalised_run(doc: Doc, start: int, *, commas: bool, limit: int = 12) -> int:
        """End of a run of capitalised words and the connectors between them."""
        end = start
        while end < len(doc) and end - start < limit:
            token = doc[end]
            joins = token.lower_ in _CONNECTORS or (commas and token.text == ",")
            followed = end + 1 < len(doc) and (
                doc[end + 1].is_title or doc[end + 1].lower_ in _CONNECTORS
            )
            if not (_namelike(token) or (joins and followed)):
                break
            end += 1
        while end > start and (doc[end - 1].lower_ in _CONNECTORS or doc[end - 1].is_punct):
            end -= 1
        return end

    def _complement_names(self, doc: Doc, words: list[str]) -> list[Span]:
        """A title with a complement, then the name: 'Secretary of Homeland Security Alejandro
        N. Mayorkas', 'El secretario de Desarrollo Agrario, Territorial y Urbano, Román Meyer'."""
        spans: list[Span] = []
        for i, n in self._titles(doc, words):
            if i + n >= len(doc) or words[i + n] not in _COMPLEMENT_LINKS:
                continue
            end = self._next_title(
                doc, words, i + n + 1, self._capitalised_run(doc, i + n + 1, commas=True, limit=20)
            )
            name = self._trailing_name(doc, i + n + 1, end)
            if name is not None and self._plausible_name(name, after_title=True):
                spans.append(Span(doc, name.start, name.end, label=self.labels["person"]))
        return spans

    def _after_list_item(self, doc: Doc, begin: int, end: int) -> int:
        """'…, Refugees, and Migration Julieta Noyes': after ', and' the last item of a title's
        complement may come before the name; its dictionary words are skipped."""
        if begin < 2 or doc[begin - 1].lower_ not in ("and", "y") or doc[begin - 2].text != ",":
            return begin
        while end - begin > 2 and self.dictionary.exact(doc[begin].text):
            begin += 1
        return begin

    def _next_title(self, doc: Doc, words: list[str], start: int, end: int) -> int:
        """Where a second titled person begins inside a capitalised run ('… Human Rights Uzra
        Zeya and Acting Assistant Secretary for …'), else ``end``."""
        for k in range(start + 1, end):
            if doc[k - 1].lower_ in ("and", "y", ",") and (
                self.rules.prefixes.match(words[k : k + 5])
                or self.rules.prefixes.match(words[k + 1 : k + 6])  # 'Acting Assistant Secretary'
            ):
                return k - 1
        return end

    def _trailing_name(self, doc: Doc, start: int, end: int) -> Span | None:
        """The name closing a title's complement: after its last comma, else the longest tail of
        non-dictionary words (a surname may be one: 'Heide Fulton')."""
        if end - start < 3:
            return None
        commas = [t.i for t in doc[start:end] if t.text == ","]
        if commas:
            begin = commas[-1] + 1
            if doc[begin].lower_ in ("and", "y"):
                begin = self._after_list_item(doc, begin + 1, end)
            return doc[begin:end] if 2 <= end - begin <= 5 else None
        begin = end - 1
        while (
            begin - 1 > start
            and (doc[begin - 1].text not in self.dictionary or doc[begin - 1].text.endswith("."))
            and doc[begin - 1].lower_ not in _CONNECTORS
        ):
            begin -= 1
        if end - begin < 2 or doc[begin].text in self.dictionary:
            return None
        return doc[begin:end]

    def _governments(self, doc: Doc, sure: list[Span]) -> list[Span]:
        """'Gobierno de España', 'Government of Costa Rica': a named government is an org."""
        spans: list[Span] = []
        places = [s for s in sure if s.label_ in PLACE_LABELS]
        for place in places:
            i = place.start
            if i >= 1 and doc[i - 1].lower_ in ("la", "the", "los"):
                i -= 1
            if i >= 2 and doc[i - 1].lower_ in ("de", "of") and doc[i - 2].lower_ in _GOVERNMENT:
                spans.append(Span(doc, i - 2, place.end, label=self.labels["organization"]))
        return spans

    def _acronym_definitions(self, doc: Doc) -> list[Span]:
        """'Grupo de Implementación de Seguridad (GIS)': a name whose initials spell the acronym
        in brackets after it is an organisation, whatever the statistical model said."""
        spans: list[Span] = []
        for i in range(1, len(doc) - 2):
            if doc[i].text != "(" or doc[i + 2].text != ")":
                continue
            acronym = doc[i + 1].text
            if not (2 <= len(acronym) <= 10 and acronym.isalpha() and acronym.isupper()):
                continue
            start = i
            while (
                start > 0
                and i - start < 14
                and (doc[start - 1].is_title or doc[start - 1].lower_ in _CONNECTORS)
            ):
                start -= 1
            for begin in range(start, i):
                initials = "".join(t.text[0] for t in doc[begin:i] if t.is_title)
                if doc[begin].is_title and fold(initials) == fold(acronym):
                    label = self.labels["organization"]
                    spans.append(Span(doc, begin, i, label=label))
                    spans.append(Span(doc, i + 1, i + 2, label=label))
                    break
        return spans

    def _apposition_names(self, doc: Doc, words: list[str]) -> list[Span]:
        """'Ned Price, Department Spokesperson': a capitalised name, a comma, then a title."""
        spans: list[Span] = []
        for comma in doc:
            if comma.text != "," or comma.i < 2:
                continue
            after = comma.i + 1 + _ARTICLES.match(words[comma.i + 1 : comma.i + 2])
            title_words = words[after : after + 6]
            if not (
                self.rules.prefixes.match(title_words) or self.rules.prefixes.match(title_words[1:])
            ):
                continue
            start = comma.i
            while start > 0 and (
                doc[start - 1].is_title or doc[start - 1].lower_ in NAME_PARTICLES
            ):
                start -= 1
            while start < comma.i and doc[start].lower_ in NAME_PARTICLES:
                start += 1
            start = self._after_list_item(doc, start, comma.i)
            if start and doc[start - 1].lower_ in _COMPLEMENT_LINKS:
                # '… for International Affairs Serena Hoy, …': the complement ends the title.
                while comma.i - start > 2 and self.dictionary.exact(doc[start].text):
                    start += 1
            if not (2 <= comma.i - start <= 5):
                continue
            name = doc[start : comma.i]
            if self._plausible_name(name) and not self.rules.prefixes.match(_folded_words(name)):
                spans.append(Span(doc, start, comma.i, label=self.labels["person"]))
        return spans

    def _speaker_headers(self, doc: Doc) -> list[Span]:
        """'MARÍA GUADALUPE ISLAS MORALES, AUTORIDAD …:' at a line start: the name is a person."""
        spans: list[Span] = []
        for token in doc:
            if not _line_start(token):
                continue
            end = token.i
            while end < len(doc) and doc[end].is_upper and doc[end].is_alpha:
                end += 1
            if end >= len(doc) or doc[end].text not in (",", ":") or end - token.i < 2:
                continue
            words = _folded_words(doc[token.i : end])
            skip = self.rules.prefixes.match(words)
            if skip and skip < len(words) and words[skip] in _COMPLEMENT_LINKS:
                # 'GOBERNADOR DE COAHUILA, MANOLO JIMÉNEZ SALINAS:' — the name follows the title.
                after = end + 1
                name_end = after
                while name_end < len(doc) and doc[name_end].is_upper and doc[name_end].is_alpha:
                    name_end += 1
                if name_end - after >= 2 and name_end < len(doc) and doc[name_end].text in ",:":
                    spans.append(Span(doc, after, name_end, label=self.labels["person"]))
                continue
            if end - (token.i + skip) >= 2 and words[skip] not in self.rules.not_names:
                spans.append(Span(doc, token.i + skip, end, label=self.labels["person"]))
        return spans

    def _name_after(self, doc: Doc, start: int) -> int:
        """End of a capitalised name starting at ``start`` ('Ned Price', 'Wendy R. Sherman')."""
        end = start
        while end < len(doc):
            token = doc[end]
            if token.is_title or (token.is_upper and token.is_alpha and len(token) > 1):
                end += 1
            elif len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".":
                end += 1  # an initial
            elif token.lower_ in NAME_PARTICLES and end > start:
                # 'de la Fuente': particles count only when a capitalised word follows them.
                nxt = end
                while nxt < len(doc) and doc[nxt].lower_ in NAME_PARTICLES:
                    nxt += 1
                if nxt < len(doc) and doc[nxt].is_title and nxt - end <= 2:
                    end = nxt
                else:
                    break
            else:
                break
        while end > start and (doc[end - 1].lower_ in NAME_PARTICLES or doc[end - 1].is_punct):
            end -= 1
        return end

    def _titles(self, doc: Doc, words: list[str]) -> Iterator[tuple[int, int]]:
        """(position, length) of each title that starts a phrase ('el canciller', 'Secretary',
        'Mexican Under Secretary')."""
        from prensa.titles import demonym_country  # titles imports the extractors, which use us

        for i in range(len(doc)):
            n = self.rules.prefixes.match(words[i : i + 5])
            if not n:
                continue
            if (
                i
                and doc[i - 1].is_title
                and words[i - 1] not in ("el", "la", "the")
                and not demonym_country(doc[i - 1].text, self.language)  # type: ignore[arg-type]
            ):
                continue  # inside a longer capitalised phrase
            yield i, n

    def _titled_names(self, doc: Doc, words: list[str]) -> list[Span]:
        """'Spokesperson Ned Price', 'el canciller Marcelo Ebrard': a title then a name."""
        spans: list[Span] = []
        for i, n in self._titles(doc, words):
            start = i + n
            end = self._name_after(doc, start)
            if end == start or end - start > 5:
                continue
            name = doc[start:end]
            if self._plausible_name(name, after_title=True):
                spans.append(Span(doc, start, end, label=self.labels["person"]))
        return spans

    def _plausible_name(self, name: Span, after_title: bool = False) -> bool:
        """Could ``name`` be a person's name? After a title ('el presidente Peña Nieto') two
        capitalised words are trusted even when both are dictionary words."""
        first = name[0]
        if not (first.is_title or first.is_upper) or first.pos_ in _NOT_NAME_POS:
            return False  # 'de Tabasco', 'Nuestro Gobierno', 'From Tegucigalpa'
        if self._known_non_name(name):
            return False

        if (
            len(name) > 2
            and name[1].lower_ in NAME_PARTICLES
            and self.common.is_adjective(first.text)
        ):
            return False  # 'presidente Municipal de Tijuana'

        content = [t.text for t in name if fold(t.text) not in NAME_PARTICLES]
        if (
            content
            and all(w in self.common for w in content)
            and not (after_title and len(content) > 1)
        ):
            return False
        return len(name) > 1 or name[0].pos_ == "PROPN"

    def _known_non_name(self, name: Span) -> bool:
        """What the word lists say is not a person: 'Además', 'Comisión …', 'el río Grijalva'."""
        words = _folded_words(name)
        if " ".join(words) in self.rules.not_names or words[0] in self.rules.not_names:
            return True
        if self.rules.org_heads.match(words) or self.rules.place_heads.match(words):
            return True  # 'Comisión …', 'Complejo Termoeléctrico Manzanillo'
        place = gazetteer.load().lookup(name.text)
        if place is not None and (place.kind != "city" or len(name) > 1):
            return True  # a surname may be a town (Juárez), a full name is not 'Ciudad Juárez'
        before = fold(name.doc[name.start - 1].text) if name.start else ""
        return before in self.rules.not_person_after  # 'el río Grijalva', 'el huracán Melissa'

    # --- repairs of the statistical entities -------------------------------------------------

    def repair(self, doc: Doc) -> list[Span]:
        """The statistical entities, cleaned: prefixes stripped, false positives dropped."""
        repaired: list[Span] = []
        for ent in doc.ents:
            if (not self.trust_ner and _is_upper_line(ent)) or self._inside_office(ent):
                continue
            if ent.label_ in PERSON_LABELS:
                fixed = self._repair_person(ent)
            elif ent.label_ in ORG_LABELS or ent.label_ in PLACE_LABELS:
                fixed = self._repair_name(ent)
            elif ent.label_ == "MISC":  # a CoNLL-style label: '¿Qué', '[Viajó a] Europa'
                trimmed = self._trim(ent)
                fixed = Span(ent.doc, trimmed.start, trimmed.end, ent.label_) if trimmed else None
            else:
                fixed = ent
            if fixed is not None:
                repaired.append(fixed)
        return self._surnames_as_people(repaired)

    def _inside_office(self, ent: Span) -> bool:
        """'secretario de [Seguridad Pública]': the office part of a title is not an entity."""
        doc = ent.doc
        i = ent.start
        if i >= 1 and doc[i - 1].lower_ in ("la", "the"):
            i -= 1
        return (
            i >= 2 and doc[i - 1].lower_ in _OFFICE_LINKS and fold(doc[i - 2].text) in _OFFICE_WORDS
        )

    def _trim(self, span: Span) -> Span | None:
        """Drop leading articles, and everything from a possessive on ("Blinken’s Meeting")."""
        doc = span.doc
        start, end = span.start, span.end
        while start < end and doc[start].is_punct:
            start += 1  # '¿Qué', '«Sembrando'
        if not self.trust_ner:  # a trusted model knows 'La Paz' from 'la Secretaría'
            start += _ARTICLES.match(_folded_words(doc[start:end]))
        first = start
        while start < end and doc[start].pos_ in _NOT_NAME_VERBAL:
            start += 1  # a capitalised sentence opener glued on: '[Viajó de] Ciudad de México'
        while first < start < end and doc[start].lower_ in _CONNECTORS:
            start += 1
        for token in doc[start : span.end]:
            if token.lower_ in _POSSESSIVES:
                end = token.i
                break
        for token in doc[start:end]:
            if token.text in ("(", "[") and ")" not in doc[token.i : end].text:
                end = token.i  # an unbalanced bracket: 'Cooperation (AECID' ends before it
                break
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in _CONNECTORS):
            end -= 1  # 'Governments of the'
        return doc[start:end] if end > start else None

    def _repair_person(self, ent: Span) -> Span | None:
        span = self._trim(ent)
        if span is None:
            return None
        if self._place_after_preposition(span):
            return Span(ent.doc, span.start, span.end, label=self.labels["place"])
        words = _folded_words(span)
        if self.rules.org_heads.match(words):
            return Span(ent.doc, span.start, span.end, label=self.labels["organization"])
        skip = self._title_in(words) or 0
        name = ent.doc[span.start + skip : span.end]
        if len(name) == 0 or (not name[0].is_title and not name[0].is_upper):
            return None
        if not all(
            t.is_title or t.is_upper or fold(t.text) in NAME_PARTICLES or not t.is_alpha
            for t in name
        ):
            return None
        # A trusted model's name is vetoed by the word lists only, not by dictionary look-ups.
        if self._known_non_name(name) if self.trust_ner else not self._plausible_name(name):
            return None
        if self._lone_opening_word(name):
            return None
        return Span(ent.doc, name.start, name.end, label=ent.label_)

    def _title_in(self, words: list[str]) -> int | None:
        """Where the title that opens ``words`` ends, also after a nationality or a rank
        ('Paraguayan President Mario Abdo Benitez'); None without one."""
        for k in (0, 1, 2) if len(words) > 2 else (0,):
            n = self.rules.prefixes.match(words[k:])
            if n:
                return k + n
        return None

    def _title_runs_on(self, span: Span) -> bool:
        """A title starts inside ``span`` and ends after it: 'Mexican [Foreign] Secretary'
        (not 'EU' before 'Commissioner', where the title starts after the name)."""
        words = _folded_words(span.doc[span.start : span.end + 4])
        for k in range(min(len(span), 3)):
            n = self.rules.prefixes.match(words[k:])
            if n and k + n > len(span):
                return True
        return False

    def _place_after_preposition(self, span: Span) -> bool:
        """'en Villahermosa', 'voy a ir a Villahermosa': a known place where a place goes."""
        doc = span.doc
        if not span.start or gazetteer.load().lookup(span.text) is None:
            return False
        before = fold(doc[span.start - 1].text)
        if before in self.rules.place_after:
            return True
        if before not in self.rules.place_after_motion:
            return False
        verbs = [t for t in doc[max(0, span.start - 4) : span.start - 1] if t.pos_ == "VERB"]
        return any(fold(t.lemma_) in self.rules.motion_verbs for t in verbs)

    def _repair_name(self, ent: Span) -> Span | None:
        span = self._trim(ent)
        if span is None:
            return None
        words = _folded_words(span)
        if " ".join(words) in self.rules.not_names or words[0] in self.rules.not_names:
            return None
        if self._title_runs_on(span):
            return None  # the start of a title: 'Mexican Foreign [Secretary]'
        title = self._title_in(words)
        if title is not None and not self.rules.org_heads.match(words):
            if title < len(words) and words[title] in _COMPLEMENT_LINKS:
                return None  # 'Mexican Under Secretary for North America …' is a title
            # "Maestro Rubén Rocha Moya" tagged as a place: a titled name is a person.
            return self._repair_person(Span(ent.doc, span.start, span.end, self.labels["person"]))
        office = next((k for k, w in enumerate(words) if k and w in _OFFICE_NOUNS), None)
        if office is not None:
            # 'Canal Administrator Vásquez': a title inside; what follows it may be a name.
            rest = ent.doc[span.start + office + 1 : span.end]
            if len(rest) and self._plausible_name(rest, after_title=True):
                return Span(ent.doc, rest.start, rest.end, label=self.labels["person"])
            return None
        if len(span) == 1:
            token = span[0]
            if not (token.is_title or token.is_upper):
                return None
            if ent.label_ in ORG_LABELS and not token.is_upper and not self.trust_ner:
                return None  # a lone capitalised word is rarely an organisation; acronyms are
            if self._lone_opening_word(span):
                return None
        if ent.label_ in PLACE_LABELS and not self._plausible_place(span):
            return None
        return Span(ent.doc, span.start, span.end, label=ent.label_)

    def _generic(self, span: Span) -> bool:
        """Capitalised dictionary words ('el Gobierno', 'los Presidentes', 'Seguridad Pública'):
        a mention of something, not its name. Several such words name an organisation well
        enough ('Protección Civil'), and a place when a place word opens them ('Palacio
        Nacional'); lexicon organisations and places the gazetteer knows (bar small towns named
        like a word: 'Federal') are names."""
        content = [t.text for t in span if t.is_alpha and fold(t.text) not in NAME_PARTICLES]
        if not content or span.kb_id_.startswith("org:"):
            return False
        if len(content) > 1 and (
            span.label_ in ORG_LABELS or self.rules.place_heads.match(_folded_words(span))
        ):
            return False  # 'Protección Civil', 'Palacio Nacional'
        if not all(self.common.exact(w) for w in content):
            return False
        entry = gazetteer.load().lookup(span.text) if span.label_ in PLACE_LABELS else None
        return entry is None or (entry.kind == "city" and (entry.population or 0) < _BIG_CITY)

    def _lone_opening_word(self, span: Span) -> bool:
        """One word opening a sentence or line is capitalised whatever it is ('Reunión'), so the
        stock model's guess is dropped there; a trusted model's unless it is a verb or an adverb
        ('Convoco', 'Ciertamente')."""
        if len(span) != 1 or not (span[0].is_sent_start or _line_start(span[0])):
            return False
        return not self.trust_ner or span[0].pos_ in _NOT_NAME_POS or span[0].pos_ == "VERB"

    def _plausible_place(self, span: Span) -> bool:
        """Known places pass; an unknown one needs a place head or a proper-noun look."""
        entry = gazetteer.load().lookup(span.text)
        if entry is not None:
            return self.trust_ner or not (
                len(span) == 1
                and span.text in self.common
                and entry.kind == "city"
                and (entry.population or 0) < _BIG_CITY
            )  # 'Marina', 'Federal', 'Constitución' are towns somewhere, and words here
        if "-" in span.text:
            return False  # 'U.S.-Costa Rica' is an adjective
        words = _folded_words(span)
        if self.rules.place_heads.match(words):
            return True
        if self.rules.org_heads.match(words):
            return False
        if len(span) == 1:
            return self.trust_ner
        content = [t for t in span if fold(t.text) not in NAME_PARTICLES and t.is_alpha]
        if not content or not all(t.is_title or t.is_upper for t in content):
            return False
        return self.trust_ner or content[0].text not in self.common

    def _surnames_as_people(self, spans: list[Span]) -> list[Span]:
        """A one-word 'place' or 'organisation' that is part of a person's name is that person."""
        name_words = {
            fold(t.text) for s in spans if s.label_ in PERSON_LABELS and len(s) > 1 for t in s
        } - NAME_PARTICLES
        fixed: list[Span] = []
        for span in spans:
            if (
                len(span) == 1
                and span.label_ not in PERSON_LABELS
                and not span[0].is_upper
                and fold(span.text) in name_words
            ):
                span = Span(span.doc, span.start, span.end, label=self.labels["person"])
            fixed.append(span)
        return fixed

    def _model_name_around(self, rule: Span, people: list[Span]) -> bool:
        """A longer model name around a rule's ('Wendy R. Sherman' around 'R. Sherman'), unless
        what it adds are dictionary words, the end of a title ('[Migration] Julieta Noyes')."""
        for name in people:
            if _inside_longer(rule, [name]):
                extra = [t for t in name if not rule.start <= t.i < rule.end]
                if not all(t.text in self.dictionary for t in extra):
                    return True
        return False

    def set_annotations(
        self, doc: Doc, sure: list[Span], titled: list[Span], statistical: list[Span]
    ) -> None:
        """Sure rules first, then titled names, then the model; the longest span wins in a tier."""
        chosen: list[Span] = []
        taken: set[int] = set()
        # A rule's name inside a longer name the model found ('R. Sherman' in 'Wendy R. Sherman')
        # defers to the model; so does a trusted model's gazetteer place ('Telefónica do Brasil').
        people = [s for s in statistical if s.label_ in PERSON_LABELS]
        titled = [t for t in titled if not self._model_name_around(t, people)]
        if self.trust_ner:
            # Gazetteer places and acronym definitions, unlike the organisation lexicon, defer to
            # a trusted model's longer name around them: 'Telefónica do Brasil' — but not at a
            # sentence start, where any word is capitalised ('Viajó de Ciudad de México').
            inner = [m for m in statistical if not (m[0].is_sent_start or _line_start(m[0]))]
            sure = [
                s
                for s in sure
                if s.kb_id_.startswith("org:")
                or s.label_ in PERSON_LABELS
                or not _inside_longer(s, inner)
            ]
        for tier in (sure, titled, statistical):
            for span in filter_spans(tier):
                if not taken.intersection(range(span.start, span.end)):
                    chosen.append(span)
                    taken.update(range(span.start, span.end))
        doc.ents = sorted(chosen, key=lambda s: s.start)
        doc.spans[GENERIC_SPANS] = [s for s in doc.ents if self._generic(s)]


def _inside_longer(span: Span, others: list[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o in others)


@Language.factory("prensa_entities", default_config={"language": "es", "trust_ner": False})
def make_entity_rules(nlp: Language, name: str, language: str, trust_ner: bool) -> EntityRules:
    return EntityRules(nlp, name, language, trust_ner)

"""Token-level helpers of the entity rules: upper-case lines, name shapes, nested spans, and the
model's own dictionary of common words."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, LOWER, SUFFIX
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from prensa.text import fold


class Lines:
    """Where the lines of one document start, for finding a token's line without walking back
    token by token (a transcript's paragraph is one long line)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.starts = doc.to_array(IDX).tolist()  # each token's character offset

    def start_of(self, token: Token) -> int:
        """Offset of the first token of ``token``'s line: the first token after the last line
        break before it (the break is in a space token or in the white space after a token)."""
        newline = self.text.rfind("\n", 0, token.idx)
        return self.starts[bisect.bisect_right(self.starts, newline)] if newline >= 0 else 0


def is_upper_line(span: Span, lines: Lines | None = None) -> bool:
    """True when the line up to the span's end is in capitals: a transcript header such as
    'MARÍA ISLAS MORALES, AUTORIDAD INDÍGENA DE TABASCO: Buenos días'."""
    doc = span.doc
    if lines is None:
        lines = Lines(doc)
    text = lines.text[lines.start_of(doc[span.start]) : span.end_char]
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.9


#: What Mexican releases put after a dateline's place: 'Saltillo, Coahuila.- El Consejo …'.
_DATELINE_DASH = ".-"


def split_dateline_dashes(doc: Doc) -> None:
    """'Coahuila.-' is one token to the stock tokenizer, so no gazetteer name matches it: the
    word and the dash are split apart (in place). Tokens are looked at only when one of the
    document's distinct suffixes ends so: the suffixes are read in C, not token by token."""
    suffixes = doc.to_array(SUFFIX)
    strings = doc.vocab.strings
    dashed = [s for s in numpy.unique(suffixes).tolist() if strings[s].endswith(_DATELINE_DASH)]
    if not dashed:
        return
    where = numpy.flatnonzero(numpy.isin(suffixes, dashed)).tolist()
    glued = [doc[i] for i in where if doc[i].text[:-2].isalpha() and len(doc[i]) > 2]
    if not glued:
        return
    with doc.retokenize() as retokenizer:
        for token in glued:
            head = token.head if token.head.i != token.i else (token, 0)
            retokenizer.split(token, [token.text[:-2], _DATELINE_DASH], heads=[head, (token, 0)])


def tokens_among(doc: Doc, lowered: frozenset[int]) -> list[int]:
    """Positions of the tokens whose lower-case form is one of ``lowered`` (string ids), found
    in C: for rules keyed on a handful of words, in documents of thousands of tokens."""
    if not lowered:
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), list(lowered))).tolist()


def namelike(token: Token) -> bool:
    """A capitalised word, a word in capitals, or an initial ('R.')."""
    if token.is_title or (token.is_upper and token.is_alpha and len(token) > 1):
        return True
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def inside_longer(span: Span, others: list[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o in others)


#: Regular third-person preterite endings (folded) and the infinitives they come from,
#: longest first; 'o' and 'io' count only when written 'ó' ('Habló', not 'Alfonso').
_PRETERITE_ENDINGS = (
    ("ieron", ("er", "ir")),
    ("aron", ("ar",)),
    ("io", ("er", "ir")),
    ("o", ("ar",)),
)


class CommonWords:
    """Is a capitalised word an ordinary noun or adjective? Read from the model's own lemma index.

    Spanish capitalises offices and programmes ("Protección Civil", "Cambio Climático"), which the
    stock model takes for names; a name made only of dictionary nouns and adjectives is not one.
    """

    def __init__(self, nlp: Language, enabled: bool = True) -> None:
        self._spanish = nlp.lang == "es"
        self._index: frozenset[str] = frozenset()
        self._adjectives: frozenset[str] = frozenset()
        self._verbs: frozenset[str] = frozenset()
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
        self._verbs = frozenset(fold(w) for w in table["verb"]) if "verb" in table else frozenset()

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

    def is_present(self, word: str) -> bool:
        """'Recibe', 'Encabeza': a third-person present of a regular dictionary verb, as
        headlines open ('Recibe Salvador Silva el premio'); only trusted at a line's start."""
        if not self._spanish or len(word) < 4:
            return False
        w = fold(word)
        stem, last = w[:-1], w[-1]
        endings = {"a": ("ar",), "e": ("er", "ir")}.get(last, ())
        return any(stem + ending in self._verbs for ending in endings)

    def is_preterite(self, word: str) -> bool:
        """'Habló', 'Asistió', 'Comparecieron': a Spanish third-person preterite of a regular
        dictionary verb. Releases open sentences with one before the name ('Habló Carmen
        Ruiz …'), and no given name or surname ends so."""
        if not self._spanish or len(word) < 4:
            return False
        w = fold(word)
        if word[-1] not in "óÓnN":
            return False
        # Every ending is tried: 'Anunció' is 'anunci-ar', not 'anunc-ir'.
        return any(
            w.endswith(ending) and len(w) - len(ending) > 1 and w[: -len(ending)] + i in self._verbs
            for ending, infinitives in _PRETERITE_ENDINGS
            for i in infinitives
        )

"""Turn a CoNLL-2002/2003 split into spaCy's binary training format, reproducibly.

    python models/ner/prepare.py LANG SPLIT_FILE OUT_DIR

1. The CoNLL file is rewritten as two columns, ``token TAG``, with IOB2 tags (CoNLL-2003 is IOB1),
   documents separated by spaCy's ``-DOCSTART- -X- O O`` line, and the English labels renamed to
   the names the English pipeline already uses (``PER`` -> ``PERSON``), so the trained component
   speaks the same labels as the one it replaces.
2. ``python -m spacy convert -c ner`` turns that file into ``OUT_DIR/<name>.spacy``; Spanish files
   have no document marks, so sentences are grouped ten to a document (``-n 10``).
3. English only: CoNLL does not annotate dates, but prensa reads the English model's ``DATE``
   entities. The stock English NER's ``DATE`` spans that touch no CoNLL entity are added as
   silver annotations, so the trained component keeps finding dates.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from prensa.evaluate.conll import iob1_to_iob2
from prensa.nlp import MODEL_PACKAGES

DOC_DELIMITER = "-DOCSTART- -X- O O"
#: CoNLL label -> label of the trained component, per language.
LABELS: dict[str, dict[str, str]] = {
    "es": {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"},
    "en": {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"},
}
#: Stock-model labels copied as silver annotations where CoNLL has none, per language.
SILVER_LABELS: dict[str, frozenset[str]] = {"es": frozenset(), "en": frozenset({"DATE"})}
SENTENCES_PER_DOC = 10


def _documents(path: Path) -> Iterator[list[list[tuple[str, str]]]]:
    """Documents as lists of sentences of (token, tag); tags are the file's last column."""
    document: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            columns = line.split()
            if columns and columns[0] == "-DOCSTART-":
                if sentence:
                    document.append(sentence)
                if document:
                    yield document
                document, sentence = [], []
            elif columns:
                sentence.append((columns[0], columns[-1]))
            elif sentence:
                document.append(sentence)
                sentence = []
    if sentence:
        document.append(sentence)
    if document:
        yield document


def _relabel(tag: str, labels: dict[str, str]) -> str:
    return tag if tag == "O" else f"{tag[:2]}{labels[tag[2:]]}"


def write_iob(source: Path, target: Path, language: str) -> bool:
    """Write ``source`` as 2-column IOB2; True when it had document marks."""
    labels = LABELS[language]
    documents = list(_documents(source))
    has_docs = len(documents) > 1
    with target.open("w", encoding="utf-8") as out:
        for document in documents:
            if has_docs:
                out.write(f"{DOC_DELIMITER}\n\n")
            for sentence in document:
                tags = iob1_to_iob2([tag for _, tag in sentence])
                for (word, _), tag in zip(sentence, tags, strict=True):
                    out.write(f"{word} {_relabel(tag, labels)}\n")
                out.write("\n")
    return has_docs


def convert(iob: Path, out_dir: Path, has_docs: bool) -> Path:
    """spaCy's own CoNLL NER converter; returns the ``.spacy`` file it wrote."""
    n_sents = "0" if has_docs else str(SENTENCES_PER_DOC)
    subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(iob), str(out_dir), "-c", "ner",
         "-n", n_sents, "-t", "spacy"],
        check=True,
    )
    return out_dir / f"{iob.stem}.spacy"


def add_silver(path: Path, language: str) -> int:
    """Add the stock NER's ``SILVER_LABELS`` spans that overlap no gold entity; count them."""
    wanted = SILVER_LABELS[language]
    if not wanted:
        return 0
    package = MODEL_PACKAGES[language]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        stock = spacy.load(package, enable=["ner"])
    gold_docs = list(DocBin().from_disk(path).get_docs(stock.vocab))
    bare = (
        Doc(stock.vocab, words=[t.text for t in d], sent_starts=[t.is_sent_start for t in d])
        for d in gold_docs
    )
    out = DocBin(store_user_data=False)
    added = 0
    for gold, predicted in zip(gold_docs, stock.pipe(bare), strict=True):
        taken = {i for ent in gold.ents for i in range(ent.start, ent.end)}
        silver = [
            Span(gold, e.start, e.end, label=e.label_)
            for e in predicted.ents
            if e.label_ in wanted and not taken.intersection(range(e.start, e.end))
        ]
        added += len(silver)
        gold.set_ents(sorted([*gold.ents, *silver], key=lambda s: s.start))
        out.add(gold)
    out.to_disk(path)
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=sorted(LABELS))
    parser.add_argument("source", type=Path, help="CoNLL file (3 or 4 columns)")
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    iob = args.out_dir / f"{args.source.name.replace('.', '_')}.iob"
    has_docs = write_iob(args.source, iob, args.language)
    spacy_file = convert(iob, args.out_dir, has_docs)
    added = add_silver(spacy_file, args.language)
    print(f"{spacy_file}: {added} silver entities added")


if __name__ == "__main__":
    main()

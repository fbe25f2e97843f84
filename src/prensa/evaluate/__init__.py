"""Quality measurement: gold-file scoring, CoNLL NER scoring and the quality gate.

Each entry point returns data (reports with ``to_dict()``); printing is the command line's job.
"""

from prensa.evaluate.conll import ConllReport, evaluate_conll, read_conll
from prensa.evaluate.gate import GateResult, check_gate
from prensa.evaluate.gold import GoldDocument, GoldReport, evaluate_gold, load_gold, score_document
from prensa.evaluate.metrics import Counts

__all__ = [
    "ConllReport",
    "Counts",
    "GateResult",
    "GoldDocument",
    "GoldReport",
    "check_gate",
    "evaluate_conll",
    "evaluate_gold",
    "load_gold",
    "read_conll",
    "score_document",
]

"""Scores extracted records against hand-made gold files (``GOLD-FORMAT.md``), field by field.

Every comparison is accent- and case-insensitive (``prensa.text.fold``) and works on whole
words. Each gold item is matched at most once, greedily on how well the pair agrees (exact
text first, then same words, then shorter forms); predictions that match an ``optional_<field>``
entry are neither rewarded nor penalised. Counts are added over documents (micro-average).

Where each part lives:

- ``schema``: the gold file format and ``load_gold``;
- ``vocabulary``: word-level comparison, with the function words, stem length and title-head
  rule of ``models/evaluation/stopwords.yaml``;
- ``matching``: greedy one-to-one matching (``match_items``) and ``FieldScore``;
- ``names`` (people, organisations, places), ``dates``, ``roles``, ``commitments``, ``topics``:
  one scorer per field family, each with its matching rule in its docstring;
- ``report``: ``evaluate_gold``, ``score_document`` and the ``GoldReport`` they build.

Predictions are read duck-typed, so any object with the attributes the scorers read works.
"""

from prensa.evaluate.gold.commitments import action_match, score_commitments
from prensa.evaluate.gold.dates import score_dates
from prensa.evaluate.gold.matching import FieldScore, match_items
from prensa.evaluate.gold.names import score_organizations, score_people, score_places
from prensa.evaluate.gold.report import (
    BASE_FIELDS,
    EXTRA_FIELDS,
    RECALL_ONLY,
    DocScores,
    GoldReport,
    evaluate_gold,
    score_document,
)
from prensa.evaluate.gold.roles import score_roles, title_match
from prensa.evaluate.gold.schema import (
    GoldCommitment,
    GoldDate,
    GoldDocument,
    GoldFormatError,
    GoldOrganization,
    GoldPerson,
    GoldPlace,
    GoldRole,
    GoldSource,
    load_gold,
)
from prensa.evaluate.gold.topics import score_topics
from prensa.evaluate.gold.vocabulary import Vocabulary, name_match, phrase_match, vocabulary, words

__all__ = [
    "BASE_FIELDS",
    "EXTRA_FIELDS",
    "RECALL_ONLY",
    "DocScores",
    "FieldScore",
    "GoldCommitment",
    "GoldDate",
    "GoldDocument",
    "GoldFormatError",
    "GoldOrganization",
    "GoldPerson",
    "GoldPlace",
    "GoldReport",
    "GoldRole",
    "GoldSource",
    "Vocabulary",
    "action_match",
    "evaluate_gold",
    "load_gold",
    "match_items",
    "name_match",
    "phrase_match",
    "score_commitments",
    "score_dates",
    "score_document",
    "score_organizations",
    "score_people",
    "score_places",
    "score_roles",
    "score_topics",
    "title_match",
    "vocabulary",
    "words",
]

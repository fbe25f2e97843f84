"""The bilingual title lexicon (``models/titles.yaml``): loading, matching, normalising.

A title is read as ``[modifiers] head [modifiers] [complement]``: "subsecretaria principal adjunta
para Asuntos del Hemisferio Occidental del Departamento de Estado" has the head "subsecretaria",
two modifiers and a complement that names an organisation. The head is translated through the
lexicon and the complement through the organisation aliases, the gazetteer and the portfolio
phrases, so a Spanish title gets an English form and the other way round. A complement is
translated whole or not at all: when any of it is unknown, the other language's form is None.

Modules: ``schema`` (the data file), ``words`` (keys, tokens, plurals, word classes), ``index``
(phrase matching), ``lookup`` (organisations and places), ``portfolio`` (portfolio phrases),
``parse``, ``complement``, ``reading`` (normalising in both languages), ``case`` (upper-case
headers), ``prefixes`` (what the entity layer derives from the lexicon) and ``aliases`` (the
organisation alias table).
"""

from prensa.titles.aliases import known_organization
from prensa.titles.case import restore_case
from prensa.titles.index import (
    ModifierForm,
    PhraseIndex,
    TitleForm,
    TitleMatcher,
    demonym_country,
    match_conjunction,
    match_copula,
    match_demonym,
    match_honorific,
    match_introducer,
    match_modifier,
    match_preposition,
    match_title,
    title_matcher,
)
from prensa.titles.lookup import (
    find_organization,
    find_place,
    is_organization_head,
    organization_name,
    place_name,
)
from prensa.titles.portfolio import translate_phrase
from prensa.titles.prefixes import name_prefixes, office_nouns, office_words, postnominals
from prensa.titles.reading import NormalizedTitle, normalize
from prensa.titles.schema import (
    Demonym,
    Modifier,
    PerLanguage,
    PlaceOrganization,
    StandingPhrase,
    TitleEntry,
    TitleLexicon,
    lexicon,
)
from prensa.titles.words import (
    and_words,
    articles,
    function_words,
    is_function_word,
    is_possessive,
    is_relation,
    is_setting_word,
    key,
    name_links,
    plural,
    tokenize,
)

__all__ = [
    "Demonym",
    "Modifier",
    "ModifierForm",
    "NormalizedTitle",
    "PerLanguage",
    "PhraseIndex",
    "PlaceOrganization",
    "StandingPhrase",
    "TitleEntry",
    "TitleForm",
    "TitleLexicon",
    "TitleMatcher",
    "and_words",
    "articles",
    "demonym_country",
    "find_organization",
    "find_place",
    "function_words",
    "is_function_word",
    "is_organization_head",
    "is_possessive",
    "is_relation",
    "is_setting_word",
    "key",
    "known_organization",
    "lexicon",
    "match_conjunction",
    "match_copula",
    "match_demonym",
    "match_honorific",
    "match_introducer",
    "match_modifier",
    "match_preposition",
    "match_title",
    "name_links",
    "name_prefixes",
    "normalize",
    "office_nouns",
    "office_words",
    "organization_name",
    "place_name",
    "plural",
    "postnominals",
    "restore_case",
    "title_matcher",
    "tokenize",
    "translate_phrase",
]

"""Date expressions to ISO values: "30 y 31 de enero de 2019", "ayer", "next week".

A span is split into the endpoints of a range or coordination, each endpoint is read word by
word against the lexicon in ``models/dates/lexicon.yaml`` (``lexicon``, ``reading``), and then
valued (``values``): calendar parts (day, month, year) by dateparser, relative parts (ayer, la
semana pasada, el próximo lunes) by explicit calendar arithmetic. Anything that does not read
as a calendar date (durations, ages, "pronto") gives no value.
"""

from prensa.timex.expressions import normalize
from prensa.timex.lexicon import LanguageLexicon, lexicon
from prensa.timex.values import Tense, TimeValue

__all__ = ["LanguageLexicon", "Tense", "TimeValue", "lexicon", "normalize"]

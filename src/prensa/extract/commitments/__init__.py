"""Commitments: who promised to do what, by when, read off the dependency parse.

Three shapes of clause make a commitment (the words are in ``models/commitments.yaml``): a
trigger verb with a verbal complement ("acordaron *fortalecer*"), a commitment or plan noun with
one ("la disposición… de *apoyar*"), and a verb in the future in an asserted clause whose subject
is an agent ("viajará", "will travel"). Past accomplishments, opinions and appeals match none.

The modules, in the order a release goes through them:

- ``lexicon``, ``grammar``: the words and the parse labels the rules test;
- ``triggers`` (with ``clauses``, ``complements`` and ``ceremony``): finding candidate actions,
  without ceremonies and programme descriptions;
- ``actors``, ``scene``, ``subjects``, ``resolver``: who commits, from the linked entity spans;
- ``phrase``: the action phrase and its object;
- ``qualifiers``: deadline, negation and confidence;
- ``build``: the Commitment records.
"""

from prensa.extract.commitments.build import extract

__all__ = ["extract"]

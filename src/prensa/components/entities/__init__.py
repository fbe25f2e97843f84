"""The entity layer: one spaCy component (``prensa_entities``) that runs after ``ner``.

``component`` holds the component; ``names`` and ``bodies`` the rules that find people and
organisations/places; ``repair`` the fixes to the statistical entities; ``plausible`` the
judgements they share; ``merge`` how it all becomes ``doc.ents``; ``context`` the word lists.
"""

from prensa.components.entities.component import EntityRules, make_entity_rules
from prensa.components.entities.context import EntityContext, RuleData

__all__ = ["EntityContext", "EntityRules", "RuleData", "make_entity_rules"]

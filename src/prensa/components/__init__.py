"""prensa's spaCy components. Importing this package registers their factories."""

from prensa.components.entities import EntityRules

__all__ = ["EntityRules"]

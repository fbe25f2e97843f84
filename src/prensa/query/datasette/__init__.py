"""Datasette's view of prensa.sqlite: metadata (metadata.yaml) and the plugin in plugins/."""

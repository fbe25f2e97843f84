"""Extractors: each a plain function from a spaCy Doc to records."""

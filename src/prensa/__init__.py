"""prensa: facts people can query and cite, from government press releases."""

__version__ = "0.1.0"

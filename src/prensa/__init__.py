"""prensa: facts people can query and cite, from government press releases.

The library API (see prensa.api): ``extract_text``, ``extract_file``, ``run`` and ``load``.
"""

from prensa.api import RunSummary, extract_file, extract_text, load, run
from prensa.errors import PrensaError
from prensa.version import __version__

__all__ = [
    "PrensaError",
    "RunSummary",
    "__version__",
    "extract_file",
    "extract_text",
    "load",
    "run",
]

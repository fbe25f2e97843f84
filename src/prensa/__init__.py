"""prensa: facts people can query and cite, from government press releases.

The library API (see prensa.api): ``extract_text``, ``extract_file``, ``run`` and ``load``.
"""

__version__ = "0.1.0"

from prensa.api import RunSummary, extract_file, extract_text, load, run
from prensa.errors import PrensaError

__all__ = [
    "PrensaError",
    "RunSummary",
    "__version__",
    "extract_file",
    "extract_text",
    "load",
    "run",
]

"""prensa's one exception family: the library raises these, only the CLI turns them into exit
codes (``EXIT_CODES``), so a script can tell a partial success from bad usage or a crash."""

from __future__ import annotations

#: What ``prensa`` exits with; the CLI's --help prints this table.
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

EXIT_CODES_HELP = (
    "Exit codes: 0 everything succeeded; 1 some inputs failed (each is a row of errors.csv); "
    "2 bad usage, no input found, or a missing or broken setup (models, data files); "
    "3 an internal error (a bug: please report it with the traceback)."
)


class PrensaError(Exception):
    """Base of every error prensa raises on purpose; its message is meant for a person."""

    exit_code: int = EXIT_USAGE


class UsageError(PrensaError):
    """The caller asked for something that cannot be done (bad option, missing folder)."""


class SetupError(PrensaError):
    """prensa is not installed completely: a spaCy model or a models/ file is missing."""


class ResourceError(SetupError, ValueError):
    """A data file in models/ is missing or does not match its schema."""


class ModelNotInstalledError(SetupError, RuntimeError):
    """The spaCy model for a language is missing: setup was not run."""


class IngestError(PrensaError):
    """A source path or file that cannot be turned into releases."""


class DecodeError(IngestError):
    """Bytes that decode to no plausible text (binary data, NUL-heavy files)."""


class UnsupportedLanguageError(PrensaError):
    """The release is in a language prensa has no pipeline for, or has too little text to tell."""


class ExtractionError(PrensaError):
    """A single release could not be turned into a record; the message says why."""

    exit_code = EXIT_SOME_FAILED


class DataFormatError(PrensaError, ValueError):
    """An evaluation or input data file (gold, CoNLL, floors) does not follow its format."""

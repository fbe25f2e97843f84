"""What every prensa command shares: the error console, and the one place where a PrensaError
becomes its message and its exit code."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import typer
from rich.console import Console

from prensa.errors import PrensaError

T = TypeVar("T")

#: Messages and progress go to stderr, so stdout stays clean for JSON and CSV.
console = Console(stderr=True)


def fail(message: str, code: int) -> typer.Exit:
    """Print ``message`` as an error on stderr; the caller raises the returned exit."""
    console.print(f"[red]error:[/red] {message}")
    return typer.Exit(code=code)


def guarded(call: Callable[[], T]) -> T:
    """Run a library call; a PrensaError becomes its message and its exit code."""
    try:
        return call()
    except PrensaError as exc:
        raise fail(str(exc), code=exc.exit_code) from exc

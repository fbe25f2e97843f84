"""The ``prensa eval`` commands: gold files, CoNLL files, layouts and the quality gate. Each
parses its options, calls prensa.evaluate and prints a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from prensa.errors import EXIT_SOME_FAILED, EXIT_USAGE, PrensaError
from prensa.guard import console, fail

eval_app = typer.Typer(help="Measure extraction quality against gold data.", no_args_is_help=True)


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _counts_table(title: str, rows: dict[str, dict[str, object]]) -> Table:
    table = Table(title=title)
    for column in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, counts in rows.items():
        table.add_row(
            name,
            _figure(counts.get("precision")),  # type: ignore[arg-type]
            _figure(counts.get("recall")),  # type: ignore[arg-type]
            _figure(counts.get("f1")),  # type: ignore[arg-type]
            str(counts.get("tp", "")),
            str(counts.get("fp", "")),
            str(counts.get("fn", "")),
        )
    return table


@eval_app.command("gold", help="Score extraction against gold files (GOLD-FORMAT.md).")
def eval_gold(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold .json files (recursive).")],
    texts: Annotated[
        Path | None,
        typer.Option("--texts", help="Root that gold source.path is relative to [gold parent]."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    from prensa.evaluate import evaluate_gold
    from prensa.pipeline import extract_path

    try:
        report = evaluate_gold(gold_dir, texts, extract_path)
    except (PrensaError, OSError) as exc:
        raise fail(str(exc), code=EXIT_USAGE) from exc
    data = report.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        out = Console()
        out.print(_counts_table(f"{data['n_documents']} documents, overall", data["overall"]))
        for language, rows in data["by_language"].items():
            out.print(_counts_table(language, rows))
        for error in data["errors"]:
            console.print(f"[yellow]failed[/yellow] {error['id']}: {error['error']}")
    if report.errors:
        raise typer.Exit(code=1)


@eval_app.command("conll", help="Score prensa's entity recognition on a CoNLL file.")
def eval_conll(
    file: Annotated[Path, typer.Argument(help="CoNLL-2002/2003 file (3 or 4 columns).")],
    lang: Annotated[str, typer.Option("--lang", help="es or en.")],
    limit: Annotated[int | None, typer.Option(help="Only the first N sentences.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    from prensa.evaluate import evaluate_conll

    if lang not in ("es", "en"):
        raise fail("--lang must be es or en", code=EXIT_USAGE)
    try:
        report = evaluate_conll(file, lang, limit)  # type: ignore[arg-type]
    except (PrensaError, OSError) as exc:
        raise fail(str(exc), code=EXIT_USAGE) from exc
    data = report.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    title = (
        f"{file.name}: {data['n_sentences']} sentences, {data['tokens_per_second']:.0f} tokens/s"
    )
    Console().print(_counts_table(title, data["by_type"]))


@eval_app.command(
    "layout",
    help="Check titles, publication dates, datelines and empty records against the metadata of "
    "a folder of releases with a sources.tsv.",
)
def eval_layout(
    folder: Annotated[Path, typer.Argument(help="Folder of releases with a sources.tsv/.csv.")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    from prensa.evaluate.layout import CHECKS, evaluate_layout
    from prensa.pipeline import extract_path

    try:
        report = evaluate_layout(folder, extract_path)
    except (PrensaError, OSError) as exc:
        raise fail(str(exc), code=EXIT_USAGE) from exc
    data = report.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        scopes = ["overall", *report.languages]
        table = Table(title=f"layout: {data['n_documents']} releases in {folder}")
        table.add_column("check")
        for scope in scopes:
            table.add_column(scope, justify="right")
        figures = data["figures"]
        for check in CHECKS:
            table.add_row(check, *(_figure(figures[f"{scope}.{check}"]) for scope in scopes))
        Console().print(table)
        for error in data["errors"]:
            console.print(f"[yellow]failed[/yellow] {error['id']}: {error['error']}")
    if data["errors"]:
        raise typer.Exit(code=EXIT_SOME_FAILED)


@eval_app.command("gate", help="Check every quality floor; exit 1 when one is broken.")
def eval_gate(
    benchmarks: Annotated[Path, typer.Argument(help="The benchmarks folder.")],
    floors: Annotated[
        Path | None, typer.Option(help="Floors file [models/quality_floors.yaml].")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    from prensa.evaluate import check_gate
    from prensa.pipeline import extract_path
    from prensa.resources import models_dir

    if not benchmarks.is_dir():
        raise fail(f"{benchmarks} is not a folder: the gate cannot run", code=EXIT_USAGE)
    result = check_gate(benchmarks, floors or models_dir() / "quality_floors.yaml", extract_path)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        table = Table(title="quality gate")
        for column in ("data set", "figure", "floor", "measured", ""):
            table.add_column(column)
        for check in result.checks:
            mark = "[green]ok[/green]" if check.passed else "[red]BELOW[/red]"
            table.add_row(
                check.dataset, check.metric, f"{check.floor:.2f}", _figure(check.value), mark
            )
        Console().print(table)
        for violation in result.violations:
            console.print(f"[red]gate:[/red] {violation}")
    if not result.passed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add ``prensa eval`` to the main app."""
    app.add_typer(eval_app, name="eval")

"""The ``prensa`` command. Thin: it parses options, calls the library and prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from prensa import records as records_module
from prensa.ingest.readers import IngestError, iter_sources
from prensa.lexicons import LexiconError
from prensa.nlp import ModelNotInstalledError

EXIT_CODES_HELP = (
    "Exit codes: 0 every release was processed; 1 some inputs failed (see errors.csv); "
    "2 bad usage or no input found."
)

app = typer.Typer(
    help="Turn government press releases (es/en) into facts people can query and cite.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure extraction quality against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

console = Console(stderr=True)


RUN_HELP = "Process releases (files or folders) and write every table to --out."


@app.command(help=f"{RUN_HELP}\n\n{EXIT_CODES_HELP}")
def run(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders of .txt .md .html .json .jsonl releases.")
    ] = [Path("data/raw")],  # noqa: B006 - typer reads the default, it is never mutated
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path(
        "data/processed"
    ),
) -> None:
    from prensa.export.tables import write_tables
    from prensa.pipeline import process_paths
    from prensa.records import DocumentRecord, ErrorRecord

    try:
        sources = iter_sources(paths)
    except IngestError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    if not sources:
        console.print("[red]error:[/red] no .txt, .md, .html, .json or .jsonl files found")
        raise typer.Exit(code=2)

    documents: list[DocumentRecord] = []
    errors: list[ErrorRecord] = []
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    try:
        with progress:
            task = progress.add_task("files", total=len(sources))
            for result in process_paths(sources, on_file=lambda _p: progress.advance(task)):
                (errors if isinstance(result, ErrorRecord) else documents).append(result)  # type: ignore[arg-type]
    except (ModelNotInstalledError, LexiconError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=2) from exc

    counts = write_tables(documents, errors, out)
    summary = Table(title=f"prensa: {len(documents)} documents → {out}", show_header=True)
    summary.add_column("table")
    summary.add_column("rows", justify="right")
    for table, n in counts.items():
        summary.add_row(table, str(n))
    Console().print(summary)
    for error in errors[:10]:
        console.print(f"[yellow]failed[/yellow] {error.source_path} ({error.stage}): {error.error}")
    if len(errors) > 10:
        console.print(f"… and {len(errors) - 10} more in {out / 'errors.csv'}")
    if errors:
        raise typer.Exit(code=1)


@app.command(help="Print one release's full record as JSON.\n\n" + EXIT_CODES_HELP)
def extract(
    file: Annotated[Path, typer.Argument(help="A release file (the first release in it).")],
) -> None:
    from prensa.pipeline import ExtractionError, extract_path

    try:
        record = extract_path(file)
    except (ExtractionError, ModelNotInstalledError, LexiconError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=1) from exc
    typer.echo(record.model_dump_json(indent=2))


@app.command(help="Print the JSON Schema of the records.")
def schema() -> None:
    typer.echo(json.dumps(records_module.json_schema(), indent=2, ensure_ascii=False))


def main() -> None:  # pragma: no cover - console entry point
    app()

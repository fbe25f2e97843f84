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


def _fail(message: str, code: int) -> typer.Exit:
    """Print ``message`` as an error on stderr; the caller raises the returned exit."""
    console.print(f"[red]error:[/red] {message}")
    return typer.Exit(code=code)


RUN_HELP = (
    "Process releases (files or folders) and write every table to --out. Releases finished by an "
    "earlier run into the same folder (its manifest.jsonl) are reused unless --fresh."
)


@app.command(help=f"{RUN_HELP}\n\n{EXIT_CODES_HELP}")
def run(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders of .txt .md .html .json .jsonl releases.")
    ] = [Path("data/raw")],  # noqa: B006 - typer reads the default, it is never mutated
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path(
        "data/processed"
    ),
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh", help="Process every release again, ignoring the manifest of earlier runs."
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option("--workers", "-j", min=1, help="Processes to share the files among."),
    ] = 1,
) -> None:
    from prensa.export.manifest import ManifestWriter, load_manifest
    from prensa.export.tables import write_tables
    from prensa.pipeline import process_paths
    from prensa.records import DocumentRecord, ErrorRecord

    try:
        sources = iter_sources(paths)
    except IngestError as exc:
        raise _fail(str(exc), code=2) from exc
    if not sources:
        raise _fail("no .txt, .md, .html, .json or .jsonl files found", code=2)

    done, stale = ({}, None) if fresh else load_manifest(out)
    if stale:
        console.print(f"[yellow]note:[/yellow] {stale}; every release is processed again")
    elif done:
        console.print(f"{len(done)} releases finished by an earlier run are reused (--fresh: redo)")
    manifest = ManifestWriter(out, keep=done.values())
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

            def advance(_path: Path) -> None:
                progress.advance(task)

            if workers > 1:
                from prensa.parallel import process_paths_parallel

                results = process_paths_parallel(sources, workers, on_file=advance, done=done)
            else:
                results = process_paths(sources, on_file=advance, done=done)
            for result in results:
                if isinstance(result, ErrorRecord):
                    errors.append(result)
                    continue
                documents.append(result)
                if result.doc_id not in done:
                    manifest.add(result)
    except (ModelNotInstalledError, LexiconError) as exc:
        raise _fail(str(exc), code=2) from exc
    finally:
        manifest.close()

    counts = write_tables(documents, errors, out)
    ManifestWriter(out, keep=documents).close()  # only what this run's tables hold
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
        raise _fail(str(exc), code=1) from exc
    typer.echo(record.model_dump_json(indent=2))


@app.command(help="Print the JSON Schema of the records.")
def schema() -> None:
    typer.echo(json.dumps(records_module.json_schema(), indent=2, ensure_ascii=False))


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
    from prensa.evaluate.gold import GoldFormatError
    from prensa.pipeline import extract_path

    try:
        report = evaluate_gold(gold_dir, texts, extract_path)
    except (GoldFormatError, OSError) as exc:
        raise _fail(str(exc), code=2) from exc
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
    from prensa.evaluate.conll import ConllFormatError

    if lang not in ("es", "en"):
        raise _fail("--lang must be es or en", code=2)
    try:
        report = evaluate_conll(file, lang, limit)  # type: ignore[arg-type]
    except (ConllFormatError, OSError) as exc:
        raise _fail(str(exc), code=2) from exc
    data = report.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    title = (
        f"{file.name}: {data['n_sentences']} sentences, {data['tokens_per_second']:.0f} tokens/s"
    )
    Console().print(_counts_table(title, data["by_type"]))


@eval_app.command("gate", help="Check every quality floor; exit 1 when one is broken.")
def eval_gate(
    benchmarks: Annotated[Path, typer.Argument(help="The benchmarks folder.")],
    floors: Annotated[
        Path | None, typer.Option(help="Floors file [models/quality_floors.yaml].")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    from prensa.evaluate import check_gate
    from prensa.lexicons import models_dir
    from prensa.pipeline import extract_path

    if not benchmarks.is_dir():
        raise _fail(f"{benchmarks} is not a folder: the gate cannot run", code=2)
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


@app.command(help="Measure throughput and peak memory on releases (no tables written).")
def benchmark(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of releases.")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    from prensa.benchmark import run_benchmark

    try:
        result = run_benchmark(paths)
    except IngestError as exc:
        raise _fail(str(exc), code=2) from exc
    figures = result.to_dict()
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
        return
    table = Table(title="prensa benchmark")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in figures.items():
        table.add_row(name, str(value))
    Console().print(table)


def main() -> None:  # pragma: no cover - console entry point
    app()

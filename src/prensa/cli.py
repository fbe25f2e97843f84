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
from prensa.errors import (
    EXIT_CODES_HELP,
    EXIT_INTERNAL,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
)
from prensa.guard import console, fail, guarded

app = typer.Typer(
    help="Turn government press releases (es/en) into facts people can query and cite.",
    no_args_is_help=True,
    add_completion=False,
)

ISSUER_COUNTRY_HELP = (
    "ISO 3166 alpha-2 country of the issuer (e.g. CL), instead of the one inferred from the "
    "letterhead, the dateline and sources.tsv."
)


NER_HELP = (
    "NER: stock (the default; licence-clean) or conll (trained on CoNLL data: research use "
    "only, see models/README.md). Same as PRENSA_NER."
)
NerOption = Annotated[str | None, typer.Option("--ner", help=NER_HELP)]


RUN_HELP = (
    "Process releases (files or folders) and write every table to --out. Releases finished by an "
    "earlier run into the same folder (its manifest.jsonl) are reused unless --fresh. One run at "
    "a time writes into a folder (another is refused, or waits with --wait); its tables appear "
    "together when it ends."
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
        int | None,
        typer.Option(
            "--workers",
            "-j",
            min=1,
            help="Processes to share the releases among [all cores]; with --engine dask, the "
            "local cluster's workers.",
            show_default=False,
        ),
    ] = None,
    engine: Annotated[
        str,
        typer.Option("--engine", help="local (this machine) or dask (a Dask distributed cluster)."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://host:8786); without it, a local cluster.",
        ),
    ] = None,
    wait: Annotated[
        float,
        typer.Option("--wait", min=0, help="Seconds to wait for another run into --out to end."),
    ] = 0,
    issuer_country: Annotated[
        str | None, typer.Option("--issuer-country", help=ISSUER_COUNTRY_HELP)
    ] = None,
    ner: NerOption = None,
) -> None:
    from prensa.batch import run as run_batch

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    with progress:
        task = progress.add_task("files", total=None)
        summary = guarded(
            lambda: run_batch(
                paths,
                out,
                workers=workers,
                fresh=fresh,
                engine=engine,
                scheduler=scheduler,
                wait=wait,
                on_start=lambda n: progress.update(task, total=n),
                on_file=lambda _path: progress.advance(task),
                issuer_country=issuer_country,
                ner=ner,
            )
        )
    if summary.note:
        console.print(f"[yellow]note:[/yellow] {summary.note}")
    elif summary.n_reused:
        console.print(
            f"{summary.n_reused} releases finished by an earlier run were reused (--fresh: redo)"
        )
    table = Table(title=f"prensa: {summary.n_documents} documents → {out}", show_header=True)
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in summary.table_counts.items():
        table.add_row(name, str(n))
    Console().print(table)
    for error in summary.errors[:10]:
        console.print(f"[yellow]failed[/yellow] {error.source_path} ({error.stage}): {error.error}")
    if len(summary.errors) > 10:
        console.print(f"… and {len(summary.errors) - 10} more in {out / 'errors.csv'}")
    if summary.errors:
        raise typer.Exit(code=EXIT_SOME_FAILED)


@app.command(help="Print one release's full record as JSON.\n\n" + EXIT_CODES_HELP)
def extract(
    file: Annotated[Path, typer.Argument(help="A release file (the first release in it).")],
    issuer_country: Annotated[
        str | None, typer.Option("--issuer-country", help=ISSUER_COUNTRY_HELP)
    ] = None,
    ner: NerOption = None,
) -> None:
    from prensa.api import extract_file

    record = guarded(lambda: extract_file(file, issuer_country=issuer_country, ner=ner))
    typer.echo(record.model_dump_json(indent=2))


@app.command(help="Print the JSON Schema of the records.")
def schema() -> None:
    typer.echo(json.dumps(records_module.json_schema(), indent=2, ensure_ascii=False))


BENCHMARK_HELP = (
    "Measure speed and memory on releases (no tables kept): raw spaCy nlp.pipe with the stock "
    "models against the full prensa pipeline over the same releases, per language and for long "
    "transcripts apart; optionally 1 against 2 workers on copies of the releases "
    "(--workers-releases) and peak memory as the batch grows (--memory-scales 1,4,16)."
)


@app.command(help=BENCHMARK_HELP)
def benchmark(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of releases.")],
    workers_releases: Annotated[
        int,
        typer.Option(help="Time 1 and 2 workers on copies holding at least this many releases."),
    ] = 0,
    memory_scales: Annotated[
        str, typer.Option(help="Peak memory of runs over these many copies, e.g. 1,4,16.")
    ] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    from prensa.benchmark import run_benchmark

    try:
        scales = [int(s) for s in memory_scales.split(",") if s.strip()]
    except ValueError as exc:
        raise fail("--memory-scales takes whole numbers: 1,4,16", code=EXIT_USAGE) from exc
    result = guarded(
        lambda: run_benchmark(paths, workers_releases=workers_releases, memory_scales=scales)
    )
    figures = result.to_dict()
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
        return
    out = Console()
    out.print(
        f"{figures['machine']}; {figures['documents']} releases, {figures['errors']} errors; "
        f"models loaded in {figures['load_seconds']} s; peak memory {figures['peak_rss_mb']} MB"
    )
    table = Table(title="raw spaCy nlp.pipe (stock models) against prensa, one process")
    for column in ("group", "docs", "raw docs/s", "raw tokens/s", "prensa docs/s"):
        table.add_column(column, justify="left" if column == "group" else "right")
    table.add_column("prensa tokens/s", justify="right")
    table.add_column("prensa / raw", justify="right")
    table.add_column("same, CPU time", justify="right")
    for row in figures["comparisons"]:  # type: ignore[union-attr]
        raw, mine = row["raw_spacy"], row["prensa"]
        table.add_row(
            row["group"],
            str(mine["documents"]),
            f"{raw['documents_per_second']:.2f}",
            f"{raw['tokens_per_second']:.0f}",
            f"{mine['documents_per_second']:.2f}",
            f"{mine['tokens_per_second']:.0f}",
            f"{row['ratio']:.2f}",
            f"{row['cpu_ratio']:.2f}",
        )
    out.print(table)
    for key, title in (("workers", "prensa run: workers"), ("memory", "prensa run: memory")):
        runs = figures[key]
        if not runs:
            continue
        table = Table(title=title)
        for column in ("releases", "workers", "seconds", "releases/s", "peak RSS MB"):
            table.add_column(column, justify="right")
        for run_ in runs:  # type: ignore[union-attr]
            rate = run_["releases"] / run_["seconds"] if run_["seconds"] else 0.0
            table.add_row(
                str(run_["releases"]),
                str(run_["workers"]),
                f"{run_['seconds']:.1f}",
                f"{rate:.2f}",
                f"{run_['peak_rss_mb']:.0f}",
            )
        out.print(table)


from prensa.evaluate.cli import register as _register_eval_commands  # noqa: E402
from prensa.query.cli import register as _register_query_commands  # noqa: E402

_register_eval_commands(app)
_register_query_commands(app)


def main() -> None:
    """Console entry point: an exception no stage expected is a bug, and exits 3, not 1."""
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            console.print("[red]interrupted[/red]")
            raise SystemExit(130) from exc
        console.print_exception()
        console.print(f"[red]internal error:[/red] {type(exc).__name__}: {exc}")
        raise SystemExit(EXIT_INTERNAL) from exc


if __name__ == "__main__":
    main()

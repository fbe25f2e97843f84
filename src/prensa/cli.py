"""The ``prensa`` command. Thin: it parses options, calls the library and prints."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

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
    PrensaError,
)

app = typer.Typer(
    help="Turn government press releases (es/en) into facts people can query and cite.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure extraction quality against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

console = Console(stderr=True)
T = TypeVar("T")


def _fail(message: str, code: int) -> typer.Exit:
    """Print ``message`` as an error on stderr; the caller raises the returned exit."""
    console.print(f"[red]error:[/red] {message}")
    return typer.Exit(code=code)


def _guarded(call: Callable[[], T]) -> T:
    """Run a library call; a PrensaError becomes its message and its exit code (the one place
    where errors meet exit codes)."""
    try:
        return call()
    except PrensaError as exc:
        raise _fail(str(exc), code=exc.exit_code) from exc


ISSUER_COUNTRY_HELP = (
    "ISO 3166 alpha-2 country of the issuer (e.g. CL), instead of the one inferred from the "
    "letterhead, the dateline and sources.tsv."
)


NER_HELP = (
    "NER: stock (the default; licence-clean) or conll (trained on CoNLL data: research use "
    "only, see models/README.md). Same as PRENSA_NER."
)
NerOption = Annotated[str | None, typer.Option("--ner", help=NER_HELP)]


def _use_ner(ner: str | None) -> None:
    """Make ``--ner`` the choice of this process and of its workers (they inherit it)."""
    if ner is not None:
        from prensa import nlp

        os.environ[nlp.NER_ENV] = _guarded(lambda: nlp.ner_choice(ner))


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
        typer.Option(
            "--engine", help="local (this machine) or dask (a Dask distributed cluster)."
        ),
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

    _use_ner(ner)

    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    with progress:
        task = progress.add_task("files", total=None)
        summary = _guarded(
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

    _use_ner(ner)
    record = _guarded(lambda: extract_file(file, issuer_country=issuer_country))
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
    from prensa.pipeline import extract_path

    try:
        report = evaluate_gold(gold_dir, texts, extract_path)
    except (PrensaError, OSError) as exc:
        raise _fail(str(exc), code=EXIT_USAGE) from exc
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
        raise _fail("--lang must be es or en", code=EXIT_USAGE)
    try:
        report = evaluate_conll(file, lang, limit)  # type: ignore[arg-type]
    except (PrensaError, OSError) as exc:
        raise _fail(str(exc), code=EXIT_USAGE) from exc
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
        raise _fail(str(exc), code=EXIT_USAGE) from exc
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
        raise _fail(f"{benchmarks} is not a folder: the gate cannot run", code=EXIT_USAGE)
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
        raise _fail("--memory-scales takes whole numbers: 1,4,16", code=EXIT_USAGE) from exc
    result = _guarded(
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


from prensa.query.cli import register as _register_query_commands  # noqa: E402

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

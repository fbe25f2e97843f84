"""Batches as researchers run them: bad inputs among good ones, several workers or a Dask
cluster, two runs into one folder, a run killed half-way."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest
from typer.testing import CliRunner

from prensa.batch import run
from prensa.cli import app
from prensa.export.publish import OutputBusyError, locked
from prensa.records import ErrorRecord

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
runner = CliRunner()
PRENSA = str(Path(sys.executable).with_name("prensa"))
GOOD = (
    RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt",
    RAW / "en" / "state-2022-05-04-blinken-ebrard-call.txt",
)


def _tables(out: Path) -> dict[str, bytes]:
    """Every published file's bytes (the manifest is a cache, not a table)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(out.iterdir())
        if not p.name.startswith(".") and p.name != "manifest.jsonl"
    }


def _small_inputs(root: Path, spanish: bool = True) -> Path:
    """A few releases in one file each and several in a JSONL file."""
    inputs = root / "in"
    (inputs / "en").mkdir(parents=True)
    for name in ("state-2022-05-04-blinken-ebrard-call.txt", "state-readouts-2025.jsonl"):
        shutil.copy(RAW / "en" / name, inputs / "en")
    if spanish:
        (inputs / "es").mkdir()
        shutil.copy(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt", inputs / "es")
    return inputs


def test_bad_inputs_among_good_ones_are_rows_and_the_good_ones_are_all_kept(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in GOOD:
        shutil.copy(path, inputs)
    with (inputs / "huge.txt").open("wb") as handle:  # 50 MB: a dump, not a release
        line = b"El secretario anuncio un acuerdo con el gobierno de Chile. " * 16 + b"\n"
        for _ in range(50 * 2**20 // len(line) + 1):
            handle.write(line)
    (inputs / "deep.json").write_text("[" + '{"text": ' * 5000 + "1" + "}" * 5000 + "]")
    body = (RAW / "en" / "state-2022-05-04-blinken-ebrard-call.txt").read_text(encoding="utf-8")
    (inputs / "bigint.json").write_text(
        json.dumps({"id": 0, "text": body}).replace('"id": 0', '"id": ' + "9" * 5000)
    )
    (inputs / "surrogate.jsonl").write_text(
        json.dumps({"text": body.replace("Mexico", "Mexico \ud800", 1)}) + "\n"
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 1, result.output
    documents = pd.read_csv(out / "documents.csv")
    sources = {Path(p).name for p in documents["source_path"]}
    assert sources == {p.name for p in GOOD} | {"bigint.json", "surrogate.jsonl"}
    assert not any("\ud800" in text for text in documents["text"])
    errors = pd.read_csv(out / "errors.csv")
    names = errors["source_path"].map(lambda p: Path(p).name)
    reasons = dict(zip(names, errors["error"], strict=True))
    assert set(reasons) == {"huge.txt", "deep.json"}
    assert "MiB" in reasons["huge.txt"] and "nested too deeply" in reasons["deep.json"]


def _run_until_a_release_is_done(inputs: Path, out: Path, *options: str) -> subprocess.Popen[bytes]:
    """A real ``prensa run`` in its own process, returned once its manifest holds a finished
    release (so killing it now interrupts it half-way)."""
    process = subprocess.Popen(
        [PRENSA, "run", str(inputs), "--out", str(out), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if manifest.exists() and len(manifest.read_bytes().splitlines()) >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be interrupted"
    return process


def test_two_files_with_the_same_name_and_text_get_their_own_ids_stable_across_runs(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    shutil.copy(GOOD[0], inputs / "a.txt")
    shutil.copy(GOOD[0], inputs / "sub" / "a.txt")
    first = run([inputs], tmp_path / "one", workers=1)
    assert first.ok and first.n_documents == 2
    ids = pd.read_csv(tmp_path / "one" / "documents.csv")["doc_id"]
    assert ids.nunique() == 2
    moved = tmp_path / "elsewhere" / "in"
    shutil.copytree(inputs, moved)
    run([moved], tmp_path / "two", workers=1)
    assert list(pd.read_csv(tmp_path / "two" / "documents.csv")["doc_id"]) == list(ids)


def test_an_output_folder_inside_the_input_folder_is_never_read_back_as_releases(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(GOOD[0], inputs)
    first = run([inputs], inputs / "processed", workers=1)
    assert first.ok and first.n_files == 1
    again = run([inputs], inputs / "processed", workers=1)
    assert again.ok and again.n_files == 1 and again.n_documents == 1
    result = runner.invoke(app, ["run", str(inputs / "processed"), "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "output folder" in result.output


def test_two_workers_give_byte_identical_tables_to_one(tmp_path: Path) -> None:
    inputs = _small_inputs(tmp_path)
    run([inputs], tmp_path / "one", workers=1)
    run([inputs], tmp_path / "two", workers=2)
    assert _tables(tmp_path / "one") == _tables(tmp_path / "two")


def test_workers_run_the_ner_the_run_asks_for_not_the_one_of_their_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A remote Dask worker does not share the client's environment: the choice travels with
    each job."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(GOOD[1], inputs)  # the two NERs read its names differently
    monkeypatch.delenv("PRENSA_NER", raising=False)
    run([inputs], tmp_path / "conll", workers=1, ner="conll")
    run([inputs], tmp_path / "stock", workers=1)
    monkeypatch.setenv("PRENSA_NER", "stock")  # what the workers' environment says
    run([inputs], tmp_path / "two", workers=2, ner="conll")
    assert _tables(tmp_path / "two") == _tables(tmp_path / "conll")
    assert _tables(tmp_path / "conll") != _tables(tmp_path / "stock")
    header = (tmp_path / "two" / "manifest.jsonl").read_text(encoding="utf-8").split("\n")[0]
    assert json.loads(header)["ner"] == "conll"


def test_a_dask_local_cluster_gives_the_tables_of_the_local_engine(tmp_path: Path) -> None:
    inputs = _small_inputs(tmp_path, spanish=False)  # each worker loads only what it needs
    run([inputs], tmp_path / "local", workers=1)
    summary = run([inputs], tmp_path / "dask", workers=2, engine="dask")
    assert summary.ok
    assert _tables(tmp_path / "local") == _tables(tmp_path / "dask")


def test_a_second_run_into_a_busy_folder_is_refused_and_loses_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([GOOD[0]], out, workers=1)
    before = _tables(out)
    with locked(out):  # a run in progress
        with pytest.raises(OutputBusyError, match="another prensa run"):
            run([GOOD[1]], out, workers=1)
        result = runner.invoke(app, ["run", str(GOOD[1]), "--out", str(out)])
        assert result.exit_code == 2 and "another prensa run" in result.output
        assert _tables(out) == before
    assert run([GOOD[1]], out, workers=1).ok  # once the first ends, the second goes ahead


def test_a_run_killed_at_any_moment_then_run_again_gives_the_tables_of_a_clean_run(
    tmp_path: Path,
) -> None:
    """A real run in another process: a second run into its folder meanwhile is refused; killed
    (-9) half-way, its workers die too, and a re-run gives the tables of a clean run."""
    inputs = _small_inputs(tmp_path)
    clean = tmp_path / "clean"
    run([inputs], clean, workers=1)
    out = tmp_path / "out"
    process = _run_until_a_release_is_done(inputs, out, "-j", "2")
    with pytest.raises(OutputBusyError):
        run([GOOD[1]], out, workers=1)
    workers = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=5)
    assert not alive, "worker processes must die with their parent"

    summary = run([inputs], out, workers=1)
    assert summary.ok
    assert _tables(out) == _tables(clean)
    state = [p.name for p in (out / ".prensa").iterdir()]
    assert len(state) == 2, f"a killed run's leftovers must be cleaned: {state}"
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_an_unwritable_output_folder_is_a_clear_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(app, ["run", str(GOOD[0]), "--out", str(blocker / "out")])
    assert result.exit_code == 2 and "cannot write" in result.output


def test_an_unreadable_file_is_an_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(GOOD[0], inputs)
    secret = inputs / "secret.txt"
    secret.write_text("x")
    read_bytes = Path.read_bytes

    def denied(path: Path) -> bytes:  # as for a file without read permission (tests run as root)
        if path == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", denied)
    summary = run([inputs], tmp_path / "out", workers=1)
    assert summary.n_documents == 1 and "cannot read" in summary.errors[0].error


def test_symlink_loops_and_explicit_unsupported_files_are_error_rows(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(GOOD[0], inputs)
    (inputs / "loop.txt").symlink_to(inputs / "loop.txt")
    (inputs / "sub").mkdir()
    (inputs / "sub" / "up").symlink_to(inputs, target_is_directory=True)
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    summary = run([inputs, pdf], tmp_path / "out", workers=1)
    assert summary.n_documents == 1
    reasons = {Path(e.source_path).name: e.error for e in summary.errors}
    assert set(reasons) == {"loop.txt", "release.pdf"}
    assert "link" in reasons["loop.txt"] and "unsupported" in reasons["release.pdf"]


def test_releases_of_a_worker_that_died_are_error_rows_and_the_rest_go_on() -> None:
    from prensa.engines import stream
    from prensa.ingest.readers import RawDocument

    class Dead:
        def result(self) -> list[object]:
            raise RuntimeError("killed by the system (out of memory)")

    class HalfBroken:
        workers = 1

        def submit(self, raws: tuple[RawDocument, ...]) -> Dead:
            return Dead()

        def close(self) -> None: ...

    raws = (RawDocument("a.jsonl", "jsonl", "uno", 1), RawDocument("a.jsonl", "jsonl", "dos", 2))
    done = ErrorRecord(source_path="b.txt", stage="ingest", error="the file is empty")
    results = list(stream([[done], raws, Path("a.jsonl")], HalfBroken()))
    assert results[0] == done
    assert [(r.source_path, r.stage) for r in results[1:]] == [
        ("a.jsonl#1", "worker"),
        ("a.jsonl#2", "worker"),
    ]
    assert all("out of memory" in r.error for r in results[1:])


def test_the_workers_of_a_dask_local_cluster_die_with_a_killed_run(tmp_path: Path) -> None:
    inputs = _small_inputs(tmp_path)
    out = tmp_path / "out"
    process = _run_until_a_release_is_done(inputs, out, "--engine", "dask", "-j", "2")
    workers = psutil.Process(process.pid).children(recursive=True)
    assert workers, "a local Dask cluster runs its workers in processes of their own"
    process.send_signal(signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, "the cluster's processes must die with the run"

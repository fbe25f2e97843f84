"""In a real browser: Datasette over the database, an annotated release and the report.

Drives Debian's headless Chromium (/usr/bin/chromium, installed by .ci/run) with Playwright;
no browser is downloaded. Screenshots go to $PRENSA_TEST_ARTIFACTS (default: the test's tmp).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright
from typer.testing import CliRunner

from prensa.cli import app

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("PRENSA_TEST_ARTIFACTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(processed_raw: Path) -> Iterator[str]:
    """``prensa serve`` on a free local port, stopped when the tests are done."""
    port = _free_port()
    prensa = Path(sys.executable).with_name("prensa")
    process = subprocess.Popen(
        [str(prensa), "serve", str(processed_raw), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    stderr = process.stderr.read().decode() if process.stderr else ""
                    pytest.fail(f"prensa serve did not start: {stderr[-2000:]}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_search_a_person_see_the_role_and_open_the_release(
    server: str, browser: BrowserContext, artifacts: Path
) -> None:
    page = browser.new_page()
    page.goto(f"{server}/prensa/persons")
    page.fill("input[name=_search]", "velasco")
    page.press("input[name=_search]", "Enter")
    page.wait_for_url("**_search=velasco**")
    assert page.locator("table.rows-and-columns tbody tr").count() == 1
    assert "subsecretario para América del Norte" in page.inner_text("table.rows-and-columns")
    page.screenshot(path=str(artifacts / "datasette-search.png"))

    page.click("table.rows-and-columns a:text-is('Roberto Velasco')")
    page.wait_for_url("**/who_held_which_role**")
    assert "Under Secretary for North America" in page.inner_text("table.rows-and-columns")
    page.locator("td.col-sentence a").first.click()
    page.wait_for_url("**/-/release/doc_*#f-*")
    marks = page.locator("mark.entity")
    assert marks.count() > 3 and "Velasco" in page.inner_text("article")
    assert page.locator(".seg:has(:target)").count() == 1, "the cited sentence is highlighted"
    page.close()


def _chart_marks(page: Page) -> dict[str, int]:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('.js-plotly-plot'))
            .map(d => [d.id, d.querySelectorAll(
                '.point, .bars path, .heatmaplayer image, .scatterlayer path').length]))"""
    )


def test_show_and_report_render_in_the_browser(
    processed_raw: Path, browser: BrowserContext, artifacts: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    show = tmp_path / "show.html"
    release = RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt"
    assert runner.invoke(app, ["show", str(release), "--html", str(show)]).exit_code == 0
    report = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(processed_raw), "--out", str(report)])
    assert result.exit_code == 0, result.output

    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(show.as_uri())
    assert page.locator("mark.entity").count() > 5
    page.screenshot(path=str(artifacts / "prensa-show.png"))

    page.goto(report.as_uri())
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 7")
    marks = _chart_marks(page)
    assert len(marks) == 7 and all(n > 0 for n in marks.values()), marks
    page.screenshot(path=str(artifacts / "prensa-report.png"), full_page=True)
    assert all(u.startswith("file:") for u in requests), "the pages must open offline"
    page.close()


def test_every_table_and_canned_query_opens(server: str) -> None:
    import json

    from prensa.query.serve import load_metadata

    meta = load_metadata()
    pages = [f"/prensa/{table}" for table in meta.tables]
    pages += [f"/prensa/{query}?actor=mexico&name=velasco&days=30" for query in meta.queries]
    for page in pages:
        with urllib.request.urlopen(server + page, timeout=10) as response:
            assert response.status == 200, page
    found = f"{server}/prensa/documents.json?_search=extradicion&_shape=array"
    with urllib.request.urlopen(found, timeout=10) as response:
        rows = json.load(response)
    assert len(rows) == 1 and rows[0]["language"] == "es"

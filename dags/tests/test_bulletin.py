"""The bulletin as its readers get it: the html page in a real browser (Debian's Chromium, driven by
Playwright), and query results exported for Excel (csv with a byte-order mark, xlsx)."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import launcher
import pytest

REPOSITORY = Path(__file__).resolve().parent.parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Where the screenshot of the page is kept for a person to look at (the README's is made the same way).
SCREENSHOTS = Path(os.environ.get("TUOPIN_SCREENSHOTS", REPOSITORY / "data" / "test-screenshots"))


def tuopin(*arguments: str) -> subprocess.CompletedProcess:
    return launcher.run(*arguments, text=False)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """Two generated months, refreshed and published, and the bulletins of the second."""
    work = tmp_path_factory.mktemp("bulletin")
    tuopin("generate", "--out", str(work / "landing"), "--from", "2019-11", "--to", "2019-12")
    tuopin("backfill", "--from", "2019-11", "--to", "2019-12", "--landing", str(work / "landing"), "--data", str(work / "data"))
    tuopin("bulletin", "--period", "2019-12", "--data", str(work / "data"))
    return work / "data"


def open_page(page_file: Path, width: int, height: int):
    """Loads the page in headless Chromium; returns the console errors, page errors and requests
    other than the page itself, with the browser's page for more checks (closed by the caller)."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    # --no-sandbox: the tests may run as root, where Chromium's sandbox cannot start
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": width, "height": height})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    url = page_file.resolve().as_uri()
    page.on("request", lambda r: requests.append(r.url) if r.url != url else None)
    page.goto(url, wait_until="load")
    return playwright, browser, page, problems, requests


def test_the_page_opens_in_chromium_with_no_error_and_no_request(data: Path):
    page_file = data / "bulletins" / "510800-2019-12.html"
    playwright, browser, page, problems, requests = open_page(page_file, 1280, 900)
    try:
        assert problems == []
        assert requests == []
        assert page.title() == "广元市2019年12月战报"
        assert page.locator("svg").count() == 5
        # each chart drew something: JFreeChart's bars, lines and text are SVG elements
        for i in range(5):
            assert page.locator("svg").nth(i).locator("text").count() > 5
        # the charts' text is drawn at the size Java measured it with (12 px, scaled with the chart)
        sizes = page.evaluate("[...document.querySelectorAll('svg text')].map(t => getComputedStyle(t).fontSize)")
        assert set(sizes) <= {"12px", "14px", "18px", "10px"}, set(sizes)
        assert page.locator("table").first.locator("tr").count() > 3 * 5
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / "bulletin-510800-2019-12.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 50_000
    finally:
        browser.close()
        playwright.stop()


def test_on_a_phone_the_page_is_as_wide_as_the_screen(data: Path):
    """A 390-pixel phone: charts shrink to the width; only the wide tables scroll, inside their box."""
    playwright, browser, page, problems, _ = open_page(data / "bulletins" / "510800-2019-12.html", 390, 844)
    try:
        assert problems == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        widths = page.evaluate("[...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().width)")
        assert all(0 < w <= 390 for w in widths), widths
    finally:
        browser.close()
        playwright.stop()


def test_every_city_with_figures_gets_both_files(data: Path):
    names = sorted(p.name for p in (data / "bulletins").iterdir())
    cities = {n.split("-")[0] for n in names}
    assert len(cities) >= 2
    assert names == sorted(f"{c}-2019-12.{ext}" for c in cities for ext in ("html", "xlsx"))


def test_csv_with_a_byte_order_mark_and_xlsx_for_excel(data: Path, tmp_path: Path):
    query = "SELECT region_code, region_name FROM dim_region WHERE region_code IN ('510800', '511900') ORDER BY 1"
    out = tuopin("sql", "--data", str(data), "--format", "csv", "--bom", query).stdout
    assert out.startswith(b"\xef\xbb\xbf")
    assert out[3:].decode("utf-8").split() == ["region_code,region_name", "510800,广元市", "511900,巴中市"]
    workbook = tmp_path / "regions.xlsx"
    tuopin("sql", "--data", str(data), "--format", "xlsx", "--out", str(workbook), query)
    with zipfile.ZipFile(workbook) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode("utf-8")
        # a streamed workbook writes its text inline; a shared-strings table would do as well
        strings = xlsx.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in xlsx.namelist() else ""
    assert all(name in sheet + strings for name in ("广元市", "巴中市", "region_name"))
    assert sheet.count("<row ") == 3


def test_xlsx_without_out_is_a_usage_error(data: Path):
    run = subprocess.run([str(REPOSITORY / "tuopin"), "sql", "--data", str(data), "--format", "xlsx", "SELECT 1"],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "--out" in run.stderr

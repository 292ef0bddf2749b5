"""The bulletin as its readers get it: the html page in a real browser (Debian's Chromium, driven by
Playwright) on a machine without any Chinese font, at a desktop's and a phone's width, and query
results exported for Excel (csv with a byte-order mark, xlsx)."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import subprocess
import zipfile
from pathlib import Path

import launcher
import pytest

REPOSITORY = Path(__file__).resolve().parent.parent.parent
# Where the screenshot of the page is kept for a person to look at (the README's is made the same way).
SCREENSHOTS = Path(os.environ.get("TUOPIN_SCREENSHOTS", REPOSITORY / "data" / "test-screenshots"))


def tuopin(*arguments: str) -> subprocess.CompletedProcess:
    return launcher.run(*arguments, text=False)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """Two generated months of 2021 (with monitoring, and a month before for the league's change),
    refreshed and published, and the bulletins of the second."""
    work = tmp_path_factory.mktemp("bulletin")
    tuopin("generate", "--out", str(work / "landing"), "--from", "2021-11", "--to", "2021-12")
    tuopin("backfill", "--from", "2021-11", "--to", "2021-12", "--landing", str(work / "landing"), "--data", str(work / "data"))
    tuopin("bulletin", "--period", "2021-12", "--data", str(work / "data"))
    return work / "data"


def screenshots():
    """scripts/bulletin-screenshots, which renders a page with Latin fonts only (no Chinese font)."""
    loader = importlib.machinery.SourceFileLoader("bulletin_screenshots", str(REPOSITORY / "scripts" / "bulletin-screenshots"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(module)
    return module


@pytest.mark.parametrize("device, width", [("desktop", 1280), ("phone", 390)])
def test_the_page_renders_the_same_without_a_chinese_font(data: Path, tmp_path: Path, device: str, width: int):
    """Chromium with no Chinese font installed: the page's own font draws every character (each of
    its slices loads), nothing is fetched, no error; on a phone the page is the screen's width and
    chart text stays readable."""
    shots = screenshots()
    page = data / "bulletins" / "510800-2021-12.html"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"bulletin-510800-2021-12-{device}.png"
    facts = shots.shoot(page, shot, width, 1400, shots.latin_only_fonts(tmp_path))
    assert facts["problems"] == []
    assert facts["requests"] == []
    families = {family for family, _ in facts["fonts"]}
    assert families == {"Tuopin Noto Sans SC"}, families
    assert all(status == "loaded" for _, status in facts["fonts"]), facts["fonts"]
    assert len(facts["fonts"]) >= 5
    assert facts["scroll_width"] <= width
    assert all(0 < w <= width for w in facts["svg_widths"]), facts["svg_widths"]
    # chart text is drawn at 11 to 15 px whatever the screen (charts are shown at most at their size)
    heights = facts["chart_font_sizes"]
    assert len(heights) > 50 and min(heights) >= 9, (len(heights), min(heights))
    assert shot.stat().st_size > 50_000


def test_the_page_holds_its_sections_and_no_glyph_path(data: Path):
    html = (data / "bulletins" / "510800-2021-12.html").read_text(encoding="utf-8")
    assert "<h1>广元市2021年12月巩固拓展脱贫攻坚成果战报</h1>" in html
    sections = ("总体情况", "一、重点项目推进情况", "二、大比武排名", "三、报送情况", "四、资金下达与支付", "五、防止返贫动态监测",
                "六、贫困发生率")
    for section in sections:
        assert section in html, section
    assert "<path" not in html and "matrix(" not in html, "chart text drawn as shapes"
    assert html.count("<svg") == html.count("</svg>") >= 8
    assert "<script" not in html


def test_every_city_with_figures_gets_both_files(data: Path):
    names = sorted(p.name for p in (data / "bulletins").iterdir())
    cities = {n.split("-")[0] for n in names}
    assert len(cities) >= 2
    assert names == sorted(f"{c}-2021-12.{ext}" for c in cities for ext in ("html", "xlsx"))


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

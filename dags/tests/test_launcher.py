"""The launcher as a user meets it: output in UTF-8 whatever the locale, --version, and usage
errors that name only what the user typed."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent.parent
LAUNCHER = str(REPOSITORY / "tuopin")
C_LOCALE = {"LANG": "C", "LC_ALL": "C", "TUOPIN_PSEUDONYM_KEY": "test-key-of-the-launcher-tests"}


def tuopin(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    # bytes, not text: the test decodes them as UTF-8 itself, so a '?' written by Java stays a '?'
    return subprocess.run([LAUNCHER, *arguments], capture_output=True, env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("launcher")
    landing, data = work / "landing", work / "data"
    generated = tuopin("generate", "--out", str(landing), "--from", "2019-11", "--to", "2019-11", env=C_LOCALE)
    assert generated.returncode == 0, generated.stderr.decode("utf-8")
    refreshed = tuopin("refresh", "--period", "2019-11", "--landing", str(landing), "--data", str(data), env=C_LOCALE)
    assert refreshed.returncode == 0, refreshed.stderr.decode("utf-8")
    return data


@pytest.mark.parametrize("output_format", ["table", "csv", "json"])
def test_chinese_prints_in_utf8_under_the_c_locale(data, output_format):
    result = tuopin("sql", "SELECT region_name FROM dim_region WHERE region_code='510800'", "--format", output_format,
                    "--data", str(data), env=C_LOCALE)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    out = result.stdout.decode("utf-8")
    assert "广元市" in out
    assert "?" not in out
    if output_format == "json":
        assert [json.loads(line) for line in out.splitlines()] == [{"region_name": "广元市"}]


def test_messages_on_stderr_are_utf8_too(tmp_path):
    folder = tmp_path / "未发布"
    result = tuopin("sql", "SELECT 1", "--data", str(folder), env=C_LOCALE)
    assert result.returncode == 1
    assert str(folder) in result.stderr.decode("utf-8")


def test_version_names_tuopin_spark_duckdb_and_poi():
    result = tuopin("--version")
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    names = [line.split()[0] for line in lines]
    assert names[:4] == ["tuopin", "spark", "duckdb", "poi"]
    versions = dict(line.split(maxsplit=1) for line in lines)
    assert versions["spark"] == "4.2.0"
    assert versions["poi"] == "5.5.1"
    assert versions["duckdb"].startswith("v")


def test_no_command_prints_the_usage_and_exits_2():
    result = tuopin()
    assert result.returncode == 2
    assert "Usage: tuopin" in result.stderr.decode("utf-8")


def test_an_unknown_option_names_only_what_the_user_typed():
    result = tuopin("--bogus")
    assert result.returncode == 2
    message = result.stderr.decode("utf-8")
    assert "Unknown option: '--bogus'" in message
    assert "--conf" not in message.splitlines()[0]
    assert "tuopin.yaml" not in message


def peak_resident_megabytes(*arguments: str, tmpdir: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Runs ./tuopin in a child of its own and returns its result and its peak RSS (MB)."""
    probe = (
        "import json, os, resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(json.dumps({'rc': r.returncode, 'stderr': r.stderr, 'stdout': r.stdout[-2000:],"
        " 'kb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
    )
    done = subprocess.run(["python3", "-c", probe, LAUNCHER, *arguments], capture_output=True, text=True,
                          env={**os.environ, "TMPDIR": str(tmpdir), "TUOPIN_JAVA_OPTS": f"-Djava.io.tmpdir={tmpdir}"})
    report = json.loads(done.stdout)
    return subprocess.CompletedProcess(arguments, report["rc"], report["stdout"], report["stderr"]), report["kb"] / 1024


@pytest.mark.parametrize(
    "query, limit, message",
    [
        # ten billion rows: stopped at the row cap at once
        ("SELECT * FROM range(100000) a, range(100000) b", ["--max-rows", "100000"], "the result has more than 100000 rows"),
        # an aggregate over them: stopped by the memory limit (the spill is 0 MB here)
        ("SELECT count(DISTINCT a.range * b.range) FROM range(30000) a, range(30000) b",
         ["--memory-limit", "200", "--spill-limit", "0"], "the query needs more than 200 MB of memory"),
        # a recursion without end: stopped by the time limit
        ("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
         ["--timeout", "10"], "the query ran longer than 10 s and was stopped"),
    ],
)
def test_a_query_past_a_limit_stops_with_its_message_within_bounded_memory_and_leaves_no_spill(data, tmp_path, query, limit, message):
    result, megabytes = peak_resident_megabytes("sql", query, "--format", "csv", "--data", str(data), *limit, tmpdir=tmp_path)
    assert result.returncode == 1, result.stderr
    assert message in result.stderr, result.stderr
    # the JVM, DuckDB's 2 GB at most, and no result held whole
    assert megabytes < 3000, megabytes
    spill = tmp_path / f"tuopin-{getpass.getuser()}" / "query-spill"
    assert not spill.exists() or not any(spill.iterdir()), list(spill.iterdir())
    assert not (data / "serving" / "tuopin.duckdb.tmp").exists()


def test_the_readmes_region_counts_are_those_of_dim_region(data):
    """One figure for the region list, everywhere: the README's, checked against the published
    dim_region (the official list, without the project's own reporting units)."""
    import re

    import duckdb

    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    match = re.search(r"(\d+) provinces, (\d+) cities, ([\d,]+)\s+counties, ([\d,]+) townships and ([\d,]+) villages", readme)
    assert match, "the README names the region counts"
    said = dict(zip(("province", "city", "county", "township", "village"), (int(g.replace(",", "")) for g in match.groups()),
                    strict=True))
    with duckdb.connect(str(data / "serving" / "tuopin.duckdb"), read_only=True) as db:
        counted = dict(db.execute("SELECT region_level, count(*) FROM dim_region WHERE NOT is_custom GROUP BY 1").fetchall())
    assert said == counted

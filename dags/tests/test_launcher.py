"""The launcher as a user meets it: output in UTF-8 whatever the locale, --version, and usage
errors that name only what the user typed."""

from __future__ import annotations

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

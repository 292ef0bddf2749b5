"""Crash safety, one writer at a time, refusing a missing landing, restricted modes and DuckDB 1.4
readers, through the real launcher on generated months. Every warehouse is read back with the
`duckdb` package at 1.4.0 (the oldest reader Tuopin promises), which also shows every view opens
there."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import duckdb
import launcher
import pytest
from deltalake import DeltaTable

REPOSITORY = Path(__file__).resolve().parent.parent.parent
LAUNCHER = str(REPOSITORY / "tuopin")
KEY = {"TUOPIN_PSEUDONYM_KEY": "test-key-of-the-data-safety-tests"}
FIRST, SECOND = "2019-11", "2019-12"


def tuopin(*arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    return launcher.run(*arguments, check=check, env=KEY)


def refresh(landing: Path, data: Path, period: str, *extra: str, check: bool = True) -> subprocess.CompletedProcess:
    return tuopin("refresh", "--period", period, "--landing", str(landing), "--data", str(data), *extra, check=check)


def published(data: Path) -> Path:
    return data / "serving" / "tuopin.duckdb"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contents(data: Path) -> dict[str, tuple[int, str]]:
    """Per published table and view (runs and settings left out): its row count and an md5 of
    its rows in order, timestamp columns left out, read by DuckDB 1.4."""
    with duckdb.connect(str(published(data)), read_only=True) as db:
        relations = [r[0] for r in db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_name NOT IN"
            " ('setting', 'run_source', 'run_quality', 'v_runs', 'v_data_quality') ORDER BY 1").fetchall()]
        result = {}
        for relation in relations:
            # doubles rounded: their last digit depends on the order DuckDB's threads add them in
            columns = [f'round("{c[0]}", 9)' if c[1] == "DOUBLE" else f'"{c[0]}"' for c in db.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND data_type NOT LIKE 'TIMESTAMP%'"
                " ORDER BY ordinal_position", [relation]).fetchall()]
            rows = db.execute(f"SELECT count(*), md5(coalesce(string_agg(r, '|' ORDER BY r), '')) FROM"
                              f" (SELECT CAST(row({', '.join(columns)}) AS VARCHAR) AS r FROM {relation})").fetchone()
            result[relation] = (rows[0], rows[1])
    assert result["fact_household_snapshot"][0] > 1000 and result["v_poverty_trend"][0] > 10
    return result


def leftovers(data: Path) -> list[str]:
    """What a clean run never leaves: build files, and lake files that neither a table's latest Delta
    version (read here with `deltalake`, not Tuopin's code) nor a kept publish reads."""
    referenced = set()
    for listing in (data / "serving" / "publishes").glob("publish-*.files"):
        referenced.update(line for line in listing.read_text().splitlines() if line)
    found = [p.name for p in (data / "serving").glob(".building-*")]
    for table in (data / "lake").iterdir():
        current = {str(Path(uri.removeprefix("file://")).resolve()) for uri in DeltaTable(str(table)).file_uris()}
        for f in table.rglob("*.parquet"):
            if "_delta_log" not in f.parts and str(f.resolve()) not in current and str(f) not in referenced:
                found.append(str(f.relative_to(data)))
    return found


@pytest.fixture(scope="module")
def landing(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("safety") / "landing"
    tuopin("generate", "--out", str(folder), "--from", FIRST, "--to", SECOND)
    return folder


@pytest.fixture(scope="module")
def clean(landing, tmp_path_factory) -> dict[str, tuple[int, str]]:
    """The warehouse of the two months refreshed one after the other, undisturbed."""
    data = tmp_path_factory.mktemp("clean") / "data"
    refresh(landing, data, FIRST)
    refresh(landing, data, SECOND)
    assert leftovers(data) == []
    return contents(data)


def one_month(landing: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    refresh(landing, data, FIRST)
    return data


def run_until(landing: Path, data: Path, period: str, reached) -> subprocess.Popen:
    """Starts a refresh and returns once `reached(stderr so far)` holds (the process still running)."""
    log = (data.parent / "run.log").open("w")
    process = subprocess.Popen([LAUNCHER, "refresh", "--period", period, "--landing", str(landing), "--data", str(data)],
                               stdout=subprocess.DEVNULL, stderr=log, env={**os.environ, **KEY}, start_new_session=True)
    deadline = time.monotonic() + 300
    while not reached((data.parent / "run.log").read_text()):
        assert process.poll() is None, "the run ended before the point: " + (data.parent / "run.log").read_text()[-2000:]
        assert time.monotonic() < deadline, "the run never reached the point"
        time.sleep(0.05)
    return process


def kill(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def lake_committed(data: Path, period: str):
    """After the first commit of the month's partition of a lake table."""
    added = f'"period":"{period}-01"'
    return lambda log: any(added in commit.read_text() for commit in data.glob("lake/*/_delta_log/*.json"))


# where to kill the second month's refresh: when its stderr (or the lake) shows the point, and how long after
KILL_POINTS = {
    "while reading": (lambda data: lambda log: f"{SECOND}: reading" in log, 2.0),
    "after a lake table is committed": (lambda data: lake_committed(data, SECOND), 0.0),
    "during the publish": (lambda data: lambda log: "» publishing" in log, 1.0),
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_run_killed_at_any_point_leaves_the_publish_whole_and_the_next_run_equals_a_clean_one(landing, clean, tmp_path, point):
    data = one_month(landing, tmp_path)
    before = digest(published(data))
    reached, delay = KILL_POINTS[point]
    process = run_until(landing, data, SECOND, reached(data))
    time.sleep(delay)
    assert process.poll() is None, "the run ended before it could be killed " + point
    kill(process)
    assert digest(published(data)) == before, "the previous publish is untouched"
    assert tuopin("sql", "--data", str(data), "SELECT count(*) FROM v_poverty_trend").returncode == 0
    refresh(landing, data, SECOND)
    assert contents(data) == clean
    assert leftovers(data) == []
    # the run records, oldest first: the killed run is interrupted, never published
    runs = [line.split()[1:3] for line in tuopin("status", "--data", str(data)).stdout.splitlines() if line.startswith("  ")]
    assert runs == [[FIRST, "published"], [SECOND, "interrupted"], [SECOND, "published"]]


def test_two_runs_at_once_one_stops_at_once_naming_the_other_and_the_warehouse_equals_one_run(landing, clean, tmp_path):
    data = one_month(landing, tmp_path)
    first = run_until(landing, data, SECOND, lambda log: f"{SECOND}: reading" in log)
    started = time.monotonic()
    second = refresh(landing, data, SECOND, check=False)
    assert second.returncode == 1
    assert time.monotonic() - started < 60, "the second run stops at once, not after the first"
    assert "another Tuopin run is writing" in second.stderr and f"pid {first.pid}" in second.stderr, second.stderr
    assert f"refresh --period {SECOND}" in second.stderr
    assert first.wait() == 0
    assert contents(data) == clean


@pytest.mark.parametrize("case", ["no such folder", "an empty folder", "a source the month had before"])
def test_a_missing_or_emptied_landing_stops_with_exit_1_and_the_publish_unchanged(landing, tmp_path, case):
    data = one_month(landing, tmp_path)
    before = digest(published(data))
    if case == "no such folder":
        target, expected = tmp_path / "no" / "such", "does not exist"
    elif case == "an empty folder":
        target, expected = tmp_path / "empty", "no landing file of submissions (required every month), registry (required every month)"
        target.mkdir()
    else:
        target = tmp_path / "partial"
        shutil.copytree(landing, target)
        shutil.rmtree(target / "population" / FIRST[:4])
        expected = "no landing file of population (its last published run read"
    result = refresh(target, data, FIRST, check=False)
    assert result.returncode == 1, result.stderr
    assert expected in result.stderr and "--allow-missing" in result.stderr or case == "no such folder" and expected in result.stderr
    assert digest(published(data)) == before
    if case == "a source the month had before":
        assert refresh(target, data, FIRST, "--allow-missing", "population").returncode == 0


def test_restricted_data_is_owner_only_even_when_it_was_not(landing, tmp_path):
    """Folders and files a person made readable to all are owner-only after a refresh, and so are
    the quarantine's data files (one members row with a field too many puts one there)."""
    copy = tmp_path / "landing"
    shutil.copytree(landing, copy)
    members = sorted((copy / "registry" / FIRST).glob("*_家庭成员_*.csv"))[0]
    text = members.read_bytes().decode("utf-8-sig").splitlines()
    text[1] = text[1].replace(",", ",,", 1)
    members.write_bytes(("\n".join(text) + "\n").encode("utf-8"))
    data = tmp_path / "data"
    (data / "restricted" / "quarantine").mkdir(parents=True)
    os.chmod(data / "restricted", 0o755)
    os.chmod(data / "restricted" / "quarantine", 0o777)
    (data / "restricted" / "notes.txt").write_text("x")
    os.chmod(data / "restricted" / "notes.txt", 0o644)
    refresh(copy, data, FIRST)
    modes = {p.relative_to(data): stat.S_IMODE(p.stat().st_mode) for p in [data / "restricted", *(data / "restricted").rglob("*")]}
    assert len(modes) > 4 and any(p.suffix == ".parquet" for p in modes), modes
    assert {p: m for p, m in modes.items() if m != (0o700 if (data / p).is_dir() else 0o600)} == {}


def test_every_view_opens_in_duckdb_1_4_with_the_rows_of_the_writer(landing, tmp_path):
    assert duckdb.__version__.startswith("1.4.")
    data = one_month(landing, tmp_path)
    with duckdb.connect(str(published(data)), read_only=True) as db:
        views = [r[0] for r in db.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall()]
        counts = {v: db.execute(f"SELECT count(*) FROM {v}").fetchone()[0] for v in views}
    assert len(views) >= 17, views
    query = " UNION ALL ".join(f"SELECT '{v}' AS view, count(*) AS n FROM {v}" for v in views) + " ORDER BY view"
    out = tuopin("sql", "--data", str(data), "--format", "csv", query).stdout.split()
    assert out == ["view,n", *(f"{v},{counts[v]}" for v in sorted(views))]
    assert sum(counts.values()) > 10000


NAME, ID_NUMBER = "张三丰", "510824199001011234"


def test_a_persons_name_in_a_landing_files_name_reaches_nothing_outside_restricted(landing, tmp_path):
    """An office names a members file after a person, and one of its rows breaks a rule: the name
    and identity number are in no published table, kept publish, run record, quality report or
    message; the file goes by <source>/<month>/<12 hex digits of its SHA-256>.<extension>, and only
    `validate --show-paths` (the operator asking) prints the real name."""
    copy = tmp_path / "landing"
    shutil.copytree(landing, copy)
    folder = copy / "registry" / FIRST
    members = sorted(folder.glob("*_家庭成员_*.csv"))[0]
    renamed = folder / f"{NAME}_{ID_NUMBER}_家庭成员.csv"
    text = members.read_bytes().decode("utf-8-sig").splitlines()
    text[1] = text[1].replace(",", ",,", 1)  # one row with a field too many: quarantined
    renamed.write_bytes(("\n".join(text) + "\n").encode("utf-8"))
    members.unlink()
    data = tmp_path / "data"
    result = refresh(copy, data, FIRST)
    expected = f"registry/{FIRST}/{hashlib.sha256(renamed.read_bytes()).hexdigest()[:12]}.csv"

    with duckdb.connect(str(published(data)), read_only=True) as db:
        files = {r[0] for r in db.execute("SELECT file_name FROM v_data_quality").fetchall()}
    assert expected in files, files
    said = result.stdout + result.stderr
    for secret in (NAME, ID_NUMBER):
        assert secret not in said, "the refresh's messages"
        for path in data.rglob("*"):
            if path.is_file() and "restricted" not in path.relative_to(data).parts:
                assert secret.encode("utf-8") not in path.read_bytes(), path
    assert expected in said, "the message names the file as it is published"
    # the operator asks for the real names
    shown = tuopin("validate", "--period", FIRST, "--source", "registry", "--landing", str(copy), "--data",
                   str(data), "--show-paths", check=False)
    assert f"{expected}  registry/{FIRST}/{renamed.name}" in shown.stderr, shown.stderr[-2000:]

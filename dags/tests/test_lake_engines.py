"""Other engines read the lake: every lake table read with `deltalake` (delta-rs) and with Polars holds
the rows of the published table of the same name, at the latest version and at the version a kept
publish records (lake_version.<table> in its setting table), after a later month has added new
versions. Nothing here uses Tuopin's code but the launcher."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import launcher
import polars as pl
import pytest
from deltalake import DeltaTable

KEY = {"TUOPIN_PSEUDONYM_KEY": "test-key-of-the-lake-engine-tests"}
FIRST, SECOND = "2021-11", "2021-12"


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """Two months refreshed one after the other: publish 1 holds November, the latest both."""
    work = tmp_path_factory.mktemp("engines")
    launcher.run("generate", "--out", str(work / "landing"), "--from", FIRST, "--to", SECOND, env=KEY)
    for period in (FIRST, SECOND):
        launcher.run("refresh", "--period", period, "--landing", str(work / "landing"), "--data", str(work / "data"), env=KEY)
    return work / "data"


def publishes(data: Path) -> dict[str, Path]:
    kept = sorted((data / "serving" / "publishes").glob("publish-*.duckdb"))
    assert len(kept) == 2
    return {"first": kept[0], "latest": data / "serving" / "tuopin.duckdb"}


def lake_tables(publish: Path) -> dict[str, int]:
    with duckdb.connect(str(publish), read_only=True) as db:
        rows = db.execute("SELECT name, value FROM setting WHERE name LIKE 'lake_version.%'").fetchall()
    return {name.removeprefix("lake_version."): int(value) for name, value in rows}


def differences(publish: Path, table: str, rows) -> tuple[int, int, int]:
    """Rows only the engine read, rows only the publish has, and the publish's row count."""
    with duckdb.connect(str(publish), read_only=True) as db:
        columns = ", ".join(f'"{c}"' for (c,) in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall())
        db.register("engine_rows", rows)
        read = f"(SELECT {columns} FROM engine_rows)"
        published = f"(SELECT {columns} FROM {table})"
        only_read = db.execute(f"SELECT count(*) FROM ({read} EXCEPT ALL {published})").fetchone()[0]
        only_published = db.execute(f"SELECT count(*) FROM ({published} EXCEPT ALL {read})").fetchone()[0]
        total = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return only_read, only_published, total


@pytest.mark.parametrize("which", ["first", "latest"])
def test_deltalake_and_polars_read_what_the_publish_shows_at_its_versions(data, which):
    publish = publishes(data)[which]
    versions = lake_tables(publish)
    assert {"fact_household_snapshot", "fact_progress", "dim_region", "fact_population"} <= versions.keys()
    latest = lake_tables(publishes(data)["latest"])
    if which == "first":
        assert versions["fact_progress"] < latest["fact_progress"], "December wrote a later version"
    for table, version in versions.items():
        location = str(data / "lake" / table)
        from_deltalake = DeltaTable(location, version=version).to_pyarrow_table()
        from_polars = pl.read_delta(location, version=version).to_arrow()
        for engine, rows in (("deltalake", from_deltalake), ("polars", from_polars)):
            only_read, only_published, total = differences(publish, table, rows)
            assert (only_read, only_published) == (0, 0), f"{engine} {table}@{version}"
            if table in ("fact_household_snapshot", "fact_progress", "dim_region"):
                assert total > 0, table


def test_a_partition_filter_and_one_file_read_alone(data):
    """The snapshot of one month by partition filter, and a data file read alone as plain Parquet has
    the partition column too."""
    location = str(data / "lake" / "fact_household_snapshot")
    table = DeltaTable(location)
    assert table.metadata().partition_columns == ["period"]
    december = table.to_pyarrow_table(filters=[("period", "=", dt.date(2021, 12, 1))])
    with duckdb.connect(str(publishes(data)["latest"]), read_only=True) as db:
        expected = db.execute("SELECT count(*) FROM fact_household_snapshot WHERE period = DATE '2021-12-01'").fetchone()[0]
    assert december.num_rows == expected > 1000
    one_file = table.file_uris()[0].removeprefix("file://")
    with duckdb.connect() as db:
        assert "period" in [c for (c, *_) in db.execute(f"DESCRIBE SELECT * FROM read_parquet('{one_file}')").fetchall()]

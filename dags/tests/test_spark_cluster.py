"""The jobs on a real Spark standalone cluster (a master and two workers on loopback, started by
scripts/spark-cluster), submitted with spark-submit, publish the same views as a local[*] run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
LAUNCHER = str(REPOSITORY / "tuopin")
COMPARED = ["v_poverty_trend", "v_progress", "v_progress_league", "v_fund_flow", "dim_household", "dim_region",
            "fact_household_snapshot", "fact_member_snapshot", "fact_allocation", "fact_disbursement"]


@pytest.fixture(scope="module")
def cluster():
    master = subprocess.run([str(REPOSITORY / "scripts" / "spark-cluster"), "start"], check=True, capture_output=True, text=True)
    try:
        yield master.stdout.strip()
    finally:
        subprocess.run([str(REPOSITORY / "scripts" / "spark-cluster"), "stop"], check=False)


def fingerprints(data: Path) -> list[str]:
    """Per compared view or table: its row count and an md5 over its rows in a fixed order."""
    query = " UNION ALL ".join(
        f"SELECT '{name}' AS name, count(*) AS n, md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))) AS rows "
        f"FROM {name} AS t" for name in COMPARED)
    out = subprocess.run([LAUNCHER, "sql", "--data", str(data), "--format", "csv", query + " ORDER BY name"],
                         check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()


def test_cluster_run_publishes_the_same_views_as_a_local_run(cluster, tmp_path):
    import pyspark

    landing = tmp_path / "landing"
    subprocess.run([LAUNCHER, "generate", "--out", str(landing), "--from", "2019-11", "--to", "2019-12"], check=True)
    env = {**os.environ, "TUOPIN_PSEUDONYM_KEY": "the same key for both runs, 0123456789"}
    range_args = ["backfill", "--from", "2019-11", "--to", "2019-12", "--landing", str(landing)]
    spark_submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    subprocess.run([str(spark_submit), "--master", cluster, "--class", "org.tuopin.jobs.Main",
                    "--conf", "spark.driver.extraJavaOptions=-Dlog4j2.configurationFile=classpath:log4j2.properties",
                    str(REPOSITORY / "jobs" / "target" / "tuopin-jobs.jar"), *range_args,
                    "--data", str(tmp_path / "cluster"), "--conf", str(REPOSITORY / "conf" / "tuopin.yaml")],
                   check=True, env=env)
    subprocess.run([LAUNCHER, *range_args, "--data", str(tmp_path / "local"), "--master", "local[*]"], check=True, env=env)

    on_cluster = fingerprints(tmp_path / "cluster")
    assert len(on_cluster) == len(COMPARED) + 1
    assert all(int(line.split(",")[1]) > 0 for line in on_cluster[1:]), on_cluster
    assert on_cluster == fingerprints(tmp_path / "local")

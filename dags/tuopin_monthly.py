"""Tuopin's monthly refresh: wait for the month's files, refresh, publish, summarise, write the bulletins.

Scheduled on the 6th of every month (Asia/Shanghai) for the previous month: counties report by
the 5th. A manual run takes the month as the ``period`` parameter (YYYY-MM). The jobs run either
through the repository's ``./tuopin`` launcher or with ``spark-submit`` against an Airflow Spark
connection: set ``TUOPIN_RUNNER=spark-submit`` (and ``TUOPIN_SPARK_CONN``) in the environment of
the scheduler and workers, never by editing this file.

Airflow parses this file often: its top level only reads environment variables and builds the
task graph. Files are looked at and jobs started inside tasks.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from airflow.sdk import DAG, BaseSensorOperator, Param, task
from airflow.timetables.trigger import CronTriggerTimetable

REPOSITORY = Path(os.environ.get("TUOPIN_HOME", Path(__file__).resolve().parent.parent))
# The command line's defaults too: TUOPIN_DATA, TUOPIN_LANDING, else landing in the data folder.
DATA = os.environ.get("TUOPIN_DATA", str(REPOSITORY / "data"))
LANDING = os.environ.get("TUOPIN_LANDING", str(Path(DATA) / "landing"))
RUNNER = os.environ.get("TUOPIN_RUNNER", "launcher")
SPARK_CONN = os.environ.get("TUOPIN_SPARK_CONN", "spark_default")
START_MONTH = os.environ.get("TUOPIN_START_MONTH", "2019-01")
CATCHUP = os.environ.get("TUOPIN_CATCHUP", "false").lower() == "true"
# The sources without which a month is not worth refreshing; the others may come late.
REQUIRED_SOURCES = ("submissions", "registry")
SOURCES = ("submissions", "registry", "allocations", "disbursements", "villages", "screening", "verifications",
           "population")
WAIT_TIMEOUT = dt.timedelta(seconds=int(os.environ.get("TUOPIN_WAIT_TIMEOUT_SECONDS", str(3 * 24 * 3600))))
WAIT_POKE = dt.timedelta(seconds=int(os.environ.get("TUOPIN_WAIT_POKE_SECONDS", "600")))
GATE_STOPPED = 3

default_args = {
    "owner": "tuopin",
    "retries": 3,
    "retry_delay": dt.timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": dt.timedelta(hours=1),
}


def period_of(logical_date: dt.datetime, requested: str | None) -> str:
    """The month to refresh: the requested one, else the month before the run's logical date."""
    if requested:
        dt.datetime.strptime(requested, "%Y-%m")
        return requested
    first = logical_date.date().replace(day=1)
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


def missing_sources(landing: str, period: str) -> list[str]:
    """The required sources with no file yet in the month's landing folder."""
    missing = []
    for source in REQUIRED_SOURCES:
        folder = Path(landing) / source / period
        if not folder.is_dir() or not any(p.is_file() and not p.name.startswith(".") for p in folder.iterdir()):
            missing.append(source)
    return missing


class LandingSensor(BaseSensorOperator):
    """Waits until every required source has a file for the month (rescheduling between pokes)."""

    template_fields = ("period",)

    def __init__(self, *, period: str, **kwargs):
        super().__init__(**kwargs)
        self.period = period

    def poke(self, context) -> bool:
        missing = missing_sources(LANDING, self.period)
        if missing:
            self.log.info("waiting for %s of %s in %s", ", ".join(missing), self.period, LANDING)
        return not missing


def job_command(*arguments: str) -> list[str]:
    """The launcher command line for a Tuopin job with the configured folders."""
    return [str(REPOSITORY / "tuopin"), *arguments, "--landing", LANDING, "--data", DATA]


def run_job(*arguments: str) -> str:
    """Runs a Tuopin job; a quality-gate stop fails the task for good, anything else may retry."""
    import subprocess

    from airflow.sdk.exceptions import AirflowException, AirflowFailException

    completed = subprocess.run(job_command(*arguments), capture_output=True, text=True, check=False)
    print(completed.stdout)
    print(completed.stderr)
    if completed.returncode == GATE_STOPPED:
        raise AirflowFailException(f"the quality gate stopped {' '.join(arguments)}: {completed.stderr.strip().splitlines()[-1:]}")
    if completed.returncode != 0:
        raise AirflowException(f"tuopin {' '.join(arguments)} exited {completed.returncode}")
    return completed.stdout


with DAG(
    dag_id="tuopin_monthly_refresh",
    description="Refresh and publish Tuopin's warehouse for the previous month",
    schedule=CronTriggerTimetable("0 2 6 * *", timezone="Asia/Shanghai"),
    start_date=dt.datetime.strptime(START_MONTH, "%Y-%m").replace(tzinfo=dt.UTC),
    catchup=CATCHUP,
    max_active_runs=1,
    default_args=default_args,
    params={"period": Param("", type="string", pattern=r"^(\d{4}-(0[1-9]|1[0-2]))?$",
                            description="YYYY-MM to refresh; empty: the month before the run's date")},
    tags=["tuopin"],
) as dag:

    @task(retries=0)
    def month(**context) -> str:
        return period_of(context["logical_date"], context["params"].get("period"))

    @task
    def launcher_job(arguments: list[str], period: str) -> str:
        run_job(*arguments, "--period", period)
        return period

    @task
    def bulletin(period: str) -> None:
        """The month's bulletin of each city (xlsx and html) into <data>/bulletins, from the new publish."""
        print(run_job("bulletin", "--period", period))

    @task(retries=0)
    def summary(period: str) -> None:
        print(run_job("sql", f"SELECT source, rows_read, rows_loaded, rows_quarantined, outcome FROM v_runs "
                             f"WHERE strftime(period, '%Y-%m') = '{period}' ORDER BY started_at DESC, source"))

    def job(task_id: str, period, *arguments: str):
        """A Tuopin job for the month, run by the configured runner."""
        if RUNNER == "spark-submit":
            from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

            operator = SparkSubmitOperator(
                task_id=task_id,
                conn_id=SPARK_CONN,
                application=str(REPOSITORY / "jobs" / "target" / "tuopin-jobs.jar"),
                java_class="org.tuopin.jobs.Main",
                application_args=[*arguments, "--period", "{{ ti.xcom_pull(task_ids='month') }}", "--conf",
                                  str(REPOSITORY / "conf" / "tuopin.yaml"), "--landing", LANDING, "--data", DATA],
            )
            period >> operator
            return operator
        return launcher_job.override(task_id=task_id)(list(arguments), period)

    period = month()
    landed = LandingSensor(task_id="wait_for_landing", period=period, poke_interval=WAIT_POKE, timeout=WAIT_TIMEOUT,
                           mode="reschedule", retries=0)
    validated = [job(f"validate_{source}", period, "validate", "--source", source) for source in SOURCES]
    refreshed = job("refresh", period, "refresh")
    period >> landed >> validated >> refreshed >> [summary(period), bulletin(period)]

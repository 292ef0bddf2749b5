"""Tests of the monthly refresh DAG in real Airflow: structure, schedule, retries, the landing
sensor, and full runs through ``dag.test()`` against the real launcher on generated months."""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parent.parent
REPOSITORY = DAGS.parent
sys.path.insert(0, str(DAGS))


def load_dag(monkeypatch, **environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    import tuopin_monthly

    return importlib.reload(tuopin_monthly)


def test_dagbag_imports_without_errors_or_warnings():
    from airflow.dag_processing.dagbag import DagBag

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bag = DagBag(dag_folder=str(DAGS / "tuopin_monthly.py"))
    assert bag.import_errors == {}
    assert bag.captured_warnings == {}
    assert [str(w.message) for w in caught if "tuopin_monthly" in str(w.filename)] == []
    assert list(bag.dag_ids) == ["tuopin_monthly_refresh"]


VALIDATIONS = ["validate_allocations", "validate_disbursements", "validate_population", "validate_registry", "validate_screening",
               "validate_submissions", "validate_verifications",
               "validate_villages"]


def test_task_graph_waits_then_validates_each_source_in_parallel_then_refreshes(monkeypatch):
    dag = load_dag(monkeypatch).dag
    graph = {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks}
    assert graph == {
        "month": sorted(["bulletin", "refresh", "summary", "wait_for_landing", *VALIDATIONS]),
        "wait_for_landing": VALIDATIONS,
        **{v: ["refresh"] for v in VALIDATIONS},
        "refresh": ["bulletin", "summary"],
        "summary": [],
        "bulletin": [],
    }


def test_spark_submit_runner_is_chosen_by_environment(monkeypatch):
    module = load_dag(monkeypatch, TUOPIN_RUNNER="spark-submit", TUOPIN_SPARK_CONN="tuopin_spark")
    for task_id in ["refresh", *VALIDATIONS]:
        task = module.dag.get_task(task_id)
        assert type(task).__name__ == "SparkSubmitOperator"
        assert task._conn_id == "tuopin_spark"
    assert "--source" in module.dag.get_task("validate_registry").application_args
    assert sorted(module.dag.get_task("refresh").downstream_task_ids) == ["bulletin", "summary"]
    monkeypatch.setenv("TUOPIN_RUNNER", "launcher")
    importlib.reload(module)


def test_schedule_is_the_sixth_of_each_month_without_catch_up(monkeypatch):
    from airflow.timetables.trigger import CronTriggerTimetable

    dag = load_dag(monkeypatch).dag
    assert isinstance(dag.timetable, CronTriggerTimetable)
    assert dag.timetable._expression == "0 2 6 * *"
    assert str(dag.timetable._timezone) in ("Asia/Shanghai", "Timezone('Asia/Shanghai')")
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert load_dag(monkeypatch, TUOPIN_CATCHUP="true", TUOPIN_START_MONTH="2018-01").dag.catchup is True


def test_jobs_retry_with_back_off_and_nothing_else_retries(monkeypatch):
    dag = load_dag(monkeypatch).dag
    refresh = dag.get_task("refresh")
    for task in [refresh, *(dag.get_task(v) for v in VALIDATIONS)]:
        assert task.retries == 3
        assert task.retry_exponential_backoff
        assert task.retry_delay == dt.timedelta(minutes=5)
    assert [dag.get_task(t).retries for t in ("month", "wait_for_landing", "summary")] == [0, 0, 0]


def test_period_parameter_and_previous_month(monkeypatch):
    module = load_dag(monkeypatch)
    assert module.dag.params["period"] == ""
    assert module.period_of(dt.datetime(2020, 1, 6, 2, tzinfo=dt.UTC), "") == "2019-12"
    assert module.period_of(dt.datetime(2020, 3, 6, 2, tzinfo=dt.UTC), None) == "2020-02"
    assert module.period_of(dt.datetime(2020, 3, 6, 2, tzinfo=dt.UTC), "2019-07") == "2019-07"
    with pytest.raises(ValueError):
        module.period_of(dt.datetime(2020, 3, 6, tzinfo=dt.UTC), "2019-13")


def test_sensor_waits_for_the_required_sources(monkeypatch, tmp_path):
    module = load_dag(monkeypatch)
    assert module.missing_sources(str(tmp_path), "2019-12") == ["submissions", "registry"]
    (tmp_path / "submissions" / "2019-12").mkdir(parents=True)
    (tmp_path / "submissions" / "2019-12" / "a.csv").write_text("x\n")
    assert module.missing_sources(str(tmp_path), "2019-12") == ["registry"]
    (tmp_path / "registry" / "2019-12").mkdir(parents=True)
    (tmp_path / "registry" / "2019-12" / ".partial").write_text("x\n")
    assert module.missing_sources(str(tmp_path), "2019-12") == ["registry"]
    (tmp_path / "registry" / "2019-12" / "h.csv").write_text("x\n")
    assert module.missing_sources(str(tmp_path), "2019-12") == []


def run_dag(monkeypatch, tmp_path, period, **environment):
    """One real DAG run through dag.test(); returns each task's final state."""
    module = load_dag(monkeypatch, TUOPIN_LANDING=str(tmp_path / "landing"), TUOPIN_DATA=str(tmp_path / "data"), **environment)
    run = module.dag.test(logical_date=dt.datetime(2020, 2, 6, 2, tzinfo=dt.UTC), run_conf={"period": period})
    return {ti.task_id: str(ti.state) for ti in run.get_task_instances()}, {ti.task_id: ti.try_number for ti in run.get_task_instances()}


def test_sensor_times_out_and_fails_the_run(monkeypatch, tmp_path):
    states, _ = run_dag(monkeypatch, tmp_path, "2019-12", TUOPIN_WAIT_TIMEOUT_SECONDS="3", TUOPIN_WAIT_POKE_SECONDS="1")
    assert states["wait_for_landing"] == "failed"
    assert states["refresh"] == "upstream_failed"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    landing = tmp_path_factory.mktemp("generated") / "landing"
    subprocess.run([str(REPOSITORY / "tuopin"), "generate", "--out", str(landing), "--from", "2019-11", "--to", "2019-12"], check=True)
    return landing


def test_two_consecutive_months_refresh_and_publish_through_the_dag(monkeypatch, tmp_path, generated):
    (tmp_path / "landing").symlink_to(generated)
    assert run_dag(monkeypatch, tmp_path, "2019-11")[0]["summary"] == "success"
    states = run_dag(monkeypatch, tmp_path, "2019-12")[0]
    assert states["summary"] == "success" and states["bulletin"] == "success"
    # the sample data's cities (广元市, 巴中市...) each get the month's bulletin, both files
    written = sorted(p.name for p in (tmp_path / "data" / "bulletins").iterdir())
    assert "510800-2019-12.xlsx" in written and "510800-2019-12.html" in written
    assert len(written) >= 4 and len(written) % 2 == 0
    out = subprocess.run([str(REPOSITORY / "tuopin"), "sql", "--data", str(tmp_path / "data"), "--format", "csv",
                          "SELECT strftime(period, '%Y-%m') AS p, count(*) AS sources FROM v_runs"
                          " WHERE outcome = 'published' GROUP BY p ORDER BY p"],
                         check=True, capture_output=True, text=True).stdout
    # a run row per source, those without files that month (screening, verifications before 2021) included
    assert out.split() == ["p,sources", "2019-11,8", "2019-12,8"]


def test_a_quality_gate_stop_fails_the_run_without_retrying(monkeypatch, tmp_path, generated):
    landing = tmp_path / "landing"
    for source in ("submissions", "registry"):
        (landing / source / "2019-12").mkdir(parents=True)
    (landing / "submissions" / "2019-12" / "bad.csv").write_text(
        "period,region_code,indicator_code,unit,annual_target,cumulative_completed,reported_at\n"
        + "".join(f"2019-12,990199,relocation,人,10,{i},2020-01-03\n" for i in range(20)))
    for f in (generated / "registry" / "2019-12").iterdir():
        (landing / "registry" / "2019-12" / f.name).write_bytes(f.read_bytes())
    states, tries = run_dag(monkeypatch, tmp_path, "2019-12")
    assert states["validate_submissions"] == "failed"
    assert tries["validate_submissions"] == 1
    assert states["validate_registry"] == "success"
    assert states["refresh"] == "upstream_failed"
    assert states["summary"] == "upstream_failed"
    assert states["bulletin"] == "upstream_failed"
    assert not (tmp_path / "data" / "serving" / "tuopin.duckdb").exists()

"""./tuopin serve as remote clients reach it: Python's ADBC Flight SQL driver (adbc-driver-flightsql,
what pandas, polars and Superset use) over TLS with a certificate made here, on a generated month
refreshed through the launcher. Expected rows come from the published file read directly with the
duckdb package (1.4.0), and the suppression rule applied here."""

from __future__ import annotations

import datetime
import ipaddress
import re
import subprocess
from pathlib import Path

import adbc_driver_flightsql.dbapi as flight_sql
import duckdb
import launcher
import pytest
from adbc_driver_flightsql import DatabaseOptions
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from disclosure import cells_of, rate_attack, recover

PERIOD = "2021-12"
COUNTY = "510824"  # 苍溪县, of 广元市 (510800)
PASSWORD = "a password for the tests"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1, and its PKCS#8 key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A generated month, published; an analyst of 苍溪县 and an auditor of 广元市; the server on TLS."""
    work = tmp_path_factory.mktemp("flight")
    data = work / "data"
    launcher.run("generate", "--out", str(work / "landing"), "--from", PERIOD, "--to", PERIOD)
    launcher.run("refresh", "--period", PERIOD, "--landing", str(work / "landing"), "--data", str(data))
    for name, scope, role in (("cangxi", COUNTY, "analyst"), ("guangyuan", "510800", "analyst"),
                              ("guangyuan-audit", "510800", "auditor"), ("flooded", COUNTY, "analyst")):
        added = subprocess.run(
            [launcher.LAUNCHER, "users", "add", name, "--scope", scope, "--role", role, "--password-stdin", "--data", str(data)],
            input=PASSWORD + "\n", capture_output=True, text=True,
        )
        assert added.returncode == 0, added.stderr
    cert, key = make_certificate(work)
    process = subprocess.Popen(
        [launcher.LAUNCHER, "serve", "--data", str(data), "--port", "0", "--tls-cert", str(cert), "--tls-key", str(key)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"grpc\+tls://[^:]+:(\d+)", line)
        assert match, line + process.stderr.read() if process.poll() is not None else line
        yield {"port": int(match.group(1)), "cert": cert.read_text(), "data": data, "pid": process.pid}
    finally:
        process.terminate()
        process.wait(timeout=30)


def connect(server: dict, user: str, password: str = PASSWORD):
    return flight_sql.connect(
        f"grpc+tls://localhost:{server['port']}",
        db_kwargs={"username": user, "password": password, DatabaseOptions.TLS_ROOT_CERTS.value: server["cert"]},
        autocommit=True,  # the server only reads: there are no transactions to manage
    )


def fetch(server: dict, user: str, sql: str) -> list[tuple]:
    with connect(server, user) as connection, connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def from_file(server: dict, sql: str) -> list[tuple]:
    with duckdb.connect(str(server["data"] / "serving" / "tuopin.duckdb"), read_only=True) as db:
        return db.execute(sql).fetchall()


def dicts(server: dict, user: str | None, sql: str) -> list[dict]:
    """Rows as dicts, through the server as `user`, or from the file itself (user None)."""
    if user is None:
        with duckdb.connect(str(server["data"] / "serving" / "tuopin.duckdb"), read_only=True) as db:
            result = db.execute(sql)
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    with connect(server, user) as connection, connection.cursor() as cursor:
        cursor.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


TREND = ["poor_households", "poor_persons", "exited_households", "exited_persons", "returned_households",
         "returned_persons", "returned_in_year_households", "newly_poor_in_year_households"]
MONITORING = ["monitored_households", "monitored_persons", "unstable_households", "edge_households",
              "hardship_households", "newly_monitored_households", "eliminated_households", "at_risk_households",
              "at_risk_persons", "exited_households", "exited_monitored_households"]


def relations(server: dict, user: str | None, scope: str) -> dict[str, list[dict]]:
    """What an analyst of `scope` sees of the relations with counts (or the file's rows of the scope)."""
    in_scope = f"SELECT region_code FROM dim_region WHERE '{scope}' IN (region_code, county_code, city_code, province_code)"
    where = "" if user else f" WHERE region_code IN ({in_scope})"
    where_village = where.replace("WHERE region_code", "WHERE village_code")
    where_county = where.replace("WHERE region_code", "WHERE county_code")
    return {
        "trend": dicts(server, user, "SELECT * FROM v_poverty_trend" + where),
        "monitoring": dicts(server, user, "SELECT * FROM v_monitoring" + where),
        "villages": dicts(server, user, "SELECT * FROM v_village_exit_check" + where_village),
        "counties": dicts(server, user, "SELECT * FROM v_county_exit_check" + where_county),
        "population": dicts(server, user, "SELECT * FROM fact_population" + where),
        "regions": dicts(server, user, "SELECT region_code, parent_code FROM dim_region" + where),
    }


def attack(seen: dict[str, list[dict]]) -> dict:
    """Everything the rate attack and differencing work out of what a user sees."""
    population = {(p["region_code"], p["year"]): p["rural_population"] for p in seen["population"]}
    cells = {}
    for part in (cells_of(seen["trend"], "region_code", TREND), cells_of(seen["monitoring"], "region_code", MONITORING),
                 cells_of(seen["villages"], "village_code", ["poor_persons"])):
        for key, value in part.items():
            if cells.get(key) is None:
                cells[key] = value
    found = recover(cells, {r["region_code"]: r["parent_code"] for r in seen["regions"]})
    found.update(rate_attack(seen["trend"], "region_code", "incidence_rate", ["poor_persons"], lambda r: r["rural_population"]))
    found.update(rate_attack(seen["monitoring"], "region_code", "exited_monitored_rate", ["exited_monitored_households"],
                             lambda r: r["exited_households"]))
    found.update(rate_attack(seen["villages"], "village_code", "incidence_rate", ["poor_persons"], lambda r: r["rural_population"]))
    counties = [{**r, "poor_persons": None} for r in seen["counties"]]
    found.update(rate_attack(counties, "county_code", "incidence_rate", ["poor_persons"],
                             lambda r: population.get((r["county_code"], r["year"]))))
    return {k: v for k, v in found.items() if cells.get(k) is None}


def truth(seen: dict[str, list[dict]]) -> dict:
    cells = {}
    cells.update(cells_of(seen["trend"], "region_code", TREND))
    cells.update(cells_of(seen["monitoring"], "region_code", MONITORING))
    cells.update(cells_of(seen["villages"], "village_code", ["poor_persons"]))
    return cells


def primary_only(seen: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The earlier server's rule on the file's rows: village counts under 5 NULL, the village's
    incidence with its persons, nothing else."""
    small = lambda value: value is not None and value < 5  # noqa: E731
    hidden = {k: list(v) for k, v in seen.items()}
    for name, counts in (("trend", TREND), ("monitoring", MONITORING)):
        hidden[name] = [
            {**r, **{c: None for c in counts if small(r[c])},
             **({"incidence_rate": None} if "incidence_rate" in r and small(r["poor_persons"]) else {})}
            if r["region_level"] == "village" else r
            for r in seen[name]
        ]
    hidden["villages"] = [{**r, "poor_persons": None, "incidence_rate": None} if small(r["poor_persons"]) else r
                          for r in seen["villages"]]
    return hidden


@pytest.mark.parametrize("user, scope", [("guangyuan", "510800"), ("cangxi", COUNTY)])
def test_no_suppressed_count_can_be_worked_out_by_rates_or_differencing(server, user, scope):
    served = relations(server, user, scope)
    actual = truth(relations(server, None, scope))
    # what the analyst sees is the file where it is not NULL, and every small village count is NULL
    visible = truth(served)
    assert visible.keys() == actual.keys()
    assert all(v is None or v == actual[k] for k, v in visible.items())
    villages = {r["region_code"] for r in served["trend"] if r["region_level"] == "village"}
    assert all(visible[k] is None for k, v in actual.items() if k[1] in villages and v < 5)
    suppressed = [k for k, v in visible.items() if v is None]
    assert len(suppressed) > 100, "the sample has small counts to protect"
    leaks = {k: v for k, v in attack(served).items() if v == actual[k]}
    assert leaks == {}, f"{len(leaks)} suppressed counts worked out, e.g. {sorted(leaks.items())[:5]}"
    # the same attacker against the earlier rule (small village counts only): it works there
    earlier = {k: v for k, v in attack(primary_only(relations(server, None, scope))).items() if v == actual[k]}
    assert earlier, "the attacker finds nothing even under the earlier rule: it would prove nothing"
    print(f"{user}: {len(suppressed)} of {len(visible)} counts suppressed, none worked out; "
          f"the earlier rule gave {len(earlier)} away to the same attacker")


def test_household_rows_are_for_auditors_within_their_scope_only(server):
    with pytest.raises(Exception, match="no table or view fact_household_snapshot is served"):
        fetch(server, "cangxi", "SELECT count(*) FROM fact_household_snapshot")
    served = fetch(server, "guangyuan-audit", "SELECT county_code, count(*) FROM fact_household_snapshot GROUP BY 1 ORDER BY 1")
    direct = from_file(
        server,
        "SELECT county_code, count(*) FROM fact_household_snapshot WHERE county_code LIKE '5108%' GROUP BY 1 ORDER BY 1",
    )
    assert served == direct and len(served) >= 5
    everywhere = from_file(server, "SELECT count(DISTINCT county_code) FROM fact_household_snapshot")[0][0]
    assert everywhere > len(served), "the sample has counties outside 广元市"


def test_a_wrong_password_and_a_write_are_refused(server):
    with pytest.raises(Exception, match="wrong user name or password"):
        connect(server, "cangxi", "not the password").close()
    for statement in ("CREATE TABLE t AS SELECT 1", "SELECT * FROM read_csv('/etc/passwd')", "SELECT 1; SELECT 2"):
        with pytest.raises(Exception, match="only one SELECT is accepted|refused: "):
            fetch(server, "cangxi", statement)


def resident_megabytes(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def test_a_flood_of_wrong_passwords_is_slowed_down_within_bounded_memory(server):
    """150 wrong passwords at once, then 20 s of one client retrying: few are hashed (the others
    are refused unhashed, locked out), and the server's memory barely moves. Last in this module:
    it locks the tests' own address out for a while."""
    import concurrent.futures
    import math
    import time

    before = resident_megabytes(server["pid"])

    def attempt(_):
        try:
            connect(server, "flooded", "not the password").close()
            return "accepted"
        except Exception as e:  # the outcome is what is counted
            text = str(e)
            return "hashed" if "wrong user name or password" in text else "locked" if "too many failed" in text else text

    def doublings(seconds: float) -> int:
        """Failures a lock-out that doubles from 1 s lets through in this time."""
        return math.ceil(math.log2(seconds + 1)) + 1

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(150) as pool:
        results = list(pool.map(attempt, range(150)))
    flood_seconds = time.monotonic() - started
    assert results.count("hashed") + results.count("locked") == 150, set(results)
    # the 5 failures allowed (conf serve.signInFailuresAllowed), one hashed beside the last of them
    # (2 at once), then one per lock-out as it doubles
    assert results.count("hashed") <= 5 + 1 + doublings(flood_seconds), (results.count("hashed"), flood_seconds)
    peak = resident_megabytes(server["pid"])
    # one client retrying as fast as it can for 20 s: a handful of tries are hashed
    started, hashed, tries = time.monotonic(), 0, 0
    while time.monotonic() - started < 20:
        hashed += attempt(None) == "hashed"
        tries += 1
    assert hashed <= doublings(20 + flood_seconds), hashed
    print(f"flood: {results.count('hashed')} of 150 hashed in {flood_seconds:.1f} s; RSS {before:.0f} -> {peak:.0f} MB;"
          f" then {hashed} of {tries} retries hashed in 20 s")
    assert peak - before < 300, (before, peak)

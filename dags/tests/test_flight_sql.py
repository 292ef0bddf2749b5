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
    for name, scope, role in (("cangxi", COUNTY, "analyst"), ("guangyuan-audit", "510800", "auditor")):
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
        yield {"port": int(match.group(1)), "cert": cert.read_text(), "data": data}
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


def test_an_analyst_of_one_county_gets_exactly_its_rows_with_small_village_counts_suppressed(server):
    columns = "region_code, region_level, poor_households, exited_households, poor_persons, incidence_rate"
    served = fetch(server, "cangxi", f"SELECT {columns} FROM v_poverty_trend ORDER BY region_code")
    direct = from_file(server, f"SELECT {columns} FROM v_poverty_trend WHERE region_code LIKE '{COUNTY}%' ORDER BY region_code")

    def suppressed(row):
        code, level, poor, exited, persons, rate = row
        if level != "village":
            return row
        small = lambda n: None if n is not None and n < 5 else n  # noqa: E731
        return (code, level, small(poor), small(exited), small(persons), None if persons is not None and persons < 5 else rate)

    assert served == [suppressed(r) for r in direct]
    levels = {r[1] for r in served}
    assert levels == {"county", "township", "village"}
    assert any(r[2] is None for r in served), "some village has fewer than 5 poor households"
    assert any(r[3] is not None and r[1] == "village" for r in served), "and some has 5 exited or more"
    assert not any(r[0].startswith("510800") or not r[0].startswith(COUNTY) for r in served)


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

"""The shortened `make loadtest` and `make faulttest` (scripts/loadtest.py, faulttest.py).

Both start the production set-up of scripts/opstelling.py: two gunicorn masters with the
production settings on PostgreSQL. They run in the PostgreSQL pass of CI only: the load test
makes its database on the run's PostgreSQL server, the fault test starts a throw-away
cluster of its own with initdb (never the shared server). On SQLite they are skipped.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[3]
DATABASE_URL = os.environ.get("DATABASE_URL", "")

pytestmark = [
    pytest.mark.belasting,
    pytest.mark.skipif(
        not DATABASE_URL.startswith(("postgres://", "postgresql://")),
        reason="load and fault tests run in the PostgreSQL pass (DATABASE_URL=postgres://...)",
    ),
]


def _draai(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "scripts" / script), *args],
        cwd=BASE_DIR,
        env={**os.environ, "LOADTEST_DATABASE_URL": DATABASE_URL},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    uitvoer = result.stdout + result.stderr
    assert result.returncode == 0, f"{script} failed ({result.returncode}):\n{uitvoer[-6000:]}"
    return uitvoer


def test_a_short_load_on_two_app_servers_gives_no_server_error_and_loses_no_report():
    uitvoer = _draai(
        "loadtest.py",
        *("--users", "20", "--seconds", "10", "--workers", "2"),
        *("--think-min", "0.2", "--think-max", "0.8", "--report-share", "1"),
        *("--p95-ms", "8000"),  # a shared CI machine: the latency target is make loadtest's
    )
    assert "PASS" in uitvoer


def test_killed_workers_and_a_database_restart_lose_no_report():
    uitvoer = _draai("faulttest.py", "--short")
    assert "PASS" in uitvoer

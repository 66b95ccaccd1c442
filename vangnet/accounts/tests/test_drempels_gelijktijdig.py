"""Checking and counting is one atomic step that holds across processes: attempts that
arrive together cannot all slip through the last free one.

Several Python processes, each with several threads and each thread with its own database
connection, all released at the same moment against one real database: the test database
on PostgreSQL, or a freshly migrated SQLite file with the production options (WAL,
IMMEDIATE transactions) when the run uses SQLite (an in-memory database cannot be shared
between processes).
"""

import json
import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest

from vangnet.accounts.drempels import Drempel, Stroom

pytestmark = pytest.mark.django_db(transaction=True)

PROCESSEN = 3
THREADS = 8
BASE_DIR = Path(settings.BASE_DIR)
LANG = timedelta(hours=1)  # no wait ends during the test, however slow the machine


def drempel(soort: str, vrij: int) -> Drempel:
    return Drempel(soort, vrij, LANG, LANG, LANG)


def _kind(regel: str, soort: str, aantal: int, threads: int, start: float) -> None:
    """In a child process: ``threads`` attempts at once from ``start`` on; prints the answers."""
    from django.db import connection as eigen

    beperking = drempel(soort, aantal) if regel == "drempel" else Stroom(soort, aantal, LANG)
    uitkomsten: list[bool] = []
    slot = threading.Lock()

    def een() -> None:
        eigen.ensure_connection()
        time.sleep(max(0.0, start - time.time()))
        toegelaten = beperking.probeer("emmer-abc").toegelaten
        with slot:
            uitkomsten.append(toegelaten)
        eigen.close()

    alle = [threading.Thread(target=een) for _ in range(threads)]
    for thread in alle:
        thread.start()
    for thread in alle:
        thread.join()
    print(json.dumps(uitkomsten))


def _database_url(tmp_path: Path) -> str:
    if connection.vendor == "sqlite":
        url = f"sqlite:///{tmp_path / 'gelijktijdig.sqlite3'}"
        subprocess.run(  # noqa: S603 - manage.py of this project
            [sys.executable, "manage.py", "migrate", "-v0"],
            cwd=BASE_DIR,
            env={**os.environ, "DATABASE_URL": url},
            check=True,
        )
        return url
    instellingen = connection.settings_dict
    return (
        f"postgres://{instellingen['USER']}@{instellingen['HOST']}:{instellingen['PORT']}"
        f"/{instellingen['NAME']}"
    )


def tegelijk(tmp_path: Path, regel: str, soort: str, aantal: int) -> list[bool]:
    """PROCESSEN x THREADS attempts at the same moment; every answer."""
    url = _database_url(tmp_path)
    start = time.time() + 4  # every child has imported Django and connected by then
    code = (
        "import django; django.setup();"
        "from vangnet.accounts.tests.test_drempels_gelijktijdig import _kind;"
        f"_kind({regel!r}, {soort!r}, {aantal}, {THREADS}, {start})"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "vangnet.settings.test"}
    kinderen = [
        subprocess.Popen(  # noqa: S603 - our own interpreter
            [sys.executable, "-c", code], cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(PROCESSEN)
    ]
    uitkomsten: list[bool] = []
    for kind in kinderen:
        uit, _fout = kind.communicate(timeout=120)
        assert kind.returncode == 0
        uitkomsten += json.loads(uit.strip().splitlines()[-1])
    assert len(uitkomsten) == PROCESSEN * THREADS
    return uitkomsten


def test_concurrent_receipt_guesses_never_let_more_through_than_the_limit(tmp_path):
    # Audit finding: "concurrent requests let 11 receipt guesses through where the limit is
    # 10". Every attempt is a wrong guess from the same bucket, from 3 processes at once.
    uitkomsten = tegelijk(tmp_path, "drempel", "test-gelijktijdig", 10)
    assert uitkomsten.count(True) == 10


def test_concurrent_reports_never_take_more_than_the_burst(tmp_path):
    uitkomsten = tegelijk(tmp_path, "stroom", "test-gelijktijdig-stroom", 7)
    assert uitkomsten.count(True) == 7

"""Production refuses to run with a development secret, DEBUG, or a database that may lose
a committed report; the readiness endpoint tells a load balancer whether this server can
serve (vangnet/core/opstartcontrole.py, vangnet/core/gereedheid.py)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

import pytest

from vangnet.core import opstartcontrole

ROOT = Path(__file__).resolve().parents[3]
GOEDE_SLEUTEL = "x7#kLp2!qZ9vR4mN8wT1yB6cF3hJ0sD5gA" + "eU2iO7pX4zV9nM1bQ8"


def test_production_settings_with_a_real_secret_have_no_problems(settings):
    settings.SECRET_KEY = GOEDE_SLEUTEL
    settings.MELDINGEN_ZOUT = "een-zout-van-de-eigen-installatie"
    settings.ALLOWED_HOSTS = ["vangnet.be"]
    settings.VANGNET_ADRES = "https://vangnet.be"
    settings.DEBUG = False
    assert opstartcontrole.instellingsproblemen() == []


@pytest.mark.parametrize(
    ("instelling", "waarde", "melding"),
    [
        ("DEBUG", True, "DEBUG is on"),
        ("SECRET_KEY", "dev-only-key-never-use-in-production-0123456789abcdefghij", "development"),
        ("SECRET_KEY", "kort", "too short"),
        ("SECRET_KEY", "a" * 60, "too short or too simple"),
        ("MELDINGEN_ZOUT", "vangnet-ontwikkeling", "development salt"),
        ("ALLOWED_HOSTS", ["*"], "every host"),
        ("VANGNET_ADRES", "http://vangnet.be", "must start with https://"),
        ("VANGNET_ADRES", "https://andere-site.example", "not in ALLOWED_HOSTS"),
    ],
)
def test_each_unsafe_setting_is_named(settings, instelling, waarde, melding):
    settings.SECRET_KEY = GOEDE_SLEUTEL
    settings.MELDINGEN_ZOUT = "een-zout-van-de-eigen-installatie"
    settings.ALLOWED_HOSTS = ["vangnet.be"]
    settings.DEBUG = False
    setattr(settings, instelling, waarde)
    problemen = opstartcontrole.instellingsproblemen()
    assert len(problemen) == 1 and melding in problemen[0]


def test_sqlite_below_full_synchronous_or_without_wal_is_refused():
    assert opstartcontrole.sqlite_problemen(2, "wal") == []
    assert opstartcontrole.sqlite_problemen(3, "WAL") == []
    assert "synchronous=1" in opstartcontrole.sqlite_problemen(1, "wal")[0]
    assert "journal_mode=delete" in opstartcontrole.sqlite_problemen(2, "delete")[0]


def test_postgresql_without_fsync_or_with_asynchronous_commits_is_refused():
    veilig = {"fsync": "on", "synchronous_commit": "on", "full_page_writes": "on"}
    assert opstartcontrole.postgresql_problemen(veilig) == []
    assert opstartcontrole.postgresql_problemen({**veilig, "synchronous_commit": "local"}) == []
    for naam, waarde in (
        ("fsync", "off"),
        ("synchronous_commit", "off"),
        ("full_page_writes", "off"),
    ):
        problemen = opstartcontrole.postgresql_problemen({**veilig, naam: waarde})
        assert len(problemen) == 1 and naam in problemen[0]


@pytest.mark.django_db
def test_the_configured_database_is_durable(tmp_path):
    """PostgreSQL: the server this run uses, read over the real connection. SQLite: a file
    opened with the connection setup of the settings (the test database is in memory)."""
    if connection.vendor == "postgresql":
        assert opstartcontrole.databaseproblemen() == []
        return
    from vangnet.settings import base

    bestand = sqlite3.connect(tmp_path / "vangnet.sqlite3")
    bestand.executescript(base.DATABASES["default"]["OPTIONS"]["init_command"])
    synchronous = bestand.execute("PRAGMA synchronous").fetchone()[0]
    journal = bestand.execute("PRAGMA journal_mode").fetchone()[0]
    bestand.close()
    assert opstartcontrole.sqlite_problemen(synchronous, journal) == []


@pytest.mark.django_db
def test_check_deploy_reports_the_same_problems_under_the_production_profile(settings):
    settings.VANGNET_PRODUCTIE = True
    settings.SECRET_KEY = "dev-only-key-never-use-in-production-0123456789abcdefghij"
    with pytest.raises(SystemCheckError, match="vangnet.E001"):
        call_command("check", "--deploy", "--database", "default", "--fail-level", "ERROR")


def test_the_wsgi_application_refuses_the_development_key_under_production():
    uit = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import vangnet.wsgi"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
            "SECRET_KEY": "dev-only-key-never-use-in-production-0123456789abcdefghij",
            "MELDINGEN_ZOUT": "een-zout-van-de-eigen-installatie",
            "VANGNET_ADRES": "https://vangnet.be",
            "DEBUG": "false",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert uit.returncode != 0
    assert "Vangnet refuses to run production" in uit.stderr
    assert "SECRET_KEY is a development or test key" in uit.stderr


def test_gunicorn_refuses_to_start_production_on_a_sqlite_file_without_durability(tmp_path):
    database = tmp_path / "onveilig.sqlite3"
    instellingen = tmp_path / "onveilige_instellingen.py"
    instellingen.write_text(
        "from vangnet.settings.production import *  # noqa\n"
        "DATABASES['default']['OPTIONS'] = {'init_command': 'PRAGMA synchronous=OFF;'}\n"
    )
    uit = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "vangnet.wsgi", "-b", "127.0.0.1:0"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}},
            "DJANGO_SETTINGS_MODULE": "onveilige_instellingen",
            "PYTHONPATH": str(tmp_path),
            "SECRET_KEY": GOEDE_SLEUTEL,
            "MELDINGEN_ZOUT": "een-zout-van-de-eigen-installatie",
            "VANGNET_ADRES": "https://vangnet.be",
            "DATABASE_URL": f"sqlite:///{database}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert uit.returncode != 0
    assert "SQLite synchronous=0" in uit.stderr
    assert "journal_mode" in uit.stderr


@pytest.mark.django_db
def test_readiness_answers_ok_when_database_and_cache_answer(client):
    antwoord = client.get("/gereed")
    assert antwoord.status_code == 200
    assert antwoord.json() == {"database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_readiness_answers_503_naming_the_database_when_it_is_away(client, monkeypatch):
    from django.db import DatabaseError

    def weg(*args, **kwargs):
        raise DatabaseError("the server is gone")

    monkeypatch.setattr(connection, "cursor", weg)
    antwoord = client.get("/gereed")
    assert antwoord.status_code == 503
    assert antwoord.json() == {"database": "fout", "cache": "ok"}

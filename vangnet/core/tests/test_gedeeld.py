"""What several app servers must share is in the database on the PostgreSQL profile: the
caches (Django's DatabaseCache, tables made by migrate), sessions, rate limits and the
content version; the SQLite profile keeps its caches in the process (docs/adr/0016)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.cache import caches
from django.db import connection

import pytest

from vangnet.core.apps import maak_cachetabellen

ROOT = Path(__file__).resolve().parents[3]
DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


def _instellingen(**omgeving: str) -> dict:
    """CACHES and SESSION_ENGINE as a fresh process with this environment sees them."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VANGNET_", "DATABASE_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "vangnet.settings.dev", **omgeving})
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'caches': {k: v['BACKEND'] for k, v in s.CACHES.items()}, "
        "'sessions': s.SESSION_ENGINE}))"
    )
    uit = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(uit.stdout)


def test_postgresql_shares_caches_and_sessions_through_the_database():
    gezien = _instellingen(DATABASE_URL="postgres://vangnet@127.0.0.1:5432/vangnet")
    assert gezien["caches"] == {
        "default": DATABASE_CACHE,
        "pages": DATABASE_CACHE,
        # Fragments are the same for everyone and keyed on what they depend on: in the process.
        "fragmenten": "django.core.cache.backends.locmem.LocMemCache",
    }
    assert gezien["sessions"] == "django.contrib.sessions.backends.db"


def test_sqlite_keeps_its_caches_in_the_process_unless_told_otherwise():
    gezien = _instellingen()
    assert set(gezien["caches"].values()) == {"django.core.cache.backends.locmem.LocMemCache"}
    assert _instellingen(VANGNET_CACHE="database")["caches"]["pages"] == DATABASE_CACHE


@pytest.mark.django_db
def test_migrate_makes_the_cache_tables_and_public_pages_are_kept_in_them(client, settings):
    # Changing CACHES through the settings fixture gives the process fresh cache handlers.
    settings.CACHES = {
        naam: {**instellingen, "BACKEND": DATABASE_CACHE, "LOCATION": f"test_cache_{naam}"}
        for naam, instellingen in settings.CACHES.items()
    }
    maak_cachetabellen(sender=None, using="default")
    assert {"test_cache_default", "test_cache_pages"} <= set(connection.introspection.table_names())
    eerst = client.get("/kaart/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM test_cache_pages")
        assert cursor.fetchone()[0] >= 1
    assert client.get("/kaart/").content == eerst.content
    assert client.get("/gereed").status_code == 200
    assert isinstance(caches["pages"].get("bestaat-niet", "x"), str)

"""A report acknowledged with a receipt is committed and synced."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection

import pytest

from vangnet.meldingen import duurzaamheid

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_runs_in_wal_mode_with_full_sync():
    # The test database is in memory (journal "memory"); a file database gets WAL.
    stand = duurzaamheid.controleer_sqlite(connection)
    assert stand["synchronous"] == "full"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_this_postgresql_server_makes_commits_durable():
    duurzaamheid.controleer_postgresql(None, connection)


class _Cursor:
    def __init__(self, waarden):
        self.waarden = iter(waarden)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False

    def execute(self, sql):
        pass

    def fetchone(self):
        return (next(self.waarden),)


class _Verbinding:
    vendor = "postgresql"

    def __init__(self, fsync, synchroon):
        self.waarden = [fsync, synchroon]

    def cursor(self):
        return _Cursor(self.waarden)


@pytest.mark.parametrize("fsync, synchroon", [("off", "on"), ("on", "off"), ("off", "off")])
def test_it_refuses_a_postgresql_server_that_could_lose_a_commit(fsync, synchroon):
    with pytest.raises(ImproperlyConfigured, match="durable"):
        duurzaamheid.controleer_postgresql(None, _Verbinding(fsync, synchroon))


def test_it_accepts_a_postgresql_server_with_fsync_and_synchronous_commit():
    duurzaamheid.controleer_postgresql(None, _Verbinding("on", "on"))


# --- Attachments: through the storage API, synced on a local disk --------------------------


def test_an_attachment_file_and_its_folder_are_synced_before_save_returns(tmp_path, monkeypatch):
    from vangnet.meldingen.opslag import DuurzameOpslag

    gesynct = []
    echte_fsync = os.fsync

    def fsync(fd):
        gesynct.append(os.readlink(f"/proc/self/fd/{fd}"))
        echte_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    opslag = DuurzameOpslag(location=str(tmp_path / "m"), file_permissions_mode=0o600)
    naam = opslag.save("abc.bin", ContentFile(b"versleuteld"))

    pad = tmp_path / "m" / naam
    assert pad.read_bytes() == b"versleuteld"
    assert gesynct == [str(pad), str(pad.parent)]
    assert pad.stat().st_mode & 0o777 == 0o600


def test_attachments_need_nothing_but_the_storage_api(settings):
    """Any storage backend (object storage through django-storages, say) will do: here one
    that has no local paths at all."""
    from vangnet.meldingen import opslag

    settings.STORAGES = {
        **settings.STORAGES,
        "meldingen": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    naam = opslag.schrijf(b"versleuteld")
    assert storages["meldingen"].__class__.__name__ == "InMemoryStorage"
    assert opslag.lees(naam) == b"versleuteld"
    opslag.wis(naam)
    assert not storages["meldingen"].exists(naam)


def test_the_default_attachment_storage_is_the_syncing_one():
    from vangnet.meldingen.opslag import DuurzameOpslag

    assert isinstance(storages["meldingen"], DuurzameOpslag)

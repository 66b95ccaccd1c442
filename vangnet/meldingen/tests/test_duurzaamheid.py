"""A report acknowledged with a receipt is committed and synced."""

from django.core.exceptions import ImproperlyConfigured
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

"""A report acknowledged with a receipt must survive a crash or a power loss.

SQLite runs in WAL mode with ``synchronous=FULL`` (settings/base.py). For PostgreSQL the
server itself decides: with ``fsync`` or ``synchronous_commit`` off, a commit can be
lost after the receipt was shown. Every new connection is checked, and the app refuses
to work on a server that is configured that way.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.backends.signals import connection_created

# "local" still waits for the local disk; only "off" acknowledges before the flush.
VEREIST = {"fsync": "on", "synchronous_commit": {"on", "local", "remote_write", "remote_apply"}}


def controleer_postgresql(sender, connection, **kwargs) -> None:
    """Refuse a PostgreSQL connection on which a commit is not durable."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW fsync")
        fsync = cursor.fetchone()[0]
        cursor.execute("SHOW synchronous_commit")
        synchroon = cursor.fetchone()[0]
    if fsync != "on" or synchroon not in VEREIST["synchronous_commit"]:
        raise ImproperlyConfigured(
            "PostgreSQL must run with fsync=on and synchronous_commit=on for Vangnet's reports "
            f"to be durable (found fsync={fsync}, synchronous_commit={synchroon})."
        )


def controleer_sqlite(connection) -> dict[str, str]:
    """The journal mode and synchronous level of a SQLite connection (for tests and checks)."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journaal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchroon = {0: "off", 1: "normal", 2: "full", 3: "extra"}[cursor.fetchone()[0]]
    return {"journal_mode": journaal, "synchronous": synchroon}


def verbind() -> None:
    connection_created.connect(controleer_postgresql, dispatch_uid="vangnet-duurzaamheid")

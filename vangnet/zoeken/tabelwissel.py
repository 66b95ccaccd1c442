"""Fill a PostgreSQL table beside the one the searches read, and swap it in at the end.

A rebuild of the search index writes about a million rows. Written into the live table,
each row goes into three B-trees beside the old rows' dead entries (over 10 s for 10,000
items). Written into a bare copy, PostgreSQL sorts each index once at the end. Searches
keep reading the old table meanwhile: the swap (drop the old table, rename the new one)
takes its lock only in the last milliseconds before the commit.

The copy gets the indexes, constraints and identity sequence of the table as PostgreSQL
holds them (read from its catalogue), under the same names, so the migrations find the
table exactly as they made it.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, models

#: A suffix for the copy and its indexes until the swap; index names are unique per schema.
NIEUW = "_wissel"
_INDEX = re.compile(r"^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:ONLY )?)(\S+)( USING .*)$", re.S)
#: Constraints that own an index (whose name must wait for the old index to go).
_MET_INDEX = {"p", "u", "x"}


@contextmanager
def naast(model: type[models.Model]) -> Iterator[str]:
    """Yield the name of an empty table shaped like ``model``'s, without indexes, to fill;
    afterwards give it the table's indexes and constraints and put it in the table's place.

    Must run inside the transaction that fills it, on PostgreSQL.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("a table swap belongs inside one transaction")
    tabel = model._meta.db_table
    nieuw = _naam(tabel)
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        indexes, constraints, reeks = _vorm(cursor, tabel)
        cursor.execute(
            f"CREATE TABLE {q(nieuw)} (LIKE {q(tabel)} INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING CONSTRAINTS)"
        )
    yield nieuw
    with connection.cursor() as cursor:
        # Sorting a million index entries in memory instead of on disk.
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for naam, soort, definitie in constraints:
            tijdelijk = _naam(naam) if soort in _MET_INDEX else naam
            cursor.execute(
                f"ALTER TABLE {q(nieuw)} ADD CONSTRAINT {q(tijdelijk)} {definitie}"  # noqa: S608
            )
        for naam, definitie in indexes:
            cursor.execute(_op_kopie(definitie, _naam(naam), nieuw))
        nieuwe_reeks = _reeks(cursor, nieuw)
        # The swap: from here until the commit, searches wait (milliseconds).
        cursor.execute(f"DROP TABLE {q(tabel)}")
        cursor.execute(f"ALTER TABLE {q(nieuw)} RENAME TO {q(tabel)}")
        for naam, soort, _definitie in constraints:
            if soort in _MET_INDEX:
                cursor.execute(
                    f"ALTER TABLE {q(tabel)} RENAME CONSTRAINT {q(_naam(naam))} TO {q(naam)}"
                )
        for naam, _definitie in indexes:
            cursor.execute(f"ALTER INDEX {q(_naam(naam))} RENAME TO {q(naam)}")
        if reeks and nieuwe_reeks:
            cursor.execute(f"ALTER SEQUENCE {nieuwe_reeks} RENAME TO {q(reeks.split('.')[-1])}")


def _naam(naam: str) -> str:
    return naam[: 63 - len(NIEUW)] + NIEUW


def _vorm(cursor, tabel: str) -> tuple[list, list, str | None]:
    """The table's own indexes (those no constraint owns), its constraints but NOT NULL and
    CHECK (``LIKE`` copies those, and a check costs nothing per copied row), and its
    identity sequence."""
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = %s::regclass AND NOT EXISTS ("
        "  SELECT 1 FROM pg_constraint c WHERE c.conrelid = x.indrelid "
        "  AND c.conindid = x.indexrelid) ORDER BY i.relname",
        [tabel],
    )
    indexes = cursor.fetchall()
    cursor.execute(
        "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype NOT IN ('n', 'c') ORDER BY contype, conname",
        [tabel],
    )
    constraints = cursor.fetchall()
    return indexes, constraints, _reeks(cursor, tabel)


def _reeks(cursor, tabel: str) -> str | None:
    cursor.execute(
        "SELECT pg_get_serial_sequence(%s, a.attname) FROM pg_attribute a "
        "WHERE a.attrelid = %s::regclass AND a.attidentity <> '' AND a.attnum > 0",
        [connection.ops.quote_name(tabel), tabel],
    )
    rij = cursor.fetchone()
    return rij[0] if rij else None


def _op_kopie(definitie: str, naam: str, tabel: str) -> str:
    """An index definition as ``pg_get_indexdef`` gives it, for the copy under ``naam``."""
    deel = _INDEX.match(definitie)
    if deel is None:
        raise ValueError(f"unexpected index definition: {definitie}")
    q = connection.ops.quote_name
    return f"{deel[1]}{q(naam)}{deel[3]}{q(tabel)}{deel[5]}"

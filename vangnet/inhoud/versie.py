"""Reading and raising the content version (see ``Inhoudsversie``)."""

from django.db import connection
from django.db.models import F

from vangnet.inhoud.models import Inhoudsversie

_READ = f"SELECT nummer FROM {Inhoudsversie._meta.db_table} WHERE id = %s"  # noqa: S608


def huidige() -> int:
    """The current content version (0 before the first change).

    Read on every cached page view, so it skips the ORM: one primary-key lookup.
    """
    with connection.cursor() as cursor:
        cursor.execute(_READ, [1])
        row = cursor.fetchone()
    return row[0] if row else 0


def verhoog() -> None:
    """Raise the version: part of the same transaction as the change that causes it."""
    if not Inhoudsversie.objects.filter(pk=1).update(nummer=F("nummer") + 1):
        Inhoudsversie.objects.get_or_create(pk=1, defaults={"nummer": 1})

"""What the readiness endpoint (``/gereed``) asks of the parts a request needs."""

from __future__ import annotations

import secrets

from django.core.cache import caches
from django.db import DatabaseError, connection


def database() -> bool:
    """The database answers a query now."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache() -> bool:
    """The default cache keeps and returns a value (a shared cache may be down)."""
    sleutel = f"gereed:{secrets.token_hex(8)}"
    try:
        cache_ = caches["default"]
        cache_.set(sleutel, "ja", 5)
        goed = cache_.get(sleutel) == "ja"
        cache_.delete(sleutel)
        return goed
    except Exception:  # noqa: BLE001 - any cache backend's failure means "not ready"
        return False

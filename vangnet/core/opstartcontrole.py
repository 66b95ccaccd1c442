"""The start-up check of the production profile: Vangnet refuses to run production with a
development secret, DEBUG on, or a database that may lose a committed report.

A report is acknowledged with a receipt only after its transaction commits; that promise
holds only when the database really writes a commit to disk. So production refuses SQLite
without WAL and ``synchronous=FULL``, and PostgreSQL with ``fsync``, ``synchronous_commit``
or ``full_page_writes`` off. The same list is what ``manage.py check --deploy --database
default`` reports, and gunicorn's master runs it before it starts a worker
(``gunicorn.conf.py``).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections
from django.http.request import validate_host

logger = logging.getLogger(__name__)

# Keys and salts that appear in this repository (development, tests, examples).
BEKENDE_GEHEIMEN = ("never-use-in-production", "vangnet-ontwikkeling", "dev-only", "test-only")
MINSTE_LENGTE_SLEUTEL = 50


def instellingsproblemen() -> list[str]:
    """What is wrong with the production settings themselves (no database needed)."""
    problemen = []
    if settings.DEBUG:
        problemen.append("DEBUG is on: production must never show debug pages.")
    sleutel = settings.SECRET_KEY
    if any(teken in sleutel for teken in BEKENDE_GEHEIMEN):
        problemen.append("SECRET_KEY is a development or test key from the repository.")
    elif len(sleutel) < MINSTE_LENGTE_SLEUTEL or len(set(sleutel)) < 5:
        problemen.append(
            f"SECRET_KEY is too short or too simple: use at least {MINSTE_LENGTE_SLEUTEL} "
            "random characters."
        )
    if any(teken in settings.MELDINGEN_ZOUT for teken in BEKENDE_GEHEIMEN):
        problemen.append("MELDINGEN_ZOUT is the development salt from the repository.")
    if "*" in settings.ALLOWED_HOSTS:
        problemen.append("ALLOWED_HOSTS allows every host: name the site's own host names.")
    adres = getattr(settings, "VANGNET_ADRES", "")
    if adres and not adres.startswith("https://"):
        problemen.append(f"VANGNET_ADRES={adres}: the site's address must start with https://.")
    elif adres and not validate_host(urlsplit(adres).hostname or "", settings.ALLOWED_HOSTS):
        problemen.append(f"VANGNET_ADRES={adres}: its host is not in ALLOWED_HOSTS.")
    return problemen


def sqlite_problemen(synchronous: int, journal_mode: str) -> list[str]:
    """SQLite loses committed transactions on power loss below synchronous=FULL (2)."""
    problemen = []
    if synchronous < 2:
        problemen.append(f"SQLite synchronous={synchronous}: set PRAGMA synchronous=FULL.")
    if journal_mode.lower() != "wal":
        problemen.append(f"SQLite journal_mode={journal_mode}: set PRAGMA journal_mode=WAL.")
    return problemen


def postgresql_problemen(waarden: dict[str, str]) -> list[str]:
    """PostgreSQL settings under which a committed report can be lost."""
    problemen = []
    for naam in ("fsync", "full_page_writes"):
        if waarden.get(naam) != "on":
            problemen.append(f"PostgreSQL {naam}={waarden.get(naam)}: it must be on.")
    if waarden.get("synchronous_commit") == "off":
        problemen.append("PostgreSQL synchronous_commit=off: a committed report can be lost.")
    return problemen


def databaseproblemen(alias: str = "default") -> list[str]:
    """Read the durability settings of the live database connection."""
    verbinding = connections[alias]
    with verbinding.cursor() as cursor:
        if verbinding.vendor == "sqlite":
            synchronous = cursor.execute("PRAGMA synchronous").fetchone()[0]
            journal = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            return sqlite_problemen(int(synchronous), str(journal))
        if verbinding.vendor == "postgresql":
            waarden = {}
            for naam in ("fsync", "synchronous_commit", "full_page_writes"):
                cursor.execute(f"SHOW {naam}")  # a fixed name of our own
                waarden[naam] = cursor.fetchone()[0]
            return postgresql_problemen(waarden)
    return [f"database engine {verbinding.vendor} is not supported"]


def is_productie() -> bool:
    return bool(getattr(settings, "VANGNET_PRODUCTIE", False))


def weiger_onveilige_productie(met_database: bool = True) -> None:
    """Raise ``ImproperlyConfigured`` listing every problem, when running production."""
    if not is_productie():
        return
    problemen = instellingsproblemen()
    if met_database:
        try:
            problemen += databaseproblemen()
        except DatabaseError as fout:
            # A database that is away is not a wrong setting: the site starts and answers
            # 503 until it is back (core/storing.py); its durability is checked next start.
            logger.warning("start-up check could not reach the database: %s", type(fout).__name__)
        finally:
            # The caller may fork workers next: no connection may be shared with them.
            connections.close_all()
    if problemen:
        raise ImproperlyConfigured(
            "Vangnet refuses to run production:\n- " + "\n- ".join(problemen)
        )


@register(Tags.security, deploy=True)
def controleer_instellingen(app_configs, **kwargs) -> list[Error]:
    return [Error(p, id="vangnet.E001") for p in instellingsproblemen()]


@register(Tags.database)
def controleer_database(app_configs, databases=None, **kwargs) -> list[Error]:
    if not databases or not is_productie():
        return []
    return [Error(p, id="vangnet.E002") for alias in databases for p in databaseproblemen(alias)]

"""Limits of the reporting channel; the mechanism and its design are in accounts/drempels.py.

Reporters are never identified by their address: they are counted per *emmer*, 12 bits of
a keyed hash of it (about a million IPv4 addresses share one). The arithmetic that makes
guessing a receipt hopeless at these rates is in docs/security.md.
"""

from datetime import timedelta

from django.http import HttpRequest

from vangnet.accounts.drempels import Beurt, Drempel, Stroom, emmer

# Receipts: twenty tries in a row per bucket, then 1, 2, 4... seconds between tries, at most
# a minute. Every check counts from the start and a right receipt takes its own count back, so
# strangers in the same bucket can make the right receipt wait at most that minute.
ONTVANGSTBEWIJS = Drempel(
    "ontvangstbewijs",
    vrij=20,
    eerste_wacht=timedelta(seconds=1),
    max_wacht=timedelta(minutes=1),
    venster=timedelta(hours=1),
)
# New reports: per receiver and bucket, thirty at once (a festival's shared Wi-Fi), then one
# a minute. Floods slow down; nobody else's receiver or network is touched.
MELDEN = Stroom("melden", ruimte=30, interval=timedelta(minutes=1))
# Changing one's password, once signed in with both factors: only the account's owner (or
# whoever holds their session) gets here, so a strict limit per account locks out no one else.
WACHTWOORD_WIJZIGEN = Drempel(
    "behandelaar-wachtwoord",
    vrij=5,
    eerste_wacht=timedelta(minutes=1),
    max_wacht=timedelta(minutes=15),
    venster=timedelta(hours=1),
)


def probeer_ontvangstbewijs(request: HttpRequest) -> Beurt:
    """May this client have a receipt checked now? Checks and counts in one atomic step."""
    return ONTVANGSTBEWIJS.probeer(emmer(request))


def _meldsleutel(request: HttpRequest, ontvanger_pk: int) -> str:
    return f"{ontvanger_pk}\n{emmer(request)}"


def wacht_voor_melding(request: HttpRequest, ontvanger_pk: int) -> timedelta | None:
    """How long this client must wait before a new report to this receiver, or None.

    A read only, to turn a flood away before it costs an Argon2id; ``probeer_melding`` in
    the report's transaction decides and counts.
    """
    wacht = MELDEN.wachttijd(_meldsleutel(request, ontvanger_pk))
    return wacht if wacht > timedelta(0) else None


def probeer_melding(request: HttpRequest, ontvanger_pk: int) -> Beurt:
    """May this client send a new report to this receiver now? Counts it if so.

    Called inside the report's transaction (``acties.dien_in``): the count and the case
    commit together, or neither does.
    """
    return MELDEN.probeer(_meldsleutel(request, ontvanger_pk))

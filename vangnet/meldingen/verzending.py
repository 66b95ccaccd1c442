"""One case per report form shown, and a receipt shown once after a redirect.

The report form carries a fresh random *verzendtoken* in a hidden field, signed with the
time it was made (it expires after ``GELDIG``). Filing the report stores a hash of the
token in the same transaction as the case (``Verzending.zoeksleutel`` is unique), so a
reload, a double click or a retried POST with the same token never makes a second case.

The receipt is shown after a redirect (post/redirect/get). For the moment in between it
sits in the ``Verzending`` row, encrypted with a key derived from the token, which the
database does not hold; the token travels with the redirect in a short-lived cookie
(``HttpOnly``, ``SameSite=Strict``, ``__Host-`` over HTTPS). The receipt page takes the
ciphertext out in one atomic step and forgets the cookie: the receipt is shown once, then
never again. A second POST of the same form (a double click whose first answer the browser
dropped) sets the cookie again, so it still leads to the receipt if nobody saw it yet.
"""

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from vangnet.core import toestelcookie
from vangnet.meldingen import sleutels
from vangnet.meldingen.models import Verzending

VELD = "verzendtoken"  # the hidden field of the report form
COOKIE = "vangnet_verzonden"  # base name, see toestelcookie.naam()
# How long a form may stay open before it must be sent again (its text is kept).
GELDIG = timedelta(days=1)
# How long a receipt waits, encrypted, for the page that shows it.
WACHT = timedelta(minutes=15)
_ZOUT = "vangnet.meldingen.verzending"
RUIM_OP_ELKE = 32


class AlVerstuurd(Exception):
    """This form was sent before: it filed its case already."""


@dataclass(frozen=True)
class Getoond:
    """What the receipt page shows, once."""

    code: str
    ontvanger_id: int
    # The receiver's name as it was when the report was filed: the page needs no query.
    ontvanger_naam: str = ""


def nieuw_token() -> str:
    """A fresh token for a report form that is about to be shown."""
    return signing.TimestampSigner(salt=_ZOUT).sign(secrets.token_urlsafe(32))


def lees_token(waarde: str | None) -> str | None:
    """The token's random part, or None when it is missing, altered or too old."""
    if not waarde:
        return None
    try:
        return signing.TimestampSigner(salt=_ZOUT).unsign(waarde, max_age=GELDIG)
    except signing.BadSignature:  # SignatureExpired is one too
        return None


def _afgeleid(ruw: str, label: bytes) -> bytes:
    return hashlib.blake2b(ruw.encode(), digest_size=32, person=label).digest()


def _zoeksleutel(ruw: str) -> str:
    return _afgeleid(ruw, b"vangnet-verzend").hex()


def al_verstuurd(ruw: str) -> bool:
    """Whether a form with this token filed its case already (a cheap check before the work)."""
    return Verzending.objects.filter(zoeksleutel=_zoeksleutel(ruw)).exists()


def noteer(ruw: str, code: str, ontvanger_id: int, ontvanger_naam: str = "") -> None:
    """Record the token as used and keep the receipt for the page that shows it.

    Must run inside the transaction that files the case: if the token was used, raises
    ``AlVerstuurd`` and the caller's transaction rolls back. Concurrent sends of one token
    wait for each other on the unique index; only the first one commits.
    """
    geheim = json.dumps({"code": code, "ontvanger": ontvanger_id, "naam": ontvanger_naam}).encode()
    try:
        # No savepoint: a clash ends the whole report (AlVerstuurd leaves the caller's
        # transaction, which rolls back), so nothing is carried on from a broken transaction.
        with transaction.atomic(savepoint=False):
            Verzending.objects.create(
                zoeksleutel=_zoeksleutel(ruw),
                ontvangstbewijs=sleutels.versleutel(_afgeleid(ruw, b"vangnet-vzbewijs"), geheim),
            )
    except IntegrityError:
        raise AlVerstuurd from None
    # Clearing out costs two writes: one report in RUIM_OP_ELKE does it for all of them (the
    # receipt page refuses a receipt older than WACHT anyway, whether cleared or not).
    if secrets.randbelow(RUIM_OP_ELKE) == 0:
        ruim_op()


def ruim_op() -> None:
    """Forget tokens that expired, and receipts that waited too long for their page."""
    nu = timezone.now()
    Verzending.objects.filter(aangemaakt__lt=nu - GELDIG).delete()
    Verzending.objects.filter(aangemaakt__lt=nu - WACHT, ontvangstbewijs__isnull=False).update(
        ontvangstbewijs=None
    )


def naar_bewijs(response: HttpResponse, ruw: str) -> HttpResponse:
    """Give the redirect to the receipt page the token it needs to open the receipt."""
    response.set_cookie(
        toestelcookie.naam(COOKIE),
        ruw,
        max_age=int(WACHT.total_seconds()),
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def neem(request: HttpRequest) -> Getoond | None:
    """The receipt waiting for this browser, taken out so that it is never shown again."""
    ruw = request.COOKIES.get(toestelcookie.naam(COOKIE), "")
    if not ruw:
        return None
    rij = Verzending.objects.filter(
        zoeksleutel=_zoeksleutel(ruw),
        ontvangstbewijs__isnull=False,
        aangemaakt__gte=timezone.now() - WACHT,
    ).first()
    if rij is None:
        return None
    # Only the request that empties the row shows it: two reloads at once show it once.
    if not Verzending.objects.filter(pk=rij.pk, ontvangstbewijs__isnull=False).update(
        ontvangstbewijs=None
    ):
        return None
    try:
        geheim = json.loads(
            sleutels.ontsleutel(_afgeleid(ruw, b"vangnet-vzbewijs"), rij.ontvangstbewijs)
        )
    except sleutels.OngeldigeSleutel:
        return None
    return Getoond(
        code=geheim["code"], ontvanger_id=geheim["ontvanger"], ontvanger_naam=geheim.get("naam", "")
    )


def vergeet(response: HttpResponse) -> HttpResponse:
    """Delete the cookie: the receipt page has done its work."""
    response.delete_cookie(toestelcookie.naam(COOKIE), samesite="Strict")
    return response

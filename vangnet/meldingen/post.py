"""Notices by e-mail, sent outside the request that causes them.

A request only *queues* a notice (``plaats``: one insert); ``manage.py verstuur_berichten``
sends what is due, run by cron every minute or as a worker (``--blijf``). So a slow or dead
mail server never slows or breaks a report, a reply or a sign-in.

Each attempt has a time limit (``EMAIL_TIMEOUT``). A failed attempt is retried later, each
wait twice as long as the one before (1, 2, 4 ... minutes, at most an hour); after
``MAX_POGINGEN`` attempts the notice becomes a dead letter, which
``verstuur_berichten --toon`` lists and ``--opnieuw`` queues again. A notice is claimed
before it is sent (its next attempt moved past the time an attempt can take), so two
workers never send the same notice; a worker that dies mid-send leaves it to be retried.

What a notice says is fixed text ("there is news, sign in to read it"): never what was
reported, never a receipt. The addresses are kept encrypted (a key derived from
``SECRET_KEY``) and wiped once sent.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from vangnet.meldingen import sleutels
from vangnet.meldingen.models import Postbericht

logger = logging.getLogger(__name__)

MAX_POGINGEN = 8
EERSTE_WACHT = timedelta(minutes=1)
LANGSTE_WACHT = timedelta(hours=1)
# Sent notices are deleted after a week, dead letters after a month.
BEWAAR_VERSTUURD = timedelta(days=7)
BEWAAR_OPGEGEVEN = timedelta(days=30)


def _sleutel() -> bytes:
    return salted_hmac("vangnet.meldingen.post", "ontvangers", algorithm="sha256").digest()


def plaats(
    onderwerp: str, tekst: str, adressen: list[str], *, geheim: bool = False
) -> Postbericht | None:
    """Queue a notice for ``adressen``; it is sent by ``verstuur_berichten``.

    With ``geheim`` (the text holds a one-time link), the text is stored encrypted and
    wiped once sent: a copy of the database never holds a usable link.
    """
    if not adressen:
        return None
    tekst = str(tekst)
    if geheim:
        versleuteld = sleutels.versleutel(_sleutel(), tekst.encode(), sleutels.BESTANDSBLOK)
        tekst = base64.b64encode(versleuteld).decode()
    return Postbericht.objects.create(
        onderwerp=str(onderwerp),
        tekst=tekst,
        geheim=geheim,
        ontvangers=sleutels.versleutel(_sleutel(), json.dumps(list(adressen)).encode()),
    )


def tekst_van(bericht: Postbericht) -> str:
    """The text to send: as stored, or decrypted when it holds a secret."""
    if not bericht.geheim:
        return bericht.tekst
    versleuteld = base64.b64decode(bericht.tekst)
    return sleutels.ontsleutel(_sleutel(), versleuteld).decode()


def wachttijd(pogingen: int) -> timedelta:
    """How long to wait after the ``pogingen``-th failed attempt."""
    return min(EERSTE_WACHT * 2 ** max(pogingen - 1, 0), LANGSTE_WACHT)


def _claim_duur() -> timedelta:
    """Longer than one attempt can take: a claimed notice is not taken by another worker."""
    return timedelta(seconds=3 * (settings.EMAIL_TIMEOUT or 10) + 60)


def wachtend():
    return Postbericht.objects.filter(verstuurd_op__isnull=True, opgegeven_op__isnull=True)


def opgegeven():
    return Postbericht.objects.filter(opgegeven_op__isnull=False)


@dataclass
class Ronde:
    verstuurd: int = 0
    mislukt: int = 0
    opgegeven: int = 0


def verstuur_wat_klaar_staat(hoogstens: int = 100) -> Ronde:
    """Send the notices that are due (at most ``hoogstens``), each in its own attempt."""
    ronde = Ronde()
    nu = timezone.now()
    kandidaten = list(
        wachtend()
        .filter(volgende_poging__lte=nu)
        .order_by("volgende_poging", "pk")
        .values_list("pk", "volgende_poging")[:hoogstens]
    )
    verbinding = None
    try:
        for pk, volgende in kandidaten:
            # Claim it: only the worker whose update changed the row sends it.
            if (
                not wachtend()
                .filter(pk=pk, volgende_poging=volgende)
                .update(volgende_poging=timezone.now() + _claim_duur(), pogingen=F("pogingen") + 1)
            ):
                continue
            bericht = Postbericht.objects.get(pk=pk)
            try:
                if verbinding is None:
                    verbinding = get_connection(timeout=settings.EMAIL_TIMEOUT)
                adressen = json.loads(sleutels.ontsleutel(_sleutel(), bytes(bericht.ontvangers)))
                EmailMessage(
                    bericht.onderwerp, tekst_van(bericht), None, adressen, connection=verbinding
                ).send()
            except Exception as fout:  # noqa: BLE001 - any failure is retried, never raised
                verbinding = None  # a connection that failed once is not trusted again
                _mislukt(bericht, fout, ronde)
            else:
                gewist = {"tekst": ""} if bericht.geheim else {}
                Postbericht.objects.filter(pk=pk).update(
                    verstuurd_op=timezone.now(), ontvangers=b"", laatste_fout="", **gewist
                )
                ronde.verstuurd += 1
    finally:
        if verbinding is not None:
            # Closing a connection that broke may fail too.
            with contextlib.suppress(Exception):
                verbinding.close()
    ruim_op()
    return ronde


def _mislukt(bericht: Postbericht, fout: Exception, ronde: Ronde) -> None:
    nu = timezone.now()
    velden = {"laatste_fout": type(fout).__name__[:100]}
    if bericht.pogingen >= MAX_POGINGEN:
        velden["opgegeven_op"] = nu
        ronde.opgegeven += 1
    else:
        velden["volgende_poging"] = nu + wachttijd(bericht.pogingen)
        ronde.mislukt += 1
    Postbericht.objects.filter(pk=bericht.pk).update(**velden)
    logger.warning(
        "postbericht niet verstuurd",
        extra={
            "gebeurtenis": "post-opgegeven" if "opgegeven_op" in velden else "post-mislukt",
            "pogingen": bericht.pogingen,
            "fout": velden["laatste_fout"],
        },
    )


def opnieuw(pks: list[int] | None = None) -> int:
    """Queue dead letters again (all, or those with these ids), with a fresh count."""
    rijen = opgegeven()
    if pks:
        rijen = rijen.filter(pk__in=pks)
    return rijen.update(opgegeven_op=None, pogingen=0, volgende_poging=timezone.now())


def ruim_op() -> None:
    nu = timezone.now()
    Postbericht.objects.filter(verstuurd_op__lt=nu - BEWAAR_VERSTUURD).delete()
    Postbericht.objects.filter(opgegeven_op__lt=nu - BEWAAR_OPGEGEVEN).delete()

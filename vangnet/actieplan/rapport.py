"""The interim report after one year (chapter 3): the plan's state in one document.

Actions by status with their latest update, the meetings held, the budget, the figures on
reports (suppressed, through monitoring's public ``cijfers.tabel``), the recommendations
and their follow-up, and the PC 329 comparison (``kaart.vergelijking``). The same context
gives the HTML page and the PDF (WeasyPrint, ``core.drukwerk``, as the posters).
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from vangnet.actieplan import stand
from vangnet.actieplan.choices import AanbevelingStatus, Status
from vangnet.actieplan.models import Aanbeveling, Vergadering
from vangnet.core import drukwerk
from vangnet.kaart import vergelijking
from vangnet.monitoring import cijfers

#: The tables of figures the report shows, each by one dimension, public suppression.
CIJFERTABELLEN = ("sector", "gedrag", "route")

Voortgang = Callable[[str, int, int], None]


def _cijfers() -> list:
    tabellen = []
    for per in CIJFERTABELLEN:
        try:
            tabellen.append(cijfers.tabel([per], doelgroep=cijfers.PUBLIEK))
        except cijfers.OngeldigeVraag:
            continue
    return tabellen


def context(voortgang: Voortgang | None = None) -> dict:
    """Everything the report shows; ``voortgang(part, done, total)`` follows the parts."""
    meld = voortgang or (lambda deel, i, n: None)
    delen = 6
    acties = list(stand.acties_met_voortgang())
    meld(_("acties"), 1, delen)
    uitvoerend = [a for a in acties if not a.deelacties.all()]
    per_status = [
        (label, [a for a in uitvoerend if a.status == code]) for code, label in Status.choices
    ]
    nu = timezone.now()
    gehouden = list(
        Vergadering.objects.filter(einde__lte=nu).prefetch_related("aanwezigen").order_by("begin")
    )
    meld(_("vergaderingen"), 2, delen)
    begroting = stand.begroting_stand()
    meld(_("begroting"), 3, delen)
    tabellen = _cijfers()
    meld(_("cijfers"), 4, delen)
    aanbevelingen = list(
        Aanbeveling.objects.select_related("organisatie", "eigenaar")
        .prefetch_related("opvolging")
        .order_by("deadline")
    )
    meld(_("aanbevelingen"), 5, delen)
    try:
        vergeleken = vergelijking.vergelijk("329", "304")
    except Exception:  # noqa: BLE001 - the kaart may lack a committee; the report still renders
        vergeleken = None
    meld(_("PC 329"), 6, delen)
    return {
        "datum": timezone.localdate(),
        "stand": stand.stand(acties),
        "per_status": per_status,
        "gehouden": gehouden,
        "begroting": begroting,
        "tabellen": tabellen,
        "aanbevelingen": aanbevelingen,
        "aanbevelingen_open": sum(a.status == AanbevelingStatus.OPEN for a in aanbevelingen),
        "vergelijking": vergeleken,
    }


def pdf(ctx: dict) -> bytes:
    return drukwerk.render("actieplan/rapport_pdf.html", "actieplan/rapport.css", ctx).pdf

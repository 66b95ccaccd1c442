"""Fixing a quarter's figures: counted once, kept, and read from then on.

A quarter is fixed (``leg_vast``) by the daily ``manage.py monitoring_vastleggen`` once it
has been over for ``WACHTTIJD`` (by then every case of the quarter is past its 3-month
feedback deadline, so its deadline codes no longer change), and in any case before the
retention run destroys a case of it (``voor_vernietiging``, connected to the reporting
channel's signal in apps.py). From then on the figures of that quarter come from the
snapshot: destroying, reclassifying or deleting cases afterwards changes nothing in them,
and a figure once published is never published differently (which would let a reader
subtract the two).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from itertools import combinations

from django.db import transaction
from django.utils import timezone

from vangnet.meldingen.models import Melding
from vangnet.monitoring import telling
from vangnet.monitoring.dimensies import NAMEN
from vangnet.monitoring.models import Momentopname, Telling
from vangnet.monitoring.periodes import Kwartaal

WACHTTIJD = timedelta(days=92)

# A single-valued dimension to add up each dimension's pairs over (its own counts).
_PARTNER = {naam: ("sector" if naam == "ontvanger_soort" else "ontvanger_soort") for naam in NAMEN}


def paren() -> list[tuple[str, str]]:
    """Every pair of dimensions, in stored order."""
    return list(combinations(NAMEN, 2))


def neem(
    kwartaal: Kwartaal, *, door=None, nu: datetime | None = None, voorlopig: bool = False
) -> Momentopname:
    """Count Vangnet's cases of ``kwartaal`` by every dimension and pair, and keep that.

    Replaces an earlier snapshot of the same quarter (a provisional one never replaces a
    fixed one: then the fixed one is returned). One query per pair of dimensions (28) plus
    one for the total, each a ``GROUP BY`` over the quarter's cases.
    """
    nu = nu or timezone.now()
    if voorlopig:
        vast = Momentopname.objects.filter(
            kwartaal=kwartaal.code, bron__isnull=True, voorlopig=False
        ).first()
        if vast is not None:
            return vast
    meldingen = telling.alle_meldingen()
    totaal = telling.tel(meldingen, [kwartaal], [], nu).totaal[kwartaal.code]
    rijen: list[Telling] = []
    enkel: dict[str, Counter] = {naam: Counter() for naam in NAMEN}
    for a, b in paren():
        cellen = telling.tel(meldingen, [kwartaal], [a, b], nu).cellen
        for (_kw, wa, wb), n in cellen.items():
            rijen.append(Telling(dim1=a, waarde1=wa, dim2=b, waarde2=wb, aantal=n))
            if _PARTNER[a] == b:
                enkel[a][wa] += n
            if _PARTNER[b] == a:
                enkel[b][wb] += n
    for naam, tellers in enkel.items():
        rijen += [Telling(dim1=naam, waarde1=w, aantal=n) for w, n in tellers.items() if n]
    with transaction.atomic():
        Momentopname.objects.filter(kwartaal=kwartaal.code, bron__isnull=True).delete()
        opname = Momentopname.objects.create(
            kwartaal=kwartaal.code, aantal=totaal, genomen_op=nu, door=door, voorlopig=voorlopig
        )
        for rij in rijen:
            rij.momentopname = opname
        Telling.objects.bulk_create(rijen, batch_size=2000)
    return opname


def vastgelegd() -> set[str]:
    """The quarters of Vangnet's own figures that are fixed."""
    return set(
        Momentopname.objects.filter(bron__isnull=True, voorlopig=False).values_list(
            "kwartaal", flat=True
        )
    )


def niet_vastgelegd(nu: datetime | None = None) -> list[Kwartaal]:
    """The quarters from the first case up to the current one that are not fixed yet."""
    nu = nu or timezone.now()
    eerste = Melding.objects.order_by("ontvangen_op").values_list("ontvangen_op", flat=True).first()
    if eerste is None:
        return []
    al, huidig = vastgelegd(), Kwartaal.van_moment(nu)
    uit, kwartaal = [], Kwartaal.van_moment(eerste)
    while kwartaal <= huidig:
        if kwartaal.code not in al:
            uit.append(kwartaal)
        kwartaal = kwartaal.volgende
    return uit


def neem_voorlopig(nu: datetime | None = None, *, door=None, voortgang=None) -> list[Kwartaal]:
    """Count every quarter not fixed yet (the current one, those in their waiting time) into
    a provisional snapshot, replacing yesterday's: what the department's page reads.

    Run daily by ``manage.py monitoring_vastleggen`` (after fixing what is due) and on
    demand from the department's page; a quarter without one is counted live.
    """
    nu = nu or timezone.now()
    kwartalen = niet_vastgelegd(nu)
    for i, kwartaal in enumerate(kwartalen, start=1):
        neem(kwartaal, nu=nu, door=door, voorlopig=True)
        if voortgang:
            voortgang(i, len(kwartalen), kwartaal)
    return kwartalen


def te_nemen(nu: datetime | None = None, *, wachttijd: timedelta = WACHTTIJD) -> list[Kwartaal]:
    """The ended quarters, from the first case on, over for ``wachttijd`` and not fixed."""
    nu = nu or timezone.now()
    eerste = Melding.objects.order_by("ontvangen_op").values_list("ontvangen_op", flat=True).first()
    if eerste is None:
        return []
    al = vastgelegd()
    uit, kwartaal = [], Kwartaal.van_moment(eerste)
    while kwartaal.einde + wachttijd <= nu:
        if kwartaal.code not in al:
            uit.append(kwartaal)
        kwartaal = kwartaal.volgende
    return uit


def leg_vast(
    nu: datetime | None = None, *, wachttijd: timedelta = WACHTTIJD, voortgang=None
) -> list[Kwartaal]:
    """Fix every quarter that is due (see ``te_nemen``); returns them."""
    kwartalen = te_nemen(nu, wachttijd=wachttijd)
    for i, kwartaal in enumerate(kwartalen, start=1):
        neem(kwartaal, nu=nu)
        if voortgang:
            voortgang(i, len(kwartalen), kwartaal)
    return kwartalen


def voor_vernietiging(sender=None, meldingen=(), **kwargs) -> None:
    """Before cases are destroyed: fix the ended quarters they (or the case they were
    referred from) are counted in, so those figures stay what they were."""
    nu = timezone.now()
    huidig = Kwartaal.van_moment(nu)
    al = vastgelegd()
    momenten = set()
    for melding in meldingen:
        momenten.add(melding.ontvangen_op)
        if melding.doorverwezen_van_id:
            bron = Melding.objects.filter(pk=melding.doorverwezen_van_id).values_list(
                "ontvangen_op", flat=True
            )
            momenten.update(bron)
    kwartalen = {Kwartaal.van_moment(m) for m in momenten}
    for kwartaal in sorted(kwartalen):
        if kwartaal < huidig and kwartaal.code not in al:
            neem(kwartaal, nu=nu)

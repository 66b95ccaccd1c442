"""A public reporting point's own figures once its event is over, and when its cases go.

The organiser (a beheerder of the point) sees, after the window closed, how many reports
came in over the whole event and how they are coded, suppressed by the same rule as every
figure (``suppressie.py`` through ``cijfers.bescherm``: nothing under 10), and a reminder of
the retention period: when ``vernietig_meldingen`` destroys the cases. Reads the reporting
channel's models and code lists only, never a case's content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Max, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from vangnet.meldingen.choices import OntvangerSoort
from vangnet.meldingen.models import Melding, Ontvanger
from vangnet.monitoring import cijfers
from vangnet.monitoring.dimensies import DIMENSIES, ONBEKEND, Dimensie, gedrag_filter
from vangnet.monitoring.suppressie import DREMPEL, TOTAAL, Rooster

#: What the organiser gets counted for the event: what happened and how it ended.
PER = ("gedrag", "route", "uitkomst")


@dataclass
class Evenementtabel:
    dimensie: Dimensie
    rijen: list[tuple[str, cijfers.Weergave]]  # (label, shown count)
    totaal: cijfers.Weergave


@dataclass
class NaHetEvenement:
    ontvanger: Ontvanger
    totaal: cijfers.Weergave
    tabellen: list[Evenementtabel]
    bewaartermijn_dagen: int
    # When the last case closed so far is destroyed; None while none is closed.
    laatst_vernietigd_op: datetime | None
    nog_open: bool


def _tel(meldingen, dimensie: Dimensie) -> dict[str, int]:
    if dimensie.meervoudig:
        qs = meldingen.annotate(gedrag_tekst=Cast("gedrag", TextField()))
        tellers = {
            f"g{i}": Count("pk", filter=gedrag_filter(c)) for i, c in enumerate(dimensie.codes)
        }
        rij = qs.aggregate(**tellers)
        return {c: rij[f"g{i}"] for i, c in enumerate(dimensie.codes)}
    uit = dict.fromkeys(dimensie.codes, 0)
    for rij in meldingen.order_by().values(dimensie.veld).annotate(n=Count("pk")):
        uit[rij[dimensie.veld] or ONBEKEND] += rij["n"]
    return uit


def _tabel(meldingen, dimensie: Dimensie, totaal: int) -> Evenementtabel:
    aantallen = _tel(meldingen, dimensie)
    waarden = {(code, TOTAAL): aantallen[code] for code in dimensie.codes}
    waarden[(TOTAAL, TOTAAL)] = totaal
    rooster = Rooster(
        rijen=dimensie.codes,
        kolommen=[],
        waarden=waarden,
        rijen_tellen_op=True,
        # A case has one route and one outcome, but may have several kinds of behaviour.
        kolommen_tellen_op=not dimensie.meervoudig,
        vast={(TOTAAL, TOTAAL): False} if totaal >= DREMPEL else {},
    )
    uitkomst = cijfers.bescherm(rooster)
    rijen = [
        (dimensie.label_van(code), uitkomst.toon((code, TOTAAL), waarden[(code, TOTAAL)]))
        for code in dimensie.codes
    ]
    return Evenementtabel(
        dimensie, rijen, uitkomst.toon((TOTAAL, TOTAAL), waarden[(TOTAAL, TOTAAL)])
    )


def na_het_evenement(ontvanger: Ontvanger, nu: datetime | None = None) -> NaHetEvenement | None:
    """The event's figures and retention reminder, or None before its end (or for a receiver
    that is not a public point: it has no event)."""
    nu = nu or timezone.now()
    if ontvanger.soort != OntvangerSoort.MELDPUNT_PUBLIEK or ontvanger.venster_stand(nu) != "na":
        return None
    # Every case the point received, destroyed ones included: their codes stay.
    meldingen = Melding.objects.filter(ontvanger_id=ontvanger.pk)
    totaal = meldingen.count()
    laatst_gesloten = meldingen.filter(vernietigd_op__isnull=True).aggregate(
        m=Max("afgesloten_op")
    )["m"]
    termijn = timedelta(days=ontvanger.bewaartermijn_dagen)
    return NaHetEvenement(
        ontvanger=ontvanger,
        totaal=totaal if totaal >= DREMPEL else f"<{DREMPEL}",
        tabellen=[_tabel(meldingen, DIMENSIES[naam], totaal) for naam in PER],
        bewaartermijn_dagen=ontvanger.bewaartermijn_dagen,
        laatst_vernietigd_op=laatst_gesloten + termijn if laatst_gesloten else None,
        nog_open=meldingen.open().exists(),
    )

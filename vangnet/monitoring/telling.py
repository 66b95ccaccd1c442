"""Counting cases by their codes, in the database: one ``GROUP BY`` per table.

Reads ``Melding``'s dates and classification codes only (never its content), and answers
with a number per quarter and value(s), so the memory used depends on the code lists, not
on the number of cases. A referred case (``doorverwezen_van``) is the same story told
again at another receiver: across receivers it counts once, as the case it came from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case, Count, QuerySet, TextField, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from vangnet.meldingen.models import Melding
from vangnet.monitoring.dimensies import DIMENSIES, ONBEKEND, gedrag_filter
from vangnet.monitoring.periodes import Kwartaal


def alle_meldingen() -> QuerySet[Melding]:
    """Every case once: referrals count as the case they came from."""
    return Melding.objects.filter(doorverwezen_van__isnull=True)


def van_ontvanger(ontvanger_id: int) -> QuerySet[Melding]:
    """A receiver's own cases, those referred to it included (each once, for it)."""
    return Melding.objects.filter(ontvanger_id=ontvanger_id)


@dataclass
class Telresultaat:
    """Counts per quarter code: ``totaal[kw]`` and ``cellen[(kw, waarde[, waarde2])]``."""

    per: list[str]
    totaal: Counter = field(default_factory=Counter)
    cellen: Counter = field(default_factory=Counter)


def _kwartaal_van(kwartalen: list[Kwartaal]) -> Case:
    return Case(
        *[When(ontvangen_op__lt=k.einde, then=Value(k.code)) for k in sorted(kwartalen)],
        output_field=TextField(),
    )


def tel(
    meldingen: QuerySet[Melding],
    kwartalen: list[Kwartaal],
    per: list[str],
    nu: datetime | None = None,
) -> Telresultaat:
    """Count ``meldingen`` received in ``kwartalen`` by one or two dimensions.

    Two queries: the totals per quarter, and the cells. A quarter not in the list but
    between its first and last is counted too, so pass consecutive quarters.
    """
    nu = nu or timezone.now()
    kwartalen = sorted(kwartalen)
    uit = Telresultaat(per=list(per))
    qs = meldingen.filter(
        ontvangen_op__gte=kwartalen[0].begin, ontvangen_op__lt=kwartalen[-1].einde
    ).annotate(kw=_kwartaal_van(kwartalen))
    for rij in qs.order_by().values("kw").annotate(n=Count("pk")):
        uit.totaal[rij["kw"]] = rij["n"]
    if not per:
        return uit
    enkel = [naam for naam in per if not DIMENSIES[naam].meervoudig]
    meervoudig = [naam for naam in per if DIMENSIES[naam].meervoudig]
    sleutels = {f"d{i}": DIMENSIES[naam].uitdrukking(nu) for i, naam in enumerate(enkel)}
    qs = qs.annotate(**sleutels).order_by()
    if not meervoudig:
        for rij in qs.values("kw", *sleutels).annotate(n=Count("pk")):
            waarden = tuple(rij[s] or ONBEKEND for s in sleutels)
            uit.cellen[(rij["kw"], *waarden)] += rij["n"]
        return uit
    gedrag = DIMENSIES[meervoudig[0]]
    tellers = {
        f"g{j}": Count("pk", filter=gedrag_filter(code)) for j, code in enumerate(gedrag.codes)
    }
    qs = qs.annotate(gedrag_tekst=Cast("gedrag", TextField()))
    positie = per.index(gedrag.naam)
    for rij in qs.values("kw", *sleutels).annotate(**tellers):
        andere = [rij[s] or ONBEKEND for s in sleutels]
        for j, code in enumerate(gedrag.codes):
            if rij[f"g{j}"]:
                waarden = list(andere)
                waarden.insert(positie, code)
                uit.cellen[(rij["kw"], *waarden)] += rij[f"g{j}"]
    return uit

"""The state of the action plan as the overview, the budget page and the interim report show
it: one source for the pages and the report."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.db.models import Prefetch, QuerySet, Sum

from vangnet.actieplan.choices import Actieterrein, BoekingSoort, PostSoort, Status
from vangnet.actieplan.models import Actie, Begrotingspost, Boeking, Voortgang
from vangnet.kaart.models import Organisatie


def acties_met_voortgang() -> QuerySet[Actie]:
    """Every action with what the overview shows, in a fixed number of queries."""
    return Actie.objects.prefetch_related(
        Prefetch("partners", queryset=Organisatie.objects.order_by("naam")),
        Prefetch(
            "voortgang",
            queryset=Voortgang.objects.select_related("organisatie").order_by(
                "-datum", "-aangemaakt_op"
            ),
        ),
        "deelacties",
    ).order_by("volgorde")


def stand(acties: list[Actie]) -> dict:
    """Counts per actieterrein and status of the actions that carry work (no parents)."""
    uitvoerend = [a for a in acties if not a.deelacties.all()]
    per_terrein = []
    for terrein in Actieterrein:
        tel = Counter(a.status for a in uitvoerend if a.actieterrein == terrein)
        cellen = [(label, tel[code]) for code, label in Status.choices]
        per_terrein.append((terrein.label, cellen, sum(tel.values())))
    totaal = Counter(a.status for a in uitvoerend)
    return {
        "statussen": Status.choices,
        "per_terrein": per_terrein,
        "totaal": [(label, totaal[code]) for code, label in Status.choices],
        "aantal": len(uitvoerend),
        "in_gevaar": [a for a in uitvoerend if a.status == Status.IN_GEVAAR],
    }


def begroting_stand() -> dict:
    """The impulse, what is allocated, committed and paid per purpose, and what remains."""
    posten = list(Begrotingspost.objects.order_by("volgorde"))
    bronnen = [p for p in posten if p.soort == PostSoort.BRON]
    totaal = sum((p.bedrag or Decimal(0) for p in bronnen), Decimal(0))
    sommen = {
        (rij["doel"], rij["soort"]): rij["som"]
        for rij in Boeking.objects.values("doel", "soort").annotate(som=Sum("bedrag"))
    }
    doelen = []
    for p in posten:
        if p.soort != PostSoort.DOEL:
            continue
        rij = {s: sommen.get((p.pk, s), Decimal(0)) for s in BoekingSoort.values}
        rij["post"] = p
        rij["resterend"] = rij[BoekingSoort.TOEWIJZING] - rij[BoekingSoort.BETALING]
        doelen.append(rij)
    toegewezen = sum((d[BoekingSoort.TOEWIJZING] for d in doelen), Decimal(0))
    return {
        "bronnen": bronnen,
        "totaal": totaal,
        "doelen": doelen,
        "toegewezen": toegewezen,
        "vastgelegd": sum((d[BoekingSoort.VASTLEGGING] for d in doelen), Decimal(0)),
        "betaald": sum((d[BoekingSoort.BETALING] for d in doelen), Decimal(0)),
        "niet_toegewezen": totaal - toegewezen,
        "nog_te_betalen": sum((d["resterend"] for d in doelen), Decimal(0)),
    }

"""Synthetic classified cases, for demos and the benchmark: made up, and marked so.

The cases have dates and codes only. Their content is an empty placeholder (``inhoud``
``b""``): no key opens them, because there is nothing to open. They belong to synthetic
receivers (ids ``synthetisch-...``, not active, so no form is shown for them) whose key
fields are empty placeholders too: nobody can report to them or read them. The real
encryption of case content is never needed, so a million cases take about a minute.

The mix of codes follows the shape of the platform (more reports in performing arts and
music, sexual misconduct and psychological violence most often, most acknowledged within
the week); it is made up, not measured.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from vangnet.kaart.choices import Gedrag, Sector
from vangnet.kaart.choices import Status as MelderStatus
from vangnet.meldingen.choices import OntvangerSoort, Route, Status, Uitkomst
from vangnet.meldingen.models import Melding, Ontvanger

VOORVOEGSEL = "synthetisch-"
BATCH = 5000


def _gewogen(waarden: list[str], gewichten: list[float]):
    def kies(rng: random.Random) -> str:
        return rng.choices(waarden, gewichten)[0]

    return kies


_SECTOR = _gewogen(Sector.values, [22, 20, 6, 12, 4, 3, 5, 6, 8, 10, 4])
_STATUS = _gewogen(MelderStatus.values, [30, 8, 22, 10, 8, 10, 8, 4])
_ROUTE = _gewogen(Route.values, [35, 25, 12, 6, 10, 12])
_UITKOMST = _gewogen(Uitkomst.values, [40, 10, 5, 12, 8, 8, 12, 5])
_GEDRAG_KANS = {
    Gedrag.SEKSUEEL: 0.38,
    Gedrag.FYSIEK: 0.10,
    Gedrag.PSYCHISCH: 0.40,
    Gedrag.MACHTSMISBRUIK: 0.25,
    Gedrag.DISCRIMINATIE: 0.12,
}


def maak_ontvangers(aantal: int = 40) -> list[Ontvanger]:
    """Synthetic receivers of every kind (re-used when they exist)."""
    bestaand = list(Ontvanger.objects.filter(slug__startswith=VOORVOEGSEL).order_by("slug"))
    if len(bestaand) >= aantal:
        return bestaand[:aantal]
    soorten = OntvangerSoort.values
    nieuw = [
        Ontvanger(
            slug=f"{VOORVOEGSEL}{i:03d}",
            naam=f"Synthetische ontvanger {i:03d}",
            soort=soorten[i % len(soorten)],
            actief=False,
            publieke_sleutel=b"",
            herstel_publieke_sleutel=b"",
            prive_sleutel_herstel=b"",
        )
        for i in range(len(bestaand), aantal)
    ]
    Ontvanger.objects.bulk_create(nieuw)
    return list(Ontvanger.objects.filter(slug__startswith=VOORVOEGSEL).order_by("slug"))


def _melding(rng: random.Random, ontvanger_id: int, ontvangen: datetime, nu: datetime) -> Melding:
    classificeer = rng.random() < 0.9
    erkend = None
    r = rng.random()
    if r < 0.85:
        erkend = ontvangen + timedelta(hours=rng.uniform(1, 6 * 24))
    elif r < 0.96:
        erkend = ontvangen + timedelta(days=rng.uniform(7.5, 25))
    terug = None
    r = rng.random()
    if r < 0.75:
        terug = ontvangen + timedelta(days=rng.uniform(1, 80))
    elif r < 0.9:
        terug = ontvangen + timedelta(days=rng.uniform(92, 150))
    erkend = erkend if erkend and erkend < nu else None
    terug = terug if terug and terug < nu else None
    afgesloten = None
    if terug and rng.random() < 0.85:
        afgesloten = terug + timedelta(days=rng.uniform(0, 60))
        afgesloten = afgesloten if afgesloten < nu else None
    gedrag = [g for g, kans in _GEDRAG_KANS.items() if rng.random() < kans] if classificeer else []
    return Melding(
        ontvanger_id=ontvanger_id,
        ontvangen_op=ontvangen,
        erkend_op=erkend,
        teruggekoppeld_op=terug,
        afgesloten_op=afgesloten,
        status=Status.AFGESLOTEN
        if afgesloten
        else (Status.IN_GESPREK if erkend else Status.ONTVANGEN),
        inhoud=b"",
        nieuws_voor_team=False,
        gedrag=gedrag,
        sector=_SECTOR(rng) if classificeer or rng.random() < 0.5 else "",
        melder_status=_STATUS(rng) if classificeer else "",
        route=_ROUTE(rng) if classificeer and erkend else "",
        uitkomst=_UITKOMST(rng) if afgesloten else "",
    )


def maak_meldingen(
    aantal: int,
    *,
    jaren: int = 3,
    zaad: int = 1,
    nu: datetime | None = None,
    voortgang: Callable[[int, int], None] | None = None,
) -> int:
    """Insert ``aantal`` synthetic cases received over the last ``jaren`` years.

    About 3 % of them are also referred to another receiver: an extra row that points back
    and is not counted again (so ``aantal`` is what the figures count).
    Bulk inserts of ``BATCH`` rows, each batch in its own transaction.
    """
    nu = nu or timezone.now()
    rng = random.Random(zaad)
    ontvangers = [o.pk for o in maak_ontvangers()]
    begin = nu - timedelta(days=365 * jaren)
    seconden = (nu - begin).total_seconds()
    gemaakt = 0
    while gemaakt < aantal:
        n = min(BATCH, aantal - gemaakt)
        rijen = [
            _melding(
                rng, rng.choice(ontvangers), begin + timedelta(seconds=rng.random() * seconden), nu
            )
            for _ in range(n)
        ]
        with transaction.atomic():
            Melding.objects.bulk_create(rijen, batch_size=1000)
            # A few are referred on: a new case at another receiver, pointing back.
            doorverwezen = [
                Melding(
                    ontvanger_id=rng.choice(ontvangers),
                    doorverwezen_van_id=m.pk,
                    ontvangen_op=m.erkend_op or m.ontvangen_op,
                    status=Status.ONTVANGEN,
                    inhoud=b"",
                    nieuws_voor_team=False,
                    gedrag=m.gedrag,
                    sector=m.sector,
                    melder_status=m.melder_status,
                )
                for m in rijen
                if m.pk and rng.random() < 0.03
            ]
            Melding.objects.bulk_create(doorverwezen, batch_size=1000)
        gemaakt += n
        if voortgang:
            voortgang(gemaakt, aantal)
    return gemaakt


def verwijder() -> int:
    """Remove every synthetic case and receiver (only those: the ids say which)."""
    meldingen = Melding.objects.filter(ontvanger__slug__startswith=VOORVOEGSEL)
    meldingen.filter(doorverwezen_van__isnull=False).delete()
    aantal, _ = meldingen.delete()
    Ontvanger.objects.filter(slug__startswith=VOORVOEGSEL).delete()
    return aantal

"""Synthetic classified cases, for demos and the benchmark: made up, and marked so.

The cases have dates and codes only. Their content is an empty placeholder (``inhoud``
``b""``): no key opens them, because there is nothing to open. They belong to synthetic
receivers (ids ``synthetisch-...``, not active, so no form is shown for them) whose key
fields are empty placeholders too: nobody can report to them or read them. The real
encryption of case content is never needed, and the rows are written past the model layer
(``_Schrijver``), so a million cases take a minute or two.

The mix of codes follows the shape of the platform (more reports in performing arts and
music, sexual misconduct and psychological violence most often, most acknowledged within
the week); it is made up, not measured.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.core.management.color import no_style
from django.db import connections, router, transaction
from django.db.models import BinaryField
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


def _melding(rng: random.Random, ontvanger_id: int, ontvangen: datetime, nu: datetime) -> dict:
    """The columns of one made-up case (see ``_KOLOMMEN``), without its id."""
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
    status = (
        Status.AFGESLOTEN if afgesloten else (Status.IN_GESPREK if erkend else Status.ONTVANGEN)
    )
    return {
        "ontvanger_id": ontvanger_id,
        "doorverwezen_van_id": None,
        "ontvangen_op": ontvangen,
        "erkend_op": erkend,
        "teruggekoppeld_op": terug,
        "afgesloten_op": afgesloten,
        "status": status.value,
        "nieuws_voor_team": False,
        "gedrag": gedrag,
        "sector": _SECTOR(rng) if classificeer or rng.random() < 0.5 else "",
        "melder_status": _STATUS(rng) if classificeer else "",
        "route": _ROUTE(rng) if classificeer and erkend else "",
        "uitkomst": _UITKOMST(rng) if afgesloten else "",
    }


# The columns a synthetic case sets; every other column takes the model's default.
_KOLOMMEN = (
    "id",
    "ontvanger_id",
    "doorverwezen_van_id",
    "ontvangen_op",
    "erkend_op",
    "teruggekoppeld_op",
    "afgesloten_op",
    "status",
    "nieuws_voor_team",
    "gedrag",
    "sector",
    "melder_status",
    "route",
    "uitkomst",
)


class _Schrijver:
    """Writes cases as plain rows, past the model layer: a million cases in a minute or two.

    Every column the synthetic case does not set gets the database value of the model's
    default (taken from one ``Melding()``), so the rows are what ``bulk_create`` would
    write. Ids are given here (after the highest one), so a referred case can point back
    without reading anything; PostgreSQL's sequence is moved past them at the end.
    PostgreSQL gets the rows by ``COPY``, SQLite by ``executemany``.
    """

    def __init__(self) -> None:
        self.verbinding = connections[router.db_for_write(Melding)]
        velden = list(Melding._meta.concrete_fields)
        voorbeeld = Melding(ontvanger_id=0, inhoud=b"")
        self.kolommen = [f.column for f in velden]
        # Binary values as plain bytes (both drivers write those themselves).
        self.vast = {
            f.attname: getattr(voorbeeld, f.attname)
            if isinstance(f, BinaryField)
            else f.get_db_prep_save(getattr(voorbeeld, f.attname), self.verbinding)
            for f in velden
            if f.attname not in _KOLOMMEN
        }
        self.plaats = {f.attname: i for i, f in enumerate(velden)}
        self.attnamen = [f.attname for f in velden]
        self.pg = self.verbinding.vendor == "postgresql"
        hoogste = Melding.objects.order_by("-pk").values_list("pk", flat=True).first()
        self.volgende = (hoogste or 0) + 1

    def rij(self, waarden: dict) -> list:
        uit = [None] * len(self.attnamen)
        for naam, waarde in self.vast.items():
            uit[self.plaats[naam]] = waarde
        if not self.pg:
            # What Django's SQLite backend writes for an aware datetime: UTC, without zone.
            for naam in ("ontvangen_op", "erkend_op", "teruggekoppeld_op", "afgesloten_op"):
                if waarden[naam] is not None:
                    waarden[naam] = str(waarden[naam].astimezone(UTC).replace(tzinfo=None))
        waarden["gedrag"] = json.dumps(waarden["gedrag"])
        for naam, waarde in waarden.items():
            uit[self.plaats[naam]] = waarde
        return uit

    def schrijf(self, rijen: list[list]) -> None:
        tabel = Melding._meta.db_table
        with self.verbinding.cursor() as cursor:
            if self.pg:
                kolommen = ", ".join(f'"{k}"' for k in self.kolommen)
                with cursor.cursor.copy(f'COPY "{tabel}" ({kolommen}) FROM STDIN') as copy:
                    for rij in rijen:
                        copy.write_row(rij)
            else:
                kolommen = ", ".join(self.verbinding.ops.quote_name(k) for k in self.kolommen)
                plaatsen = ", ".join(["%s"] * len(self.kolommen))
                cursor.executemany(
                    # Names from the model, values as parameters.
                    f"INSERT INTO {self.verbinding.ops.quote_name(tabel)} ({kolommen}) "  # noqa: S608
                    f"VALUES ({plaatsen})",
                    rijen,
                )

    def klaar(self) -> None:
        if self.pg:
            with self.verbinding.cursor() as cursor:
                for sql in self.verbinding.ops.sequence_reset_sql(no_style(), [Melding]):
                    cursor.execute(sql)


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
    and is not counted again (so ``aantal`` is what the figures count). Written in batches
    of ``BATCH`` rows as plain rows (``_Schrijver``), each batch in its own transaction.
    """
    nu = nu or timezone.now()
    rng = random.Random(zaad)
    ontvangers = [o.pk for o in maak_ontvangers()]
    begin = nu - timedelta(days=365 * jaren)
    seconden = (nu - begin).total_seconds()
    schrijver = _Schrijver()
    gemaakt = 0
    while gemaakt < aantal:
        n = min(BATCH, aantal - gemaakt)
        rijen = []
        for _ in range(n):
            ontvangen = begin + timedelta(seconds=rng.random() * seconden)
            m = _melding(rng, rng.choice(ontvangers), ontvangen, nu)
            m["id"] = eigen = schrijver.volgende
            schrijver.volgende += 1
            rijen.append(m)
            if rng.random() < 0.03:
                # Referred on: a new case at another receiver, pointing back.
                rijen.append(
                    {
                        **m,
                        "id": schrijver.volgende,
                        "ontvanger_id": rng.choice(ontvangers),
                        "doorverwezen_van_id": eigen,
                        "ontvangen_op": m["erkend_op"] or m["ontvangen_op"],
                        "erkend_op": None,
                        "teruggekoppeld_op": None,
                        "afgesloten_op": None,
                        "status": Status.ONTVANGEN.value,
                        "route": "",
                        "uitkomst": "",
                    }
                )
                schrijver.volgende += 1
        with transaction.atomic(using=schrijver.verbinding.alias):
            schrijver.schrijf([schrijver.rij(m) for m in rijen])
        gemaakt += n
        if voortgang:
            voortgang(gemaakt, aantal)
    schrijver.klaar()
    return gemaakt


def verwijder() -> int:
    """Remove every synthetic case and receiver (only those: the ids say which)."""
    meldingen = Melding.objects.filter(ontvanger__slug__startswith=VOORVOEGSEL)
    meldingen.filter(doorverwezen_van__isnull=False).delete()
    aantal, _ = meldingen.delete()
    Ontvanger.objects.filter(slug__startswith=VOORVOEGSEL).delete()
    return aantal

"""Demo data for the action plan's pages: progress on some actions, meetings, budget figures
and a recommendation, written by a demo partner of SFP and the demo department account.

Idempotent: it does nothing when the demo data is there. Never for production data.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from vangnet.accounts.models import DEPARTEMENT_GROUP, PARTNER_GROUP, Lidmaatschap
from vangnet.actieplan.models import (
    Aanbeveling,
    Actie,
    Begrotingspost,
    Boeking,
    Vergadering,
    Voortgang,
)
from vangnet.kaart.models import Organisatie

BRUSSEL = ZoneInfo("Europe/Brussels")
PARTNER = "demo-sfp"
DEPARTEMENT = "demo-departement"

VOORTGANG = [
    ("2.3.a", date(2024, 6, 3), "lopend", "Twee opleidingen tot vertrouwenspersoon gepland."),
    ("2.3.b", date(2024, 9, 12), "doorlopend", "Vier supervisies per jaar, open voor PC 329."),
    ("2.3.c", date(2024, 10, 1), "in-gevaar", "Weinig kandidaten buiten de podiumkunsten."),
    ("1.4.b", date(2024, 5, 30), "afgerond", "De vernieuwde toolbox staat online."),
    ("1.6", date(2024, 11, 5), "lopend", "Eerste workshop intimiteitscoördinatie gegeven."),
]


class Command(BaseCommand):
    help = "Create demo progress, meetings, budget figures and a recommendation (idempotent)."

    @transaction.atomic
    def handle(self, *args, verbosity: int, **options):
        def stap(tekst: str) -> None:
            if verbosity > 0:
                self.stdout.write(f"  {tekst}")

        if Vergadering.objects.filter(titel__startswith="Demo:").exists():
            self.stdout.write("Demo data for the action plan is already there.")
            return
        model = get_user_model()
        sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
        partner, _ = model.objects.get_or_create(username=PARTNER, defaults={"is_staff": True})
        partner.groups.add(Group.objects.get(name=PARTNER_GROUP))
        Lidmaatschap.objects.get_or_create(user=partner, organisatie=sfp)
        dep, _ = model.objects.get_or_create(username=DEPARTEMENT, defaults={"is_staff": True})
        dep.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP))
        for i, (nummer, datum, status, tekst) in enumerate(VOORTGANG, start=1):
            Voortgang(
                actie=Actie.objects.get(slug=nummer), organisatie=sfp, auteur=partner,
                datum=datum, status=status, tekst=tekst,
            ).save()  # fmt: skip
            stap(f"[{i}/{len(VOORTGANG)}] voortgang {nummer}")
        partners = list(Actie.objects.get(slug="1.1.a").partners.all())
        for n, (soort, titel, dag) in enumerate(
            [
                ("stuurgroep", "Demo: stuurgroep 1", datetime(2024, 6, 18, 14, tzinfo=BRUSSEL)),
                ("stuurgroep", "Demo: stuurgroep 2", datetime(2024, 10, 15, 14, tzinfo=BRUSSEL)),
                ("platform", "Demo: platform", datetime(2024, 11, 26, 13, tzinfo=BRUSSEL)),
                ("werkgroep", "Demo: werkgroep API", datetime(2025, 2, 11, 10, tzinfo=BRUSSEL)),
            ],
            start=1,
        ):  # fmt: skip
            v = Vergadering.objects.create(
                soort=soort, titel=titel, begin=dag, einde=dag + timedelta(hours=2),
                plaats="Arenberggebouw, Brussel", agenda="Stand van de acties; begroting",
                besluiten="Werkgroep rond aanspreekpunten integriteit opgericht." if n == 1 else "",
                ingevoerd_door=dep,
            )  # fmt: skip
            v.aanwezigen.set(partners[: 6 + n])
            stap(f"[{n}/4] vergadering {titel}")
        for slug, soort, bedrag in (
            ("vertrouwenspersonen", "toewijzing", 30000),
            ("vertrouwenspersonen", "vastlegging", 20000),
            ("vertrouwenspersonen", "betaling", 7500),
            ("intimiteitscoordinatie", "toewijzing", 15000),
        ):
            Boeking(
                soort=soort, doel=Begrotingspost.objects.get(slug=slug), bedrag=Decimal(bedrag),
                datum=date(2024, 7, 1), omschrijving="Demo", ingevoerd_door=dep,
            ).save()  # fmt: skip
        stap("begroting")
        Aanbeveling(
            titel="Demo: vertrouwenspersoon bekendmaken bij vrijwilligers",
            tekst="Maak de vertrouwenspersoon en het Meldpunt bekend bij vrijwilligers.",
            afzender="meldpunt", sector="amateurkunsten",
            eigenaar=Organisatie.objects.get(slug="opendoek"),
            deadline=date(2025, 3, 31), datum=date(2024, 10, 20), ingevoerd_door=dep,
        ).save()  # fmt: skip
        stap("aanbeveling")
        self.stdout.write(self.style.SUCCESS("Demo data for the action plan created."))

"""Create a receiver with its keys; prints the recovery key once."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_datetime

from vangnet.meldingen import acties
from vangnet.meldingen.choices import OntvangerSoort
from vangnet.meldingen.models import GERESERVEERDE_IDS, Ontvanger


class Command(BaseCommand):
    help = "Maak een ontvanger (aanspreekpunt op Vangnet) aan met zijn sleutels."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--naam", required=True)
        parser.add_argument("--soort", required=True, choices=OntvangerSoort.values)
        parser.add_argument("--talen", default="nl", help="bv. nl,fr,en")
        parser.add_argument("--bewaartermijn", type=int, default=365, help="dagen na afsluiten")
        parser.add_argument("--van", help="begin van het venster (ISO 8601, met tijdzone)")
        parser.add_argument("--tot", help="einde van het venster (ISO 8601, met tijdzone)")
        parser.add_argument("--terugval", help="id van de terugvalontvanger")

    def handle(self, *args, **opties):
        slug = opties["slug"]
        if slug in GERESERVEERDE_IDS or Ontvanger.objects.filter(slug=slug).exists():
            raise CommandError(f"De id {slug!r} is al in gebruik.")
        velden = {
            "naam": opties["naam"],
            "soort": opties["soort"],
            "talen": [t.strip() for t in opties["talen"].split(",") if t.strip()],
            "bewaartermijn_dagen": opties["bewaartermijn"],
        }
        for optie, veld in (("van", "venster_start"), ("tot", "venster_einde")):
            if opties[optie]:
                moment = parse_datetime(opties[optie])
                if moment is None or moment.tzinfo is None:
                    raise CommandError(f"--{optie}: geef een datum met tijd en tijdzone.")
                velden[veld] = moment
        if opties["terugval"]:
            velden["terugval"] = Ontvanger.objects.filter(slug=opties["terugval"]).first()
            if velden["terugval"] is None:
                raise CommandError("Onbekende terugvalontvanger.")
        nieuw = acties.maak_ontvanger(slug=slug, **velden)
        self.stdout.write(f"Ontvanger {nieuw.ontvanger.slug} aangemaakt.")
        self.stdout.write(
            "Herstelsleutel (bewaar ze offline, bij de beheerder van de ontvanger; "
            "Vangnet toont ze nooit opnieuw):"
        )
        self.stdout.write(nieuw.herstelsleutel)

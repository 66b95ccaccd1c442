"""Rotate a receiver's recovery key with the current one (docs/operations.md, "Keys over
time"): everything sealed to the old key is sealed to a new one, the old one opens nothing
any more. The current key is read from stdin, never from the command line."""

from django.core.management.base import BaseCommand, CommandError

from vangnet.meldingen import acties
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.models import Ontvanger


class Command(BaseCommand):
    help = (
        "Vervang de herstelsleutel van een ontvanger door een nieuwe (met de huidige): alles "
        "wat op de oude verzegeld was, wordt op de nieuwe verzegeld."
    )

    def add_arguments(self, parser):
        parser.add_argument("ontvanger")

    def handle(self, *args, **opties):
        ontvanger = Ontvanger.objects.filter(slug=opties["ontvanger"]).first()
        if ontvanger is None:
            raise CommandError("Onbekende ontvanger.")
        try:
            nieuw = acties.vernieuw_herstelsleutel(
                ontvanger, geheim("Huidige herstelsleutel van de ontvanger: ")
            )
        except acties.Geweigerd as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write("De oude herstelsleutel opent niets meer. Vernietig elke kopie ervan.")
        self.stdout.write(
            "Nieuwe herstelsleutel (bewaar ze offline, bij de beheerder van de ontvanger; "
            "Vangnet toont ze nooit opnieuw):"
        )
        self.stdout.write(nieuw)

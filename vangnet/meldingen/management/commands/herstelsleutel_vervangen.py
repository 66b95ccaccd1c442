"""A receiver's recovery key is lost (docs/operations.md, "A lost recovery key"): a beheerder
of the receiver opens the receiver's key with their own password, and it is sealed to a new
recovery key. The password is read from stdin, never from the command line."""

from django.core.management.base import BaseCommand, CommandError

from vangnet.meldingen import acties
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.models import Teamlid


class Command(BaseCommand):
    help = (
        "De herstelsleutel van een ontvanger is verloren: een beheerder maakt met het eigen "
        "wachtwoord een nieuwe."
    )

    def add_arguments(self, parser):
        parser.add_argument("ontvanger")
        parser.add_argument("beheerder", help="gebruikersnaam van een beheerder van de ontvanger")

    def handle(self, *args, **opties):
        teamlid = (
            Teamlid.objects.select_related("behandelaar__user", "ontvanger")
            .filter(
                ontvanger__slug=opties["ontvanger"],
                behandelaar__user__username=opties["beheerder"],
            )
            .first()
        )
        if teamlid is None:
            raise CommandError("Deze gebruiker zit niet in het team van deze ontvanger.")
        try:
            nieuw = acties.vervang_verloren_herstelsleutel(
                teamlid, geheim("Wachtwoord van de beheerder: ")
            )
        except acties.Geweigerd as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            "De verloren herstelsleutel opent niets meer. De sleutels van de andere teamleden "
            "worden op de nieuwe verzegeld wanneer elk van hen zich opnieuw aanmeldt."
        )
        self.stdout.write(
            "Nieuwe herstelsleutel (bewaar ze offline, bij de beheerder van de ontvanger; "
            "Vangnet toont ze nooit opnieuw):"
        )
        self.stdout.write(nieuw)

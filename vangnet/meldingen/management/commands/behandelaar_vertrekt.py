"""A handler leaves a receiver's team (docs/operations.md, "A handler who leaves"): their
keys to its cases are destroyed, and if they held the receiver's key, the receiver gets a
new key pair. Needs the receiver's recovery key, read from stdin."""

from django.core.management.base import BaseCommand, CommandError

from vangnet.meldingen import acties
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.models import Teamlid


class Command(BaseCommand):
    help = (
        "Een behandelaar verlaat het team van een ontvanger: de sleutels tot de meldingen "
        "van die ontvanger worden vernietigd (en de sleutel van de ontvanger vernieuwd)."
    )

    def add_arguments(self, parser):
        parser.add_argument("ontvanger")
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, **opties):
        teamlid = (
            Teamlid.objects.select_related("behandelaar__user", "ontvanger")
            .filter(
                ontvanger__slug=opties["ontvanger"],
                behandelaar__user__username=opties["gebruikersnaam"],
            )
            .first()
        )
        if teamlid is None:
            raise CommandError("Deze behandelaar zit niet in het team van deze ontvanger.")
        if teamlid.ontvanger.team.count() == 1:
            raise CommandError(
                "Dit is het laatste teamlid: voeg eerst iemand toe die de meldingen overneemt."
            )
        try:
            vertrek = acties.behandelaar_vertrekt(
                teamlid, geheim("Herstelsleutel van de ontvanger: ")
            )
        except acties.Geweigerd as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(
            f"{vertrek.enveloppen} sleutels tot meldingen vernietigd; de behandelaar zit niet "
            "meer in het team."
        )
        if vertrek.opnieuw_verzegeld:
            self.stdout.write(
                f"Nieuw sleutelpaar voor de ontvanger: {vertrek.opnieuw_verzegeld} meldingen "
                "opnieuw verzegeld."
            )
        if vertrek.account_gesloten:
            self.stdout.write("Het account zit in geen team meer en kan zich niet meer aanmelden.")

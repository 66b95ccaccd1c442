"""A handler forgot their password: their admin opens the key with the receiver's recovery
key and gets a one-time link where the handler chooses a new password (the admin never
learns it). The handler's app for the second factor stays as it was, unless ``--nieuwe-app``
(a lost phone). The beheerder's page does the same through ``acties.herstel``."""

from django.core.management.base import BaseCommand, CommandError

from vangnet.meldingen import acties
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.management.commands.behandelaar_toevoegen import meld_link
from vangnet.meldingen.models import Teamlid


class Command(BaseCommand):
    help = (
        "Een behandelaar vergat het wachtwoord: maak met de herstelsleutel van de ontvanger een "
        "eenmalige link waarmee de behandelaar een nieuw wachtwoord kiest."
    )

    def add_arguments(self, parser):
        parser.add_argument("ontvanger")
        parser.add_argument("gebruikersnaam")
        parser.add_argument(
            "--adres",
            default="",
            help="het adres van de site, bv. https://vangnet.be (anders alleen het pad)",
        )
        parser.add_argument(
            "--nieuwe-app",
            action="store_true",
            help="de behandelaar verloor ook de telefoon: de link stelt een nieuwe app in",
        )

    def handle(self, *args, **opties):
        teamlid = (
            Teamlid.objects.select_related("behandelaar__user")
            .filter(
                ontvanger__slug=opties["ontvanger"],
                behandelaar__user__username=opties["gebruikersnaam"],
            )
            .first()
        )
        if teamlid is None:
            raise CommandError("Deze behandelaar zit niet in het team van deze ontvanger.")
        try:
            token = acties.herstel(
                teamlid,
                geheim("Herstelsleutel van de ontvanger: "),
                nieuwe_app=opties["nieuwe_app"],
            )
        except acties.Geweigerd as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write("Het oude wachtwoord werkt niet meer.")
        meld_link(self, teamlid.behandelaar.user, token, opties["adres"])

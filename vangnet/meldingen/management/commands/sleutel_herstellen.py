"""A handler forgot their password: their admin restores it with the recovery key."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from vangnet.meldingen import acties
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.models import Teamlid


class Command(BaseCommand):
    help = "Geef een behandelaar een nieuw wachtwoord met de herstelsleutel van de ontvanger."

    def add_arguments(self, parser):
        parser.add_argument("ontvanger")
        parser.add_argument("gebruikersnaam")

    def handle(self, *args, **opties):
        teamlid = Teamlid.objects.filter(
            ontvanger__slug=opties["ontvanger"],
            behandelaar__user__username=opties["gebruikersnaam"],
        ).first()
        if teamlid is None:
            raise CommandError("Deze behandelaar zit niet in het team van deze ontvanger.")
        herstelsleutel = geheim("Herstelsleutel van de ontvanger: ")
        wachtwoord = geheim("Nieuw wachtwoord: ")
        try:
            validate_password(wachtwoord, teamlid.behandelaar.user)
            acties.herstel(teamlid, herstelsleutel, wachtwoord)
        except (ValidationError, acties.Geweigerd) as fout:
            berichten = getattr(fout, "messages", [str(fout)])
            raise CommandError(" ".join(berichten)) from fout
        self.stdout.write("Het wachtwoord is hersteld; de sleutel van de behandelaar werkt weer.")

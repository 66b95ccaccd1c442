"""Put a handler in a receiver's team (creating the account and its keys if needed)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from vangnet.meldingen import acties
from vangnet.meldingen.choices import Rol
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.models import Behandelaar, Ontvanger


class Command(BaseCommand):
    help = (
        "Voeg een behandelaar toe aan het team van een ontvanger. Vraagt het wachtwoord van "
        "de behandelaar en, voor een beheerder, de herstelsleutel van de ontvanger."
    )

    def add_arguments(self, parser):
        parser.add_argument("ontvanger")
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--rol", choices=Rol.values, default=Rol.BEHANDELAAR)
        parser.add_argument("--naam", help="naam zoals de melder die ziet")
        parser.add_argument("--email", default="")

    def handle(self, *args, **opties):
        ontvanger = Ontvanger.objects.filter(slug=opties["ontvanger"]).first()
        if ontvanger is None:
            raise CommandError("Onbekende ontvanger.")
        ontvanger_prive = None
        if opties["rol"] == Rol.BEHEERDER:
            try:
                ontvanger_prive = acties.ontvanger_prive_uit_herstel(
                    ontvanger, geheim("Herstelsleutel van de ontvanger: ")
                )
            except acties.Geweigerd as fout:
                raise CommandError(str(fout)) from fout
        wachtwoord = geheim("Wachtwoord van de behandelaar: ")
        User = get_user_model()
        user = User.objects.filter(username=opties["gebruikersnaam"]).first()
        if user is None:
            try:
                validate_password(wachtwoord)
            except ValidationError as fout:
                raise CommandError(" ".join(fout.messages)) from fout
            user = User.objects.create_user(
                opties["gebruikersnaam"], password=wachtwoord, email=opties["email"]
            )
        behandelaar = Behandelaar.objects.filter(user=user).first()
        if behandelaar is None:
            if not user.check_password(wachtwoord):
                raise CommandError("Dat wachtwoord klopt niet.")
            behandelaar, prive = acties.maak_behandelaar(
                user, wachtwoord, opties["naam"] or user.get_username()
            )
        else:
            prive = acties.ontgrendel(behandelaar, wachtwoord)
            if prive is None:
                raise CommandError("Dat wachtwoord klopt niet.")
        acties.voeg_toe_aan_team(
            ontvanger, behandelaar, prive, rol=opties["rol"], ontvanger_prive=ontvanger_prive
        )
        self.stdout.write(
            f"{user.get_username()} is {opties['rol']} bij {ontvanger.slug}. "
            "Bij de eerste aanmelding stelt de behandelaar de tweestapsverificatie in."
        )

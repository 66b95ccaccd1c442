"""Put a handler in a receiver's team; a new handler gets a one-time enrolment link.

The operator never types or learns a handler's password. A new account is made without a
usable password, with its key behind a link that works once and for 48 hours
(``meldingen/inschrijving.py``): it is printed for the operator to hand over out of band,
and e-mailed when ``--email`` is given. Whoever opens it sets the password and the app. An
existing handler who joins another team needs nothing: their key is sealed to the new
receiver's recovery key at their next sign-in.
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from vangnet.meldingen import acties, inschrijving
from vangnet.meldingen.choices import Rol
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.models import Behandelaar, Ontvanger


def inschrijflink(adres: str, token: str) -> str:
    return f"{adres.rstrip('/')}{inschrijving.PAD}?code={token}"


def meld_link(command: BaseCommand, user, link: str) -> None:
    """Print the link for the operator, and e-mail it to the handler if they have an address."""
    command.stdout.write(
        "Eenmalige inschrijflink (48 uur geldig). Geef ze zelf door langs een ander kanaal "
        f"en bewaar ze niet:\n{link}"
    )
    if user.email:
        send_mail(
            "Vangnet: stel je account in",
            "Je bent behandelaar op Vangnet. Open deze link om je eigen wachtwoord te kiezen "
            "en je app voor tweestapsverificatie in te stellen. Ze werkt één keer, 48 uur "
            f"lang:\n\n{link}\n\nVerwachtte je deze e-mail niet? Open de link dan niet en "
            "verwittig de beheerder van je team.",
            None,
            [user.email],
        )
        command.stdout.write(f"De link is ook gemaild naar {user.email}.")


class Command(BaseCommand):
    help = (
        "Voeg een behandelaar toe aan het team van een ontvanger. Een nieuwe behandelaar krijgt "
        "een eenmalige inschrijflink; voor een beheerder vraagt het de herstelsleutel van de "
        "ontvanger."
    )

    def add_arguments(self, parser):
        parser.add_argument("ontvanger")
        parser.add_argument("gebruikersnaam")
        parser.add_argument("--rol", choices=Rol.values, default=Rol.BEHANDELAAR)
        parser.add_argument("--naam", help="naam zoals de melder die ziet")
        parser.add_argument("--email", default="", help="de link wordt ook hierheen gemaild")
        parser.add_argument(
            "--adres",
            default="",
            help="het adres van de site, bv. https://vangnet.be (anders alleen het pad)",
        )

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
        User = get_user_model()
        token = None
        with transaction.atomic():
            user = User.objects.filter(username=opties["gebruikersnaam"]).first()
            if user is None:
                user = User.objects.create_user(opties["gebruikersnaam"], email=opties["email"])
                behandelaar, prive, token = acties.maak_behandelaar_met_link(
                    user, opties["naam"] or user.get_username()
                )
            else:
                behandelaar = Behandelaar.objects.filter(user=user).first()
                if behandelaar is None:
                    raise CommandError(
                        "Dit account bestaat al en is geen behandelaar: kies een andere naam."
                    )
                prive = None  # sealed to this receiver's recovery key at the next sign-in
            acties.voeg_toe_aan_team(
                ontvanger, behandelaar, prive, rol=opties["rol"], ontvanger_prive=ontvanger_prive
            )
        self.stdout.write(f"{user.get_username()} is {opties['rol']} bij {ontvanger.slug}.")
        if token is not None:
            meld_link(self, user, inschrijflink(opties["adres"], token))

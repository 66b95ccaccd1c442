"""Put a handler in a receiver's team; a new handler gets a one-time enrolment link.

The operator never types or learns a handler's password. A new account is made without a
usable password, with its key behind a link that works once and for 48 hours
(``meldingen/inschrijving.py``): it is printed for the operator to hand over out of band,
and queued by e-mail (``post.py``) when ``--email`` is given. Whoever opens it sets the
password and the app. An existing handler who joins another team needs nothing: their key
is sealed to the new receiver's recovery key at their next sign-in.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from vangnet.meldingen import acties, inschrijving
from vangnet.meldingen.choices import Rol
from vangnet.meldingen.management.commands._invoer import geheim
from vangnet.meldingen.models import Behandelaar, Ontvanger


def meld_link(command: BaseCommand, user, token: str, adres: str) -> None:
    """Print the link for the operator, and queue it by e-mail (``post.py``, sent by
    ``verstuur_berichten``) to the handler if they have an address."""
    command.stdout.write(
        "Eenmalige inschrijflink (48 uur geldig). Geef ze zelf door langs een ander kanaal "
        f"en bewaar ze niet:\n{inschrijving.linkadres(token, adres)}"
    )
    if user.email:
        inschrijving.mail_link(user.email, token, adres)
        command.stdout.write(
            f"De link wordt ook gemaild naar {user.email} (door verstuur_berichten)."
        )


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
            meld_link(self, user, token, opties["adres"])

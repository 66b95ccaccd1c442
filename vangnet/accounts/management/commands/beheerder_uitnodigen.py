"""Invite a person to the admin (``/beheer/``): prints a one-time enrolment link.

The account is created if needed (staff, no usable password) or reset (no usable password,
no second factor: a lost phone); the person chooses a password and sets up their
authenticator app through the link (``accounts/inschrijving.py``). The operator hands the
link over out of band and never learns the password or the app's secret.

``--stuurgroep`` makes the account a member of the stuurgroep (``/actieplan/``,
``/monitoring/``), alone or with ``--partner`` for the organisation the member represents.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from vangnet.accounts import inschrijving
from vangnet.accounts.models import (
    DEPARTEMENT_GROUP,
    PARTNER_GROUP,
    STUURGROEP_GROUP,
    Lidmaatschap,
)
from vangnet.kaart.models import Organisatie
from vangnet.meldingen.models import Behandelaar


class Command(BaseCommand):
    help = (
        "Nodig iemand uit voor /beheer/: drukt een eenmalige link af om het account in te stellen."
    )

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam")
        rol = parser.add_mutually_exclusive_group()
        rol.add_argument("--departement", action="store_true", help="bewerkt alle inhoud")
        rol.add_argument(
            "--partner", metavar="ORGANISATIE", help="bewerkt voor deze organisatie (id/slug)"
        )
        parser.add_argument(
            "--stuurgroep",
            action="store_true",
            help="lid van de stuurgroep: leest het hele actieplan en de cijfers",
        )
        parser.add_argument(
            "--adres",
            default="",
            help="het adres van de site, bv. https://vangnet.be (anders alleen het pad)",
        )

    def handle(
        self,
        *args,
        gebruikersnaam: str,
        departement: bool,
        partner: str,
        stuurgroep: bool,
        adres: str,
        **opties,
    ):
        model = get_user_model()
        with transaction.atomic():
            user, nieuw = model.objects.get_or_create(
                username=gebruikersnaam, defaults={"is_staff": True}
            )
            if Behandelaar.objects.filter(user=user).exists():
                # A handler's password also protects their key: it is reset elsewhere
                # (manage.py sleutel_herstellen), never by an admin invitation.
                raise CommandError(f"{gebruikersnaam} is een behandelaar, geen beheeraccount.")
            if not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            if departement:
                user.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP))
            if stuurgroep:
                user.groups.add(Group.objects.get(name=STUURGROEP_GROUP))
            if partner:
                organisatie = Organisatie.objects.filter(slug=partner).first()
                if organisatie is None:
                    raise CommandError(f"Geen organisatie met id {partner}.")
                user.groups.add(Group.objects.get(name=PARTNER_GROUP))
                Lidmaatschap.objects.get_or_create(user=user, organisatie=organisatie)
            uid, token = inschrijving.uitnodigen(user)
        link = f"{adres.rstrip('/')}/beheer/inschrijven/{uid}/{token}/"
        self.stdout.write(
            f"{'Nieuw account' if nieuw else 'Account opnieuw in te stellen'}: {gebruikersnaam}.\n"
            f"Eenmalige link (geldig 3 dagen; geef ze door langs een ander kanaal dan het "
            f"wachtwoord ooit ging, en bewaar ze niet):\n{link}"
        )

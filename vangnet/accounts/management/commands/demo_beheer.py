"""The demo department account `make run` loads, so the admin can be tried at once.

Its password and second-factor secret are in the README: refuses to run outside DEBUG.
Real admin accounts are made with ``manage.py beheerder_uitnodigen``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.accounts.models import DEPARTEMENT_GROUP

GEBRUIKERSNAAM = "demo-departement"
WACHTWOORD = "demo-departement-wachtwoord"
# base32 OZQW4Z3OMV2C2ZDFNVXS2YTFNBSWK4RR: type it into any authenticator app.
TOTP_SLEUTEL = b"vangnet-demo-beheer1".hex()


class Command(BaseCommand):
    help = "Maak het demo-account demo-departement voor /beheer/ (alleen in ontwikkeling)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--code", action="store_true", help="toon de huidige tweestapscode van de demo"
        )

    def handle(self, *args, **opties):
        if not settings.DEBUG:
            raise CommandError("Demo-gegevens alleen in ontwikkeling (DEBUG=true).")
        if opties["code"]:
            self.stdout.write(f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}")
            return
        model = get_user_model()
        if model.objects.filter(username=GEBRUIKERSNAAM).exists():
            self.stdout.write("Demo-beheeraccount is er al.")
            return
        user = model.objects.create_user(GEBRUIKERSNAAM, password=WACHTWOORD, is_staff=True)
        user.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP))
        TOTPDevice.objects.create(user=user, name="demo", key=TOTP_SLEUTEL, confirmed=True)
        self.stdout.write(
            f"Demo-beheer: /beheer/ als {GEBRUIKERSNAAM} / {WACHTWOORD}; "
            "tweestapscode: manage.py demo_beheer --code"
        )

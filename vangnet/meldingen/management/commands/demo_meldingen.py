"""The demo receivers `make run` loads, so the reporting flow can be tried at once.

- ``demo-api``: the Aanspreekpunt Integriteit of a made-up organisation, with one handler
  whose credentials are in the README (``demo-behandelaar``);
- ``demo-festival``: a public reporting point of a made-up festival, open from yesterday
  for a month, to try the QR code and the poster.

Idempotent; refuses to run outside DEBUG unless forced, because the demo password and
second-factor secret are public.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.meldingen import acties
from vangnet.meldingen.choices import OntvangerSoort, Rol
from vangnet.meldingen.models import Behandelaar, Ontvanger

GEBRUIKERSNAAM = "demo-behandelaar"
WACHTWOORD = "demo-behandelaar-wachtwoord"
# base32 OZQW4Z3OMV2C2ZDFNVXS25DPORYC2MRQ: type it into any authenticator app.
TOTP_SLEUTEL = b"vangnet-demo-totp-20".hex()


class Command(BaseCommand):
    help = "Laad de demo-ontvangers demo-api en demo-festival met een demo-behandelaar."

    def add_arguments(self, parser):
        parser.add_argument("--ook-zonder-debug", action="store_true")
        parser.add_argument(
            "--code", action="store_true", help="toon de huidige tweestapscode van de demo"
        )

    def handle(self, *args, **opties):
        if not settings.DEBUG and not opties["ook_zonder_debug"]:
            raise CommandError("Demo-gegevens alleen in ontwikkeling (DEBUG=true).")
        if opties["code"]:
            self.stdout.write(f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}")
            return
        if Ontvanger.objects.filter(slug="demo-api").exists():
            self.stdout.write("Demo-ontvangers zijn er al.")
            return
        with transaction.atomic():
            self._laad()
        self.stdout.write(
            f"Demo geladen: /melden/demo-api/ en /m/demo-festival/. Behandelaar: "
            f"{GEBRUIKERSNAAM} / {WACHTWOORD}; tweestapscode: manage.py demo_meldingen --code"
        )

    def _laad(self) -> None:
        nu = timezone.now()
        api = acties.maak_ontvanger(
            slug="demo-api",
            naam="Aanspreekpunt Integriteit – Voorbeeldgezelschap (demo)",
            soort=OntvangerSoort.API,
            talen=["nl", "fr", "en"],
            uitleg=(
                "Dit is een voorbeeld. Het Aanspreekpunt Integriteit van een organisatie "
                "luistert, geeft advies en zoekt met jou naar een volgende stap (actie 2.4)."
            ),
        )
        festival = acties.maak_ontvanger(
            slug="demo-festival",
            naam="Meldpunt Voorbeeldfestival (demo)",
            soort=OntvangerSoort.MELDPUNT_PUBLIEK,
            talen=["nl", "fr", "en"],
            venster_start=nu - timedelta(days=1),
            venster_einde=nu + timedelta(days=30),
            terugval=api.ontvanger,
            bewaartermijn_dagen=180,
        )
        user = get_user_model().objects.create_user(
            GEBRUIKERSNAAM, password=WACHTWOORD, email="demo-behandelaar@example.org"
        )
        behandelaar, prive = acties.maak_behandelaar(user, WACHTWOORD, "Demo Behandelaar")
        for nieuw in (api, festival):
            acties.voeg_toe_aan_team(
                nieuw.ontvanger,
                behandelaar,
                prive,
                rol=Rol.BEHEERDER,
                ontvanger_prive=nieuw.prive_sleutel,
            )
        TOTPDevice.objects.create(user=user, name="demo", key=TOTP_SLEUTEL, confirmed=True)
        assert Behandelaar.objects.filter(user=user).exists()

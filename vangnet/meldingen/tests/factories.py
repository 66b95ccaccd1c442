"""Factories for receivers, handlers and reports, going through the real key handling.

Named people of the test suite:
- hanne handles cases for the receiver ``test-api`` (a beheerder there);
- hugo is a second handler in hanne's team;
- ward handles cases for another receiver, ``test-ander``;
- alice works at the department (conftest.py) and reads no case.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.meldingen import acties
from vangnet.meldingen.choices import OntvangerSoort, Rol
from vangnet.meldingen.models import Behandelaar, Ontvanger


@dataclass
class Lid:
    behandelaar: Behandelaar
    prive: bytes
    wachtwoord: str
    totp: TOTPDevice

    @property
    def user(self):
        return self.behandelaar.user


@dataclass
class Team:
    ontvanger: Ontvanger
    prive: bytes
    herstelsleutel: str
    leden: dict[str, Lid] = field(default_factory=dict)


def maak_lid(naam: str) -> Lid:
    wachtwoord = f"{naam}-wachtwoord-lang-genoeg"
    user = get_user_model().objects.create_user(
        naam, password=wachtwoord, email=f"{naam}@example.org"
    )
    behandelaar, prive = acties.maak_behandelaar(user, wachtwoord, naam.capitalize())
    totp = TOTPDevice.objects.create(user=user, name="telefoon", confirmed=True)
    return Lid(behandelaar, prive, wachtwoord, totp)


def maak_team(
    slug: str = "test-api",
    soort: str = OntvangerSoort.API,
    leden: tuple[str, ...] = ("hanne",),
    beheerders: tuple[str, ...] = ("hanne",),
    **velden,
) -> Team:
    velden.setdefault("naam", f"Ontvanger {slug}")
    velden.setdefault("talen", ["nl", "fr", "en"])
    nieuw = acties.maak_ontvanger(slug=slug, soort=soort, **velden)
    team = Team(nieuw.ontvanger, nieuw.prive_sleutel, nieuw.herstelsleutel)
    for naam in leden:
        lid = maak_lid(naam)
        rol = Rol.BEHEERDER if naam in beheerders else Rol.BEHANDELAAR
        acties.voeg_toe_aan_team(
            nieuw.ontvanger,
            lid.behandelaar,
            lid.prive,
            rol=rol,
            ontvanger_prive=nieuw.prive_sleutel if rol == Rol.BEHEERDER else None,
        )
        team.leden[naam] = lid
    return team


class InzendingFactory(factory.Factory):
    class Meta:
        model = acties.Inzending

    antwoorden = factory.LazyFunction(
        lambda: {
            "wat": "Tijdens de repetitie raakte de regisseur mij aan zonder te vragen.",
            "wanneer": "minder-dan-week",
            "waar": "Productie Voorbeeld",
            "gedrag": ["seksueel"],
            "rol": "freelancer",
        }
    )
    wensen = factory.LazyFunction(lambda: ["gehoord", "advies"])
    taal = "nl"

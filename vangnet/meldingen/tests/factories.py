"""Factories for receivers, handlers and reports, going through the real key handling.

Named people of the test suite:
- hanne handles cases for the receiver ``test-api`` (a beheerder there);
- hugo is a second handler in hanne's team;
- ward handles cases for another receiver, ``test-ander``;
- alice works at the department (conftest.py) and reads no case.
"""

import re
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.core.tests.livesite import aanvaarde_code
from vangnet.meldingen import acties, workflow
from vangnet.meldingen.choices import ONBEKEND, OntvangerSoort, Rol, Status
from vangnet.meldingen.models import Behandelaar, Melding, Ontvanger


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


def code_van(toestel: TOTPDevice) -> str:
    """The code the handler's app shows now (one step ahead if this one was just used)."""
    toestel.refresh_from_db()
    return aanvaarde_code(
        toestel.bin_key, toestel.t0, toestel.step, toestel.drift, toestel.last_t, toestel.digits
    )


def wachtwoord_ingeven(client: Client, naam: str, wachtwoord: str, **extra):
    return client.post(
        reverse("meldingen:aanmelden"), {"username": naam, "password": wachtwoord, **extra}
    )


def meld_aan(lid: Lid, wachtwoord: str | None = None) -> Client:
    """A browser signed in as ``lid`` through the real pages: password, then the app's code."""
    client = Client()
    antwoord = wachtwoord_ingeven(client, lid.user.username, wachtwoord or lid.wachtwoord)
    assert antwoord.status_code == 302, antwoord.content.decode()
    antwoord = client.post(reverse("meldingen:tweede-stap"), {"code": code_van(lid.totp)})
    assert antwoord["Location"] == reverse("meldingen:overzicht")
    return client


def sleutel_van(melding: Melding, lid: Lid) -> bytes:
    return acties.sleutel_uit_envelop(
        melding.enveloppen.get(behandelaar=lid.behandelaar), lid.prive
    )


def verzendtoken(client: Client, formulier: str) -> dict[str, str]:
    """The one-time token of the report form at ``formulier``, as the page hands it out."""
    pagina = client.get(formulier).content.decode()
    gevonden = re.search(r'name="verzendtoken" value="([^"]+)"', pagina)
    assert gevonden, "the report form carries a one-time token"
    return {"verzendtoken": gevonden.group(1)}


def sluit_af(melding: Melding, door: Behandelaar | None = None, uitkomst: str = "geholpen"):
    """Close a case as the closing form does: the reporter had feedback, every code not set
    yet is "onbekend", then it closes."""
    workflow.noteer_terugkoppeling(melding, timezone.now(), door=door)
    for veld in ("gedrag", "sector", "melder_status", "route"):
        if not getattr(melding, veld):
            setattr(melding, veld, [ONBEKEND] if veld == "gedrag" else ONBEKEND)
    melding.save(update_fields=["gedrag", "sector", "melder_status", "route"])
    return workflow.verander_status(melding, Status.AFGESLOTEN, door=door, uitkomst=uitkomst)

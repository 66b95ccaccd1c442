"""Test steps for one-time enrolment links: the mail that carries one, and enrolling."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.meldingen import post
from vangnet.meldingen.tests.factories import code_van

LINK = re.compile(r"https?://[^/\s]+(/behandelen/inschrijven/\?code=\S+)")


def verstuurde_link(aan: str) -> str:
    """Send what the mail queue holds and return the enrolment path mailed to ``aan``."""
    post.verstuur_wat_klaar_staat()
    berichten = [m for m in mail.outbox if m.to == [aan]]
    assert berichten, f"a mail to {aan}"
    return LINK.search(berichten[-1].body).group(1)


def schrijf_in(pad: str, wachtwoord: str) -> Client:
    """Open an enrolment link in a fresh browser, choose a password and set up the app."""
    client = Client()
    assert client.get(pad).status_code == 200
    code = pad.split("code=")[1]
    antwoord = client.post(
        reverse("meldingen:inschrijven"), {"code": code, "nieuw": wachtwoord, "herhaal": wachtwoord}
    )
    assert antwoord["Location"] == reverse("meldingen:tweede-stap"), antwoord.content.decode()
    assert client.get(reverse("meldingen:tweede-stap")).status_code == 200
    toestel = TOTPDevice.objects.get(user_id=client.session["_auth_user_id"], confirmed=False)
    antwoord = client.post(reverse("meldingen:tweede-stap"), {"code": code_van(toestel)})
    assert antwoord["Location"] == reverse("meldingen:overzicht"), antwoord.content.decode()
    return client

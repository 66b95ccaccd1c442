"""The management commands: creating receivers and handlers, recovery, retention, demo."""

import io
import re
from datetime import timedelta

from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from vangnet.meldingen import acties
from vangnet.meldingen.choices import Rol
from vangnet.meldingen.models import Inschrijflink, Melding, Ontvanger, Teamlid
from vangnet.meldingen.tests.factories import InzendingFactory, maak_team, sluit_af

pytestmark = pytest.mark.django_db


def _roep(*args, invoer: str = "") -> str:
    uit = io.StringIO()
    import sys

    oud = sys.stdin
    sys.stdin = io.StringIO(invoer)
    try:
        call_command(*args, stdout=uit)
    finally:
        sys.stdin = oud
    return uit.getvalue()


def _herstelsleutel(uitvoer: str) -> str:
    return uitvoer.strip().splitlines()[-1]


def _token(uitvoer: str) -> str:
    """The token of the enrolment link a command printed."""
    return re.search(r"/behandelen/inschrijven/\?code=(\S+)", uitvoer).group(1)


def _schrijf_in(token: str, wachtwoord: str) -> Client:
    """The handler opens the link and chooses their password."""
    client = Client()
    antwoord = client.post(
        reverse("meldingen:inschrijven"),
        {"code": token, "nieuw": wachtwoord, "herhaal": wachtwoord},
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:1000]
    return client


def test_creating_a_receiver_prints_its_recovery_key_once():
    uit = _roep("ontvanger_aanmaken", "test-nieuw", "--naam", "Nieuw", "--soort", "api")
    ontvanger = Ontvanger.objects.get(slug="test-nieuw")
    herstel = _herstelsleutel(uit)
    assert acties.ontvanger_prive_uit_herstel(ontvanger, herstel)
    assert herstel.replace("-", "") not in str(
        Ontvanger.objects.filter(slug="test-nieuw").values().get()
    )


def test_a_receiver_may_not_take_the_address_of_a_page():
    with pytest.raises(CommandError):
        _roep("ontvanger_aanmaken", "opvolgen", "--naam", "X", "--soort", "api")


def test_a_window_needs_a_time_zone():
    with pytest.raises(CommandError, match="tijdzone"):
        _roep(
            "ontvanger_aanmaken",
            "test-fest",
            "--naam",
            "F",
            "--soort",
            "meldpunt-publiek",
            "--van",
            "2026-07-03T18:00",
        )


def test_a_beheerder_is_appointed_with_the_recovery_key_and_can_open_new_cases():
    uit = _roep("ontvanger_aanmaken", "test-nieuw", "--naam", "Nieuw", "--soort", "api")
    herstel = _herstelsleutel(uit)
    uit = _roep(
        "behandelaar_toevoegen", "test-nieuw", "greet", "--rol", "beheerder", invoer=f"{herstel}\n"
    )
    lid = Teamlid.objects.get(behandelaar__user__username="greet")
    assert lid.rol == Rol.BEHEERDER
    _schrijf_in(_token(uit), "greet-een-lang-wachtwoord-42")
    lid.behandelaar.refresh_from_db()
    prive = acties.ontgrendel(lid.behandelaar, "greet-een-lang-wachtwoord-42")
    assert acties.ontvangersleutel(lid, prive)
    melding, _ = acties.dien_in(lid.ontvanger, InzendingFactory())
    envelop = melding.enveloppen.get(behandelaar=lid.behandelaar)
    assert acties.inhoud(melding, acties.sleutel_uit_envelop(envelop, prive))


def test_a_wrong_recovery_key_appoints_nobody():
    _roep("ontvanger_aanmaken", "test-nieuw", "--naam", "Nieuw", "--soort", "api")
    andere = acties.herstelsleutel_als_tekst(b"\x01" * 32)
    with pytest.raises(CommandError):
        _roep(
            "behandelaar_toevoegen",
            "test-nieuw",
            "greet",
            "--rol",
            "beheerder",
            invoer=f"{andere}\n",
        )
    assert not Teamlid.objects.exists()


def test_a_weak_password_is_refused_on_the_enrolment_page_and_the_link_still_works():
    _roep("ontvanger_aanmaken", "test-nieuw", "--naam", "Nieuw", "--soort", "api")
    token = _token(_roep("behandelaar_toevoegen", "test-nieuw", "greet"))
    antwoord = Client().post(
        reverse("meldingen:inschrijven"), {"code": token, "nieuw": "kort", "herhaal": "kort"}
    )
    assert antwoord.status_code == 200 and antwoord.context["form"].errors
    assert Inschrijflink.objects.count() == 1
    _schrijf_in(token, "greet-een-lang-wachtwoord-42")


def test_the_recovery_key_gives_a_handler_who_forgot_their_password_a_new_one():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    uit = _roep("sleutel_herstellen", "test-api", "hanne", invoer=f"{team.herstelsleutel}\n")
    hanne.behandelaar.refresh_from_db()
    assert acties.ontgrendel(hanne.behandelaar, hanne.wachtwoord) is None
    assert not hanne.user.__class__.objects.get(pk=hanne.user.pk).has_usable_password()
    _schrijf_in(_token(uit), "een-nieuw-lang-wachtwoord-77")
    hanne.behandelaar.refresh_from_db()
    prive = acties.ontgrendel(hanne.behandelaar, "een-nieuw-lang-wachtwoord-77")
    assert prive == hanne.prive
    assert acties.ontgrendel(hanne.behandelaar, hanne.wachtwoord) is None
    envelop = melding.enveloppen.get(behandelaar=hanne.behandelaar)
    assert acties.sleutel_uit_envelop(envelop, prive)


def test_retention_destroys_only_closed_cases_past_their_period_and_can_run_again():
    team = maak_team(bewaartermijn_dagen=30)
    hanne = team.leden["hanne"].behandelaar
    oud, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    recent, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    open_, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    for melding in (oud, recent):
        sluit_af(melding, door=hanne)
    Melding.objects.filter(pk=oud.pk).update(afgesloten_op=timezone.now() - timedelta(days=31))
    assert "1 meldingen zouden" in _roep("vernietig_meldingen", "--proef")
    uit = _roep("vernietig_meldingen")
    assert "1 meldingen vernietigd, 2 bewaard" in uit
    assert Melding.objects.get(pk=oud.pk).vernietigd_op
    assert not Melding.objects.get(pk=recent.pk).vernietigd_op
    assert not Melding.objects.get(pk=open_.pk).vernietigd_op
    assert "0 meldingen vernietigd" in _roep("vernietig_meldingen")


@override_settings(DEBUG=True)
def test_the_demo_loads_once_and_its_handler_can_unlock_with_the_readme_password():
    from vangnet.meldingen.management.commands import demo_meldingen

    _roep("demo_meldingen")
    assert "er al" in _roep("demo_meldingen")
    lid = Teamlid.objects.get(ontvanger__slug="demo-api")
    assert acties.ontgrendel(lid.behandelaar, demo_meldingen.WACHTWOORD)
    festival = Ontvanger.objects.get(slug="demo-festival")
    assert festival.open_op(timezone.now())
    assert _roep("demo_meldingen", "--code").strip().isdigit()


def test_the_demo_refuses_to_load_outside_development():
    with pytest.raises(CommandError, match="DEBUG"):
        _roep("demo_meldingen")


def test_the_operators_recovery_can_also_replace_a_lost_phone_and_is_audited():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from vangnet.meldingen.models import Auditregel

    team = maak_team()
    hanne = team.leden["hanne"]
    _roep(
        "sleutel_herstellen",
        "test-api",
        "hanne",
        "--nieuwe-app",
        invoer=f"{team.herstelsleutel}\n",
    )
    assert not TOTPDevice.objects.filter(user=hanne.user).exists(), "the lost app is gone"
    regel = Auditregel.objects.get(detail=f"herstel {hanne.behandelaar.pk} met nieuwe app")
    assert regel.gebruiker is None and regel.ontvanger == team.ontvanger

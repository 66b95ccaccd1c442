"""An organisation requests a reporting point; the department decides; the organisation
sets it up; its first member enrols; the first report comes in and is handled. Through the
real pages."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from vangnet.aanvragen.models import Aanvraag
from vangnet.aanvragen.tests.helpers import (
    aanvraag_gegevens,
    organisatie,
    schrijf_in,
    verstuurde_link,
)
from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.meldingen.models import Auditregel, Melding, Ontvanger, Postbericht, Teamlid
from vangnet.meldingen.tests.factories import maak_team

pytestmark = pytest.mark.django_db

HERSTELSLEUTEL = re.compile(r"\b(?:[A-Z2-7]{4}-){12}[A-Z2-7]{4}\b")
VERHAAL = "Aan de bar werd ik lastiggevallen. Kenmerk-ZK27."


@pytest.fixture
def departement(alice) -> Client:
    client = Client()
    meld_aan_in_beheer(client, alice)
    return client


@pytest.fixture
def terugval():
    return maak_team("test-terugval", leden=("ward",), beheerders=("ward",)).ontvanger


def _tekst(antwoord) -> str:
    return antwoord.content.decode()


def _dien_in(client, terugval, **anders) -> Aanvraag:
    antwoord = client.post(reverse("aanvragen:nieuw"), aanvraag_gegevens(terugval, **anders))
    assert antwoord.status_code == 302, _tekst(antwoord)
    return Aanvraag.objects.latest("pk")


def test_a_request_goes_from_approval_to_a_handled_first_report(departement, terugval):
    account, organisator = organisatie()
    # Reachable from the organisation's account page.
    assert reverse("aanvragen:mijn") in _tekst(
        organisator.get(reverse("quickscan:mijn-resultaten"))
    )
    aanvraag = _dien_in(organisator, terugval)
    assert Ontvanger.objects.count() == 1, "nothing is live before approval"
    antwoord = organisator.post(reverse("aanvragen:klaarzetten", args=[aanvraag.pk]))
    assert antwoord.status_code == 302 and Ontvanger.objects.count() == 1

    # The department sees it waiting and approves it.
    lijst = _tekst(departement.get(reverse("aanvragen:departement")))
    assert reverse("aanvragen:beslissen", args=[aanvraag.pk]) in lijst
    antwoord = departement.post(
        reverse("aanvragen:beslissen", args=[aanvraag.pk]), {"beslissing": "goedkeuren"}
    )
    assert antwoord.status_code == 302
    assert Ontvanger.objects.count() == 1, "approval alone puts nothing online"

    # The organisation sets it up and sees its recovery key once, on a printable sheet.
    pagina = _tekst(organisator.get(aanvraag.get_absolute_url()))
    assert reverse("aanvragen:klaarzetten", args=[aanvraag.pk]) in pagina
    antwoord = organisator.post(reverse("aanvragen:klaarzetten", args=[aanvraag.pk]))
    assert antwoord.status_code == 200
    assert "no-store" in antwoord["Cache-Control"]
    herstelsleutel = HERSTELSLEUTEL.search(_tekst(antwoord)).group()
    assert "Waar bewaar je ze?" in _tekst(antwoord)
    ontvanger = Ontvanger.objects.get(aanvraag=aanvraag)
    assert ontvanger.soort == "meldpunt-publiek" and ontvanger.terugval == terugval
    assert ontvanger.talen == ["nl", "en"]
    brussel = ZoneInfo("Europe/Brussels")
    assert ontvanger.venster_start == datetime(2027, 7, 1, tzinfo=brussel)
    assert ontvanger.venster_einde == datetime(2027, 7, 5, tzinfo=brussel)
    assert herstelsleutel not in _tekst(organisator.get(aanvraag.get_absolute_url()))
    opnieuw = organisator.post(reverse("aanvragen:klaarzetten", args=[aanvraag.pk]))
    assert opnieuw.status_code == 302 and Ontvanger.objects.count() == 2, "set up once"

    # The first member's link waits in the mail queue, encrypted; nobody else saw it.
    assert mail.outbox == []
    bericht = Postbericht.objects.get()
    assert "inschrijven" not in bericht.tekst
    pad = verstuurde_link("greet@example.org")
    assert pad.split("code=")[1] not in _tekst(antwoord)
    assert Postbericht.objects.get().tekst == "", "the link is wiped once sent"

    # Greet enrols: her own password, her own app; she is the beheerder.
    greet = schrijf_in(pad, "greet-kiest-zelf-een-wachtwoord")
    teamlid = Teamlid.objects.get(ontvanger=ontvanger)
    assert teamlid.rol == "beheerder" and teamlid.behandelaar.user.email == "greet@example.org"
    assert reverse("meldingen:inbox", args=[ontvanger.slug]) in _tekst(
        greet.get(reverse("meldingen:overzicht"))
    )

    # The first report comes in through the public form (inside the event's window).
    Ontvanger.objects.filter(pk=ontvanger.pk).update(venster_start=None, venster_einde=None)
    bezoeker = Client()
    formulier = reverse("meldingen:formulier", args=[ontvanger.slug])
    token = re.search(r'name="verzendtoken" value="([^"]+)"', _tekst(bezoeker.get(formulier)))
    antwoord = bezoeker.post(
        formulier,
        {
            "verzendtoken": token.group(1),
            "wat": VERHAAL,
            "waar": "aan de bar",
            "gedrag": ["seksueel"],
        },
    )
    assert antwoord.status_code == 303, _tekst(antwoord)
    melding = Melding.objects.get(ontvanger=ontvanger)

    # Greet reads it and handles it.
    assert VERHAAL in _tekst(greet.get(reverse("meldingen:melding", args=[melding.pk])))
    actie = reverse("meldingen:handeling", args=[melding.pk, "status"])
    assert greet.post(actie, {"status-naar": "in-gesprek"}).status_code == 302
    melding.refresh_from_db()
    assert melding.status == "in-gesprek"
    assert Auditregel.objects.filter(melding=melding, handeling="gelezen").exists()


def test_a_refused_request_says_why_and_puts_nothing_online(departement, terugval):
    _account, organisator = organisatie()
    aanvraag = _dien_in(organisator, terugval, soort="api", van="", tot="")
    zonder_reden = departement.post(
        reverse("aanvragen:beslissen", args=[aanvraag.pk]), {"beslissing": "weigeren"}
    )
    assert zonder_reden.status_code == 400, "a refusal needs a reason"
    antwoord = departement.post(
        reverse("aanvragen:beslissen", args=[aanvraag.pk]),
        {"beslissing": "weigeren", "reden": "Dit valt buiten de cultuursector."},
    )
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == "geweigerd" and aanvraag.beslist_op is not None
    pagina = _tekst(organisator.get(aanvraag.get_absolute_url()))
    assert "Dit valt buiten de cultuursector." in pagina
    assert reverse("aanvragen:klaarzetten", args=[aanvraag.pk]) not in pagina
    antwoord = organisator.post(reverse("aanvragen:klaarzetten", args=[aanvraag.pk]))
    assert antwoord.status_code == 302
    assert Ontvanger.objects.count() == 1 and not Postbericht.objects.exists()
    # A decision is taken once.
    departement.post(
        reverse("aanvragen:beslissen", args=[aanvraag.pk]), {"beslissing": "goedkeuren"}
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == "geweigerd"


def test_a_public_reporting_point_needs_the_events_dates(terugval):
    _account, organisator = organisatie()
    antwoord = organisator.post(
        reverse("aanvragen:nieuw"), aanvraag_gegevens(terugval, van="", tot="")
    )
    assert antwoord.status_code == 400
    assert "data van het evenement" in _tekst(antwoord)
    assert not Aanvraag.objects.exists()


def test_an_organisation_sees_only_its_own_requests(terugval):
    _account, zomerklank = organisatie()
    aanvraag = _dien_in(zomerklank, terugval)
    _ander, winterklank = organisatie("winterklank")
    assert winterklank.get(aanvraag.get_absolute_url()).status_code == 404
    assert winterklank.post(reverse("aanvragen:klaarzetten", args=[aanvraag.pk])).status_code == 404


def test_sfp_asks_a_reporting_point_for_a_vertrouwenspersoon_of_its_pool(departement, terugval):
    from vangnet.pool.tests.factories import PoollidFactory

    vera = PoollidFactory(naam="Vera", actief=True)
    _account, sfp = organisatie("sfp")
    aanvraag = _dien_in(
        sfp, terugval, soort="vertrouwenspersoon", naam="Vertrouwenspersoon Vera", van="", tot=""
    )
    pagina = _tekst(departement.get(reverse("aanvragen:beslissen", args=[aanvraag.pk])))
    assert "Vera" in pagina, "the department links the request to the pool member"
    departement.post(
        reverse("aanvragen:beslissen", args=[aanvraag.pk]),
        {"beslissing": "goedkeuren", "poollid": vera.pk},
    )
    assert sfp.post(reverse("aanvragen:klaarzetten", args=[aanvraag.pk])).status_code == 200
    ontvanger = Ontvanger.objects.get(aanvraag=aanvraag)
    assert ontvanger.poollid == vera and ontvanger.venster_start is None


def test_when_the_first_members_link_expired_the_organisation_sends_a_new_one(
    departement, terugval
):
    from datetime import timedelta

    from django.utils import timezone

    from vangnet.meldingen.models import Inschrijflink

    _account, organisator = organisatie()
    aanvraag = _dien_in(organisator, terugval)
    departement.post(
        reverse("aanvragen:beslissen", args=[aanvraag.pk]), {"beslissing": "goedkeuren"}
    )
    blad = organisator.post(reverse("aanvragen:klaarzetten", args=[aanvraag.pk]))
    herstelsleutel = HERSTELSLEUTEL.search(_tekst(blad)).group()
    oud = verstuurde_link("greet@example.org")
    Inschrijflink.objects.update(verloopt=timezone.now() - timedelta(minutes=1))
    assert Client().get(oud).status_code == 404

    pagina = _tekst(organisator.get(aanvraag.get_absolute_url()))
    adres = reverse("aanvragen:nieuwe-link", args=[aanvraag.pk])
    assert adres in pagina
    fout = organisator.post(adres, {"herstelsleutel": "AAAA-BBBB"})
    assert fout.status_code == 400 and "herstelsleutel" in _tekst(fout)
    antwoord = organisator.post(adres, {"herstelsleutel": herstelsleutel})
    assert antwoord["Location"] == aanvraag.get_absolute_url()
    nieuw = verstuurde_link("greet@example.org")
    assert nieuw != oud and nieuw.split("code=")[1] not in _tekst(antwoord)
    assert Auditregel.objects.filter(
        gebruiker=aanvraag.account.user, detail__startswith="herstel"
    ).exists()
    schrijf_in(nieuw, "greet-kiest-zelf-een-wachtwoord")
    # Enrolled: the page no longer offers it, and a post is sent back without a mail.
    assert adres not in _tekst(organisator.get(aanvraag.get_absolute_url()))
    aantal = Postbericht.objects.count()
    organisator.post(adres, {"herstelsleutel": herstelsleutel})
    assert Postbericht.objects.count() == aantal

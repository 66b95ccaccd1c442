"""The whole way, as a person and a handler meet it, through the real pages.

A concert-goer reports anonymously through the QR code of a festival's reporting point,
keeps the receipt, comes back, talks with the team, agrees to a referral, and the case is
closed and, after its retention period, destroyed.
"""

import re
from datetime import timedelta

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from vangnet.meldingen.models import Melding
from vangnet.meldingen.tests.factories import maak_team, meld_aan

pytestmark = pytest.mark.django_db

ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
VERHAAL = "Bij het podium greep iemand mij vast. Kenmerk-7Q2X."


def _tekst(antwoord) -> str:
    return antwoord.content.decode()


def test_a_report_through_a_qr_code_goes_all_the_way_to_its_destruction():
    nu = timezone.now()
    festival = maak_team(
        "test-festival",
        soort="meldpunt-publiek",
        venster_start=nu - timedelta(hours=2),
        venster_einde=nu + timedelta(days=2),
        bewaartermijn_dagen=30,
    )
    opvang = maak_team("test-opvang", leden=("ward",), beheerders=("ward",))
    hanne, ward = festival.leden["hanne"], opvang.leden["ward"]

    # The QR code leads to the short address, and from there to the short form.
    bezoeker = Client()
    antwoord = bezoeker.get("/m/test-festival/")
    assert antwoord.status_code == 302
    formulier = bezoeker.get(antwoord["Location"])
    assert formulier.status_code == 200
    token = re.search(r'name="verzendtoken" value="([^"]+)"', _tekst(formulier)).group(1)
    antwoord = bezoeker.post(
        antwoord["Location"],
        {
            "verzendtoken": token,
            "wat": VERHAAL,
            "waar": "voor het hoofdpodium",
            "gedrag": ["seksueel"],
        },
        follow=True,
    )
    assert antwoord.status_code == 200
    code = ONTVANGSTBEWIJS.search(_tekst(antwoord)).group()

    # The team reads it and answers.
    team = meld_aan(hanne)
    melding = Melding.objects.get(ontvanger=festival.ontvanger)
    assert "te laat" not in _tekst(team.get(reverse("meldingen:inbox", args=["test-festival"])))
    assert VERHAAL in _tekst(team.get(reverse("meldingen:melding", args=[melding.pk])))
    actie = reverse("meldingen:handeling", args=[melding.pk, "status"])
    assert team.post(actie, {"status-naar": "in-gesprek"}).status_code == 302
    actie = reverse("meldingen:handeling", args=[melding.pk, "bericht"])
    team.post(actie, {"bericht-tekst": "Dank je om het te melden. Wil je dat we doorverwijzen?"})

    # The person comes back with the receipt and reads the answer.
    terug = Client()
    antwoord = terug.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": code})
    dossier = antwoord["Location"]
    pagina = _tekst(terug.get(dossier))
    assert "Wil je dat we doorverwijzen?" in pagina
    terug.post(reverse("meldingen:bericht", args=[melding.pk]), {"tekst": "Ja, graag."})

    # The team asks consent to refer the whole report to another receiver; the person agrees.
    actie = reverse("meldingen:handeling", args=[melding.pk, "toestemming"])
    antwoord = team.post(
        actie,
        {
            "toestemming-stap": "doorverwijzing",
            "toestemming-doel": opvang.ontvanger.pk,
            "toestemming-omvang": "volledig",
        },
    )
    assert antwoord.status_code == 302, _tekst(antwoord)
    vraag = melding.toestemmingen.get(stap="doorverwijzing", doel=opvang.ontvanger)
    terug.post(
        reverse("meldingen:toestemming", args=[melding.pk, vraag.pk]), {"beslissing": "gegeven"}
    )
    actie = reverse("meldingen:handeling", args=[melding.pk, "doorverwijzen"])
    assert team.post(actie, {"doorverwijzen-keuze": vraag.pk}).status_code == 302

    # The other receiver has the story without the person retelling it.
    doorverwezen = Melding.objects.get(ontvanger=opvang.ontvanger)
    ander = meld_aan(ward)
    assert VERHAAL in _tekst(ander.get(reverse("meldingen:melding", args=[doorverwezen.pk])))
    assert "Ja, graag." not in _tekst(
        ander.get(reverse("meldingen:melding", args=[doorverwezen.pk]))
    )

    # The festival's team closes its case.
    actie = reverse("meldingen:handeling", args=[melding.pk, "status"])
    team.post(actie, {"status-naar": "nazorg"})
    antwoord = team.post(
        actie,
        {
            "status-naar": "afgesloten",
            "status-uitkomst": "doorverwezen",
            "status-gedrag": ["seksueel"],
            "status-sector": "muziek",
            "status-melder_status": "onbekend",
            "status-route": "doorverwezen-platform",
        },
    )
    assert antwoord.status_code == 302, _tekst(antwoord)
    melding.refresh_from_db()
    assert melding.status == "afgesloten"

    # Thirty days later the retention run destroys it; the referred case lives on.
    Melding.objects.filter(pk=melding.pk).update(afgesloten_op=timezone.now() - timedelta(days=31))
    call_command("vernietig_meldingen", verbosity=0)
    melding.refresh_from_db()
    assert melding.vernietigd_op is not None and bytes(melding.inhoud) == b""
    assert terug.get(dossier).status_code == 404
    opnieuw = Client()
    antwoord = opnieuw.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": code})
    assert antwoord["Location"] == reverse("meldingen:dossier", args=[doorverwezen.pk])

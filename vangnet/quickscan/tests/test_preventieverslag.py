"""The prevention summary (action 1.7): a saved quickscan becomes a dated, signed document
for a subsidy application or an annual report, shared with the department by a link the
organisation can revoke; the department sees who shares one and how they progress.

Het Testgezelschap (podiumkunsten, PC 304) makes summaries; the Ander Collectief is another
organisation; Alice works at the department; Sara sits in the stuurgroep; Bob writes for SFP.
"""

import io
import re
from datetime import timedelta

from django.test import Client
from django.utils import timezone

import pytest
from pypdf import PdfReader

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.quickscan import verslag
from vangnet.quickscan.models import Preventieverslag, Stelling
from vangnet.quickscan.tests.factories import OrganisatieaccountFactory, ResultaatFactory

pytestmark = pytest.mark.django_db

START = "/toolbox/quickscan/"
WACHTWOORD = "een-lang-wachtwoord-42"
PROFIEL = {"vorm": "werkgever", "grootte": "50-of-meer", "paritair_comite": "304"}
ONDERTEKEND = {"ondertekenaar": "Mira Peeters", "functie": "voorzitter raad van bestuur"}


def _scores(kwaliteit, preventie, reactie):
    return {
        "kwaliteit": {"procent": kwaliteit, "woord": "op-weg"},
        "preventie": {"procent": preventie, "woord": "op-weg"},
        "reactie": {"procent": reactie, "woord": "op-weg"},
    }


@pytest.fixture
def gezelschap():
    return OrganisatieaccountFactory(naam="Het Testgezelschap")


@pytest.fixture
def aangemeld(client, gezelschap):
    assert client.login(username=gezelschap.user.username, password=WACHTWOORD)
    return client


def _resultaat(account, scores, nee=(), dagen_geleden=0, sector="podiumkunsten", pc="304"):
    antwoorden = {s.slug: ("nee" if s.slug in nee else "ja") for s in Stelling.objects.all()}
    resultaat = ResultaatFactory(
        account=account,
        profiel={**PROFIEL, "sector": sector, "paritair_comite": pc},
        antwoorden=antwoorden,
        scores=scores,
    )
    resultaat.gemaakt = timezone.now() - timedelta(days=dagen_geleden)
    resultaat.save()
    return resultaat


def _verslag(account, dagen_geleden=0, **kwargs):
    gemaakt = verslag.maak(account, **ONDERTEKEND, **kwargs)
    gemaakt.gemaakt = timezone.now() - timedelta(days=dagen_geleden)
    gemaakt.save()
    return gemaakt


def test_an_organisation_turns_its_latest_result_into_a_signed_summary(aangemeld, gezelschap):
    _resultaat(gezelschap, _scores(40, 20, 80), nee=["gedragscode"])
    antwoord = aangemeld.post(
        START + "verslag/nieuw/", {**ONDERTEKEND, "sindsdien": "Twee mensen volgden een vorming."}
    )
    gemaakt = Preventieverslag.objects.get(account=gezelschap)
    assert antwoord["Location"] == f"{START}verslag/{gemaakt.pk}/"
    html = aangemeld.get(antwoord["Location"]).content.decode()
    assert "Het Testgezelschap" in html
    assert "ondertekend door Mira Peeters (voorzitter raad van bestuur)" in html
    assert "Twee mensen volgden een vorming." in html
    assert Stelling.objects.get(slug="gedragscode").advies in html
    assert verslag.controlecode(gemaakt) in html


def test_a_summary_without_a_signature_answers_400_and_keeps_what_was_typed(aangemeld, gezelschap):
    _resultaat(gezelschap, _scores(40, 20, 80))
    antwoord = aangemeld.post(START + "verslag/nieuw/", {"sindsdien": "Een nieuwe gedragscode."})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Vul de naam in van wie het verslag ondertekent." in html
    assert "Een nieuwe gedragscode." in html
    assert not Preventieverslag.objects.exists()


def test_without_a_saved_result_there_is_nothing_to_summarise(aangemeld):
    antwoord = aangemeld.post(START + "verslag/nieuw/", ONDERTEKEND)
    assert antwoord.status_code == 200
    assert "Je hebt nog geen resultaat bewaard" in antwoord.content.decode()
    assert not Preventieverslag.objects.exists()


def test_the_pdf_carries_the_date_the_signature_the_scores_and_the_seal(aangemeld, gezelschap):
    _resultaat(gezelschap, _scores(40, 20, 80), nee=["gedragscode"])
    gemaakt = _verslag(gezelschap, sindsdien="Een vertrouwenspersoon aangesteld.")
    antwoord = aangemeld.get(f"{START}verslag/{gemaakt.pk}/verslag.pdf")
    assert antwoord["Content-Type"] == "application/pdf"
    tekst = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(antwoord.content)).pages
    ).replace("\n", " ")
    assert "Preventieverslag" in tekst
    assert "Het Testgezelschap" in tekst
    assert "Mira Peeters, voorzitter raad van bestuur" in tekst
    assert "40 %" in tekst and "20 %" in tekst and "80 %" in tekst
    assert "Een vertrouwenspersoon aangesteld." in tekst
    assert verslag.controlecode(gemaakt) in tekst.replace(" ", "")


def test_a_second_summary_shows_what_changed_since_the_first(gezelschap):
    _resultaat(
        gezelschap, _scores(40, 20, 80), nee=["gedragscode", "omgangsregels"], dagen_geleden=200
    )
    _verslag(gezelschap, dagen_geleden=200)
    _resultaat(gezelschap, _scores(70, 35, 80), nee=["omgangsregels"])
    tweede = _verslag(gezelschap)
    gang = verslag.vooruitgang(tweede)
    assert [(v.niveau, v.verschil) for v in gang.niveaus] == [
        ("kwaliteit", 30),
        ("preventie", 15),
        ("reactie", 0),
    ]
    assert [s.slug for s in gang.opgelost] == ["gedragscode"]


def test_the_seal_checks_a_genuine_summary_and_refuses_a_made_up_code(gezelschap):
    _resultaat(gezelschap, _scores(40, 20, 80))
    gemaakt = _verslag(gezelschap)
    bezoeker = Client()
    echt = bezoeker.get(START + "controle/", {"code": verslag.controlecode(gemaakt)})
    assert echt.status_code == 200
    assert "Deze code hoort bij een preventieverslag van Vangnet." in echt.content.decode()
    assert "Het Testgezelschap" in echt.content.decode()
    vals = bezoeker.get(START + "controle/", {"code": f"v{gemaakt.pk}:verzonnen"})
    assert vals.status_code == 400
    assert "Deze code hoort niet bij een verslag van Vangnet." in vals.content.decode()
    assert verslag.uit_controlecode(f"v{gemaakt.pk + 1}:" + "x" * 27) is None


def test_sharing_shows_the_link_once_and_keeps_only_its_hash(aangemeld, gezelschap):
    _resultaat(gezelschap, _scores(40, 20, 80))
    gemaakt = _verslag(gezelschap)
    html = aangemeld.post(f"{START}verslag/{gemaakt.pk}/delen/").content.decode()
    link = re.search(r"https?://[^<\s]+/gedeeld/[^<\s/]+/", html).group(0)
    sleutel = link.rstrip("/").rsplit("/", 1)[1]
    gemaakt.refresh_from_db()
    assert gemaakt.is_gedeeld
    assert sleutel not in gemaakt.deelsleutel
    assert sleutel not in aangemeld.get(f"{START}verslag/{gemaakt.pk}/").content.decode()


def test_the_department_opens_a_shared_summary_until_the_organisation_revokes_it(
    aangemeld, gezelschap, alice
):
    _resultaat(gezelschap, _scores(40, 20, 80))
    gemaakt = _verslag(gezelschap)
    sleutel = verslag.deel(gemaakt)
    departement = Client()
    meld_aan_in_beheer(departement, alice)
    adres = f"{START}gedeeld/{sleutel}/"
    assert "Het Testgezelschap" in departement.get(adres).content.decode()
    aangemeld.post(f"{START}verslag/{gemaakt.pk}/intrekken/")
    ingetrokken = departement.get(adres)
    assert ingetrokken.status_code == 404
    assert "Het Testgezelschap" not in ingetrokken.content.decode()
    assert verslag.gedeelde_verslagen() == []


def test_a_shared_link_is_for_the_department_only(gezelschap, sara, bob):
    _resultaat(gezelschap, _scores(40, 20, 80))
    adres = f"{START}gedeeld/{verslag.deel(_verslag(gezelschap))}/"
    assert Client().get(adres)["Location"].startswith("/beheer/login/")
    for wie in (sara, bob):
        browser = Client()
        meld_aan_in_beheer(browser, wie)
        assert browser.get(adres).status_code == 403


def test_one_organisation_never_opens_or_shares_another_ones_summary(aangemeld):
    ander = OrganisatieaccountFactory(naam="Ander Collectief")
    _resultaat(ander, _scores(40, 20, 80))
    vreemd = _verslag(ander)
    for adres in ("", "verslag.pdf"):
        assert aangemeld.get(f"{START}verslag/{vreemd.pk}/{adres}").status_code == 404
    assert aangemeld.post(f"{START}verslag/{vreemd.pk}/delen/").status_code == 404
    vreemd.refresh_from_db()
    assert not vreemd.is_gedeeld


def test_the_department_sees_who_shares_and_progress_by_sector_and_committee(alice):
    gezelschap = OrganisatieaccountFactory(naam="Het Testgezelschap")
    _resultaat(gezelschap, _scores(40, 20, 80), dagen_geleden=200)
    _verslag(gezelschap, dagen_geleden=200)
    _resultaat(gezelschap, _scores(60, 30, 80))
    verslag.deel(_verslag(gezelschap))
    museum = OrganisatieaccountFactory(naam="Het Testmuseum")
    _resultaat(museum, _scores(20, 10, 50), sector="erfgoed", pc="329")
    verslag.deel(_verslag(museum))
    stil = OrganisatieaccountFactory(naam="Het Stille Huis")
    _resultaat(stil, _scores(90, 90, 90))
    _verslag(stil)  # never shared

    per_comite = {
        g.sleutel: g for g in verslag.overzicht(verslag.gedeelde_verslagen(), "paritair_comite")
    }
    assert per_comite["304"].aantal == 1
    assert per_comite["304"].gemiddeld == {"kwaliteit": 60, "preventie": 30, "reactie": 80}
    assert per_comite["304"].vooruitgang == {"kwaliteit": 20, "preventie": 10, "reactie": 0}
    assert per_comite["329"].vooruitgang == {"kwaliteit": None, "preventie": None, "reactie": None}

    browser = Client()
    meld_aan_in_beheer(browser, alice)
    html = browser.get(START + "verslagen/").content.decode()
    assert "2 organisaties delen nu een preventieverslag" in html
    assert "Het Testgezelschap" in html and "Het Testmuseum" in html
    assert "Het Stille Huis" not in html
    assert "PC 329" in html


def test_the_overview_reads_a_fixed_number_of_queries(alice, django_assert_max_num_queries):
    for i in range(12):
        account = OrganisatieaccountFactory(naam=f"Organisatie {i}")
        _resultaat(account, _scores(40, 20, 80))
        verslag.deel(_verslag(account))
    browser = Client()
    meld_aan_in_beheer(browser, alice)
    with django_assert_max_num_queries(12):
        assert browser.get(START + "verslagen/").status_code == 200


def test_the_department_overview_is_for_the_department_only(bob, sara):
    assert Client().get(START + "verslagen/")["Location"].startswith("/beheer/login/")
    for wie in (bob, sara):
        browser = Client()
        meld_aan_in_beheer(browser, wie)
        assert browser.get(START + "verslagen/").status_code == 403


def test_the_summary_pages_are_in_french_and_english(aangemeld, gezelschap):
    _resultaat(gezelschap, _scores(40, 20, 80))
    gemaakt = _verslag(gezelschap)
    assert (
        "Rapport de prévention"
        in aangemeld.get(f"/fr{START}verslag/{gemaakt.pk}/").content.decode()
    )
    assert "Prevention report" in aangemeld.get(f"/en{START}verslag/{gemaakt.pk}/").content.decode()

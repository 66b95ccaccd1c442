"""The training finder's page: the question, the answer with prices, errors, sessions."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from vangnet.kaart.models import Aanbod
from vangnet.vorming.tests.factories import SessieFactory

pytestmark = pytest.mark.django_db

URL = "/toolbox/vorming/"


def test_the_page_has_its_name_and_sets_no_cookie(client):
    assert reverse("vorming:index") == URL
    response = client.get(URL)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert 'name="statuut"' in html and 'name="pc"' in html and 'name="thema"' in html
    assert "PC 304" in html and "geen of weet ik niet" in html
    assert 'href="/toolbox/vorming/sessies.ics"' in html
    assert "vorming__prijs" not in html  # nothing asked yet


def test_a_freelancer_sees_the_trainings_with_their_price_and_the_support(client):
    response = client.get(
        URL, {"statuut": "freelancer", "pc": "geen", "thema": "vertrouwenspersoon"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    prijzen = re.findall(r'class="vorming__prijs">([^<]*)<', html)
    assert prijzen[:3] == ["€ 750", "€ 850", "vanaf € 1.180"]
    assert "Financiële steun om vertrouwenspersoon te worden" in html
    assert "actie 2.3.a" in html
    assert "Het actieplan noemt geen bedrag" in html
    assert 'href="/kaart/aanbod/opleiding-vertrouwenspersoon-sfp/"' in html
    assert "5 dagen" in html


def test_under_pc_304_it_says_free_for_pc_304_first(client):
    html = client.get(
        URL, {"statuut": "werknemer", "pc": "304", "thema": "vertrouwenspersoon"}
    ).content.decode()
    assert re.findall(r'class="vorming__prijs">([^<]*)<', html)[0] == "gratis voor PC 304"


def test_prevention_adviser_level_3_shows_from_1200_and_six_to_eight_days(client):
    html = client.get(
        URL, {"statuut": "leidinggevende", "pc": "329", "thema": "preventieadviseur"}
    ).content.decode()
    assert "vanaf € 1.200" in html and "6 à 8 dagen" in html
    assert "prijs niet bekend" in html  # the SFP/IDEWE training has no known price


@pytest.mark.parametrize(
    ("query", "melding"),
    [
        ({"pc": "geen"}, "Kies wie je bent."),
        ({"statuut": "acteur", "pc": "geen"}, "Wie ben je?"),
        ({"statuut": "werknemer", "pc": "999"}, "Kies een paritair comité uit de lijst."),
        ({"statuut": "werknemer", "pc": "geen", "thema": "yoga"}, "onderwerpen uit de lijst"),
    ],
)
def test_bad_input_gets_a_400_with_an_error_summary_and_keeps_what_was_chosen(
    client, query, melding
):
    response = client.get(URL, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-foutoverzicht" in html and melding in html
    assert "<title>Fout: " in html
    assert 'value="geen" selected' in html or query.get("pc") != "geen"
    assert "vorming__prijs" not in html
    assert not response.cookies


def test_the_error_links_and_descriptions_point_at_fields_on_the_page(client):
    html = client.get(URL, {"pc": "geen", "thema": "omstaander"}).content.decode()
    assert 'href="#id_statuut_0"' in html and 'id="id_statuut_0"' in html
    assert 'id="id_statuut_error"' in html
    assert re.search(r'value="omstaander"[^>]*checked', html)


def test_upcoming_sessions_are_listed_with_a_sign_up_link_and_past_ones_are_not(client):
    aanbod = Aanbod.objects.get(slug="supervisie-vertrouwenspersonen-sfp")
    SessieFactory(aanbod=aanbod, inschrijven="https://voorbeeld.be/supervisie")
    nu = timezone.now()
    SessieFactory(
        aanbod=Aanbod.objects.get(slug="omstaanderstraining-sfp-punt"),
        start=nu - timedelta(days=3),
        einde=nu - timedelta(days=2),
    )
    html = client.get(URL).content.decode()
    assert "Supervisies voor vertrouwenspersonen" in html
    assert 'href="https://voorbeeld.be/supervisie"' in html
    assert "Omstaanderstraining (Sociaal Fonds" not in html


def test_without_sessions_the_page_says_why(client):
    html = client.get(URL).content.decode()
    assert "geen data van sessies" in html


def test_the_page_speaks_french_at_its_french_address(client):
    # The locale middleware leaves French active in this thread; the override puts back
    # the language the next test expects.
    with translation.override("nl"):
        response = client.get("/fr" + URL)
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()

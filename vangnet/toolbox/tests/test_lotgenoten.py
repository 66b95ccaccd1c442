"""Peer support (action 2.7), read from the kaart: no copies of its data."""

import pytest

from vangnet.kaart.tests.factories import AanbodFactory, AanspreekpuntFactory, OrganisatieFactory
from vangnet.toolbox.lotgenoten import CENTRAAL_AANSPREEKPUNT, initiatieven

pytestmark = pytest.mark.django_db

PAGINA = "/lotgenoten/"


def test_the_page_shows_the_initiatives_the_plan_names(client):
    response = client.get(PAGINA)
    assert response.status_code == 200
    html = response.content.decode()
    for naam in ("Engagement Arts", "PUNT vzw", "vzw Zijn", "Over Grenzen"):
        assert naam in html, naam
    assert "mailto:contact@engagementarts.be" in html  # how to join, from the kaart
    assert "Niet bevestigd:" in html
    assert response.cookies == {}


def test_the_central_contact_point_is_marked_as_not_yet_there(client):
    html = client.get(PAGINA).content.decode()
    assert "nog niet opgericht" in html
    assert f'href="/kaart/aanbod/{CENTRAAL_AANSPREEKPUNT}/"' in html
    assert CENTRAAL_AANSPREEKPUNT not in [i.slug for i in initiatieven()]


def test_a_contact_point_and_the_offering_of_one_organisation_make_one_initiative():
    engagement = next(i for i in initiatieven() if i.slug == "engagement-arts")
    assert engagement.punt is not None
    assert [a.slug for a in engagement.aanbod] == ["peer-support-engagement-arts"]


def test_a_new_peer_support_entry_in_the_kaart_appears_without_copying_it(client):
    org = OrganisatieFactory(naam="Testgroep")
    AanspreekpuntFactory(
        naam="Testgroep lotgenoten", soort="peer-support", niveau="dichtbij", organisatie=org
    )
    AanbodFactory(titel="Praatgroep om te testen", soort="peer-support", aanbieders=[org])
    AanbodFactory(titel="Losse praatgroep", soort="peer-support")
    html = client.get(PAGINA).content.decode()
    assert "Testgroep lotgenoten" in html and "Praatgroep om te testen" in html
    assert "Losse praatgroep" in html

"""The kaart, the wegwijzer and the pool lead to a receiver's form when Vangnet hosts it."""

import pytest

from vangnet.kaart.models import Aanspreekpunt
from vangnet.meldingen.tests.factories import maak_team

pytestmark = pytest.mark.django_db


def test_the_kaart_links_a_contact_point_to_its_form_on_vangnet(client):
    punt = Aanspreekpunt.objects.order_by("slug").first()
    assert "/melden/test-api/" not in client.get(punt.get_absolute_url()).content.decode()
    maak_team(aanspreekpunt=punt)
    pagina = client.get(punt.get_absolute_url()).content.decode()
    assert 'href="/melden/test-api/"' in pagina


def test_an_inactive_receiver_is_no_longer_linked(client):
    punt = Aanspreekpunt.objects.order_by("slug").first()
    team = maak_team(aanspreekpunt=punt)
    client.get(punt.get_absolute_url())  # cached with the link
    team.ontvanger.actief = False
    team.ontvanger.save()
    assert "/melden/test-api/" not in client.get(punt.get_absolute_url()).content.decode()


def test_a_pool_member_who_takes_reports_on_vangnet_is_reached_there_first():
    from vangnet.pool.tests.factories import PoollidFactory

    lid = PoollidFactory()
    maak_team(slug="test-vp", soort="vertrouwenspersoon", poollid=lid)
    route = lid.contactroute()
    assert route[0]["href"] == "/melden/test-vp/"

"""The freshness of a contact point's facts on its page: when they were last checked."""

from datetime import date

import pytest

from vangnet.kaart.tests.factories import AanspreekpuntFactory, KanaalFactory

pytestmark = pytest.mark.django_db


def test_the_contact_point_page_shows_when_its_facts_were_checked(client):
    punt = AanspreekpuntFactory(gecontroleerd_op=date(2026, 12, 6))
    KanaalFactory(aanspreekpunt=punt, gecontroleerd_op=date(2026, 11, 2))
    html = client.get(f"/kaart/aanspreekpunt/{punt.slug}/").content.decode()
    assert 'Gecontroleerd op <time datetime="2026-12-06">6 december 2026</time>' in html
    assert 'Gecontroleerd op <time datetime="2026-11-02">2 november 2026</time>' in html


def test_a_point_or_channel_nobody_checked_says_so(client):
    punt = AanspreekpuntFactory(gecontroleerd_op=None)
    KanaalFactory(aanspreekpunt=punt, gecontroleerd_op=None)
    html = client.get(f"/kaart/aanspreekpunt/{punt.slug}/").content.decode()
    assert html.count("Nog niet gecontroleerd") == 2
    assert "Gecontroleerd op" not in html


def test_the_check_date_is_translated(client):
    punt = AanspreekpuntFactory(gecontroleerd_op=date(2026, 12, 6))
    html = client.get(f"/en/kaart/aanspreekpunt/{punt.slug}/").content.decode()
    assert "Checked on" in html and "December 2026" in html

"""The sessions feed: valid iCalendar (RFC 5545), read back with the icalendar package."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest
from icalendar import Calendar

from vangnet.kaart.models import Aanbod
from vangnet.vorming.models import Sessie
from vangnet.vorming.tests.factories import SessieFactory

pytestmark = pytest.mark.django_db

FEED = "/toolbox/vorming/sessies.ics"
BRUSSEL = ZoneInfo("Europe/Brussels")


def lees(client) -> Calendar:
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_real_data_holds_no_invented_sessions():
    assert Sessie.objects.count() == 0


def test_an_empty_feed_is_still_a_valid_calendar(client):
    kalender = lees(client)
    assert kalender["VERSION"] == "2.0"
    assert str(kalender["PRODID"]).startswith("-//Vangnet//")
    assert kalender.walk("VEVENT") == []


def test_each_upcoming_session_comes_back_with_its_fields(client):
    aanbod = Aanbod.objects.get(slug="opleiding-vertrouwenspersoon-sfp")
    start = datetime(2031, 3, 10, 9, 30, tzinfo=BRUSSEL)
    SessieFactory(
        slug="test-vp-maart",
        aanbod=aanbod,
        start=start,
        einde=start + timedelta(hours=7),
        plaats="Kunstenhuis, Brussel",
        inschrijven="https://voorbeeld.be/inschrijven/vp",
    )
    SessieFactory(slug="test-online", online=True, plaats="")

    events = {str(e["UID"]): e for e in lees(client).walk("VEVENT")}
    assert set(events) == {"test-vp-maart@vangnet", "test-online@vangnet"}
    event = events["test-vp-maart@vangnet"]
    assert event.decoded("DTSTART") == start  # 09:30 in Brussels ...
    assert event["DTSTART"].to_ical() == b"20310310T083000Z"  # ... written in UTC (CET+1)
    assert event.decoded("DTEND") == start + timedelta(hours=7)
    assert str(event["SUMMARY"]) == aanbod.titel
    assert str(event["URL"]) == "https://voorbeeld.be/inschrijven/vp"
    assert str(event["LOCATION"]) == "Kunstenhuis, Brussel"
    assert isinstance(event.decoded("DTSTAMP"), datetime)
    assert "/kaart/aanbod/opleiding-vertrouwenspersoon-sfp/" in str(event["DESCRIPTION"])
    assert str(events["test-online@vangnet"]["LOCATION"]) == "online"


def test_without_a_sign_up_link_the_event_links_to_the_kaart(client):
    SessieFactory(slug="test-zonder-link", inschrijven="")
    event = lees(client).walk("VEVENT")[0]
    assert str(event["URL"]).startswith("http://testserver/")
    assert str(event["URL"]).endswith("/")


def test_the_uid_stays_the_same_when_a_session_moves(client):
    sessie = SessieFactory(slug="test-verplaatst")
    eerst = lees(client).walk("VEVENT")[0]["UID"]
    sessie.start += timedelta(days=7)
    sessie.einde += timedelta(days=7)
    sessie.save()
    assert lees(client).walk("VEVENT")[0]["UID"] == eerst == "test-verplaatst@vangnet"


def test_only_sessions_that_are_not_over_are_in_the_feed(client):
    nu = timezone.now()
    SessieFactory(slug="test-voorbij", start=nu - timedelta(days=2), einde=nu - timedelta(days=1))
    SessieFactory(slug="test-bezig", start=nu - timedelta(hours=1), einde=nu + timedelta(hours=1))
    SessieFactory(slug="test-straks")
    uids = [str(e["UID"]) for e in lees(client).walk("VEVENT")]
    assert uids == ["test-bezig@vangnet", "test-straks@vangnet"]


def test_the_feed_has_crlf_lines_folded_at_75_octets(client):
    lang = Aanbod.objects.get(slug="opleiding-vertrouwenspersoon-externe-diensten")
    SessieFactory(aanbod=lang, plaats="Een heel lange plaatsnaam, " * 6)
    body = client.get(FEED).content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert b"\n" not in body.replace(b"\r\n", b"")
    for required in (b"UID:", b"DTSTAMP:", b"DTSTART:", b"DTEND:", b"SUMMARY:", b"URL:"):
        assert required in body


def test_the_feed_sets_no_cookie(client):
    SessieFactory()
    assert not client.get(FEED).cookies


def test_a_session_links_to_its_page_under_the_public_address(client, settings):
    settings.VANGNET_ADRES = "https://vangnet.example"
    settings.ALLOWED_HOSTS = ["intern.local"]
    SessieFactory(slug="test-adres", inschrijven="")
    antwoord = client.get(FEED, HTTP_HOST="intern.local")
    (event,) = Calendar.from_ical(antwoord.content).walk("VEVENT")
    assert str(event["URL"]).startswith("https://vangnet.example/")

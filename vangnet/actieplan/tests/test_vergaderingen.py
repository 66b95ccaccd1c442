"""Meetings, the iCalendar feed (parsed back), the budget and the recommendations register."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest
from icalendar import Calendar

from vangnet.actieplan.models import Aanbeveling, Begrotingspost, Boeking, Vergadering
from vangnet.kaart.models import Organisatie

pytestmark = pytest.mark.django_db
BRUSSEL = ZoneInfo("Europe/Brussels")


def test_the_department_plans_a_meeting_with_attendees_from_the_partner_list(clients):
    faro = Organisatie.objects.get(slug="faro")
    antwoord = clients["alice"].post(
        "/actieplan/vergaderingen/",
        {
            "soort": "platform",
            "titel": "Cross-sectoraal overlegplatform 2024",
            "begin": "2024-11-20T13:00",
            "einde": "2024-11-20T17:00",
            "plaats": "Brussel",
            "agenda": "Stand van beide actieplannen",
            "aanwezigen": [faro.pk],
        },
    )
    assert antwoord.status_code == 302
    v = Vergadering.objects.get()
    assert v.ingevoerd_door.username == "alice"
    assert list(v.aanwezigen.all()) == [faro]
    assert clients["bob"].post(antwoord["Location"], {"titel": "x"}).status_code == 403


def test_the_ical_feed_parses_back_with_every_meeting(clients, alice):
    for n, soort in enumerate(("stuurgroep", "werkgroep", "platform"), start=1):
        Vergadering.objects.create(
            soort=soort,
            titel=f"Vergadering {n}",
            begin=datetime(2025, 2, n, 10, tzinfo=BRUSSEL),
            einde=datetime(2025, 2, n, 12, tzinfo=BRUSSEL),
            plaats="Arenberggebouw",
            agenda="Punt één; punt twee",
            ingevoerd_door=alice,
        )
    antwoord = clients["sara"].get("/actieplan/vergaderingen.ics")
    assert antwoord["Content-Type"].startswith("text/calendar")
    kalender = Calendar.from_ical(antwoord.content)
    events = kalender.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        "Stuurgroep: Vergadering 1",
        "Werkgroep: Vergadering 2",
        "Cross-sectoraal overlegplatform: Vergadering 3",
    ]
    eerste = events[0]
    assert eerste.decoded("dtstart") == datetime(2025, 2, 1, 9, tzinfo=ZoneInfo("UTC"))
    assert str(eerste["location"]) == "Arenberggebouw"
    assert str(eerste["uid"]).endswith("@vangnet")
    assert "/actieplan/vergadering/" in str(eerste["url"])


def test_a_meeting_ends_after_it_begins(alice):
    with pytest.raises(IntegrityError), transaction.atomic():
        Vergadering.objects.create(
            soort="stuurgroep",
            titel="x",
            begin=datetime(2025, 2, 1, 10, tzinfo=BRUSSEL),
            einde=datetime(2025, 2, 1, 9, tzinfo=BRUSSEL),
            ingevoerd_door=alice,
        )


def test_every_budget_figure_has_its_date_and_author(alice):
    doel = Begrotingspost.objects.get(slug="vertrouwenspersonen")
    with pytest.raises(ValidationError) as fout:
        Boeking(soort="toewijzing", doel=doel, bedrag=Decimal(1000), omschrijving="x").save()
    assert {"datum", "ingevoerd_door"} <= set(fout.value.message_dict)
    bron = Begrotingspost.objects.get(soort="bron")
    with pytest.raises(ValidationError):
        Boeking(
            soort="toewijzing", doel=bron, bedrag=1, datum=date(2024, 5, 1), omschrijving="x",
            ingevoerd_door=alice,
        ).save()  # fmt: skip


def test_the_budget_shows_allocations_commitments_payments_and_what_remains(clients):
    doel = Begrotingspost.objects.get(slug="vertrouwenspersonen")
    for soort, bedrag in (("toewijzing", "30000"), ("vastlegging", "20000"), ("betaling", "5000")):
        antwoord = clients["alice"].post(
            "/actieplan/begroting/",
            {"soort": soort, "doel": doel.pk, "bedrag": bedrag, "datum": "2024-06-01",
             "omschrijving": "Opleidingen vertrouwenspersonen"},
        )  # fmt: skip
        assert antwoord.status_code == 302
    assert {b.ingevoerd_door.username for b in Boeking.objects.all()} == {"alice"}
    pagina = clients["sara"].get("/actieplan/begroting/").content.decode()
    assert "70000" in pagina  # not yet allocated of the 100,000
    assert "25000" in pagina  # allocated, not yet paid
    assert clients["bob"].get("/actieplan/begroting/").status_code == 403


def _aanbeveling(alice, **velden):
    faro = Organisatie.objects.get(slug="faro")
    waarden = {
        "titel": "Vrijwilligers informeren",
        "tekst": "Maak het aanspreekpunt bekend.",
        "afzender": "meldpunt",
        "organisatie": faro,
        "eigenaar": faro,
        "deadline": date(2025, 3, 1),
        "datum": date(2024, 10, 1),
        "ingevoerd_door": alice,
    }
    waarden.update(velden)
    return Aanbeveling.objects.create(**waarden)


def test_an_organisation_sees_and_answers_only_its_own_recommendations(clients, alice):
    eigen = _aanbeveling(alice)
    sector = _aanbeveling(
        alice, titel="Muzieksector: meldpunten voor publiek", organisatie=None,
        sector="muziek", eigenaar=Organisatie.objects.get(slug="vi-be"),
    )  # fmt: skip
    lijst = clients["charlie"].get("/actieplan/aanbevelingen/").content.decode()
    assert "Vrijwilligers informeren" in lijst and "Muzieksector" not in lijst
    assert clients["charlie"].get(f"/actieplan/aanbeveling/{sector.pk}/").status_code == 404
    antwoord = clients["charlie"].post(
        f"/actieplan/aanbeveling/{eigen.pk}/",
        {"organisatie": eigen.organisatie_id, "datum": "2024-11-15", "status": "opgevolgd",
         "tekst": "Op onze website en in de nieuwsbrief gezet."},
    )  # fmt: skip
    assert antwoord.status_code == 302
    eigen.refresh_from_db()
    assert eigen.status == "opgevolgd"
    alles = clients["sara"].get("/actieplan/aanbevelingen/", {"sector": "muziek"})
    assert "Muzieksector" in alles.content.decode()
    assert "Vrijwilligers informeren" not in alles.content.decode()


def test_a_recommendation_names_an_organisation_or_a_sector_and_never_a_case(alice):
    with pytest.raises(ValidationError):
        _aanbeveling(alice, organisatie=None, sector="")
    velden = {f.name for f in Aanbeveling._meta.get_fields()}
    assert not any("melding" in naam for naam in velden)
    assert all(
        f.related_model is None or f.related_model._meta.app_label != "meldingen"
        for f in Aanbeveling._meta.get_fields()
    )

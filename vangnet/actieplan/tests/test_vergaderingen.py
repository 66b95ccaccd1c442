"""Meetings, the iCalendar feed (parsed back), the budget and the recommendations register."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest
from icalendar import Calendar

from vangnet.actieplan.models import Aanbeveling, Begrotingspost, Boeking, Opvolging, Vergadering
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
    # The one link into the reporting channel is the receiver that made it, never a case.
    naar_meldingen = {
        f.related_model._meta.model_name
        for model in (Aanbeveling, Opvolging)
        for f in model._meta.get_fields()
        if f.related_model is not None and f.related_model._meta.app_label == "meldingen"
    }
    assert naar_meldingen == {"ontvanger"}


def test_a_receivers_beheerder_recommends_and_the_organisation_answers_with_who_and_when(
    clients, team
):
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    antwoord = clients["hanne"].post(
        "/actieplan/aanbevelingen/",
        {"titel": "Aanspreekpunt bekendmaken", "tekst": "Zet het aanspreekpunt in contracten.",
         "ontvanger": team.ontvanger.pk, "organisatie": sfp.pk, "eigenaar": sfp.pk,
         "deadline": "2025-06-30", "datum": "2025-01-15"},
    )  # fmt: skip
    assert antwoord.status_code == 302, antwoord.content.decode()
    a = Aanbeveling.objects.get(titel="Aanspreekpunt bekendmaken")
    assert (a.afzender, a.ontvanger, a.ingevoerd_door.username) == (
        "ontvanger",
        team.ontvanger,
        "hanne",
    )
    # SFP answers; FARO does not even see it; a plain handler of the receiver neither.
    assert clients["charlie"].get(f"/actieplan/aanbeveling/{a.pk}/").status_code == 404
    assert clients["henk"].get(f"/actieplan/aanbeveling/{a.pk}/").status_code == 403
    antwoord = clients["bob"].post(
        f"/actieplan/aanbeveling/{a.pk}/",
        {"organisatie": sfp.pk, "datum": "2025-02-01", "status": "in-uitvoering",
         "tekst": "Staat in het nieuwe modelcontract."},
    )  # fmt: skip
    assert antwoord.status_code == 302
    antwoord = clients["hanne"].post(
        f"/actieplan/aanbeveling/{a.pk}/",
        {"datum": "2025-03-01", "status": "opgevolgd", "tekst": "Nagekeken: staat erin."},
    )
    assert antwoord.status_code == 302
    a.refresh_from_db()
    assert a.status == "opgevolgd"
    eerste, tweede = a.opvolging.order_by("datum")
    assert (eerste.organisatie, eerste.auteur.username) == (sfp, "bob")
    assert (tweede.organisatie, tweede.ontvanger, tweede.auteur.username) == (
        None, team.ontvanger, "hanne",
    )  # fmt: skip
    pagina = clients["bob"].get(f"/actieplan/aanbeveling/{a.pk}/").content.decode()
    assert "Geschreven door bob, ingevoerd op" in pagina
    assert "Geschreven door hanne" in pagina and team.ontvanger.naam in pagina


def test_a_receiver_writes_only_for_its_own_receiver_and_only_as_a_receiver(clients, team):
    from vangnet.meldingen.tests.factories import maak_team

    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    faro = Organisatie.objects.get(slug="faro")
    vraag = {"titel": "x", "tekst": "y", "organisatie": faro.pk, "eigenaar": faro.pk,
             "deadline": "2025-06-30", "datum": "2025-01-15", "afzender": "departement"}  # fmt: skip
    antwoord = clients["hanne"].post(
        "/actieplan/aanbevelingen/", {**vraag, "ontvanger": ander.ontvanger.pk}
    )
    assert antwoord.status_code == 200  # refused: not her receiver
    assert not Aanbeveling.objects.exists()
    clients["hanne"].post("/actieplan/aanbevelingen/", {**vraag, "ontvanger": team.ontvanger.pk})
    assert Aanbeveling.objects.get().afzender == "ontvanger"  # never "departement"
    assert clients["henk"].post("/actieplan/aanbevelingen/", vraag).status_code == 403


def test_the_recommendation_form_cannot_carry_a_case_and_says_so(clients):
    pagina = clients["alice"].get("/actieplan/aanbevelingen/").content.decode()
    assert "Nooit iets uit een melding" in pagina
    # The date a browser's date picker can show (ISO), filled in with today.
    from django.utils import timezone

    assert f'value="{timezone.localdate().isoformat()}"' in pagina
    assert 'aria-describedby="id_tekst_helptext"' in pagina
    from vangnet.actieplan.forms import AanbevelingForm

    for velden in (AanbevelingForm().fields, AanbevelingForm(ontvangers=None).fields):
        assert not any("melding" in naam or "zaak" in naam for naam in velden)
    assert not any(
        f.related_model is not None and f.related_model._meta.model_name == "melding"
        for model in (Aanbeveling, Opvolging)
        for f in model._meta.get_fields()
    )


def test_the_filter_offers_only_organisations_whose_recommendations_one_may_see(clients, alice):
    _aanbeveling(alice)  # to FARO
    lijst = clients["bob"].get("/actieplan/aanbevelingen/").content.decode()
    assert "FARO" not in lijst
    assert "FARO" in clients["sara"].get("/actieplan/aanbevelingen/").content.decode()


# --- The calendar subscription ---------------------------------------------------------


def _abonneer(client) -> str:
    import re

    pagina = client.post("/actieplan/agenda/abonnement/", {"nieuw": "1"}).content.decode()
    return re.search(r'value="https?://[^/"]+(/actieplan/agenda/[^"]+\.ics)"', pagina)[1]


def test_a_calendar_app_subscribes_without_a_session_by_a_secret_address(clients, sara, alice):
    from django.test import Client

    from vangnet.actieplan.models import Agendasleutel

    Vergadering.objects.create(
        soort="stuurgroep", titel="Stuurgroep 2", begin=datetime(2025, 5, 6, 10, tzinfo=BRUSSEL),
        einde=datetime(2025, 5, 6, 12, tzinfo=BRUSSEL), ingevoerd_door=alice,
    )  # fmt: skip
    pad = _abonneer(clients["sara"])
    sleutel = pad.split("/")[3]
    app = Client()  # no session, no cookie
    antwoord = app.get(pad)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(antwoord.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Stuurgroep: Stuurgroep 2"]
    opgeslagen = Agendasleutel.objects.get(user=sara)
    assert sleutel not in opgeslagen.sleutel and len(opgeslagen.sleutel) == 64  # a hash only
    assert opgeslagen.laatst_gebruikt is not None
    # A new address replaces the old one; revoking ends it.
    nieuw = _abonneer(clients["sara"])
    assert app.get(pad).status_code == 404
    assert app.get(nieuw).status_code == 200
    clients["sara"].post("/actieplan/agenda/abonnement/", {"intrekken": "1"})
    assert app.get(nieuw).status_code == 404
    assert not Agendasleutel.objects.filter(user=sara).exists()


def test_a_subscription_stops_when_the_account_loses_its_role(clients, sara):
    from django.test import Client

    pad = _abonneer(clients["sara"])
    sara.groups.clear()
    assert Client().get(pad).status_code == 404


def test_wrong_subscription_addresses_from_one_network_slow_down(clients):
    from django.test import Client

    app = Client()
    statussen = [
        app.get(f"/actieplan/agenda/fout{i}/vergaderingen.ics").status_code for i in range(25)
    ]
    assert statussen[:20] == [404] * 20
    assert 429 in statussen[20:]

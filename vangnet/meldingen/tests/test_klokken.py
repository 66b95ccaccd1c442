"""The two clocks of the whistleblowing directive, through the pages.

Acknowledgement (7 days, art. 9(1)(b)) stops at the team's first sign; feedback (3 months,
art. 9(1)(f), defined in art. 5(13) as information on the action envisaged or taken and the
reasons) stops only at an explicit act: a message marked as feedback, a referral the reporter
agreed to, or the closing message. See docs/meldingen.md, "The two clocks".
"""

import re
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from vangnet.meldingen import acties, workflow
from vangnet.meldingen.choices import Beslissing, Omvang, Stap, Status
from vangnet.meldingen.models import Melding
from vangnet.meldingen.tests.factories import InzendingFactory, maak_team, meld_aan, sleutel_van

pytestmark = pytest.mark.django_db


def _handeling(client: Client, melding: Melding, naam: str, data: dict):
    return client.post(reverse("meldingen:handeling", args=[melding.pk, naam]), data)


def _tekst(antwoord) -> str:
    return re.sub(r"\s+", " ", antwoord.content.decode())


def _melder_ziet(code: str, melding: Melding) -> str:
    melder = Client()
    melder.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": code})
    return _tekst(melder.get(reverse("meldingen:dossier", args=[melding.pk])))


@pytest.fixture
def zaak():
    team = maak_team()
    melding, code = acties.dien_in(team.ontvanger, InzendingFactory())
    return team, melding, code, meld_aan(team.leden["hanne"])


def test_a_message_that_only_acknowledges_stops_the_seven_day_clock_only(zaak):
    team, melding, code, client = zaak
    antwoord = _handeling(client, melding, "bericht", {"bericht-tekst": "Goed ontvangen."})
    assert antwoord.status_code == 302
    melding.refresh_from_db()
    assert melding.erkend_op is not None and melding.teruggekoppeld_op is None
    assert [t["soort"] for t in melding.termijnen()] == ["eerste terugkoppeling"]
    inbox = _tekst(client.get(reverse("meldingen:inbox", args=["test-api"])))
    vandaag = f"{timezone.localdate():%-d}"
    assert "Ontvangst bevestigen: gedaan op " + vandaag in inbox
    assert "Eerste terugkoppeling: uiterlijk" in inbox
    melder = _melder_ziet(code, melding)
    assert "Het team bevestigde op" in melder
    assert "Een eerste terugkoppeling krijg je uiterlijk op" in melder


def test_a_message_marked_as_feedback_stops_both_clocks_and_says_so_to_the_reporter(zaak):
    team, melding, code, client = zaak
    _handeling(
        client,
        melding,
        "bericht",
        {
            "bericht-tekst": "We spreken de regisseur aan, zoals je vroeg.",
            "bericht-terugkoppeling": "on",
        },
    )
    melding.refresh_from_db()
    assert melding.erkend_op == melding.teruggekoppeld_op is not None
    assert melding.termijnen() == []
    assert melding.berichten.get().terugkoppeling
    assert melding.audit.filter(handeling="terugkoppeling").count() == 1
    melder = _melder_ziet(code, melding)
    assert "kreeg je een eerste terugkoppeling" in melder
    assert "· <strong>terugkoppeling</strong>" in melder


def test_feedback_after_three_months_is_shown_late_in_the_inbox(zaak):
    team, melding, code, client = zaak
    Melding.objects.filter(pk=melding.pk).update(
        ontvangen_op=timezone.now() - timedelta(days=100), erkend_op=timezone.now()
    )
    inbox = _tekst(client.get(reverse("meldingen:inbox", args=["test-api"])))
    assert "Eerste terugkoppeling: uiterlijk" in inbox and "te laat" in inbox
    _handeling(
        client,
        melding,
        "bericht",
        {
            "bericht-tekst": "Excuses voor het wachten: we zoeken een bemiddelaar.",
            "bericht-terugkoppeling": "on",
        },
    )
    melding.refresh_from_db()
    terugkoppeling = melding.klokken()[1]
    assert terugkoppeling["gedaan_op"] and terugkoppeling["te_laat"]


def test_the_other_partys_channel_carries_no_feedback_and_no_acknowledgement(zaak):
    team, melding, code, client = zaak
    sleutel = sleutel_van(melding, team.leden["hanne"])
    with pytest.raises(acties.Geweigerd):
        acties.stuur_bericht(melding, sleutel, "x", auteur="melder", terugkoppeling=True)
    melding.refresh_from_db()
    assert melding.erkend_op is None and melding.teruggekoppeld_op is None


def test_a_referral_is_feedback_for_the_referring_team_and_starts_new_clocks_at_the_other(zaak):
    team, melding, code, client = zaak
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    hanne = team.leden["hanne"]
    sleutel = sleutel_van(melding, hanne)
    toestemming = acties.vraag_toestemming(
        melding,
        sleutel,
        hanne.behandelaar,
        Stap.DOORVERWIJZING,
        doel=ander.ontvanger,
        omvang=Omvang.VOLLEDIG,
    )
    acties.beslis(toestemming, Beslissing.GEGEVEN)
    workflow.verander_status(melding, Status.IN_GESPREK, door=hanne.behandelaar)
    assert melding.teruggekoppeld_op is None  # a step on the path alone is no feedback
    # The case waited five days before the referral.
    Melding.objects.filter(pk=melding.pk).update(ontvangen_op=timezone.now() - timedelta(days=5))
    antwoord = _handeling(client, melding, "doorverwijzen", {"doorverwijzen-keuze": toestemming.pk})
    assert antwoord.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.DOORVERWEZEN
    assert melding.erkend_op and melding.teruggekoppeld_op
    kopie = Melding.objects.get(doorverwezen_van=melding)
    assert kopie.erkend_op is None and kopie.teruggekoppeld_op is None
    # The receiving team has its own full week and three months, from the referral.
    assert kopie.erkennen_uiterlijk - timezone.now() > timedelta(days=6)
    ward = _tekst(
        meld_aan(ander.leden["ward"]).get(reverse("meldingen:inbox", args=["test-ander"]))
    )
    assert "Ontvangst bevestigen: uiterlijk" in ward


def test_closing_within_a_week_without_feedback_is_refused_and_keeps_what_was_typed(zaak):
    team, melding, code, client = zaak
    _handeling(client, melding, "bericht", {"bericht-tekst": "Goed ontvangen."})
    antwoord = _handeling(
        client, melding, "status", {"status-naar": "afgesloten", "status-uitkomst": "geholpen"}
    )
    assert antwoord.status_code == 200
    assert "De melder kreeg nog geen terugkoppeling" in _tekst(antwoord)
    assert re.search(r'<input[^>]*value="geholpen"[^>]*checked', _tekst(antwoord))
    melding.refresh_from_db()
    assert melding.status == Status.ONTVANGEN and melding.teruggekoppeld_op is None


def test_a_case_closed_within_a_week_with_a_closing_message_meets_both_clocks(zaak):
    team, melding, code, client = zaak
    antwoord = _handeling(
        client,
        melding,
        "status",
        {
            "status-naar": "afgesloten",
            "status-uitkomst": "geen-melding",
            "status-terugkoppeling": "Dit valt buiten ons aanspreekpunt; we verwijzen je naar 1712.",
            **CODES,
        },
    )
    assert antwoord.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.AFGESLOTEN
    assert melding.erkend_op and melding.teruggekoppeld_op
    assert melding.teruggekoppeld_op - melding.ontvangen_op < timedelta(days=7)
    assert melding.berichten.get().terugkoppeling
    melder = _melder_ziet(code, melding)
    assert "we verwijzen je naar 1712" in melder and "kreeg je een eerste terugkoppeling" in melder


def test_a_refused_close_sends_no_message(zaak):
    team, melding, code, client = zaak
    hanne = team.leden["hanne"]
    with pytest.raises(workflow.OngeldigeOvergang):
        acties.sluit_af(
            melding,
            sleutel_van(melding, hanne),
            hanne.behandelaar,
            uitkomst="niet-bestaand",
            terugkoppeling="Dit bericht mag niet blijven staan.",
        )
    assert not melding.berichten.exists()
    assert Melding.objects.get(pk=melding.pk).teruggekoppeld_op is None


# --- Classification at close ------------------------------------------------------------

SLUITEN = {
    "status-naar": "afgesloten",
    "status-uitkomst": "geholpen",
    "status-terugkoppeling": "We gaven je advies, zoals je vroeg; daarmee sluiten we af.",
}
CODES = {
    "status-gedrag": ["seksueel"],
    "status-sector": "onbekend",
    "status-melder_status": "freelancer",
    "status-route": "advies",
}


def test_closing_without_the_monitoring_codes_is_refused_and_loses_nothing_typed(zaak):
    team, melding, code, client = zaak
    antwoord = _handeling(
        client,
        melding,
        "status",
        {**SLUITEN, "status-gedrag": ["seksueel"], "status-route": "advies"},
    )
    assert antwoord.status_code == 200
    pagina = _tekst(antwoord)
    assert "Kies een sector, of “onbekend”." in pagina
    assert "Kies de status van de melder, of “onbekend”." in pagina
    assert "We gaven je advies, zoals je vroeg" in pagina
    assert re.search(r'<input[^>]*value="seksueel"[^>]*checked', pagina)
    assert re.search(r'<option value="advies" selected>', pagina)
    melding.refresh_from_db()
    assert melding.status == Status.ONTVANGEN and not melding.berichten.exists()
    assert melding.gedrag == [] and melding.route == ""


def test_the_refusal_is_translated(zaak):
    team, melding, code, client = zaak
    antwoord = client.post(
        reverse("meldingen:handeling", args=[melding.pk, "status"]).replace(
            "/behandelen/", "/fr/behandelen/", 1
        ),
        SLUITEN,
    )
    assert "Choisissez un secteur, ou « inconnu »." in _tekst(antwoord)


def test_closing_with_every_code_onbekend_allowed_stores_them_for_monitoring(zaak):
    team, melding, code, client = zaak
    antwoord = _handeling(client, melding, "status", {**SLUITEN, **CODES})
    assert antwoord.status_code == 302
    melding.refresh_from_db()
    assert melding.status == Status.AFGESLOTEN
    assert (
        melding.gedrag,
        melding.sector,
        melding.melder_status,
        melding.route,
        melding.uitkomst,
    ) == (
        ["seksueel"],
        "onbekend",
        "freelancer",
        "advies",
        "geholpen",
    )
    assert melding.ontbrekende_codes() == []


def test_unknown_behaviour_is_not_combined_with_a_kind(zaak):
    team, melding, code, client = zaak
    antwoord = _handeling(
        client, melding, "status", {**SLUITEN, **CODES, "status-gedrag": ["seksueel", "onbekend"]}
    )
    assert "niet allebei" in _tekst(antwoord)
    assert Melding.objects.get(pk=melding.pk).status == Status.ONTVANGEN


def test_the_case_path_itself_refuses_to_close_without_codes(zaak):
    team, melding, code, client = zaak
    workflow.noteer_terugkoppeling(melding, timezone.now(), door=None)
    with pytest.raises(workflow.OngeldigeOvergang, match="sector"):
        workflow.verander_status(melding, Status.AFGESLOTEN, door=None, uitkomst="onbekend")


def test_the_inbox_lists_the_closed_cases_without_codes(zaak):
    team, melding, code, client = zaak
    volledig, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    _handeling(client, volledig, "status", {**SLUITEN, **CODES})
    # A case closed before the codes were asked at closing.
    Melding.objects.filter(pk=melding.pk).update(
        status=Status.AFGESLOTEN, afgesloten_op=timezone.now(), uitkomst="geholpen"
    )
    inbox = reverse("meldingen:inbox", args=["test-api"])
    overzicht = _tekst(client.get(inbox))
    assert "1 afgesloten melding mist nog codes voor de monitoring" in overzicht
    assert "?toon=zonder-codes" in overzicht
    lijst = _tekst(client.get(inbox + "?toon=zonder-codes"))
    assert melding.nummer in lijst and volledig.nummer not in lijst
    assert "gedrag, sector, status van de melder, route" in lijst
    # Filling them in afterwards takes the case off the list.
    _handeling(
        client,
        melding,
        "classificatie",
        {
            "classificatie-gedrag": ["onbekend"],
            "classificatie-sector": "onbekend",
            "classificatie-melder_status": "onbekend",
            "classificatie-route": "onbekend",
        },
    )
    assert melding.nummer not in _tekst(client.get(inbox + "?toon=zonder-codes"))

"""A receiver adds its own questions to its kind's default form."""

from django.test import Client
from django.urls import reverse

import pytest

from vangnet.meldingen import acties
from vangnet.meldingen.models import Auditregel, Extravraag, Melding
from vangnet.meldingen.tests.factories import maak_team, meld_aan, verzendtoken

pytestmark = pytest.mark.django_db

TEAM = reverse("meldingen:team", args=["test-api"])
VRAAG = "In welke productie speelde je mee?"


def _voeg_toe(client, **extra):
    data = {"onderdeel": "vragen", "vraag-vraag": VRAAG, "vraag-hulptekst": "", **extra}
    return client.post(TEAM, data)


def test_a_beheerder_adds_a_question_that_the_form_then_asks():
    team = maak_team(leden=("hanne", "hugo"))
    hanne = meld_aan(team.leden["hanne"])
    assert _voeg_toe(hanne, **{"vraag-verplicht": "on"}).status_code == 302
    formulier = Client().get(reverse("meldingen:formulier", args=["test-api"]))
    assert VRAAG in formulier.content.decode()
    assert Auditregel.objects.filter(handeling="vragenlijst", ontvanger=team.ontvanger).exists()


def test_a_required_own_question_must_be_answered_and_its_answer_is_kept_encrypted():
    team = maak_team()
    vraag = acties.voeg_vraag_toe(team.ontvanger, team.leden["hanne"].behandelaar, VRAAG, "", True)
    url = reverse("meldingen:formulier", args=["test-api"])
    melder = Client()
    token = verzendtoken(melder, url)
    antwoord = melder.post(url, {**token, "wat": "Het gebeurde na de voorstelling."})
    assert antwoord.status_code == 200 and Melding.objects.count() == 0
    melder.post(
        url, {**token, "wat": "Het gebeurde na de voorstelling.", f"extra_{vraag.pk}": "Hamlet"}
    )
    melding = Melding.objects.get()
    assert b"Hamlet" not in bytes(melding.inhoud)
    hanne = team.leden["hanne"]
    sleutel = acties.sleutel_uit_envelop(
        melding.enveloppen.get(behandelaar=hanne.behandelaar), hanne.prive
    )
    assert "Hamlet" in str(acties.inhoud(melding, sleutel)["antwoorden"])


def test_a_team_member_who_is_no_beheerder_cannot_change_the_form():
    team = maak_team(leden=("hanne", "hugo"))
    hugo = meld_aan(team.leden["hugo"])
    assert _voeg_toe(hugo).status_code == 404
    assert not Extravraag.objects.exists()


def test_an_empty_question_is_refused_with_a_message():
    team = maak_team()
    hanne = meld_aan(team.leden["hanne"])
    antwoord = hanne.post(TEAM, {"onderdeel": "vragen", "vraag-vraag": ""})
    assert antwoord.status_code == 200
    assert "foutmelding" in antwoord.content.decode()
    assert not Extravraag.objects.exists()


def test_a_beheerder_takes_a_question_off_the_form():
    team = maak_team()
    vraag = acties.voeg_vraag_toe(team.ontvanger, team.leden["hanne"].behandelaar, VRAAG)
    hanne = meld_aan(team.leden["hanne"])
    assert hanne.post(TEAM, {"onderdeel": "vragen", "weg": vraag.pk}).status_code == 302
    assert not Extravraag.objects.exists()


def test_the_team_page_has_a_plain_title_and_the_questions_once():
    team = maak_team()
    pagina = meld_aan(team.leden["hanne"]).get(TEAM).content.decode()
    titel = pagina.split("<title>", 1)[1].split("</title>", 1)[0]
    assert titel.startswith("Team van Ontvanger test-api") and "<" not in titel
    assert pagina.count('id="vragen-kop"') == 1

"""Peer support's own form: no formal procedure, a question about the contact wanted.

A peer-support intake (``OntvangerSoort.PEER_SUPPORT``, action 2.7) listens and accompanies;
it starts no formal procedure, so the form does not offer one. It asks what kind of contact
the person wants, and its beheerder adds questions within the same limits as other kinds.
"""

import re

from django.test import Client
from django.urls import reverse

import pytest

from vangnet.meldingen import acties
from vangnet.meldingen.choices import Contactwens, OntvangerSoort, Wens
from vangnet.meldingen.models import Melding
from vangnet.meldingen.tests.factories import maak_team, meld_aan, sleutel_van, verzendtoken

pytestmark = pytest.mark.django_db


@pytest.fixture
def lotgenoten():
    return maak_team("test-lotgenoten", soort=OntvangerSoort.PEER_SUPPORT)


def _url(team) -> str:
    return reverse("meldingen:formulier", args=[team.ontvanger.slug])


def test_the_peer_support_form_offers_no_formal_procedure_and_asks_the_contact_wanted(
    client, lotgenoten
):
    antwoord = client.get(_url(lotgenoten))
    form = antwoord.context["form"]
    wensen = [code for code, _label in form.fields["wensen"].choices]
    assert Wens.FORMELE_PROCEDURE not in wensen and Wens.GEHOORD in wensen
    assert [c for c, _l in form.fields["contact"].choices] == Contactwens.values
    pagina = antwoord.content.decode()
    assert "een formele procedure" not in pagina
    assert "Wat voor contact zou je willen?" in pagina
    assert "een groep van lotgenoten" in pagina


def test_other_kinds_keep_the_formal_procedure_and_ask_no_contact_question(client):
    api = maak_team()
    form = client.get(_url(api)).context["form"]
    assert Wens.FORMELE_PROCEDURE in [c for c, _l in form.fields["wensen"].choices]
    assert "contact" not in form.fields


def test_a_formal_procedure_cannot_be_slipped_into_a_peer_support_report(client, lotgenoten):
    antwoord = client.post(
        _url(lotgenoten),
        {**verzendtoken(client, _url(lotgenoten)), "wat": "Iets.", "wensen": ["formele-procedure"]},
    )
    assert "wensen" in antwoord.context["form"].errors
    assert not Melding.objects.exists()


def test_the_contact_wanted_reaches_the_team_and_the_reporter_reads_it_back(client, lotgenoten):
    url = _url(lotgenoten)
    antwoord = client.post(
        url,
        {
            **verzendtoken(client, url),
            "wat": "Ik wil erover praten met iemand die het kent.",
            "wensen": ["gehoord"],
            "contact": ["gesprek", "schriftelijk"],
        },
        follow=True,
    )
    assert antwoord.status_code == 200
    melding = Melding.objects.get()
    hanne = lotgenoten.leden["hanne"]
    inhoud = acties.inhoud(melding, sleutel_van(melding, hanne))
    assert inhoud["antwoorden"]["contact"] == ["gesprek", "schriftelijk"]
    assert not melding.toestemmingen.filter(stap="formele-procedure").exists()
    team = meld_aan(hanne)
    pagina = re.sub(
        r"\s+", " ", team.get(reverse("meldingen:melding", args=[melding.pk])).content.decode()
    )
    assert "Gewenst contact" in pagina
    assert "een gesprek met iemand die iets gelijkaardigs meemaakte, schriftelijk contact" in pagina
    code = re.findall(r'<span class="bewijs__groep">(\d{4})</span>', antwoord.content.decode())
    melder = Client()
    melder.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": " ".join(code)})
    dossier = melder.get(reverse("meldingen:dossier", args=[melding.pk])).content.decode()
    assert "Gewenst contact" in dossier and "een groep van lotgenoten" not in dossier


def test_the_beheerder_adds_a_question_to_the_peer_support_form_within_the_usual_limits(
    client, lotgenoten
):
    team = meld_aan(lotgenoten.leden["hanne"])
    teampagina = reverse("meldingen:team", args=["test-lotgenoten"])
    te_lang = team.post(
        teampagina, {"onderdeel": "vragen", "vraag-vraag": "x" * 301, "vraag-hulptekst": ""}
    )
    assert te_lang.status_code == 200 and not lotgenoten.ontvanger.extravragen.exists()
    team.post(
        teampagina,
        {
            "onderdeel": "vragen",
            "vraag-vraag": "Via welk gezelschap ken je ons?",
            "vraag-hulptekst": "",
        },
    )
    vraag = lotgenoten.ontvanger.extravragen.get()
    form = client.get(_url(lotgenoten)).context["form"]
    assert list(form.fields).index(f"extra_{vraag.pk}") < list(form.fields).index("wensen")
    assert "contact" in form.fields


def test_the_peer_support_form_speaks_french_and_english(client, lotgenoten):
    fr = client.get("/fr/melden/test-lotgenoten/").content.decode()
    en = client.get("/en/melden/test-lotgenoten/").content.decode()
    assert "Quel type de contact souhaitez-vous\u00a0?" in fr
    assert "What kind of contact would you like?" in en

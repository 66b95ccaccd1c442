"""The questions as a person reads them: each answer once, and spoken to the right person."""

import re

from django.utils import translation

import pytest

from vangnet.kaart.choices import Perspectief
from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.vragen import PER_ID, VRAGEN

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("taal", ["nl", "fr", "en"])
def test_no_question_offers_the_same_answer_twice(taal):
    with translation.override(taal):
        dubbel = {}
        for vraag in VRAGEN:
            labels = [str(k.label).casefold() for k in vraag.keuzes] + [
                str(vraag.onzeker).casefold()
            ]
            if len(set(labels)) != len(labels):
                dubbel[vraag.id] = labels
    assert not dubbel


def test_the_discrimination_question_speaks_to_the_persons_place():
    vraag = PER_ID["discriminatiegrond"]
    titel = {
        p: str(vraag.titel_voor(Antwoorden(perspectief=p))) for p in [*Perspectief.values, None]
    }
    assert titel[Perspectief.SLACHTOFFER] == "Waarom werd je anders behandeld?"
    # Nobody but the person it happened to is asked why "you" were treated differently.
    assert not any(" je " in t for p, t in titel.items() if p != Perspectief.SLACHTOFFER)
    assert titel[Perspectief.GETUIGE] == "Waarom werd die persoon anders behandeld?"


def test_a_witness_reads_the_question_about_the_other_person_on_the_page(client):
    client.post("/wegwijzer/vraag/gevaar/", {"antwoord": ["nee"]})
    client.post("/wegwijzer/vraag/rol/", {"antwoord": ["werknemer"]})
    client.post("/wegwijzer/vraag/perspectief/", {"antwoord": ["getuige"]})
    client.post("/wegwijzer/vraag/gedrag/", {"antwoord": ["discriminatie"]})
    html = client.get("/wegwijzer/vraag/discriminatiegrond/").content.decode()
    assert re.search(r"<h1>Waarom werd die persoon anders behandeld\?</h1>", html)
    assert "Waarom werd je anders behandeld" not in html
    # The same page for the person it happened to, from the same shell.
    client.post("/wegwijzer/vraag/perspectief/", {"antwoord": ["slachtoffer"]})
    html = client.get("/wegwijzer/vraag/discriminatiegrond/").content.decode()
    assert "<h1>Waarom werd je anders behandeld?</h1>" in html

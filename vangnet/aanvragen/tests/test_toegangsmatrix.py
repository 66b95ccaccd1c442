"""Who may open the addresses of issue 16 (requests for a reporting point, and the team pages
where a beheerder invites, removes and recovers members): every address for every role.

The matrix is the specification; the test fails when an address of the app is missing.

Roles: ``anoniem`` (nobody signed in), ``organisatie`` (the organisation account that filed
the request), ``alice`` (the department, both factors), ``hanne`` (beheerder of the receiver
``test-api``), ``hugo`` (member of that team, not beheerder), ``ward`` (beheerder of
another receiver).
"""

from django.test import Client
from django.urls import reverse

import pytest

from vangnet.aanvragen import urls as aanvragen_urls
from vangnet.aanvragen.models import Aanvraag
from vangnet.aanvragen.tests.helpers import aanvraag_gegevens, organisatie
from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.meldingen import urls as meldingen_urls
from vangnet.meldingen.tests.factories import maak_team, meld_aan

pytestmark = pytest.mark.django_db

ROLLEN = ("anoniem", "organisatie", "alice", "hanne", "hugo", "ward")

OK, NIET, VERBODEN, METHODE = 200, 404, 403, 405
INLOGGEN = "inloggen"  # to the organisation's sign-in
BEHEER = "beheer"  # to the two-factor sign-in of the department (ADR 0012)
AANMELDEN = "aanmelden"  # to the handlers' sign-in
TERUG = "terug"  # done, sent back to a page of the app

#: The team pages of issue 16 in the reporting channel's own urls (also in its matrix).
TEAMPAGINAS = {"uitnodigen", "verwijderen", "herstellen"}


def _organisatie_alleen():
    return {
        "anoniem": INLOGGEN,
        "organisatie": OK,
        "alice": NIET,
        "hanne": NIET,
        "hugo": NIET,
        "ward": NIET,
    }


def _departement_alleen():
    return {
        "anoniem": BEHEER,
        "organisatie": BEHEER,
        "alice": OK,
        "hanne": VERBODEN,
        "hugo": VERBODEN,
        "ward": VERBODEN,
    }


def _beheerder_alleen(voor_hanne=OK):
    return {
        "anoniem": AANMELDEN,
        "organisatie": AANMELDEN,
        "alice": AANMELDEN,
        "hanne": voor_hanne,
        "hugo": NIET,
        "ward": NIET,
    }


# (namespace:name) GET -> outcome per role.
MATRIX = {
    "aanvragen:mijn": _organisatie_alleen(),
    "aanvragen:nieuw": _organisatie_alleen(),
    "aanvragen:aanvraag": _organisatie_alleen(),
    "aanvragen:klaarzetten": dict.fromkeys(ROLLEN, METHODE),
    "aanvragen:nieuwe-link": dict.fromkeys(ROLLEN, METHODE),
    "aanvragen:departement": _departement_alleen(),
    "aanvragen:beslissen": _departement_alleen(),
    "meldingen:uitnodigen": _beheerder_alleen(),
    "meldingen:verwijderen": _beheerder_alleen(),
    "meldingen:herstellen": _beheerder_alleen(),
}

# (namespace:name) POST with data -> outcome per role. Run in this order: a refusal first
# (as alice), so that setting up is refused for the organisation as well.
POST_MATRIX = {
    "aanvragen:beslissen": (
        {"beslissing": "weigeren", "reden": "Buiten de sector."},
        {**_departement_alleen(), "alice": TERUG},
    ),
    "aanvragen:klaarzetten": ({}, {**_organisatie_alleen(), "organisatie": TERUG}),
    # Not set up (refused above): the organisation is sent back to its request.
    "aanvragen:nieuwe-link": (
        {"herstelsleutel": "AAAA"},
        {**_organisatie_alleen(), "organisatie": TERUG},
    ),
    # A wrong recovery key: refused on the page (400), and only a beheerder gets the page.
    "meldingen:herstellen": ({"herstelsleutel": "AAAA-BBBB"}, _beheerder_alleen(400)),
    "meldingen:uitnodigen": (
        {"email": "nieuw@example.org", "naam": "Nieuw", "rol": "behandelaar"},
        _beheerder_alleen(TERUG),
    ),
    # Last: hanne removes hugo.
    "meldingen:verwijderen": ({"bevestig": "on"}, _beheerder_alleen(TERUG)),
}


@pytest.fixture
def wereld(alice):
    team = maak_team(leden=("hanne", "hugo"))
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    _account, organisator = organisatie()
    antwoord = organisator.post(reverse("aanvragen:nieuw"), aanvraag_gegevens(team.ontvanger))
    assert antwoord.status_code == 302
    beheer = Client()
    meld_aan_in_beheer(beheer, alice)
    clients = {
        "anoniem": Client(),
        "organisatie": organisator,
        "alice": beheer,
        "hanne": meld_aan(team.leden["hanne"]),
        "hugo": meld_aan(team.leden["hugo"]),
        "ward": meld_aan(ander.leden["ward"]),
    }
    argumenten = {
        "pk": Aanvraag.objects.get().pk,
        "slug": team.ontvanger.slug,
        "lid": team.ontvanger.team.get(behandelaar=team.leden["hugo"].behandelaar).pk,
    }
    return clients, argumenten


def _url(naam: str, argumenten: dict) -> str:
    ruimte, kort = naam.split(":")
    bron = aanvragen_urls if ruimte == "aanvragen" else meldingen_urls
    patroon = next(p for p in bron.urlpatterns if p.name == kort)
    return reverse(naam, kwargs={k: argumenten[k] for k in patroon.pattern.converters})


def _uitkomst(antwoord) -> object:
    if antwoord.status_code != 302:
        return antwoord.status_code
    doel = antwoord["Location"]
    if doel.startswith(reverse("quickscan:inloggen")):
        return INLOGGEN
    if doel.startswith(reverse("admin:login")):
        return BEHEER
    if doel.startswith(reverse("meldingen:aanmelden")):
        return AANMELDEN
    return TERUG


def test_every_address_of_the_app_is_in_the_matrix():
    namen = {f"aanvragen:{p.name}" for p in aanvragen_urls.urlpatterns}
    namen |= {f"meldingen:{p.name}" for p in meldingen_urls.urlpatterns if p.name in TEAMPAGINAS}
    assert namen == set(MATRIX)


def test_every_role_gets_exactly_what_the_matrix_says(wereld):
    clients, argumenten = wereld
    afwijkingen = []
    for naam, verwacht in MATRIX.items():
        url = _url(naam, argumenten)
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].get(url))
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol} GET {url}: {gekregen}, verwacht {verwacht[rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_only_the_right_people_can_change_anything(wereld):
    clients, argumenten = wereld
    afwijkingen = []
    for naam, (data, verwacht) in POST_MATRIX.items():
        url = _url(naam, argumenten)
        # The beheerder last: her removal of hugo would otherwise change his answer.
        for rol in sorted(ROLLEN, key=lambda r: r == "hanne"):
            gekregen = _uitkomst(clients[rol].post(url, data))
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol} POST {url}: {gekregen}, verwacht {verwacht[rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)

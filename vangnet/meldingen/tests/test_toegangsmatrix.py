"""Who may open which address of the reporting channel: every address for every role.

The matrix is the specification. The test fails when an address of the module is missing
from it, so a new page cannot appear without someone deciding who may see it.

Roles: ``anoniem`` (nobody signed in), ``melder`` (came back with the receipt of the case),
``hanne`` (handler and beheerder of the case's receiver), ``hugo`` (same team, declared a
conflict on the case), ``ward`` (handler of another receiver), ``alice`` (the department,
signed in to the admin).
"""

from django.test import Client
from django.urls import reverse

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.meldingen import acties, workflow
from vangnet.meldingen.bijlagen import SchoneBijlage
from vangnet.meldingen.choices import Beslissing, Omvang, Stap, Status
from vangnet.meldingen.tests.factories import InzendingFactory, maak_team, meld_aan

pytestmark = pytest.mark.django_db

ROLLEN = ("anoniem", "melder", "hanne", "hugo", "ward", "alice")

OK, NIET, METHODE = 200, 404, 405
DOOR = "door"  # a redirect to the receiver's form (the short address)
AANMELDEN = "aanmelden"  # a redirect to the handlers' sign-in
OPVOLGEN = "opvolgen"  # a redirect to the page where a receipt is typed


def _iedereen(uitkomst):
    return dict.fromkeys(ROLLEN, uitkomst)


def _alleen_team(voor_hanne=OK, voor_hugo=NIET, voor_ward=NIET):
    return {
        "anoniem": AANMELDEN,
        "melder": AANMELDEN,
        "hanne": voor_hanne,
        "hugo": voor_hugo,
        "ward": voor_ward,
        "alice": AANMELDEN,
    }


def _alleen_melder(anders=OPVOLGEN):
    return {**_iedereen(anders), "melder": OK}


# (url name, GET) -> outcome per role.
MATRIX = {
    "kort": _iedereen(DOOR),
    "index": _iedereen(OK),
    "formulier": _iedereen(OK),
    "qr-svg": _iedereen(OK),
    "qr-png": _iedereen(OK),
    "affiche": _iedereen(OK),
    "ontvangstbewijs": _iedereen(METHODE),
    # Without a receipt waiting for this browser: only that it was shown already.
    "verstuurd": _iedereen(OK),
    "opvolgen": _iedereen(OK),
    "afsluiten": _iedereen(METHODE),
    "dossier": _alleen_melder(),
    "bericht": _iedereen(METHODE),
    "toestemming": _iedereen(METHODE),
    "wissen": _alleen_melder(),
    "bijlage": _alleen_melder(),
    "overzicht": _alleen_team(voor_hugo=OK, voor_ward=OK),
    # A signed-in handler is sent on to the overview ("terug").
    "aanmelden": {**_iedereen(OK), "hanne": "terug", "hugo": "terug", "ward": "terug"},
    "tweede-stap": {**_iedereen(AANMELDEN), "hanne": "terug", "hugo": "terug", "ward": "terug"},
    # Without a valid one-time code: the same "this link does not work" for everyone.
    "inschrijven": _iedereen(NIET),
    "afmelden": _iedereen(METHODE),
    "wachtwoord": _alleen_team(voor_hugo=OK, voor_ward=OK),
    "melding": _alleen_team(),
    "handeling": _iedereen(METHODE),
    "behandelaar-bijlage": _alleen_team(),
    "samenvatting": _alleen_team(),
    "inbox": _alleen_team(voor_hugo=OK),
    # Every member sees the team; only a beheerder also gets the buttons to share keys.
    "team": _alleen_team(voor_hugo=OK),
    # Issue 16: only a beheerder of the receiver invites, removes and recovers members
    # (also in vangnet/aanvragen/tests/test_toegangsmatrix.py, with the organisation's role).
    "uitnodigen": _alleen_team(),
    "verwijderen": _alleen_team(),
    "herstellen": _alleen_team(),
}

# POSTs that change a case: (url name, data) -> outcome per role.
POST_MATRIX = {
    "bericht": ({"tekst": "Nog iets."}, {**_iedereen(OPVOLGEN), "melder": "terug"}),
    "handeling": ({"notitie-tekst": "Een notitie."}, _alleen_team(voor_hanne="terug")),
}


@pytest.fixture
def wereld(alice):
    """One case at test-api with an attachment and an approved external referral."""
    team = maak_team(leden=("hanne", "hugo"))
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    hanne, hugo = team.leden["hanne"], team.leden["hugo"]
    bijlage = SchoneBijlage(naam="bewijs.txt", soort="text/plain", inhoud=b"bewijs")
    melding, code = acties.dien_in(
        team.ontvanger, InzendingFactory(bijlagen=[bijlage], wensen=["doorverwijzing"])
    )
    sleutel = acties.sleutel_uit_envelop(
        melding.enveloppen.get(behandelaar=hanne.behandelaar), hanne.prive
    )
    workflow.verander_status(melding, Status.IN_GESPREK, door=hanne.behandelaar)
    toestemming = acties.vraag_toestemming(
        melding,
        sleutel,
        hanne.behandelaar,
        Stap.DOORVERWIJZING,
        extern="Unia",
        omvang=Omvang.SAMENVATTING,
        samenvatting="Een korte samenvatting.",
    )
    acties.beslis(toestemming, Beslissing.GEGEVEN)
    acties.verklaar_conflict(melding, sleutel, hugo.behandelaar)

    melder = Client()
    antwoord = melder.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": code})
    assert antwoord.status_code == 302
    beheer = Client()
    meld_aan_in_beheer(beheer, alice)
    clients = {
        "anoniem": Client(),
        "melder": melder,
        "hanne": meld_aan(hanne),
        "hugo": meld_aan(hugo),
        "ward": meld_aan(ander.leden["ward"]),
        "alice": beheer,
    }
    argumenten = {
        "slug": team.ontvanger.slug,
        "pk": melding.pk,
        "bijlage": melding.bijlagen.get().pk,
        "toestemming": toestemming.pk,
        "handeling": "notitie",
        "lid": team.ontvanger.team.get(behandelaar=hugo.behandelaar).pk,
    }
    return clients, argumenten


def _namen_van_de_module() -> set[str]:
    from vangnet.meldingen import urls

    return {p.name for p in urls.urlpatterns} | {p.name for p in urls.kort}


def test_every_address_of_the_module_is_in_the_matrix():
    assert _namen_van_de_module() == set(MATRIX)


def _url(naam: str, argumenten: dict) -> str:
    from vangnet.meldingen import urls

    patroon = next(p for p in [*urls.urlpatterns, *urls.kort] if p.name == naam)
    nodig = {k: argumenten[k] for k in patroon.pattern.converters}
    if naam == "kort":
        return reverse("kort", kwargs=nodig)
    return reverse(f"meldingen:{naam}", kwargs=nodig)


def _uitkomst(antwoord, argumenten) -> object:
    if antwoord.status_code != 302:
        return antwoord.status_code
    doel = antwoord["Location"]
    if doel.startswith(reverse("meldingen:aanmelden")):
        return AANMELDEN
    if doel.split("?")[0] == reverse("meldingen:opvolgen"):
        return OPVOLGEN
    if doel == reverse("meldingen:formulier", args=[argumenten["slug"]]):
        return DOOR
    return "terug"


def test_every_role_gets_exactly_what_the_matrix_says(wereld):
    clients, argumenten = wereld
    afwijkingen = []
    for naam, verwacht in MATRIX.items():
        url = _url(naam, argumenten)
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].get(url), argumenten)
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol} GET {url}: {gekregen}, verwacht {verwacht[rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_only_the_right_people_can_change_a_case(wereld):
    clients, argumenten = wereld
    afwijkingen = []
    for naam, (data, verwacht) in POST_MATRIX.items():
        url = _url(naam, argumenten)
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].post(url, data), argumenten)
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol} POST {url}: {gekregen}, verwacht {verwacht[rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_a_handler_of_another_receiver_never_sees_a_word_of_the_case(wereld):
    clients, argumenten = wereld
    for naam in ("melding", "behandelaar-bijlage", "samenvatting"):
        antwoord = clients["ward"].get(_url(naam, argumenten))
        assert "regisseur" not in antwoord.content.decode(errors="replace")


def test_the_inbox_views_by_query_follow_the_inbox_row_of_the_matrix(wereld):
    # ?toon=afgesloten and ?toon=zonder-codes (closed cases still lacking monitoring codes)
    # are the same address: the same people get them.
    clients, argumenten = wereld
    afwijkingen = []
    for toon in ("afgesloten", "zonder-codes"):
        url = _url("inbox", argumenten) + f"?toon={toon}"
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].get(url), argumenten)
            if gekregen != MATRIX["inbox"][rol]:
                afwijkingen.append(f"{rol} GET {url}: {gekregen}, verwacht {MATRIX['inbox'][rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)

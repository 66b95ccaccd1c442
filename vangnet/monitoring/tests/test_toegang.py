"""Who may open which address of the figures: every address for every role.

The matrix is the specification; the test fails when an address of the app is missing from
it. Roles: ``anoniem``; ``hanne``, handler of ``test-api`` (two factors); ``ward``, handler
of another receiver; ``alice``, the department, signed in to the admin with two factors;
``alice_half``, the same account with a password only; ``bob``, a partner (two factors);
``stuurgroep``, a member of the stuurgroep (two factors).
"""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

import pytest

from vangnet.accounts.models import STUURGROEP_GROUP
from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.meldingen.models import Melding
from vangnet.meldingen.tests.factories import maak_team, meld_aan

ROLLEN = ("anoniem", "hanne", "ward", "alice", "alice_half", "bob", "stuurgroep")
OK, VERBODEN, NIET, METHODE = 200, 403, 404, 405
BEHEER = "aanmelden-beheer"  # a redirect to the admin's sign-in (two factors)
BEHANDELEN = "aanmelden-behandelen"  # a redirect to the handlers' sign-in


def _iedereen(uitkomst):
    return dict.fromkeys(ROLLEN, uitkomst)


_BELEID = {
    "anoniem": BEHEER,
    "hanne": VERBODEN,
    "ward": VERBODEN,
    "alice": OK,
    "alice_half": BEHEER,
    "bob": VERBODEN,
    "stuurgroep": OK,
}
_ONTVANGER = {
    "anoniem": BEHANDELEN,
    "hanne": OK,
    "ward": NIET,
    "alice": NIET,
    "alice_half": BEHANDELEN,
    "bob": NIET,
    "stuurgroep": NIET,
}

# (url name, extra arguments) -> outcome per role.
MATRIX = {
    ("publiek", ()): _iedereen(OK),
    ("publiek-export", ("tabel", "csv")): _iedereen(OK),
    ("publiek-export", ("verloop", "ods")): _iedereen(OK),
    ("beleid", ()): _BELEID,
    ("beleid-export", ("tabel", "ods")): _BELEID,
    ("beleid-export", ("verloop", "csv")): _BELEID,
    ("ontvangers", ()): {**_ONTVANGER, "ward": OK, "alice": OK, "bob": OK, "stuurgroep": OK},
    ("aanleveren", ()): {**_BELEID, "alice": VERBODEN, "bob": OK, "stuurgroep": VERBODEN},
    ("sjabloon", ()): {**_BELEID, "alice": VERBODEN, "bob": OK, "stuurgroep": VERBODEN},
    ("ontvanger", ("test-api",)): _ONTVANGER,
    ("ontvanger-export", ("test-api", "tabel", "csv")): _ONTVANGER,
    ("ontvanger-export", ("test-api", "verloop", "ods")): _ONTVANGER,
}


@pytest.fixture
def clients(twee_jaar, alice, bob, django_user_model):
    team = maak_team(leden=("hanne",))
    # 30 cases of test-api in 2025 (the synthetic ones belong to other receivers).
    Melding.objects.bulk_create(
        Melding(
            ontvanger=team.ontvanger,
            ontvangen_op=twee_jaar.replace(year=2025, month=1 + i % 12, day=3),
            inhoud=b"",
            sector="muziek",
        )
        for i in range(30)
    )
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    lid = django_user_model.objects.create_user(
        "stuur", password="stuurgroep-wachtwoord-lang", is_staff=True
    )
    lid.groups.add(Group.objects.get(name=STUURGROEP_GROUP))
    uit = {"anoniem": Client(), "hanne": meld_aan(team.leden["hanne"])}
    uit["ward"] = meld_aan(ander.leden["ward"])
    for rol, user in (("alice", alice), ("bob", bob), ("stuurgroep", lid)):
        uit[rol] = Client()
        meld_aan_in_beheer(uit[rol], user)
    uit["alice_half"] = Client()
    uit["alice_half"].force_login(alice)
    return uit


def test_every_address_of_the_app_is_in_the_matrix():
    from vangnet.monitoring import urls

    assert {p.name for p in urls.urlpatterns} == {naam for naam, _args in MATRIX}


def _uitkomst(antwoord):
    if antwoord.status_code != 302:
        return antwoord.status_code
    doel = antwoord["Location"]
    if doel.startswith(reverse("admin:login")):
        return BEHEER
    if doel.startswith(reverse("meldingen:aanmelden")):
        return BEHANDELEN
    return doel


def test_every_role_gets_exactly_what_the_matrix_says(clients):
    afwijkingen = []
    for (naam, argumenten), verwacht in MATRIX.items():
        url = reverse(f"monitoring:{naam}", args=argumenten) + "?per=sector&periode=2025"
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].get(url))
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol} GET {url}: {gekregen}, verwacht {verwacht[rol]}")
            if naam != "aanleveren" and clients[rol].post(url).status_code not in (
                METHODE,
                302,
                403,
            ):
                afwijkingen.append(f"{rol} POST {url} changed something")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_the_api_is_open_to_everyone_and_reads_no_session(clients):
    for client in clients.values():
        antwoord = client.get("/api/v1/monitoring/cijfers", {"per": "sector"})
        assert antwoord.status_code == 200
        assert antwoord.json()["voorlopig"] is False


def test_the_department_sees_provisional_quarters_the_public_does_not(clients):
    publiek = clients["anoniem"].get("/monitoring/?per=sector&periode=2026").content.decode()
    beleid = clients["alice"].get("/monitoring/beleid/?per=sector&periode=2026").content.decode()
    assert "Voorlopig" in beleid
    assert "Voorlopig" not in publiek


def test_a_receiver_sees_only_its_own_cases(clients):
    antwoord = clients["hanne"].get(
        "/monitoring/ontvanger/test-api/tabel.csv?per=sector&periode=2025"
    )
    regels = antwoord.content.decode().splitlines()
    assert regels[-1].split(",")[-1] == "30"  # its own 30 cases, not the 2,000 synthetic ones

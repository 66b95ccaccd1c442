"""Who may open which address of the action plan: every address for every role.

The matrix is the specification; the test fails when an address of the app is missing from
it. The roles are those of ``conftest.py``. POST is checked separately: only the rows a
role may write.
"""

from django.urls import reverse
from django.utils import translation

import pytest

from vangnet.actieplan.tests.conftest import ROLLEN

pytestmark = pytest.mark.django_db

OK, VERBODEN, NIET = 200, 403, 404
BEHEER = "aanmelden-beheer"  # a redirect to the admin's sign-in (two factors)


def _rij(**uitzonderingen):
    basis = {
        "anoniem": BEHEER,
        "hanne": VERBODEN,
        "alice": OK,
        "alice_half": BEHEER,
        "bob": OK,
        "charlie": OK,
        "sara": OK,
    }
    return {**basis, **uitzonderingen}


#: Read by the stuurgroep (and the department) and by every partner.
IEDER_MET_ROL = _rij()

# (url name, arguments) -> outcome of a GET per role.
MATRIX = {
    ("overzicht", ()): IEDER_MET_ROL,
    ("actie", ("2.3.c",)): IEDER_MET_ROL,
}


def _uitkomst(antwoord):
    if antwoord.status_code != 302:
        return antwoord.status_code
    doel = antwoord["Location"]
    return BEHEER if doel.startswith(reverse("admin:login")) else doel


def test_every_address_of_the_app_is_in_the_matrix():
    from vangnet.actieplan import urls

    assert {p.name for p in urls.urlpatterns} == {naam for naam, _args in MATRIX}


def test_every_role_gets_exactly_what_the_matrix_says(clients):
    afwijkingen = []
    for (naam, argumenten), verwacht in MATRIX.items():
        with translation.override("nl"):
            url = reverse(f"actieplan:{naam}", args=argumenten)
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].get(url))
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol} GET {url}: {gekregen}, verwacht {verwacht[rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_every_address_answers_in_french_and_english_too(clients):
    for (naam, argumenten), _verwacht in MATRIX.items():
        for taal in ("fr", "en"):
            with translation.override(taal):
                url = reverse(f"actieplan:{naam}", args=argumenten)
            assert url.startswith(f"/{taal}/")
            assert clients["sara"].get(url).status_code == OK, url

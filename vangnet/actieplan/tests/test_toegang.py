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

#: The budget: the stuurgroep and the department only.
STUURGROEP = _rij(bob=VERBODEN, charlie=VERBODEN)

# (url name, arguments) -> outcome of a GET per role. ``VERGADERING`` and ``AANBEVELING``
# stand for the meeting and the recommendation (to FARO) that ``objecten`` makes.
VERGADERING, AANBEVELING = "vergadering", "aanbeveling"
MATRIX = {
    ("overzicht", ()): IEDER_MET_ROL,
    ("actie", ("2.3.c",)): IEDER_MET_ROL,
    ("vergaderingen", ()): IEDER_MET_ROL,
    ("agenda", ()): IEDER_MET_ROL,
    ("vergadering", (VERGADERING,)): IEDER_MET_ROL,
    ("begroting", ()): STUURGROEP,
    ("aanbevelingen", ()): IEDER_MET_ROL,
    # Bob (SFP) does not even learn that FARO's recommendation exists.
    ("aanbeveling", (AANBEVELING,)): _rij(bob=NIET),
    ("rapport", ()): STUURGROEP,
    ("rapport-pdf", ()): STUURGROEP,
}

#: Who may write through a POST (the rest gets 403, or the sign-in). Outcome 200 or 302:
#: the form was accepted for checking (200 shows its errors).
SCHRIJVEN = {
    "actie": {"bob"},
    "vergaderingen": {"alice"},
    "vergadering": {"alice"},
    "begroting": {"alice"},
    "aanbevelingen": {"alice"},
    "aanbeveling": {"alice", "charlie"},
}


@pytest.fixture
def objecten(alice):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from vangnet.actieplan.models import Aanbeveling, Vergadering
    from vangnet.kaart.models import Organisatie

    faro = Organisatie.objects.get(slug="faro")
    brussel = ZoneInfo("Europe/Brussels")
    v = Vergadering.objects.create(
        soort="stuurgroep",
        titel="Stuurgroep 1",
        begin=datetime(2024, 9, 10, 14, tzinfo=brussel),
        einde=datetime(2024, 9, 10, 16, tzinfo=brussel),
        ingevoerd_door=alice,
    )
    a = Aanbeveling.objects.create(
        titel="Vertrouwenspersoon bekendmaken",
        tekst="Maak de vertrouwenspersoon bekend bij vrijwilligers.",
        afzender="meldpunt",
        organisatie=faro,
        eigenaar=faro,
        deadline=date(2025, 1, 31),
        datum=date(2024, 10, 1),
        ingevoerd_door=alice,
    )
    return {VERGADERING: v.pk, AANBEVELING: a.pk}


def _adres(naam, argumenten, objecten, taal="nl"):
    argumenten = [objecten.get(a, a) for a in argumenten]
    with translation.override(taal):
        return reverse(f"actieplan:{naam}", args=argumenten)


def _uitkomst(antwoord):
    if antwoord.status_code != 302:
        return antwoord.status_code
    doel = antwoord["Location"]
    return BEHEER if doel.startswith(reverse("admin:login")) else doel


def test_every_address_of_the_app_is_in_the_matrix():
    from vangnet.actieplan import urls

    assert {p.name for p in urls.urlpatterns} == {naam for naam, _args in MATRIX}


def test_every_role_gets_exactly_what_the_matrix_says(clients, objecten):
    afwijkingen = []
    for (naam, argumenten), verwacht in MATRIX.items():
        url = _adres(naam, argumenten, objecten)
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].get(url))
            if gekregen != verwacht[rol]:
                afwijkingen.append(f"{rol} GET {url}: {gekregen}, verwacht {verwacht[rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_every_role_writes_only_where_it_may(clients, objecten):
    afwijkingen = []
    for (naam, argumenten), verwacht in MATRIX.items():
        url = _adres(naam, argumenten, objecten)
        for rol in ROLLEN:
            gekregen = _uitkomst(clients[rol].post(url, {}))
            if rol in SCHRIJVEN.get(naam, ()):
                goed = gekregen in (200, 302)
            elif verwacht[rol] in (BEHEER, NIET):
                goed = gekregen in (verwacht[rol], 405)  # 405: a read-only address
            else:
                goed = gekregen in (VERBODEN, 405)
            if not goed:
                afwijkingen.append(f"{rol} POST {url}: {gekregen}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_every_address_answers_in_french_and_english_too(clients, objecten):
    for (naam, argumenten), _verwacht in MATRIX.items():
        for taal in ("fr", "en"):
            url = _adres(naam, argumenten, objecten, taal)
            assert url.startswith(f"/{taal}/")
            assert clients["sara"].get(url).status_code == OK, url

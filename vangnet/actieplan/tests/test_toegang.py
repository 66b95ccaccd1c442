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
        "henk": VERBODEN,
        "alice": OK,
        "alice_half": BEHEER,
        "bob": OK,
        "charlie": OK,
        "sara": OK,
        "olga": BEHEER,
    }
    return {**basis, **uitzonderingen}


#: Read by the stuurgroep (and the department) and by every partner.
IEDER_MET_ROL = _rij()

#: The budget: the stuurgroep and the department only.
STUURGROEP = _rij(bob=VERBODEN, charlie=VERBODEN)

# (url name, arguments) -> outcome of a GET per role. ``VERGADERING`` and ``AANBEVELING``
# stand for the meeting and the recommendation (to FARO, from the Meldpunt) that
# ``objecten`` makes; ``VAN_ONTVANGER`` for the recommendation receiver test-api made to SFP.
VERGADERING, AANBEVELING, VAN_ONTVANGER = "vergadering", "aanbeveling", "van-ontvanger"
MATRIX = {
    ("overzicht", ()): IEDER_MET_ROL,
    ("actie", ("2.3.c",)): IEDER_MET_ROL,
    ("vergaderingen", ()): IEDER_MET_ROL,
    ("agenda", ()): IEDER_MET_ROL,
    ("agenda-abonnement", ()): IEDER_MET_ROL,
    # Without the right secret, nobody (the secret stands for the account, not a session).
    ("agenda-abonnement-ics", ("geen-geldige-sleutel",)): dict.fromkeys(ROLLEN, NIET),
    ("vergadering", (VERGADERING,)): IEDER_MET_ROL,
    ("begroting", ()): STUURGROEP,
    # A receiver's beheerder reads and writes the register; a plain handler does not.
    ("aanbevelingen", ()): _rij(hanne=OK),
    # Bob (SFP) does not even learn that FARO's recommendation exists, nor test-api's
    # beheerder, which did not make it.
    ("aanbeveling", (AANBEVELING,)): _rij(bob=NIET, hanne=NIET),
    # Test-api's recommendation to SFP: its beheerder and SFP, not FARO.
    ("aanbeveling", (VAN_ONTVANGER,)): _rij(charlie=NIET, hanne=OK),
    ("rapport", ()): STUURGROEP,
    ("rapport-pdf", ()): STUURGROEP,
}

#: Who may write through a POST (the rest gets 403, or the sign-in). Outcome 200 or 302:
#: the form was accepted for checking (200 shows its errors).
SCHRIJVEN = {
    ("actie", ("2.3.c",)): {"bob"},
    ("vergaderingen", ()): {"alice"},
    ("agenda-abonnement", ()): {"alice", "bob", "charlie", "sara"},
    ("vergadering", (VERGADERING,)): {"alice"},
    ("begroting", ()): {"alice"},
    ("aanbevelingen", ()): {"alice", "hanne"},
    ("aanbeveling", (AANBEVELING,)): {"alice", "charlie"},
    ("aanbeveling", (VAN_ONTVANGER,)): {"alice", "bob", "hanne"},
}


@pytest.fixture
def objecten(alice, team):
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
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    o = Aanbeveling.objects.create(
        titel="Aanspreekpunt bekendmaken bij freelancers",
        tekst="Zet het aanspreekpunt in elk contract met een freelancer.",
        afzender="ontvanger",
        ontvanger=team.ontvanger,
        organisatie=sfp,
        eigenaar=sfp,
        deadline=date(2025, 6, 30),
        datum=date(2025, 1, 15),
        ingevoerd_door=team.leden["hanne"].user,
    )
    return {VERGADERING: v.pk, AANBEVELING: a.pk, VAN_ONTVANGER: o.pk}


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
    assert set(SCHRIJVEN) <= set(MATRIX)


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
            if rol in SCHRIJVEN.get((naam, argumenten), ()):
                goed = gekregen in (200, 302)
            elif verwacht[rol] in (BEHEER, NIET):
                goed = gekregen in (verwacht[rol], 405)  # 405: a read-only address
            else:
                goed = gekregen in (VERBODEN, 405)
            if not goed:
                afwijkingen.append(f"{rol} POST {url}: {gekregen}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_every_address_answers_in_french_and_english_too(clients, objecten):
    for (naam, argumenten), verwacht in MATRIX.items():
        for taal in ("fr", "en"):
            url = _adres(naam, argumenten, objecten, taal)
            assert url.startswith(f"/{taal}/")
            assert clients["sara"].get(url).status_code == verwacht["sara"], url

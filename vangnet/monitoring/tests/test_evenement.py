"""A public reporting point after its event: the organiser's own figures and retention date.

The section "Na het evenement" on ``/monitoring/ontvanger/<id>/`` is for the beheerders of
that point only, after its window closed; every figure in it is suppressed below 10 by
``suppressie.py`` like every other figure.
"""

import re
from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.meldingen.choices import OntvangerSoort
from vangnet.meldingen.models import Melding
from vangnet.meldingen.tests.factories import maak_team, meld_aan
from vangnet.monitoring import evenement

pytestmark = pytest.mark.django_db

ROLLEN = ("anoniem", "hanne", "hugo", "ward", "alice")
SECTIE = "Na het evenement"


def _festival(**velden):
    nu = timezone.now()
    velden.setdefault("venster_start", nu - timedelta(days=3))
    velden.setdefault("venster_einde", nu - timedelta(days=1))
    return maak_team(
        "test-festival",
        soort=OntvangerSoort.MELDPUNT_PUBLIEK,
        leden=("hanne", "hugo"),
        beheerders=("hanne",),
        bewaartermijn_dagen=90,
        **velden,
    )


def _meldingen(team, aantal: int, **codes) -> None:
    moment = timezone.now() - timedelta(days=2)
    Melding.objects.bulk_create(
        Melding(ontvanger=team.ontvanger, ontvangen_op=moment, inhoud=b"", **codes)
        for _ in range(aantal)
    )


def _tekst(antwoord) -> str:
    return re.sub(r"\s+", " ", antwoord.content.decode())


@pytest.fixture
def wereld(alice):
    team = _festival()
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    beheer = Client()
    meld_aan_in_beheer(beheer, alice)
    clients = {
        "anoniem": Client(),
        "hanne": meld_aan(team.leden["hanne"]),
        "hugo": meld_aan(team.leden["hugo"]),
        "ward": meld_aan(ander.leden["ward"]),
        "alice": beheer,
    }
    return team, clients


# Who gets what at /monitoring/ontvanger/test-festival/ after the event.
MATRIX = {
    "anoniem": "aanmelden",
    "hanne": "met-evenement",  # beheerder of the point: the organiser
    "hugo": "zonder-evenement",  # member of its team: the receiver's figures only
    "ward": 404,  # member of another receiver
    "alice": 404,  # the department: Vangnet's figures, not a receiver's own page
}


def test_only_the_organiser_sees_the_events_figures_every_role_as_the_matrix_says(wereld):
    team, clients = wereld
    _meldingen(team, 12, uitkomst="geholpen", route="gehoord", gedrag=["psychisch"])
    url = reverse("monitoring:ontvanger", args=["test-festival"])
    afwijkingen = []
    for rol in ROLLEN:
        antwoord = clients[rol].get(url)
        if antwoord.status_code == 302:
            gekregen = "aanmelden" if "/behandelen/aanmelden/" in antwoord["Location"] else "?"
        elif antwoord.status_code == 200:
            gekregen = "met-evenement" if SECTIE in _tekst(antwoord) else "zonder-evenement"
        else:
            gekregen = antwoord.status_code
        if gekregen != MATRIX[rol]:
            afwijkingen.append(f"{rol}: {gekregen}, verwacht {MATRIX[rol]}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_after_the_event_the_organiser_sees_its_counts_suppressed_below_ten(wereld):
    team, clients = wereld
    _meldingen(team, 11, uitkomst="geholpen", route="gehoord", gedrag=["psychisch"])
    _meldingen(team, 3, uitkomst="onbekend", route="advies", gedrag=["onbekend"])
    pagina = _tekst(clients["hanne"].get(reverse("monitoring:ontvanger", args=["test-festival"])))
    assert "Meldingen tijdens het evenement: 14" in pagina
    assert '<th scope="row">De melder is geholpen</th><td>11</td>' in pagina
    # 3 is under 10, and 11 would give it away from the total of 14: both hidden.
    uitkomsten = pagina[pagina.index("Het evenement per uitkomst") :].split("</table>")[0]
    assert "&lt;10" in uitkomsten and ">3<" not in uitkomsten
    gedrag = pagina[pagina.index("Het evenement per gedrag") :].split("</table>")[0]
    assert "<td>11</td>" in gedrag and ">3<" not in gedrag


def test_an_event_with_fewer_than_ten_reports_shows_no_number_at_all(wereld):
    team, clients = wereld
    _meldingen(team, 4, uitkomst="geholpen")
    e = evenement.na_het_evenement(team.ontvanger)
    assert e.totaal == "<10"
    getoond = {w for t in e.tabellen for _label, w in t.rijen} | {t.totaal for t in e.tabellen}
    assert not any(isinstance(w, int) for w in getoond)


def test_the_organiser_is_reminded_when_the_cases_are_destroyed(wereld):
    team, clients = wereld
    _meldingen(team, 2)
    gesloten = timezone.now() - timedelta(hours=5)
    Melding.objects.filter(pk=Melding.objects.first().pk).update(
        status="afgesloten", afgesloten_op=gesloten
    )
    pagina = _tekst(clients["hanne"].get(reverse("monitoring:ontvanger", args=["test-festival"])))
    assert "Een afgesloten melding wordt 90 dagen na het afsluiten vernietigd." in pagina
    datum = timezone.localtime(gesloten + timedelta(days=90))
    assert (
        f"Op {datum:%-d} " in pagina
        and "zijn alle meldingen vernietigd die nu afgesloten zijn" in pagina
    )
    assert "Er zijn nog open meldingen" in pagina


def test_before_the_end_of_the_event_there_are_no_event_figures(wereld):
    team, clients = wereld
    team.ontvanger.venster_einde = timezone.now() + timedelta(hours=3)
    team.ontvanger.save()
    _meldingen(team, 12)
    pagina = _tekst(clients["hanne"].get(reverse("monitoring:ontvanger", args=["test-festival"])))
    assert SECTIE not in pagina
    assert evenement.na_het_evenement(team.ontvanger) is None


def test_the_event_section_speaks_french(wereld):
    team, clients = wereld
    _meldingen(team, 12, uitkomst="geholpen")
    pagina = _tekst(clients["hanne"].get("/fr/monitoring/ontvanger/test-festival/"))
    assert "Après l’événement" in pagina

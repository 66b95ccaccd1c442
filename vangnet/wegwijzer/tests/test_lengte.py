"""Honest time: every case of test_routegevallen.py walked through the interview as a person
would (one question per page, "not sure" where the case has no answer), the words each page
shows before a tap counted, and the start page's promise checked against the time a careful
reader needs (vangnet/wegwijzer/lengte.py). Run with ``-s`` for the figures per case:

    .venv/bin/python -m pytest vangnet/wegwijzer/tests/test_lengte.py -s -q
"""

from __future__ import annotations

import math
from statistics import median

from django.utils import translation

import pytest

from vangnet.wegwijzer import lengte
from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.tests.test_routegevallen import GEVALLEN
from vangnet.wegwijzer.vragen import PER_ID, VRAGEN

# What the route page may show before a tap (docs/wegwijzer.md).
ROUTE_WOORDEN_MAX = 200  # the route as shown, the intro and the first steps
STAP_WOORDEN_MAX = 80  # one step: name, reason, button, "more about" (and a heading after it)
EERSTE_STAP_SECONDEN_MAX = 270  # a first step within four and a half minutes, for everyone

GETALLEN = {1: "een", 2: "twee", 3: "drie", 4: "vier", 5: "vijf"}


def formwaarden(vraag_id: str, antwoorden: dict) -> list[str]:
    """The case's answer to a question as form values; "not sure" when it has none."""
    if vraag_id not in antwoorden:
        return ["onzeker"]
    waarde = PER_ID[vraag_id].waarde(Antwoorden.uit_dict(antwoorden))
    if isinstance(waarde, list):
        return waarde or ["onzeker"]
    return [waarde] if waarde else ["onzeker"]


def lees(client, antwoorden: dict) -> lengte.Lezing:
    """Walk the interview with ``antwoorden``; then give every other answer of the case too
    (its route is the case's route), and read the route."""
    client.cookies.clear()
    adres = f"/wegwijzer/vraag/{VRAGEN[0].id}/"
    vragen: list[int] = []
    for _ in range(len(VRAGEN) + 1):
        if "/vraag/" not in adres:
            break
        vraag_id = adres.rstrip("/").rsplit("/", 1)[1]
        vragen.append(sum(lengte.woorden(client.get(adres).content.decode())))
        antwoord = client.post(adres, {"antwoord": formwaarden(vraag_id, antwoorden)})
        assert antwoord.status_code == 302, (vraag_id, antwoord.content.decode()[:300])
        adres = antwoord["Location"]
    assert adres == "/wegwijzer/controleren/", adres
    controle = sum(lengte.woorden(client.get(adres).content.decode()))
    gevraagd = client.get("/wegwijzer/route/").content.decode()
    for vraag in VRAGEN:
        if vraag.id in antwoorden:
            client.post(
                f"/wegwijzer/vraag/{vraag.id}/", {"antwoord": formwaarden(vraag.id, antwoorden)}
            )
    antwoord = client.get("/wegwijzer/route/")
    # A combination the interview would never store starts over: then the route as asked.
    route = antwoord.content.decode() if antwoord.status_code == 200 else gevraagd
    return lengte.Lezing(tuple(vragen), controle, tuple(lengte.woorden(route, "bewaar-kop")))


_GELEZEN: dict[str, lengte.Lezing] = {}


@pytest.fixture
def lezingen(db) -> dict[str, lengte.Lezing]:
    """Every case read once per run (the content does not change between these tests)."""
    if _GELEZEN:
        return _GELEZEN
    from django.test import Client

    with translation.override("nl"):
        client = Client()
        uit = {p.values[0].naam: lees(client, p.values[0].antwoorden) for p in GEVALLEN}
    _GELEZEN.update(uit)
    tot_eerste = [lz.tot_eerste_stap for lz in uit.values()]
    print(f"\n{'geval':48} vragen  woorden-vragen  route-woorden  eerste-stap-s  route-s")
    for naam, lz in uit.items():
        print(
            f"{naam:48} {len(lz.vragen):6} {sum(lz.vragen) + lz.controle:15} "
            f"{lz.route_woorden:14} {lz.tot_eerste_stap:14.0f} {lz.hele_route:8.0f}"
        )
    print(
        f"time to the first step: median {median(tot_eerste):.0f} s, "
        f"90% {lengte.deel(tot_eerste, 0.9):.0f} s, max {max(tot_eerste):.0f} s; "
        f"route words shown: median {median(lz.route_woorden for lz in uit.values())}, "
        f"max {max(lz.route_woorden for lz in uit.values())}"
    )
    return uit


def test_the_start_page_promises_the_time_a_careful_reader_needs(client, lezingen):
    tijden = [lz.tot_eerste_stap for lz in lezingen.values()]
    gemeten = math.ceil(lengte.deel(tijden, lengte.BELOFTE_DEEL) / 60)
    assert gemeten == lengte.BELOFTE_MINUTEN, (
        f"90% of the test routes reach their first step in {gemeten} minutes, "
        f"the promise says {lengte.BELOFTE_MINUTEN}: change the promise or shorten the interview"
    )
    pagina = client.get("/wegwijzer/").content.decode()
    assert f"ongeveer {GETALLEN[lengte.BELOFTE_MINUTEN]} minuten" in pagina


def test_everyone_reaches_a_first_step_in_time(lezingen):
    te_lang = {
        naam: round(lz.tot_eerste_stap)
        for naam, lz in lezingen.items()
        if lz.tot_eerste_stap > EERSTE_STAP_SECONDEN_MAX
    }
    assert not te_lang, f"more than {EERSTE_STAP_SECONDEN_MAX} s to the first step: {te_lang}"


def test_the_route_shows_few_words_before_a_tap(lezingen):
    lang = {
        n: lz.route_woorden for n, lz in lezingen.items() if lz.route_woorden > ROUTE_WOORDEN_MAX
    }
    assert not lang, f"routes over {ROUTE_WOORDEN_MAX} words before a tap: {lang}"
    assert all(len(lz.route) > 1 for lz in lezingen.values()), "a route page without steps"
    stappen = {n: max(lz.route[1:]) for n, lz in lezingen.items()}
    stappen = {n: w for n, w in stappen.items() if w > STAP_WOORDEN_MAX}
    assert not stappen, f"a step over {STAP_WOORDEN_MAX} words before a tap: {stappen}"


def test_words_are_counted_as_a_page_shows_them():
    html = (
        '<header>Snel weg</header><main><h1>Jouw route</h1><ol><li class="stap"><h3>CAW</h3>'
        "<details><summary>Meer over CAW</summary><p>tien woorden die je pas na een tik "
        'ziet staan</p></details></li><li class="stap">Twee woorden<span class="visueel-'
        'verborgen"> niet dit</span></li></ol><details open><summary>Open</summary>'
        '<p>wel</p></details><h2 id="bewaar-kop">Bewaar</h2>niet</main>'
    )
    assert lengte.woorden(html, "bewaar-kop") == [2, 4, 4]

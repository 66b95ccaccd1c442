"""No page scrolls sideways at 320 CSS pixels (WCAG 1.4.10), in a real browser.

Every page type is visited in a window 320 pixels wide: every address without parameters
in the URL conf (``paginas.py``) in each language, every content page (contact point,
offering, organisation, term), every question of the wegwijzer and the routes of several
people, the toolbox's forms and results (the quickscan's steps and result, the legal
check's and the training finder's answers), the kaart's lists, the pool with members. The
reporting channel's pages (form, receipt, follow-up, the handlers' pages) are in
``meldingen/tests/test_browser.py``, on a site with demo receivers. Each page fails on the
element that sticks out (``reflow.py``).
"""

import json

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import expect

from vangnet.core.tests import livesite, paginas, reflow
from vangnet.quickscan.tests.test_browser import PROFIEL
from vangnet.wegwijzer.vragen import VRAGEN

pytestmark = pytest.mark.browser

# Lists, searches and answers with a page of their own (a GET form's result).
MET_VRAAG = [
    "/kaart/?q=vertrouwenspersoon",
    "/kaart/?gedrag=seksueel&status=freelancer",
    "/kaart/?gedrag=onzin",
    "/kaart/?pagina=2",
    "/kaart/?soort=aanbod&pc=304",
    "/toolbox/verplichtingen/?werknemers=60&vrijwilligers=15&pc=304",
    "/toolbox/verplichtingen/?werknemers=0&vrijwilligers=4&pc=",
    "/toolbox/verplichtingen/?werknemers=-4",
    "/toolbox/vorming/?statuut=freelancer&pc=geen&thema=vertrouwenspersoon",
    "/toolbox/vorming/?statuut=werknemer&pc=304",
    "/vertrouwenspersonen/?taal=fr",
    "/kaart/aanspreekpunt/bestaat-niet/",
]
# The content the API lists, by the address of each item's page.
INHOUD = {
    "aanspreekpunten": "kaart:aanspreekpunt",
    "aanbod": "kaart:aanbod",
    "organisaties": "kaart:organisatie",
    "begrippen": "begrippen:begrip",
}
# People going through the wegwijzer, as form values; a question not named is answered
# "not sure" (every question has that choice).
MENSEN = {
    "werknemer": {
        "gevaar": ["nee"],
        "rol": ["werknemer"],
        "perspectief": ["slachtoffer"],
        "gedrag": ["seksueel"],
        "wens": ["praten", "advies"],
        "anoniem": ["ja"],
    },
    "in-gevaar": {"gevaar": ["ja"], "rol": ["werknemer"], "gedrag": ["seksueel", "psychisch"]},
    "freelancer-discriminatie": {
        "gevaar": ["nee"],
        "rol": ["freelancer"],
        "perspectief": ["slachtoffer"],
        "gedrag": ["discriminatie"],
        "discriminatiegrond": ["afkomst"],
        "werkgever": ["prive"],
        "wens": ["formeel"],
    },
    "festivalbezoeker": {
        "gevaar": ["nee"],
        "rol": ["publiek"],
        "perspectief": ["slachtoffer"],
        "gedrag": ["seksueel"],
        "andere_partij": ["bezoeker"],
        "minderjarig": ["ja"],
    },
    "vrijwilliger-getuige": {
        "gevaar": ["nee"],
        "rol": ["vrijwilliger"],
        "perspectief": ["getuige"],
        "gedrag": ["machtsmisbruik", "psychisch"],
        "sector": ["cultureel-erfgoed"],
    },
    "niets-gekozen": {},
}


@pytest.fixture(scope="module")
def smal(chromium, live_site: livesite.LiveSite):
    """One page in a window 320 CSS pixels wide, for the whole module; the pool with its
    demo members (as the pool's own browser tests have it)."""
    live_site.manage("demo_pool")
    page = livesite.open_page_in_new_context(
        chromium, live_site, viewport={"width": reflow.BREEDTE, "height": reflow.HOOGTE}
    )
    yield page
    page.context.close()


def _bekijk(page, site: livesite.LiveSite, pad: str) -> list[str] | None:
    """Open ``pad``; the findings, or None when it is no page (a redirect, 405, a file), as
    an anonymous visitor gets it. An error page (400, 404) is a page."""
    kop = livesite.Visitor(site.base_url).get(pad, follow=False)
    soort = kop.headers.get("Content-Type") or ""
    if kop.status not in (200, 400, 404) or not soort.startswith("text/html"):
        return None
    page.goto(site(pad))
    return reflow.past(page, pad)


def _bekijk_alle(page, site, paden) -> None:
    bevindingen, bekeken = [], 0
    for pad in paden:
        gevonden = _bekijk(page, site, pad)
        if gevonden is not None:
            bekeken += 1
            bevindingen += gevonden
    assert bekeken, "no page was looked at"
    reflow.geen_overloop(bevindingen, bekeken)


@pytest.mark.parametrize("taal", paginas.TALEN)
def test_no_page_of_the_url_conf_scrolls_sideways_at_320_pixels(smal, live_site, taal):
    with translation.override(taal):
        paden = [reverse(a.naam) for a in paginas.adressen() if not a.met_parameters]
    prefix = "" if taal == "nl" else f"/{taal}"
    _bekijk_alle(smal, live_site, paden + [prefix + pad for pad in MET_VRAAG])


@pytest.mark.parametrize("soort", INHOUD)
def test_no_content_page_scrolls_sideways_at_320_pixels(smal, live_site, soort):
    items = json.loads(live_site.get(f"/api/v1/{soort}"))[soort]
    paden = [reverse(INHOUD[soort], args=[item["id"]]) for item in items]
    if soort == "aanbod":
        paden += [pad + "?pc=304" for pad in paden]
    _bekijk_alle(smal, live_site, paden)


@pytest.mark.parametrize("taal", paginas.TALEN)
def test_no_question_of_the_wegwijzer_scrolls_sideways_at_320_pixels(smal, live_site, taal):
    with translation.override(taal):
        paden = [reverse("wegwijzer:vraag", args=[vraag.id]) for vraag in VRAGEN]
    _bekijk_alle(smal, live_site, paden)


def _verstuur(page, site, actie) -> None:
    with page.expect_navigation() as navigatie:
        actie()
    antwoord = navigatie.value
    if antwoord is None or antwoord.status != 200:
        pytest.fail(f"{page.url}: {antwoord and antwoord.status}\n{site.log_tail()}")


@pytest.mark.parametrize("taal", paginas.TALEN)
def test_no_route_scrolls_sideways_at_320_pixels(smal, live_site, taal):
    bevindingen, bekeken = [], 0
    with translation.override(taal):
        start, route = reverse("wegwijzer:start"), reverse("wegwijzer:resultaat")
    mensen = MENSEN if taal == "nl" else {"werknemer": MENSEN["werknemer"]}
    for wie, antwoorden in mensen.items():
        smal.context.clear_cookies()
        smal.goto(live_site(start))
        _verstuur(smal, live_site, smal.locator("a.knop-start").click)
        while "/vraag/" in smal.url:
            vraag = smal.url.rstrip("/").rsplit("/", 1)[1]
            for waarde in antwoorden.get(vraag, ["onzeker"]):
                smal.locator(f"input[name=antwoord][value='{waarde}']").check()
            knop = smal.locator("form:has(input[name=antwoord]) button[type=submit]").first
            _verstuur(smal, live_site, knop.click)
        bevindingen += reflow.past(smal, f"{smal.url} ({wie})")
        _verstuur(smal, live_site, smal.locator("main a.knop").first.click)
        expect(smal).to_have_url(live_site(route))
        bevindingen += reflow.past(smal, f"{route} ({wie})")
        bekeken += 2
    reflow.geen_overloop(bevindingen, bekeken)


def test_no_step_of_the_quickscan_and_not_its_result_scrolls_sideways_at_320_pixels(
    smal, live_site
):
    smal.context.clear_cookies()
    start = reverse("quickscan:start")
    smal.goto(live_site(start))
    bevindingen = reflow.past(smal, start)
    _verstuur(smal, live_site, smal.get_by_role("link", name="Begin de quickscan").click)
    for naam, waarde in PROFIEL.items():
        smal.locator(f"input[name={naam}][value='{waarde}']").check()
    smal.locator("select[name=paritair_comite]").select_option("304")
    bekeken = 1
    while "/controleren/" not in smal.url:
        bevindingen += reflow.past(smal, smal.url)
        bekeken += 1
        groepen = smal.locator("fieldset.vraag")
        for i in range(groepen.count()):
            # "deels" everywhere: the result then has suggestions for every level.
            keuze = groepen.nth(i).locator("input[value=deels]")
            if keuze.count():
                keuze.check()
        _verstuur(smal, live_site, smal.get_by_role("button", name="Verder", exact=True).click)
    bevindingen += reflow.past(smal, smal.url)
    _verstuur(smal, live_site, smal.get_by_role("link", name="Toon mijn resultaat").click)
    expect(smal).to_have_url(live_site(reverse("quickscan:resultaat")))
    bevindingen += reflow.past(smal, smal.url)
    reflow.geen_overloop(bevindingen, bekeken + 2)

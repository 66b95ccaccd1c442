"""The route on a phone, in Chromium at 360x740 (docs/wegwijzer.md): the first step with its
reason and a call or open button on the first screen, the first three steps within two
screens, phone numbers as digits in tel: links, the rest one tap away; with and without
JavaScript, axe-core clean, no sideways scrolling at 320 px. The heights and words per
route are printed (run with ``-s``):

    .venv/bin/python -m pytest vangnet/wegwijzer/tests/test_browser_route.py -s -q
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from vangnet.core.tests import livesite, reflow
from vangnet.core.tests.test_browser import AXE_OPTIONS
from vangnet.wegwijzer.tests.test_lengte import formwaarden
from vangnet.wegwijzer.tests.test_routegevallen import GEVALLEN
from vangnet.wegwijzer.vragen import VRAGEN

pytestmark = pytest.mark.browser

SCHERM = {"width": 360, "height": 740}
ROUTE = "/wegwijzer/route/"
MEER = "/wegwijzer/route/meer/"
# Cases from test_routegevallen.py that together show every kind of first step: danger,
# the ZSG "nu meteen", a free number with a menu choice (Unia, IGVM), an internal person
# with no number, a public visitor, no answers at all.
GEKOZEN = (
    "gevaar-op-een-festival-na-aanranding",
    "wil-aangifte-na-aanranding-deze-week",
    "niets-beantwoord",
    "discriminatie-gender-op-het-werk-prive",
    "discriminatie-afkomst-op-het-werk-prive",
    "vrijwilliger-gepest-in-een-amateurgezelschap",
    "publiek-lastiggevallen-door-een-andere-bezoeker",
    "freelancer-weet-niet-of-er-een-aanspreekpunt-is",
)
GEVAL = {p.values[0].naam: p.values[0] for p in GEVALLEN}
ROUTE_HOOGTE_MAX = 1850  # px from the top to the end of the route as shown (2.5 screens)
HOOGTE_MAX = 3000  # px: the whole page, with "save or print" and the footer

_METEN = """() => {
  const stappen = [...document.querySelectorAll("main li.stap")];
  const onder = (el) => el.getBoundingClientRect().bottom + window.scrollY;
  const eerste = stappen[0];
  const knop = eerste && eerste.querySelector(".stap__actie a, .stap__geen");
  return {
    hoogte: document.documentElement.scrollHeight,
    routeOnder: Math.max(...[...document.querySelectorAll("main .route-deel, main .route-verder")].map(onder)),
    woorden: (document.querySelector("main").innerText.match(/\\w[\\w'’.-]*/g) || []).length,
    stappen: stappen.length,
    eersteOnder: eerste ? onder(eerste.querySelector(".stap__reden") || eerste) : null,
    knopOnder: knop ? onder(knop) : null,
    derdeOnder: stappen.length ? onder(stappen[Math.min(2, stappen.length - 1)].querySelector(".stap__actie, .stap__geen, .stap__reden") || stappen[Math.min(2, stappen.length - 1)]) : null,
    tel: [...document.querySelectorAll("main a[href^='tel:']")].map((a) => [a.getAttribute("href"), a.textContent.trim()]),
  };
}"""

POST = """async ([antwoorden]) => {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  for (const [vraag, waarden] of antwoorden) {
    const body = new URLSearchParams([["csrfmiddlewaretoken", token], ...waarden.map((w) => ["antwoord", w])]);
    await fetch(`/wegwijzer/vraag/${vraag}/`, {method: "POST", body, redirect: "manual", credentials: "same-origin"});
  }
}"""


def beantwoord(page, site: livesite.LiveSite, naam: str) -> None:
    """Give this browser the answers of case ``naam`` (as the forms would post them)."""
    page.context.clear_cookies()
    page.goto(site(f"/wegwijzer/vraag/{VRAGEN[0].id}/"))
    antwoorden = GEVAL[naam].antwoorden
    paren = [[v.id, formwaarden(v.id, antwoorden)] for v in VRAGEN if v.id in antwoorden]
    if not paren:
        paren = [[VRAGEN[0].id, ["onzeker"]]]
    page.evaluate(POST, [paren])


@pytest.fixture(scope="module")
def telefoon(chromium, live_site):
    page = livesite.open_page_in_new_context(chromium, live_site, viewport=SCHERM)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def metingen(telefoon, live_site) -> dict[str, dict]:
    uit = {}
    for naam in GEKOZEN:
        beantwoord(telefoon, live_site, naam)
        telefoon.goto(live_site(ROUTE))
        uit[naam] = telefoon.evaluate(_METEN)
    print(
        f"\n{'route (360x740)':48} {'pagina':>6} {'route':>6} {'woorden':>8} {'stap 1':>7} {'stap 3':>7}"
    )
    for naam, m in uit.items():
        print(
            f"{naam:48} {m['hoogte']:6} {m['routeOnder']:6.0f} {m['woorden']:8} "
            f"{m['knopOnder'] or 0:7.0f} {m['derdeOnder'] or 0:7.0f}"
        )
    return uit


@pytest.mark.parametrize("naam", GEKOZEN)
def test_the_first_step_and_its_button_fit_the_first_screen(metingen, naam):
    m = metingen[naam]
    assert m["stappen"] >= 1, f"{naam}: no step on the route page"
    assert m["knopOnder"] is not None, f"{naam}: the first step has no button and no 'no number'"
    assert m["knopOnder"] <= SCHERM["height"], f"{naam}: the first step's button at {m}"
    assert m["derdeOnder"] <= 2 * SCHERM["height"], f"{naam}: the first three steps: {m}"
    assert m["routeOnder"] <= ROUTE_HOOGTE_MAX, f"{naam}: the route ends at {m['routeOnder']} px"
    assert m["hoogte"] <= HOOGTE_MAX, f"{naam}: {m['hoogte']} px tall"


@pytest.mark.parametrize("naam", GEKOZEN)
def test_every_number_on_a_route_is_digits_in_a_tel_link(metingen, naam):
    for href, tekst in metingen[naam]["tel"]:
        cijfers = re.sub(r"\D", "", tekst)
        assert cijfers and href == f"tel:{cijfers}", f"{naam}: {href} shows {tekst!r}"


def test_unia_and_igvm_show_the_number_and_the_menu_choice(telefoon, live_site):
    beantwoord(telefoon, live_site, "discriminatie-gender-op-het-werk-prive")
    for pad in (ROUTE, MEER):
        telefoon.goto(live_site(pad))
        for slug in ("unia", "igvm"):
            stap = telefoon.locator(f"li#stap-{slug}")
            if stap.count():
                stap.locator("details").first.evaluate("d => d.open = true")
                link = stap.locator(".kanaal a[href='tel:080012800']").first
                assert link.inner_text().strip() == "0800 12 800"
                assert "0800 12 800" in stap.locator(".stap__actie").inner_text()
                assert re.search(r"kies [12]", stap.inner_text())


def test_the_zsg_step_gives_a_number_and_an_address(telefoon, live_site):
    beantwoord(telefoon, live_site, "wil-aangifte-na-aanranding-deze-week")
    telefoon.goto(live_site(ROUTE))
    stap = telefoon.locator("li#stap-zsg")
    assert stap.locator(".stap__actie a[href^='tel:']").count() == 1
    stap.locator("details").first.evaluate("d => d.open = true")
    tekst = stap.inner_text()
    assert "Hoogstraat 320, 1000 Brussel" in tekst and "niet bevestigd" in tekst


def test_the_rest_of_the_route_is_one_tap_away_without_javascript(new_page, live_site):
    page = new_page(java_script_enabled=False, viewport=SCHERM)
    page.goto(live_site(f"/wegwijzer/vraag/{VRAGEN[0].id}/"))
    page.locator("input[value='onzeker']").check()
    page.locator("form:has(input[name=antwoord]) button[type=submit]").click()
    page.goto(live_site(ROUTE))
    assert page.locator("li.stap .stap__actie a.knop").first.is_visible()
    page.locator("a[href$='/wegwijzer/route/meer/']").click()
    page.wait_for_url(live_site(MEER))
    assert page.locator("li.stap").count() >= 1


@pytest.mark.parametrize("pad", [ROUTE, MEER])
def test_the_route_pages_are_axe_clean_and_do_not_scroll_sideways(chromium, live_site, pad):
    page = livesite.open_page_in_new_context(
        chromium, live_site, viewport={"width": reflow.BREEDTE, "height": reflow.HOOGTE}
    )
    try:
        beantwoord(page, live_site, "gevaar-op-een-festival-na-aanranding")
        page.goto(live_site(pad))
        results = Axe().run(page, options=AXE_OPTIONS)
        assert not results.violations_count, results.generate_report()
        page.evaluate("() => document.querySelectorAll('details').forEach((d) => d.open = true)")
        reflow.geen_overloop(reflow.past(page, pad), 1)
    finally:
        page.context.close()

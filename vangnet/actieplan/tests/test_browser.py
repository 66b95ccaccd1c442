"""The action plan's pages in a real browser: axe-core on every page, no sideways scrolling at
320 px, and no JavaScript needed.

The site runs as in production (livesite.py) with the action plan's demo data and the demo
department account (``demo_beheer``), made by hand because ``demo_beheer`` refuses production
settings.
"""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from vangnet.accounts.management.commands import demo_beheer
from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import AXE_OPTIONS
from vangnet.meldingen.management.commands import demo_meldingen

pytestmark = pytest.mark.browser

PAGINAS = [
    "/actieplan/",
    "/actieplan/?actieterrein=2",
    "/actieplan/actie/2.3.c/",
    "/actieplan/vergaderingen/",
    "/actieplan/begroting/",
    "/actieplan/aanbevelingen/",
    "/actieplan/rapport/",
    "/actieplan/agenda/abonnement/",
    "/fr/actieplan/",
    "/en/actieplan/begroting/",
]


@pytest.fixture(scope="module")
def plan_site(tmp_path_factory):
    # demo=True: the reporting channel's demo receivers, whose demo handler is a beheerder.
    with livesite.running_site(tmp_path_factory.mktemp("actieplan-live"), demo=True) as site:
        site.add_demo_department_account()
        site.manage("demo_actieplan")
        yield site


@pytest.fixture(scope="module")
def departement(chromium, plan_site):
    """A script-less page signed in as the department (password and second factor), once per
    module: a second sign-in within the same 30 seconds would reuse a refused code."""
    p = livesite.open_page_in_new_context(chromium, plan_site, java_script_enabled=False)
    p.goto(plan_site("/actieplan/"))
    assert "/beheer/login/" in p.url
    p.fill("[name=username]", demo_beheer.GEBRUIKERSNAAM)
    p.fill("[name=password]", demo_beheer.WACHTWOORD)
    p.fill("[name=code]", plan_site.totp_code(demo_beheer.GEBRUIKERSNAAM, demo_beheer.TOTP_SLEUTEL))
    p.click("form[method=post] [type=submit]")
    p.wait_for_url(re.compile(r"/actieplan/$"))
    yield p
    p.context.close()


@pytest.fixture
def axe_schoon(chromium, plan_site):
    """axe-core over what a script-less page shows now (axe runs in a second page)."""
    kijker = livesite.open_page_in_new_context(chromium, plan_site)

    def kijk(p, wat: str) -> None:
        kijker.goto(plan_site("/"))
        kijker.set_content(p.content())
        resultaat = Axe().run(kijker, options=AXE_OPTIONS)
        assert resultaat.violations_count == 0, f"{wat}: {resultaat.generate_report()}"

    yield kijk
    kijker.context.close()


def _te_breed(p) -> list[str]:
    """The elements that reach past the right edge, to name the culprit in a failure."""
    return p.evaluate(
        "() => [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > 321)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 8)"
    )


def test_every_action_plan_page_passes_axe_and_fits_a_phone(departement, axe_schoon, plan_site):
    p = departement
    bezocht = list(PAGINAS)
    p.goto(plan_site("/actieplan/vergaderingen/"))
    bezocht += sorted(set(re.findall(r'href="(/actieplan/vergadering/\d+/)"', p.content())))[:1]
    p.goto(plan_site("/actieplan/aanbevelingen/"))
    bezocht += sorted(set(re.findall(r'href="(/actieplan/aanbeveling/\d+/)"', p.content())))[:1]
    assert any("/vergadering/" in pad for pad in bezocht), "the demo has a meeting"
    assert any("/aanbeveling/" in pad for pad in bezocht), "the demo has a recommendation"
    for pad in bezocht:
        p.set_viewport_size({"width": 1280, "height": 800})
        p.goto(plan_site(pad))
        assert p.locator("h1").count() == 1, pad
        axe_schoon(p, pad)
        p.set_viewport_size({"width": 320, "height": 640})
        p.goto(plan_site(pad))
        breedte = p.evaluate("document.documentElement.scrollWidth")
        assert breedte <= 320, f"{pad} is {breedte} px wide at 320 px: {_te_breed(p)}"


def test_the_interim_report_opens_as_a_pdf_from_its_page(departement, plan_site):
    p = departement
    p.goto(plan_site("/actieplan/rapport/"))
    pdf = p.locator('a[href$="rapport.pdf"]')
    assert pdf.count() >= 1
    antwoord = p.context.request.get(plan_site("/actieplan/rapport.pdf"))
    assert antwoord.status == 200
    assert antwoord.headers["content-type"] == "application/pdf"
    assert antwoord.body().startswith(b"%PDF")


def test_the_calendar_subscription_page_shows_its_address_accessibly_on_a_phone(
    departement, axe_schoon, plan_site
):
    p = departement
    for breedte in (1280, 320):
        p.set_viewport_size({"width": breedte, "height": 800})
        p.goto(plan_site("/actieplan/agenda/abonnement/"))
        p.click("button[name=nieuw]")
        adres = p.locator("#abonnementsadres").input_value()
        assert "/actieplan/agenda/" in adres and adres.endswith("/vergaderingen.ics")
        axe_schoon(p, f"subscription page with its address at {breedte} px")
        breed = p.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte, f"{breed} px wide at {breedte} px: {_te_breed(p)}"
    # The address is under the site's public address (VANGNET_ADRES), whatever host served
    # the page; a calendar app fetches its path from the site.
    assert adres.startswith("https://127.0.0.1/actieplan/agenda/")
    feed = plan_site(urlsplit(adres).path)
    antwoord = p.context.request.get(feed)  # what a calendar app fetches
    assert antwoord.status == 200
    assert antwoord.headers["content-type"].startswith("text/calendar")
    p.click("button[name=intrekken]")
    assert p.context.request.get(feed).status == 404


def test_a_receivers_beheerder_writes_a_recommendation_on_accessible_pages(
    chromium, axe_schoon, plan_site
):
    """The demo handler, a beheerder of the demo receivers, signs in at /behandelen/ and
    uses the register: only the register (no other page of the plan), a form that names
    its receiver, and the recommendation's page after saving it."""
    p = livesite.open_page_in_new_context(chromium, plan_site, java_script_enabled=False)
    p.goto(plan_site("/behandelen/"))
    p.fill("[name=username]", demo_meldingen.GEBRUIKERSNAAM)
    p.fill("[name=password]", demo_meldingen.WACHTWOORD)
    with p.expect_navigation():
        p.locator("main form[method=post] button[type=submit]").first.click()
    p.fill(
        "[name=code]",
        plan_site.totp_code(demo_meldingen.GEBRUIKERSNAAM, demo_meldingen.TOTP_SLEUTEL),
    )
    with p.expect_navigation():
        p.locator("main form[method=post] button[type=submit]").first.click()
    p.goto(plan_site("/actieplan/aanbevelingen/"))
    assert p.locator("h1").count() == 1
    assert p.locator("nav.ap-nav").count() == 0  # the rest of the plan is not theirs
    assert p.locator("select[name=ontvanger] option").count() >= 1
    for breedte in (1280, 320):
        p.set_viewport_size({"width": breedte, "height": 800})
        p.goto(plan_site("/actieplan/aanbevelingen/"))
        axe_schoon(p, f"the register for a receiver at {breedte} px")
        breed = p.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte, f"{breed} px wide at {breedte} px: {_te_breed(p)}"
    form = p.locator("main form[method=post]").last  # the filters above it are a GET form
    form.locator("[name=titel]").fill("Aanspreekpunt bekendmaken")
    form.locator("[name=tekst]").fill("Zet het aanspreekpunt in elk contract.")
    form.locator("[name=sector]").select_option(index=1)
    form.locator("[name=eigenaar]").select_option(index=1)
    form.locator("[name=deadline]").fill("2027-06-30")
    with p.expect_navigation():
        form.locator("button[type=submit]").click()
    fouten = p.locator(".foutmelding, .foutoverzicht").all_inner_texts()
    assert re.search(r"/actieplan/aanbeveling/\d+/$", p.url), (p.url, fouten)
    for breedte in (1280, 320):
        p.set_viewport_size({"width": breedte, "height": 800})
        p.reload()
        axe_schoon(p, f"a receiver's recommendation at {breedte} px")
        breed = p.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte, f"{breed} px wide at {breedte} px: {_te_breed(p)}"
    p.context.close()

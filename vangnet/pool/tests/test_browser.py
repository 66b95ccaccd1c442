"""The pool in a real browser: axe-core on every page (with the demo profiles, with errors,
logged in), choosing without JavaScript, and a member editing their own profile.

The site runs much as in production on loopback, Chromium is offline; see
vangnet/core/tests/livesite.py. The demo profiles are made in the live site's database.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import AXE_OPTIONS, BROKEN_REFERENCES

pytestmark = pytest.mark.browser


POOL = "/vertrouwenspersonen/"
PROFIEL = "/vertrouwenspersonen/mijn-profiel/"
AANMELDEN = "/vertrouwenspersonen/aanmelden/"
LOGIN, WACHTWOORD = "voorbeeld-an", "voorbeeld-an-wachtwoord-lang"
KOPPEL_LOGIN = f"""
from django.contrib.auth import get_user_model
from vangnet.pool.models import Poollid
user = get_user_model().objects.filter(username="{LOGIN}").first()
if user is None:
    user = get_user_model().objects.create_user("{LOGIN}", password="{WACHTWOORD}")
Poollid.objects.filter(naam="Voorbeeld – An").update(user=user)
"""


@pytest.fixture(scope="module")
def met_voorbeelden(live_site: livesite.LiveSite) -> livesite.LiveSite:
    """The live site with the six demo profiles, one of them with a login."""
    live_site.manage("demo_pool")
    live_site.manage("shell", "-c", KOPPEL_LOGIN)
    return live_site


def visit(page, site, path: str, status: int = 200) -> None:
    response = page.goto(site(path))
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{path}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)


def log_in(page, site) -> None:
    visit(page, site, AANMELDEN)
    page.get_by_label("Gebruikersnaam").fill(LOGIN)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Meld je aan").click()
    expect(page).to_have_url(site(PROFIEL))


@pytest.fixture(scope="module")
def member_page(chromium, met_voorbeelden):
    """A browser logged in as the demo member An."""
    page = livesite.open_page_in_new_context(chromium, met_voorbeelden)
    log_in(page, met_voorbeelden)
    yield page
    page.context.close()


def axe_clean(page, path: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{path}\n{results.generate_report()}", pytrace=False)
    broken = page.evaluate(BROKEN_REFERENCES)
    assert broken == [], f"{path}: references to ids that are not on the page: {broken}"


# (path, whose browser, HTTP status, a selector that proves what the case is about)
AXE_PAGES = [
    pytest.param(POOL, "shared_page", 200, ".poollid", id="pool"),
    pytest.param(POOL + "?gender=vrouw&taal=fr&discipline=circus", "shared_page", 200, ".poollid", id="pool-gefilterd"),
    pytest.param(POOL + "?taal=de&regio=namen", "shared_page", 200, ".melding[role=status]", id="pool-leeg"),
    pytest.param(POOL + "?taal=klingon", "shared_page", 400, ".foutoverzicht", id="pool-fout"),
    pytest.param("/fr" + POOL, "shared_page", 200, "html[lang=fr] .poollid", id="pool-fr"),
    pytest.param(AANMELDEN, "shared_page", 200, "form", id="aanmelden"),
    pytest.param(PROFIEL, "member_page", 200, "form", id="mijn-profiel"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "whose", "status", "shows"), AXE_PAGES)
def test_every_pool_page_has_no_axe_violations(
    request, met_voorbeelden, path, whose, status, shows
):
    page = request.getfixturevalue(whose)
    visit(page, met_voorbeelden, path, status)
    expect(page.locator(shows).first).to_be_attached()
    axe_clean(page, path)


def test_a_failed_login_shows_the_error_summary_without_axe_violations(page, met_voorbeelden):
    visit(page, met_voorbeelden, AANMELDEN)
    page.get_by_label("Gebruikersnaam").fill("niemand")
    page.get_by_label("Wachtwoord").fill("fout")
    with page.expect_navigation():
        page.get_by_role("button", name="Meld je aan").click()
    expect(page.locator("[data-foutoverzicht]")).to_be_focused()
    axe_clean(page, AANMELDEN + " (fout)")


def test_a_person_chooses_a_vertrouwenspersoon_without_javascript(new_page, met_voorbeelden):
    page = new_page(java_script_enabled=False)
    visit(page, met_voorbeelden, POOL)
    expect(page.locator(".poollid")).to_have_count(6)
    page.get_by_label("Gender").select_option("vrouw")
    page.get_by_label("Spreekt").select_option("fr")
    page.get_by_label("Kent de discipline").select_option("circus")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon vertrouwenspersonen").click()
    expect(page.locator(".poollid")).to_have_count(1)
    expect(page.locator(".poollid h3")).to_have_text("Voorbeeld – An (zij/haar)")
    expect(page.locator(".poollid .kenmerk--voorbeeld")).to_be_visible()
    assert page.context.cookies() == []


def test_a_member_updates_their_profile_and_an_error_keeps_what_was_typed(
    new_page, met_voorbeelden
):
    page = new_page()
    log_in(page, met_voorbeelden)
    page.get_by_label("E-mailadres").fill("")
    page.get_by_label("Link naar je contactformulier").fill("")
    page.get_by_label("Toelichting beschikbaarheid").fill("Alleen op maandag.")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar mijn profiel").click()
    summary = page.locator("[data-foutoverzicht]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("minstens één manier")
    expect(page.get_by_label("Toelichting beschikbaarheid")).to_have_value("Alleen op maandag.")
    axe_clean(page, PROFIEL + " (fout)")

    page.get_by_label("E-mailadres").fill("voorbeeld-an@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaar mijn profiel").click()
    expect(page.locator(".melding[role=status]")).to_contain_text("opgeslagen")
    visit(page, met_voorbeelden, POOL)
    expect(page.locator(".poollid", has_text="Voorbeeld – An")).to_contain_text(
        "Alleen op maandag."
    )

"""The quickscan in a real browser: completed with the keyboard alone and without
JavaScript, the PDF report as a download, and axe-core clean on every page.

The site runs much as in production on loopback, Chromium is offline; see
vangnet/core/tests/livesite.py. The answers live only in the `__Host-quickscan` cookie.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import AXE_OPTIONS, BROKEN_REFERENCES

pytestmark = pytest.mark.browser


START = "/toolbox/quickscan/"
COOKIE = "__Host-quickscan"  # toestelcookie.naam("quickscan") with the production settings
WACHTWOORD = "een-lang-wachtwoord-42"
# The profile a browser gives, as form values (the rest of the page: the first choice).
PROFIEL = {
    "vorm": "werkgever",
    "grootte": "20-tot-50",
    "sector": "podiumkunsten",
    "met_minderjarigen": "ja",
    "intimiteit": "ja",
}

FOCUSED = """() => {
  const el = document.activeElement;
  return {
    tag: el.localName, id: el.id, name: el.name || null, type: el.type || null,
    value: el.localName === "input" ? el.value : null, checked: !!el.checked,
    text: (el.innerText || el.textContent || "").trim().slice(0, 60),
    classes: el.className || "",
  };
}"""


def visit(page, site, path: str, status: int = 200):
    response = page.goto(site(path))
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{path}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)
    return response


def send(page, site, action, status: int = 200):
    """Do `action` (a click or key press that submits or follows a link); wait for the page."""
    with page.expect_navigation() as navigation:
        action()
    response = navigation.value
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{page.url}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)
    return response


def press(page, key: str) -> dict:
    page.keyboard.press(key)
    return page.evaluate(FOCUSED)


def tab_until(page, wanted, what: str, limit: int = 80) -> None:
    for _ in range(limit):
        if wanted(press(page, "Tab")):
            return
    pytest.fail(f"{limit} x Tab never reached {what}", pytrace=False)


def fill_in_with_clicks(page, site) -> None:
    """The whole scan with clicks (works without JavaScript): profile, levels, check page."""
    visit(page, site, START)
    send(page, site, page.get_by_role("link", name="Begin de quickscan").click)
    for name, value in PROFIEL.items():
        page.locator(f"input[name={name}][value='{value}']").check()
    page.locator("select[name=paritair_comite]").select_option("304")
    send(page, site, page.get_by_role("button", name="Verder", exact=True).click)
    while "/stellingen/" in page.url:
        groups = page.locator("fieldset.vraag")
        for i in range(groups.count()):
            groups.nth(i).locator("input[value=deels]").check()
        send(page, site, page.get_by_role("button", name="Verder", exact=True).click)
    expect(page).to_have_url(site(START + "controleren/"))


def test_the_quickscan_is_completed_with_the_keyboard_alone(page, live_site):
    visit(page, live_site, START)
    tab_until(page, lambda f: f["text"] == "Begin de quickscan", "the start link")
    send(page, live_site, lambda: page.keyboard.press("Enter"))
    pages = 0
    while "/controleren/" not in page.url:
        pages += 1
        assert pages < 6, page.url
        # Past the skip links, the quick exit and the back link to the first answer.
        tab_until(page, lambda f: f["type"] in ("radio", "select-one"), "the first answer")
        focused = page.evaluate(FOCUSED)
        while not (focused["tag"] == "button" and focused["text"] in ("Verder", "Opslaan")):
            if focused["type"] == "radio":
                focused = press(page, "Space")  # picks the first choice: "ja" on a statement
                if focused["name"] == "grootte":
                    focused = press(page, "ArrowDown")  # an employer has workers
                assert focused["checked"], focused
            focused = press(page, "Tab")
        send(page, live_site, lambda: page.keyboard.press("Enter"))
    assert pages == 4  # the profile and one page per level
    tab_until(page, lambda f: f["text"] == "Toon mijn resultaat", "the result link")
    send(page, live_site, lambda: page.keyboard.press("Enter"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Je resultaat")
    expect(page.locator("svg[role=img]")).to_have_attribute("aria-label", "Kwaliteit: 100 procent, sterk; Preventie: 100 procent, sterk; Reactie: 100 procent, sterk")  # fmt: skip


def test_the_quickscan_works_without_javascript_and_gives_a_pdf(new_page, live_site):
    page = new_page(java_script_enabled=False, accept_downloads=True)
    fill_in_with_clicks(page, live_site)
    send(page, live_site, page.get_by_role("link", name="Toon mijn resultaat").click)
    expect(page.locator("ol.qs-stappen > li")).to_have_count(5)
    expect(page.locator("ol.qs-stappen a[href^='/kaart/']").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download het rapport (PDF)").click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.value.suggested_filename == "quickscan-rapport.pdf"
    # Nothing about the answers in the address bar or the history.
    assert "deels" not in page.url
    cookies = {c["name"] for c in page.context.cookies(live_site("/"))}
    assert COOKIE in cookies


@pytest.fixture(scope="module")
def filled_page(chromium, live_site):
    """A browser that filled in the scan, then made an organisation account and saved."""
    page = livesite.open_page_in_new_context(chromium, live_site)
    fill_in_with_clicks(page, live_site)
    yield page
    page.context.close()


# (path, whose browser, the button to press on it first or None, status, what proves it)
AXE_PAGES = [
    pytest.param(START, "shared_page", None, 200, "a.knop-start", id="start"),
    pytest.param(START + "?gewist=1", "shared_page", None, 200, ".melding[role=status]", id="start-gewist"),
    pytest.param(START + "organisatie/", "shared_page", None, 200, "form fieldset", id="organisatie"),
    pytest.param(START + "organisatie/", "shared_page", "button:text-is('Verder')", 400, ".foutoverzicht", id="organisatie-fout"),
    pytest.param(START + "account/nieuw/", "shared_page", None, 200, "form", id="account-nieuw"),
    pytest.param(START + "account/nieuw/", "shared_page", "button:text-is('Maak het account')", 400, ".foutoverzicht", id="account-nieuw-fout"),
    pytest.param(START + "account/inloggen/", "shared_page", None, 200, "form", id="inloggen"),
    pytest.param(START + "account/inloggen/", "shared_page", "button:text-is('Inloggen')", 400, ".foutoverzicht", id="inloggen-fout"),
    pytest.param(START, "filled_page", None, 200, "a.knop-start", id="start-bezig"),
    pytest.param(START + "stellingen/kwaliteit/", "filled_page", None, 200, "fieldset.vraag", id="kwaliteit"),
    pytest.param(START + "stellingen/preventie/", "filled_page", None, 200, "fieldset.vraag", id="preventie"),
    pytest.param(START + "stellingen/reactie/?terug=controleren", "filled_page", None, 200, "fieldset.vraag", id="reactie"),
    pytest.param(START + "controleren/", "filled_page", None, 200, "dl.overzicht", id="controleren"),
    pytest.param(START + "resultaat/", "filled_page", None, 200, "ol.qs-stappen", id="resultaat"),
]  # fmt: skip


def check_axe(page, path: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{path}\n{results.generate_report()}", pytrace=False)
    broken = page.evaluate(BROKEN_REFERENCES)
    assert broken == [], f"{path}: references to ids that are not on the page: {broken}"


@pytest.mark.parametrize(("path", "whose", "press_first", "status", "shows"), AXE_PAGES)
def test_every_quickscan_page_has_no_axe_violations(
    request, live_site, path, whose, press_first, status, shows
):
    page = request.getfixturevalue(whose)
    if press_first:
        visit(page, live_site, path)
        send(page, live_site, page.locator(press_first).click, status)
    else:
        visit(page, live_site, path, status)
    expect(page.locator(shows).first).to_be_attached()
    check_axe(page, path)


def test_a_level_page_with_errors_has_no_axe_violations(page, live_site):
    fill_in_with_clicks(page, live_site)
    visit(page, live_site, START + "stellingen/kwaliteit/")
    page.locator("fieldset.vraag").first.locator("input[value=ja]").check()
    page.evaluate("() => document.querySelectorAll('fieldset.vraag')[1].querySelectorAll('input').forEach(i => i.checked = false)")  # fmt: skip
    send(page, live_site, page.get_by_role("button", name="Verder", exact=True).click, 400)
    expect(page.locator(".foutoverzicht")).to_be_focused()
    check_axe(page, "stellingen-fout")


def test_an_organisation_signs_up_saves_and_sees_its_progress_accessibly(page, live_site):
    fill_in_with_clicks(page, live_site)
    send(page, live_site, page.get_by_role("link", name="Toon mijn resultaat").click)
    send(page, live_site, page.get_by_role("link", name="maak een organisatieaccount").click)
    page.get_by_label("Naam van je organisatie").fill("Gezelschap Toets")
    page.get_by_label("Gebruikersnaam").fill("toets-gezelschap")
    page.get_by_label("Wachtwoord", exact=True).fill(WACHTWOORD)
    page.get_by_label("Herhaal het wachtwoord").fill(WACHTWOORD)
    send(page, live_site, page.get_by_role("button", name="Maak het account").click)
    expect(page).to_have_url(live_site(START + "resultaat/"))
    send(page, live_site, page.get_by_role("button", name="Bewaar dit resultaat bij Gezelschap Toets").click)  # fmt: skip
    expect(page.locator(".melding[role=status]")).to_contain_text("bewaard")
    send(page, live_site, page.get_by_role("link", name="Bekijk je vooruitgang").click)
    expect(page.get_by_role("heading", level=1)).to_have_text("Resultaten van Gezelschap Toets")
    expect(page.locator("table.tabel tbody tr")).to_have_count(1)
    check_axe(page, "mijn-resultaten")

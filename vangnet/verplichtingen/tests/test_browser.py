"""The obligations check in a real browser: axe-core finds nothing on the empty form, the
form with errors and the result; an error moves focus to the summary; it works without
JavaScript. The site runs as in production (vangnet/core/tests/livesite.py)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import AXE_OPTIONS, BROKEN_REFERENCES

pytestmark = pytest.mark.browser


URL = "/toolbox/verplichtingen/"
RESULT = URL + "?werknemers=60&vrijwilligers=15&pc=304"


def visit(page, site: livesite.LiveSite, path: str, status: int = 200):
    response = page.goto(site(path))
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{path}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)


def send(page, site: livesite.LiveSite, action, status: int = 200):
    with page.expect_navigation() as navigation:
        action()
    response = navigation.value
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{page.url}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)


def axe_clean(page, what: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{what}\n{results.generate_report()}", pytrace=False)
    broken = page.evaluate(BROKEN_REFERENCES)
    assert broken == [], f"{what}: references to ids that are not on the page: {broken}"


def test_the_empty_form_has_no_axe_violations(shared_page, live_site):
    visit(shared_page, live_site, URL)
    expect(shared_page.locator("form #id_werknemers")).to_be_visible()
    axe_clean(shared_page, "leeg formulier")


def test_the_form_with_errors_has_no_axe_violations_and_focuses_the_summary(page, live_site):
    visit(page, live_site, URL)
    page.locator("#id_werknemers").fill("-4")
    send(page, live_site, page.get_by_role("button", name="Toon wat geldt").click, 400)
    summary = page.locator("[data-foutoverzicht]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("kan niet negatief zijn")
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(page.locator("#id_werknemers")).to_have_value("-4")
    axe_clean(page, "formulier met fouten")
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_werknemers")).to_be_focused()


def test_the_result_has_no_axe_violations(shared_page, live_site):
    visit(shared_page, live_site, RESULT)
    expect(shared_page.locator("#regel-vertrouwenspersoon")).to_be_visible()
    axe_clean(shared_page, "resultaat")


def test_the_check_works_without_javascript(new_page, live_site):
    page = new_page(java_script_enabled=False)
    visit(page, live_site, URL)
    page.locator("#id_werknemers").fill("12")
    page.locator("#id_vrijwilligers").fill("30")
    send(page, live_site, page.get_by_role("button", name="Toon wat geldt").click)
    expect(page.locator("#regel-aanspreekpunt-integriteit")).to_be_visible()
    assert "werknemers=12" in page.url

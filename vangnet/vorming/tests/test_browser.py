"""The training finder in a real browser: accessibility (axe-core) of the page in its
states, the question answered without JavaScript, and the sessions feed.

The site runs much as in production on loopback; see vangnet/core/tests/livesite.py.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import AXE_OPTIONS, BROKEN_REFERENCES

pytestmark = pytest.mark.browser


URL = "/toolbox/vorming/"
GEVRAAGD = URL + "?statuut=freelancer&pc=geen&thema=vertrouwenspersoon"


def visit(page, site: livesite.LiveSite, path: str, status: int = 200):
    response = page.goto(site(path))
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{path}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)
    return response


AXE_PAGES = [
    pytest.param(URL, 200, "form fieldset", id="vraag"),
    pytest.param(GEVRAAGD, 200, "li.vorming", id="resultaten"),
    pytest.param(
        URL + "?statuut=werknemer&pc=304", 200, "li.vorming", id="resultaten-zonder-thema"
    ),
    pytest.param(URL + "?pc=geen&thema=yoga", 400, ".foutoverzicht", id="fout"),
    pytest.param("/en" + URL, 200, "html[lang=en] form", id="vraag-en"),
]


@pytest.mark.parametrize(("path", "status", "shows"), AXE_PAGES)
def test_every_state_of_the_page_has_no_axe_violations(shared_page, live_site, path, status, shows):
    visit(shared_page, live_site, path, status)
    expect(shared_page.locator(shows).first).to_be_attached()
    results = Axe().run(shared_page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{path}\n{results.generate_report()}", pytrace=False)
    broken = shared_page.evaluate(BROKEN_REFERENCES)
    assert broken == [], f"{path}: references to ids that are not on the page: {broken}"


def test_a_person_finds_the_price_for_them_without_javascript(new_page, live_site):
    page = new_page(java_script_enabled=False)
    visit(page, live_site, URL)
    page.get_by_label("Freelancer").check()
    page.get_by_label("Onder welk paritair comité val je?").select_option("304")
    page.get_by_label("Vertrouwenspersoon worden").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Toon wat past").click()
    prijzen = page.locator(".vorming__prijs")
    expect(prijzen.first).to_have_text("gratis voor PC 304")
    expect(page.get_by_label("Freelancer")).to_be_checked()
    assert not page.context.cookies(live_site("/"))


def test_an_error_moves_focus_to_the_summary(page, live_site):
    visit(page, live_site, URL)
    with page.expect_navigation():
        page.get_by_role("button", name="Toon wat past").click()
    summary = page.locator("[data-foutoverzicht]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Kies wie je bent.")


def test_the_sessions_feed_is_a_calendar(page, live_site):
    response = page.request.get(live_site(URL + "sessies.ics"))
    assert response.status == 200, live_site.log_tail()
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.body().startswith(b"BEGIN:VCALENDAR\r\n")

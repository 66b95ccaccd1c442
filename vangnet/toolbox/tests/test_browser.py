"""The toolbox in a real browser: axe-core on every page, and the reaction guide on paper.

The site runs much as in production on loopback, Chromium is offline; see
vangnet/core/tests/livesite.py.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from vangnet.core.tests.test_browser import AXE_OPTIONS, BROKEN_REFERENCES

pytestmark = pytest.mark.browser


GIDS = "/toolbox/na-een-incident/"

AXE_PAGES = [
    pytest.param("/toolbox/", 200, ".deuren", id="toolbox"),
    pytest.param(GIDS, 200, ".reactiestap", id="na-een-incident"),
    pytest.param("/lotgenoten/", 200, ".lotgenoten", id="lotgenoten"),
    pytest.param("/fr/lotgenoten/", 200, "html[lang=fr] .lotgenoten", id="lotgenoten-fr"),
    pytest.param("/en" + GIDS, 200, "html[lang=en] .reactiestap", id="na-een-incident-en"),
]


@pytest.mark.parametrize(("path", "status", "shows"), AXE_PAGES)
def test_every_toolbox_page_has_no_axe_violations(shared_page, live_site, path, status, shows):
    response = shared_page.goto(live_site(path))
    assert response and response.status == status, f"{path}\n{live_site.log_tail()}"
    expect(shared_page.locator(shows).first).to_be_attached()
    results = Axe().run(shared_page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{path}\n{results.generate_report()}", pytrace=False)
    broken = shared_page.evaluate(BROKEN_REFERENCES)
    assert broken == [], f"{path}: references to ids that are not on the page: {broken}"


def test_the_reaction_guide_prints_without_the_site_around_it(page, live_site):
    page.goto(live_site(GIDS))
    page.emulate_media(media="print")
    expect(page.locator(".reactiestap").first).to_be_visible()
    for chrome in (".snel-weg", ".kop__nav", ".voet", ".kruimel", ".geen-print"):
        expect(page.locator(chrome).first).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000

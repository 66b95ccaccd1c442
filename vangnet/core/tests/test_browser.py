"""The platform in a real browser: accessibility (axe-core), the quick exit, no JavaScript
needed, nothing from third parties, and light pages.

The site runs much as in production (gunicorn, DEBUG off, its own database with the
content of data/) on loopback; see livesite.py. Chromium is offline: only the site itself
and a stand-in for the neutral exit site answer.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from vangnet.core.tests import livesite, reflow

pytestmark = pytest.mark.browser


EXIT_URL = "https://www.meteo.be/nl/belgie"  # settings.QUICK_EXIT_URL
# The quick exit's visible label; its accessible name adds "Noodknop:" (or its translation).
QUICK_EXIT_NAME = {"nl": "Snel weg", "fr": "Sortie rapide", "en": "Exit this page"}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
PAGE_WEIGHT_LIMIT = 50_000  # bytes over the wire: the document and everything it loads
DETAIL = "/kaart/aanspreekpunt/1712/"
NOT_FOUND = "/kaart/aanspreekpunt/bestaat-niet/"
AANBOD = "/kaart/aanbod/{aanbod}/"

# (path, HTTP status, a selector that proves the page shows what the case is about)
PUBLIC_PAGES = [
    pytest.param("/", 200, ".deuren", id="home"),
    pytest.param("/kaart/", 200, ".resultaten", id="kaart"),
    pytest.param("/kaart/?q=vertrouwenspersoon", 200, ".resultaten", id="kaart-zoeken"),
    pytest.param(
        "/kaart/?gedrag=seksueel&status=freelancer",
        200,
        "details.filters[open]",
        id="kaart-gefilterd",
    ),
    pytest.param("/kaart/?gedrag=onzin", 200, ".foutoverzicht", id="kaart-foute-filter"),
    pytest.param(DETAIL, 200, "h1", id="aanspreekpunt"),
    pytest.param(AANBOD, 200, "h1", id="aanbod"),
    pytest.param(AANBOD + "?pc=304", 200, ".uitgelicht", id="aanbod-met-pc"),
    pytest.param("/kaart/organisatie/sociaal-fonds-podiumkunsten/", 200, "h1", id="organisatie"),
    pytest.param("/kaart/organisaties/", 200, ".organisaties", id="organisaties"),
    pytest.param("/begrippen/", 200, "h1", id="begrippen"),
    pytest.param("/begrippen/grensoverschrijdend-gedrag/", 200, "h1", id="begrip"),
    pytest.param("/veilig-surfen/", 200, "h1", id="veilig-surfen"),
    pytest.param("/fr/", 200, ".deuren", id="home-fr"),
    pytest.param("/en/kaart/", 200, ".resultaten", id="kaart-en"),
    pytest.param(NOT_FOUND, 404, "h1", id="niet-gevonden"),
]


@pytest.fixture(scope="module")
def aanbod_slug(live_site: livesite.LiveSite) -> str:
    """An aanbod with a price table, preferably with a price for PC 304 (from the API)."""
    items = json.loads(live_site.get("/api/v1/aanbod"))["aanbod"]
    assert items, "the API lists no aanbod"

    def rank(item: dict) -> int:
        comites = {prijs["paritair_comite"] for prijs in item["prijzen"]}
        return 0 if "304" in comites else 1 if comites else 2

    return min(items, key=rank)["id"]


@dataclass
class Site:
    """The live site as the tests speak of it: paths, with the chosen aanbod filled in."""

    live: livesite.LiveSite
    aanbod: str

    def url(self, path: str) -> str:
        return self.live(path.format(aanbod=self.aanbod))

    def open(self, page, path: str, status: int = 200):
        response = page.goto(self.url(path))
        got = response.status if response else None
        if got != status:
            pytest.fail(f"{path}: HTTP {got}, expected {status}\n{self.live.log_tail()}")
        return response


@pytest.fixture
def site(live_site: livesite.LiveSite, aanbod_slug: str) -> Site:
    return Site(live_site, aanbod_slug)


def quick_exit(page):
    """The quick exit link, by its accessible name in the page's language."""
    language = page.evaluate("document.documentElement.lang")[:2]
    names = {"Snel weg", QUICK_EXIT_NAME.get(language, "Snel weg")}  # untranslated is no fault here
    return page.get_by_role("link", name=re.compile("|".join(sorted(names))))


def left_the_site(page) -> bool:
    """snel-weg.js hides the page at once when it leaves (before the navigation)."""
    return page.evaluate("document.body.classList.contains('vangnet-weg')")


def with_cookies(context, site: Site):
    """Give the browser this site's cookies, as after a visit with a session."""
    context.add_cookies(
        [
            {"name": "sessionid", "value": "een-bezoek", "url": site.url("/")},
            {"name": "django_language", "value": "nl", "url": site.url("/")},
        ]
    )
    assert len(context.cookies(site.url("/"))) == 2
    return context


# Accessibility ---------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "status", "shows"), PUBLIC_PAGES)
def test_every_public_page_type_has_no_axe_violations(shared_page, site, path, status, shows):
    page = shared_page
    site.open(page, path, status)
    expect(page.locator(shows).first).to_be_attached()
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{path}\n{results.generate_report()}", pytrace=False)


# What axe does not check: references by id, and where an error leads.
BROKEN_REFERENCES = """() => {
  const broken = [];
  for (const el of document.querySelectorAll("[aria-describedby], [aria-labelledby], label[for]")) {
    for (const attr of ["aria-describedby", "aria-labelledby", "for"]) {
      for (const id of (el.getAttribute(attr) || "").split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) { broken.push(`<${el.localName} ${attr}="${id}">`); }
      }
    }
  }
  for (const link of document.querySelectorAll('a[href^="#"]')) {
    const id = decodeURIComponent(link.getAttribute("href").slice(1));
    if (id && !document.getElementById(id)) { broken.push(`<a href="#${id}">`); }
  }
  return broken;
}"""


def test_every_reference_by_id_points_at_something(shared_page, site):
    # A hint tied to a field by aria-describedby, a label's for, an in-page link: when the id
    # is wrong, a screen reader says nothing and a link goes nowhere. Pages with forms.
    page = shared_page
    broken = {}
    for path in ("/", "/kaart/", "/kaart/?gedrag=onzin", AANBOD + "?pc=304", "/en/kaart/"):
        site.open(page, path)
        broken[path] = page.evaluate(BROKEN_REFERENCES)
    assert not any(broken.values()), {path: refs for path, refs in broken.items() if refs}


def test_an_error_in_the_filters_leads_to_the_field(page, site):
    site.open(page, "/kaart/?gedrag=onzin")
    summary = page.locator(".foutoverzicht")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    # The first box of "Soort gedrag" (its group is not in the accessibility tree while the
    # filters are closed, so it is found by its markup).
    field = page.locator("fieldset", has_text="Soort gedrag").locator("input[type=checkbox]")
    field = field.first
    expect(field).to_be_visible()
    expect(field).to_be_in_viewport()


# The quick exit ("Snel weg") -------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(path, id=case.id)
        for case in PUBLIC_PAGES
        for path in [case.values[0]]
        if "?" not in path or case.id == "aanbod-met-pc"
    ],
)
def test_the_quick_exit_is_on_every_page_type(shared_page, site, path):
    page = shared_page
    site.open(page, path, 404 if path == NOT_FOUND else 200)
    button = quick_exit(page)
    expect(button).to_be_visible()
    expect(button).to_have_attribute("rel", re.compile(r"\bnofollow\b.*\bnoreferrer\b"))
    # Keyboard: past the skip links ("Ga naar de inhoud", "Verlaat deze site snel"), the
    # quick exit is the first thing Tab reaches.
    passed = []
    for _ in range(3):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "({skip: document.activeElement.classList.contains('skip-link'),"
            " text: document.activeElement.textContent.trim()})"
        )
        if not focused["skip"]:
            break
        passed.append(focused["text"])
    assert len(passed) <= 2, passed
    expect(button).to_be_focused()


def test_the_quick_exit_stays_in_view_on_a_small_screen(new_page, site):
    page = new_page(viewport={"width": 320, "height": 568})
    site.open(page, "/kaart/")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 0
    box = quick_exit(page).bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 568, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box


def test_the_quick_exit_button_clears_the_session_and_leaves(page, site):
    with_cookies(page.context, site)
    site.open(page, DETAIL)
    page.evaluate("localStorage.setItem('bezocht', 'ja')")

    quick_exit(page).click()
    page.wait_for_url(EXIT_URL)

    assert page.url == EXIT_URL
    expect(page.get_by_role("heading", level=1)).to_have_text("Het weer in België")
    # The site forgot the visit: its cookies and its storage are gone (Clear-Site-Data).
    assert page.context.cookies(site.url("/")) == []
    # The exit replaced the page in the history: "Back" does not show it again.
    page.go_back()
    assert page.url != site.url(DETAIL)
    site.open(page, "/")
    assert page.evaluate("localStorage.getItem('bezocht')") is None


def test_back_after_the_quick_exit_does_not_show_the_page_that_was_open(page, site):
    """Midway through the wegwijzer: the exit replaces the open question in the history, so
    Back lands on the page before it, and that page no longer knows the answers (the
    session and the site's storage were cleared). The earlier entries a browser keeps;
    /veilig-surfen/ says so."""
    site.open(page, "/")
    site.open(page, "/wegwijzer/")
    page.locator("main a[href*='/wegwijzer/vraag/']").first.click()
    eerste = page.url
    page.locator("input[name=antwoord]").first.check()
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url(lambda url: url != eerste and "/wegwijzer/vraag/" in url)
    open_vraag = page.url
    assert page.evaluate("history.length") >= 4

    quick_exit(page).click()
    page.wait_for_url(EXIT_URL)
    page.go_back()
    page.wait_for_load_state()

    assert page.url != open_vraag
    assert page.url == eerste
    # The page before it is fetched again (never cached) from a server that forgot the
    # visit, and snel-weg.js resets the form the browser would fill in from its history.
    expect(page.locator("input[name=antwoord]:checked")).to_have_count(0)
    page.go_forward()
    page.wait_for_url(EXIT_URL)
    assert page.url == EXIT_URL


def test_an_ordinary_back_keeps_what_was_answered(page, site):
    """Without the quick exit, Back shows the earlier question with its answer."""
    site.open(page, "/wegwijzer/")
    page.locator("main a[href*='/wegwijzer/vraag/']").first.click()
    eerste = page.url
    page.locator("input[name=antwoord]").first.check()
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url(lambda url: url != eerste and "/wegwijzer/vraag/" in url)
    page.go_back()
    page.wait_for_url(eerste)
    expect(page.locator("input[name=antwoord]:checked")).to_have_count(1)


def test_the_safe_browsing_page_says_what_the_quick_exit_cannot_erase(page, site):
    for pad, kop in [
        ("/veilig-surfen/", "Wat ‘Snel weg’ niet kan wissen"),
        ("/fr/veilig-surfen/", "Ce que la sortie rapide ne peut pas effacer"),
        ("/en/veilig-surfen/", "What the quick exit cannot erase"),
    ]:
        site.open(page, pad)
        expect(page.get_by_role("heading", name=kop, level=2)).to_be_visible()
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
        page.set_viewport_size({"width": 320, "height": 640})
        assert reflow.overloop(page) == [], pad
        page.set_viewport_size({"width": 1280, "height": 720})


SPLIT_WORDS = """() => {
  const h = document.querySelector("main h1");
  const split = [];
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const re = /\\S+/g;
    for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (tops.size > 1) { split.push(m[0]); }
    }
  }
  return {split, scroll: h.scrollWidth, client: h.clientWidth};
}"""


@pytest.mark.parametrize("path", ["/", "/fr/", "/en/"])
def test_the_home_page_heading_fits_a_320_px_screen_whole_words(new_page, site, path):
    page = new_page(viewport={"width": 320, "height": 640})
    site.open(page, path)
    assert reflow.overloop(page) == []
    meting = page.evaluate(SPLIT_WORDS)
    assert meting["scroll"] <= meting["client"], meting
    # No word of the heading is broken between letters ("Grensoverschrijden-d").
    assert meting["split"] == [], meting


def test_the_quick_exit_works_without_javascript(new_page, site):
    page = new_page(java_script_enabled=False)
    with_cookies(page.context, site)
    site.open(page, "/begrippen/")

    quick_exit(page).click()
    page.wait_for_url(EXIT_URL)

    assert page.url == EXIT_URL
    assert page.context.cookies(site.url("/")) == []


def test_pressing_shift_three_times_leaves_the_page(page, site):
    site.open(page, "/kaart/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)


def test_shift_used_as_a_modifier_does_not_count(page, site):
    site.open(page, "/kaart/")
    box = page.get_by_role("searchbox", name="Zoekwoorden")
    box.focus()
    for key in ("Shift+V", "Shift+T", "Shift+E"):  # typing an acronym: three capitals
        page.keyboard.press(key)
    expect(box).to_have_value("VTE")
    status = page.locator("[data-snel-weg-status]")
    expect(status).to_have_text("")  # nothing to announce: no Shift was pressed on its own
    # Two lone presses after the capitals are two, not three.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, nog 1 keer drukken om de pagina te verlaten.")
    assert not left_the_site(page)
    assert page.url == site.url("/kaart/")


@pytest.mark.parametrize(
    ("path", "twice", "once", "expired"),
    [
        pytest.param(
            "/kaart/",
            "Shift, nog 2 keer drukken om de pagina te verlaten.",
            "Shift, nog 1 keer drukken om de pagina te verlaten.",
            "Snel weg: tijd verstreken.",
            id="nl",
        ),
        pytest.param(
            "/fr/kaart/",
            "Maj, appuyez encore 2 fois pour quitter la page.",
            "Maj, appuyez encore 1 fois pour quitter la page.",
            "Sortie rapide : délai expiré.",
            id="fr",
        ),
        pytest.param(
            "/en/kaart/",
            "Shift, press 2 more times to exit.",
            "Shift, press 1 more time to exit.",
            "Exit this page expired.",
            id="en",
        ),
    ],
)
def test_the_status_announces_the_remaining_presses(page, site, path, twice, once, expired):
    page.clock.install()
    site.open(page, path)
    status = page.locator("[data-snel-weg-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_text("")

    page.keyboard.press("Shift")
    expect(status).to_have_text(twice)
    page.keyboard.press("Shift")
    expect(status).to_have_text(once)

    # More than 5 seconds without a press: the count starts over, and that is said.
    page.clock.run_for(5_100)
    expect(status).to_have_text(expired)
    page.keyboard.press("Shift")
    expect(status).to_have_text(twice)
    assert not left_the_site(page)


# Without JavaScript ----------------------------------------------------------------------


def test_pages_work_without_javascript(new_page, site):
    page = new_page(java_script_enabled=False)
    site.open(page, "/kaart/")

    # Search through the form and open the first result.
    page.get_by_role("searchbox", name="Zoekwoorden").fill("vertrouwenspersoon")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url(re.compile(r"/kaart/\?q=vertrouwenspersoon"))
    first = page.locator("ol.resultaten > li").first.get_by_role("link")
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # Open the filters (a plain <details>), tick one and apply it.
    site.open(page, "/kaart/")
    filters = page.locator("details.filters")
    expect(filters).not_to_have_attribute("open", re.compile(".*"))
    filters.locator("summary").click()
    expect(filters).to_have_attribute("open", re.compile(".*"))
    checkbox = filters.get_by_role("group", name="Soort gedrag").get_by_role("checkbox").first
    value = checkbox.get_attribute("value")
    checkbox.check()
    filters.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url(re.compile(rf"[?&]gedrag={value}\b"))
    filters = page.locator("details.filters")
    expect(filters).to_have_attribute("open", re.compile(".*"))
    expect(filters.locator("summary")).to_have_text("Filters (1)")
    expect(filters.get_by_role("checkbox", checked=True)).to_have_count(1)


# Privacy and weight ----------------------------------------------------------------------


def test_no_page_requests_anything_from_a_third_party(page, site):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # First prove the recorder sees a third-party request (which keep_offline refuses).
    page.set_content('<img src="https://derde.example/pixel.gif" alt="">')
    assert requested == ["https://derde.example/pixel.gif"], requested
    requested.clear()
    for path in (
        "/",
        "/kaart/?q=vertrouwenspersoon",
        DETAIL,
        AANBOD + "?pc=304",
        "/begrippen/grensoverschrijdend-gedrag/",
        "/veilig-surfen/",
        "/fr/",
        NOT_FOUND,
    ):
        site.open(page, path, 404 if path == NOT_FOUND else 200)
    assert requested
    elsewhere = sorted({url for url in requested if not site.live.is_own(url)})
    assert elsewhere == [], elsewhere


def test_a_page_weighs_less_than_50_kb(page, site):
    # What DevTools calls "transferred": headers and (compressed) body as they came over the
    # wire, for the document and everything it loads, with the browser cache off.
    cdp = page.context.new_cdp_session(page)
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    failed: set[str] = set()

    def sent(event: dict) -> None:
        urls[event["requestId"]] = event["request"]["url"]

    def finished(event: dict) -> None:
        sizes[event["requestId"]] = int(event["encodedDataLength"])

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.loadingFailed", lambda event: failed.add(event["requestId"]))
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    weights = {}
    for path in ("/", "/kaart/", DETAIL, AANBOD):
        for seen in (urls, sizes, failed):
            seen.clear()
        site.open(page, path)
        for _ in range(40):  # the last events (the icon) may trail the load event a little
            if set(urls) <= set(sizes) | failed:
                break
            page.wait_for_timeout(50)
        # A request Chromium never finishes (a duplicate icon request it merges with the
        # first) transfers nothing of its own.
        weights[path] = [(urlsplit(urls[key]).path, size) for key, size in sizes.items()]
    report = "\n".join(
        f"{path}: {sum(size for _, size in files):>6} bytes in {len(files)} responses ("
        + ", ".join(f"{name}={size}" for name, size in files)
        + ")"
        for path, files in weights.items()
    )
    print("\nPage weights (headers + body as transferred, no cache):\n" + report)
    totals = {path: sum(size for _, size in files) for path, files in weights.items()}
    assert all(total < PAGE_WEIGHT_LIMIT for total in totals.values()), report

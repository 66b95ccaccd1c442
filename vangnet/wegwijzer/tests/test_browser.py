"""The wegwijzer in a real browser: the interview by keyboard alone and without JavaScript,
answers that stay out of addresses and go with the quick exit, accessibility (axe-core) of
every page, the error summary, the route as a file, the posters, nothing from third parties.

The site runs much as in production on loopback, Chromium is offline; see
vangnet/core/tests/livesite.py. A person's answers live only in the `wegwijzer` cookie.
"""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import (
    AXE_OPTIONS,
    BROKEN_REFERENCES,
    EXIT_URL,
    left_the_site,
    quick_exit,
)
from vangnet.wegwijzer.vragen import VRAGEN

pytestmark = pytest.mark.browser

# The fixtures, shared with the other browser test modules through livesite.py.

COOKIE = "__Host-wegwijzer"  # toestelcookie.naam("wegwijzer") with the production settings
START = "/wegwijzer/"
CHECK = "/wegwijzer/controleren/"
ROUTE = "/wegwijzer/route/"
MOST_QUESTIONS = 8  # the promise: nobody answers more than eight questions

# What one person answers, as form values, whichever question the wegwijzer asks them.
ANSWERS: dict[str, list[str]] = {
    "gevaar": ["nee"],
    "rol": ["werknemer"],
    "perspectief": ["slachtoffer"],
    "gedrag": ["seksueel"],
    "discriminatiegrond": ["gender"],
    "context": ["werk"],
    "wanneer": ["minder-dan-maand"],
    "minderjarig": ["nee"],
    "wens": ["praten", "advies"],
    "anoniem": ["ja"],
    "eigen_aanspreekpunt": ["onzeker"],
    "sector": ["podiumkunsten"],
}
IN_DANGER = {**ANSWERS, "gevaar": ["ja"]}
# Answers that would say something about the person if an address or the history held them.
TELLING = (
    "werknemer",
    "slachtoffer",
    "seksueel",
    "gender",
    "minder-dan-maand",
    "praten",
    "advies",
    "podiumkunsten",
    "antwoord=",
)
QUESTION_PATH = re.compile(r"/wegwijzer/vraag/([\w-]+)/")


# Helpers ---------------------------------------------------------------------------------


def visit(page, site: livesite.LiveSite, path: str, status: int = 200):
    response = page.goto(site(path))
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{path}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)
    return response


def send(page, site: livesite.LiveSite, action, status: int = 200):
    """Do `action` (a click or key press that submits a form or follows a link) and wait for
    the page it leads to, after any redirect."""
    with page.expect_navigation() as navigation:
        action()
    response = navigation.value
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{page.url}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)
    return response


def question_on(page) -> str | None:
    """The id of the question the page asks, or None when it is no question page."""
    match = QUESTION_PATH.search(page.url)
    return match.group(1) if match else None


def begin(page, site: livesite.LiveSite) -> None:
    """From the start page (which sets no cookie) to the first question."""
    visit(page, site, START)
    send(page, site, page.get_by_role("link", name="Begin", exact=True).click)
    assert question_on(page) is not None, page.url


def answer(page, site: livesite.LiveSite, answers: dict[str, list[str]]) -> None:
    """Tick this question's answers and go on."""
    question = question_on(page)
    assert question in answers, f"an unexpected question: {page.url}"
    for value in answers[question]:
        page.locator(f"input[name=antwoord][value='{value}']").check()
    send(page, site, page.get_by_role("button", name="Verder", exact=True).click)


def answer_every_question(page, site: livesite.LiveSite, answers=ANSWERS) -> list[str]:
    """The whole interview with clicks, from the start page to the check page; the questions
    asked, in order."""
    begin(page, site)
    asked: list[str] = []
    while (question := question_on(page)) is not None:
        assert question not in asked, f"{question} asked twice: {asked}"
        asked.append(question)
        answer(page, site, answers)
    expect(page).to_have_url(site(CHECK))
    return asked


def show_the_route(page, site: livesite.LiveSite) -> None:
    """From the check page to the route."""
    button = page.locator("a.knop")
    expect(button).to_have_text("Toon mijn route")
    send(page, site, button.click)
    expect(page).to_have_url(site(ROUTE))


def carry_the_answers(source, page) -> None:
    """Give `page`'s browser the answers `source`'s browser gave (the signed cookie)."""
    answers = [cookie for cookie in source.context.cookies() if cookie["name"] == COOKIE]
    assert answers, "the other browser holds no answers"
    page.context.add_cookies(answers)


def cookie_names(page, site: livesite.LiveSite) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies(site("/"))}


# The interview ---------------------------------------------------------------------------

FOCUSED = """() => {
  const el = document.activeElement;
  return {
    tag: el.localName,
    id: el.id,
    type: el.type || null,
    value: el.localName === "input" ? el.value : null,
    checked: !!el.checked,
    text: (el.innerText || el.textContent || "").trim().slice(0, 60),
    skip: el.classList.contains("skip-link"),
    exit: el.hasAttribute("data-snel-weg-knop"),
    classes: el.className || "",
  };
}"""


def press(page, key: str) -> dict:
    """Press a key; what has the focus after it."""
    page.keyboard.press(key)
    return page.evaluate(FOCUSED)


def tab_until(page, wanted, what: str, limit: int = 60) -> list[dict]:
    """Press Tab until `wanted(focused)`; the stops passed on the way."""
    stops: list[dict] = []
    for _ in range(limit):
        focused = press(page, "Tab")
        if wanted(focused):
            return stops
        stops.append(focused)
    pytest.fail(f"{limit} x Tab never reached {what}; it passed {stops}", pytrace=False)


def is_button(text: str):
    return lambda focused: focused["tag"] == "button" and focused["text"] == text


def test_a_person_completes_the_interview_with_the_keyboard_alone(page, live_site):
    visit(page, live_site, START)
    tab_until(page, lambda f: "knop-start" in f["classes"], "the Begin link")
    assert page.evaluate(FOCUSED)["text"] == "Begin"
    send(page, live_site, lambda: page.keyboard.press("Enter"))

    asked: list[str] = []
    while (question := question_on(page)) is not None:
        assert question not in asked, f"{question} asked twice: {asked}"
        asked.append(question)
        wanted = ANSWERS[question]
        # Past the skip links, the quick exit; then the back link, then the first answer.
        stops = tab_until(
            page, lambda f: f["id"] == "antwoord-1", f"the first answer of {question}"
        )
        assert stops[0]["skip"] and stops[0]["text"] == "Ga naar de inhoud", stops[:3]
        assert any(stop["exit"] for stop in stops[:3]), stops[:3]
        assert any("terug" in stop["classes"] for stop in stops), stops

        if page.locator("#antwoord-1").get_attribute("type") == "radio":
            # One Tab stop for the whole group: Space picks, the arrows move the choice.
            focused = press(page, "Space")
            for _ in range(page.locator("input[name=antwoord]").count()):
                if focused["value"] == wanted[0]:
                    break
                focused = press(page, "ArrowDown")
            assert focused["value"] == wanted[0] and focused["checked"], focused
            assert press(page, "Tab")["text"] == "Verder"
            # Back again (Shift+Tab does not count towards the quick exit's three Shifts).
            focused = press(page, "Shift+Tab")
            assert focused["value"] == wanted[0] and focused["checked"], focused
            focused = press(page, "Tab")
        else:
            # Check boxes: each its own Tab stop, Space ticks.
            focused = page.evaluate(FOCUSED)
            while focused["tag"] == "input":
                if focused["value"] in wanted:
                    focused = press(page, "Space")
                    assert focused["checked"], focused
                focused = press(page, "Tab")
        assert is_button("Verder")(focused), focused
        ticked = page.locator("input[name=antwoord]:checked")
        expect(ticked).to_have_count(len(wanted))
        assert sorted(ticked.evaluate_all("els => els.map(e => e.value)")) == sorted(wanted)
        send(page, live_site, lambda: page.keyboard.press("Enter"))

    expect(page).to_have_url(live_site(CHECK))
    assert 0 < len(asked) <= MOST_QUESTIONS, asked
    tab_until(page, lambda f: "knop" in f["classes"].split(), "the 'Toon mijn route' link")
    assert page.evaluate(FOCUSED)["text"] == "Toon mijn route"
    send(page, live_site, lambda: page.keyboard.press("Enter"))

    expect(page).to_have_url(live_site(ROUTE))
    expect(page.get_by_role("heading", level=1)).to_have_text("Jouw route")
    expect(page.locator("li.stap").first).to_be_visible()
    expect(page.locator("li.stap .stap__kop").first).not_to_be_empty()


def test_the_interview_works_without_javascript(new_page, live_site):
    page = new_page(java_script_enabled=False)
    asked = answer_every_question(page, live_site)
    assert 0 < len(asked) <= MOST_QUESTIONS, asked
    show_the_route(page, live_site)
    expect(page.locator("li.stap").first).to_be_visible()
    assert page.locator("li.stap").count() > 1


def test_the_back_link_keeps_the_answers(page, live_site):
    begin(page, live_site)
    first = question_on(page)
    answer(page, live_site, ANSWERS)
    second = question_on(page)
    answer(page, live_site, ANSWERS)
    assert question_on(page) not in (None, first, second)

    send(page, live_site, page.locator("a.terug").click)
    assert question_on(page) == second
    for value in ANSWERS[second]:
        expect(page.locator(f"input[name=antwoord][value='{value}']")).to_be_checked()
    expect(page.locator("input[name=antwoord]:checked")).to_have_count(len(ANSWERS[second]))

    send(page, live_site, page.locator("a.terug").click)
    assert question_on(page) == first
    for value in ANSWERS[first]:
        expect(page.locator(f"input[name=antwoord][value='{value}']")).to_be_checked()

    send(page, live_site, page.locator("a.terug").click)
    expect(page).to_have_url(live_site(START))


def test_the_number_and_the_back_link_follow_the_questions_asked(page, live_site):
    # The context is filled in from the role, not asked: it is no step back and no number.
    begin(page, live_site)
    asked: list[str] = []
    seen: list[tuple[str, ...]] = []
    while (question := question_on(page)) is not None:
        back = page.locator("a.terug").get_attribute("href")
        seen.append(
            (
                question,
                page.locator(".bovenkop").inner_text(),
                back,
                f"Vraag {len(asked) + 1}",
                f"/wegwijzer/vraag/{asked[-1]}/" if asked else START,
            )
        )
        asked.append(question)
        answer(page, live_site, ANSWERS)
    wrong = [row for row in seen if row[1:3] != row[3:5]]
    assert not wrong, f"(question, number, back link, expected number, expected link): {wrong}"


def test_answers_never_appear_in_the_address_or_history(page, live_site):
    addresses: list[str] = []
    # Every hop, redirects included (each answer is a POST answered by a redirect) ...
    page.on(
        "request",
        lambda request: addresses.append(request.url) if request.is_navigation_request() else None,
    )
    # ... and every address the tab showed, which is what the history keeps.
    page.on(
        "framenavigated",
        lambda frame: addresses.append(frame.url) if frame == page.main_frame else None,
    )
    answer_every_question(page, live_site)
    # Change an answer from the check page, as a person may.
    send(page, live_site, page.get_by_role("link", name=re.compile(r"Wijzig.*gedrag")).click)
    assert page.url.endswith("?terug=controleren")
    page.locator("input[name=antwoord][value='psychisch']").check()
    send(page, live_site, page.get_by_role("button", name="Opslaan").click)
    expect(page).to_have_url(live_site(CHECK))
    show_the_route(page, live_site)
    page.go_back()
    page.go_forward()

    assert live_site(ROUTE) in addresses and len(addresses) > 10, addresses
    leaks = {url: [w for w in TELLING + ("psychisch",) if w in url.lower()] for url in addresses}
    assert not any(leaks.values()), {url: words for url, words in leaks.items() if words}
    # The answers are in the cookie, where they belong (and where the quick exit clears them).
    assert COOKIE in cookie_names(page, live_site)


# The quick exit --------------------------------------------------------------------------


def leave_mid_interview(page, site: livesite.LiveSite, leave) -> None:
    begin(page, site)
    answer(page, site, ANSWERS)
    answer(page, site, ANSWERS)
    assert question_on(page) is not None
    assert COOKIE in cookie_names(page, site)

    leave()
    page.wait_for_url(EXIT_URL)

    expect(page.get_by_role("heading", level=1)).to_have_text("Het weer in België")
    assert COOKIE not in cookie_names(page, site), page.context.cookies()
    # Nothing left to pick up: the check page sends a person back to the start.
    visit(page, site, CHECK)
    expect(page).to_have_url(site(START))
    expect(page.locator("a.knop-start")).to_have_text("Begin")
    expect(page.get_by_role("link", name="Verder waar je was")).to_have_count(0)
    assert COOKIE not in cookie_names(page, site), page.context.cookies()


def test_the_quick_exit_button_clears_the_answers(page, live_site):
    leave_mid_interview(page, live_site, lambda: quick_exit(page).click())


def test_shift_three_times_clears_the_answers(page, live_site):
    def shift_three_times():
        for _ in range(3):
            page.keyboard.press("Shift")

    leave_mid_interview(page, live_site, shift_three_times)


def test_shift_tab_three_times_does_not_leave(page, live_site):
    # Going back through the answers with Shift+Tab is no quick exit.
    begin(page, live_site)
    page.locator("#antwoord-onzeker").focus()
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    assert not left_the_site(page)
    assert question_on(page) is not None


# Accessibility ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def answered_page(chromium, live_site):
    """A page whose browser went through the whole interview (nobody in danger)."""
    page = livesite.open_page_in_new_context(chromium, live_site)
    answer_every_question(page, live_site)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def danger_page(chromium, live_site):
    """A page whose browser went through the interview with "someone is in danger now"."""
    page = livesite.open_page_in_new_context(chromium, live_site)
    answer_every_question(page, live_site, IN_DANGER)
    yield page
    page.context.close()


# (path, whose browser, the button to press on it first or None, status, what proves it)
AXE_PAGES = [
    pytest.param(START, "shared_page", None, 200, "a.knop-start", id="start"),
    pytest.param(START, "answered_page", None, 200, "a[href$='/controleren/']", id="start-bezig"),
    pytest.param(START + "?gewist=1", "shared_page", None, 200, ".melding[role=status]", id="start-gewist"),
    *[
        pytest.param(
            f"/wegwijzer/vraag/{vraag.id}/", "answered_page", None, 200, "fieldset.vraag",
            id=f"vraag-{vraag.id}",
        )
        for vraag in VRAGEN
    ],
    pytest.param(
        "/wegwijzer/vraag/gedrag/?terug=controleren", "answered_page", None, 200,
        "fieldset.vraag", id="vraag-wijzigen",
    ),
    pytest.param(
        "/wegwijzer/vraag/rol/", "shared_page", "button[type=submit]:text-is('Verder')", 400,
        ".foutoverzicht", id="vraag-fout",
    ),
    pytest.param(CHECK, "answered_page", None, 200, "dl.overzicht", id="controleren"),
    pytest.param(ROUTE, "answered_page", None, 200, "li.stap", id="route"),
    pytest.param(ROUTE, "danger_page", None, 200, "#nu-kop", id="route-gevaar"),
    pytest.param("/wegwijzer/iemand-vertelde-het-mij/", "shared_page", None, 200, "ol.stappen", id="eerste-opvang"),
    pytest.param("/vangnet/", "shared_page", None, 200, "ol.stroom", id="vangnet"),
    pytest.param("/en/vangnet/", "shared_page", None, 200, "html[lang=en] ol.stroom", id="vangnet-en"),
    pytest.param("/vangnet/eigen-poster/", "shared_page", None, 200, "form", id="eigen-poster"),
    pytest.param(
        "/vangnet/eigen-poster/", "shared_page", "button:text-is('Maak de poster')", 400,
        ".foutoverzicht", id="eigen-poster-fout",
    ),
    pytest.param("/fr/wegwijzer/", "shared_page", None, 200, "html[lang=fr] a.knop-start", id="start-fr"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "whose", "press_first", "status", "shows"), AXE_PAGES)
def test_every_wegwijzer_page_has_no_axe_violations(
    request, live_site, path, whose, press_first, status, shows
):
    page = request.getfixturevalue(whose)
    if press_first:
        visit(page, live_site, path)
        send(page, live_site, page.locator(press_first).click, status)
    else:
        visit(page, live_site, path, status)
    expect(page.locator(shows).first).to_be_attached()
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{path}\n{results.generate_report()}", pytrace=False)
    # What axe does not check: every hint, error, label and in-page link points at something.
    broken = page.evaluate(BROKEN_REFERENCES)
    assert broken == [], f"{path}: references to ids that are not on the page: {broken}"


def test_an_error_moves_focus_to_the_summary_and_keeps_the_choice(page, live_site):
    visit(page, live_site, "/wegwijzer/vraag/gedrag/")
    assert page.locator("#antwoord-1").get_attribute("type") == "checkbox"
    page.locator("input[name=antwoord][value='seksueel']").check()
    page.locator("#antwoord-onzeker").check()
    send(page, live_site, page.get_by_role("button", name="Verder", exact=True).click, 400)

    summary = page.locator("[data-foutoverzicht]")
    expect(summary).to_be_focused()
    assert page.evaluate("document.activeElement.hasAttribute('data-foutoverzicht')")
    expect(summary).to_contain_text("niet allebei")
    expect(page).to_have_title(re.compile(r"^Fout: "))
    expect(page.locator("input[name=antwoord][value='seksueel']")).to_be_checked()
    expect(page.locator("#antwoord-onzeker")).to_be_checked()
    expect(page.locator("input[name=antwoord]:checked")).to_have_count(2)
    # The summary's link leads to the answers.
    summary.get_by_role("link").click()
    expect(page.locator("#antwoord-1")).to_be_in_viewport()


# The route as a file, the posters --------------------------------------------------------


def test_the_result_can_be_downloaded_with_only_the_chosen_answers(
    page, answered_page, live_site, tmp_path
):
    carry_the_answers(answered_page, page)
    visit(page, live_site, ROUTE)
    asked = page.locator("input[name=bewaar]").evaluate_all("els => els.map(e => e.value)")
    assert "gedrag" in asked and "perspectief" in asked, asked
    expect(page.locator("input[name=bewaar]:checked")).to_have_count(0)  # none by default
    page.get_by_role("checkbox", name="Gedrag", exact=True).check()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download mijn route").click()
    assert download.value.suggested_filename == "vangnet-mijn-route.html"
    saved = tmp_path / "route.html"
    download.value.save_as(saved)
    html = Path(saved).read_text(encoding="utf-8")

    kept = re.search(r"<dl>(.*?)</dl>", html, re.S)
    assert kept, "the file lists no answers"
    terms = re.findall(r"<dt>(?:<strong>)?(.*?)(?:</strong>)?</dt>", kept.group(1))
    values = re.findall(r"<dd>(.*?)</dd>", kept.group(1))
    assert terms == ["Gedrag"] and values == ["Seksueel grensoverschrijdend gedrag"], kept.group(1)
    for label in ("Jouw rol", "Jouw plaats", "het overkwam mij", "minder dan een maand geleden"):
        assert label not in html, label
    assert 'class="stap' in html  # and the route itself


def test_the_poster_downloads_as_pdf_and_the_old_svg_address_opens_the_page(page, live_site):
    response = page.request.get(live_site("/vangnet/poster.pdf?formaat=a4"))
    assert response.status == 200, f"HTTP {response.status}\n{live_site.log_tail()}"
    assert response.headers["content-type"].split(";")[0] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
    # ADR 0014: no SVG any more; the page /vangnet/ is the poster's web version.
    response = page.request.get(live_site("/vangnet/poster.svg?formaat=a3"))
    assert response.status == 200 and response.url.endswith("/vangnet/"), response.url
    assert "text/html" in response.headers["content-type"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "zonder-js"])
def test_the_flowchart_fits_a_320_pixel_wide_phone_without_scrolling_sideways(
    new_page, live_site, javascript
):
    # WCAG 1.4.10 (reflow): nothing may need horizontal scrolling at 320 CSS pixels.
    page = new_page(viewport={"width": 320, "height": 640}, java_script_enabled=javascript)
    for path in ("/vangnet/", "/fr/vangnet/", "/en/vangnet/"):
        visit(page, live_site, path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        # The decisions come first, danger first, and the emergency numbers dial.
        expect(page.locator(".stroom__stap").first.locator("a[href='tel:112']")).to_be_visible()
        # Every kind on the flowchart leads to its section of the directory.
        for link in page.locator(".stroomkeuze a.soortnaam").all()[:3]:
            doel = link.get_attribute("href")
            expect(page.locator(doel)).to_have_count(1)


# Privacy ---------------------------------------------------------------------------------


def test_no_wegwijzer_page_requests_anything_from_a_third_party(page, live_site):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # First prove the recorder sees a third-party request (which keep_offline refuses).
    page.set_content('<img src="https://derde.example/pixel.gif" alt="">')
    assert requested == ["https://derde.example/pixel.gif"], requested
    requested.clear()

    answer_every_question(page, live_site)
    show_the_route(page, live_site)
    visit(page, live_site, "/wegwijzer/vraag/gedrag/")
    for box in page.locator("input[name=antwoord]:checked").all():
        box.uncheck()
    send(page, live_site, page.get_by_role("button", name="Verder", exact=True).click, 400)
    for path in (
        "/wegwijzer/iemand-vertelde-het-mij/",
        "/vangnet/",
        "/vangnet/eigen-poster/",
        "/fr/wegwijzer/",
        "/en/wegwijzer/",
    ):
        visit(page, live_site, path)
    assert len(requested) > 20, requested
    elsewhere = sorted({url for url in requested if not live_site.is_own(url)})
    assert elsewhere == [], elsewhere

"""The reporting channel in a real browser, without JavaScript, checked with axe-core.

One festival-goer and one handler meet on the demo receivers that `make run` loads: the
report through the QR code's short address, the receipt, coming back with it, messages
both ways, a referral with consent, closing, and the retention run that destroys it.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe

from vangnet.core.tests import livesite, reflow
from vangnet.core.tests.test_browser import AXE_OPTIONS
from vangnet.meldingen.choices import Contactwens
from vangnet.meldingen.management.commands import demo_meldingen

pytestmark = pytest.mark.browser

ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
VERHAAL = "Aan de bar werd ik betast. Kenmerk-B8R4."


@pytest.fixture(scope="module")
def meld_site(tmp_path_factory):
    with livesite.running_site(tmp_path_factory.mktemp("meldingen-live"), demo=True) as site:
        yield site


@pytest.fixture
def nieuwe_pagina(chromium, meld_site):
    paginas = []

    def maak(**opties):
        opties.setdefault("java_script_enabled", False)
        paginas.append(livesite.open_page_in_new_context(chromium, meld_site, **opties))
        return paginas[-1]

    yield maak
    for pagina in paginas:
        pagina.context.close()


@pytest.fixture
def axe_schoon(chromium, meld_site):
    """Check the page a script-less browser shows now with axe-core.

    axe is a script, so it runs in a second page with JavaScript on, given the same
    document (also a page that answered a POST, like the receipt) on the same origin.
    """
    kijkers = {}

    def kijk(pagina, wat: str, donker: bool = False) -> None:
        if donker not in kijkers:
            kijkers[donker] = livesite.open_page_in_new_context(
                chromium, meld_site, color_scheme="dark" if donker else "light"
            )
        kijker = kijkers[donker]
        kijker.goto(meld_site("/melden/"))
        kijker.set_content(pagina.content())
        resultaat = Axe().run(kijker, options=AXE_OPTIONS)
        assert resultaat.violations_count == 0, f"{wat}: {resultaat.generate_report()}"

    yield kijk
    for kijker in kijkers.values():
        kijker.context.close()


def _verstuur(pagina, formulier: str) -> None:
    with pagina.expect_navigation():
        pagina.locator(formulier).locator("button[type=submit]").first.click()


def test_a_report_goes_from_a_qr_code_to_its_destruction_without_javascript(
    meld_site, nieuwe_pagina, axe_schoon
):
    bezoeker = nieuwe_pagina(color_scheme="dark")
    bezoeker.goto(meld_site("/m/demo-festival/"))
    assert bezoeker.url.endswith("/melden/demo-festival/")
    axe_schoon(bezoeker, "het korte formulier, donker", donker=True)
    bezoeker.fill("[name=wat]", VERHAAL)
    bezoeker.fill("[name=waar]", "aan de bar")
    _verstuur(bezoeker, "main form[method=post]")
    code = ONTVANGSTBEWIJS.search(bezoeker.content()).group()
    axe_schoon(bezoeker, "het ontvangstbewijs")

    # The handler signs in with password and code, and answers.
    team = nieuwe_pagina()
    team.goto(meld_site("/behandelen/"))
    axe_schoon(team, "aanmelden")
    team.fill("[name=username]", demo_meldingen.GEBRUIKERSNAAM)
    team.fill("[name=password]", demo_meldingen.WACHTWOORD)
    _verstuur(team, "main form[method=post]")
    axe_schoon(team, "de tweede stap")
    team.fill(
        "[name=code]",
        meld_site.totp_code(demo_meldingen.GEBRUIKERSNAAM, demo_meldingen.TOTP_SLEUTEL),
    )
    _verstuur(team, "main form[method=post]")
    axe_schoon(team, "het overzicht")
    team.goto(meld_site("/behandelen/demo-festival/team/"))
    axe_schoon(team, "het team")
    team.goto(meld_site("/behandelen/demo-festival/"))
    axe_schoon(team, "de inbox")
    with team.expect_navigation():
        team.locator("main table a").first.click()
    assert VERHAAL in team.content()
    axe_schoon(team, "de melding")
    melding_url = team.url
    _verstuur(team, "form:has(input[name=status-naar][value=in-gesprek])")
    team.fill("[name=bericht-tekst]", "Dank je. Wil je dat we je doorverwijzen?")
    _verstuur(team, "form[action$='/bericht/']")

    # The festival-goer comes back with the receipt and answers.
    terug = nieuwe_pagina()
    terug.goto(meld_site("/melden/opvolgen/"))
    axe_schoon(terug, "opvolgen")
    terug.fill("[name=ontvangstbewijs]", code)
    _verstuur(terug, "main form[method=post]")
    assert "Wil je dat we je doorverwijzen?" in terug.content()
    axe_schoon(terug, "het dossier van de melder")
    terug.fill("[name=tekst]", "Ja, naar het aanspreekpunt.")
    _verstuur(terug, "form[action$='/bericht/']")

    # The team asks consent to refer to demo-api; the festival-goer gives it.
    team.goto(melding_url)
    assert "Ja, naar het aanspreekpunt." in team.content()
    team.select_option("[name=toestemming-stap]", "doorverwijzing")
    team.select_option(
        "[name=toestemming-doel]", label="Aanspreekpunt Integriteit – Voorbeeldgezelschap (demo)"
    )
    team.check("[name=toestemming-omvang][value=volledig]")
    _verstuur(team, "#formulier-toestemming")
    terug.reload()
    _verstuur(terug, "form:has(button[name=beslissing][value=gegeven])")
    team.goto(melding_url)
    _verstuur(team, "form[action$='/doorverwijzen/']")
    team.goto(meld_site("/behandelen/demo-api/"))
    assert "demo-api-" in team.content()

    # The festival's case is closed; after its retention period the run destroys it.
    team.goto(melding_url)
    _verstuur(team, "form:has(input[name=status-naar][value=nazorg])")
    team.check("[name=status-uitkomst][value=doorverwezen]")
    _verstuur(team, "form.afsluiten")  # without the monitoring codes: refused, kept
    assert "Kies een sector, of “onbekend”." in team.content()
    assert team.is_checked("[name=status-uitkomst][value=doorverwezen]")
    axe_schoon(team, "afsluiten zonder codes")
    team.check("[name=status-gedrag][value=seksueel]")
    team.select_option("[name=status-sector]", "onbekend")
    team.select_option("[name=status-melder_status]", "onbekend")
    team.select_option("[name=status-route]", "doorverwezen-platform")
    _verstuur(team, "form.afsluiten")
    assert "afgesloten" in team.content()
    nummer = int(melding_url.rstrip("/").rsplit("/", 1)[1])
    verleden = datetime.now(UTC) - timedelta(days=400)
    meld_site.execute(
        "UPDATE meldingen_melding SET afgesloten_op = %s WHERE id = %s",
        (verleden if not meld_site.is_sqlite else f"{verleden:%Y-%m-%d %H:%M:%S}", nummer),
    )
    uit = meld_site.manage("vernietig_meldingen")
    assert "1 meldingen vernietigd" in uit
    team.goto(melding_url)
    assert VERHAAL not in team.content()


@pytest.mark.parametrize(
    "pad", ["/melden/", "/melden/demo-api/", "/fr/melden/demo-api/", "/en/melden/opvolgen/"]
)
def test_the_public_pages_of_the_channel_pass_axe(meld_site, nieuwe_pagina, axe_schoon, pad):
    pagina = nieuwe_pagina()
    pagina.goto(meld_site(pad))
    axe_schoon(pagina, pad)


def test_errors_on_the_form_and_a_wrong_receipt_are_accessible_and_keep_what_was_typed(
    meld_site, nieuwe_pagina, axe_schoon
):
    pagina = nieuwe_pagina()
    pagina.goto(meld_site("/melden/demo-api/"))
    pagina.fill("[name=waar]", "Productie Voorbeeld")
    _verstuur(pagina, "main form[method=post]")
    assert pagina.input_value("[name=waar]") == "Productie Voorbeeld"
    axe_schoon(pagina, "het formulier met een fout")
    pagina.goto(meld_site("/melden/opvolgen/"))
    pagina.fill("[name=ontvangstbewijs]", "1234 5678 9012 3456 7890")
    _verstuur(pagina, "main form[method=post]")
    assert "kennen we niet" in pagina.content()
    axe_schoon(pagina, "een verkeerd ontvangstbewijs")


def test_the_quick_exit_closes_a_reporters_session(meld_site, nieuwe_pagina):
    pagina = nieuwe_pagina()
    pagina.goto(meld_site("/melden/demo-api/"))
    pagina.fill("[name=wat]", "Een korte melding om de snelle uitgang te proberen.")
    _verstuur(pagina, "main form[method=post]")
    code = ONTVANGSTBEWIJS.search(pagina.content()).group()
    pagina.goto(meld_site("/melden/opvolgen/"))
    pagina.fill("[name=ontvangstbewijs]", code)
    _verstuur(pagina, "main form[method=post]")
    dossier = pagina.url
    pagina.goto(meld_site("/weg/"))
    assert not [c for c in pagina.context.cookies() if c["name"] == "vangnet_kluis"]
    pagina.goto(dossier)
    assert "/melden/opvolgen/" in pagina.url and pagina.url != dossier


def test_no_page_of_the_channel_scrolls_sideways_on_a_320_pixel_wide_phone(
    meld_site, nieuwe_pagina
):
    # WCAG 1.4.10 (reflow): the reporter's pages and, signed in, the handler's.
    smal = {"viewport": {"width": reflow.BREEDTE, "height": reflow.HOOGTE}}
    bevindingen, bekeken = [], 0

    def kijk(pagina, pad: str | None = None) -> None:
        nonlocal bevindingen, bekeken
        if pad is not None:
            pagina.goto(meld_site(pad))
        bevindingen += reflow.past(pagina, pagina.url.removeprefix(meld_site.base_url))
        bekeken += 1

    melder = nieuwe_pagina(**smal)
    for pad in ("/melden/", "/fr/melden/", "/m/demo-festival/", "/en/melden/demo-api/"):
        kijk(melder, pad)
    kijk(melder, "/melden/demo-api/")
    _verstuur(melder, "main form[method=post]")  # nothing typed: the errors
    kijk(melder)
    melder.fill("[name=wat]", "Een melding op een smal scherm, met een lang woord: " + "a" * 80)
    _verstuur(melder, "main form[method=post]")
    code = ONTVANGSTBEWIJS.search(melder.content()).group()
    kijk(melder)  # the receipt
    kijk(melder, "/melden/opvolgen/")
    melder.fill("[name=ontvangstbewijs]", code)
    _verstuur(melder, "main form[method=post]")
    kijk(melder)  # the case as the reporter sees it
    dossier = melder.url
    kijk(melder, dossier.removeprefix(meld_site.base_url) + "wissen/")

    team = nieuwe_pagina(**smal)
    kijk(team, "/behandelen/")
    team.fill("[name=username]", demo_meldingen.GEBRUIKERSNAAM)
    team.fill("[name=password]", demo_meldingen.WACHTWOORD)
    _verstuur(team, "main form[method=post]")
    kijk(team)  # the second step
    team.fill(
        "[name=code]",
        meld_site.totp_code(demo_meldingen.GEBRUIKERSNAAM, demo_meldingen.TOTP_SLEUTEL),
    )
    _verstuur(team, "main form[method=post]")
    kijk(team)  # the overview
    for pad in ("/behandelen/demo-api/", "/behandelen/demo-api/team/", "/behandelen/wachtwoord/"):
        kijk(team, pad)
    team.goto(meld_site("/behandelen/demo-api/"))
    with team.expect_navigation():
        team.locator("main table a").first.click()
    kijk(team)  # a case
    reflow.geen_overloop(bevindingen, bekeken)


def test_a_report_sent_after_a_point_closed_is_refused_clearly_and_accessibly(
    meld_site, nieuwe_pagina, axe_schoon
):
    nu = datetime.now(UTC)
    meld_site.manage(
        "ontvanger_aanmaken",
        "browser-zaal",
        "--naam",
        "Zaal die sluit (browsertest)",
        "--soort",
        "meldpunt-publiek",
        "--van",
        (nu - timedelta(hours=1)).isoformat(),
        "--tot",
        (nu + timedelta(hours=1)).isoformat(),
    )
    pagina = nieuwe_pagina()
    pagina.goto(meld_site("/melden/browser-zaal/"))
    pagina.fill("[name=wat]", VERHAAL)
    # The point closes while the form is open on the phone.
    voorbij = nu - timedelta(minutes=1)
    meld_site.execute(
        "UPDATE meldingen_ontvanger SET venster_einde = %s WHERE slug = %s",
        (voorbij if not meld_site.is_sqlite else f"{voorbij:%Y-%m-%d %H:%M:%S}", "browser-zaal"),
    )
    _verstuur(pagina, "main form[method=post]")
    assert "Je melding is niet verstuurd" in pagina.content()
    assert pagina.input_value("#geweigerde-tekst") == VERHAAL
    axe_schoon(pagina, "een melding na het sluiten")
    pagina.set_viewport_size({"width": reflow.BREEDTE, "height": reflow.HOOGTE})
    reflow.geen_overloop(reflow.past(pagina, "geweigerd"), 1)


def test_the_peer_support_form_passes_axe_and_fits_a_phone(meld_site, nieuwe_pagina, axe_schoon):
    meld_site.manage(
        "ontvanger_aanmaken",
        "browser-lotgenoten",
        "--naam",
        "Lotgenotencontact (browsertest)",
        "--soort",
        "peer-support",
        "--talen",
        "nl,fr,en",
    )
    pagina = nieuwe_pagina()
    for pad in ("/melden/browser-lotgenoten/", "/fr/melden/browser-lotgenoten/"):
        pagina.goto(meld_site(pad))
        assert pagina.locator("[name=contact]").count() == len(Contactwens.values)
        assert pagina.locator("[name=wensen][value=formele-procedure]").count() == 0
        axe_schoon(pagina, pad)
    pagina.goto(meld_site("/melden/browser-lotgenoten/"))
    _verstuur(pagina, "main form[method=post]")  # nothing typed: the errors
    axe_schoon(pagina, "het lotgenotenformulier met een fout")
    smal = nieuwe_pagina(viewport={"width": reflow.BREEDTE, "height": reflow.HOOGTE})
    smal.goto(meld_site("/melden/browser-lotgenoten/"))
    reflow.geen_overloop(reflow.past(smal, "lotgenoten"), 1)

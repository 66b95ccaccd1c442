"""Issue 16's pages in a real browser without JavaScript: axe-core and a 320 px wide phone.

An organisation signs up, requests a public reporting point, the department approves it,
the organisation sets it up and gets the recovery sheet; the demo beheerder invites, removes
and recovers a member. Every new page is reached by its links and checked twice: axe-core
(WCAG 2.1 AA) and no sideways scroll at 320 px (WCAG 1.4.10).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from vangnet.accounts.management.commands import demo_beheer
from vangnet.core.tests import livesite, reflow
from vangnet.core.tests.test_browser import AXE_OPTIONS
from vangnet.meldingen.management.commands import demo_meldingen

pytestmark = pytest.mark.browser

SMAL = {"viewport": {"width": reflow.BREEDTE, "height": reflow.HOOGTE}}
# The handler's pages carry the sign-out form in the menu: aim at the page's own form.
NIET_AFMELDEN = "main form[method=post][novalidate]"
HERSTELSLEUTEL = re.compile(r"\b(?:[A-Z2-7]{4}-){12}[A-Z2-7]{4}\b")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with livesite.running_site(tmp_path_factory.mktemp("aanvragen-live"), demo=True) as site:
        site.add_demo_department_account()
        yield site


@pytest.fixture
def nieuwe_pagina(chromium, site):
    paginas = []

    def maak():
        paginas.append(
            livesite.open_page_in_new_context(chromium, site, java_script_enabled=False, **SMAL)
        )
        return paginas[-1]

    yield maak
    for pagina in paginas:
        pagina.context.close()


@pytest.fixture
def controleer(chromium, site):
    """axe-core over what the script-less page shows now, and the reflow check at 320 px;
    the reflow findings are gathered and asserted at the end (``klaar``)."""
    kijker = livesite.open_page_in_new_context(chromium, site)
    bevindingen: list[str] = []
    bekeken = [0]

    def kijk(pagina, wat: str) -> None:
        kijker.goto(site("/melden/"))
        kijker.set_content(pagina.content())
        resultaat = Axe().run(kijker, options=AXE_OPTIONS)
        assert resultaat.violations_count == 0, f"{wat}: {resultaat.generate_report()}"
        bevindingen.extend(reflow.past(pagina, wat))
        bekeken[0] += 1

    def klaar() -> None:
        reflow.geen_overloop(bevindingen, bekeken[0])

    kijk.klaar = klaar
    yield kijk
    kijker.context.close()


def _verstuur(pagina, formulier: str = "main form[method=post]") -> None:
    with pagina.expect_navigation():
        pagina.locator(formulier).locator("button[type=submit]").first.click()


def _volg(pagina, tekst: str) -> None:
    with pagina.expect_navigation():
        pagina.locator("main").get_by_role("link", name=tekst).first.click()


def test_a_request_from_sign_up_to_the_recovery_sheet(site, nieuwe_pagina, controleer):
    organisatie = nieuwe_pagina()
    organisatie.goto(site("/toolbox/quickscan/account/nieuw/"))
    organisatie.fill("[name=naam]", "Festival Zomerklank")
    organisatie.fill("[name=gebruikersnaam]", "zomerklank")
    organisatie.fill("[name=wachtwoord1]", "zomerklank-lang-wachtwoord-7")
    organisatie.fill("[name=wachtwoord2]", "zomerklank-lang-wachtwoord-7")
    _verstuur(organisatie)
    organisatie.goto(site("/toolbox/quickscan/mijn-resultaten/"))
    _volg(organisatie, "Meldpunten van je organisatie")
    controleer(organisatie, "de meldpunten van de organisatie")
    _volg(organisatie, "Vraag een meldpunt aan")
    controleer(organisatie, "het aanvraagformulier")
    _verstuur(organisatie)
    assert "Er is een probleem" in organisatie.content()
    controleer(organisatie, "het aanvraagformulier met fouten")
    organisatie.check("[name=soort][value=meldpunt-publiek]")
    organisatie.fill("[name=naam]", "Meldpunt Festival Zomerklank")
    organisatie.check("[name=talen][value=nl]")
    organisatie.fill("[name=van]", "2027-07-01")
    organisatie.fill("[name=tot]", "2027-07-04")
    organisatie.fill("[name=eerste_lid_naam]", "Greet")
    organisatie.fill("[name=eerste_lid_email]", "greet@example.org")
    organisatie.select_option("[name=terugval]", index=1)
    _verstuur(organisatie)
    controleer(organisatie, "de aanvraag, ingediend")
    aanvraag = organisatie.url

    departement = nieuwe_pagina()
    departement.goto(site("/meldpunt-aanvragen/departement/"))
    departement.fill("[name=username]", demo_beheer.GEBRUIKERSNAAM)
    departement.fill("[name=password]", demo_beheer.WACHTWOORD)
    departement.fill(
        "[name=code]", site.totp_code(demo_beheer.GEBRUIKERSNAAM, demo_beheer.TOTP_SLEUTEL)
    )
    with departement.expect_navigation():
        departement.click("form[method=post] [type=submit]")
    assert departement.url.endswith("/meldpunt-aanvragen/departement/"), departement.url
    controleer(departement, "de aanvragen voor het departement")
    _volg(departement, "Meldpunt Festival Zomerklank")
    controleer(departement, "een aanvraag beslissen")
    departement.check("[name=beslissing][value=weigeren]")
    _verstuur(departement)
    controleer(departement, "een weigering zonder reden")
    departement.check("[name=beslissing][value=goedkeuren]")
    _verstuur(departement)

    organisatie.goto(aanvraag)
    controleer(organisatie, "de aanvraag, goedgekeurd")
    _verstuur(organisatie, "main form[action$='/klaarzetten/']")
    assert HERSTELSLEUTEL.search(organisatie.content())
    controleer(organisatie, "het herstelblad")
    organisatie.goto(aanvraag)
    assert not HERSTELSLEUTEL.search(organisatie.content()), "shown once"
    assert "/nieuwe-link/" in organisatie.content()
    controleer(organisatie, "de aanvraag, klaargezet, met de nieuwe link")
    _verstuur(organisatie, "main form[action$='/nieuwe-link/']")
    assert "Er is een probleem" in organisatie.content()
    controleer(organisatie, "een nieuwe link zonder herstelsleutel")
    organisatie.goto(site("/fr/meldpunt-aanvragen/nieuw/"))
    assert "Demander un point de signalement" in organisatie.content()
    controleer(organisatie, "het aanvraagformulier in het Frans")
    controleer.klaar()


def test_a_beheerder_invites_recovers_and_removes_through_the_team_page(
    site, nieuwe_pagina, controleer
):
    team = nieuwe_pagina()
    team.goto(site("/en/behandelen/"))
    team.fill("[name=username]", demo_meldingen.GEBRUIKERSNAAM)
    team.fill("[name=password]", demo_meldingen.WACHTWOORD)
    _verstuur(team)
    team.fill(
        "[name=code]", site.totp_code(demo_meldingen.GEBRUIKERSNAAM, demo_meldingen.TOTP_SLEUTEL)
    )
    _verstuur(team)
    team.goto(site("/behandelen/demo-api/"))
    _volg(team, "Team")
    controleer(team, "het team, met de knoppen van een beheerder")
    _volg(team, "Nodig een teamlid uit")
    controleer(team, "uitnodigen")
    _verstuur(team, NIET_AFMELDEN)
    controleer(team, "uitnodigen met fouten")
    team.fill("[name=email]", "ines@example.org")
    team.fill("[name=naam]", "Ines")
    _verstuur(team, NIET_AFMELDEN)
    assert "ines@example.org" in team.content()
    controleer(team, "het team na een uitnodiging")

    _volg(team, "Wachtwoord of telefoon kwijt – Ines")
    controleer(team, "herstellen")
    team.fill("[name=herstelsleutel]", "AAAA-BBBB-CCCC")
    _verstuur(team, NIET_AFMELDEN)
    controleer(team, "herstellen met een verkeerde sleutel")

    team.goto(site("/behandelen/demo-api/team/"))
    _volg(team, "Haal uit het team – Ines")
    controleer(team, "verwijderen")
    _verstuur(team, NIET_AFMELDEN)
    controleer(team, "verwijderen zonder bevestiging")
    team.check("[name=bevestig]")
    _verstuur(team, NIET_AFMELDEN)
    assert "Ines" in team.content() and "zit niet meer in het team" in team.content()
    controleer.klaar()

"""The prevention summary and the department's pages in a real browser: axe-core clean, and
nothing scrolls sideways on a 320-pixel-wide screen (WCAG 1.4.10), for the organisation's
own pages, the public check page, the department's overview and a shared summary, and the
stuurgroep's comparison of PC 329 and PC 304.

The site runs as in production on loopback (vangnet/core/tests/livesite.py); the accounts
and a shared summary are made in the live site's database. The department signs in with
both factors through the real sign-in page.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from playwright.sync_api import expect

from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import AXE_OPTIONS, BROKEN_REFERENCES

pytestmark = pytest.mark.browser

START = "/toolbox/quickscan/"
ORGANISATIE, ORG_WACHTWOORD = "toets-verslag", "toets-verslag-wachtwoord-42"
DEPARTEMENT, DEP_WACHTWOORD = "toets-departement", "toets-departement-wachtwoord-42"
TOTP_SLEUTEL = b"toets-departement-01".hex()
MAAK = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from vangnet.accounts.models import DEPARTEMENT_GROUP
from vangnet.quickscan import verslag
from vangnet.quickscan.models import Organisatieaccount, Resultaat, Stelling
model = get_user_model()
if not model.objects.filter(username="{DEPARTEMENT}").exists():
    d = model.objects.create_user("{DEPARTEMENT}", password="{DEP_WACHTWOORD}", is_staff=True)
    d.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP))
    TOTPDevice.objects.create(user=d, name="toets", key="{TOTP_SLEUTEL}", confirmed=True)
o = model.objects.create_user("{ORGANISATIE}", password="{ORG_WACHTWOORD}")
account = Organisatieaccount.objects.create(user=o, naam="Gezelschap met een heel lange naamzonderspaties")
antwoorden = {{s.slug: "nee" for s in Stelling.objects.all()[:6]}}
procent = {{"procent": 35, "woord": "nog-te-doen"}}
Resultaat.objects.create(
    account=account,
    profiel={{"vorm": "werkgever", "grootte": "50-of-meer", "paritair_comite": "329", "sector": "erfgoed"}},
    antwoorden=antwoorden,
    scores={{"kwaliteit": procent, "preventie": procent, "reactie": procent}},
)
gemaakt = verslag.maak(account, ondertekenaar="Mira Peeters", functie="voorzitter", sindsdien="Een vorming.")
print("SLEUTEL", verslag.deel(gemaakt), gemaakt.pk, verslag.controlecode(gemaakt))
"""


@pytest.fixture(scope="module")
def gedeeld(live_site):
    """The live site with an organisation's shared summary: (share key, pk, check code)."""
    uit = live_site.manage("shell", "-c", MAAK)
    sleutel, pk, code = re.search(r"SLEUTEL (\S+) (\d+) (\S+)", uit).groups()
    return sleutel, int(pk), code


def _bezoek(page, site, path: str, status: int = 200) -> None:
    response = page.goto(site(path))
    got = response.status if response else None
    if got != status:
        pytest.fail(f"{path}: HTTP {got}, expected {status}\n{site.log_tail()}", pytrace=False)


@pytest.fixture(scope="module")
def organisatie(chromium, live_site, gedeeld):
    page = livesite.open_page_in_new_context(
        chromium, live_site, viewport={"width": 320, "height": 740}
    )
    _bezoek(page, live_site, START + "account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(ORGANISATIE)
    page.get_by_label("Wachtwoord").fill(ORG_WACHTWOORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def departement(chromium, live_site, gedeeld):
    page = livesite.open_page_in_new_context(
        chromium, live_site, viewport={"width": 320, "height": 740}
    )
    _bezoek(page, live_site, "/beheer/login/")
    page.locator("[name=username]").fill(DEPARTEMENT)
    page.locator("[name=password]").fill(DEP_WACHTWOORD)
    page.locator("[name=code]").fill(f"{totp(bytes.fromhex(TOTP_SLEUTEL)):06d}")
    with page.expect_navigation():
        page.locator("[type=submit]").click()
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def bezoeker(chromium, live_site):
    page = livesite.open_page_in_new_context(
        chromium, live_site, viewport={"width": 320, "height": 740}
    )
    yield page
    page.context.close()


TE_BREED = """() => {
  const breedte = document.documentElement.clientWidth;
  const te_breed = [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > breedte + 1
      || (el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1
          && getComputedStyle(el).overflowX === "visible"))
    .map(el => el.localName + (el.className ? "." + el.className : ""));
  return {scroll: document.documentElement.scrollWidth, breedte, te_breed: te_breed.slice(0, 5)};
}"""


def _toegankelijk_en_smal(page, wat: str) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    if results.violations_count:
        pytest.fail(f"{wat}\n{results.generate_report()}", pytrace=False)
    assert page.evaluate(BROKEN_REFERENCES) == [], wat
    meting = page.evaluate(TE_BREED)
    assert meting["scroll"] <= meting["breedte"] and not meting["te_breed"], (wat, meting)


def _adressen(gedeeld):
    sleutel, pk, code = gedeeld
    return [
        ("organisatie", START + "mijn-resultaten/", "h1"),
        ("organisatie", START + "verslag/nieuw/", "form"),
        ("organisatie", f"{START}verslag/{pk}/", ".controlecode"),
        ("bezoeker", START + "controle/", "form"),
        ("bezoeker", f"{START}controle/?code={code}", ".melding[role=status]"),
        ("departement", START + "verslagen/", "table.tabel"),
        ("departement", f"{START}gedeeld/{sleutel}/", ".controlecode"),
        ("departement", "/kaart/gelijke-toegang/", "section.onderwerp"),
    ]


def test_every_summary_and_department_page_is_accessible_and_fits_320_pixels(
    request, live_site, gedeeld
):
    for wie, adres, toont in _adressen(gedeeld):
        page = request.getfixturevalue(wie)
        _bezoek(page, live_site, adres)
        expect(page.locator(toont).first).to_be_attached()
        _toegankelijk_en_smal(page, adres)


def test_a_wrong_check_code_and_a_form_error_are_accessible_too(bezoeker, organisatie, live_site):
    _bezoek(bezoeker, live_site, START + "controle/?code=v1:verzonnen", 400)
    expect(bezoeker.locator(".foutmelding")).to_be_visible()
    _toegankelijk_en_smal(bezoeker, "controle (fout)")
    _bezoek(organisatie, live_site, START + "verslag/nieuw/")
    with organisatie.expect_navigation():
        organisatie.get_by_role("button", name="Maak het verslag").click()
    expect(organisatie.locator(".foutmelding").first).to_be_visible()
    _toegankelijk_en_smal(organisatie, "verslag/nieuw (fout)")


def test_sharing_shows_a_long_link_that_still_fits_the_screen(organisatie, live_site, gedeeld):
    _bezoek(organisatie, live_site, f"{START}verslag/{gedeeld[1]}/")
    with organisatie.expect_navigation():
        organisatie.get_by_role("button", name=re.compile("Maak een nieuwe link")).click()
    expect(organisatie.locator(".deellink code")).to_contain_text("/gedeeld/")
    _toegankelijk_en_smal(organisatie, "verslag (gedeeld)")

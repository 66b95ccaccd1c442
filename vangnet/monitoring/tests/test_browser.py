"""The figures pages in a real browser: axe-core on every page (charts included), no sideways
scrolling at 320 px, and no JavaScript needed.

The site runs as in production (livesite.py) with 3,000 synthetic cases over three years and
the demo accounts: the department (``demo_beheer``, also made a partner of the Vlaams
Meldpunt here) and the demo handler.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from vangnet.accounts.management.commands import demo_beheer
from vangnet.core.tests import livesite
from vangnet.core.tests.test_browser import AXE_OPTIONS
from vangnet.meldingen.management.commands import demo_meldingen

pytestmark = pytest.mark.browser

PUBLIEK = [
    "/monitoring/",
    "/monitoring/?per=sector&per2=route",
    "/monitoring/?per=melder_status",
    "/fr/monitoring/?per=uitkomst",
    "/en/monitoring/?per=gedrag&per2=sector",
    "/monitoring/?per=sector&per2=sector",  # a mistake in the form
]


@pytest.fixture(scope="module")
def cijfer_site(tmp_path_factory):
    with livesite.running_site(tmp_path_factory.mktemp("monitoring-live"), demo=True) as site:
        site.manage("synthetische_meldingen", "--aantal", "3000", "--jaren", "3")
        # The demo department account (demo_beheer refuses production settings), also a
        # partner of one organisation, made by hand with the same name, password and secret.
        site.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model;"
            "from django.contrib.auth.models import Group;"
            "from django_otp.plugins.otp_totp.models import TOTPDevice;"
            "from vangnet.accounts.models import DEPARTEMENT_GROUP, Lidmaatschap;"
            "from vangnet.kaart.models import Organisatie;"
            f"u = get_user_model().objects.create_user('{demo_beheer.GEBRUIKERSNAAM}',"
            f" password='{demo_beheer.WACHTWOORD}', is_staff=True);"
            "u.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP));"
            f"TOTPDevice.objects.create(user=u, name='demo', key='{demo_beheer.TOTP_SLEUTEL}',"
            " confirmed=True);"
            "Lidmaatschap.objects.create(user=u, organisatie=Organisatie.objects.order_by('slug').first())",
        )
        yield site


@pytest.fixture
def pagina(chromium, cijfer_site):
    paginas = []

    def maak(**opties):
        opties.setdefault("java_script_enabled", False)
        paginas.append(livesite.open_page_in_new_context(chromium, cijfer_site, **opties))
        return paginas[-1]

    yield maak
    for p in paginas:
        p.context.close()


@pytest.fixture
def axe_schoon(chromium, cijfer_site):
    """axe-core over what a script-less page shows now (axe runs in a second page)."""
    kijker = livesite.open_page_in_new_context(chromium, cijfer_site)

    def kijk(p, wat: str) -> None:
        kijker.goto(cijfer_site("/monitoring/"))
        kijker.set_content(p.content())
        resultaat = Axe().run(kijker, options=AXE_OPTIONS)
        assert resultaat.violations_count == 0, f"{wat}: {resultaat.generate_report()}"

    yield kijk
    kijker.context.close()


def _past_op_320(p) -> None:
    assert p.evaluate("document.documentElement.scrollWidth") <= 320, p.url


def _aanmelden_beheer(p, site, volgende: str) -> None:
    p.goto(site(volgende))
    assert "/beheer/login/" in p.url
    p.fill("[name=username]", demo_beheer.GEBRUIKERSNAAM)
    p.fill("[name=password]", demo_beheer.WACHTWOORD)
    p.fill("[name=code]", site.totp_code(demo_beheer.GEBRUIKERSNAAM, demo_beheer.TOTP_SLEUTEL))
    p.click("form[method=post] [type=submit]")
    p.wait_for_url(re.compile(re.escape(volgende.split("?")[0])))


@pytest.mark.parametrize("pad", PUBLIEK)
def test_the_public_figures_pass_axe_and_fit_a_phone(cijfer_site, pagina, axe_schoon, pad):
    p = pagina()
    p.goto(cijfer_site(pad))
    assert p.locator("table.mon-cijfers").count() >= 1
    assert p.locator("script").count() == 0 or "snel-weg" in p.content()
    axe_schoon(p, pad)
    smal = pagina(viewport={"width": 320, "height": 640})
    smal.goto(cijfer_site(pad))
    _past_op_320(smal)


def test_a_chart_is_an_svg_with_all_its_numbers_and_its_table_beside_it(cijfer_site, pagina):
    p = pagina()
    p.goto(cijfer_site("/monitoring/?per=sector"))
    grafiek = p.locator("figure.mon-grafiek svg[role=img]").first
    label = grafiek.get_attribute("aria-label")
    assert "muziek" in label
    tabel = p.locator("table.mon-cijfers").first.inner_text()
    assert "Muziek" in tabel


def test_the_department_and_the_upload_pages_pass_axe_and_fit_a_phone(
    cijfer_site, pagina, axe_schoon
):
    p = pagina()
    _aanmelden_beheer(p, cijfer_site, "/monitoring/beleid/?per=erkenning")
    assert "Voorlopig" in p.content()
    axe_schoon(p, "beleid")
    for pad in ("/monitoring/beleid/?per=sector&per2=uitkomst", "/monitoring/aanleveren/"):
        p.goto(cijfer_site(pad))
        axe_schoon(p, pad)
    p.set_input_files(
        "[name=bestand]",
        files=[{"name": "c.csv", "mimeType": "text/csv", "buffer": b"kwartaal,dimensie\n"}],
    )
    p.click("form[enctype] [type=submit]")
    assert "niets bewaard" in p.content()
    axe_schoon(p, "aanleveren met fouten")
    p.set_viewport_size({"width": 320, "height": 640})
    for pad in ("/monitoring/beleid/?per=sector&per2=uitkomst", "/monitoring/aanleveren/"):
        p.goto(cijfer_site(pad))
        _past_op_320(p)


def test_a_receivers_own_figures_pass_axe_and_fit_a_phone(cijfer_site, pagina, axe_schoon):
    p = pagina()
    p.goto(cijfer_site("/behandelen/"))
    p.fill("[name=username]", demo_meldingen.GEBRUIKERSNAAM)
    p.fill("[name=password]", demo_meldingen.WACHTWOORD)
    p.click("main form[method=post] [type=submit]")
    p.fill(
        "[name=code]",
        cijfer_site.totp_code(demo_meldingen.GEBRUIKERSNAAM, demo_meldingen.TOTP_SLEUTEL),
    )
    p.click("main form[method=post] [type=submit]")
    p.goto(cijfer_site("/monitoring/ontvanger/demo-api/"))
    assert p.locator("h1").inner_text().startswith("Cijfers van")
    axe_schoon(p, "ontvanger")
    p.set_viewport_size({"width": 320, "height": 640})
    p.reload()
    _past_op_320(p)


def test_an_organisers_figures_after_the_event_pass_axe_and_fit_a_phone(
    cijfer_site, pagina, axe_schoon
):
    # The demo festival's window closed yesterday; the demo handler is its beheerder.
    cijfer_site.manage(
        "shell",
        "-c",
        "from datetime import timedelta;"
        "from django.utils import timezone;"
        "from vangnet.meldingen.models import Ontvanger;"
        "Ontvanger.objects.filter(slug='demo-festival').update("
        "venster_start=timezone.now() - timedelta(days=3),"
        " venster_einde=timezone.now() - timedelta(days=1))",
    )
    p = pagina()
    p.goto(cijfer_site("/behandelen/"))
    p.fill("[name=username]", demo_meldingen.GEBRUIKERSNAAM)
    p.fill("[name=password]", demo_meldingen.WACHTWOORD)
    p.click("main form[method=post] [type=submit]")
    p.fill(
        "[name=code]",
        cijfer_site.totp_code(demo_meldingen.GEBRUIKERSNAAM, demo_meldingen.TOTP_SLEUTEL),
    )
    p.click("main form[method=post] [type=submit]")
    for pad in ("/monitoring/ontvanger/demo-festival/", "/en/monitoring/ontvanger/demo-festival/"):
        p.goto(cijfer_site(pad))
        inhoud = p.content()
        assert "Na het evenement" in inhoud or "After the event" in inhoud
        axe_schoon(p, pad)
    p.set_viewport_size({"width": 320, "height": 640})
    p.goto(cijfer_site("/monitoring/ontvanger/demo-festival/"))
    _past_op_320(p)

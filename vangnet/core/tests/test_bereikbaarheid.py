"""Every public page can be found by following links from the home page, in each language.

A visitor who does not know an address must still get everywhere: the crawl starts at the
home page of a language (``/``, ``/fr/``, ``/en/``), follows every link to this site in that
language (the language switch is not followed, so a door missing in French is not hidden
by the Dutch menu) and fails naming every public page it did not reach. What counts as a
public page is read from the URL conf (``paginas.py``); forms are not filled in, so a page
reached only by sending a form does not count as reached.
"""

import re
from collections import deque
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from vangnet.core.tests import paginas
from vangnet.meldingen.choices import OntvangerSoort
from vangnet.meldingen.tests.factories import maak_team

pytestmark = pytest.mark.django_db

LINK = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"", re.IGNORECASE)
HOST = "testserver"
# A crawl that goes on and on would mean links that make up new addresses without end.
MAX_ADRESSEN = 2000
# The modules a person or an organisation needs (issue 11): each must be a public page.
MODULES = {
    "core:home",
    "wegwijzer:start",
    "meldingen:index",
    "meldingen:opvolgen",
    "wegwijzer:vangnet",
    "kaart:index",
    "kaart:aanspreekpunt",
    "toolbox:index",
    "pool:index",
    "toolbox:lotgenoten",
    "begrippen:index",
}
MODULES_ZONDER_PARAMETERS = MODULES - {"kaart:aanspreekpunt"}


def _links(pad: str, html: str) -> set[str]:
    """The paths (with their query) of the links on a page that stay on this site."""
    uit = set()
    for href in LINK.findall(html):
        doel = urlsplit(urljoin(f"http://{HOST}{pad}", href.replace("&amp;", "&")))
        if doel.scheme in ("http", "https") and doel.netloc == HOST:
            uit.add(doel.path + (f"?{doel.query}" if doel.query else ""))
    return uit


def kruip(taal: str) -> dict[str, int]:
    """Path -> clicks from the home page, of every page (200, HTML) that links reach from
    the home page in ``taal``, staying in that language. Breadth first, so the clicks are
    the fewest."""
    client = Client()
    with translation.override(taal):
        begin = reverse("core:home")
    te_doen, gezien, bereikt = deque([(begin, 0)]), {begin}, {}
    while te_doen:
        adres, klikken = te_doen.popleft()
        antwoord = client.get(adres)
        pad = urlsplit(adres).path
        if antwoord.status_code in (301, 302, 303, 307, 308):
            # A redirect counts as a link (the quick exit's, to another site, does not).
            links, klikken = _links(pad, f'<a href="{antwoord["Location"]}">'), klikken - 1
        elif antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/html"):
            bereikt.setdefault(pad, klikken)
            links = _links(pad, antwoord.content.decode())
        else:
            continue
        for link in links:
            if link not in gezien and paginas.taal_van(urlsplit(link).path) == taal:
                gezien.add(link)
                te_doen.append((link, klikken + 1))
        assert len(gezien) < MAX_ADRESSEN, f"more than {MAX_ADRESSEN} addresses from {begin}"
    return bereikt


@pytest.fixture
def ontvangers():
    """Receivers as on a real platform: an organisation's Aanspreekpunt Integriteit and a
    festival's public reporting point, open now. (One outside its window is reached only by
    its own QR code, so there is none here.)"""
    nu = timezone.now()
    maak_team("test-api", leden=("hanne",))
    maak_team(
        "test-festival",
        soort=OntvangerSoort.MELDPUNT_PUBLIEK,
        leden=("hugo",),
        beheerders=("hugo",),
        venster_start=nu - timedelta(hours=1),
        venster_einde=nu + timedelta(days=1),
    )


def test_every_parameterised_address_is_a_content_family_or_said_not_to_be_a_page(ontvangers):
    # Families are found through the items that exist: the content, and the receivers above.
    assert paginas.onbeslist() == [], (
        "decide whether these addresses are public: give their items a get_absolute_url, "
        "or name them in paginas.GEEN_EIGEN_PAGINA"
    )
    assert paginas.verouderd() == [], "paginas.py names addresses the URL conf no longer has"


@pytest.mark.parametrize("taal", paginas.TALEN)
def test_links_from_the_home_page_reach_every_public_page(ontvangers, taal):
    publiek = paginas.publieke_paginas(taal)
    # A check of the definition itself: if these are not public pages, the crawl proves little.
    assert not MODULES - set(publiek.values()), MODULES - set(publiek.values())
    bereikt = kruip(taal)
    niet_bereikt = sorted(set(publiek) - set(bereikt))
    print(f"\n{taal}: {len(bereikt)} pages reached, {len(publiek)} public pages")
    assert not niet_bereikt, "no link reaches: " + ", ".join(
        f"{pad} ({publiek[pad]})" for pad in niet_bereikt
    )
    with translation.override(taal):
        assert reverse("meldingen:formulier", args=["test-festival"]) in bereikt
        # Every module is at most two clicks from the home page (its menu counts as one).
        ver = {naam: bereikt[reverse(naam)] for naam in MODULES_ZONDER_PARAMETERS}
    assert max(ver.values()) <= 2, {naam: n for naam, n in ver.items() if n > 2}


def test_every_page_has_the_way_back_to_a_report_in_its_footer(client):
    opvolgen = reverse("meldingen:opvolgen")
    for pad in ("/", "/kaart/", "/wegwijzer/", "/toolbox/", "/bestaat-niet/"):
        html = client.get(pad).content.decode()
        voet = html[html.index('<footer class="voet">') :]
        assert f'href="{opvolgen}"' in voet and "Je melding opvolgen" in voet, pad


def test_the_organisation_door_of_the_home_page_opens_the_toolbox(client):
    html = client.get("/").content.decode()
    deur = re.search(r'<a href="([^"]*)">Ik wil mijn organisatie sterker maken</a>', html)
    assert deur and deur.group(1) == reverse("toolbox:index")


def test_the_reporting_page_explains_the_channel_and_lists_who_takes_reports(client, ontvangers):
    html = client.get(reverse("meldingen:index")).content.decode()
    for uitleg in (
        "Hoe gaat melden hier?",
        "ontvangstbewijs van 20 cijfers",
        "Wie leest je melding?",
    ):
        assert uitleg in html
    for slug in ("test-api", "test-festival"):
        assert f'href="{reverse("meldingen:formulier", args=[slug])}"' in html
    assert f'href="{reverse("meldingen:opvolgen")}"' in html

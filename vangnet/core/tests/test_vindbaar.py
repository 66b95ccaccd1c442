"""Findable from a search engine: which pages are indexable, what they say about themselves,
and the sitemap (core/vindbaar.py).

The lists below pin the decision: a page that becomes indexable or stops being so must be
changed here too.
"""

import re
from xml.etree import ElementTree

from django.test import Client

import html5lib
import pytest

from vangnet.core.tests import paginas
from vangnet.meldingen.tests.factories import maak_team
from vangnet.wegwijzer.tests.test_views import doorloop
from vangnet.wegwijzer.vragen import VRAGEN

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/1999/xhtml}"
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
TALEN = ["nl", "fr", "en"]
HOST = "http://testserver"

# Every public page type a search engine may show.
INDEX = {
    "core:home",
    "core:veilig-surfen",
    "wegwijzer:start",
    "wegwijzer:eerste-opvang",
    "wegwijzer:vangnet",
    "kaart:index",
    "kaart:organisaties",
    "kaart:aanspreekpunt",
    "kaart:aanbod",
    "kaart:organisatie",
    "begrippen:index",
    "begrippen:begrip",
    "toolbox:index",
    "toolbox:na-een-incident",
    "toolbox:lotgenoten",
    "verplichtingen:index",
    "vorming:index",
    "quickscan:start",
    "pool:index",
    "meldingen:index",
    "monitoring:publiek",
}
# Public page types that stay out of search results: forms, sign-ins, the way back to a report.
NOINDEX = {
    "wegwijzer:eigen-poster",
    "quickscan:organisatie",
    "quickscan:account-nieuw",
    "quickscan:inloggen",
    "quickscan:controle",
    "pool:aanmelden",
    "meldingen:opvolgen",
}
# Pages that are no door of their own, but that a link may bring a crawler to.
NOINDEX_ADRESSEN = [
    f"/wegwijzer/vraag/{VRAGEN[0].id}/",
    f"/fr/wegwijzer/vraag/{VRAGEN[1].id}/",
    "/melden/opvolgen/",
    "/kaart/?q=vertrouwenspersoon",
    "/kaart/?gedrag=seksueel",
    "/wegwijzer/?sector=podiumkunsten",
    "/vertrouwenspersonen/aanmelden/",
]


def kop(html: str):
    boom = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree")).parse(html)
    return next(boom.iter(f"{NS}head"))


def meta(head, naam: str) -> str | None:
    return next((m.get("content") for m in head.iter(f"{NS}meta") if m.get("name") == naam), None)


def links(head, rel: str) -> list[dict]:
    return [dict(link.attrib) for link in head.iter(f"{NS}link") if link.get("rel") == rel]


@pytest.fixture(scope="module")
def paginas_per_taal(django_db_setup, django_db_blocker) -> dict[str, dict[str, tuple]]:
    """taal -> path -> (address name, head) of every public page."""
    client = Client()
    uit: dict[str, dict[str, tuple]] = {}
    with django_db_blocker.unblock():
        for taal in TALEN:
            uit[taal] = {
                pad: (naam, kop(client.get(pad).content.decode()))
                for pad, naam in paginas.publieke_paginas(taal).items()
            }
    return uit


def test_the_pinned_lists_cover_every_public_page_type(paginas_per_taal):
    soorten = {naam for naam, _head in paginas_per_taal["nl"].values()}
    assert soorten - INDEX - NOINDEX == set(), "decide: indexable or not?"
    assert INDEX - soorten == set()


@pytest.mark.parametrize("taal", TALEN)
def test_public_pages_are_indexable_or_not_as_pinned(paginas_per_taal, taal):
    fout = {}
    for pad, (naam, head) in paginas_per_taal[taal].items():
        robots = meta(head, "robots")
        verwacht = "index, follow" if naam in INDEX else "noindex"
        if not (robots or "").startswith(verwacht):
            fout[pad] = robots
    assert not fout, fout


@pytest.mark.parametrize("taal", TALEN)
def test_every_indexable_page_has_a_description_in_its_language(paginas_per_taal, taal):
    zonder, te_lang = [], []
    for pad, (naam, head) in paginas_per_taal[taal].items():
        beschrijving = meta(head, "description")
        if naam not in INDEX:
            assert beschrijving is None, pad
            continue
        if not (beschrijving or "").strip():
            zonder.append(pad)
        elif len(beschrijving) > 220:
            te_lang.append(pad)
    assert not zonder, zonder
    assert not te_lang, te_lang


@pytest.mark.parametrize("taal", ["fr", "en"])
def test_descriptions_are_translated(paginas_per_taal, taal):
    """The same page's description differs from the Dutch one (a translation, not a fallback);
    a content item may keep a Dutch proper name, so only the fixed pages are compared."""
    nederlands = {naam: meta(head, "description") for naam, head in paginas_per_taal["nl"].values()}
    vast = set()
    for naam, head in paginas_per_taal[taal].values():
        if naam in INDEX and not naam.startswith(("kaart:a", "kaart:organisatie", "begrippen:b")):
            vast.add(naam)
            assert meta(head, "description") != nederlands[naam], naam
    assert len(vast) >= 15


@pytest.mark.parametrize("taal", TALEN)
def test_indexable_pages_name_their_canonical_address_and_their_alternates(paginas_per_taal, taal):
    for pad, (naam, head) in paginas_per_taal[taal].items():
        if naam not in INDEX:
            assert not links(head, "canonical") and not links(head, "alternate"), pad
            continue
        assert [link["href"] for link in links(head, "canonical")] == [HOST + pad]
        alternatieven = {link["hreflang"]: link["href"] for link in links(head, "alternate")}
        assert set(alternatieven) == {"nl", "fr", "en", "x-default"}, pad
        assert alternatieven[taal] == HOST + pad
        assert alternatieven["x-default"] == alternatieven["nl"]
        for code in ("fr", "en"):
            assert alternatieven[code].startswith(f"{HOST}/{code}/"), (pad, alternatieven)
        assert not alternatieven["nl"].startswith((f"{HOST}/fr/", f"{HOST}/en/"))


@pytest.mark.parametrize("pad", NOINDEX_ADRESSEN)
def test_questions_routes_searches_and_personal_pages_are_noindex(client, pad):
    response = client.get(pad)
    assert response.status_code == 200
    head = kop(response.content.decode())
    assert (meta(head, "robots") or "").startswith("noindex"), pad
    assert meta(head, "description") is None
    assert not links(head, "alternate") and not links(head, "canonical")


def test_the_check_page_and_the_route_are_noindex_in_every_language(client):
    doorloop(client)
    for taal in TALEN:
        voor = "" if taal == "nl" else f"/{taal}"
        for pad in (
            "/wegwijzer/controleren/",
            "/wegwijzer/route/",
            f"/wegwijzer/vraag/{VRAGEN[0].id}/",
        ):
            response = client.get(voor + pad)
            assert response.status_code == 200, voor + pad
            head = kop(response.content.decode())
            assert meta(head, "robots").startswith("noindex"), voor + pad
            assert meta(head, "description") is None and not links(head, "alternate")


def test_a_reporting_form_is_noindex(client):
    team = maak_team(slug="vindbaar-test")
    for taal in TALEN:
        pad = "/melden/vindbaar-test/" if taal == "nl" else f"/{taal}/melden/vindbaar-test/"
        response = client.get(pad)
        assert response.status_code == 200
        assert meta(kop(response.content.decode()), "robots").startswith("noindex")
    assert team.ontvanger.slug == "vindbaar-test"


def test_the_sitemap_lists_every_indexable_page_in_each_language_with_alternates(
    client, paginas_per_taal
):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    boom = ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    adressen = {}
    for url in boom.findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        alternatieven = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)
        }
        adressen[loc.removeprefix(HOST)] = alternatieven
        assert set(alternatieven) == {"nl", "fr", "en", "x-default"}, loc
        assert loc in alternatieven.values()
    verwacht = {
        pad
        for taal in TALEN
        for pad, (naam, _head) in paginas_per_taal[taal].items()
        if naam in INDEX
    }
    assert set(adressen) == verwacht
    assert len(verwacht) > 100


def test_robots_txt_points_to_the_sitemap_and_lets_crawlers_read_the_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    tekst = response.content.decode()
    assert f"Sitemap: {HOST}/sitemap.xml" in tekst
    # A page a crawler may not read cannot tell it "noindex": only the admin and the exit.
    verboden = re.findall(r"^Disallow: (\S+)", tekst, re.MULTILINE)
    assert verboden == ["/beheer/", "/weg/"]


ADRES = "https://vangnet.be"


@pytest.fixture
def eigen_adres(settings):
    """A site with its public address configured, reached under another host name too."""
    settings.VANGNET_ADRES = ADRES
    settings.ALLOWED_HOSTS = ["vangnet.be", "app-1.intern.example", "testserver"]
    return Client(HTTP_HOST="app-1.intern.example")


def test_a_request_under_another_host_gets_the_configured_canonical_address(eigen_adres):
    # A load balancer's probe, a server's own name or a misrouted Host must not teach search
    # engines another address for the site (and the page cache must not keep one).
    for pad in ("/kaart/", "/fr/begrippen/"):
        head = kop(eigen_adres.get(pad).content.decode())
        assert [link["href"] for link in links(head, "canonical")] == [ADRES + pad]
        alternatieven = {link["hreflang"]: link["href"] for link in links(head, "alternate")}
        assert alternatieven["nl"] == ADRES + pad.removeprefix("/fr")
        assert alternatieven["fr"] == ADRES + "/fr" + pad.removeprefix("/fr")
        assert all(href.startswith(ADRES + "/") for href in alternatieven.values())


def test_the_sitemap_and_robots_txt_use_the_configured_address_whatever_the_host(eigen_adres):
    boom = ElementTree.fromstring(eigen_adres.get("/sitemap.xml").content)  # noqa: S314
    adressen = [url.find("s:loc", SITEMAP_NS).text for url in boom.findall("s:url", SITEMAP_NS)]
    alternatieven = [link.get("href") for link in boom.findall("s:url/xhtml:link", SITEMAP_NS)]
    assert len(adressen) > 100
    assert all(a.startswith(ADRES + "/") for a in adressen + alternatieven)
    robots = eigen_adres.get("/robots.txt").content.decode()
    assert f"Sitemap: {ADRES}/sitemap.xml" in robots
    assert "intern.example" not in robots

"""Every page is sent with a strict CSP, is never cached, and loads nothing from elsewhere."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/kaart/",
    "/kaart/?q=vertrouwenspersoon",
    "/kaart/aanspreekpunt/1712/",
    "/begrippen/",
    "/begrippen/grensoverschrijdend-gedrag/",
    "/veilig-surfen/",
    "/wegwijzer/",
    "/wegwijzer/iemand-vertelde-het-mij/",
    "/vangnet/",
    "/fr/",
    "/en/kaart/",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_strict_content_security_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp


@pytest.mark.parametrize("path", PAGES)
def test_no_page_is_kept_in_a_cache(client, path):
    assert client.get(path)["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", PAGES)
def test_no_page_loads_a_resource_from_another_site(client, path):
    html = client.get(path).content.decode()
    # Links to other sites are fine (sources); loading from them is not. A canonical or
    # alternate <link> loads nothing: it names this page's own address for search engines,
    # which must be absolute and on this site.
    tags = re.findall(r"<(?:script|img|link|iframe|source)\b[^>]*>", html)
    names = [t for t in tags if re.search(r'rel="(?:canonical|alternate)"', t)]
    loaded = [
        re.search(r'(?:src|href)="([^"]+)"', t).group(1)
        for t in tags
        if t not in names and re.search(r'(?:src|href)="', t)
    ]
    assert loaded, "expected at least the stylesheet"
    assert all(url.startswith("/") for url in loaded), loaded
    for tag in names:
        assert re.search(r'href="http://testserver/', tag), tag


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_the_quick_exit(client, path):
    html = client.get(path).content.decode()
    assert 'href="/weg/"' in html
    assert "data-snel-weg-knop" in html


def test_pages_have_no_inline_script_or_style(client):
    for path in PAGES:
        html = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
        assert " style=" not in html and "<style" not in html, path


def test_the_referrer_is_never_sent_and_framing_is_refused(client):
    response = client.get("/")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_set_no_cookie(client, path):
    assert not client.get(path).cookies

"""docs/security.md says which headers and cookies the production profile sends: the live
site (production settings, gunicorn, HTTPS; livesite.py) must send exactly those.

Issue 12 found the document saying `Referrer-Policy: no-referrer` where the code sent
`same-origin`. Every `Header: value` quoted in the document is compared here with the real
response it is about, so the document cannot drift from the code again.
"""

import re
from pathlib import Path

import pytest

from vangnet.core.middleware import CONTENT_SECURITY_POLICY
from vangnet.core.tests.livesite import BASE_DIR, Answer, LiveSite, Visitor

SECURITY_MD = BASE_DIR / "docs" / "security.md"
# Where each documented header is sent: a page unless named otherwise.
WAAR = {
    "Access-Control-Allow-Origin": "/api/v1/begrippen",
    "Clear-Site-Data": "/weg/",
}
# Headers the document quotes that a client or the proxy sends, not the site.
REQUEST_HEADERS = {"X-Forwarded-Proto", "X-Forwarded-For", "Origin", "Referer"}
QUOTED_HEADER = re.compile(r"`([A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]+)+): ([^`]+)`")


def documented_headers(document: Path = SECURITY_MD) -> list[tuple[str, str]]:
    """Every `Header-Name: value` quoted in the document (whitespace as one space)."""
    return [
        (name, " ".join(value.split()))
        for name, value in QUOTED_HEADER.findall(document.read_text())
        if name not in REQUEST_HEADERS
    ]


def _static_file(site: LiveSite) -> str:
    return re.search(r'href="(/static/[^"]+\.css)"', site.get("/").decode()).group(1)


def _get(site: LiveSite, path: str) -> Answer:
    return Visitor(site.base_url).get(path, follow=False)


def test_security_md_names_the_headers_production_sends():
    names = {name for name, _value in documented_headers()}
    for header in [
        "Strict-Transport-Security",
        "Content-Security-Policy",
        "Referrer-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Cross-Origin-Opener-Policy",
        "Cross-Origin-Resource-Policy",
        "Permissions-Policy",
        "Cache-Control",
        "Clear-Site-Data",
        "Access-Control-Allow-Origin",
    ]:
        assert header in names, f"docs/security.md does not say what {header} is"
    assert ("Content-Security-Policy", CONTENT_SECURITY_POLICY) in documented_headers()


def test_every_header_security_md_quotes_is_what_the_live_site_sends(live_site):
    static = _static_file(live_site)
    answers = {path: _get(live_site, path) for path in {"/", static, *WAAR.values()}}
    for path, answer in answers.items():
        assert answer.status in (200, 302), (path, answer.status)
    wrong = []
    for name, value in documented_headers():
        immutable = name == "Cache-Control" and "immutable" in value  # fingerprinted files
        path = static if immutable else WAAR.get(name, "/")
        sent = answers[path].headers.get_all(name) or []
        if value not in sent:
            wrong.append(f"{name} on {path}: the document says {value!r}, the site sends {sent}")
    assert not wrong, "\n".join(wrong)


def test_pages_and_api_answers_are_never_cached_in_production(live_site):
    for path in ["/", "/kaart/", "/wegwijzer/", "/api/v1/begrippen", "/melden/"]:
        assert _get(live_site, path).headers["Cache-Control"] == "no-store", path


def test_a_public_page_sets_no_cookie_in_production(live_site):
    for path in ["/", "/kaart/", "/begrippen/", "/api/v1/aanspreekpunten"]:
        assert not _get(live_site, path).headers.get_all("Set-Cookie"), path


@pytest.mark.parametrize("path", ["/wegwijzer/vraag/gevaar/", "/melden/opvolgen/"])
def test_the_csrf_cookie_of_a_form_is_host_bound_secure_and_ends_with_the_browser(live_site, path):
    cookies = _get(live_site, path).headers.get_all("Set-Cookie") or []
    csrf = [c for c in cookies if c.startswith("__Host-csrftoken=")]
    assert len(csrf) == 1, cookies
    attributes = {a.strip().split("=")[0].lower() for a in csrf[0].split(";")[1:]}
    assert {"secure", "httponly", "path", "samesite"} <= attributes, csrf
    assert "samesite=lax" in csrf[0].lower() and "path=/" in csrf[0].lower()
    assert not attributes & {"domain", "expires", "max-age"}, csrf

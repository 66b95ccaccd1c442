"""Every absolute link Vangnet gives out (API results and the API's own documents; the calendar feed in vorming/tests/test_kalender.py) is
under the site's public address (VANGNET_ADRES), not under whatever host the request named:
behind a proxy that is an internal name, and a link that leaves the site must work."""

import re

import pytest

pytestmark = pytest.mark.django_db

ADRES = "https://vangnet.example"
# Each with a query of its own, so no page cached by another test answers.
ADRESSEN = [
    "/api/v1/zoek?q=vertrouwenspersonen&n=adres",
    "/api/v1/aanspreekpunten?n=adres",
    "/api/v1/aanbod?n=adres",
    "/api/v1/openapi.json?n=adres",
    "/api/v1/hsds/?n=adres",
    "/api/v1/hsds/services?n=adres",
    "/api/v1/vorming?n=adres",
    "/api/v1/verplichtingen?n=adres",
]


@pytest.mark.parametrize("pad", ADRESSEN)
def test_absolute_links_use_the_public_address_not_the_host_of_the_request(client, settings, pad):
    settings.VANGNET_ADRES = ADRES
    settings.ALLOWED_HOSTS = ["intern.local"]
    antwoord = client.get(pad, HTTP_HOST="intern.local")
    assert antwoord.status_code == 200, pad
    inhoud = antwoord.content.decode()
    links = re.findall(r"https?://[^\s\"'<>\\]+", inhoud)
    eigen = [link for link in links if "intern.local" in link or "testserver" in link]
    assert eigen == [], eigen[:3]
    assert any(link.startswith(ADRES + "/") for link in links), "no link to check"

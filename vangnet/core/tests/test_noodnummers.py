"""The emergency numbers in Vangnet's own texts dial: on a phone, a person in danger taps
112, 101 or 1712 instead of reading and typing it (the brief: phone numbers as digits in
``tel:`` links).

Checked where the site itself says them: the footer of every page and the urgent notices
(``.melding--dringend``), in the three languages. A contact point's own description may
name its number in a sentence; its card carries the number as a link of its own.
"""

import re
from html.parser import HTMLParser

from django.urls import reverse
from django.utils import translation

import pytest

from vangnet.meldingen.tests.factories import maak_team

pytestmark = pytest.mark.django_db

NUMMER = re.compile(r"(?<!\d)(112|101|1712)(?!\d)")


class Noodteksten(HTMLParser):
    """The text of the footer and of the urgent notices, without what ``tel:`` links say."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool, bool]] = []  # (tag, counts, is a tel: link)
        self.tekst: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributen = dict(attrs)
        klassen = (attributen.get("class") or "").split()
        telt = (tag == "footer" and "voet" in klassen) or "melding--dringend" in klassen
        tel = tag == "a" and (attributen.get("href") or "").startswith("tel:")
        if tel and self._binnen():
            self.links.append(attributen["href"])
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.open.append((tag, telt, tel))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def _binnen(self) -> bool:
        return any(telt for _tag, telt, _tel in self.open)

    def handle_data(self, data: str) -> None:
        if self._binnen() and not any(tel for _tag, _telt, tel in self.open):
            self.tekst.append(data)


def noodteksten(html: str) -> Noodteksten:
    lezer = Noodteksten()
    lezer.feed(html)
    return lezer


def paginas() -> list[str]:
    maak_team("test-api", leden=("hanne",))
    namen = [
        ("core:home", []),
        ("wegwijzer:start", []),
        ("wegwijzer:eerste-opvang", []),
        ("toolbox:na-een-incident", []),
        ("kaart:index", []),
        ("kaart:aanspreekpunt", ["noodnummer-112"]),
        ("meldingen:formulier", ["test-api"]),
    ]
    paden = []
    for taal in ("nl", "fr", "en"):
        with translation.override(taal):
            paden += [reverse(naam, args=args) for naam, args in namen]
            paden.append(reverse("core:home") + "bestaat-niet/")
    return paden


def test_every_emergency_number_the_site_says_itself_is_a_link_that_dials(client):
    for pad in paginas():
        antwoord = client.get(pad)
        assert antwoord.status_code in (200, 404), pad
        lezer = noodteksten(antwoord.content.decode())
        los = NUMMER.findall(" ".join(lezer.tekst))
        assert not los, f"{pad}: {los} not as a tel: link"
        # The footer dials all three, on every page.
        assert {"tel:112", "tel:101", "tel:1712"} <= set(lezer.links), pad


def test_a_number_outside_a_link_is_found():
    # The check itself: a number in plain text of a notice counts, one in a link does not.
    lezer = noodteksten(
        '<div class="melding melding--dringend"><p>Bel 112 of <a href="tel:101">101</a>.</p>'
        "</div><p>1712</p>"
    )
    assert NUMMER.findall(" ".join(lezer.tekst)) == ["112"]
    assert lezer.links == ["tel:101"]

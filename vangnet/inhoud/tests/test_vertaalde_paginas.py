"""The French and English pages show the data's French and English text (issue 11).

``test_vertalingen.py`` checks that every person-facing text exists in fr and en in the data
files; these tests check that the pages then show it: a text a page shows in Dutch must sit
in an element marked ``lang="nl"`` (WCAG 3.1.2, ``{% vertaald %}``), so no Dutch text of a
translated record may appear in a French or English page outside such an element.
"""

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import pytest
import yaml

from vangnet.wegwijzer.tests.test_views import ANTWOORDEN

pytestmark = pytest.mark.django_db

DATA = Path(settings.DATA_DIR)
TALEN = ("fr", "en")
#: Shorter texts ("taal", "gratis") may be a word of another text or a proper name.
MINSTE_LENGTE = 15
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class BuitenNederlands(HTMLParser):
    """The text of ``<main>`` outside elements marked ``lang="nl"``."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []
        self.in_main = 0
        self.in_nl = 0
        self.delen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        nl = dict(attrs).get("lang") == "nl"
        self.open.append((tag, nl))
        self.in_main += tag == "main"
        self.in_nl += nl

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            naam, nl = self.open.pop()
            self.in_nl -= nl
            self.in_main -= naam == "main"
            if naam == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_main and not self.in_nl:
            self.delen.append(data)

    @classmethod
    def tekst(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join(" ".join(parser.delen).split())


def _vertalingen(deel: Any) -> list[dict[str, str]]:
    """Every ``{nl, fr, en}`` text in a record, however deep."""
    if isinstance(deel, dict):
        if "nl" in deel and all(isinstance(v, str) for v in deel.values()):
            return [deel]
        return [t for waarde in deel.values() for t in _vertalingen(waarde)]
    if isinstance(deel, list):
        return [t for item in deel for t in _vertalingen(item)]
    return []


@cache
def _vertaald_corpus(taal: str) -> str:
    """Every French or English text of the data files: a Dutch text found in it is a proper
    name the translations keep (``Centrum Algemeen Welzijnswerk (general welfare centre)``)."""
    return " ".join(
        " ".join(t[taal].split())
        for bestand in sorted(DATA.glob("*.yaml"))
        for t in _vertalingen(yaml.safe_load(bestand.read_text(encoding="utf-8")))
        if t.get(taal)
    )


def _nederlands(record: dict, taal: str) -> list[str]:
    """The Dutch texts of ``record`` that a page in ``taal`` must not show unmarked."""
    teksten = (" ".join(t["nl"].split()) for t in _vertalingen(record))
    return [
        nl
        for nl in teksten
        if len(nl) >= MINSTE_LENGTE and " " in nl and nl not in _vertaald_corpus(taal)
    ]


def _records(bestand: str) -> list[dict]:
    return yaml.safe_load((DATA / bestand).read_text(encoding="utf-8"))


def _dutch_outside_lang_nl(html: str, records: list[dict], taal: str) -> list[str]:
    tekst = BuitenNederlands.tekst(html)
    return [
        f"{record['id']}: {nl}"
        for record in records
        for nl in _nederlands(record, taal)
        if nl in tekst
    ]


@pytest.mark.parametrize("taal", TALEN)
def test_a_route_with_the_urgent_zsg_step_has_no_dutch_outside_lang_nl(client, taal):
    for vraag, antwoord in ANTWOORDEN.items():  # sexual violence at work, less than a week ago
        client.post(f"/{taal}/wegwijzer/vraag/{vraag}/", {"antwoord": antwoord})
    # The route page shows the first steps; the rest is one tap away on route/meer/.
    html = "".join(
        client.get(f"/{taal}/wegwijzer/{pad}/").content.decode() for pad in ("route", "route/meer")
    )

    zsg = next(r for r in _records("aanspreekpunten.yaml") if r["id"] == "zsg")
    assert 'id="stap-zsg"' in html
    assert zsg["opvolging"][0][taal] in BuitenNederlands.tekst(html)
    assert not _dutch_outside_lang_nl(html, _records("aanspreekpunten.yaml"), taal)


@pytest.mark.parametrize("taal", TALEN)
@pytest.mark.parametrize(
    ("bestand", "adres"),
    [
        ("aanspreekpunten.yaml", "kaart:aanspreekpunt"),
        ("aanbod.yaml", "kaart:aanbod"),
        ("organisaties.yaml", "kaart:organisatie"),
    ],
)
def test_every_kaart_page_shows_its_record_in_the_page_language(client, taal, bestand, adres):
    fouten = []
    for record in _records(bestand):
        with translation.override(taal):
            url = reverse(adres, args=[record["id"]])
        response = client.get(url)
        assert response.status_code == 200, url
        fouten += [
            f"{url} {fout}"
            for fout in _dutch_outside_lang_nl(response.content.decode(), [record], taal)
        ]
    assert not fouten, "Dutch text outside lang=nl:\n" + "\n".join(fouten)


def test_the_check_finds_dutch_that_is_not_marked():
    record = {"id": "x", "tekst": {"nl": "Je belt en iemand luistert.", "fr": "Vous appelez."}}
    ongemarkeerd = "<main><p>Je belt en iemand luistert.</p></main>"
    gemarkeerd = '<main><p><span lang="nl">Je belt en iemand luistert.</span> (nl)</p></main>'

    assert _dutch_outside_lang_nl(ongemarkeerd, [record], "fr") == [
        "x: Je belt en iemand luistert."
    ]
    assert _dutch_outside_lang_nl(gemarkeerd, [record], "fr") == []

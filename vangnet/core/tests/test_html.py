"""What the Nu HTML Checker looks at, checked with an HTML5 parser on every page type.

The checker itself (vnu) needs Java; html5lib parses as browsers do (the WHATWG algorithm)
and reports the same parse errors. On top of that: forms say where they go (no empty
``action``), no id is used twice, and the language switch names each language in that
language, with ``lang`` and ``hreflang`` (a screen reader reads "English" in English,
not the Dutch "Engels").
"""

from collections import Counter

from django.test import Client

import html5lib
import pytest

from vangnet.core.tests import paginas

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/1999/xhtml}"
TALEN = {"nl": "NL – Nederlands", "fr": "FR – Français", "en": "EN – English"}


def paginatypes(taal: str) -> dict[str, str]:
    """One page per address name (the first of each family), in ``taal``."""
    uit: dict[str, str] = {}
    for pad, naam in paginas.publieke_paginas(taal).items():
        uit.setdefault(naam, pad)
    return uit


def ontleed(html: str):
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"))
    boom = parser.parse(html)
    return boom, [fout for _positie, fout, _gegevens in parser.errors]


def tekst(element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture(scope="module")
def paginas_per_taal(django_db_setup, django_db_blocker) -> dict[str, dict[str, str]]:
    """Path -> HTML of one page per type in each language (fetched once for every test)."""
    client = Client()
    uit: dict[str, dict[str, str]] = {}
    with django_db_blocker.unblock():
        for taal in TALEN:
            uit[taal] = {
                pad: client.get(pad).content.decode() for pad in paginatypes(taal).values()
            }
    return uit


@pytest.mark.parametrize("taal", list(TALEN))
def test_every_page_type_parses_as_html5_without_errors(paginas_per_taal, taal):
    fouten = {pad: ontleed(html)[1] for pad, html in paginas_per_taal[taal].items()}
    assert len(fouten) > 20
    assert not any(fouten.values()), {pad: f for pad, f in fouten.items() if f}


@pytest.mark.parametrize("taal", list(TALEN))
def test_no_form_has_an_empty_action_and_no_id_is_used_twice(paginas_per_taal, taal):
    leeg, dubbel = {}, {}
    for pad, html in paginas_per_taal[taal].items():
        boom, _fouten = ontleed(html)
        acties = [f.get("action") for f in boom.iter(f"{NS}form") if "action" in f.attrib]
        if any(not a.strip() for a in acties):
            leeg[pad] = acties
        ids = Counter(e.get("id") for e in boom.iter() if e.get("id"))
        if any(n > 1 for n in ids.values()):
            dubbel[pad] = [i for i, n in ids.items() if n > 1]
    assert not leeg, leeg
    assert not dubbel, dubbel


@pytest.mark.parametrize("taal", list(TALEN))
def test_the_language_switch_names_each_language_in_that_language(paginas_per_taal, taal):
    for pad, html in paginas_per_taal[taal].items():
        boom, _fouten = ontleed(html)
        nav = next(n for n in boom.iter(f"{NS}nav") if "kop__talen" in n.get("class", ""))
        links = list(nav.iter(f"{NS}a"))
        assert len(links) == len(TALEN) - 1, pad
        for link in links:
            code = link.get("lang")
            assert link.get("hreflang") == code, pad
            assert tekst(link) == TALEN[code], (pad, tekst(link))
        huidig = next(s for s in nav.iter(f"{NS}span") if s.get("aria-current"))
        assert huidig.get("lang") == taal and tekst(huidig) == TALEN[taal].replace(" –", ""), pad

"""Printed matter (the vangnet posters, a reporting point's affiche) as PDF, from templates.

A sheet is an HTML template and a CSS template, laid out by WeasyPrint (ADR 0014): the
layout is the browser's box model, not a hand-written engine, so a designer changes a
poster the way they change a page. This module only renders: what is printed, and in
which language, is decided by the caller and the templates.

Rendering never reaches out. The only resources a sheet may load are the typeface files
shipped inside reportlab (Bitstream Vera, embedded so the print shop sees exactly what
was laid out, and it has œ and €); any other address is refused, so nothing typed into a
form can make the server fetch something.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import get_language

import reportlab
import weasyprint
from weasyprint.text.fonts import FontConfiguration

#: Paper sizes a sheet may ask for, as CSS ``@page`` sizes.
PAPIER = {"a3": "A3", "a4": "A4", "a5": "A5"}
_LETTERMAP = Path(reportlab.__file__).parent / "fonts"


@dataclass(frozen=True)
class Drukwerk:
    """A rendered sheet: the PDF, how many pages it took, and the page (counted from 0)
    on which each element with an ``id`` begins (a poster checks where its parts landed)."""

    pdf: bytes
    paginas: int
    ankers: Mapping[str, int] = field(default_factory=dict)


@functools.cache
def _letters() -> dict[str, str]:
    """The typeface files as ``file:`` addresses for the CSS ``@font-face`` rules."""
    return {
        "gewoon": (_LETTERMAP / "Vera.ttf").as_uri(),
        "vet": (_LETTERMAP / "VeraBd.ttf").as_uri(),
        "schuin": (_LETTERMAP / "VeraIt.ttf").as_uri(),
    }


class _AlleenLetters(weasyprint.URLFetcher):
    """WeasyPrint's fetcher, limited to the typeface files: nothing else is ever loaded."""

    def fetch(self, url: str, headers: dict | None = None) -> object:
        if url not in _letters().values():
            # WeasyPrint logs this and leaves the resource out; the sheet still renders.
            raise ValueError(f"A printed sheet loads nothing but its typeface, not {url!r}")
        return super().fetch(url, headers)


def render(html_template: str, css_template: str, context: Mapping[str, object]) -> Drukwerk:
    """Render ``html_template`` with the stylesheet ``css_template`` to a tagged PDF.

    Both templates get ``context`` plus ``letters`` (the typeface addresses) and ``taal``
    (the active language, for ``<html lang>``, which becomes the PDF's language). The
    document's ``<title>`` becomes the PDF's title. The same input gives the same bytes.
    """
    volledig = {**context, "letters": _letters(), "taal": get_language() or "nl"}
    html = render_to_string(html_template, volledig)
    css = render_to_string(css_template, volledig)
    ophaler = _AlleenLetters(allowed_protocols=("file",))
    letters = FontConfiguration()  # makes the @font-face rules take effect
    document = weasyprint.HTML(string=html, url_fetcher=ophaler).render(
        stylesheets=[weasyprint.CSS(string=css, url_fetcher=ophaler, font_config=letters)],
        font_config=letters,
    )
    ankers: dict[str, int] = {}
    for nummer, pagina in enumerate(document.pages):
        for anker in pagina.anchors:
            ankers.setdefault(anker, nummer)
    # Tagged: a screen reader reads the headings and lists in order, not loose glyphs.
    return Drukwerk(document.write_pdf(pdf_tags=True), len(document.pages), ankers)

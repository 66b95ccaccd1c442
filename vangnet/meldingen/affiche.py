"""The meldpunt affiche: a QR code and a printable poster for a public reporting point.

A visitor of a concert, club or festival sees the poster, scans the code and reports on
their phone in under a minute, anonymously if they wish (action 2.5 of the Flemish action
plan against grensoverschrijdend gedrag in the cultural sector). This module only draws:
the QR code as SVG or PNG for the web, and the poster as a one-page PDF. Which receiver,
which address and which window are decided elsewhere and arrive in an ``Affiche``.

One encoder, segno, makes every code, so the code on paper is the very same symbol as the
one on the screen. The poster uses the typeface, ink and text blocks of the wegwijzer
poster; its wording is Dutch gettext, so it is printed in the active language.

Layout, top to bottom: the receiver's name, the question, the call to report, the QR code
as large as the page allows, the short address with the opening window and the languages
of the form, and an emergency band "In nood? Bel 112." at the foot of the page.
"""

import functools
import io
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import get_language
from django.utils.translation import gettext as _

import segno
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Path, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from vangnet.wegwijzer.poster import (
    ALARM,
    INKT,
    LETTER,
    LETTER_VET,
    TITEL,
    WIT,
    Stapel,
    Tekst,
    registreer_letters,
)

__all__ = ["FORMATEN", "Affiche", "AffichePastNiet", "affiche_pdf", "qr_png", "qr_svg"]


@dataclass(frozen=True)
class Affiche:
    """Everything printed on one meldpunt poster that is not fixed wording.

    ``venster`` is the opening window in words, already in the poster's language ("" for
    a venue that is always open); ``talen`` the languages the form is offered in.
    """

    naam: str
    url: str
    korte_url: str
    venster: str = ""
    talen: tuple[str, ...] = ("nl",)


class AffichePastNiet(ValueError):
    """The text leaves too little room for a QR code that can still be scanned."""


FORMATEN = ("a4", "a5")


# --------------------------------------------------------------------------- QR code

_QR_RAND = 4  # modules of quiet zone: the minimum the QR standard asks for


@functools.lru_cache(maxsize=32)  # the layout asks for the code's size many times
def _qr(url: str) -> segno.QRCode:
    """The code for ``url``: always a full QR code, error correction at least M.

    ``make_qr`` rather than ``make``: segno would pick a Micro QR for a short text, and
    many phone cameras cannot read those. Level M survives a scuffed or folded print;
    segno raises it further for free when that does not make the code bigger.
    """
    delen = urlsplit(url)
    if delen.scheme not in ("http", "https") or not delen.netloc:
        # A relative address printed on paper leads nowhere.
        raise ValueError(f"A QR code needs an absolute http(s) address, got {url!r}")
    return segno.make_qr(url, error="m")


def qr_svg(url: str) -> str:
    """The QR code for ``url`` as a standalone SVG document, also fit to inline in HTML.

    Dark modules on white with a four-module quiet zone. It has a viewBox and no fixed
    size, so the stylesheet decides how large it shows; ``role="img"`` and a ``<title>``
    give screen readers a name for it.
    """
    buffer = io.BytesIO()
    _qr(url).save(
        buffer,
        kind="svg",
        xmldecl=False,
        border=_QR_RAND,
        dark="#000",
        light="#fff",
        omitsize=True,
        title=_("QR-code naar het meldformulier: %(adres)s") % {"adres": url},
        nl=False,
    )
    svg = buffer.getvalue().decode("utf-8")
    # segno has no parameter for these attributes. crispEdges keeps the module rows from
    # showing hairline seams when the browser scales the code by a fraction.
    return svg.replace("<svg ", '<svg role="img" shape-rendering="crispEdges" ', 1)


def qr_png(url: str, schaal: int = 10) -> bytes:
    """The QR code for ``url`` as PNG bytes, ``schaal`` pixels per module, quiet zone
    included."""
    buffer = io.BytesIO()
    _qr(url).save(buffer, kind="png", scale=schaal, border=_QR_RAND, dark="#000", light="#fff")
    return buffer.getvalue()


def _qr_vorm(url: str, x: float, y: float, code: float) -> Group:
    """The code as vector shapes: a white square with the quiet zone, and one path of the
    dark modules, ``code`` points wide without the quiet zone, lower left corner of the
    square at (x, y).

    One path, with one rectangle per run of dark modules in a row: a single filled shape
    is anti-aliased as a whole, so no viewer shows seams between touching modules.
    """
    matrix = _qr(url).matrix
    n = len(matrix)
    module = code / n
    zijde = code + 2 * _QR_RAND * module
    groep = Group(Rect(x, y, zijde, zijde, fillColor=WIT, strokeColor=None))
    pad = Path(fillColor=colors.black, strokeColor=None)
    links, top = x + _QR_RAND * module, y + zijde - _QR_RAND * module
    for r, rij in enumerate(matrix):
        boven, onder = top - r * module, top - (r + 1) * module
        k = 0
        while k < n:
            if not rij[k]:
                k += 1
                continue
            begin = k
            while k < n and rij[k]:
                k += 1
            x0, x1 = links + begin * module, links + k * module
            pad.moveTo(x0, onder)
            pad.lineTo(x1, onder)
            pad.lineTo(x1, boven)
            pad.lineTo(x0, boven)
            pad.closePath()
    groep.add(pad)
    return groep


# --------------------------------------------------------------------------- poster


@dataclass(frozen=True)
class _Formaat:
    """How a page size is used: lengths and text scale with the page width."""

    pagina: tuple[float, float]
    schaal: float
    qr_min_mm: float  # width of the code without quiet zone: below this, refuse
    qr_max_mm: float  # beyond this a bigger code helps nobody and crowds the text

    @property
    def marge(self) -> float:
        return 15 * mm * self.schaal  # printers cannot print to the edge

    @property
    def tussen(self) -> float:
        return 14 * self.schaal  # the smallest gap between the parts of the poster


_FORMAAT_REGELS = {
    "a4": _Formaat(A4, 1.0, 60, 100),
    "a5": _Formaat(A5, A5[0] / A4[0], 45, 70),
}

# Text sizes in points on A4 at factor 1. Large enough to read from 2 m: the title's
# capitals are over 10 mm tall, the address and the emergency line over 6 mm.
_PT = {
    "naam": 20.0,
    "titel": 40.0,
    "oproep": 22.0,
    "adres": 24.0,
    "venster": 18.0,
    "talen": 16.0,
    "nood": 26.0,
}
# Long names or windows first shrink the text, down to this factor, before the code has
# to shrink below its minimum.
_FACTOREN = tuple(1.0 - i * 0.05 for i in range(7))  # 1.0 down to 0.7


@dataclass(frozen=True)
class _Opmaak:
    """One layout, measured: blocks and the code size that fill the page."""

    kop: Stapel
    adres: Stapel
    nood: Tekst
    nood_pad: float
    code: float  # width of the QR code in points, quiet zone excluded
    qr_zijde: float  # with quiet zone
    boven_qr: float  # the gap above the code; the rest of the spare height goes above the band


def _opmaak(affiche: Affiche, regels: _Formaat, f: float) -> _Opmaak | None:
    """Measure the poster at text factor ``f``; None when the code would be too small."""
    s = regels.schaal
    w_pagina, h_pagina = regels.pagina
    marge, min_tussen = regels.marge, regels.tussen
    breedte = w_pagina - 2 * marge

    def pt(soort: str) -> float:
        return _PT[soort] * s * f

    kop = Stapel(
        [
            Tekst(affiche.naam, LETTER_VET, pt("naam"), TITEL, breedte, midden=True),
            Tekst(
                _("Iets meegemaakt of gezien dat over de grens ging?"),
                LETTER_VET,
                pt("titel"),
                TITEL,
                breedte,
                midden=True,
                interlinie=1.1,
            ),
            Tekst(
                _("Meld het hier, anoniem als je wil. Het duurt minder dan een minuut."),
                LETTER,
                pt("oproep"),
                INKT,
                breedte,
                midden=True,
            ),
        ],
        10 * s,
    )
    talen = " · ".join(taal.upper() for taal in affiche.talen)
    adres = Stapel(
        [
            Tekst(affiche.korte_url, LETTER_VET, pt("adres"), INKT, breedte, midden=True),
            Tekst(affiche.venster, LETTER, pt("venster"), INKT, breedte, midden=True),
            Tekst(talen, LETTER_VET, pt("talen"), INKT, breedte, midden=True),
        ],
        6 * s,
    )
    nood_pad = 10 * s
    nood = Tekst(
        _("In nood? Bel 112."), LETTER_VET, pt("nood"), WIT, breedte - 2 * nood_pad, midden=True
    )

    n = len(_qr(affiche.url).matrix)
    # Three gaps: above the code, between code and address, above the emergency band.
    vast = kop.hoogte + adres.hoogte + nood.hoogte + 2 * nood_pad + 3 * min_tussen
    ruimte = h_pagina - 2 * marge - vast
    # The quiet zone is white paper: it may reach into the gaps, but not off the page.
    qr_zijde = min(ruimte, breedte, regels.qr_max_mm * mm * (n + 2 * _QR_RAND) / n)
    code = qr_zijde * n / (n + 2 * _QR_RAND)
    if code < regels.qr_min_mm * mm:
        return None
    # Spare height goes to the gaps above the code and above the band. The code's quiet
    # zone already looks like a gap, so the gap above it gets that much less.
    stilte = (qr_zijde - code) / 2
    return _Opmaak(
        kop=kop,
        adres=adres,
        nood=nood,
        nood_pad=nood_pad,
        code=code,
        qr_zijde=qr_zijde,
        boven_qr=max(min_tussen, (2 * min_tussen + ruimte - qr_zijde - stilte) / 2),
    )


def _tekening(affiche: Affiche, formaat: str = "a4") -> Drawing:
    """Lay out ``affiche`` on ``formaat`` and return it as one reportlab Drawing."""
    if formaat not in FORMATEN:
        raise ValueError(f"Unknown poster format {formaat!r}; choose one of {FORMATEN}")
    registreer_letters()
    regels = _FORMAAT_REGELS[formaat]
    opmaak = next((o for f in _FACTOREN if (o := _opmaak(affiche, regels, f)) is not None), None)
    if opmaak is None:
        raise AffichePastNiet(
            f"The text leaves no room for a {regels.qr_min_mm:.0f} mm QR code on "
            f"{formaat.upper()}, even at the smallest text size; shorten the name or window."
        )

    s = regels.schaal
    w_pagina, h_pagina = regels.pagina
    marge = regels.marge
    breedte = w_pagina - 2 * marge
    tekening = Drawing(w_pagina, h_pagina)
    g = Group(Rect(0, 0, w_pagina, h_pagina, fillColor=WIT, strokeColor=None))
    tekening.add(g)

    y = h_pagina - marge
    opmaak.kop.teken(g, marge, y)
    y -= opmaak.kop.hoogte + opmaak.boven_qr
    g.add(_qr_vorm(affiche.url, (w_pagina - opmaak.qr_zijde) / 2, y - opmaak.qr_zijde, opmaak.code))
    y -= opmaak.qr_zijde + regels.tussen
    opmaak.adres.teken(g, marge, y)

    # The emergency band sits on the bottom margin: the last thing the eye lands on.
    band = opmaak.nood.hoogte + 2 * opmaak.nood_pad
    g.add(Rect(marge, marge, breedte, band, rx=8 * s, ry=8 * s, fillColor=ALARM, strokeColor=None))
    opmaak.nood.teken(g, marge + opmaak.nood_pad, marge + band - opmaak.nood_pad)
    return tekening


def affiche_pdf(affiche: Affiche, formaat: str = "a4") -> bytes:
    """The poster as a one-page PDF, A4 or A5 portrait, in the active language.

    Raises ``ValueError`` for an unknown format or a relative ``url``, and
    ``AffichePastNiet`` (a ``ValueError``) when the name and window are too long to
    leave room for a scannable code. The same affiche gives the same bytes.
    """
    tekening = _tekening(affiche, formaat)
    buffer = io.BytesIO()
    # invariant: no timestamps or random ids, so a re-render is byte-for-byte the same.
    canvas = Canvas(
        buffer, pagesize=_FORMAAT_REGELS[formaat].pagina, invariant=1, lang=get_language()
    )
    canvas.setTitle(f"{affiche.naam}: {_('Iets meegemaakt of gezien dat over de grens ging?')}")
    canvas.setAuthor(affiche.naam)
    canvas.setCreator("Vangnet")
    renderPDF.draw(tekening, canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()

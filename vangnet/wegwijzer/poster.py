"""The "vangnet" poster: a printable flowchart of where people can go for help.

The poster is drawn once, as a single reportlab ``Drawing``, and that same drawing is
rendered to PDF (for print) and SVG (for the web), so the two can never tell a different
story. Everything on it arrives already translated: this module lays out text, it never
chooses words.

Layout, top to bottom: title and subtitle, with the optional QR code in the top right
corner; for an organisation's own poster a highlighted block with its own contact points
(what people need first); the levels of the vangnet as bands joined by arrows, from close
by to specialised, each with its contact points as boxes; a footer with the legend of the
markers and the footnote.

When the content is long the text shrinks, never below a legible floor; then the padding
shrinks; then, as a last resort, the boxes get one column more. A poster that still does
not fit is refused with ``PosterPastNiet`` rather than printed with contact points
missing: a vangnet with a silent hole in it is worse than none.
"""

import functools
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

import reportlab
from reportlab.graphics import renderPDF, renderSVG
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

__all__ = [
    "FORMATEN",
    "EigenPunt",
    "Poster",
    "PosterNiveau",
    "PosterPastNiet",
    "PosterPunt",
    "render_pdf",
    "render_svg",
]


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class PosterPunt:
    """One contact point on the poster."""

    naam: str
    voor_wie: str
    bereik: str
    anoniem: bool | None
    kosteloos: bool | None


@dataclass(frozen=True)
class PosterNiveau:
    """One band of the flowchart, top to bottom.

    ``dringend`` marks the emergency band (red border, "!" badge). ``None``, the default,
    means "only if it is the first band", which is where "Nu in gevaar" belongs.
    """

    titel: str
    uitleg: str
    punten: tuple[PosterPunt, ...]
    dringend: bool | None = None


@dataclass(frozen=True)
class EigenPunt:
    """An organisation's own contact point, filled in on a form."""

    soort: str
    naam: str
    bereik: str


@dataclass(frozen=True)
class Poster:
    """Everything printed on one poster, already translated.

    ``organisatie_kop`` is the heading of the organisation block (e.g. "Bij Theater X");
    left empty, the organisation name itself is the heading.
    """

    titel: str
    ondertitel: str
    niveaus: tuple[PosterNiveau, ...]
    voetnoot: str
    organisatie: str = ""
    eigen_punten: tuple[EigenPunt, ...] = ()
    qr_url: str = ""
    qr_uitleg: str = ""
    legende_anoniem: str = "anoniem mogelijk"
    legende_gratis: str = "gratis"
    organisatie_kop: str = ""


class PosterPastNiet(ValueError):
    """The content does not fit on the page even at the smallest legible text size."""


FORMATEN: dict[str, tuple[float, float]] = {"a4": A4, "a3": A3}


@dataclass(frozen=True)
class _Formaat:
    """How a page size is used. Lengths scale with the page; text scales a little less,
    so the bigger sheet shows more columns rather than just bigger letters."""

    lengteschaal: float
    tekstschaal: float
    max_kolommen: int
    bodem_pt: float  # smallest text size allowed anywhere on the poster
    qr_mm: float  # width of the QR modules, quiet zone excluded


_FORMAAT_REGELS = {
    "a4": _Formaat(1.0, 1.0, 3, 6.5, 30),
    "a3": _Formaat(A3[0] / A4[0], 1.3, 4, 7.5, 40),
}

# Text sizes in points on A4 at font factor 1. The body text of a box is the size that
# hits the floor first; every other size keeps its proportion to it until then.
_PT = {
    "titel": 24.0,
    "ondertitel": 11.5,
    "org_kop": 15.0,
    "eigen_soort": 8.5,
    "eigen_naam": 12.0,
    "eigen_bereik": 10.0,
    "band_titel": 13.5,
    "band_uitleg": 9.5,
    "badge": 11.0,
    "punt_naam": 9.5,
    "punt_tekst": 8.5,
    "punt_bereik": 8.5,
    "marker": 7.0,
    "voet": 8.0,
    "qr_uitleg": 8.5,
}
_F_MAX = 1.25  # a sparse poster may grow its text by this much to fill the sheet
_F_STAP = 0.025
_PADDING_STAPPEN = (1.0, 0.8, 0.6, 0.45)

_LETTER = "VangnetVera"
_LETTER_VET = "VangnetVera-Bold"
# SVG viewers do not have our registered names; DejaVu Sans shares Vera's metrics, so text
# measured for Vera still fits its box there.
_SVG_FAMILIE = "Vera, 'Bitstream Vera Sans', 'DejaVu Sans', Verdana, sans-serif"


# --------------------------------------------------------------------------- colours
# All text colours are chosen for WCAG contrast >= 4.5:1 on the surface they sit on;
# the tests measure it on the finished drawing.

_WIT = colors.white
_INKT = colors.HexColor("#1A1A1A")
_INKT_ZACHT = colors.HexColor("#3D3D3D")
_TITEL = colors.HexColor("#14213D")
_LIJN = colors.HexColor("#9A9A9A")
_PIJL = colors.HexColor("#4A4A4A")
_MARKER_VLAK = colors.HexColor("#F1F1F1")


@dataclass(frozen=True)
class _Palet:
    vlak: colors.Color  # band background
    accent: colors.Color  # band border, badge, box border, band title and reach text


_PALET_DRINGEND = _Palet(colors.HexColor("#FDEDEC"), colors.HexColor("#A61B12"))
_PALETTEN = (
    _Palet(colors.HexColor("#EAF2FB"), colors.HexColor("#245A87")),
    _Palet(colors.HexColor("#EAF6EE"), colors.HexColor("#2A6340")),
    _Palet(colors.HexColor("#F3EEF9"), colors.HexColor("#57408A")),
    _Palet(colors.HexColor("#FFF4E5"), colors.HexColor("#7F4F00")),
)
_PALET_ORGANISATIE = _Palet(colors.HexColor("#FFF6CC"), colors.HexColor("#6B4E00"))


# --------------------------------------------------------------------------- fonts


@functools.cache
def _registreer_letters() -> None:
    """Register Bitstream Vera (shipped inside reportlab) once per process.

    The PDF standard fonts cannot show œ or €; an embedded TrueType font can, and
    embedding also makes the print shop see exactly what we measured.
    """
    map_ = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(_LETTER, os.path.join(map_, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(_LETTER_VET, os.path.join(map_, "VeraBd.ttf")))


# --------------------------------------------------------------------------- text wrapping

# Separators that must stay with the word before them, so no line starts with "·".
_AANHANGERS = {"·", "–", "—", "|", "/", "•"}
# Where a word that is too long for the line may be cut without a hyphen (URLs, e-mail).
_NATUURLIJKE_BREUK = "/.@_-"


@functools.lru_cache(maxsize=8192)
def _eenheidsbreedte(tekst: str, letter: str) -> float:
    # reportlab measures TrueType text in pure Python; the fitting loop measures the same
    # words at many sizes, and width scales linearly with size.
    return pdfmetrics.stringWidth(tekst, letter, 1.0)


def _breedte(tekst: str, letter: str, grootte: float) -> float:
    return _eenheidsbreedte(tekst, letter) * grootte


def _afbreken(tekst: str, letter: str, grootte: float, breedte: float) -> list[str]:
    """Wrap ``tekst`` into lines no wider than ``breedte`` points.

    Breaks at spaces; a single word wider than the line is cut, preferably after a
    natural break character (so URLs stay readable), otherwise with a hyphen.
    """
    woorden: list[str] = []
    for woord in tekst.split():
        if woord in _AANHANGERS and woorden:
            woorden[-1] = f"{woorden[-1]} {woord}"
        else:
            woorden.append(woord)

    spatie = _breedte(" ", letter, grootte)
    regels: list[str] = []
    huidig, huidig_breedte = "", 0.0
    for woord in woorden:
        w = _breedte(woord, letter, grootte)
        # TrueType text has no kerning here, so widths simply add up.
        if huidig and huidig_breedte + spatie + w <= breedte:
            huidig, huidig_breedte = f"{huidig} {woord}", huidig_breedte + spatie + w
            continue
        if huidig:
            regels.append(huidig)
        while w > breedte:
            kop, woord = _knip(woord, letter, grootte, breedte)
            regels.append(kop)
            w = _breedte(woord, letter, grootte)
        huidig, huidig_breedte = woord, w
    if huidig:
        regels.append(huidig)
    return regels


def _knip(woord: str, letter: str, grootte: float, breedte: float) -> tuple[str, str]:
    """Split an over-long word into a head that fits and the rest."""
    past = 1  # always make progress, even if one character is wider than the line
    for lengte in range(len(woord) - 1, 0, -1):
        if _breedte(woord[:lengte] + "-", letter, grootte) <= breedte:
            past = lengte
            break
    # A natural break in the second half of what fits beats a hyphen.
    for i in range(past, past // 2, -1):
        if woord[i - 1] in _NATUURLIJKE_BREUK:
            return woord[:i], woord[i:]
    return woord[:past] + "-", woord[past:]


# --------------------------------------------------------------------------- layout blocks
# A block knows its height for a given width before anything is drawn, so the fitting
# loop can try many sizes cheaply and draw only the layout that fits.


class _Blok:
    hoogte: float = 0.0

    def teken(self, g: Group, x: float, top: float) -> None:
        raise NotImplementedError


class _Tekst(_Blok):
    """Wrapped lines of one font and size, top-aligned."""

    def __init__(
        self,
        tekst: str,
        letter: str,
        grootte: float,
        kleur: colors.Color,
        breedte: float,
        midden: bool = False,
        interlinie: float = 1.16,
    ) -> None:
        self.regels = _afbreken(tekst, letter, grootte, breedte) if tekst.strip() else []
        self.letter, self.grootte, self.kleur = letter, grootte, kleur
        self.breedte, self.midden = breedte, midden
        self.stap = grootte * interlinie
        # Vera's ascent is 0.93 em and its descent 0.24 em: that, not the leading, is
        # what the first and last line need.
        n = len(self.regels)
        self.hoogte = (n - 1) * self.stap + 1.17 * grootte if n else 0.0
        self.verschuiving = 0.0  # extra drop of the last line, set by _Markers

    def teken(self, g: Group, x: float, top: float) -> None:
        laatste = len(self.regels) - 1
        for i, regel in enumerate(self.regels):
            g.add(
                String(
                    x + self.breedte / 2 if self.midden else x,
                    top
                    - 0.93 * self.grootte
                    - i * self.stap
                    - (self.verschuiving if i == laatste else 0.0),
                    regel,
                    fontName=self.letter,
                    fontSize=self.grootte,
                    fillColor=self.kleur,
                    textAnchor="middle" if self.midden else "start",
                )
            )


class _Stapel(_Blok):
    """Blocks under each other; empty blocks take no room and add no gap."""

    def __init__(self, blokken: Sequence[_Blok], tussen: float) -> None:
        self.blokken = [b for b in blokken if b.hoogte > 0]
        self.tussen = tussen
        self.hoogte = sum(b.hoogte for b in self.blokken) + tussen * max(0, len(self.blokken) - 1)

    def teken(self, g: Group, x: float, top: float) -> None:
        for blok in self.blokken:
            blok.teken(g, x, top)
            top -= blok.hoogte + self.tussen


class _Regel(_Blok):
    """Single-line runs of text on one shared baseline (a band title and its explanation)."""

    def __init__(self, stukken: Sequence[tuple[str, str, float, colors.Color]], tussen: float):
        self.stukken, self.tussen = stukken, tussen
        self.grootte = max(s[2] for s in stukken)
        self.hoogte = 1.17 * self.grootte
        self.breedte = sum(_breedte(t, letter, grootte) for t, letter, grootte, _ in stukken)
        self.breedte += tussen * (len(stukken) - 1)

    def teken(self, g: Group, x: float, top: float) -> None:
        basislijn = top - 0.93 * self.grootte
        for tekst, letter, grootte, kleur in self.stukken:
            g.add(String(x, basislijn, tekst, fontName=letter, fontSize=grootte, fillColor=kleur))
            x += _breedte(tekst, letter, grootte) + self.tussen


class _Markers(_Blok):
    """Text markers ("anoniem mogelijk", "gratis") as outlined pills, flowing into rows.

    They are words, not colours, so they survive black-and-white printing and colour
    blindness. Given ``na`` (the reach text), the pills join its last line when there is
    room: one line less per box adds up to a whole band on a full poster.
    """

    def __init__(
        self, labels: Sequence[str], grootte: float, breedte: float, na: _Tekst | None = None
    ) -> None:
        self.pad_x = 0.55 * grootte
        self.pad_y = 0.22 * grootte
        self.tussen = 0.5 * grootte
        self.na = na if na is not None and na.regels else None
        self.pillen: list[tuple[float, int, float, float, _Tekst]] = []  # x, row, w, h, text
        self.rijen: list[list[float]] = []  # [top offset, height] per row
        pillen = []
        for label in labels:
            tekst = _Tekst(label, _LETTER, grootte, _INKT, breedte - 2 * self.pad_x)
            if tekst.regels:
                w = max(_breedte(r, _LETTER, grootte) for r in tekst.regels) + 2 * self.pad_x
                pillen.append((tekst, w, tekst.hoogte + 2 * self.pad_y))
        x = 0.0
        if self.na:
            regel = 1.17 * self.na.grootte
            self.rijen.append([self.na.hoogte - regel, regel])
            x = _breedte(self.na.regels[-1], self.na.letter, self.na.grootte) + 1.5 * self.tussen
            groep = sum(w for _, w, _ in pillen) + self.tussen * (len(pillen) - 1)
            if x + groep > breedte:
                x = math.inf  # the pills stay together on a row of their own
        for tekst, w, h in pillen:
            if not self.rijen or (x > 0 and x + w > breedte):
                vorige = (
                    self.rijen[-1][0] + self.rijen[-1][1] + 0.6 * self.tussen if self.rijen else 0
                )
                self.rijen.append([vorige, 0.0])
                x = 0.0
            self.pillen.append((x, len(self.rijen) - 1, w, h, tekst))
            self.rijen[-1][1] = max(self.rijen[-1][1], h)
            x += w + self.tussen
        self.hoogte = self.rijen[-1][0] + self.rijen[-1][1] if self.rijen else 0.0
        if self.na:
            # Centre the last text line on the pills beside it.
            self.na.verschuiving = (self.rijen[0][1] - 1.17 * self.na.grootte) / 2

    def teken(self, g: Group, x: float, top: float) -> None:
        if self.na:
            self.na.teken(g, x, top)
        for dx, rij, w, h, tekst in self.pillen:
            rij_top, rij_hoogte = self.rijen[rij]
            y_top = top - rij_top - (rij_hoogte - h) / 2
            g.add(
                Rect(
                    x + dx,
                    y_top - h,
                    w,
                    h,
                    # ry too: without it the SVG renderer draws square corners.
                    rx=(r := h / 2 if len(tekst.regels) == 1 else self.pad_y * 2),
                    ry=r,
                    fillColor=_MARKER_VLAK,
                    strokeColor=_INKT_ZACHT,
                    strokeWidth=0.6,
                )
            )
            tekst.teken(g, x + dx + self.pad_x, y_top - self.pad_y)


class _Raster(_Blok):
    """Boxes in balanced columns, masonry style.

    Each box, in reading order, goes to the column that is shortest so far, at its own
    height: tall and short boxes pair up instead of every box in a row taking the
    tallest one's height. The last box of each column stretches down to the common
    bottom, so the band still ends in one straight edge.
    """

    def __init__(
        self,
        bouwers: Sequence[Callable[[float], _Blok]],
        breedte: float,
        max_kolommen: int,
        tussen: float,
        pad: float,
        vlak: colors.Color,
        rand: colors.Color,
        randdikte: float,
    ) -> None:
        self.tussen, self.pad = tussen, pad
        self.vlak, self.rand, self.randdikte = vlak, rand, randdikte
        self.kolommen: list[list[_Blok]] = []
        n = len(bouwers)
        if not n:
            return
        # 7 boxes in at most 3 columns: 3 columns; 4 boxes: 2 columns of 2, not 3 + 1.
        aantal = math.ceil(n / math.ceil(n / max_kolommen))
        self.doos = (breedte - (aantal - 1) * tussen) / aantal
        self.kolommen = [[] for _ in range(aantal)]
        hoogtes = [0.0] * aantal
        for bouw in bouwers:
            blok = bouw(self.doos - 2 * pad)
            k = hoogtes.index(min(hoogtes))
            hoogtes[k] += blok.hoogte + 2 * pad + (tussen if self.kolommen[k] else 0.0)
            self.kolommen[k].append(blok)
        self.hoogte = max(hoogtes)

    def teken(self, g: Group, x: float, top: float) -> None:
        onder = top - self.hoogte
        for k, kolom in enumerate(self.kolommen):
            links = x + k * (self.doos + self.tussen)
            y = top
            for i, blok in enumerate(kolom):
                laatste = i == len(kolom) - 1
                h = y - onder if laatste else blok.hoogte + 2 * self.pad
                g.add(
                    Rect(
                        links,
                        y - h,
                        self.doos,
                        h,
                        rx=4,
                        ry=4,
                        fillColor=self.vlak,
                        strokeColor=self.rand,
                        strokeWidth=self.randdikte,
                    )
                )
                blok.teken(g, links + self.pad, y - self.pad)
                y -= h + self.tussen


class _Band(_Blok):
    """A coloured band: numbered badge, title, explanation and a grid of boxes."""

    def __init__(
        self,
        badge: str,
        titel: str,
        uitleg: str,
        raster_bouwer: Callable[[float], _Raster],
        palet: _Palet,
        randdikte: float,
        breedte: float,
        maat: "_Maat",
        titel_pt: float,
    ) -> None:
        self.badge, self.palet, self.randdikte = badge, palet, randdikte
        self.breedte = breedte
        self.pad = maat.ruimte(7)
        self.badge_pt = maat.pt("badge")
        self.badge_d = 1.9 * self.badge_pt if badge else 0.0
        self.inspring = self.badge_d + maat.ruimte(7) if badge else 0.0
        tekstbreedte = breedte - 2 * self.pad - self.inspring
        uitleg_pt = maat.pt("band_uitleg")
        naast = _Regel(
            [(titel, _LETTER_VET, titel_pt, palet.accent), (uitleg, _LETTER, uitleg_pt, _INKT)],
            0.8 * titel_pt,
        )
        self.kop: _Blok
        if titel and uitleg and naast.breedte <= tekstbreedte:
            # Title and explanation share a line when they can: a line saved per band.
            self.kop = naast
        else:
            self.kop = _Stapel(
                [
                    _Tekst(titel, _LETTER_VET, titel_pt, palet.accent, tekstbreedte),
                    _Tekst(uitleg, _LETTER, uitleg_pt, _INKT, tekstbreedte),
                ],
                maat.ruimte(2.5),
            )
        self.kop_hoogte = max(self.kop.hoogte, self.badge_d)
        self.raster = raster_bouwer(breedte - 2 * self.pad)
        tussen = maat.ruimte(5) if self.raster.hoogte else 0.0
        self.hoogte = 2 * self.pad + self.kop_hoogte + tussen + self.raster.hoogte

    def teken(self, g: Group, x: float, top: float) -> None:
        g.add(
            Rect(
                x,
                top - self.hoogte,
                self.breedte,
                self.hoogte,
                rx=7,
                ry=7,
                fillColor=self.palet.vlak,
                strokeColor=self.palet.accent,
                strokeWidth=self.randdikte,
            )
        )
        if self.badge:
            r = self.badge_d / 2
            cx, cy = x + self.pad + r, top - self.pad - r
            g.add(Circle(cx, cy, r, fillColor=self.palet.accent, strokeColor=None))
            g.add(
                String(
                    cx,
                    cy - 0.36 * self.badge_pt,
                    self.badge,
                    fontName=_LETTER_VET,
                    fontSize=self.badge_pt,
                    fillColor=_WIT,
                    textAnchor="middle",
                )
            )
        # Centre a one-line title on the badge instead of hanging it from the top.
        kop_top = top - self.pad - max(0.0, (self.badge_d - self.kop.hoogte) / 2)
        self.kop.teken(g, x + self.pad + self.inspring, kop_top)
        self.raster.teken(g, x + self.pad, top - self.hoogte + self.pad + self.raster.hoogte)


class _Voet(_Blok):
    """Footer: the legend of the markers and the footnote."""

    def __init__(self, poster: Poster, breedte: float, maat: "_Maat", markers: bool) -> None:
        self.tussen = maat.ruimte(10)  # above the separator line
        legende: _Blok = (
            _Markers([poster.legende_anoniem, poster.legende_gratis], maat.pt("marker"), breedte)
            if markers
            else _Stapel([], 0)
        )
        self.inhoud = _Stapel(
            [legende, _Tekst(poster.voetnoot, _LETTER, maat.pt("voet"), _INKT, breedte)],
            maat.ruimte(5),
        )
        self.hoogte = self.inhoud.hoogte

    def teken(self, g: Group, x: float, top: float) -> None:
        self.inhoud.teken(g, x, top)


_QR_NIVEAU = "M"  # 15 % error correction: survives a scuffed or folded print


@functools.lru_cache(maxsize=32)
def _qr_modules(url: str) -> int:
    """Modules per side of the code for ``url``; encoding is slow, layouts are many."""
    widget = QrCodeWidget(url, barLevel=_QR_NIVEAU)
    widget.qr.make()
    return widget.qr.getModuleCount()


class _QR(_Blok):
    """The QR code with its caption, for the top right corner.

    The code itself is ``qr_mm`` wide (30 mm on A4: scannable from a step or two away),
    with the standard four-module quiet zone added around it, not taken out of it.
    """

    def __init__(self, poster: Poster, maat: "_Maat") -> None:
        self.widget = QrCodeWidget(poster.qr_url, barLevel=_QR_NIVEAU, barBorder=4)
        modules = _qr_modules(poster.qr_url)
        code = maat.formaat.qr_mm * mm
        self.zijde = code * (modules + 2 * self.widget.barBorder) / modules
        self.widget.barWidth = self.widget.barHeight = self.zijde
        self.breedte = self.zijde
        self.onderschrift = _Tekst(
            poster.qr_uitleg, _LETTER_VET, maat.pt("qr_uitleg"), _INKT, self.zijde, midden=True
        )
        # The quiet zone already separates code and caption; a small gap is enough.
        self.hoogte = self.zijde + (
            self.onderschrift.hoogte + maat.ruimte(1) if self.onderschrift.hoogte else 0.0
        )

    def teken(self, g: Group, x: float, top: float) -> None:
        y = top - self.zijde
        # A white square under the code keeps the quiet zone white on any backdrop.
        g.add(Rect(x, y, self.zijde, self.zijde, fillColor=_WIT, strokeColor=None))
        self.widget.x, self.widget.y = x, y
        g.add(self.widget)
        self.onderschrift.teken(g, x, top - self.hoogte + self.onderschrift.hoogte)


class _Lijn(_Blok):
    """The rule under the title."""

    def __init__(self, breedte: float, dikte: float) -> None:
        self.breedte, self.hoogte = breedte, dikte

    def teken(self, g: Group, x: float, top: float) -> None:
        y = top - self.hoogte / 2
        g.add(Line(x, y, x + self.breedte, y, strokeColor=_TITEL, strokeWidth=self.hoogte))


# --------------------------------------------------------------------------- fitting


@dataclass(frozen=True)
class _Maat:
    """The sizes of one layout attempt: font factor ``f``, padding factor ``p`` and the
    most boxes side by side."""

    formaat: _Formaat
    f: float
    p: float
    kolommen: int

    def pt(self, soort: str) -> float:
        return max(self.formaat.bodem_pt, _PT[soort] * self.formaat.tekstschaal * self.f)

    def ruimte(self, basis: float) -> float:
        return basis * self.formaat.lengteschaal * self.p

    @property
    def f_min(self) -> float:
        # Below this the body text of the boxes would drop under the floor.
        return self.formaat.bodem_pt / (_PT["punt_tekst"] * self.formaat.tekstschaal)


@dataclass
class _Plaats:
    """Where a measured block goes: its top, as an offset below the top margin."""

    blok: _Blok
    top: float
    breedte: float
    pijlen_erboven: int  # arrows above it; each one grows when there is height to spare


@dataclass
class _Opmaak:
    """One complete layout attempt, measured but not yet drawn."""

    maat: _Maat
    plaatsen: list[_Plaats]
    qr: _QR | None
    qr_top: float
    voet: _Voet
    marge: float
    breedte: float
    beschikbaar: float
    pijlruimte: float
    inhoud: float  # height of everything above the footer

    @property
    def nodig(self) -> float:
        return self.inhoud + self.voet.tussen + self.voet.hoogte


_Bouwer = Callable[[float], _Blok]  # builds a block once its width is known


def _punt_bouwer(punt: PosterPunt, poster: Poster, maat: _Maat, palet: _Palet) -> _Bouwer:
    """One contact point's box content: name, who it serves, reach and markers."""

    def bouw(breedte: float) -> _Blok:
        markers = [
            label
            for aan, label in (
                (punt.anoniem, poster.legende_anoniem),
                (punt.kosteloos, poster.legende_gratis),
            )
            if aan
        ]
        return _Stapel(
            [
                _Tekst(punt.naam, _LETTER_VET, maat.pt("punt_naam"), _INKT, breedte),
                _Tekst(punt.voor_wie, _LETTER, maat.pt("punt_tekst"), _INKT_ZACHT, breedte),
                _Markers(
                    markers,
                    maat.pt("marker"),
                    breedte,
                    na=_Tekst(
                        punt.bereik, _LETTER_VET, maat.pt("punt_bereik"), palet.accent, breedte
                    ),
                ),
            ],
            maat.ruimte(2.5),
        )

    return bouw


def _eigen_bouwer(punt: EigenPunt, maat: _Maat) -> _Bouwer:
    """One of the organisation's own contact points: a little larger than the rest."""

    def bouw(breedte: float) -> _Blok:
        return _Stapel(
            [
                _Tekst(punt.soort, _LETTER_VET, maat.pt("eigen_soort"), _INKT_ZACHT, breedte),
                _Tekst(punt.naam, _LETTER_VET, maat.pt("eigen_naam"), _INKT, breedte),
                _Tekst(punt.bereik, _LETTER, maat.pt("eigen_bereik"), _INKT, breedte),
            ],
            maat.ruimte(2.5),
        )

    return bouw


def _is_dringend(niveau: PosterNiveau, index: int) -> bool:
    return niveau.dringend if niveau.dringend is not None else index == 0


def _stroom(poster: Poster, maat: _Maat) -> list[_Bouwer]:
    """The blocks joined by arrows, as builders that still need their width."""
    stroom: list[_Bouwer] = []

    def band(
        badge: str,
        titel: str,
        uitleg: str,
        bouwers: list[_Bouwer],
        palet: _Palet,
        *,
        rand: float,
        titel_pt: float,
        tussen: float,
        doosrand: float,
    ) -> _Bouwer:
        def raster(b: float) -> _Raster:
            return _Raster(bouwers, b, maat.kolommen, tussen, tussen, _WIT, palet.accent, doosrand)

        return lambda b: _Band(badge, titel, uitleg, raster, palet, rand, b, maat, titel_pt)

    kop_organisatie = poster.organisatie_kop or poster.organisatie
    if kop_organisatie or poster.eigen_punten:
        stroom.append(
            band(
                "",
                kop_organisatie,
                "",
                [_eigen_bouwer(e, maat) for e in poster.eigen_punten],
                _PALET_ORGANISATIE,
                rand=2.0,
                titel_pt=maat.pt("org_kop"),
                tussen=maat.ruimte(6),
                doosrand=1.0,
            )
        )

    nummer = 0
    for index, niveau in enumerate(poster.niveaus):
        dringend = _is_dringend(niveau, index)
        if dringend:
            palet, badge = _PALET_DRINGEND, "!"
        else:
            palet = _PALETTEN[nummer % len(_PALETTEN)]
            nummer += 1
            badge = str(nummer)
        stroom.append(
            band(
                badge,
                niveau.titel,
                niveau.uitleg,
                [_punt_bouwer(punt, poster, maat, palet) for punt in niveau.punten],
                palet,
                # The emergency band's heavy border backs up its title and "!" badge.
                rand=2.4 if dringend else 1.0,
                titel_pt=maat.pt("band_titel"),
                tussen=maat.ruimte(5),
                doosrand=0.8,
            )
        )
    return stroom


def _opmaak(
    poster: Poster, maat: _Maat, pagina: tuple[float, float], qr_onder_kop: bool = False
) -> _Opmaak:
    """Measure the whole poster at the sizes of ``maat``, top to bottom.

    The QR code goes in the top right corner, beside the title or, with ``qr_onder_kop``,
    just under it, beside the organisation block or the first band.
    """
    formaat = maat.formaat
    schaal = formaat.lengteschaal
    w_pagina, h_pagina = pagina
    marge = 28 * schaal  # margins stay: printers need them
    breedte = w_pagina - 2 * marge

    # Whatever starts beside the QR code is narrower. Up here it costs little height,
    # whereas in the footer, next to a two-line footnote, it made the footer 4 cm tall.
    qr = _QR(poster, maat) if poster.qr_url else None
    naast_qr = breedte - qr.breedte - 12 * schaal if qr else breedte
    qr_top = math.inf if qr_onder_kop else 0.0  # known once the title is measured
    qr_onder = 0.0

    def breedte_op(y: float) -> float:
        return naast_qr if qr_top <= y < qr_onder else breedte

    if qr and not qr_onder_kop:
        qr_onder = qr.hoogte + maat.ruimte(8)
    plaatsen: list[_Plaats] = []
    y = 0.0
    b = breedte_op(y)
    kop = _Stapel(
        [
            _Tekst(poster.titel, _LETTER_VET, maat.pt("titel"), _TITEL, b, interlinie=1.12),
            _Tekst(poster.ondertitel, _LETTER, maat.pt("ondertitel"), _INKT, b),
        ],
        maat.ruimte(5),
    )
    plaatsen.append(_Plaats(kop, y, b, 0))
    y += kop.hoogte + maat.ruimte(5)
    lijn = _Lijn(breedte_op(y), 2 * schaal)
    plaatsen.append(_Plaats(lijn, y, lijn.breedte, 0))
    y += lijn.hoogte + maat.ruimte(10)
    if qr and qr_onder_kop:
        qr_top, qr_onder = y, y + qr.hoogte + maat.ruimte(8)

    pijlruimte = max(maat.ruimte(16), 10 * schaal)  # arrows are the flowchart's meaning
    for i, bouw in enumerate(_stroom(poster, maat)):
        if i:
            y += pijlruimte
        b = breedte_op(y)
        blok = bouw(b)
        if y < qr_onder:
            # Beside the code the block is narrower and so taller; below it, full width.
            # Take whichever ends higher (the gap above it then lengthens the arrow).
            breed = bouw(breedte)
            if max(y, qr_onder) + breed.hoogte < y + blok.hoogte:
                blok, b, y = breed, breedte, max(y, qr_onder)
        plaatsen.append(_Plaats(blok, y, b, i))
        y += blok.hoogte

    heeft_markers = any(
        punt.anoniem or punt.kosteloos for niveau in poster.niveaus for punt in niveau.punten
    )
    return _Opmaak(
        maat=maat,
        plaatsen=plaatsen,
        qr=qr,
        qr_top=qr_top if qr else 0.0,
        voet=_Voet(poster, breedte, maat, heeft_markers),
        marge=marge,
        breedte=breedte,
        beschikbaar=h_pagina - 2 * marge,
        pijlruimte=pijlruimte,
        inhoud=max(y, qr_top + qr.hoogte if qr else 0.0),
    )


def _pas_in(poster: Poster, formaat: str) -> _Opmaak:
    """Find the largest text that fits; then smaller padding; then one column more; else
    refuse."""
    _registreer_letters()  # measuring needs the fonts as much as drawing does
    regels = _FORMAAT_REGELS[formaat]
    pagina = FORMATEN[formaat]
    kolommen = regels.max_kolommen
    f_min = _Maat(regels, 1, 1, kolommen).f_min
    qr = bool(poster.qr_url)

    def probeer(f: float, p: float, k: int) -> _Opmaak | None:
        maat = _Maat(regels, max(f, f_min), p, k)
        # With a QR code, try it beside the title and under it; keep the shorter.
        opmaak = min(
            (_opmaak(poster, maat, pagina, onder) for onder in (False, True)[: 1 + qr]),
            key=lambda o: o.nodig,
        )
        return opmaak if opmaak.nodig <= opmaak.beschikbaar else None

    factoren = [f_min + i * _F_STAP for i in range(int((_F_MAX - f_min) / _F_STAP) + 1)]
    # Text shrinks first; only when it is at the floor does the padding shrink, and only
    # then, as a last resort, do the boxes get narrower (rows fewer but taller). At each
    # step the text then grows back as far as it fits.
    for k in (kolommen, kolommen + 1):
        for p in _PADDING_STAPPEN:
            beste = probeer(f_min, p, k)
            if beste is None:
                continue
            # Height falls as the text shrinks, so bisect instead of trying every factor.
            laag, hoog = 1, len(factoren) - 1
            while laag <= hoog:
                midden = (laag + hoog) // 2
                if opmaak := probeer(factoren[midden], p, k):
                    beste, laag = opmaak, midden + 1
                else:
                    hoog = midden - 1
            return beste

    krap = _opmaak(poster, _Maat(regels, f_min, _PADDING_STAPPEN[-1], kolommen + 1), pagina)
    aantal = sum(len(n.punten) for n in poster.niveaus) + len(poster.eigen_punten)
    raise PosterPastNiet(
        f"The poster does not fit on {formaat.upper()}: {aantal} contact points need "
        f"{krap.nodig - krap.beschikbaar:.0f} pt more height even at {regels.bodem_pt} pt "
        f"text and minimal padding. Use a larger format or fewer contact points; nothing "
        f"is left out silently."
    )


# --------------------------------------------------------------------------- drawing


def _pijl(g: Group, cx: float, boven: float, onder: float, schaal: float) -> None:
    """A downward flowchart arrow: this level, and if that does not help, the next."""
    lengte = boven - onder
    kop = min(lengte * 0.6, 9 * schaal)
    half = 7 * schaal
    schacht = 2.4 * schaal
    schacht_vorm = Rect(cx - schacht / 2, onder + kop, schacht, lengte - kop, fillColor=_PIJL)
    schacht_vorm.strokeColor = None  # reportlab outlines shapes in black by default
    g.add(schacht_vorm)
    g.add(
        Polygon(
            [cx - half, onder + kop, cx + half, onder + kop, cx, onder],
            fillColor=_PIJL,
            strokeColor=None,
        )
    )


def _tekening(poster: Poster, formaat: str = "a4") -> Drawing:
    """Lay out ``poster`` on ``formaat`` and return the single Drawing both renderers use."""
    if formaat not in FORMATEN:
        raise ValueError(f"Unknown poster format {formaat!r}; choose one of {sorted(FORMATEN)}")
    if poster.qr_url:
        delen = urlsplit(poster.qr_url)
        if delen.scheme not in ("http", "https") or not delen.netloc:
            raise ValueError(f"qr_url must be an absolute http(s) address, got {poster.qr_url!r}")
    _registreer_letters()

    opmaak = _pas_in(poster, formaat)
    schaal = opmaak.maat.formaat.lengteschaal
    w_pagina, h_pagina = FORMATEN[formaat]
    tekening = Drawing(w_pagina, h_pagina)
    g = Group()
    tekening.add(g)
    # An explicit white page: the SVG would otherwise be transparent on a dark website.
    g.add(Rect(0, 0, w_pagina, h_pagina, fillColor=_WIT, strokeColor=None))

    # Spare height lengthens the arrows (up to a point) rather than pooling at the bottom.
    n_pijlen = max(p.pijlen_erboven for p in opmaak.plaatsen)
    over = opmaak.beschikbaar - opmaak.nodig
    extra = min(over / n_pijlen, 16 * schaal) if n_pijlen else 0.0

    x, top = opmaak.marge, h_pagina - opmaak.marge
    vorige: _Plaats | None = None
    for plaats in opmaak.plaatsen:
        y = top - plaats.top - plaats.pijlen_erboven * extra
        if plaats.pijlen_erboven and vorige is not None:
            boven = top - vorige.top - vorige.pijlen_erboven * extra - vorige.blok.hoogte
            # Centred on the narrower block, so the arrow never points past either one.
            cx = x + min(vorige.breedte, plaats.breedte) / 2
            _pijl(g, cx, boven - 3 * schaal, y + 3 * schaal, schaal)
        plaats.blok.teken(g, x, y)
        vorige = plaats
    if opmaak.qr is not None:
        opmaak.qr.teken(g, x + opmaak.breedte - opmaak.qr.breedte, top - opmaak.qr_top)

    voet_top = opmaak.marge + opmaak.voet.hoogte
    lijn_y = voet_top + opmaak.voet.tussen / 2
    g.add(Line(x, lijn_y, x + opmaak.breedte, lijn_y, strokeColor=_LIJN, strokeWidth=0.6))
    opmaak.voet.teken(g, x, voet_top)
    return tekening


class _PosterCanvas(Canvas):
    """renderPDF.drawToFile sets the document title to its (empty) message after creating
    the canvas; keep the poster's title in the PDF metadata for screen readers instead."""

    def setTitle(self, title: str | None) -> None:  # reportlab's method name
        if title:
            super().setTitle(title)


def render_pdf(poster: Poster, formaat: str = "a4") -> bytes:
    """Render the poster as a one-page PDF (A4 or A3 portrait) with embedded fonts.

    Raises ``ValueError`` for an unknown format or a relative ``qr_url`` and
    ``PosterPastNiet`` (a ``ValueError``) when the content cannot fit legibly.
    The output is byte-for-byte reproducible for the same poster.
    """
    tekening = _tekening(poster, formaat)

    def maak_canvas(bestand: Any, **kwargs: Any) -> Canvas:
        canvas = _PosterCanvas(bestand, **kwargs)
        canvas.setTitle(poster.titel)
        canvas.setSubject(poster.ondertitel)
        # Without an author reportlab writes "anonymous".
        canvas.setAuthor(poster.organisatie or "Vangnet")
        canvas.setCreator("Vangnet")
        return canvas

    # invariant=1 on this canvas only: no timestamps or random ids, without touching
    # reportlab's global rl_config that other code in the process may rely on.
    return renderPDF.drawToString(tekening, canvasMaker=maak_canvas, invariant=1)


def render_svg(poster: Poster, formaat: str = "a4") -> bytes:
    """Render the poster as a UTF-8 SVG document of the same drawing as the PDF.

    Text stays text (searchable, readable by screen readers); the document's
    ``<title>`` and ``<desc>`` carry the poster title and subtitle.
    """
    tekening = _tekening(poster, formaat)
    familie = {"family": _SVG_FAMILIE}
    svg = renderSVG.drawToString(
        tekening,
        fontHacks={_LETTER: dict(familie), _LETTER_VET: {**familie, "weight": "bold"}},
        svgAttrs={"role": "img"},
    )
    # reportlab writes placeholder "..." into <title> and <desc>; give them meaning.
    svg = svg.replace("<title>...</title>", f"<title>{escape(poster.titel)}</title>", 1)
    svg = svg.replace("<desc>...</desc>", f"<desc>{escape(poster.ondertitel)}</desc>", 1)
    return svg.encode("utf-8")


# --------------------------------------------------------------------------- shared
# Other printables (the meldpunt affiche) use the same typeface, ink and text blocks, so
# every sheet Vangnet prints looks like it comes from one hand.

LETTER, LETTER_VET = _LETTER, _LETTER_VET
INKT, TITEL, WIT, ALARM = _INKT, _TITEL, _WIT, _PALET_DRINGEND.accent
registreer_letters = _registreer_letters
Tekst, Stapel = _Tekst, _Stapel

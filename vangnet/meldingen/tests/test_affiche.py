"""Tests for the meldpunt affiche: the code leads to the form, the poster says what to do."""

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from django.utils import translation
from django.utils.translation import gettext

import pytest
import segno
from PIL import Image
from pypdf import PdfReader
from reportlab.graphics.shapes import Group, Path, Rect, String
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from vangnet.meldingen.affiche import (
    FORMATEN,
    Affiche,
    AffichePastNiet,
    _tekening,
    affiche_pdf,
    qr_png,
    qr_svg,
)

URL = "https://vangnet.be/m/7f3k9q2x/"
SVG = "{http://www.w3.org/2000/svg}"
TITEL = "Iets meegemaakt of gezien dat over de grens ging?"

FESTIVAL = Affiche(
    naam="Meldpunt Festival Voorbeeld",
    url=URL,
    korte_url="vangnet.be/m/7f3k9q2x/",
    venster="open van vrijdag 3 juli 18:00 tot zondag 5 juli 23:00",
    talen=("nl", "fr", "en"),
)
CAFE = Affiche(naam="Meldpunt Café De Lantaarn", url=URL, korte_url="vangnet.be/m/7f3k9q2x/")


def _matrix(url: str) -> list[list[bool]]:
    """What the code for ``url`` must look like, straight from the encoder.

    Always a full QR code (phone cameras often cannot read Micro QR), error level M or,
    when segno can raise it for free, higher.
    """
    code = segno.make_qr(url, error="m")
    assert not code.is_micro and code.error in ("M", "Q", "H")
    return [[bool(module) for module in rij] for rij in code.matrix]


def _kern(tekst: str) -> str:
    """Text with layout removed: line breaks, spaces and wrap hyphens."""
    return re.sub(r"[\s\-‐­]+", "", tekst)


def _pdf_tekst(affiche: Affiche, formaat: str = "a4", taal: str = "nl") -> tuple[PdfReader, str]:
    with translation.override(taal):
        lezer = PdfReader(io.BytesIO(affiche_pdf(affiche, formaat)))
    return lezer, "\n".join(pagina.extract_text() for pagina in lezer.pages)


def _vormen(knoop):
    """Every shape in painting order (the poster uses no transforms)."""
    for kind in getattr(knoop, "contents", []):
        if isinstance(kind, Group):
            yield from _vormen(kind)
        else:
            yield kind


def _svg_modules(svg: str) -> set[tuple[int, int]]:
    """The dark modules (row, column) of segno's SVG path, quiet zone included.

    segno draws each row as horizontal strokes through the middle of the modules:
    ``M x y`` and ``m dx dy`` move, ``h n`` draws n modules.
    """
    pad = ET.fromstring(svg).find(f".//{SVG}path[@class='qrline']")  # noqa: S314 - own output
    assert pad.get("stroke") == "#000"
    donker, x, y = set(), 0.0, 0.0
    for opdracht, getallen in re.findall(r"([MmHh])([^MmHh]*)", pad.get("d")):
        waarden = [float(g) for g in re.findall(r"-?\d+(?:\.\d+)?", getallen)]
        if opdracht == "M":
            x, y = waarden
        elif opdracht == "m":
            x, y = x + waarden[0], y + waarden[1]
        else:
            lengte = waarden[0] if opdracht == "h" else waarden[0] - x
            donker |= {(int(y), int(x) + i) for i in range(int(lengte))}
            x += lengte
    return donker


def _poster_modules(qr: Path) -> tuple[float, list[list[bool]]]:
    """The code drawn on the poster, read back by sampling the centre of every module.

    Returns the width of the code (quiet zone excluded) and the dark/light matrix.
    """
    rechthoeken = []
    for i in range(0, len(qr.points), 8):  # one closed four-corner run per 8 numbers
        xs, ys = qr.points[i : i + 8 : 2], qr.points[i + 1 : i + 8 : 2]
        rechthoeken.append((min(xs), min(ys), max(xs), max(ys)))
    # The finder patterns touch three corners, so the runs span the whole code.
    links, onder = min(r[0] for r in rechthoeken), min(r[1] for r in rechthoeken)
    rechts, boven = max(r[2] for r in rechthoeken), max(r[3] for r in rechthoeken)
    assert rechts - links == pytest.approx(boven - onder)
    n = len(_matrix(URL))
    module = (rechts - links) / n

    def donker(x: float, y: float) -> bool:
        return any(x0 < x < x1 and y0 < y < y1 for x0, y0, x1, y1 in rechthoeken)

    matrix = [
        [donker(links + (k + 0.5) * module, boven - (r + 0.5) * module) for k in range(n)]
        for r in range(n)
    ]
    return rechts - links, matrix


def _luminantie(kleur) -> float:
    def kanaal(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * kanaal(kleur.red) + 0.7152 * kanaal(kleur.green) + 0.0722 * kanaal(kleur.blue)


def _contrast(a, b) -> float:
    la, lb = sorted((_luminantie(a), _luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --------------------------------------------------------------------------- QR code


def test_the_svg_is_a_standalone_image_with_a_title_that_says_where_it_leads():
    with translation.override("nl"):
        svg = qr_svg(URL)
    assert not svg.startswith("<?xml")  # fit to inline in HTML as it is
    wortel = ET.fromstring(svg)  # noqa: S314 - our own output; raises if malformed
    assert wortel.tag == f"{SVG}svg"  # the namespace makes it a valid file too
    assert wortel.get("role") == "img"
    titel = wortel[0]
    assert titel.tag == f"{SVG}title"  # first child: the accessible name
    assert "QR-code" in titel.text and "meldformulier" in titel.text and URL in titel.text
    # Scales to any size the stylesheet gives it; the quiet zone is white, not transparent.
    n = len(_matrix(URL))
    assert wortel.get("viewBox") == f"0 0 {n + 8} {n + 8}"
    assert wortel.find(f"{SVG}path[@fill='#fff']") is not None


def test_the_svg_draws_exactly_the_modules_of_the_address_behind_a_quiet_zone_of_four():
    verwacht = {
        (r + 4, k + 4)
        for r, rij in enumerate(_matrix(URL))
        for k, donker in enumerate(rij)
        if donker
    }
    assert _svg_modules(qr_svg(URL)) == verwacht
    # Another address is another code, so the comparison above can tell them apart.
    assert _svg_modules(qr_svg("https://vangnet.be/m/andere/")) != verwacht


@pytest.mark.parametrize("schaal", [3, 10])
def test_the_png_shows_the_modules_of_the_address_at_the_requested_scale(schaal):
    png = qr_png(URL, schaal) if schaal != 10 else qr_png(URL)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    matrix = _matrix(URL)
    n = len(matrix)
    beeld = Image.open(io.BytesIO(png)).convert("L")
    assert beeld.size == ((n + 8) * schaal, (n + 8) * schaal)

    def pixel_donker(r: int, k: int) -> bool:
        # The centre of the module, quiet zone of four modules included in (r, k).
        return beeld.getpixel((k * schaal + schaal // 2, r * schaal + schaal // 2)) < 128

    gelezen = [[pixel_donker(r + 4, k + 4) for k in range(n)] for r in range(n)]
    assert gelezen == matrix
    stille_zone = [(r, k) for r in range(n + 8) for k in range(n + 8) if min(r, k) < 4]
    assert not any(pixel_donker(r, k) for r, k in stille_zone)


def test_a_relative_address_is_refused_because_it_leads_nowhere_on_paper():
    for functie in (qr_svg, qr_png):
        with pytest.raises(ValueError, match="absolute"):
            functie("/m/7f3k9q2x/")
    with pytest.raises(ValueError, match="absolute"):
        affiche_pdf(replace(FESTIVAL, url="vangnet.be/m/7f3k9q2x/"))


# --------------------------------------------------------------------------- poster


@pytest.mark.parametrize(("formaat", "pagina"), [("a4", A4), ("a5", A5)])
def test_the_pdf_is_one_page_of_the_format_and_says_what_to_do_and_where(formaat, pagina):
    lezer, tekst = _pdf_tekst(FESTIVAL, formaat)
    assert len(lezer.pages) == 1
    vak = lezer.pages[0].mediabox
    assert (float(vak.width), float(vak.height)) == pytest.approx(pagina, abs=0.5)
    kern = _kern(tekst)
    for deel in (
        FESTIVAL.naam,
        TITEL,
        "Meld het hier, anoniem als je wil. Het duurt minder dan een minuut.",
        FESTIVAL.korte_url,
        FESTIVAL.venster,
        "NL · FR · EN",
        "In nood? Bel 112.",
    ):
        assert _kern(deel) in kern, deel
    # The emergency line comes last, where the eye ends.
    assert kern.rindex("112") > kern.index(_kern(FESTIVAL.korte_url))
    assert lezer.metadata.title.startswith(FESTIVAL.naam)


def test_a_venue_without_window_prints_no_window_line():
    _, tekst = _pdf_tekst(CAFE)
    assert _kern(CAFE.naam) in _kern(tekst)
    assert "open van" not in tekst
    assert "NL" in tekst.split()  # the form's only language, for those who read no Dutch


@pytest.mark.parametrize(("formaat", "minimum_mm"), [("a4", 60), ("a5", 45)])
def test_the_code_on_the_poster_is_vector_large_enough_and_encodes_the_address(formaat, minimum_mm):
    vormen = list(_vormen(_tekening(FESTIVAL, formaat)))
    paden = [v for v in vormen if isinstance(v, Path)]
    assert len(paden) == 1
    breedte, matrix = _poster_modules(paden[0])
    assert breedte >= minimum_mm * mm
    assert matrix == _matrix(URL)
    # On a white square that leaves a quiet zone of at least four modules on every side.
    module = breedte / len(matrix)
    x0 = min(paden[0].points[0::2])
    vlak = next(
        v
        for v in vormen
        if isinstance(v, Rect) and v.width < 200 * mm and v.x <= x0 - 4 * module + 0.01
    )
    assert vlak.fillColor.hexval() == "0xffffff"
    assert vlak.width >= breedte + 8 * module - 0.01


def test_an_unknown_format_is_refused():
    assert FORMATEN == ("a4", "a5")
    for fout in ("a3", "A4", "letter", ""):
        with pytest.raises(ValueError, match="format"):
            affiche_pdf(FESTIVAL, fout)


def test_text_on_a4_is_large_and_of_high_contrast_so_it_reads_from_two_metres():
    vlakken, teksten = [], []
    for vorm in _vormen(_tekening(FESTIVAL, "a4")):
        if isinstance(vorm, Rect):
            vlakken.append(vorm)
        elif isinstance(vorm, String):
            teksten.append(vorm)
            onder = next(
                v
                for v in reversed(vlakken)
                if v.x <= vorm.x <= v.x + v.width and v.y <= vorm.y <= v.y + v.height
            )
            assert _contrast(vorm.fillColor, onder.fillColor) >= 7, vorm.text  # WCAG AAA
    assert min(t.fontSize for t in teksten) >= 16
    # Capitals over 10 mm tall: Vera's cap height is 0.73 em.
    assert max(t.fontSize for t in teksten) * 0.73 >= 10 * mm


@pytest.mark.parametrize("formaat", FORMATEN)
def test_a_long_name_and_window_wrap_and_stay_on_the_page(formaat):
    naam = ("Meldpunt Zomerfestival Kunsten en Cultuur aan de Schelde, " * 3)[:120]
    venster = (
        "open van vrijdag 3 juli 18:00 tot zondag 5 juli 23:00 "
        "en van vrijdag 10 juli 18:00 tot zondag 12 juli 23:00"
    )
    lang = replace(FESTIVAL, naam=naam, venster=venster)
    tekening = _tekening(lang, formaat)
    teksten = [v for v in _vormen(tekening) if isinstance(v, String)]
    for tekst in teksten:
        breedte = stringWidth(tekst.text, tekst.fontName, tekst.fontSize)
        links = tekst.x - (breedte / 2 if tekst.textAnchor == "middle" else 0)
        assert links > 0 and links + breedte < tekening.width, tekst.text
        assert 0 < tekst.y < tekening.height
    naamregels = [t.text for t in teksten if t.text in naam]
    assert len(naamregels) >= 2 and _kern("".join(naamregels)) == _kern(naam)
    x0, y0, x1, y1 = tekening.getBounds()
    assert x0 >= 0 and y0 >= 0 and x1 <= tekening.width and y1 <= tekening.height
    _, tekst = _pdf_tekst(lang, formaat)
    assert _kern(naam) in _kern(tekst) and _kern(venster) in _kern(tekst)


def test_a_name_too_long_for_a_scannable_code_is_refused_rather_than_shrunk():
    with pytest.raises(AffichePastNiet, match="QR code"):
        affiche_pdf(replace(FESTIVAL, naam="Meldpunt " * 150), "a5")
    assert issubclass(AffichePastNiet, ValueError)


def test_the_pdf_is_reproducible():
    with translation.override("nl"):
        assert affiche_pdf(FESTIVAL, "a5") == affiche_pdf(FESTIVAL, "a5")


def test_the_poster_is_drawn_in_the_active_language_once_it_is_translated():
    with translation.override("fr"):
        frans = gettext(TITEL)
    if frans == TITEL:
        pytest.skip("no French translation of the affiche yet")
    _, tekst = _pdf_tekst(FESTIVAL, "a4", taal="fr")
    assert _kern(frans) in _kern(tekst)
    assert _kern(TITEL) not in _kern(tekst)

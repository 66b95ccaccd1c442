"""The quickscan's result as a printable PDF report (reportlab platypus).

Bitstream Vera, shipped inside reportlab, is embedded: the PDF standard fonts cannot show
every accent or the euro sign. The report holds the profile, the score per level, the next
steps with the help and its cost, and the date; no name of a person.
"""

from __future__ import annotations

import functools
import io
import os
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from vangnet.quickscan.grafiek import KLEUR
from vangnet.quickscan.scan import Score, Stap, prijs_onbekend

LETTER = "QuickscanVera"
LETTER_VET = "QuickscanVera-Bold"


@functools.cache
def _registreer_letters() -> None:
    """Register Bitstream Vera (inside reportlab) once per process."""
    map_ = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(LETTER, os.path.join(map_, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(LETTER_VET, os.path.join(map_, "VeraBd.ttf")))


def _stijlen() -> dict[str, ParagraphStyle]:
    basis = ParagraphStyle("basis", fontName=LETTER, fontSize=10, leading=14)
    return {
        "basis": basis,
        "titel": ParagraphStyle(
            "titel", parent=basis, fontName=LETTER_VET, fontSize=18, leading=22
        ),
        "kop": ParagraphStyle(
            "kop", parent=basis, fontName=LETTER_VET, fontSize=13, leading=17, spaceBefore=10
        ),
        "klein": ParagraphStyle("klein", parent=basis, fontSize=8.5, leading=11),
    }


def _p(tekst: str, stijl: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(tekst)), stijl)


def maak(
    profiel_rijen: list[tuple[str, str]],
    scores: dict[str, Score],
    stappen: list[Stap],
    datum: str,
) -> bytes:
    """The report as PDF bytes."""
    _registreer_letters()
    st = _stijlen()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_("Quickscan integriteitsbeleid"),
        author="Vangnet",
        lang="nl",
    )
    delen: list = [
        _p(_("Quickscan integriteitsbeleid"), st["titel"]),
        _p(_("Gemaakt op %(datum)s") % {"datum": datum}, st["basis"]),
        Spacer(1, 4 * mm),
        _p(_("Je organisatie"), st["kop"]),
    ]
    profiel = Table(
        [[_p(vraag, st["klein"]), _p(antwoord, st["basis"])] for vraag, antwoord in profiel_rijen],
        colWidths=[70 * mm, 104 * mm],
    )
    profiel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    delen += [profiel, _p(_("Score per niveau"), st["kop"])]
    rijen = [
        [
            _p(_("Niveau"), st["klein"]),
            _p(_("Score"), st["klein"]),
            "",
            _p(_("In woorden"), st["klein"]),
        ]
    ]
    for niveau, score in scores.items():
        procent = "–" if score.procent is None else f"{score.procent} %"
        balk = Table(
            [[""]], colWidths=[max(0.5, 50 * (score.procent or 0) / 100) * mm], rowHeights=[4 * mm]
        )
        balk.setStyle(
            TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(KLEUR[niveau]))])
        )
        rijen.append(
            [
                _p(score.label.capitalize(), st["basis"]),
                _p(procent, st["basis"]),
                balk if score.procent else "",
                _p(score.woord_label, st["basis"]),
            ]
        )
    tabel = Table(rijen, colWidths=[40 * mm, 22 * mm, 56 * mm, 56 * mm])
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 1), (2, -1), "LEFT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    delen += [tabel, _p(_("Je volgende stappen"), st["kop"])]
    if not stappen:
        delen.append(_p(_("Je beantwoordde geen enkele stelling met nee of deels."), st["basis"]))
    items = []
    for stap in stappen:
        blok = [
            _p(stap.stelling.advies, st["basis"]),
            _p(
                _("Je antwoordde „%(antwoord)s” op: %(stelling)s")
                % {"antwoord": stap.antwoord_label, "stelling": stap.stelling.stelling},
                st["klein"],
            ),
        ]
        for hulp in stap.hulp:
            blok.append(
                _p(f"• {hulp.titel} ({hulp.kost})" if hulp.kost else f"• {hulp.titel}", st["klein"])
            )
        items.append(ListItem(blok, leftIndent=14))
    if items:
        delen.append(ListFlowable(items, bulletType="1", bulletFontName=LETTER_VET, leftIndent=14))
    if prijs_onbekend(stappen):
        delen.append(
            _p(
                _("Waar geen prijs staat, kent Vangnet de prijs niet. Vraag hem aan de aanbieder."),
                st["klein"],
            )
        )
    delen += [
        Spacer(1, 6 * mm),
        _p(
            _(
                "Deze quickscan volgt de beleidsdriehoek (kwaliteit, preventie, reactie) uit het "
                "Actieplan tegen grensoverschrijdend gedrag in de cultuursector 2024-2025. "
                "De kosten gelden voor het paritair comité dat je opgaf; "
                "controleer ze bij de aanbieder."
            ),
            st["klein"],
        ),
    ]
    doc.build(delen)
    return buffer.getvalue()


def _tabel(rijen: list, breedtes: list[float]) -> Table:
    tabel = Table(rijen, colWidths=breedtes)
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
            ]
        )
    )
    return tabel


def verslag(
    *,
    organisatie: str,
    datum: str,
    ondertekenaar: str,
    functie: str,
    sindsdien: str,
    profiel_rijen: list[tuple[str, str]],
    scores: dict[str, Score],
    stappen: list[Stap],
    vooruitgang,
    controlecode: str,
    controleadres: str,
) -> bytes:
    """The prevention summary (``verslag.py``) as PDF bytes: dated, signed by a named person
    for the organisation, sealed with a code anyone can check at ``controleadres``."""
    _registreer_letters()
    st = _stijlen()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_("Preventieverslag"),
        author="Vangnet",
        lang="nl",
    )
    delen: list = [
        _p(_("Preventieverslag"), st["titel"]),
        _p(organisatie, st["kop"]),
        _p(_("Opgemaakt op %(datum)s") % {"datum": datum}, st["basis"]),
        Spacer(1, 3 * mm),
        _p(
            _(
                "Een samenvatting van de quickscan integriteitsbeleid (beleidsdriehoek: kwaliteit, "
                "preventie, reactie) uit het Actieplan tegen grensoverschrijdend gedrag in de "
                "cultuursector 2024-2025, actie 1.7."
            ),
            st["klein"],
        ),
        _p(_("De organisatie"), st["kop"]),
        _tabel(
            [[_p(v, st["klein"]), _p(a, st["basis"])] for v, a in profiel_rijen],
            [70 * mm, 104 * mm],
        ),
        _p(_("Score per niveau"), st["kop"]),
    ]
    vorig = {v.niveau: v for v in vooruitgang.niveaus}
    rijen = [[_p(k, st["klein"]) for k in (_("Niveau"), _("Score"), _("Sinds vorig verslag"))]]
    for niveau, score in scores.items():
        verschil = vorig.get(niveau)
        delta = "–" if verschil is None or verschil.verschil is None else f"{verschil.verschil:+d}"
        procent = "–" if score.procent is None else f"{score.procent} %"
        rijen.append(
            [
                _p(score.label.capitalize(), st["basis"]),
                _p(procent, st["basis"]),
                _p(delta, st["basis"]),
            ]
        )
    delen.append(_tabel(rijen, [70 * mm, 40 * mm, 64 * mm]))
    delen.append(_p(_("Wat we sindsdien deden"), st["kop"]))
    if vooruitgang.opgelost:
        delen.append(
            _p(_("Volgende stappen uit het vorige verslag die nu in orde zijn:"), st["basis"])
        )
        delen += [_p(f"• {s.advies}", st["basis"]) for s in vooruitgang.opgelost]
    delen.append(_p(sindsdien or _("Niets toegevoegd."), st["basis"]))
    delen.append(_p(_("Volgende stappen"), st["kop"]))
    if not stappen:
        delen.append(_p(_("Geen enkele stelling werd met nee of deels beantwoord."), st["basis"]))
    delen += [_p(f"{i}. {stap.stelling.advies}", st["basis"]) for i, stap in enumerate(stappen, 1)]
    delen += [
        _p(_("Ondertekening"), st["kop"]),
        _p(
            _("Voor de organisatie: %(naam)s, %(functie)s, op %(datum)s.")
            % {"naam": ondertekenaar, "functie": functie, "datum": datum},
            st["basis"],
        ),
        Spacer(1, 4 * mm),
        _p(_("Controlecode: %(code)s") % {"code": controlecode}, st["basis"]),
        _p(
            _("Wie dit verslag ontvangt, controleert de code op %(adres)s.")
            % {"adres": controleadres},
            st["klein"],
        ),
    ]
    doc.build(delen)
    return buffer.getvalue()

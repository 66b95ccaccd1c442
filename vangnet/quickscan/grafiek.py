"""The geometry of the quickscan's pictures, computed here so the templates only draw.

The SVG carries presentation attributes only (no style attributes: strict CSP). Every
picture has role="img" and an aria-label with all its numbers; the page shows the same
numbers in a table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from vangnet.quickscan.scan import NIVEAUS, Score

KLEUR = {"kwaliteit": "#1d4f91", "preventie": "#0b6e3a", "reactie": "#7a3e00"}
LETTER = {"kwaliteit": "K", "preventie": "P", "reactie": "R"}
BALK_X = 120
BALK_BREEDTE = 240  # 100 %


@dataclass(frozen=True)
class Balk:
    y: int
    breedte: float
    kleur: str
    label: str
    waarde: str
    tekst_x: float


def beschrijving(scores: dict[str, Score]) -> str:
    """All the numbers of the picture in one sentence (the aria-label)."""
    delen = []
    for s in scores.values():
        if s.procent is None:
            delen.append(_("%(niveau)s: niet te bepalen") % {"niveau": s.label.capitalize()})
        else:
            delen.append(
                _("%(niveau)s: %(procent)s procent, %(woord)s")
                % {"niveau": s.label.capitalize(), "procent": s.procent, "woord": s.woord_label}
            )
    return "; ".join(delen)


def balken(scores: dict[str, Score]) -> list[Balk]:
    """One horizontal bar per level of the beleidsdriehoek."""
    uit = []
    for i, niveau in enumerate(NIVEAUS):
        s = scores[niveau]
        breedte = BALK_BREEDTE * (s.procent or 0) / 100
        waarde = f"{s.procent} %" if s.procent is not None else "–"
        uit.append(
            Balk(
                y=10 + i * 40,
                breedte=breedte,
                kleur=KLEUR[niveau],
                label=s.label.capitalize(),
                waarde=waarde,
                tekst_x=BALK_X + breedte + 6,
            )
        )
    return uit


@dataclass(frozen=True)
class Zuil:
    x: float
    y: float
    hoogte: float
    kleur: str
    letter: str


@dataclass(frozen=True)
class Groep:
    x: float
    datum: str
    zuilen: list[Zuil]


HOOGTE = 150  # 100 %
BASIS = 170


def verloop(reeks: list[tuple[str, dict]]) -> list[Groep]:
    """Grouped columns over time: per saved result (date, scores) one group of three."""
    groepen = []
    for i, (datum, scores) in enumerate(reeks):
        x0 = 40 + i * 90
        zuilen = []
        for j, niveau in enumerate(NIVEAUS):
            procent = (scores.get(niveau) or {}).get("procent") or 0
            hoogte = HOOGTE * procent / 100
            zuilen.append(Zuil(x0 + j * 22, BASIS - hoogte, hoogte, KLEUR[niveau], LETTER[niveau]))
        groepen.append(Groep(x0, datum, zuilen))
    return groepen


def verloop_beschrijving(reeks: list[tuple[str, dict]]) -> str:
    delen = []
    for datum, scores in reeks:
        cijfers = ", ".join(
            f"{niveau} {(scores.get(niveau) or {}).get('procent', '–')} %" for niveau in NIVEAUS
        )
        delen.append(f"{datum}: {cijfers}")
    return "; ".join(delen)

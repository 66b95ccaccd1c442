"""The geometry of the monitoring charts, computed here so the templates only draw.

Every chart is an SVG written by a template (``monitoring/_staven.html``,
``monitoring/_verloop.html``), with presentation attributes only (strict CSP), a title and
an aria-label with all its numbers, and the same numbers in a table beside it. A hidden
cell gets no bar, only its mark (``<10`` or ``x``): a bar of any length would tell its size.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

KLEUR = "#1d4f91"
KLEUREN_BRONNEN = ("#1d4f91", "#0b6e3a", "#7a3e00", "#6b2c91", "#8a1538")
LABEL_BREEDTE = 230
BALK_BREEDTE = 300
RIJ = 26


@dataclass(frozen=True)
class Staaf:
    y: int
    breedte: float
    label: str
    waarde: str
    tekst_x: float
    getoond: bool


@dataclass(frozen=True)
class Staafdiagram:
    staven: list[Staaf]
    hoogte: int
    breedte: int
    beschrijving: str
    label_breedte: int = LABEL_BREEDTE


def _getal(waarde) -> int | None:
    return waarde if isinstance(waarde, int) else None


def staven(reeks: list[tuple[str, int | str]], titel: str) -> Staafdiagram:
    """Horizontal bars, one per value; hidden values get their mark and no bar."""
    grootste = max((_getal(w) or 0 for _label, w in reeks), default=0) or 1
    uit = []
    for i, (label, waarde) in enumerate(reeks):
        n = _getal(waarde)
        breedte = BALK_BREEDTE * n / grootste if n else 0
        uit.append(
            Staaf(
                y=8 + i * RIJ,
                breedte=breedte,
                label=label,
                waarde=str(waarde),
                tekst_x=LABEL_BREEDTE + breedte + 6,
                getoond=n is not None,
            )
        )
    beschrijving = _("%(titel)s: %(waarden)s") % {
        "titel": titel,
        "waarden": "; ".join(f"{label} {waarde}" for label, waarde in reeks),
    }
    return Staafdiagram(uit, 16 + len(reeks) * RIJ, LABEL_BREEDTE + BALK_BREEDTE + 60, beschrijving)


@dataclass(frozen=True)
class Zuil:
    x: float
    y: float
    hoogte: float
    breedte: float
    kleur: str
    waarde: str
    getoond: bool


@dataclass(frozen=True)
class Groep:
    x: float
    midden: float
    label: str
    zuilen: list[Zuil]


@dataclass(frozen=True)
class Verloopdiagram:
    groepen: list[Groep]
    breedte: int
    hoogte: int
    basis: int
    beschrijving: str
    legende: list[tuple[str, str]]


ZUIL_HOOGTE = 160
BASIS = 190


def verloop(
    periodes: list[str], reeksen: list[tuple[str, list[int | str]]], titel: str
) -> Verloopdiagram:
    """Columns over time: per period one group with a column per source (``reeksen``)."""
    grootste = max((_getal(w) or 0 for _naam, rij in reeksen for w in rij), default=0) or 1
    zuil_breedte = 18
    groep_breedte = zuil_breedte * len(reeksen) + 14
    groepen = []
    for i, periode in enumerate(periodes):
        x0 = 10 + i * groep_breedte
        zuilen = []
        for j, (_naam, rij) in enumerate(reeksen):
            waarde = rij[i]
            n = _getal(waarde)
            hoogte = ZUIL_HOOGTE * n / grootste if n else 0
            zuilen.append(
                Zuil(
                    x=x0 + j * zuil_breedte,
                    y=BASIS - hoogte,
                    hoogte=hoogte,
                    breedte=zuil_breedte - 3,
                    kleur=KLEUREN_BRONNEN[j % len(KLEUREN_BRONNEN)],
                    waarde=str(waarde),
                    getoond=n is not None,
                )
            )
        groepen.append(Groep(x0, x0 + (groep_breedte - 14) / 2, periode, zuilen))
    delen = []
    for naam, rij in reeksen:
        delen.append(
            f"{naam}: " + ", ".join(f"{p} {w}" for p, w in zip(periodes, rij, strict=True))
        )
    beschrijving = f"{titel}. " + "; ".join(delen)
    legende = [
        (naam, KLEUREN_BRONNEN[j % len(KLEUREN_BRONNEN)]) for j, (naam, _rij) in enumerate(reeksen)
    ]
    return Verloopdiagram(
        groepen,
        max(320, 20 + len(periodes) * groep_breedte),
        BASIS + 50,
        BASIS,
        beschrijving,
        legende,
    )

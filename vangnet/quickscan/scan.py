"""The quickscan's rules: which statements a profile gets, the score per level, the advice.

Pure functions on plain values: a ``Profiel``, answers as ``{statement id: answer}`` and
statements as anything with ``slug``, ``niveau``, ``geldt_voor``, ``voorwaarden`` and
``gewicht`` (the ``Stelling`` model, or a small stand-in in tests). Only ``hulp_voor`` reads
the database: the kaart records that help with a step, and their price.

Decisions (docs/toolbox-quickscan.md explains them):

- yes = 1, partly = 0.5, no = 0; "not applicable" and unanswered statements do not count.
  Each statement counts with its weight (1-3).
- The words for a score come from ``DREMPELS``, in one place.
- The next steps are the statements answered no or partly, most important first: higher
  weight first; then "no" before "partly"; then kwaliteit before preventie before reactie,
  because the beleidsdriehoek is a pyramid whose base is kwaliteit (action plan, chapter 2:
  "Reactie ... steunt op preventie", and preventie builds on kwaliteit); then the file's
  order. At most ``MAXIMUM_STAPPEN``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vangnet.kaart.choices import Beleidsniveau
from vangnet.kaart.prijzen import alle_prijzen_in_woorden, prijs_in_woorden
from vangnet.quickscan.choices import Antwoord, Grootte, Organisatievorm

NIVEAUS: tuple[str, ...] = tuple(Beleidsniveau.values)  # kwaliteit, preventie, reactie
WAARDE = {Antwoord.JA: 1.0, Antwoord.DEELS: 0.5, Antwoord.NEE: 0.0}
# A score (0-100) at or above the threshold gets the word: the first that fits, top down.
DREMPELS: tuple[tuple[int, str, Any], ...] = (
    (75, "sterk", gettext_lazy("sterk")),
    (40, "op-weg", gettext_lazy("op weg")),
    (0, "nog-te-doen", gettext_lazy("nog te doen")),
)
# The result promises three to five next steps: at most five, fewer only when fewer
# statements were answered no or partly.
MAXIMUM_STAPPEN = 5


class StellingLike(Protocol):
    slug: str
    niveau: str
    geldt_voor: list[str]
    voorwaarden: dict
    gewicht: int


@dataclass(frozen=True)
class Profiel:
    """What the organisation told about itself on the first page."""

    vorm: str
    grootte: str = Grootte.GEEN
    paritair_comite: str = ""  # "" = none or not known
    sector: str = ""
    met_minderjarigen: bool = False
    intimiteit: bool = False

    def als_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def uit_dict(cls, data: Mapping[str, Any]) -> Profiel:
        """The profile from a cookie or a saved result; ValueError when it is not valid."""
        vorm = str(data.get("vorm", ""))
        grootte = str(data.get("grootte", Grootte.GEEN))
        if vorm not in Organisatievorm.values or grootte not in Grootte.values:
            raise ValueError("not a quickscan profile")
        return cls(
            vorm=vorm,
            grootte=grootte,
            paritair_comite=str(data.get("paritair_comite") or ""),
            sector=str(data.get("sector") or ""),
            met_minderjarigen=bool(data.get("met_minderjarigen")),
            intimiteit=bool(data.get("intimiteit")),
        )


@dataclass(frozen=True)
class Score:
    """The score of one level: ``procent`` is None when no statement counted."""

    niveau: str
    procent: int | None
    woord: str  # a value of DREMPELS ("sterk", ...), "" when there is no score
    geteld: int  # statements that counted (not "not applicable")

    @property
    def label(self) -> str:
        return str(Beleidsniveau(self.niveau).label)

    @property
    def woord_label(self) -> str:
        for _drempel, woord, label in DREMPELS:
            if woord == self.woord:
                return str(label)
        return _("niet te bepalen")


@dataclass
class Stap:
    """One next step: the statement with a gap, and the kaart records that help."""

    stelling: Any
    antwoord: str
    hulp: list[Hulp] = field(default_factory=list)

    @property
    def antwoord_label(self) -> str:
        return str(Antwoord(self.antwoord).label)


@dataclass(frozen=True)
class Hulp:
    """One kaart record that helps with a step, with what it costs for this organisation."""

    soort: str  # "aanbod" or "aanspreekpunt"
    slug: str
    titel: str
    kost: str  # in words, for the page and the PDF; "" when the kaart knows no price


def geldt_voor(stelling: StellingLike, profiel: Profiel) -> bool:
    """Whether ``stelling`` is asked of an organisation with this profile."""
    if profiel.vorm not in stelling.geldt_voor:
        return False
    voorwaarden = stelling.voorwaarden or {}
    if voorwaarden.get("met_minderjarigen") and not profiel.met_minderjarigen:
        return False
    if voorwaarden.get("intimiteit") and not profiel.intimiteit:
        return False
    groottes = voorwaarden.get("grootte")
    return not (groottes and profiel.grootte not in groottes)


def stellingen_voor(stellingen: Iterable[StellingLike], profiel: Profiel) -> list:
    """The statements this profile is asked, in the file's order."""
    return [s for s in stellingen if geldt_voor(s, profiel)]


def per_niveau(stellingen: Iterable[StellingLike]) -> dict[str, list]:
    """The statements grouped by level, levels in the triangle's order (empty ones left out)."""
    groepen: dict[str, list] = {niveau: [] for niveau in NIVEAUS}
    for s in stellingen:
        groepen[s.niveau].append(s)
    return {niveau: lijst for niveau, lijst in groepen.items() if lijst}


def woord_voor(procent: int | None) -> str:
    if procent is None:
        return ""
    for drempel, woord, _label in DREMPELS:
        if procent >= drempel:
            return woord
    return DREMPELS[-1][1]


def scores(stellingen: Sequence[StellingLike], antwoorden: Mapping[str, str]) -> dict[str, Score]:
    """The weighted score per level (0-100, rounded) of the statements given."""
    uitkomst = {}
    for niveau in NIVEAUS:
        totaal = behaald = 0.0
        geteld = 0
        for s in stellingen:
            antwoord = antwoorden.get(s.slug)
            if s.niveau != niveau or antwoord not in WAARDE:
                continue
            totaal += s.gewicht
            behaald += s.gewicht * WAARDE[Antwoord(antwoord)]
            geteld += 1
        procent = round(100 * behaald / totaal) if totaal else None
        uitkomst[niveau] = Score(niveau, procent, woord_voor(procent), geteld)
    return uitkomst


def volgende_stappen(
    stellingen: Sequence[StellingLike], antwoorden: Mapping[str, str]
) -> list[Stap]:
    """The most important next steps, in order (see the module's docstring)."""
    gaten = [
        (i, s, antwoorden[s.slug])
        for i, s in enumerate(stellingen)
        if antwoorden.get(s.slug) in (Antwoord.NEE, Antwoord.DEELS)
    ]
    gaten.sort(
        key=lambda g: (
            -g[1].gewicht,
            0 if g[2] == Antwoord.NEE else 1,
            NIVEAUS.index(g[1].niveau),
            g[0],
        )
    )
    return [Stap(s, antwoord) for _i, s, antwoord in gaten[:MAXIMUM_STAPPEN]]


def kost_in_woorden(aanbod: Any, paritair_comite: str) -> str:
    """What the kaart's price rows (``Prijs``) say an offering costs this organisation, in
    words; "" when they say nothing (the page says once that such prices are not known).

    With a paritair comité: its own price, else the price for everyone else. Without one
    (none, or not known), every row, so that "gratis onder PC 304; 750 euro voor alle
    anderen" tells the organisation what its committee would change. Needs
    ``prijzen__paritair_comite`` prefetched.
    """
    if paritair_comite:
        prijs = aanbod.prijs_voor(paritair_comite)
        return prijs_in_woorden(prijs) if prijs else ""
    return alle_prijzen_in_woorden(aanbod)


def hulp_voor(stelling: Any, paritair_comite: str) -> list[Hulp]:
    """The kaart records that help with ``stelling``, in the data file's order, each with
    what the data knows of its cost for ``paritair_comite`` (see ``kost_in_woorden``; a
    contact point: "gratis" when the kaart says it is free). Reads the database: prefetch
    ``helpt_aanbod__prijzen__paritair_comite``."""
    aanbod = {a.slug: a for a in stelling.helpt_aanbod.all()}
    punten = {p.slug: p for p in stelling.helpt_aanspreekpunten.all()}
    hulp = []
    for slug in stelling.helpt:
        if slug in aanbod:
            a = aanbod[slug]
            hulp.append(Hulp("aanbod", slug, a.titel, kost_in_woorden(a, paritair_comite)))
        elif slug in punten:
            p = punten[slug]
            hulp.append(Hulp("aanspreekpunt", slug, p.naam, _("gratis") if p.kosteloos else ""))
    return hulp


def prijs_onbekend(stappen: Iterable[Stap]) -> bool:
    """Whether some help on the page has no known price: then the page says so, once."""
    return any(not hulp.kost for stap in stappen for hulp in stap.hulp)


def met_hulp(stappen: list[Stap], paritair_comite: str) -> list[Stap]:
    """The steps with their help filled in."""
    for stap in stappen:
        stap.hulp = hulp_voor(stap.stelling, paritair_comite)
    return stappen


def alle_beantwoord(stellingen: Sequence[StellingLike], antwoorden: Mapping[str, str]) -> bool:
    return all(antwoorden.get(s.slug) in Antwoord.values for s in stellingen)

"""The vangnet schema (action 2.1): every contact point in its band, drawn from the kaart.

One structure feeds the accessible page ``/vangnet/`` and the printable posters, so the
picture can never differ from the data the wegwijzer routes with.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from vangnet.kaart.choices import Niveau, Sector, Status
from vangnet.wegwijzer import poster, regels
from vangnet.wegwijzer.kaartbeeld import Punt, punten


@dataclass(frozen=True)
class Schakel:
    """A contact point in the schema, with who it serves in words."""

    punt: Punt
    voor_wie: str


@dataclass(frozen=True)
class Band:
    niveau: str
    titel: str
    uitleg: str
    schakels: tuple[Schakel, ...]


def voor_wie(punt: Punt) -> str:
    """Who a contact point serves, in one short phrase."""
    if set(Status.values) <= punt.doelgroepen:
        tekst = _("Voor iedereen")
    else:
        groepen = [str(regels.GROEP[s]) for s in Status.values if s in punt.doelgroepen]
        tekst = _("Voor %(groepen)s") % {"groepen": ", ".join(groepen)}
    if punt.sectoren:
        sectoren = ", ".join(str(Sector(s).label) for s in sorted(punt.sectoren))
        tekst += " " + _("in de %(sectoren)s") % {"sectoren": sectoren}
    return f"{tekst}."


def bereik(punt: Punt) -> str:
    """The first way to reach a contact point, for the poster (the page has them all)."""
    delen = []
    for kanaal in punt.kanalen[:1]:
        delen.append(f"{kanaal.soort_label}: {kanaal.waarde}")
    return " · ".join(delen)


def vangnetschema() -> tuple[Band, ...]:
    """The bands from danger to specialised help, each with its contact points by name."""
    alle = sorted(punten().values(), key=lambda p: p.naam.casefold())
    return tuple(
        Band(
            niveau=niveau,
            titel=str(Niveau(niveau).label),
            uitleg=str(regels.NIVEAU_UITLEG[niveau]),
            schakels=tuple(Schakel(p, voor_wie(p)) for p in alle if p.niveau == niveau),
        )
        for niveau in regels.NIVEAUVOLGORDE
    )


def als_poster(
    organisatie: str = "",
    eigen_punten: tuple[poster.EigenPunt, ...] = (),
    qr_url: str = "",
    site: str = "",
) -> poster.Poster:
    """The schema as a poster, optionally with an organisation's own contact points."""
    niveaus = tuple(
        poster.PosterNiveau(
            titel=band.titel[:1].upper() + band.titel[1:],
            uitleg=band.uitleg,
            punten=tuple(
                poster.PosterPunt(
                    naam=s.punt.naam,
                    voor_wie=s.voor_wie,
                    bereik=bereik(s.punt),
                    anoniem=s.punt.anoniem,
                    kosteloos=s.punt.kosteloos,
                )
                for s in band.schakels
            ),
        )
        for band in vangnetschema()
        if band.schakels
    )
    return poster.Poster(
        titel=_("Het vangnet tegen grensoverschrijdend gedrag in de cultuur"),
        ondertitel=_(
            "Waar kan je terecht als je grensoverschrijdend gedrag meemaakt, ziet of "
            "ervan beschuldigd wordt? Van dichtbij naar gespecialiseerd."
        ),
        niveaus=niveaus,
        voetnoot=_(
            "In nood: bel 112 of 101. Meer uitleg, wat er gebeurt als je contact opneemt en "
            "alle bronnen: %(site)s"
        )
        % {"site": site or "Vangnet"},
        organisatie=organisatie,
        organisatie_kop=_("Bij %(organisatie)s") % {"organisatie": organisatie}
        if organisatie
        else "",
        eigen_punten=eigen_punten,
        qr_url=qr_url,
        qr_uitleg=_("Scan: waar kan ik terecht?") if qr_url else "",
        legende_anoniem=_("anoniem mogelijk"),
        legende_gratis=_("gratis"),
    )

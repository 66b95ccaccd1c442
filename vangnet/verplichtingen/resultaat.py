"""The outcome of the check as the page and the API show it: the rules' outcomes with the
kaart's contact points and offering that help, and what that offering costs under the
organisation's paritair comité."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from vangnet.kaart.models import Aanbod, Aanspreekpunt, ParitairComite
from vangnet.verplichtingen.models import Regel
from vangnet.verplichtingen.regels import Uitkomst, beoordeel


@dataclass
class Hulp:
    """A contact point or an offering of the kaart that helps to meet a rule."""

    soort: str  # aanspreekpunt | aanbod
    item: Aanspreekpunt | Aanbod
    prijs: Decimal | None = None  # under the chosen paritair comité, when known
    gratis: bool = False
    vanaf: bool = False  # a starting price


@dataclass
class Rij:
    """One rule's outcome with the help for it, as the page lists it."""

    uitkomst: Uitkomst
    hulp: list[Hulp]


@dataclass
class Resultaat:
    werknemers: int
    vrijwilligers: int
    pc: ParitairComite | None
    uitkomsten: list[Uitkomst]
    hulp: dict[str, list[Hulp]] = field(default_factory=dict)

    def van_soort(self, soort: str) -> list[Rij]:
        return [
            Rij(u, self.hulp.get(u.regel.slug, [])) for u in self.uitkomsten if u.soort == soort
        ]

    @property
    def verplicht(self) -> list[Rij]:
        return self.van_soort("verplicht")

    @property
    def aanbevolen(self) -> list[Rij]:
        return self.van_soort("aanbevolen")

    @property
    def niet_van_toepassing(self) -> list[Rij]:
        return self.van_soort("niet-van-toepassing")


def bereken(werknemers: int, vrijwilligers: int, pc: str | None) -> Resultaat:
    """Evaluate every rule for these numbers and gather the help the kaart offers."""
    regels = list(Regel.objects.all())
    comite = ParitairComite.objects.filter(slug=pc).first() if pc else None
    uitkomsten = beoordeel(werknemers, vrijwilligers, comite.slug if comite else None, regels)
    punten = Aanspreekpunt.objects.in_bulk(
        {s for r in regels for s in r.aanspreekpunten}, field_name="slug"
    )
    aanbod = Aanbod.objects.prefetch_related("prijzen__paritair_comite").in_bulk(
        {s for r in regels for s in r.aanbod}, field_name="slug"
    )
    hulp: dict[str, list[Hulp]] = {}
    for regel in regels:
        lijst = [Hulp("aanspreekpunt", punten[s]) for s in regel.aanspreekpunten if s in punten]
        for slug in regel.aanbod:
            if slug not in aanbod:
                continue  # edited away in the admin since: show the rest
            prijs = aanbod[slug].prijs_voor(comite.slug if comite else None)
            lijst.append(
                Hulp(
                    "aanbod",
                    aanbod[slug],
                    prijs=prijs.bedrag if prijs else None,
                    gratis=bool(prijs and prijs.gratis),
                    vanaf=bool(prijs and prijs.vanaf),
                )
            )
        hulp[regel.slug] = lijst
    return Resultaat(werknemers, vrijwilligers, comite, uitkomsten, hulp)

"""Choosing pool members: every filter a person sets must hold (AND).

The pool is small (tens of people), and its lists are JSON, which SQLite cannot search
inside; so the rules run in Python on the active members, the same on every database.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from vangnet.pool.models import Poollid


@dataclass(frozen=True)
class Keuze:
    """What a person looks for; an empty value means: no preference."""

    gender: str = ""
    taal: str = ""
    sector: str = ""
    discipline: str = ""
    regio: str = ""
    alleen_beschikbaar: bool = False

    def is_leeg(self) -> bool:
        return self == Keuze()


def past(lid: Poollid, keuze: Keuze) -> bool:
    """Whether ``lid`` meets every wish in ``keuze``."""
    return (
        (not keuze.gender or lid.gender == keuze.gender)
        and (not keuze.taal or keuze.taal in lid.talen)
        and (not keuze.sector or keuze.sector in lid.sectoren)
        and (not keuze.discipline or keuze.discipline in lid.disciplines)
        and (not keuze.regio or lid.werkt_in(keuze.regio))
        and (not keuze.alleen_beschikbaar or lid.is_beschikbaar())
    )


def kies(leden: Iterable[Poollid], keuze: Keuze) -> list[Poollid]:
    """The members that fit, available ones first, then by name."""
    gevonden = [lid for lid in leden if past(lid, keuze)]
    return sorted(gevonden, key=lambda lid: (not lid.is_beschikbaar(), lid.naam.casefold()))


def zoek(keuze: Keuze) -> list[Poollid]:
    """The active members of the pool that fit ``keuze``."""
    return kies(Poollid.objects.zichtbaar(), keuze)

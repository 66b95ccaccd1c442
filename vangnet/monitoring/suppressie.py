"""Statistical disclosure control: which cells of a table are not published, and why.

The cultural sector is small and people recognise each other, so a count of 3 reports of
sexual harassment in circus in one quarter can point at a person. The rule, the same for
every audience:

1. **Primary suppression.** A cell (or a total) below ``DREMPEL`` (10), zero included, is
   not published; it is shown as ``<10``.
2. **Complementary suppression.** A hidden cell must not be recoverable from what is
   published: not by subtracting the shown cells of its row or column from their total,
   nor by any combination of rows, columns and periods. So more cells are hidden (shown as
   ``x``) until none can be worked out.

A table with its totals is a grid (``Rooster``): rows and columns of codes, plus a total
row and column. Each row whose cells add up to its total is one equation, and so is each
column. Write every equation as "the signed sum of its cells is zero": then a change of
the hidden cells that keeps every equation true is a *circulation* in the graph whose
nodes are the equations and whose edges are the hidden cells, and a hidden cell can be
worked out exactly when no cycle of hidden cells runs through it, that is when it is a
*bridge* of that graph (Gusfield, "A graph theoretic approach to statistical data
security", SIAM J. Comput. 17(3), 1988). Lines that do not add up (a case can have more
than one kind of behaviour, so the behaviour rows of a column do not sum to its total)
are no equation: their cells meet in one free node.

Complementary suppression therefore looks for a bridge, and closes a cycle through it
along the cheapest path of cells to hide (hidden cells cost nothing, a shown cell costs
its count, so few people's figures are lost), until no bridge is left. Cells the caller
fixes (``vast``) are neither hidden nor shown here: the totals of a crossing are the
published one-dimensional tables and keep their status there.

The periods a reader can compare are rows of the same kind of grid: the four quarters of
a year and the year itself (the year row is the total of the quarter rows). See
docs/monitoring.md for what this protects against and what it does not.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

DREMPEL = 10
TOTAAL = "totaal"

Cel = tuple[Hashable, Hashable]


class NietTeBeschermen(Exception):
    """No set of extra hidden cells protects the table (fixed cells are in the way)."""


@dataclass
class Rooster:
    """A table with its totals: ``waarden[(rij, kolom)]``, totals under ``TOTAAL``.

    ``rijen_tellen_op``: the cells of a row add up to its total (the column code has one
    value per case). ``kolommen_tellen_op``: the cells of a column add up to its total.
    A missing total row or column (``TOTAAL`` not in the keys) is simply not published.
    """

    rijen: list[Hashable]
    kolommen: list[Hashable]
    waarden: dict[Cel, int]
    rijen_tellen_op: bool = True
    kolommen_tellen_op: bool = True
    vast: dict[Cel, bool] = field(default_factory=dict)  # cel -> verborgen

    def cellen(self) -> list[Cel]:
        return list(self.waarden)


@dataclass(frozen=True)
class Uitkomst:
    """Which cells are hidden, and of those which ones for being small (primary)."""

    verborgen: frozenset[Cel]
    primair: frozenset[Cel]

    def toon(self, cel: Cel, waarde: int) -> int | str:
        """The published form of a cell: its count, ``"<10"`` or ``"x"``."""
        if cel in self.primair:
            return f"<{DREMPEL}"
        if cel in self.verborgen:
            return "x"
        return waarde


def _knopen(rooster: Rooster, cel: Cel) -> tuple[Hashable, Hashable]:
    """The two equations a cell is part of; a line that does not add up is the free node."""
    rij, kolom = cel
    # A row is an equation only when it has cells to add up besides its total.
    heeft_rijlijn = (
        rooster.rijen_tellen_op and bool(rooster.kolommen) and (rij, TOTAAL) in rooster.waarden
    )
    heeft_kolomlijn = (
        rooster.kolommen_tellen_op and bool(rooster.rijen) and (TOTAAL, kolom) in rooster.waarden
    )
    # The total row is an equation of its own when rows add up (its cells are the column
    # totals, which add up to the grand total); likewise the total column.
    if rij == TOTAAL:
        heeft_rijlijn = (
            rooster.rijen_tellen_op
            and bool(rooster.kolommen)
            and (TOTAAL, TOTAAL) in rooster.waarden
        )
    if kolom == TOTAAL:
        heeft_kolomlijn = (
            rooster.kolommen_tellen_op
            and bool(rooster.rijen)
            and (TOTAAL, TOTAAL) in rooster.waarden
        )
    return (("r", rij) if heeft_rijlijn else "vrij"), (("k", kolom) if heeft_kolomlijn else "vrij")


def bruggen(rooster: Rooster, verborgen: Iterable[Cel]) -> set[Cel]:
    """The hidden cells that can be worked out from the published ones (Tarjan's bridges)."""
    buren: dict[Hashable, list[tuple[Hashable, Cel]]] = {}
    for cel in verborgen:
        a, b = _knopen(rooster, cel)
        if a == b:
            continue  # in no equation at all (or in one twice): nothing to solve
        buren.setdefault(a, []).append((b, cel))
        buren.setdefault(b, []).append((a, cel))
    orde: dict[Hashable, int] = {}
    laag: dict[Hashable, int] = {}
    uit: set[Cel] = set()
    teller = 0
    for start in buren:
        if start in orde:
            continue
        orde[start] = laag[start] = teller
        teller += 1
        stapel = [(start, None, iter(buren[start]))]
        while stapel:
            knoop, via, rest = stapel[-1]
            for volgende, cel in rest:
                if cel == via:
                    continue
                if volgende in orde:
                    laag[knoop] = min(laag[knoop], orde[volgende])
                else:
                    orde[volgende] = laag[volgende] = teller
                    teller += 1
                    stapel.append((volgende, cel, iter(buren[volgende])))
                    break
            else:
                stapel.pop()
                if stapel:
                    ouder = stapel[-1][0]
                    laag[ouder] = min(laag[ouder], laag[knoop])
                    if laag[knoop] > orde[ouder]:
                        uit.add(via)
    return uit


def _goedkoopste_pad(rooster: Rooster, verborgen: set[Cel], brug: Cel) -> list[Cel] | None:
    """The shown cells to hide so that a cycle of hidden cells runs through ``brug``."""
    buren: dict[Hashable, list[tuple[Hashable, Cel, int]]] = {}
    for cel, waarde in rooster.waarden.items():
        if cel == brug:
            continue
        if cel in verborgen:
            kost = 0
        elif rooster.vast.get(cel) is False:
            continue  # must stay published
        else:
            kost = waarde + 1
        a, b = _knopen(rooster, cel)
        if a == b:
            continue
        buren.setdefault(a, []).append((b, cel, kost))
        buren.setdefault(b, []).append((a, cel, kost))
    start, doel = _knopen(rooster, brug)
    afstand = {start: 0}
    terug: dict[Hashable, tuple[Hashable, Cel]] = {}
    wachtrij = [(0, 0, start)]
    volgnummer = 1
    while wachtrij:
        d, _n, knoop = heapq.heappop(wachtrij)
        if knoop == doel:
            break
        if d > afstand[knoop]:
            continue
        for volgende, cel, kost in buren.get(knoop, []):
            nd = d + kost
            if nd < afstand.get(volgende, float("inf")):
                afstand[volgende] = nd
                terug[volgende] = (knoop, cel)
                heapq.heappush(wachtrij, (nd, volgnummer, volgende))
                volgnummer += 1
    if doel not in afstand:
        return None
    pad, knoop = [], doel
    while knoop != start:
        knoop, cel = terug[knoop]
        pad.append(cel)
    return [cel for cel in pad if cel not in verborgen]


def onderdruk(rooster: Rooster) -> Uitkomst:
    """Primary and complementary suppression of one table with its totals.

    Raises ``NietTeBeschermen`` when the fixed cells leave no way to protect a hidden
    cell; the caller then publishes none of the table.
    """
    primair = {
        cel
        for cel, waarde in rooster.waarden.items()
        if waarde < DREMPEL and rooster.vast.get(cel) is not False
    }
    verborgen = primair | {cel for cel, verb in rooster.vast.items() if verb}
    for cel, verb in rooster.vast.items():
        if not verb and rooster.waarden.get(cel, DREMPEL) < DREMPEL:
            raise NietTeBeschermen(f"vaste cel {cel} is kleiner dan {DREMPEL}")
    while True:
        open_bruggen = bruggen(rooster, verborgen)
        if not open_bruggen:
            return Uitkomst(frozenset(verborgen), frozenset(primair))
        # The most valuable bridge first: closing its cycle often closes others.
        brug = min(open_bruggen, key=lambda c: (str(c[0]), str(c[1])))
        pad = _goedkoopste_pad(rooster, verborgen, brug)
        if pad is None:
            raise NietTeBeschermen(f"geen cyclus mogelijk door {brug}")
        verborgen.update(pad)


def alles_verborgen(rooster: Rooster) -> Uitkomst:
    """Nothing of the table published (when it cannot be protected, or is not to be shown)."""
    cellen = frozenset(rooster.waarden)
    return Uitkomst(cellen, frozenset(c for c in cellen if rooster.waarden[c] < DREMPEL))

"""How long the wegwijzer is for a careful reader: words on each page and the time it takes.

A careful reader reads 200 words a minute and needs a few seconds on each question page to
choose and press Verder. What counts is what a page shows without a tap: the words in
``<main>``, leaving out what waits inside a closed ``<details>`` (its ``<summary>`` counts).
On the route page only the route counts (up to "Bewaar of print je route").

Used by the tests (vangnet/wegwijzer/tests/test_lengte.py), which walk the interview of
every case in test_routegevallen.py and pin the start page's promise to the figure; the
figures are in docs/wegwijzer.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html.parser import HTMLParser

WOORDEN_PER_MINUUT = 200
SECONDEN_PER_VRAAG = 5  # reading the choices is counted in words; this is choosing and going on
# The promise on the start page ("Het duurt ongeveer N minuten"): the time to the first step
# for most people (90 in 100 of the test routes), rounded up to whole minutes.
BELOFTE_MINUTEN = 4
BELOFTE_DEEL = 0.9

_WOORD = re.compile(r"\w[\w'’.-]*")


class _Tekst(HTMLParser):
    """The words a page shows in ``<main>`` before any tap, split at ``<li class="stap">``;
    nothing after the element with id ``tot``."""

    def __init__(self, tot: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.tot = tot
        self.in_main = False
        self.klaar = False
        self.details: list[list[bool]] = []  # per <details>: [closed, in its summary]
        self.verborgen = 0  # depth in text for screen readers only
        self.delen: list[list[str]] = [[]]

    def _zichtbaar(self) -> bool:
        return all(summary or not dicht for dicht, summary in self.details)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        klassen = (a.get("class") or "").split()
        if tag == "main":
            self.in_main = True
        if not self.in_main or self.klaar:
            return
        if self.tot and a.get("id") == self.tot:
            self.klaar = True
        elif tag == "details":
            self.details.append(["open" not in a, False])
        elif tag == "summary" and self.details:
            self.details[-1][1] = True
        elif tag == "li" and "stap" in klassen and self._zichtbaar():
            self.delen.append([])
        elif tag == "span" and ("visueel-verborgen" in klassen or self.verborgen):
            self.verborgen += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False
        elif tag == "details" and self.details:
            self.details.pop()
        elif tag == "summary" and self.details:
            self.details[-1][1] = False
        elif tag == "span" and self.verborgen:
            self.verborgen -= 1

    def handle_data(self, data):
        if self.in_main and not self.klaar and not self.verborgen and self._zichtbaar():
            self.delen[-1] += _WOORD.findall(data)


def woorden(html: str, tot: str = "") -> list[int]:
    """Words shown without a tap: before the first step, then per step (``li.stap``)."""
    p = _Tekst(tot)
    p.feed(html)
    return [len(d) for d in p.delen]


@dataclass(frozen=True)
class Lezing:
    """One person's way from the first question to their route."""

    vragen: tuple[int, ...]  # words on each question page asked
    controle: int  # words on the check page
    route: tuple[int, ...]  # route page: before the first step, then per step shown

    @property
    def seconden_vragen(self) -> float:
        woorden = sum(self.vragen) + self.controle
        return woorden * 60 / WOORDEN_PER_MINUUT + SECONDEN_PER_VRAAG * (len(self.vragen) + 1)

    @property
    def tot_eerste_stap(self) -> float:
        """Seconds until the first step has been read (questions, check page, first step)."""
        return self.seconden_vragen + sum(self.route[:2]) * 60 / WOORDEN_PER_MINUUT

    @property
    def hele_route(self) -> float:
        """Seconds until the route as shown (the first steps, not what is one tap away)."""
        return self.seconden_vragen + sum(self.route) * 60 / WOORDEN_PER_MINUUT

    @property
    def route_woorden(self) -> int:
        return sum(self.route)


def deel(waarden: list[float], q: float) -> float:
    """The value below which ``q`` of ``waarden`` lie (nearest rank)."""
    rij = sorted(waarden)
    return rij[max(0, math.ceil(q * len(rij)) - 1)]

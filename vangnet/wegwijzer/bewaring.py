"""Where a person's answers live between two questions: only on their own device.

The answers travel in one signed cookie (Django's signing, so they cannot be altered
unnoticed). Nothing is stored on the server and nothing lands in a URL, so the browser
history shows only which question was open, never an answer. The cookie lives until the
browser closes; the quick exit and the "wis mijn antwoorden" button delete it at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse

from vangnet.core import toestelcookie
from vangnet.wegwijzer.antwoorden import LIJSTEN, Antwoorden, OngeldigAntwoord

_ZOUT = "vangnet.wegwijzer.antwoorden"


@dataclass
class Gesprek:
    """The interview so far: the answers and which questions were answered (also "not sure")."""

    antwoorden: Antwoorden = field(default_factory=Antwoorden)
    beantwoord: list[str] = field(default_factory=list)
    afgeleid: list[str] = field(default_factory=list)  # filled in for them, not asked

    def beantwoord_met(self, vraag_id: str, waarde: object, afgeleid: bool = False) -> Gesprek:
        beantwoord = [v for v in self.beantwoord if v != vraag_id] + [vraag_id]
        afgeleide = [v for v in self.afgeleid if v != vraag_id] + ([vraag_id] if afgeleid else [])
        return Gesprek(self.antwoorden.met(**{vraag_id: waarde}), beantwoord, afgeleide)

    def vergeet(self, vraag_id: str) -> Gesprek:
        """As if the question was never answered."""
        leeg = frozenset() if vraag_id in LIJSTEN else None
        return Gesprek(
            self.antwoorden.met(**{vraag_id: leeg}),
            [v for v in self.beantwoord if v != vraag_id],
            [v for v in self.afgeleid if v != vraag_id],
        )


def cookienaam() -> str:
    return toestelcookie.naam("wegwijzer")


def lees(request: HttpRequest) -> Gesprek:
    """The interview in this request's cookie; a missing, altered or outdated cookie starts over."""
    ruw = toestelcookie.lees(request, "wegwijzer", _ZOUT)
    if not ruw:
        return Gesprek()
    try:
        data = json.loads(ruw)
        return Gesprek(
            Antwoorden.uit_dict(data["a"]),
            [str(v) for v in data["b"]],
            [str(v) for v in data.get("d", [])],
        )
    except (ValueError, KeyError, TypeError, OngeldigAntwoord):
        return Gesprek()


def bewaar(response: HttpResponse, gesprek: Gesprek) -> None:
    waarde = json.dumps(
        {"a": gesprek.antwoorden.als_dict(), "b": gesprek.beantwoord, "d": gesprek.afgeleid},
        separators=(",", ":"),
    )
    toestelcookie.bewaar(response, "wegwijzer", _ZOUT, waarde)


def wis(response: HttpResponse) -> None:
    toestelcookie.wis(response, "wegwijzer")

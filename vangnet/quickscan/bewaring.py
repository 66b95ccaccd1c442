"""Where a quickscan lives while it is being filled in: only on the organisation's device.

The profile and the answers travel in one signed cookie (Django's signing: they cannot be
altered unnoticed). Nothing is stored on the server unless a logged-in organisation
presses "bewaar"; nothing lands in a URL. The cookie lives until the browser closes;
"wis mijn antwoorden" deletes it at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse

from vangnet.core import toestelcookie
from vangnet.quickscan.choices import Antwoord
from vangnet.quickscan.scan import Profiel

_ZOUT = "vangnet.quickscan.scan"


@dataclass
class Scan:
    """The scan so far: the profile (None before the first page) and the answers."""

    profiel: Profiel | None = None
    antwoorden: dict[str, str] = field(default_factory=dict)


def cookienaam() -> str:
    return toestelcookie.naam("quickscan")


def lees(request: HttpRequest) -> Scan:
    """The scan in this request's cookie; a missing, altered or outdated cookie starts over."""
    ruw = toestelcookie.lees(request, "quickscan", _ZOUT)
    if not ruw:
        return Scan()
    try:
        data = json.loads(ruw)
        profiel = Profiel.uit_dict(data["p"]) if data.get("p") else None
        antwoorden = {
            str(k): str(v) for k, v in dict(data.get("a") or {}).items() if v in Antwoord.values
        }
        return Scan(profiel, antwoorden)
    except (ValueError, KeyError, TypeError, AttributeError):
        return Scan()


def bewaar(response: HttpResponse, scan: Scan) -> None:
    waarde = json.dumps(
        {"p": scan.profiel.als_dict() if scan.profiel else None, "a": scan.antwoorden},
        separators=(",", ":"),
    )
    toestelcookie.bewaar(response, "quickscan", _ZOUT, waarde)


def wis(response: HttpResponse) -> None:
    toestelcookie.wis(response, "quickscan")

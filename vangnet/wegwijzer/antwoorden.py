"""A person's answers to the wegwijzer, and the one place that checks them.

The same vocabulary serves the interview (carried in a signed cookie), the API
(``POST /api/v1/wegwijzer``) and the tests. Every field is optional: a missing answer
or "I'm not sure" is ``None`` (or an empty set) and never narrows the route.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import (
    AnderePartij,
    Context,
    Discriminatiegrond,
    EigenAanspreekpunt,
    Gedrag,
    Perspectief,
    Sector,
    Status,
    Wanneer,
    Wens,
    Werkgever,
)

#: Field name → its vocabulary. ``bool`` marks a yes/no answer.
VOCABULAIRE: dict[str, type[models.TextChoices] | type[bool]] = {
    "rol": Status,
    "perspectief": Perspectief,
    "gedrag": Gedrag,
    "discriminatiegrond": Discriminatiegrond,
    "context": Context,
    "sector": Sector,
    "wanneer": Wanneer,
    "gevaar": bool,
    "minderjarig": bool,
    "wens": Wens,
    "anoniem": bool,
    "eigen_aanspreekpunt": EigenAanspreekpunt,
    "andere_partij": AnderePartij,
    "werkgever": Werkgever,
}
#: Fields that take a list of values.
LIJSTEN = frozenset({"gedrag", "wens"})
#: The allowed values per field, in the vocabulary's order (read on every request).
TOEGELATEN: dict[str, list[str]] = {
    naam: list(soort.values) for naam, soort in VOCABULAIRE.items() if soort is not bool
}


class OngeldigAntwoord(ValueError):
    """An answer outside the vocabulary; the message names the field and what is allowed."""

    def __init__(self, veld: str, waarde: Any, toegelaten: list[str]):
        self.veld = veld
        self.waarde = waarde
        self.toegelaten = toegelaten
        super().__init__(
            _("%(veld)s: %(waarde)s is geen geldig antwoord. Toegelaten: %(toegelaten)s.")
            % {
                "veld": veld,
                "waarde": repr(waarde),
                "toegelaten": ", ".join(str(t) for t in toegelaten),
            }
        )


@dataclass(frozen=True)
class Antwoorden:
    """What a person told the wegwijzer. ``None`` means: not asked, not sure, or rather not say."""

    rol: str | None = None
    perspectief: str | None = None
    gedrag: frozenset[str] = field(default_factory=frozenset)
    discriminatiegrond: str | None = None
    context: str | None = None
    sector: str | None = None
    wanneer: str | None = None
    gevaar: bool | None = None
    minderjarig: bool | None = None
    wens: frozenset[str] = field(default_factory=frozenset)
    anoniem: bool | None = None
    eigen_aanspreekpunt: str | None = None
    andere_partij: str | None = None
    werkgever: str | None = None

    @classmethod
    def uit_dict(cls, data: Any) -> Antwoorden:
        """Check ``data`` (parsed JSON) against the vocabulary; raise OngeldigAntwoord on the first
        wrong field. Unknown field names are refused too, so a typo never goes unnoticed."""
        if not isinstance(data, dict):
            raise OngeldigAntwoord("antwoorden", data, [_("een JSON-object")])
        onbekend = sorted(set(data) - set(VOCABULAIRE))
        if onbekend:
            raise OngeldigAntwoord(onbekend[0], data[onbekend[0]], sorted(VOCABULAIRE))
        waarden: dict[str, Any] = {}
        for naam, waarde in data.items():
            waarden[naam] = _controleer(naam, waarde)
        return cls(**waarden)

    def als_dict(self) -> dict[str, Any]:
        """The answers given, in the API's JSON shape (lists sorted, unanswered fields left out)."""
        result: dict[str, Any] = {}
        for f in fields(self):
            waarde = getattr(self, f.name)
            if f.name in LIJSTEN:
                if waarde:
                    result[f.name] = sorted(waarde)
            elif waarde is not None:
                result[f.name] = waarde
        return result

    def met(self, **wijzigingen: Any) -> Antwoorden:
        """A copy with some answers changed."""
        waarden = {f.name: getattr(self, f.name) for f in fields(self)}
        waarden.update(wijzigingen)
        return Antwoorden(**waarden)


def _controleer(naam: str, waarde: Any) -> Any:
    soort = VOCABULAIRE[naam]
    if waarde is None:
        return frozenset() if naam in LIJSTEN else None
    if soort is bool:
        if not isinstance(waarde, bool):
            raise OngeldigAntwoord(naam, waarde, ["true", "false", "null"])
        return waarde
    toegelaten = TOEGELATEN[naam]
    if naam in LIJSTEN:
        if not isinstance(waarde, list):
            raise OngeldigAntwoord(naam, waarde, [_("een lijst met: %s") % ", ".join(toegelaten)])
        for item in waarde:
            if item not in toegelaten:
                raise OngeldigAntwoord(naam, item, toegelaten)
        return frozenset(waarde)
    if waarde not in toegelaten:
        raise OngeldigAntwoord(naam, waarde, toegelaten)
    return waarde

"""The declared schema of data/verplichtingen.yaml (see vangnet/inhoud/schemas.py).

A condition may only count workers and volunteers with ``vanaf``/``tot``, so a typo in a
threshold is refused with the file, the rule and the case named instead of silently
changing what organisations are told.
"""

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, create_model, model_validator

from vangnet.inhoud.schemas import Record, Streng, Tekst, lijst, verwijzing
from vangnet.verplichtingen.regels import SOORTEN, TELLERS

# Computed details and the values they may take; the API documents exactly these.
KENMERKEN: dict[str, tuple] = {
    "extern": (True, False),
    "werkgever_mag_zelf": (True, False),
    "minstens_een_in_dienst": (True, False),
    "groep": ("A", "B", "C", "D"),
    "opleiding": ("niveau-1", "niveau-2", "basiskennis"),
}


def _geheel_getal(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"a whole number >= 0, got {value!r}")
    return value


def _leeg(value: Any) -> Any:
    return {} if value is None else value


Getal = Annotated[int, BeforeValidator(_geheel_getal)]


class Grenzen(Streng):
    vanaf: Getal | None = None
    tot: Getal | None = None

    @model_validator(mode="after")
    def _van_onder_tot(self) -> "Grenzen":
        if self.vanaf is None and self.tot is None:
            raise ValueError("use {vanaf: n, tot: m}")
        if self.vanaf is not None and self.tot is not None and self.vanaf >= self.tot:
            raise ValueError("vanaf must be below tot")
        return self


# One optional {vanaf, tot} per counter of regels.TELLERS, and the paritaire comités.
Voorwaarde = create_model(
    "Voorwaarde",
    __base__=Streng,
    pc=(lijst(verwijzing("paritaire-comites.yaml", wat="paritair comité")) | None, None),
    **dict.fromkeys(TELLERS, (Grenzen | None, None)),
)
Kenmerken = create_model(
    "Kenmerken",
    __base__=Streng,
    **{naam: (Literal[waarden] | None, None) for naam, waarden in KENMERKEN.items()},
)


class Geval(Streng):
    voorwaarde: Annotated[Voorwaarde, BeforeValidator(_leeg)] = Field(default_factory=Voorwaarde)
    soort: Literal[SOORTEN]
    uitleg: Tekst
    kenmerken: Annotated[Kenmerken, BeforeValidator(_leeg)] = Field(default_factory=Kenmerken)


class Regel(Record):
    titel: Tekst
    niet_van_toepassing: Tekst
    wettelijke_bron: Tekst
    gevallen: Annotated[list[Geval], Field(min_length=1)]
    datum: Annotated[date, Field(strict=True)] | None = None
    aanspreekpunten: lijst(verwijzing("aanspreekpunten.yaml", wat="contact point")) = []
    aanbod: lijst(verwijzing("aanbod.yaml", wat="aanbod")) = []

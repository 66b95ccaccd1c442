"""The declared schema of data/quickscan.yaml (see vangnet/inhoud/schemas.py)."""

from typing import Annotated

from pydantic import AfterValidator, Field, StrictBool, StrictInt

from vangnet.inhoud.schemas import OptioneleTekst, Record, Streng, Tekst, keuze, verwijzing
from vangnet.kaart.choices import Beleidsniveau
from vangnet.quickscan.choices import Grootte, Organisatievorm


def _alleen_waar(value: bool) -> bool:
    if value is not True:
        raise ValueError("can only be true")
    return value


def _gewicht(value: int) -> int:
    if not 1 <= value <= 3:
        raise ValueError(f"gewicht must be 1, 2 or 3, not {value!r}")
    return value


class Voorwaarden(Streng):
    """The conditions a statement may add to its kinds of organisation."""

    met_minderjarigen: Annotated[StrictBool, AfterValidator(_alleen_waar)] | None = None
    intimiteit: Annotated[StrictBool, AfterValidator(_alleen_waar)] | None = None
    grootte: Annotated[list[keuze(Grootte)], Field(min_length=1)] | None = None


class Stelling(Record):
    niveau: keuze(Beleidsniveau)
    stelling: Tekst
    toelichting: OptioneleTekst = None
    advies: Tekst
    geldt_voor: Annotated[list[keuze(Organisatievorm)], Field(min_length=1)]
    voorwaarden: Voorwaarden | None = None
    gewicht: Annotated[StrictInt, AfterValidator(_gewicht)]
    # The file's order: the first help named is shown first.
    helpt: Annotated[
        list[verwijzing("aanbod.yaml", "aanspreekpunten.yaml", wat="aanbod or aanspreekpunt")],
        Field(min_length=1),
    ]

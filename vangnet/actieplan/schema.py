"""The declared schemas of data/actieplan.yaml and data/begroting.yaml
(see vangnet/inhoud/schemas.py and ADR 0011)."""

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from pydantic import Field, StrictBool

from vangnet.actieplan.choices import PostSoort
from vangnet.inhoud.schemas import (
    Actie as Nummer,
)
from vangnet.inhoud.schemas import (
    Loc,
    OptioneleTekst,
    Record,
    Tekst,
    keuze,
    lijst,
    verwijzing,
)

JAREN = (2024, 2025)


class Actie(Record):
    """An action or sub-action; its ``id`` is the plan's number ("1.1", "2.3.a")."""

    id: Nummer
    actieterrein: Literal[1, 2, 3]
    titel: Tekst
    duiding: OptioneleTekst = None
    partners: lijst(verwijzing("organisaties.yaml", wat="organisation")) = []
    partners_toelichting: OptioneleTekst = None
    timing: OptioneleTekst = None
    jaren: lijst(Literal[JAREN]) = []
    doorlopend: StrictBool = False

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        if not self.id.startswith(f"{self.actieterrein}."):
            yield ("actieterrein",), f"action {self.id} is not in actieterrein {self.actieterrein}"
        if self.partners and (self.timing is None or not self.jaren):
            yield ("timing",), "an action with partners has its timing and jaren"


class Begrotingspost(Record):
    """A source of the budget (with its amount) or a purpose (with the actions it serves)."""

    soort: keuze(PostSoort)
    titel: Tekst
    bedrag: Decimal | None = Field(default=None, gt=0)
    acties: lijst(Nummer) = []

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        if self.soort == PostSoort.BRON and self.bedrag is None:
            yield ("bedrag",), "a source (soort: bron) has its amount"
        if self.soort == PostSoort.DOEL and self.bedrag is not None:
            yield (
                ("bedrag",),
                "a purpose gets its money by allocations entered with date and author, "
                "not in the file",
            )

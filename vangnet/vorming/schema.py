"""The declared schema of data/sessies.yaml (see vangnet/inhoud/schemas.py).

Dates are never guessed: every session cites the public page (https) that gives its date.
Times without a zone are read as Brussels time.
"""

from collections.abc import Iterator
from datetime import date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator, StrictBool, StrictStr

from vangnet.inhoud.schemas import Loc, Record, verwijzing

BRUSSEL = ZoneInfo("Europe/Brussels")


def _tijdstip(value: Any) -> datetime:
    """A date and time from the file (YAML timestamp or ISO 8601 text), made aware."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date) or not isinstance(value, str):
        raise ValueError("must be a date with a time, e.g. 2025-03-10T09:30")
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date and time (ISO 8601)") from None
        if len(value) <= len("2025-03-10"):
            raise ValueError("must have a time, e.g. 2025-03-10T09:30")
    return moment if moment.tzinfo else moment.replace(tzinfo=BRUSSEL)


def _https(value: str) -> str:
    if value and not value.startswith("https://"):
        raise ValueError("inschrijven must be an https:// link")
    return value


Tijdstip = Annotated[datetime, BeforeValidator(_tijdstip)]


class Sessie(Record):
    aanbod: verwijzing("aanbod.yaml", wat="aanbod")
    start: Tijdstip
    einde: Tijdstip
    online: StrictBool = False
    plaats: StrictStr = ""
    inschrijven: Annotated[StrictStr, AfterValidator(_https)] = ""

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        if not any(entry.startswith("https://") for entry in self.bron):
            yield ("bron",), "a session needs the public https:// page that gives its date"
        if self.einde <= self.start:
            yield ("einde",), "einde must come after start"
        if not self.online and not self.plaats:
            yield ("plaats",), "plaats is required unless online is true"

"""The periods figures are published for: calendar quarters and calendar years.

Only these, so that the periods a reader can compare are the four quarters of a year and
the year itself (their total): suppression protects exactly that set (suppressie.py). A
free range of dates would let a reader subtract one range from another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone


@dataclass(frozen=True, order=True)
class Kwartaal:
    jaar: int
    nummer: int  # 1..4

    @property
    def code(self) -> str:
        return f"{self.jaar}-K{self.nummer}"

    def __str__(self) -> str:
        return self.code

    @property
    def eerste_dag(self) -> date:
        return date(self.jaar, 3 * self.nummer - 2, 1)

    @property
    def laatste_dag(self) -> date:
        return self.volgende.eerste_dag - timedelta(days=1)

    @property
    def volgende(self) -> Kwartaal:
        return (
            Kwartaal(self.jaar + 1, 1) if self.nummer == 4 else Kwartaal(self.jaar, self.nummer + 1)
        )

    @property
    def begin(self) -> datetime:
        """The first moment, in the platform's time zone."""
        return timezone.make_aware(datetime.combine(self.eerste_dag, time.min))

    @property
    def einde(self) -> datetime:
        """The first moment after the quarter."""
        return self.volgende.begin

    @classmethod
    def van_code(cls, code: str) -> Kwartaal:
        m = re.fullmatch(r"(\d{4})-K([1-4])", code)
        if not m:
            raise ValueError(code)
        return cls(int(m[1]), int(m[2]))

    @classmethod
    def van_moment(cls, moment: datetime) -> Kwartaal:
        lokaal = timezone.localtime(moment)
        return cls(lokaal.year, (lokaal.month - 1) // 3 + 1)


@dataclass(frozen=True)
class Periode:
    """A quarter or a whole year."""

    jaar: int
    kwartaal: int | None = None

    @property
    def code(self) -> str:
        return f"{self.jaar}-K{self.kwartaal}" if self.kwartaal else str(self.jaar)

    def __str__(self) -> str:
        return self.code

    @property
    def kwartalen(self) -> list[Kwartaal]:
        if self.kwartaal:
            return [Kwartaal(self.jaar, self.kwartaal)]
        return [Kwartaal(self.jaar, n) for n in range(1, 5)]

    @property
    def van(self) -> date:
        return self.kwartalen[0].eerste_dag

    @property
    def tot(self) -> date:
        return self.kwartalen[-1].laatste_dag

    @classmethod
    def van_code(cls, code: str) -> Periode:
        m = re.fullmatch(r"(\d{4})(?:-K([1-4]))?", code or "")
        if not m:
            raise ValueError(code)
        return cls(int(m[1]), int(m[2]) if m[2] else None)


class OngeldigePeriode(ValueError):
    """``van``/``tot`` that do not make a quarter or a year; ``veld`` names the field."""

    def __init__(self, veld: str, boodschap: str) -> None:
        super().__init__(boodschap)
        self.veld = veld
        self.boodschap = boodschap


def uit_datums(van: date, tot: date) -> Periode:
    """The quarter or year from ``van`` to ``tot`` (both days included)."""
    from django.utils.translation import gettext as _

    if van.day != 1 or van.month not in (1, 4, 7, 10):
        raise OngeldigePeriode(
            "van", _("van: kies de eerste dag van een kwartaal of jaar, bijvoorbeeld 2024-01-01.")
        )
    eerste = Kwartaal(van.year, (van.month - 1) // 3 + 1)
    if tot == eerste.laatste_dag:
        return Periode(eerste.jaar, eerste.nummer)
    if eerste.nummer == 1 and tot == date(van.year, 12, 31):
        return Periode(van.year)
    raise OngeldigePeriode(
        "tot",
        _(
            "tot: de cijfers bestaan per kwartaal of per kalenderjaar; kies de laatste dag "
            "van het kwartaal of het jaar dat op %(van)s begint."
        )
        % {"van": van.isoformat()},
    )

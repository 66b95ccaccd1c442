"""What the figures count by: the classification codes of a case, never its content.

Each dimension has a fixed list of values (the code lists of the reporting channel and the
kaart, plus ``onbekend`` for a case without that code) and an SQL expression that gives a
case's value, so that counting is one ``GROUP BY``. Behaviour (``gedrag``) is the
exception: a case can have several kinds, so it is counted per kind with a conditional
count, and its values do not add up to the number of cases.

The deadlines are those of the EU whistleblowing directive, from the reporting channel
(``ERKENNEN_BINNEN``: 7 days, ``TERUGKOPPELEN_BINNEN``: 3 months), with its meaning of
each date: ``erkend_op`` is the first acknowledgement, ``teruggekoppeld_op`` the first
feedback in the directive's sense (an explicit act, see ``meldingen/workflow.py``), never
merely the first message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import LessThanOrEqual
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import Gedrag, Sector
from vangnet.kaart.choices import Status as MelderStatus
from vangnet.meldingen import choices as meldingen_choices
from vangnet.meldingen.choices import OntvangerSoort, Route, Uitkomst
from vangnet.meldingen.models import ERKENNEN_BINNEN, TERUGKOPPELEN_BINNEN

#: A case without a code, or whose handler chose the reporting channel's explicit
#: "onbekend" at closing: both count as unknown, never as a guess.
ONBEKEND = meldingen_choices.ONBEKEND


class Termijn(models.TextChoices):
    """How a case fared against a deadline."""

    OP_TIJD = "op-tijd", _("binnen de termijn")
    TE_LAAT = "te-laat", _("na de termijn")
    NOG_NIET_TE_LAAT = "nog-niet-te-laat", _("nog niet gedaan, termijn voorbij")
    LOOPT = "loopt", _("nog niet gedaan, termijn loopt")


@dataclass(frozen=True)
class Dimensie:
    """One way of counting cases."""

    naam: str
    label: Promise
    waarden: tuple[tuple[str, Promise], ...]
    veld: str = ""  # the model field, when the value is a plain field
    meervoudig: bool = False  # a case can have several values (gedrag)

    @property
    def codes(self) -> list[str]:
        return [code for code, _label in self.waarden]

    def label_van(self, code: str) -> str:
        return str(dict(self.waarden).get(code, code))

    def uitdrukking(self, nu: datetime):
        """The SQL expression of a case's value (not for ``meervoudig``)."""
        if self.naam == "erkenning":
            return _termijn("erkend_op", ERKENNEN_BINNEN, nu)
        if self.naam == "terugkoppeling":
            return _termijn("teruggekoppeld_op", TERUGKOPPELEN_BINNEN, nu)
        return F(self.veld)


class DagenTussen(models.Func):
    """Days from the second date to the first (a fraction), in the database's own arithmetic.

    Django's ``F("a") + timedelta`` makes SQLite call a Python function for every row; over a
    million cases that was most of the time. ``julianday`` and ``EXTRACT(EPOCH ...)`` are
    native. A missing date gives NULL, which compares as neither true nor false.
    """

    output_field = models.FloatField()
    arity = 2

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
            arg_joiner=" - ",
            **extra,
        )


def _termijn(veld: str, binnen: timedelta, nu: datetime):
    dagen = binnen.total_seconds() / 86400
    return Case(
        When(
            LessThanOrEqual(DagenTussen(F(veld), F("ontvangen_op")), dagen),
            then=Value(Termijn.OP_TIJD),
        ),
        When(**{f"{veld}__isnull": False}, then=Value(Termijn.TE_LAAT)),
        When(ontvangen_op__lt=nu - binnen, then=Value(Termijn.NOG_NIET_TE_LAAT)),
        default=Value(Termijn.LOOPT),
        output_field=models.CharField(),
    )


def _met_onbekend(choices) -> tuple[tuple[str, Promise], ...]:
    return (*choices.choices, (ONBEKEND, _("onbekend of niet ingevuld")))


DIMENSIES: dict[str, Dimensie] = {
    d.naam: d
    for d in (
        Dimensie("gedrag", _("gedrag"), _met_onbekend(Gedrag), veld="gedrag", meervoudig=True),
        Dimensie("sector", _("sector"), _met_onbekend(Sector), veld="sector"),
        Dimensie(
            "melder_status",
            _("status van de melder"),
            _met_onbekend(MelderStatus),
            veld="melder_status",
        ),
        Dimensie(
            "ontvanger_soort",
            _("soort ontvanger"),
            tuple(OntvangerSoort.choices),
            veld="ontvanger__soort",
        ),
        Dimensie("route", _("route"), _met_onbekend(Route), veld="route"),
        Dimensie("uitkomst", _("uitkomst"), _met_onbekend(Uitkomst), veld="uitkomst"),
        Dimensie("erkenning", _("ontvangst bevestigd (7 dagen)"), tuple(Termijn.choices)),
        Dimensie("terugkoppeling", _("eerste terugkoppeling (3 maanden)"), tuple(Termijn.choices)),
    )
}

NAMEN = list(DIMENSIES)
#: What a partner can count in its own case files too (not Vangnet's deadlines or receivers).
AANLEVERBAAR = [n for n in NAMEN if n not in ("ontvanger_soort", "erkenning", "terugkoppeling")]


def gedrag_filter(code: str) -> Q:
    """Cases with this kind of behaviour among their codes (``onbekend``: none at all, or
    the explicit ``"onbekend"`` chosen at closing, which is never combined with a kind).

    The JSON list is matched as text (``"code"`` with its quotes), the same on SQLite and
    PostgreSQL, so no JSON function is needed.
    """
    if code == ONBEKEND:
        return ~Q(gedrag_tekst__contains='"') | Q(gedrag_tekst__contains=f'"{ONBEKEND}"')
    return Q(gedrag_tekst__contains=f'"{code}"')


def volgorde(namen: list[str]) -> list[str]:
    """Two dimensions in the order they are stored in (the order of ``DIMENSIES``)."""
    return sorted(namen, key=NAMEN.index)

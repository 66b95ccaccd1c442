"""What the route page shows, put in order for its templates (no HTML here).

The route is personal (its order and its reasons follow one person's answers), so it is
worked out per request. This module turns it into plain values: the steps a phone shows
first, the rest one tap away, what does not fit. The markup is in the templates
(``wegwijzer/_route.html`` and ``wegwijzer/_stap.html``); what is the same for everyone
there (a contact point's details) is kept with ``{% cache %}``, keyed by the content
version, the language and the point, never by anything a person answered.

The layout rules, and the measured words and heights, are in docs/wegwijzer.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import get_language

from vangnet.kaart.choices import KanaalSoort, Niveau
from vangnet.kaart.openingsuren import is_open
from vangnet.wegwijzer.kaartbeeld import Kanaal, Punt
from vangnet.wegwijzer.routing import NietPassend, Route, Stap, vertaald

NIVEAUS = dict(Niveau.choices)
# How many steps the route shows before "the rest of your route" (all urgent steps show).
EERSTE_STAPPEN = 3
# A step's button: the first channel of the first kind in this list.
ACTIE_VOORKEUR = (
    KanaalSoort.TELEFOON,
    KanaalSoort.CHAT,
    KanaalSoort.FORMULIER,
    KanaalSoort.WEBSITE,
    KanaalSoort.EMAIL,
)
# Channels that tell a person where to go or what to dial.
BEREIKBAAR = {KanaalSoort.TELEFOON, KanaalSoort.BEZOEK, KanaalSoort.POST}


@dataclass(frozen=True)
class KanaalNu:
    """A channel with whether it is open now (None: no confirmed hours to say so)."""

    kanaal: Kanaal
    open: bool | None

    @property
    def cijfers(self) -> str:
        """A phone number as the digits it dials, spaced as written (``0800 12 800``)."""
        return self.kanaal.waarde if self.kanaal.soort == KanaalSoort.TELEFOON else ""


@dataclass(frozen=True)
class StapBeeld:
    nummer: int
    punt: Punt
    dringend: bool
    waarom: tuple[str, ...]
    nagaan: tuple[str, ...]
    kanalen: tuple[KanaalNu, ...]
    actie: KanaalNu | None
    niveau: str

    @property
    def reden(self) -> str:
        """The reason in one sentence: the first one (the rest are one tap away)."""
        return self.waarom[0] if self.waarom else ""

    @property
    def meer_redenen(self) -> tuple[str, ...]:
        return self.waarom[1:]

    @property
    def geen_adres(self) -> bool:
        """No phone number, address or postal address: the step says so plainly."""
        return not any(k.kanaal.soort in BEREIKBAAR for k in self.kanalen)

    @property
    def open_sleutel(self) -> str:
        """The open-now state of every channel, for the details' cache key (nothing personal)."""
        return "".join("n" if k.open is None else str(int(k.open)) for k in self.kanalen)


@dataclass(frozen=True)
class NietBeeld:
    punt: Punt
    reden: str
    bronnen: tuple[str, ...]


class RouteBeeld:
    """The route in the order a phone shows it, each part worked out when a page asks for it.

    The route page shows the urgent steps and the first others; the rest, the uncertain
    steps and what does not fit are on the page one tap away. Each page builds only the
    steps it shows (a step's channels and open-now state cost more than counting them).
    """

    def __init__(self, r: Route, nu: datetime, taal: str) -> None:
        dringend = [s for s in r.stappen if s.dringend]
        gewoon = [s for s in r.stappen if not s.dringend and not s.nagaan]
        onzeker = [s for s in r.stappen if not s.dringend and s.nagaan]
        plaats = max(0, EERSTE_STAPPEN - len(dringend))
        n_gewoon = min(plaats, len(gewoon))
        # An uncertain step may fill a first place when the route has few others.
        n_onzeker = min(plaats - n_gewoon, len(onzeker))
        self._delen = {
            "eerst": dringend,  # urgent steps: "Eerst, nu meteen"
            "daarna": gewoon[:n_gewoon] + onzeker[:n_onzeker],  # the first screens
            "rest": gewoon[n_gewoon:],  # the rest of the route, one tap away
            "onzeker": onzeker[n_onzeker:],  # "misschien ook: vraag het eerst na"
        }
        # Numbered as shown: urgent, then the others, then the uncertain ones.
        op_volgorde = [*dringend, *gewoon, *onzeker]
        self._nummer = {id(s): i for i, s in enumerate(op_volgorde, start=1)}
        self._route, self._nu, self._taal = r, nu, taal
        self._beelden: dict[str, tuple] = {}

    def _deel(self, naam: str) -> tuple[StapBeeld, ...]:
        if naam not in self._beelden:
            self._beelden[naam] = tuple(
                _stap(s, self._nummer[id(s)], self._nu, self._taal) for s in self._delen[naam]
            )
        return self._beelden[naam]

    @property
    def eerst(self) -> tuple[StapBeeld, ...]:
        return self._deel("eerst")

    @property
    def daarna(self) -> tuple[StapBeeld, ...]:
        return self._deel("daarna")

    @property
    def rest(self) -> tuple[StapBeeld, ...]:
        return self._deel("rest")

    @property
    def onzeker(self) -> tuple[StapBeeld, ...]:
        return self._deel("onzeker")

    @property
    def niet_passend(self) -> tuple[NietBeeld, ...]:
        if "niet" not in self._beelden:
            self._beelden["niet"] = tuple(_niet(n, self._taal) for n in self._route.niet_passend)
        return self._beelden["niet"]

    @property
    def aantal(self) -> int:
        return len(self._route.stappen)

    @property
    def verborgen(self) -> int:
        return len(self._delen["rest"]) + len(self._delen["onzeker"])

    @property
    def aantal_niet_passend(self) -> int:
        return len(self._route.niet_passend)

    @property
    def rest_start(self) -> int:
        return len(self._delen["eerst"]) + len(self._delen["daarna"]) + 1

    @property
    def onzeker_start(self) -> int:
        return self.rest_start + len(self._delen["rest"])


_open_per_minuut: dict[tuple[str, int], tuple[bool | None, ...]] = {}


def _open(punt: Punt, nu: datetime) -> tuple[bool | None, ...]:
    """Which of a contact point's channels are open now, worked out once per minute."""
    minuut = int(nu.timestamp() // 60)
    sleutel = (punt.id, minuut)
    staat = _open_per_minuut.get(sleutel)
    if staat is None:
        if len(_open_per_minuut) > 10_000:
            _open_per_minuut.clear()
        # Hours nobody confirmed never become "nu open" or "nu gesloten".
        staat = tuple(
            None if k.onbevestigd else is_open(list(k.uren), k.altijd_open, nu)
            for k in punt.kanalen
        )
        _open_per_minuut[sleutel] = staat
    return staat


def _actie(kanalen: tuple[KanaalNu, ...]) -> KanaalNu | None:
    for soort in ACTIE_VOORKEUR:
        for k in kanalen:
            if k.kanaal.soort == soort and k.kanaal.href:
                return k
    return None


def _stap(s: Stap, nummer: int, nu: datetime, taal: str) -> StapBeeld:
    kanalen = tuple(KanaalNu(k, o) for k, o in zip(s.punt.kanalen, _open(s.punt, nu), strict=True))
    return StapBeeld(
        nummer=nummer,
        punt=s.punt,
        dringend=s.dringend,
        waarom=tuple(r.in_taal(taal) for r in s.waarom),
        nagaan=tuple(r.in_taal(taal) for r in s.nagaan),
        kanalen=kanalen,
        actie=_actie(kanalen),
        niveau=_hoofdletter(vertaald(NIVEAUS[s.punt.niveau], taal)),
    )


def _niet(n: NietPassend, taal: str) -> NietBeeld:
    bronnen = tuple(b for b in n.bron if b.startswith("https://")) or (n.punt.url,)
    return NietBeeld(n.punt, " ".join(r.in_taal(taal) for r in n.redenen), bronnen)


def route(r: Route, nu: datetime) -> RouteBeeld:
    """The route in the order a phone shows it: urgent steps, then the first others up to
    EERSTE_STAPPEN, then the rest and the uncertain ones one tap away."""
    return RouteBeeld(r, nu, get_language() or "")


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]

"""From a person's answers to an ordered route through the vangnet.

``route(antwoorden, punten)`` is a pure function: the same answers and the same kaart
always give the same route. It never touches the database (see ``kaartbeeld``), so it
takes microseconds. The rules and their reason texts live in ``regels.py``.

How a route is built:

1. A contact point *fits* when it serves this person's status, position, behaviour,
   context and sector (the kaart's own data), its time window allows it, the
   organisation has it (for internal points) and, if anonymity is asked, it allows it.
2. Emergency points fit only when someone is in danger (112 then always first), or the
   police when the person wants to file a complaint.
3. The route runs from close by to specialised (``regels.NIVEAUVOLGORDE``); within a
   level, what matches the person's wishes comes first.
4. Two guarantees close the net: there is always a free option, and always an anonymous
   one when anonymity is asked. If the fitting points give neither, the broadest free or
   anonymous helpline that serves this status and context is added, with the reason why.
5. What a person might expect but does not fit (it fails on one thing only, such as
   status or anonymity) is named with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language

from vangnet.kaart.choices import (
    Context,
    Discriminatiegrond,
    EigenAanspreekpunt,
    Gedrag,
    Niveau,
    Perspectief,
    Sector,
    Wens,
)
from vangnet.wegwijzer import regels
from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.kaartbeeld import Punt


@dataclass(frozen=True)
class Reden:
    """A reason in plain words, translated only when shown.

    Routing runs for every question of the interview, so it does not translate: it keeps
    the (lazy) text and its values, and ``str()`` renders them in the active language.
    """

    tekst: Promise | str
    waarden: tuple[tuple[str, Promise | str], ...] = ()

    def __str__(self) -> str:
        return self.in_taal(get_language() or "")

    def in_taal(self, taal: str) -> str:
        """The reason in ``taal`` (looking the language up once per page is cheaper)."""
        tekst = vertaald(self.tekst, taal)
        if not self.waarden:
            return tekst
        return tekst % {naam: vertaald(waarde, taal) for naam, waarde in self.waarden}


_vertalingen: dict[tuple[int, str], tuple[Promise, str]] = {}


def vertaald(tekst: Promise | str, taal: str | None = None) -> str:
    """``str(tekst)`` in the active language, remembered per lazy text and language.

    The reasons are module-level constants, translated thousands of times a minute; a
    dictionary lookup is much cheaper than Django's lazy translation each time. The text
    itself is kept with its translation, so its id can never be reused by another object.
    """
    if isinstance(tekst, str):
        return tekst
    sleutel = (id(tekst), taal if taal is not None else get_language() or "")
    gevonden = _vertalingen.get(sleutel)
    if gevonden is None or gevonden[0] is not tekst:
        gevonden = (tekst, str(tekst))
        _vertalingen[sleutel] = gevonden
    return gevonden[1]


@dataclass(frozen=True)
class Stap:
    """One step of the route: a contact point and why it fits this person."""

    punt: Punt
    waarom: tuple[Reden, ...]
    dringend: bool
    past_bij_wens: bool


@dataclass(frozen=True)
class NietPassend:
    punt: Punt
    redenen: tuple[Reden, ...]

    @property
    def waarom(self) -> str:
        return " ".join(str(r) for r in self.redenen)


@dataclass(frozen=True)
class Route:
    stappen: tuple[Stap, ...]
    niet_passend: tuple[NietPassend, ...]

    def ids(self) -> list[str]:
        return [s.punt.id for s in self.stappen]


_WENSVOLGORDE = {w: i for i, w in enumerate(Wens.values)}


def route(antwoorden: Antwoorden, punten: Mapping[str, Punt]) -> Route:
    """The ordered route for ``antwoorden`` through the contact points ``punten``."""
    a = antwoorden
    dringend: list[Stap] = []
    gewoon: list[tuple[tuple, Stap]] = []
    niet_passend: list[NietPassend] = []

    for punt in punten.values():
        if punt.niveau == Niveau.NOOD:
            stap = _noodstap(a, punt)
            if stap:
                dringend.append(stap)
            continue
        bezwaren = _bezwaren(a, punt)
        if bezwaren:
            if _verwacht(a, punt, bezwaren):
                niet_passend.append(NietPassend(punt, bezwaren[0]))
            continue
        stap = _stap(a, punt)
        if (
            a.wens
            and not stap.past_bij_wens
            and not stap.dringend
            and punt.niveau == Niveau.GESPECIALISEERD
        ):
            continue  # specialised help that offers nothing this person asked for
        if stap.dringend:
            dringend.append(stap)
        else:
            gewoon.append((_volgorde(a, punt), stap))

    dringend.sort(key=_dringende_volgorde)
    gewoon.sort(key=lambda item: item[0])
    stappen = dringend + [stap for _, stap in gewoon]
    stappen += _vangnet(a, punten, stappen)
    return Route(tuple(stappen), tuple(sorted(niet_passend, key=lambda n: n.punt.naam)))


def _dringende_volgorde(stap: Stap) -> tuple:
    """112 first, then the other emergency lines, then other urgent care (ZSG)."""
    return (
        stap.punt.id != regels.EERST_BIJ_GEVAAR,
        stap.punt.niveau != Niveau.NOOD,
        stap.punt.naam,
    )


def _noodstap(a: Antwoorden, punt: Punt) -> Stap | None:
    if a.gevaar:
        reden = Reden(regels.GEVAAR_REDEN.get(punt.id, punt.samenvatting))
        return Stap(punt, (reden,), dringend=True, past_bij_wens=False)
    if Wens.AANGIFTE in a.wens and Wens.AANGIFTE in punt.biedt:
        return Stap(punt, (Reden(regels.AANGIFTE_REDEN),), dringend=False, past_bij_wens=True)
    return None


def _bezwaren(a: Antwoorden, punt: Punt) -> list[tuple[Reden, ...]]:
    """Why ``punt`` does not fit, one entry per failed rule; empty when it fits. An empty
    entry marks a rule not worth naming (a point about other behaviour is not something
    this person expected to find)."""
    bezwaren: list[tuple[Reden, ...]] = []
    naam = ("naam", punt.naam)
    if a.gedrag and not (a.gedrag & punt.gedrag):
        bezwaren.append(())
    if a.rol and a.rol not in punt.doelgroepen:
        reden = Reden(regels.NIET_VOOR_GROEP, (naam, ("groep", regels.GROEP[a.rol])))
        bezwaren.append(_met_voorwaarden(reden, punt))
    if a.perspectief and a.perspectief not in punt.perspectieven:
        positie = ("positie", regels.POSITIE[a.perspectief])
        bezwaren.append((Reden(regels.NIET_VOOR_POSITIE, (naam, positie)),))
    if a.context and a.context not in punt.contexten:
        context = ("context", Context(a.context).label)
        bezwaren.append((Reden(regels.NIET_VOOR_CONTEXT, (naam, context)),))
    if a.sector and punt.sectoren and a.sector not in punt.sectoren:
        sectoren = ", ".join(str(Sector(s).label) for s in sorted(punt.sectoren))
        bezwaren.append((Reden(regels.NIET_VOOR_SECTOR, (naam, ("sectoren", sectoren))),))
    if (
        a.discriminatiegrond
        and punt.discriminatiegronden
        and a.discriminatiegrond not in punt.discriminatiegronden
        and _alleen_discriminatie(a, punt)
    ):
        grond = ("grond", Discriminatiegrond(a.discriminatiegrond).label)
        bezwaren.append(_met_voorwaarden(Reden(regels.NIET_VOOR_GROND, (naam, grond)), punt))
    venster = regels.TIJDVENSTERS.get(punt.id)
    if venster and a.wanneer and a.wanneer not in venster.past:
        bezwaren.append((Reden(venster.waarom_niet),))
    if punt.id in regels.EIGEN_PUNTEN and a.eigen_aanspreekpunt == EigenAanspreekpunt.NEE:
        bezwaren.append((Reden(regels.EIGEN_NEE),))
    if a.anoniem and punt.anoniem is False:
        reden = Reden(regels.NIET_ANONIEM, (naam,))
        toelichting = (Reden(punt.anoniem_toelichting),) if punt.anoniem_toelichting else ()
        bezwaren.append((reden, *toelichting))
    return bezwaren


def _verwacht(a: Antwoorden, punt: Punt, bezwaren: list[tuple[Reden, ...]]) -> bool:
    """Would this person expect ``punt`` on their route? Then the route says why it is not.

    Yes when it is about their kind of behaviour and either fails on one thing only, or
    offers just what they asked for (a volunteer who wants a formal procedure expects the
    prevention adviser). The first reason is the one shown.
    """
    if any(not bezwaar for bezwaar in bezwaren):
        return False
    return len(bezwaren) == 1 or bool(a.wens & punt.biedt)


def _alleen_discriminatie(a: Antwoorden, punt: Punt) -> bool:
    """Discrimination is the only behaviour this point and this person share."""
    gedeeld = a.gedrag & punt.gedrag if a.gedrag else punt.gedrag
    return gedeeld == {Gedrag.DISCRIMINATIE}


def _met_voorwaarden(reden: Reden, punt: Punt) -> tuple[Reden, ...]:
    return (reden, Reden(punt.voorwaarden)) if punt.voorwaarden else (reden,)


def _stap(a: Antwoorden, punt: Punt) -> Stap:
    waarom: list[Reden] = []
    gewenst = sorted(a.wens & punt.biedt, key=_WENSVOLGORDE.__getitem__)
    waarom += [Reden(regels.WENS_REDEN[w]) for w in gewenst]
    venster = regels.TIJDVENSTERS.get(punt.id)
    dringend = False
    if venster:
        if a.wanneer in venster.dringend and venster.waarom_dringend:
            dringend = True
            waarom.insert(0, Reden(venster.waarom_dringend))
        elif a.wanneer is None and venster.waarom_onbekend:
            waarom.append(Reden(venster.waarom_onbekend))
        elif a.wanneer:
            waarom.append(Reden(venster.waarom_past))
    if punt.id in regels.EIGEN_PUNTEN:
        if a.eigen_aanspreekpunt == EigenAanspreekpunt.JA:
            waarom.insert(0, Reden(regels.EIGEN_JA))
        else:
            waarom.append(Reden(regels.EIGEN_WEET_NIET))
    if a.rol and len(punt.doelgroepen) <= regels.SPECIFIEK_VOOR:
        waarom.append(Reden(regels.VOOR_GROEP, (("groep", regels.GROEP[a.rol]),)))
    if a.perspectief and a.perspectief != Perspectief.SLACHTOFFER:
        positie = ("positie", regels.POSITIE[a.perspectief])
        waarom.append(Reden(regels.VOOR_POSITIE, (positie,)))
    if a.sector and a.sector in punt.sectoren:
        waarom.append(Reden(regels.VOOR_SECTOR, (("sector", Sector(a.sector).label),)))
    if (
        a.discriminatiegrond
        and a.discriminatiegrond in punt.discriminatiegronden
        and Gedrag.DISCRIMINATIE in a.gedrag
    ):
        grond = ("grond", Discriminatiegrond(a.discriminatiegrond).label)
        waarom.append(Reden(regels.VOOR_GROND, (grond,)))
    if a.minderjarig and punt.id in regels.MINDERJARIG_REDEN:
        waarom.append(Reden(regels.MINDERJARIG_REDEN[punt.id]))
    if a.anoniem:
        if punt.anoniem:
            waarom.append(Reden(regels.ANONIEM_JA))
        elif punt.anoniem is None:
            waarom.append(Reden(regels.ANONIEM_ONBEKEND))
    if not waarom and punt.niveau in regels.NIVEAU_REDEN:
        waarom.append(Reden(regels.NIVEAU_REDEN[punt.niveau]))
    if not waarom:
        waarom.append(Reden(punt.samenvatting))
    return Stap(punt, tuple(waarom), dringend=dringend, past_bij_wens=bool(gewenst))


def _volgorde(a: Antwoorden, punt: Punt) -> tuple:
    """Sort key within the route: level first, then how well it fits, then the name."""
    score = 10 * len(a.wens & punt.biedt)
    if punt.id in regels.EIGEN_PUNTEN and a.eigen_aanspreekpunt == EigenAanspreekpunt.JA:
        score += 5
    if a.minderjarig and punt.id in regels.MINDERJARIG_REDEN:
        score += 4
    if a.sector and a.sector in punt.sectoren:
        score += 3
    if a.discriminatiegrond and a.discriminatiegrond in punt.discriminatiegronden:
        score += 3
    if a.anoniem and punt.anoniem:
        score += 2
    if punt.kosteloos:
        score += 1
    return (regels.NIVEAUVOLGORDE.index(punt.niveau), -score, punt.naam)


def _vangnet(a: Antwoorden, punten: Mapping[str, Punt], stappen: list[Stap]) -> list[Stap]:
    """The two guarantees: a free option always, an anonymous one when asked."""
    extra: list[Stap] = []
    gekozen = {s.punt.id for s in stappen}
    eisen: list[tuple[Callable[[Punt], bool], Promise]] = [
        (lambda p: p.kosteloos is True, regels.VANGNET_GRATIS)
    ]
    if a.anoniem:
        eisen.append((lambda p: p.anoniem is True, regels.VANGNET_ANONIEM))
    for eis, reden in eisen:
        if any(eis(s.punt) for s in stappen + extra if s.punt.niveau != Niveau.NOOD):
            continue
        # The broadest helpline that serves this status, position and context, whatever the
        # behaviour: it listens and refers on.
        basis = a.met(gedrag=frozenset(), discriminatiegrond=None, sector=None, wens=frozenset())
        kandidaten = sorted(
            (
                p
                for p in punten.values()
                if p.niveau != Niveau.NOOD
                and p.id not in gekozen
                and eis(p)
                and not _bezwaren(basis, p)
            ),
            key=lambda p: (-len(p.gedrag), regels.NIVEAUVOLGORDE.index(p.niveau), p.naam),
        )
        if kandidaten:
            punt = kandidaten[0]
            gekozen.add(punt.id)
            stap = _stap(a, punt)
            waarom = (Reden(reden), *stap.waarom)
            extra.append(Stap(punt, waarom, False, stap.past_bij_wens))
    return extra

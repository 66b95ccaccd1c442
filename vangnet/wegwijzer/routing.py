"""From a person's answers to an ordered route through the vangnet.

``route(antwoorden, punten)`` is a pure function: the same answers and the same kaart
always give the same route. It never touches the database (see ``kaartbeeld``), so it
takes microseconds. The rules and their reason texts live in ``regels.py``.

How a route is built (docs/wegwijzer.md has worked examples):

1. Who a contact point serves is three-valued (``Punt.feit``): yes, no with a source, or
   unknown. Only a sourced no, a time window, the person's own answer (their organisation
   has no vertrouwenspersoon) or a competence rule with its source takes a point off the
   route. An unknown fact keeps it, with "vraag het na bij je eerste contact"; a point whose
   identity is not confirmed is never routed.
2. Emergency points fit only when someone is in danger (112 then always first), or the
   police when the person wants to file a complaint about something that is a crime.
3. The rest is ordered by ``rangorde.RANGREGELS``: confirmed before unknown, a minor's
   help first, never an internal point first for whom has none, the person's wishes, the
   competent body, low-threshold before specialised; ties by id, never by a name.
4. Two guarantees close the net: there is always a free option, and always an anonymous
   one when anonymity is asked. If the fitting points give neither, the broadest free or
   anonymous helpline that serves this status and context is added, with the reason why.
5. What a person might expect but does not fit is named with the reason and its source.
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
from vangnet.wegwijzer import rangorde, regels
from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.kaartbeeld import Feit, Punt


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
    """One step of the route: a contact point, why it fits, and what to ask about first."""

    punt: Punt
    waarom: tuple[Reden, ...]
    dringend: bool
    past_bij_wens: bool
    nagaan: tuple[Reden, ...] = ()


@dataclass(frozen=True)
class NietPassend:
    """A contact point the person might expect, with the sourced reason why it does not fit."""

    punt: Punt
    redenen: tuple[Reden, ...]
    bron: tuple[str, ...] = ()

    @property
    def waarom(self) -> str:
        return " ".join(str(r) for r in self.redenen)


@dataclass(frozen=True)
class Route:
    stappen: tuple[Stap, ...]
    niet_passend: tuple[NietPassend, ...]

    def ids(self) -> list[str]:
        return [s.punt.id for s in self.stappen]


@dataclass(frozen=True)
class Bezwaar:
    """Why a point does not fit, with the source; no reasons means not worth naming."""

    redenen: tuple[Reden, ...]
    bron: tuple[str, ...] = ()


@dataclass(frozen=True)
class Beoordeling:
    """What the router found about one point for this person."""

    bezwaren: tuple[Bezwaar, ...]
    nagaan: tuple[Reden, ...]
    bevoegd: tuple[Reden, ...]
    voorwaarden: tuple[Reden, ...]


_WENSVOLGORDE = {w: i for i, w in enumerate(Wens.values)}


def route(antwoorden: Antwoorden, punten: Mapping[str, Punt]) -> Route:
    """The ordered route for ``antwoorden`` through the contact points ``punten``."""
    a = antwoorden
    dringend: list[Stap] = []
    gewoon: list[tuple[tuple, Stap]] = []
    niet_passend: list[NietPassend] = []

    for punt in punten.values():
        if not punt.identiteit_bevestigd:
            continue
        if punt.niveau == Niveau.NOOD:
            stap = _noodstap(a, punt)
            if stap and stap.dringend:
                dringend.append(stap)
            elif stap:
                # The police for a complaint: competent for a crime, ranked with specialised
                # help; only a condition ("is it stalking?") when it may not be a crime.
                zeker = stap.waarom[0].tekst is not regels.MISSCHIEN_STRAFBAAR_REDEN
                kandidaat = rangorde.Kandidaat(punt, zeker, False, 1, Niveau.GESPECIALISEERD)
                gewoon.append((rangorde.sleutel(a, kandidaat), stap))
            continue
        oordeel = beoordeel(a, punt)
        if oordeel.bezwaren:
            if _verwacht(a, punt, oordeel.bezwaren):
                eerste = oordeel.bezwaren[0]
                niet_passend.append(NietPassend(punt, eerste.redenen, eerste.bron))
            continue
        stap = _stap(a, punt, oordeel)
        if (
            a.wens
            and not stap.past_bij_wens
            and not stap.dringend
            and not oordeel.bevoegd
            and not oordeel.voorwaarden
            and not (a.minderjarig and punt.id in regels.MINDERJARIG_EERST)
            and punt.niveau == Niveau.GESPECIALISEERD
        ):
            continue  # specialised help that offers nothing this person asked for
        if stap.dringend:
            dringend.append(stap)
        else:
            kandidaat = rangorde.Kandidaat(
                punt,
                bool(oordeel.bevoegd),
                bool(oordeel.nagaan),
                len(a.wens & punt.biedt),
                punt.niveau,
            )
            gewoon.append((rangorde.sleutel(a, kandidaat), stap))

    dringend.sort(key=lambda stap: rangorde.dringend_sleutel(stap.punt))
    gewoon.sort(key=lambda item: item[0])
    stappen = dringend + [stap for _, stap in gewoon]
    uitgesloten = {n.punt.id for n in niet_passend}
    stappen += _vangnet(a, punten, stappen, uitgesloten)
    return Route(tuple(stappen), tuple(sorted(niet_passend, key=lambda n: n.punt.id)))


def _noodstap(a: Antwoorden, punt: Punt) -> Stap | None:
    if a.gevaar:
        reden = Reden(regels.GEVAAR_REDEN.get(punt.id, punt.samenvatting))
        return Stap(punt, (reden,), dringend=True, past_bij_wens=False)
    if punt.id != regels.POLITIE:
        return None
    if Wens.AANGIFTE in a.wens:
        return Stap(punt, (Reden(regels.AANGIFTE_REDEN),), dringend=False, past_bij_wens=True)
    if Wens.FORMEEL not in a.wens:
        return None
    if a.gedrag & regels.STRAFBAAR_GEDRAG:
        return Stap(punt, (Reden(regels.STRAFBAAR_REDEN),), dringend=False, past_bij_wens=True)
    if a.minderjarig and a.perspectief != Perspectief.BESCHULDIGDE:
        reden = Reden(regels.MINDERJARIG_STRAFBAAR_REDEN)
        return Stap(punt, (reden,), dringend=False, past_bij_wens=True)
    if Gedrag.PSYCHISCH in a.gedrag:
        reden = Reden(regels.MISSCHIEN_STRAFBAAR_REDEN)
        return Stap(punt, (reden,), dringend=False, past_bij_wens=True)
    return None


def _waarde_tekst(kenmerk: str, waarde: str) -> Promise | str:
    """How a value reads inside "X is er niet voor ..." or "vraag het na"."""
    if kenmerk == "doelgroepen":
        return regels.GROEP[waarde]
    if kenmerk == "perspectieven":
        return regels.POSITIE[waarde]
    soort = {
        "gedrag": Gedrag,
        "discriminatiegronden": Discriminatiegrond,
        "contexten": Context,
        "sectoren": Sector,
    }[kenmerk]
    return soort(waarde).label


def beoordeel(a: Antwoorden, punt: Punt) -> Beoordeling:
    """Check ``punt`` against the answers: what excludes it (with a source), what the person
    should ask about first, and whether a competence rule names it."""
    bezwaren: list[Bezwaar] = []
    nagaan: list[Reden] = []
    naam = ("naam", punt.naam)

    def feit(kenmerk: str, waarde: str, toon_nee: bool = True) -> None:
        oordeel = punt.feit(kenmerk, waarde)
        tekst = ("waarde", _waarde_tekst(kenmerk, waarde))
        if oordeel == Feit.NEE:
            if not toon_nee:
                bezwaren.append(Bezwaar(()))
                return
            uitsluiting = punt.uitsluiting(kenmerk, waarde)
            reden = Reden(uitsluiting.reden) if uitsluiting and uitsluiting.reden else None
            redenen = (reden,) if reden else (Reden(regels.NIET_VOOR, (naam, tekst)),)
            bezwaren.append(Bezwaar(redenen, uitsluiting.bron if uitsluiting else ()))
        elif oordeel == Feit.ONBEKEND:
            nagaan.append(Reden(regels.NAGAAN[kenmerk], (tekst,)))

    # Behaviour: a point about other behaviour only is not something this person expected.
    if a.gedrag:
        oordelen = {g: punt.feit("gedrag", g) for g in a.gedrag}
        if Feit.JA not in oordelen.values():
            if all(o == Feit.NEE for o in oordelen.values()):
                bezwaren.append(Bezwaar(()))
            else:
                for g in sorted(g for g, o in oordelen.items() if o == Feit.ONBEKEND):
                    feit("gedrag", g)
    if a.rol:
        feit("doelgroepen", a.rol)
    if a.perspectief:
        feit("perspectieven", a.perspectief)
    if a.context:
        feit("contexten", a.context)
    if a.sector and punt.sectoren:
        feit("sectoren", a.sector)
    if (
        a.discriminatiegrond
        and Gedrag.DISCRIMINATIE in punt.gedrag
        and _alleen_discriminatie(a, punt)
    ):
        feit("discriminatiegronden", a.discriminatiegrond)
    if a.minderjarig:
        oordeel = punt.feit_minderjarigen()
        if oordeel == Feit.NEE:
            uitsluiting = punt.uitsluiting("minderjarigen")
            reden = Reden(uitsluiting.reden if uitsluiting else regels.NAGAAN["minderjarigen"])
            bezwaren.append(Bezwaar((reden,), uitsluiting.bron if uitsluiting else ()))
        elif oordeel == Feit.ONBEKEND and punt.id not in regels.MINDERJARIG_EERST:
            nagaan.append(Reden(regels.NAGAAN["minderjarigen"]))
    venster = regels.TIJDVENSTERS.get(punt.id)
    if venster and a.wanneer and a.wanneer not in venster.past:
        bezwaren.append(Bezwaar((Reden(venster.waarom_niet),)))
    elif venster and a.wanneer is None and venster.onbekend_is_nagaan and venster.waarom_onbekend:
        nagaan.append(Reden(venster.waarom_onbekend))
    if punt.id in regels.EIGEN_PUNTEN and a.eigen_aanspreekpunt == EigenAanspreekpunt.NEE:
        bezwaren.append(Bezwaar((Reden(regels.EIGEN_NEE),)))
    if a.anoniem and punt.anoniem is False:
        reden = Reden(regels.NIET_ANONIEM, (naam,))
        toelichting = (Reden(punt.anoniem_toelichting),) if punt.anoniem_toelichting else ()
        bezwaren.append(Bezwaar((reden, *toelichting)))

    bevoegd: list[Reden] = []
    voorwaarden: list[Reden] = []
    for regel in regels.BEVOEGDHEDEN:
        if regel.punt != punt.id:
            continue
        geldt = _geldt(regel, a)
        if regel.gevolg == regels.BEVOEGD:
            if geldt:
                bevoegd.append(Reden(regel.reden))
            elif geldt is None and _geldt(regel, a, alleen_gevraagd=True):
                # Competent if a fact the interview may not ask holds (the employer, who did
                # it): ranked as competent, with that condition in plain words.
                bevoegd.append(Reden(regel.voorwaarde or regel.reden))
            elif geldt is None:
                voorwaarden.append(Reden(regel.voorwaarde or regel.reden))
        elif regel.gevolg == regels.NIET_BEVOEGD:
            if geldt:
                bezwaren.append(Bezwaar((Reden(regel.reden),), regel.bron))
            elif geldt is None:
                voorwaarden.append(Reden(regel.voorwaarde or regel.reden))
        elif geldt is not False:
            voorwaarden.append(Reden(regel.voorwaarde or regel.reden))
    return Beoordeling(tuple(bezwaren), tuple(nagaan), tuple(bevoegd), tuple(voorwaarden))


def _geldt(regel: regels.Bevoegdheid, a: Antwoorden, alleen_gevraagd: bool = False) -> bool | None:
    """Does ``regel`` apply to these answers? ``None`` when a deciding answer is missing.

    With ``alleen_gevraagd``, only the behaviour, status and context are checked: the
    answers every route rests on, not the ones asked only on some paths.
    """
    onbeslist = False
    if regel.gedrag is not None:
        if not a.gedrag:
            onbeslist = True
        elif not a.gedrag & regel.gedrag:
            return False
    eisen = [(regel.rollen, a.rol), (regel.contexten, a.context)]
    if not alleen_gevraagd:
        eisen += [
            (regel.werkgevers, a.werkgever),
            (regel.andere_partijen, a.andere_partij),
            (regel.gronden, a.discriminatiegrond),
        ]
    for eis, antwoord in eisen:
        if eis is None:
            continue
        if antwoord is None:
            onbeslist = True
        elif antwoord not in eis:
            return False
    return None if onbeslist else True


def _verwacht(a: Antwoorden, punt: Punt, bezwaren: tuple[Bezwaar, ...]) -> bool:
    """Would this person expect ``punt`` on their route? Then the route says why it is not.

    Yes when it is about their kind of behaviour and either fails on one thing only, or
    offers just what they asked for (a volunteer who wants a formal procedure expects the
    prevention adviser). The first reason is the one shown.
    """
    if any(not bezwaar.redenen for bezwaar in bezwaren):
        return False
    return len(bezwaren) == 1 or bool(a.wens & punt.biedt)


def _alleen_discriminatie(a: Antwoorden, punt: Punt) -> bool:
    """Discrimination is the only behaviour this point and this person share."""
    gedeeld = a.gedrag & punt.gedrag if a.gedrag else punt.gedrag
    return gedeeld == {Gedrag.DISCRIMINATIE}


def _stap(a: Antwoorden, punt: Punt, oordeel: Beoordeling) -> Stap:
    waarom: list[Reden] = list(oordeel.bevoegd)
    gewenst = sorted(a.wens & punt.biedt, key=_WENSVOLGORDE.__getitem__)
    waarom += [Reden(regels.WENS_REDEN[w]) for w in gewenst]
    venster = regels.TIJDVENSTERS.get(punt.id)
    dringend = False
    if venster:
        if a.wanneer in venster.dringend and venster.waarom_dringend:
            dringend = True
            waarom.insert(0, Reden(venster.waarom_dringend))
        elif a.wanneer is None and venster.waarom_onbekend and not venster.onbekend_is_nagaan:
            waarom.append(Reden(venster.waarom_onbekend))
        elif a.wanneer:
            waarom.append(Reden(venster.waarom_past))
    if punt.id in regels.EIGEN_PUNTEN:
        if a.eigen_aanspreekpunt == EigenAanspreekpunt.JA:
            waarom.insert(0, Reden(regels.EIGEN_JA))
        else:
            waarom.append(Reden(regels.EIGEN_WEET_NIET))
    if a.rol and a.rol in punt.doelgroepen and len(punt.doelgroepen) <= regels.SPECIFIEK_VOOR:
        waarom.append(Reden(regels.VOOR_GROEP, (("groep", regels.GROEP[a.rol]),)))
    if (
        a.perspectief
        and a.perspectief != Perspectief.SLACHTOFFER
        and a.perspectief in punt.perspectieven
    ):
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
    waarom += oordeel.voorwaarden
    if not waarom and punt.niveau in regels.NIVEAU_REDEN:
        waarom.append(Reden(regels.NIVEAU_REDEN[punt.niveau]))
    if not waarom:
        waarom.append(Reden(punt.samenvatting))
    return Stap(
        punt,
        tuple(waarom),
        dringend=dringend,
        past_bij_wens=bool(gewenst),
        nagaan=oordeel.nagaan,
    )


def _vangnet(
    a: Antwoorden, punten: Mapping[str, Punt], stappen: list[Stap], uitgesloten: set[str]
) -> list[Stap]:
    """The two guarantees: a free option always, an anonymous one when asked. A point the
    route names as not fitting is never added back."""
    extra: list[Stap] = []
    gekozen = {s.punt.id for s in stappen} | uitgesloten
    eisen: list[tuple[Callable[[Punt], bool], Promise]] = [
        (lambda p: p.kosteloos is True, regels.VANGNET_GRATIS)
    ]
    if a.anoniem:
        eisen.append((lambda p: p.anoniem is True, regels.VANGNET_ANONIEM))
    for eis, reden in eisen:
        if any(eis(s.punt) for s in stappen + extra if s.punt.niveau != Niveau.NOOD):
            continue
        # The broadest helpline that serves this status, position and context, whatever the
        # behaviour: it listens and refers on. Confirmed fits before unknown ones.
        basis = a.met(
            gedrag=frozenset(),
            discriminatiegrond=None,
            sector=None,
            wens=frozenset(),
            werkgever=None,
            andere_partij=None,
        )
        kandidaten = []
        for p in punten.values():
            if p.niveau == Niveau.NOOD or p.id in gekozen or not eis(p):
                continue
            if not p.identiteit_bevestigd:
                continue
            oordeel = beoordeel(basis, p)
            if oordeel.bezwaren:
                continue
            volgorde = regels.NIVEAUVOLGORDE.index(p.niveau)
            kandidaten.append(((bool(oordeel.nagaan), -len(p.gedrag), volgorde, p.id), p))
        if kandidaten:
            punt = min(kandidaten, key=lambda item: item[0])[1]
            gekozen.add(punt.id)
            stap = _stap(a, punt, beoordeel(a, punt))
            waarom = (Reden(reden), *stap.waarom)
            extra.append(Stap(punt, waarom, False, stap.past_bij_wens, stap.nagaan))
    return extra

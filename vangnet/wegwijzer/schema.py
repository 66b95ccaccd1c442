"""The vangnet flowchart (action 2.1): which decisions lead a person to which kind of
contact point, and how each kind follows up; then every contact point by kind.

Action 2.1 asks that "it must be clear for everyone with which situation they can go to
whom, and how these contact points follow up a report". The flowchart answers it in three
decisions: is someone in danger now (the ``nood`` level); what do you want (the wishes a
contact point offers, ``biedt``); inside or outside your organisation
(``regels.BINNEN_DE_ORGANISATIE``). They lead to the kinds of contact points (``soort``),
and what each kind does comes from what its points offer. Everything is read from the
kaart's data through ``kaartbeeld`` and from the wegwijzer's rules: there is no second,
hand-kept copy of who does what. One structure feeds the page ``/vangnet/`` and the posters.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import AanspreekpuntSoort, KanaalSoort, Niveau, Sector, Status, Wens
from vangnet.wegwijzer import regels
from vangnet.wegwijzer.kaartbeeld import Kanaal, Punt, punten

#: What a contact point does when you get in touch, for each thing it offers (``biedt``):
#: the flowchart's "how they follow up", in the order of the wishes.
DOET: dict[str, Promise] = {
    Wens.PRATEN: _("luistert naar je verhaal"),
    Wens.ADVIES: _("zoekt met je uit wat je kan doen"),
    Wens.LOTGENOTEN: _("brengt je samen met lotgenoten"),
    Wens.BEMIDDELING: _("bemiddelt of zet een herstelgesprek op"),
    Wens.FORMEEL: _("behandelt een formele klacht"),
    Wens.AANGIFTE: _("neemt je aangifte op"),
    Wens.ZORG: _("geeft medische of psychologische zorg"),
}

#: A web address is printed as it is only up to this many characters (without
#: ``https://``); a longer one gets Vangnet's short address for the contact point instead.
KORT = 30


@dataclass(frozen=True)
class Schakel:
    """A contact point in the directory: who it serves and how to reach it, briefly."""

    punt: Punt
    voor_wie: str
    telefoons: tuple[Kanaal, ...]
    #: E-mail addresses and web addresses short enough to print; with no phone either, the
    #: poster prints Vangnet's short address for the contact point.
    adressen: tuple[str, ...]
    dag_en_nacht: bool


@dataclass(frozen=True)
class Soort:
    """A kind of contact point (vertrouwenspersoon, hulplijn, ...) with what it does."""

    waarde: str
    label: str
    doet: tuple[str, ...]
    #: Said only when every point of this kind confirms it: unknown is not no.
    anoniem: bool
    gratis: bool
    schakels: tuple[Schakel, ...]


@dataclass(frozen=True)
class Keuze:
    """One answer to "what do you want?": the kinds that offer it, inside and outside."""

    wens: str
    label: str
    binnen: tuple[Soort, ...]
    buiten: tuple[Soort, ...]


@dataclass(frozen=True)
class Stroomschema:
    """The flowchart: danger first, then the wishes, then every kind and its points."""

    gevaar: tuple[Schakel, ...]
    keuzes: tuple[Keuze, ...]
    soorten: tuple[Soort, ...]


def voor_wie(punt: Punt) -> str:
    """Who a contact point serves, in one short phrase."""
    if set(Status.values) <= punt.doelgroepen:
        tekst = _("Voor iedereen")
    else:
        groepen = [str(regels.GROEP[s]) for s in Status.values if s in punt.doelgroepen]
        tekst = _("Voor %(groepen)s") % {"groepen": ", ".join(groepen)}
    if punt.sectoren:
        sectoren = ", ".join(str(Sector(s).label) for s in sorted(punt.sectoren))
        tekst += " " + _("in de %(sectoren)s") % {"sectoren": sectoren}
    return f"{tekst}."


def kort_adres(url: str) -> str:
    """A web address as a person types it (``puntvzw.be``), or "" when it is too long."""
    delen = urlsplit(url)
    host = delen.netloc.removeprefix("www.")
    adres = host + delen.path.rstrip("/")
    return adres if host and len(adres) <= KORT else ""


def schakel(punt: Punt) -> Schakel:
    """A contact point with the ways to reach it that fit on a wall."""
    mails = tuple(
        k.waarde for k in punt.kanalen if k.soort == KanaalSoort.EMAIL and "@" in k.waarde
    )
    webadressen = tuple(
        dict.fromkeys(
            adres
            for k in punt.kanalen
            if k.soort in (KanaalSoort.WEBSITE, KanaalSoort.FORMULIER, KanaalSoort.CHAT)
            and (adres := kort_adres(k.waarde))
        )
    )
    return Schakel(
        punt=punt,
        voor_wie=voor_wie(punt),
        telefoons=tuple(k for k in punt.kanalen if k.soort == KanaalSoort.TELEFOON),
        adressen=tuple(dict.fromkeys(mails + webadressen)),
        dag_en_nacht=any(k.altijd_open for k in punt.kanalen),
    )


def _niveau(punt: Punt) -> int:
    return regels.NIVEAUVOLGORDE.index(punt.niveau)


def stroomschema() -> Stroomschema:
    """The flowchart in the active language, from the current kaart."""
    alle = sorted(punten().values(), key=lambda p: (_niveau(p), p.naam.casefold()))
    per_soort: dict[str, list[Punt]] = {}
    for punt in alle:
        per_soort.setdefault(punt.soort, []).append(punt)
    soorten = {
        waarde: Soort(
            waarde=waarde,
            label=str(AanspreekpuntSoort(waarde).label),
            doet=tuple(str(DOET[w]) for w in Wens.values if any(w in p.biedt for p in lijst)),
            anoniem=all(p.anoniem for p in lijst),
            gratis=all(p.kosteloos for p in lijst),
            schakels=tuple(schakel(p) for p in lijst),
        )
        # Kinds close by first, as on the route: the order of their first point's level.
        for waarde, lijst in sorted(
            per_soort.items(),
            key=lambda kv: (_niveau(kv[1][0]), str(AanspreekpuntSoort(kv[0]).label)),
        )
    }

    def soorten_voor(wens: str, binnen: bool) -> tuple[Soort, ...]:
        return tuple(
            soort
            for soort in soorten.values()
            if any(
                wens in s.punt.biedt and (s.punt.id in regels.BINNEN_DE_ORGANISATIE) == binnen
                for s in soort.schakels
            )
        )

    return Stroomschema(
        gevaar=tuple(schakel(p) for p in alle if p.niveau == Niveau.NOOD),
        keuzes=tuple(
            Keuze(wens, str(label), soorten_voor(wens, True), soorten_voor(wens, False))
            for wens, label in Wens.choices
        ),
        soorten=tuple(soorten.values()),
    )

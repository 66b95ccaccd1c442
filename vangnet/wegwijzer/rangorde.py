"""The order of a route: a few rules, each with its reason in plain words.

A route is ordered by what fits the person, never by a translated name and not by the
flowchart's bands alone (the bands are the picture of the vangnet, not the ranking).
Urgent steps (danger, the first days after sexual violence) always come first; the rest is
sorted by these rules, the first rule weighing most. The last key is the contact point's
id, so the same answers give the same order in every language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vangnet.kaart.choices import EigenAanspreekpunt, Niveau, Wanneer
from vangnet.wegwijzer import regels
from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.kaartbeeld import Punt


@dataclass(frozen=True)
class Kandidaat:
    """A contact point that fits, with what the router learned about it for this person."""

    punt: Punt
    bevoegd: bool  # a competence rule names it as the competent body
    onzeker: bool  # some fact about this person is unconfirmed: "vraag het na"
    gewenst: int  # how many of the person's wishes it offers
    niveau: str  # the band it is ranked in (the police for a complaint: with specialised help)


@dataclass(frozen=True)
class Rangregel:
    naam: str
    waarom: str
    sleutel: Callable[[Antwoorden, Kandidaat], int]


def _zonder_eigen_organisatie(a: Antwoorden) -> bool:
    if a.eigen_aanspreekpunt == EigenAanspreekpunt.NEE:
        return True
    return a.rol in regels.ZONDER_EIGEN_ORGANISATIE and a.eigen_aanspreekpunt != (
        EigenAanspreekpunt.JA
    )


def _voor_minderjarigen_eerst(a: Antwoorden, punt: Punt) -> bool:
    """1712 and the ZSG always; the commission only for facts of years ago."""
    if punt.id == "erkenningscommissie":
        return a.wanneer == Wanneer.JAREN_GELEDEN
    return punt.id in regels.MINDERJARIG_EERST


def _score(a: Antwoorden, k: Kandidaat) -> int:
    """Smaller things that make a point fit better; the more, the earlier."""
    p = k.punt
    score = 0
    if p.id in regels.EIGEN_PUNTEN and a.eigen_aanspreekpunt == EigenAanspreekpunt.JA:
        score += 5
    if a.rol in regels.WERKNEMERS and p.id in regels.WETTELIJKE_FIGUREN:
        score += 4
    if a.sector and a.sector in p.sectoren:
        score += 3
    if a.discriminatiegrond and a.discriminatiegrond in p.discriminatiegronden:
        score += 3
    if a.anoniem and p.anoniem:
        score += 2
    if p.kosteloos:
        score += 1
    return -score


#: The ranking, most important first.
RANGREGELS: tuple[Rangregel, ...] = (
    Rangregel(
        "bevestigd",
        "What is confirmed to fit comes before what the person still has to ask about.",
        lambda a, k: int(k.onzeker),
    ),
    Rangregel(
        "minderjarig",
        "Someone who was younger than 18 first gets the help that is there for children and "
        "young people (1712, the ZSG) and, for old facts, the commission for historical abuse.",
        lambda a, k: int(not (a.minderjarig and _voor_minderjarigen_eerst(a, k.punt))),
    ),
    Rangregel(
        "niet-intern-eerst",
        "A minor, or someone with no organisation of their own to turn to, never starts with a "
        "point inside an organisation.",
        lambda a, k: int(
            k.punt.id in regels.ORGANISATIEGEBONDEN
            and (bool(a.minderjarig) or _zonder_eigen_organisatie(a))
        ),
    ),
    Rangregel(
        "wens",
        "What the person asked for (to talk, advice, mediation, a formal procedure, care) "
        "comes first.",
        lambda a, k: -k.gewenst,
    ),
    Rangregel(
        "procedure",
        "Within a legal procedure, its own order: the inspection after the prevention adviser.",
        lambda a, k: int(k.punt.id in regels.LATER_IN_DE_PROCEDURE),
    ),
    Rangregel(
        "bevoegd",
        "Then the body that is competent for this situation.",
        lambda a, k: int(not k.bevoegd),
    ),
    Rangregel(
        "eigen-punt",
        "The organisation's own vertrouwenspersoon or API, when the person says there is one.",
        lambda a, k: int(
            not (
                k.punt.id in regels.EIGEN_PUNTEN and a.eigen_aanspreekpunt == EigenAanspreekpunt.JA
            )
        ),
    ),
    Rangregel(
        "laagdrempelig",
        "Then low-threshold help before specialised help: close by, the sector, specialised.",
        lambda a, k: regels.NIVEAUVOLGORDE.index(k.niveau),
    ),
    Rangregel(
        "past-beter",
        "Then what is specific to the person's sector or ground, anonymous when asked, free.",
        _score,
    ),
)


def sleutel(a: Antwoorden, k: Kandidaat) -> tuple:
    """The sort key of a candidate: one value per rule, then the id (never a name)."""
    return (*(regel.sleutel(a, k) for regel in RANGREGELS), k.punt.id)


def dringend_sleutel(punt: Punt) -> tuple:
    """Urgent steps: 112 first, then the other emergency lines, then other urgent care."""
    return (punt.id != regels.EERST_BIJ_GEVAAR, punt.niveau != Niveau.NOOD, punt.id)

"""The wegwijzer's questions, in the order they are asked, and which to skip.

One question per page (the GOV.UK question-page pattern). A question is asked only when
one of its answers could change this person's route: ``is_relevant`` tries every answer
with the router itself, so skipping follows the rules and can never drift from them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import (
    AnderePartij,
    Context,
    Discriminatiegrond,
    EigenAanspreekpunt,
    Gedrag,
    Perspectief,
    Sector,
    Status,
    Wanneer,
    Wens,
    Werkgever,
)
from vangnet.wegwijzer.antwoorden import LIJSTEN, VOCABULAIRE, Antwoorden
from vangnet.wegwijzer.bewaring import Gesprek
from vangnet.wegwijzer.kaartbeeld import Punt
from vangnet.wegwijzer.routing import Route, route, vertaald

JA, NEE = "ja", "nee"


@dataclass(frozen=True)
class Keuze:
    waarde: str
    label: Promise
    hint: Promise | None = None


@dataclass(frozen=True)
class Vraag:
    id: str  # also the field of Antwoorden it fills
    titel: Promise
    hint: Promise | None
    keuzes: tuple[Keuze, ...]
    onzeker: Promise  # the "I'm not sure / I'd rather not say" answer
    meervoud: bool = False
    kort: Promise | None = None  # the label on the check-answers page
    #: The title as it speaks to a person's place in what happened (``Perspectief``), where
    #: ``titel`` would speak to the wrong person; ``titel`` for anyone not listed.
    titel_per_perspectief: tuple[tuple[str, Promise], ...] = ()

    def titel_voor(self, antwoorden: Antwoorden) -> Promise:
        """The title for this person: a witness is not asked why *they* were treated so."""
        return dict(self.titel_per_perspectief).get(antwoorden.perspectief or "", self.titel)

    def waarden(self) -> set[str]:
        """Every value a form may send for this question, "not sure" included."""
        return {k.waarde for k in self.keuzes} | {"onzeker"}

    @property
    def ja_nee(self) -> bool:
        """A yes/no answer held as a bool (``gevaar``), not a vocabulary whose values happen
        to be ``ja`` and ``nee`` (``eigen_aanspreekpunt``: its answer stays ``"ja"``)."""
        return VOCABULAIRE.get(self.id) is bool

    def waarde(self, antwoorden: Antwoorden) -> str | list[str] | None:
        """This question's answer as form values (``ja``/``nee`` for yes/no questions)."""
        waarde = getattr(antwoorden, self.id)
        if self.meervoud:
            return sorted(waarde)
        if isinstance(waarde, bool):
            return JA if waarde else NEE
        return waarde

    def als_antwoord(self, waarden: list[str]) -> object:
        """Form values back to the value Antwoorden holds."""
        if self.meervoud:
            return frozenset(waarden)
        if not waarden or waarden[0] == "":
            return None
        if self.ja_nee:
            return waarden[0] == JA
        return waarden[0]

    def labels(self, antwoorden: Antwoorden) -> list[str]:
        """The chosen answers in words, for the check-answers page."""
        gekozen = self.waarde(antwoorden)
        gekozen = gekozen if isinstance(gekozen, list) else [gekozen] if gekozen else []
        labels = [vertaald(k.label) for k in self.keuzes if k.waarde in gekozen]
        return labels or [vertaald(self.onzeker)]


def _keuzes(choices, hints: Mapping[str, Promise] | None = None) -> tuple[Keuze, ...]:
    hints = hints or {}
    return tuple(Keuze(value, label, hints.get(value)) for value, label in choices.choices)


_JA_NEE = (Keuze(JA, _("Ja")), Keuze(NEE, _("Nee")))

VRAGEN: tuple[Vraag, ...] = (
    Vraag(
        "gevaar",
        _("Is iemand nu in gevaar?"),
        _("Bijvoorbeeld: iemand is gewond, wordt bedreigd of is niet veilig waar die nu is."),
        _JA_NEE,
        _("Ik weet het niet"),
        kort=_("Iemand nu in gevaar"),
    ),
    Vraag(
        "rol",
        _("Wat was jouw rol waar het gebeurde?"),
        _("Kies wat het best past. Het bepaalt bij wie je terecht kan."),
        _keuzes(
            Status,
            {
                Status.WERKNEMER: _("Je hebt een arbeidscontract."),
                Status.FLEXWERKER: _("Interim, dagcontract of flexijob."),
                Status.FREELANCER: _("Je werkt als zelfstandige of met een opdracht."),
                Status.DEELNEMER: _("Bijvoorbeeld in een koor, een atelier of een workshop."),
                Status.PUBLIEK: _("Je was bezoeker van een voorstelling, concert of festival."),
            },
        ),
        _("Ik zeg het liever niet"),
        kort=_("Jouw rol"),
    ),
    Vraag(
        "perspectief",
        _("Wat is jouw plaats in wat er gebeurde?"),
        None,
        _keuzes(Perspectief),
        _("Ik weet het niet of zeg het liever niet"),
        kort=_("Jouw plaats"),
    ),
    Vraag(
        "gedrag",
        _("Over wat voor gedrag gaat het?"),
        _("Kies alles wat past."),
        _keuzes(
            Gedrag,
            {
                Gedrag.SEKSUEEL: _(
                    "Van opmerkingen en aanrakingen tot aanranding of verkrachting."
                ),
                Gedrag.PSYCHISCH: _(
                    "Kwetsen, bedreigen, uitsluiten, roddelen, stelselmatig kleineren."
                ),
                Gedrag.MACHTSMISBRUIK: _(
                    "Iemand misbruikt een positie, bv. wie werk of rollen geeft."
                ),
                Gedrag.DISCRIMINATIE: _("Iemand wordt anders behandeld om wie die is."),
            },
        ),
        _("Ik weet het niet"),
        meervoud=True,
        kort=_("Gedrag"),
    ),
    Vraag(
        "discriminatiegrond",
        # Who answers "not sure" to their place may be anyone: the title does not assume.
        _("Waarom werd iemand anders behandeld?"),
        _("Dit bepaalt welk gelijkheidsorgaan je helpt."),
        _keuzes(Discriminatiegrond),
        _("Ik weet het niet"),
        kort=_("Grond van discriminatie"),
        titel_per_perspectief=(
            (Perspectief.SLACHTOFFER, _("Waarom werd je anders behandeld?")),
            (Perspectief.GETUIGE, _("Waarom werd die persoon anders behandeld?")),
            (Perspectief.BESCHULDIGDE, _("Om welke grond van discriminatie gaat het?")),
        ),
    ),
    Vraag(
        "context",
        _("Waar gebeurde het?"),
        None,
        _keuzes(Context),
        _("Ik zeg het liever niet"),
        kort=_("Waar"),
    ),
    Vraag(
        "andere_partij",
        _("Wie deed het?"),
        _("Sommige meldpunten helpen alleen als het iemand van de organisatie was."),
        _keuzes(AnderePartij),
        _("Ik weet het niet of zeg het liever niet"),
        kort=_("Wie het deed"),
    ),
    Vraag(
        "werkgever",
        _("Wie is je werkgever?"),
        _("Voor discriminatie op het werk hangt het daarvan af wie bevoegd is."),
        _keuzes(Werkgever),
        _("Ik weet het niet"),
        kort=_("Werkgever"),
    ),
    Vraag(
        "wanneer",
        _("Wanneer gebeurde het?"),
        _("Als het meer dan eens gebeurde: wanneer was de laatste keer?"),
        _keuzes(Wanneer),
        _("Ik zeg het liever niet"),
        kort=_("Wanneer"),
    ),
    Vraag(
        "minderjarig",
        _("Was je jonger dan 18 toen het gebeurde?"),
        None,
        _JA_NEE,
        _("Ik zeg het liever niet"),
        kort=_("Jonger dan 18"),
    ),
    Vraag(
        "wens",
        _("Wat zou je nu graag willen?"),
        _("Kies alles wat past. Je kan later altijd nog iets anders kiezen."),
        _keuzes(Wens),
        _("Ik weet het nog niet"),
        meervoud=True,
        kort=_("Wat je wil"),
    ),
    Vraag(
        "anoniem",
        _("Wil je anoniem blijven?"),
        _("Anoniem wil zeggen: je hoeft je naam niet te geven."),
        _JA_NEE,
        _("Ik weet het nog niet"),
        kort=_("Anoniem"),
    ),
    Vraag(
        "eigen_aanspreekpunt",
        _("Heeft je organisatie een eigen vertrouwenspersoon of aanspreekpunt integriteit?"),
        _("Dat is iemand in of voor je organisatie bij wie je vertrouwelijk terecht kan."),
        _keuzes(EigenAanspreekpunt),
        _("Ik weet het niet"),
        kort=_("Eigen vertrouwenspersoon of API"),
    ),
    Vraag(
        "sector",
        _("In welke sector gebeurde het?"),
        None,
        _keuzes(Sector),
        _("Ik weet het niet"),
        kort=_("Sector"),
    ),
)
PER_ID: dict[str, Vraag] = {v.id: v for v in VRAGEN}
#: Each question's place in the interview.
PLAATS: dict[str, int] = {v.id: i for i, v in enumerate(VRAGEN)}
assert all(v.meervoud == (v.id in LIJSTEN) for v in VRAGEN)


#: Where a person's role says where it happened, that answer is filled in for them (and
#: shown on the check-answers page, where they can change it) instead of asked.
CONTEXT_UIT_ROL: dict[str, str] = {
    Status.WERKNEMER: Context.WERK,
    Status.FLEXWERKER: Context.WERK,
    Status.FREELANCER: Context.WERK,
    Status.LEIDINGGEVENDE: Context.WERK,
    Status.STUDENT: Context.OPLEIDING,
    Status.PUBLIEK: Context.EVENEMENT,
}

#: Questions that only make sense after some answers.
VOORWAARDEN: dict[str, Callable[[Antwoorden], bool]] = {
    "discriminatiegrond": lambda a: Gedrag.DISCRIMINATIE in a.gedrag,
    # About the person's own age when it happened: a child gets 1712 and the ZSG first, an
    # adult about their childhood the commission for historical abuse. Not asked of a
    # witness, the accused or an organisation.
    "minderjarig": lambda a: a.perspectief in (None, Perspectief.SLACHTOFFER),
    # Who did it matters where a contact point is only there when it was someone of the
    # organisation (the Vlaams Meldpunt and audiences); the employer matters for
    # discrimination at work. Each is asked only on the path where it can change the route.
    "andere_partij": lambda a: a.rol == Status.PUBLIEK or a.context == Context.EVENEMENT,
    "werkgever": lambda a: Gedrag.DISCRIMINATIE in a.gedrag and a.context in (None, Context.WERK),
}


def _vergelijkbaar(r: Route) -> tuple:
    """What makes two routes different for a person: other steps, order, urgency or misfits."""
    return (
        tuple((s.punt.id, s.dringend) for s in r.stappen),
        tuple(n.punt.id for n in r.niet_passend),
    )


def is_relevant(vraag: Vraag, antwoorden: Antwoorden, punten: Mapping[str, Punt]) -> bool:
    """True when some answer to ``vraag`` gives another route than not answering it."""
    voorwaarde = VOORWAARDEN.get(vraag.id)
    if voorwaarde and not voorwaarde(antwoorden):
        return False
    zonder = antwoorden.met(**{vraag.id: frozenset() if vraag.meervoud else None})
    basis = _vergelijkbaar(route(zonder, punten))
    for keuze in vraag.keuzes:
        waarde = vraag.als_antwoord([keuze.waarde])
        if _vergelijkbaar(route(zonder.met(**{vraag.id: waarde}), punten)) != basis:
            return True
    return False


#: Nobody answers more than this many questions. What is not asked stays open, and an open
#: answer never narrows a route: it only keeps more contact points on it.
MAX_VRAGEN = 8
#: Asked on top of ``MAX_VRAGEN``, at most one per path (their conditions exclude each
#: other): who did it, or the employer, where that decides who is competent.
EXTRA_VRAGEN = frozenset({"andere_partij", "werkgever"})


def volgende(
    antwoorden: Antwoorden,
    beantwoord: list[str],
    punten: Mapping[str, Punt],
    afgeleid: list[str] | tuple[str, ...] = (),
) -> Vraag | None:
    """The first question not yet answered that could still change the route.

    ``afgeleid`` are answers filled in for the person (from their role, or a poster's
    sector); they do not count towards ``MAX_VRAGEN``.
    """
    gesteld = [v for v in beantwoord if v not in afgeleid and v not in EXTRA_VRAGEN]
    vol = len(gesteld) >= MAX_VRAGEN
    for vraag in VRAGEN:
        if vol and vraag.id not in EXTRA_VRAGEN:
            continue
        if vraag.id not in beantwoord and is_relevant(vraag, antwoorden, punten):
            return vraag
    return None


def gestelde(antwoorden: Antwoorden, beantwoord: list[str]) -> list[Vraag]:
    """The answered questions that still matter, in interview order (check-answers page)."""
    return [
        v
        for v in VRAGEN
        if v.id in beantwoord and (v.id not in VOORWAARDEN or VOORWAARDEN[v.id](antwoorden))
    ]


def afgeleid(gesprek: Gesprek, vraag_id: str) -> Gesprek:
    """Fill in what follows from the answer just given, so it need not be asked.

    Only answers that were themselves filled in are ever replaced: what a person chose
    stays as they chose it.
    """
    if vraag_id != "rol" or ("context" in gesprek.beantwoord and "context" not in gesprek.afgeleid):
        return gesprek
    context = CONTEXT_UIT_ROL.get(gesprek.antwoorden.rol or "")
    if context:
        return gesprek.beantwoord_met("context", context, afgeleid=True)
    return gesprek.vergeet("context")

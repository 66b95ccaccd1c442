"""The wegwijzer's rules, written as data, each next to the words it gives a person.

Who a contact point serves (status, position, behaviour, context, sector) comes from the
kaart's own data; this file holds only what the data cannot say by itself: the order of
the vangnet, time windows, the emergency rule, and the reasons in plain words.
``routing.py`` applies these rules; the flowchart draws the same levels.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import Niveau, Perspectief, Status, Wanneer, Wens

#: The order of a route and of the flowchart's bands: danger first, then close by, then
#: the sector, then specialised help (action 2.1: "van informele ondersteuning tot
#: melding en bemiddeling").
NIVEAUVOLGORDE: tuple[str, ...] = (
    Niveau.NOOD,
    Niveau.DICHTBIJ,
    Niveau.SECTOR,
    Niveau.GESPECIALISEERD,
)

NIVEAU_UITLEG: dict[str, Promise] = {
    Niveau.NOOD: _("Is iemand nu in gevaar? Bel eerst. Dag en nacht, gratis."),
    Niveau.DICHTBIJ: _(
        "Dichtbij en laagdrempelig: een vertrouwenspersoon of aanspreekpunt in je eigen "
        "organisatie, of mensen die hetzelfde meemaakten."
    ),
    Niveau.SECTOR: _(
        "Buiten je eigen organisatie, voor de hele sector: onafhankelijk, ook als je intern "
        "niet terecht kan of wil."
    ),
    Niveau.GESPECIALISEERD: _(
        "Gespecialiseerde hulp: hulplijnen, zorg, gelijkheidsorganen, inspectie en justitie."
    ),
}

NIVEAU_REDEN: dict[str, Promise] = {
    Niveau.DICHTBIJ: _("Dichtbij en laagdrempelig: hier kan je beginnen."),
    Niveau.SECTOR: _("Onafhankelijk van je eigen organisatie."),
}

# --- Danger -------------------------------------------------------------------------

#: With danger, this contact point always comes first.
EERST_BIJ_GEVAAR = "noodnummer-112"

GEVAAR_REDEN: dict[str, Promise] = {
    "noodnummer-112": _(
        "Iemand is nu in gevaar: bel eerst 112 voor een ziekenwagen of de brandweer."
    ),
    "politie": _("Bij geweld of een bedreiging nu: bel 101 voor dringende politiehulp."),
}
AANGIFTE_REDEN = _(
    "Je wil aangifte doen: dat kan bij de politie. Is het niet dringend? Ga dan naar een "
    "politiekantoor."
)

# --- Time windows -------------------------------------------------------------------


@dataclass(frozen=True)
class Tijdvenster:
    """A contact point that fits only within some time after the facts."""

    past: frozenset[str]
    dringend: frozenset[str]
    waarom_past: Promise
    waarom_dringend: Promise | None
    waarom_onbekend: Promise | None
    waarom_niet: Promise


_RECENT = frozenset({Wanneer.NU, Wanneer.MINDER_DAN_WEEK})

TIJDVENSTERS: dict[str, Tijdvenster] = {
    # ZSG: forensic examination only within 7 days, the first 72 hours matter most;
    # psychological follow-up can start up to a month after the facts (see its kaart page).
    "zsg": Tijdvenster(
        past=_RECENT | {Wanneer.MINDER_DAN_MAAND},
        dringend=_RECENT,
        waarom_past=_("Het zorgcentrum biedt zorg in de eerste weken na seksueel geweld."),
        waarom_dringend=_(
            "Ging het om aanranding of verkrachting? Ga dan zo snel mogelijk naar een "
            "zorgcentrum na seksueel geweld: sporen kunnen alleen binnen 7 dagen onderzocht "
            "worden, en de eerste 72 uur zijn het belangrijkst. Aangifte doen is niet verplicht."
        ),
        waarom_onbekend=_(
            "Gebeurde het minder dan 7 dagen geleden? Ga dan zo snel mogelijk naar een "
            "zorgcentrum: sporen kunnen alleen de eerste dagen onderzocht worden."
        ),
        waarom_niet=_(
            "Het zorgcentrum na seksueel geweld is er voor de eerste dagen en weken na de "
            "feiten. Voor later kan je bij het CAW, 1712 of je huisarts terecht."
        ),
    ),
    "erkenningscommissie": Tijdvenster(
        past=frozenset({Wanneer.JAREN_GELEDEN}),
        dringend=frozenset(),
        waarom_past=_(
            "Gebeurde het minstens 10 jaar geleden? Dan erkent de commissie wat je meemaakte, "
            "en bemiddelt ze als je dat wil."
        ),
        waarom_dringend=None,
        waarom_onbekend=_("Gebeurde het minstens 10 jaar geleden? Dan kan je bij de commissie."),
        waarom_niet=_("De commissie is er alleen voor misbruik van minstens 10 jaar geleden."),
    ),
    "meldpunt-publiek": Tijdvenster(
        past=_RECENT,
        dringend=frozenset(),
        waarom_past=_(
            "Het gebeurt nu of gebeurde net, op een evenement of in een zaal: meld het aan het "
            "meldpunt of de crew ter plaatse."
        ),
        waarom_dringend=None,
        waarom_onbekend=None,
        waarom_niet=_(
            "Een meldpunt voor publiek helpt tijdens of vlak na het evenement. Voor later "
            "kan je bij de organisator zelf of bij de andere stappen hieronder terecht."
        ),
    ),
}

# --- The organisation's own contact points --------------------------------------------

#: These exist only where the organisation has appointed one.
EIGEN_PUNTEN = frozenset({"vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "api"})
EIGEN_JA = _(
    "Je organisatie heeft een eigen vertrouwenspersoon of aanspreekpunt integriteit: die kent "
    "de organisatie en is dichtbij."
)
EIGEN_WEET_NIET = _(
    "Vraag na of je organisatie een vertrouwenspersoon of aanspreekpunt integriteit heeft. "
    "Voor werknemers staan de gegevens meestal in het arbeidsreglement."
)
EIGEN_NEE = _(
    "Je organisatie heeft geen eigen vertrouwenspersoon of aanspreekpunt integriteit. De "
    "andere stappen staan wel voor je open."
)

# --- Wishes and fit -------------------------------------------------------------------

WENS_REDEN: dict[str, Promise] = {
    Wens.PRATEN: _("Je wil erover praten: hier luistert iemand naar je."),
    Wens.ADVIES: _("Je wil advies: hier bekijken ze samen met jou wat je kan doen."),
    Wens.LOTGENOTEN: _(
        "Je zoekt lotgenoten: hier vind je mensen die iets gelijkaardigs meemaakten."
    ),
    Wens.BEMIDDELING: _("Je denkt aan bemiddeling of een herstelgesprek: dat kan hier."),
    Wens.FORMEEL: _("Je wil een formele klacht of procedure: die kan je hier starten."),
    Wens.AANGIFTE: _("Je wil aangifte doen: hier kan dat, of ze helpen je erbij."),
    Wens.ZORG: _("Je zoekt zorg: hier kan je terecht voor medische of psychologische hulp."),
}

#: Who a status is, in the plural, for sentences like "X is er niet voor vrijwilligers".
GROEP: dict[str, Promise] = {
    Status.WERKNEMER: _("werknemers"),
    Status.FLEXWERKER: _("flexwerkers"),
    Status.FREELANCER: _("freelancers"),
    Status.VRIJWILLIGER: _("vrijwilligers"),
    Status.DEELNEMER: _("deelnemers en leden"),
    Status.STUDENT: _("studenten en stagiairs"),
    Status.PUBLIEK: _("publiek en bezoekers"),
    Status.LEIDINGGEVENDE: _("leidinggevenden en organisaties"),
}
POSITIE: dict[str, Promise] = {
    Perspectief.SLACHTOFFER: _("wie het zelf meemaakte"),
    Perspectief.GETUIGE: _("getuigen"),
    Perspectief.BESCHULDIGDE: _("wie beschuldigd wordt of twijfelt aan het eigen gedrag"),
    Perspectief.ORGANISATIE: _("organisaties"),
}

VOOR_GROEP = _("Speciaal voor %(groep)s.")
VOOR_POSITIE = _("Dit is er ook voor %(positie)s.")
VOOR_SECTOR = _("Speciaal voor de %(sector)s.")
VOOR_GROND = _("Behandelt discriminatie op grond van %(grond)s.")
ANONIEM_JA = _("Je kan hier anoniem blijven.")
ANONIEM_ONBEKEND = _(
    "Of je hier anoniem kan blijven, is niet bevestigd: vraag het bij het eerste contact."
)
#: A status list this short is "for some people", worth saying.
SPECIFIEK_VOOR = 4
#: What being a minor at the time adds (these points also move up the route).
MINDERJARIG_REDEN: dict[str, Promise] = {
    "1712": _("1712 is er voor kinderen en jongeren, en voor volwassenen."),
    "erkenningscommissie": _(
        "De commissie erkent ook geweld, misbruik en verwaarlozing die je als kind meemaakte."
    ),
}
VANGNET_GRATIS = _(
    "Gratis. Past je vraag hier niet precies? Dan helpen ze je zoeken waar je wel terecht kan."
)
VANGNET_ANONIEM = _(
    "Hier kan je anoniem blijven. Past je vraag niet precies? Dan helpen ze je verder."
)

# --- Why something a person might expect does not fit ------------------------------------

NIET_VOOR_GROEP = _("%(naam)s is er niet voor %(groep)s.")
NIET_VOOR_POSITIE = _("%(naam)s is er niet voor %(positie)s.")
NIET_VOOR_CONTEXT = _("%(naam)s is er niet voor wat %(context)s gebeurt.")
NIET_VOOR_SECTOR = _("%(naam)s is er alleen voor de %(sectoren)s.")
NIET_VOOR_GROND = _("%(naam)s behandelt geen discriminatie op grond van %(grond)s.")
NIET_ANONIEM = _("Bij %(naam)s moet je zeggen wie je bent.")

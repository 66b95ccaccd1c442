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

from vangnet.kaart.choices import (
    AnderePartij,
    Context,
    Gedrag,
    Niveau,
    Perspectief,
    Status,
    Wanneer,
    Wens,
    Werkgever,
)

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

# --- Crimes ---------------------------------------------------------------------------

#: The police, for a complaint about something that is a crime.
POLITIE = "politie"
#: Behaviour that is a crime in itself when it is sexual violence or physical violence.
STRAFBAAR_GEDRAG = frozenset({Gedrag.SEKSUEEL, Gedrag.FYSIEK})
STRAFBAAR_REDEN = _(
    "Je wil een formele klacht over seksueel of fysiek geweld: dat is strafbaar, en dan kan je "
    "ook aangifte doen bij de politie. Na seksueel geweld kan dat ook in een zorgcentrum na "
    "seksueel geweld. Is het niet dringend? Ga dan naar een politiekantoor."
)
MINDERJARIG_STRAFBAAR_REDEN = _(
    "Geweld of misbruik tegen iemand die jonger is dan 18, is strafbaar: je kan aangifte doen "
    "bij de politie. 1712 helpt je eerst nadenken als je twijfelt."
)
MISSCHIEN_STRAFBAAR_REDEN = _(
    "Gaat het om stalking, bedreiging of het verspreiden van intieme beelden? Dat is strafbaar: "
    "dan kan je aangifte doen bij de politie."
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
    #: With no answer to "when", the window is something to ask about first (the point
    #: then waits among the unconfirmed steps), not a reason it fits.
    onbekend_is_nagaan: bool = False


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
        onbekend_is_nagaan=True,
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

# --- Minors ---------------------------------------------------------------------------

#: For someone who was younger than 18, these come first (after danger): they are there for
#: children and young people, and for adults about what happened in their childhood.
MINDERJARIG_EERST = frozenset({"1712", "zsg", "erkenningscommissie"})

# --- Procedures with an order -----------------------------------------------------------

#: Points that come after another in the same legal procedure: a worker goes straight to
#: the inspection only when there is no prevention adviser or no lawful procedure
#: (werk.belgie.be, "actiemiddelen van de werknemer").
LATER_IN_DE_PROCEDURE = frozenset({"arbeidsinspectie"})
#: Statuses the Welzijnswet covers, and its legal figures: for them the vertrouwenspersoon
#: comes before an Aanspreekpunt Integriteit, which culture only explores (action 2.4).
WERKNEMERS = frozenset({Status.WERKNEMER, Status.FLEXWERKER, Status.STUDENT, Status.LEIDINGGEVENDE})
WETTELIJKE_FIGUREN = frozenset({"vertrouwenspersoon-intern", "vertrouwenspersoon-extern"})

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
#: Points inside the organisation where it happened. They never come first for a minor, or
#: for someone with no organisation of their own to turn to (a freelancer or a visitor who
#: did not say there is one, or anyone who said there is none).
ORGANISATIEGEBONDEN = EIGEN_PUNTEN | {"preventieadviseur-intern"}
ZONDER_EIGEN_ORGANISATIE = frozenset({Status.FREELANCER, Status.PUBLIEK})
#: The flowchart's "inside your organisation": the points above, and the reporting point an
#: event or venue sets up for its public (it is the organiser's own, on the spot).
BINNEN_DE_ORGANISATIE = ORGANISATIEGEBONDEN | {"meldpunt-publiek"}
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
# --- Unknown facts: "vraag het na", never "X is er niet voor" -----------------------------

NAGAAN: dict[str, Promise] = {
    "doelgroepen": _(
        "Of dit er ook is voor %(waarde)s, is niet bevestigd: vraag het na bij je eerste contact."
    ),
    "perspectieven": _(
        "Of dit er ook is voor %(waarde)s, is niet bevestigd: vraag het na bij je eerste contact."
    ),
    "gedrag": _(
        "Of ze ook helpen bij %(waarde)s, is niet bevestigd: vraag het na bij je eerste contact."
    ),
    "discriminatiegronden": _(
        "Of ze discriminatie op grond van %(waarde)s behandelen, is niet bevestigd: vraag het na "
        "bij je eerste contact."
    ),
    "contexten": _(
        "Of dit er ook is voor wat %(waarde)s gebeurde, is niet bevestigd: vraag het na bij je "
        "eerste contact."
    ),
    "sectoren": _(
        "Of dit er ook is voor de %(waarde)s, is niet bevestigd: vraag het na bij je eerste "
        "contact."
    ),
    "minderjarigen": _(
        "Of dit er ook is voor wie jonger dan 18 was, is niet bevestigd: vraag het na bij je "
        "eerste contact."
    ),
}
#: A sourced "no" without its own words.
NIET_VOOR = _("%(naam)s is er niet voor %(waarde)s.")
IDENTITEIT_ONBEVESTIGD = _(
    "Welke organisatie hier bedoeld is, is niet bevestigd. We tonen ze pas als dat zo is."
)

# --- Competence: who is competent for what ---------------------------------------------


@dataclass(frozen=True)
class Bevoegdheid:
    """A rule about which body is competent, with its source.

    The rule applies when every condition it names matches the person's answers; a missing
    answer leaves it undecided. Then ``voorwaarde`` tells the person the condition in plain
    words, instead of assuming an answer:

    - ``bevoegd``: the point is the competent body; it moves up the route, with ``reden``.
    - ``niet-bevoegd``: a source says the point is not competent here; it leaves the route
      with ``reden`` and ``bron``. Undecided: it stays, with ``voorwaarde`` to check.
    - ``voorwaarde``: the point stays on the route with ``voorwaarde`` to check.
    """

    punt: str
    gevolg: str
    reden: Promise
    bron: tuple[str, ...]
    #: What the person reads while the rule is undecided; ``reden`` when not given.
    voorwaarde: Promise | None = None
    gedrag: frozenset[str] | None = None
    rollen: frozenset[str] | None = None
    contexten: frozenset[str] | None = None
    werkgevers: frozenset[str] | None = None
    andere_partijen: frozenset[str] | None = None
    gronden: frozenset[str] | None = None


BEVOEGD, NIET_BEVOEGD, VOORWAARDE = "bevoegd", "niet-bevoegd", "voorwaarde"
_DISCRIMINATIE = frozenset({Gedrag.DISCRIMINATIE})
_VLAAMSE_DOMEINEN = frozenset({Context.VRIJE_TIJD, Context.OPLEIDING, Context.EVENEMENT})
_WERK = frozenset({Context.WERK})
_FEDERALE_WERKGEVERS = frozenset({Werkgever.PRIVE, Werkgever.FEDERALE_OVERHEID})
_UNIA_VLAANDEREN = "https://www.unia.be/nl/faq/is-unia-actief-in-vlaanderen"
_VMRI_BEVOEGD = (
    "https://www.lint.be/vlaams-mensenrechten-instituut",
    "https://www.vlaanderen.be/samenleven/sociale-cohesie/discriminatie",
)
_MELDPUNTEN_WERK = (
    "https://www.vlaanderen.be/discriminatie-op-het-werk-herkennen-en-melden/"
    "meldpunten-discriminatie-op-het-werk"
)

BEVOEGDHEDEN: tuple[Bevoegdheid, ...] = (
    # Since 15 March 2023 the VMRI handles discrimination in Flemish matters (culture,
    # leisure, education, ...), Unia federal matters such as work at a private employer.
    Bevoegdheid(
        punt="vmri",
        gevolg=BEVOEGD,
        gedrag=_DISCRIMINATIE,
        contexten=_VLAAMSE_DOMEINEN,
        reden=_(
            "Voor discriminatie in een Vlaamse bevoegdheid, zoals de toegang tot cultuur, vrije "
            "tijd en onderwijs, is het VMRI bevoegd."
        ),
        voorwaarde=_(
            "Gebeurde het in cultuur, vrije tijd of onderwijs? Dan is het VMRI bevoegd voor "
            "discriminatie."
        ),
        bron=_VMRI_BEVOEGD,
    ),
    Bevoegdheid(
        punt="vmri",
        gevolg=NIET_BEVOEGD,
        gedrag=_DISCRIMINATIE,
        contexten=_WERK,
        werkgevers=_FEDERALE_WERKGEVERS,
        reden=_(
            "Discriminatie op het werk bij een private werkgever (ook een vzw) of de federale "
            "overheid is een federale bevoegdheid: daarvoor ga je naar Unia, of naar het IGVM als "
            "het over gender gaat."
        ),
        voorwaarde=_(
            "Niet als je werkgever een private organisatie (ook een vzw) of de federale overheid "
            "is: dan ga je naar Unia, of naar het IGVM als het over gender gaat."
        ),
        bron=(_UNIA_VLAANDEREN,),
    ),
    Bevoegdheid(
        punt="unia",
        gevolg=BEVOEGD,
        gedrag=_DISCRIMINATIE,
        contexten=_WERK,
        werkgevers=_FEDERALE_WERKGEVERS,
        reden=_(
            "Discriminatie op het werk bij een private werkgever (ook een vzw) of de federale "
            "overheid behandelt Unia."
        ),
        voorwaarde=_(
            "Unia is bevoegd als je werkgever een private organisatie (ook een vzw) of de "
            "federale overheid is."
        ),
        bron=(_UNIA_VLAANDEREN,),
    ),
    Bevoegdheid(
        punt="unia",
        gevolg=VOORWAARDE,
        gedrag=_DISCRIMINATIE,
        contexten=_VLAAMSE_DOMEINEN,
        reden=_(
            "In cultuur, vrije tijd en onderwijs is Unia alleen nog bevoegd voor haatspraak en "
            "haatmisdrijven; andere discriminatie behandelt het VMRI."
        ),
        bron=(_UNIA_VLAANDEREN,),
    ),
    Bevoegdheid(
        punt="igvm",
        gevolg=BEVOEGD,
        gedrag=_DISCRIMINATIE,
        contexten=_WERK,
        werkgevers=_FEDERALE_WERKGEVERS,
        gronden=frozenset({"gender"}),
        reden=_(
            "Discriminatie op grond van geslacht of gender op het werk behandelt het Instituut "
            "voor de gelijkheid van vrouwen en mannen."
        ),
        voorwaarde=_(
            "Het IGVM is bevoegd voor discriminatie op grond van geslacht of gender op het werk, "
            "bij een private werkgever (ook een vzw) of de federale overheid."
        ),
        bron=("https://igvm-iefh.belgium.be/nl/faq",),
    ),
    Bevoegdheid(
        punt="meldpunt-werkgerelateerde-discriminatie",
        gevolg=BEVOEGD,
        gedrag=_DISCRIMINATIE,
        contexten=_WERK,
        werkgevers=frozenset({Werkgever.VLAAMSE_OVERHEID}),
        reden=_(
            "Je werkt bij de Vlaamse overheid: dit meldpunt behandelt discriminatie op het werk "
            "en geeft door wat bij een ander hoort."
        ),
        voorwaarde=_("Voor wie bij de Vlaamse overheid of een Vlaamse instelling werkt."),
        bron=(_MELDPUNTEN_WERK,),
    ),
    Bevoegdheid(
        punt="meldpunt-werkgerelateerde-discriminatie",
        gevolg=NIET_BEVOEGD,
        gedrag=_DISCRIMINATIE,
        contexten=_WERK,
        werkgevers=_FEDERALE_WERKGEVERS,
        reden=_("Dit meldpunt is er voor personeel van de Vlaamse overheid."),
        voorwaarde=_("Voor wie bij de Vlaamse overheid of een Vlaamse instelling werkt."),
        bron=(_MELDPUNTEN_WERK,),
    ),
    Bevoegdheid(
        punt="toezicht-sociale-wetten",
        gevolg=VOORWAARDE,
        gedrag=_DISCRIMINATIE,
        contexten=_WERK,
        reden=_(
            "Gaat het om je loon, je arbeidsduur, je contract of ouderschapsverlof? Dan kan de "
            "inspectie Toezicht op de Sociale Wetten optreden."
        ),
        bron=(_MELDPUNTEN_WERK,),
    ),
    # Cultuurloket advises on the business side only; it never handles the behaviour itself.
    Bevoegdheid(
        punt="cultuurloket",
        gevolg=VOORWAARDE,
        reden=_(
            "Cultuurloket helpt met de zakelijke kant: je contract, je loon of je statuut. Het "
            "is geen meldpunt voor het gedrag zelf."
        ),
        bron=("https://www.kunstenloket.be/missie-en-visie",),
    ),
    # The Vlaams Meldpunt: enough that the victim or the perpetrator is a member or staff of
    # a Flemish organisation; not for behaviour between one-time users, such as an audience.
    Bevoegdheid(
        punt="vlaams-meldpunt",
        gevolg=NIET_BEVOEGD,
        rollen=frozenset({Status.PUBLIEK}),
        andere_partijen=frozenset({AnderePartij.BEZOEKER}),
        reden=_(
            "Het Vlaams Meldpunt behandelt geen gedrag tussen bezoekers onder elkaar, zoals "
            "toeschouwers van een voorstelling. Het is er wel als wie het deed bij de "
            "organisatie werkt of er lid van is."
        ),
        voorwaarde=_(
            "Alleen als wie het deed bij de organisatie werkt of er lid van is: niet voor gedrag "
            "tussen bezoekers onder elkaar."
        ),
        bron=(
            "https://faro.be/blogs/katrijn-dhamers/"
            "nieuw-meldpunt-grensoverschrijdend-gedrag-er-ook-voor-erfgoedsector",
        ),
    ),
)

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

"""The shared vocabulary of the kaart: the fixed code lists every module uses.

The values are the action plan's own words (lower case, hyphenated) and are
the same in the data files, the database, the URLs and the API. Labels are
translated; values never are.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    """The status (rol) of a person where it happened."""

    WERKNEMER = "werknemer", _("werknemer")
    FLEXWERKER = "flexwerker", _("flexwerker")
    FREELANCER = "freelancer", _("freelancer")
    VRIJWILLIGER = "vrijwilliger", _("vrijwilliger")
    DEELNEMER = "deelnemer", _("deelnemer of lid")
    STUDENT = "student", _("student of stagiair")
    PUBLIEK = "publiek", _("publiek")
    LEIDINGGEVENDE = "leidinggevende", _("leidinggevende of organisatie")


class Perspectief(models.TextChoices):
    """From which side a person meets the behaviour."""

    SLACHTOFFER = "slachtoffer", _("het overkwam mij")
    GETUIGE = "getuige", _("ik zag het gebeuren")
    BESCHULDIGDE = "beschuldigde", _("ik word beschuldigd of twijfel aan mijn eigen gedrag")
    ORGANISATIE = "organisatie", _("ik moet reageren als organisatie")


class Gedrag(models.TextChoices):
    """Kinds of grensoverschrijdend gedrag."""

    SEKSUEEL = "seksueel", _("seksueel grensoverschrijdend gedrag")
    FYSIEK = "fysiek", _("fysiek geweld")
    PSYCHISCH = "psychisch", _("psychisch geweld of pesten")
    MACHTSMISBRUIK = "machtsmisbruik", _("machtsmisbruik")
    DISCRIMINATIE = "discriminatie", _("discriminatie")


class Niveau(models.TextChoices):
    """The levels of the vangnet (action 2.1), from close by to specialised.

    The flowchart draws one band per level; the wegwijzer orders a route by them.
    """

    NOOD = "nood", _("nu in gevaar")
    DICHTBIJ = "dichtbij", _("dichtbij: in je organisatie en bij lotgenoten")
    SECTOR = "sector", _("in de sector en in Vlaanderen")
    GESPECIALISEERD = "gespecialiseerd", _("gespecialiseerde, juridische en medische hulp")


class Wens(models.TextChoices):
    """What a person would like; what a contact point offers (``biedt``)."""

    PRATEN = "praten", _("erover praten")
    ADVIES = "advies", _("advies over wat ik kan doen")
    LOTGENOTEN = "lotgenoten", _("lotgenoten ontmoeten")
    BEMIDDELING = "bemiddeling", _("bemiddeling of een herstelgesprek")
    FORMEEL = "formeel", _("een formele klacht of procedure")
    AANGIFTE = "aangifte", _("aangifte doen bij de politie")
    ZORG = "zorg", _("medische of psychologische zorg")


class Wanneer(models.TextChoices):
    """When it happened, as a person would say it."""

    NU = "nu", _("het gebeurt nu nog")
    MINDER_DAN_WEEK = "minder-dan-week", _("minder dan een week geleden")
    MINDER_DAN_MAAND = "minder-dan-maand", _("minder dan een maand geleden")
    LANGER_GELEDEN = "langer-geleden", _("langer dan een maand geleden")
    JAREN_GELEDEN = "jaren-geleden", _("jaren geleden")


class EigenAanspreekpunt(models.TextChoices):
    """Whether the organisation has its own vertrouwenspersoon or Aanspreekpunt Integriteit.

    No "I don't know" value: like every answer, not knowing is no answer (``None``), which
    the wegwijzer offers on every question. A value of its own showed it twice.
    """

    JA = "ja", _("ja")
    NEE = "nee", _("nee")


class AnderePartij(models.TextChoices):
    """Who did it, as seen from the person: some contact points depend on it."""

    LEIDING = (
        "leiding",
        _("iemand met gezag: een leidinggevende, regisseur, docent, begeleider of bestuurder"),
    )
    COLLEGA = "collega", _("een collega of iemand anders die er werkt of meewerkt")
    BEZOEKER = "bezoeker", _("een andere bezoeker, deelnemer of lid")
    ONLINE = "online", _("iemand online, of iemand die ik niet ken")


class Werkgever(models.TextChoices):
    """Who the employer is: for discrimination at work it decides who is competent."""

    PRIVE = "prive", _("een private organisatie, zoals een vzw of een bedrijf")
    VLAAMSE_OVERHEID = "vlaamse-overheid", _("de Vlaamse overheid of een Vlaamse instelling")
    LOKAAL_BESTUUR = "lokaal-bestuur", _("een stad, gemeente of ander lokaal bestuur")
    FEDERALE_OVERHEID = "federale-overheid", _("de federale overheid")


class Discriminatiegrond(models.TextChoices):
    GENDER = "gender", _("gender of geslacht")
    AFKOMST = "afkomst", _("afkomst, huidskleur of nationaliteit")
    SEKSUELE_ORIENTATIE = "seksuele-orientatie", _("seksuele oriëntatie")
    HANDICAP = "handicap", _("handicap")
    LEEFTIJD = "leeftijd", _("leeftijd")
    GELOOF = "geloof", _("geloof of levensbeschouwing")
    TAAL = "taal", _("taal")
    ANDERE = "andere", _("andere grond")


class Context(models.TextChoices):
    WERK = "werk", _("op het werk")
    VRIJE_TIJD = "vrije-tijd", _("in de vrije tijd (vereniging, hobby)")
    OPLEIDING = "opleiding", _("in een opleiding of stage")
    EVENEMENT = "evenement", _("op een evenement of in een zaal")


class Sector(models.TextChoices):
    PODIUMKUNSTEN = "podiumkunsten", _("podiumkunsten")
    MUZIEK = "muziek", _("muziek")
    BEELDENDE_KUNSTEN = "beeldende-kunsten", _("beeldende kunsten")
    FILM_AUDIOVISUEEL = "film-audiovisueel", _("film en audiovisueel")
    LITERATUUR = "literatuur", _("literatuur")
    CIRCUS = "circus", _("circus")
    CULTUREEL_ERFGOED = "cultureel-erfgoed", _("cultureel erfgoed")
    SOCIAAL_CULTUREEL_VOLWASSENENWERK = (
        "sociaal-cultureel-volwassenenwerk",
        _("sociaal-cultureel volwassenenwerk"),
    )
    AMATEURKUNSTEN = "amateurkunsten", _("amateurkunsten")
    MEDIA = "media", _("media")
    ANDERE = "andere", _("andere sector")


class Beleidsniveau(models.TextChoices):
    """The three levels of the beleidsdriehoek (Grenswijs)."""

    KWALITEIT = "kwaliteit", _("kwaliteit")
    PREVENTIE = "preventie", _("preventie")
    REACTIE = "reactie", _("reactie")


class OrganisatieSoort(models.TextChoices):
    SECTORORGANISATIE = "sectororganisatie", _("sectororganisatie of steunpunt")
    EXPERTISECENTRUM = "expertisecentrum", _("expertisecentrum")
    OVERHEID = "overheid", _("overheid")
    HULPLIJN = "hulplijn", _("hulplijn of hulpverlening")
    MELDPUNT = "meldpunt", _("meldpunt of gelijkheidsorgaan")
    SOCIAAL_FONDS = "sociaal-fonds", _("sociaal fonds")
    VAKBOND = "vakbond", _("vakbond")
    WERKGEVERSFEDERATIE = "werkgeversfederatie", _("werkgeversfederatie")
    PREVENTIEDIENST = "preventiedienst", _("externe preventiedienst")
    PEER_SUPPORT = "peer-support", _("peer support")
    ONDERWIJS = "onderwijs", _("onderwijs")
    OMROEP = "omroep", _("omroep of media")
    ANDERE = "andere", _("andere")


class AanspreekpuntSoort(models.TextChoices):
    NOODHULP = "noodhulp", _("noodhulp")
    HULPLIJN = "hulplijn", _("hulplijn")
    HULPVERLENING = "hulpverlening", _("hulpverlening en zorg")
    MELDPUNT = "meldpunt", _("meldpunt")
    VERTROUWENSPERSOON = "vertrouwenspersoon", _("vertrouwenspersoon")
    PREVENTIEADVISEUR = "preventieadviseur", _("preventieadviseur")
    AANSPREEKPUNT_INTEGRITEIT = "aanspreekpunt-integriteit", _("aanspreekpunt integriteit")
    PEER_SUPPORT = "peer-support", _("peer support")
    GELIJKHEIDSORGAAN = "gelijkheidsorgaan", _("gelijkheidsorgaan")
    BEMIDDELING = "bemiddeling", _("erkenning en bemiddeling")
    INSPECTIE = "inspectie", _("inspectie")
    BELANGENBEHARTIGING = "belangenbehartiging", _("belangenbehartiging")


class AanbodSoort(models.TextChoices):
    INSTRUMENT = "instrument", _("instrument")
    VORMING = "vorming", _("vorming of opleiding")
    BEGELEIDING = "begeleiding", _("begeleiding, supervisie of intervisie")
    WORKSHOP = "workshop", _("workshop")
    PUBLICATIE = "publicatie", _("publicatie")
    PEER_SUPPORT = "peer-support", _("peer support")


class AanbodDoelgroep(models.TextChoices):
    """Who an offering is meant for (people in a role, not a victim's status)."""

    MEDEWERKERS = "medewerkers", _("medewerkers")
    FREELANCERS = "freelancers", _("freelancers")
    VRIJWILLIGERS = "vrijwilligers", _("vrijwilligers")
    DEELNEMERS = "deelnemers", _("deelnemers en leden")
    STUDENTEN = "studenten", _("studenten")
    LEIDINGGEVENDEN = "leidinggevenden", _("leidinggevenden")
    BESTUURSLEDEN = "bestuursleden", _("bestuursleden")
    VERTROUWENSPERSONEN = "vertrouwenspersonen", _("vertrouwenspersonen")
    PREVENTIEADVISEURS = "preventieadviseurs", _("preventieadviseurs")
    OMSTAANDERS = "omstaanders", _("omstaanders")
    SLACHTOFFERS = "slachtoffers", _("slachtoffers en lotgenoten")
    ORGANISATIES = "organisaties", _("organisaties")


class KanaalSoort(models.TextChoices):
    TELEFOON = "telefoon", _("telefoon")
    CHAT = "chat", _("chat")
    EMAIL = "email", _("e-mail")
    FORMULIER = "formulier", _("online formulier")
    WEBSITE = "website", _("website")
    BEZOEK = "bezoek", _("langsgaan")
    POST = "post", _("brief")


class Dag(models.TextChoices):
    MA = "ma", _("maandag")
    DI = "di", _("dinsdag")
    WO = "wo", _("woensdag")
    DO = "do", _("donderdag")
    VR = "vr", _("vrijdag")
    ZA = "za", _("zaterdag")
    ZO = "zo", _("zondag")


class Taal(models.TextChoices):
    # A context keeps "Nederlands" here apart from the language switch's own endonym.
    NL = "nl", pgettext_lazy("taal", "Nederlands")
    FR = "fr", pgettext_lazy("taal", "Frans")
    EN = "en", pgettext_lazy("taal", "Engels")
    DE = "de", pgettext_lazy("taal", "Duits")

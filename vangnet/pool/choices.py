"""The pool's own code lists. Values are lower case and hyphenated, as everywhere in Vangnet;
labels are translated, values never are."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    """What a pool member chooses to show about their gender (the sector asked for diversity)."""

    VROUW = "vrouw", _("vrouw")
    MAN = "man", _("man")
    NON_BINAIR = "non-binair", _("non-binair")
    ZEGT_LIEVER_NIET = "zegt-liever-niet", _("zegt het liever niet")


class Discipline(models.TextChoices):
    """The artistic discipline a member knows from the inside.

    Finer than the kaart's ``Sector`` where people asked for it (theatre and dance are both
    ``podiumkunsten``); ``SECTOR`` says which sector a discipline belongs to.
    """

    THEATER = "theater", _("theater")
    DANS = "dans", _("dans")
    MUZIEKTHEATER = "muziektheater", _("opera en muziektheater")
    MUZIEK = "muziek", _("muziek")
    CIRCUS = "circus", _("circus")
    FILM = "film", _("film en audiovisueel")
    BEELDENDE_KUNST = "beeldende-kunst", _("beeldende kunst")
    LITERATUUR = "literatuur", _("literatuur")
    ERFGOED = "erfgoed", _("erfgoed")
    TECHNIEK = "techniek", _("techniek en productie")


class Regio(models.TextChoices):
    """Where a member can meet people: the Belgian provinces, Brussels, or online."""

    ANTWERPEN = "antwerpen", _("Antwerpen")
    LIMBURG = "limburg", _("Limburg")
    OOST_VLAANDEREN = "oost-vlaanderen", _("Oost-Vlaanderen")
    WEST_VLAANDEREN = "west-vlaanderen", _("West-Vlaanderen")
    VLAAMS_BRABANT = "vlaams-brabant", _("Vlaams-Brabant")
    BRUSSEL = "brussel", _("Brussel")
    WAALS_BRABANT = "waals-brabant", _("Waals-Brabant")
    HENEGOUWEN = "henegouwen", _("Henegouwen")
    LUIK = "luik", _("Luik")
    LUXEMBURG = "luxemburg", _("Luxemburg")
    NAMEN = "namen", _("Namen")
    HEEL_VLAANDEREN = "heel-vlaanderen", _("heel Vlaanderen en Brussel")
    ONLINE = "online", _("online (videogesprek)")


# "heel Vlaanderen en Brussel" covers these: the Flemish cultural sector works in Brussels too.
HEEL_VLAANDEREN = frozenset(
    {
        Regio.ANTWERPEN,
        Regio.LIMBURG,
        Regio.OOST_VLAANDEREN,
        Regio.WEST_VLAANDEREN,
        Regio.VLAAMS_BRABANT,
        Regio.BRUSSEL,
    }
)


class Beschikbaarheid(models.TextChoices):
    """Whether a member can take on someone new now."""

    BESCHIKBAAR = "beschikbaar", _("beschikbaar")
    BEPERKT = "beperkt", _("beperkt beschikbaar")
    VOLZET = "volzet", _("nu volzet")


class PoolKanaal(models.TextChoices):
    """How a person can reach a member (a subset of the kaart's KanaalSoort, same values)."""

    EMAIL = "email", _("e-mail")
    TELEFOON = "telefoon", _("telefoon")
    FORMULIER = "formulier", _("online formulier")

"""The code lists of the action plan's side (statuses, kinds of meetings and budget lines)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Where an action stands; the latest progress update sets it."""

    NIET_GESTART = "niet-gestart", _("niet gestart")
    LOPEND = "lopend", _("lopend")
    AFGEROND = "afgerond", _("afgerond")
    DOORLOPEND = "doorlopend", _("doorlopend")
    IN_GEVAAR = "in-gevaar", _("in gevaar")


class Actieterrein(models.IntegerChoices):
    SENSIBILISERING = 1, _("1. Sensibilisering en kennisdeling")
    AANSPREEKPUNTEN = 2, _("2. Aanspreekpunten en procedures")
    HERSTEL = 3, _("3. Herstel en reactie")


class Timing(models.TextChoices):
    """The filter on timing: the year an action runs in, or that it runs throughout."""

    J2024 = "2024", _("loopt in 2024")
    J2025 = "2025", _("loopt in 2025")
    DOORLOPEND = "doorlopend", _("doorlopend")


class VergaderingSoort(models.TextChoices):
    STUURGROEP = "stuurgroep", _("stuurgroep")
    WERKGROEP = "werkgroep", _("werkgroep")
    PLATFORM = "platform", _("cross-sectoraal overlegplatform")


class PostSoort(models.TextChoices):
    """A line of data/begroting.yaml: where money comes from, or a purpose it goes to."""

    BRON = "bron", _("bron")
    DOEL = "doel", _("doel")


class BoekingSoort(models.TextChoices):
    """What a figure of the budget says: money set aside for a purpose, promised, or paid."""

    TOEWIJZING = "toewijzing", _("toewijzing aan een doel")
    VASTLEGGING = "vastlegging", _("vastlegging (engagement)")
    BETALING = "betaling", _("betaling")


class Afzender(models.TextChoices):
    """Who makes a recommendation (action 1.7)."""

    MELDPUNT = "meldpunt", _("Vlaams Meldpunt Grensoverschrijdend Gedrag")
    DEPARTEMENT = "departement", _("Departement Cultuur, Jeugd en Media")
    ONTVANGER = "ontvanger", _("een ontvanger van meldingen")


class AanbevelingStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_UITVOERING = "in-uitvoering", _("in uitvoering")
    OPGEVOLGD = "opgevolgd", _("opgevolgd")
    NIET_OPGEVOLGD = "niet-opgevolgd", _("niet opgevolgd")

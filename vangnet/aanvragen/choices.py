"""Where a request for a reporting point stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AanvraagStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("ingediend, wacht op het departement")
    GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
    GEWEIGERD = "geweigerd", _("geweigerd")

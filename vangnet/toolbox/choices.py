"""The reaction guide's code lists (action 3.2). Values are the same in data/reactiegids.yaml,
the database and the page; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fase(models.TextChoices):
    """The phases after an incident, from the first conversation to looking back."""

    EERSTE_GESPREK = "eerste-gesprek", _("Het eerste gesprek")
    INSCHATTEN = "inschatten", _("Inschatten wat er gebeurde")
    MAATREGELEN = "maatregelen", _("Maatregelen nemen")
    HERSTEL_EN_NAZORG = "herstel-en-nazorg", _("Herstel en nazorg")
    COMMUNICATIE = "communicatie", _("Communiceren")
    EVALUATIE = "evaluatie", _("Terugblikken en bijsturen")


class Verplichting(models.TextChoices):
    """Whether a step is required (by law or a subsidy condition) or recommended."""

    VERPLICHT = "verplicht", _("verplicht")
    AANBEVOLEN = "aanbevolen", _("aanbevolen")


class Optie(models.TextChoices):
    """The options the action plan names for organisations after an incident (action 3.2)."""

    NAZORG = "nazorg", _("nazorg")
    BEGELEIDING = "begeleiding", _("begeleiding")
    REMEDIERING = "remediering", _("remediëring")
    SANCTIONERING = "sanctionering", _("sanctionering")


class VoorWie(models.TextChoices):
    """Whom a step is about."""

    MELDER = "melder", _("wie het meldde")
    BESCHULDIGDE = "beschuldigde", _("wie beschuldigd wordt")
    TEAM = "team", _("het team")
    ORGANISATIE = "organisatie", _("de organisatie")

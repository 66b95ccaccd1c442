"""The reaction guide for organisations after an incident (action 3.2).

Loaded from data/reactiegids.yaml by vangnet.toolbox.laden.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

import reversion

from vangnet.toolbox.choices import Fase, Optie, Verplichting, VoorWie


@reversion.register()
class Reactiestap(models.Model):
    """One step an organisation takes (or must take) after an incident, with its source."""

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=200)
    tekst = models.TextField(_("tekst"))
    verplichting = models.CharField(
        _("verplicht of aanbevolen"), max_length=12, choices=Verplichting.choices
    )
    rechtsgrond = models.CharField(
        _("rechtsgrond"),
        max_length=400,
        blank=True,
        help_text=_("Waarom het verplicht is: de wet of de subsidievoorwaarde."),
    )
    opties = models.JSONField(
        _("opties"),
        default=list,
        blank=True,
        help_text=_("Nazorg, begeleiding, remediëring, sanctionering."),
    )
    voor_wie = models.JSONField(_("voor wie"), default=list, blank=True)
    wie_bellen = models.ManyToManyField(
        "kaart.Aanspreekpunt",
        verbose_name=_("wie je om advies belt"),
        blank=True,
        related_name="+",
    )
    bron = models.JSONField(_("bron"), default=list)
    onbevestigd = models.JSONField(_("niet bevestigd"), default=list, blank=True)

    class Meta:
        verbose_name = _("stap na een incident")
        verbose_name_plural = _("stappen na een incident")
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.titel

    @property
    def optie_labels(self) -> list[str]:
        """The options of action 3.2 this step is about, in words."""
        return [str(Optie(v).label) for v in self.opties if v in Optie.values]

    @property
    def voor_wie_labels(self) -> list[str]:
        return [str(VoorWie(v).label) for v in self.voor_wie if v in VoorWie.values]

    @property
    def is_verplicht(self) -> bool:
        return self.verplichting == Verplichting.VERPLICHT

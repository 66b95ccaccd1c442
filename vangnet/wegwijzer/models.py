"""Content the wegwijzer shows besides the kaart: the guide for whoever receives a disclosure.

The wegwijzer stores nothing about the people who use it: answers live only in a signed
cookie on the person's own device (see ``bewaring.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

import reversion


class Onderdeel(models.TextChoices):
    """The three parts of the guide for someone who is told what happened."""

    EERSTE_24_UUR = "eerste-24-uur", _("De eerste 24 uur")
    NIET_DOEN = "niet-doen", _("Wat je beter niet doet")
    DOORVERWIJZEN = "doorverwijzen", _("Hoe je doorverwijst")


@reversion.register()
class Opvangstap(models.Model):
    """One piece of advice for a colleague, stage manager or leader who receives a disclosure
    (action 1.5.c: omstaanders krijgen tools om gepast te reageren)."""

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    onderdeel = models.CharField(_("onderdeel"), max_length=20, choices=Onderdeel.choices)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    tekst = models.TextField(_("tekst"))
    verwijst_naar = models.ManyToManyField(
        "kaart.Aanspreekpunt", verbose_name=_("verwijst naar"), blank=True, related_name="+"
    )
    bron = models.JSONField(_("bron"), default=list)
    onbevestigd = models.JSONField(_("niet bevestigd"), default=list, blank=True)

    class Meta:
        verbose_name = _("stap bij eerste opvang")
        verbose_name_plural = _("stappen bij eerste opvang")
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.slug

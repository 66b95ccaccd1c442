"""A glossary, proposed towards the shared framework of terms of action 1.3 (not the steering
group's framework): one term, one plain-language definition, its source."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import reversion


@reversion.register()
class Begrip(models.Model):
    slug = models.SlugField(_("id"), max_length=80, unique=True)
    term = models.CharField(_("term"), max_length=120)
    definitie = models.TextField(_("definitie"))
    synoniemen = models.JSONField(
        _("synoniemen"), default=list, blank=True, help_text=_("Andere vormen, voor zoeken.")
    )
    verwant = models.ManyToManyField("self", verbose_name=_("verwante begrippen"), blank=True)
    bron = models.JSONField(_("bron"), default=list)
    onbevestigd = models.JSONField(_("niet bevestigd"), default=list, blank=True)

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def get_absolute_url(self) -> str:
        return reverse("begrippen:begrip", args=[self.slug])

    @property
    def letter(self) -> str:
        """The index letter of the A-Z list (accents folded)."""
        from vangnet.zoeken.text import fold

        first = fold(self.term)[:1].upper()
        return first if first.isalpha() else "#"

"""The search index: one document per searchable item, and one row per (document, token).

Tokens are word stems (for search) and facets such as ``status:werknemer`` (for filters),
so that search and filters are one indexed query on any database engine.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Zoekdocument(models.Model):
    """What a result list needs to show an item, without loading the item itself."""

    soort = models.CharField(_("soort"), max_length=20)
    slug = models.CharField(_("id"), max_length=80)
    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.CharField(_("samenvatting"), max_length=400, blank=True)
    sorteer = models.CharField(_("sorteersleutel"), max_length=200)
    volgorde = models.PositiveSmallIntegerField(_("volgorde van de soort"))
    kenmerken = models.JSONField(_("kenmerken"), default=dict, blank=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        constraints = [
            models.UniqueConstraint(fields=["soort", "slug"], name="een_document_per_item")
        ]
        indexes = [models.Index(fields=["volgorde", "sorteer"], name="zoek_sortering")]

    def __str__(self) -> str:
        return f"{self.soort}/{self.slug}"

    def get_absolute_url(self) -> str:
        """The page of the item behind this document."""
        from vangnet.zoeken.documents import SOORTEN

        return reverse(SOORTEN[self.soort].detail_url, args=[self.slug])


class Zoekingang(models.Model):
    document = models.ForeignKey(Zoekdocument, on_delete=models.CASCADE, related_name="ingangen")
    token = models.CharField(_("stam of kenmerk"), max_length=60)
    gewicht = models.PositiveIntegerField(_("gewicht"))

    class Meta:
        verbose_name = _("zoekingang")
        verbose_name_plural = _("zoekingangen")
        indexes = [models.Index(fields=["token", "document"], name="zoek_token")]

    def __str__(self) -> str:
        return f"{self.document}: {self.token}"

"""The rules of the legal obligations check: what the Welzijnswet asks of an employer, and
what the action plan recommends beyond it (for volunteers and members above all).

A rule is data (``data/verplichtingen.yaml``): a few ordered cases, each with a declarative
condition on the numbers of workers and volunteers. ``vangnet.verplichtingen.regels`` reads
them; nothing here knows a threshold.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

import reversion


class Soort(models.TextChoices):
    """What a case of a rule says an organisation has to do."""

    VERPLICHT = "verplicht", _("verplicht")
    AANBEVOLEN = "aanbevolen", _("aanbevolen")


@reversion.register()
class Regel(models.Model):
    """One legal obligation or recommendation, with its legal source and the date it took
    effect (action 1.4.b: de verplichtingen en mogelijkheden van vertrouwenspersonen,
    interne en externe preventieadviseurs)."""

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=200)
    gevallen = models.JSONField(
        _("gevallen"),
        default=list,
        help_text=_(
            "Geordende lijst: het eerste geval waarvan de voorwaarde klopt, geldt "
            "(zie docs/toolbox-verplichtingen.md)."
        ),
    )
    niet_van_toepassing = models.TextField(
        _("uitleg als geen geval geldt"),
        blank=True,
        help_text=_("Waarom de regel niet geldt, als geen enkele voorwaarde klopt."),
    )
    wettelijke_bron = models.TextField(_("wettelijke bron"))
    datum = models.DateField(
        _("van kracht sinds"), null=True, blank=True, help_text=_("Leeg: niet bevestigd.")
    )
    aanspreekpunten = models.JSONField(
        _("aanspreekpunten die helpen"), default=list, blank=True, help_text=_("Ids in de kaart.")
    )
    aanbod = models.JSONField(
        _("aanbod dat helpt"), default=list, blank=True, help_text=_("Ids in de kaart.")
    )
    bron = models.JSONField(
        _("bron"), default=list, help_text=_("Actieplan-sectie of publieke URL per feit.")
    )
    onbevestigd = models.JSONField(_("niet bevestigd"), default=list, blank=True)

    class Meta:
        verbose_name = _("wettelijke regel")
        verbose_name_plural = _("wettelijke regels")
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.slug

"""The quickscan's statements (content from data/quickscan.yaml) and saved results.

Anonymous by default: a scan lives in a signed cookie on the person's device
(``bewaring.py``). Only an organisation account that presses "bewaar" stores a
``Resultaat``; nothing else about a visitor is kept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import reversion

from vangnet.kaart.choices import Beleidsniveau


@reversion.register()
class Stelling(models.Model):
    """One statement about the organisation's integrity policy, on one level of the
    beleidsdriehoek, with the next step it advises when the answer is no or partly."""

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    niveau = models.CharField(_("niveau"), max_length=20, choices=Beleidsniveau.choices)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    stelling = models.TextField(_("stelling"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    geldt_voor = models.JSONField(_("geldt voor"), default=list)
    voorwaarden = models.JSONField(_("voorwaarden"), default=dict, blank=True)
    gewicht = models.PositiveSmallIntegerField(_("gewicht"), default=1)
    advies = models.TextField(_("advies"))
    helpt = models.JSONField(_("helpt (ids, in volgorde)"), default=list)
    helpt_aanbod = models.ManyToManyField(
        "kaart.Aanbod", verbose_name=_("helpend aanbod"), blank=True, related_name="+"
    )
    helpt_aanspreekpunten = models.ManyToManyField(
        "kaart.Aanspreekpunt",
        verbose_name=_("helpende aanspreekpunten"),
        blank=True,
        related_name="+",
    )
    bron = models.JSONField(_("bron"), default=list)
    onbevestigd = models.JSONField(_("niet bevestigd"), default=list, blank=True)

    class Meta:
        verbose_name = _("stelling")
        verbose_name_plural = _("stellingen")
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.slug


class Organisatieaccount(models.Model):
    """An organisation that keeps its quickscan results. Never staff: no admin access."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quickscan_account"
    )
    naam = models.CharField(_("naam van de organisatie"), max_length=200)
    gemaakt = models.DateTimeField(_("gemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("organisatieaccount")
        verbose_name_plural = _("organisatieaccounts")

    def __str__(self) -> str:
        return self.naam


class Resultaat(models.Model):
    """One saved quickscan: the profile, the answers and the scores at that moment."""

    account = models.ForeignKey(
        Organisatieaccount, on_delete=models.CASCADE, related_name="resultaten"
    )
    profiel = models.JSONField(_("profiel"))
    antwoorden = models.JSONField(_("antwoorden"))
    scores = models.JSONField(_("scores"))
    gemaakt = models.DateTimeField(_("gemaakt"), default=timezone.now)

    class Meta:
        verbose_name = _("resultaat")
        verbose_name_plural = _("resultaten")
        ordering = ["gemaakt"]

    def __str__(self) -> str:
        return f"{self.account} {self.gemaakt:%Y-%m-%d}"


class Preventieverslag(models.Model):
    """A dated, signed summary of one saved quickscan, for a subsidy application or an annual
    report (action 1.7: prevention checked inside the existing frameworks, with as little
    extra paperwork as possible). The organisation shares it with the department by a link
    it can revoke; nothing is shared before it chooses to.

    The record never changes after it is made: a new scan makes a new summary, and the
    progress between two is computed (``verslag.vooruitgang``)."""

    account = models.ForeignKey(
        Organisatieaccount, on_delete=models.CASCADE, related_name="verslagen"
    )
    resultaat = models.ForeignKey(
        Resultaat, on_delete=models.PROTECT, related_name="verslagen", verbose_name=_("resultaat")
    )
    gemaakt = models.DateTimeField(_("gemaakt"), default=timezone.now)
    ondertekenaar = models.CharField(_("ondertekend door"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200)
    sindsdien = models.TextField(_("wat we sindsdien deden"), blank=True)
    # The statements answered no or partly at that moment, most important first: slugs and
    # answers only, so the text follows the reader's language.
    stappen = models.JSONField(_("volgende stappen"), default=list)
    # Only a hash of the share link's secret is kept: the link itself is shown once.
    deelsleutel = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    gedeeld_op = models.DateTimeField(_("gedeeld op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("preventieverslag")
        verbose_name_plural = _("preventieverslagen")
        ordering = ["gemaakt"]

    def __str__(self) -> str:
        return f"{self.account} {self.gemaakt:%Y-%m-%d}"

    @property
    def is_gedeeld(self) -> bool:
        """Shared with the department now: a link was made and not revoked since."""
        return bool(self.deelsleutel) and self.ingetrokken_op is None

    @property
    def profiel(self) -> dict:
        return self.resultaat.profiel

    @property
    def scores(self) -> dict:
        return self.resultaat.scores

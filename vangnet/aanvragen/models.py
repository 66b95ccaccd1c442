"""A request by an organisation for a reporting point on Vangnet (issue 16).

The organisation asks; the department approves or refuses with a reason. Nothing is live
before approval: the receiver (``meldingen.Ontvanger``) exists only once the organisation
sets it up after approval (``opzet.zet_klaar``), which shows its recovery key once.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vangnet.aanvragen.choices import AanvraagStatus
from vangnet.meldingen.choices import OntvangerSoort


class Aanvraag(models.Model):
    account = models.ForeignKey(
        "quickscan.Organisatieaccount",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="aanvragen",
    )
    soort = models.CharField(_("soort meldpunt"), max_length=30, choices=OntvangerSoort.choices)
    naam = models.CharField(_("naam van het meldpunt"), max_length=200)
    talen = models.JSONField(_("talen"), default=list)
    van = models.DateField(_("eerste dag van het evenement"), null=True, blank=True)
    tot = models.DateField(_("laatste dag van het evenement"), null=True, blank=True)
    # The first team member's address: their enrolment link goes there, to nobody else.
    eerste_lid_email = models.EmailField(_("e-mailadres van het eerste teamlid"))
    eerste_lid_naam = models.CharField(_("naam van het eerste teamlid"), max_length=120)
    terugval = models.ForeignKey(
        "meldingen.Ontvanger",
        verbose_name=_("terugvalontvanger"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AanvraagStatus.choices, default=AanvraagStatus.INGEDIEND
    )
    reden = models.TextField(_("reden van de weigering"), blank=True)
    poollid = models.ForeignKey(
        "pool.Poollid",
        verbose_name=_("lid van de pool van vertrouwenspersonen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    ingediend_op = models.DateTimeField(_("ingediend op"), default=timezone.now)
    beslist_op = models.DateTimeField(_("beslist op"), null=True, blank=True)
    beslist_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ontvanger = models.OneToOneField(
        "meldingen.Ontvanger",
        verbose_name=_("meldpunt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aanvraag",
    )

    class Meta:
        verbose_name = _("aanvraag van een meldpunt")
        verbose_name_plural = _("aanvragen van meldpunten")
        ordering = ["-ingediend_op", "-pk"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("aanvragen:aanvraag", args=[self.pk])

    @property
    def klaar_te_zetten(self) -> bool:
        """Approved, and the organisation has not set the reporting point up yet."""
        return self.status == AanvraagStatus.GOEDGEKEURD and self.ontvanger_id is None

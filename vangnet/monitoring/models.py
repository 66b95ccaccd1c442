"""Counts per quarter: Vangnet's own, fixed before retention, and partners' uploads.

A ``Momentopname`` holds the counts of one source for one quarter: one ``Telling`` per
value of each dimension and per pair of values of each pair of dimensions (cells that are
zero are not stored). Nothing links it to a case: it survives every case it counts.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Momentopname(models.Model):
    """The counts of one quarter from one source (``bron`` empty: Vangnet itself).

    ``voorlopig``: a provisional count of a quarter that is not fixed yet (the current one,
    or one still inside its waiting time), taken daily and on demand so that the department's
    page reads counts instead of counting every case; the public never sees it, and fixing
    the quarter replaces it.
    """

    kwartaal = models.CharField(_("kwartaal"), max_length=7)  # "2024-K1"
    bron = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("bron"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    aantal = models.PositiveIntegerField(_("aantal meldingen"))
    genomen_op = models.DateTimeField(_("genomen op"), default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    voorlopig = models.BooleanField(_("voorlopig"), default=False)

    class Meta:
        verbose_name = _("momentopname")
        verbose_name_plural = _("momentopnames")
        ordering = ["kwartaal"]
        constraints = [
            models.UniqueConstraint(
                fields=["kwartaal"], condition=Q(bron__isnull=True), name="een_vangnet_kwartaal"
            ),
            models.UniqueConstraint(fields=["kwartaal", "bron"], name="een_kwartaal_per_bron"),
        ]

    def __str__(self) -> str:
        return f"{self.kwartaal} ({self.bron or 'Vangnet'})"


class Telling(models.Model):
    """One cell: the cases of a quarter with value ``waarde1`` (and ``waarde2``)."""

    momentopname = models.ForeignKey(
        Momentopname, on_delete=models.CASCADE, related_name="tellingen"
    )
    dim1 = models.CharField(max_length=30)
    waarde1 = models.CharField(max_length=60)
    dim2 = models.CharField(max_length=30, blank=True)  # empty: a count by one dimension
    waarde2 = models.CharField(max_length=60, blank=True)
    aantal = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["dim1", "dim2", "momentopname"], name="telling_per_tabel")]

    def __str__(self) -> str:
        return f"{self.dim1}={self.waarde1} {self.dim2}={self.waarde2}: {self.aantal}"


class Aanlevertoken(models.Model):
    """A partner's key for uploading its figures by the API. Only a hash is kept: the token
    itself is shown once, when it is made (monitoring/aanlevering.py)."""

    organisatie = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sleutel = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("sleutel voor aanlevering")
        verbose_name_plural = _("sleutels voor aanlevering")
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.organisatie} ({self.aangemaakt_op:%Y-%m-%d})"

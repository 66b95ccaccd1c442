"""Dated sessions of a training (vorming) of the kaart.

The trainings themselves are the kaart's ``Aanbod`` rows (one source of truth); a
``Sessie`` only adds *when* and *where* one of them takes place, with the public page that
gives that date as its source. Sessions are never invented: see data/sessies.yaml.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import reversion


class SessieQuerySet(models.QuerySet):
    def komend(self, nu: datetime | None = None) -> "SessieQuerySet":
        """Sessions that are not over yet (a running multi-day session still counts)."""
        return self.filter(einde__gt=nu or timezone.now())


@reversion.register()
class Sessie(models.Model):
    """One dated session of a training: when, where (or online) and where to sign up."""

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    aanbod = models.ForeignKey(
        "kaart.Aanbod",
        verbose_name=_("vorming"),
        on_delete=models.CASCADE,
        related_name="sessies",
    )
    start = models.DateTimeField(_("begint"))
    einde = models.DateTimeField(_("eindigt"))
    online = models.BooleanField(_("online"), default=False)
    plaats = models.CharField(
        _("plaats"), max_length=300, blank=True, help_text=_("Adres of zaal. Leeg als online.")
    )
    inschrijven = models.URLField(_("link om in te schrijven"), blank=True)
    bron = models.JSONField(
        _("bron"), default=list, help_text=_("Publieke URL die de datum van deze sessie geeft.")
    )
    onbevestigd = models.JSONField(_("niet bevestigd"), default=list, blank=True)

    objects = SessieQuerySet.as_manager()

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["start", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gt=models.F("start")), name="sessie_einde_na_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.aanbod}: {timezone.localtime(self.start):%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        """A session ends after it starts, and takes place somewhere or online."""
        if self.start and self.einde and self.einde <= self.start:
            raise ValidationError({"einde": _("Een sessie eindigt na het begin.")})
        if not self.online and not self.plaats.strip():
            raise ValidationError({"plaats": _("Geef een plaats, of vink 'online' aan.")})

    @property
    def uid(self) -> str:
        """The iCalendar UID: stable for as long as the session's id does not change."""
        return f"{self.slug}@vangnet"

    @property
    def waar(self) -> str:
        """Where the session takes place, as one line (the iCalendar LOCATION)."""
        if self.online:
            return str(_("online")) + (f" ({self.plaats})" if self.plaats else "")
        return self.plaats

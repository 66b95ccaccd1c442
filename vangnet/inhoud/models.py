"""The version of the content: a counter that goes up with every change."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Inhoudsversie(models.Model):
    """One row. Cached pages are keyed on its number, so an edit makes them all stale at once,
    in every process, without any process having to tell another."""

    nummer = models.PositiveBigIntegerField(_("nummer"), default=0)

    class Meta:
        verbose_name = _("inhoudsversie")
        verbose_name_plural = _("inhoudsversies")

    def __str__(self) -> str:
        return str(self.nummer)

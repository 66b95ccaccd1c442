"""Who may edit what: the department edits everything, a partner only its own organisation."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEPARTEMENT_GROUP = "Departement"
PARTNER_GROUP = "Partner"


class Lidmaatschap(models.Model):
    """A user who edits content on behalf of an organisation (a partner of the action plan)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )
    organisatie = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
    )

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisatie"], name="een_lidmaatschap")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisatie}"


class Poging(models.Model):
    """One failed attempt (a login, a form sent too often...), counted by a ``Drempel``.

    Kept in the database so a limit holds across every app process. The value that was
    tried is stored only as a keyed hash (``sleutel``): no name, no e-mail address, no IP.
    """

    soort = models.CharField(_("soort"), max_length=40, db_index=True)
    sleutel = models.CharField(_("sleutel"), max_length=64, db_index=True)
    tijd = models.DateTimeField(_("tijd"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("mislukte poging")
        verbose_name_plural = _("mislukte pogingen")

    def __str__(self) -> str:
        return f"{self.soort} {self.tijd:%Y-%m-%d %H:%M}"

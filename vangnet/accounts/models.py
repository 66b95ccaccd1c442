"""Who may edit what: the department edits everything, a partner only its own organisation."""

from django.conf import settings
from django.db import models
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

"""Who may edit what: the department edits everything, a partner only its own organisation;
the stuurgroep reads the whole action plan and its figures."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEPARTEMENT_GROUP = "Departement"
PARTNER_GROUP = "Partner"
# Members of the action plan's steering group (action 1.1.a): they read every action,
# meeting, budget line, recommendation and figure; they write only as a partner does.
STUURGROEP_GROUP = "Stuurgroep"


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


class Teller(models.Model):
    """How far one key (a user name, a bucket of addresses...) got with one kind of attempt.

    Kept in the database so a limit holds across every app process and server, and read,
    judged and written under a row lock (``accounts/drempels.py``). The key is stored only
    as a keyed hash (``sleutel``): no name, no e-mail address, no IP.
    """

    soort = models.CharField(_("soort"), max_length=40)
    sleutel = models.CharField(_("sleutel"), max_length=64)
    aantal = models.PositiveIntegerField(_("aantal"), default=0)
    # A Drempel: when the next attempt may be tried. A Stroom: when its bucket is full again.
    tijd = models.DateTimeField(_("tijd"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("teller")
        verbose_name_plural = _("tellers")
        constraints = [
            models.UniqueConstraint(fields=["soort", "sleutel"], name="een_teller_per_sleutel")
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.aantal}"

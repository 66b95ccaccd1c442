"""The pool of freelance vertrouwenspersonen of the Sociaal Fonds Podiumkunsten (action 2.3.c).

The directory holds only what SFP and the members themselves enter: no data file, no real
people in the repository. A member keeps their own profile current; SFP decides who is in
the pool (``actief``).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import reversion

from vangnet.kaart.choices import KanaalSoort
from vangnet.pool.choices import HEEL_VLAANDEREN, Beschikbaarheid, Gender, PoolKanaal, Regio


class PoollidQuerySet(models.QuerySet):
    def zichtbaar(self) -> "PoollidQuerySet":
        """The members a visitor may see: those SFP keeps in the pool."""
        return self.filter(actief=True)


@reversion.register()
class Poollid(models.Model):
    """One freelance vertrouwenspersoon in the pool, as they choose to present themselves."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login van het lid"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="poollid",
        help_text=_("Met deze login houdt het lid het eigen profiel bij."),
    )
    naam = models.CharField(
        _("naam"), max_length=120, help_text=_("Zoals het lid getoond wil worden.")
    )
    gender = models.CharField(
        _("gender"), max_length=20, choices=Gender.choices, default=Gender.ZEGT_LIEVER_NIET
    )
    voornaamwoorden = models.CharField(
        _("voornaamwoorden"), max_length=40, blank=True, help_text=_("Bijvoorbeeld: zij/haar.")
    )
    voorstelling = models.TextField(
        _("korte voorstelling"),
        max_length=600,
        blank=True,
        help_text=_("Wie je bent en hoe je werkt, in een paar zinnen."),
    )
    talen = models.JSONField(_("talen"), default=list, blank=True)
    sectoren = models.JSONField(_("sectoren"), default=list, blank=True)
    disciplines = models.JSONField(_("disciplines"), default=list, blank=True)
    regios = models.JSONField(_("regio's"), default=list, blank=True)
    beschikbaarheid = models.CharField(
        _("beschikbaarheid"),
        max_length=20,
        choices=Beschikbaarheid.choices,
        default=Beschikbaarheid.BESCHIKBAAR,
    )
    beschikbaarheid_toelichting = models.CharField(
        _("toelichting beschikbaarheid"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: vooral 's avonds, of: weer vrij vanaf maart."),
    )
    kanalen = models.JSONField(
        _("zo bereik je het lid"),
        default=list,
        blank=True,
        help_text=_('Lijst van {"soort": "email" | "telefoon" | "formulier", "waarde": ...}.'),
    )
    actief = models.BooleanField(
        _("in de pool"),
        default=True,
        help_text=_("Alleen het Sociaal Fonds Podiumkunsten beslist dit."),
    )
    demo = models.BooleanField(
        _("voorbeeldprofiel"),
        default=False,
        help_text=_("Een verzonnen profiel om het platform uit te proberen."),
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("bijgewerkt"), auto_now=True)

    objects = PoollidQuerySet.as_manager()

    class Meta:
        verbose_name = _("lid van de pool")
        verbose_name_plural = _("leden van de pool")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    # -- domain rules --------------------------------------------------------------------

    def werkt_in(self, regio: str) -> bool:
        """Whether the member meets people in ``regio``.

        "heel Vlaanderen en Brussel" covers every Flemish province and Brussels; "online"
        is only a match when a person asks for online.
        """
        if regio in self.regios:
            return True
        return Regio.HEEL_VLAANDEREN in self.regios and regio in HEEL_VLAANDEREN

    def is_beschikbaar(self) -> bool:
        """Can take someone new: available, or available in part."""
        return self.beschikbaarheid != Beschikbaarheid.VOLZET

    def contactroute(self) -> list[dict]:
        """How a person reaches this member, as channels ``{soort, label, waarde, href}``.

        When the member takes reports on Vangnet (a receiver of kind vertrouwenspersoon
        linked to them), that secure, anonymous route comes first.
        """
        from vangnet.meldingen.verwijzing import ontvanger_voor_poollid

        labels = dict(PoolKanaal.choices)
        route = []
        ontvanger = ontvanger_voor_poollid(self.pk) if self.pk else None
        if ontvanger:
            # The secure, anonymous route comes first (issue 4: the SFP freelance pool).
            route.append(
                {
                    "soort": "vangnet",
                    "label": _("Veilig melden via Vangnet"),
                    "waarde": _("anoniem mogelijk"),
                    "href": reverse("meldingen:formulier", args=[ontvanger]),
                }
            )
        for kanaal in self.kanalen:
            soort, waarde = kanaal.get("soort", ""), str(kanaal.get("waarde", "")).strip()
            if soort not in labels or not waarde:
                continue
            route.append(
                {
                    "soort": soort,
                    "label": labels[soort],
                    "waarde": waarde,
                    "href": _href(soort, waarde),
                }
            )
        return route


def _href(soort: str, waarde: str) -> str:
    """A link a phone or browser can follow, as the kaart's Kanaal.href makes it."""
    if soort == KanaalSoort.TELEFOON:
        return "tel:" + "".join(ch for ch in waarde if ch.isdigit() or ch == "+")
    if soort == KanaalSoort.EMAIL:
        return "mailto:" + waarde
    if waarde.startswith("https://"):
        return waarde
    return ""

"""The sociale kaart: organisations, their contact points (aanspreekpunten) and offering (aanbod).

Every record carries its source (``bron``) and the facts that could not be confirmed
(``onbevestigd``); both come from the data files in ``data/`` (see docs/data-format.md).
"""

from datetime import date
from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import reversion

from vangnet.kaart.choices import (
    AanbodSoort,
    AanspreekpuntSoort,
    KanaalSoort,
    Niveau,
    OrganisatieSoort,
)


class Sourced(models.Model):
    """Fields every content record has: a stable id, its sources and what is unconfirmed."""

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    bron = models.JSONField(
        _("bron"), default=list, help_text=_("Actieplan-sectie of publieke URL per feit.")
    )
    onbevestigd = models.JSONField(
        _("niet bevestigd"),
        default=list,
        blank=True,
        help_text=_("Feiten die niet bevestigd konden worden."),
    )
    acties = models.JSONField(_("acties van het actieplan"), default=list, blank=True)

    class Meta:
        abstract = True


@reversion.register()
class Organisatie(Sourced):
    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=40, blank=True)
    soort = models.CharField(_("soort"), max_length=30, choices=OrganisatieSoort.choices)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("kaart:organisatie", args=[self.slug])


@reversion.register()
class ParitairComite(Sourced):
    """A joint committee (paritair comité): prices of trainings differ per committee."""

    # The committee's number ("304", "303.01") is its id; a dot is not allowed in a SlugField.
    slug = models.CharField(_("nummer"), max_length=12, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    sociaal_fonds = models.ForeignKey(
        Organisatie,
        verbose_name=_("sociaal fonds"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paritaire_comites",
    )

    class Meta:
        verbose_name = _("paritair comité")
        verbose_name_plural = _("paritaire comités")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.afkorting

    @property
    def afkorting(self) -> str:
        """``PC 304`` in Dutch, ``CP 304`` in French, ``JC 304`` in English."""
        return _("PC %(nummer)s") % {"nummer": self.slug}


@reversion.register(follow=["kanalen"])
class Aanspreekpunt(Sourced):
    """A contact point of the vangnet: where a person can go, and what happens when they do."""

    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=AanspreekpuntSoort.choices)
    niveau = models.CharField(
        _("niveau in het vangnet"),
        max_length=20,
        choices=Niveau.choices,
        help_text=_("De band van het vangnetschema waarin dit aanspreekpunt staat."),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="aanspreekpunten",
        help_text=_("Wie dit aanspreekpunt organiseert."),
    )
    aanbieders = models.ManyToManyField(
        Organisatie, verbose_name=_("aanbieders"), blank=True, related_name="aangeboden_punten"
    )
    samenvatting = models.CharField(_("samenvatting"), max_length=300)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    doelgroepen = models.JSONField(_("voor wie (statuut)"), default=list, blank=True)
    perspectieven = models.JSONField(_("vanuit welke positie"), default=list, blank=True)
    gedrag = models.JSONField(_("gedrag"), default=list, blank=True)
    discriminatiegronden = models.JSONField(_("discriminatiegronden"), default=list, blank=True)
    contexten = models.JSONField(_("context"), default=list, blank=True)
    sectoren = models.JSONField(
        _("sectoren"), default=list, blank=True, help_text=_("Leeg: elke sector.")
    )
    talen = models.JSONField(_("talen"), default=list, blank=True)
    anoniem = models.BooleanField(
        _("anoniem mogelijk"), null=True, blank=True, help_text=_("Leeg: niet bevestigd.")
    )
    anoniem_toelichting = models.CharField(_("toelichting anonimiteit"), max_length=400, blank=True)
    kosteloos = models.BooleanField(
        _("kosteloos"), null=True, blank=True, help_text=_("Leeg: niet bevestigd.")
    )
    kosten = models.CharField(_("kosten"), max_length=400, blank=True)
    voorwaarden = models.TextField(_("voor wie wel en niet"), blank=True)
    minderjarigen = models.BooleanField(
        _("ook voor minderjarigen"), null=True, blank=True, help_text=_("Leeg: niet bevestigd.")
    )
    niet_voor = models.JSONField(
        _("niet voor (met bron)"),
        default=dict,
        blank=True,
        help_text=_(
            "Per kenmerk (doelgroepen, perspectieven, gedrag, discriminatiegronden, contexten, "
            "sectoren, minderjarigen) de waarden waarvoor een bron zegt dat dit punt er niet "
            'voor is: {"doelgroepen": [{"waarden": [...], "bron": [...], "reden": {"nl": ...}}]}. '
            "Wat nergens staat, is niet bevestigd: de wegwijzer houdt het punt dan op de route."
        ),
    )
    identiteit_bevestigd = models.BooleanField(
        _("identiteit bevestigd"),
        default=True,
        help_text=_(
            "Uit: welke organisatie bedoeld is, is niet bevestigd. De wegwijzer toont het punt "
            "dan niet."
        ),
    )
    gecontroleerd_op = models.DateField(
        _("gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de feiten van dit aanspreekpunt het laatst nagekeken zijn."),
    )
    dringend = models.BooleanField(_("dringende hulp"), default=False)
    biedt = models.JSONField(
        _("wat je er kan krijgen"),
        default=list,
        blank=True,
        help_text=_("Praten, advies, lotgenoten, bemiddeling, formeel, aangifte, zorg."),
    )
    opvolging = models.JSONField(
        _("wat gebeurt er daarna"), default=list, blank=True, help_text=_("Stappen, in volgorde.")
    )
    wie_weet_wat = models.JSONField(_("wie weet wat"), default=list, blank=True)
    begrippen = models.ManyToManyField(
        "begrippen.Begrip", verbose_name=_("begrippen"), blank=True, related_name="aanspreekpunten"
    )

    class Meta:
        verbose_name = _("aanspreekpunt")
        verbose_name_plural = _("aanspreekpunten")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("kaart:aanspreekpunt", args=[self.slug])

    def bevestig_gegevens(self, op: date) -> None:
        """Record that the point's facts and every channel were checked on ``op``.

        Saves each row (no bulk update) so that django-reversion, when the caller opens a
        revision, keeps who confirmed what.
        """
        self.gecontroleerd_op = op
        self.save(update_fields=["gecontroleerd_op"])
        for kanaal in self.kanalen.all():
            kanaal.gecontroleerd_op = op
            kanaal.save(update_fields=["gecontroleerd_op"])


@reversion.register()
class Kanaal(models.Model):
    """One way to reach a contact point, with its hours."""

    aanspreekpunt = models.ForeignKey(
        Aanspreekpunt, on_delete=models.CASCADE, related_name="kanalen"
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    soort = models.CharField(_("soort"), max_length=20, choices=KanaalSoort.choices)
    waarde = models.CharField(_("nummer, adres of link"), max_length=300)
    label = models.CharField(_("label"), max_length=200, blank=True)
    uren = models.JSONField(
        _("openingsuren"),
        default=list,
        blank=True,
        help_text=_('Lijst van {"dagen": ["ma", ...], "van": "09:00", "tot": "17:00"}.'),
    )
    altijd_open = models.BooleanField(_("dag en nacht bereikbaar"), default=False)
    uren_toelichting = models.CharField(_("toelichting uren"), max_length=300, blank=True)
    bron = models.JSONField(_("bron"), default=list, blank=True)
    onbevestigd = models.BooleanField(_("niet bevestigd"), default=False)
    gecontroleerd_op = models.DateField(
        _("gecontroleerd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer nummer en uren het laatst nagekeken zijn."),
    )

    class Meta:
        verbose_name = _("kanaal")
        verbose_name_plural = _("kanalen")
        ordering = ["aanspreekpunt", "volgorde"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.waarde}"

    @property
    def href(self) -> str:
        """A link a phone or browser can follow for this channel."""
        if self.soort == KanaalSoort.TELEFOON:
            return "tel:" + "".join(ch for ch in self.waarde if ch.isdigit() or ch == "+")
        if self.soort == KanaalSoort.EMAIL:
            return "mailto:" + self.waarde
        if self.waarde.startswith("https://"):
            return self.waarde
        return ""


@reversion.register(follow=["prijzen"])
class Aanbod(Sourced):
    """The offering: instruments, trainings, support, publications, peer support."""

    titel = models.CharField(_("titel"), max_length=200)
    soort = models.CharField(_("soort"), max_length=20, choices=AanbodSoort.choices)
    aanbieders = models.ManyToManyField(
        Organisatie, verbose_name=_("aanbieders"), blank=True, related_name="aanbod"
    )
    samenvatting = models.CharField(_("samenvatting"), max_length=300)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    beleidsniveaus = models.JSONField(_("beleidsniveaus"), default=list, blank=True)
    doelgroepen = models.JSONField(_("doelgroepen"), default=list, blank=True)
    sectoren = models.JSONField(
        _("sectoren"), default=list, blank=True, help_text=_("Leeg: elke sector.")
    )
    talen = models.JSONField(_("talen"), default=list, blank=True)
    duur = models.CharField(_("duur"), max_length=120, blank=True)
    url = models.URLField(_("link"), blank=True)
    kosteloos = models.BooleanField(
        _("kosteloos voor iedereen"),
        default=False,
        editable=False,
        help_text=_("Afgeleid uit de prijzen."),
    )
    begrippen = models.ManyToManyField(
        "begrippen.Begrip", verbose_name=_("begrippen"), blank=True, related_name="aanbod"
    )

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["titel"]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("kaart:aanbod", args=[self.slug])

    def refresh_kosteloos(self) -> None:
        """Free for everyone means: priced, and every price is zero."""
        prijzen = list(self.prijzen.all())
        self.kosteloos = bool(prijzen) and all(p.bedrag == 0 for p in prijzen)

    def prijs_voor(self, paritair_comite: str | None) -> "Prijs | None":
        """The price a participant under ``paritair_comite`` pays (None: not known)."""
        algemeen = None
        for prijs in self.prijzen.all():
            if (
                paritair_comite
                and prijs.paritair_comite_id
                and (prijs.paritair_comite.slug == paritair_comite)
            ):
                return prijs
            if prijs.paritair_comite_id is None:
                algemeen = prijs
        return algemeen


@reversion.register()
class Prijs(models.Model):
    """What an offering costs, for participants under one paritair comité or for everyone else."""

    aanbod = models.ForeignKey(Aanbod, on_delete=models.CASCADE, related_name="prijzen")
    paritair_comite = models.ForeignKey(
        ParitairComite,
        verbose_name=_("paritair comité"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Leeg: voor alle anderen."),
    )
    bedrag = models.DecimalField(_("bedrag (euro)"), max_digits=8, decimal_places=2)
    vanaf = models.BooleanField(_("vanaf-prijs"), default=False)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("prijs")
        verbose_name_plural = _("prijzen")
        ordering = ["aanbod", "paritair_comite__slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbod", "paritair_comite"], name="een_prijs_per_pc_per_aanbod"
            ),
            models.CheckConstraint(condition=models.Q(bedrag__gte=0), name="prijs_niet_negatief"),
        ]

    def __str__(self) -> str:
        return f"{self.aanbod}: {self.bedrag}"

    @property
    def gratis(self) -> bool:
        return self.bedrag == Decimal(0)

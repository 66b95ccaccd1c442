"""The action plan's side of Vangnet: actions and their progress, meetings, the budget and
the recommendations register (issue 14). See docs/actieplan.md.

Actions and budget lines come from ``data/actieplan.yaml`` and ``data/begroting.yaml``
(``laden.py``); everything else is written on the pages by the department and the partners.
Nothing here refers to a report or a case of the reporting channel: a recommendation names
an organisation or a sector, never a case.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vangnet.actieplan.choices import (
    AanbevelingStatus,
    Actieterrein,
    Afzender,
    BoekingSoort,
    PostSoort,
    Status,
    VergaderingSoort,
)
from vangnet.kaart.choices import Sector


class Actie(models.Model):
    """An action (1.1) or sub-action (1.1.a) of the plan, as in data/actieplan.yaml."""

    slug = models.CharField(_("nummer"), max_length=10, unique=True)
    hoofdactie = models.ForeignKey(
        "self",
        verbose_name=_("hoofdactie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="deelacties",
    )
    actieterrein = models.PositiveSmallIntegerField(_("actieterrein"), choices=Actieterrein)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=300)
    duiding = models.TextField(_("duiding"), blank=True)
    partners = models.ManyToManyField(
        "kaart.Organisatie", verbose_name=_("partners"), blank=True, related_name="acties_plan"
    )
    partners_toelichting = models.CharField(_("andere partners"), max_length=300, blank=True)
    timing = models.CharField(_("timing"), max_length=200, blank=True)
    jaren = models.JSONField(_("jaren"), default=list, blank=True)
    doorlopend = models.BooleanField(_("doorlopend"), default=False)
    bron = models.JSONField(_("bron"), default=list)
    onbevestigd = models.JSONField(_("onbevestigd"), default=list, blank=True)
    # Set by the latest progress update (Voortgang.save); never by the data file.
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NIET_GESTART
    )

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return f"{self.slug} {self.titel}"

    @property
    def is_hoofdactie_met_deelacties(self) -> bool:
        return self.deelacties.exists()


class Voortgang(models.Model):
    """A dated progress update on an action, written by one of its partners' own users."""

    actie = models.ForeignKey(
        Actie, verbose_name=_("actie"), on_delete=models.CASCADE, related_name="voortgang"
    )
    organisatie = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("namens"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    datum = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=20, choices=Status)
    tekst = models.TextField(_("wat er gebeurde"))
    aangemaakt_op = models.DateTimeField(_("ingevoerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        ordering = ["-datum", "-aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.actie.slug} {self.datum}: {self.get_status_display()}"

    def save(self, *args, **kwargs) -> None:
        # A partner writes only for its own actions: checked here, whoever calls save().
        self.full_clean()
        super().save(*args, **kwargs)
        laatste = self.actie.voortgang.order_by("-datum", "-aangemaakt_op").first()
        Actie.objects.filter(pk=self.actie_id).update(status=laatste.status)

    def clean(self) -> None:
        from vangnet.accounts.roles import partner_organisaties

        if (
            self.actie_id
            and self.organisatie_id
            and not self.actie.partners.filter(pk=self.organisatie_id).exists()
        ):
            raise ValidationError(
                _("%(org)s is geen partner van actie %(actie)s.")
                % {"org": self.organisatie, "actie": self.actie.slug}
            )
        if (
            self.auteur_id
            and self.organisatie_id
            and self.organisatie_id not in partner_organisaties(self.auteur)
        ):
            raise ValidationError(_("Je schrijft alleen namens je eigen organisatie."))


class Vergadering(models.Model):
    """A meeting of the stuurgroep (three a year), a working group or the yearly platform."""

    soort = models.CharField(_("soort"), max_length=20, choices=VergaderingSoort)
    titel = models.CharField(_("titel"), max_length=200)
    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"))
    plaats = models.CharField(_("plaats"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    besluiten = models.TextField(_("besluiten"), blank=True)
    verslag = models.TextField(_("verslag"), blank=True)
    aanwezigen = models.ManyToManyField(
        "kaart.Organisatie", verbose_name=_("aanwezige partners"), blank=True, related_name="+"
    )
    acties = models.ManyToManyField(
        Actie, verbose_name=_("besproken acties"), blank=True, related_name="vergaderingen"
    )
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("ingevoerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["begin"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__gt=models.F("begin")), name="vergadering_einde_na_begin"
            )
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.begin:%Y-%m-%d})"

    @property
    def gehouden(self) -> bool:
        return self.einde <= timezone.now()


class Begrotingspost(models.Model):
    """A source of the budget (the EUR 100,000 impulse) or a purpose of chapter 5."""

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    soort = models.CharField(_("soort"), max_length=10, choices=PostSoort)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    titel = models.CharField(_("titel"), max_length=300)
    bedrag = models.DecimalField(
        _("bedrag (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    acties = models.JSONField(_("acties"), default=list, blank=True)
    bron = models.JSONField(_("bron"), default=list)
    onbevestigd = models.JSONField(_("onbevestigd"), default=list, blank=True)

    class Meta:
        verbose_name = _("begrotingspost")
        verbose_name_plural = _("begrotingsposten")
        ordering = ["volgorde"]

    def __str__(self) -> str:
        return self.titel


class Boeking(models.Model):
    """One figure of the budget: an allocation, a commitment or a payment for a purpose.

    A figure never stands without its date and who entered it: both are required by the
    database, and ``save`` checks the whole row.
    """

    soort = models.CharField(_("soort"), max_length=20, choices=BoekingSoort)
    doel = models.ForeignKey(
        Begrotingspost,
        verbose_name=_("doel"),
        on_delete=models.PROTECT,
        related_name="boekingen",
        limit_choices_to={"soort": PostSoort.DOEL},
    )
    bedrag = models.DecimalField(_("bedrag (EUR)"), max_digits=12, decimal_places=2)
    datum = models.DateField(_("datum"))
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    ontvanger = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("voor organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    ingevoerd_op = models.DateTimeField(_("ingevoerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="boeking_bedrag_positief")
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.bedrag} ({self.datum})"

    def save(self, *args, **kwargs) -> None:
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.doel_id and self.doel.soort != PostSoort.DOEL:
            raise ValidationError({"doel": _("Boek op een doel van de begroting.")})


class Aanbeveling(models.Model):
    """A recommendation to an organisation or a sector (action 1.7). Never about a case."""

    titel = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("Waar de aanbeveling over gaat, bijvoorbeeld: vertrouwenspersoon bekendmaken."),
    )
    tekst = models.TextField(
        _("aanbeveling"),
        help_text=_(
            "Wat de organisatie of de sector kan verbeteren. Nooit iets uit een melding: geen "
            "namen, data, plaatsen, producties of wat iemand vertelde, ook niet verhuld. Een "
            "aanbeveling gaat over hoe een organisatie of sector werkt, niet over een zaak."
        ),
    )
    afzender = models.CharField(_("van"), max_length=20, choices=Afzender)
    # Which receiver made it, when a receiver did (afzender "ontvanger"): the receiver, never
    # one of its cases. Its beheerders see it and follow it up.
    ontvanger = models.ForeignKey(
        "meldingen.Ontvanger",
        verbose_name=_("namens ontvanger"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    organisatie = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("aan organisatie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aanbevelingen",
    )
    sector = models.CharField(_("aan sector"), max_length=40, choices=Sector, blank=True)
    eigenaar = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("eigenaar (volgt op)"),
        on_delete=models.PROTECT,
        related_name="aanbevelingen_als_eigenaar",
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=AanbevelingStatus, default=AanbevelingStatus.OPEN
    )
    datum = models.DateField(_("datum"))
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    ingevoerd_op = models.DateTimeField(_("ingevoerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")
        ordering = ["deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisatie__isnull=False) | ~Q(sector=""),
                name="aanbeveling_aan_organisatie_of_sector",
            ),
            models.CheckConstraint(
                condition=Q(afzender=Afzender.ONTVANGER, ontvanger__isnull=False)
                | (~Q(afzender=Afzender.ONTVANGER) & Q(ontvanger__isnull=True)),
                name="aanbeveling_van_ontvanger_noemt_ontvanger",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def save(self, *args, **kwargs) -> None:
        self.full_clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.organisatie_id is None and not self.sector:
            raise ValidationError(_("Een aanbeveling gaat naar een organisatie of een sector."))
        if (self.afzender == Afzender.ONTVANGER) != (self.ontvanger_id is not None):
            raise ValidationError(_("Een aanbeveling van een ontvanger noemt die ontvanger."))

    def mag_antwoorden(self, organisaties: set[int]) -> bool:
        """The organisation it is addressed to, and its owner, answer it."""
        return bool({self.organisatie_id, self.eigenaar_id} & organisaties)

    @property
    def afzender_naam(self) -> str:
        """Who made it: the receiver's name, or the Meldpunt or the department."""
        return self.ontvanger.naam if self.ontvanger_id else self.get_afzender_display()


class Opvolging(models.Model):
    """A dated answer or follow-up on a recommendation, by its organisation or the department."""

    aanbeveling = models.ForeignKey(
        Aanbeveling,
        verbose_name=_("aanbeveling"),
        on_delete=models.CASCADE,
        related_name="opvolging",
    )
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("opvolging"))
    status = models.CharField(_("nieuwe status"), max_length=20, choices=AanbevelingStatus)
    organisatie = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("namens"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A follow-up by the receiver that made the recommendation (its beheerder).
    ontvanger = models.ForeignKey(
        "meldingen.Ontvanger",
        verbose_name=_("namens ontvanger"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geschreven door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangemaakt_op = models.DateTimeField(_("ingevoerd op"), default=timezone.now)

    class Meta:
        verbose_name = _("opvolging")
        verbose_name_plural = _("opvolging")
        ordering = ["-datum", "-aangemaakt_op"]

    def __str__(self) -> str:
        return f"{self.aanbeveling} {self.datum}"

    def save(self, *args, **kwargs) -> None:
        self.full_clean()
        super().save(*args, **kwargs)
        laatste = self.aanbeveling.opvolging.order_by("-datum", "-aangemaakt_op").first()
        Aanbeveling.objects.filter(pk=self.aanbeveling_id).update(status=laatste.status)

    @property
    def namens(self) -> str:
        """On whose behalf: the organisation, the receiver, or the department."""
        if self.organisatie_id:
            return self.organisatie.naam
        if self.ontvanger_id:
            return self.ontvanger.naam
        return str(_("departement"))

    @property
    def auteur_naam(self) -> str:
        """Who wrote it, as the account is named."""
        return self.auteur.get_full_name() or self.auteur.get_username()


class Agendasleutel(models.Model):
    """A person's secret for subscribing a calendar app to the meetings' feed, which cannot
    sign in. Only its SHA-256 is kept: the address with the secret is shown once, when it
    is made (``kalender.nieuwe_sleutel``). One per account; a new one replaces it, and
    removing it revokes the address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agendasleutel"
    )
    sleutel = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    laatst_gebruikt = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("agendasleutel")
        verbose_name_plural = _("agendasleutels")

    def __str__(self) -> str:
        return f"{self.user} ({self.aangemaakt_op:%Y-%m-%d})"

"""Receivers, their teams and the cases they handle.

Everything a person typed (the report, messages, notes, attachments, their name and
contact details) is stored only encrypted, in the ``BinaryField`` columns named
``inhoud``; see ``sleutels.py`` for the key hierarchy and docs/security.md for the
threat model. What stays readable is what the platform needs to route and remind
(status, dates) and the fixed codes monitoring counts.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import Sector
from vangnet.kaart.choices import Status as MelderStatus
from vangnet.meldingen.choices import (
    Auteur,
    Beslissing,
    ConflictBron,
    Handeling,
    Kanaal,
    Omvang,
    OntvangerSoort,
    PartijRol,
    Rol,
    Route,
    Stap,
    Status,
    Uitkomst,
    met_onbekend,
)

# The EU whistleblowing standard (Directive 2019/1937, art. 9(1)(b) and (f); the Belgian
# law of 28 November 2022 follows it): acknowledge receipt within seven days, give feedback
# (the action envisaged or taken and why, art. 5(13)) within three months. What stops each
# clock is decided in workflow.py.
ERKENNEN_BINNEN = timedelta(days=7)
TERUGKOPPELEN_BINNEN = timedelta(days=91)


# Ids a receiver may not take: /melden/<id>/ would hide these pages.
# (and /behandelen/<id>/ would hide the pages of the handlers)
GERESERVEERDE_IDS = {
    "opvolgen",
    "ontvangstbewijs",
    "verstuurd",
    "aanmelden",
    "tweede-stap",
    "afmelden",
    "wachtwoord",
    "inschrijven",
    "melding",
}


class Ontvanger(models.Model):
    """A contact point hosted on the platform, with its own team, form and keys."""

    slug = models.SlugField(_("id"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=30, choices=OntvangerSoort.choices)
    organisatie = models.ForeignKey(
        "kaart.Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    aanspreekpunt = models.ForeignKey(
        "kaart.Aanspreekpunt",
        verbose_name=_("aanspreekpunt op de kaart"),
        related_name="ontvangers",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Zo verwijzen de kaart en de wegwijzer naar dit meldformulier."),
    )
    poollid = models.ForeignKey(
        "pool.Poollid",
        verbose_name=_("lid van de pool van vertrouwenspersonen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    uitleg = models.TextField(_("uitleg op de publieke pagina"), blank=True)
    talen = models.JSONField(_("talen"), default=list, help_text=_("Taalcodes: nl, fr, en."))
    bewaartermijn_dagen = models.PositiveIntegerField(
        _("bewaartermijn na afsluiten (dagen)"), default=365
    )
    venster_start = models.DateTimeField(_("open vanaf"), null=True, blank=True)
    venster_einde = models.DateTimeField(_("open tot"), null=True, blank=True)
    terugval = models.ForeignKey(
        "self",
        verbose_name=_("terugvalontvanger"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Krijgt een melding als niemand van dit team ze mag zien."),
    )
    actief = models.BooleanField(_("actief"), default=True)
    # Public halves only; the private halves are sealed to the team's beheerders
    # (ontvangersleutel) and handed to the receiver's admin once (herstelsleutel).
    publieke_sleutel = models.BinaryField(max_length=32, editable=False)
    herstel_publieke_sleutel = models.BinaryField(max_length=32, editable=False)
    # The receiver's private key sealed to the recovery key: with it, the receiver's admin
    # can appoint a new beheerder even when no beheerder is left.
    prive_sleutel_herstel = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("ontvanger")
        verbose_name_plural = _("ontvangers")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("meldingen:formulier", args=[self.slug])

    def open_op(self, moment: datetime) -> bool:
        """A public reporting point takes reports only within its window."""
        if self.venster_start and moment < self.venster_start:
            return False
        return not (self.venster_einde and moment > self.venster_einde)

    def venster_stand(self, moment: datetime) -> str:
        """``"voor"``, ``"open"`` or ``"na"``: where ``moment`` falls in the window."""
        if self.venster_start and moment < self.venster_start:
            return "voor"
        if self.venster_einde and moment > self.venster_einde:
            return "na"
        return "open"


class Behandelaar(models.Model):
    """The key pair of a person who handles cases; one per account.

    The private key is stored encrypted with a key derived from the password, and sealed
    to the recovery key of every receiver whose team the person is in.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="behandelaar"
    )
    weergavenaam = models.CharField(_("naam zoals de melder die ziet"), max_length=120)
    publieke_sleutel = models.BinaryField(max_length=32, editable=False)
    prive_sleutel = models.BinaryField(editable=False)
    zout = models.BinaryField(max_length=16, editable=False)
    verwittigd_op = models.DateTimeField(_("laatst verwittigd van nieuws"), null=True, blank=True)

    class Meta:
        verbose_name = _("behandelaar")
        verbose_name_plural = _("behandelaars")

    def __str__(self) -> str:
        return self.weergavenaam


class Teamlid(models.Model):
    ontvanger = models.ForeignKey(Ontvanger, on_delete=models.CASCADE, related_name="team")
    behandelaar = models.ForeignKey(Behandelaar, on_delete=models.CASCADE, related_name="teams")
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices, default=Rol.BEHANDELAAR)
    # Empty for a handler who joins another team: sealed at their next sign-in, when their
    # key is unlocked (no operator ever types a handler's password).
    prive_sleutel_herstel = models.BinaryField(null=True, editable=False)
    ontvangersleutel = models.BinaryField(null=True, editable=False)

    class Meta:
        verbose_name = _("teamlid")
        verbose_name_plural = _("teamleden")
        constraints = [
            models.UniqueConstraint(fields=["ontvanger", "behandelaar"], name="een_rol_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.behandelaar} ({self.get_rol_display()}, {self.ontvanger})"


class Extravraag(models.Model):
    """A question a receiver adds to its kind's default form."""

    ontvanger = models.ForeignKey(Ontvanger, on_delete=models.CASCADE, related_name="extravragen")
    vraag = models.CharField(_("vraag"), max_length=300)
    hulptekst = models.CharField(_("hulptekst"), max_length=300, blank=True)
    verplicht = models.BooleanField(_("verplicht"), default=False)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("extra vraag")
        verbose_name_plural = _("extra vragen")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return self.vraag


class Partij(models.Model):
    """Someone outside the team who holds a receipt: the reporter, or the other party
    in a mediation. Found by a lookup id derived from the receipt; the private key
    opens only with the receipt itself (see ontvangstbewijs.py)."""

    rol = models.CharField(max_length=20, choices=PartijRol.choices)
    zoeksleutel = models.CharField(max_length=64, unique=True)
    publieke_sleutel = models.BinaryField(max_length=32)
    prive_sleutel = models.BinaryField()

    class Meta:
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")

    def __str__(self) -> str:
        return self.get_rol_display()


class MeldingQuerySet(models.QuerySet):
    def open(self) -> "MeldingQuerySet":
        return self.exclude(status=Status.AFGESLOTEN).filter(vernietigd_op__isnull=True)

    def zonder_codes(self) -> "MeldingQuerySet":
        """Closed cases that still lack a monitoring code (see ``Melding.ontbrekende_codes``)."""
        return self.filter(status=Status.AFGESLOTEN).filter(
            models.Q(gedrag=[])
            | models.Q(sector="")
            | models.Q(melder_status="")
            | models.Q(route="")
            | models.Q(uitkomst="")
        )


class Melding(models.Model):
    """A case. Its content is encrypted with its own key (the dossiersleutel)."""

    ontvanger = models.ForeignKey(Ontvanger, on_delete=models.PROTECT, related_name="meldingen")
    melder = models.ForeignKey(
        Partij, on_delete=models.SET_NULL, null=True, related_name="meldingen"
    )
    andere_partij = models.ForeignKey(
        Partij, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.ONTVANGEN
    )
    taal = models.CharField(_("taal van het formulier"), max_length=5, default="nl")
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    erkend_op = models.DateTimeField(_("ontvangst bevestigd op"), null=True, blank=True)
    teruggekoppeld_op = models.DateTimeField(_("eerste terugkoppeling op"), null=True, blank=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    vernietigd_op = models.DateTimeField(_("vernietigd op"), null=True, blank=True)
    behandelaar = models.ForeignKey(
        Behandelaar, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    doorverwezen_van = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="doorverwijzingen"
    )
    inhoud = models.BinaryField(editable=False)
    # The key of the conversation with the other party, encrypted with the case key.
    andere_partij_sleutel = models.BinaryField(null=True, editable=False)
    nieuws_voor_melder = models.BooleanField(default=False)
    nieuws_voor_team = models.BooleanField(default=True)
    # Classification for monitoring: fixed codes only, set by the handler.
    gedrag = models.JSONField(_("gedrag"), default=list, blank=True)
    # Empty: not filled in (yet); ``onbekend``: the handler says nobody knows.
    sector = models.CharField(_("sector"), max_length=60, choices=met_onbekend(Sector), blank=True)
    melder_status = models.CharField(
        _("status van de melder"), max_length=30, choices=met_onbekend(MelderStatus), blank=True
    )
    route = models.CharField(_("route"), max_length=30, choices=met_onbekend(Route), blank=True)
    uitkomst = models.CharField(
        _("uitkomst"), max_length=30, choices=met_onbekend(Uitkomst), blank=True
    )

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-ontvangen_op"]
        # Monitoring counts the cases of a quarter (vangnet/monitoring/telling.py), referrals
        # left out: without the pair, SQLite picks the index of doorverwezen_van (IS NULL for
        # nearly every case) and reads the whole table for every quarter.
        indexes = [
            models.Index(fields=["ontvangen_op"], name="melding_ontvangen_op"),
            models.Index(
                fields=["doorverwezen_van", "ontvangen_op"], name="melding_eerste_per_datum"
            ),
        ]

    def __str__(self) -> str:
        return self.nummer

    @property
    def nummer(self) -> str:
        """The reference handlers use; it says nothing about the reporter."""
        return f"{self.ontvanger.slug}-{self.pk:05d}"

    @property
    def erkennen_uiterlijk(self) -> datetime:
        return self.ontvangen_op + ERKENNEN_BINNEN

    @property
    def terugkoppelen_uiterlijk(self) -> datetime:
        return self.ontvangen_op + TERUGKOPPELEN_BINNEN

    def termijnen(self, nu: datetime | None = None) -> list[dict]:
        """The deadlines still open, each ``{soort, uiterlijk, te_laat}``, soonest first."""
        nu = nu or timezone.now()
        if self.status == Status.AFGESLOTEN or self.vernietigd_op:
            return []
        open_termijnen = []
        if not self.erkend_op:
            open_termijnen.append(
                {"soort": _("ontvangst bevestigen"), "uiterlijk": self.erkennen_uiterlijk}
            )
        if not self.teruggekoppeld_op:
            open_termijnen.append(
                {"soort": _("eerste terugkoppeling"), "uiterlijk": self.terugkoppelen_uiterlijk}
            )
        for termijn in open_termijnen:
            termijn["te_laat"] = termijn["uiterlijk"] < nu
        return sorted(open_termijnen, key=lambda t: t["uiterlijk"])

    def klokken(self, nu: datetime | None = None) -> list[dict]:
        """Both deadlines, met or not: ``{soort, uiterlijk, gedaan_op, te_laat, open}``.

        A deadline is open until it is met; a closed or destroyed case has none open.
        """
        nu = nu or timezone.now()
        gestopt = self.status == Status.AFGESLOTEN or bool(self.vernietigd_op)
        uit = []
        for soort, uiterlijk, gedaan_op in (
            (_("ontvangst bevestigen"), self.erkennen_uiterlijk, self.erkend_op),
            (_("eerste terugkoppeling"), self.terugkoppelen_uiterlijk, self.teruggekoppeld_op),
        ):
            open_ = not gedaan_op and not gestopt
            uit.append(
                {
                    "soort": soort,
                    "uiterlijk": uiterlijk,
                    "gedaan_op": gedaan_op,
                    "open": open_,
                    "te_laat": (open_ and uiterlijk < nu)
                    or bool(gedaan_op and gedaan_op > uiterlijk),
                }
            )
        return uit

    def ontbrekende_codes(self, behalve: tuple[str, ...] = ()) -> list[str]:
        """The monitoring codes this case still lacks (labels), for the handler's inbox.

        Monitoring counts a case without a code as unknown; closing requires them all, an
        explicit ``onbekend`` included (``workflow.verander_status``). Cases closed before
        that rule may lack some.
        """
        velden = [
            ("gedrag", _("gedrag")),
            ("sector", _("sector")),
            ("melder_status", _("status van de melder")),
            ("route", _("route")),
            ("uitkomst", _("uitkomst")),
        ]
        return [
            str(label) for veld, label in velden if veld not in behalve and not getattr(self, veld)
        ]

    @property
    def vernietigen_na(self) -> datetime | None:
        if not self.afgesloten_op:
            return None
        return self.afgesloten_op + timedelta(days=self.ontvanger.bewaartermijn_dagen)


class Sleutelenvelop(models.Model):
    """A case key sealed to one holder: a handler, the receiver, or a party."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="enveloppen")
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices, default=Kanaal.MELDER)
    behandelaar = models.ForeignKey(Behandelaar, on_delete=models.CASCADE, null=True)
    ontvanger = models.ForeignKey(Ontvanger, on_delete=models.CASCADE, null=True)
    partij = models.ForeignKey(Partij, on_delete=models.CASCADE, null=True)
    verzegeld = models.BinaryField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="envelop_heeft_een_houder",
                condition=(
                    models.Q(behandelaar__isnull=False, ontvanger__isnull=True, partij__isnull=True)
                    | models.Q(
                        behandelaar__isnull=True, ontvanger__isnull=False, partij__isnull=True
                    )
                    | models.Q(
                        behandelaar__isnull=True, ontvanger__isnull=True, partij__isnull=False
                    )
                ),
            )
        ]

    def __str__(self) -> str:
        return f"envelop {self.pk} ({self.melding_id})"


class Bericht(models.Model):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="berichten")
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices, default=Kanaal.MELDER)
    auteur = models.CharField(max_length=20, choices=Auteur.choices)
    behandelaar = models.ForeignKey(Behandelaar, on_delete=models.SET_NULL, null=True)
    tijd = models.DateTimeField(default=timezone.now)
    inhoud = models.BinaryField()
    # Marked by the handler: this message tells the reporter what is done or planned and
    # why (the directive's "feedback"), not only that the report arrived.
    terugkoppeling = models.BooleanField(_("terugkoppeling"), default=False)

    class Meta:
        ordering = ["tijd", "pk"]

    def __str__(self) -> str:
        return f"bericht {self.pk} ({self.get_auteur_display()}, {self.tijd:%Y-%m-%d %H:%M})"


class Notitie(models.Model):
    """An internal note: the team sees it, the parties never do."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="notities")
    behandelaar = models.ForeignKey(Behandelaar, on_delete=models.SET_NULL, null=True)
    tijd = models.DateTimeField(default=timezone.now)
    inhoud = models.BinaryField()

    class Meta:
        ordering = ["tijd", "pk"]

    def __str__(self) -> str:
        return f"notitie {self.pk} ({self.tijd:%Y-%m-%d %H:%M})"


class Bijlage(models.Model):
    """An attachment; the encrypted bytes live in the ``meldingen`` storage under a random
    name, the encrypted name and type here."""

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="bijlagen")
    kanaal = models.CharField(max_length=20, choices=Kanaal.choices, default=Kanaal.MELDER)
    auteur = models.CharField(max_length=20, choices=Auteur.choices)
    tijd = models.DateTimeField(default=timezone.now)
    bestand = models.CharField(max_length=100)
    inhoud = models.BinaryField()

    class Meta:
        ordering = ["tijd", "pk"]

    def __str__(self) -> str:
        return f"bijlage {self.pk}"


class Statusovergang(models.Model):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="overgangen")
    van = models.CharField(max_length=30, choices=Status.choices)
    naar = models.CharField(max_length=30, choices=Status.choices)
    auteur = models.CharField(max_length=20, choices=Auteur.choices)
    behandelaar = models.ForeignKey(Behandelaar, on_delete=models.SET_NULL, null=True)
    tijd = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["tijd", "pk"]

    def __str__(self) -> str:
        return f"{self.van} → {self.naar}"


class Toestemming(models.Model):
    """One line of the consent ledger: a step or sharing asked, and what the reporter decided.

    The details (an external service's name, the approved summary) are encrypted.
    """

    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="toestemmingen")
    stap = models.CharField(_("stap"), max_length=30, choices=Stap.choices)
    beslissing = models.CharField(
        max_length=20, choices=Beslissing.choices, default=Beslissing.GEVRAAGD
    )
    doel = models.ForeignKey(
        Ontvanger, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    omvang = models.CharField(max_length=20, choices=Omvang.choices, blank=True)
    gevraagd_door = models.ForeignKey(Behandelaar, on_delete=models.SET_NULL, null=True)
    gevraagd_op = models.DateTimeField(default=timezone.now)
    beslist_op = models.DateTimeField(null=True)
    inhoud = models.BinaryField(null=True)

    class Meta:
        ordering = ["gevraagd_op", "pk"]

    def __str__(self) -> str:
        return f"{self.get_stap_display()}: {self.get_beslissing_display()}"

    @property
    def geldig(self) -> bool:
        return self.beslissing == Beslissing.GEGEVEN


class Belangenconflict(models.Model):
    melding = models.ForeignKey(Melding, on_delete=models.CASCADE, related_name="conflicten")
    behandelaar = models.ForeignKey(Behandelaar, on_delete=models.CASCADE)
    bron = models.CharField(max_length=20, choices=ConflictBron.choices)
    tijd = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["melding", "behandelaar"], name="een_conflict")
        ]

    def __str__(self) -> str:
        return f"conflict {self.behandelaar_id} / {self.melding_id}"


class AuditregelQuerySet(models.QuerySet):
    """Append-only for the ORM as a whole: lines are added, never changed or removed.

    The model's own ``save`` and ``delete`` refuse a change of one line; this refuses the
    bulk paths (``update``, ``bulk_update``, ``delete``) that bypass them. On PostgreSQL a
    trigger refuses UPDATE and DELETE below the ORM too (migration 0002). Nothing in the
    platform needs either: retention (``acties.vernietig``) empties a case but keeps its
    log, which holds codes and dates, never content.
    """

    def update(self, **kwargs) -> int:
        raise PermissionError("Het auditlog kan niet gewijzigd worden.")

    def bulk_update(self, objs, fields, batch_size=None) -> int:
        raise PermissionError("Het auditlog kan niet gewijzigd worden.")

    def delete(self):
        raise PermissionError("Het auditlog kan niet gewist worden.")

    delete.queryset_only = True


class Auditregel(models.Model):
    """Who read or changed what, when. Append-only: nobody can edit or delete it
    (``AuditregelQuerySet``); whoever and whatever it names cannot be deleted either."""

    tijd = models.DateTimeField(default=timezone.now, db_index=True)
    # PROTECT, not SET_NULL: removing a receiver, a case or an account would otherwise
    # rewrite the log (and the PostgreSQL trigger would refuse it halfway). Accounts are
    # deactivated, cases destroyed by retention, receivers switched off: the rows stay.
    ontvanger = models.ForeignKey(Ontvanger, on_delete=models.PROTECT, null=True)
    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, null=True, related_name="audit")
    actor = models.CharField(max_length=20, choices=Auteur.choices)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True)
    handeling = models.CharField(max_length=30, choices=Handeling.choices)
    detail = models.CharField(max_length=200, blank=True)

    objects = AuditregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-tijd", "-pk"]

    def __str__(self) -> str:
        return f"{self.tijd:%Y-%m-%d %H:%M} {self.handeling}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise PermissionError("Het auditlog kan niet gewijzigd worden.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Het auditlog kan niet gewist worden.")


class Verzending(models.Model):
    """A report form that was sent: its one-time token, so that it files one case only.

    Holds a hash of the token (never the token), and for the moment between the report and
    the page that shows the receipt, the receipt encrypted with a key derived from the token
    (see ``verzending.py``). Rows go after a day, the receipt after a quarter of an hour.
    """

    zoeksleutel = models.CharField(max_length=64, unique=True)
    ontvangstbewijs = models.BinaryField(null=True)
    aangemaakt = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"verzending {self.aangemaakt:%Y-%m-%d %H:%M}"


class Inschrijflink(models.Model):
    """A handler's one-time enrolment link: set your own password, then your app.

    Holds only a hash of the link's token and when it expires. While it is open, the
    handler's private key is encrypted with a key derived from the token, not from a
    password (see ``inschrijving.py``). Deleted when used.
    """

    behandelaar = models.ForeignKey(
        Behandelaar, on_delete=models.CASCADE, related_name="inschrijflinks"
    )
    zoeksleutel = models.CharField(max_length=64, unique=True)
    verloopt = models.DateTimeField()

    def __str__(self) -> str:
        return f"inschrijflink {self.behandelaar} tot {self.verloopt:%Y-%m-%d %H:%M}"


class Postbericht(models.Model):
    """A notice ("there is news") waiting to be e-mailed by ``verstuur_berichten``.

    Queued in the database by the request, sent outside it (``post.py``): a slow or dead mail
    server never slows or breaks a report. The text is one of a few fixed notices, never
    what was reported; one that carries a one-time link is encrypted (``geheim``). The
    addresses are encrypted with a key derived from ``SECRET_KEY`` and wiped once the notice
    is sent. After ``post.MAX_POGINGEN`` failed attempts the
    notice stays as a *dead letter* (``opgegeven_op``) for the operators to see and retry.
    """

    onderwerp = models.CharField(max_length=200)
    tekst = models.TextField()
    # A text that carries a secret (a one-time enrolment link) is stored encrypted like the
    # addresses (base64) and wiped once sent like them.
    geheim = models.BooleanField(default=False)
    ontvangers = models.BinaryField()
    aangemaakt = models.DateTimeField(default=timezone.now)
    volgende_poging = models.DateTimeField(default=timezone.now)
    pogingen = models.PositiveSmallIntegerField(default=0)
    laatste_fout = models.CharField(max_length=100, blank=True)  # the error's type only
    verstuurd_op = models.DateTimeField(null=True, blank=True)
    opgegeven_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["volgende_poging"],
                name="postbericht_wachtend",
                condition=models.Q(verstuurd_op__isnull=True, opgegeven_op__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"postbericht {self.pk} ({self.pogingen} pogingen)"

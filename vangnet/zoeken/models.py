"""The search index: one document per searchable item, and one row per (document, token).

Tokens are word stems (for search) and facets such as ``status:werknemer`` (for filters),
so that search and filters are one indexed query on any database engine.
"""

import re
from functools import lru_cache

from django.db import models
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

import reversion


class Zoekdocument(models.Model):
    """What a result list needs to show an item, without loading the item itself."""

    soort = models.CharField(_("soort"), max_length=20)
    slug = models.CharField(_("id"), max_length=80)
    titel = models.CharField(_("titel"), max_length=200)
    samenvatting = models.CharField(_("samenvatting"), max_length=400, blank=True)
    sorteer = models.CharField(_("sorteersleutel"), max_length=200)
    volgorde = models.PositiveSmallIntegerField(_("volgorde van de soort"))
    kenmerken = models.JSONField(_("kenmerken"), default=dict, blank=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        constraints = [
            models.UniqueConstraint(fields=["soort", "slug"], name="een_document_per_item")
        ]
        indexes = [models.Index(fields=["volgorde", "sorteer"], name="zoek_sortering")]

    def __str__(self) -> str:
        return f"{self.soort}/{self.slug}"

    def get_absolute_url(self) -> str:
        """The page of the item behind this document."""
        from vangnet.zoeken.documents import SOORTEN

        return detail_url(SOORTEN[self.soort].detail_url, self.slug)


#: Stands for the slug in a detail address reversed once (a slug of its own alphabet).
_PLAATSHOUDER = "zoekdocument-slug-plaatshouder"
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@lru_cache(maxsize=64)
def _sjabloon(naam: str, taal: str | None, prefix: str, urlconf: str | None) -> str:
    return reverse(naam, args=[_PLAATSHOUDER])


def detail_url(naam: str, slug: str) -> str:
    """``reverse(naam, args=[slug])`` for a detail page, reversed once per page kind,
    language and prefix: a result list of 50 items otherwise spends a millisecond in
    ``reverse``. A slug outside the slug alphabet is reversed as usual."""
    if not _SLUG.fullmatch(slug):
        return reverse(naam, args=[slug])
    sjabloon = _sjabloon(naam, get_language(), get_script_prefix(), get_urlconf())
    begin, _plaatshouder, einde = sjabloon.rpartition(_PLAATSHOUDER)
    return begin + slug + einde


class Zoekingang(models.Model):
    document = models.ForeignKey(Zoekdocument, on_delete=models.CASCADE, related_name="ingangen")
    token = models.CharField(_("stam of kenmerk"), max_length=60)
    gewicht = models.PositiveIntegerField(_("gewicht"))
    # What the word adds when a help item (a contact point, a glossary term) holds it in
    # what the item is for: help comes before the offering among items that hold as many of
    # a query's words (documents.voorrang, ADR 0026).
    voorrang = models.PositiveSmallIntegerField(_("voorrang"), default=0)

    class Meta:
        verbose_name = _("zoekingang")
        verbose_name_plural = _("zoekingangen")
        # Covering: a search reads (token, document, weight, precedence) from the index
        # alone, never the table (about three times faster with 10,000 items).
        indexes = [
            models.Index(
                fields=["token", "document", "gewicht", "voorrang"], name="zoek_token_dekkend"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document}: {self.token}"


class Zoekwoord(models.Model):
    """A word of the content as it is written (folded), with the index token it becomes.

    The search's vocabulary: a query word that is not in it is matched to the nearest words
    here (typos), or split into words here (compounds), and "Bedoelde je ...?" shows the
    word as written. Rebuilt with the index.
    """

    woord = models.CharField(_("woord"), max_length=60)
    token = models.CharField(_("stam"), max_length=60)

    class Meta:
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")
        constraints = [models.UniqueConstraint(fields=["woord", "token"], name="een_zoekwoord")]

    def __str__(self) -> str:
        return self.woord


@reversion.register()
class Synoniem(models.Model):
    """Everyday words for a word of the data, in three languages (``data/synoniemen.yaml``).

    An item whose text holds one of the ``term`` phrases (or the glossary term ``begrip`` in
    any of its languages and forms) is also found by the ``woorden``, at a lower weight than its own
    words. ``relatie`` says how they relate, for the editors; the search treats them alike.
    """

    class Relatie(models.TextChoices):
        SYNONIEM = "synoniem", _("hetzelfde in andere woorden")
        SPREEKTAAL = "spreektaal", _("spreektaal of Vlaams voor")
        SOORT_VAN = "soort-van", _("een soort van")
        VERWANT = "verwant", _("verwant aan")

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    relatie = models.CharField(_("relatie"), max_length=20, choices=Relatie.choices)
    begrip = models.ForeignKey(
        "begrippen.Begrip",
        verbose_name=_("begrip"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="zoeksynoniemen",
    )
    term_nl = models.JSONField(_("woorden van de data (Nederlands)"), default=list, blank=True)
    term_fr = models.JSONField(_("woorden van de data (Frans)"), default=list, blank=True)
    term_en = models.JSONField(_("woorden van de data (Engels)"), default=list, blank=True)
    woorden_nl = models.JSONField(_("woorden (Nederlands)"), default=list, blank=True)
    woorden_fr = models.JSONField(_("woorden (Frans)"), default=list, blank=True)
    woorden_en = models.JSONField(_("woorden (Engels)"), default=list, blank=True)
    bron = models.JSONField(_("bron"), default=list)

    class Meta:
        verbose_name = _("zoeksynoniem")
        verbose_name_plural = _("zoeksynoniemen")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


@reversion.register()
class Topresultaat(models.Model):
    """An item that comes first for a whole query that names its topic, a "best bet"
    (``data/topresultaten.yaml``, ADR 0023).

    Editors add one only where one item is plainly the first help for a topic that many items
    mention alike. It lifts an item the query finds; it never adds one the query does not
    find, and it hides or lowers nothing.
    """

    class Soort(models.TextChoices):
        AANSPREEKPUNT = "aanspreekpunt", _("aanspreekpunt")
        AANBOD = "aanbod", _("aanbod")
        BEGRIP = "begrip", _("begrip")

    slug = models.SlugField(_("id"), max_length=80, unique=True)
    zoekvraag_nl = models.JSONField(_("zoekvragen (Nederlands)"), default=list, blank=True)
    zoekvraag_fr = models.JSONField(_("zoekvragen (Frans)"), default=list, blank=True)
    zoekvraag_en = models.JSONField(_("zoekvragen (Engels)"), default=list, blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    doel = models.SlugField(_("id van het item"), max_length=120)
    waarom = models.TextField(_("waarom dit eerst"))
    bron = models.JSONField(_("bron"), default=list)

    class Meta:
        verbose_name = _("topresultaat")
        verbose_name_plural = _("topresultaten")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug

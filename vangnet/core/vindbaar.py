"""Which pages a search engine may show, what it reads about them, and the sitemap.

A person who types their question into a web search should land on a public page of
Vangnet in their language: the home page, the wegwijzer's start, the vangnet picture, the
kaart and its detail pages, the glossary, the toolbox and the page that explains reporting.
Those are *indexable*: ``index, follow``, a ``<meta name="description">`` in the page's
language, a canonical address and ``hreflang`` alternates (nl, fr, en and x-default).

Every other page is ``noindex``: the wegwijzer's questions and route (they hold a person's
answers), reporting forms, the follow-up, sign-ins, forms and everything personal. So is an
indexable page asked with a query (a search, a filter, a page number): a search result is
not a door, and its items have their own pages in the sitemap.

One list decides (``INDEXEERBAAR``); ``base.html`` reads it through the context processor
``vindbaar``, ``/sitemap.xml`` lists the same pages, and ``test_vindbaar.py`` pins both.

Every absolute address here starts with the site's configured address (``VANGNET_ADRES``),
never with the Host a request names: a request that reaches the server under another name
(a load balancer's health check, a server's own name, a misrouted or forged Host) must not
teach search engines another address for the site. Without the setting (development) the
request's own host is used.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpRequest, HttpResponse
from django.urls import reverse, translate_url
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

# Pages without parameters that a search engine may show, with what it reads about them.
VASTE_PAGINAS = {
    "core:home": gettext_lazy(
        "Grensoverschrijdend gedrag meegemaakt, gezien of gehoord in de cultuursector? Vind "
        "waar je terecht kan: in vertrouwen, in je eigen taal en zonder account."
    ),
    "core:veilig-surfen": gettext_lazy(
        "Zo zoek je hulp zonder sporen achter te laten: de knop ‘Snel weg’, wat Vangnet niet "
        "bewaart en wat het niet kan wissen."
    ),
    "wegwijzer:start": gettext_lazy(
        "Een paar korte vragen over wat er gebeurde, en je krijgt de aanspreekpunten die bij "
        "jouw situatie passen. Je antwoorden blijven op je eigen toestel."
    ),
    "wegwijzer:eerste-opvang": gettext_lazy(
        "Iemand vertelde je over grensoverschrijdend gedrag? Zo luister je, wat je beter niet "
        "zegt, en waar jullie samen terecht kunnen."
    ),
    "wegwijzer:vangnet": gettext_lazy(
        "Het vangnet van de cultuursector als stroomschema: in gevaar, praten, advies, "
        "bemiddeling, een formele stap of zorg, binnen of buiten je organisatie."
    ),
    "kaart:index": gettext_lazy(
        "Alle aanspreekpunten, vertrouwenspersonen, meldpunten, opleidingen en hulp bij "
        "grensoverschrijdend gedrag in de Belgische cultuursector, te filteren op je situatie."
    ),
    "kaart:organisaties": gettext_lazy(
        "De organisaties achter de aanspreekpunten en het aanbod tegen grensoverschrijdend "
        "gedrag in de cultuursector."
    ),
    "begrippen:index": gettext_lazy(
        "Begrippen over grensoverschrijdend gedrag, welzijn op het werk en melden, in gewone "
        "woorden uitgelegd."
    ),
    "toolbox:index": gettext_lazy(
        "Voor organisaties in de cultuursector: wat de wet vraagt, vorming, een quickscan van "
        "je aanpak en wat te doen na een incident."
    ),
    "toolbox:na-een-incident": gettext_lazy(
        "Er gebeurde iets in je organisatie: de eerste stappen, wie je verwittigt en hoe je "
        "de betrokkenen opvangt."
    ),
    "toolbox:lotgenoten": gettext_lazy(
        "Praten met mensen die hetzelfde meemaakten: lotgenotengroepen en peer support in de "
        "cultuursector."
    ),
    "verplichtingen:index": gettext_lazy(
        "Welke verplichtingen rond psychosociale risico's en grensoverschrijdend gedrag gelden "
        "voor jouw organisatie, met de wettelijke bron."
    ),
    "vorming:index": gettext_lazy(
        "Vormingen en opleidingen over grensoverschrijdend gedrag voor werkgevers, "
        "leidinggevenden, vertrouwenspersonen en freelancers in de cultuursector."
    ),
    "quickscan:start": gettext_lazy(
        "Hoe sterk is de aanpak van grensoverschrijdend gedrag in je organisatie? Een "
        "quickscan met concrete volgende stappen."
    ),
    "pool:index": gettext_lazy(
        "Freelance vertrouwenspersonen voor organisaties in de cultuursector die zelf geen "
        "vertrouwenspersoon hebben."
    ),
    "meldingen:index": gettext_lazy(
        "Grensoverschrijdend gedrag melden bij een meldpunt in de cultuursector, ook anoniem, "
        "en je melding later opvolgen met je ontvangstbewijs."
    ),
    "monitoring:publiek": gettext_lazy(
        "Cijfers over meldingen van grensoverschrijdend gedrag in de cultuursector, per jaar "
        "en per soort, zonder gegevens over personen."
    ),
}

# Pages of content items (by their model's get_absolute_url) that a search engine may show.
DETAILPAGINAS = {
    "kaart:aanspreekpunt",
    "kaart:aanbod",
    "kaart:organisatie",
    "begrippen:begrip",
}

INDEXEERBAAR = frozenset(VASTE_PAGINAS) | DETAILPAGINAS


def indexeerbaar(request: HttpRequest) -> bool:
    """May a search engine show this page? Only a GET of an indexable page, without query."""
    match = getattr(request, "resolver_match", None)
    return (
        match is not None
        and match.view_name in INDEXEERBAAR
        and request.method == "GET"
        and not request.GET
    )


def absoluut(request: HttpRequest, pad: str) -> str:
    """The absolute address of ``pad`` (a path) on this site: under ``VANGNET_ADRES`` when it
    is set, else under the request's own scheme and host (development)."""
    if settings.VANGNET_ADRES:
        return settings.VANGNET_ADRES + pad
    return request.build_absolute_uri(pad)


def alternatieven(request: HttpRequest) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of this page in every language, then x-default (Dutch,
    the language without prefix)."""
    uit = [
        (code, absoluut(request, translate_url(request.path, code)))
        for code, _naam in settings.LANGUAGES
    ]
    standaard = dict(uit)[settings.LANGUAGE_CODE]
    return [*uit, ("x-default", standaard)]


def context(request: HttpRequest) -> dict:
    """For ``base.html``: robots, description, canonical and alternates of this page."""
    if not indexeerbaar(request):
        return {"indexeerbaar": False}
    match = request.resolver_match
    return {
        "indexeerbaar": True,
        "beschrijving": VASTE_PAGINAS.get(match.view_name, ""),
        "canonical": absoluut(request, request.path),
        "alternatieven": alternatieven(request),
    }


# A content item's description: its own summary in the page's language when it has one
# (not the Dutch fallback), else a sentence in the page's language about what the page holds.
_EIGEN_VELD = {
    "Aanspreekpunt": "samenvatting",
    "Aanbod": "samenvatting",
    "Organisatie": "beschrijving",
    "Begrip": "definitie",
}


def beschrijving_van(item) -> str:
    veld = _EIGEN_VELD.get(type(item).__name__)
    eigen = getattr(item, f"{veld}_{get_language()}", "") if veld else ""
    if eigen:
        return Truncator(" ".join(str(eigen).split())).chars(200)
    naam = str(item)
    soort = type(item).__name__
    if soort == "Aanspreekpunt":
        return _(
            "%(naam)s: voor wie, hoe je contact opneemt, wat er daarna gebeurt en wat het kost."
        ) % {"naam": naam}
    if soort == "Aanbod":
        return _("%(naam)s: voor wie, wat het inhoudt, wat het kost en wie het aanbiedt.") % {
            "naam": naam
        }
    if soort == "Begrip":
        return _("Wat betekent ‘%(naam)s’? In gewone woorden, met verwante begrippen.") % {
            "naam": naam
        }
    return _("%(naam)s: wat deze organisatie doet tegen grensoverschrijdend gedrag.") % {
        "naam": naam
    }


# The sitemap ------------------------------------------------------------------------------


class _Talen(Sitemap):
    """Every page in nl, fr and en, each with its alternates and x-default, under the site's
    configured address (the request's host only when none is configured)."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol: str | None = None) -> str:
        if settings.VANGNET_ADRES:
            return urlsplit(settings.VANGNET_ADRES).scheme
        return super().get_protocol(protocol)

    def get_domain(self, site=None) -> str:
        if settings.VANGNET_ADRES:
            return urlsplit(settings.VANGNET_ADRES).netloc
        return super().get_domain(site)


class VastePaginas(_Talen):
    def items(self) -> list[str]:
        return list(VASTE_PAGINAS)

    def location(self, item: str) -> str:
        return reverse(item)


class Inhoud(_Talen):
    def items(self) -> list:
        from vangnet.begrippen.models import Begrip
        from vangnet.kaart.models import Aanbod, Aanspreekpunt, Organisatie

        return [
            *Aanspreekpunt.objects.order_by("slug"),
            *Aanbod.objects.order_by("slug"),
            *Organisatie.objects.order_by("slug"),
            *Begrip.objects.order_by("slug"),
        ]


SITEMAPS = {"paginas": VastePaginas, "inhoud": Inhoud}


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read every page (the pages themselves say noindex where needed: a page a
    crawler may not read cannot tell it so); only the admin and the quick exit are off."""
    regels = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /weg/",
        "",
        f"Sitemap: {absoluut(request, reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(regels), content_type="text/plain; charset=utf-8")

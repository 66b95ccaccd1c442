"""Public pages of the sociale kaart: the list with search and filters, and detail pages."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from vangnet.accounts.toegang import stuurgroep_vereist
from vangnet.core.pagecache import cached_page
from vangnet.inhoud.versie import huidige
from vangnet.kaart import vergelijking
from vangnet.kaart.choices import OrganisatieSoort
from vangnet.kaart.forms import KaartFilterForm
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Organisatie, ParitairComite
from vangnet.zoeken.hulp import zoekhulp
from vangnet.zoeken.search import Zoekvraag, documents, zoek

PER_PAGE = 20


@require_GET
@cached_page
def index(request: HttpRequest) -> HttpResponse:
    versie = huidige()
    form = KaartFilterForm(request.GET or None, inhoudsversie=versie)
    vraag = form.zoekvraag() if form.is_valid() else Zoekvraag()
    resultaat = zoek(vraag)
    paginator = Paginator(resultaat, PER_PAGE)
    page = paginator.get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    # The filter block depends only on the filter fields; see kaart/_filters.html.
    filters = sorted((name, request.GET.getlist(name)) for name in form.fields if name != "q")
    context = {
        "filter_sleutel": f"{get_language()}:{versie}:{filters}",
        "versie": versie,
        "pc": form.cleaned_data.get("pc", "") if form.is_valid() else "",
        "form": form,
        "page": page,
        "resultaten": documents(list(page.object_list)),
        "querystring": query.urlencode(),
        "gezocht": vraag.heeft_tekst or not vraag.is_empty(),
        "actieve_filters": form.active_count() if form.is_valid() else 0,
        "hulp": zoekhulp(vraag, resultaat, paginator.count, request.GET),
    }
    return render(request, "kaart/index.html", context)


@require_GET
@cached_page
def aanspreekpunt(request: HttpRequest, slug: str) -> HttpResponse:
    punt = get_object_or_404(
        Aanspreekpunt.objects.select_related("organisatie").prefetch_related(
            "kanalen", "aanbieders", "begrippen"
        ),
        slug=slug,
    )
    return render(request, "kaart/aanspreekpunt.html", {"punt": punt})


@require_GET
@cached_page
def aanbod(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(
        Aanbod.objects.prefetch_related("aanbieders", "begrippen", "prijzen__paritair_comite"),
        slug=slug,
    )
    pc = ParitairComite.objects.filter(slug=request.GET.get("pc", "")).first()
    context = {
        "item": item,
        "pc": pc,
        "prijs_voor_pc": item.prijs_voor(pc.slug) if pc else None,
        "paritaire_comites": ParitairComite.objects.all(),
    }
    return render(request, "kaart/aanbod.html", context)


@require_GET
@cached_page
def organisatie(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(
        Organisatie.objects.prefetch_related(
            Prefetch("aanspreekpunten", queryset=Aanspreekpunt.objects.order_by("naam")),
            Prefetch("aangeboden_punten", queryset=Aanspreekpunt.objects.order_by("naam")),
            Prefetch("aanbod", queryset=Aanbod.objects.order_by("titel")),
        ),
        slug=slug,
    )
    return render(request, "kaart/organisatie.html", {"org": org})


@require_GET
@cached_page
def organisaties(request: HttpRequest) -> HttpResponse:
    """Every organisation on the kaart, by kind: also those with no contact point or offering
    of their own (partners of the action plan), whose page is otherwise not linked."""
    alle = sorted(Organisatie.objects.all(), key=lambda org: org.naam.casefold())
    per_soort = [
        (label, [org for org in alle if org.soort == soort])
        for soort, label in OrganisatieSoort.choices
    ]
    return render(
        request,
        "kaart/organisaties.html",
        {"per_soort": [(label, orgs) for label, orgs in per_soort if orgs], "aantal": len(alle)},
    )


@require_GET
@stuurgroep_vereist
def gelijke_toegang(request: HttpRequest) -> HttpResponse:
    """For the stuurgroep: what support costs under PC 329 against PC 304, gaps flagged
    (the plan's concern of equal access, action 1.2.b). Read from the kaart on every visit."""
    try:
        uitkomst = vergelijking.vergelijk("329", "304")
    except ParitairComite.DoesNotExist as fout:
        raise Http404 from fout
    return render(request, "kaart/gelijke_toegang.html", {"vergelijking": uitkomst})

"""The glossary: an A-Z index and one page per term."""

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from vangnet.begrippen.models import Begrip
from vangnet.core.pagecache import cached_page
from vangnet.zoeken.text import fold


@require_GET
@cached_page
def index(request: HttpRequest) -> HttpResponse:
    # Sorted on the term in the current language, accents folded (é sorts as e).
    begrippen = sorted(Begrip.objects.all(), key=lambda b: fold(b.term))
    letters = [
        (letter, list(group)) for letter, group in groupby(begrippen, key=lambda b: b.letter)
    ]
    return render(request, "begrippen/index.html", {"letters": letters, "aantal": len(begrippen)})


@require_GET
@cached_page
def begrip(request: HttpRequest, slug: str) -> HttpResponse:
    term = get_object_or_404(Begrip.objects.prefetch_related("verwant"), slug=slug)
    context = {
        "begrip": term,
        "aanspreekpunten": term.aanspreekpunten.order_by("naam")[:20],
        "aanbod": term.aanbod.order_by("titel")[:20],
    }
    return render(request, "begrippen/begrip.html", context)

"""The QR code and the printable poster of a receiver (mostly a public reporting point)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vangnet.core import vindbaar
from vangnet.meldingen import affiche
from vangnet.meldingen.models import Ontvanger


def _ontvanger(slug: str) -> Ontvanger:
    return get_object_or_404(Ontvanger, slug=slug, actief=True)


def _korte_url(request: HttpRequest, ontvanger: Ontvanger) -> str:
    return vindbaar.absoluut(request, reverse("kort", args=[ontvanger.slug]))


def _venster(ontvanger: Ontvanger) -> str:
    if not (ontvanger.venster_start or ontvanger.venster_einde):
        return ""

    def moment(waarde):
        return formats.date_format(timezone.localtime(waarde), "l j F Y H:i")

    if ontvanger.venster_start and ontvanger.venster_einde:
        return _("open van %(start)s tot %(einde)s") % {
            "start": moment(ontvanger.venster_start),
            "einde": moment(ontvanger.venster_einde),
        }
    if ontvanger.venster_start:
        return _("open vanaf %(start)s") % {"start": moment(ontvanger.venster_start)}
    return _("open tot %(einde)s") % {"einde": moment(ontvanger.venster_einde)}


@require_GET
def qr_svg(request: HttpRequest, slug: str) -> HttpResponse:
    ontvanger = _ontvanger(slug)
    return HttpResponse(
        affiche.qr_svg(_korte_url(request, ontvanger)), content_type="image/svg+xml"
    )


@require_GET
def qr_png(request: HttpRequest, slug: str) -> HttpResponse:
    ontvanger = _ontvanger(slug)
    return HttpResponse(affiche.qr_png(_korte_url(request, ontvanger)), content_type="image/png")


@require_GET
def affiche_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The A4 or A5 poster with the QR code, the short address and the opening window."""
    ontvanger = _ontvanger(slug)
    formaat = request.GET.get("formaat", "a4")
    if formaat not in affiche.FORMATEN:
        raise Http404
    url = _korte_url(request, ontvanger)
    pdf = affiche.affiche_pdf(
        affiche.Affiche(
            naam=ontvanger.naam,
            url=url,
            korte_url=url.split("://", 1)[1],
            venster=_venster(ontvanger),
            talen=tuple(ontvanger.talen or ["nl"]),
        ),
        formaat,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="affiche-{ontvanger.slug}-{formaat}.pdf"'
    return response

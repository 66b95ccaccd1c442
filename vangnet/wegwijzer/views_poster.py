"""The vangnet poster as PDF, the general one and one per organisation."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from vangnet.core import vindbaar
from vangnet.kaart.choices import Sector
from vangnet.wegwijzer import poster as tekening

FORMATEN = (("a4", "A4"), ("a3", "A3"))


def _bestand(
    request: HttpRequest, formaat: str, naam: str, sector: str = "", **eigen: object
) -> HttpResponse:
    """Render the poster for this site's address, as an inline PDF download. The QR code
    opens the wegwijzer, with only the sector filled in: no data of any visitor."""
    wegwijzer = vindbaar.absoluut(request, reverse("wegwijzer:start"))
    if sector:
        wegwijzer += "?" + urlencode({"sector": sector})
    adressen = {
        "host": urlsplit(vindbaar.absoluut(request, "/")).netloc,
        "wegwijzer_url": wegwijzer,
        "vangnet_url": vindbaar.absoluut(request, reverse("wegwijzer:vangnet")),
    }
    if eigen:
        pdf = tekening.eigen_pdf(formaat, **adressen, **eigen)
    else:
        pdf = tekening.algemene_pdf(formaat, **adressen)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{naam}-{formaat}.pdf"'
    return response


@require_GET
def poster(request: HttpRequest) -> HttpResponse:
    """``/vangnet/poster.pdf?formaat=a3``: the general poster of the whole vangnet, rendered
    once per content version and language (``poster.algemene_pdf``)."""
    formaat = request.GET.get("formaat", "a4")
    if formaat not in tekening.FORMATEN:
        raise Http404
    return _bestand(request, formaat, "vangnet")


@require_GET
def poster_svg(request: HttpRequest) -> HttpResponse:
    """``/vangnet/poster.svg``: the poster is no longer drawn as SVG (ADR 0014). The page
    ``/vangnet/`` is its web version: the same flowchart, readable on any screen."""
    return HttpResponsePermanentRedirect(reverse("wegwijzer:vangnet"))


class EigenPosterForm(forms.Form):
    """An organisation's own contact points. Nothing typed here is stored."""

    organisatie = forms.CharField(label=_("Naam van je organisatie"), max_length=120)
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("Kies een sector"))] + list(Sector.choices),
        required=False,
        help_text=_("De QR-code opent de wegwijzer met deze sector al ingevuld."),
    )
    vertrouwenspersoon = forms.CharField(
        label=_("Vertrouwenspersoon: naam"), max_length=120, required=False
    )
    vertrouwenspersoon_bereik = forms.CharField(
        label=_("Vertrouwenspersoon: hoe bereik je die?"),
        max_length=160,
        required=False,
        help_text=_("Bijvoorbeeld een e-mailadres of telefoonnummer."),
    )
    api = forms.CharField(
        label=_("Aanspreekpunt integriteit: naam"), max_length=120, required=False
    )
    api_bereik = forms.CharField(
        label=_("Aanspreekpunt integriteit: hoe bereik je dat?"), max_length=160, required=False
    )
    meldpunt = forms.CharField(
        label=_("Meldpunt voor publiek: naam"), max_length=120, required=False
    )
    meldpunt_bereik = forms.CharField(
        label=_("Meldpunt voor publiek: hoe bereik je dat?"), max_length=160, required=False
    )
    formaat = forms.ChoiceField(label=_("Papierformaat"), choices=FORMATEN, initial="a4")

    SOORTEN = (
        ("vertrouwenspersoon", _("Vertrouwenspersoon")),
        ("api", _("Aanspreekpunt integriteit")),
        ("meldpunt", _("Meldpunt voor publiek")),
    )

    def clean(self) -> dict:
        data = super().clean()
        if not any(data.get(veld) for veld, _label in self.SOORTEN):
            raise forms.ValidationError(
                _(
                    "Vul minstens één eigen aanspreekpunt in: een vertrouwenspersoon, een API of "
                    "een meldpunt voor publiek."
                )
            )
        return data

    def eigen_punten(self) -> tuple[tekening.EigenPunt, ...]:
        d = self.cleaned_data
        return tuple(
            tekening.EigenPunt(soort=str(label), naam=d[veld], bereik=d.get(f"{veld}_bereik", ""))
            for veld, label in self.SOORTEN
            if d.get(veld)
        )


@require_http_methods(["GET", "POST"])
def eigen_poster(request: HttpRequest) -> HttpResponse:
    """A poster with the organisation's own vertrouwenspersoon, API or public reporting point
    right after "Nu in gevaar", and a QR code to the wegwijzer with the organisation's
    sector. Nothing typed here is stored."""
    form = EigenPosterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            return _bestand(
                request,
                d["formaat"],
                "vangnet-poster",
                sector=d["sector"],
                organisatie=d["organisatie"],
                eigen_punten=form.eigen_punten(),
            )
        except tekening.PosterPastNiet:
            form.add_error(
                "formaat",
                _("Alles samen past niet op dit formaat. Kies A3, of maak de teksten korter."),
            )
    status = 400 if form.errors else 200
    return render(request, "wegwijzer/eigen_poster.html", {"form": form}, status=status)

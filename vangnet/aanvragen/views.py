"""Pages of a request for a reporting point: the organisation's (its quickscan account) and
the department's (``accounts.toegang.departement_vereist``, ADR 0012)."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vangnet.aanvragen import opzet
from vangnet.aanvragen.choices import AanvraagStatus
from vangnet.aanvragen.forms import AanvraagForm, BeslissingForm, NieuweLinkForm
from vangnet.aanvragen.models import Aanvraag
from vangnet.accounts.toegang import departement_vereist
from vangnet.core import vindbaar
from vangnet.meldingen import acties
from vangnet.quickscan.models import Organisatieaccount

SJABLONEN = "aanvragen/"


def organisatie_vereist(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only a signed-in organisation account; the view gets it as second argument.

    Nobody signed in goes to the organisation's sign-in and back; any other account gets a
    404: these pages are the organisation's own.
    """

    @wraps(view)
    def omhulsel(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("quickscan:inloggen"))
        account = Organisatieaccount.objects.filter(user=request.user).first()
        if account is None:
            raise Http404
        return view(request, account, *args, **kwargs)

    return omhulsel


def _adres(request: HttpRequest) -> str:
    """The site's own address, for the link in the enrolment e-mail."""
    # The configured public address, never a Host header a request names (VANGNET_ADRES).
    return vindbaar.absoluut(request, "/").rstrip("/")


@require_GET
@organisatie_vereist
def mijn_aanvragen(request: HttpRequest, account: Organisatieaccount) -> HttpResponse:
    """The organisation's requests and where each stands."""
    context = {"account": account, "aanvragen": account.aanvragen.select_related("ontvanger")}
    return render(request, SJABLONEN + "mijn_aanvragen.html", context)


@require_http_methods(["GET", "POST"])
@organisatie_vereist
def nieuw(request: HttpRequest, account: Organisatieaccount) -> HttpResponse:
    """Request a reporting point; nothing is live until the department approves."""
    form = AanvraagForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            aanvraag = form.save(commit=False)
            aanvraag.account = account
            aanvraag.save()
            messages.success(request, _("Je aanvraag is ingediend. Het departement beslist."))
            return redirect(aanvraag)
        return render(request, SJABLONEN + "nieuw.html", {"form": form}, status=400)
    return render(request, SJABLONEN + "nieuw.html", {"form": form})


@require_GET
@organisatie_vereist
def aanvraag(request: HttpRequest, account: Organisatieaccount, pk: int) -> HttpResponse:
    """One request of the organisation: its state, the refusal's reason, or the step to set
    the reporting point up."""
    eigen = get_object_or_404(account.aanvragen.select_related("ontvanger"), pk=pk)
    return _aanvraagpagina(request, eigen)


def _aanvraagpagina(request, eigen: Aanvraag, form=None, status: int = 200) -> HttpResponse:
    context = {"aanvraag": eigen, "wacht_op_eerste_lid": opzet.wacht_op_eerste_lid(eigen)}
    if context["wacht_op_eerste_lid"]:
        context["form"] = form or NieuweLinkForm()
    return render(request, SJABLONEN + "aanvraag.html", context, status=status)


@require_POST
@organisatie_vereist
def nieuwe_link(request: HttpRequest, account: Organisatieaccount, pk: int) -> HttpResponse:
    """The first member's link expired: with the recovery key, send them a fresh one."""
    eigen = get_object_or_404(account.aanvragen.select_related("ontvanger"), pk=pk)
    if not opzet.wacht_op_eerste_lid(eigen):
        return redirect(eigen)
    form = NieuweLinkForm(request.POST)
    if form.is_valid():
        try:
            opzet.stuur_nieuwe_link(
                eigen, form.cleaned_data["herstelsleutel"], adres=_adres(request), door=request.user
            )
        except acties.Geweigerd as fout:
            form.add_error("herstelsleutel", str(fout))
        else:
            messages.success(
                request,
                _("%(email)s krijgt een nieuwe eenmalige link per e-mail, 48 uur geldig.")
                % {"email": eigen.eerste_lid_email},
            )
            return redirect(eigen)
    return _aanvraagpagina(request, eigen, form=form, status=400)


@never_cache
@require_POST
@organisatie_vereist
def klaarzetten(request: HttpRequest, account: Organisatieaccount, pk: int) -> HttpResponse:
    """Set up an approved reporting point: answers with the recovery key, once."""
    eigen = get_object_or_404(account.aanvragen, pk=pk)
    try:
        klaar = opzet.zet_klaar(eigen, adres=_adres(request))
    except opzet.NietMogelijk:
        messages.info(request, _("Dit meldpunt is al klaargezet of niet goedgekeurd."))
        return redirect(eigen)
    context = {
        "aanvraag": eigen,
        "ontvanger": klaar.ontvanger,
        "herstelsleutel": klaar.herstelsleutel,
    }
    return render(request, SJABLONEN + "herstelblad.html", context)


@require_GET
@departement_vereist
def departement(request: HttpRequest) -> HttpResponse:
    """The department's list: requests waiting for a decision first."""
    alle = Aanvraag.objects.select_related("account", "ontvanger")
    context = {
        "wachtend": alle.filter(status=AanvraagStatus.INGEDIEND),
        "beslist": alle.exclude(status=AanvraagStatus.INGEDIEND),
    }
    return render(request, SJABLONEN + "departement.html", context)


@require_http_methods(["GET", "POST"])
@departement_vereist
def beslissen(request: HttpRequest, pk: int) -> HttpResponse:
    """The department approves or refuses one request, with a reason when it refuses."""
    gevonden = get_object_or_404(Aanvraag.objects.select_related("account", "terugval"), pk=pk)
    form = BeslissingForm(request.POST or None, aanvraag=gevonden)
    status = 200
    if request.method == "POST":
        if gevonden.status != AanvraagStatus.INGEDIEND:
            messages.info(request, _("Over deze aanvraag is al beslist."))
            return redirect("aanvragen:beslissen", pk=pk)
        if form.is_valid():
            goed = form.cleaned_data["beslissing"] == "goedkeuren"
            opzet.beslis(
                gevonden,
                goedgekeurd=goed,
                door=request.user,
                reden=form.cleaned_data["reden"],
                poollid=form.cleaned_data.get("poollid"),
            )
            messages.success(
                request,
                _("De aanvraag is goedgekeurd.") if goed else _("De aanvraag is geweigerd."),
            )
            return redirect("aanvragen:departement")
        status = 400
    context = {"aanvraag": gevonden, "form": form}
    return render(request, SJABLONEN + "beslissen.html", context, status=status)

"""The team pages of a beheerder (issue 16): invite a member by e-mail, remove a member (their
keys go), help a member who lost their password or phone (with the recovery key).

Nobody but the member ever sees their password or app: an invitation and a recovery are a
one-time link (``inschrijving.py``) e-mailed through the queue (``post.py``). Every change
goes through ``acties`` (the same functions as the operators' commands) and leaves an audit
line. Only a beheerder of the receiver gets these pages; anyone else a 404.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vangnet.core import vindbaar
from vangnet.meldingen import acties, inschrijving, toegang
from vangnet.meldingen.choices import Rol
from vangnet.meldingen.forms_team import HerstelForm, UitnodigForm, VerwijderForm
from vangnet.meldingen.models import Behandelaar, Teamlid
from vangnet.meldingen.views_behandelaar import behandelaar_vereist

SJABLONEN = "meldingen/behandelaar/"


def _beheerder(request: HttpRequest, slug: str) -> Teamlid:
    teamlid = toegang.teamlid_voor(request, slug)
    if teamlid.rol != Rol.BEHEERDER:
        raise Http404
    return teamlid


def _ander_lid(beheerder: Teamlid, lid: int) -> Teamlid:
    """Another member of the beheerder's own team, or 404."""
    gevonden = (
        beheerder.ontvanger.team.select_related("behandelaar__user")
        .exclude(pk=beheerder.pk)
        .filter(pk=lid)
        .first()
    )
    if gevonden is None:
        raise Http404
    return gevonden


def _adres(request: HttpRequest) -> str:
    # The configured public address, never a Host header a request names (VANGNET_ADRES).
    return vindbaar.absoluut(request, "/").rstrip("/")


@behandelaar_vereist
@require_http_methods(["GET", "POST"])
def uitnodigen(request: HttpRequest, behandelaar: Behandelaar, slug: str) -> HttpResponse:
    """Invite someone into the team by e-mail."""
    teamlid = _beheerder(request, slug)
    form = UitnodigForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            rol = form.cleaned_data["rol"]
            ontvanger_prive = None
            if rol == Rol.BEHEERDER:
                ontvanger_prive = acties.ontvangersleutel(teamlid, toegang.prive_sleutel(request))
            try:
                acties.nodig_uit(
                    teamlid.ontvanger,
                    form.cleaned_data["email"],
                    form.cleaned_data["naam"],
                    adres=_adres(request),
                    rol=rol,
                    ontvanger_prive=ontvanger_prive,
                    door=behandelaar,
                )
            except acties.Geweigerd as fout:
                form.add_error(None, str(fout))
            else:
                messages.success(
                    request,
                    _("%(email)s krijgt een eenmalige link per e-mail, 48 uur geldig.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("meldingen:team", slug=slug)
    context = {"behandelaar": behandelaar, "teamlid": teamlid, "form": form}
    return render(request, SJABLONEN + "uitnodigen.html", context, status=status)


@behandelaar_vereist
@require_http_methods(["GET", "POST"])
def verwijderen(request: HttpRequest, behandelaar: Behandelaar, slug: str, lid: int):
    """Remove a member: their keys to every case of this receiver are destroyed."""
    teamlid = _beheerder(request, slug)
    weg = _ander_lid(teamlid, lid)
    form = VerwijderForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        ontvanger_prive = acties.ontvangersleutel(teamlid, toegang.prive_sleutel(request))
        if ontvanger_prive is None:
            form.full_clean()
            form.add_error(None, _("Je hebt de sleutel van deze ontvanger niet."))
        elif form.is_valid():
            vertrek = acties.verwijder_uit_team(weg, ontvanger_prive, door=behandelaar)
            messages.success(
                request,
                _("%(naam)s zit niet meer in het team; %(aantal)s sleutels zijn vernietigd.")
                % {"naam": weg.behandelaar.weergavenaam, "aantal": vertrek.enveloppen},
            )
            return redirect("meldingen:team", slug=slug)
    context = {"behandelaar": behandelaar, "teamlid": teamlid, "lid": weg, "form": form}
    return render(request, SJABLONEN + "verwijderen.html", context, status=status)


@behandelaar_vereist
@require_http_methods(["GET", "POST"])
def herstellen(request: HttpRequest, behandelaar: Behandelaar, slug: str, lid: int):
    """Help a member who lost their password (or phone): with the receiver's recovery key,
    they get a fresh one-time link by e-mail; the old password stops working."""
    teamlid = _beheerder(request, slug)
    hulp = _ander_lid(teamlid, lid)
    form = HerstelForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if not hulp.behandelaar.user.email:
            form.full_clean()
            form.add_error(None, _("Dit teamlid heeft geen e-mailadres: vraag het aan Vangnet."))
        elif form.is_valid():
            try:
                token = acties.herstel(
                    hulp,
                    form.cleaned_data["herstelsleutel"],
                    nieuwe_app=form.cleaned_data["nieuwe_app"],
                    door=behandelaar.user,
                )
            except acties.Geweigerd as fout:
                form.add_error("herstelsleutel", str(fout))
            else:
                inschrijving.mail_link(hulp.behandelaar.user.email, token, _adres(request))
                messages.success(
                    request,
                    _("%(naam)s krijgt een eenmalige link per e-mail om opnieuw te beginnen.")
                    % {"naam": hulp.behandelaar.weergavenaam},
                )
                return redirect("meldingen:team", slug=slug)
    context = {"behandelaar": behandelaar, "teamlid": teamlid, "lid": hulp, "form": form}
    return render(request, SJABLONEN + "herstellen.html", context, status=status)

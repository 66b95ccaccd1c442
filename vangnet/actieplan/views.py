"""The action plan's pages for the department, the stuurgroep and the partners.

Who may open a page is decided by ``accounts.toegang``; which rows a partner may write
(its own actions, its own answers) by the models and the checks here, with
``accounts.roles.partner_organisaties``.
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vangnet.accounts.drempels import emmer, wachttijd_tekst
from vangnet.accounts.roles import is_departement, is_partner, is_stuurgroep, partner_organisaties
from vangnet.accounts.toegang import rol_in_het_actieplan_vereist, rol_vereist, stuurgroep_vereist
from vangnet.actieplan import kalender, rapport, stand
from vangnet.actieplan.forms import (
    AanbevelingFilter,
    AanbevelingForm,
    ActieFilter,
    BoekingForm,
    OpvolgingForm,
    VergaderingForm,
    VoortgangForm,
)
from vangnet.actieplan.models import (
    Aanbeveling,
    Agendasleutel,
    Boeking,
    Vergadering,
)
from vangnet.actieplan.stand import acties_met_voortgang
from vangnet.actieplan.toegang import beheerde_ontvangers, is_ontvanger_beheerder
from vangnet.core import vindbaar
from vangnet.kaart.models import Organisatie

MELDPUNT = "vlaams-meldpunt-grensoverschrijdend-gedrag"


@require_GET
@rol_in_het_actieplan_vereist
def overzicht(request: HttpRequest) -> HttpResponse:
    """The whole plan on one screen: the count per status, actions at risk, then the list."""
    alle = list(acties_met_voortgang())
    form = ActieFilter(request.GET or None)
    gefilterd = form.filter([a for a in alle if not a.deelacties.all()])
    eigen = Organisatie.objects.filter(pk__in=partner_organisaties(request.user))
    return render(
        request,
        "actieplan/overzicht.html",
        {
            "stand": stand.stand(alle),
            "form": form,
            "acties": gefilterd,
            "gefilterd": bool(request.GET),
            "eigen": eigen,
            "stuurgroep": is_stuurgroep(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@rol_in_het_actieplan_vereist
def actie(request: HttpRequest, nummer: str) -> HttpResponse:
    """One action: what the plan says, its partners, and its dated progress; a partner of
    the action adds an update."""
    actie = get_object_or_404(acties_met_voortgang(), slug=nummer)
    schrijvers = actie.partners.filter(pk__in=partner_organisaties(request.user))
    form = None
    if schrijvers.exists():
        form = VoortgangForm(request.POST or None, organisaties=schrijvers)
        if request.method == "POST" and form.is_valid():
            update = form.save(commit=False)
            update.actie = actie
            update.auteur = request.user
            update.save()
            messages.success(request, _("De voortgang is bewaard."))
            return redirect("actieplan:actie", nummer=actie.slug)
    elif request.method == "POST":
        raise PermissionDenied(_("Alleen de partners van deze actie schrijven voortgang."))
    return render(
        request,
        "actieplan/actie.html",
        {"actie": actie, "form": form, "voortgang": actie.voortgang.all()},
    )


# --- Meetings --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@rol_in_het_actieplan_vereist
def vergaderingen(request: HttpRequest) -> HttpResponse:
    """The stuurgroep's, the working groups' and the yearly platform's meetings; the
    department adds one."""
    form = None
    if is_departement(request.user):
        form = VergaderingForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            vergadering = form.save(commit=False)
            vergadering.ingevoerd_door = request.user
            vergadering.save()
            form.save_m2m()
            messages.success(request, _("De vergadering is bewaard."))
            return redirect("actieplan:vergadering", pk=vergadering.pk)
    elif request.method == "POST":
        raise PermissionDenied(_("Alleen het departement plant vergaderingen."))
    alle = Vergadering.objects.prefetch_related("aanwezigen").order_by("begin")
    nu = timezone.now()
    return render(
        request,
        "actieplan/vergaderingen.html",
        {
            "komend": [v for v in alle if v.einde > nu],
            "gehouden": [v for v in alle if v.einde <= nu][::-1],
            "form": form,
        },
    )


@require_http_methods(["GET", "POST"])
@rol_in_het_actieplan_vereist
def vergadering(request: HttpRequest, pk: int) -> HttpResponse:
    """One meeting: agenda, decisions, minutes and attendees; the department edits it."""
    vergadering = get_object_or_404(
        Vergadering.objects.prefetch_related("aanwezigen", "acties"), pk=pk
    )
    form = None
    if is_departement(request.user):
        form = VergaderingForm(request.POST or None, instance=vergadering)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("De vergadering is bewaard."))
            return redirect("actieplan:vergadering", pk=vergadering.pk)
    elif request.method == "POST":
        raise PermissionDenied(_("Alleen het departement plant vergaderingen."))
    return render(request, "actieplan/vergadering.html", {"v": vergadering, "form": form})


def _feed(request: HttpRequest) -> HttpResponse:
    inhoud = kalender.feed(
        Vergadering.objects.order_by("begin"),
        partial(vindbaar.absoluut, request),
        _("Actieplan grensoverschrijdend gedrag: vergaderingen"),
    )
    return HttpResponse(inhoud, content_type=kalender.MEDIA_TYPE)


@require_GET
@rol_in_het_actieplan_vereist
def agenda_ics(request: HttpRequest) -> HttpResponse:
    """Every meeting as an iCalendar file, to import into a calendar."""
    antwoord = _feed(request)
    antwoord["Content-Disposition"] = 'attachment; filename="actieplan-vergaderingen.ics"'
    return antwoord


@require_http_methods(["GET", "POST"])
@rol_in_het_actieplan_vereist
def agenda_abonnement(request: HttpRequest) -> HttpResponse:
    """The person's own subscription address for a calendar app: made, made anew or revoked
    here; shown once, when it is made."""
    adres = None
    if request.method == "POST" and "nieuw" in request.POST:
        sleutel = kalender.nieuwe_sleutel(request.user)
        pad = reverse("actieplan:agenda-abonnement-ics", args=[sleutel])
        adres = vindbaar.absoluut(request, pad)
    elif request.method == "POST" and "intrekken" in request.POST:
        kalender.trek_in(request.user)
        messages.success(request, _("Het abonnementsadres werkt niet meer."))
        return redirect("actieplan:agenda-abonnement")
    return render(
        request,
        "actieplan/agenda_abonnement.html",
        {"adres": adres, "sleutel": Agendasleutel.objects.filter(user=request.user).first()},
    )


@require_GET
def agenda_abonnement_ics(request: HttpRequest, sleutel: str) -> HttpResponse:
    """The meetings' feed for a calendar app, which cannot sign in: the secret in the
    address stands for the person's account. A wrong or revoked one is a 404; wrong ones
    from one network slow down (429)."""
    beurt = kalender.AGENDASLEUTEL.probeer(emmer(request))
    if not beurt.toegelaten:
        antwoord = HttpResponse(wachttijd_tekst(beurt.wachttijd), status=429)
        antwoord["Retry-After"] = str(max(1, int(beurt.wachttijd.total_seconds())))
        return antwoord
    if kalender.houder(sleutel) is None:
        raise Http404
    beurt.gelukt()
    antwoord = _feed(request)
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord


# --- Budget --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@stuurgroep_vereist
def begroting(request: HttpRequest) -> HttpResponse:
    """The budget for the stuurgroep; the department enters its figures, each with its date
    and its author."""
    form = None
    if is_departement(request.user):
        form = BoekingForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            boeking = form.save(commit=False)
            boeking.ingevoerd_door = request.user
            boeking.save()
            messages.success(request, _("Het bedrag is bewaard."))
            return redirect("actieplan:begroting")
    elif request.method == "POST":
        raise PermissionDenied(_("Alleen het departement boekt op de begroting."))
    boekingen = Boeking.objects.select_related("doel", "ontvanger", "ingevoerd_door").order_by(
        "-datum", "-pk"
    )
    return render(
        request,
        "actieplan/begroting.html",
        {"stand": stand.begroting_stand(), "boekingen": boekingen, "form": form},
    )


# --- Recommendations (action 1.7) ----------------------------------------------------


#: The register: the stuurgroep, the partners (their own), and receivers' beheerders (what
#: their receivers wrote).
aanbevelingen_vereist = rol_vereist(is_stuurgroep, is_partner, is_ontvanger_beheerder)


def _zichtbare_aanbevelingen(user):
    """The stuurgroep sees all; an organisation those addressed to it or owned by it; a
    receiver's beheerder those its receivers made."""
    qs = Aanbeveling.objects.select_related("organisatie", "eigenaar", "ontvanger")
    if is_stuurgroep(user):
        return qs
    eigen = partner_organisaties(user)
    ontvangers = beheerde_ontvangers(user)
    return qs.filter(Q(organisatie__in=eigen) | Q(eigenaar__in=eigen) | Q(ontvanger__in=ontvangers))


def _mag_aanbevelen(user) -> bool:
    """The department and the Vlaams Meldpunt's own accounts write recommendations."""
    if is_departement(user):
        return True
    return Organisatie.objects.filter(pk__in=partner_organisaties(user), slug=MELDPUNT).exists()


def _alleen_ontvanger(user) -> bool:
    """A receiver's beheerder without a role in the rest of the plan: the register only."""
    return not (is_stuurgroep(user) or is_partner(user))


@require_http_methods(["GET", "POST"])
@aanbevelingen_vereist
def aanbevelingen(request: HttpRequest) -> HttpResponse:
    """The register: the stuurgroep sees all, filtered; an organisation sees its own; a
    receiver's beheerder sees and writes its receiver's."""
    form = None
    ontvangers = beheerde_ontvangers(request.user)
    if _mag_aanbevelen(request.user):
        form = AanbevelingForm(request.POST or None)
    elif ontvangers.exists():
        form = AanbevelingForm(request.POST or None, ontvangers=ontvangers)
    elif request.method == "POST":
        raise PermissionDenied(
            _("Alleen het departement, het Meldpunt en ontvangers schrijven aanbevelingen.")
        )
    if form is not None and request.method == "POST" and form.is_valid():
        aanbeveling = form.save(commit=False)
        aanbeveling.ingevoerd_door = request.user
        aanbeveling.save()
        messages.success(request, _("De aanbeveling is bewaard."))
        return redirect("actieplan:aanbeveling", pk=aanbeveling.pk)
    zichtbaar = _zichtbare_aanbevelingen(request.user)
    filter_form = AanbevelingFilter(request.GET or None, zichtbaar=zichtbaar)
    return render(
        request,
        "actieplan/aanbevelingen.html",
        {
            "aanbevelingen": filter_form.filter(zichtbaar),
            "filter": filter_form,
            "form": form,
            "vandaag": timezone.localdate(),
            "alleen_aanbevelingen": _alleen_ontvanger(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@aanbevelingen_vereist
def aanbeveling(request: HttpRequest, pk: int) -> HttpResponse:
    """One recommendation with its dated follow-up; its organisation answers it, the
    department and the receiver that made it follow it up."""
    aanbeveling = get_object_or_404(_zichtbare_aanbevelingen(request.user), pk=pk)
    eigen = partner_organisaties(request.user)
    departement = is_departement(request.user)
    als_ontvanger = (
        aanbeveling.ontvanger_id is not None
        and beheerde_ontvangers(request.user).filter(pk=aanbeveling.ontvanger_id).exists()
    )
    form = None
    if departement or als_ontvanger or aanbeveling.mag_antwoorden(eigen):
        organisaties = Organisatie.objects.filter(
            pk__in=eigen & {aanbeveling.organisatie_id, aanbeveling.eigenaar_id}
        )
        form = OpvolgingForm(
            request.POST or None,
            organisaties=organisaties,
            departement=departement or als_ontvanger,
        )
        if request.method == "POST" and form.is_valid():
            opvolging = form.save(commit=False)
            opvolging.aanbeveling = aanbeveling
            opvolging.auteur = request.user
            if opvolging.organisatie_id is None and als_ontvanger and not departement:
                opvolging.ontvanger = aanbeveling.ontvanger
            opvolging.save()
            messages.success(request, _("De opvolging is bewaard."))
            return redirect("actieplan:aanbeveling", pk=aanbeveling.pk)
    elif request.method == "POST":
        raise PermissionDenied(_("Alleen de organisatie zelf antwoordt op haar aanbeveling."))
    return render(
        request,
        "actieplan/aanbeveling.html",
        {
            "a": aanbeveling,
            "opvolging": aanbeveling.opvolging.select_related("organisatie", "ontvanger", "auteur"),
            "form": form,
            "alleen_aanbevelingen": _alleen_ontvanger(request.user),
        },
    )


# --- The interim report ----------------------------------------------------------------


@require_GET
@stuurgroep_vereist
def tussentijds_rapport(request: HttpRequest) -> HttpResponse:
    """The interim report as a page, with the button for its PDF."""
    return render(request, "actieplan/rapport.html", rapport.context())


@require_GET
@stuurgroep_vereist
def tussentijds_rapport_pdf(request: HttpRequest) -> HttpResponse:
    antwoord = HttpResponse(rapport.pdf(rapport.context()), content_type="application/pdf")
    antwoord["Content-Disposition"] = 'attachment; filename="actieplan-tussentijds-rapport.pdf"'
    return antwoord

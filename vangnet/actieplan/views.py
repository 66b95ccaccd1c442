"""The action plan's pages for the department, the stuurgroep and the partners.

Who may open a page is decided by ``accounts.toegang``; which rows a partner may write
(its own actions, its own answers) by the models and the checks here, with
``accounts.roles.partner_organisaties``.
"""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from vangnet.accounts.roles import is_stuurgroep, partner_organisaties
from vangnet.accounts.toegang import rol_in_het_actieplan_vereist
from vangnet.actieplan.choices import Actieterrein, Status
from vangnet.actieplan.forms import ActieFilter, VoortgangForm
from vangnet.actieplan.models import Actie, Voortgang
from vangnet.kaart.models import Organisatie


def _acties():
    """Every action with what the overview shows, in a fixed number of queries."""
    return Actie.objects.prefetch_related(
        Prefetch("partners", queryset=Organisatie.objects.order_by("naam")),
        Prefetch(
            "voortgang",
            queryset=Voortgang.objects.select_related("organisatie").order_by(
                "-datum", "-aangemaakt_op"
            ),
        ),
        "deelacties",
    ).order_by("volgorde")


def stand(acties: list[Actie]) -> dict:
    """Counts per actieterrein and status of the actions that carry work (no parents)."""
    uitvoerend = [a for a in acties if not a.deelacties.all()]
    per_terrein = []
    for terrein in Actieterrein:
        tel = Counter(a.status for a in uitvoerend if a.actieterrein == terrein)
        cellen = [(label, tel[code]) for code, label in Status.choices]
        per_terrein.append((terrein.label, cellen, sum(tel.values())))
    totaal = Counter(a.status for a in uitvoerend)
    return {
        "statussen": Status.choices,
        "per_terrein": per_terrein,
        "totaal": [(label, totaal[code]) for code, label in Status.choices],
        "aantal": len(uitvoerend),
        "in_gevaar": [a for a in uitvoerend if a.status == Status.IN_GEVAAR],
    }


@require_GET
@rol_in_het_actieplan_vereist
def overzicht(request: HttpRequest) -> HttpResponse:
    """The whole plan on one screen: the count per status, actions at risk, then the list."""
    alle = list(_acties())
    form = ActieFilter(request.GET or None)
    gefilterd = form.filter([a for a in alle if not a.deelacties.all()])
    eigen = Organisatie.objects.filter(pk__in=partner_organisaties(request.user))
    return render(
        request,
        "actieplan/overzicht.html",
        {
            "stand": stand(alle),
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
    actie = get_object_or_404(_acties(), slug=nummer)
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

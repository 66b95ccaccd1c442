"""The figures pages: public, for the department and stuurgroep, and for a receiver.

One page per audience, the same parts: the number of cases per quarter (trend), a table by
one or two dimensions chosen in a GET form, each chart with its table, and every table as
CSV and ODS. Who sees what is decided in toegang.py; what is counted in cijfers.py.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from vangnet.monitoring import aanlevering, cijfers, evenement, export, grafiek, toegang
from vangnet.monitoring.dimensies import AANLEVERBAAR, DIMENSIES
from vangnet.monitoring.models import Aanlevertoken, Momentopname

FORMATEN = ("csv", "ods")


class KeuzeForm(forms.Form):
    """Which table: one dimension, optionally crossed with a second, for which period."""

    per = forms.ChoiceField(label=gettext_lazy("Tel per"), required=False)
    per2 = forms.ChoiceField(label=gettext_lazy("Gekruist met"), required=False)
    periode = forms.ChoiceField(label=gettext_lazy("Periode"), required=False)

    def __init__(self, data, periodes: list[tuple[str, str]]) -> None:
        super().__init__(data)
        keuzes = [(naam, d.label) for naam, d in DIMENSIES.items()]
        self.fields["per"].choices = keuzes
        self.fields["per2"].choices = [("", gettext_lazy("niets (één dimensie)")), *keuzes]
        self.fields["periode"].choices = periodes

    def clean(self):
        data = super().clean()
        if data.get("per2") and data.get("per2") == data.get("per"):
            self.add_error("per2", _("Kies een andere dimensie dan de eerste."))
        return data


def _periodes(doelgroep: str, bron: cijfers.Bron) -> list[tuple[str, str]]:
    uit = []
    for jaar in cijfers.beschikbare_jaren(doelgroep, bron):
        uit.append((str(jaar), str(jaar)))
        uit += [
            (f"{jaar}-K{n}", _("kwartaal %(n)s van %(jaar)s") % {"n": n, "jaar": jaar})
            for n in range(1, 5)
        ]
    return uit


def _keuze(request: HttpRequest, doelgroep: str, bron: cijfers.Bron):
    periodes = _periodes(doelgroep, bron)
    data = {
        "per": request.GET.get("per") or "gedrag",
        "per2": request.GET.get("per2", ""),
        "periode": request.GET.get("periode") or (periodes[0][0] if periodes else ""),
    }
    form = KeuzeForm(data, periodes)
    return form, periodes


def _tabel(form: KeuzeForm, doelgroep: str, bron: cijfers.Bron):
    """The chosen table, or None with the reason added to the form."""
    if not form.is_valid():
        return None
    per = [
        form.cleaned_data["per"],
        *([form.cleaned_data["per2"]] if form.cleaned_data["per2"] else []),
    ]
    try:
        return cijfers.tabel(
            per, periode=form.cleaned_data["periode"], doelgroep=doelgroep, bron=bron
        )
    except cijfers.OngeldigeVraag as fout:
        veld = fout.veld if fout.veld in form.fields else None
        form.add_error(veld, fout.boodschap)
        return None


def _verloop(doelgroep: str, bronnen: list[cijfers.Bron]):
    """The trend of every source over the same quarters, as a chart and its rows."""
    reeksen_per_bron = [(bron.label, dict(cijfers.verloop(doelgroep, bron))) for bron in bronnen]
    periodes = sorted({p for _naam, r in reeksen_per_bron for p in r}, key=_kwartaal_sleutel)
    if not periodes:
        return None, []
    reeksen = [(naam, [r.get(p, "–") for p in periodes]) for naam, r in reeksen_per_bron]
    diagram = grafiek.verloop(periodes, reeksen, _("Meldingen per kwartaal"))
    regels = [[_("Kwartaal"), *[naam for naam, _r in reeksen]]]
    regels += [[p, *[str(r[i]) for _naam, r in reeksen]] for i, p in enumerate(periodes)]
    return diagram, regels


def _kwartaal_sleutel(label: str):
    # "K1 2025" (or its translation "Q1 2025"): year, then quarter.
    delen = label.split()
    return (delen[-1], delen[0])


def _pagina(
    request: HttpRequest,
    doelgroep: str,
    bron: cijfers.Bron,
    *,
    bronnen=None,
    extra=None,
    later=None,
    sjabloon="monitoring/cijfers.html",
):
    with cijfers.samen():
        form, periodes = _keuze(request, doelgroep, bron)
        tabel = _tabel(form, doelgroep, bron) if periodes else None
        diagram, verloop_regels = _verloop(doelgroep, bronnen or [bron])
        extra = {**(extra or {}), **{k: v() for k, v in (later or {}).items()}}
    query = urlencode({k: form.data[k] for k in ("per", "per2", "periode") if form.data.get(k)})
    context = {
        "doelgroep": doelgroep,
        "bron": bron,
        "form": form,
        "tabel": tabel,
        "verloop": diagram,
        "verloop_regels": verloop_regels,
        "query": query,
        "heeft_cijfers": bool(periodes),
        **extra,
    }
    return render(request, sjabloon, context)


def _export(
    request: HttpRequest, doelgroep: str, bron: cijfers.Bron, wat: str, formaat: str, bronnen=None
):
    if formaat not in FORMATEN:
        raise Http404
    if wat == "verloop":
        _diagram, regels = _verloop(doelgroep, bronnen or [bron])
        return export.antwoord(regels, "meldingen-per-kwartaal", formaat)
    form, _periodes_ = _keuze(request, doelgroep, cijfers.VANGNET if bron.organisatie_id else bron)
    tabel = _tabel(form, doelgroep, bron)
    if tabel is None:
        raise Http404
    naam = "-".join(["meldingen", *tabel.per, tabel.periode.code])
    return export.antwoord(tabel.regels(), naam, formaat)


# --- The public ---------------------------------------------------------------------------


@require_GET
def publiek(request: HttpRequest) -> HttpResponse:
    """Safe aggregates of fixed quarters of complete years, for everyone."""
    return _pagina(request, cijfers.PUBLIEK, cijfers.VANGNET)


@require_GET
def publiek_export(request: HttpRequest, wat: str, formaat: str) -> HttpResponse:
    return _export(request, cijfers.PUBLIEK, cijfers.VANGNET, wat, formaat)


# --- The department and the stuurgroep ------------------------------------------------------


def _partnerbronnen() -> list[cijfers.Bron]:
    bronnen = (
        Momentopname.objects.filter(bron__isnull=False)
        .values_list("bron_id", "bron__naam")
        .distinct()
        .order_by("bron__naam")
    )
    return [cijfers.Bron(organisatie_id=pk, naam=naam) for pk, naam in bronnen]


@require_GET
@toegang.beleid_vereist
def beleid(request: HttpRequest) -> HttpResponse:
    """More detail for the department and stuurgroep: provisional quarters, other sources."""
    partners = _partnerbronnen()
    return _pagina(
        request,
        cijfers.BELEID,
        cijfers.VANGNET,
        bronnen=[cijfers.VANGNET, *partners],
        extra={"partners": partners},
        # Counted inside the page's one reading of the snapshots.
        later={"partnertabellen": lambda: _partnertabellen(request, partners)},
    )


def _partnertabellen(request: HttpRequest, partners: list[cijfers.Bron]) -> list:
    """The chosen table (one dimension a partner delivers) from each partner, under
    Vangnet's, each with its own export (``bron=`` in the query)."""
    per, periode = request.GET.get("per") or "gedrag", request.GET.get("periode", "")
    if request.GET.get("per2") or per not in AANLEVERBAAR or not partners:
        return []
    uit = []
    for bron in partners:
        try:
            tabel = cijfers.tabel(
                [per], periode=periode or None, doelgroep=cijfers.BELEID, bron=bron
            )
        except cijfers.OngeldigeVraag:
            continue
        query = urlencode({"per": per, "periode": tabel.periode.code, "bron": bron.organisatie_id})
        uit.append((tabel, query))
    return uit


@require_GET
@toegang.beleid_vereist
def beleid_export(request: HttpRequest, wat: str, formaat: str) -> HttpResponse:
    partners = _partnerbronnen()
    bron = cijfers.VANGNET
    if request.GET.get("bron"):
        bron = next((p for p in partners if str(p.organisatie_id) == request.GET["bron"]), None)
        if bron is None:
            raise Http404
    return _export(
        request, cijfers.BELEID, bron, wat, formaat, bronnen=[cijfers.VANGNET, *partners]
    )


# --- A receiver's own figures -----------------------------------------------------------------


def _ontvanger_vereist(view):
    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
        if not toegang.met_twee_factoren(request.user):
            return redirect_to_login(request.get_full_path(), reverse("meldingen:aanmelden"))
        ontvanger = toegang.ontvanger_van(request.user, slug)
        if ontvanger is None:
            raise Http404
        bron = cijfers.Bron(ontvanger_id=ontvanger.pk, naam=ontvanger.naam)
        return view(request, ontvanger, bron, *args, **kwargs)

    return wrapper


@require_GET
def ontvangers(request: HttpRequest) -> HttpResponse:
    """The receivers whose figures this handler may see."""
    if not toegang.met_twee_factoren(request.user):
        return redirect_to_login(request.get_full_path(), reverse("meldingen:aanmelden"))
    return render(
        request, "monitoring/ontvangers.html", {"ontvangers": toegang.ontvangers_van(request.user)}
    )


@require_GET
@_ontvanger_vereist
def ontvanger(request: HttpRequest, ontvanger, bron) -> HttpResponse:
    """A receiver's own cases, counted live, suppressed by the same rule; for the organiser
    of a public point, after its event, the event's figures and when its cases go."""
    extra = {"ontvanger": ontvanger}
    if toegang.beheert(request.user, ontvanger):
        extra["evenement"] = evenement.na_het_evenement(ontvanger)
    return _pagina(request, cijfers.ONTVANGER, bron, extra=extra)


@require_GET
@_ontvanger_vereist
def ontvanger_export(request: HttpRequest, ontvanger, bron, wat: str, formaat: str) -> HttpResponse:
    return _export(request, cijfers.ONTVANGER, bron, wat, formaat)


# --- A partner's own figures ------------------------------------------------------------------


class AanleverForm(forms.Form):
    organisatie = forms.ModelChoiceField(
        label=gettext_lazy("Voor organisatie"), queryset=None, empty_label=None
    )
    bestand = forms.FileField(
        label=gettext_lazy("Bestand (CSV)"),
        help_text=gettext_lazy("In de vorm van het voorbeeldbestand; hoogstens 1 MB."),
    )

    def __init__(self, *args, organisaties, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisaties


def _organisaties(request: HttpRequest):
    from vangnet.kaart.models import Organisatie

    return Organisatie.objects.filter(
        pk__in=[o.pk for o in toegang.aanleverende_organisaties(request.user)]
    ).order_by("naam")


@require_http_methods(["GET", "POST"])
@toegang.partner_vereist
def aanleveren(request: HttpRequest) -> HttpResponse:
    """Upload a CSV of counts per quarter; every mistake by row, nothing kept on any."""
    organisaties = _organisaties(request)
    form = AanleverForm(request.POST or None, request.FILES or None, organisaties=organisaties)
    uitkomst, token = None, None
    if request.method == "POST" and "nieuwe-sleutel" in request.POST:
        organisatie = organisaties.filter(pk=request.POST.get("organisatie")).first()
        if organisatie is None:
            raise Http404
        token = aanlevering.nieuw_token(organisatie, door=request.user)
        form = AanleverForm(organisaties=organisaties)
    elif request.method == "POST" and "intrekken" in request.POST:
        Aanlevertoken.objects.filter(
            pk=request.POST.get("intrekken"),
            organisatie__in=organisaties,
            ingetrokken_op__isnull=True,
        ).update(ingetrokken_op=timezone.now())
        return redirect("monitoring:aanleveren")
    elif request.method == "POST" and form.is_valid():
        inhoud = form.cleaned_data["bestand"].read(aanlevering.MAX_BYTES + 1)
        uitkomst = aanlevering.bewaar(form.cleaned_data["organisatie"], inhoud, door=request.user)
    context = {
        "form": form,
        "uitkomst": uitkomst,
        "token": token,
        "organisaties": organisaties,
        "tokens": Aanlevertoken.objects.filter(
            organisatie__in=organisaties, ingetrokken_op__isnull=True
        ),
        "aangeleverd": Momentopname.objects.filter(bron__in=organisaties)
        .select_related("bron")
        .order_by("-kwartaal"),
    }
    status = 400 if uitkomst is not None and not uitkomst.gelukt else 200
    return render(request, "monitoring/aanleveren.html", context, status=status)


@require_GET
@toegang.partner_vereist
def sjabloon(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(aanlevering.sjabloon(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "cijfers-sjabloon.csv")
    return response

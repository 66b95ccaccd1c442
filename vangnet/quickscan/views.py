"""The quickscan's pages: profile, one page per level, check, result, PDF report, and the
organisation account (sign-up, login, saved results).

Views stay thin: the rules live in ``scan.py``, the answers in a cookie on the device
(``bewaring.py``), the pictures' geometry in ``grafiek.py``, the PDF in ``rapport.py``.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vangnet.accounts.toegang import departement_vereist
from vangnet.core import vindbaar
from vangnet.kaart.choices import Beleidsniveau, Sector
from vangnet.kaart.models import ParitairComite
from vangnet.quickscan import bewaring, grafiek, rapport, scan, verslag
from vangnet.quickscan.choices import Antwoord, Grootte, Organisatievorm
from vangnet.quickscan.forms import (
    AccountForm,
    ControleForm,
    InlogForm,
    ProfielForm,
    StellingenForm,
    VerslagForm,
)
from vangnet.quickscan.models import Organisatieaccount, Preventieverslag, Resultaat, Stelling

INLOGGEN = reverse_lazy("quickscan:inloggen")


def _stellingen(profiel: scan.Profiel) -> list[Stelling]:
    """The statements this profile is asked, with what the result needs prefetched."""
    alle = Stelling.objects.prefetch_related(
        "helpt_aanbod__prijzen__paritair_comite", "helpt_aanspreekpunten"
    )
    return scan.stellingen_voor(alle, profiel)


def _niveaus(stellingen: list[Stelling]) -> list[str]:
    return list(scan.per_niveau(stellingen))


def _eerste_open(huidig: bewaring.Scan, stellingen: list[Stelling]) -> str | None:
    """The URL of the first page with something left to answer, None when all is answered."""
    if huidig.profiel is None:
        return reverse("quickscan:organisatie")
    for niveau, groep in scan.per_niveau(stellingen).items():
        if not scan.alle_beantwoord(groep, huidig.antwoorden):
            return reverse("quickscan:niveau", args=[niveau])
    return None


def _account(request: HttpRequest) -> Organisatieaccount | None:
    if not request.user.is_authenticated:
        return None
    return Organisatieaccount.objects.filter(user=request.user).first()


def _profiel_rijen(profiel: scan.Profiel) -> list[tuple[str, str]]:
    """The profile in words, for the check page, the result and the PDF."""
    pc = ParitairComite.objects.filter(slug=profiel.paritair_comite).first()
    ja_nee = {True: Antwoord.JA.label, False: Antwoord.NEE.label}
    return [
        (ProfielForm.base_fields["vorm"].label, Organisatievorm(profiel.vorm).label),
        (ProfielForm.base_fields["grootte"].label, Grootte(profiel.grootte).label),
        (
            ProfielForm.base_fields["paritair_comite"].label,
            f"PC {pc.slug} – {pc.naam}"
            if pc
            else ProfielForm().fields["paritair_comite"].choices[0][1],
        ),
        (
            ProfielForm.base_fields["sector"].label,
            Sector(profiel.sector).label if profiel.sector in Sector.values else "–",
        ),
        (ProfielForm.base_fields["met_minderjarigen"].label, ja_nee[profiel.met_minderjarigen]),
        (ProfielForm.base_fields["intimiteit"].label, ja_nee[profiel.intimiteit]),
    ]


def _uitkomst(huidig: bewaring.Scan, stellingen: list[Stelling]) -> dict:
    """Scores, next steps (with help and cost) and the profile in words."""
    scores = scan.scores(stellingen, huidig.antwoorden)
    stappen = scan.met_hulp(
        scan.volgende_stappen(stellingen, huidig.antwoorden), huidig.profiel.paritair_comite
    )
    return {
        "scores": scores,
        "stappen": stappen,
        "prijs_onbekend": scan.prijs_onbekend(stappen),
        "profiel_rijen": _profiel_rijen(huidig.profiel),
        "balken": grafiek.balken(scores),
        "beschrijving": grafiek.beschrijving(scores),
    }


# -- the scan --------------------------------------------------------------------------------


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """What the quickscan is, how long it takes and where the answers stay. Sets no cookie."""
    huidig = bewaring.lees(request)
    context = {
        "bezig": huidig.profiel is not None,
        "gewist": request.GET.get("gewist") == "1",
        "account": _account(request),
        "aantal": Stelling.objects.count(),
    }
    return render(request, "quickscan/start.html", context)


@require_http_methods(["GET", "POST"])
def organisatie(request: HttpRequest) -> HttpResponse:
    """A few questions about the organisation."""
    huidig = bewaring.lees(request)
    terug_naar_controle = request.GET.get("terug") == "controleren"
    if request.method == "POST":
        form = ProfielForm(request.POST)
        if form.is_valid():
            huidig.profiel = form.profiel()
            stellingen = _stellingen(huidig.profiel)
            if terug_naar_controle:
                # A new profile may bring new statements: those are asked first.
                doel = _eerste_open(huidig, stellingen) or reverse("quickscan:controleren")
            else:
                doel = reverse("quickscan:niveau", args=[_niveaus(stellingen)[0]])
            response = HttpResponseRedirect(doel)
            bewaring.bewaar(response, huidig)
            return response
        status = 400
    else:
        form = ProfielForm(initial=ProfielForm.begin(huidig.profiel))
        status = 200
    context = {"form": form, "stap": 1, "stappen": _aantal_paginas(huidig)}
    return render(request, "quickscan/organisatie.html", context, status=status)


def _aantal_paginas(huidig: bewaring.Scan) -> int:
    """Profile + one page per level + the check page."""
    if huidig.profiel is None:
        return 5
    return 2 + len(_niveaus(_stellingen(huidig.profiel)))


@require_http_methods(["GET", "POST"])
def niveau(request: HttpRequest, niveau: str) -> HttpResponse:
    """The statements of one level of the beleidsdriehoek, as radio groups."""
    if niveau not in Beleidsniveau.values:
        raise Http404
    huidig = bewaring.lees(request)
    if huidig.profiel is None:
        return HttpResponseRedirect(reverse("quickscan:organisatie"))
    stellingen = _stellingen(huidig.profiel)
    niveaus = _niveaus(stellingen)
    if niveau not in niveaus:
        raise Http404
    groep = scan.per_niveau(stellingen)[niveau]
    index = niveaus.index(niveau)
    terug_naar_controle = request.GET.get("terug") == "controleren"
    if request.method == "POST":
        form = StellingenForm(request.POST, stellingen=groep)
        if form.is_valid():
            huidig.antwoorden.update(form.cleaned_data)
            doel = _eerste_open(huidig, stellingen) or reverse("quickscan:controleren")
            if not terug_naar_controle and index + 1 < len(niveaus):
                volgende = reverse("quickscan:niveau", args=[niveaus[index + 1]])
                doel = volgende
            response = HttpResponseRedirect(doel)
            bewaring.bewaar(response, huidig)
            return response
        status = 400
    else:
        begin = {s.slug: huidig.antwoorden[s.slug] for s in groep if s.slug in huidig.antwoorden}
        form = StellingenForm(initial=begin, stellingen=groep)
        status = 200
    if terug_naar_controle:
        terug = reverse("quickscan:controleren")
    elif index == 0:
        terug = reverse("quickscan:organisatie")
    else:
        terug = reverse("quickscan:niveau", args=[niveaus[index - 1]])
    context = {
        "form": form,
        "niveau": Beleidsniveau(niveau),
        "terug": terug,
        "terug_naar_controle": terug_naar_controle,
        "stap": index + 2,
        "stappen": len(niveaus) + 2,
    }
    return render(request, "quickscan/niveau.html", context, status=status)


@require_GET
def controleren(request: HttpRequest) -> HttpResponse:
    """Check your answers, with a change link per page (GOV.UK check-answers pattern)."""
    huidig = bewaring.lees(request)
    if huidig.profiel is None:
        return HttpResponseRedirect(reverse("quickscan:start"))
    stellingen = _stellingen(huidig.profiel)
    open_ = _eerste_open(huidig, stellingen)
    if open_:
        return HttpResponseRedirect(open_)
    groepen = [
        (
            Beleidsniveau(niveau),
            [(s, Antwoord(huidig.antwoorden[s.slug]).label) for s in groep],
        )
        for niveau, groep in scan.per_niveau(stellingen).items()
    ]
    context = {
        "profiel_rijen": _profiel_rijen(huidig.profiel),
        "groepen": groepen,
        "stap": len(groepen) + 2,
        "stappen": len(groepen) + 2,
        "laatste": reverse("quickscan:niveau", args=[groepen[-1][0].value]),
    }
    return render(request, "quickscan/controleren.html", context)


@require_GET
def resultaat(request: HttpRequest) -> HttpResponse:
    """The score per level as a picture and in words, and the next steps."""
    huidig = bewaring.lees(request)
    stellingen = _stellingen(huidig.profiel) if huidig.profiel else []
    if huidig.profiel is None or _eerste_open(huidig, stellingen):
        return HttpResponseRedirect(reverse("quickscan:start"))
    context = {
        **_uitkomst(huidig, stellingen),
        "account": _account(request),
        "bewaard": request.GET.get("bewaard") == "1",
    }
    return render(request, "quickscan/resultaat.html", context)


@require_http_methods(["GET", "POST"])
def rapport_pdf(request: HttpRequest) -> HttpResponse:
    """The result as a PDF report, from the answers in the cookie."""
    huidig = bewaring.lees(request)
    stellingen = _stellingen(huidig.profiel) if huidig.profiel else []
    if huidig.profiel is None or _eerste_open(huidig, stellingen):
        return HttpResponseRedirect(reverse("quickscan:start"))
    uitkomst = _uitkomst(huidig, stellingen)
    inhoud = rapport.maak(
        profiel_rijen=uitkomst["profiel_rijen"],
        scores=uitkomst["scores"],
        stappen=uitkomst["stappen"],
        datum=formats.date_format(timezone.localdate(), "j F Y"),
    )
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="quickscan-rapport.pdf"'
    return response


@require_POST
def wissen(request: HttpRequest) -> HttpResponse:
    """Forget the answers on this device."""
    response = HttpResponseRedirect(reverse("quickscan:start") + "?gewist=1")
    bewaring.wis(response)
    return response


# -- the organisation account ---------------------------------------------------------------


@require_POST
@login_required(login_url=INLOGGEN)
def bewaren(request: HttpRequest) -> HttpResponse:
    """Save the result in the cookie to the organisation's account (an explicit choice)."""
    account = _account(request)
    if account is None:
        raise Http404
    huidig = bewaring.lees(request)
    stellingen = _stellingen(huidig.profiel) if huidig.profiel else []
    if huidig.profiel is None or _eerste_open(huidig, stellingen):
        return HttpResponseRedirect(reverse("quickscan:start"))
    scores = scan.scores(stellingen, huidig.antwoorden)
    gevraagd = {s.slug for s in stellingen}
    Resultaat.objects.create(
        account=account,
        profiel=huidig.profiel.als_dict(),
        antwoorden={k: v for k, v in huidig.antwoorden.items() if k in gevraagd},
        scores={n: {"procent": s.procent, "woord": s.woord} for n, s in scores.items()},
    )
    return HttpResponseRedirect(reverse("quickscan:resultaat") + "?bewaard=1")


@require_http_methods(["GET", "POST"])
def account_nieuw(request: HttpRequest) -> HttpResponse:
    """Sign-up for an organisation account (never staff: no admin access)."""
    if request.method == "POST":
        form = AccountForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                user = get_user_model().objects.create_user(
                    form.cleaned_data["gebruikersnaam"],
                    password=form.cleaned_data["wachtwoord1"],
                    is_staff=False,
                )
                Organisatieaccount.objects.create(user=user, naam=form.cleaned_data["naam"])
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            huidig = bewaring.lees(request)
            klaar = huidig.profiel is not None and not _eerste_open(
                huidig, _stellingen(huidig.profiel)
            )
            return HttpResponseRedirect(
                reverse("quickscan:resultaat" if klaar else "quickscan:mijn-resultaten")
            )
        status = 400
    else:
        form = AccountForm()
        status = 200
    return render(request, "quickscan/account_nieuw.html", {"form": form}, status=status)


class Inloggen(LoginView):
    """Django's login with our form (rate-limited) and template; bad input answers 400."""

    template_name = "quickscan/inloggen.html"
    authentication_form = InlogForm
    redirect_authenticated_user = False

    def get_default_redirect_url(self) -> str:
        return reverse("quickscan:mijn-resultaten")

    def form_invalid(self, form: InlogForm) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)


class Uitloggen(LogoutView):
    next_page = reverse_lazy("quickscan:start")


@require_GET
@login_required(login_url=INLOGGEN)
def mijn_resultaten(request: HttpRequest) -> HttpResponse:
    """The organisation's saved results over time, per level: a table and a picture."""
    account = _account(request)
    if account is None:
        raise Http404
    resultaten = list(account.resultaten.order_by("gemaakt"))
    reeks = [
        (formats.date_format(timezone.localtime(r.gemaakt), "j M Y"), r.scores) for r in resultaten
    ]
    laatste = reeks[-8:]
    context = {
        "account": account,
        "verslagen": list(account.verslagen.order_by("-gemaakt")),
        "rijen": [
            (datum, [(scores.get(n) or {}).get("procent") for n in scan.NIVEAUS])
            for datum, scores in reeks
        ],
        "niveaus": [Beleidsniveau(n) for n in scan.NIVEAUS],
        "groepen": grafiek.verloop(laatste),
        "beschrijving": grafiek.verloop_beschrijving(laatste),
        "breedte": 60 + 90 * max(len(laatste), 1),
        "kleuren": [(Beleidsniveau(n), grafiek.KLEUR[n], grafiek.LETTER[n]) for n in scan.NIVEAUS],
    }
    return render(request, "quickscan/mijn_resultaten.html", context)


# -- the prevention summary (action 1.7) ----------------------------------------------------


def _eigen_verslag(request: HttpRequest, pk: int) -> Preventieverslag:
    """The one check of who may open a summary as its owner: the account that made it.
    Anyone else gets the same 404 as for a summary that does not exist."""
    account = _account(request)
    if account is None:
        raise Http404
    return get_object_or_404(
        Preventieverslag.objects.select_related("account", "resultaat"), pk=pk, account=account
    )


def _verslag_context(verslag_: Preventieverslag) -> dict:
    profiel = scan.Profiel.uit_dict(verslag_.profiel)
    return {
        "verslag": verslag_,
        "scores": _scores_van(verslag_.scores),
        "stappen": verslag.stappen_van(verslag_),
        "vooruitgang": verslag.vooruitgang(verslag_),
        "profiel_rijen": _profiel_rijen(profiel),
        "controlecode": verslag.controlecode(verslag_),
    }


def _scores_van(opgeslagen: dict) -> dict[str, scan.Score]:
    """The saved scores (procent and word per level) as the quickscan's ``Score``."""
    return {
        n: scan.Score(
            n,
            (opgeslagen.get(n) or {}).get("procent"),
            (opgeslagen.get(n) or {}).get("woord", ""),
            0,
        )
        for n in scan.NIVEAUS
    }


@require_http_methods(["GET", "POST"])
@login_required(login_url=INLOGGEN)
def verslag_nieuw(request: HttpRequest) -> HttpResponse:
    """Turn the latest saved result into a signed prevention summary."""
    account = _account(request)
    if account is None:
        raise Http404
    laatste = account.resultaten.order_by("-gemaakt", "-pk").first()
    status = 200
    form = VerslagForm(request.POST or None)
    if request.method == "POST" and laatste is not None:
        if form.is_valid():
            nieuw = verslag.maak(account, **form.cleaned_data)
            return HttpResponseRedirect(reverse("quickscan:verslag", args=[nieuw.pk]))
        status = 400
    context = {"form": form, "laatste": laatste, "account": account}
    return render(request, "quickscan/verslag_nieuw.html", context, status=status)


@require_GET
@login_required(login_url=INLOGGEN)
def verslag_bekijken(request: HttpRequest, pk: int) -> HttpResponse:
    """The organisation's own summary, with its PDF, its seal and the share link's state."""
    eigen = _eigen_verslag(request, pk)
    return render(request, "quickscan/verslag.html", {**_verslag_context(eigen), "eigen": True})


@require_GET
@login_required(login_url=INLOGGEN)
def verslag_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary as a PDF to attach to a subsidy application or an annual report."""
    eigen = _eigen_verslag(request, pk)
    context = _verslag_context(eigen)
    inhoud = rapport.verslag(
        organisatie=eigen.account.naam,
        datum=formats.date_format(timezone.localtime(eigen.gemaakt), "j F Y"),
        ondertekenaar=eigen.ondertekenaar,
        functie=eigen.functie,
        sindsdien=eigen.sindsdien,
        profiel_rijen=context["profiel_rijen"],
        scores=context["scores"],
        stappen=context["stappen"],
        vooruitgang=context["vooruitgang"],
        controlecode=context["controlecode"],
        controleadres=vindbaar.absoluut(request, reverse("quickscan:controle")),
    )
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="preventieverslag.pdf"'
    return response


@require_POST
@login_required(login_url=INLOGGEN)
def verslag_delen(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a link for the department; the link is shown on this answer only."""
    eigen = _eigen_verslag(request, pk)
    sleutel = verslag.deel(eigen)
    link = vindbaar.absoluut(request, reverse("quickscan:gedeeld", args=[sleutel]))
    context = {**_verslag_context(eigen), "eigen": True, "deellink": link}
    return render(request, "quickscan/verslag.html", context)


@require_POST
@login_required(login_url=INLOGGEN)
def verslag_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the department's link at once."""
    eigen = _eigen_verslag(request, pk)
    verslag.trek_in(eigen)
    return HttpResponseRedirect(reverse("quickscan:verslag", args=[eigen.pk]) + "?ingetrokken=1")


@require_GET
@departement_vereist
def gedeeld(request: HttpRequest, sleutel: str) -> HttpResponse:
    """A summary an organisation shared with the department, while the link is open."""
    gevonden = verslag.gedeeld(sleutel)
    if gevonden is None:
        return render(request, "quickscan/verslag_niet_gedeeld.html", status=404)
    return render(request, "quickscan/verslag.html", _verslag_context(gevonden))


@require_GET
@departement_vereist
def verslagen_overzicht(request: HttpRequest) -> HttpResponse:
    """For the department: which organisations share a summary, and how they progress, in
    aggregate by sector and by paritair comité."""
    gedeelde = verslag.gedeelde_verslagen()
    comites = {pc.slug: pc for pc in ParitairComite.objects.all()}
    context = {
        "verslagen": gedeelde,
        "niveaus": [Beleidsniveau(n) for n in scan.NIVEAUS],
        "per_sector": [
            (Sector(g.sleutel).label if g.sleutel in Sector.values else _("niet opgegeven"), g)
            for g in verslag.overzicht(gedeelde, "sector")
        ],
        "per_comite": [
            (comites[g.sleutel].afkorting if g.sleutel in comites else _("niet opgegeven"), g)
            for g in verslag.overzicht(gedeelde, "paritair_comite")
        ],
    }
    return render(request, "quickscan/verslagen_overzicht.html", context)


@require_GET
def controle(request: HttpRequest) -> HttpResponse:
    """Anyone holding a summary checks its code: issued by Vangnet, and what it says."""
    form = ControleForm(request.GET or None)
    gevonden = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            gevonden = verslag.uit_controlecode(form.cleaned_data["code"])
            if gevonden is None:
                form.add_error("code", _("Deze code hoort niet bij een verslag van Vangnet."))
        if not form.is_valid():
            status = 400
    context = {"form": form, "gevonden": gevonden}
    if gevonden is not None:
        context["scores"] = _scores_van(gevonden.scores)
    return render(request, "quickscan/controle.html", context, status=status)

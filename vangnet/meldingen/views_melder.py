"""The reporter's side of the reporting channel: choose a receiver, report, follow up.

Nothing about the request (address, browser) is stored or logged here. The receipt is
shown once, on the page the report redirects to: it never sits in a session or a URL, and
in the database only encrypted with a key the database does not hold, until that page
takes it out (``verzending.py``). Access to a case is checked only in ``toegang.py``; every
change goes through ``acties.py``.
"""

import contextlib
import math
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.multipartparser import MultiPartParserError
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, get_language_info, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from vangnet.accounts.drempels import wachttijd_tekst
from vangnet.core import storing, vindbaar
from vangnet.kaart.choices import Gedrag, Wanneer
from vangnet.kaart.choices import Status as MelderStatus
from vangnet.meldingen import (
    acties,
    drempels,
    kluis,
    ontvangstbewijs,
    toegang,
    verzending,
    workflow,
)
from vangnet.meldingen.choices import (
    Auteur,
    Beslissing,
    Contactwens,
    Kanaal,
    Omvang,
    OntvangerSoort,
    PartijRol,
    Stap,
    Status,
    Wens,
)
from vangnet.meldingen.forms_melder import (
    MAX_TEKST,
    BerichtForm,
    BeslissingForm,
    OpvolgForm,
    WissenForm,
)
from vangnet.meldingen.models import Ontvanger, Partij
from vangnet.meldingen.upload import BegrensdeGeheugenUpload
from vangnet.meldingen.vragenlijst import EXTRA, formulier_voor

SJABLONEN = "meldingen/melder/"
# The kinds of receiver a person may report to directly.
MELDBARE_SOORTEN = [
    OntvangerSoort.API,
    OntvangerSoort.VERTROUWENSPERSOON,
    OntvangerSoort.PEER_SUPPORT,
    OntvangerSoort.MELDPUNT_PUBLIEK,
]
ONBEKEND_BEWIJS = _("Dit ontvangstbewijs kennen we niet. Kijk de cijfers na.")
ONLEESBAAR = _(
    "We konden je formulier niet goed ontvangen. Vul het opnieuw in en verstuur het nog eens."
)
OPNIEUW_KIEZEN = _(
    "Kies je bestanden opnieuw: een browser kan ze niet bewaren als er iets fout ging."
)
NIET_VERSTUURD = _(
    "Je melding is NIET verstuurd: Vangnet kan zijn gegevens even niet bereiken. Alles wat je "
    "schreef, staat nog in het formulier. Probeer het over enkele minuten opnieuw."
)
VERLOPEN = _(
    "Je melding is niet verstuurd: dit formulier stond te lang open. Je tekst staat er nog. "
    "Kijk hem na en verstuur opnieuw."
)
REDEN_WISSEN = "op verzoek van de melder"


# --- Choosing a receiver ----------------------------------------------------------------


def _open_ontvangers():
    nu = timezone.now()
    return (
        Ontvanger.objects.filter(actief=True, soort__in=MELDBARE_SOORTEN)
        .filter(Q(venster_start__isnull=True) | Q(venster_start__lte=nu))
        .filter(Q(venster_einde__isnull=True) | Q(venster_einde__gte=nu))
        .order_by("naam")
    )


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The receivers on Vangnet that take reports now, and the way back for a receipt."""
    return render(request, SJABLONEN + "index.html", {"ontvangers": _open_ontvangers()})


def _ontvanger(slug: str) -> Ontvanger:
    return get_object_or_404(Ontvanger.objects.select_related("terugval"), slug=slug, actief=True)


@require_safe
def kort(request: HttpRequest, slug: str) -> HttpResponse:
    """The short address under a QR code: on to the receiver's form."""
    return redirect(_ontvanger(slug).get_absolute_url())


# --- Reporting --------------------------------------------------------------------------


def _ontvang_upload(request: HttpRequest) -> tuple[BegrensdeGeheugenUpload, str]:
    """Read the request body with uploads kept in memory; an unreadable body gives a message.

    Must run before anything touches ``request.POST`` or ``request.FILES``.
    """
    upload = BegrensdeGeheugenUpload(request)
    request.upload_handlers = [upload]
    try:
        request.POST  # noqa: B018 - reading it parses the body, with the handler above
        request.FILES  # noqa: B018
    except (MultiPartParserError, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
        return upload, str(ONLEESBAAR)
    return upload, ""


def _bijlagenfout(form, upload: BegrensdeGeheugenUpload) -> None:
    if upload.gestopt:
        form.add_error("bijlagen" if "bijlagen" in form.fields else None, upload.fout)


def _talen(request: HttpRequest, ontvanger: Ontvanger) -> list[dict]:
    """The receiver's languages with this page in each, when the current one is not among them."""
    if not ontvanger.talen or get_language() in ontvanger.talen:
        return []
    return [
        {
            "code": code,
            "naam": get_language_info(code)["name_local"],
            "url": translate_url(request.path, code),
        }
        for code in ontvanger.talen
    ]


def _toon_formulier(
    request: HttpRequest,
    ontvanger: Ontvanger,
    form,
    *,
    ontvangstfout: str = "",
    opnieuw_kiezen: bool = False,
    status: int = 200,
) -> HttpResponse:
    # A form shown again keeps its token while it is valid: it was not used (nothing was
    # filed), and a copy of this form in another tab must still file only once.
    token = request.POST.get(verzending.VELD, "") if request.method == "POST" else ""
    if verzending.lees_token(token) is None:
        token = verzending.nieuw_token()
    return render(
        request,
        SJABLONEN + "formulier.html",
        {
            "ontvanger": ontvanger,
            "form": form,
            "publiek": ontvanger.soort == OntvangerSoort.MELDPUNT_PUBLIEK,
            "talen": _talen(request, ontvanger),
            "ontvangstfout": ontvangstfout,
            "opnieuw_kiezen": OPNIEUW_KIEZEN if opnieuw_kiezen else "",
            "verzendveld": verzending.VELD,
            "verzendtoken": token,
        },
        status=status,
    )


def _buiten_venster(request: HttpRequest, ontvanger: Ontvanger, stand: str) -> HttpResponse:
    """A public reporting point before or after its opening window, with where to go instead.

    A report sent outside the window (a form left open while the point closed) is refused
    and filed nowhere; the page says so and gives the text back, to take elsewhere.
    """
    context = {"ontvanger": ontvanger, "stand": stand, "geweigerd": request.method == "POST"}
    status = 200 if stand == "voor" else 410
    if request.method == "POST":
        # Uploads stay in memory (never on disk), as for a report that is taken.
        _ontvang_upload(request)
        context["tekst"] = request.POST.get("wat", "")[:MAX_TEKST]
        status = 403 if stand == "voor" else 410
    return render(request, SJABLONEN + "venster.html", context, status=status)


@csrf_exempt  # the CSRF check runs in _dien_in, once the upload handler is in place
@require_http_methods(["GET", "POST"])
def formulier(request: HttpRequest, slug: str) -> HttpResponse:
    """A receiver's public page with its report form; a valid report shows the receipt."""
    try:
        ontvanger = _ontvanger(slug)
    except DatabaseError as fout:
        if request.method != "POST" or not storing.is_storing(fout):
            raise
        # The database was away before the form could be built: what was typed comes back
        # on a page that needs no database, to be sent again from there.
        storing.meld(request, fout)
        _ontvang_upload(request)
        return _niet_verstuurd(request)
    stand = ontvanger.venster_stand(timezone.now())
    if stand != "open":
        return _buiten_venster(request, ontvanger, stand)
    if request.method == "GET":
        return _toon_formulier(request, ontvanger, formulier_voor(ontvanger))
    upload, fout = _ontvang_upload(request)
    if fout:
        return _toon_formulier(
            request, ontvanger, formulier_voor(ontvanger), ontvangstfout=fout, status=400
        )
    return _dien_in(request, ontvanger, upload)


def _naar_ontvangstbewijs(token: str) -> HttpResponse:
    """Post/redirect/get: the receipt is shown by a GET, so a reload files nothing again."""
    response = HttpResponseRedirect(reverse("meldingen:verstuurd"), status=303)
    return verzending.naar_bewijs(response, token)


@csrf_protect
def _dien_in(
    request: HttpRequest, ontvanger: Ontvanger, upload: BegrensdeGeheugenUpload
) -> HttpResponse:
    token = verzending.lees_token(request.POST.get(verzending.VELD))
    form = None
    wacht = None  # set when the rate limit turns this report away
    try:
        if token is not None and verzending.al_verstuurd(token):
            # A reload, a double click or a retried POST: the case exists, on to its receipt.
            return _naar_ontvangstbewijs(token)
        form = formulier_voor(ontvanger, request.POST, request.FILES)
        geldig = form.is_valid()
        _bijlagenfout(form, upload)
        if not geldig or upload.gestopt:
            return _toon_formulier(
                request, ontvanger, form, opnieuw_kiezen=bool(request.FILES) or upload.gestopt
            )
        if token is None:
            # Without a valid token we cannot tell a first send from a repeat: nothing filed.
            return _toon_formulier(
                request,
                ontvanger,
                form,
                ontvangstfout=str(VERLOPEN),
                opnieuw_kiezen=bool(request.FILES),
                status=400,
            )
        # A read first: a flood is turned away before it costs an Argon2id. The attempt is
        # counted in the report's own transaction (one commit, one fsync, for both).
        wacht = drempels.wacht_voor_melding(request, ontvanger.pk)
        if wacht is None:
            # AlVerstuurd: the same form, sent twice at once; the other request filed it.
            with contextlib.suppress(verzending.AlVerstuurd):
                acties.dien_in(
                    ontvanger,
                    form.inzending(get_language()),
                    verzendtoken=token,
                    toelating=lambda: drempels.probeer_melding(request, ontvanger.pk),
                )
    except acties.NietToegelaten as te_veel:
        wacht = te_veel.wachttijd
    except DatabaseError as fout:
        if not storing.is_storing(fout):
            raise
        # The report is one transaction: nothing of it was stored. Say so, and keep the text.
        storing.meld(request, fout)
        if form is None:
            return _niet_verstuurd(request)
        response = _toon_formulier(
            request,
            ontvanger,
            form,
            ontvangstfout=str(NIET_VERSTUURD),
            opnieuw_kiezen=bool(request.FILES),
            status=503,
        )
        response["Retry-After"] = str(storing.OPNIEUW_NA)
        return response
    if wacht is not None:
        # A flood from this network to this receiver: nothing is filed, the text stays.
        return _toon_formulier(
            request,
            ontvanger,
            form,
            ontvangstfout=_te_veel_meldingen(wacht),
            opnieuw_kiezen=bool(request.FILES),
            status=429,
        )
    return _naar_ontvangstbewijs(token)


# Free-text fields of the report forms, with their labels, for the page that gives them back
# when the form itself could not be built (the database was away).
_TEKSTVELDEN = {
    "wat": _("Wat is er gebeurd?"),
    "waar": _("Waar gebeurde het?"),
    "naam": _("Je naam"),
    "email": _("E-mailadres"),
    "telefoon": _("Telefoonnummer"),
}


@csrf_protect
def _niet_verstuurd(request: HttpRequest) -> HttpResponse:
    """What was typed, back in a form to send again, on a 503 page that needs no database."""
    teksten, verborgen = [], []
    for naam in request.POST:
        if naam in ("csrfmiddlewaretoken", verzending.VELD):
            continue
        waarden = request.POST.getlist(naam)
        if naam in _TEKSTVELDEN or naam.startswith(EXTRA):
            label = _TEKSTVELDEN.get(naam, _("Je antwoord op een vraag van het team"))
            teksten.append({"naam": naam, "label": label, "waarde": waarden[-1]})
        else:
            verborgen.extend({"naam": naam, "waarde": waarde} for waarde in waarden)
    token = request.POST.get(verzending.VELD, "")
    return storing.antwoord(
        request,
        SJABLONEN + "niet_verstuurd.html",
        {
            "csrf_token": get_token(request),
            "melding": NIET_VERSTUURD,
            "opnieuw_kiezen": OPNIEUW_KIEZEN if request.FILES else "",
            "teksten": teksten,
            "verborgen": verborgen,
            "verzendveld": verzending.VELD,
            "verzendtoken": token if verzending.lees_token(token) else verzending.nieuw_token(),
        },
    )


def _te_veel_meldingen(wacht: timedelta) -> str:
    minuten = max(1, math.ceil(wacht.total_seconds() / 60))
    return ngettext(
        "Je melding is niet verstuurd: vanaf dit netwerk kwamen er net heel veel meldingen "
        "binnen. Je tekst staat er nog. Verstuur opnieuw over %(minuten)s minuut.",
        "Je melding is niet verstuurd: vanaf dit netwerk kwamen er net heel veel meldingen "
        "binnen. Je tekst staat er nog. Verstuur opnieuw over %(minuten)s minuten.",
        minuten,
    ) % {"minuten": minuten}


@require_safe
def verstuurd(request: HttpRequest) -> HttpResponse:
    """The receipt of the report just sent, shown once; after that, only that it was sent."""
    getoond = verzending.neem(request)
    if getoond is None:
        response = render(request, SJABLONEN + "al_getoond.html")
    else:
        response = render(
            request,
            SJABLONEN + "ontvangstbewijs.html",
            {
                # The name travels with the receipt; a receipt waiting from before it did
                # reads it (filter().first(): a receiver removed meanwhile must not cost it).
                "ontvanger_naam": getoond.ontvanger_naam
                or getattr(Ontvanger.objects.filter(pk=getoond.ontvanger_id).first(), "naam", ""),
                "code": getoond.code,
                "groepen": getoond.code.split(),
                "opvolgen": vindbaar.absoluut(request, reverse("meldingen:opvolgen")),
            },
        )
    return verzending.vergeet(response)


@require_POST
def ontvangstbewijs_bestand(request: HttpRequest) -> HttpResponse:
    """The receipt as a small text file, to keep somewhere safe."""
    cijfers = ontvangstbewijs.normaliseer(request.POST.get("ontvangstbewijs", ""))
    if cijfers is None:
        return render(request, SJABLONEN + "ontvangstbewijs_fout.html", status=400)
    opvolgen = vindbaar.absoluut(request, reverse("meldingen:opvolgen"))
    tekst = "\n".join(
        [
            gettext("Vangnet – je ontvangstbewijs"),
            "",
            ontvangstbewijs.opmaak(cijfers),
            "",
            gettext("Volg je melding op via %(adres)s") % {"adres": opvolgen},
            gettext("Wie dit ontvangstbewijs heeft, kan je melding lezen. Bewaar het veilig."),
            "",
        ]
    )
    response = HttpResponse(tekst, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "ontvangstbewijs.txt")
    return response


# --- Following up -----------------------------------------------------------------------


def _naar_opvolgen(request: HttpRequest) -> HttpResponse | None:
    """Back to the receipt form when this session holds no party (any more), else None."""
    if toegang.partij_van(request) is not None:
        return None
    verlopen = request.session.pop(toegang.PARTIJ_ID, None) is not None
    messages.info(
        request,
        _("Je sessie is verlopen. Geef je ontvangstbewijs opnieuw in.")
        if verlopen
        else _("Geef je ontvangstbewijs in om je melding te openen."),
    )
    return redirect("meldingen:opvolgen")


@require_http_methods(["GET", "POST"])
def opvolgen(request: HttpRequest) -> HttpResponse:
    """Come back with the receipt; a party already in this session sees its cases."""
    if request.method == "POST":
        return _open_met_ontvangstbewijs(request)
    gevonden = toegang.partij_van(request)
    if gevonden is None:
        return render(request, SJABLONEN + "opvolgen.html", {"form": OpvolgForm()})
    partij, _prive = gevonden
    return render(
        request,
        SJABLONEN + "meldingen.html",
        {"meldingen": toegang.meldingen_van_partij(partij), "melder": _is_melder(partij)},
    )


def _open_met_ontvangstbewijs(request: HttpRequest) -> HttpResponse:
    form = OpvolgForm(request.POST)
    if not form.is_valid():
        return render(request, SJABLONEN + "opvolgen.html", {"form": form})
    beurt = drempels.probeer_ontvangstbewijs(request)
    if not beurt.toegelaten:
        # Too fast: the code is not even tried, so guessing on gains nothing. A short wait,
        # never a lock: the right receipt opens as soon as it has passed.
        return render(
            request,
            SJABLONEN + "opvolgen.html",
            {"form": OpvolgForm(), "geblokkeerd": wachttijd_tekst(beurt.wachttijd)},
            status=429,
        )
    gevonden = acties.open_partij(form.cleaned_data["ontvangstbewijs"])
    if gevonden is None:
        form.add_error("ontvangstbewijs", ONBEKEND_BEWIJS)
        return render(request, SJABLONEN + "opvolgen.html", {"form": form})
    beurt.gelukt()
    partij, prive = gevonden
    # A new session id, so whoever knew the old one does not share this party's session
    # (a visitor without a session gets a fresh one anyway: nothing to cycle, nothing to save).
    if request.session.session_key:
        request.session.cycle_key()
    kluis.vernieuw(request)  # a vault cookie set before this sign-in protects nothing now
    kluis.bewaar(request, toegang.PARTIJ_SLEUTEL, prive)
    request.session[toegang.PARTIJ_ID] = partij.pk
    meldingen = toegang.meldingen_van_partij(partij)
    if len(meldingen) == 1:
        return redirect("meldingen:dossier", pk=meldingen[0].pk)
    return redirect("meldingen:opvolgen")


def _is_melder(partij: Partij) -> bool:
    return partij.rol == PartijRol.MELDER


def _label(keuzes, waarde: str) -> str:
    return str(keuzes(waarde).label) if waarde in keuzes.values else waarde


def _verslag(inhoud: dict) -> list[tuple[str, str]]:
    """The reporter's own report as (question, answer) rows, answered questions only."""
    antwoorden = inhoud.get("antwoorden", {})
    rijen = [
        (_("Doorverwezen door"), inhoud.get("doorverwezen_door", "")),
        (_("Samenvatting"), inhoud.get("samenvatting", "")),
        (_("Wat er gebeurde"), antwoorden.get("wat", "")),
        (_("Wanneer"), _label(Wanneer, antwoorden.get("wanneer", ""))),
        (_("Waar"), antwoorden.get("waar", "")),
        (_("Gedrag"), ", ".join(_label(Gedrag, g) for g in antwoorden.get("gedrag", []))),
        (_("Jouw rol"), _label(MelderStatus, antwoorden.get("rol", ""))),
        *antwoorden.get("extra", {}).items(),
        (_("Wat je wilt"), ", ".join(_label(Wens, w) for w in inhoud.get("wensen", []))),
        (
            _("Gewenst contact"),
            ", ".join(_label(Contactwens, c) for c in antwoorden.get("contact", [])),
        ),
        (_("Je naam"), inhoud.get("naam", "")),
        (_("E-mailadres"), inhoud.get("email", "")),
        (_("Telefoonnummer"), inhoud.get("telefoon", "")),
    ]
    return [(vraag, str(antwoord)) for vraag, antwoord in rijen if antwoord]


# What a reporter may decide on each line of the consent ledger, by its current state.
_KNOPPEN = {
    Beslissing.GEVRAAGD: [
        (Beslissing.GEGEVEN, _("Ik geef toestemming")),
        (Beslissing.GEWEIGERD, _("Ik weiger")),
    ],
    Beslissing.GEGEVEN: [(Beslissing.INGETROKKEN, _("Trek mijn toestemming in"))],
    Beslissing.GEWEIGERD: [(Beslissing.GEGEVEN, _("Geef alsnog toestemming"))],
    Beslissing.INGETROKKEN: [(Beslissing.GEGEVEN, _("Geef opnieuw toestemming"))],
}


def _toestemmingen(dossier: toegang.Dossier) -> list[dict]:
    regels = []
    for toestemming in dossier.melding.toestemmingen.select_related("doel"):
        details = acties.toestemming_details(toestemming, dossier.sleutel)
        regels.append(
            {
                "toestemming": toestemming,
                "stap": Stap(toestemming.stap).label,
                "doel": toestemming.doel.naam if toestemming.doel_id else details["extern"],
                "omvang": Omvang(toestemming.omvang).label if toestemming.omvang else "",
                "samenvatting": (
                    details["samenvatting"] if toestemming.omvang == Omvang.SAMENVATTING else ""
                ),
                "knoppen": _KNOPPEN[toestemming.beslissing],
            }
        )
    return regels


def _auteur(bericht, melder: bool) -> str:
    eigen = Auteur.MELDER if melder else Auteur.ANDERE_PARTIJ
    if bericht.auteur == eigen:
        return gettext("Jij")
    if bericht.auteur == Auteur.BEHANDELAAR:
        return bericht.behandelaar.weergavenaam if bericht.behandelaar else gettext("Het team")
    return Auteur(bericht.auteur).label


def _toon_dossier(
    request: HttpRequest,
    dossier: toegang.Dossier,
    *,
    berichtform: BerichtForm | None = None,
    ontvangstfout: str = "",
    opnieuw_kiezen: bool = False,
    status: int = 200,
) -> HttpResponse:
    melding = dossier.melding
    melder = dossier.kanaal == Kanaal.MELDER
    berichten = acties.berichten(melding, dossier.sleutel, dossier.kanaal)
    for regel in berichten:
        regel["auteur"] = _auteur(regel["bericht"], melder)
    open_ = melding.status != Status.AFGESLOTEN
    context = {
        "melding": melding,
        "melder": melder,
        "status": workflow.IN_GEWONE_WOORDEN[melding.status],
        "berichten": berichten,
        "bijlagen": acties.bijlagen(melding, dossier.sleutel, dossier.kanaal),
        "open": open_,
        "form": berichtform or (BerichtForm() if open_ else None),
        "ontvangstfout": ontvangstfout,
        "opnieuw_kiezen": OPNIEUW_KIEZEN if opnieuw_kiezen else "",
    }
    if melder:
        context["verslag"] = _verslag(acties.inhoud(melding, dossier.sleutel))
        context["toestemmingen"] = _toestemmingen(dossier)
    return render(request, SJABLONEN + "dossier.html", context, status=status)


@require_safe
def dossier(request: HttpRequest, pk: int) -> HttpResponse:
    """One case as its reporter (or the other party) sees it."""
    if terug := _naar_opvolgen(request):
        return terug
    gevonden = toegang.melding_voor_partij(request, pk)
    response = _toon_dossier(request, gevonden)
    if gevonden.kanaal == Kanaal.MELDER:
        acties.markeer_gelezen(gevonden.melding, door_partij=True)
    return response


@csrf_exempt  # the CSRF check runs in _stuur, once the upload handler is in place
@require_POST
def bericht(request: HttpRequest, pk: int) -> HttpResponse:
    """A reply to the team, with attachments if any."""
    if terug := _naar_opvolgen(request):
        return terug
    gevonden = toegang.melding_voor_partij(request, pk, lezen=False)
    upload, fout = _ontvang_upload(request)
    if fout:
        return _toon_dossier(request, gevonden, ontvangstfout=fout, status=400)
    return _stuur(request, gevonden, upload)


@csrf_protect
def _stuur(
    request: HttpRequest, dossier: toegang.Dossier, upload: BegrensdeGeheugenUpload
) -> HttpResponse:
    form = BerichtForm(request.POST, request.FILES)
    geldig = form.is_valid()
    _bijlagenfout(form, upload)
    if not geldig or upload.gestopt:
        return _toon_dossier(
            request,
            dossier,
            berichtform=form,
            opnieuw_kiezen=bool(request.FILES) or upload.gestopt,
        )
    auteur = Auteur.MELDER if dossier.kanaal == Kanaal.MELDER else Auteur.ANDERE_PARTIJ
    try:
        acties.stuur_bericht(
            dossier.melding,
            dossier.sleutel,
            form.cleaned_data["tekst"],
            auteur=auteur,
            kanaal=dossier.kanaal,
            bijlagen=form.cleaned_data["bijlagen"],
        )
    except acties.Geweigerd as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, _("Je bericht is verstuurd."))
    return redirect(reverse("meldingen:dossier", args=[dossier.melding.pk]) + "#gesprek")


_NA_BESLISSING = {
    Beslissing.GEGEVEN: _("Je gaf je toestemming. Het team ziet het meteen."),
    Beslissing.GEWEIGERD: _("Je weigerde. Het team ziet het meteen."),
    Beslissing.INGETROKKEN: _("Je trok je toestemming in. Het team ziet het meteen."),
}


def _melder_dossier(request: HttpRequest, pk: int) -> toegang.Dossier:
    gevonden = toegang.melding_voor_partij(request, pk, lezen=False)
    if gevonden.kanaal != Kanaal.MELDER:
        raise Http404  # the other party has no consent ledger and no report to delete
    return gevonden


@require_POST
def toestemming(request: HttpRequest, pk: int, toestemming: int) -> HttpResponse:
    """The reporter gives, refuses, withdraws or gives again one consent."""
    if terug := _naar_opvolgen(request):
        return terug
    gevonden = _melder_dossier(request, pk)
    regel = get_object_or_404(gevonden.melding.toestemmingen, pk=toestemming)
    form = BeslissingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies wat je beslist."))
    else:
        beslissing = form.cleaned_data["beslissing"]
        try:
            acties.beslis(regel, beslissing)
        except acties.Geweigerd as fout:
            messages.error(request, str(fout))
        else:
            messages.success(request, _NA_BESLISSING[beslissing])
    return redirect(reverse("meldingen:dossier", args=[pk]) + "#toestemmingen")


@require_http_methods(["GET", "POST"])
def wissen(request: HttpRequest, pk: int) -> HttpResponse:
    """The reporter deletes their report for good, after confirming."""
    if terug := _naar_opvolgen(request):
        return terug
    gevonden = _melder_dossier(request, pk)
    form = WissenForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return render(
            request, SJABLONEN + "wissen.html", {"melding": gevonden.melding, "form": form}
        )
    acties.vernietig(gevonden.melding, reden=REDEN_WISSEN)
    nog_meldingen = Partij.objects.filter(pk=gevonden.partij.pk).exists()
    kluis.sluit(request)
    request.session.pop(toegang.PARTIJ_ID, None)
    return render(request, SJABLONEN + "gewist.html", {"nog_meldingen": nog_meldingen})


@require_safe
def bijlage(request: HttpRequest, pk: int, bijlage: int) -> HttpResponse:
    """One attachment of the conversation, decrypted, always as a download."""
    if terug := _naar_opvolgen(request):
        return terug
    gevonden = toegang.melding_voor_partij(request, pk)
    rij = get_object_or_404(gevonden.melding.bijlagen, pk=bijlage, kanaal=gevonden.kanaal)
    meta, data = acties.lees_bijlage(rij, gevonden.sleutel)
    response = HttpResponse(data, content_type=meta["soort"])
    response["Content-Disposition"] = content_disposition_header(True, meta["naam"])
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def afsluiten(request: HttpRequest) -> HttpResponse:
    """Close the follow-up: forget the key and the whole session."""
    kluis.sluit(request)
    request.session.flush()
    messages.info(request, _("Je bent afgemeld. Je melding blijft bewaard."))
    return redirect("meldingen:index")

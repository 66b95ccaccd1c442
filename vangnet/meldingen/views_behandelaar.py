"""The handlers' side of the reporting channel: signing in with two factors, the inbox,
and the case page with everything a handler does on a case.

Who may see what is decided in toegang.py; every change goes through acties.py or
workflow.py. A handler's private key is unlocked once, at sign-in, and kept in the
session vault (kluis.py); it is gone after half an hour without activity.
"""

import logging
import math
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from urllib.parse import urlencode

from django.contrib import auth, messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import django_otp
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.accounts import tweestap
from vangnet.accounts.drempels import BEHANDELAAR_AANMELDEN, wachttijd_tekst
from vangnet.kaart.choices import Gedrag, Wanneer
from vangnet.kaart.choices import Status as MelderStatus
from vangnet.meldingen import acties, audit, drempels, inschrijving, kluis, toegang, workflow
from vangnet.meldingen.choices import (
    Beslissing,
    Contactwens,
    Handeling,
    Kanaal,
    Omvang,
    Rol,
    Stap,
    Status,
    Wens,
)
from vangnet.meldingen.forms_behandelaar import (
    AanmeldForm,
    AanmeldMetCodeForm,
    AfsluitForm,
    BerichtForm,
    ClassificatieForm,
    CodeForm,
    ConflictForm,
    ExtravraagForm,
    InschrijfForm,
    KeuzeUitLijstForm,
    MelderBerichtForm,
    NotitieForm,
    StatusForm,
    ToestemmingForm,
    ToewijzenForm,
    WachtwoordForm,
)
from vangnet.meldingen.models import (
    Behandelaar,
    Melding,
    Toestemming,
)
from vangnet.meldingen.toegang import Dossier
from vangnet.meldingen.upload import BegrensdeGeheugenUpload

logger = logging.getLogger(__name__)

SJABLONEN = "meldingen/behandelaar/"
# One message for every failed sign-in: it must not tell which part was wrong.
VERKEERD = gettext_lazy("Deze gegevens kloppen niet.")
# Far beyond any deadline: cases without one sort last.
GEEN_TERMIJN = datetime.max.replace(tzinfo=UTC)


# --- Signing in and out -----------------------------------------------------------------


def _volgende(request: HttpRequest) -> str:
    """The ``next`` address if it stays on this site, else empty."""
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return ""


def _met_volgende(url_naam: str, volgende: str) -> str:
    url = reverse(url_naam)
    return f"{url}?{urlencode({'next': volgende})}" if volgende else url


def _meld_af(request: HttpRequest) -> None:
    """Sign a handler (or someone halfway through signing in) out and forget their key.

    Someone who is not signed in as a user has nothing to sign out of here: a reporter
    following up in the same browser keeps their session (only their own "sign out", the
    quick exit or their idle timeout ends it).
    """
    if not request.user.is_authenticated:
        return
    kluis.sluit(request)
    auth.logout(request)


@require_http_methods(["GET", "POST"])
def aanmelden(request: HttpRequest) -> HttpResponse:
    """First factor: user name and password, which also unlock the handler's key.

    Every failure gets the same message and counts against the name from this network,
    against the network and against the name (``BEHANDELAAR_AANMELDEN``): no lock-out of
    the owner, but no quick guessing either. Once a name is being guessed, the code from the
    app is asked on this same page and checked together with the password.
    """
    volgende = _volgende(request)
    if toegang.behandelaar_van(request) and toegang.prive_sleutel(request):
        return redirect(volgende or "meldingen:overzicht")
    form = AanmeldForm(request.POST or None)
    status = 200
    if request.method == "POST":
        beurt = BEHANDELAAR_AANMELDEN.probeer(request, request.POST.get("username", ""))
        if beurt.tweede_factor_vooraf:
            form = AanmeldMetCodeForm(request.POST)
        if not beurt.toegelaten:
            # No password check at all while waiting.
            form.full_clean()
            form.add_error(None, wachttijd_tekst(beurt.wachttijd))
            status = 429
        elif not form.is_valid():
            beurt.niet_geprobeerd()
        elif (stap := _probeer_aan_te_melden(request, form)) is not None:
            beurt.gelukt()
            if stap == KLAAR:
                return redirect(volgende or "meldingen:overzicht")
            return redirect(_met_volgende("meldingen:tweede-stap", volgende))
        else:
            form.add_error(None, VERKEERD)
    context = {"form": form, "next": volgende}
    return render(request, SJABLONEN + "aanmelden.html", context, status=status)


KLAAR, TWEEDE_STAP = "klaar", "tweede-stap"


def _probeer_aan_te_melden(request: HttpRequest, form: AanmeldForm) -> str | None:
    """Sign in with what the form holds: KLAAR when the code was checked too, TWEEDE_STAP
    when the code comes next, None when anything is wrong."""
    wachtwoord = form.cleaned_data["password"]
    user = auth.authenticate(request, username=form.cleaned_data["username"], password=wachtwoord)
    behandelaar = Behandelaar.objects.filter(user=user).first() if user else None
    if behandelaar is None:
        return None
    toestel = None
    if "code" in form.cleaned_data:
        toestel = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        # Without an app yet (first sign-in) there is no code to ask: enrolment follows.
        if toestel is not None and not _code_klopt(toestel, form.cleaned_data["code"]):
            return None
    prive = acties.ontgrendel(behandelaar, wachtwoord)
    if prive is None:
        # The login password and the key's password drifted apart (set outside Vangnet?).
        logger.warning("De sleutel van behandelaar %s opent niet met het wachtwoord.", user.pk)
        return None
    auth.login(request, user)  # also gives the session a new key
    kluis.vernieuw(request)  # and the vault a new cookie
    kluis.bewaar(request, toegang.BEHANDELAAR_SLEUTEL, prive)
    acties.vul_herstel_aan(behandelaar, prive)  # teams joined since the last sign-in
    if toestel is None:
        return TWEEDE_STAP
    django_otp.login(request, toestel)
    return KLAAR


def _code_klopt(toestel: TOTPDevice, code: str) -> bool:
    # django-otp's own throttle per device still applies; only someone who knows the
    # password can set it off, since the code is tried only after the password passed.
    toegelaten, _info = toestel.verify_is_allowed()
    return toegelaten and toestel.verify_token(code)


@require_http_methods(["GET", "POST"])
def inschrijven(request: HttpRequest) -> HttpResponse:
    """A one-time enrolment link: the handler chooses their password, then sets up the app.

    The token travels in the query string (never in the access log, see gunicorn.conf.py)
    and then in the form; an unknown, used or expired link gets one plain answer.
    """
    token = request.POST.get("code") or request.GET.get("code", "")
    gevonden = inschrijving.open_link(token)
    if gevonden is None:
        return render(request, SJABLONEN + "inschrijven_ongeldig.html", status=404)
    link, prive = gevonden
    behandelaar = link.behandelaar
    form = InschrijfForm(request.POST or None, behandelaar=behandelaar)
    if request.method == "POST" and form.is_valid():
        if not inschrijving.gebruik(link, prive, form.cleaned_data["nieuw"]):
            return render(request, SJABLONEN + "inschrijven_ongeldig.html", status=404)
        _meld_af(request)  # whoever was signed in in this browser
        auth.login(request, behandelaar.user, backend="django.contrib.auth.backends.ModelBackend")
        kluis.vernieuw(request)
        kluis.bewaar(request, toegang.BEHANDELAAR_SLEUTEL, prive)
        inschrijving.sta_app_instellen_toe(request)
        return redirect("meldingen:tweede-stap")
    context = {"form": form, "code": token, "link": link}
    return render(request, SJABLONEN + "inschrijven.html", context)


@require_http_methods(["GET", "POST"])
def tweede_stap(request: HttpRequest) -> HttpResponse:
    """Second factor: a code from an authenticator app; the first time, the app is set up."""
    volgende = _volgende(request)
    user = request.user
    if (
        not user.is_authenticated
        or not Behandelaar.objects.filter(user=user).exists()
        or toegang.prive_sleutel(request) is None
    ):
        _meld_af(request)
        return redirect(_met_volgende("meldingen:aanmelden", volgende))
    if user.is_verified():
        return redirect(volgende or "meldingen:overzicht")
    toestel = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    inschrijven = toestel is None
    if inschrijven and not inschrijving.mag_app_instellen(request):
        # A password alone never sets up an app: that takes the one-time enrolment link.
        return render(request, SJABLONEN + "geen_app.html", status=403)
    if inschrijven:
        toestel = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if toestel is None:
            toestel = TOTPDevice.objects.create(user=user, name="Vangnet", confirmed=False)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        toegelaten, info = toestel.verify_is_allowed()
        if not toegelaten:
            form.full_clean()
            form.add_error(None, _te_snel_tekst(info))
            status = 429
        elif form.is_valid():
            if toestel.verify_token(form.cleaned_data["code"]):
                if inschrijven:
                    toestel.confirmed = True
                    toestel.save(update_fields=["confirmed"])
                    inschrijving.app_ingesteld(request)
                # A new session key now the person is fully signed in.
                request.session.cycle_key()
                django_otp.login(request, toestel)
                return redirect(volgende or "meldingen:overzicht")
            form.add_error("code", _("Deze code klopt niet. Typ de code die je app nu toont."))
    context = {"form": form, "next": volgende, "inschrijven": inschrijven}
    if inschrijven:
        context["qr"] = tweestap.qr_vorm(toestel.config_url)
        context["geheim"] = tweestap.geheim_in_groepen(toestel.bin_key)
    return render(request, SJABLONEN + "tweede_stap.html", context, status=status)


def _te_snel_tekst(info: dict | None) -> str:
    seconden = 1
    if info and info.get("locked_until"):
        seconden = max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))
    return ngettext(
        "Te veel foute codes na elkaar. Wacht %(seconden)s seconde en probeer opnieuw.",
        "Te veel foute codes na elkaar. Wacht %(seconden)s seconden en probeer opnieuw.",
        seconden,
    ) % {"seconden": seconden}


@require_POST
def afmelden(request: HttpRequest) -> HttpResponse:
    """Sign out and forget the unlocked key."""
    _meld_af(request)
    messages.info(request, _("Je bent afgemeld."))
    return redirect("meldingen:aanmelden")


def behandelaar_vereist(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let only a handler through who passed both factors and whose key is unlocked.

    The view gets the ``Behandelaar`` as second argument. Whoever is halfway (password
    only) goes to the second step; everyone else is signed out and sent to sign in, with
    a word when their session ran out.
    """

    @wraps(view)
    def omhulsel(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        behandelaar = toegang.behandelaar_van(request)
        prive = toegang.prive_sleutel(request)
        if behandelaar is not None and prive is not None:
            return view(request, behandelaar, *args, **kwargs)
        volgende = request.get_full_path() if request.method == "GET" else ""
        user = request.user
        halfweg = (
            behandelaar is None
            and prive is not None
            and user.is_authenticated
            and not user.is_verified()
        )
        if halfweg:
            return redirect(_met_volgende("meldingen:tweede-stap", volgende))
        _meld_af(request)
        if behandelaar is not None:
            messages.warning(
                request,
                _("Je sessie is verlopen omdat je een tijd niets deed. Meld je opnieuw aan."),
            )
        return redirect(_met_volgende("meldingen:aanmelden", volgende))

    return omhulsel


@behandelaar_vereist
@require_http_methods(["GET", "POST"])
def wachtwoord(request: HttpRequest, behandelaar: Behandelaar) -> HttpResponse:
    """Change the password; the key is then protected by the new one."""
    naam = behandelaar.user.get_username()
    form = WachtwoordForm(request.POST or None, behandelaar=behandelaar)
    status = 200
    if request.method == "POST":
        beurt = drempels.WACHTWOORD_WIJZIGEN.probeer(naam)
        if not beurt.toegelaten:
            form.full_clean()
            form.add_error(None, wachttijd_tekst(beurt.wachttijd))
            status = 429
        elif form.is_valid():
            beurt.gelukt()
            acties.zet_wachtwoord(behandelaar, form.prive, form.cleaned_data["nieuw"])
            update_session_auth_hash(request, behandelaar.user)
            messages.success(request, _("Je wachtwoord is gewijzigd."))
            return redirect("meldingen:overzicht")
        elif "huidig" not in form.errors:
            beurt.gelukt()  # the current password was right: only the new one needs work
    context = {"form": form, "behandelaar": behandelaar}
    return render(request, SJABLONEN + "wachtwoord.html", context, status=status)


# --- Overview and inbox -----------------------------------------------------------------


def _te_laat(melding: Melding, nu: datetime) -> bool:
    return any(termijn["te_laat"] for termijn in melding.termijnen(nu))


@behandelaar_vereist
@require_GET
def overzicht(request: HttpRequest, behandelaar: Behandelaar) -> HttpResponse:
    """The receivers this handler works for, with what waits for them."""
    nu = timezone.now()
    ontvangers = []
    for teamlid in behandelaar.teams.select_related("ontvanger", "behandelaar").order_by(
        "ontvanger__naam"
    ):
        open_meldingen = list(toegang.zichtbare_meldingen(teamlid).open())
        ontvangers.append(
            {
                "teamlid": teamlid,
                "open": len(open_meldingen),
                "nieuws": toegang.zichtbare_meldingen(teamlid)
                .filter(nieuws_voor_team=True)
                .count(),
                "te_laat": sum(_te_laat(m, nu) for m in open_meldingen),
            }
        )
    context = {"behandelaar": behandelaar, "ontvangers": ontvangers}
    return render(request, SJABLONEN + "overzicht.html", context)


@behandelaar_vereist
@require_GET
def inbox(request: HttpRequest, behandelaar: Behandelaar, slug: str) -> HttpResponse:
    """A receiver's cases this handler may open, the most urgent deadline first."""
    teamlid = toegang.teamlid_voor(request, slug)
    toon = request.GET.get("toon")
    zonder_codes = toon == "zonder-codes"
    afgesloten = toon == "afgesloten" or zonder_codes
    meldingen = toegang.zichtbare_meldingen(teamlid).select_related("ontvanger", "behandelaar")
    nu = timezone.now()
    if afgesloten:
        gesloten = meldingen.zonder_codes() if zonder_codes else meldingen
        rijen = [
            {"melding": m, "termijn": None}
            for m in gesloten.filter(status=Status.AFGESLOTEN).order_by("-afgesloten_op")
        ]
    else:
        rijen = []
        for m in meldingen.exclude(status=Status.AFGESLOTEN):
            termijnen = m.termijnen(nu)
            rijen.append(
                {
                    "melding": m,
                    "termijn": termijnen[0] if termijnen else None,
                    "klokken": m.klokken(nu),
                }
            )
        rijen.sort(
            key=lambda r: (
                r["termijn"]["uiterlijk"] if r["termijn"] else GEEN_TERMIJN,
                r["melding"].ontvangen_op,
            )
        )
    context = {
        "behandelaar": behandelaar,
        "teamlid": teamlid,
        "rijen": rijen,
        "afgesloten": afgesloten,
        "toon_zonder_codes": zonder_codes,
        # Closed cases monitoring still counts as "niet ingevuld": the team can fill them in.
        "zonder_codes": meldingen.zonder_codes().count(),
    }
    return render(request, SJABLONEN + "inbox.html", context)


# --- The case page ----------------------------------------------------------------------

FORMULIEREN = {
    "status": StatusForm,
    "bericht": MelderBerichtForm,
    "notitie": NotitieForm,
    "conflict": ConflictForm,
    "andere-partij-bericht": BerichtForm,
}


def _lege_formulieren(melding: Melding) -> dict:
    return {
        **{prefix: klasse(prefix=prefix) for prefix, klasse in FORMULIEREN.items()},
        # Same prefix as the other status buttons: it posts to the same action.
        "afsluiten": AfsluitForm(prefix="status", melding=melding),
        "toestemming": ToestemmingForm(prefix="toestemming", melding=melding),
        "classificatie": ClassificatieForm(
            prefix="classificatie",
            initial={
                "gedrag": melding.gedrag,
                "sector": melding.sector,
                "melder_status": melding.melder_status,
                "route": melding.route,
            },
        ),
        "toewijzen": ToewijzenForm(
            prefix="toewijzen", melding=melding, initial={"behandelaar": melding.behandelaar_id}
        ),
        "doorverwijzen": KeuzeUitLijstForm(
            prefix="doorverwijzen", queryset=melding.toestemmingen.none()
        ),
    }


def _al_doorverwezen(melding: Melding, toestemming: Toestemming) -> bool:
    """A referral within Vangnet happens once; an external one is only noted, so it can be
    noted again."""
    if not toestemming.doel_id:
        return False
    return melding.doorverwijzingen.filter(ontvanger_id=toestemming.doel_id).exists()


def _toestemmingen(melding: Melding, sleutel: bytes) -> list[dict]:
    return [
        {
            "toestemming": t,
            "details": acties.toestemming_details(t, sleutel),
            "al_doorverwezen": t.stap == Stap.DOORVERWIJZING and _al_doorverwezen(melding, t),
        }
        for t in melding.toestemmingen.select_related("doel", "gevraagd_door")
    ]


def _pad(melding: Melding) -> dict:
    stappen = [
        {
            "status": naar,
            "label": Status(naar).label,
            "ontbreekt": (
                Stap(stap).label
                if (stap := workflow.ontbrekende_toestemming(melding, naar))
                else None
            ),
        }
        for naar in workflow.volgende_statussen(melding)
        if naar != Status.AFGESLOTEN
    ]
    return {
        "stappen": stappen,
        "kan_afsluiten": Status.AFGESLOTEN in workflow.volgende_statussen(melding),
    }


def _auditspoor(melding: Melding) -> list[dict]:
    regels = list(melding.audit.select_related("gebruiker"))
    namen = dict(
        Behandelaar.objects.filter(
            user__in={r.gebruiker_id for r in regels if r.gebruiker_id}
        ).values_list("user_id", "weergavenaam")
    )
    return [
        {
            "regel": r,
            "wie": namen.get(r.gebruiker_id) or r.get_actor_display(),
        }
        for r in regels
    ]


# The reporter's answers, in the order of the form, with the code list of each coded one.
VRAGEN: list[tuple[str, str, type | None]] = [
    ("wat", gettext_lazy("Wat er gebeurde"), None),
    ("wanneer", gettext_lazy("Wanneer"), Wanneer),
    ("waar", gettext_lazy("Waar"), None),
    ("gedrag", gettext_lazy("Soort gedrag"), Gedrag),
    ("rol", gettext_lazy("Rol van de melder"), MelderStatus),
    ("contact", gettext_lazy("Gewenst contact"), Contactwens),
]


def _label(lijst, code: str) -> str:
    return str(dict(lijst.choices).get(code, code))


def _inhoud(inhoud: dict) -> dict:
    """The decrypted report in words: codes replaced by their labels, empty answers left out.

    A referred case may hold only the summary the reporter approved.
    """
    antwoorden = inhoud.get("antwoorden", {})
    regels = []
    for sleutel, label, lijst in VRAGEN:
        waarde = antwoorden.get(sleutel)
        if not waarde:
            continue
        if lijst is not None:
            codes = waarde if isinstance(waarde, list) else [waarde]
            waarde = ", ".join(_label(lijst, code) for code in codes)
        regels.append({"label": label, "waarde": waarde, "lang": sleutel == "wat"})
    contact = [
        {"label": label, "waarde": inhoud[sleutel]}
        for sleutel, label in [
            ("naam", gettext_lazy("Naam")),
            ("email", gettext_lazy("E-mailadres")),
            ("telefoon", gettext_lazy("Telefoonnummer")),
        ]
        if inhoud.get(sleutel)
    ]
    return {
        "regels": regels,
        "extra": list(antwoorden.get("extra", {}).items()),
        "wensen": [_label(Wens, w) for w in inhoud.get("wensen", [])],
        "contact": contact,
        "samenvatting": inhoud.get("samenvatting", ""),
        "doorverwezen_door": inhoud.get("doorverwezen_door", ""),
    }


def _dossierpagina(
    request: HttpRequest,
    dossier: Dossier,
    behandelaar: Behandelaar,
    *,
    formulieren: dict | None = None,
    fout: str = "",
    ontvangstbewijs: str = "",
    status: int = 200,
) -> HttpResponse:
    """The case page; after a failed action with that action's form bound and its errors."""
    melding, sleutel = dossier.melding, dossier.sleutel
    melding.refresh_from_db()
    alle = {**_lege_formulieren(melding), **(formulieren or {})}
    fout_formulier = next(
        (f for f in (formulieren or {}).values() if f.is_bound and f.errors), None
    )
    andere_partij = None
    if melding.andere_partij_sleutel:
        kanaal_sleutel = acties.kanaalsleutel(melding, sleutel, Kanaal.ANDERE_PARTIJ)
        andere_partij = {
            "berichten": acties.berichten(melding, kanaal_sleutel, Kanaal.ANDERE_PARTIJ),
            "bijlagen": acties.bijlagen(melding, kanaal_sleutel, Kanaal.ANDERE_PARTIJ),
        }
    gegeven_andere_partij = melding.toestemmingen.filter(
        stap=Stap.ANDERE_PARTIJ, beslissing=Beslissing.GEGEVEN
    ).exists()
    context = {
        "melding": melding,
        "teamlid": dossier.teamlid,
        "behandelaar": behandelaar,
        "open": melding.status != Status.AFGESLOTEN,
        "klokken": melding.klokken(),
        "inhoud": _inhoud(acties.inhoud(melding, sleutel)),
        "bijlagen": acties.bijlagen(melding, sleutel, Kanaal.MELDER),
        "berichten": acties.berichten(melding, sleutel, Kanaal.MELDER),
        "notities": acties.notities(melding, sleutel),
        "pad": _pad(melding),
        "toestemmingen": _toestemmingen(melding, sleutel),
        "kan_andere_partij_uitnodigen": gegeven_andere_partij and not melding.andere_partij_id,
        "andere_partij": andere_partij,
        "ontvangstbewijs": ontvangstbewijs,
        "auditspoor": _auditspoor(melding),
        # Templates cannot look up a key with a hyphen.
        "formulieren": {prefix.replace("-", "_"): form for prefix, form in alle.items()},
        "fout_formulier": fout_formulier,
        "fout": fout,
    }
    return render(request, SJABLONEN + "melding.html", context, status=status)


@behandelaar_vereist
@require_GET
def melding(request: HttpRequest, behandelaar: Behandelaar, pk: int) -> HttpResponse:
    """The whole case, decrypted for this handler (and noted in the audit log)."""
    dossier = toegang.melding_voor_behandelaar(request, pk)
    antwoord = _dossierpagina(request, dossier, behandelaar)
    acties.markeer_gelezen(dossier.melding, door_partij=False)
    return antwoord


def _naar_dossier(melding: Melding) -> HttpResponse:
    return redirect("meldingen:melding", pk=melding.pk)


# --- Actions on a case (POST) -----------------------------------------------------------


def _status(request, dossier, behandelaar):
    sluiten = request.POST.get("status-naar") == Status.AFGESLOTEN
    if sluiten:
        form = AfsluitForm(request.POST, prefix="status", melding=dossier.melding)
    else:
        form = StatusForm(request.POST, prefix="status")
    if form.is_valid():
        try:
            if sluiten:
                acties.sluit_af(
                    dossier.melding,
                    dossier.sleutel,
                    behandelaar,
                    uitkomst=form.cleaned_data["uitkomst"],
                    codes=form.codes,
                    terugkoppeling=form.cleaned_data["terugkoppeling"],
                )
            else:
                workflow.verander_status(
                    dossier.melding, form.cleaned_data["naar"], door=behandelaar
                )
        except (workflow.OngeldigeOvergang, acties.Geweigerd) as reden:
            form.add_error(None, str(reden))
        else:
            messages.success(
                request,
                _("De status is nu “%(status)s”.")
                % {"status": Status(form.cleaned_data["naar"]).label},
            )
            return _naar_dossier(dossier.melding)
    sleutel = "afsluiten" if sluiten else "status"
    return _dossierpagina(request, dossier, behandelaar, formulieren={sleutel: form})


def _bericht_in(kanaal: str, prefix: str):
    klasse = MelderBerichtForm if kanaal == Kanaal.MELDER else BerichtForm

    def actie(request, dossier, behandelaar):
        form = klasse(request.POST, request.FILES, prefix=prefix)
        upload = request.upload_handlers[0]
        if isinstance(upload, BegrensdeGeheugenUpload) and upload.gestopt:
            form.full_clean()
            form.add_error("bijlagen", upload.fout)
        elif form.is_valid():
            try:
                sleutel = acties.kanaalsleutel(dossier.melding, dossier.sleutel, kanaal)
                acties.stuur_bericht(
                    dossier.melding,
                    sleutel,
                    form.cleaned_data["tekst"],
                    auteur="behandelaar",
                    kanaal=kanaal,
                    behandelaar=behandelaar,
                    bijlagen=form.cleaned_data["bijlagen"],
                    terugkoppeling=form.cleaned_data.get("terugkoppeling", False),
                )
            except acties.Geweigerd as reden:
                form.add_error(None, str(reden))
            else:
                messages.success(request, _("Je bericht is verstuurd."))
                return _naar_dossier(dossier.melding)
        return _dossierpagina(request, dossier, behandelaar, formulieren={prefix: form})

    return actie


def _notitie(request, dossier, behandelaar):
    form = NotitieForm(request.POST, prefix="notitie")
    if form.is_valid():
        acties.voeg_notitie_toe(
            dossier.melding, dossier.sleutel, behandelaar, form.cleaned_data["tekst"]
        )
        messages.success(request, _("Je notitie is bewaard."))
        return _naar_dossier(dossier.melding)
    return _dossierpagina(request, dossier, behandelaar, formulieren={"notitie": form})


def _toestemming(request, dossier, behandelaar):
    form = ToestemmingForm(request.POST, prefix="toestemming", melding=dossier.melding)
    if form.is_valid():
        data = form.cleaned_data
        try:
            acties.vraag_toestemming(
                dossier.melding,
                dossier.sleutel,
                behandelaar,
                data["stap"],
                doel=data["doel"],
                extern=data["extern"],
                omvang=data["omvang"],
                samenvatting=data["samenvatting"],
            )
        except acties.Geweigerd as reden:
            form.add_error(None, str(reden))
        else:
            messages.success(
                request, _("De melder ziet je vraag de volgende keer dat die de melding opent.")
            )
            return _naar_dossier(dossier.melding)
    return _dossierpagina(request, dossier, behandelaar, formulieren={"toestemming": form})


def _doorverwijzen(request, dossier, behandelaar):
    melding = dossier.melding
    form = KeuzeUitLijstForm(
        request.POST,
        prefix="doorverwijzen",
        queryset=melding.toestemmingen.filter(stap=Stap.DOORVERWIJZING),
    )
    if form.is_valid():
        toestemming = form.cleaned_data["keuze"]
        details = acties.toestemming_details(toestemming, dossier.sleutel)
        try:
            if _al_doorverwezen(melding, toestemming):
                raise acties.Geweigerd(_("Deze doorverwijzing is al gebeurd."))
            acties.verwijs_door(melding, dossier.sleutel, behandelaar, toestemming)
        except (acties.Geweigerd, workflow.OngeldigeOvergang) as reden:
            form.add_error(None, str(reden))
        else:
            if toestemming.doel_id:
                tekst = _("De melding is doorverwezen naar %(doel)s.") % {
                    "doel": toestemming.doel.naam
                }
            else:
                tekst = _("De doorverwijzing naar %(doel)s is genoteerd.") % {
                    "doel": details["extern"]
                }
            messages.success(request, tekst)
            return _naar_dossier(melding)
    return _dossierpagina(request, dossier, behandelaar, formulieren={"doorverwijzen": form})


def _conflict(request, dossier, behandelaar):
    form = ConflictForm(request.POST, prefix="conflict")
    if form.is_valid():
        nummer, slug = dossier.melding.nummer, dossier.teamlid.ontvanger.slug
        acties.verklaar_conflict(dossier.melding, dossier.sleutel, behandelaar)
        messages.success(
            request,
            _(
                "Je hebt een belangenconflict verklaard voor %(nummer)s. Je sleutel is "
                "vernietigd: je kan deze melding niet meer openen."
            )
            % {"nummer": nummer},
        )
        return redirect("meldingen:inbox", slug=slug)
    return _dossierpagina(request, dossier, behandelaar, formulieren={"conflict": form})


def _classificatie(request, dossier, behandelaar):
    form = ClassificatieForm(request.POST, prefix="classificatie")
    if form.is_valid():
        acties.classificeer(dossier.melding, behandelaar, **form.cleaned_data)
        messages.success(request, _("De classificatie is bewaard."))
        return _naar_dossier(dossier.melding)
    return _dossierpagina(request, dossier, behandelaar, formulieren={"classificatie": form})


def _toewijzen(request, dossier, behandelaar):
    form = ToewijzenForm(request.POST, prefix="toewijzen", melding=dossier.melding)
    if form.is_valid():
        gekozen = form.cleaned_data["behandelaar"]
        try:
            acties.wijs_toe(dossier.melding, gekozen, door=behandelaar)
        except acties.Geweigerd as reden:
            form.add_error(None, str(reden))
        else:
            messages.success(
                request,
                _("De melding is toegewezen aan %(naam)s.") % {"naam": gekozen.weergavenaam},
            )
            return _naar_dossier(dossier.melding)
    return _dossierpagina(request, dossier, behandelaar, formulieren={"toewijzen": form})


def _andere_partij(request, dossier, behandelaar):
    """Open the other party's channel. The receipt is shown in this very response, once:
    it is never stored, so it cannot survive a redirect."""
    try:
        code = acties.nodig_andere_partij_uit(dossier.melding, dossier.sleutel, behandelaar)
    except acties.Geweigerd as reden:
        return _dossierpagina(request, dossier, behandelaar, fout=str(reden))
    return _dossierpagina(request, dossier, behandelaar, ontvangstbewijs=code)


HANDELINGEN = {
    "status": _status,
    "bericht": _bericht_in(Kanaal.MELDER, "bericht"),
    "notitie": _notitie,
    "toestemming": _toestemming,
    "doorverwijzen": _doorverwijzen,
    "conflict": _conflict,
    "classificatie": _classificatie,
    "toewijzen": _toewijzen,
    "andere-partij": _andere_partij,
    "andere-partij-bericht": _bericht_in(Kanaal.ANDERE_PARTIJ, "andere-partij-bericht"),
}


@csrf_exempt  # checked below by csrf_protect, once the upload handlers are in place
@require_POST
@behandelaar_vereist
def handeling(request: HttpRequest, behandelaar: Behandelaar, pk: int, handeling: str):
    """One action on a case. Uploads stay in memory: nothing unencrypted touches the disk."""
    actie = HANDELINGEN.get(handeling)
    if actie is None:
        raise Http404
    dossier = toegang.melding_voor_behandelaar(request, pk, lezen=False)
    request.upload_handlers = [BegrensdeGeheugenUpload(request)]
    try:
        request.POST  # noqa: B018 – parse the body here, where a broken one can be caught
    except (MultiPartParserError, RequestDataTooBig):
        fout = _("Wat je stuurde, kwam niet goed aan of is te groot. Probeer het opnieuw.")
        return _dossierpagina(request, dossier, behandelaar, fout=fout, status=400)
    return _beschermd(request, dossier, behandelaar, actie)


@csrf_protect
def _beschermd(request: HttpRequest, dossier: Dossier, behandelaar: Behandelaar, actie):
    try:
        return actie(request, dossier, behandelaar)
    except (acties.Geweigerd, workflow.OngeldigeOvergang) as reden:
        return _dossierpagina(request, dossier, behandelaar, fout=str(reden))


# --- Attachments and the printable summary ----------------------------------------------


@behandelaar_vereist
@require_GET
def bijlage(request: HttpRequest, behandelaar: Behandelaar, pk: int, bijlage: int):
    """An attachment, decrypted, always as a download (never shown in the browser)."""
    dossier = toegang.melding_voor_behandelaar(request, pk, lezen=False)
    gevonden = dossier.melding.bijlagen.filter(pk=bijlage).first()
    if gevonden is None:
        raise Http404
    sleutel = acties.kanaalsleutel(dossier.melding, dossier.sleutel, gevonden.kanaal)
    meta, inhoud = acties.lees_bijlage(gevonden, sleutel)
    audit.noteer(
        dossier.melding,
        Handeling.BIJLAGE_GELEZEN,
        gebruiker=behandelaar.user,
        detail=str(gevonden.pk),
    )
    antwoord = HttpResponse(inhoud, content_type=meta["soort"])
    antwoord["Content-Disposition"] = content_disposition_header(True, meta["naam"])
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


@behandelaar_vereist
@require_GET
def samenvatting(request: HttpRequest, behandelaar: Behandelaar, pk: int, toestemming: int):
    """The summary the reporter approved for a referral, on a page to print."""
    dossier = toegang.melding_voor_behandelaar(request, pk)
    gevonden = dossier.melding.toestemmingen.filter(
        pk=toestemming,
        stap=Stap.DOORVERWIJZING,
        omvang=Omvang.SAMENVATTING,
        beslissing=Beslissing.GEGEVEN,
    ).first()
    if gevonden is None:
        raise Http404
    context = {
        "behandelaar": behandelaar,
        "melding": dossier.melding,
        "toestemming": gevonden,
        "details": acties.toestemming_details(gevonden, dossier.sleutel),
    }
    return render(request, SJABLONEN + "samenvatting.html", context)


# --- The team ---------------------------------------------------------------------------


@behandelaar_vereist
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest, behandelaar: Behandelaar, slug: str) -> HttpResponse:
    """The team of a receiver; a beheerder gives a member access to older cases."""
    teamlid = toegang.teamlid_voor(request, slug)
    beheerder = teamlid.rol == Rol.BEHEERDER
    leden = teamlid.ontvanger.team.select_related("behandelaar").order_by(
        "behandelaar__weergavenaam"
    )
    form = None
    vraagform = ExtravraagForm(prefix="vraag")
    if request.method == "POST":
        if not beheerder:
            raise Http404
        if request.POST.get("onderdeel") == "vragen":
            return _vragen(request, behandelaar, teamlid, vraagform)
        form = KeuzeUitLijstForm(request.POST, queryset=leden.exclude(pk=teamlid.pk))
        ontvanger_prive = acties.ontvangersleutel(teamlid, toegang.prive_sleutel(request))
        if ontvanger_prive is None:
            form.full_clean()
            form.add_error(None, _("Je hebt de sleutel van deze ontvanger niet."))
        elif form.is_valid():
            lid = form.cleaned_data["keuze"]
            aantal = acties.deel_met_teamlid(lid, ontvanger_prive, door=behandelaar)
            messages.success(
                request,
                ngettext(
                    "%(naam)s kan nu %(aantal)s eerdere melding openen.",
                    "%(naam)s kan nu %(aantal)s eerdere meldingen openen.",
                    aantal,
                )
                % {"naam": lid.behandelaar.weergavenaam, "aantal": aantal},
            )
            return redirect("meldingen:team", slug=slug)
    return _teampagina(request, behandelaar, teamlid, form=form, vraagform=vraagform)


def _teampagina(request, behandelaar, teamlid, *, form=None, vraagform=None, status=200):
    leden = teamlid.ontvanger.team.select_related("behandelaar").order_by(
        "behandelaar__weergavenaam"
    )
    context = {
        "behandelaar": behandelaar,
        "teamlid": teamlid,
        "leden": leden,
        "beheerder": teamlid.rol == Rol.BEHEERDER,
        "form": form,
        "vraagform": vraagform or ExtravraagForm(prefix="vraag"),
        "extravragen": teamlid.ontvanger.extravragen.all(),
    }
    return render(request, SJABLONEN + "team.html", context, status=status)


def _vragen(request, behandelaar, teamlid, vraagform) -> HttpResponse:
    """A beheerder adds a question to the receiver's form, or takes one off."""
    slug = teamlid.ontvanger.slug
    weg = request.POST.get("weg")
    if weg:
        extravraag = teamlid.ontvanger.extravragen.filter(pk=weg).first()
        if extravraag is None:
            raise Http404
        acties.verwijder_vraag(extravraag, behandelaar)
        messages.success(request, _("De vraag staat niet meer op het formulier."))
        return redirect("meldingen:team", slug=slug)
    vraagform = ExtravraagForm(request.POST, prefix="vraag")
    if not vraagform.is_valid():
        return _teampagina(request, behandelaar, teamlid, vraagform=vraagform)
    acties.voeg_vraag_toe(teamlid.ontvanger, behandelaar, **vraagform.cleaned_data)
    messages.success(request, _("De vraag staat nu op het formulier."))
    return redirect("meldingen:team", slug=slug)

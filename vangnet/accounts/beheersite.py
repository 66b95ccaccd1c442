"""The admin (``/beheer/``) with a second factor and a limit on guessing (audit, issue 12 #5).

Admin accounts can change every helpline number on the platform, so they sign in like the
handlers: password *and* a code from an authenticator app (django-otp's TOTP), both on one
page and checked together, with one answer for every mistake: a password is never learnt on
its own. Every attempt passes the same kind of limit as the handlers' sign-in first
(``accounts/drempels.py``). A page of the admin needs a session that passed both factors
(``has_permission``), so a session that only has a password (from another sign-in page of
the site, say) gets the admin's sign-in page.

An account enrols through a one-time link (``accounts/inschrijving.py``,
``manage.py beheerder_uitnodigen``): the person chooses the password and sets up the app.
"""

from django import forms
from django.contrib import admin, auth
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.accounts import inschrijving, tweestap
from vangnet.accounts.drempels import BEHEER_AANMELDEN, wachttijd_tekst


class CodeVeld(forms.CharField):
    """The six digits of an authenticator app; people copy them as "123 456"."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", gettext_lazy("Code van zes cijfers"))
        kwargs.setdefault(
            "help_text",
            gettext_lazy(
                "De code uit je app voor tweestapsverificatie. Ze verandert elke 30 seconden."
            ),
        )
        super().__init__(
            max_length=12,
            validators=[
                RegexValidator(r"^[0-9]{6}$", gettext_lazy("Typ de zes cijfers uit je app."))
            ],
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
            ),
            **kwargs,
        )

    def to_python(self, value) -> str:
        return "".join(super().to_python(value).split())


def _code_klopt(toestel: TOTPDevice, code: str) -> bool:
    # django-otp's own throttle per device applies too; only someone who has the password
    # reaches it, because the code is checked after the password.
    toegelaten, _info = toestel.verify_is_allowed()
    return toegelaten and toestel.verify_token(code)


class BeheerAanmeldForm(AdminAuthenticationForm):
    """User name, password and the app's code, checked together after the limit allows it."""

    code = CodeVeld()

    def __init__(self, request=None, *args, **kwargs) -> None:
        super().__init__(request, *args, **kwargs)
        self.te_snel = False

    def clean(self):
        naam = self.cleaned_data.get("username")
        wachtwoord = self.cleaned_data.get("password")
        code = self.cleaned_data.get("code")
        if not (naam and wachtwoord and code):
            return self.cleaned_data  # the fields say what is missing; nothing was tried
        # Checked and counted in one step before anything else: the attempt counts as failed
        # until it succeeds. Password and code are always checked together here.
        beurt = BEHEER_AANMELDEN.probeer(self.request, naam)
        if not beurt.toegelaten:
            self.te_snel = True  # no check at all while the limit holds
            raise ValidationError(wachttijd_tekst(beurt.wachttijd), code="te_snel")
        user = auth.authenticate(self.request, username=naam, password=wachtwoord)
        toestel = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user else None
        if user is None or toestel is None or not _code_klopt(toestel, code):
            raise self.get_invalid_login_error()
        self.confirm_login_allowed(user)  # staff only, with the same message as a mistake
        beurt.gelukt()
        # django-otp marks the session verified at login (its user_logged_in receiver).
        user.otp_device = toestel
        self.user_cache = user
        return self.cleaned_data


class InschrijfForm(SetPasswordForm):
    """A new admin account's own password, and the first code of its app."""

    code = CodeVeld()

    def __init__(self, user, toestel: TOTPDevice, *args, **kwargs) -> None:
        super().__init__(user, *args, **kwargs)
        self.toestel = toestel

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if not _code_klopt(self.toestel, code):
            raise ValidationError(
                _("Deze code klopt niet. Typ de code die je app nu toont."), code="code"
            )
        return code


class BeheerSite(admin.AdminSite):
    """Django's admin site, behind two factors and a limit on guessing."""

    login_form = BeheerAanmeldForm
    login_template = "accounts/beheer/aanmelden.html"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        response = super().login(request, extra_context)
        form = getattr(response, "context_data", {}).get("form")
        if form is not None and getattr(form, "te_snel", False):
            response.status_code = 429
        return response

    def get_urls(self):
        eigen = [
            path(
                "inschrijven/<str:uid>/<str:token>/",
                never_cache(self.inschrijven),
                name="inschrijven",
            )
        ]
        return eigen + super().get_urls()

    def inschrijven(self, request: HttpRequest, uid: str, token: str) -> HttpResponse:
        """The one-time enrolment page: choose a password, set up the app, confirm a code."""
        user = inschrijving.uitgenodigde(auth.get_user_model(), uid, token)
        context = {**self.each_context(request), "title": _("Je beheeraccount instellen")}
        if user is None:
            return TemplateResponse(
                request, "accounts/beheer/inschrijven_ongeldig.html", context, status=404
            )
        toestel = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if toestel is None:
            toestel = TOTPDevice.objects.create(user=user, name="Vangnet beheer", confirmed=False)
        form = InschrijfForm(user, toestel, request.POST or None)
        if request.method == "POST" and form.is_valid():
            form.save()
            toestel.confirmed = True
            toestel.save(update_fields=["confirmed"])
            user.otp_device = toestel
            auth.login(request, user)
            return redirect(f"{self.name}:index")
        context.update(
            {
                "form": form,
                "gebruiker": user,
                "qr": tweestap.qr_vorm(toestel.config_url),
                "geheim": tweestap.geheim_in_groepen(toestel.bin_key),
            }
        )
        return TemplateResponse(request, "accounts/beheer/inschrijven.html", context)

"""The quickscan's forms: the organisation's profile, the statements of one level, and the
organisation account (sign-up and a rate-limited login)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from vangnet.accounts.drempels import QUICKSCAN_AANMELDEN, wachttijd_tekst
from vangnet.kaart.choices import Sector
from vangnet.kaart.models import ParitairComite
from vangnet.quickscan.choices import Antwoord, Grootte, Organisatievorm
from vangnet.quickscan.scan import Profiel

JA_NEE = [("ja", _("ja")), ("nee", _("nee"))]


class ProfielForm(forms.Form):
    """A few questions about the organisation: they decide which statements are asked."""

    vorm = forms.ChoiceField(
        label=_("Wat voor organisatie ben je?"),
        choices=Organisatievorm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat voor organisatie je bent.")},
    )
    grootte = forms.ChoiceField(
        label=_("Hoeveel werknemers heb je?"),
        help_text=_(
            "Mensen met een arbeidsovereenkomst. Tel freelancers en vrijwilligers niet mee."
        ),
        choices=Grootte.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoeveel werknemers je hebt.")},
    )
    paritair_comite = forms.ChoiceField(
        label=_("Onder welk paritair comité valt je organisatie?"),
        help_text=_("Daarmee tonen we wat opleidingen voor jou kosten."),
        required=False,
    )
    sector = forms.ChoiceField(
        label=_("In welke sector werk je?"),
        choices=Sector.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies je sector.")},
    )
    met_minderjarigen = forms.ChoiceField(
        label=_("Werk je met kinderen of jongeren onder 18 jaar?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Zeg of je met kinderen of jongeren werkt.")},
    )
    intimiteit = forms.ChoiceField(
        label=_("Komen er intieme scènes of naaktheid voor op scène of op de set?"),
        choices=JA_NEE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Zeg of er intieme scènes voorkomen.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pcs = [
            (pc.slug, f"PC {pc.slug} – {pc.naam}") for pc in ParitairComite.objects.order_by("slug")
        ]
        self.fields["paritair_comite"].choices = [
            ("", _("geen of ik weet het niet")),
            *pcs,
        ]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("vorm") == Organisatievorm.WERKGEVER and data.get("grootte") == Grootte.GEEN:
            self.add_error(
                "grootte", _("Een werkgever heeft minstens één werknemer. Kies het juiste aantal.")
            )
        return data

    def profiel(self) -> Profiel:
        d = self.cleaned_data
        return Profiel(
            vorm=d["vorm"],
            grootte=d["grootte"],
            paritair_comite=d["paritair_comite"],
            sector=d["sector"],
            met_minderjarigen=d["met_minderjarigen"] == "ja",
            intimiteit=d["intimiteit"] == "ja",
        )

    @staticmethod
    def begin(profiel: Profiel | None) -> dict:
        """The form's initial values from a profile already given (the back link keeps it)."""
        if profiel is None:
            return {}
        return {
            **profiel.als_dict(),
            "met_minderjarigen": "ja" if profiel.met_minderjarigen else "nee",
            "intimiteit": "ja" if profiel.intimiteit else "nee",
        }


class StellingenForm(forms.Form):
    """The statements of one level, each a group of four radios."""

    def __init__(self, *args: Any, stellingen: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stellingen = stellingen
        for s in stellingen:
            self.fields[s.slug] = forms.ChoiceField(
                label=s.stelling,
                help_text=s.toelichting,
                choices=Antwoord.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies een antwoord bij deze stelling.")},
            )

    def velden(self) -> list:
        """The bound fields with their statement, in order (for the template)."""
        return [self[s.slug] for s in self.stellingen]


class AccountForm(forms.Form):
    """Sign-up for an organisation: the organisation's name, a username, a password twice."""

    naam = forms.CharField(
        label=_("Naam van je organisatie"),
        max_length=200,
        error_messages={"required": _("Vul de naam van je organisatie in.")},
    )
    gebruikersnaam = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        help_text=_(
            "Letters, cijfers en @ . + - _ zijn toegestaan. Gebruik geen naam van een persoon."
        ),
        validators=[get_user_model().username_validator],
        error_messages={"required": _("Kies een gebruikersnaam.")},
    )
    wachtwoord1 = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens, niet alleen cijfers en niet te voor de hand liggend."),
        error_messages={"required": _("Kies een wachtwoord.")},
    )
    wachtwoord2 = forms.CharField(
        label=_("Herhaal het wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Typ het wachtwoord nog een keer.")},
    )

    def clean_gebruikersnaam(self) -> str:
        naam = self.cleaned_data["gebruikersnaam"]
        if get_user_model().objects.filter(username__iexact=naam).exists():
            # Sign-up cannot avoid saying this; the login never says whether a name exists.
            raise forms.ValidationError(_("Deze gebruikersnaam is al in gebruik. Kies een andere."))
        return naam

    def clean(self) -> dict:
        data = super().clean()
        een, twee = data.get("wachtwoord1"), data.get("wachtwoord2")
        if een and twee and een != twee:
            self.add_error("wachtwoord2", _("De twee wachtwoorden zijn niet gelijk."))
        elif een:
            gebruiker = get_user_model()(username=data.get("gebruikersnaam", ""))
            try:
                password_validation.validate_password(een, gebruiker)
            except forms.ValidationError as fout:
                self.add_error("wachtwoord1", fout)
        return data


class InlogForm(AuthenticationForm):
    """Django's login form, slowed down after failures (``QUICKSCAN_AANMELDEN``), counted
    in the database so the limit holds across processes.

    The same counting happens for names that do not exist, and the messages never say
    whether a name exists (no user enumeration)."""

    error_messages = {
        "invalid_login": _(
            "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en kleine letters."
        ),
        "inactive": _(
            "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters en kleine letters."
        ),
    }

    def confirm_login_allowed(self, user: Any) -> None:
        """Only organisation accounts log in here (staff use the admin's own login)."""
        super().confirm_login_allowed(user)
        if not hasattr(user, "quickscan_account"):
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")

    def clean(self) -> dict:
        # Checked and counted before the password is; a success takes its count back.
        beurt = QUICKSCAN_AANMELDEN.probeer(self.request, self.cleaned_data.get("username") or "")
        if not beurt.toegelaten:
            raise forms.ValidationError(wachttijd_tekst(beurt.wachttijd), code="geblokkeerd")
        data = super().clean()
        beurt.gelukt()
        return data


class VerslagForm(forms.Form):
    """Who signs the prevention summary, and what the organisation did since its last one."""

    ondertekenaar = forms.CharField(
        label=_("Naam van wie ondertekent"),
        max_length=200,
        help_text=_("Iemand die voor de organisatie mag tekenen, bijvoorbeeld de voorzitter."),
        error_messages={"required": _("Vul de naam in van wie het verslag ondertekent.")},
    )
    functie = forms.CharField(
        label=_("Functie"),
        max_length=200,
        error_messages={"required": _("Vul de functie in van wie ondertekent.")},
    )
    sindsdien = forms.CharField(
        label=_("Wat deden jullie sinds de vorige quickscan?"),
        help_text=_(
            "Een paar zinnen, bijvoorbeeld een vorming of een nieuwe vertrouwenspersoon. "
            "Geen namen van mensen en niets over meldingen."
        ),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ControleForm(forms.Form):
    """The code printed on a prevention summary, to check that Vangnet issued it."""

    code = forms.CharField(
        label=_("Controlecode"),
        max_length=200,
        help_text=_("Onderaan het preventieverslag, bijvoorbeeld v12:AbC..."),
        error_messages={"required": _("Vul de controlecode in.")},
    )

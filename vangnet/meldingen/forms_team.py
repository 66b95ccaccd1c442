"""Forms of the team pages: a beheerder invites, removes and recovers members (issue 16)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vangnet.meldingen.choices import Rol


class UitnodigForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_(
            "Hier komt een eenmalige link, 48 uur geldig. Daarmee kiest de persoon zelf een "
            "wachtwoord en stelt een app in; jij ziet geen van beide."
        ),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.be."),
        },
    )
    naam = forms.CharField(
        label=_("Naam zoals melders die zien"),
        max_length=120,
        error_messages={"required": _("Vul de naam in.")},
    )
    rol = forms.ChoiceField(
        label=_("Rol"),
        choices=Rol.choices,
        initial=Rol.BEHANDELAAR,
        widget=forms.RadioSelect,
        help_text=_(
            "Een beheerder kan ook de meldingen van vóór zijn komst openen en teamleden "
            "uitnodigen, verwijderen en helpen."
        ),
    )


class VerwijderForm(forms.Form):
    bevestig = forms.BooleanField(
        label=_("Ik begrijp dat dit teamlid geen enkele melding van dit meldpunt meer kan openen."),
        error_messages={"required": _("Vink aan dat je het begrijpt.")},
    )


class HerstelForm(forms.Form):
    herstelsleutel = forms.CharField(
        label=_("Herstelsleutel van het meldpunt"),
        help_text=_("Zoals op het herstelblad: groepjes van vier tekens, met of zonder streepjes."),
        max_length=200,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Typ de herstelsleutel.")},
    )
    nieuwe_app = forms.BooleanField(
        label=_("Het teamlid verloor ook de telefoon met de app: stel een nieuwe app in"),
        required=False,
    )

"""The pool's forms: choosing a member (GET), and a member's own profile."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vangnet.core.velden import vinkjes
from vangnet.kaart.choices import Sector, Taal
from vangnet.pool.choices import Beschikbaarheid, Discipline, Gender, PoolKanaal, Regio
from vangnet.pool.filteren import Keuze
from vangnet.pool.models import Poollid

GEEN_VOORKEUR = ("", _("geen voorkeur"))
TELEFOON = re.compile(r"^\+?[0-9][0-9 ./]{5,22}$")


def _keuze(label: str, choices) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=[GEEN_VOORKEUR, *choices], required=False)


class PoolFilterForm(forms.Form):
    """What a person looks for in a vertrouwenspersoon; every filter is optional."""

    gender = _keuze(
        _("Gender"), [(v, lbl) for v, lbl in Gender.choices if v != Gender.ZEGT_LIEVER_NIET]
    )
    taal = _keuze(_("Spreekt"), Taal.choices)
    sector = _keuze(_("Kent de sector"), Sector.choices)
    discipline = _keuze(_("Kent de discipline"), Discipline.choices)
    regio = _keuze(_("Regio"), Regio.choices)
    beschikbaar = forms.BooleanField(label=_("Alleen wie nu iemand kan aannemen"), required=False)

    def keuze(self) -> Keuze:
        data = self.cleaned_data
        return Keuze(
            gender=data["gender"],
            taal=data["taal"],
            sector=data["sector"],
            discipline=data["discipline"],
            regio=data["regio"],
            alleen_beschikbaar=data["beschikbaar"],
        )


class ProfielForm(forms.ModelForm):
    """A member's own profile: what people see in the directory and how they reach you.

    Membership (``actief``), the demo mark and the login are not in it: SFP manages those.
    """

    talen = vinkjes(_("Talen die je spreekt"), Taal.choices)
    sectoren = vinkjes(_("Sectoren die je kent"), Sector.choices)
    disciplines = vinkjes(_("Disciplines die je kent"), Discipline.choices)
    regios = vinkjes(
        _("Waar je mensen ontmoet"),
        Regio.choices,
        help_text=_("Kies ook online als je videogesprekken doet."),
    )
    email = forms.EmailField(label=_("E-mailadres"), required=False, max_length=200)
    telefoon = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Bijvoorbeeld: +32 470 00 00 00."),
    )
    formulier = forms.URLField(
        label=_("Link naar je contactformulier"),
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text=_("Een adres dat begint met https://."),
    )

    class Meta:
        model = Poollid
        fields = [
            "naam",
            "gender",
            "voornaamwoorden",
            "voorstelling",
            "talen",
            "sectoren",
            "disciplines",
            "regios",
            "beschikbaarheid",
            "beschikbaarheid_toelichting",
        ]
        widgets = {
            "gender": forms.RadioSelect,
            "beschikbaarheid": forms.RadioSelect,
            "voorstelling": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gender"].choices = Gender.choices
        self.fields["beschikbaarheid"].choices = Beschikbaarheid.choices
        for kanaal in self.instance.kanalen if self.instance.pk else []:
            if kanaal.get("soort") in self.KANAALVELDEN.values():
                veld = {v: k for k, v in self.KANAALVELDEN.items()}[kanaal["soort"]]
                self.initial.setdefault(veld, kanaal.get("waarde", ""))

    # form field -> channel kind, in the order a visitor sees them
    KANAALVELDEN = {
        "email": PoolKanaal.EMAIL,
        "telefoon": PoolKanaal.TELEFOON,
        "formulier": PoolKanaal.FORMULIER,
    }

    def clean_telefoon(self) -> str:
        value = self.cleaned_data["telefoon"].strip()
        if value and not TELEFOON.match(value):
            raise ValidationError(
                _("Schrijf het nummer met cijfers, bijvoorbeeld +32 470 00 00 00."),
                code="telefoon",
            )
        return value

    def clean_formulier(self) -> str:
        value = self.cleaned_data["formulier"]
        if value and not value.startswith("https://"):
            raise ValidationError(_("Het adres moet beginnen met https://."), code="formulier")
        return value

    def clean(self) -> dict:
        data = super().clean()
        if not any(data.get(veld) for veld in self.KANAALVELDEN) and not self.errors:
            raise ValidationError(
                _("Geef minstens één manier om je te bereiken: e-mail, telefoon of formulier."),
                code="geen-kanaal",
            )
        return data

    def save(self, commit: bool = True) -> Poollid:
        lid = super().save(commit=False)
        lid.kanalen = [
            {"soort": soort, "waarde": self.cleaned_data[veld]}
            for veld, soort in self.KANAALVELDEN.items()
            if self.cleaned_data.get(veld)
        ]
        if commit:
            lid.save()
        return lid


class PoollidBeheerForm(ProfielForm):
    """The same profile in the admin, with what only SFP decides."""

    class Meta(ProfielForm.Meta):
        fields = [*ProfielForm.Meta.fields, "actief", "demo", "user"]

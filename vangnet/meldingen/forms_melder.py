"""The small forms of the reporter's side: attachments, following up, replying, deleting.

The report form itself is built per receiver in ``vragenlijst.py``.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vangnet.meldingen import bijlagen
from vangnet.meldingen.bijlagen import SchoneBijlage
from vangnet.meldingen.choices import Beslissing

# The longest text a reporter may type in one field: some 10 pages.
MAX_TEKST = 20_000
TELEFOON = re.compile(r"^\+?[0-9][0-9 ./()-]{5,24}$")


def _bijlagenuitleg() -> str:
    return gettext(
        "Foto's (JPG of PNG), PDF-bestanden of gewone tekstbestanden (TXT): tot "
        "%(aantal)s bestanden van elk hoogstens %(grootte)s. Van een foto bewaren we alleen "
        "het beeld: de locatie en de gegevens van je toestel gaan eraf."
    ) % {"aantal": bijlagen.MAX_AANTAL, "grootte": filesizeformat(bijlagen.MAX_GROOTTE)}


# Lazy: in the language of the request, with the limits as they are at that moment.
bijlagenuitleg = lazy(_bijlagenuitleg, str)


class MeerdereBestanden(forms.FileInput):
    allow_multiple_selected = True


class BijlagenVeld(forms.FileField):
    """Zero or more files, checked and cleaned by ``bijlagen.maak_alles_schoon``.

    ``cleaned_data`` holds a list of ``SchoneBijlage``: no metadata, kind recognised by
    content. The help text states the limits as they are when the form is built.
    """

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Voeg bestanden toe"))
        kwargs.setdefault("help_text", bijlagenuitleg())
        kwargs["required"] = False
        kwargs.setdefault(
            "widget",
            MeerdereBestanden(
                attrs={
                    "accept": ",".join(
                        [*bijlagen.TOEGELATEN, *bijlagen.TOEGELATEN.values(), ".jpeg"]
                    )
                }
            ),
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> list[SchoneBijlage]:
        bestanden = [b for b in (data if isinstance(data, list | tuple) else [data]) if b]
        try:
            return bijlagen.maak_alles_schoon([(b.name or "", b.read()) for b in bestanden])
        except bijlagen.OngeldigeBijlage as fout:
            raise ValidationError(str(fout), code="bijlage") from fout


def tekstveld(label, help_text="", *, required: bool = True, rows: int = 6) -> forms.CharField:
    """A textarea for free text, up to ``MAX_TEKST`` characters."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=MAX_TEKST,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def telefoonveld(help_text) -> forms.CharField:
    return forms.CharField(
        label=_("Telefoonnummer"),
        help_text=help_text,
        required=False,
        max_length=30,
        validators=[
            RegexValidator(TELEFOON, _("Geef een telefoonnummer, bijvoorbeeld +32 470 00 00 00."))
        ],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )


class OpvolgForm(forms.Form):
    """The receipt, typed in to come back to a report."""

    ontvangstbewijs = forms.CharField(
        label=_("Je ontvangstbewijs"),
        help_text=_("De 20 cijfers die je kreeg toen je je melding verstuurde."),
        max_length=60,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "inputmode": "numeric",
                "spellcheck": "false",
                "autocapitalize": "off",
                "class": "bewijs-invoer",
            }
        ),
    )


class BerichtForm(forms.Form):
    """A reply in the conversation with the team."""

    tekst = tekstveld(_("Je bericht"), rows=5)
    # Last in the form: a cut-off upload loses every field that comes after the file.
    bijlagen = BijlagenVeld()


class BeslissingForm(forms.Form):
    """A decision on one line of the consent ledger."""

    beslissing = forms.ChoiceField(
        choices=[(b.value, b.label) for b in Beslissing if b != Beslissing.GEVRAAGD]
    )


class WissenForm(forms.Form):
    bevestig = forms.BooleanField(
        label=_("Ja, wis mijn melding en alles wat erbij hoort, voor altijd."),
        error_messages={"required": _("Vink aan dat je je melding wilt wissen.")},
    )

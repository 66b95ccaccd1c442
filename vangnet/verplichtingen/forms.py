"""The obligations check's question: how many workers and volunteers, which paritair comité.

The same form checks the page's GET parameters and the API's, so both refuse the same
input with the same words.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.models import ParitairComite

MAXIMUM = 1_000_000
CIJFERS = re.compile(r"^\d+$")
# "1.200" or "1 200" is twelve hundred in Dutch. Django's IntegerField would read "1.000"
# as 1 (it drops a decimal part of zeros), which would put a large employer in group D.
DUIZENDTALLEN = re.compile(r"^\d{1,3}([. ]\d{3})+$")


class AantalField(forms.CharField):
    """A number of people: a whole number from 0, thousands separators allowed."""

    def __init__(self, *, wat: str, **kwargs):
        self.wat = wat
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        super().__init__(**kwargs)
        # Lazy: the class is built once, the message is read in the visitor's language.
        self.error_messages["required"] = format_lazy(
            _("Vul het aantal {wat} in. Heb je er geen, vul dan 0 in."), wat=wat
        )

    def to_python(self, value) -> int | None:
        text = super().to_python(value).strip()
        if text in self.empty_values:
            return None
        if text.startswith("-") and CIJFERS.match(text[1:]):
            raise ValidationError(
                _("Het aantal %(wat)s kan niet negatief zijn.") % {"wat": self.wat},
                code="negatief",
            )
        if DUIZENDTALLEN.match(text):
            text = text.replace(".", "").replace(" ", "")
        if not CIJFERS.match(text):
            raise ValidationError(
                _("Vul bij %(wat)s alleen cijfers in, bijvoorbeeld 12.") % {"wat": self.wat},
                code="geen_getal",
            )
        getal = int(text[:12])
        if len(text) > 12 or getal > MAXIMUM:
            raise ValidationError(
                _("Vul voor %(wat)s een getal tot 1.000.000 in.") % {"wat": self.wat},
                code="te_groot",
            )
        return getal


class VerplichtingenForm(forms.Form):
    """What the check needs to know. Nothing typed here is stored."""

    werknemers = AantalField(
        wat=_("werknemers"),
        label=_("Hoeveel werknemers heeft je organisatie?"),
        help_text=_(
            "Tel iedereen met een arbeidscontract. Twijfel je hoe je telt, bijvoorbeeld bij "
            "deeltijds werk? Vraag het aan je sociaal secretariaat."
        ),
    )
    vrijwilligers = AantalField(
        wat=_("vrijwilligers en leden"),
        label=_("Hoeveel vrijwilligers en leden heeft je organisatie?"),
        help_text=_("Iedereen die meewerkt of meedoet zonder arbeidscontract."),
    )
    pc = forms.ChoiceField(
        label=_("Onder welk paritair comité valt je organisatie?"),
        required=False,
        help_text=_("Dan tonen we wat opleidingen voor jou kosten."),
        error_messages={"invalid_choice": _("Kies een paritair comité uit de lijst.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pc"].choices = [("", _("Een ander paritair comité, of ik weet het niet"))] + [
            (pc.slug, f"{pc.afkorting} – {pc.naam}") for pc in ParitairComite.objects.all()
        ]

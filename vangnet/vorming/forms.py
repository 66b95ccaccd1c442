"""The training finder's question (GET: the answers say nothing that identifies a person)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import Status
from vangnet.kaart.models import ParitairComite
from vangnet.vorming.vinder import GEEN_PC, Thema, Vraag


class VormingForm(forms.Form):
    """Who you are, your paritair comité, and what you look for."""

    statuut = forms.ChoiceField(
        label=_("Wie ben je?"),
        choices=Status.choices,
        widget=forms.RadioSelect,
        help_text=_("Kies leidinggevende of organisatie als je zoekt voor je organisatie."),
        error_messages={
            "required": _("Kies wie je bent."),
            "invalid_choice": _("Kies een van de mogelijkheden bij 'Wie ben je?'."),
        },
    )
    pc = forms.ChoiceField(
        label=_("Onder welk paritair comité val je?"),
        help_text=_("Dat staat op je loonbrief of in je contract. De prijs hangt ervan af."),
        error_messages={
            "required": _("Kies je paritair comité, of 'geen of weet ik niet'."),
            "invalid_choice": _("Kies een paritair comité uit de lijst."),
        },
    )
    thema = forms.MultipleChoiceField(
        label=_("Wat zoek je?"),
        choices=Thema.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies er een of meer. Kies je niets, dan tonen we alles wat bij je past."),
        error_messages={"invalid_choice": _("Kies alleen onderwerpen uit de lijst.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pc"].choices = [(GEEN_PC, _("geen of weet ik niet"))] + [
            (pc.slug, f"{pc.afkorting} – {pc.naam}") for pc in ParitairComite.objects.all()
        ]

    def vraag(self) -> Vraag:
        """The valid answers as a question for the finder."""
        data = self.cleaned_data
        return Vraag(statuut=data["statuut"], pc=data["pc"], themas=tuple(data["thema"]))

"""The organisation's request form and the department's decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vangnet.aanvragen.models import Aanvraag
from vangnet.kaart.choices import Taal
from vangnet.meldingen.choices import OntvangerSoort
from vangnet.meldingen.models import Ontvanger
from vangnet.pool.models import Poollid

# The languages Vangnet's pages and forms exist in, named as the kaart names languages.
TALEN = [(taal.value, taal.label) for taal in (Taal.NL, Taal.FR, Taal.EN)]


class AanvraagForm(forms.ModelForm):
    soort = forms.ChoiceField(
        label=_("Wat voor meldpunt vraag je aan?"),
        choices=OntvangerSoort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat voor meldpunt je aanvraagt.")},
    )
    talen = forms.MultipleChoiceField(
        label=_("In welke talen kan je team meldingen lezen en beantwoorden?"),
        choices=TALEN,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één taal.")},
    )
    terugval = forms.ModelChoiceField(
        label=_("Terugvalontvanger"),
        help_text=_(
            "Wie een melding krijgt als niemand van je team ze mag zien, bijvoorbeeld omdat ze "
            "over een teamlid gaat."
        ),
        queryset=Ontvanger.objects.filter(actief=True),
        error_messages={"required": _("Kies een terugvalontvanger.")},
    )

    class Meta:
        model = Aanvraag
        fields = [
            "soort",
            "naam",
            "talen",
            "van",
            "tot",
            "eerste_lid_naam",
            "eerste_lid_email",
            "terugval",
        ]
        widgets = {
            "van": forms.DateInput(attrs={"type": "date"}),
            "tot": forms.DateInput(attrs={"type": "date"}),
        }
        help_texts = {
            "naam": _("Zoals melders het zien, bijvoorbeeld „Meldpunt Festival Zomerklank”."),
            "van": _("Alleen voor een publiek meldpunt: vanaf deze dag neemt het meldingen aan."),
            "tot": _("Alleen voor een publiek meldpunt: tot en met deze dag."),
            "eerste_lid_email": _(
                "Deze persoon krijgt een eenmalige link om een eigen wachtwoord en app in te "
                "stellen en kan daarna zelf teamleden uitnodigen."
            ),
        }
        error_messages = {
            "naam": {"required": _("Vul de naam van het meldpunt in.")},
            "eerste_lid_naam": {"required": _("Vul de naam van het eerste teamlid in.")},
            "eerste_lid_email": {
                "required": _("Vul het e-mailadres van het eerste teamlid in."),
                "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.be."),
            },
        }

    def clean(self):
        data = super().clean()
        if data.get("soort") == OntvangerSoort.MELDPUNT_PUBLIEK:
            if not data.get("van") and "van" not in self.errors:
                self.add_error("van", _("Een publiek meldpunt heeft de data van het evenement."))
            if not data.get("tot") and "tot" not in self.errors:
                self.add_error("tot", _("Een publiek meldpunt heeft de data van het evenement."))
            if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
                self.add_error("tot", _("De laatste dag komt na de eerste."))
        else:
            data["van"] = data["tot"] = None
        return data


class BeslissingForm(forms.Form):
    beslissing = forms.ChoiceField(
        label=_("Beslissing"),
        choices=[("goedkeuren", _("Goedkeuren")), ("weigeren", _("Weigeren"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies goedkeuren of weigeren.")},
    )
    reden = forms.CharField(
        label=_("Reden van de weigering"),
        help_text=_("De organisatie leest ze op haar aanvraag."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    poollid = forms.ModelChoiceField(
        label=_("Lid van de pool van vertrouwenspersonen"),
        help_text=_(
            "Alleen voor een vertrouwenspersoon uit de pool van het Sociaal Fonds "
            "Podiumkunsten: het profiel in de pool verwijst dan naar dit meldpunt."
        ),
        queryset=Poollid.objects.zichtbaar(),
        required=False,
    )

    def __init__(self, *args, aanvraag: Aanvraag, **kwargs):
        super().__init__(*args, **kwargs)
        self.aanvraag = aanvraag
        if aanvraag.soort != OntvangerSoort.VERTROUWENSPERSOON:
            del self.fields["poollid"]

    def clean(self):
        data = super().clean()
        if data.get("beslissing") == "weigeren" and not data.get("reden", "").strip():
            self.add_error("reden", _("Geef de reden van de weigering."))
        return data


class NieuweLinkForm(forms.Form):
    herstelsleutel = forms.CharField(
        label=_("Herstelsleutel van het meldpunt"),
        help_text=_("Zoals op het herstelblad: groepjes van vier tekens, met of zonder streepjes."),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": _("Typ de herstelsleutel.")},
    )

"""The forms of the action plan's pages: filters, progress updates, meetings, budget figures,
recommendations and their follow-up."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vangnet.actieplan.choices import Actieterrein, Status, Timing
from vangnet.actieplan.models import Voortgang
from vangnet.kaart.models import Organisatie


class Datum(forms.DateInput):
    input_type = "date"


class ActieFilter(forms.Form):
    """The overview's filters: by partner, actieterrein, timing and status (GET)."""

    partner = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=Organisatie.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("alle partners"),
    )
    actieterrein = forms.TypedChoiceField(
        label=_("Actieterrein"),
        choices=[("", _("alle actieterreinen")), *Actieterrein.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    timing = forms.ChoiceField(
        label=_("Timing"), choices=[("", _("altijd")), *Timing.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("elke status")), *Status.choices], required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = (
            Organisatie.objects.filter(acties_plan__isnull=False).distinct().order_by("naam")
        )

    def filter(self, acties: list) -> list:
        """The actions (prefetched, with their partners) that pass every filter."""
        if not self.is_valid():
            return acties
        data = self.cleaned_data
        if data.get("partner"):
            acties = [a for a in acties if data["partner"] in a.partners.all()]
        if data.get("actieterrein"):
            acties = [a for a in acties if a.actieterrein == data["actieterrein"]]
        if data.get("timing") == Timing.DOORLOPEND:
            acties = [a for a in acties if a.doorlopend]
        elif data.get("timing"):
            acties = [a for a in acties if int(data["timing"]) in a.jaren]
        if data.get("status"):
            acties = [a for a in acties if a.status == data["status"]]
        return acties


class VoortgangForm(forms.ModelForm):
    """A progress update: on behalf of one of the writer's organisations that partner the
    action."""

    class Meta:
        model = Voortgang
        fields = ["organisatie", "datum", "status", "tekst"]
        widgets = {"datum": Datum(), "tekst": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, organisaties, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = organisaties
        self.fields["organisatie"].empty_label = None
        self.fields["datum"].initial = timezone.localdate()

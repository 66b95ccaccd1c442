"""The forms of the action plan's pages: filters, progress updates, meetings, budget figures,
recommendations and their follow-up."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vangnet.actieplan.choices import (
    AanbevelingStatus,
    Actieterrein,
    Afzender,
    PostSoort,
    Status,
    Timing,
)
from vangnet.actieplan.models import (
    Aanbeveling,
    Actie,
    Begrotingspost,
    Boeking,
    Opvolging,
    Vergadering,
    Voortgang,
)
from vangnet.kaart.choices import Sector
from vangnet.kaart.models import Organisatie


class Datum(forms.DateInput):
    """A date picker. Its value is always ISO (2025-01-31): a browser's date input shows
    nothing for the locale's format (31-01-2025), so a date filled in by the form (today)
    would arrive empty."""

    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


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


class DatumTijd(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class VergaderingForm(forms.ModelForm):
    """A meeting, written by the department: before (date, agenda) and after (decisions,
    minutes, who attended)."""

    class Meta:
        model = Vergadering
        fields = [
            "soort",
            "titel",
            "begin",
            "einde",
            "plaats",
            "agenda",
            "besluiten",
            "verslag",
            "aanwezigen",
            "acties",
        ]
        widgets = {
            "begin": DatumTijd(),
            "einde": DatumTijd(),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "besluiten": forms.Textarea(attrs={"rows": 4}),
            "verslag": forms.Textarea(attrs={"rows": 6}),
            "aanwezigen": forms.CheckboxSelectMultiple(),
            "acties": forms.CheckboxSelectMultiple(),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Attendees come from the partner list of the plan.
        self.fields["aanwezigen"].queryset = (
            Organisatie.objects.filter(acties_plan__isnull=False).distinct().order_by("naam")
        )
        self.fields["acties"].queryset = Actie.objects.filter(deelacties__isnull=True)

    def clean(self):
        data = super().clean()
        if data.get("begin") and data.get("einde") and data["einde"] <= data["begin"]:
            self.add_error("einde", _("Het einde ligt na het begin."))
        return data


class BoekingForm(forms.ModelForm):
    """A figure of the budget; who entered it is the signed-in account, never a field."""

    class Meta:
        model = Boeking
        fields = ["soort", "doel", "bedrag", "datum", "omschrijving", "ontvanger"]
        widgets = {"datum": Datum()}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = Begrotingspost.objects.filter(soort=PostSoort.DOEL)
        self.fields["doel"].empty_label = None
        self.fields["ontvanger"].queryset = Organisatie.objects.order_by("naam")
        self.fields["bedrag"].min_value = Decimal("0.01")


class AanbevelingForm(forms.ModelForm):
    """A recommendation to an organisation or a sector: never about a case. The form has no
    field that could point at one (no case, no reporter, no date of an event); the help
    texts say what not to write.

    The department and the Meldpunt choose which of the two sends it; a receiver's beheerder
    (``ontvangers``: the receivers it manages) sends it on behalf of one of its receivers.
    """

    class Meta:
        model = Aanbeveling
        fields = [
            "titel",
            "tekst",
            "afzender",
            "ontvanger",
            "organisatie",
            "sector",
            "eigenaar",
            "deadline",
            "datum",
        ]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 4}),
            "deadline": Datum(),
            "datum": Datum(),
        }
        help_texts = {
            "organisatie": _("Aan een organisatie, of laat leeg en kies een sector."),
            "eigenaar": _("De organisatie die de opvolging trekt."),
        }

    def __init__(self, *args, ontvangers=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.order_by("naam")
        self.fields["eigenaar"].queryset = Organisatie.objects.order_by("naam")
        self.fields["datum"].initial = timezone.localdate()
        if ontvangers is None:
            del self.fields["ontvanger"]
            self.fields["afzender"].choices = [
                (a.value, a.label) for a in Afzender if a != Afzender.ONTVANGER
            ]
        else:
            del self.fields["afzender"]
            self.fields["ontvanger"].queryset = ontvangers
            self.fields["ontvanger"].required = True
            self.fields["ontvanger"].empty_label = None
            self.instance.afzender = Afzender.ONTVANGER


class AanbevelingFilter(forms.Form):
    """The register's filters (GET). The organisations offered are those of the
    recommendations the reader may see, so the list gives none away."""

    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("alle sectoren")), *Sector.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("elke status")), *AanbevelingStatus.choices],
        required=False,
    )
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisatie.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("alle organisaties"),
    )

    def __init__(self, *args, zichtbaar, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.filter(
            pk__in=zichtbaar.filter(organisatie__isnull=False).values("organisatie")
        ).order_by("naam")

    def filter(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data.get("sector"):
            qs = qs.filter(sector=data["sector"])
        if data.get("status"):
            qs = qs.filter(status=data["status"])
        if data.get("organisatie"):
            qs = qs.filter(organisatie=data["organisatie"])
        return qs


class OpvolgingForm(forms.ModelForm):
    """A dated answer or follow-up. Who wrote it and when it was entered are the signed-in
    account and the clock, never fields. The organisation answers on its own behalf; the
    department, and the receiver that made the recommendation, without one."""

    class Meta:
        model = Opvolging
        fields = ["organisatie", "datum", "status", "tekst"]
        widgets = {"datum": Datum(), "tekst": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "tekst": _("Wat er gedaan is of gepland staat. Nooit iets uit een melding."),
        }

    def __init__(self, *args, organisaties, departement: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not organisaties.exists():
            # The department or the receiver that made it: no organisation to answer for.
            del self.fields["organisatie"]
        else:
            self.fields["organisatie"].queryset = organisaties
            self.fields["organisatie"].required = not departement
            if not departement:
                self.fields["organisatie"].empty_label = None
        self.fields["datum"].initial = timezone.localdate()

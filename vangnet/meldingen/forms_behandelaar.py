"""The forms of the handlers' pages: signing in, and everything done on a case.

Forms on the case page carry a prefix (the slug of their action), so that the ids of
their fields stay unique on a page that shows them all at once.
"""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import Gedrag, Sector
from vangnet.kaart.choices import Status as MelderStatus
from vangnet.meldingen import acties
from vangnet.meldingen.choices import ONBEKEND, Omvang, Route, Stap, Status, Uitkomst, met_onbekend
from vangnet.meldingen.forms_melder import MAX_TEKST, BijlagenVeld
from vangnet.meldingen.models import Behandelaar, Extravraag, Melding, Ontvanger

GEEN_KEUZE = ("", _("nog niet gekozen"))


class AanmeldForm(forms.Form):
    """A handler's user name and password: the first of two factors."""

    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeVeld(forms.CharField):
    """Digits only; people copy codes as "123 456", and the spaces mean nothing."""

    def to_python(self, value) -> str:
        return "".join(super().to_python(value).split())


class CodeForm(forms.Form):
    """The six digits an authenticator app shows."""

    code = CodeVeld(
        label=_("Code van zes cijfers"),
        help_text=_("De code uit je app voor tweestapsverificatie. Ze verandert elke 30 seconden."),
        max_length=12,
        validators=[RegexValidator(r"^[0-9]{6}$", _("Typ de zes cijfers uit je app."))],
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )


class AanmeldMetCodeForm(AanmeldForm):
    """User name, password and code together: asked while someone guesses at this name, so
    a guessed password alone tells them nothing (accounts/drempels.py)."""

    code = CodeVeld(
        label=_("Code van zes cijfers"),
        help_text=_("De code uit je app voor tweestapsverificatie. Ze verandert elke 30 seconden."),
        max_length=12,
        validators=[RegexValidator(r"^[0-9]{6}$", _("Typ de zes cijfers uit je app."))],
        error_messages={"required": _("Typ ook de zes cijfers uit je app.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}
        ),
    )


class StatusForm(forms.Form):
    """One step on the case path."""

    naar = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)


def _gedrag_met_onbekend(data) -> list[str]:
    """``onbekend`` is an answer of its own: not together with a kind of behaviour."""
    if ONBEKEND in data and len(data) > 1:
        raise ValidationError(
            _("Kies soorten gedrag óf “onbekend”, niet allebei."), code="onbekend-en-meer"
        )
    return data


def _code(label, keuzes, fout) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[GEEN_KEUZE, *met_onbekend(keuzes)],
        error_messages={"required": fout},
    )


class AfsluitForm(StatusForm):
    """The last step: closing asks how the case ended, its monitoring codes, and tells the
    reporter.

    Every code is required, each with an explicit "onbekend", so monitoring counts real
    codes and never guesses. Closing is an action taken: a reporter who had no feedback yet
    gets it now, in the closing message (required then; see workflow.py).
    """

    uitkomst = forms.ChoiceField(
        label=_("Hoe liep de melding af?"),
        choices=met_onbekend(Uitkomst),
        widget=forms.RadioSelect,
        help_text=_("Dit telt mee in de monitoring, zonder iets over de inhoud."),
        error_messages={"required": _("Kies een uitkomst om de melding af te sluiten.")},
    )
    gedrag = forms.MultipleChoiceField(
        label=_("Gedrag"),
        choices=met_onbekend(Gedrag),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies alles wat past, of “onbekend”."),
        error_messages={"required": _("Kies het gedrag, of “onbekend”.")},
    )
    sector = _code(_("Sector"), Sector, _("Kies een sector, of “onbekend”."))
    melder_status = _code(
        _("Status van de melder"), MelderStatus, _("Kies de status van de melder, of “onbekend”.")
    )
    route = _code(_("Route"), Route, _("Kies een route, of “onbekend”."))
    terugkoppeling = forms.CharField(
        label=_("Terugkoppeling aan de melder"),
        max_length=MAX_TEKST,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat er met de melding gebeurde en waarom. De melder leest dit bericht bij de melding."
        ),
    )

    field_order = [
        "naar",
        "uitkomst",
        "gedrag",
        "sector",
        "melder_status",
        "route",
        "terugkoppeling",
    ]

    def __init__(self, *args, melding: Melding, **kwargs) -> None:
        kwargs.setdefault("initial", {veld: getattr(melding, veld) for veld in CODES})
        super().__init__(*args, **kwargs)
        self.nog_geen_terugkoppeling = not melding.teruggekoppeld_op
        if self.nog_geen_terugkoppeling:
            veld = self.fields["terugkoppeling"]
            veld.required = True
            veld.error_messages["required"] = _(
                "De melder kreeg nog geen terugkoppeling: schrijf wat er met de melding "
                "gebeurde en waarom."
            )
        else:
            self.fields["terugkoppeling"].help_text = _(
                "Niet verplicht: de melder kreeg al terugkoppeling. Wat je hier schrijft, "
                "leest de melder bij de melding."
            )

    def clean_gedrag(self) -> list[str]:
        return _gedrag_met_onbekend(self.cleaned_data["gedrag"])

    @property
    def codes(self) -> dict:
        return {veld: self.cleaned_data[veld] for veld in CODES}


class BerichtForm(forms.Form):
    """A message in a conversation, with attachments cleaned like the reporter's."""

    tekst = forms.CharField(
        label=_("Je bericht"),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    # Last: a cut-off upload loses every field that comes after the file.
    bijlagen = BijlagenVeld()


class MelderBerichtForm(BerichtForm):
    """A message to the reporter, which the handler can mark as feedback."""

    terugkoppeling = forms.BooleanField(
        label=_(
            "Dit bericht is terugkoppeling: het zegt de melder wat er met de melding gebeurt "
            "of gebeurde, en waarom."
        ),
        help_text=_(
            "Zonder vinkje bevestigt een eerste bericht enkel de ontvangst (termijn van 7 "
            "dagen). De termijn van 3 maanden loopt tot de melder terugkoppeling krijgt."
        ),
        required=False,
    )
    field_order = ["tekst", "terugkoppeling", "bijlagen"]


class NotitieForm(forms.Form):
    tekst = forms.CharField(
        label=_("Interne notitie"),
        help_text=_("Alleen je team ziet deze notitie, de melder nooit."),
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ToestemmingForm(forms.Form):
    """Ask the reporter's consent for a step, or to refer the case (or a summary of it)."""

    stap = forms.ChoiceField(label=_("Waarvoor vraag je toestemming?"), choices=Stap.choices)
    doel = forms.ModelChoiceField(
        label=_("Doorverwijzen naar een ontvanger op Vangnet"),
        queryset=Ontvanger.objects.none(),
        required=False,
        empty_label=_("geen: een dienst buiten Vangnet"),
        help_text=_("Enkel bij een doorverwijzing."),
    )
    extern = forms.CharField(
        label=_("Of: naam van een dienst buiten Vangnet"),
        max_length=200,
        required=False,
        help_text=_("Enkel bij een doorverwijzing buiten Vangnet."),
    )
    omvang = forms.ChoiceField(
        label=_("Wat geef je mee?"),
        choices=Omvang.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Enkel bij een doorverwijzing. Naar buiten Vangnet gaat enkel een samenvatting."
        ),
    )
    samenvatting = forms.CharField(
        label=_("Samenvatting die de melder goedkeurt"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De melder leest precies deze tekst voordat die beslist."),
    )

    def __init__(self, *args, melding: Melding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = Ontvanger.objects.filter(actief=True).exclude(
            pk=melding.ontvanger_id
        )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("stap") != Stap.DOORVERWIJZING:
            # The referral fields mean nothing for another step: drop what was typed there.
            data.update(doel=None, extern="", omvang="", samenvatting="")
            return data
        doel, extern = data.get("doel"), data.get("extern", "").strip()
        if not doel and not extern:
            self.add_error(
                "doel", _("Kies een ontvanger op Vangnet of typ de naam van een dienst.")
            )
        elif doel and extern:
            self.add_error("extern", _("Kies een ontvanger óf typ een dienst, niet allebei."))
        if not data.get("omvang"):
            self.add_error("omvang", _("Kies wat je meegeeft."))
        elif extern and data["omvang"] != Omvang.SAMENVATTING:
            self.add_error(
                "omvang", _("Naar een dienst buiten Vangnet gaat enkel een samenvatting.")
            )
        if data.get("omvang") == Omvang.SAMENVATTING and not data.get("samenvatting", "").strip():
            self.add_error("samenvatting", _("Schrijf de samenvatting die de melder goedkeurt."))
        data["extern"] = extern
        return data


class KeuzeUitLijstForm(forms.Form):
    """One row picked from a fixed list (a consent to refer by, a team member to share with)."""

    keuze = forms.ModelChoiceField(label=_("Keuze"), queryset=None, widget=forms.HiddenInput)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keuze"].queryset = queryset


class ExtravraagForm(forms.ModelForm):
    """A question a beheerder adds to the receiver's form."""

    class Meta:
        model = Extravraag
        fields = ["vraag", "hulptekst", "verplicht"]
        labels = {
            "vraag": _("Vraag"),
            "hulptekst": _("Uitleg onder de vraag (niet verplicht)"),
            "verplicht": _("De melder moet deze vraag beantwoorden"),
        }


class ConflictForm(forms.Form):
    bevestig = forms.BooleanField(
        label=_(
            "Ik heb een belangenconflict bij deze melding. Ik geef ze door en kan ze "
            "daarna niet meer openen."
        ),
        error_messages={"required": _("Vink aan dat je een belangenconflict hebt.")},
    )


#: The codes set on the case page and asked again at closing (the outcome is asked there).
CODES = ("gedrag", "sector", "melder_status", "route")


class ClassificatieForm(forms.Form):
    """The codes monitoring counts; only values from the lists, never free text.

    Any time before closing, and after it for a case closed before every code was asked."""

    gedrag = forms.MultipleChoiceField(
        label=_("Gedrag"),
        choices=met_onbekend(Gedrag),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[GEEN_KEUZE, *met_onbekend(Sector)], required=False
    )
    melder_status = forms.ChoiceField(
        label=_("Status van de melder"),
        choices=[GEEN_KEUZE, *met_onbekend(MelderStatus)],
        required=False,
    )
    route = forms.ChoiceField(
        label=_("Route"), choices=[GEEN_KEUZE, *met_onbekend(Route)], required=False
    )

    def clean_gedrag(self) -> list[str]:
        return _gedrag_met_onbekend(self.cleaned_data["gedrag"])


class ToewijzenForm(forms.Form):
    behandelaar = forms.ModelChoiceField(
        label=_("Toewijzen aan"),
        queryset=Behandelaar.objects.none(),
        empty_label=None,
        help_text=_("Enkel teamleden die deze melding mogen lezen."),
    )

    def __init__(self, *args, melding: Melding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].queryset = (
            Behandelaar.objects.filter(
                sleutelenvelop__melding=melding, teams__ontvanger=melding.ontvanger
            )
            .exclude(belangenconflict__melding=melding)
            .distinct()
            .order_by("weergavenaam")
        )


def _controleer_nieuw_wachtwoord(form: forms.Form, user, niet_gelijk: str) -> None:
    """The new password (``nieuw``) typed twice alike (``herhaal``) and strong enough."""
    nieuw, herhaal = form.cleaned_data.get("nieuw"), form.cleaned_data.get("herhaal")
    if nieuw and herhaal and nieuw != herhaal:
        form.add_error("herhaal", niet_gelijk)
    elif nieuw:
        try:
            password_validation.validate_password(nieuw, user)
        except ValidationError as fout:
            form.add_error("nieuw", fout)


class WachtwoordForm(forms.Form):
    """A new password: the current one must still open the handler's key."""

    huidig = forms.CharField(
        label=_("Je huidige wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    nieuw = forms.CharField(
        label=_("Nieuw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens. Een zin van een paar woorden werkt goed."),
    )
    herhaal = forms.CharField(
        label=_("Nieuw wachtwoord nog eens"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, behandelaar: Behandelaar, **kwargs):
        super().__init__(*args, **kwargs)
        self.behandelaar = behandelaar
        self.prive: bytes | None = None

    def clean_huidig(self) -> str:
        huidig = self.cleaned_data["huidig"]
        self.prive = acties.ontgrendel(self.behandelaar, huidig)
        if self.prive is None:
            raise ValidationError(_("Dit is niet je huidige wachtwoord."), code="fout")
        return huidig

    def clean(self) -> dict:
        data = super().clean()
        _controleer_nieuw_wachtwoord(
            self, self.behandelaar.user, _("De twee nieuwe wachtwoorden zijn niet gelijk.")
        )
        return data


class InschrijfForm(forms.Form):
    """The handler's own password, chosen through a one-time enrolment link."""

    nieuw = forms.CharField(
        label=_("Kies je wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens. Een zin van een paar woorden werkt goed."),
    )
    herhaal = forms.CharField(
        label=_("Je wachtwoord nog eens"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, behandelaar: Behandelaar, **kwargs):
        super().__init__(*args, **kwargs)
        self.behandelaar = behandelaar

    def clean(self) -> dict:
        data = super().clean()
        _controleer_nieuw_wachtwoord(
            self, self.behandelaar.user, _("De twee wachtwoorden zijn niet gelijk.")
        )
        return data

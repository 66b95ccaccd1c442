"""The report form of one receiver: a default per kind plus the receiver's own questions.

Every question but the first is optional: a reporter says as much or as little as they
want. A public reporting point (a festival, a venue) gets the shortest form, to fill in
on a phone in a dark hall in under a minute. A peer-support intake (action 2.7) offers no
formal procedure (it starts none) and asks what kind of contact the person wants.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vangnet.core.velden import keuze, vinkjes
from vangnet.kaart.choices import Gedrag, Wanneer
from vangnet.kaart.choices import Status as MelderStatus
from vangnet.meldingen import acties
from vangnet.meldingen.choices import Contactwens, OntvangerSoort, Wens
from vangnet.meldingen.forms_melder import BijlagenVeld, tekstveld, telefoonveld
from vangnet.meldingen.models import Ontvanger

EXTRA = "extra_"
MAX_EXTRA = 2_000


@dataclass
class Groep:
    """Fields shown together under one heading."""

    titel: str
    velden: list  # BoundField


class Meldformulier(forms.Form):
    """A receiver's report form; ``inzending()`` turns a valid one into an ``acties.Inzending``."""

    def __init__(self, ontvanger: Ontvanger, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.ontvanger = ontvanger
        self.publiek = ontvanger.soort == OntvangerSoort.MELDPUNT_PUBLIEK
        self.lotgenoten = ontvanger.soort == OntvangerSoort.PEER_SUPPORT
        self.extravragen = list(ontvanger.extravragen.all())
        self.team = [
            lid.behandelaar
            for lid in ontvanger.team.select_related("behandelaar").order_by(
                "behandelaar__weergavenaam"
            )
        ]
        velden = self._kort() if self.publiek else self._volledig()
        self.fields.update(velden)

    # --- The questions ----------------------------------------------------------------

    def _wat(self) -> forms.CharField:
        return tekstveld(
            _("Wat is er gebeurd?"),
            _("In je eigen woorden, zoveel of zo weinig als je wilt."),
            rows=4 if self.publiek else 8,
        )

    def _extra(self) -> dict[str, forms.Field]:
        return {
            f"{EXTRA}{vraag.pk}": forms.CharField(
                label=vraag.vraag,
                help_text=vraag.hulptekst,
                required=vraag.verplicht,
                max_length=MAX_EXTRA,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            for vraag in self.extravragen
        }

    def _wensen(self) -> forms.MultipleChoiceField:
        wensen = Wens.choices
        if self.lotgenoten:
            # Peers listen and accompany; a formal procedure is not theirs to start.
            wensen = [(w, label) for w, label in wensen if w != Wens.FORMELE_PROCEDURE]
        return vinkjes(
            _("Wat zou je nu graag willen?"),
            wensen,
            _(
                "Kies alles wat past. Wat je aanvinkt, geldt als je toestemming voor die stap: "
                "je kan ze later altijd intrekken."
            ),
        )

    def _kort(self) -> dict[str, forms.Field]:
        """Public reporting point: what, where, what kind, what you want, a phone number."""
        return {
            "wat": self._wat(),
            "waar": forms.CharField(
                label=_("Waar op het terrein of in de zaal?"),
                help_text=_("Bijvoorbeeld: aan de bar, bij het podium, aan de toiletten."),
                required=False,
                max_length=300,
            ),
            "gedrag": vinkjes(_("Over wat voor gedrag gaat het?"), Gedrag.choices),
            **self._extra(),
            "wensen": self._wensen(),
            "telefoon": telefoonveld(
                _(
                    "Als je wilt dat we je terugbellen of een sms sturen. "
                    "Laat leeg om anoniem te blijven."
                )
            ),
        }

    def _volledig(self) -> dict[str, forms.Field]:
        velden: dict[str, forms.Field] = {
            "wat": self._wat(),
            "wanneer": keuze(
                _("Wanneer gebeurde het?"),
                Wanneer.choices,
                _("Als het meer dan eens gebeurde: wanneer was de laatste keer?"),
            ),
            "waar": forms.CharField(
                label=_("Waar gebeurde het?"),
                help_text=_("Bijvoorbeeld de organisatie, de productie of het evenement."),
                required=False,
                max_length=300,
            ),
            "gedrag": vinkjes(
                _("Over wat voor gedrag gaat het?"), Gedrag.choices, _("Kies alles wat past.")
            ),
            "rol": keuze(
                _("Wat was jouw rol waar het gebeurde?"),
                MelderStatus.choices,
                _("Kies wat het best past."),
            ),
            **self._extra(),
            "wensen": self._wensen(),
            **(self._contact() if self.lotgenoten else {}),
            "naam": forms.CharField(
                label=_("Je naam"),
                help_text=_("Laat leeg om anoniem te blijven."),
                required=False,
                max_length=200,
                widget=forms.TextInput(attrs={"autocomplete": "off"}),
            ),
            "email": forms.EmailField(
                label=_("E-mailadres"),
                help_text=_(
                    "Alleen als je een seintje wilt als er een antwoord is. De e-mail zegt "
                    "alleen dat er nieuws is, nooit wat erin staat."
                ),
                required=False,
                max_length=254,
                widget=forms.EmailInput(attrs={"autocomplete": "off"}),
            ),
            "telefoon": telefoonveld(_("Alleen als je wilt dat het team je belt.")),
        }
        if len(self.team) >= 2:
            velden["uitgesloten"] = vinkjes(
                _("Is er iemand in dit team die je melding niet mag zien?"),
                [(str(b.pk), b.weergavenaam) for b in self.team],
                self._uitleg_uitsluiten(),
            )
        # Last in the form: a cut-off upload loses every field that comes after the file.
        velden["bijlagen"] = BijlagenVeld()
        return velden

    def _contact(self) -> dict[str, forms.Field]:
        return {
            "contact": vinkjes(
                _("Wat voor contact zou je willen?"),
                Contactwens.choices,
                _("Kies alles wat past. Je kan later altijd iets anders vragen."),
            )
        }

    def _uitleg_uitsluiten(self) -> str:
        if self.ontvanger.terugval_id:
            return _(
                "Wie je aanvinkt, krijgt geen toegang tot je melding. Vink je iedereen aan, "
                "dan gaat je melding naar %(terugval)s."
            ) % {"terugval": self.ontvanger.terugval.naam}
        return _("Wie je aanvinkt, krijgt geen toegang tot je melding.")

    # --- Checks and result ------------------------------------------------------------

    def clean_uitgesloten(self) -> list[int]:
        uitgesloten = [int(pk) for pk in self.cleaned_data["uitgesloten"]]
        if len(uitgesloten) == len(self.team) and not self.ontvanger.terugval_id:
            raise ValidationError(
                _(
                    "Als je iedereen aanvinkt, kan niemand je melding lezen. Laat minstens "
                    "één persoon open, of kies een andere plek om te melden."
                ),
                code="iedereen",
            )
        return uitgesloten

    def groepen(self) -> list[Groep]:
        """The fields under their headings, in the order of the form."""
        indeling = [
            (_("Wat er gebeurde"), ["wat", "wanneer", "waar", "gedrag", "rol"]),
            (_("Nog enkele vragen"), [naam for naam in self.fields if naam.startswith(EXTRA)]),
            (_("Wat je wilt"), ["wensen", "contact"]),
            (_("Hoe we je kunnen bereiken"), ["naam", "email", "telefoon"]),
            (_("Wie je melding leest"), ["uitgesloten"]),
            (_("Bijlagen"), ["bijlagen"]),
        ]
        groepen = []
        for titel, namen in indeling:
            velden = [self[naam] for naam in namen if naam in self.fields]
            if velden:
                groepen.append(Groep(titel, velden))
        return groepen

    def inzending(self, taal: str) -> acties.Inzending:
        """The validated answers, in the shape ``acties.dien_in`` stores."""
        data = self.cleaned_data
        return acties.Inzending(
            antwoorden={
                "wat": data["wat"],
                "wanneer": data.get("wanneer", ""),
                "waar": data.get("waar", ""),
                "gedrag": data.get("gedrag", []),
                "rol": data.get("rol", ""),
                "contact": data.get("contact", []),
                "extra": {
                    vraag.vraag: data[f"{EXTRA}{vraag.pk}"]
                    for vraag in self.extravragen
                    if data.get(f"{EXTRA}{vraag.pk}")
                },
            },
            naam=data.get("naam", ""),
            email=data.get("email", ""),
            telefoon=data.get("telefoon", ""),
            wensen=data.get("wensen", []),
            uitgesloten=data.get("uitgesloten", []),
            bijlagen=data.get("bijlagen", []),
            taal=taal,
            team=self.team,
        )


def formulier_voor(ontvanger: Ontvanger, data=None, files=None) -> Meldformulier:
    """The report form of ``ontvanger``, bound to ``data`` and ``files`` when given."""
    return Meldformulier(ontvanger, data=data, files=files)

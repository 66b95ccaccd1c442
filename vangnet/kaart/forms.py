"""The kaart's search and filter form (GET; every value validated against the code lists)."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vangnet.core.velden import vinkjes
from vangnet.inhoud.versie import huidige
from vangnet.kaart import choices as c
from vangnet.kaart.models import ParitairComite
from vangnet.zoeken.search import Zoekvraag, voorwaarde

ITEM_SOORTEN = [
    ("aanspreekpunt", _("aanspreekpunten")),
    ("aanbod", _("aanbod")),
    ("begrip", _("begrippen")),
]


_comites_per_versie: dict[tuple[int, str], tuple[tuple[str, str], ...]] = {}


def _comites(inhoudsversie: int) -> tuple[tuple[str, str], ...]:
    """The joint committees as choices, in the active language, read once per content
    version and language in this process (any change to the kaart raises the version)."""
    sleutel = (inhoudsversie, get_language() or "")
    keuzes = _comites_per_versie.get(sleutel)
    if keuzes is None:
        keuzes = tuple(
            (pc.slug, f"{pc.afkorting} – {pc.naam}") for pc in ParitairComite.objects.all()
        )
        # Only the current version: older ones can never be asked for again.
        for oud in [k for k in _comites_per_versie if k[0] != inhoudsversie]:
            _comites_per_versie.pop(oud, None)
        _comites_per_versie[sleutel] = keuzes
    return keuzes


def vergeet() -> None:
    """Drop the committees read (tests roll the content version back)."""
    _comites_per_versie.clear()


class KaartFilterForm(forms.Form):
    """Search words plus filters. Each filter is a facet of the search index."""

    q = forms.CharField(label=_("Zoekwoorden"), required=False, max_length=200)
    soort = vinkjes(_("Wat zoek je?"), ITEM_SOORTEN)
    status = vinkjes(_("Ik ben"), c.Status.choices)
    perspectief = vinkjes(_("Mijn positie"), c.Perspectief.choices)
    gedrag = vinkjes(_("Soort gedrag"), c.Gedrag.choices)
    sector = vinkjes(_("Sector"), c.Sector.choices)
    niveau = vinkjes(_("Beleidsniveau"), c.Beleidsniveau.choices)
    type = vinkjes(
        _("Soort aanspreekpunt of aanbod"),
        list(c.AanspreekpuntSoort.choices)
        + [
            (value, label)
            for value, label in c.AanbodSoort.choices
            if value not in c.AanspreekpuntSoort.values
        ],
    )
    doelgroep = vinkjes(_("Aanbod voor"), c.AanbodDoelgroep.choices)
    taal = vinkjes(_("Taal"), c.Taal.choices)
    kosteloos = forms.BooleanField(label=_("Alleen gratis"), required=False)
    anoniem = forms.BooleanField(label=_("Alleen anoniem mogelijk"), required=False)
    pc = forms.ChoiceField(
        label=_("Mijn paritair comité"),
        required=False,
        help_text=_("Dan tonen we wat vorming voor jou kost."),
    )

    FACETS = (
        "soort",
        "status",
        "perspectief",
        "gedrag",
        "sector",
        "niveau",
        "type",
        "doelgroep",
        "taal",
    )

    def __init__(self, *args, inhoudsversie: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.inhoudsversie = huidige() if inhoudsversie is None else inhoudsversie
        self.fields["pc"].choices = [("", _("weet ik niet of geen")), *_comites(self.inhoudsversie)]

    def zoekvraag(self) -> Zoekvraag:
        """The search words and the chosen filters, as a query on the search index."""
        data = self.cleaned_data
        voorwaarden = [voorwaarde(name, data[name]) for name in self.FACETS if data.get(name)]
        if data.get("kosteloos"):
            gratis = voorwaarde("kosteloos", ["ja"])
            if data.get("pc"):
                # Free for *this* person: free for everyone, or free under their committee.
                gratis += voorwaarde("kosteloos-pc", [data["pc"]])
            voorwaarden.append(gratis)
        if data.get("anoniem"):
            voorwaarden.append(voorwaarde("anoniem", ["ja"]))
        return Zoekvraag(
            tekst=data.get("q") or "", voorwaarden=voorwaarden, inhoudsversie=self.inhoudsversie
        )

    def active_count(self) -> int:
        data = self.cleaned_data
        return sum(len(data.get(name) or []) for name in self.FACETS) + sum(
            1 for name in ("kosteloos", "anoniem", "pc") if data.get(name)
        )

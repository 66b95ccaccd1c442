"""Issue 12, "what it must show": hypothesis over every public form's fields.

Each form the public fills in (the toolbox, the kaart's and the pool's filters, the
poster, the quick scan, the reporting channel's forms and its sign-in) gets arbitrary input
in every field, as a browser could send it: any text, nothing at all, very long text, odd
Unicode (NUL, right-to-left marks, emoji, combining marks, lone surrogates decoded away),
lists where one value is expected. It must never raise, every error it gives must be a
translated message (not the same in Dutch and French), and a valid form stays valid
whatever unknown fields come with it.
"""

from collections.abc import Callable

from django import forms
from django.http import QueryDict
from django.utils import translation

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vangnet.kaart.forms import KaartFilterForm
from vangnet.meldingen import forms_behandelaar, forms_melder
from vangnet.meldingen.models import OntvangerSoort
from vangnet.meldingen.tests.factories import maak_team
from vangnet.meldingen.vragenlijst import Meldformulier
from vangnet.pool.forms import PoolFilterForm
from vangnet.quickscan.forms import AccountForm, ProfielForm, StellingenForm
from vangnet.quickscan.models import Stelling
from vangnet.verplichtingen.forms import VerplichtingenForm
from vangnet.vorming.forms import VormingForm
from vangnet.wegwijzer.views_poster import EigenPosterForm

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = 40

# What a browser can send in one field: any text (without lone surrogates, which a UTF-8
# request cannot carry), the odd characters people paste, and text far over any limit.
ODD = "\x00\u200f\u202e\ufeff\u0301\N{PILE OF POO}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.text(alphabet=ODD + "abc 123", max_size=30),
    st.integers(min_value=1, max_value=20_000).map(lambda n: "é" * n),
    st.sampled_from(["", " ", "-1", "1e9", "0", "999999999999999999999", "on", "ja", "true"]),
)


def _public_forms() -> dict[str, Callable[..., forms.Form]]:
    stellingen = list(Stelling.objects.all()[:6])
    publiek = maak_team("test-publiek", soort=OntvangerSoort.MELDPUNT_PUBLIEK, leden=()).ontvanger
    api = maak_team("test-api", leden=()).ontvanger
    return {
        "kaart": KaartFilterForm,
        "pool": PoolFilterForm,
        "verplichtingen": VerplichtingenForm,
        "vorming": VormingForm,
        "poster": EigenPosterForm,
        "quickscan-profiel": ProfielForm,
        "quickscan-stellingen": lambda *a, **k: StellingenForm(*a, stellingen=stellingen, **k),
        "quickscan-account": AccountForm,
        "melden-publiek": lambda *a, **k: Meldformulier(publiek, *a, **k),
        "melden": lambda *a, **k: Meldformulier(api, *a, **k),
        "opvolgen": forms_melder.OpvolgForm,
        "opvolgen-bericht": forms_melder.BerichtForm,
        "opvolgen-beslissing": forms_melder.BeslissingForm,
        "opvolgen-wissen": forms_melder.WissenForm,
        "aanmelden": forms_behandelaar.AanmeldForm,
        "aanmelden-code": forms_behandelaar.CodeForm,
    }


@pytest.fixture
def public_forms(db) -> dict[str, Callable[..., forms.Form]]:
    return _public_forms()


def _query(values: dict[str, list[str]]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, items in values.items():
        data.setlist(name, items)
    return data


def _errors(make: Callable[..., forms.Form], data: QueryDict, language: str) -> dict:
    with translation.override(language):
        form = make(data)
        form.is_valid()
        str(form)  # rendering what was typed back must not raise either
        return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


def _valid_value(name: str, field: forms.Field) -> list[str]:
    """A value the field accepts (the form's own first choice, or a plain one)."""
    if "telefoon" in name:
        return ["+32 470 12 34 56"]
    if "email" in name:
        return ["iemand@example.org"]
    if isinstance(field, forms.BooleanField):
        return ["on"]
    if isinstance(field, forms.ChoiceField):
        values = [str(v) for v, _label in field.choices if v not in ("", None)]
        if isinstance(field, forms.MultipleChoiceField):
            return values[:1]
        return values[:1] if field.required else [""]
    if isinstance(field, forms.EmailField):
        return ["iemand@example.org"]
    if isinstance(field, forms.URLField):
        return ["https://example.org/"]
    if isinstance(field, forms.FileField):
        return []
    return ["12"] if "aantal" in type(field).__name__.lower() else ["Een gewone tekst"]


VALID_OVERRIDES = {
    "opvolgen": {"ontvangstbewijs": ["1234 5678 9012 3456 7890"]},
    "aanmelden-code": {"code": ["123 456"]},
    "quickscan-account": {"gebruikersnaam": ["cultuurhuis-test"]},
    "quickscan-profiel": {"grootte": ["minder-dan-20"]},
}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_public_form_raises_on_any_input_and_every_error_is_translated(public_forms, data):
    for name, make in public_forms.items():
        fields = make().fields
        values = {
            field: data.draw(st.lists(text, min_size=0, max_size=3), label=f"{name}.{field}")
            for field in fields
        }
        nl = _errors(make, _query(values), "nl")
        fr = _errors(make, _query(values), "fr")
        assert nl.keys() == fr.keys(), name
        for field, messages in nl.items():
            for dutch, french in zip(messages, fr[field], strict=True):
                assert dutch and dutch != french, f"{name}.{field}: untranslated error {dutch!r}"


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(extra=st.dictionaries(st.text(min_size=1, max_size=20), st.lists(text, max_size=2)))
def test_a_valid_public_form_stays_valid_whatever_else_is_sent(public_forms, extra):
    for name, make in public_forms.items():
        fields = make().fields
        valid = {field: _valid_value(field, f) for field, f in fields.items()}
        valid.update(VALID_OVERRIDES.get(name, {}))
        form = make(_query(valid))
        assert form.is_valid(), (name, form.errors)
        with_extra = {k: v for k, v in extra.items() if k not in fields}
        again = make(_query({**with_extra, **valid}))
        assert again.is_valid(), (name, again.errors)
        assert again.cleaned_data == form.cleaned_data, name

"""The reaction guide (action 3.2): the real data, the loader's checks, the printable page."""

import shutil
from pathlib import Path

from django.conf import settings
from django.utils import translation

import pytest
import yaml

from vangnet.inhoud.loading import ContentError, Loader
from vangnet.toolbox.choices import Fase, Optie, Verplichting
from vangnet.toolbox.models import Reactiestap

pytestmark = pytest.mark.django_db

PAGINA = "/toolbox/na-een-incident/"


def test_the_guide_runs_from_the_first_conversation_to_looking_back():
    fasen = list(Reactiestap.objects.order_by("volgorde").values_list("fase", flat=True))
    assert fasen[0] == Fase.EERSTE_GESPREK and fasen[-1] == Fase.EVALUATIE
    assert set(fasen) == set(Fase.values)
    # The file's order is the page's order, and no phase comes back after the next began.
    volgorde = [Fase.values.index(f) for f in fasen]
    assert volgorde == sorted(volgorde)


def test_the_guide_names_the_four_options_of_the_plan():
    gebruikt = {optie for stap in Reactiestap.objects.all() for optie in stap.opties}
    assert gebruikt == set(Optie.values)


def test_every_required_step_says_why_and_every_step_has_a_source():
    for stap in Reactiestap.objects.all():
        assert stap.bron, stap.slug
        if stap.verplichting == Verplichting.VERPLICHT:
            assert stap.rechtsgrond, stap.slug
    assert Reactiestap.objects.filter(verplichting=Verplichting.VERPLICHT).exists()
    assert Reactiestap.objects.filter(verplichting=Verplichting.AANBEVOLEN).exists()


def test_the_guide_covers_both_the_reporter_and_the_accused_and_the_team():
    voor_wie = {wie for stap in Reactiestap.objects.all() for wie in stap.voor_wie}
    assert {"melder", "beschuldigde", "team", "organisatie"} <= voor_wie


def test_the_page_shows_the_steps_with_what_is_required_and_whom_to_call(client):
    response = client.get(PAGINA)
    assert response.status_code == 200
    html = response.content.decode()
    for stap in Reactiestap.objects.all():
        assert f'id="stap-{stap.slug}"' in html
    assert "Waarom verplicht:" in html
    assert "remediëring" in html
    assert 'href="/kaart/aanspreekpunt/vlaams-meldpunt/"' in html
    assert "Actieplan 2024-2025, actie 3.2" in html
    assert response.cookies == {}


def test_the_page_is_translated_where_the_data_is(client):
    # The middleware activates French for this thread; override puts Dutch back after.
    with translation.override("nl"):
        html = client.get("/fr" + PAGINA).content.decode()
    assert "D&#x27;abord la sécurité" in html or "D'abord la sécurité" in html


def _laad_met(tmp_path: Path, stappen: list[dict]) -> None:
    data = tmp_path / "data"
    shutil.copytree(settings.DATA_DIR, data)
    (data / "reactiegids.yaml").write_text(yaml.safe_dump(stappen, allow_unicode=True))
    Loader(data).check()


def test_the_loader_refuses_a_required_step_without_its_legal_basis(tmp_path):
    stap = {
        "id": "test-stap",
        "fase": "maatregelen",
        "titel": "Een test",
        "tekst": "Een test.",
        "verplichting": "verplicht",
        "bron": ["actieplan actie 3.2"],
    }
    with pytest.raises(ContentError) as fout:
        _laad_met(tmp_path, [stap])
    assert any("rechtsgrond is required" in p for p in fout.value.problems)


def test_the_loader_refuses_unknown_options_phases_and_contact_points(tmp_path):
    stap = {
        "id": "test-stap",
        "fase": "ergens",
        "titel": "Een test",
        "tekst": "Een test.",
        "verplichting": "aanbevolen",
        "opties": ["ontslag"],
        "wie_bellen": ["bestaat-niet"],
        "bron": ["https://example.org/"],
    }
    with pytest.raises(ContentError) as fout:
        _laad_met(tmp_path, [stap])
    problemen = " ".join(fout.value.problems)
    assert "fase: unknown value 'ergens'" in problemen
    assert "opties[0]: unknown value 'ontslag'" in problemen
    assert "wie_bellen[0]: 'bestaat-niet' is not a known contact point id" in problemen

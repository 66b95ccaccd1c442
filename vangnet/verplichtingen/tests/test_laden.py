"""Loading data/verplichtingen.yaml: idempotent, and strict about a condition or a detail
that the evaluation could not read."""

import shutil
from pathlib import Path

from django.conf import settings

import pytest
import yaml

from vangnet.inhoud.loading import ContentError, Loader
from vangnet.verplichtingen.models import Regel

pytestmark = pytest.mark.django_db
BESTAND = "verplichtingen.yaml"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for source in Path(settings.DATA_DIR).glob("*.yaml"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def edit(folder: Path, change) -> None:
    path = folder / BESTAND
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change({r["id"]: r for r in records})
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as error:
        Loader(folder).load()
    return error.value.problems


def test_loading_twice_changes_no_rule():
    tally = Loader(Path(settings.DATA_DIR)).load()[BESTAND]
    assert tally.created == 0 and tally.updated == 0
    assert tally.unchanged == Regel.objects.count() >= 5


def test_a_changed_threshold_is_updated_in_place(data_copy):
    def lower(rules):
        rules["vertrouwenspersoon"]["gevallen"][0]["voorwaarde"] = {"werknemers": {"vanaf": 40}}

    edit(data_copy, lower)
    assert Loader(data_copy).load()[BESTAND].updated == 1
    geval = Regel.objects.get(slug="vertrouwenspersoon").gevallen[0]
    assert geval["voorwaarde"] == {"werknemers": {"vanaf": 40}}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["gevallen"][0].update(voorwaarde={"werknemer": {"vanaf": 1}}), "gevallen[0].voorwaarde.werknemer: unknown field"),
        (lambda r: r["gevallen"][0].update(voorwaarde={"werknemers": {"vanaf": "50"}}), "a whole number"),
        (lambda r: r["gevallen"][0].update(voorwaarde={"werknemers": {"vanaf": 50, "tot": 20}}), "vanaf must be below tot"),
        (lambda r: r["gevallen"][0].update(voorwaarde={"werknemers": {"vanaf": 1, "boven": 3}}), "voorwaarde.werknemers.boven: unknown field"),
        (lambda r: r["gevallen"][0].update(soort="misschien"), "soort: unknown value 'misschien'"),
        (lambda r: r["gevallen"][0].update(kenmerken={"extern": "ja"}), "gevallen[0].kenmerken.extern: unknown value 'ja'"),
        (lambda r: r["gevallen"][0].update(kenmerken={"intern": True}), "gevallen[0].kenmerken.intern: unknown field"),
        (lambda r: r.update(aanspreekpunten=["bestaat-niet"]), "aanspreekpunten[0]: 'bestaat-niet' is not a known contact point id"),
        (lambda r: r.update(datum="1 december 2023"), "datum: must be a date"),
        (lambda r: r.pop("wettelijke_bron"), "wettelijke_bron: is required"),
        (lambda r: r.update(gevallen=[]), "gevallen: List should have at least 1 item"),
    ],
)  # fmt: skip
def test_a_mistake_in_a_rule_is_refused_naming_the_rule(data_copy, change, message):
    edit(data_copy, lambda rules: change(rules["preventieadviseur-psychosociaal"]))
    [problem] = problems(data_copy)
    assert problem.startswith(f"{BESTAND} #1 (preventieadviseur-psychosociaal)")
    assert message in problem

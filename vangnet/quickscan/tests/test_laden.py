"""data/quickscan.yaml: every statement is sourced, and the loader refuses what is wrong."""

import shutil
from pathlib import Path

import pytest
import yaml

from vangnet.inhoud.loading import ContentError, Loader
from vangnet.quickscan.models import Stelling

DATA = Path(__file__).resolve().parents[3] / "data"


def test_every_statement_is_loaded_with_a_source_and_help():
    records = yaml.safe_load((DATA / "quickscan.yaml").read_text(encoding="utf-8"))
    assert 28 <= len(records) <= 36
    for r in records:
        assert r["bron"], r["id"]
        assert r["stelling"]["fr"] and r["stelling"]["en"], r["id"]
        assert r["advies"]["fr"] and r["advies"]["en"], r["id"]


@pytest.mark.django_db
def test_the_loaded_statements_match_the_file():
    stelling = Stelling.objects.get(slug="vertrouwenspersoon-verplicht")
    assert stelling.niveau == "reactie"
    assert stelling.voorwaarden == {"grootte": ["50-of-meer"]}
    assert stelling.stelling_fr.startswith("Nous avons")
    assert set(stelling.helpt_aanbod.values_list("slug", flat=True)) == set(stelling.helpt)


@pytest.mark.django_db
def test_the_loader_names_every_problem_of_a_bad_statement(tmp_path):
    kopie = tmp_path / "data"
    shutil.copytree(DATA, kopie)
    slecht = {
        "id": "slechte-stelling",
        "niveau": "herstel",
        "stelling": {"fr": "sans néerlandais"},
        "geldt_voor": ["multinational"],
        "voorwaarden": {"met_huisdieren": True, "grootte": ["reusachtig"]},
        "gewicht": 7,
        "advies": "Doe iets.",
        "helpt": ["bestaat-niet"],
        "bron": ["wikipedia"],
    }
    records = yaml.safe_load((kopie / "quickscan.yaml").read_text(encoding="utf-8"))
    (kopie / "quickscan.yaml").write_text(yaml.safe_dump([*records, slecht]), encoding="utf-8")
    with pytest.raises(ContentError) as fout:
        Loader(kopie).check()
    tekst = "\n".join(fout.value.problems)
    for verwacht in (
        "niveau",
        "stelling.nl: is required",
        "geldt_voor[0]: unknown value 'multinational'",
        "voorwaarden.met_huisdieren: unknown field",
        "voorwaarden.grootte[0]: unknown value 'reusachtig'",
        "gewicht must be 1, 2 or 3",
        "helpt[0]: 'bestaat-niet' is not a known aanbod or aanspreekpunt id",
        "bron[0]: 'wikipedia' is neither",
    ):
        assert verwacht in tekst, verwacht

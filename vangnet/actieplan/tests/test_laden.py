"""data/actieplan.yaml holds the whole plan, and every action code in data/ is one of it."""

import os
import re
import shutil
from pathlib import Path

from django.conf import settings

import pytest
import yaml

from vangnet.actieplan.models import Actie, Begrotingspost
from vangnet.inhoud.loading import ContentError, Loader

pytestmark = pytest.mark.django_db

DATA = Path(settings.DATA_DIR)

#: Every action and sub-action of the seed text
#: (shared/seed/actieplan-cultuursector-2024-2025.txt, chapter 6), in its order.
SEED_ACTIES = [
    "1.1", "1.1.a", "1.1.b", "1.1.c",
    "1.2", "1.2.a", "1.2.b", "1.2.c",
    "1.3",
    "1.4", "1.4.a", "1.4.b",
    "1.5", "1.5.a", "1.5.b", "1.5.c", "1.5.d",
    "1.6", "1.7",
    "2.1", "2.2",
    "2.3", "2.3.a", "2.3.b", "2.3.c",
    "2.4", "2.5",
    "2.6", "2.6.a", "2.6.b",
    "2.7",
    "3.1", "3.2",
]  # fmt: skip
MET_DEELACTIES = {"1.1", "1.2", "1.4", "1.5", "2.3", "2.6"}
NUMMER = re.compile(r"^\s*(?:actie\s+)?(\d\.\d(?:\.[a-z])?)\s*:?\s", re.IGNORECASE | re.MULTILINE)


def _seed() -> Path | None:
    """The seed text where a session or CI has it (shared/ beside the repository)."""
    kandidaten = [os.environ.get("VANGNET_SEED", "")]
    kandidaten += [
        str(parent / "shared" / "seed" / "actieplan-cultuursector-2024-2025.txt")
        for parent in Path(settings.BASE_DIR).resolve().parents
    ]
    return next((Path(k) for k in kandidaten if k and Path(k).is_file()), None)


def test_the_list_above_is_the_seeds_list_of_actions():
    seed = _seed()
    if seed is None:
        pytest.skip("the seed text is not beside this checkout")
    assert NUMMER.findall(seed.read_text(encoding="utf-8")) == SEED_ACTIES


def test_every_action_of_the_seed_is_loaded_with_its_partners_and_timing():
    acties = {a.slug: a for a in Actie.objects.prefetch_related("partners", "deelacties")}
    assert list(acties) == SEED_ACTIES
    for nummer in SEED_ACTIES:
        actie = acties[nummer]
        assert actie.titel_nl and actie.bron, nummer
        assert actie.actieterrein == int(nummer[0])
        if nummer in MET_DEELACTIES:
            assert actie.deelacties.exists(), nummer
            continue
        assert actie.partners.exists(), f"{nummer} has no partners"
        assert actie.timing_nl and actie.jaren, f"{nummer} has no timing"
        if nummer.count(".") == 2:
            assert actie.hoofdactie.slug == nummer[:3]


def test_the_partners_are_the_organisations_the_plan_names():
    partners = set(Actie.objects.get(slug="2.3.c").partners.values_list("slug", flat=True))
    assert partners == {"sociaal-fonds-podiumkunsten"}
    meldpunt = Actie.objects.get(slug="1.7").partners.values_list("slug", flat=True)
    assert set(meldpunt) == {"departement-cjm", "vlaams-meldpunt-grensoverschrijdend-gedrag"}
    assert Actie.objects.get(slug="1.1.c").partners.count() == 32


def test_the_budget_is_the_impulse_of_chapter_5_with_its_six_purposes():
    bron = Begrotingspost.objects.get(soort="bron")
    assert bron.bedrag == 100000
    assert Begrotingspost.objects.filter(soort="doel").count() == 6


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    kopie = tmp_path / "data"
    shutil.copytree(DATA, kopie)
    return kopie


def _wijzig(pad: Path, wijzig) -> None:
    records = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijzig(records)
    pad.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))


def test_an_unknown_action_code_elsewhere_in_the_data_names_its_file_and_record(data_copy):
    def zet(records):
        records[0]["acties"] = ["1.4.b", "9.9"]

    _wijzig(data_copy / "aanbod.yaml", zet)
    eerste = yaml.safe_load((data_copy / "aanbod.yaml").read_text())[0]["id"]
    with pytest.raises(ContentError) as fout:
        Loader(data_copy).check()
    assert f"aanbod.yaml #1 ({eerste}): acties[1]: '9.9' is not an action" in "\n".join(
        fout.value.problems
    )


def test_an_action_without_partners_or_with_an_unknown_partner_is_refused(data_copy):
    def zet(records):
        sfp = next(r for r in records if r["id"] == "2.3.c")
        sfp["partners"] = []
        meldpunt = next(r for r in records if r["id"] == "1.7")
        meldpunt["partners"] = ["departement-cjm", "bestaat-niet"]

    _wijzig(data_copy / "actieplan.yaml", zet)
    with pytest.raises(ContentError) as fout:
        Loader(data_copy).check()
    problemen = "\n".join(fout.value.problems)
    assert "(2.3.c): partners: an action without sub-actions has partners" in problemen
    assert "(1.7): partners[1]: 'bestaat-niet' is not a known organisation id" in problemen


def test_a_purpose_of_the_budget_takes_no_amount_from_the_file(data_copy):
    def zet(records):
        records[1]["bedrag"] = 5000

    _wijzig(data_copy / "begroting.yaml", zet)
    with pytest.raises(ContentError) as fout:
        Loader(data_copy).check()
    assert "begroting.yaml #2 (vertrouwenspersonen): bedrag:" in "\n".join(fout.value.problems)


def test_loading_twice_changes_nothing():
    tallies = Loader(DATA).load()
    assert tallies["actieplan.yaml"].unchanged == len(SEED_ACTIES)
    assert tallies["begroting.yaml"].unchanged == 7

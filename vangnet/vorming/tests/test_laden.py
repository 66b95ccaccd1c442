"""Loading data/sessies.yaml: a session needs a known training, a time, a place and the
public page that gives its date; anything else is refused with the record named."""

import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from vangnet.inhoud.loading import ContentError, Loader
from vangnet.vorming.models import Sessie

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[3] / "data"
GOED = {
    "id": "test-vp-voorjaar",
    "aanbod": "opleiding-vertrouwenspersoon-sfp",
    "start": "2031-03-10T09:30",
    "einde": "2031-03-10T16:30",
    "plaats": "Brussel",
    "inschrijven": "https://voorbeeld.be/inschrijven",
    "bron": ["https://voorbeeld.be/agenda"],
}


def loader_met(tmp_path: Path, sessies: list[dict]) -> Loader:
    map_ = tmp_path / "data"
    shutil.copytree(DATA, map_)
    (map_ / "sessies.yaml").write_text(yaml.safe_dump(sessies), encoding="utf-8")
    return Loader(map_)


def test_the_data_file_is_a_list_with_no_invented_dates():
    assert yaml.safe_load((DATA / "sessies.yaml").read_text(encoding="utf-8")) == []
    assert "We verzinnen geen data" in (DATA / "sessies.yaml").read_text(encoding="utf-8")


def test_a_good_session_is_loaded_in_brussels_time_and_again_without_change(tmp_path):
    loader_met(tmp_path, [GOED]).load()
    sessie = Sessie.objects.get(slug="test-vp-voorjaar")
    assert sessie.start == datetime(2031, 3, 10, 9, 30, tzinfo=ZoneInfo("Europe/Brussels"))
    assert sessie.aanbod.slug == "opleiding-vertrouwenspersoon-sfp"
    tallies = loader_met(tmp_path / "opnieuw", [GOED]).load()
    assert tallies["sessies.yaml"].unchanged == 1


def test_a_session_that_left_the_file_is_pruned_only_when_asked(tmp_path):
    loader_met(tmp_path, [GOED]).load()
    tallies = loader_met(tmp_path / "zonder", []).load()
    assert tallies["sessies.yaml"].orphans == ["test-vp-voorjaar"]
    assert Sessie.objects.filter(slug="test-vp-voorjaar").exists()
    loader_met(tmp_path / "weg", []).load(prune=True)
    assert not Sessie.objects.filter(slug="test-vp-voorjaar").exists()


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"bron": ["actieplan actie 2.3.a"]}, "public https:// page"),
        ({"bron": []}, "bron: must be a non-empty list"),
        ({"aanbod": "bestaat-niet"}, "is not a known aanbod id"),
        ({"start": "2031-03-10"}, "must have a time"),
        ({"start": "volgende week"}, "not a date and time"),
        ({"einde": "2031-03-10T08:00"}, "einde must come after start"),
        ({"plaats": ""}, "plaats is required unless online"),
        ({"inschrijven": "http://voorbeeld.be"}, "https:// link"),
        ({"online": "ja"}, "online: Input should be a valid boolean"),
    ],
)
def test_a_bad_session_is_refused_naming_the_record(tmp_path, wijziging, melding):
    with pytest.raises(ContentError) as fout:
        loader_met(tmp_path, [{**GOED, **wijziging}]).check()
    problemen = [p for p in fout.value.problems if "sessies.yaml" in p]
    assert problemen and "test-vp-voorjaar" in problemen[0], fout.value.problems
    assert any(melding in p for p in problemen), problemen


def test_an_online_session_needs_no_place(tmp_path):
    loader_met(tmp_path, [{**GOED, "plaats": "", "online": True}]).load()
    assert Sessie.objects.get(slug="test-vp-voorjaar").waar == "online"

"""Every text a person reads in data/*.yaml exists in Dutch, French and English.

The person-facing fields are listed in ``vangnet/inhoud/dekking.py``; a translated record
says whose translation it is (``vertaling: {fr: concept, en: concept}``), so partners know
what to review.
"""

import shutil
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest
import yaml

from vangnet.inhoud import schemas
from vangnet.inhoud.dekking import DOELTALEN, VELDEN, meet_map
from vangnet.inhoud.loading import schema_per_bestand

DATA = Path(settings.DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for source in DATA.glob("*.yaml"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def test_every_person_facing_text_is_in_french_and_english():
    missing = [
        f"no {taal}: {where}"
        for meting in meet_map(DATA)
        for taal in DOELTALEN
        for where in meting.ontbrekend[taal]
    ]
    assert not missing, "\n".join(missing)


def test_every_translatable_field_in_the_data_is_counted_as_person_facing():
    assert set(VELDEN) == set(schema_per_bestand())
    unlisted = {m.bestand: m.onbekende_velden for m in meet_map(DATA) if m.onbekende_velden}
    assert not unlisted, f"add these fields to VELDEN in vangnet/inhoud/dekking.py: {unlisted}"


def test_a_missing_french_text_is_named_with_its_file_record_and_field(data_copy):
    path = data_copy / "begrippen.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    del records[0]["definitie"]["fr"]
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False))

    meting = next(m for m in meet_map(data_copy) if m.bestand == "begrippen.yaml")

    assert f"begrippen.yaml #1 ({records[0]['id']}): definitie" in meting.ontbrekend["fr"]
    assert meting.procent("fr") < 100


def test_a_list_of_texts_counts_every_item():
    record = {
        "id": "voorbeeld",
        "naam": "Voorbeeld",
        "soort": "andere",
        "onbevestigd": [{"nl": "website", "fr": "site web"}, "openingsuren"],
        "vertaling": {"fr": "concept"},
        "bron": ["actieplan actie 2.1"],
    }
    meting = _meet_een("organisaties.yaml", record)

    assert meting.teksten == 3
    assert set(meting.ontbrekend["fr"]) == {
        "organisaties.yaml #1 (voorbeeld): naam",
        "organisaties.yaml #1 (voorbeeld): onbevestigd[1]",
    }


def _meet_een(bestand: str, record: dict):
    from vangnet.inhoud.dekking import _tel

    geldig, problemen = schemas.valideer(bestand, [record], schema_per_bestand()[bestand])
    assert not problemen
    return _tel(bestand, geldig)


def _problemen(record: dict) -> list[str]:
    return schemas.valideer("organisaties.yaml", [record], schemas.Organisatie)[1]


def test_a_record_with_french_text_must_say_whose_translation_it_is():
    record = {
        "id": "voorbeeld",
        "naam": {"nl": "Voorbeeld", "fr": "Exemple"},
        "soort": "andere",
        "bron": ["actieplan actie 2.1"],
    }
    assert _problemen(record) == [
        "organisaties.yaml #1 (voorbeeld): vertaling.fr: the record has French text: mark it "
        "'vertaling: {fr: concept}' (or nagekeken once the organisation approved it)"
    ]
    assert _problemen({**record, "vertaling": {"fr": "concept"}}) == []
    assert _problemen({**record, "vertaling": {"fr": "nagekeken"}}) == []


def test_a_translation_status_needs_the_translation_and_a_known_value():
    record = {
        "id": "voorbeeld",
        "naam": {"nl": "Voorbeeld", "fr": "Exemple"},
        "soort": "andere",
        "bron": ["actieplan actie 2.1"],
    }
    assert _problemen({**record, "vertaling": {"fr": "concept", "en": "concept"}}) == [
        "organisaties.yaml #1 (voorbeeld): vertaling.en: says concept, but the record has no "
        "English text"
    ]
    assert _problemen({**record, "vertaling": {"fr": "klaar"}}) == [
        "organisaties.yaml #1 (voorbeeld): vertaling.fr: unknown value 'klaar'; "
        "allowed: 'concept' or 'nagekeken'"
    ]


@pytest.mark.django_db
def test_make_content_reports_the_coverage_per_file_and_language():
    out = StringIO()
    call_command("load_content", "--check", stdout=out)
    report = out.getvalue()

    assert "Translated (person-facing texts" in report
    for bestand in VELDEN:
        assert any(
            line.split()[:1] == [bestand] and line.rstrip().endswith("%")
            for line in report.splitlines()
        ), bestand

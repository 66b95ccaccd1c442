"""Three-valued facts and their freshness: a sourced "no", "overige", and gecontroleerd_op."""

import shutil
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest
import yaml

from vangnet.inhoud.loading import ContentError, Loader
from vangnet.kaart import choices as c
from vangnet.kaart.models import Aanspreekpunt
from vangnet.wegwijzer.regels import BEVOEGDHEDEN

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may change."""
    for source in Path(settings.DATA_DIR).glob("*.yaml"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def edit_punt(folder: Path, slug: str, change) -> None:
    """Change one contact point of the copy in place."""
    path = folder / "aanspreekpunten.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(r for r in records if r["id"] == slug))
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as error:
        Loader(folder).check()
    return error.value.problems


# --- niet_voor: a "no" needs its source ---------------------------------------------------


def test_a_niet_voor_entry_without_a_source_is_refused_naming_file_record_and_field(data_copy):
    edit_punt(data_copy, "vmri", lambda r: r["niet_voor"]["gedrag"][0].pop("bron"))
    [problem] = problems_of(data_copy)
    assert problem.startswith("aanspreekpunten.yaml #")
    assert "(vmri): niet_voor.gedrag[0].bron: must be a non-empty list" in problem


def test_overige_stands_for_every_value_not_confirmed():
    vmri = Aanspreekpunt.objects.get(slug="vmri")
    [entry] = vmri.niet_voor["gedrag"]
    assert set(entry["waarden"]) == set(c.Gedrag.values) - {"discriminatie"}
    assert entry["bron"] and entry["reden"]["fr"] and entry["reden"]["en"]


def test_a_value_that_is_both_yes_and_no_is_refused(data_copy):
    edit_punt(
        data_copy,
        "unia",
        lambda r: r["niet_voor"]["discriminatiegronden"][0].update(waarden=["gender", "afkomst"]),
    )
    [problem] = problems_of(data_copy)
    assert "(unia): niet_voor.discriminatiegronden[0].waarden:" in problem
    assert "afkomst is both listed in discriminatiegronden and here" in problem


def test_minderjarigen_false_needs_a_sourced_no(data_copy):
    edit_punt(data_copy, "api", lambda r: r.update(minderjarigen=False))
    [problem] = problems_of(data_copy)
    assert "(api)" in problem and "niet_voor.minderjarigen" in problem


# --- gecontroleerd_op: when the facts were last checked --------------------------------------


def test_gecontroleerd_op_is_read_as_a_date_for_a_point_and_its_channels():
    zsg = Aanspreekpunt.objects.get(slug="zsg")
    assert zsg.gecontroleerd_op == date(2026, 12, 6)
    assert all(k.gecontroleerd_op == date(2026, 12, 6) for k in zsg.kanalen.all())


def test_a_badly_written_date_is_refused(data_copy):
    edit_punt(data_copy, "zsg", lambda r: r.update(gecontroleerd_op="6 december 2026"))
    [problem] = problems_of(data_copy)
    assert "(zsg): gecontroleerd_op: must be a date written YYYY-MM-DD" in problem


def test_a_fact_checked_more_than_a_year_ago_is_a_warning_not_an_error(data_copy):
    def oud(r):
        r["gecontroleerd_op"] = date(2020, 1, 31)
        r["kanalen"][0]["gecontroleerd_op"] = date(2020, 1, 31)

    edit_punt(data_copy, "zsg", oud)
    loader = Loader(data_copy)
    loader.load()
    assert Aanspreekpunt.objects.get(slug="zsg").gecontroleerd_op == date(2020, 1, 31)
    mine = [w for w in loader.warnings if "(zsg)" in w]
    assert any(
        w.endswith("(zsg): gecontroleerd_op 2020-01-31 is more than a year ago") for w in mine
    )
    assert any("(zsg) kanalen[0]: gecontroleerd_op 2020-01-31" in w for w in mine)


def test_a_recent_check_gives_no_warning_and_a_missing_one_does(data_copy):
    edit_punt(data_copy, "zsg", lambda r: r.pop("gecontroleerd_op"))
    loader = Loader(data_copy)
    loader.check()
    assert any(
        w.endswith("(zsg): gecontroleerd_op is missing (never checked)") for w in loader.warnings
    )
    assert not any("(vmri):" in w for w in loader.warnings)


def test_make_content_shows_the_warnings_with_its_progress(data_copy, capsys):
    edit_punt(data_copy, "caw", lambda r: r.update(gecontroleerd_op=date(2019, 5, 1)))
    call_command("load_content", data=str(data_copy))
    out = capsys.readouterr().out
    assert "not checked within a year" in out
    assert "(caw): gecontroleerd_op 2019-05-01 is more than a year ago" in out
    assert "Content loaded." in out


# --- the facts corrected in feitencontrole 2 -------------------------------------------------


def test_every_contact_point_the_competence_rules_name_is_in_the_data():
    present = set(Aanspreekpunt.objects.values_list("slug", flat=True))
    named = {regel.punt for regel in BEVOEGDHEDEN}
    assert named <= present, named - present


def test_the_zsg_lists_a_centre_in_every_flemish_province_and_in_brussels():
    labels = " ".join(k.label_nl for k in Aanspreekpunt.objects.get(slug="zsg").kanalen.all())
    for plaats in ["Gent", "Brussel", "Edegem", "Leuven", "Rumbeke", "Genk"]:
        assert plaats in labels, plaats


def test_a_centre_without_a_sourced_address_or_number_is_shown_as_unconfirmed():
    kanalen = {k.label_nl: k for k in Aanspreekpunt.objects.get(slug="zsg").kanalen.all()}
    assert kanalen["ZSG Oost-Vlaanderen (UZ Gent)"].onbevestigd
    brussel = [k for k in kanalen.values() if k.label_nl.startswith("ZSG Brussel")]
    assert {k.soort for k in brussel} == {"bezoek", "telefoon", "email"}
    assert not any(k.onbevestigd for k in brussel)


def test_1712_shows_no_structured_phone_hours_because_the_sources_contradict_each_other():
    telefoon = Aanspreekpunt.objects.get(slug="1712").kanalen.get(soort="telefoon")
    assert telefoon.uren == []
    assert "17 of 18 uur" in telefoon.uren_toelichting_nl
    assert telefoon.uren_toelichting_fr and telefoon.uren_toelichting_en


def test_1712_is_run_by_the_caws_and_the_vertrouwenscentra_kindermishandeling():
    punt = Aanspreekpunt.objects.get(slug="1712")
    assert {"caw", "vertrouwenscentra-kindermishandeling"} <= set(
        punt.aanbieders.values_list("slug", flat=True)
    )


def test_the_caw_free_number_is_shown_as_unconfirmed_with_its_source():
    telefoon = Aanspreekpunt.objects.get(slug="caw").kanalen.get(soort="telefoon")
    assert telefoon.waarde == "0800 13 500"
    assert telefoon.onbevestigd and telefoon.bron


def test_the_new_contact_points_are_complete_in_three_languages():
    for slug in [
        "meldpunt-werkgerelateerde-discriminatie",
        "cultuurloket",
        "toezicht-sociale-wetten",
    ]:
        punt = Aanspreekpunt.objects.get(slug=slug)
        assert punt.gecontroleerd_op, slug
        assert punt.kanalen.exists() and all(k.bron for k in punt.kanalen.all()), slug
        for code in ("nl", "fr", "en"):
            assert getattr(punt, f"opvolging_{code}"), (slug, code)
            assert getattr(punt, f"wie_weet_wat_{code}"), (slug, code)
            assert getattr(punt, f"voorwaarden_{code}"), (slug, code)

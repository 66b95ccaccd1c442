"""Loading the action plan's content: complete, sourced, idempotent, and strict about mistakes."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
import yaml
from reversion.models import Version

from vangnet.begrippen.models import Begrip
from vangnet.inhoud.loading import ContentError, Loader
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Organisatie, ParitairComite

pytestmark = pytest.mark.django_db

# The contact points of action 2.1 and the others the plan names; later modules use these ids.
REQUIRED_CONTACT_POINTS = [
    "noodnummer-112", "politie", "1712", "caw", "zsg", "vlaams-meldpunt", "vmri", "unia", "igvm",
    "vertrouwenspersoon-intern", "vertrouwenspersoon-extern", "sfp-freelance-pool",
    "preventieadviseur-intern", "preventieadviseur-psychosociaal", "api", "engagement-arts",
    "punt-vzw", "vzw-zijn", "over-grenzen", "erkenningscommissie", "vakbond", "huisarts",
    "arbeidsinspectie", "meldpunt-publiek",
]  # fmt: skip
# Action 1.3 names these terms explicitly.
REQUIRED_TERMS = [
    "integriteit", "psychosociaal welzijn", "misbruik", "toxisch leiderschap",
    "seksuele intimidatie", "discriminatie",
]  # fmt: skip


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may change."""
    for source in Path(settings.DATA_DIR).glob("*.yaml"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


def edit(folder: Path, name: str, change) -> None:
    path = folder / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_every_contact_point_the_plan_names_is_present():
    present = set(Aanspreekpunt.objects.values_list("slug", flat=True))
    assert set(REQUIRED_CONTACT_POINTS) <= present, set(REQUIRED_CONTACT_POINTS) - present


def test_the_external_prevention_services_provide_the_psychosocial_adviser():
    punt = Aanspreekpunt.objects.get(slug="preventieadviseur-psychosociaal")
    assert {"idewe", "securex", "attentia", "mensura"} <= set(
        punt.aanbieders.values_list("slug", flat=True)
    )


def test_every_contact_point_says_what_happens_next_and_who_gets_to_know_what():
    for punt in Aanspreekpunt.objects.all():
        assert len(punt.opvolging) >= 2, punt.slug
        assert punt.wie_weet_wat, punt.slug
        assert punt.doelgroepen and punt.gedrag, punt.slug


def test_about_fifty_organisations_of_the_plan_are_loaded():
    assert Organisatie.objects.count() >= 45
    for slug in ["oko", "sociaal-fonds-podiumkunsten", "faro", "socius", "vlaams-meldpunt-grensoverschrijdend-gedrag"]:  # fmt: skip
        assert Organisatie.objects.filter(slug=slug).exists(), slug


def test_the_glossary_holds_at_least_thirty_terms_including_those_of_action_1_3():
    assert Begrip.objects.count() >= 30
    terms = {t.lower() for t in Begrip.objects.values_list("term", flat=True)}
    assert set(REQUIRED_TERMS) <= terms, set(REQUIRED_TERMS) - terms


@pytest.mark.parametrize("model", [Organisatie, ParitairComite, Aanspreekpunt, Aanbod, Begrip])
def test_every_record_has_a_source(model):
    for obj in model.objects.all():
        assert obj.bron, f"{model.__name__} {obj.slug}"
        for entry in obj.bron:
            assert entry.startswith(("actieplan ", "https://")), (obj.slug, entry)


def test_training_prices_follow_the_paritair_comite():
    sfp = Aanbod.objects.filter(prijzen__paritair_comite__slug="304", prijzen__bedrag=0).first()
    assert sfp is not None, "the SFP vertrouwenspersoon training is free under PC 304"
    assert sfp.prijs_voor("304").bedrag == 0
    assert sfp.prijs_voor("329").bedrag == 750
    mediarte = Aanbod.objects.filter(prijzen__paritair_comite__slug="303.01").first()
    assert mediarte.prijs_voor("303.01").bedrag == 0
    assert mediarte.prijs_voor(None).bedrag == 850


def test_loading_twice_changes_nothing():
    versions_before = Version.objects.count()
    counts_before = [m.objects.count() for m in (Organisatie, Aanspreekpunt, Aanbod, Begrip)]
    tallies = Loader(Path(settings.DATA_DIR)).load()
    assert all(t.created == 0 and t.updated == 0 for t in tallies.values()), tallies
    assert [
        m.objects.count() for m in (Organisatie, Aanspreekpunt, Aanbod, Begrip)
    ] == counts_before
    assert Version.objects.count() == versions_before


def test_a_changed_record_is_updated_in_place_and_versioned(data_copy):
    def rename(records):
        records[0]["naam"] = "Hernoemde organisatie"

    edit(data_copy, "organisaties.yaml", rename)
    first_slug = yaml.safe_load((data_copy / "organisaties.yaml").read_text())[0]["id"]
    count = Organisatie.objects.count()
    tallies = Loader(data_copy).load()
    assert tallies["organisaties.yaml"].updated == 1
    assert Organisatie.objects.count() == count
    org = Organisatie.objects.get(slug=first_slug)
    assert org.naam == "Hernoemde organisatie"
    assert Version.objects.get_for_object(org).first().revision.comment == "load_content"


def test_a_removed_record_is_reported_and_only_deleted_with_prune(data_copy):
    records = yaml.safe_load((data_copy / "begrippen.yaml").read_text())
    referenced = {other for r in records for other in r.get("verwant") or []}
    removed = next(r["id"] for r in records if r["id"] not in referenced)
    edit(
        data_copy, "begrippen.yaml", lambda rs: rs.remove(next(r for r in rs if r["id"] == removed))
    )
    tallies = Loader(data_copy).load()
    assert tallies["begrippen.yaml"].orphans == [removed]
    assert Begrip.objects.filter(slug=removed).exists()
    Loader(data_copy).load(prune=True)
    assert not Begrip.objects.filter(slug=removed).exists()


def test_an_unknown_code_value_is_refused_naming_file_record_and_field(data_copy):
    def corrupt(records):
        records[0]["gedrag"] = ["seksueel", "roddelen"]

    edit(data_copy, "aanspreekpunten.yaml", corrupt)
    with pytest.raises(ContentError) as error:
        Loader(data_copy).load()
    [problem] = error.value.problems
    assert problem.startswith("aanspreekpunten.yaml #1 (")
    assert "gedrag[1]: unknown value 'roddelen'" in problem


def test_a_record_without_source_is_refused(data_copy):
    edit(data_copy, "aanbod.yaml", lambda records: records[2].pop("bron"))
    with pytest.raises(ContentError, match="problem") as error:
        Loader(data_copy).load()
    assert "bron: must be a non-empty list" in error.value.problems[0]


def test_a_shortened_url_is_not_a_source(data_copy):
    def shorten(records):
        records[0]["bron"] = ["https://werk.belgie.be/…/actiemiddelen"]

    edit(data_copy, "organisaties.yaml", shorten)
    with pytest.raises(ContentError) as error:
        Loader(data_copy).load()
    assert "shortened URL" in error.value.problems[0]


def test_a_reference_to_an_unknown_organisation_is_refused(data_copy):
    def dangle(records):
        records[0]["aanbieders"] = ["bestaat-niet"]

    edit(data_copy, "aanbod.yaml", dangle)
    with pytest.raises(ContentError) as error:
        Loader(data_copy).load()
    assert "unknown organisation id 'bestaat-niet'" in error.value.problems[0]


def test_a_bad_opening_hour_names_file_record_and_nested_field(data_copy):
    def corrupt(records):
        records[0]["kanalen"] = [
            records[0]["kanalen"][0],
            {
                "soort": "telefoon",
                "waarde": "02 000 00 00",
                "uren": [{"dagen": ["ma"], "van": "9u", "tot": "17:00"}],
            },
        ]

    edit(data_copy, "aanspreekpunten.yaml", corrupt)
    first = yaml.safe_load((data_copy / "aanspreekpunten.yaml").read_text())[0]["id"]
    with pytest.raises(ContentError) as error:
        Loader(data_copy).load()
    assert error.value.problems == [
        f"aanspreekpunten.yaml #1 ({first}): kanalen[1].uren[0].van: must be written HH:MM, "
        "got '9u'"
    ]


def test_a_bad_source_in_a_sourced_no_names_file_record_and_nested_field(data_copy):
    def corrupt(records):
        punt = next(r for r in records if (r.get("niet_voor") or {}).get("doelgroepen"))
        punt["niet_voor"]["doelgroepen"][0]["bron"] = ["ergens gelezen"]

    edit(data_copy, "aanspreekpunten.yaml", corrupt)
    with pytest.raises(ContentError) as error:
        Loader(data_copy).load()
    [problem] = error.value.problems
    assert problem.startswith("aanspreekpunten.yaml #")
    assert ": niet_voor.doelgroepen[0].bron[0]: 'ergens gelezen' is neither" in problem


def test_every_problem_of_every_file_is_reported_not_only_the_first(data_copy):
    def corrupt_points(records):
        records[0]["anoniem"] = "ja"
        records[0]["onbekend_veld"] = 1
        records[1]["naam"] = {"fr": "Sans néerlandais"}
        records[2]["minderjarigen"] = False

    edit(data_copy, "aanspreekpunten.yaml", corrupt_points)
    edit(data_copy, "organisaties.yaml", lambda records: records[3].update(soort="fanclub"))
    with pytest.raises(ContentError) as error:
        Loader(data_copy).load()
    fields = sorted(p.split(": ")[1] for p in error.value.problems)
    assert fields == ["anoniem", "minderjarigen", "naam.nl", "onbekend_veld", "soort"], (
        error.value.problems
    )
    assert all(
        p.startswith(("aanspreekpunten.yaml #", "organisaties.yaml #4 ("))
        for p in error.value.problems
    )


def test_a_value_both_yes_and_no_is_refused(data_copy):
    def corrupt(records):
        punt = next(r for r in records if (r.get("niet_voor") or {}).get("gedrag"))
        punt["niet_voor"]["gedrag"] = [
            {"waarden": [punt["gedrag"][0]], "bron": ["actieplan actie 2.1"]}
        ]

    edit(data_copy, "aanspreekpunten.yaml", corrupt)
    with pytest.raises(ContentError) as error:
        Loader(data_copy).load()
    [problem] = error.value.problems
    assert "niet_voor.gedrag[0].waarden: " in problem and "is both listed in gedrag" in problem


def test_a_failed_load_writes_nothing(data_copy):
    def rename_and_break(records):
        records[0]["naam"] = "Mag niet blijven"
        records[1]["soort"] = "fanclub"

    edit(data_copy, "organisaties.yaml", rename_and_break)
    with pytest.raises(ContentError):
        Loader(data_copy).load()
    assert not Organisatie.objects.filter(naam="Mag niet blijven").exists()


def test_the_command_lists_every_problem_and_fails(data_copy, capsys):
    edit(data_copy, "begrippen.yaml", lambda records: records[0].update(verwant=["nergens"]))
    with pytest.raises(CommandError):
        call_command("load_content", data=str(data_copy))
    assert "verwant[0]: unknown term id 'nergens'" in capsys.readouterr().err


def test_check_mode_validates_without_writing(data_copy, capsys):
    edit(
        data_copy,
        "organisaties.yaml",
        lambda records: records[0].update(naam="Alleen gecontroleerd"),
    )
    call_command("load_content", data=str(data_copy), check=True)
    assert "14 files valid" in capsys.readouterr().out
    assert not Organisatie.objects.filter(naam="Alleen gecontroleerd").exists()


def test_the_command_shows_progress_and_a_summary(capsys):
    call_command("load_content")
    out = capsys.readouterr().out
    assert "aanspreekpunten.yaml" in out and "unchanged" in out and "Content loaded." in out


def test_glossary_terms_are_linked_from_pages_that_use_them():
    punt = Aanspreekpunt.objects.get(slug="vertrouwenspersoon-intern")
    assert punt.begrippen.filter(slug="vertrouwenspersoon").exists()

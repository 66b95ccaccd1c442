"""What each training costs per paritair comité: pinned for every training in the data.

The expected table is built straight from data/aanbod.yaml (the file, not the database),
so a price that changes there changes here too; the four examples of the issue are
written out by hand as well.
"""

from decimal import Decimal
from pathlib import Path

from django.utils import translation

import pytest
import yaml

from vangnet.kaart.models import Aanbod
from vangnet.vorming import vinder
from vangnet.vorming.vinder import Kost, Thema, Vraag

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[3] / "data"
AANBOD = yaml.safe_load((DATA / "aanbod.yaml").read_text(encoding="utf-8"))
PCS = [r["id"] for r in yaml.safe_load((DATA / "paritaire-comites.yaml").read_text("utf-8"))]
VORMINGEN = [r for r in AANBOD if r["soort"] in vinder.VORMING_SOORTEN]


def verwacht(record: dict, pc: str | None) -> tuple[Decimal | None, bool]:
    """The price the file gives for ``pc``: its own price, else everyone else's, else none."""
    prijzen = record.get("prijzen") or []
    eigen = [p for p in prijzen if pc is not None and str(p["paritair_comite"]) == pc]
    algemeen = [p for p in prijzen if p["paritair_comite"] is None]
    for prijs in eigen or algemeen:
        return Decimal(str(prijs["bedrag"])), bool(prijs.get("vanaf", False))
    return None, False


TABEL = [
    pytest.param(r["id"], pc, *verwacht(r, pc), id=f"{r['id']}-pc-{pc or 'geen'}")
    for r in VORMINGEN
    for pc in [None, *PCS]
]


def test_the_data_has_trainings_with_prices_to_pin():
    assert len(VORMINGEN) > 10
    assert sum(1 for r in VORMINGEN if r.get("prijzen")) >= 4


@pytest.mark.parametrize(("aanbod_id", "pc", "bedrag", "vanaf"), TABEL)
def test_every_training_costs_what_the_data_says_for_every_paritair_comite(
    aanbod_id, pc, bedrag, vanaf
):
    aanbod = Aanbod.objects.prefetch_related("prijzen__paritair_comite").get(slug=aanbod_id)
    kost = Kost.van(aanbod.prijs_voor(pc))
    assert kost.bedrag == bedrag
    assert kost.vanaf is vanaf
    assert kost.kosteloos is (bedrag == 0 and not vanaf)
    assert kost.bekend is (bedrag is not None)


# The four examples of the issue (action 2.3.a and 2.6.b of the plan), by hand.
VOORBEELDEN = [
    ("opleiding-vertrouwenspersoon-sfp", "304", 0, False, True, "gratis voor PC 304"),
    ("opleiding-vertrouwenspersoon-sfp", "329", 750, False, False, "€ 750"),
    ("opleiding-vertrouwenspersoon-sfp", "303.01", 750, False, False, "€ 750"),
    ("opleiding-vertrouwenspersoon-sfp", None, 750, False, False, "€ 750"),
    ("opleiding-vertrouwenspersoon-mediarte", "303.01", 0, False, True, "gratis voor PC 303.01"),
    ("opleiding-vertrouwenspersoon-mediarte", "304", 850, False, False, "€ 850"),
    ("opleiding-vertrouwenspersoon-mediarte", None, 850, False, False, "€ 850"),
    ("opleiding-vertrouwenspersoon-externe-diensten", "304", 1180, True, False, "vanaf € 1.180"),
    ("opleiding-vertrouwenspersoon-externe-diensten", None, 1180, True, False, "vanaf € 1.180"),
    ("basisopleiding-preventieadviseur-niveau-3", "329", 1200, True, False, "vanaf € 1.200"),
    ("basisopleiding-preventieadviseur-niveau-3", None, 1200, True, False, "vanaf € 1.200"),
    ("omstaanderstraining-sfp-punt", "304", None, False, False, "prijs niet bekend"),
]


@pytest.mark.parametrize(("aanbod_id", "pc", "eur", "vanaf", "kosteloos", "woorden"), VOORBEELDEN)
def test_the_examples_of_the_issue_cost_what_the_plan_says(
    aanbod_id, pc, eur, vanaf, kosteloos, woorden
):
    aanbod = Aanbod.objects.get(slug=aanbod_id)
    kost = Kost.van(aanbod.prijs_voor(pc))
    assert (kost.eur, kost.vanaf, kost.kosteloos) == (eur, vanaf, kosteloos)
    with translation.override("nl"):
        assert kost.in_woorden() == woorden


def test_ipa_level_3_takes_six_to_eight_days():
    assert (
        Aanbod.objects.get(slug="basisopleiding-preventieadviseur-niveau-3").duur == "6 à 8 dagen"
    )


def test_amounts_are_written_the_way_each_language_writes_them():
    kost = Kost(bedrag=Decimal("1200.00"), vanaf=True)
    with translation.override("en"):
        assert "1,200" in kost.in_woorden()
    with translation.override("nl"):
        assert "1.200" in kost.in_woorden()
    with translation.override("nl"):
        assert Kost(bedrag=Decimal("12.50")).in_woorden() == "€ 12,50"


def test_the_finder_puts_what_is_free_for_you_first_then_by_price():
    resultaten = vinder.zoek(
        Vraag(statuut="werknemer", pc="304", themas=(Thema.VERTROUWENSPERSOON,))
    )
    ids = [r.aanbod.slug for r in resultaten]
    assert ids[:3] == [
        "opleiding-vertrouwenspersoon-sfp",  # free under PC 304
        "opleiding-vertrouwenspersoon-mediarte",  # 850
        "opleiding-vertrouwenspersoon-externe-diensten",  # from 1,180
    ]
    sleutels = [r.kost.sorteersleutel() for r in resultaten]
    assert sleutels == sorted(sleutels)


def test_under_pc_303_01_the_mediarte_training_comes_first():
    resultaten = vinder.zoek(
        Vraag(statuut="werknemer", pc="303.01", themas=("vertrouwenspersoon",))
    )
    assert resultaten[0].aanbod.slug == "opleiding-vertrouwenspersoon-mediarte"
    assert resultaten[0].kost.kosteloos


def test_the_support_of_action_2_3_a_is_shown_to_a_freelancer_who_pays():
    resultaten = vinder.zoek(Vraag(statuut="freelancer", pc="geen", themas=("vertrouwenspersoon",)))
    sfp = next(r for r in resultaten if r.aanbod.slug == "opleiding-vertrouwenspersoon-sfp")
    assert [s.aanbod.slug for s in sfp.steun] == ["steun-opleiding-vertrouwenspersoon-vlaanderen"]
    assert sfp.steun[0].doelgroep is True
    # The support is a note with the trainings, not a training of its own.
    assert "steun-opleiding-vertrouwenspersoon-vlaanderen" not in [
        r.aanbod.slug for r in resultaten
    ]


def test_the_support_is_not_offered_where_a_fund_already_pays():
    resultaten = vinder.zoek(Vraag(statuut="werknemer", pc="304", themas=("vertrouwenspersoon",)))
    assert all(r.steun == [] for r in resultaten)


def test_an_employee_outside_the_two_committees_hears_the_support_is_for_small_organisations():
    resultaten = vinder.zoek(Vraag(statuut="werknemer", pc="329", themas=("vertrouwenspersoon",)))
    steun = resultaten[0].steun
    assert steun and steun[0].doelgroep is False


@pytest.mark.parametrize("thema", Thema.values)
def test_every_theme_finds_something_in_the_data(thema):
    assert vinder.zoek(Vraag(themas=(thema,))), thema


def test_every_id_the_finder_names_is_in_the_data():
    ids = {r["id"] for r in AANBOD}
    genoemd = {s.aanbod_id for s in vinder.STEUN} | {
        slug for regel in vinder.THEMAS.values() for slug in regel.ids
    }
    assert genoemd <= ids, genoemd - ids


def test_every_statuut_and_theme_has_a_row_in_the_tables():
    from vangnet.kaart.choices import Status

    assert set(vinder.STATUUT_DOELGROEPEN) == set(Status.values)
    assert set(vinder.THEMAS) == set(Thema.values)


def test_a_leader_without_a_theme_gets_the_offering_for_leaders_and_boards():
    ids = {r.aanbod.slug for r in vinder.zoek(Vraag(statuut="leidinggevende"))}
    assert "workshops-leidinggevenden-bestuur-sfp-oko" in ids
    assert "opleiding-vertrouwenspersoon-sfp" not in ids  # only when asked for


def test_a_freelancer_without_a_theme_gets_trainings_and_not_a_service_meant_for_them():
    # The pool of freelance vertrouwenspersonen is meant for freelancers (kind: begeleiding):
    # a place to turn to, which the wegwijzer leads to, not a training to follow.
    resultaten = vinder.zoek(Vraag(statuut="freelancer"))
    soorten = {r.aanbod.slug: r.aanbod.soort for r in resultaten}
    assert "freelance-pool-vertrouwenspersonen-sfp" not in soorten
    assert set(soorten.values()) <= vinder.PERSOONLIJKE_SOORTEN


@pytest.mark.parametrize("statuut", ["werknemer", "flexwerker", "vrijwilliger", "student"])
def test_a_person_without_a_theme_gets_only_what_they_follow_themselves(statuut):
    soorten = {r.aanbod.soort for r in vinder.zoek(Vraag(statuut=statuut))}
    assert soorten <= vinder.PERSOONLIJKE_SOORTEN


def test_an_organisation_still_finds_the_support_meant_for_it():
    ids = {r.aanbod.slug for r in vinder.zoek(Vraag(statuut="leidinggevende"))}
    assert "vivo-icoba-ondersteuningsaanbod" in ids  # begeleiding for organisations

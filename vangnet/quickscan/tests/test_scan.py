"""The quickscan's rules: which statements apply, the scores, and the next steps.

The table tests run on the real statements of data/quickscan.yaml (loaded once by the root
conftest): an organisation profile and its answers give the expected next steps, in order.
"""

from dataclasses import dataclass, field

import pytest

from vangnet.quickscan import scan
from vangnet.quickscan.models import Stelling
from vangnet.quickscan.scan import Profiel

pytestmark = pytest.mark.django_db


@dataclass
class S:
    """A stand-in statement for the pure scoring tests."""

    slug: str
    niveau: str = "kwaliteit"
    gewicht: int = 1
    geldt_voor: list = field(default_factory=lambda: ["werkgever"])
    voorwaarden: dict = field(default_factory=dict)


def alle(profiel: Profiel) -> list[Stelling]:
    return scan.stellingen_voor(Stelling.objects.all(), profiel)


def antwoord_overal(
    profiel: Profiel, standaard: str, uitzonderingen: dict | None = None
) -> dict[str, str]:
    """Every statement the profile gets answered ``standaard``, except the ones named."""
    antwoorden = {s.slug: standaard for s in alle(profiel)}
    for slug, antwoord in (uitzonderingen or {}).items():
        assert slug in antwoorden, f"{slug} is not asked of this profile"
        antwoorden[slug] = antwoord
    return antwoorden


GROTE_WERKGEVER = Profiel(vorm="werkgever", grootte="50-of-meer", paritair_comite="304")
KLEINE_WERKGEVER = Profiel(vorm="werkgever", grootte="minder-dan-20", paritair_comite="329")
KUNSTENAAR_MET_INTIMITEIT = Profiel(vorm="kunstenaar", intimiteit=True)
VERENIGING_MET_JONGEREN = Profiel(vorm="vrijwilligersorganisatie", met_minderjarigen=True)
COLLECTIEF = Profiel(vorm="collectief", grootte="geen")

# (profile, (the answer to every statement, the exceptions), the expected next steps in order)
TABEL = [
    pytest.param(
        GROTE_WERKGEVER,
        ("ja", {"vertrouwenspersoon-verplicht": "nee", "gedragscode": "deels",
                "omgangsregels": "deels", "fair-practices": "nee", "registratie": "nee"}),
        ["vertrouwenspersoon-verplicht", "gedragscode", "omgangsregels", "fair-practices",
         "registratie"],
        id="grote-werkgever: weight first, then no before partly, then kwaliteit first",
    ),
    pytest.param(
        KUNSTENAAR_MET_INTIMITEIT,
        ("nee", {}),
        ["visie-op-gedrag", "intieme-scenes", "eigen-hulp", "omgangsregels", "open-cultuur"],
        id="kunstenaar who answers no everywhere: at most five, pyramid order within a weight",
    ),
    pytest.param(
        VERENIGING_MET_JONGEREN,
        ("ja", {"afspraken-minderjarigen": "deels", "minderjarige-vertelt": "nee",
                "aanspreekpunt-integriteit": "nee"}),
        ["aanspreekpunt-integriteit", "minderjarige-vertelt", "afspraken-minderjarigen"],
        id="vereniging with young people: three gaps give three steps",
    ),
    pytest.param(
        COLLECTIEF,
        ("ja", {"meldkanalen": "nvt", "leren-na-incident": "deels"}),
        ["leren-na-incident"],
        id="collectief: not applicable is never a step",
    ),
    pytest.param(
        KLEINE_WERKGEVER,
        ("ja", {}),
        [],
        id="kleine werkgever that answers yes everywhere: no steps",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("profiel", "antwoorden", "verwacht"), TABEL)
def test_a_profile_and_its_answers_give_the_expected_next_steps(profiel, antwoorden, verwacht):
    standaard, uitzonderingen = antwoorden
    antwoorden = antwoord_overal(profiel, standaard, uitzonderingen)
    stappen = scan.volgende_stappen(alle(profiel), antwoorden)
    assert [stap.stelling.slug for stap in stappen] == verwacht


def test_it_never_gives_more_than_five_steps():
    for profiel in (GROTE_WERKGEVER, COLLECTIEF, VERENIGING_MET_JONGEREN):
        stappen = scan.volgende_stappen(alle(profiel), antwoord_overal(profiel, "nee"))
        assert len(stappen) == scan.MAXIMUM_STAPPEN


def test_statements_that_do_not_fit_the_organisation_are_not_asked():
    kunstenaar = {s.slug for s in alle(Profiel(vorm="kunstenaar"))}
    assert "gedragscode" not in kunstenaar  # no staff to give a code to
    assert "eigen-hulp" in kunstenaar
    assert "afspraken-minderjarigen" not in kunstenaar
    assert "intieme-scenes" in {s.slug for s in alle(KUNSTENAAR_MET_INTIMITEIT)}
    klein = {s.slug for s in alle(KLEINE_WERKGEVER)}
    groot = {s.slug for s in alle(GROTE_WERKGEVER)}
    # The vertrouwenspersoon is compulsory from 50 workers; smaller employers are asked
    # whether their people can reach one.
    assert "vertrouwenspersoon-verplicht" in groot - klein
    assert "vertrouwenspersoon-bereikbaar" in klein - groot
    vereniging = {s.slug for s in alle(VERENIGING_MET_JONGEREN)}
    assert {"aanspreekpunt-integriteit", "minderjarige-vertelt"} <= vereniging
    assert "externe-preventiedienst" not in vereniging


def test_every_kind_of_organisation_gets_about_thirty_statements_or_fewer_on_every_level():
    for vorm in ("werkgever", "vrijwilligersorganisatie", "collectief", "kunstenaar"):
        profiel = Profiel(vorm=vorm, grootte="20-tot-50", met_minderjarigen=True, intimiteit=True)
        groepen = scan.per_niveau(alle(profiel))
        assert list(groepen) == ["kwaliteit", "preventie", "reactie"], vorm
        assert 8 <= sum(len(g) for g in groepen.values()) <= 32, vorm


def test_the_score_is_weighted_and_leaves_out_not_applicable():
    stellingen = [
        S("a", gewicht=3),
        S("b", gewicht=1),
        S("c", gewicht=2),
        S("d", niveau="reactie", gewicht=2),
    ]
    scores = scan.scores(stellingen, {"a": "ja", "b": "nee", "c": "nvt", "d": "deels"})
    assert scores["kwaliteit"].procent == 75  # (3 x 1 + 1 x 0) / 4
    assert scores["kwaliteit"].woord == "sterk"
    assert scores["kwaliteit"].geteld == 2
    assert scores["reactie"].procent == 50
    assert scores["reactie"].woord == "op-weg"
    assert scores["preventie"].procent is None
    assert scores["preventie"].woord == ""


@pytest.mark.parametrize(
    ("procent", "woord"),
    [(100, "sterk"), (75, "sterk"), (74, "op-weg"), (40, "op-weg"), (39, "nog-te-doen"),
     (0, "nog-te-doen"), (None, "")],
)  # fmt: skip
def test_the_words_follow_the_thresholds(procent, woord):
    assert scan.woord_voor(procent) == woord


def test_the_help_of_a_step_shows_the_cost_for_the_organisations_paritair_comite():
    stelling = Stelling.objects.prefetch_related("helpt_aanbod__prijzen__paritair_comite").get(
        slug="vertrouwenspersoon-verplicht"
    )
    kosten = {h.slug: h.kost for h in scan.hulp_voor(stelling, "304")}
    assert kosten == {
        "opleiding-vertrouwenspersoon-sfp": "gratis",
        "opleiding-vertrouwenspersoon-mediarte": "850 euro",
        "opleiding-vertrouwenspersoon-externe-diensten": "vanaf 1.180 euro",
    }
    kosten = {h.slug: h.kost for h in scan.hulp_voor(stelling, "303.01")}
    assert kosten["opleiding-vertrouwenspersoon-sfp"] == "750 euro"
    assert kosten["opleiding-vertrouwenspersoon-mediarte"] == "gratis"
    kosten = {h.slug: h.kost for h in scan.hulp_voor(stelling, "329")}
    assert kosten["opleiding-vertrouwenspersoon-sfp"] == "750 euro"


def test_without_a_paritair_comite_the_help_shows_every_price_the_kaart_knows():
    stelling = Stelling.objects.prefetch_related("helpt_aanbod__prijzen__paritair_comite").get(
        slug="vertrouwenspersoon-verplicht"
    )
    kosten = {h.slug: h.kost for h in scan.hulp_voor(stelling, "")}
    assert kosten == {
        "opleiding-vertrouwenspersoon-sfp": "gratis onder PC 304; 750 euro voor alle anderen",
        "opleiding-vertrouwenspersoon-mediarte": "gratis onder PC 303.01; 850 euro voor alle anderen",
        "opleiding-vertrouwenspersoon-externe-diensten": "vanaf 1.180 euro",
    }


def test_a_price_the_kaart_does_not_know_is_left_empty_and_never_made_up():
    stelling = Stelling.objects.get(slug="gedragscode")
    hulp = scan.hulp_voor(stelling, "304")
    assert hulp and all(h.kost == "" for h in hulp)
    assert scan.prijs_onbekend([scan.Stap(stelling, "nee", hulp)])


def test_a_from_price_of_zero_is_not_called_free():
    from decimal import Decimal

    from vangnet.kaart.models import Prijs
    from vangnet.kaart.prijzen import prijs_in_woorden

    assert prijs_in_woorden(Prijs(bedrag=Decimal(0), vanaf=True)) == "vanaf 0 euro"
    assert prijs_in_woorden(Prijs(bedrag=Decimal(0), vanaf=False)) == "gratis"


def test_the_help_keeps_the_data_files_order_and_includes_contact_points():
    stelling = Stelling.objects.get(slug="eigen-hulp")
    hulp = scan.hulp_voor(stelling, "")
    assert [(h.soort, h.slug) for h in hulp] == [
        ("aanspreekpunt", "vlaams-meldpunt"),
        ("aanspreekpunt", "sfp-freelance-pool"),
        ("aanspreekpunt", "engagement-arts"),
    ]


def test_a_profile_survives_the_round_trip_and_refuses_nonsense():
    assert Profiel.uit_dict(GROTE_WERKGEVER.als_dict()) == GROTE_WERKGEVER
    with pytest.raises(ValueError):
        Profiel.uit_dict({"vorm": "multinational"})

"""The legal thresholds, pinned at their edges against the rules as loaded from the data file.

A change of a threshold in data/verplichtingen.yaml must make one of these tests fail: the
edges are the law (19/20, 49/50, 199/200, 1000/1001 workers) and must move only on purpose.
"""

from types import SimpleNamespace

import pytest

from vangnet.verplichtingen.models import Regel
from vangnet.verplichtingen.regels import (
    NIET_VAN_TOEPASSING,
    Invoer,
    beoordeel,
    beoordeel_regel,
    geldt,
    tekst,
)

pytestmark = pytest.mark.django_db


def uitkomsten(werknemers: int, vrijwilligers: int = 0, pc: str | None = None) -> dict:
    return {u.regel.slug: u for u in beoordeel(werknemers, vrijwilligers, pc, Regel.objects.all())}


# (werknemers, vrijwilligers, rule id, soort, kenmerken that must hold)
EDGES = [
    # Prevention adviser psychosocial aspects: external below 50.
    (1, 0, "preventieadviseur-psychosociaal", "verplicht", {"extern": True}),
    (49, 0, "preventieadviseur-psychosociaal", "verplicht", {"extern": True}),
    (50, 0, "preventieadviseur-psychosociaal", "verplicht", {"extern": False}),
    # Internal prevention adviser: the employer may act as one below 20; groups by size.
    (1, 0, "interne-preventieadviseur", "verplicht", {"werkgever_mag_zelf": True, "groep": "D"}),
    (19, 0, "interne-preventieadviseur", "verplicht", {"werkgever_mag_zelf": True, "groep": "D", "opleiding": "basiskennis"}),
    (20, 0, "interne-preventieadviseur", "verplicht", {"werkgever_mag_zelf": False, "groep": "C", "opleiding": "basiskennis"}),
    (199, 0, "interne-preventieadviseur", "verplicht", {"groep": "C", "opleiding": "basiskennis"}),
    (200, 0, "interne-preventieadviseur", "verplicht", {"groep": "B", "opleiding": "niveau-2"}),
    (1000, 0, "interne-preventieadviseur", "verplicht", {"groep": "B", "opleiding": "niveau-2"}),
    (1001, 0, "interne-preventieadviseur", "verplicht", {"werkgever_mag_zelf": False, "groep": "A", "opleiding": "niveau-1"}),
    # Vertrouwenspersoon: mandatory from 50 (since 1 December 2023); on the staff from 20.
    (19, 0, "vertrouwenspersoon", "aanbevolen", {"minstens_een_in_dienst": False}),
    (20, 0, "vertrouwenspersoon", "aanbevolen", {"minstens_een_in_dienst": True}),
    (49, 0, "vertrouwenspersoon", "aanbevolen", {"minstens_een_in_dienst": True}),
    (50, 0, "vertrouwenspersoon", "verplicht", {"minstens_een_in_dienst": True}),
    # Duties of every employer.
    (1, 0, "risicoanalyse-psychosociaal", "verplicht", {}),
    (1, 0, "procedures-arbeidsreglement", "verplicht", {}),
    (1, 0, "register-feiten-derden", "verplicht", {}),
    # Volunteers and members: outside the Welzijnswet; the plan recommends an API.
    (0, 1, "aanspreekpunt-integriteit", "aanbevolen", {}),
    (250, 1, "aanspreekpunt-integriteit", "aanbevolen", {}),
    (250, 0, "aanspreekpunt-integriteit", NIET_VAN_TOEPASSING, {}),
    (0, 1, "vrijwilligerswet", "verplicht", {}),
    (3, 0, "vrijwilligerswet", NIET_VAN_TOEPASSING, {}),
    (0, 1, "gedragscode", "aanbevolen", {}),
    (1, 0, "gedragscode", "aanbevolen", {}),
    (0, 0, "gedragscode", NIET_VAN_TOEPASSING, {}),
]  # fmt: skip


@pytest.mark.parametrize(("werknemers", "vrijwilligers", "regel", "soort", "kenmerken"), EDGES)
def test_each_threshold_holds_at_its_edge(werknemers, vrijwilligers, regel, soort, kenmerken):
    uitkomst = uitkomsten(werknemers, vrijwilligers)[regel]
    assert uitkomst.soort == soort, (werknemers, vrijwilligers, uitkomst.uitleg)
    for naam, waarde in kenmerken.items():
        assert uitkomst.kenmerken[naam] == waarde, (naam, werknemers)
    assert uitkomst.uitleg


@pytest.mark.parametrize(
    "regel",
    [
        "preventieadviseur-psychosociaal",
        "interne-preventieadviseur",
        "vertrouwenspersoon",
        "risicoanalyse-psychosociaal",
        "procedures-arbeidsreglement",
        "register-feiten-derden",
    ],
)
def test_no_welzijnswet_duty_applies_with_volunteers_and_no_workers(regel):
    uitkomst = uitkomsten(0, 40)[regel]
    assert uitkomst.soort == NIET_VAN_TOEPASSING
    assert not uitkomst.verplicht
    assert uitkomst.uitleg


def test_details_of_a_rule_that_does_not_apply_are_unknown_not_false():
    uit = uitkomsten(0, 5)
    assert uit["preventieadviseur-psychosociaal"].kenmerken == {"extern": None}
    assert uit["interne-preventieadviseur"].kenmerken == {
        "werkgever_mag_zelf": None,
        "groep": None,
        "opleiding": None,
    }


def test_required_comes_before_recommended_and_what_does_not_apply_comes_last():
    soorten = [u.soort for u in beoordeel(30, 10, None, Regel.objects.all())]
    assert soorten == sorted(soorten, key=["verplicht", "aanbevolen", NIET_VAN_TOEPASSING].index)
    assert soorten[0] == "verplicht" and "aanbevolen" in soorten


def test_every_rule_carries_its_legal_source_and_a_source_for_its_facts():
    for regel in Regel.objects.all():
        assert regel.wettelijke_bron and regel.bron, regel.slug
        verplicht = any(g["soort"] == "verplicht" for g in regel.gevallen)
        if verplicht and regel.datum is None:  # a recommendation has no date of its own
            assert any("datum" in n for n in regel.onbevestigd), regel.slug


def test_the_vertrouwenspersoon_rule_took_effect_on_1_december_2023():
    assert str(Regel.objects.get(slug="vertrouwenspersoon").datum) == "2023-12-01"


def test_the_numbers_given_appear_in_the_explanation():
    assert "60 werknemers" in uitkomsten(60)["vertrouwenspersoon"].uitleg
    assert "7 vrijwilligers" in uitkomsten(0, 7)["aanspreekpunt-integriteit"].uitleg


def test_it_refuses_negative_numbers():
    with pytest.raises(ValueError):
        beoordeel(-1, 0, None, [])


# The interpreter on its own, with rules that are not in the data file -------------------


def regel(*gevallen, slug="test-regel"):
    return SimpleNamespace(
        slug=slug, volgorde=0, gevallen=list(gevallen), niet_van_toepassing="past niet"
    )


def test_vanaf_is_inclusive_and_tot_is_exclusive():
    voorwaarde = {"werknemers": {"vanaf": 10, "tot": 20}}
    assert not geldt(voorwaarde, Invoer(9, 0))
    assert geldt(voorwaarde, Invoer(10, 0))
    assert geldt(voorwaarde, Invoer(19, 0))
    assert not geldt(voorwaarde, Invoer(20, 0))


def test_workers_and_volunteers_together_count_both():
    voorwaarde = {"werknemers_en_vrijwilligers": {"vanaf": 5}}
    assert geldt(voorwaarde, Invoer(2, 3)) and not geldt(voorwaarde, Invoer(2, 2))


def test_a_condition_on_the_paritair_comite_needs_that_committee():
    voorwaarde = {"pc": ["304"]}
    assert geldt(voorwaarde, Invoer(1, 0, "304"))
    assert not geldt(voorwaarde, Invoer(1, 0, "329"))
    assert not geldt(voorwaarde, Invoer(1, 0, None))


def test_the_first_case_that_holds_decides():
    r = regel(
        {"voorwaarde": {"werknemers": {"vanaf": 1}}, "soort": "verplicht", "uitleg": "eerste"},
        {"voorwaarde": {}, "soort": "aanbevolen", "uitleg": "tweede"},
    )
    assert beoordeel_regel(r, Invoer(5, 0)).uitleg == "eerste"
    assert beoordeel_regel(r, Invoer(0, 0)).uitleg == "tweede"


def test_a_text_falls_back_to_dutch():
    assert tekst({"nl": "hallo", "fr": ""}, "fr") == "hallo"
    assert tekst({"nl": "hallo", "en": "hello"}, "en") == "hello"
    assert tekst("gewoon", "en") == "gewoon"


def test_a_stray_brace_in_a_text_does_not_break_it():
    r = regel({"soort": "verplicht", "uitleg": "{onbekend} en {werknemers}"})
    assert beoordeel_regel(r, Invoer(3, 0)).uitleg == "{onbekend} en 3"

"""The stuurgroep's comparison of what support costs under PC 329 against PC 304
(the plan's concern of equal access, action 1.2.b), read from the kaart.

Sara sits in the stuurgroep, Bob writes for SFP, Alice works at the department.
"""

from decimal import Decimal

from django.test import Client

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.kaart import vergelijking
from vangnet.kaart.models import Aanbod, ParitairComite, Prijs
from vangnet.kaart.tests.factories import AanbodFactory
from vangnet.kaart.vergelijking import Oordeel, Toegang

pytestmark = pytest.mark.django_db

ADRES = "/kaart/gelijke-toegang/"


def _onderwerp(uitkomst, actie):
    return next(o for o in uitkomst.onderwerpen if o.actie == actie)


def test_training_as_a_vertrouwenspersoon_is_a_gap_because_pc_304_trains_for_free():
    opleiding = _onderwerp(vergelijking.vergelijk("329", "304"), "2.3.a")
    sfp = next(r for r in opleiding.regels if r.aanbod.slug == "opleiding-vertrouwenspersoon-sfp")
    assert sfp.b.toegang == Toegang.GRATIS and sfp.b.eigen_fonds
    assert sfp.a.toegang == Toegang.BETALEND and sfp.a.bedrag == Decimal(750)
    assert sfp.duurder_voor_a
    assert opleiding.oordeel == Oordeel.KLOOF
    assert "PC 329" in opleiding.reden


def test_every_kind_of_support_the_plan_names_is_compared():
    acties = [o.actie for o in vergelijking.vergelijk().onderwerpen]
    assert acties == ["2.3.a", "2.3.b", "2.3.c", "2.6.b", "1.6", "1.5.c", "2.7"]


def test_a_free_price_for_pc_329_entered_on_the_kaart_closes_the_gap_at_once():
    item = Aanbod.objects.get(slug="opleiding-vertrouwenspersoon-sfp")
    for andere in Aanbod.objects.exclude(pk=item.pk):
        if "2.3.a" in andere.acties:
            andere.acties = []
            andere.save()
    Prijs.objects.create(
        aanbod=item, paritair_comite=ParitairComite.objects.get(slug="329"), bedrag=0
    )
    opleiding = _onderwerp(vergelijking.vergelijk(), "2.3.a")
    assert opleiding.oordeel == Oordeel.GELIJK


def test_an_offering_without_a_known_price_is_to_be_checked_never_a_gap_or_unavailable():
    item = AanbodFactory(titel="Testbegeleiding zonder prijs", acties=["2.7"])
    peer_support = _onderwerp(vergelijking.vergelijk(), "2.7")
    regel = next(r for r in peer_support.regels if r.aanbod == item)
    assert regel.a.toegang == Toegang.NIET_GEKEND
    assert regel.a.in_woorden == "prijs niet gekend"
    assert peer_support.oordeel == Oordeel.NA_TE_GAAN


def test_a_kind_of_support_without_any_offering_on_the_kaart_is_to_be_checked():
    Aanbod.objects.filter(pk__in=[a.pk for a in Aanbod.objects.all() if "1.6" in a.acties]).delete()
    intimiteit = _onderwerp(vergelijking.vergelijk(), "1.6")
    assert intimiteit.regels == []
    assert intimiteit.oordeel == Oordeel.NA_TE_GAAN


def test_the_comparison_reads_the_kaart_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
):
    AanbodFactory.create_batch(20, acties=["2.3.a"])
    with django_assert_max_num_queries(4):
        vergelijking.vergelijk()


def test_the_stuurgroep_reads_the_comparison_with_its_gaps(client, sara):
    meld_aan_in_beheer(client, sara)
    antwoord = client.get(ADRES)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Gelijke toegang: PC 329 tegenover PC 304" in tekst
    assert "Opleiding tot vertrouwenspersoon" in tekst
    assert "750 euro" in tekst
    assert "niet beschikbaar" not in tekst


def test_the_department_reads_the_comparison_too(client, alice):
    meld_aan_in_beheer(client, alice)
    assert client.get(ADRES).status_code == 200


def test_a_partner_is_refused_and_nobody_signed_in_is_sent_to_the_sign_in(client, bob):
    antwoord = Client().get(ADRES)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/beheer/login/")
    meld_aan_in_beheer(client, bob)
    assert client.get(ADRES).status_code == 403


def test_the_comparison_is_in_french_and_english(client, sara):
    meld_aan_in_beheer(client, sara)
    assert "CP 329" in client.get("/fr" + ADRES).content.decode()
    assert "JC 329" in client.get("/en" + ADRES).content.decode()

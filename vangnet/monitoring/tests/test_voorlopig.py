"""The department's provisional figures: counted daily into a snapshot, read from there.

The quarters that are not fixed yet (the current one, those in their waiting time) are
counted by ``monitoring_vastleggen`` into a provisional snapshot, so the department's page
reads counts instead of counting every case (issue 14: a fixed number of queries and the
same cost for a million cases). The public never sees one; fixing the quarter replaces it.
"""

from datetime import timedelta

from django.core.management import call_command

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.monitoring import cijfers, momentopname, synthetisch
from vangnet.monitoring.models import Momentopname

BELEID = "/monitoring/beleid/"


def test_the_daily_run_counts_the_quarters_not_fixed_into_a_provisional_snapshot(twee_jaar):
    assert not Momentopname.objects.filter(voorlopig=True).exists()
    call_command("monitoring_vastleggen", verbosity=0)
    voorlopig = Momentopname.objects.filter(voorlopig=True)
    # 1 March 2026: the waiting time of 92 days keeps 2025-K4 open until 1 April.
    assert set(voorlopig.values_list("kwartaal", flat=True)) == {"2026-K1"}
    assert momentopname.vastgelegd() >= {"2025-K4"}
    assert "2026-K1" not in momentopname.vastgelegd()


def test_the_department_reads_the_provisional_snapshot_labelled_with_its_time(twee_jaar):
    live = cijfers.tabel(["sector", "route"], periode="2026", doelgroep=cijfers.BELEID)
    assert live.voorlopig == ["2026-K1"] and live.geteld_op is None
    momentopname.neem_voorlopig(twee_jaar - timedelta(hours=3))
    gelezen = cijfers.tabel(["sector", "route"], periode="2026", doelgroep=cijfers.BELEID)
    assert gelezen.voorlopig == ["2026-K1"]
    assert gelezen.geteld_op == twee_jaar - timedelta(hours=3)
    assert [r.cellen for r in gelezen.rijen] == [r.cellen for r in live.rijen]
    # Cases that come in later appear at the next count, not before.
    synthetisch.maak_meldingen(200, jaren=1, zaad=11, nu=twee_jaar)
    assert cijfers.tabel(["sector"], periode="2026", doelgroep=cijfers.BELEID).totaal == (
        gelezen.totaal
    )
    momentopname.neem_voorlopig(twee_jaar)
    assert cijfers.tabel(["sector"], periode="2026", doelgroep=cijfers.BELEID).totaal != (
        gelezen.totaal
    )


def test_the_public_never_sees_a_provisional_snapshot_and_fixing_replaces_it(twee_jaar):
    momentopname.neem_voorlopig(twee_jaar)
    with pytest.raises(cijfers.GeenCijfers):
        cijfers.tabel(["sector"], periode="2026")
    assert cijfers.beschikbare_jaren(cijfers.PUBLIEK) == [2025, 2024]
    later = twee_jaar.replace(month=7)
    momentopname.leg_vast(later, wachttijd=timedelta(0))
    opname = Momentopname.objects.get(kwartaal="2026-K1", bron__isnull=True)
    assert not opname.voorlopig
    # A provisional count never replaces a fixed one.
    assert momentopname.neem(momentopname.Kwartaal.van_code("2026-K1"), voorlopig=True) == opname


def test_the_department_page_says_when_the_provisional_figures_were_counted(
    client, twee_jaar, alice
):
    momentopname.neem_voorlopig(twee_jaar)
    meld_aan_in_beheer(client, alice)
    tekst = client.get(BELEID, {"per": "sector", "periode": "2026"}).content.decode()
    assert "Voorlopig: 2026-K1" in tekst
    assert "Geteld op 1 maart 2026, 12:00" in tekst


@pytest.mark.parametrize(
    "vraag",
    [
        {"per": "erkenning", "per2": "sector", "periode": "2026"},
        {"per": "gedrag", "periode": "2026-K1"},
        {"per": "route", "periode": "2025"},
    ],
)
def test_the_department_page_costs_the_same_queries_for_more_cases(
    client, twee_jaar, alice, django_assert_num_queries, vraag
):
    """Issue 14: a fixed number of queries per page, at two sizes. Eight: the session, the
    user, the device and the role; the snapshot list and the first case's date once each
    (``cijfers.samen``), the snapshot cells, the partners."""
    meld_aan_in_beheer(client, alice)
    momentopname.neem_voorlopig(twee_jaar)
    with django_assert_num_queries(8):
        assert client.get(BELEID, vraag).status_code == 200
    synthetisch.maak_meldingen(4000, jaren=2, zaad=12, nu=twee_jaar)
    for kwartaal in momentopname.vastgelegd():
        momentopname.neem(momentopname.Kwartaal.van_code(kwartaal), nu=twee_jaar)
    momentopname.neem_voorlopig(twee_jaar)
    with django_assert_num_queries(8):
        assert client.get(BELEID, vraag).status_code == 200


def test_the_public_page_and_the_api_cost_the_same_queries_for_more_cases(
    client, twee_jaar, django_assert_num_queries
):
    vragen = [
        ("/monitoring/", {"per": "sector", "per2": "route", "periode": "2025"}, 2),
        ("/api/v1/monitoring/cijfers", {"per": "gedrag,sector"}, 2),
    ]
    for pad, vraag, aantal in vragen:
        with django_assert_num_queries(aantal):
            assert client.get(pad, vraag).status_code == 200
    synthetisch.maak_meldingen(4000, jaren=2, zaad=13, nu=twee_jaar)
    for kwartaal in momentopname.vastgelegd():
        momentopname.neem(momentopname.Kwartaal.van_code(kwartaal), nu=twee_jaar)
    for pad, vraag, aantal in vragen:
        with django_assert_num_queries(aantal):
            assert client.get(pad, vraag).status_code == 200

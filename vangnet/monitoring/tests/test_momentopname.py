"""Figures that survive retention: a quarter is fixed before its cases are destroyed."""

from datetime import timedelta

from django.core.management import call_command

from vangnet.meldingen.models import Melding
from vangnet.monitoring import cijfers, momentopname, synthetisch
from vangnet.monitoring.models import Momentopname
from vangnet.monitoring.periodes import Kwartaal


def test_the_retention_run_fixes_the_quarters_it_destroys_cases_of_first(db, nu):
    synthetisch.maak_meldingen(1500, jaren=2, zaad=3, nu=nu)
    assert momentopname.vastgelegd() == set()
    voor = cijfers.tabel(["sector", "uitkomst"], periode="2024", doelgroep=cijfers.BELEID)

    call_command("vernietig_meldingen", verbosity=0)

    vernietigd = Melding.objects.filter(vernietigd_op__isnull=False)
    assert vernietigd.exists()
    kwartalen = {Kwartaal.van_moment(m.ontvangen_op).code for m in vernietigd}
    assert kwartalen <= momentopname.vastgelegd()
    eerste_vernietiging = min(vernietigd.values_list("vernietigd_op", flat=True))
    for opname in Momentopname.objects.filter(kwartaal__in=kwartalen):
        assert opname.genomen_op <= eerste_vernietiging
    na = cijfers.tabel(["sector", "uitkomst"], periode="2024", doelgroep=cijfers.BELEID)
    assert [r.cellen for r in na.rijen] == [r.cellen for r in voor.rijen]


def test_last_years_figures_do_not_shrink_when_its_cases_are_gone(twee_jaar):
    voor = cijfers.tabel(["gedrag"], periode="2024")
    voor_json = cijfers.tabel(["sector", "route"], periode="2024").als_json()
    # Whatever retention does to the cases later (here: every code and the rows of 2024 gone),
    # the fixed quarters keep their figures.
    jaar = Melding.objects.filter(ontvangen_op__year=2024)
    jaar.filter(doorverwezen_van__isnull=False).delete()
    jaar.update(gedrag=[], sector="", route="")
    jaar.delete()
    na = cijfers.tabel(["gedrag"], periode="2024")
    assert [r.cellen for r in na.rijen] == [r.cellen for r in voor.rijen]
    assert na.totaal == voor.totaal
    assert cijfers.tabel(["sector", "route"], periode="2024").als_json() == voor_json


def test_a_fixed_quarter_no_longer_follows_a_change_of_codes(twee_jaar):
    voor = cijfers.tabel(["route"], periode="2025-K2").totaal
    Melding.objects.filter(ontvangen_op__year=2025, ontvangen_op__month=5).update(route="advies")
    assert cijfers.tabel(["route"], periode="2025-K2").totaal == voor


def test_a_quarter_is_fixed_only_when_it_has_been_over_for_the_waiting_time(db, nu):
    synthetisch.maak_meldingen(200, jaren=1, zaad=4, nu=nu)
    te_nemen = {k.code for k in momentopname.te_nemen(nu)}
    # 1 March 2026: 2025-K4 ended two months ago, less than the 92 days.
    assert "2025-K4" not in te_nemen
    assert "2025-K3" in te_nemen
    assert {k.code for k in momentopname.te_nemen(nu + timedelta(days=40))} >= {"2025-K4"}


def test_the_command_fixes_what_is_due_and_says_so(db, nu, capsys):
    synthetisch.maak_meldingen(200, jaren=1, zaad=5, nu=nu)
    call_command("monitoring_vastleggen")
    uit = capsys.readouterr().out
    assert "2025-K3 vastgelegd" in uit
    assert "2025-K3" in momentopname.vastgelegd()


def test_the_generator_shows_progress_and_fixes_the_quarters(db, nu, capsys):
    call_command("synthetische_meldingen", aantal=12000, jaren=1)
    uit = capsys.readouterr().out
    assert "100%" in uit and "12,000" in uit
    assert Melding.objects.filter(doorverwezen_van__isnull=True).count() == 12000
    assert Melding.objects.filter(inhoud=b"").count() == Melding.objects.count()
    assert momentopname.vastgelegd()
    call_command("synthetische_meldingen", verwijder=True)
    assert not Melding.objects.exists()

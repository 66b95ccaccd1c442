"""The core of the reporting channel: keys, receipts, the case path and the consent ledger."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

import pytest

from vangnet.meldingen import acties, ontvangstbewijs, post, sleutels, workflow
from vangnet.meldingen.choices import Auteur, Beslissing, Kanaal, Stap, Status
from vangnet.meldingen.models import Melding, Partij, Sleutelenvelop
from vangnet.meldingen.tests.factories import InzendingFactory, maak_team, sluit_af

pytestmark = pytest.mark.django_db


def test_a_receipt_has_twenty_digits_in_groups_of_four_and_at_least_64_bits():
    code = ontvangstbewijs.nieuw()
    assert len(code.split()) == 5 and all(len(g) == 4 for g in code.split())
    assert 10**ontvangstbewijs.CIJFERS >= 2**64


def test_the_lookup_id_differs_from_the_key_that_decrypts():
    afgeleid = ontvangstbewijs.leid_af("1234 5678 9012 3456 7890")
    assert afgeleid.zoeksleutel != afgeleid.ontsleutelsleutel.hex()
    assert ontvangstbewijs.leid_af("12345678901234567890") == afgeleid


@pytest.mark.parametrize("invoer", ["", "1234", "1234 5678 9012 3456 789x", "١٢٣٤" * 5])
def test_it_refuses_what_is_not_a_receipt(invoer):
    assert ontvangstbewijs.normaliseer(invoer) is None


def test_production_argon2id_is_no_weaker_than_owasps_minimum(monkeypatch):
    from vangnet.settings import base

    assert base.MELDINGEN_ARGON2_PASSES >= 2
    assert base.MELDINGEN_ARGON2_GEHEUGEN >= 19 * 1024 * 1024


def test_padding_hides_the_exact_length_of_a_text():
    sleutel = sleutels.nieuwe_sleutel()
    kort, langer = sleutels.versleutel(sleutel, b"ja"), sleutels.versleutel(sleutel, b"ja" * 50)
    assert len(kort) == len(langer)
    assert sleutels.ontsleutel(sleutel, langer) == b"ja" * 50


def test_a_wrong_key_does_not_open_a_case():
    data = sleutels.versleutel(sleutels.nieuwe_sleutel(), b"geheim")
    with pytest.raises(sleutels.OngeldigeSleutel):
        sleutels.ontsleutel(sleutels.nieuwe_sleutel(), data)


def test_a_report_opens_with_its_receipt_and_with_the_handlers_key():
    team = maak_team()
    melding, code = acties.dien_in(team.ontvanger, InzendingFactory())
    partij, prive = acties.open_partij(code)
    envelop = melding.enveloppen.get(partij=partij)
    sleutel = acties.sleutel_uit_envelop(envelop, prive)
    assert acties.inhoud(melding, sleutel)["antwoorden"]["wanneer"] == "minder-dan-week"
    hanne = team.leden["hanne"]
    envelop = melding.enveloppen.get(behandelaar=hanne.behandelaar)
    assert acties.sleutel_uit_envelop(envelop, hanne.prive) == sleutel


def test_a_mistyped_receipt_opens_nothing():
    team = maak_team()
    acties.dien_in(team.ontvanger, InzendingFactory())
    assert acties.open_partij("0000 0000 0000 0000 0000") is None
    assert acties.open_partij("niet eens cijfers") is None


def test_the_receipt_is_not_stored_anywhere():
    team = maak_team()
    melding, code = acties.dien_in(team.ontvanger, InzendingFactory())
    cijfers = ontvangstbewijs.normaliseer(code)
    partij = Partij.objects.get()
    assert cijfers not in partij.zoeksleutel
    assert cijfers.encode() not in bytes(partij.prive_sleutel)


def test_the_wishes_on_the_form_are_the_first_lines_of_the_consent_ledger():
    team = maak_team()
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["bemiddeling"]))
    gegeven = set(melding.toestemmingen.values_list("stap", flat=True))
    assert gegeven == {Stap.GEHOORD, Stap.BEMIDDELING}


def test_the_case_path_refuses_to_skip_the_conversation():
    team = maak_team()
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["advies"]))
    with pytest.raises(workflow.OngeldigeOvergang):
        workflow.verander_status(melding, Status.ADVIES, door=team.leden["hanne"].behandelaar)


def test_a_step_of_the_chain_needs_the_reporters_consent():
    team = maak_team()
    hanne = team.leden["hanne"].behandelaar
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["advies"]))
    workflow.verander_status(melding, Status.IN_GESPREK, door=hanne)
    with pytest.raises(workflow.OngeldigeOvergang, match="toestemming"):
        workflow.verander_status(melding, Status.BEMIDDELING, door=hanne)
    workflow.verander_status(melding, Status.ADVIES, door=hanne)
    assert Melding.objects.get().status == Status.ADVIES


def test_a_withdrawn_consent_closes_that_step_again():
    team = maak_team()
    hanne = team.leden["hanne"].behandelaar
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["advies"]))
    workflow.verander_status(melding, Status.IN_GESPREK, door=hanne)
    acties.beslis(melding.toestemmingen.get(stap=Stap.ADVIES), Beslissing.INGETROKKEN)
    with pytest.raises(workflow.OngeldigeOvergang):
        workflow.verander_status(melding, Status.ADVIES, door=hanne)


def test_every_transition_is_recorded_with_who_and_when():
    team = maak_team()
    hanne = team.leden["hanne"].behandelaar
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    workflow.verander_status(melding, Status.IN_GESPREK, door=hanne)
    workflow.verander_status(melding, Status.NAZORG, door=hanne)
    sluit_af(melding, door=hanne)
    overgangen = list(melding.overgangen.values_list("van", "naar", "behandelaar"))
    assert overgangen == [
        ("ontvangen", "in-gesprek", hanne.pk),
        ("in-gesprek", "nazorg", hanne.pk),
        ("nazorg", "afgesloten", hanne.pk),
    ]


def test_closing_needs_an_outcome():
    team = maak_team()
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    with pytest.raises(workflow.OngeldigeOvergang, match="uitkomst"):
        workflow.verander_status(melding, Status.AFGESLOTEN, door=None)


def test_nothing_leaves_a_closed_case():
    assert workflow.TOEGELATEN_OVERGANGEN[Status.AFGESLOTEN] == set()


def test_every_status_can_reach_the_end():
    for status in Status.values:
        bereikbaar, rand = {status}, [status]
        while rand:
            for volgende in workflow.TOEGELATEN_OVERGANGEN[rand.pop()]:
                if volgende not in bereikbaar:
                    bereikbaar.add(volgende)
                    rand.append(volgende)
        assert Status.AFGESLOTEN in bereikbaar


def test_the_first_reply_to_the_reporter_acknowledges_receipt_but_is_no_feedback_yet():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    assert [t["soort"] for t in melding.termijnen()] == [
        "ontvangst bevestigen",
        "eerste terugkoppeling",
    ]
    sleutel = acties.sleutel_uit_envelop(
        melding.enveloppen.get(behandelaar=hanne.behandelaar), hanne.prive
    )
    acties.stuur_bericht(
        melding,
        sleutel,
        "Dank u, ik lees mee.",
        auteur=Auteur.BEHANDELAAR,
        behandelaar=hanne.behandelaar,
    )
    melding.refresh_from_db()
    assert [t["soort"] for t in melding.termijnen()] == ["eerste terugkoppeling"]


def test_a_deadline_past_its_date_is_late():
    team = maak_team()
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    later = timezone.now() + timedelta(days=8)
    termijnen = melding.termijnen(later)
    assert termijnen[0]["te_laat"] and not termijnen[1]["te_laat"]


def test_a_team_member_the_reporter_excluded_gets_no_key():
    team = maak_team(leden=("hanne", "hugo"))
    hugo = team.leden["hugo"].behandelaar
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory(uitgesloten=[hugo.pk]))
    assert not melding.enveloppen.filter(behandelaar=hugo).exists()
    assert melding.conflicten.filter(behandelaar=hugo, bron="melder").exists()


def test_when_everyone_is_excluded_the_fallback_receiver_takes_the_case():
    terugval = maak_team("test-terugval", leden=("ward",), beheerders=("ward",))
    team = maak_team(terugval=terugval.ontvanger)
    hanne = team.leden["hanne"].behandelaar
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory(uitgesloten=[hanne.pk]))
    assert melding.ontvanger == terugval.ontvanger
    assert melding.enveloppen.filter(behandelaar=terugval.leden["ward"].behandelaar).exists()
    assert not melding.enveloppen.filter(behandelaar=hanne).exists()


def test_declaring_a_conflict_destroys_the_handlers_key_and_hands_the_case_on():
    team = maak_team(leden=("hanne", "hugo"))
    hanne, hugo = team.leden["hanne"], team.leden["hugo"]
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    acties.wijs_toe(melding, hugo.behandelaar, door=hanne.behandelaar)
    melding.refresh_from_db()
    sleutel = acties.sleutel_uit_envelop(
        melding.enveloppen.get(behandelaar=hugo.behandelaar), hugo.prive
    )
    acties.verklaar_conflict(melding, sleutel, hugo.behandelaar)
    melding.refresh_from_db()
    assert not melding.enveloppen.filter(behandelaar=hugo.behandelaar).exists()
    assert melding.behandelaar == hanne.behandelaar


def test_a_warm_referral_reaches_the_other_receiver_without_retelling():
    team = maak_team()
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    hanne = team.leden["hanne"]
    melding, code = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["doorverwijzing"]))
    sleutel = acties.sleutel_uit_envelop(
        melding.enveloppen.get(behandelaar=hanne.behandelaar), hanne.prive
    )
    workflow.verander_status(melding, Status.IN_GESPREK, door=hanne.behandelaar)
    toestemming = acties.vraag_toestemming(
        melding,
        sleutel,
        hanne.behandelaar,
        Stap.DOORVERWIJZING,
        doel=ander.ontvanger,
        omvang="volledig",
    )
    with pytest.raises(acties.Geweigerd):
        acties.verwijs_door(melding, sleutel, hanne.behandelaar, toestemming)
    acties.beslis(toestemming, Beslissing.GEGEVEN)
    toestemming.refresh_from_db()
    nieuwe = acties.verwijs_door(melding, sleutel, hanne.behandelaar, toestemming)
    ward = ander.leden["ward"]
    nieuwe_sleutel = acties.sleutel_uit_envelop(
        nieuwe.enveloppen.get(behandelaar=ward.behandelaar), ward.prive
    )
    assert acties.inhoud(nieuwe, nieuwe_sleutel)["antwoorden"]["wat"].startswith("Tijdens")
    # The reporter follows both cases with the one receipt.
    partij, prive = acties.open_partij(code)
    assert Sleutelenvelop.objects.filter(partij=partij).count() == 2
    assert Melding.objects.get(pk=melding.pk).status == Status.DOORVERWEZEN


def test_the_other_party_reads_only_its_own_conversation():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["bemiddeling"]))
    sleutel = acties.sleutel_uit_envelop(
        melding.enveloppen.get(behandelaar=hanne.behandelaar), hanne.prive
    )
    with pytest.raises(acties.Geweigerd):
        acties.nodig_andere_partij_uit(melding, sleutel, hanne.behandelaar)
    t = acties.vraag_toestemming(melding, sleutel, hanne.behandelaar, Stap.ANDERE_PARTIJ)
    acties.beslis(t, Beslissing.GEGEVEN)
    code = acties.nodig_andere_partij_uit(melding, sleutel, hanne.behandelaar)
    partij, prive = acties.open_partij(code)
    envelop = melding.enveloppen.get(partij=partij)
    assert envelop.kanaal == Kanaal.ANDERE_PARTIJ
    kanaal_sleutel = acties.sleutel_uit_envelop(envelop, prive)
    with pytest.raises(sleutels.OngeldigeSleutel):
        acties.inhoud(melding, kanaal_sleutel)


def test_destroying_a_case_removes_content_keys_and_files():
    from vangnet.meldingen.bijlagen import SchoneBijlage

    team = maak_team()
    bijlage = SchoneBijlage(naam="a.txt", soort="text/plain", inhoud=b"bewijs")
    melding, code = acties.dien_in(team.ontvanger, InzendingFactory(bijlagen=[bijlage]))
    bestand = settings.MELDINGEN_MAP / melding.bijlagen.get().bestand
    assert bestand.exists()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        acties.vernietig(melding, reden="test")
    melding.refresh_from_db()
    assert melding.vernietigd_op and bytes(melding.inhoud) == b""
    assert not melding.enveloppen.exists() and not melding.bijlagen.exists()
    assert not bestand.exists()
    assert acties.open_partij(code) is None


def test_a_report_to_a_team_notified_a_moment_ago_asks_nothing_more_after_its_commit():
    from django.db import connection
    from django.test import TestCase
    from django.test.utils import CaptureQueriesContext

    team = maak_team()
    with TestCase.captureOnCommitCallbacks(execute=True):
        acties.dien_in(team.ontvanger, InzendingFactory())
    with CaptureQueriesContext(connection) as vragen:
        with TestCase.captureOnCommitCallbacks() as na_commit:
            acties.dien_in(team.ontvanger, InzendingFactory())
        gevuld = len(vragen.captured_queries)
        assert na_commit, "the notice waits for the commit"
        for callback in na_commit:
            callback()
    assert len(vragen.captured_queries) == gevuld


def test_the_team_hears_of_news_by_e_mail_at_most_once_a_quarter_of_an_hour(mailoutbox):
    from django.test import TestCase

    team = maak_team()
    with TestCase.captureOnCommitCallbacks(execute=True):
        acties.dien_in(team.ontvanger, InzendingFactory())
        acties.dien_in(team.ontvanger, InzendingFactory())
    assert mailoutbox == [], "queued, not sent by the request"
    post.verstuur_wat_klaar_staat()
    assert [m.to for m in mailoutbox] == [["hanne@example.org"]]
    assert "regisseur" not in mailoutbox[0].body
    hanne = team.leden["hanne"].behandelaar
    hanne.verwittigd_op = timezone.now() - timedelta(minutes=16)
    hanne.save()
    with TestCase.captureOnCommitCallbacks(execute=True):
        acties.dien_in(team.ontvanger, InzendingFactory())
    post.verstuur_wat_klaar_staat()
    assert len(mailoutbox) == 2

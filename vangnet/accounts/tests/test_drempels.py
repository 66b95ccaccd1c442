"""Drempels slow guessing down without locking anyone out, count in one atomic step, and
count people per bucket of the address a trusted proxy reports (never one the client wrote)."""

import hashlib
from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from vangnet.accounts import drempels
from vangnet.accounts.drempels import (
    BEHANDELAAR_AANMELDEN,
    POOL_AANMELDEN,
    QUICKSCAN_AANMELDEN,
    Drempel,
    Stroom,
    emmer,
    klantadres,
    probeer_samen,
    wachttijd_tekst,
)
from vangnet.accounts.models import Teller

pytestmark = pytest.mark.django_db

SECONDE = timedelta(seconds=1)
UUR = timedelta(hours=1)
DREMPEL = Drempel("test-aanmelden", 3, SECONDE, timedelta(seconds=10), UUR)
ANDERE = Drempel("test-ander-formulier", 3, SECONDE, timedelta(seconds=10), UUR)
STROOM = Stroom("test-stroom", ruimte=3, interval=timedelta(minutes=1))
BEGIN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Klok:
    """The time as ``timezone.now`` tells it, moved on by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.nu = BEGIN
        monkeypatch.setattr(timezone, "now", lambda: self.nu)

    def verzet(self, **kwargs: float) -> None:
        self.nu += timedelta(**kwargs)


@pytest.fixture
def klok(monkeypatch: pytest.MonkeyPatch) -> Klok:
    return Klok(monkeypatch)


def faal(drempel, waarde: str, keer: int) -> None:
    for _ in range(keer):
        assert drempel.probeer(waarde).toegelaten


def verzoek(remote: str = "203.0.113.7", doorgestuurd: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if doorgestuurd is not None:
        extra["HTTP_X_FORWARDED_FOR"] = doorgestuurd
    return RequestFactory().post("/", **extra)


# --- Which address counts ----------------------------------------------------------------


def test_without_a_trusted_proxy_a_forwarded_for_header_written_by_the_client_is_ignored(
    settings,
):
    settings.TRUSTED_PROXY_HOPS = 0
    assert klantadres(verzoek("198.51.100.4", "203.0.113.99")) == "198.51.100.4"
    # A client cannot hop into another bucket (or out of its own) by writing the header.
    assert emmer(verzoek("198.51.100.4", "203.0.113.99")) == emmer(verzoek("198.51.100.4"))


def test_behind_one_trusted_proxy_the_address_it_saw_counts_not_what_the_client_wrote(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    # The proxy appends the address it saw; the client made up the first entry.
    aanvraag = verzoek("10.0.0.2", "6.6.6.6, 203.0.113.7")
    assert klantadres(aanvraag) == "203.0.113.7"
    assert klantadres(verzoek("10.0.0.2", "203.0.113.7")) == "203.0.113.7"


def test_behind_two_trusted_proxies_the_second_entry_from_the_right_counts(settings):
    settings.TRUSTED_PROXY_HOPS = 2
    aanvraag = verzoek("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2")
    assert klantadres(aanvraag) == "203.0.113.7"
    # With fewer entries than proxies, the leftmost was still written by one of ours.
    assert klantadres(verzoek("10.0.0.3", "203.0.113.7")) == "203.0.113.7"
    # Not through the proxies at all (a health check on the app's own port).
    assert klantadres(verzoek("127.0.0.1")) == "127.0.0.1"


def test_behind_the_proxy_clients_fall_into_many_buckets_not_into_the_proxys_one(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    emmers = {emmer(verzoek("10.0.0.2", f"198.51.100.{n}")) for n in range(1, 60)}
    assert len(emmers) > 50  # 59 addresses over 4,096 buckets: nearly all apart


def test_one_ipv6_subscriber_is_one_bucket_whatever_address_of_its_64_it_uses():
    een = emmer(verzoek("2001:db8:1:2::1"))
    assert een == emmer(verzoek("2001:db8:1:2:ffff:ffff:ffff:fffe"))
    assert emmer(verzoek("::ffff:203.0.113.7")) == emmer(verzoek("203.0.113.7"))
    assert een.startswith("emmer-") and len(een) == len("emmer-") + 3


def test_the_trusted_hops_setting_comes_from_the_environment_and_refuses_nonsense(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from vangnet.env import env_int

    monkeypatch.setenv("VANGNET_TRUSTED_PROXY_HOPS", "-1")
    with pytest.raises(ImproperlyConfigured):
        env_int("VANGNET_TRUSTED_PROXY_HOPS", 0, minimum=0)


# --- A drempel slows down, never locks -----------------------------------------------------


def test_the_free_failures_cost_nothing_then_the_wait_doubles_up_to_its_maximum(klok):
    faal(DREMPEL, "dana", DREMPEL.vrij)
    waits = []
    for _ in range(6):
        beurt = DREMPEL.probeer("dana")
        assert not beurt.toegelaten
        waits.append(beurt.wachttijd.total_seconds())
        klok.verzet(seconds=beurt.wachttijd.total_seconds())
        assert DREMPEL.probeer("dana").toegelaten
    assert waits == [1, 2, 4, 8, 10, 10]


def test_a_refused_attempt_counts_nothing_and_does_not_extend_the_wait(klok):
    faal(DREMPEL, "dana", DREMPEL.vrij)
    for _ in range(20):
        assert not DREMPEL.probeer("dana").toegelaten
    klok.verzet(seconds=1)
    assert DREMPEL.probeer("dana").toegelaten


def test_a_key_that_stayed_quiet_for_its_window_starts_again_from_zero(klok):
    faal(DREMPEL, "dana", DREMPEL.vrij)
    klok.verzet(hours=1, seconds=1)
    faal(DREMPEL, "dana", DREMPEL.vrij)
    assert DREMPEL.mislukkingen("dana") == DREMPEL.vrij


def test_a_success_takes_back_its_own_count_and_nobody_elses(klok):
    faal(DREMPEL, "dana", DREMPEL.vrij - 1)
    beurt = DREMPEL.probeer("dana")
    assert DREMPEL.mislukkingen("dana") == DREMPEL.vrij
    beurt.gelukt()
    assert DREMPEL.mislukkingen("dana") == DREMPEL.vrij - 1
    assert DREMPEL.probeer("dana").toegelaten  # and no wait was left behind


def test_several_limits_are_passed_together_or_not_at_all(klok):
    faal(ANDERE, "emmer-abc", ANDERE.vrij)  # this one makes the next try wait
    beurt = probeer_samen([(DREMPEL, "dana"), (ANDERE, "emmer-abc")])
    assert not beurt.toegelaten
    assert DREMPEL.mislukkingen("dana") == 0  # refused by one, so counted in none


def test_the_stored_key_is_a_keyed_hash_never_the_raw_value(klok, settings):
    DREMPEL.probeer("Dana@Example.org")
    sleutel = Teller.objects.get().sleutel
    assert len(sleutel) == 64 and set(sleutel) <= set("0123456789abcdef")
    assert "dana" not in sleutel.lower()
    assert sleutel not in {
        hashlib.sha256(naam.encode()).hexdigest()
        for naam in ("Dana@Example.org", "dana@example.org")
    }
    assert sleutel == DREMPEL.sleutel_voor(" dana@example.org ")
    settings.SECRET_KEY = "een-ander-geheim-" + "x" * 40
    assert DREMPEL.sleutel_voor("dana@example.org") != sleutel


def test_two_soorten_do_not_share_counts_or_keys(klok):
    faal(DREMPEL, "dana", DREMPEL.vrij)
    assert not DREMPEL.probeer("dana").toegelaten
    assert ANDERE.probeer("dana").toegelaten
    assert DREMPEL.sleutel_voor("dana") != ANDERE.sleutel_voor("dana")
    assert POOL_AANMELDEN.paar.sleutel_voor("d") != QUICKSCAN_AANMELDEN.paar.sleutel_voor("d")


def test_rows_nobody_needs_any_more_are_deleted_by_the_occasional_clear_out(klok, monkeypatch):
    monkeypatch.setattr(drempels, "RUIM_OP_ELKE", 1)  # this attempt is the one that clears
    faal(DREMPEL, "dana", 1)
    klok.verzet(hours=2)
    faal(DREMPEL, "eli", 1)
    assert Teller.objects.filter(soort=DREMPEL.soort).count() == 1


def test_a_stale_row_that_was_not_cleared_yet_counts_as_a_fresh_one(klok, monkeypatch):
    monkeypatch.setattr(drempels, "RUIM_OP_ELKE", 10**9)  # no clear-out during this test
    faal(DREMPEL, "dana", DREMPEL.vrij)
    assert not DREMPEL.probeer("dana").toegelaten
    klok.verzet(hours=2)
    assert DREMPEL.probeer("dana").toegelaten
    assert Teller.objects.get(soort=DREMPEL.soort).aantal == 1


def test_a_first_attempt_is_counted_with_one_insert_and_no_update(klok, monkeypatch):
    monkeypatch.setattr(drempels, "RUIM_OP_ELKE", 10**9)
    with CaptureQueriesContext(connection) as vragen:
        assert STROOM.probeer("emmer-abc").toegelaten
    schrijven = [v["sql"].split()[0] for v in vragen.captured_queries]
    assert schrijven.count("INSERT") == 1
    assert "UPDATE" not in schrijven and "DELETE" not in schrijven
    assert Teller.objects.get(soort=STROOM.soort).aantal == 1


def test_a_refused_attempt_of_an_unknown_key_leaves_no_row(klok):
    # Two limits at once: the known key refuses, so the new key is not counted either.
    faal(DREMPEL, "dana", DREMPEL.vrij)
    assert not probeer_samen([(DREMPEL, "dana"), (ANDERE, "nieuw")]).toegelaten
    assert not Teller.objects.filter(soort=ANDERE.soort).exists()


def test_wachttijd_tells_how_long_without_counting(klok):
    assert DREMPEL.wachttijd("dana") == timedelta(0)
    faal(DREMPEL, "dana", DREMPEL.vrij)
    klok.verzet(seconds=1)
    faal(DREMPEL, "dana", 1)
    assert DREMPEL.wachttijd("dana") == 2 * SECONDE
    assert DREMPEL.wachttijd("dana") == 2 * SECONDE


@pytest.mark.parametrize(
    ("soort", "vrij", "wacht", "max_wacht"),
    [
        ("", 5, SECONDE, SECONDE),
        ("x" * 41, 5, SECONDE, SECONDE),
        ("ok", 0, SECONDE, SECONDE),
        ("ok", 5, timedelta(0), SECONDE),
        ("ok", 5, 2 * SECONDE, SECONDE),
    ],
)
def test_a_drempel_that_cannot_work_is_refused_when_it_is_defined(soort, vrij, wacht, max_wacht):
    with pytest.raises(ValueError):
        Drempel(soort, vrij, wacht, max_wacht, UUR)


def test_the_wait_is_told_in_seconds_then_in_minutes():
    assert wachttijd_tekst(timedelta(seconds=0.2)).endswith("over 1 seconde opnieuw.")
    assert wachttijd_tekst(timedelta(seconds=59)).endswith("over 59 seconden opnieuw.")
    assert wachttijd_tekst(timedelta(minutes=15)).endswith("over 15 minuten opnieuw.")


# --- A stroom lets a burst through, then a steady rate -----------------------------------


def test_a_stroom_lets_its_burst_through_at_once_then_one_per_interval(klok):
    for _ in range(STROOM.ruimte):
        assert STROOM.probeer("ontvanger-emmer").toegelaten
    beurt = STROOM.probeer("ontvanger-emmer")
    assert not beurt.toegelaten and beurt.wachttijd == timedelta(minutes=1)
    assert STROOM.probeer("andere-emmer").toegelaten
    klok.verzet(minutes=1)
    assert STROOM.probeer("ontvanger-emmer").toegelaten
    assert not STROOM.probeer("ontvanger-emmer").toegelaten
    klok.verzet(minutes=3)  # full again, never more than full
    for _ in range(STROOM.ruimte):
        assert STROOM.probeer("ontvanger-emmer").toegelaten
    assert not STROOM.probeer("ontvanger-emmer").toegelaten


# --- Logins: a stranger cannot lock the owner out ----------------------------------------


def test_a_stranger_guessing_a_name_from_elsewhere_never_makes_its_owner_wait(klok, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    vreemde, eigenaar = verzoek("10.0.0.2", "198.51.100.66"), verzoek("10.0.0.2", "203.0.113.7")
    assert emmer(vreemde) != emmer(eigenaar)
    for drempel in (POOL_AANMELDEN, QUICKSCAN_AANMELDEN, BEHANDELAAR_AANMELDEN):
        drempel.probeer(eigenaar, "dana").gelukt()  # the owner signs in from home, as usual
        for _ in range(40):
            klok.verzet(minutes=15)
            assert drempel.probeer(vreemde, "dana").toegelaten
        assert not drempel.probeer(vreemde, "dana").toegelaten  # the stranger waits
        beurt = drempel.probeer(eigenaar, "Dana")
        assert beurt.toegelaten, drempel.soort  # the owner does not
        assert beurt.tweede_factor_vooraf == drempel.tweede_factor


def test_without_a_second_factor_a_name_under_attack_waits_on_networks_it_never_used(klok):
    aanvallers = [verzoek(f"198.51.100.{n}") for n in range(POOL_AANMELDEN.naam.vrij)]
    thuis, nieuw = verzoek("203.0.113.7"), verzoek("192.0.2.44")
    assert {emmer(thuis), emmer(nieuw)}.isdisjoint({emmer(a) for a in aanvallers})
    POOL_AANMELDEN.probeer(thuis, "dana").gelukt()
    for aanvaller in aanvallers:  # each from a fresh network: no network limit applies
        assert POOL_AANMELDEN.probeer(aanvaller, "dana").toegelaten
    # Now a fresh network, the attacker's or anyone's, waits for the name: at most a minute.
    beurt = POOL_AANMELDEN.probeer(nieuw, "dana")
    assert not beurt.toegelaten
    assert timedelta(0) < beurt.wachttijd <= POOL_AANMELDEN.naam.max_wacht
    # The network the name signs in from does not.
    assert POOL_AANMELDEN.probeer(thuis, "dana").toegelaten


def test_a_known_network_is_remembered_only_as_a_keyed_hash_and_for_ninety_days(klok):
    thuis = verzoek("203.0.113.7")
    POOL_AANMELDEN.probeer(thuis, "Dana").gelukt()
    bekend = Teller.objects.get(soort="pool-aanmelden-bekend")
    assert "dana" not in bekend.sleutel and "203.0.113" not in bekend.sleutel
    klok.verzet(days=91)
    POOL_AANMELDEN.probeer(verzoek("192.0.2.1"), "eli").gelukt()
    assert Teller.objects.filter(soort="pool-aanmelden-bekend").count() == 1

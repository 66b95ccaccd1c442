"""A drempel counts failed attempts per value in the database and blocks after its maximum."""

import hashlib
from datetime import UTC, datetime, timedelta

from django.utils import timezone

import pytest

from vangnet.accounts.drempels import POOL_AANMELDEN, QUICKSCAN_AANMELDEN, Drempel
from vangnet.accounts.models import Poging

pytestmark = pytest.mark.django_db

KWARTIER = timedelta(minutes=15)
DREMPEL = Drempel("test-aanmelden", 3, KWARTIER)
ANDERE = Drempel("test-ander-formulier", 3, KWARTIER)
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


def noteer(drempel: Drempel, waarde: str, keer: int) -> None:
    for _ in range(keer):
        drempel.noteer(waarde)


def test_it_blocks_a_value_once_it_failed_the_maximum_number_of_times(klok):
    noteer(DREMPEL, "dana", DREMPEL.maximum - 1)
    assert not DREMPEL.geblokkeerd("dana")
    DREMPEL.noteer("dana")
    assert DREMPEL.geblokkeerd("dana")
    assert not DREMPEL.geblokkeerd("eli")


def test_it_counts_a_value_regardless_of_case_and_surrounding_spaces(klok):
    noteer(DREMPEL, "Dana ", DREMPEL.maximum)
    assert DREMPEL.geblokkeerd("  dANA")


def test_the_window_slides_so_an_attempt_stops_counting_after_venster(klok):
    noteer(DREMPEL, "dana", 1)
    klok.verzet(minutes=10)
    noteer(DREMPEL, "dana", DREMPEL.maximum - 1)
    assert DREMPEL.geblokkeerd("dana")
    klok.verzet(minutes=5)  # the first attempt is exactly a venster old now
    assert not DREMPEL.geblokkeerd("dana")
    DREMPEL.noteer("dana")
    assert DREMPEL.geblokkeerd("dana")


def test_a_new_failure_deletes_the_attempts_of_its_own_soort_that_left_the_window(klok):
    DREMPEL.noteer("dana")
    ANDERE.noteer("dana")
    klok.verzet(minutes=15)  # exactly a venster: no longer counted, so no longer kept
    DREMPEL.noteer("eli")
    assert list(Poging.objects.values_list("soort", "tijd").order_by("tijd")) == [
        (ANDERE.soort, BEGIN),
        (DREMPEL.soort, BEGIN + KWARTIER),
    ]


def test_the_stored_key_is_a_keyed_hash_never_the_raw_value(klok, settings):
    DREMPEL.noteer("Dana@Example.org")
    sleutel = Poging.objects.get().sleutel
    assert len(sleutel) == 64 and set(sleutel) <= set("0123456789abcdef")
    assert "dana" not in sleutel.lower()
    # Not a plain hash that anyone could compute from a list of names.
    assert sleutel not in {
        hashlib.sha256(naam.encode()).hexdigest()
        for naam in ("Dana@Example.org", "dana@example.org")
    }
    assert sleutel == DREMPEL.sleutel_voor(" dana@example.org ")
    settings.SECRET_KEY = "een-ander-geheim-" + "x" * 40
    assert DREMPEL.sleutel_voor("dana@example.org") != sleutel


def test_two_soorten_do_not_share_counts_or_keys(klok):
    noteer(DREMPEL, "dana", DREMPEL.maximum)
    assert DREMPEL.geblokkeerd("dana")
    assert not ANDERE.geblokkeerd("dana")
    assert DREMPEL.sleutel_voor("dana") != ANDERE.sleutel_voor("dana")
    assert POOL_AANMELDEN.sleutel_voor("dana") != QUICKSCAN_AANMELDEN.sleutel_voor("dana")


def test_vergeet_clears_the_attempts_of_that_value_in_that_soort_only(klok):
    noteer(DREMPEL, "dana", DREMPEL.maximum)
    noteer(DREMPEL, "eli", DREMPEL.maximum)
    noteer(ANDERE, "dana", ANDERE.maximum)
    DREMPEL.vergeet("Dana")
    assert not DREMPEL.geblokkeerd("dana")
    assert DREMPEL.geblokkeerd("eli")
    assert ANDERE.geblokkeerd("dana")


def test_wachttijd_is_zero_when_the_value_is_not_blocked(klok):
    assert DREMPEL.wachttijd("dana") == timedelta(0)
    noteer(DREMPEL, "dana", DREMPEL.maximum - 1)
    assert DREMPEL.wachttijd("dana") == timedelta(0)


def test_wachttijd_runs_until_the_oldest_counted_attempt_leaves_the_window(klok):
    for _ in range(DREMPEL.maximum):
        DREMPEL.noteer("dana")
        klok.verzet(minutes=2)
    # Attempts at 9:00, 9:02 and 9:04; it is 9:06 now, and the block lifts at 9:15.
    assert DREMPEL.wachttijd("dana") == timedelta(minutes=9)
    klok.verzet(minutes=9)
    assert DREMPEL.wachttijd("dana") == timedelta(0)
    assert not DREMPEL.geblokkeerd("dana")


def test_wachttijd_with_more_attempts_than_the_maximum_waits_until_too_few_remain(klok):
    # Possible when requests race: the block lifts when fewer than `maximum` remain.
    for _ in range(DREMPEL.maximum + 1):
        DREMPEL.noteer("dana")
        klok.verzet(minutes=1)
    # Attempts at 9:00 to 9:03, now 9:04: from 9:16 on only two remain.
    assert DREMPEL.wachttijd("dana") == timedelta(minutes=12)
    klok.verzet(minutes=11, seconds=59)
    assert DREMPEL.geblokkeerd("dana")
    klok.verzet(seconds=1)
    assert not DREMPEL.geblokkeerd("dana")


@pytest.mark.parametrize(
    "soort, maximum, venster",
    [("", 5, KWARTIER), ("x" * 41, 5, KWARTIER), ("ok", 0, KWARTIER), ("ok", 5, timedelta(0))],
)
def test_a_drempel_that_cannot_work_is_refused_when_it_is_defined(soort, maximum, venster):
    with pytest.raises(ValueError):
        Drempel(soort, maximum, venster)

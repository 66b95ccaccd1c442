"""What lives as long as a worker is kept out of the garbage collector's walks."""

import gc
from types import SimpleNamespace

import pytest

from vangnet.core import afvalophaling
from vangnet.core.tests.gunicornconfig import gunicorn_config


@pytest.fixture
def ontdooid():
    """Each test starts and ends with nothing frozen, as a fresh test process has."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_what_is_alive_when_frozen_is_no_longer_walked_by_the_collector(ontdooid):
    blijvend = {"een": [1, 2, 3]}
    afvalophaling.bevries_wat_blijft()
    assert gc.get_freeze_count() > 0
    assert not any(o is blijvend for o in gc.get_objects())


def test_garbage_is_collected_before_the_freeze_so_it_is_not_kept_for_good(ontdooid):
    class Kringetje:
        pass

    a, b = Kringetje(), Kringetje()
    a.ander, b.ander = b, a  # a reference cycle: only the collector frees it
    del a, b
    afvalophaling.bevries_wat_blijft()
    gc.unfreeze()
    assert not any(isinstance(o, Kringetje) for o in gc.get_objects())


def test_a_worker_freezes_again_once_after_its_first_requests(ontdooid):
    afvalophaling.na_verzoek(afvalophaling.NA_VERZOEKEN - 1)
    assert gc.get_freeze_count() == 0
    afvalophaling.na_verzoek(afvalophaling.NA_VERZOEKEN)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    afvalophaling.na_verzoek(afvalophaling.NA_VERZOEKEN + 1)
    assert gc.get_freeze_count() == 0


def test_gunicorns_configuration_freezes_a_worker_after_loading_and_after_warming_up(ontdooid):
    config = gunicorn_config()
    config.post_worker_init(SimpleNamespace(nr=0))
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    config.post_request(SimpleNamespace(nr=afvalophaling.NA_VERZOEKEN), None, {}, None)
    assert gc.get_freeze_count() > 0

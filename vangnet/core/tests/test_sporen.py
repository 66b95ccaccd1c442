"""A worker forgets the address of each request once it is answered: a query string can name
a person, a path can carry a one-time secret (vangnet/core/sporen.py)."""

import gc
import urllib.parse
from types import SimpleNamespace

from vangnet.core.sporen import wis_verzoeksporen
from vangnet.core.tests.gunicornconfig import gunicorn_config

ADRES = "/kaart/?q=mijn+regisseur+Kanariepieters"


def _adressen_in_het_geheugen() -> list[str]:
    return [
        o.query
        for o in gc.get_objects()
        if isinstance(o, urllib.parse.SplitResult) and "Kanariepieters" in o.query
    ]


def test_python_keeps_the_addresses_it_parsed_so_forgetting_is_needed():
    # What the module guards against: gunicorn parses each request's address this way.
    urllib.parse.urlsplit(ADRES)
    assert urllib.parse.urlsplit.cache_info().currsize > 0
    assert _adressen_in_het_geheugen()


def test_wiping_the_traces_forgets_every_parsed_address():
    urllib.parse.urlsplit(ADRES)
    wis_verzoeksporen()
    gc.collect()
    assert urllib.parse.urlsplit.cache_info().currsize == 0
    assert _adressen_in_het_geheugen() == []


def test_gunicorn_wipes_the_traces_after_every_request():
    config = gunicorn_config()
    urllib.parse.urlsplit(ADRES)
    config.post_request(SimpleNamespace(nr=1), None, {}, None)
    assert urllib.parse.urlsplit.cache_info().currsize == 0

"""A search leaves no trace: no query is stored, cached or kept in the process's memory
(queries can name people). The logs are pinned in core/tests/test_logboek.py, the addresses
gunicorn parses in core/tests/test_sporen.py; this pins the rest."""

import pickle
import sys

from django.core.cache import caches
from django.db import connection

import pytest

from vangnet.core.tests.geheugen import houders_van

pytestmark = pytest.mark.django_db

#: A name a person might type; in no data file, so any copy of it was made by a search.
NAAM = "Kanariejansens"
#: Searches as people make them: a sentence, a compound, a typo, another language.
ZOEKVRAGEN = [
    f"mijn regisseur {NAAM} pest mij",
    f"{NAAM}vertrouwenspersoon",
    f"vertrouwenspersooon {NAAM}",
    f"harassment by {NAAM}",
]
#: Every way in: the kaart in three languages, the API with and without taal=, HSDS.
INGANGEN = [
    ("/kaart/", "q", {}),
    ("/fr/kaart/", "q", {}),
    ("/en/kaart/", "q", {}),
    ("/api/v1/zoek", "q", {}),
    ("/api/v1/zoek", "q", {"taal": "en"}),
    ("/api/v1/hsds/services", "search", {}),
]


def zoek_overal(client, zoekvragen: list[str]) -> None:
    """Each query through each way in. The query goes as data, so the test client itself
    never parses an address that holds it: what stays behind, the server kept."""
    for pad, veld, rest in INGANGEN:
        for zoekvraag in zoekvragen:
            response = client.get(pad, {veld: zoekvraag, **rest})
            assert response.status_code == 200, pad


def lru_caches_van_vangnet() -> dict[str, int]:
    """Each functools cache in the project's modules with the number of entries it holds."""
    groottes = {}
    for naam, module in list(sys.modules.items()):
        if not naam.startswith("vangnet."):
            continue
        for attribuut, waarde in vars(module).items():
            if callable(getattr(waarde, "cache_info", None)):
                groottes[f"{naam}.{attribuut}"] = waarde.cache_info().currsize
    return groottes


def test_a_search_leaves_the_name_in_no_table(client):
    zoek_overal(client, ZOEKVRAGEN)

    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")  # noqa: S608
            for rij in cursor.fetchall():
                assert NAAM.lower() not in repr(rij).lower(), f"the name is in table {tabel}"


def test_a_search_leaves_the_name_in_no_cache(client):
    zoek_overal(client, ZOEKVRAGEN)

    for alias in caches:
        # The test profile keeps every cache in the process (settings/test.py), so its
        # entries can be read back; a key as text, a value as the bytes that are stored.
        for sleutel, waarde in list(getattr(caches[alias], "_cache", {}).items()):
            assert NAAM.lower() not in sleutel.lower(), f"the name is in a key of {alias}"
            assert NAAM.lower().encode() not in pickle.dumps(waarde).lower(), alias


def test_a_search_adds_nothing_to_the_caches_of_the_process(client):
    # The first searches may fill what depends only on the content (labels, the word list);
    # searches with other words after them must add nothing.
    zoek_overal(client, ["pesten", "harcèlement sexuel", "bullying at work"])
    voor = lru_caches_van_vangnet()
    assert "vangnet.zoeken.taal.token_inhoud" in voor  # the walk finds the caches there are

    zoek_overal(client, ZOEKVRAGEN)

    gegroeid = {
        naam: (voor.get(naam, 0), aantal)
        for naam, aantal in lru_caches_van_vangnet().items()
        if aantal > voor.get(naam, 0)
    }
    assert gegroeid == {}, "a query filled a cache that outlives the request"


def test_no_text_with_the_name_outlives_the_search(client):
    zoek_overal(client, ZOEKVRAGEN)

    # Only this module may hold the name: its names and its list of queries.
    assert houders_van([NAAM], behalve=[globals(), ZOEKVRAGEN]) == []

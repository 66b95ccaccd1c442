"""On PostgreSQL a full rebuild fills a copy of the index table and swaps it in at the end:
searches read the old rows until the commit, and the table keeps the shape the migrations
gave it.

Another connection (a thread of its own) plays the searches; it gives up after two seconds
of waiting for a lock, so a rebuild that locked searches out fails the test instead of
hanging it.
"""

import threading

from django.db import connection, connections, transaction

import pytest

from vangnet.zoeken import tabelwissel
from vangnet.zoeken.models import Zoekdocument, Zoekingang

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL swaps tables"),
]

TABEL = Zoekingang._meta.db_table


def tokens_a_search_sees() -> list[str]:
    """The index's tokens as a search on another connection reads them at this moment."""
    uitkomst: dict = {}

    def search() -> None:
        verbinding = connections["default"]
        try:
            with verbinding.cursor() as cursor:
                cursor.execute("SET lock_timeout = '2s'")
                cursor.execute(f"SELECT token FROM {TABEL} ORDER BY token")  # noqa: S608
                uitkomst["tokens"] = [token for (token,) in cursor.fetchall()]
        except Exception as fout:  # noqa: BLE001 - handed to the test's thread
            uitkomst["fout"] = fout
        finally:
            verbinding.close()

    thread = threading.Thread(target=search)
    thread.start()
    thread.join()
    if "fout" in uitkomst:
        raise uitkomst["fout"]
    return uitkomst["tokens"]


def shape() -> dict:
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, TABEL)


def leftovers() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_class WHERE relname LIKE %s", [f"%{tabelwissel.NIEUW}"]
        )
        return [naam for (naam,) in cursor.fetchall()]


@pytest.fixture
def document() -> Zoekdocument:
    document = Zoekdocument.objects.create(
        soort="begrip", slug="test-wissel", titel="Wissel", sorteer="wissel", volgorde=1
    )
    Zoekingang.objects.create(document=document, token="oud", gewicht=10)
    return document


def fill(tabel: str, document: Zoekdocument, token: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {connection.ops.quote_name(tabel)} "  # noqa: S608
            "(document_id, token, gewicht, voorrang) VALUES (%s, %s, 10, 0)",
            [document.pk, token],
        )


def test_searches_read_the_old_rows_while_the_copy_fills_and_the_new_ones_after_the_commit(
    document,
):
    before, old = shape(), tokens_a_search_sees()
    assert "oud" in old
    with transaction.atomic(), tabelwissel.naast(Zoekingang) as tabel:
        fill(tabel, document, "nieuw")
        assert tabel != TABEL
        assert tokens_a_search_sees() == old
    assert tokens_a_search_sees() == ["nieuw"]
    assert shape() == before
    assert leftovers() == []


def test_the_swapped_table_takes_new_rows_through_the_orm_and_keeps_its_foreign_key(document):
    with transaction.atomic(), tabelwissel.naast(Zoekingang) as tabel:
        fill(tabel, document, "nieuw")
    extra = Zoekingang.objects.create(document=document, token="later", gewicht=1)
    assert extra.pk is not None
    document.delete()  # the cascade reaches the swapped table's rows
    assert not Zoekingang.objects.exists()


def test_a_rebuild_that_fails_leaves_the_old_table_as_it_was(document):
    before, old = shape(), tokens_a_search_sees()
    with (
        pytest.raises(ZeroDivisionError),
        transaction.atomic(),
        tabelwissel.naast(Zoekingang) as tabel,
    ):
        fill(tabel, document, "nieuw")
        1 / 0  # noqa: B018 - the rebuild breaks off
    assert tokens_a_search_sees() == old
    assert shape() == before
    assert leftovers() == []


def test_a_swap_outside_a_transaction_is_refused(document):
    old = tokens_a_search_sees()
    with pytest.raises(RuntimeError), tabelwissel.naast(Zoekingang):
        pass
    assert tokens_a_search_sees() == old

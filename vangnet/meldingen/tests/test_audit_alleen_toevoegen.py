"""Audit finding (issue 12, low): "The audit log can be changed through QuerySet.update()."

The log is append-only for the ORM as a whole (model, queryset and manager) and, on
PostgreSQL, for the database itself (a trigger refuses UPDATE and DELETE). Retention keeps
the log: a destroyed case keeps its lines, which hold codes and dates, never content.
"""

import io
from datetime import timedelta

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

import pytest

from vangnet.meldingen import acties, audit
from vangnet.meldingen.choices import Handeling
from vangnet.meldingen.models import Auditregel, Melding
from vangnet.meldingen.tests.factories import InzendingFactory, maak_team, sluit_af

pytestmark = pytest.mark.django_db

ALLEEN_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the trigger exists on PostgreSQL only; SQLite is the development database",
)


@pytest.fixture
def regel() -> Auditregel:
    return audit.noteer(None, Handeling.INGEDIEND, detail="test")


def test_the_audit_log_cannot_be_changed_through_queryset_update(regel):
    with pytest.raises(PermissionError):
        Auditregel.objects.update(detail="veranderd")
    with pytest.raises(PermissionError):
        Auditregel.objects.filter(pk=regel.pk).update(detail="veranderd")
    with pytest.raises(PermissionError):
        regel.detail = "veranderd"
        Auditregel.objects.bulk_update([regel], ["detail"])
    with pytest.raises(PermissionError):
        Auditregel.objects.update_or_create(pk=regel.pk, defaults={"detail": "veranderd"})
    assert Auditregel.objects.get(pk=regel.pk).detail == "test"


def test_the_audit_log_cannot_be_deleted_through_the_orm(regel):
    with pytest.raises(PermissionError):
        Auditregel.objects.all().delete()
    with pytest.raises(PermissionError):
        Auditregel.objects.filter(pk=regel.pk).delete()
    with pytest.raises(PermissionError):
        regel.delete()
    assert Auditregel.objects.filter(pk=regel.pk).exists()


def test_deleting_an_account_named_in_the_audit_log_is_refused(django_user_model):
    # Whoever did something stays named: deactivate an account, never delete it.
    hanne = django_user_model.objects.create_user("hanne-audit", password="lang-genoeg-wachtwoord")
    regel = audit.noteer(None, Handeling.INGEDIEND, gebruiker=hanne)
    with pytest.raises(ProtectedError):
        hanne.delete()
    assert Auditregel.objects.get(pk=regel.pk).gebruiker == hanne


@ALLEEN_POSTGRESQL
def test_postgresql_refuses_an_update_of_the_audit_log_below_the_orm(regel):
    tabel = Auditregel._meta.db_table
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"UPDATE {tabel} SET detail = 'veranderd'")  # noqa: S608
    assert Auditregel.objects.get(pk=regel.pk).detail == "test"


@ALLEEN_POSTGRESQL
def test_postgresql_refuses_a_delete_from_the_audit_log_below_the_orm(regel):
    tabel = Auditregel._meta.db_table
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(f"DELETE FROM {tabel}")  # noqa: S608
    assert Auditregel.objects.filter(pk=regel.pk).exists()


@ALLEEN_POSTGRESQL
def test_postgresql_still_takes_new_audit_lines(regel):
    audit.noteer(None, Handeling.INGEDIEND, detail="nog een")
    assert Auditregel.objects.count() >= 2


def test_retention_destroys_a_case_and_keeps_its_audit_lines():
    # Retention empties the case, never its log (codes and dates only); on PostgreSQL this
    # runs under the trigger.
    team = maak_team(bewaartermijn_dagen=30)
    hanne = team.leden["hanne"].behandelaar
    melding, _ = acties.dien_in(team.ontvanger, InzendingFactory())
    sluit_af(melding, door=hanne)
    Melding.objects.filter(pk=melding.pk).update(afgesloten_op=timezone.now() - timedelta(days=31))
    voor = list(melding.audit.values_list("pk", "handeling", "detail"))

    call_command("vernietig_meldingen", stdout=io.StringIO())

    assert Melding.objects.get(pk=melding.pk).vernietigd_op
    na = list(melding.audit.values_list("pk", "handeling", "detail"))
    assert set(voor) < set(na)
    assert Handeling.VERNIETIGD in {handeling for _pk, handeling, _detail in na}

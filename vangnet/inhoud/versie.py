"""Reading and raising the content version (see ``Inhoudsversie``)."""

from django.db.models import F

from vangnet.inhoud.models import Inhoudsversie


def huidige() -> int:
    """The current content version (0 before the first change)."""
    return Inhoudsversie.objects.filter(pk=1).values_list("nummer", flat=True).first() or 0


def verhoog() -> None:
    """Raise the version: part of the same transaction as the change that causes it."""
    if not Inhoudsversie.objects.filter(pk=1).update(nummer=F("nummer") + 1):
        Inhoudsversie.objects.get_or_create(pk=1, defaults={"nummer": 1})

"""Reindex an item whenever it is saved or deleted; rebuild the index when a synonym changes,
or when a migration changed what its rows hold.

Related rows (aanbieders, prijzen) are saved after the item itself; the admin reindexes
once more after saving them (see kaart.admin), and the loader indexes everything at the end.
A synonym (``Synoniem``) reaches every item whose text holds its term, so an edit in the
admin rebuilds the whole index once the transaction commits (the loader skips this).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from vangnet.inhoud.signals import raise_version
from vangnet.zoeken.documents import SOORTEN, Soort
from vangnet.zoeken.indexing import forget, reindex, reindex_all
from vangnet.zoeken.models import Synoniem, Topresultaat


def _receivers(soort: Soort):
    def on_save(sender, instance, raw=False, **kwargs):
        if not raw and not getattr(instance, "_skip_reindex", False):
            reindex(soort, instance)

    def on_delete(sender, instance, **kwargs):
        forget(soort, instance.slug)

    return on_save, on_delete


for _soort in SOORTEN.values():
    _on_save, _on_delete = _receivers(_soort)
    _model = _soort.model()
    post_save.connect(_on_save, sender=_model, weak=False, dispatch_uid=f"reindex-{_soort.naam}")
    post_delete.connect(_on_delete, sender=_model, weak=False, dispatch_uid=f"forget-{_soort.naam}")


def _synoniem_gewijzigd(sender, instance, raw=False, **kwargs):
    if not raw and not getattr(instance, "_skip_reindex", False):
        transaction.on_commit(reindex_all)


post_save.connect(_synoniem_gewijzigd, sender=Synoniem, dispatch_uid="herbouw-synoniem-save")
post_delete.connect(_synoniem_gewijzigd, sender=Synoniem, dispatch_uid="herbouw-synoniem-delete")

# A best bet changes no index row, only the order of results: a new content version is
# enough (the page cache and the kept results follow it).
post_save.connect(raise_version, sender=Topresultaat, dispatch_uid="topresultaat-versie")
post_delete.connect(raise_version, sender=Topresultaat, dispatch_uid="topresultaat-versie-weg")


#: Migrations after which the rows of an existing index lack what the search reads (0005: the
#: ``voorrang`` of help, ADR 0026): ``migrate`` rebuilds the index once, right after them.
HERBOUW_NA = {("zoeken", "0005_hulp_gaat_voor")}


def herbouw_na_migratie(sender, plan=None, **kwargs) -> None:
    """Rebuild the index when this ``migrate`` applied a migration of ``HERBOUW_NA`` to a
    database that already has an index (a new installation gets its index from
    ``load_content``)."""
    from vangnet.zoeken.models import Zoekdocument

    toegepast = {(m.app_label, m.name) for m, terug in plan or [] if not terug}
    if toegepast & HERBOUW_NA and Zoekdocument.objects.exists():
        reindex_all()

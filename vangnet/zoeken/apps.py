from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZoekenConfig(AppConfig):
    name = "vangnet.zoeken"
    verbose_name = _("Zoeken")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from vangnet.zoeken import signals  # connects the reindex receivers

        post_migrate.connect(signals.herbouw_na_migratie, sender=self)

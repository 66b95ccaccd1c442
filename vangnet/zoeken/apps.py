from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZoekenConfig(AppConfig):
    name = "vangnet.zoeken"
    verbose_name = _("Zoeken")

    def ready(self) -> None:
        from vangnet.zoeken import signals  # noqa: F401  (connects the reindex receivers)

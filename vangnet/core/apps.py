from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "vangnet.core"
    verbose_name = _("Vangnet")

    def ready(self) -> None:
        # Registers the production start-up checks with Django's check framework.
        from vangnet.core import opstartcontrole  # noqa: F401

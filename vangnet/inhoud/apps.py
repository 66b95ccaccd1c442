from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InhoudConfig(AppConfig):
    name = "vangnet.inhoud"
    verbose_name = _("Inhoud van het actieplan")

    def ready(self) -> None:
        from vangnet.inhoud import signals

        signals.connect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldingenConfig(AppConfig):
    """The secure reporting channel: receivers, their teams, cases and the case path."""

    name = "vangnet.meldingen"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from vangnet.meldingen import duurzaamheid

        duurzaamheid.verbind()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeldingenConfig(AppConfig):
    """The secure reporting channel: receivers, their teams, cases and the case path."""

    name = "vangnet.meldingen"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from vangnet.inhoud.signals import raise_version
        from vangnet.meldingen import duurzaamheid
        from vangnet.meldingen.models import Ontvanger

        duurzaamheid.verbind()
        # A receiver is linked from cached kaart and wegwijzer pages: changing one is a
        # content change. Cases are not: they never appear on a public page.
        post_save.connect(raise_version, sender=Ontvanger, dispatch_uid="ontvanger-versie")
        post_delete.connect(raise_version, sender=Ontvanger, dispatch_uid="ontvanger-versie-weg")

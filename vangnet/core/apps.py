from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "vangnet.core"
    verbose_name = _("Vangnet")

    def ready(self) -> None:
        # Registers the production start-up checks with Django's check framework.
        from vangnet.core import opstartcontrole  # noqa: F401

        # The tables of a database cache (settings.CACHES) are made by every migrate. Sent
        # once per app that has models (this one has none): tied to the sessions app, the
        # other shared state.
        post_migrate.connect(
            maak_cachetabellen,
            sender=apps.get_app_config("sessions"),
            dispatch_uid="vangnet-cache",
        )


def maak_cachetabellen(sender, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    """Create the tables of every DatabaseCache in CACHES that lacks one (idempotent)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)

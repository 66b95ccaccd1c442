from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Figures of the reporting channel and of partners, suppressed (action 1.7)."""

    name = "vangnet.monitoring"
    verbose_name = _("Monitoring")

    def ready(self) -> None:
        from vangnet.meldingen.signalen import voor_vernietiging
        from vangnet.monitoring import momentopname

        # The retention run announces what it will destroy; the figures of those quarters
        # are fixed first, so they do not shrink afterwards.
        voor_vernietiging.connect(
            momentopname.voor_vernietiging, dispatch_uid="monitoring-momentopname"
        )

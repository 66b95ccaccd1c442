from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerplichtingenConfig(AppConfig):
    name = "vangnet.verplichtingen"
    verbose_name = _("wettelijke verplichtingen")
    default_auto_field = "django.db.models.BigAutoField"

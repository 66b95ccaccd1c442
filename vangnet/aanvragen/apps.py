from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanvragenConfig(AppConfig):
    name = "vangnet.aanvragen"
    verbose_name = _("aanvragen van meldpunten")
    default_auto_field = "django.db.models.BigAutoField"

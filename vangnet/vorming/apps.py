from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VormingConfig(AppConfig):
    name = "vangnet.vorming"
    verbose_name = _("vormingen en sessies")
    default_auto_field = "django.db.models.BigAutoField"

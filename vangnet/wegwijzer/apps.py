from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WegwijzerConfig(AppConfig):
    name = "vangnet.wegwijzer"
    verbose_name = _("wegwijzer")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActieplanConfig(AppConfig):
    name = "vangnet.actieplan"
    verbose_name = _("actieplan")
    default_auto_field = "django.db.models.BigAutoField"

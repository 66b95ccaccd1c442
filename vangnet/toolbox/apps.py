from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "vangnet.toolbox"
    verbose_name = _("toolbox voor organisaties")
    default_auto_field = "django.db.models.BigAutoField"

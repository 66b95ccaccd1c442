from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuickscanConfig(AppConfig):
    name = "vangnet.quickscan"
    verbose_name = _("quickscan integriteitsbeleid")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoolConfig(AppConfig):
    name = "vangnet.pool"
    verbose_name = _("pool van freelance vertrouwenspersonen")
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BegrippenConfig(AppConfig):
    name = "vangnet.begrippen"
    verbose_name = _("Begrippen")

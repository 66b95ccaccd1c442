from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReservekopieConfig(AppConfig):
    name = "vangnet.reservekopie"
    verbose_name = _("Reservekopieën")

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vangnet.accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self) -> None:
        from vangnet.accounts.roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="vangnet-ensure-roles")

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vangnet.accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self) -> None:
        from vangnet.accounts.roles import ensure_roles

        # Not limited to this app: the permissions of apps migrated later must exist first,
        # so the roles are brought in step after every app (cheap and idempotent).
        post_migrate.connect(ensure_roles, dispatch_uid="vangnet-ensure-roles")

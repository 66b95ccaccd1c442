from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
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


class BeheerAdminConfig(admin_apps.AdminConfig):
    """Django's admin with our site as ``admin.site``: two factors and a limit on guessing
    (``accounts/beheersite.py``). Every ``@admin.register`` lands on it."""

    default = False  # "vangnet.accounts" itself is AccountsConfig

    default_site = "vangnet.accounts.beheersite.BeheerSite"

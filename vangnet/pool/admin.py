"""The pool in the admin: only SFP (and the department) add, activate and deactivate members.

The partner role holds the model permissions (accounts/roles.py); this admin narrows them to
the organisation that runs the pool, so another partner sees nothing of it.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

import reversion

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.pool.beheer import beheert_pool
from vangnet.pool.forms import PoollidBeheerForm
from vangnet.pool.models import Poollid


@admin.register(Poollid)
class PoollidAdmin(VersieAdmin):
    form = PoollidBeheerForm
    list_display = ["naam", "actief", "beschikbaarheid", "demo", "bijgewerkt"]
    list_filter = ["actief", "beschikbaarheid", "demo"]
    search_fields = ["naam"]
    actions = ["zet_in_pool", "haal_uit_pool"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return beheert_pool(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return beheert_pool(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return beheert_pool(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return beheert_pool(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return beheert_pool(request.user) and super().has_delete_permission(request, obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Only the logins of members, never a staff account.
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=False, is_superuser=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.action(description=_("Zet in de pool"), permissions=["change"])
    def zet_in_pool(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._zet_actief(request, queryset, True)

    @admin.action(description=_("Haal uit de pool"), permissions=["change"])
    def haal_uit_pool(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._zet_actief(request, queryset, False)

    def _zet_actief(self, request: HttpRequest, queryset: QuerySet, actief: bool) -> None:
        # One save per member, so that every change is in the history (reversion).
        aantal = 0
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("in de pool" if actief else "uit de pool")
            for lid in queryset.exclude(actief=actief):
                lid.actief = actief
                lid.save(update_fields=["actief", "bijgewerkt"])
                aantal += 1
        self.message_user(
            request,
            ngettext("%(aantal)d lid aangepast.", "%(aantal)d leden aangepast.", aantal)
            % {"aantal": aantal},
            messages.SUCCESS,
        )

"""Admin for sessions. The department edits every session; a partner only the sessions of
its own organisation's offering (as in kaart.admin)."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from vangnet.accounts.permissions import is_departement, organisatie_ids
from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.kaart.models import Aanbod
from vangnet.vorming.models import Sessie


@admin.register(Sessie)
class SessieAdmin(VersieAdmin):
    list_display = ["aanbod", "start", "einde", "online", "plaats", "slug"]
    list_filter = ["online"]
    search_fields = ["slug", "aanbod__titel", "plaats"]
    date_hierarchy = "start"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request).select_related("aanbod")
        if is_departement(request.user):
            return queryset
        return queryset.filter(aanbod__aanbieders__in=organisatie_ids(request.user)).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "aanbod" and not is_departement(request.user):
            # A partner dates only its own organisation's trainings.
            kwargs["queryset"] = Aanbod.objects.filter(
                aanbieders__in=organisatie_ids(request.user)
            ).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

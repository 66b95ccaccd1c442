"""What the department sees in the admin: receivers and the audit log, never content.

Receivers are created with ``manage.py ontvanger_aanmaken`` (it generates the keys and
prints the recovery key once); here their public settings can be changed.
"""

from django.contrib import admin

from vangnet.meldingen.models import Auditregel, Extravraag, Melding, Ontvanger, Teamlid


class ExtravraagInline(admin.TabularInline):
    model = Extravraag
    extra = 0


class TeamlidInline(admin.TabularInline):
    model = Teamlid
    fields = ["behandelaar", "rol"]
    readonly_fields = ["behandelaar", "rol"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # a team member needs keys: manage.py behandelaar_toevoegen


@admin.register(Ontvanger)
class OntvangerAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "soort", "actief", "venster_start", "venster_einde"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam", "slug"]
    readonly_fields = ["slug"]
    inlines = [ExtravraagInline, TeamlidInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AlleenLezen(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Melding)
class MeldingAdmin(AlleenLezen):
    """Dates, status and monitoring codes only: the content is encrypted for the team."""

    list_display = ["nummer", "ontvanger", "status", "ontvangen_op", "afgesloten_op"]
    list_filter = ["status", "ontvanger"]
    fields = [
        "ontvanger",
        "status",
        "ontvangen_op",
        "erkend_op",
        "teruggekoppeld_op",
        "afgesloten_op",
        "vernietigd_op",
        "gedrag",
        "sector",
        "melder_status",
        "route",
        "uitkomst",
    ]


@admin.register(Auditregel)
class AuditregelAdmin(AlleenLezen):
    list_display = ["tijd", "ontvanger", "melding", "actor", "gebruiker", "handeling", "detail"]
    list_filter = ["handeling", "actor", "ontvanger"]
    date_hierarchy = "tijd"

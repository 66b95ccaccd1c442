"""Admin for the kaart. The department edits everything; a partner only its own organisation's rows.

Every change is versioned by django-reversion (who, when, what), visible under
"Geschiedenis" on each record, where an earlier version can be restored.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import reversion
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from vangnet.accounts.permissions import is_departement, organisatie_ids
from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal, Organisatie, ParitairComite, Prijs
from vangnet.zoeken.documents import AANBOD, AANSPREEKPUNT
from vangnet.zoeken.indexing import reindex


class ScopedAdmin(VersieAdmin, TranslationAdmin):
    """Limits a partner user to the rows of its own organisations."""

    def scope(self, queryset: QuerySet, org_ids: set[int]) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        if is_departement(request.user):
            return queryset
        return self.scope(queryset, organisatie_ids(request.user)).distinct()

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "aanbieders" and not is_departement(request.user):
            kwargs["queryset"] = Organisatie.objects.filter(pk__in=organisatie_ids(request.user))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie" and not is_departement(request.user):
            kwargs["queryset"] = Organisatie.objects.filter(pk__in=organisatie_ids(request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class KanaalInline(TranslationTabularInline):
    model = Kanaal
    extra = 0


class PrijsInline(TranslationTabularInline):
    model = Prijs
    extra = 0


@admin.register(Organisatie)
class OrganisatieAdmin(VersieAdmin, TranslationAdmin):
    list_display = ["naam", "afkorting", "soort", "slug"]
    list_filter = ["soort"]
    search_fields = ["naam", "afkorting", "slug"]


@admin.register(ParitairComite)
class ParitairComiteAdmin(VersieAdmin, TranslationAdmin):
    list_display = ["slug", "naam", "sociaal_fonds"]


@admin.register(Aanspreekpunt)
class AanspreekpuntAdmin(ScopedAdmin):
    list_display = ["naam", "soort", "niveau", "slug", "anoniem", "kosteloos", "dringend"]
    list_filter = ["niveau", "soort", "anoniem", "kosteloos", "dringend"]
    search_fields = ["naam", "slug", "samenvatting"]
    filter_horizontal = ["aanbieders", "begrippen"]
    inlines = [KanaalInline]

    def scope(self, queryset: QuerySet, org_ids: set[int]) -> QuerySet:
        return queryset.filter(Q(organisatie__in=org_ids) | Q(aanbieders__in=org_ids))

    def get_readonly_fields(self, request, obj=None):
        # A partner keeps channels and texts current, but not the id, who runs it, or where
        # it stands in the sector's vangnet.
        if is_departement(request.user):
            return ()
        return ("slug", "organisatie", "niveau", "bron")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reindex(AANSPREEKPUNT, form.instance)

    def get_urls(self) -> list[URLPattern]:
        # Before the admin's own "<object_id>/..." patterns, which would otherwise match first.
        bevestigen = path(
            "<path:object_id>/bevestigen/",
            self.admin_site.admin_view(require_POST(self.bevestig_view)),
            name="kaart_aanspreekpunt_bevestigen",
        )
        return [bevestigen, *super().get_urls()]

    def bevestig_view(self, request: HttpRequest, object_id: str) -> HttpResponseRedirect:
        """ "Gegevens bevestigen": the facts of this point and its channels were checked today.

        Only for who may change this very record: ``get_object`` goes through the scoped
        queryset, so a partner never reaches another organisation's point.
        """
        punt = self.get_object(request, unquote(object_id))
        if punt is None or not self.has_change_permission(request, punt):
            raise PermissionDenied
        vandaag = timezone.localdate()
        with transaction.atomic(), reversion.create_revision():
            punt.bevestig_gegevens(vandaag)
            reversion.set_user(request.user)
            reversion.set_comment(_("Gegevens bevestigd"))
        self.message_user(
            request,
            _("De gegevens van %(naam)s en zijn kanalen zijn bevestigd op %(datum)s.")
            % {"naam": punt.naam, "datum": vandaag.isoformat()},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:kaart_aanspreekpunt_change", args=[punt.pk]))


@admin.register(Aanbod)
class AanbodAdmin(ScopedAdmin):
    list_display = ["titel", "soort", "slug", "kosteloos"]
    list_filter = ["soort", "kosteloos"]
    search_fields = ["titel", "slug", "samenvatting"]
    filter_horizontal = ["aanbieders", "begrippen"]
    inlines = [PrijsInline]

    def scope(self, queryset: QuerySet, org_ids: set[int]) -> QuerySet:
        return queryset.filter(aanbieders__in=org_ids)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        aanbod = form.instance
        if not is_departement(request.user) and not aanbod.aanbieders.exists():
            # Whatever a partner creates belongs to its organisation(s).
            aanbod.aanbieders.set(organisatie_ids(request.user))
        aanbod.refresh_kosteloos()
        Aanbod.objects.filter(pk=aanbod.pk).update(kosteloos=aanbod.kosteloos)
        reindex(AANBOD, aanbod)

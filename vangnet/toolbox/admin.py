"""The reaction guide in the admin: the department edits it (accounts/roles.py)."""

from django.contrib import admin

from modeltranslation.admin import TranslationAdmin

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.toolbox.models import Reactiestap


@admin.register(Reactiestap)
class ReactiestapAdmin(VersieAdmin, TranslationAdmin):
    list_display = ["titel", "fase", "verplichting", "volgorde", "slug"]
    list_filter = ["fase", "verplichting"]
    search_fields = ["titel", "slug", "tekst"]
    filter_horizontal = ["wie_bellen"]

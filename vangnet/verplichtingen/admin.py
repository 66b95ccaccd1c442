from django.contrib import admin

from modeltranslation.admin import TranslationAdmin

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.verplichtingen.models import Regel


@admin.register(Regel)
class RegelAdmin(VersieAdmin, TranslationAdmin):
    """The legal rules; only the department edits them (accounts.roles), data file first:
    an edit here is overwritten by the next ``load_content`` unless the file changes too."""

    list_display = ["slug", "titel", "datum", "volgorde"]
    search_fields = ["slug", "titel"]

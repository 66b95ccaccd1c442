"""The search's synonyms in the admin (``data/synoniemen.yaml`` is their source of truth;
an edit here holds until the next ``load_content``, and rebuilds the index at once)."""

from django.contrib import admin

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.zoeken.models import Synoniem


@admin.register(Synoniem)
class SynoniemAdmin(VersieAdmin):
    list_display = ["slug", "relatie", "begrip"]
    list_filter = ["relatie"]
    search_fields = ["slug", "term_nl", "woorden_nl"]
    autocomplete_fields = ["begrip"]
    fieldsets = [
        (None, {"fields": ["slug", "relatie", "begrip", "bron"]}),
        ("nl", {"fields": ["term_nl", "woorden_nl"]}),
        ("fr", {"fields": ["term_fr", "woorden_fr"]}),
        ("en", {"fields": ["term_en", "woorden_en"]}),
    ]

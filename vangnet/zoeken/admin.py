"""The search's synonyms and best bets in the admin (``data/synoniemen.yaml`` and
``data/topresultaten.yaml`` are their source of truth; an edit here holds until the next
``load_content``; a synonym rebuilds the index at once, a best bet raises the content version)."""

from django.contrib import admin

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.zoeken.models import Synoniem, Topresultaat


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


@admin.register(Topresultaat)
class TopresultaatAdmin(VersieAdmin):
    list_display = ["slug", "soort", "doel"]
    list_filter = ["soort"]
    search_fields = ["slug", "doel", "zoekvraag_nl"]
    fields = [
        "slug",
        "zoekvraag_nl",
        "zoekvraag_fr",
        "zoekvraag_en",
        "soort",
        "doel",
        "waarom",
        "bron",
    ]

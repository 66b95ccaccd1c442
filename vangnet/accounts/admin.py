from django.contrib import admin

from vangnet.accounts.models import Lidmaatschap


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = ["user", "organisatie"]
    list_filter = ["organisatie"]
    autocomplete_fields = ["organisatie"]
    search_fields = ["user__username", "organisatie__naam"]

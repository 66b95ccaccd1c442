from django.contrib import admin

from modeltranslation.admin import TabbedTranslationAdmin

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.begrippen.models import Begrip


@admin.register(Begrip)
class BegripAdmin(VersieAdmin, TabbedTranslationAdmin):
    list_display = ["term", "slug"]
    search_fields = ["term", "slug", "definitie"]
    filter_horizontal = ["verwant"]

from django.contrib import admin

from modeltranslation.admin import TranslationAdmin

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.begrippen.models import Begrip


@admin.register(Begrip)
class BegripAdmin(VersieAdmin, TranslationAdmin):
    list_display = ["term", "slug"]
    search_fields = ["term", "slug", "definitie"]
    filter_horizontal = ["verwant"]

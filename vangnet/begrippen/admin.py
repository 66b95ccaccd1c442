from django.contrib import admin

from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin

from vangnet.begrippen.models import Begrip


@admin.register(Begrip)
class BegripAdmin(VersionAdmin, TabbedTranslationAdmin):
    list_display = ["term", "slug"]
    search_fields = ["term", "slug", "definitie"]
    filter_horizontal = ["verwant"]

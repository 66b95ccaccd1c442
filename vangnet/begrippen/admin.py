from django.contrib import admin

from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from vangnet.begrippen.models import Begrip


@admin.register(Begrip)
class BegripAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ["term", "slug"]
    search_fields = ["term", "slug", "definitie"]
    filter_horizontal = ["verwant"]

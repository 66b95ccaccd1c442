from django.contrib import admin

from modeltranslation.admin import TranslationAdmin

from vangnet.accounts.versiebeheer import VersieAdmin
from vangnet.wegwijzer.models import Opvangstap


@admin.register(Opvangstap)
class OpvangstapAdmin(VersieAdmin, TranslationAdmin):
    """The guide for whoever receives a disclosure; the department keeps it (data file first)."""

    list_display = ["slug", "onderdeel", "volgorde"]
    list_filter = ["onderdeel"]
    filter_horizontal = ["verwijst_naar"]

from modeltranslation.translator import TranslationOptions, register

from vangnet.verplichtingen.models import Regel


@register(Regel)
class RegelTranslation(TranslationOptions):
    fields = ("titel", "niet_van_toepassing", "wettelijke_bron", "onbevestigd")

from modeltranslation.translator import TranslationOptions, register

from vangnet.quickscan.models import Stelling


@register(Stelling)
class StellingTranslation(TranslationOptions):
    fields = ("stelling", "toelichting", "advies", "onbevestigd")

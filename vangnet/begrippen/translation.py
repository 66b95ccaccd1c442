from modeltranslation.translator import TranslationOptions, register

from vangnet.begrippen.models import Begrip


@register(Begrip)
class BegripTranslation(TranslationOptions):
    fields = ("term", "definitie", "onbevestigd")

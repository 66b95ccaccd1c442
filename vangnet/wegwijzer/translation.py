from modeltranslation.translator import TranslationOptions, register

from vangnet.wegwijzer.models import Opvangstap


@register(Opvangstap)
class OpvangstapTranslation(TranslationOptions):
    fields = ("tekst", "onbevestigd")

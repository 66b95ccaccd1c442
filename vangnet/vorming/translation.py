from modeltranslation.translator import TranslationOptions, register

from vangnet.vorming.models import Sessie


@register(Sessie)
class SessieTranslation(TranslationOptions):
    fields = ("onbevestigd",)
